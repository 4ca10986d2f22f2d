//! The command line, as clap definitions only. Doc comments here are the
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

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::crypto::keys::Encoding;
use crate::output::{ColorChoice, Format};

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
        help_heading = "Global options"
    )]
    pub store: Option<PathBuf>,

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

/// `hash` subcommands.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum HashCommand {
    /// Hash a password: print its PHC string (bcrypt: $2b$), nothing else.
    Password(HashPasswordArgs),
    /// Check a password against a stored hash: exit 0 on a match, 1 on a mismatch.
    Verify(HashVerifyArgs),
}

// Where a password comes from; a hidden prompt on a terminal when none is given.
#[derive(Debug, Args, Clone)]
pub struct PasswordSource {
    /// Read the password from this environment variable.
    #[arg(long, value_name = "NAME", conflicts_with_all = ["password_file", "password_stdin"])]
    pub password_env: Option<String>,

    /// Read the password from this private file (one trailing newline dropped).
    #[arg(long, value_name = "PATH", conflicts_with = "password_stdin")]
    pub password_file: Option<PathBuf>,

    /// Read the password from stdin (one trailing newline dropped).
    #[arg(long)]
    pub password_stdin: bool,
}

// Hashing parameters; each applies to the algorithms it names.
#[derive(Debug, Args, Clone)]
pub struct HashParamArgs {
    /// argon2id parameter set, which the flags below adjust: rfc9106-low-memory (m=64 MiB, t=3, p=4: RFC 9106's low-memory choice and argon2-cffi's default, so its check_needs_rehash accepts the hash) or owasp (m=19 MiB, t=2, p=1: OWASP's minimum) [default: rfc9106-low-memory].
    #[arg(long, value_enum, value_name = "PRESET")]
    pub preset: Option<crate::passwd::Preset>,

    /// argon2 memory: KiB, or with a unit (19MiB, 1GiB; at most 1GiB) [default: 64MiB; owasp: 19MiB].
    #[arg(long, value_name = "SIZE", value_parser = crate::passwd::parse_memory_kib)]
    pub memory: Option<u32>,

    /// argon2 passes [default: 3; owasp: 2; at most 64] or PBKDF2 iterations [default: 600000; at most 10000000].
    #[arg(long, value_name = "N")]
    pub iterations: Option<u32>,

    /// argon2 lanes [default: 4; owasp: 1] or scrypt p [default: 1]; at most 16.
    #[arg(long, value_name = "P")]
    pub parallelism: Option<u32>,

    /// bcrypt cost [default: 12, at least 10] or scrypt log2(N) [default: 17; at most 20].
    #[arg(long, value_name = "N")]
    pub cost: Option<u32>,

    /// scrypt block size r [default: 8; at most 32].
    #[arg(long, value_name = "R")]
    pub block_size: Option<u32>,
}

// `hash password`.
#[derive(Debug, Args)]
pub struct HashPasswordArgs {
    /// The algorithm.
    #[arg(long, value_enum, default_value_t = crate::passwd::Algo::Argon2id)]
    pub algo: crate::passwd::Algo,

    #[command(flatten)]
    pub params: HashParamArgs,

    #[command(flatten)]
    pub password: PasswordSource,
}

// `hash verify`.
#[derive(Debug, Args)]
pub struct HashVerifyArgs {
    /// The stored hash (quote it: it contains '$'); - reads it from stdin.
    #[arg(value_name = "HASH", allow_hyphen_values = true)]
    pub hash: String,

    #[command(flatten)]
    pub password: PasswordSource,

    /// Also exit 1 when the hash's parameters are below the current ones (the check services run at login): the --preset's, adjusted by the parameter flags.
    #[arg(long)]
    pub needs_rehash: bool,

    /// With --needs-rehash: the current algorithm; a hash of another one needs rehashing [default: the hash's own].
    #[arg(long, value_enum, requires = "needs_rehash")]
    pub algo: Option<crate::passwd::Algo>,

    #[command(flatten)]
    pub params: HashParamArgs,
}

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

    /// Text encoding of the salt.
    #[arg(long, value_enum, default_value_t = SecretEncoding::Hex)]
    pub encoding: SecretEncoding,

    #[command(flatten)]
    pub count: CountArg,

    #[command(flatten)]
    pub sink: SinkArgs,
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

