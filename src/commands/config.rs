//! `config validate` and `config rules`.

use std::path::{Path, PathBuf};

use crate::cli::{ConfigCommand, ConfigTemplateArgs, ConfigValidateArgs};
use crate::config_check::parse::{self, InputType};
use crate::config_check::policy::Policy;
use crate::config_check::rules::CATALOG;
use crate::config_check::{Finding, Kind, Report, Setting, Severity, normalize, sarif, validate};
use crate::error::{Error, Outcome, Result};
use crate::fsutil::{Overwrite, write_atomic};
use crate::output::{Format, Style, Styled};

use super::Ctx;

/// The largest config file read: 16 MiB.
const MAX_FILE: u64 = 16 << 20;

/// Runs a `config` subcommand.
pub fn run(ctx: &Ctx, cmd: ConfigCommand) -> Result<Outcome> {
    match cmd {
        ConfigCommand::Validate(args) => validate_cmd(ctx, args),
        ConfigCommand::Rules { ids } => rules_cmd(ctx, &ids),
        ConfigCommand::Template(args) => template_cmd(ctx, args),
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
        None => ctx.out.raw(text.as_bytes())?,
    }
    Ok(Outcome::Success)
}

fn rules_cmd(ctx: &Ctx, ids: &[String]) -> Result<Outcome> {
    ctx.out.require(
        "config rules",
        &[Format::Text, Format::Json, Format::Ndjson, Format::Csv],
    )?;
    let mut chosen: Vec<&crate::config_check::rules::Rule> = Vec::new();
    for id in ids {
        let upper = id.to_ascii_uppercase();
        let rule = crate::config_check::rules::find(&upper).ok_or_else(|| {
            Error::usage(format!("unknown rule id {id}"))
                .with_hint("keyward config rules lists them")
        })?;
        chosen.push(rule);
    }
    let profile = |r: &crate::config_check::rules::Rule| {
        if r.production_only {
            "production"
        } else {
            "all"
        }
        .to_string()
    };
    // In full, one rule after another: a table has no room for the why.
    if !chosen.is_empty() && ctx.out.format() == Format::Text {
        let mut text = String::new();
        for (i, r) in chosen.iter().enumerate() {
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
        ctx.out.line(text.trim_end_matches('\n'))?;
        return Ok(Outcome::Success);
    }
    let list: Vec<crate::config_check::rules::Rule> = if chosen.is_empty() {
        CATALOG.to_vec()
    } else {
        chosen.into_iter().cloned().collect()
    };
    ctx.out
        .records(&list, &["id", "severity", "profile", "title", "fix"], |r| {
            vec![
                r.id.to_string(),
                r.severity.name().to_string(),
                profile(r),
                r.title.to_string(),
                r.fix.to_string(),
            ]
        })?;
    Ok(Outcome::Success)
}

fn validate_cmd(ctx: &Ctx, args: ConfigValidateArgs) -> Result<Outcome> {
    ctx.out.require(
        "config validate",
        &[Format::Text, Format::Json, Format::Sarif],
    )?;
    if args.inputs.is_empty() && !args.env {
        return Err(Error::usage(
            "config validate needs a file, a directory, - or --env",
        ));
    }
    let policy = match &args.policy {
        Some(p) => {
            let text = crate::fsutil::read_text_bounded(p, crate::fsutil::MAX_INPUT_BYTES)?;
            Policy::parse(&text).map_err(|m| Error::bad_input(format!("{}: {m}", p.display())))?
        }
        None => Policy::default(),
    };
    let globs = args
        .glob
        .iter()
        .map(|g| glob::Pattern::new(g).map_err(|e| Error::usage(format!("--glob {g}: {e}"))))
        .collect::<Result<Vec<_>>>()?;

    let mut inputs: Vec<Vec<Setting>> = Vec::new();
    // Files found in a directory that do not parse: reported and skipped,
    // so one template or commented JSON file does not hide the rest; the
    // exit is still 3.
    let mut unparseable = 0usize;
    for input in &args.inputs {
        if input.as_os_str() == "-" {
            let data = crate::secret::read_stdin(MAX_FILE, "configuration")?;
            let text = std::str::from_utf8(&data)
                .map_err(|e| Error::bad_input(not_utf8("-", &data, e)))?;
            let ty = args.input_type.unwrap_or_else(|| parse::sniff(text));
            inputs.push(parse_one(text, "-", ty)?);
        } else if input.is_dir() {
            for file in walk(input, &globs, args.input_type.is_some())? {
                let ty = args
                    .input_type
                    .or_else(|| parse::type_by_name(&file))
                    .unwrap_or(InputType::Dotenv);
                match read_file(&file, Some(ty)) {
                    Ok(settings) => inputs.push(settings),
                    Err(e) if e.kind() == crate::error::ErrorKind::BadInput => {
                        ctx.out.warn(&format!("skipped {}", e.message()));
                        unparseable += 1;
                    }
                    Err(e) => return Err(e),
                }
            }
        } else {
            let ty = args.input_type.or_else(|| parse::type_by_name(input));
            inputs.push(read_file(input, ty)?);
        }
    }
    if args.env {
        let mut env: Vec<Setting> = std::env::vars_os()
            .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?)))
            .map(|(k, v)| Setting {
                norm: normalize(&k),
                key: k,
                value: v,
                kind: Kind::Text,
                file: "(environment)".into(),
                line: 0,
                ignore: Vec::new(),
                literal: true,
                scope: String::new(),
            })
            .collect();
        env.sort_by(|a, b| a.key.cmp(&b.key));
        inputs.push(env);
    }
    let now = crate::timeutil::now().unix_timestamp();
    let report = validate(inputs, &policy, args.profile, now).map_err(Error::bad_input)?;
    match ctx.out.format() {
        Format::Json => ctx.out.json(&report)?,
        Format::Sarif => ctx.out.json(&sarif::render(&report.findings))?,
        _ => ctx.out.styled(render_text(&report, ctx.out.color()))?,
    }
    if unparseable > 0 {
        return Err(Error::bad_input(format!(
            "{} in the directories given could not be read as configuration (each named above); the findings cover the rest",
            plural(unparseable, "file")
        )));
    }
    let failed = report.findings.iter().any(|f| f.severity >= args.fail_on);
    Ok(if failed {
        Outcome::ChecksFailed
    } else {
        Outcome::Success
    })
}

