//! The hidden `completions` and `manpages` commands that regenerate the
//! committed `completions/` and `man/` (CI fails when they are stale).

use std::path::Path;

use clap::CommandFactory;

use crate::cli::Cli;
use crate::commands::Ctx;
use crate::error::{Error, Outcome, Result};

/// Prints the completion script for `shell`.
pub fn completions(ctx: &Ctx, shell: clap_complete::Shell) -> Result<Outcome> {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "keyward", &mut buf);
    ctx.out.raw(&buf)?;
    Ok(Outcome::Success)
}

/// Writes `keyward.1` and one page per visible subcommand into `dir`.
pub fn manpages(ctx: &Ctx, dir: &Path) -> Result<Outcome> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io("create", dir, &e))?;
    clap_mangen::generate_to(Cli::command(), dir)
        .map_err(|e| Error::io("write man pages to", dir, &e))?;
    ctx.out
        .note(&format!("wrote man pages to {}", dir.display()));
    Ok(Outcome::Success)
}
