//! End-to-end tests: every test runs the built `keyward` binary.

mod apikey;
mod audit;
mod audit_query;
mod cert;
mod config;
mod crypt;
mod derive;
mod frame;
mod generated;
mod interop;
mod jwt;
mod keygen;
mod rotate;
mod store;
mod util;
