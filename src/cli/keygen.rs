//! The command line of `keygen`: fresh secrets, key pairs, HMAC secrets, and where a generated secret goes.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use super::*;

// A domain enum that derives ValueEnum itself (one type, no mirror).
pub use crate::crypto::password::CharClass;

/// `keygen` subcommands.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum KeygenCommand {
    /// A 256-bit master or data-encryption key (64 hex digits by default, or a Fernet key).
    Master(MasterArgs),
    /// A JWT signing secret for HS256/384/512 (64 random bytes, base64url by default).
    JwtSecret(JwtSecretArgs),
    /// A random password from chosen character classes.
    Password(PasswordArgs),
    /// A random salt for a key-derivation function.
    Salt(SaltArgs),
    /// A private key (PKCS#8, 0600) and its public key (SPKI): Ed25519, X25519, ECDSA or RSA.
    Keypair(KeypairArgs),
    /// A secret for HMAC request signing (32 random bytes or more, hex by default).
    HmacSecret(HmacSecretArgs),
}

// `keygen keypair`.
#[derive(Debug, Args)]
pub struct KeypairArgs {
    /// The key type.
    #[arg(long = "type", value_enum, value_name = "TYPE", default_value_t = crate::keypair::KeypairType::Ed25519)]
    pub key_type: crate::keypair::KeypairType,

    /// The private key file (PKCS#8, written atomically with mode 0600).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,

    /// The public key file (SPKI) [default: the --out path with .pub appended].
    #[arg(long, value_name = "FILE")]
    pub pub_out: Option<PathBuf>,

    /// Write DER instead of PEM (both files).
    #[arg(long)]
    pub der: bool,

    /// Replace existing files.
    #[arg(long)]
    pub force: bool,

    /// Encrypt the private key with the passphrase in this environment variable.
    #[arg(long, value_name = "NAME", conflicts_with_all = ["passphrase_file", "passphrase_prompt"])]
    pub passphrase_env: Option<String>,

    /// Encrypt the private key with the passphrase in this private file.
    #[arg(long, value_name = "PATH", conflicts_with = "passphrase_prompt")]
    pub passphrase_file: Option<PathBuf>,

    /// Encrypt the private key with a passphrase asked for (twice) on the terminal.
    #[arg(long)]
    pub passphrase_prompt: bool,

    /// How the passphrase becomes the key-encryption key (PKCS#5 PBES2 with AES-256-CBC) [default: scrypt].
    #[arg(long, value_enum)]
    pub kdf: Option<crate::keypair::KeyKdf>,
}

// `keygen hmac-secret`.
#[derive(Debug, Args)]
pub struct HmacSecretArgs {
    /// Random bytes (at least 32).
    #[arg(long, value_name = "N", default_value_t = 32,
          value_parser = clap::value_parser!(u32).range(1..=1024))]
    pub bytes: u32,

    /// Text encoding of the secret (the text's bytes are the HMAC key).
    #[arg(long, value_enum, default_value_t = SecretEncoding::Hex)]
    pub encoding: SecretEncoding,

    #[command(flatten)]
    pub count: CountArg,

    #[command(flatten)]
    pub sink: SinkArgs,
}

// Where a generated secret goes; stdout when neither option is given.
#[derive(Debug, Args, Clone)]
pub struct SinkArgs {
    /// Write to FILE (atomically, mode 0600) instead of stdout.
    #[arg(long, value_name = "FILE", conflicts_with = "env_file")]
    pub out: Option<PathBuf>,

    /// Add the secret to this dotenv file as --var NAME (atomically; every other line kept).
    #[arg(long, value_name = "FILE", requires = "var")]
    pub env_file: Option<PathBuf>,

    /// The variable to set in --env-file, e.g. ENCRYPTION_MASTER_KEY.
    #[arg(long, value_name = "NAME", requires = "env_file")]
    pub var: Option<String>,

    /// Replace an existing --out file or --var definition; with --env-file also write through a symlink into another directory, or into a file other users can read (with a warning).
    #[arg(long)]
    pub force: bool,
}

