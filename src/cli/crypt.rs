//! The command line of `encrypt` and `decrypt`.

use std::path::PathBuf;

use clap::Args;

pub use crate::crypto::ValueFormat;
use crate::formats::FormatName;
use crate::formats::derive::DeriveSpec;

// Where the key for encrypt / decrypt comes from.
#[derive(Debug, Args, Clone)]
pub struct KeyArgs {
    /// Read the key from this environment variable (hex, base64 or a Fernet key).
    #[arg(long, value_name = "NAME", conflicts_with = "key_file")]
    pub key_env: Option<String>,

    /// Read the key from this file, which must be private (mode 0600).
    #[arg(long, value_name = "PATH")]
    pub key_file: Option<PathBuf>,
}

// Where a value comes from and goes to.
#[derive(Debug, Args, Clone)]
pub struct IoArgs {
    /// Read the value from FILE instead of stdin.
    #[arg(long = "in", value_name = "FILE")]
    pub input: Option<PathBuf>,

    /// Write the result to FILE (atomically, mode 0600) instead of stdout.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,

    /// Replace an existing --out file.
    #[arg(long, requires = "out")]
    pub force: bool,
}

// `encrypt`.
#[derive(Debug, Args)]
pub struct EncryptArgs {
    #[command(flatten)]
    pub key: KeyArgs,

    #[command(flatten)]
    pub io: IoArgs,

    /// The format to produce: envelope, fernet, or a service's (fernet-b64,
    /// tiger[:iterations=N,version=V], spec:PATH; see `keyward format list`).
    #[arg(long, value_name = "FORMAT", value_parser = clap::value_parser!(FormatName), default_value = "envelope")]
    pub scheme: FormatName,

    /// Derive the key from the key's text (a service's formats): sha256,
    /// pbkdf2-sha256:iterations=N,salt-hex=HEX, scrypt:n=N,r=R,p=P,salt-file=PATH, hkdf-sha256.
    #[arg(long, value_name = "SPEC", value_parser = clap::value_parser!(DeriveSpec))]
    pub derive: Option<DeriveSpec>,

    /// Context bound to the envelope as associated data, e.g. users/email/42 (envelope only).
    #[arg(long, value_name = "TEXT")]
    pub context: Option<String>,

    /// The key id written into the envelope header (envelope only).
    #[arg(long, value_name = "ID", default_value_t = 1)]
    pub key_id: u32,
}

// `decrypt`.
#[derive(Debug, Args)]
pub struct DecryptArgs {
    #[command(flatten)]
    pub key: KeyArgs,

    #[command(flatten)]
    pub io: IoArgs,

    /// Expect this format instead of detecting envelope or fernet: also a service's
    /// (fernet-b64, tiger[:iterations=N], spec:PATH; see `keyward format list`).
    #[arg(long, value_name = "FORMAT", value_parser = clap::value_parser!(FormatName))]
    pub scheme: Option<FormatName>,

    /// Derive the key from the key's text (as `encrypt --derive`).
    #[arg(long, value_name = "SPEC", value_parser = clap::value_parser!(DeriveSpec))]
    pub derive: Option<DeriveSpec>,

    /// The context the envelope was sealed with (envelope only).
    #[arg(long, value_name = "TEXT")]
    pub context: Option<String>,

    /// Refuse an envelope sealed under another key id.
    #[arg(long, value_name = "ID")]
    pub key_id: Option<u32>,

    /// Refuse a Fernet token older than this many seconds, as Fernet.decrypt(token, ttl).
    #[arg(long, value_name = "SECONDS")]
    pub ttl: Option<u64>,
}
