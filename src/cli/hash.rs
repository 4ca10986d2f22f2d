//! The command line of `hash`: password hashes.

use std::path::PathBuf;

use clap::{Args, Subcommand};

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
