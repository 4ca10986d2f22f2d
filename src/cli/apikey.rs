//! The command line of `apikey`: API keys.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

/// `apikey` subcommands.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum ApikeyCommand {
    /// Issue a key; it is shown once and only its hash is stored.
    Issue(ApikeyIssueArgs),
    /// List keys (never the keys or their hashes).
    List(ApikeyListArgs),
    /// Show one key's details.
    Show {
        /// The key's id.
        id: i64,
    },
    /// Check a key: exit 0 when valid, 1 with the reason when not.
    Verify(ApikeyVerifyArgs),
    /// Revoke keys now (asks first on a terminal; --yes otherwise).
    Revoke {
        /// The ids of the keys to revoke.
        #[arg(required = true)]
        ids: Vec<i64>,
    },
    /// Replace a key with a new one of the same name and scopes; the old one
    /// keeps working for the grace period.
    Rotate(ApikeyRotateArgs),
    /// Export the active keys' hashes and scopes for a service to load (never the keys).
    Export(ApikeyExportArgs),
}

// `apikey issue`.
#[derive(Debug, Args)]
pub struct ApikeyIssueArgs {
    /// A name for the key: 1-64 letters, digits, '_', '-', '.'.
    #[arg(long, value_name = "NAME")]
    pub name: String,

    /// Comma-separated scopes, e.g. memories:read,memories:write.
    #[arg(long, value_delimiter = ',', value_name = "SCOPE,...")]
    pub scopes: Vec<String>,

    /// Expiry: a duration (90d, 12h), a date (2027-01-01) or an RFC 3339 time.
    #[arg(long, value_name = "WHEN")]
    pub expires: Option<String>,

    /// The key's prefix (seed 002 uses tk).
    #[arg(long, value_name = "PREFIX", default_value = crate::apikey::DEFAULT_PREFIX)]
    pub prefix: String,

    /// A note kept with the key.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,

    /// Write the new key into this dotenv file as --var NAME instead of showing it (atomically; every other line kept).
    #[arg(long, value_name = "FILE", requires = "var")]
    pub env_file: Option<PathBuf>,

    /// The variable to set in --env-file, e.g. API_KEYS.
    #[arg(long, value_name = "NAME", requires = "env_file")]
    pub var: Option<String>,

    /// Add the key to the comma-separated list in --var (created if absent), keeping the keys already there.
    #[arg(long, requires = "env_file")]
    pub append: bool,

    /// Replace an existing --var definition (without --append); write through a symlink into another directory, or into a file other users can read (with a warning).
    #[arg(long, requires = "env_file")]
    pub force: bool,
}

// `apikey list`.
#[derive(Debug, Args)]
pub struct ApikeyListArgs {
    /// Only keys in this state.
    #[arg(long, value_enum)]
    pub state: Option<crate::apikey::KeyState>,

    /// Only keys granted this scope.
    #[arg(long, value_name = "SCOPE")]
    pub scope: Option<String>,
}

// `apikey verify`.
#[derive(Debug, Args)]
pub struct ApikeyVerifyArgs {
    /// The key (prefer --key-env or stdin: an argument lands in shell history).
    #[arg(value_name = "KEY", conflicts_with = "key_env")]
    pub key: Option<String>,

    /// Read the key from this environment variable.
    #[arg(long, value_name = "NAME")]
    pub key_env: Option<String>,

    /// Check format and checksum only, without the store.
    #[arg(long, conflicts_with = "require_scope")]
    pub offline: bool,

    /// Fail unless the key holds this scope (repeatable).
    #[arg(long, value_name = "SCOPE")]
    pub require_scope: Vec<String>,

    /// Judge expiry, revocation and a rotated key's grace period at this moment
    /// (RFC 3339, a date, or a duration from now such as 2h) instead of now;
    /// a success still records the key's last use as now.
    #[arg(long, value_name = "TIME", conflicts_with = "offline")]
    pub at: Option<String>,
}

// `apikey rotate`.
#[derive(Debug, Args)]
pub struct ApikeyRotateArgs {
    /// The id of the key to replace.
    pub id: i64,

    /// How long the old key keeps working (0s for a leaked key).
    #[arg(long, value_name = "DURATION", default_value = "24h")]
    pub grace: String,

    /// Expiry of the new key [default: the old key's lifetime, from now].
    #[arg(long, value_name = "WHEN")]
    pub expires: Option<String>,
}

// `apikey export`.
#[derive(Debug, Args)]
pub struct ApikeyExportArgs {
    /// env: one dotenv variable of comma-separated hashes; json: a document per key.
    #[arg(long = "as", value_enum, default_value_t = ExportAs::Env, value_name = "FORMAT")]
    pub export_as: ExportAs,

    /// The variable name for --as env.
    #[arg(long, value_name = "NAME", default_value = "API_KEY_HASHES")]
    pub var: String,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportAs {
    /// A dotenv line.
    Env,
    /// A JSON document.
    Json,
}