/// Character classes for passwords.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CharClass {
    /// a-z
    Lower,
    /// A-Z
    Upper,
    /// 0-9
    Digits,
    /// Punctuation that needs no escaping in shells' single quotes or dotenv files.
    Symbols,
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
    #[arg(long, value_name = "PATH")]
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

    #[command(flatten)]
    pub kdf: KdfParams,

    /// The key id to give it (to match the id in existing envelopes) [default: the next free].
    #[arg(long, value_name = "ID")]
    pub id: Option<u32>,

    /// Make it the primary key.
    #[arg(long)]
    pub primary: bool,

    /// A note kept with the key.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,

    #[command(flatten)]
    pub keyring: KeyringArgs,
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

/// Encryption formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Scheme {
    /// The keyward envelope: AES-256-GCM with key id, base64.
    Envelope,
    /// Fernet, as Python's cryptography writes it (AES-128-CBC + HMAC-SHA256).
    Fernet,
}

// `encrypt`.
#[derive(Debug, Args)]
pub struct EncryptArgs {
    #[command(flatten)]
    pub key: KeyArgs,

    #[command(flatten)]
    pub io: IoArgs,

    /// The format to produce.
    #[arg(long, value_enum, default_value_t = Scheme::Envelope)]
    pub scheme: Scheme,

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
    #[arg(long, value_enum)]
    pub scheme: Option<Scheme>,

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

/// `audit` subcommands.
#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Verify the hash chain (and anchors): exit 0 intact, 1 broken, naming the first bad row.
    Verify(AuditVerifyArgs),
    /// Find entries: filters, counts and groupings over keyward's log or a service's.
    Query(AuditQueryArgs),
    /// Show the newest entries, and with --follow those that arrive.
    Tail(AuditTailArgs),
    /// Stream entries as NDJSON or CSV (oldest first), for archives and SIEMs.
    Export(AuditExportArgs),
    /// Print an anchor (last id, hash, count, time) for `verify --anchor`.
    Checkpoint(AuditCheckpointArgs),
    /// Delete entries older than a cutoff, leaving a chained record of it.
    Prune(AuditPruneArgs),
}

// `audit verify`.
#[derive(Debug, Args)]
pub struct AuditVerifyArgs {
    /// Prove the log still reaches an anchor: a file written by `audit checkpoint --append-to`, or ID:HASH (repeatable).
    #[arg(long, value_name = "FILE|ID:HASH")]
    pub anchor: Vec<String>,
}

// Which log to read.
#[derive(Debug, Args)]
#[command(next_help_heading = "Source")]
pub struct AuditSourceArgs {
    /// The log: keyward's store (default), sqlite:PATH (a service's table, with --table), or jsonl:PATH (a file or a quoted glob; .gz files are read too).
    #[arg(long, value_name = "SOURCE")]
    pub source: Option<String>,

    /// The table of a sqlite: source.
    #[arg(long, value_name = "TABLE", default_value = "audit_log")]
    pub table: String,

    /// Read a source's column (or JSON key, dotted for nested keys) as a field: ip_address=host (repeatable).
    #[arg(long = "map", value_name = "COLUMN=FIELD")]
    pub map: Vec<String>,

    /// The zone of a sqlite: or jsonl: source's times written without one (Python's datetime.now().isoformat(), '2026-11-20 10:00:00'): UTC (the default), local (the zone of TZ or /etc/localtime, as tables show it), an IANA zone name from the system's zone database (Europe/Berlin), or an offset: +02:00, -0530. Times with Z or an offset, and epoch numbers, are read as written; --since and --until without an offset stay UTC.
    #[arg(long, value_name = "ZONE", allow_hyphen_values = true)]
    pub tz: Option<String>,
}

// Which entries.
#[derive(Debug, Args)]
#[command(next_help_heading = "Filters")]
pub struct AuditFilterArgs {
    /// At or after: 24h, 7d (ago), today, yesterday, 2026-11-01, or RFC 3339.
    #[arg(long, value_name = "WHEN")]
    pub since: Option<String>,

