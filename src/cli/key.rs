//! The command line of `key`: the keyring and key derivation.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use super::*;

/// `key` subcommands.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum KeyCommand {
    /// Derive a 256-bit key from a passphrase with scrypt or PBKDF2-HMAC-SHA256.
    Derive(DeriveArgs),
    /// Add a fresh key to the keyring, decrypt-only until promoted (or --primary).
    New(KeyNewArgs),
    /// Make a key the primary (the one that encrypts); the old primary turns decrypt-only.
    Promote {
        /// The key id.
        id: u32,
        #[command(flatten)]
        keyring: KeyringArgs,
    },
    /// List the keyring's keys (never their material).
    List {
        #[command(flatten)]
        keyring: KeyringArgs,
        #[command(flatten)]
        usage: UsageArgs,
    },
    /// Show one key's details.
    Show {
        /// The key id.
        id: u32,
        #[command(flatten)]
        keyring: KeyringArgs,
    },
    /// Retire a key: nobody may use it any more (refused while rows still use it; `key restore` undoes it).
    Retire {
        /// The key id.
        id: u32,
        /// Retire without naming the tables that use the keys, or although rows still use it (asks for confirmation; --yes without a terminal).
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        keyring: KeyringArgs,
        #[command(flatten)]
        usage: UsageArgs,
    },
    /// Bring a retired key back as active (decrypt-only until promoted).
    Restore {
        /// The key id.
        id: u32,
        #[command(flatten)]
        keyring: KeyringArgs,
    },
    /// Add existing key material (a service's current key) to the keyring.
    Import(KeyImportArgs),
}

// Where the keyring is and how to unseal it. The key-encryption key is
// KEYWARD_KEK when set, else a passphrase.
#[derive(Debug, Args, Clone)]
pub struct KeyringArgs {
    /// The keyring file [default: $KEYWARD_KEYRING, else keyring.json beside the store].
    #[arg(long, value_name = "PATH", env = "KEYWARD_KEYRING", hide_env = true)]
    pub keyring: Option<PathBuf>,

    /// Read the keyring passphrase from this environment variable (when KEYWARD_KEK is not set).
    #[arg(long, value_name = "NAME", conflicts_with = "passphrase_file")]
    pub passphrase_env: Option<String>,

    /// Read the keyring passphrase from this file.
    #[arg(long, value_name = "PATH")]
    pub passphrase_file: Option<PathBuf>,
}

// The encrypted values counted per key version: the same table arguments
// as `rotate` (a SQLite file or a PostgreSQL URL, columns, JSON fields, a
// plan), all optional.
#[derive(Debug, Args, Clone)]
#[command(group(clap::ArgGroup::new("usage_db").args(["db", "db_env"])))]
pub struct UsageArgs {
    /// A database whose values use the keys: a SQLite file or a PostgreSQL URL.
    #[arg(long, value_name = "DB", conflicts_with = "db_env")]
    pub db: Option<String>,

    /// Read the database (as --db takes it) from this environment variable: keeps a PostgreSQL password out of the command line.
    #[arg(long, value_name = "NAME")]
    pub db_env: Option<String>,

    /// The table.
    #[arg(long, value_name = "TABLE", requires = "usage_db")]
    pub table: Option<String>,

    /// An encrypted column (repeatable).
    #[arg(long, value_name = "COLUMN", requires = "usage_db")]
    pub column: Vec<String>,

    /// An encrypted field inside a JSON column, COLUMN:field or COLUMN:a.b (repeatable).
    #[arg(long, value_name = "COLUMN:FIELD", requires = "usage_db")]
    pub json_field: Vec<String>,

    /// A TOML plan naming several tables, columns and JSON fields (as for rotate).
    #[arg(long, value_name = "FILE", requires = "usage_db", conflicts_with_all = ["table", "column", "json_field", "pk", "filter", "context_from_row"])]
    pub plan: Option<PathBuf>,

    /// The key column, or columns comma-separated [default: the primary key, else rowid].
    #[arg(long, value_name = "COLUMNS", requires = "usage_db")]
    pub pk: Option<String>,

    /// Only rows matching this SQL condition.
    #[arg(long = "where", value_name = "SQL", requires = "usage_db")]
    pub filter: Option<String>,

    /// The values are bound to table/column/primary-key (as rotate --context-from-row).
    #[arg(long, requires = "usage_db")]
    pub context_from_row: bool,

    /// A format the values are in besides envelope and fernet (repeatable): fernet-b64,
    /// tiger[:iterations=N] (the keyring's keys as the format's keys).
    #[arg(long, value_name = "FORMAT", requires = "usage_db", value_parser = clap::value_parser!(crate::formats::FormatName))]
    pub from: Vec<crate::formats::FormatName>,
}

impl UsageArgs {
    /// The tables as `rotate` takes them, when a database is given.
    pub fn table_args(&self) -> Option<RotateTableArgs> {
        if self.db.is_none() && self.db_env.is_none() {
            return None;
        }
        Some(RotateTableArgs {
            db: self.db.clone(),
            db_env: self.db_env.clone(),
            table: self.table.clone(),
            column: self.column.clone(),
            json_field: self.json_field.clone(),
            plan: self.plan.clone(),
            pk: self.pk.clone(),
            filter: self.filter.clone(),
            context_from_row: self.context_from_row,
        })
    }
}

