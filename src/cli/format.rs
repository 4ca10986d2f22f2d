//! The command line of `format`: the value formats keyward reads and writes.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use crate::formats::FormatName;
use crate::formats::derive::DeriveSpec;

/// `format` subcommands.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum FormatCommand {
    /// Print the built-in value formats with their exact layouts.
    List,
    /// Check that values (one per line, stdin or --in) parse and decrypt in a format.
    ///
    /// Says for each value whether it parsed and decrypted, never printing
    /// plaintext unless --show is given. Exit 1 when any value did not.
    Test(FormatTestArgs),
}

// `format test`.
#[derive(Debug, Args)]
pub struct FormatTestArgs {
    /// The format: envelope, fernet, fernet-b64, tiger[:iterations=N,version=V] or spec:PATH.
    #[arg(long, value_name = "FORMAT", value_parser = clap::value_parser!(FormatName))]
    pub from: FormatName,

    /// Read the key from this environment variable (its text: a key, a passphrase with
    /// --derive, a spec's secret).
    #[arg(long, value_name = "NAME", conflicts_with = "key_file")]
    pub key_env: Option<String>,

    /// Read the key from this private file (an RSA private key in PEM for RSA-wrapped specs).
    #[arg(long, value_name = "PATH")]
    pub key_file: Option<PathBuf>,

    /// Derive the key from the secret's text: none, sha256, pbkdf2-sha256:iterations=N,salt-hex=HEX,
    /// scrypt:n=N,r=R,p=P,salt-file=PATH, hkdf-sha256 (spec formats derive per their [key] table).
    #[arg(long, value_name = "SPEC", value_parser = clap::value_parser!(DeriveSpec))]
    pub derive: Option<DeriveSpec>,

    /// Read the values from FILE instead of stdin, one per line.
    #[arg(long = "in", value_name = "FILE")]
    pub input: Option<PathBuf>,

    /// Print each value's plaintext (it is never printed otherwise).
    #[arg(long)]
    pub show: bool,
}
