//! The command line, as clap definitions only, one file per command group
//! (`src/cli/<group>.rs`, as `src/commands/`). Doc comments here are the
//! help text, the man pages and the completions.
//!
//! Start-up: every `Subcommand` enum is `#[command(defer = true)]`, so a
//! process builds the arguments of the one command it runs, not of all
//! sixty (building the whole tree was a fifth of a short command's start-up;
//! `bash bench/startup.sh`). Two rules follow from clap's deferred building:
//! - a subcommand's about is its enum variant's doc comment; the `Args`
//!   structs carry plain `//` comments, because a `///` doc on one would
//!   be applied after the variant's and replace it (a test checks this);
//! - a global option (`--actor`, `--store`, ...) is propagated before a
//!   deferred command adds its own arguments, so a command cannot declare
//!   an argument of the same name: `AuditCommand` (whose `query` has its
//!   own `--actor` filter) is therefore built eagerly.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::crypto::keys::Encoding;
use crate::output::{ColorChoice, Format};

mod apikey;
mod audit;
mod cert;
mod config;
mod crypt;
mod format;
mod hash;
mod hmac;
mod jwt;
mod key;
mod keygen;
mod rotate;

pub use apikey::*;
pub use audit::*;
pub use cert::*;
pub use config::*;
pub use crypt::*;
pub use format::*;
pub use hash::*;
pub use hmac::*;
pub use jwt::*;
pub use key::*;
pub use keygen::*;
pub use rotate::*;

/// Security administration for self-hosted services that keep data encrypted at rest.
///
/// keyward generates master keys, secrets and key pairs; keeps a keyring of
/// versioned data-encryption keys and re-encrypts a database's values under
/// a new one (SQLite or PostgreSQL); issues API keys stored as hashes; mints
/// and verifies JWTs; creates certificates and checks their expiry; lints
/// service configurations; and keeps a tamper-evident audit log, for the
/// services of an AI memory server, an MCP server or a chat back end.
///
/// Exit codes: 0 success, 1 a check failed, 2 usage error, 3 bad input
/// (malformed key, authentication failure), 4 environment failure (I/O,
/// permissions), 70 internal error.
#[derive(Debug, Parser)]
#[command(
    name = "keyward",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    /// Output format: text for people, json for scripts.
    #[arg(long, global = true, value_enum, default_value_t = Format::Text, value_name = "FORMAT", help_heading = "Global options")]
    pub format: Format,

    /// When to use colour (auto: only on a terminal and without NO_COLOR).
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN", help_heading = "Global options")]
    pub color: ColorChoice,

    /// Print nothing on stderr but warnings and errors.
    #[arg(short, long, global = true, help_heading = "Global options")]
    pub quiet: bool,

    /// Answer yes to confirmations (needed for destructive actions without a terminal).
    #[arg(long, global = true, help_heading = "Global options")]
    pub yes: bool,

    /// keyward's own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db].
    #[arg(
        long,
        global = true,
        value_name = "PATH",
        env = "KEYWARD_STORE",
        hide_env = true,
        help_heading = "Global options"
    )]
    pub store: Option<PathBuf>,

    /// How long to wait for the store's lock held by another process, in milliseconds [default: 5000].
    #[arg(
        long,
        global = true,
        hide = true,
        value_name = "MS",
        env = "KEYWARD_BUSY_TIMEOUT",
        hide_env = true
    )]
    pub busy_timeout: Option<u64>,

    /// Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`.
    #[arg(
        long,
        global = true,
        value_name = "NAME",
        env = "KEYWARD_ACTOR",
        hide_env = true,
        help_heading = "Global options"
    )]
    pub actor: Option<String>,

    #[command(subcommand)]
    pub command: Command,
}

/// The command groups.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// Generate fresh secrets in the formats services expect.
    #[command(subcommand)]
    Keygen(KeygenCommand),

    /// The keyring of versioned data-encryption keys (new, promote, list, retire, restore, import), and keys derived from passphrases.
    #[command(subcommand)]
    Key(KeyCommand),

    /// Encrypt one value (stdin or --in) into a keyward envelope or a Fernet token.
    Encrypt(EncryptArgs),

    /// Decrypt one keyward envelope or Fernet token (the format is detected).
    Decrypt(DecryptArgs),

    /// Issue, list, verify, revoke, rotate and export API keys (stored as hashes).
    #[command(subcommand)]
    Apikey(ApikeyCommand),

    /// Mint, verify and inspect JSON Web Tokens.
    #[command(subcommand)]
    Jwt(JwtCommand),

    /// Query, follow, export, verify and prune the tamper-evident audit log (and the services' own logs).
    #[command(subcommand)]
    Audit(AuditCommand),

    /// Create self-signed certificates and a dev CA, inspect certificates, check expiry.
    #[command(subcommand)]
    Cert(CertCommand),

    /// Re-encrypt a database's encrypted columns under a new key.
    #[command(subcommand)]
    Rotate(RotateCommand),

    /// Hash passwords (argon2id, bcrypt, scrypt, PBKDF2) and verify stored hashes.
    #[command(subcommand)]
    Hash(HashCommand),

    /// Sign and verify request bodies with HMAC, as webhook senders do.
    #[command(subcommand)]
    Hmac(HmacCommand),

    /// The value formats keyward reads and writes: list them, test values against one.
    #[command(subcommand)]
    Format(FormatCommand),

    /// Lint service configurations (.env, YAML, TOML, JSON, Compose, Kubernetes) for security weaknesses.
    #[command(subcommand)]
    Config(ConfigCommand),

    /// Print a shell completion script (used to regenerate completions/).
    #[command(hide = true)]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },

    /// Write one man page per command into DIR (used to regenerate man/).
    #[command(hide = true)]
    Manpages {
        /// The directory to write into.
        dir: PathBuf,
    },
}