// `key new`.
#[derive(Debug, Args)]
pub struct KeyNewArgs {
    /// Make it the primary key at once (skipping the decrypt-only phase).
    #[arg(long)]
    pub primary: bool,

    #[command(flatten)]
    pub added: AddedKeyArgs,
}

// What a key added to the keyring (`key new`, `key import`) keeps, and the
// keyring.
#[derive(Debug, Args)]
pub struct AddedKeyArgs {
    /// A note kept with the key.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,

    #[command(flatten)]
    pub keyring: KeyringArgs,
}

// `key import`.
#[derive(Debug, Args)]
pub struct KeyImportArgs {
    /// Read the key (hex, base64 or a Fernet key) from this environment variable.
    #[arg(long, value_name = "NAME", conflicts_with_all = ["key_file", "derive_passphrase_env", "derive_passphrase_file"])]
    pub key_env: Option<String>,

    /// Read the key from this private file.
    #[arg(long, value_name = "PATH", conflicts_with_all = ["derive_passphrase_env", "derive_passphrase_file"])]
    pub key_file: Option<PathBuf>,

    /// Derive the key from the passphrase in this environment variable (as seed 000 does).
    #[arg(
        long,
        value_name = "NAME",
        conflicts_with = "derive_passphrase_file",
        requires = "salt"
    )]
    pub derive_passphrase_env: Option<String>,

    /// Derive the key from the passphrase in this file.
    #[arg(long, value_name = "PATH", requires = "salt")]
    pub derive_passphrase_file: Option<PathBuf>,

    /// The derivation salt, hex.
    #[arg(long = "salt-hex", id = "salt", value_name = "HEX")]
    pub salt_hex: Option<String>,

    /// Derive the key from the text of --key-env/--key-file, as rotate's --from-derive does:
    /// sha256, pbkdf2-sha256:iterations=N,salt-hex=HEX, scrypt:n=N,r=R,p=P,salt-file=PATH, hkdf-sha256.
    #[arg(long, value_name = "SPEC", value_parser = clap::value_parser!(crate::formats::derive::DeriveSpec),
          conflicts_with_all = ["derive_passphrase_env", "derive_passphrase_file", "salt"])]
    pub derive: Option<crate::formats::derive::DeriveSpec>,

    #[command(flatten)]
    pub kdf: KdfParams,

    /// The key id to give it (to match the id in existing envelopes) [default: the next free].
    #[arg(long, value_name = "ID")]
    pub id: Option<u32>,

    /// Make it the primary key.
    #[arg(long)]
    pub primary: bool,

    #[command(flatten)]
    pub added: AddedKeyArgs,
}

/// The key-derivation functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KdfName {
    /// scrypt (RFC 7914); default N=2^17, r=8, p=1.
    Scrypt,
    /// PBKDF2 with HMAC-SHA256; default 600,000 iterations.
    Pbkdf2,
}

// A key-derivation function and its parameters.
#[derive(Debug, Args, Clone)]
pub struct KdfParams {
    /// The key-derivation function.
    #[arg(long, value_enum, default_value_t = KdfName::Scrypt)]
    pub kdf: KdfName,

    /// scrypt cost N, a power of two (131072 or 2^17; at most 2^20, and 128*N*r*p at most 1 GiB).
    #[arg(long, value_name = "N", value_parser = crate::crypto::kdf::parse_scrypt_n)]
    pub scrypt_n: Option<u64>,

    /// scrypt block size r (at most 32).
    #[arg(long, value_name = "R")]
    pub scrypt_r: Option<u32>,

    /// scrypt parallelism p (at most 16).
    #[arg(long, value_name = "P")]
    pub scrypt_p: Option<u32>,

    /// PBKDF2 iteration count (at most 10,000,000).
    #[arg(long, value_name = "N")]
    pub iterations: Option<u32>,
}

// `key derive`.
#[derive(Debug, Args)]
pub struct DeriveArgs {
    #[command(flatten)]
    pub kdf: KdfParams,

    /// Read the passphrase from this environment variable.
    #[arg(long, value_name = "NAME", conflicts_with = "passphrase_file")]
    pub passphrase_env: Option<String>,

    /// Read the passphrase from this file (one trailing newline is dropped).
    #[arg(long, value_name = "PATH")]
    pub passphrase_file: Option<PathBuf>,

    /// The salt, in hex.
    #[arg(long, value_name = "HEX", conflicts_with = "salt_file")]
    pub salt_hex: Option<String>,

    /// Read the salt from this file, as raw bytes.
    #[arg(long, value_name = "PATH")]
    pub salt_file: Option<PathBuf>,

    /// Length of the salt generated when none is given.
    #[arg(long, value_name = "N", default_value_t = 16,
          value_parser = clap::value_parser!(u32).range(8..=1024),
          conflicts_with_all = ["salt_hex", "salt_file"])]
    pub salt_bytes: u32,

    /// Text encoding of the derived key.
    #[arg(long, value_enum, default_value_t = Encoding::Hex)]
    pub encoding: Encoding,

    #[command(flatten)]
    pub sink: SinkArgs,
}
