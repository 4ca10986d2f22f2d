//! `apikey issue | list | show | verify | revoke | rotate | export`.

use std::io::IsTerminal;
use std::path::Path;

use serde::Serialize;

use crate::apikey::{self, ApiKey, Moments, NewKey, SentTo};
use crate::cli::{
    ApikeyCommand, ApikeyExportArgs, ApikeyIssueArgs, ApikeyListArgs, ApikeyRotateArgs,
    ApikeyVerifyArgs, ExportAs,
};
use crate::commands::Ctx;
use crate::error::{Error, Outcome, Result};
use crate::fsutil::{EnvChange, EnvEdit, FileSnapshot};
use crate::output::{Format, Output, Record, Report};
use crate::secret::{SecretString, optional_env_secret};
use crate::timeutil::{
    format_ms, format_short, now, parse_at, parse_duration, parse_expiry, parse_stored,
};

/// Runs an `apikey` subcommand.
pub fn run(ctx: &Ctx, cmd: ApikeyCommand) -> Result<Outcome> {
    match cmd {
        ApikeyCommand::Issue(a) => issue(ctx, a),
        ApikeyCommand::List(a) => list(ctx, a),
        ApikeyCommand::Show { id } => show(ctx, id),
        ApikeyCommand::Verify(a) => verify(ctx, a),
        ApikeyCommand::Revoke { ids } => revoke(ctx, &ids),
        ApikeyCommand::Rotate(a) => rotate(ctx, a),
        ApikeyCommand::Export(a) => export(ctx, a),
    }
}

fn pepper() -> Result<Option<SecretString>> {
    optional_env_secret("KEYWARD_PEPPER")
}

fn not_found(id: i64) -> Error {
    Error::bad_input(format!("no API key with id {id}"))
        .with_hint("`keyward apikey list` shows the ids")
}

fn scopes_text(scopes: &[String], sep: &str) -> String {
    if scopes.is_empty() {
        "-".into()
    } else {
        scopes.join(sep)
    }
}

/// A new key shown once: `apikey issue` (to stdout) and `apikey rotate`.
#[derive(Serialize)]
struct Issued<'a> {
    id: i64,
    key: &'a str,
    name: &'a str,
    prefix: &'a str,
    scopes: &'a [String],
    expires_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    replaces: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    old_key_valid_until: Option<String>,
    /// A note for text output only (a rotation's old key).
    #[serde(skip)]
    text_note: Option<String>,
}

impl Report for Issued<'_> {
    fn render_text(&self, out: &Output) -> Result<()> {
        if let Some(n) = &self.text_note {
            out.note(n);
        }
        out.line(self.key)?;
        out.warn(&format!(
            "this is the only time API key {} is shown: keyward keeps only its hash",
            self.id
        ));
        Ok(())
    }
}

/// A new key written into a dotenv file (`apikey issue --env-file`): never the key.
#[derive(Serialize)]
struct IssuedToFile<'a> {
    id: i64,
    name: &'a str,
    prefix: &'a str,
    scopes: &'a [String],
    expires_at: Option<String>,
    fingerprint: String,
    destination: EnvDestination<'a>,
}

#[derive(Serialize)]
struct EnvDestination<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    path: String,
    var: &'a str,
    line: usize,
    append: bool,
    keys_in_var: usize,
}

impl Report for IssuedToFile<'_> {
    /// Nothing on stdout: the note on stderr said where the key went.
    fn render_text(&self, _out: &Output) -> Result<()> {
        Ok(())
    }
}