    /// Before (same forms as --since).
    #[arg(long, value_name = "WHEN")]
    pub until: Option<String>,

    /// Who acted (globs: 'svc-*').
    #[arg(long, value_name = "ACTOR")]
    pub actor: Option<String>,

    /// What was done (globs: 'apikey.*').
    #[arg(long, value_name = "ACTION")]
    pub action: Option<String>,

    /// On what: TYPE or TYPE:ID (api_key:12).
    #[arg(long, value_name = "TYPE[:ID]")]
    pub resource: Option<String>,

    /// success, failure or denied (comma-separated for several).
    #[arg(long, value_name = "OUTCOME", value_delimiter = ',')]
    pub outcome: Vec<String>,

    /// This risk or above: low, medium, high, critical.
    #[arg(long, value_enum, value_name = "RISK")]
    pub risk: Option<RiskArg>,

    /// Where (globs: 'web-*').
    #[arg(long, value_name = "HOST")]
    pub host: Option<String>,

    /// Text inside the details (ASCII case-insensitive).
    #[arg(long, value_name = "TEXT")]
    pub grep: Option<String>,

    /// A condition on a field or a details path: 'details.tier = "short_term"', 'details.score >= 75', 'actor ~ "svc-*"' (repeatable; all must hold).
    #[arg(long = "where", value_name = "EXPR")]
    pub wheres: Vec<String>,
}

/// A risk level on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RiskArg {
    /// Everything.
    Low,
    /// Medium and above.
    Medium,
    /// High and critical.
    High,
    /// Critical only.
    Critical,
}

/// Oldest or newest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OrderArg {
    /// Oldest first.
    Asc,
    /// Newest first.
    Desc,
}

/// What `--group-by` counts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GroupByArg {
    /// Who acted.
    Actor,
    /// What was done.
    Action,
    /// Risk level.
    Risk,
    /// Outcome.
    Outcome,
    /// Host.
    Host,
    /// Resource type.
    Resource,
    /// UTC day.
    Day,
    /// UTC hour.
    Hour,
}

// `audit query`.
#[derive(Debug, Args)]
pub struct AuditQueryArgs {
    #[command(flatten)]
    pub filters: AuditFilterArgs,

    #[command(flatten)]
    pub source: AuditSourceArgs,

    /// Show at most N entries (1 or more), or all [default: 50 in a table, all otherwise].
    #[arg(long, value_name = "N|all", value_parser = parse_limit)]
    pub limit: Option<Limit>,

    /// Newest (desc, the default) or oldest (asc) first.
    #[arg(long, value_enum, default_value_t = OrderArg::Desc)]
    pub order: OrderArg,

    /// Print how many entries match, not the entries.
    #[arg(long)]
    pub count: bool,

    /// Count matching entries per actor, action, risk, outcome, host, resource, day or hour.
    #[arg(long, value_enum, value_name = "KEY")]
    pub group_by: Option<GroupByArg>,

    /// Show times in UTC (default: local time) in tables.
    #[arg(long)]
    pub utc: bool,

    /// Exit 1 when nothing matches (otherwise no match is exit 0).
    #[arg(long)]
    pub fail_if_empty: bool,
}

// `audit tail`.
#[derive(Debug, Args)]
pub struct AuditTailArgs {
    #[command(flatten)]
    pub filters: AuditFilterArgs,

    #[command(flatten)]
    pub source: AuditSourceArgs,

    /// How many of the newest entries to show first.
    #[arg(short = 'n', long, value_name = "N", default_value_t = 10)]
    pub lines: u64,

    /// Keep printing entries as they arrive (Ctrl-C stops); a followed log file is reopened when it is rotated.
    #[arg(short, long)]
    pub follow: bool,

    /// How often --follow looks for new entries.
    #[arg(long, value_name = "DURATION", default_value = "1s", value_parser = parse_poll_interval)]
    pub interval: std::time::Duration,

    /// Show times in UTC (default: local time).
    #[arg(long)]
    pub utc: bool,
}

