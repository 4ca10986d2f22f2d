//! End-to-end tests: every test runs the built `keyward` binary.

#![allow(clippy::print_stdout, clippy::print_stderr)] // a test or bench prints its own report

mod apikey;
mod audit;
mod audit_pg;
mod audit_query;
mod bounded;
mod cert;
mod config;
mod crypt;
mod derive;
mod format;
mod frame;
mod generated;
mod hash;
mod hmac;
mod interop;
mod json_docs;
mod jwt;
mod keygen;
mod keypair;
mod keyring;
mod rotate;
mod rotate_env;
mod rotate_formats;
mod rotate_pg;
mod rotate_workers;
mod store;
mod util;