fn issue(ctx: &Ctx, a: ApikeyIssueArgs) -> Result<Outcome> {
    ctx.out
        .require("apikey issue", &[Format::Text, Format::Json])?;
    let t = now();
    let expires = a
        .expires
        .as_deref()
        .map(|e| parse_expiry(e, t, "--expires"))
        .transpose()?;
    let scopes = apikey::check_new(&a.name, &a.prefix, &a.scopes, a.note.as_deref(), expires, t)?;
    if let Some(var) = &a.var {
        crate::commands::sink::check_var_name(var)?;
    }
    let pepper = pepper()?;
    let (mut store, auditor) = ctx.audited()?;
    let new = NewKey {
        name: &a.name,
        prefix: &a.prefix,
        scopes: &scopes,
        note: a.note.as_deref(),
        expires_at: expires,
        rotated_from: None,
    };
    // With --env-file the key goes into the file inside the store's
    // transaction: a file that cannot be written leaves no key behind, and
    // a key the store cannot commit is taken out of the file again.
    let target = a.env_file.as_deref().zip(a.var.as_deref());
    let Some((file, var)) = target else {
        let (id, key) = store
            .write(|tx| apikey::issue(tx, &auditor, &new, pepper.as_ref(), t, |_| Ok(None)))?;
        ctx.out.report(&Issued {
            id,
            key: key.expose(),
            name: &a.name,
            prefix: &a.prefix,
            scopes: &scopes,
            expires_at: expires.map(format_ms),
            replaces: None,
            old_key_valid_until: None,
            text_note: None,
        })?;
        return Ok(Outcome::Success);
    };
    let before = FileSnapshot::take(file);
    let mut written: Option<EnvEdit> = None;
    let result = store.write(|tx| {
        apikey::issue(tx, &auditor, &new, pepper.as_ref(), t, |key| {
            let change = if a.append {
                EnvChange::Append(key.expose())
            } else {
                EnvChange::Set(key.expose())
            };
            let edit = crate::fsutil::edit_env_var(file, var, change, a.force)?;
            let sent = SentTo {
                env_file: edit.written.display().to_string(),
                var: var.to_string(),
                append: a.append,
            };
            written = Some(edit);
            Ok(Some(sent))
        })
    });
    let (id, key) = match result {
        Ok(v) => v,
        Err(e) => {
            if written.is_some() {
                before.restore();
            }
            return Err(e);
        }
    };
    let edit = written.ok_or_else(|| Error::internal("the env file edit was not recorded"))?;
    crate::commands::sink::warn_env_edit(ctx, file, &edit);
    let fp = crate::crypto::fingerprint(key.expose().as_bytes());
    drop(key);
    note_env_issue(ctx, id, file, var, &edit, a.append, &fp);
    ctx.out.report(&IssuedToFile {
        id,
        name: &a.name,
        prefix: &a.prefix,
        scopes: &scopes,
        expires_at: expires.map(format_ms),
        fingerprint: fp,
        destination: EnvDestination {
            kind: "env-file",
            path: file.display().to_string(),
            var,
            line: edit.line,
            append: a.append,
            keys_in_var: edit.items,
        },
    })?;
    Ok(Outcome::Success)
}

/// The note (in every format) that says where an issued key went.
fn note_env_issue(
    ctx: &Ctx,
    id: i64,
    file: &Path,
    var: &str,
    edit: &EnvEdit,
    append: bool,
    fp: &str,
) {
    if append {
        ctx.out.note(&format!(
            "added API key {id} to {var} in {} (line {}, now {} key{}), {fp}; the key is shown nowhere else",
            file.display(),
            edit.line,
            edit.items,
            if edit.items == 1 { "" } else { "s" }
        ));
    } else {
        ctx.out.note(&format!(
            "set {var} in {} (line {}) to API key {id}, {fp}; the key is shown nowhere else",
            file.display(),
            edit.line
        ));
    }
}

fn short(ts: Option<&str>) -> String {
    ts.and_then(parse_stored)
        .map(format_short)
        .unwrap_or_else(|| "-".into())
}

/// One row of `apikey list`.
#[derive(Serialize)]
#[serde(transparent)]
struct Listed(ApiKey);

