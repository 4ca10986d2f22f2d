//! `apikey issue | list | show | verify | revoke | rotate | export`.

use std::io::IsTerminal;

use serde_json::{Value, json};
use time::OffsetDateTime;

use crate::apikey::{self, ApiKey, KeyState, NewKey};
use crate::audit::{Entry, Risk};
use crate::cli::{
    ApikeyCommand, ApikeyExportArgs, ApikeyIssueArgs, ApikeyListArgs, ApikeyRotateArgs,
    ApikeyVerifyArgs, ExportAs,
};
use crate::commands::Ctx;
use crate::error::{Error, Outcome, Result};
use crate::output::Format;
use crate::secret::{SecretString, optional_env_secret};
use crate::timeutil::{format_ms, format_short, now, parse_duration, parse_expiry, parse_stored};

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

fn issued_json(
    id: i64,
    key: &SecretString,
    name: &str,
    prefix: &str,
    scopes: &[String],
    expires: Option<OffsetDateTime>,
) -> Value {
    json!({
        "id": id,
        "key": key.expose(),
        "name": name,
        "prefix": prefix,
        "scopes": scopes,
        "expires_at": expires.map(format_ms),
    })
}

fn show_issued(ctx: &Ctx, doc: Value, key: &SecretString) -> Result<()> {
    match ctx.out.format() {
        Format::Json => ctx.out.json(&doc),
        _ => {
            ctx.out.line(key.expose())?;
            ctx.out.warn(&format!(
                "this is the only time API key {} is shown: keyward keeps only its hash",
                doc["id"]
            ));
            Ok(())
        }
    }
}

