//! One module per command group: arguments in, calls into the library,
//! output out. No domain logic lives here.

pub mod apikey;
pub mod audit;
pub mod cert;
pub mod config;
pub mod crypt;
pub mod format;
pub mod generate;
pub mod hash;
pub mod hmac;
pub mod jwt;
pub mod key;
pub mod keygen;
pub mod rotate;
pub mod rotate_env;
pub mod sink;

use std::io::IsTerminal;
use std::path::PathBuf;

use crate::audit::{Auditor, hostname, login_name};
use crate::cli::{Cli, Command};
use crate::error::{Error, Outcome, Result};
use crate::output::Output;
use crate::store::{Store, resolve_path};

/// What every command gets besides its own arguments.
#[derive(Debug)]
pub struct Ctx {
    /// The renderer.
    pub out: Output,
    /// `--yes` was given.
    pub yes: bool,
    /// `--store`, if given.
    pub store_flag: Option<PathBuf>,
    /// `--actor` (or KEYWARD_ACTOR), if given.
    pub actor: Option<String>,
}

impl Ctx {
    /// Opens keyward's store (creating it on first use).
    pub fn store(&self) -> Result<Store> {
        Store::open(&resolve_path(self.store_flag.as_deref())?)
    }

    /// Opens keyward's store for a command that only reads it: read-only
    /// when it cannot be written.
    pub fn store_for_reading(&self) -> Result<Store> {
        Store::open_for_reading(&resolve_path(self.store_flag.as_deref())?)
    }

    /// The store and auditor of a command that changes something, checked
    /// up front: a bad `--actor` fails before the store is opened, and an
    /// audit key that does not fit the store's chain is refused (exit 4)
    /// before the command changes anything.
    pub fn audited(&self) -> Result<(Store, Auditor)> {
        let auditor = self.auditor()?;
        let store = self.store()?;
        auditor.check_chain(store.conn())?;
        Ok((store, auditor))
    }

    /// Who acts, from where, with the audit chain's key.
    pub fn auditor(&self) -> Result<Auditor> {
        let actor = self.actor.clone().unwrap_or_else(login_name);
        if actor.is_empty() || actor.chars().count() > 128 || actor.chars().any(char::is_control) {
            return Err(Error::usage(
                "--actor must be 1-128 characters without control characters",
            ));
        }
        Auditor::new(actor, hostname())
    }

    /// Asks before a destructive action: a prompt on a terminal, `--yes`
    /// otherwise (without it, a usage error rather than a silent yes).
    pub fn confirm(&self, question: &str) -> Result<bool> {
        if self.yes {
            return Ok(true);
        }
        if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
            return Err(
                Error::usage(format!("{question}: no terminal to confirm on"))
                    .with_hint("pass --yes to confirm without a terminal"),
            );
        }
        dialoguer::Confirm::new()
            .with_prompt(question)
            .default(false)
            .interact()
            .map_err(|e| Error::environment(format!("cannot read the answer: {e}")))
    }
}

/// Runs the parsed command line.
pub fn dispatch(cli: Cli) -> Result<Outcome> {
    if let Some(ms) = cli.busy_timeout {
        crate::store::set_busy_timeout(ms);
    }
    let ctx = Ctx {
        out: Output::new(cli.format, cli.color, cli.quiet),
        yes: cli.yes,
        store_flag: cli.store,
        actor: cli.actor,
    };
    match cli.command {
        Command::Keygen(cmd) => keygen::run(&ctx, cmd),
        Command::Key(cmd) => key::run(&ctx, cmd),
        Command::Encrypt(args) => crypt::encrypt(&ctx, args),
        Command::Decrypt(args) => crypt::decrypt(&ctx, args),
        Command::Apikey(cmd) => apikey::run(&ctx, cmd),
        Command::Jwt(cmd) => jwt::run(&ctx, cmd),
        Command::Audit(cmd) => audit::run(&ctx, cmd),
        Command::Cert(cmd) => cert::run(&ctx, cmd),
        Command::Rotate(cmd) => rotate::run(&ctx, cmd),
        Command::Hash(cmd) => hash::run(&ctx, cmd),
        Command::Hmac(cmd) => hmac::run(&ctx, cmd),
        Command::Config(cmd) => config::run(&ctx, cmd),
        Command::Format(cmd) => format::run(&ctx, cmd),
        Command::Completions { shell } => generate::completions(&ctx, shell),
        Command::Manpages { dir } => generate::manpages(&ctx, &dir),
    }
}