impl Record for Listed {
    const HEADER: &'static [&'static str] = &[
        "id",
        "name",
        "key",
        "scopes",
        "created",
        "expires",
        "last used",
        "state",
    ];

    fn row(&self) -> Vec<String> {
        let k = &self.0;
        vec![
            k.id.to_string(),
            k.name.clone(),
            k.display(),
            scopes_text(&k.scopes, ","),
            short(Some(&k.created_at)),
            short(k.expires_at.as_deref()),
            short(k.last_used_at.as_deref()),
            k.state.name().into(),
        ]
    }
}

fn list(ctx: &Ctx, a: ApikeyListArgs) -> Result<Outcome> {
    ctx.out.require(
        "apikey list",
        &[Format::Text, Format::Json, Format::Ndjson, Format::Csv],
    )?;
    let store = ctx.store_for_reading()?;
    let keys = apikey::list(store.conn(), a.state, a.scope.as_deref(), now())?;
    if keys.is_empty() && ctx.out.format() == Format::Text {
        ctx.out.note("no API keys match");
        return Ok(Outcome::Success);
    }
    let rows: Vec<Listed> = keys.into_iter().map(Listed).collect();
    ctx.out.list(&rows)?;
    Ok(Outcome::Success)
}

/// `apikey show`: the key's record as JSON, a field/value table as text.
#[derive(Serialize)]
#[serde(transparent)]
struct Shown(ApiKey);

impl Report for Shown {
    fn render_text(&self, out: &Output) -> Result<()> {
        let k = &self.0;
        let or = |v: &Option<String>, none: &str| v.clone().unwrap_or_else(|| none.into());
        let id_or = |v: Option<i64>| v.map(|i| i.to_string()).unwrap_or_else(|| "-".into());
        let rows: Vec<Vec<String>> = [
            ("id", k.id.to_string()),
            ("name", k.name.clone()),
            ("key", k.display()),
            ("scopes", scopes_text(&k.scopes, ", ")),
            ("state", k.state.name().into()),
            ("created", k.created_at.clone()),
            ("expires", or(&k.expires_at, "never")),
            ("revoked", or(&k.revoked_at, "-")),
            ("last used", or(&k.last_used_at, "never")),
            ("note", or(&k.note, "-")),
            ("rotated from", id_or(k.rotated_from)),
            ("replaced by", id_or(k.replaced_by)),
        ]
        .into_iter()
        .map(|(f, v)| vec![f.to_string(), v])
        .collect();
        out.table(&["field", "value"], &rows)
    }
}

fn show(ctx: &Ctx, id: i64) -> Result<Outcome> {
    ctx.out
        .require("apikey show", &[Format::Text, Format::Json])?;
    let store = ctx.store_for_reading()?;
    let k = apikey::get(store.conn(), id, now())?.ok_or_else(|| not_found(id))?;
    ctx.out.report(&Shown(k))?;
    Ok(Outcome::Success)
}

/// The key to verify: argument (with a warning), environment, or stdin.
fn key_input(ctx: &Ctx, a: &ApikeyVerifyArgs) -> Result<SecretString> {
    let key = if let Some(k) = &a.key {
        if std::io::stderr().is_terminal() {
            ctx.out.warn(
                "a key given as an argument lands in shell history; prefer --key-env or stdin",
            );
        }
        SecretString::new(k.clone())
    } else if let Some(name) = &a.key_env {
        optional_env_secret(name)?.ok_or_else(|| {
            Error::bad_input(format!(
                "environment variable {name} is not set or empty (--key-env)"
            ))
        })?
    } else {
        if std::io::stdin().is_terminal() {
            return Err(Error::usage("no key given")
                .with_hint("pass the key on stdin or with --key-env NAME"));
        }
        let buf = crate::secret::read_stdin(4096, "the key")?;
        let text = std::str::from_utf8(&buf)
            .map_err(|_| Error::bad_input("the key on stdin is not text"))?;
        SecretString::new(text.trim().to_string())
    };
    let trimmed = key.expose().trim();
    if trimmed.is_empty() {
        return Err(Error::bad_input("the key is empty"));
    }
    Ok(SecretString::new(trimmed.to_string()))
}