/// `--actor` means two things: before a command, who acts (a global
/// option, default `$KEYWARD_ACTOR`); after `audit query|tail|export`, the
/// filter on who acted. clap merges a global option with a subcommand's
/// argument of the same name (and carries `KEYWARD_ACTOR` into it), so this
/// reads `argv` to keep them apart: only an `--actor` written after the
/// subcommand filters, and the acting name comes only from an `--actor`
/// written before it (else `$KEYWARD_ACTOR`, else the login name).
pub fn separate_actor_filter(cli: &mut Cli, argv: &[std::ffi::OsString]) {
    let filters = match &mut cli.command {
        Command::Audit(AuditCommand::Query(a)) => &mut a.filters,
        Command::Audit(AuditCommand::Tail(a)) => &mut a.filters,
        Command::Audit(AuditCommand::Export(a)) => &mut a.filters,
        _ => return,
    };
    let (before, after) = actor_flags(argv);
    if after.is_none() {
        filters.actor = None;
    }
    cli.actor = before
        .or_else(|| std::env::var_os("KEYWARD_ACTOR").map(|v| v.to_string_lossy().into_owned()));
}

/// The last `--actor` value written before the first subcommand, and the
/// last one written after it (up to a `--`).
fn actor_flags(argv: &[std::ffi::OsString]) -> (Option<String>, Option<String>) {
    use clap::CommandFactory;
    // The top-level options that take a value, so their values are not
    // taken for the subcommand's name.
    let top = Cli::command();
    let valued: Vec<String> = top
        .get_arguments()
        .filter(|a| a.get_action().takes_values())
        .flat_map(|a| {
            let long = a.get_long().map(|l| format!("--{l}"));
            let short = a.get_short().map(|c| format!("-{c}"));
            long.into_iter().chain(short)
        })
        .collect();
    let (mut before, mut after) = (None, None);
    let mut in_sub = false;
    let mut i = 1;
    while i < argv.len() {
        let t = argv[i].to_string_lossy();
        if t == "--" {
            break;
        }
        let value = if t == "--actor" {
            i += 1;
            Some(argv.get(i).map(|v| v.to_string_lossy().into_owned()))
        } else {
            t.strip_prefix("--actor=").map(|v| Some(v.to_string()))
        };
        match value {
            Some(v) if in_sub => after = v.or(after),
            Some(v) => before = v.or(before),
            None if !in_sub && valued.iter().any(|o| *o == t) => i += 1,
            None if !in_sub && !t.starts_with('-') => in_sub = true,
            None => {}
        }
        i += 1;
    }
    (before, after)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn walk(cmd: &clap::Command, path: &str, seen: &mut Vec<(String, String)>) {
        for sub in cmd.get_subcommands() {
            if sub.get_name() == "help" {
                continue;
            }
            let p = format!("{path} {}", sub.get_name());
            let about = sub
                .get_about()
                .map(|a| a.to_string())
                .unwrap_or_else(|| panic!("`{p}` has no about"));
            seen.push((p.clone(), about));
            walk(sub, &p, seen);
        }
    }

    /// Deferred building applies an `Args` struct's `///` doc after the
    /// variant's doc; the structs' comments are `//` so that the variant's
    /// doc is the about. A struct doc would show as the about of every
    /// command that flattens it, and the abouts of siblings would repeat.
    #[test]
    fn actor_flags_tell_who_acts_from_the_filter() {
        let v = |s: &str| -> Vec<std::ffi::OsString> { s.split(' ').map(Into::into).collect() };
        assert_eq!(
            actor_flags(&v("keyward --actor me audit query")),
            (Some("me".into()), None)
        );
        assert_eq!(
            actor_flags(&v(
                "keyward --store x.db --format json audit query --actor=svc"
            )),
            (None, Some("svc".into()))
        );
        assert_eq!(
            actor_flags(&v("keyward --actor=a --store audit audit query --actor b")),
            (Some("a".into()), Some("b".into()))
        );
        assert_eq!(
            actor_flags(&v("keyward -q audit query --grep -- --actor x")),
            (None, None)
        );
    }

    #[test]
    fn every_command_has_its_own_about_after_deferred_building() {
        let mut cmd = Cli::command();
        cmd.build();
        cmd.clone().debug_assert();
        let mut seen = Vec::new();
        walk(&cmd, "keyward", &mut seen);
        assert!(seen.len() > 50, "{} commands", seen.len());
        for (path, about) in &seen {
            assert!(
                !about.starts_with('`'),
                "`{path}`'s about is a struct's doc comment: {about}"
            );
        }
        for (i, (p, a)) in seen.iter().enumerate() {
            for (q, b) in &seen[i + 1..] {
                let siblings = p.rsplit_once(' ').map(|x| x.0) == q.rsplit_once(' ').map(|x| x.0);
                assert!(
                    !(siblings && a == b),
                    "`{p}` and `{q}` share the about {a:?}"
                );
            }
        }
    }
}
