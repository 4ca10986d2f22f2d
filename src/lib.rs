//! keyward: security administration for self-hosted services that keep
//! sensitive data encrypted at rest.
//!
//! The library holds the domain logic (crypto core, file handling, output);
//! `main.rs` only parses, runs, and maps the result to an exit code.

pub mod apikey;
pub mod audit;
pub mod certs;
pub mod cli;
pub mod commands;
pub mod config_check;
pub mod crypto;
pub mod error;
pub mod formats;
pub mod fsutil;
pub mod jwt;
pub mod keypair;
pub mod keyring;
pub mod output;
pub mod passwd;
pub mod pgtls;
pub mod rotate;
pub mod secret;
pub mod sql;
pub mod store;
pub mod timeutil;

use std::process::ExitCode;

use clap::Parser;

use crate::error::{ErrorKind, Outcome};

/// Parses the command line, runs it, prints any error, and returns the
/// exit code of DESIGN.md.
pub fn main_entry() -> ExitCode {
    // An empty setting means "not set" (clap would call it a missing value).
    for var in [
        "KEYWARD_STORE",
        "KEYWARD_KEYRING",
        "KEYWARD_BUSY_TIMEOUT",
        "KEYWARD_ACTOR",
    ] {
        if std::env::var_os(var).is_some_and(|v| v.is_empty()) {
            // SAFETY: at start-up, before this process has any other thread.
            unsafe { std::env::remove_var(var) };
        }
    }
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let mut cli = match cli::Cli::try_parse_from(&argv) {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints its own message; help and version exit 0, errors 2.
            let _ = e.print();
            return ExitCode::from(e.exit_code() as u8);
        }
    };
    cli::separate_actor_filter(&mut cli, &argv);
    let color = cli.color;
    match commands::dispatch(cli) {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::ChecksFailed) => ExitCode::from(1),
        Ok(Outcome::Code(code)) => ExitCode::from(code),
        Err(e) if e.kind() == ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            output::print_error(&e, color);
            ExitCode::from(e.exit_code())
        }
    }
}
