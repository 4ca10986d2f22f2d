//! `config validate`, `config rules` and `config template`: arguments in,
//! one `config_check` call, the report out.

use serde::Serialize;

use crate::cli::{ConfigCommand, ConfigTemplateArgs, ConfigValidateArgs};
use crate::config_check::inputs::{self, Request};
use crate::config_check::rules::{self, CATALOG, Rule};
use crate::config_check::{Finding, Profile, Report, Severity, sarif};
use crate::error::{Error, Outcome, Result};
use crate::fsutil::{Overwrite, write_atomic};
use crate::output::{self, Format, Output, Record, Style, Styled};

use super::Ctx;

/// Runs a `config` subcommand.
pub fn run(ctx: &Ctx, cmd: ConfigCommand) -> Result<Outcome> {
    match cmd {
        ConfigCommand::Validate(args) => validate_cmd(ctx, args),
        ConfigCommand::Rules { ids } => rules_cmd(ctx, &ids),
        ConfigCommand::Template(args) => template_cmd(ctx, args),
    }
}

/// A generated configuration (fresh secrets): written as it is.
#[derive(Serialize)]
#[serde(transparent)]
struct Template<'a>(&'a str);

impl output::Report for Template<'_> {
    fn render_text(&self, out: &Output) -> Result<()> {
        out.raw(self.0.as_bytes())
    }
}

fn template_cmd(ctx: &Ctx, args: ConfigTemplateArgs) -> Result<Outcome> {
    ctx.out.require("config template", &[Format::Text])?;
    let text = crate::config_check::template::render(args.service, args.profile)?;
    match &args.out {
        Some(path) => {
            let overwrite = if args.force {
                Overwrite::Replace
            } else {
                Overwrite::Refuse
            };
            write_atomic(path, text.as_bytes(), 0o600, overwrite)?;
            ctx.out
                .note(&format!("wrote {} (mode 0600)", path.display()));
        }
        None => ctx.out.report(&Template(&text))?,
    }
    Ok(Outcome::Success)
}

impl Record for Rule {
    const HEADER: &'static [&'static str] = &["id", "severity", "profile", "title", "fix"];

    fn row(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.severity.name().to_string(),
            if self.production_only {
                "production"
            } else {
                "all"
            }
            .to_string(),
            self.title.to_string(),
            self.fix.to_string(),
        ]
    }
}

/// `config rules`: the catalog, or the rules asked for. In text, rules
/// asked for by id are shown in full, one after another (a table has no
/// room for the why); every other format lists them as records.
#[derive(Serialize)]
#[serde(transparent)]
struct Rules {
    rules: Vec<Rule>,
    #[serde(skip)]
    in_full: bool,
}

impl output::Report for Rules {
    fn render_text(&self, out: &Output) -> Result<()> {
        if !(self.in_full && out.format() == Format::Text) {
            return out.list(&self.rules);
        }
        let mut text = String::new();
        for (i, r) in self.rules.iter().enumerate() {
            if i > 0 {
                text.push('\n');
            }
            text.push_str(&format!(
                "{} {} ({}, {})\n  why: {}\n  fix: {}\n",
                r.id,
                r.title,
                r.severity.name(),
                if r.production_only {
                    "production only"
                } else {
                    "every profile"
                },
                r.why,
                r.fix
            ));
        }
        out.line(text.trim_end_matches('\n'))
    }
}

fn rules_cmd(ctx: &Ctx, ids: &[String]) -> Result<Outcome> {
    ctx.out.require(
        "config rules",
        &[Format::Text, Format::Json, Format::Ndjson, Format::Csv],
    )?;
    let chosen = ids
        .iter()
        .map(|id| {
            rules::find(&id.to_ascii_uppercase()).ok_or_else(|| {
                Error::usage(format!("unknown rule id {id}"))
                    .with_hint("keyward config rules lists them")
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let report = Rules {
        in_full: !chosen.is_empty(),
        rules: if chosen.is_empty() {
            CATALOG.to_vec()
        } else {
            chosen.into_iter().cloned().collect()
        },
    };
    ctx.out.report(&report)?;
    Ok(Outcome::Success)
}

impl output::Report for Report {
    fn render_text(&self, out: &Output) -> Result<()> {
        out.styled(render_text(self, out.color()))
    }
}

fn validate_cmd(ctx: &Ctx, args: ConfigValidateArgs) -> Result<Outcome> {
    ctx.out.require(
        "config validate",
        &[Format::Text, Format::Json, Format::Sarif],
    )?;
    let request = Request {
        inputs: args.inputs,
        env: args.env,
        input_type: args.input_type,
        globs: args.glob,
        profile: args.profile,
        policy: args.policy,
        now: crate::timeutil::now().unix_timestamp(),
    };
    let checked = inputs::check(&request, &mut |m| ctx.out.warn(&format!("skipped {m}")))?;
    // SARIF is a format of its own, for code scanning.
    if ctx.out.format() == Format::Sarif {
        ctx.out.json(&sarif::render(&checked.report.findings))?;
    } else {
        ctx.out.report(&checked.report)?;
    }
    if checked.unparseable > 0 {
        return Err(Error::bad_input(format!(
            "{} in the directories given could not be read as configuration (each named above); the findings cover the rest",
            plural(checked.unparseable, "file")
        )));
    }
    Ok(if checked.failed(args.fail_on) {
        Outcome::ChecksFailed
    } else {
        Outcome::Success
    })
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Text: findings grouped by file, `file:line`, then a summary line. Built
/// as a [`Styled`] block, so a value quoted in a finding cannot carry a
/// terminal control character (hardening #12).
fn render_text(report: &Report, color: bool) -> Styled {
    let mut out = Styled::new(color);
    let mut current: Option<&str> = None;
    for f in &report.findings {
        if current != Some(f.file.as_str()) {
            if current.is_some() {
                out.newline();
            }
            out.paint(Style::Bold, &f.file).newline();
            current = Some(f.file.as_str());
        }
        finding_lines(&mut out, f);
    }
    if !report.findings.is_empty() {
        out.newline();
    }
    let s = &report.summary;
    let profile = match report.profile {
        Profile::Production => "production",
        Profile::Development => "development",
    };
    out.text(&format!(
        "{}, {}, {} in {} ({} settings, profile {profile}{})",
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        plural(s.infos, "info"),
        plural(s.files, "input"),
        s.settings,
        if s.suppressed > 0 {
            format!(", {} suppressed", s.suppressed)
        } else {
            String::new()
        }
    ))
    .newline();
    out
}

fn finding_lines(out: &mut Styled, f: &Finding) {
    out.text(&format!("  {}:{}: ", f.file, f.line));
    match f.severity {
        Severity::Error => out.paint(Style::Red, "error  "),
        Severity::Warning => out.paint(Style::Yellow, "warning"),
        Severity::Info => out.paint(Style::Cyan, "info   "),
    };
    out.text(&format!(" {} {}", f.rule, f.title))
        .newline()
        .text(&format!("      {}", f.message))
        .newline()
        .text(&format!("      fix: {}", f.fix))
        .newline();
}
