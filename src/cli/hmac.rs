//! The command line of `hmac`: request signatures.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

/// `hmac` subcommands.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum HmacCommand {
    /// Sign a request body (stdin or --in): print the HMAC.
    Sign(HmacSignArgs),
    /// Check a request body's signature in constant time: exit 0 valid, 1 invalid.
    Verify(HmacVerifyArgs),
}

// What every `hmac` subcommand takes.
#[derive(Debug, Args, Clone)]
pub struct HmacCommon {
    /// Read the secret from this environment variable (its text's bytes are the key).
    #[arg(long, value_name = "NAME", conflicts_with = "secret_file")]
    pub secret_env: Option<String>,

    /// Read the secret from this private file (one trailing newline dropped).
    #[arg(long, value_name = "PATH")]
    pub secret_file: Option<PathBuf>,

    /// Read the body from FILE instead of stdin.
    #[arg(long = "in", value_name = "FILE")]
    pub input: Option<PathBuf>,

    /// The hash under the HMAC.
    #[arg(long, value_enum, default_value_t = crate::crypto::mac::MacAlgo::Sha256)]
    pub algo: crate::crypto::mac::MacAlgo,

    /// Signature encoding.
    #[arg(long, value_enum, default_value_t = SigEncoding::Hex)]
    pub encoding: SigEncoding,
}

/// Signature encodings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SigEncoding {
    /// Lower-case hex (verify accepts either case and a sha256= prefix).
    Hex,
    /// Standard base64 with padding (verify also accepts URL-safe and unpadded).
    Base64,
}

// `hmac sign`.
#[derive(Debug, Args)]
pub struct HmacSignArgs {
    #[command(flatten)]
    pub common: HmacCommon,
}

// `hmac verify`.
#[derive(Debug, Args)]
pub struct HmacVerifyArgs {
    #[command(flatten)]
    pub common: HmacCommon,

    /// The signature to check (hex or base64, per --encoding; a url-safe
    /// base64 signature may start with `-`).
    #[arg(long, value_name = "SIG", allow_hyphen_values = true)]
    pub signature: String,
}