fn issue(ctx: &Ctx, a: ApikeyIssueArgs) -> Result<Outcome> {
    ctx.out
        .require("apikey issue", &[Format::Text, Format::Json])?;
    apikey::validate_name(&a.name)?;
    apikey::validate_prefix(&a.prefix)?;
    let scopes = apikey::validate_scopes(&a.scopes)?;
    if let Some(n) = &a.note {
        apikey::validate_note(n)?;
    }
    let t = now();
    let expires = a
        .expires
        .as_deref()
        .map(|e| parse_expiry(e, t, "--expires"))
        .transpose()?;
    if expires.is_some_and(|e| e <= t) {
        return Err(Error::usage("--expires is in the past"));
    }
    if let Some(var) = &a.var {
        crate::commands::sink::check_var_name(var)?;
    }
    let pepper = pepper()?;
    let auditor = ctx.auditor()?;
    let mut store = ctx.store()?;
    // With --env-file the key goes into the file inside the store's
    // transaction: a file that cannot be written leaves no key behind, and
    // a key the store cannot commit is taken out of the file again.
    let target = match (&a.env_file, &a.var) {
        (Some(f), Some(v)) => Some((f.clone(), v.clone())),
        _ => None,
    };
    let before = target.as_ref().map(|(f, _)| EnvSnapshot::take(f));
    let written: std::cell::RefCell<Option<crate::fsutil::EnvEdit>> = Default::default();
    let result = store.write(|tx| {
        let (id, key) = apikey::insert(
            tx,
            &NewKey { name: &a.name, prefix: &a.prefix, scopes: &scopes, note: a.note.as_deref(), expires_at: expires, rotated_from: None },
            pepper.as_ref(),
            t,
        )?;
        let mut details = json!({
            "name": a.name, "prefix": a.prefix, "scopes": scopes, "expires_at": expires.map(format_ms),
        });
        if let Some((file, var)) = &target {
            let change = if a.append {
                crate::fsutil::EnvChange::Append(key.expose())
            } else {
                crate::fsutil::EnvChange::Set(key.expose())
            };
            let edit = crate::fsutil::edit_env_var(file, var, change, a.force)?;
            details["env_file"] = edit.written.display().to_string().into();
            details["var"] = var.as_str().into();
            details["append"] = a.append.into();
            *written.borrow_mut() = Some(edit);
        }
        auditor.append(
            tx,
            &Entry::new("apikey.issue", "api_key", id.to_string()).details(details),
        )?;
        Ok((id, key))
    });
    let (id, key) = match result {
        Ok(v) => v,
        Err(e) => {
            if let (Some(snapshot), Some(_)) = (&before, written.borrow().as_ref()) {
                snapshot.restore();
            }
            return Err(e);
        }
    };
    let Some((file, var)) = &target else {
        show_issued(
            ctx,
            issued_json(id, &key, &a.name, &a.prefix, &scopes, expires),
            &key,
        )?;
        return Ok(Outcome::Success);
    };
    let edit = written
        .into_inner()
        .ok_or_else(|| Error::internal("the env file edit was not recorded"))?;
    crate::commands::sink::warn_env_edit(ctx, file, &edit);
    let fp = crate::crypto::fingerprint(key.expose().as_bytes());
    drop(key);
    if a.append {
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
    if ctx.out.format() == Format::Json {
        ctx.out.json(&json!({
            "id": id,
            "name": a.name,
            "prefix": a.prefix,
            "scopes": scopes,
            "expires_at": expires.map(format_ms),
            "fingerprint": fp,
            "destination": {
                "type": "env-file",
                "path": file.display().to_string(),
                "var": var,
                "line": edit.line,
                "append": a.append,
                "keys_in_var": edit.items,
            },
        }))?;
    }
    Ok(Outcome::Success)
}

/// A dotenv file's bytes and mode before an edit, to put back when the
/// edit's store transaction fails (the file a symlink points at, never the
/// symlink).
struct EnvSnapshot {
    path: std::path::PathBuf,
    old: Option<(zeroize::Zeroizing<Vec<u8>>, u32)>,
}

impl EnvSnapshot {
    fn take(path: &std::path::Path) -> Self {
        use std::os::unix::fs::PermissionsExt;
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let old = std::fs::read(&path).ok().map(|b| {
            let mode = std::fs::metadata(&path)
                .map(|m| m.permissions().mode() & 0o7777)
                .unwrap_or(0o600);
            (zeroize::Zeroizing::new(b), mode)
        });
        EnvSnapshot { path, old }
    }

    fn restore(&self) {
        use crate::fsutil::{Overwrite, write_atomic};
        match &self.old {
            Some((bytes, mode)) => {
                let _ = write_atomic(&self.path, bytes, *mode, Overwrite::Replace);
            }
            None => {
                let _ = std::fs::remove_file(&self.path);
            }
        }
    }
}

fn short(ts: Option<&str>) -> String {
    ts.and_then(parse_stored)
        .map(format_short)
        .unwrap_or_else(|| "-".into())
}

fn state_name(s: KeyState) -> &'static str {
    match s {
        KeyState::Active => "active",
        KeyState::Expired => "expired",
        KeyState::Revoked => "revoked",
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
    ctx.out.records(
        &keys,
        &[
            "id",
            "name",
            "key",
            "scopes",
            "created",
            "expires",
            "last used",
            "state",
        ],
        |k: &ApiKey| {
            vec![
                k.id.to_string(),
                k.name.clone(),
                k.display(),
                if k.scopes.is_empty() {
                    "-".into()
                } else {
                    k.scopes.join(",")
                },
                short(Some(&k.created_at)),
                short(k.expires_at.as_deref()),
                short(k.last_used_at.as_deref()),
                state_name(k.state).into(),
            ]
        },
    )?;
    Ok(Outcome::Success)
}

fn show(ctx: &Ctx, id: i64) -> Result<Outcome> {
    ctx.out
        .require("apikey show", &[Format::Text, Format::Json])?;
    let store = ctx.store_for_reading()?;
    let k = apikey::get(store.conn(), id, now())?.ok_or_else(|| not_found(id))?;
    if ctx.out.format() == Format::Json {
        ctx.out.json(&k)?;
        return Ok(Outcome::Success);
    }
    let rows = vec![
        vec!["id".into(), k.id.to_string()],
        vec!["name".into(), k.name.clone()],
        vec!["key".into(), k.display()],
        vec![
            "scopes".into(),
            if k.scopes.is_empty() {
                "-".into()
            } else {
                k.scopes.join(", ")
            },
        ],
        vec!["state".into(), state_name(k.state).into()],
        vec!["created".into(), k.created_at.clone()],
        vec![
            "expires".into(),
            k.expires_at.clone().unwrap_or_else(|| "never".into()),
        ],
        vec![
            "revoked".into(),
            k.revoked_at.clone().unwrap_or_else(|| "-".into()),
        ],
        vec![
            "last used".into(),
            k.last_used_at.clone().unwrap_or_else(|| "never".into()),
        ],
        vec!["note".into(), k.note.clone().unwrap_or_else(|| "-".into())],
        vec![
            "rotated from".into(),
            k.rotated_from
                .map(|i| i.to_string())
                .unwrap_or_else(|| "-".into()),
        ],
        vec![
            "replaced by".into(),
            k.replaced_by
                .map(|i| i.to_string())
                .unwrap_or_else(|| "-".into()),
        ],
    ];
    ctx.out.table(&["field", "value"], &rows)?;
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

fn verify(ctx: &Ctx, a: ApikeyVerifyArgs) -> Result<Outcome> {
    ctx.out
        .require("apikey verify", &[Format::Text, Format::Json])?;
    let key = key_input(ctx, &a)?;
    let parts = apikey::check_format(key.expose());
    if a.offline {
        return report_verify(
            ctx,
            parts.as_ref().err().map(|e| e.to_string()),
            None,
            "offline",
        );
    }
    let auditor = ctx.auditor()?;
    let mut store = ctx.store()?;
    let verdict = apikey::verify(
        &mut store,
        &auditor,
        key.expose(),
        pepper()?.as_ref(),
        &a.require_scope,
        now(),
    )?;
    report_verify(ctx, verdict.failure, verdict.key.as_ref(), "store")
}

fn report_verify(
    ctx: &Ctx,
    failure: Option<String>,
    key: Option<&ApiKey>,
    mode: &str,
) -> Result<Outcome> {
    match ctx.out.format() {
        Format::Json => {
            let mut doc = json!({"valid": failure.is_none(), "checked": mode});
            if let Some(r) = &failure {
                doc["reason"] = r.clone().into();
            }
            if let Some(k) = key.filter(|_| failure.is_none()) {
                doc["id"] = k.id.into();
                doc["name"] = k.name.clone().into();
                doc["scopes"] = k.scopes.clone().into();
                doc["expires_at"] = k.expires_at.clone().into();
            }
            ctx.out.json(&doc)?;
        }
        _ => match (&failure, key) {
            (Some(reason), _) => ctx.out.line(&format!("invalid: {reason}"))?,
            (None, Some(k)) => ctx.out.line(&format!(
                "valid: key {} ({}), scopes {}, expires {}",
                k.id,
                k.name,
                if k.scopes.is_empty() {
                    "-".into()
                } else {
                    k.scopes.join(",")
                },
                k.expires_at.as_deref().unwrap_or("never")
            ))?,
            (None, None) => ctx
                .out
                .line("valid format and checksum (not checked against the store)")?,
        },
    }
    Ok(if failure.is_some() {
        Outcome::ChecksFailed
    } else {
        Outcome::Success
    })
}

fn revoke(ctx: &Ctx, ids: &[i64]) -> Result<Outcome> {
    ctx.out
        .require("apikey revoke", &[Format::Text, Format::Json])?;
    let t = now();
    let auditor = ctx.auditor()?;
    let mut store = ctx.store()?;
    let mut keys = Vec::new();
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    for &id in &ids {
        keys.push(apikey::get(store.conn(), id, t)?.ok_or_else(|| not_found(id))?);
    }
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
    let revoked: Vec<i64> = store.write(|tx| {
        let mut done = Vec::new();
        for k in &keys {
            if k.revoked_at.is_some() {
                continue;
            }
            apikey::revoke(tx, k.id, t)?;
            auditor.append(
                tx,
                &Entry::new("apikey.revoke", "api_key", k.id.to_string())
                    .risk(Risk::Medium)
                    .details(json!({"name": k.name, "key": k.display()})),
            )?;
            done.push(k.id);
        }
        Ok(done)
    })?;
    for k in keys.iter().filter(|k| !revoked.contains(&k.id)) {
        ctx.out.note(&format!("key {} was already revoked", k.id));
    }
    if ctx.out.format() == Format::Json {
        ctx.out.json(&json!({"revoked": revoked}))?;
    } else {
        for id in &revoked {
            ctx.out.line(&format!("revoked key {id}"))?;
        }
    }
    Ok(Outcome::Success)
}

fn rotate(ctx: &Ctx, a: ApikeyRotateArgs) -> Result<Outcome> {
    ctx.out
        .require("apikey rotate", &[Format::Text, Format::Json])?;
    let grace = parse_duration(&a.grace).map_err(|m| Error::usage(format!("--grace: {m}")))?;
    if grace.is_negative() {
        return Err(Error::usage("--grace cannot be negative"));
    }
    let t = now();
    let pepper = pepper()?;
    let auditor = ctx.auditor()?;
    let mut store = ctx.store()?;
    let old = apikey::get(store.conn(), a.id, t)?.ok_or_else(|| not_found(a.id))?;
    // An expired key is rotated like an active one (hardening #18): that
    // is when operators rotate. A revoked key was withdrawn on purpose.
    if old.state == KeyState::Revoked {
        return Err(Error::bad_input(format!(
            "key {} is {}; only an active or expired key can be rotated",
            old.id,
            state_name(old.state)
        ))
        .with_hint("issue a new key with `keyward apikey issue`"));
    }
    let expired = old.state == KeyState::Expired;
    // The new key keeps the old one's lifetime (from now), so a rotation
    // never silently drops an expiry.
    let expires = match &a.expires {
        Some(e) => {
            let when = parse_expiry(e, t, "--expires")?;
            if when <= t {
                return Err(Error::usage("--expires is in the past"));
            }
            Some(when)
        }
        None => match (
            old.expires_at.as_deref().and_then(parse_stored),
            parse_stored(&old.created_at),
        ) {
            (Some(exp), Some(created)) => Some(t + (exp - created)),
            _ => None,
        },
    };
    // An expired key gets no grace: it stays expired.
    let until = match old.expires_at.as_deref().and_then(parse_stored) {
        Some(exp) if expired => exp,
        _ => t + grace,
    };
    let (id, key) = store.write(|tx| {
        let (id, key) = apikey::insert(
            tx,
            &NewKey { name: &old.name, prefix: &old.prefix, scopes: &old.scopes, note: old.note.as_deref(), expires_at: expires, rotated_from: Some(old.id) },
            pepper.as_ref(),
            t,
        )?;
        if grace.is_zero() && !expired {
            apikey::revoke(tx, old.id, t)?;
        }
        apikey::retire_after(tx, old.id, until, id)?;
        auditor.append(
            tx,
            &Entry::new("apikey.rotate", "api_key", old.id.to_string()).risk(Risk::Medium).details(json!({
                "name": old.name, "new_id": id, "old_key_valid_until": format_ms(until), "grace": a.grace, "old_key_expired": expired,
            })),
        )?;
        Ok((id, key))
    })?;
    let mut doc = issued_json(id, &key, &old.name, &old.prefix, &old.scopes, expires);
    doc["replaces"] = old.id.into();
    doc["old_key_valid_until"] = format_ms(until).into();
    if ctx.out.format() != Format::Json {
        if expired {
            ctx.out.note(&format!(
                "key {} expired at {}; its successor lives as long as it did",
                old.id,
                format_ms(until)
            ));
        } else {
            ctx.out.note(&format!(
                "key {} stays valid until {} ({} grace)",
                old.id,
                format_ms(until),
                a.grace
            ));
        }
    }
    show_issued(ctx, doc, &key)?;
    Ok(Outcome::Success)
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
        ExportAs::Json => {
            let docs: Vec<Value> = keys
                .iter()
                .map(|(k, h, alg)| json!({"id": k.id, "name": k.name, "prefix": k.prefix, "hash": h, "hash_alg": alg, "scopes": k.scopes, "expires_at": k.expires_at}))
                .collect();
            ctx.out.json(&json!({"keys": docs}))?;
        }
    }
    Ok(if keys.is_empty() {
        Outcome::ChecksFailed
    } else {
        Outcome::Success
    })
}
