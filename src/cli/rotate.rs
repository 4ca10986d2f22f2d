//! The command line of `rotate`: re-encryption of a database.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use crate::formats::FormatName;
use crate::formats::derive::DeriveSpec;

use super::*;

/// `rotate` subcommands.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum RotateCommand {
    /// Re-encrypt every value under the target key: batched, resumable, crash-safe.
    Run(Box<RotateRunArgs>),
    /// Count values per key version and format, plaintext and undecryptable.
    Status(RotateCheckArgs),
    /// Decrypt every value; exit 1 naming the first rows that fail.
    Verify(RotateCheckArgs),
}

// The table to work on.
#[derive(Debug, Args, Clone)]
#[command(group(clap::ArgGroup::new("table_db").args(["db", "db_env"]).required(true)))]
pub struct RotateTableArgs {
    /// The service's database: a SQLite file, or a PostgreSQL URL or libpq connection string.
    #[arg(long, value_name = "DB", conflicts_with = "db_env")]
    pub db: Option<String>,

    /// Read the database (as --db takes it) from this environment variable: keeps a PostgreSQL password out of the command line.
    #[arg(long, value_name = "NAME")]
    pub db_env: Option<String>,

    /// The table.
    #[arg(long, value_name = "TABLE", required_unless_present = "plan")]
    pub table: Option<String>,

    /// An encrypted column (repeatable).
    #[arg(long, value_name = "COLUMN")]
    pub column: Vec<String>,

    /// An encrypted field inside a JSON column, COLUMN:field or COLUMN:a.b (repeatable).
    #[arg(long, value_name = "COLUMN:FIELD")]
    pub json_field: Vec<String>,

    /// A TOML plan naming several tables, columns and JSON fields (see docs/rotation.md).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["table", "column", "json_field", "pk", "filter", "context_from_row"])]
    pub plan: Option<PathBuf>,

    /// The key column, or columns comma-separated (unique together, no NULL) [default: the primary key, else rowid].
    #[arg(long, value_name = "COLUMNS")]
    pub pk: Option<String>,

    /// Only rows matching this SQL condition.
    #[arg(long = "where", value_name = "SQL")]
    pub filter: Option<String>,

    /// Bind envelopes to table/column/primary-key as associated data.
    #[arg(long)]
    pub context_from_row: bool,
}

// Where a rotation's keys come from: the keyring, or keys given directly.
#[derive(Debug, Args, Clone)]
pub struct RotateKeyArgs {
    #[command(flatten)]
    pub keyring: KeyringArgs,

    /// An old key, from this environment variable (repeatable).
    #[arg(long, value_name = "NAME")]
    pub from_key_env: Vec<String>,

    /// An old key, from this private file (repeatable).
    #[arg(long, value_name = "PATH")]
    pub from_key_file: Vec<PathBuf>,

    /// The new key, from this environment variable.
    #[arg(long, value_name = "NAME", conflicts_with = "to_key_file")]
    pub to_key_env: Option<String>,

    /// The new key, from this private file.
    #[arg(long, value_name = "PATH")]
    pub to_key_file: Option<PathBuf>,

    /// The id the new key's envelopes carry.
    #[arg(long, value_name = "ID", default_value_t = 1)]
    pub to_key_id: u32,

    /// Derive the old keys from their text: sha256, pbkdf2-sha256:iterations=N,salt-hex=HEX,
    /// scrypt:n=N,r=R,p=P,salt-file=PATH, hkdf-sha256 (spec formats derive per their [key] table).
    #[arg(long, value_name = "SPEC", value_parser = clap::value_parser!(DeriveSpec))]
    pub from_derive: Option<DeriveSpec>,

    /// Derive the new key from its text (as --from-derive).
    #[arg(long, value_name = "SPEC", value_parser = clap::value_parser!(DeriveSpec))]
    pub to_derive: Option<DeriveSpec>,
}

/// What to do with a value no key decrypts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OnError {
    /// Stop (committed batches stay committed and readable).
    Abort,
    /// Leave it, list its key, and go on.
    Skip,
}

// `rotate run`.
#[derive(Debug, Args)]
pub struct RotateRunArgs {
    #[command(flatten)]
    pub table: RotateTableArgs,

    #[command(flatten)]
    pub keys: RotateKeyArgs,

