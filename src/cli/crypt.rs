//! The command line of `encrypt` and `decrypt`.

use std::path::PathBuf;

use clap::Args;
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};

pub use crate::crypto::ValueFormat;

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

/// A `--scheme`/`--to` value parser for [`ValueFormat`]: every format with
/// its help line for this flag (shown by --help, man pages and completions).
pub(crate) fn value_formats(
    help: &[(ValueFormat, &'static str)],
) -> impl TypedValueParser<Value = ValueFormat> {
    PossibleValuesParser::new(
        help.iter()
            .map(|(f, h)| PossibleValue::new(f.name()).help(*h)),
    )
    .map(|name| name.parse::<ValueFormat>().expect("a listed format parses"))
}

/// The formats `encrypt` and `decrypt` read and write.
fn schemes() -> impl TypedValueParser<Value = ValueFormat> {
    value_formats(&[
        (
            ValueFormat::Envelope,
            "The keyward envelope: AES-256-GCM with key id, base64",
        ),
        (
            ValueFormat::Fernet,
            "Fernet, as Python's cryptography writes it (AES-128-CBC + HMAC-SHA256)",
        ),
    ])
}

// `encrypt`.
#[derive(Debug, Args)]
pub struct EncryptArgs {
    #[command(flatten)]
    pub key: KeyArgs,

    #[command(flatten)]
    pub io: IoArgs,

    /// The format to produce.
    #[arg(long, value_parser = schemes(), default_value_t = ValueFormat::Envelope)]
    pub scheme: ValueFormat,

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

    /// Expect this format instead of detecting it.
    #[arg(long, value_parser = schemes())]
    pub scheme: Option<ValueFormat>,

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
