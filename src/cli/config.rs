//! The command line of `config`: configuration lint.

use std::path::PathBuf;

use clap::{Args, Subcommand};

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