    /// The format to write: envelope, fernet, fernet-b64, tiger[:iterations=N,version=V] or spec:PATH.
    #[arg(long, value_name = "FORMAT", value_parser = clap::value_parser!(FormatName), default_value = "envelope")]
    pub to: FormatName,

    /// A format the values are in (repeatable) [default: detect envelope and fernet].
    #[arg(long, value_name = "FORMAT", value_parser = clap::value_parser!(FormatName))]
    pub from: Vec<FormatName>,

    /// Exit 0 even when values that look encrypted are in no format given (they are left untouched either way).
    #[arg(long)]
    pub allow_unrecognized: bool,

    /// Rows per transaction.
    #[arg(long, value_name = "N", default_value_t = 1000, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub batch: u32,

    /// Count what would change; write nothing.
    #[arg(long)]
    pub dry_run: bool,

    /// What to do with a value that cannot be decrypted.
    #[arg(long, value_enum, default_value_t = OnError::Abort)]
    pub on_error: OnError,

    /// At most this many rows per second, to spare a live service (per worker with --workers).
    #[arg(long, value_name = "ROWS_PER_S")]
    pub throttle: Option<f64>,

    /// Crypto threads (per worker) for formats with a per-value key derivation or RSA [default: every core].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=256))]
    pub threads: Option<u32>,

    #[command(flatten)]
    pub workers: RotateWorkerArgs,

    /// Encrypt plaintext values as well.
    #[arg(long)]
    pub encrypt_plaintext: bool,

    /// The service's dotenv file: mint the new key, rotate every value to it, verify them, then write it to --var (the old key is read from there).
    #[arg(long, value_name = "FILE", requires = "var", conflicts_with_all = ["to_key_env", "to_key_file", "workers"])]
    pub update_env: Option<PathBuf>,

    /// The variable of --update-env that holds the service's key or passphrase.
    #[arg(long, value_name = "NAME", requires = "update_env")]
    pub var: Option<String>,

    /// The variable of --update-env that holds the derivation's salt, in hex: a new salt is minted with the key (salt=env in --from-derive/--to-derive).
    #[arg(long, value_name = "NAME", requires = "update_env")]
    pub var_salt: Option<String>,
}

/// Cooperating workers on PostgreSQL.
#[derive(Debug, Args)]
pub struct RotateWorkerArgs {
    /// PostgreSQL: run N cooperating workers here; they share the table, through leases in schema keyward, with every `rotate run --workers` started against it with the same flags, on any host.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=64))]
    pub workers: Option<u32>,

    /// This process's worker name in leases, reports and the audit log [default: HOST:PID].
    #[arg(long, value_name = "NAME", requires = "workers")]
    pub worker_id: Option<String>,

    /// Seconds a worker's claim on a range holds unless renewed; a dead worker's range is taken over after it.
    #[arg(long, value_name = "SECONDS", default_value_t = 30, requires = "workers", value_parser = clap::value_parser!(u32).range(1..=3600))]
    pub lease: u32,

    /// Rows per range claimed [default: 8 batches, or 1/256 of the table when larger].
    #[arg(long, value_name = "N", requires = "workers", value_parser = clap::value_parser!(u64).range(1..))]
    pub range_rows: Option<u64>,

    /// Keep the rotation's ranges in keyward.rotation_range after it finished (for `rotate status`).
    #[arg(long, requires = "workers")]
    pub keep_progress: bool,
}

// `rotate status` and `rotate verify`.
#[derive(Debug, Args)]
pub struct RotateCheckArgs {
    #[command(flatten)]
    pub table: RotateTableArgs,

    #[command(flatten)]
    pub keyring: KeyringArgs,

    /// A key to decrypt with, from this environment variable (repeatable) [default: the keyring].
    #[arg(long, value_name = "NAME")]
    pub key_env: Vec<String>,

    /// A key to decrypt with, from this private file (repeatable; an RSA private key in PEM for RSA-wrapped specs).
    #[arg(long, value_name = "PATH")]
    pub key_file: Vec<PathBuf>,

    /// A format the values are in (repeatable) [default: detect envelope and fernet].
    #[arg(long, value_name = "FORMAT", value_parser = clap::value_parser!(FormatName))]
    pub from: Vec<FormatName>,

    /// Derive the keys from their text (as `rotate run --from-derive`).
    #[arg(long, value_name = "SPEC", value_parser = clap::value_parser!(DeriveSpec))]
    pub derive: Option<DeriveSpec>,
}