/// Reads and parses one file; the type comes from the flag, the name, or
/// the content.
fn read_file(path: &Path, ty: Option<InputType>) -> Result<Vec<Setting>> {
    let data = crate::fsutil::read_bounded(path, MAX_FILE)?;
    let name = path.display().to_string();
    let text = String::from_utf8(data)
        .map_err(|e| Error::bad_input(not_utf8(&name, e.as_bytes(), e.utf8_error())))?;
    let ty = ty.unwrap_or_else(|| parse::sniff(&text));
    parse_one(&text, &name, ty)
}

/// `FILE:LINE:COLUMN: not UTF-8 text` at the first byte that is not.
fn not_utf8(name: &str, data: &[u8], e: std::str::Utf8Error) -> String {
    let good = &data[..e.valid_up_to()];
    let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    let column = std::str::from_utf8(&good[line_start..]).map_or(1, |t| t.chars().count() + 1);
    format!("{name}:{line}:{column}: not UTF-8 text (save the file as UTF-8)")
}

fn parse_one(text: &str, name: &str, ty: InputType) -> Result<Vec<Setting>> {
    parse::parse(text, name, ty)
        .map_err(|e| Error::bad_input(format!("{name}:{}:{}: {}", e.line, e.column, e.message)))
}

/// Directories skipped while walking (translations hold words like
/// "Password", not settings).
const SKIP_DIRS: &[&str] = &[
    ".git",
    "node_modules",
    "target",
    ".venv",
    "venv",
    "__pycache__",
    "locales",
    "locale",
    "i18n",
    "translations",
];

/// Files a directory walk passes over although their extension is a
/// config syntax: package manifests and tool settings.
fn not_service_config(name: &str) -> bool {
    matches!(
        name,
        "package.json"
            | "package-lock.json"
            | "composer.json"
            | "composer.lock"
            | "jsconfig.json"
            | "manifest.json"
            | "renovate.json"
            | "Cargo.toml"
            | "Cargo.lock"
            | "pyproject.toml"
            | "pnpm-lock.yaml"
    ) || (name.starts_with("tsconfig") && name.ends_with(".json"))
        || name.starts_with(".eslintrc")
        || name.starts_with(".prettierrc")
}

/// Config files under `dir`, sorted: those matching `globs`, else those
/// whose names tell their type (every file when `--type` is given without globs).
fn walk(dir: &Path, globs: &[glob::Pattern], any: bool) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let walker = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0
                || !(e.file_type().is_dir()
                    && SKIP_DIRS.contains(&e.file_name().to_string_lossy().as_ref()))
        });
    for entry in walker {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(dir).to_path_buf();
            match e.into_io_error() {
                Some(io) => Error::io("read", &path, &io),
                None => Error::environment(format!("cannot walk {}", path.display())),
            }
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        let keep = if globs.is_empty() {
            any || (parse::type_by_name(entry.path()).is_some() && !not_service_config(&name))
        } else {
            globs.iter().any(|g| g.matches(&name))
        };
        if keep {
            out.push(entry.into_path());
        }
    }
    Ok(out)
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
pub fn render_text(report: &Report, color: bool) -> Styled {
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
        crate::config_check::Profile::Production => "production",
        crate::config_check::Profile::Development => "development",
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