/// `apikey verify`'s answer.
#[derive(Serialize)]
struct Verified<'a> {
    valid: bool,
    checked: &'static str,
    /// Only with `--at`: the moment the key was judged at.
    #[serde(skip_serializing_if = "Option::is_none")]
    evaluated_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
    #[serde(flatten)]
    key: Option<VerifiedKey<'a>>,
}

/// The key a valid verification matched.
#[derive(Serialize)]
struct VerifiedKey<'a> {
    id: i64,
    name: &'a str,
    scopes: &'a [String],
    expires_at: &'a Option<String>,
}

impl Report for Verified<'_> {
    fn render_text(&self, out: &Output) -> Result<()> {
        match (&self.reason, &self.key) {
            (Some(reason), _) => out.line(&format!("invalid: {reason}")),
            (None, Some(k)) => out.line(&format!(
                "valid: key {} ({}), scopes {}, expires {}",
                k.id,
                k.name,
                scopes_text(k.scopes, ","),
                k.expires_at.as_deref().unwrap_or("never")
            )),
            (None, None) => out.line("valid format and checksum (not checked against the store)"),
        }
    }
}

fn verify(ctx: &Ctx, a: ApikeyVerifyArgs) -> Result<Outcome> {
    ctx.out
        .require("apikey verify", &[Format::Text, Format::Json])?;
    let clock = now();
    let judged_at = parse_at(a.at.as_deref(), clock)?;
    let key = key_input(ctx, &a)?;
    let evaluated_at = a.at.is_some().then(|| format_ms(judged_at));
    let (failure, found) = if a.offline {
        let failure = apikey::check_format(key.expose())
            .err()
            .map(|e| e.to_string());
        (failure, None)
    } else {
        let (mut store, auditor) = ctx.audited()?;
        let verdict = apikey::verify(
            &mut store,
            &auditor,
            key.expose(),
            pepper()?.as_ref(),
            &a.require_scope,
            Moments {
                judged_at,
                now: clock,
            },
        )?;
        (verdict.failure, verdict.key)
    };
    let valid = failure.is_none();
    ctx.out.report(&Verified {
        valid,
        checked: if a.offline { "offline" } else { "store" },
        evaluated_at,
        reason: failure,
        key: found.as_ref().filter(|_| valid).map(|k| VerifiedKey {
            id: k.id,
            name: &k.name,
            scopes: &k.scopes,
            expires_at: &k.expires_at,
        }),
    })?;
    Ok(Outcome::passed(valid))
}

/// `apikey revoke`'s answer: the keys it revoked (not those revoked before).
#[derive(Serialize)]
struct Revoked {
    revoked: Vec<i64>,
}

impl Report for Revoked {
    fn render_text(&self, out: &Output) -> Result<()> {
        for id in &self.revoked {
            out.line(&format!("revoked key {id}"))?;
        }
        Ok(())
    }
}

fn revoke(ctx: &Ctx, ids: &[i64]) -> Result<Outcome> {
    ctx.out
        .require("apikey revoke", &[Format::Text, Format::Json])?;
    let t = now();
    let (mut store, auditor) = ctx.audited()?;
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    let keys = ids
        .iter()
        .map(|&id| apikey::get(store.conn(), id, t)?.ok_or_else(|| not_found(id)))
        .collect::<Result<Vec<ApiKey>>>()?;
    let names: Vec<String> = keys
        .iter()
        .map(|k| format!("{} ({}, {})", k.id, k.name, k.display()))
        .collect();
    if !ctx.confirm(&format!(
        "Revoke API key{} {}",
        if keys.len() > 1 { "s" } else { "" },
        names.join(", ")
    ))? {
        ctx.out.note("nothing revoked");
        return Ok(Outcome::Success);
    }
    let revoked = store.write(|tx| apikey::revoke_all(tx, &auditor, &keys, t))?;
    for k in keys.iter().filter(|k| !revoked.contains(&k.id)) {
        ctx.out.note(&format!("key {} was already revoked", k.id));
    }
    ctx.out.report(&Revoked { revoked })?;
    Ok(Outcome::Success)
}

