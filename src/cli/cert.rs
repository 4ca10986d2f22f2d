//! The command line of `cert`: certificates.

use std::path::PathBuf;

use clap::{Args, Subcommand};

/// `cert` subcommands.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum CertCommand {
    /// Create a certificate and its key: self-signed, or signed by a dev CA (--ca).
    Create(CertCreateArgs),
    /// A development certificate authority.
    #[command(subcommand)]
    Ca(CaCommand),
    /// Show what certificates say: names, key, validity, fingerprints, usages.
    Inspect(CertInspectArgs),
    /// Check expiry (and names, and trust) of certificates in files, directories and live endpoints.
    Check(CertCheckArgs),
}

/// `cert ca` subcommands.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum CaCommand {
    /// Create a dev CA certificate and key, as mkcert does.
    Create(CaCreateArgs),
}

// Validity flags shared by leaves and CAs.
#[derive(Debug, Args, Clone)]
pub struct ValidityArgs {
    /// Start of validity: an RFC 3339 time or a date [default: now].
    #[arg(long, value_name = "WHEN")]
    pub not_before: Option<String>,

    /// End of validity: an RFC 3339 time or a date (a past one makes a deliberately expired certificate).
    #[arg(long, value_name = "WHEN", conflicts_with = "days")]
    pub not_after: Option<String>,
}

// Where certificate files go.
#[derive(Debug, Args, Clone)]
pub struct CertOutArgs {
    /// The certificate file.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,

    /// The private key file (written 0600).
    #[arg(long, value_name = "FILE")]
    pub key_out: Option<PathBuf>,

    /// Write DER instead of PEM (certificate; key as PKCS#8 DER).
    #[arg(long)]
    pub der: bool,

    /// Replace existing files.
    #[arg(long)]
    pub force: bool,
}

// `cert create`.
#[derive(Debug, Args)]
pub struct CertCreateArgs {
    /// Subject common name [default: the first --san].
    #[arg(long, value_name = "NAME")]
    pub cn: Option<String>,

    /// A subject alternative name: DNS name, wildcard (*.example.test), IPv4 or IPv6 (repeatable).
    #[arg(long, value_name = "NAME")]
    pub san: Vec<String>,

    /// Days of validity (warns above 398, the browsers' limit, and 825, Apple's).
    #[arg(long, value_name = "N", default_value_t = 365, value_parser = clap::value_parser!(u32).range(1..=36500))]
    pub days: u32,

    #[command(flatten)]
    pub validity: ValidityArgs,

    /// Key type of a new key [default: ecdsa-p256]; with --key-in, the type that key must be.
    #[arg(long, value_enum)]
    pub key_type: Option<crate::certs::create::KeyType>,

    /// Reuse this private key (renewal) instead of generating one.
    #[arg(long, value_name = "FILE")]
    pub key_in: Option<PathBuf>,

    /// Server authentication usage (the default when neither is given).
    #[arg(long)]
    pub server: bool,

    /// Client authentication usage.
    #[arg(long)]
    pub client: bool,

    /// Sign with this CA certificate instead of self-signing.
    #[arg(long, value_name = "FILE", requires = "ca_key")]
    pub ca: Option<PathBuf>,

    /// The CA's private key.
    #[arg(long, value_name = "FILE", requires = "ca")]
    pub ca_key: Option<PathBuf>,

    /// Also write the chain (leaf then CA) to this file.
    #[arg(long, value_name = "FILE", requires = "ca")]
    pub chain_out: Option<PathBuf>,

    #[command(flatten)]
    pub files: CertOutArgs,
}

// `cert ca create`.
#[derive(Debug, Args)]
pub struct CaCreateArgs {
    /// The CA's common name.
    #[arg(long, value_name = "NAME")]
    pub cn: String,

    /// Days of validity.
    #[arg(long, value_name = "N", default_value_t = 3650, value_parser = clap::value_parser!(u32).range(1..=36500))]
    pub days: u32,

    #[command(flatten)]
    pub validity: ValidityArgs,

    /// Path length constraint: 0 signs leaves only.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub path_len: u8,

    /// Only names under this DNS domain may be signed (repeatable).
    #[arg(long, value_name = "DOMAIN")]
    pub name_constraint: Vec<String>,

    /// Key type of the CA key.
    #[arg(long, value_enum, default_value_t = crate::certs::create::KeyType::EcdsaP256)]
    pub key_type: crate::certs::create::KeyType,

    #[command(flatten)]
    pub files: CertOutArgs,
}

// `cert inspect`.
#[derive(Debug, Args)]
pub struct CertInspectArgs {
    /// PEM or DER files (bundles show every certificate); - for stdin.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

// `cert check`.
#[derive(Debug, Args)]
pub struct CertCheckArgs {
    /// Files, directories (searched recursively) or - for stdin.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// File name patterns in directories (repeatable) [default: *.pem *.crt *.cer *.cert *.der].
    #[arg(long, value_name = "PATTERN")]
    pub glob: Vec<String>,

    /// A live endpoint: host:port, [v6]:port, postgres://host:port (repeatable).
    #[arg(long, value_name = "TARGET")]
    pub connect: Vec<String>,

    /// Server name to send (SNI) and to verify against [default: the host].
    #[arg(long, value_name = "NAME")]
    pub sni: Option<String>,

    /// Negotiate TLS inside this protocol first.
    #[arg(long, value_enum, value_name = "PROTO")]
    pub starttls: Option<crate::certs::connect::StartTls>,

    /// Also verify served chains against the system roots or --ca-file.
    #[arg(long)]
    pub verify: bool,

    /// Trust anchors for --verify instead of the system roots.
    #[arg(long, value_name = "FILE", requires = "verify")]
    pub ca_file: Option<PathBuf>,

    /// Warn at this much time left (30d) or share of lifetime used (66%).
    #[arg(long, value_name = "WHEN", default_value = "30d")]
    pub warn: String,

    /// Critical at this much time left (7d) or share of lifetime used (90%).
    #[arg(long, value_name = "WHEN", default_value = "7d")]
    pub critical: String,

    /// Evaluate at this moment (RFC 3339 or a date) instead of now.
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,

    /// The leaf must cover this name, wildcards included (repeatable).
    #[arg(long, value_name = "NAME")]
    pub expect_name: Vec<String>,

    /// Check only the first certificate of each file or chain.
    #[arg(long)]
    pub leaf_only: bool,

    /// Nagios plugin output: one status line with perfdata; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
    #[arg(long)]
    pub nagios: bool,

    /// Add counts per status.
    #[arg(long)]
    pub summary: bool,

    /// Time limit for each --connect endpoint as a whole: name lookup, TCP connect, STARTTLS and TLS handshake.
    #[arg(long, value_name = "DURATION", default_value = "10s")]
    pub timeout: String,
}