fn parse_poll_interval(s: &str) -> std::result::Result<std::time::Duration, String> {
    let s = s.trim();
    let ms: u64 = if let Some(v) = s.strip_suffix("ms") {
        v.parse()
            .map_err(|_| format!("'{s}' is not a number of milliseconds"))?
    } else {
        let d = crate::timeutil::parse_duration(s)?;
        (d.whole_milliseconds().max(0) as u64).min(3_600_000)
    };
    if !(10..=3_600_000).contains(&ms) {
        return Err(format!("'{s}': use 10ms to 1h"));
    }
    Ok(std::time::Duration::from_millis(ms))
}

// `audit export`.
#[derive(Debug, Args)]
pub struct AuditExportArgs {
    #[command(flatten)]
    pub filters: AuditFilterArgs,

    #[command(flatten)]
    pub source: AuditSourceArgs,

    /// Oldest (asc, the default) or newest (desc) first.
    #[arg(long, value_enum, default_value_t = OrderArg::Asc)]
    pub order: OrderArg,

    /// At most N entries (1 or more) [default: all].
    #[arg(long, value_name = "N", value_parser = parse_limit)]
    pub limit: Option<Limit>,
}

/// `--limit`: a count of 1 or more, or all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// No limit.
    All,
    /// At most this many (1..=i64::MAX, what SQLite's LIMIT takes).
    At(u64),
}

impl Limit {
    /// The count, None for all.
    pub fn count(self) -> Option<u64> {
        match self {
            Limit::All => None,
            Limit::At(n) => Some(n),
        }
    }
}

fn parse_limit(s: &str) -> Result<Limit, String> {
    if s.eq_ignore_ascii_case("all") {
        return Ok(Limit::All);
    }
    match s.parse::<u64>() {
        Ok(0) => Err("0 entries is no query: give 1 or more, or all".into()),
        Ok(n) if n <= i64::MAX as u64 => Ok(Limit::At(n)),
        _ => Err(format!("not a count from 1 to {}, or all", i64::MAX)),
    }
}

// `audit checkpoint`.
#[derive(Debug, Args)]
pub struct AuditCheckpointArgs {
    /// Also append the anchor line to FILE (kept elsewhere: another host, a WORM bucket).
    #[arg(long, value_name = "FILE")]
    pub append_to: Option<PathBuf>,
}

// `audit prune`.
#[derive(Debug, Args)]
pub struct AuditPruneArgs {
    /// Delete entries older than this: 365d, 52w, or a date/time.
    #[arg(long, value_name = "AGE|DATE")]
    pub older_than: String,

    /// Say what would be deleted; change nothing.
    #[arg(long)]
    pub dry_run: bool,

    /// Prune even when the chain does not verify (the broken rows may be deleted with it).
    #[arg(long)]
    pub force: bool,
}

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

/// JWT signing algorithms keyward mints and verifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum JwtAlg {
    /// HMAC-SHA256 with a shared secret.
    #[value(name = "HS256")]
    Hs256,
    /// HMAC-SHA384.
    #[value(name = "HS384")]
    Hs384,
    /// HMAC-SHA512.
    #[value(name = "HS512")]
    Hs512,
    /// RSASSA-PKCS1-v1_5 with SHA-256.
    #[value(name = "RS256")]
    Rs256,
    /// RSASSA-PKCS1-v1_5 with SHA-384.
    #[value(name = "RS384")]
    Rs384,
    /// RSASSA-PKCS1-v1_5 with SHA-512.
    #[value(name = "RS512")]
    Rs512,
    /// RSASSA-PSS with SHA-256.
    #[value(name = "PS256")]
    Ps256,
    /// ECDSA P-256 with SHA-256.
    #[value(name = "ES256")]
    Es256,
    /// ECDSA P-384 with SHA-384.
    #[value(name = "ES384")]
    Es384,
    /// Ed25519.
    #[value(name = "EdDSA")]
    EdDsa,
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

/// How `jwt mint` writes the scopes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum JwtScopesAs {
    /// One string, the scopes separated by spaces: "a b".
    String,
    /// A JSON list of strings: ["a", "b"].
    List,
}