// How many secrets to make.
#[derive(Debug, Args, Clone)]
pub struct CountArg {
    /// Generate N secrets, one per line (not with --env-file).
    #[arg(long, value_name = "N", default_value_t = 1,
          value_parser = clap::value_parser!(u32).range(1..=10_000), conflicts_with = "env_file")]
    pub count: u32,
}

// `keygen master`.
#[derive(Debug, Args)]
pub struct MasterArgs {
    /// Text encoding of the key.
    #[arg(long, value_enum, default_value_t = Encoding::Hex)]
    pub encoding: Encoding,

    /// Key length in bytes (16-512; Fernet keys are always 32).
    #[arg(long, value_name = "N", default_value_t = 32,
          value_parser = clap::value_parser!(u32).range(16..=512))]
    pub bytes: u32,

    #[command(flatten)]
    pub count: CountArg,

    #[command(flatten)]
    pub sink: SinkArgs,
}

// `keygen jwt-secret`.
#[derive(Debug, Args)]
pub struct JwtSecretArgs {
    /// Secret length in bytes (at least 32, the minimum for HS256; 64 covers HS512).
    #[arg(long, value_name = "N", default_value_t = 64,
          value_parser = clap::value_parser!(u32).range(1..=1024))]
    pub bytes: u32,

    /// Text encoding of the secret.
    #[arg(long, value_enum, default_value_t = SecretEncoding::Base64url)]
    pub encoding: SecretEncoding,

    #[command(flatten)]
    pub count: CountArg,

    #[command(flatten)]
    pub sink: SinkArgs,
}

// `keygen salt`.
#[derive(Debug, Args)]
pub struct SaltArgs {
    /// Salt length in bytes (at least 8, the RFC 8018 minimum).
    #[arg(long, value_name = "N", default_value_t = 16,
          value_parser = clap::value_parser!(u32).range(1..=1024))]
    pub bytes: u32,

    /// Encoding of the salt: text, or the raw bytes a service keeps in a file.
    #[arg(long, value_enum, default_value_t = SaltEncoding::Hex)]
    pub encoding: SaltEncoding,

    #[command(flatten)]
    pub count: CountArg,

    #[command(flatten)]
    pub sink: SinkArgs,
}

/// Encodings of a salt: the text ones of other secrets, or its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SaltEncoding {
    /// Lower-case hex.
    Hex,
    /// Standard base64 with padding.
    Base64,
    /// URL-safe base64 without padding.
    Base64url,
    /// The bytes themselves, no line end (seed 000 keeps 32 in a file): to --out FILE or a pipe, never a terminal or a dotenv file.
    Raw,
}

impl SaltEncoding {
    /// The text encoding, or `None` for raw bytes.
    pub fn text(self) -> Option<Encoding> {
        match self {
            SaltEncoding::Hex => Some(Encoding::Hex),
            SaltEncoding::Base64 => Some(Encoding::Base64),
            SaltEncoding::Base64url => Some(Encoding::Base64url),
            SaltEncoding::Raw => None,
        }
    }
}

/// Encodings for secrets that are not 256-bit keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SecretEncoding {
    /// Lower-case hex.
    Hex,
    /// Standard base64 with padding.
    Base64,
    /// URL-safe base64 without padding.
    Base64url,
}

impl From<SecretEncoding> for Encoding {
    fn from(e: SecretEncoding) -> Self {
        match e {
            SecretEncoding::Hex => Encoding::Hex,
            SecretEncoding::Base64 => Encoding::Base64,
            SecretEncoding::Base64url => Encoding::Base64url,
        }
    }
}

// `keygen password`.
#[derive(Debug, Args)]
pub struct PasswordArgs {
    /// Number of characters (at least 12).
    #[arg(long, value_name = "N", default_value_t = 32,
          value_parser = clap::value_parser!(u32).range(1..=4096))]
    pub length: u32,

    /// Character classes to draw from; each appears at least once.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "CLASS,...",
          default_values_t = [CharClass::Lower, CharClass::Upper, CharClass::Digits, CharClass::Symbols])]
    pub classes: Vec<CharClass>,

    /// Leave out look-alike characters (0 O o 1 l I | and similar).
    #[arg(long)]
    pub no_ambiguous: bool,

    #[command(flatten)]
    pub count: CountArg,

    #[command(flatten)]
    pub sink: SinkArgs,
}
