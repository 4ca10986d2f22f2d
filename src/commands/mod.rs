//! One module per command group: arguments in, calls into the library,
//! output out. No domain logic lives here.

pub mod crypt;
pub mod generate;
pub mod key;
pub mod keygen;
pub mod sink;

use crate::cli::{Cli, Command};
use crate::error::{Outcome, Result};
use crate::output::Output;

/// What every command gets besides its own arguments.
#[derive(Debug)]
pub struct Ctx {
    /// The renderer.
    pub out: Output,
    /// `--yes` was given.
    pub yes: bool,
}

/// Runs the parsed command line.
pub fn dispatch(cli: Cli) -> Result<Outcome> {
    let ctx = Ctx {
        out: Output::new(cli.format, cli.color, cli.quiet),
        yes: cli.yes,
    };
    match cli.command {
        Command::Keygen(cmd) => keygen::run(&ctx, cmd),
        Command::Key(cmd) => key::run(&ctx, cmd),
        Command::Encrypt(args) => crypt::encrypt(&ctx, args),
        Command::Decrypt(args) => crypt::decrypt(&ctx, args),
        Command::Completions { shell } => generate::completions(&ctx, shell),
        Command::Manpages { dir } => generate::manpages(&ctx, &dir),
    }
}
