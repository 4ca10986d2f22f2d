//! The command line of `jwt`: JSON Web Tokens.

use std::path::PathBuf;

use clap::{Args, Subcommand};

// Domain enums that derive ValueEnum themselves (one type, no mirror).
pub use crate::jwt::{JwtAlg, JwtScopesAs, JwtSecretEncoding};

/// `jwt` subcommands.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum JwtCommand {
    /// Mint a signed token (always with iat, nbf, exp and a random jti).
    Mint(JwtMintArgs),
    /// Verify a token's signature and claims: exit 0 valid, 1 invalid.
    Verify(JwtVerifyArgs),
    /// Decode a token WITHOUT verifying it, with warnings.
    Inspect(JwtInspectArgs),
}

// Where a JWT key comes from.
#[derive(Debug, Args, Clone)]
pub struct JwtKeyArgs {
    /// Read the HS secret from this environment variable (its text's bytes are the key).
    #[arg(long, value_name = "NAME", conflicts_with_all = ["secret_file", "key_file"])]
    pub secret_env: Option<String>,

    /// Read the HS secret from this file (one trailing newline dropped).
    #[arg(long, value_name = "PATH", conflicts_with = "key_file")]
    pub secret_file: Option<PathBuf>,

    /// A PEM key: private to mint (RS*, PS*, ES*, EdDSA), public or private to verify.
    #[arg(long, value_name = "PEM")]
    pub key_file: Option<PathBuf>,

    /// How the HS secret's text gives the key: its bytes (text), or decoded
    /// from base64, base64url (a JWK's `k`) or hex.
    #[arg(long, value_enum, value_name = "ENCODING", default_value_t = JwtSecretEncoding::Text, conflicts_with = "key_file")]
    pub secret_encoding: JwtSecretEncoding,
}

// `jwt mint`.
#[derive(Debug, Args)]
pub struct JwtMintArgs {
    #[command(flatten)]
    pub key: JwtKeyArgs,

    /// Signing algorithm [default: HS256 with a secret; the key's own with a PEM].
    #[arg(long, value_enum, value_name = "ALG")]
    pub alg: Option<JwtAlg>,

    /// Subject (sub).
    #[arg(long, value_name = "SUB")]
    pub sub: String,

    /// Audience (aud).
    #[arg(long, value_name = "AUD")]
    pub aud: Option<String>,

    /// Issuer (iss).
    #[arg(long, value_name = "ISS")]
    pub iss: Option<String>,

    /// Scopes, comma-separated; written as the space-separated `scope` claim (RFC 9068)
    /// unless --scopes-claim / --scopes-as say otherwise.
    #[arg(long, value_delimiter = ',', value_name = "SCOPE,...")]
    pub scope: Vec<String>,

    /// The claim the scopes go in (e.g. `scopes` for a service that reads that).
    #[arg(long, value_name = "NAME", default_value = "scope", requires = "scope")]
    pub scopes_claim: String,

    /// How the scopes are written: one space-separated string (RFC 8693 section 4.2) or a JSON list.
    #[arg(long, value_enum, value_name = "FORM", default_value_t = JwtScopesAs::String, requires = "scope")]
    pub scopes_as: JwtScopesAs,

    /// Lifetime: 30s, 15m, 1h, 7d.
    #[arg(long, value_name = "DURATION", default_value = "1h")]
    pub ttl: String,

    /// An extra claim, k=v; v is JSON when it parses as JSON, else a string (repeatable).
    #[arg(long, value_name = "K=V")]
    pub claim: Vec<String>,

    /// The key id (kid) header.
    #[arg(long, value_name = "KID")]
    pub kid: Option<String>,

    /// Allow an HS secret shorter than the hash (RFC 7518 section 3.2 forbids
    /// it) or a known placeholder (as `config check` lists them).
    #[arg(long)]
    pub allow_weak: bool,
}

// `jwt verify`.
#[derive(Debug, Args)]
pub struct JwtVerifyArgs {
    /// The token [default: stdin] (an argument lands in shell history).
    #[arg(value_name = "TOKEN")]
    pub token: Option<String>,

    #[command(flatten)]
    pub key: JwtKeyArgs,

    /// A JWKS file; the key is chosen by the token's kid.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["secret_env", "secret_file", "key_file", "secret_encoding"])]
    pub jwks: Option<PathBuf>,

    /// Accepted algorithms (repeatable) [default: those the key fits].
    #[arg(long, value_enum, value_name = "ALG")]
    pub alg: Vec<JwtAlg>,

    /// Required audience: the token must have an aud claim that names it.
    #[arg(long, value_name = "AUD")]
    pub aud: Option<String>,

    /// Required issuer: the token must have an iss claim equal to it.
    #[arg(long, value_name = "ISS")]
    pub iss: Option<String>,

    /// Clock skew allowed for exp and nbf.
    #[arg(long, value_name = "DURATION", default_value = "0s")]
    pub leeway: String,

    /// Accept a token without exp.
    #[arg(long)]
    pub allow_no_exp: bool,

    /// Judge exp and nbf at this moment (RFC 3339, a date, or a duration from now such as 2h) instead of now.
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
}

// `jwt inspect`.
#[derive(Debug, Args)]
pub struct JwtInspectArgs {
    /// The token [default: stdin].
    #[arg(value_name = "TOKEN")]
    pub token: Option<String>,
}
