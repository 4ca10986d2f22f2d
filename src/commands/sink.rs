//! Delivering generated secrets: to stdout, to a private file, or into a
//! dotenv file, with a note on stderr that states bits, encoding and a
//! fingerprint when the secret itself is not shown.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::cli::SinkArgs;
use crate::commands::Ctx;
use crate::crypto::fingerprint;
use crate::error::{Error, Result};
use crate::fsutil::{self, Overwrite};
use crate::output::{Output, Report};
use crate::secret::SecretString;

/// A batch of generated secrets of one kind.
pub struct Generated {
    /// `master`, `jwt-secret`, `password`, `salt`, `derived`.
    pub kind: &'static str,
    /// Encoding name, e.g. `hex`.
    pub encoding: &'static str,
    /// Bits of randomness (or of key) per secret.
    pub bits: u32,
    /// What one secret is called in notes: "key", "JWT secret".
    pub noun: &'static str,
    /// The values.
    pub values: Vec<SecretString>,
    /// Extra fields for the JSON report (never secret).
    pub extra: Map<String, Value>,
}

#[derive(Serialize)]
struct Destination<'a> {
    #[serde(rename = "type")]
    kind: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    var: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
}

/// A dotenv variable name: letters, digits and `_`, not starting with a digit.
pub fn check_var_name(name: &str) -> Result<()> {
    let ok = !name.is_empty()
        && !name.starts_with(|c: char| c.is_ascii_digit())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if ok {
        Ok(())
    } else {
        Err(Error::usage(format!(
            "--var '{name}' is not a variable name (letters, digits and _, not starting with a digit)"
        )))
    }
}

/// The warnings a dotenv edit made under `--force` calls for (hardening #16).
pub fn warn_env_edit(ctx: &Ctx, path: &std::path::Path, edit: &fsutil::EnvEdit) {
    if let Some(target) = &edit.symlink_to {
        ctx.out.warn(&format!(
            "{} is a symlink into another directory: wrote through to {} (--force)",
            path.display(),
            target.display()
        ));
    }
    if let Some(mode) = edit.loose_mode {
        ctx.out.warn(&format!(
            "{} is accessible by other users (mode {mode:04o}) and now holds a secret: chmod 600 it",
            edit.written.display()
        ));
    }
}

/// The report of a delivery: what was made, each secret's fingerprint
/// (and value, when it went to stdout), and where it went.
#[derive(Serialize)]
struct Delivered<'a> {
    kind: &'static str,
    encoding: &'static str,
    bits: u32,
    count: usize,
    #[serde(flatten)]
    extra: &'a Map<String, Value>,
    secrets: Vec<Secret<'a>>,
    destination: Destination<'a>,
}

#[derive(Serialize)]
struct Secret<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<&'a str>,
    fingerprint: &'a str,
}

impl Report for Delivered<'_> {
    /// The secrets themselves, one a line, when they went to stdout (the
    /// note on stderr says where they went otherwise).
    fn render_text(&self, out: &Output) -> Result<()> {
        for v in self.secrets.iter().filter_map(|s| s.value) {
            out.line(v)?;
        }
        Ok(())
    }
}

/// The audit entry of a secret written to a file.
#[derive(Serialize)]
struct GenerateAudit<'a> {
    kind: &'static str,
    encoding: &'static str,
    bits: u32,
    count: usize,
    var: Option<&'a str>,
    fingerprints: &'a [String],
}

/// Sends `g` where `sink` says, and reports it in the chosen format.
pub fn deliver(ctx: &Ctx, sink: &SinkArgs, g: Generated) -> Result<()> {
    let overwrite = if sink.force {
        Overwrite::Replace
    } else {
        Overwrite::Refuse
    };
    let fingerprints: Vec<String> = g
        .values
        .iter()
        .map(|v| fingerprint(v.expose().as_bytes()))
        .collect();
    let count = g.values.len();
    let plural = if count == 1 {
        String::new()
    } else {
        format!("{count} ")
    };
    let noun = if count == 1 {
        g.noun.to_string()
    } else {
        format!("{}s", g.noun)
    };

    // Writing a secret to a file changes state: it is audited (the path,
    // never the key). The store is opened first so a broken store fails
    // before anything is written.
    let mut audit = if sink.out.is_some() || sink.env_file.is_some() {
        Some(ctx.audited()?)
    } else {
        None
    };

    // What the file held before, to put back if the audit entry cannot be written.
    let before = sink
        .out
        .as_ref()
        .or(sink.env_file.as_ref())
        .map(|p| fsutil::FileSnapshot::take(p));

    let destination = if let Some(path) = &sink.out {
        let mut body = zeroize::Zeroizing::new(String::new());
        for v in &g.values {
            body.push_str(v.expose());
            body.push('\n');
        }
        fsutil::write_atomic(path, body.as_bytes(), 0o600, overwrite)?;
        ctx.out.note(&format!(
            "wrote {plural}{}-bit {} {noun} to {} (mode 0600), {}",
            g.bits,
            g.encoding,
            path.display(),
            fingerprints.join(", ")
        ));
        Some(Destination {
            kind: "file",
            path: Some(path.display().to_string()),
            var: None,
            line: None,
        })
    } else if let (Some(path), Some(var)) = (&sink.env_file, &sink.var) {
        check_var_name(var)?;
        let value = g
            .values
            .first()
            .ok_or_else(|| Error::internal("no value generated"))?;
        let edit = fsutil::set_env_var(path, var, value.expose(), sink.force)?;
        warn_env_edit(ctx, path, &edit);
        let line = edit.line;
        ctx.out.note(&format!(
            "set {var} in {} (line {line}): {}-bit {} {noun}, {}",
            path.display(),
            g.bits,
            g.encoding,
            fingerprints[0]
        ));
        Some(Destination {
            kind: "env-file",
            path: Some(path.display().to_string()),
            var: Some(var),
            line: Some(line),
        })
    } else {
        None
    };

    if let (Some((store, auditor)), Some(dest)) = (audit.as_mut(), destination.as_ref()) {
        let details = audit_details(&GenerateAudit {
            kind: g.kind,
            encoding: g.encoding,
            bits: g.bits,
            count,
            var: dest.var,
            fingerprints: &fingerprints,
        })?;
        let path = dest
            .path
            .as_deref()
            .map(|p| fsutil::canonical_display(std::path::Path::new(p)))
            .unwrap_or_default();
        let appended = store.write(|tx| {
            auditor.append(
                tx,
                &crate::audit::Entry::new("key.generate", dest.kind, path).details(details),
            )
        });
        if let Err(e) = appended {
            // No change without its entry: undo the write.
            if let Some(snapshot) = &before {
                snapshot.restore();
            }
            return Err(e);
        }
    }

    let shown = destination.is_none();
    ctx.out.report(&Delivered {
        kind: g.kind,
        encoding: g.encoding,
        bits: g.bits,
        count,
        extra: &g.extra,
        secrets: g
            .values
            .iter()
            .zip(&fingerprints)
            .map(|(v, fp)| Secret {
                value: shown.then(|| v.expose()),
                fingerprint: fp,
            })
            .collect(),
        destination: destination.unwrap_or(Destination {
            kind: "stdout",
            path: None,
            var: None,
            line: None,
        }),
    })
}

/// An audit entry's details from a `#[derive(Serialize)]` struct (the
/// entries of these commands; a failure is a bug, never a silent `{}`).
pub fn audit_details<T: Serialize>(details: &T) -> Result<Value> {
    serde_json::to_value(details)
        .map_err(|e| Error::internal(format!("cannot encode the audit details: {e}")))
}
