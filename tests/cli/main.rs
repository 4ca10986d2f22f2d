//! End-to-end tests: every test runs the built `keyward` binary.

mod crypt;
mod derive;
mod frame;
mod generated;
mod interop;
mod keygen;
mod util;