fn rotate(ctx: &Ctx, a: ApikeyRotateArgs) -> Result<Outcome> {
    ctx.out
        .require("apikey rotate", &[Format::Text, Format::Json])?;
    let grace = parse_duration(&a.grace).map_err(|m| Error::usage(format!("--grace: {m}")))?;
    let t = now();
    let pepper = pepper()?;
    let (mut store, auditor) = ctx.audited()?;
    let old = apikey::get(store.conn(), a.id, t)?.ok_or_else(|| not_found(a.id))?;
    let expires = a
        .expires
        .as_deref()
        .map(|e| parse_expiry(e, t, "--expires"))
        .transpose()?;
    let plan = apikey::plan_rotation(old, expires, grace, t)?;
    let (id, key) =
        store.write(|tx| apikey::rotate(tx, &auditor, &plan, &a.grace, pepper.as_ref(), t))?;
    let (old, until) = (&plan.old, format_ms(plan.until));
    let text_note = if plan.old_expired {
        format!(
            "key {} expired at {until}; its successor lives as long as it did",
            old.id
        )
    } else {
        format!(
            "key {} stays valid until {until} ({} grace)",
            old.id, a.grace
        )
    };
    ctx.out.report(&Issued {
        id,
        key: key.expose(),
        name: &old.name,
        prefix: &old.prefix,
        scopes: &old.scopes,
        expires_at: plan.expires.map(format_ms),
        replaces: Some(old.id),
        old_key_valid_until: Some(until.clone()),
        text_note: Some(text_note),
    })?;
    Ok(Outcome::Success)
}

/// One key of `apikey export --as json`: its stored hash, never the key.
#[derive(Serialize)]
struct ExportedKey<'a> {
    id: i64,
    name: &'a str,
    prefix: &'a str,
    hash: &'a str,
    hash_alg: &'a str,
    scopes: &'a [String],
    expires_at: &'a Option<String>,
}

#[derive(Serialize)]
struct Exported<'a> {
    keys: Vec<ExportedKey<'a>>,
}

fn export(ctx: &Ctx, a: ApikeyExportArgs) -> Result<Outcome> {
    ctx.out
        .require("apikey export", &[Format::Text, Format::Json])?;
    crate::commands::sink::check_var_name(&a.var)?;
    let store = ctx.store_for_reading()?;
    let keys = apikey::active_hashes(store.conn(), now())?;
    // No active key: the variable is still printed, empty, so a service fed
    // from it accepts no key rather than falling back to a default; but the
    // exit is 1 and a warning says why, so a cron job notices (hardening #18).
    if keys.is_empty() {
        ctx.out.warn(&format!(
            "no active API key to export: {} is empty, and a service loading it accepts no key",
            a.var
        ));
    }
    // `--as` picks the document (a dotenv line or JSON), whatever `--format` says.
    match a.export_as {
        ExportAs::Env => {
            let hashes: Vec<String> = keys
                .iter()
                .map(|(_, h, alg)| {
                    if alg == "sha256" {
                        h.clone()
                    } else {
                        format!("{alg}:{h}")
                    }
                })
                .collect();
            ctx.out.line(&format!(
                "# keyward apikey export: {} active key(s); SHA-256 hex of each key (hmac-sha256: when peppered)",
                keys.len()
            ))?;
            ctx.out.line(&format!("{}={}", a.var, hashes.join(",")))?;
        }
        ExportAs::Json => ctx.out.json(&Exported {
            keys: keys
                .iter()
                .map(|(k, h, alg)| ExportedKey {
                    id: k.id,
                    name: &k.name,
                    prefix: &k.prefix,
                    hash: h,
                    hash_alg: alg,
                    scopes: &k.scopes,
                    expires_at: &k.expires_at,
                })
                .collect(),
        })?,
    }
    Ok(if keys.is_empty() {
        Outcome::ChecksFailed
    } else {
        Outcome::Success
    })
}