/// How an HS secret's text is turned into the key's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum JwtSecretEncoding {
    /// The text's UTF-8 bytes (as PyJWT and most services use a secret).
    Text,
    /// Standard base64, padded or not.
    Base64,
    /// URL-safe base64, padded or not (a JWK's `k`).
    Base64url,
    /// Hexadecimal.
    Hex,
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

/// `config` subcommands.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum ConfigCommand {
    /// Check configurations against the rule catalog; exit 1 when a finding reaches --fail-on.
    ///
    /// Inputs are read in order and merged, a later value winning as a
    /// service loading .env then its environment does; each finding names
    /// the file and line its value came from. `# keyward:ignore KW004 reason`
    /// on (or just above) a setting suppresses a rule there.
    Validate(ConfigValidateArgs),
    /// List the rules config validate checks; with ids, each in full (why and fix).
    Rules {
        /// Show these rules in full (why and fix), e.g. KW004 KW060.
        #[arg(value_name = "ID")]
        ids: Vec<String>,
    },
    /// Write a .env with fresh secrets and secure defaults that config validate passes.
    Template(ConfigTemplateArgs),
}

// `config template` arguments.
#[derive(Debug, Args)]
pub struct ConfigTemplateArgs {
    /// The deployment the defaults are for.
    #[arg(long, value_enum, default_value = "production", value_name = "PROFILE")]
    pub profile: crate::config_check::Profile,

    /// Whose setting names to use.
    #[arg(long, value_enum, default_value = "generic", value_name = "SERVICE")]
    pub service: crate::config_check::template::Service,

    /// Write to FILE (atomically, mode 0600) instead of stdout.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,

    /// Replace an existing --out file.
    #[arg(long, requires = "out")]
    pub force: bool,
}

// `config validate` arguments.
#[derive(Debug, Args)]
pub struct ConfigValidateArgs {
    /// Files or directories (searched recursively) to read; `-` for stdin.
    #[arg(value_name = "PATH")]
    pub inputs: Vec<PathBuf>,

    /// Also read the process environment, after the files (what a container receives).
    #[arg(long)]
    pub env: bool,

    /// Parse every input as this type instead of going by its name.
    #[arg(long = "type", value_enum, value_name = "TYPE")]
    pub input_type: Option<crate::config_check::parse::InputType>,

    /// In directories, read only files whose name matches PATTERN (repeatable) [default: known config names].
    #[arg(long, value_name = "PATTERN")]
    pub glob: Vec<String>,

    /// Which rules apply [default: the config's own ENVIRONMENT, else production].
    #[arg(long, value_enum, value_name = "PROFILE")]
    pub profile: Option<crate::config_check::Profile>,

    /// Exit 1 when a finding is at least this severe.
    #[arg(long, value_enum, default_value = "error", value_name = "SEVERITY")]
    pub fail_on: crate::config_check::Severity,

    /// A TOML policy that disables or re-grades rules and adds key aliases.
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,
}

/// `rotate` subcommands.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum RotateCommand {
    /// Re-encrypt every value under the target key: batched, resumable, crash-safe.
    Run(RotateRunArgs),
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

    /// A TOML plan naming several tables, columns and JSON fields (see the README).
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

    /// The format to write.
    #[arg(long, value_enum, default_value_t = crate::rotate::codec::TargetFormat::Envelope)]
    pub to: crate::rotate::codec::TargetFormat,

    /// Rows per transaction.
    #[arg(long, value_name = "N", default_value_t = 1000, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub batch: u32,

    /// Count what would change; write nothing.
    #[arg(long)]
    pub dry_run: bool,

    /// What to do with a value that cannot be decrypted.
    #[arg(long, value_enum, default_value_t = OnError::Abort)]
    pub on_error: OnError,

    /// At most this many rows per second, to spare a live service.
    #[arg(long, value_name = "ROWS_PER_S")]
    pub throttle: Option<f64>,

    /// Encrypt plaintext values as well.
    #[arg(long)]
    pub encrypt_plaintext: bool,
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

    /// A key to decrypt with, from this private file (repeatable).
    #[arg(long, value_name = "PATH")]
    pub key_file: Vec<PathBuf>,
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
