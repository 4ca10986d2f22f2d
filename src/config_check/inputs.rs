//! Which inputs `config validate` reads: files, directories (walked for
//! config names), stdin and the process environment, and the run over them.

use std::path::{Path, PathBuf};

use super::parse::{self, InputType};
use super::policy::Policy;
use super::{Kind, Profile, Report, Setting, Severity, normalize, validate};
use crate::error::{Error, ErrorKind, Result};

/// The largest config file read: 16 MiB.
const MAX_FILE: u64 = 16 << 20;

/// What `config validate` was asked to check.
#[derive(Debug, Default)]
pub struct Request {
    /// Files or directories (searched recursively) in order; `-` for stdin.
    pub inputs: Vec<PathBuf>,
    /// Also read the process environment, after the files.
    pub env: bool,
    /// Parse every input as this type instead of going by its name.
    pub input_type: Option<InputType>,
    /// In directories, read only files whose name matches one of these.
    pub globs: Vec<String>,
    /// The profile asked for (else the configuration's own, else production).
    pub profile: Option<Profile>,
    /// A policy file.
    pub policy: Option<PathBuf>,
    /// Now, Unix seconds (certificate expiry).
    pub now: i64,
}

/// The outcome of a check.
#[derive(Debug)]
pub struct Checked {
    /// The report over every input read.
    pub report: Report,
    /// Files found in a directory that did not parse: each was passed to
    /// `skipped` and left out; a command still fails (exit 3) after
    /// showing the report.
    pub unparseable: usize,
}

impl Checked {
    /// True when a finding is at least as severe as `fail_on`.
    pub fn failed(&self, fail_on: Severity) -> bool {
        self.report.findings.iter().any(|f| f.severity >= fail_on)
    }
}

/// Reads the policy and every input of `req` in order and checks them.
/// A file found in a directory that does not parse is told to `skipped`
/// (its `file:line:column: what` message) and left out, so one template or
/// commented JSON file does not hide the rest.
pub fn check(req: &Request, skipped: &mut dyn FnMut(&str)) -> Result<Checked> {
    if req.inputs.is_empty() && !req.env {
        return Err(Error::usage(
            "config validate needs a file, a directory, - or --env",
        ));
    }
    let policy = match &req.policy {
        Some(p) => {
            let text = crate::fsutil::read_text_bounded(p, crate::fsutil::MAX_INPUT_BYTES)?;
            Policy::parse(&text).map_err(|m| Error::bad_input(format!("{}: {m}", p.display())))?
        }
        None => Policy::default(),
    };
    let globs = req
        .globs
        .iter()
        .map(|g| glob::Pattern::new(g).map_err(|e| Error::usage(format!("--glob {g}: {e}"))))
        .collect::<Result<Vec<_>>>()?;

    let mut inputs: Vec<Vec<Setting>> = Vec::new();
    let mut unparseable = 0usize;
    for input in &req.inputs {
        if input.as_os_str() == "-" {
            let data = crate::secret::read_stdin(MAX_FILE, "configuration")?;
            let text = std::str::from_utf8(&data)
                .map_err(|e| Error::bad_input(not_utf8("-", &data, e)))?;
            let ty = req.input_type.unwrap_or_else(|| parse::sniff(text));
            inputs.push(parse_one(text, "-", ty)?);
        } else if input.is_dir() {
            for file in walk(input, &globs, req.input_type.is_some())? {
                let ty = req
                    .input_type
                    .or_else(|| parse::type_by_name(&file))
                    .unwrap_or(InputType::Dotenv);
                match read_file(&file, Some(ty)) {
                    Ok(settings) => inputs.push(settings),
                    Err(e) if e.kind() == ErrorKind::BadInput => {
                        skipped(e.message());
                        unparseable += 1;
                    }
                    Err(e) => return Err(e),
                }
            }
        } else {
            let ty = req.input_type.or_else(|| parse::type_by_name(input));
            inputs.push(read_file(input, ty)?);
        }
    }
    if req.env {
        inputs.push(environment());
    }
    let report = validate(inputs, &policy, req.profile, req.now).map_err(Error::bad_input)?;
    Ok(Checked {
        report,
        unparseable,
    })
}

/// The process environment as settings, by name: literal values (a `$` in
/// one is no reference), file `(environment)`, line 0.
fn environment() -> Vec<Setting> {
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
    env
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
