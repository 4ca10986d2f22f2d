//! API keys: `<prefix>_<32 random base62><6 base62 of the CRC32>`.
//!
//! The checksum (GitHub's token scheme) lets a secret scanner or `apikey
//! verify --offline` reject a typo without a database lookup. Only a
//! SHA-256 of the key is stored (HMAC-SHA256 with `KEYWARD_PEPPER` when it
//! is set), plus its prefix and last four characters for display. The key
//! itself is shown once, when it is issued.

use hmac::{Hmac, KeyInit, Mac};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::Serialize;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use time::OffsetDateTime;

use crate::error::{Error, Result};
use crate::secret::SecretString;
use crate::timeutil::{format_ms, parse_stored};

/// The base62 alphabet, in ASCII order.
pub const BASE62: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/// Random characters per key: 32 × log2(62) ≈ 190 bits.
pub const RANDOM_LEN: usize = 32;
/// Checksum characters: base62 of a CRC32, zero-padded.
pub const CHECK_LEN: usize = 6;
/// The default prefix.
pub const DEFAULT_PREFIX: &str = "kw";

/// base62 of the CRC32 of `random`, left-padded with '0' to 6 characters.
pub fn checksum(random: &str) -> String {
    let mut n = crc32fast::hash(random.as_bytes()) as u64;
    let mut out = [b'0'; CHECK_LEN];
    for slot in out.iter_mut().rev() {
        *slot = BASE62[(n % 62) as usize];
        n /= 62;
    }
    String::from_utf8(out.to_vec()).expect("ASCII")
}

/// A fresh key with `prefix`.
pub fn generate(prefix: &str) -> Result<SecretString> {
    let random = crate::crypto::random::string_from(BASE62, RANDOM_LEN)?;
    let check = checksum(random.expose());
    Ok(SecretString::new(format!(
        "{prefix}_{}{check}",
        random.expose()
    )))
}

/// Why a string is not a well-formed key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    /// No `_` between prefix and body.
    #[error("not an API key: no '_' between prefix and key")]
    NoSeparator,
    /// The body has the wrong length.
    #[error("not an API key: {0} characters after the prefix, expected 38")]
    BadLength(usize),
    /// The body is not base62.
    #[error("not an API key: characters outside base62 after the prefix")]
    BadCharacters,
    /// The prefix breaks the prefix rules.
    #[error("not an API key: the prefix is not 1-16 letters, digits or '_'")]
    BadPrefix,
    /// The checksum does not match: a typo or a made-up key.
    #[error("bad checksum: the key was mistyped or is not one keyward issued")]
    BadChecksum,
}

/// The visible parts of a well-formed key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyParts {
    /// The prefix.
    pub prefix: String,
    /// The last four characters.
    pub last4: String,
}

/// Checks format and checksum only (no database): `verify --offline`.
pub fn check_format(key: &str) -> std::result::Result<KeyParts, FormatError> {
    let (prefix, body) = key.rsplit_once('_').ok_or(FormatError::NoSeparator)?;
    if validate_prefix(prefix).is_err() {
        return Err(FormatError::BadPrefix);
    }
    if body.len() != RANDOM_LEN + CHECK_LEN {
        return Err(FormatError::BadLength(body.chars().count()));
    }
    if !body.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(FormatError::BadCharacters);
    }
    let (random, check) = body.split_at(RANDOM_LEN);
    if checksum(random)
        .as_bytes()
        .ct_eq(check.as_bytes())
        .unwrap_u8()
        != 1
    {
        return Err(FormatError::BadChecksum);
    }
    Ok(KeyParts {
        prefix: prefix.to_string(),
        last4: body[body.len() - 4..].to_string(),
    })
}

/// The stored hash of `key`: SHA-256, or HMAC-SHA256 keyed by the pepper.
pub fn hash_key(key: &str, pepper: Option<&SecretString>) -> (String, &'static str) {
    match pepper {
        Some(p) => {
            let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(p.expose().as_bytes())
                .expect("HMAC takes any key");
            mac.update(key.as_bytes());
            (hex::encode(mac.finalize().into_bytes()), "hmac-sha256")
        }
        None => (hex::encode(Sha256::digest(key.as_bytes())), "sha256"),
    }
}

fn check_text(
    what: &str,
    value: &str,
    max: usize,
    allowed: impl Fn(char) -> bool,
    rule: &str,
) -> Result<()> {
    if value.is_empty() || value.chars().count() > max || !value.chars().all(allowed) {
        return Err(Error::usage(format!(
            "{what} '{}' is invalid: {rule}",
            value.escape_default()
        )));
    }
    Ok(())
}

/// Names: 1-64 letters, digits, `_`, `-`, `.` (seed 004's username rule, plus `.`).
pub fn validate_name(name: &str) -> Result<()> {
    check_text(
        "--name",
        name,
        64,
        |c| c.is_ascii_alphanumeric() || "_-.".contains(c),
        "use 1-64 letters, digits, '_', '-' or '.'",
    )
}

/// Prefixes: 1-16 letters, digits and `_`, not starting or ending with `_`.
pub fn validate_prefix(prefix: &str) -> Result<()> {
    check_text(
        "--prefix",
        prefix,
        16,
        |c| c.is_ascii_alphanumeric() || c == '_',
        "use 1-16 letters, digits or '_'",
    )?;
    if prefix.starts_with('_') || prefix.ends_with('_') {
        return Err(Error::usage(format!(
            "--prefix '{prefix}' is invalid: it may not start or end with '_'"
        )));
    }
    Ok(())
}

/// Scopes: up to 32, each 1-64 of letters, digits and `:_.-*` (`memories:read`, `admin:*`).
pub fn validate_scopes(scopes: &[String]) -> Result<Vec<String>> {
    if scopes.len() > 32 {
        return Err(Error::usage(format!(
            "--scopes has {} scopes; at most 32",
            scopes.len()
        )));
    }
    let mut out: Vec<String> = Vec::new();
    for s in scopes {
        let s = s.trim();
        check_text(
            "scope",
            s,
            64,
            |c| c.is_ascii_alphanumeric() || ":_.-*".contains(c),
            "use 1-64 letters, digits, ':', '_', '.', '-' or '*'",
        )?;
        if !out.iter().any(|o| o == s) {
            out.push(s.to_string());
        }
    }
    out.sort();
    Ok(out)
}

/// Notes: up to 256 characters, no control characters.
pub fn validate_note(note: &str) -> Result<()> {
    if note.chars().count() > 256 || note.chars().any(char::is_control) {
        return Err(Error::usage(
            "--note is invalid: at most 256 characters and no control characters",
        ));
    }
    Ok(())
}

/// True when a key holding `granted` may act with `wanted`: equal, `*`,
/// or a `prefix:*` that covers it.
pub fn scope_covers(granted: &str, wanted: &str) -> bool {
    granted == wanted
        || granted == "*"
        || granted
            .strip_suffix('*')
            .is_some_and(|p| p.ends_with(':') && wanted.starts_with(p))
}

/// The state of a key at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum KeyState {
    /// Usable.
    Active,
    /// Past its expiry.
    Expired,
    /// Revoked.
    Revoked,
}

impl KeyState {
    /// Its name, as in JSON and `--state`.
    pub fn name(self) -> &'static str {
        match self {
            KeyState::Active => "active",
            KeyState::Expired => "expired",
            KeyState::Revoked => "revoked",
        }
    }
}

/// A stored key (never its hash).
#[derive(Debug, Clone, Serialize)]
pub struct ApiKey {
    /// Its id.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// Its prefix.
    pub prefix: String,
    /// Its last four characters.
    pub last4: String,
    /// Its scopes, sorted.
    pub scopes: Vec<String>,
    /// A note.
    pub note: Option<String>,
    /// When it was issued.
    pub created_at: String,
    /// When it expires.
    pub expires_at: Option<String>,
    /// When it was revoked.
    pub revoked_at: Option<String>,
    /// When it was last verified successfully.
    pub last_used_at: Option<String>,
    /// The key it replaced (rotation).
    pub rotated_from: Option<i64>,
    /// The key that replaced it (rotation).
    pub replaced_by: Option<i64>,
    /// active, expired or revoked, now.
    pub state: KeyState,
}

impl ApiKey {
    /// `tk_…a1B2`: what identifies the key to people.
    pub fn display(&self) -> String {
        format!("{}_…{}", self.prefix, self.last4)
    }
}

/// Columns selected for [`ApiKey`].
const KEY_COLUMNS: &str = "id, name, prefix, last4, scopes, note, created_at, expires_at, revoked_at, last_used_at, rotated_from, replaced_by";

fn state_at(expires_at: Option<&str>, revoked_at: Option<&str>, now: OffsetDateTime) -> KeyState {
    if revoked_at.and_then(parse_stored).is_some_and(|t| t <= now) {
        KeyState::Revoked
    } else if expires_at.and_then(parse_stored).is_some_and(|t| t <= now) {
        KeyState::Expired
    } else {
        KeyState::Active
    }
}

fn from_row(r: &rusqlite::Row<'_>, now: OffsetDateTime) -> rusqlite::Result<ApiKey> {
    let scopes: String = r.get(4)?;
    let expires_at: Option<String> = r.get(7)?;
    let revoked_at: Option<String> = r.get(8)?;
    let state = state_at(expires_at.as_deref(), revoked_at.as_deref(), now);
    Ok(ApiKey {
        id: r.get(0)?,
        name: r.get(1)?,
        prefix: r.get(2)?,
        last4: r.get(3)?,
        scopes: scopes
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
        note: r.get(5)?,
        created_at: r.get(6)?,
        expires_at,
        revoked_at,
        last_used_at: r.get(9)?,
        rotated_from: r.get(10)?,
        replaced_by: r.get(11)?,
        state,
    })
}

fn sql(e: rusqlite::Error) -> Error {
    crate::store::query_error(e)
}

/// What a new key row holds.
#[derive(Debug, Clone)]
pub struct NewKey<'a> {
    /// Name.
    pub name: &'a str,
    /// Prefix.
    pub prefix: &'a str,
    /// Scopes (validated, sorted).
    pub scopes: &'a [String],
    /// Note.
    pub note: Option<&'a str>,
    /// Expiry.
    pub expires_at: Option<OffsetDateTime>,
    /// The key it replaces.
    pub rotated_from: Option<i64>,
}

/// Issues a key inside `tx`: stores its hash and returns the id and key.
pub fn insert(
    tx: &Transaction<'_>,
    k: &NewKey<'_>,
    pepper: Option<&SecretString>,
    now: OffsetDateTime,
) -> Result<(i64, SecretString)> {
    let key = generate(k.prefix)?;
    let (hash, alg) = hash_key(key.expose(), pepper);
    let last4 = key.expose()[key.len() - 4..].to_string();
    tx.execute(
        "INSERT INTO api_keys (name, prefix, hash, hash_alg, last4, scopes, note, created_at, expires_at, rotated_from)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            k.name,
            k.prefix,
            hash,
            alg,
            last4,
            k.scopes.join(","),
            k.note,
            format_ms(now),
            k.expires_at.map(format_ms),
            k.rotated_from
        ],
    )
    .map_err(sql)?;
    Ok((tx.last_insert_rowid(), key))
}

/// Every key, optionally only those in `state` or holding `scope`, by id.
pub fn list(
    conn: &Connection,
    state: Option<KeyState>,
    scope: Option<&str>,
    now: OffsetDateTime,
) -> Result<Vec<ApiKey>> {
    let mut stmt = conn
        .prepare(&format!("SELECT {KEY_COLUMNS} FROM api_keys ORDER BY id"))
        .map_err(sql)?;
    let rows = stmt.query_map([], |r| from_row(r, now)).map_err(sql)?;
    let mut out = Vec::new();
    for k in rows {
        let k = k.map_err(sql)?;
        if state.is_some_and(|s| s != k.state) {
            continue;
        }
        if let Some(s) = scope
            && !k.scopes.iter().any(|g| scope_covers(g, s))
        {
            continue;
        }
        out.push(k);
    }
    Ok(out)
}

/// One key by id.
pub fn get(conn: &Connection, id: i64, now: OffsetDateTime) -> Result<Option<ApiKey>> {
    conn.query_row(
        &format!("SELECT {KEY_COLUMNS} FROM api_keys WHERE id = ?1"),
        [id],
        |r| from_row(r, now),
    )
    .optional()
    .map_err(sql)
}

/// The key whose stored hash matches `key` (peppered or not), compared in
/// constant time after the indexed lookup.
pub fn find(
    conn: &Connection,
    key: &str,
    pepper: Option<&SecretString>,
    now: OffsetDateTime,
) -> Result<Option<ApiKey>> {
    let mut candidates = vec![hash_key(key, pepper)];
    if pepper.is_some() {
        // Keys issued before the pepper was set are plain SHA-256.
        candidates.push(hash_key(key, None));
    }
    for (hash, alg) in candidates {
        let found: Option<(String, ApiKey)> = conn
            .query_row(
                &format!(
                    "SELECT {KEY_COLUMNS}, hash FROM api_keys WHERE hash = ?1 AND hash_alg = ?2"
                ),
                params![hash, alg],
                |r| Ok((r.get(12)?, from_row(r, now)?)),
            )
            .optional()
            .map_err(sql)?;
        if let Some((stored, k)) = found
            && stored.as_bytes().ct_eq(hash.as_bytes()).unwrap_u8() == 1
        {
            return Ok(Some(k));
        }
    }
    Ok(None)
}

/// Marks keys revoked now.
pub fn revoke(tx: &Transaction<'_>, id: i64, now: OffsetDateTime) -> Result<()> {
    tx.execute(
        "UPDATE api_keys SET revoked_at = ?1 WHERE id = ?2 AND revoked_at IS NULL",
        params![format_ms(now), id],
    )
    .map_err(sql)?;
    Ok(())
}

/// Shortens a key's life to `until` (never lengthens it) and links its successor.
pub fn retire_after(
    tx: &Transaction<'_>,
    id: i64,
    until: OffsetDateTime,
    successor: i64,
) -> Result<()> {
    let until = format_ms(until);
    tx.execute(
        "UPDATE api_keys SET expires_at = CASE WHEN expires_at IS NULL OR expires_at > ?1 THEN ?1 ELSE expires_at END,
                             replaced_by = ?2 WHERE id = ?3",
        params![until, successor, id],
    )
    .map_err(sql)?;
    Ok(())
}

/// Records a successful use.
pub fn touch(tx: &Transaction<'_>, id: i64, now: OffsetDateTime) -> Result<()> {
    tx.execute(
        "UPDATE api_keys SET last_used_at = ?1 WHERE id = ?2",
        params![format_ms(now), id],
    )
    .map_err(sql)?;
    Ok(())
}

/// Checks what a new key is given (`apikey issue`): name, prefix, note,
/// and an expiry that is still ahead; returns the scopes validated and sorted.
pub fn check_new(
    name: &str,
    prefix: &str,
    scopes: &[String],
    note: Option<&str>,
    expires: Option<OffsetDateTime>,
    now: OffsetDateTime,
) -> Result<Vec<String>> {
    validate_name(name)?;
    validate_prefix(prefix)?;
    let scopes = validate_scopes(scopes)?;
    if let Some(n) = note {
        validate_note(n)?;
    }
    check_expiry(expires, now)?;
    Ok(scopes)
}

fn check_expiry(expires: Option<OffsetDateTime>, now: OffsetDateTime) -> Result<()> {
    if expires.is_some_and(|e| e <= now) {
        return Err(Error::usage("--expires is in the past"));
    }
    Ok(())
}

/// Where an issued key was written besides the store (recorded in the
/// audit entry, never the key).
#[derive(Debug, Clone, Serialize)]
pub struct SentTo {
    /// The dotenv file written (the file a symlink points at).
    pub env_file: String,
    /// The variable set.
    pub var: String,
    /// Whether the key was added to the variable's list.
    pub append: bool,
}

/// The audit entry of `apikey.issue`.
#[derive(Serialize)]
struct IssueAudit<'a> {
    name: &'a str,
    prefix: &'a str,
    scopes: &'a [String],
    expires_at: Option<String>,
    #[serde(flatten)]
    sent_to: Option<SentTo>,
}

/// Issues a key inside `tx` and audits it; `send` delivers the new key
/// inside the same transaction (a dotenv file) and says where, so a key
/// that cannot be delivered is never stored and the reverse.
pub fn issue(
    tx: &Transaction<'_>,
    auditor: &crate::audit::Auditor,
    k: &NewKey<'_>,
    pepper: Option<&SecretString>,
    now: OffsetDateTime,
    send: impl FnOnce(&SecretString) -> Result<Option<SentTo>>,
) -> Result<(i64, SecretString)> {
    let (id, key) = insert(tx, k, pepper, now)?;
    let sent_to = send(&key)?;
    let details = audit_details(&IssueAudit {
        name: k.name,
        prefix: k.prefix,
        scopes: k.scopes,
        expires_at: k.expires_at.map(format_ms),
        sent_to,
    })?;
    auditor.append(
        tx,
        &crate::audit::Entry::new("apikey.issue", "api_key", id.to_string()).details(details),
    )?;
    Ok((id, key))
}

fn audit_details<T: Serialize>(details: &T) -> Result<serde_json::Value> {
    serde_json::to_value(details)
        .map_err(|e| Error::internal(format!("cannot encode the audit details: {e}")))
}

/// What rotating a key will do, decided before anything changes.
#[derive(Debug, Clone)]
pub struct Rotation {
    /// The key replaced.
    pub old: ApiKey,
    /// The successor's expiry.
    pub expires: Option<OffsetDateTime>,
    /// When the old key stops working.
    pub until: OffsetDateTime,
    /// The old key had expired already (it gets no grace).
    pub old_expired: bool,
    /// The grace period asked for.
    pub grace: time::Duration,
}

/// Plans the rotation of `old` at `now`. An expired key is rotated like an
/// active one (hardening #18): that is when operators rotate; it gets no
/// grace, it stays expired. A revoked key was withdrawn on purpose and is
/// refused. The successor keeps the old key's lifetime (from now) unless
/// `expires` says otherwise, so a rotation never silently drops an expiry.
pub fn plan_rotation(
    old: ApiKey,
    expires: Option<OffsetDateTime>,
    grace: time::Duration,
    now: OffsetDateTime,
) -> Result<Rotation> {
    if grace.is_negative() {
        return Err(Error::usage("--grace cannot be negative"));
    }
    if old.state == KeyState::Revoked {
        return Err(Error::bad_input(format!(
            "key {} is revoked; only an active or expired key can be rotated",
            old.id
        ))
        .with_hint("issue a new key with `keyward apikey issue`"));
    }
    check_expiry(expires, now)?;
    let old_expired = old.state == KeyState::Expired;
    let old_expiry = old.expires_at.as_deref().and_then(parse_stored);
    let expires = expires.or_else(|| {
        let created = parse_stored(&old.created_at)?;
        Some(now + (old_expiry? - created))
    });
    let until = match old_expiry {
        Some(exp) if old_expired => exp,
        _ => now + grace,
    };
    Ok(Rotation {
        old,
        expires,
        until,
        old_expired,
        grace,
    })
}

/// The audit entry of `apikey.rotate`.
#[derive(Serialize)]
struct RotateAudit<'a> {
    name: &'a str,
    new_id: i64,
    old_key_valid_until: String,
    grace: &'a str,
    old_key_expired: bool,
}

/// Carries out `plan` inside `tx`: the successor, the old key's shortened
/// life (revoked now with no grace), and the audit entry. `grace_text` is
/// the grace as the operator wrote it, for the entry.
pub fn rotate(
    tx: &Transaction<'_>,
    auditor: &crate::audit::Auditor,
    plan: &Rotation,
    grace_text: &str,
    pepper: Option<&SecretString>,
    now: OffsetDateTime,
) -> Result<(i64, SecretString)> {
    let old = &plan.old;
    let (id, key) = insert(
        tx,
        &NewKey {
            name: &old.name,
            prefix: &old.prefix,
            scopes: &old.scopes,
            note: old.note.as_deref(),
            expires_at: plan.expires,
            rotated_from: Some(old.id),
        },
        pepper,
        now,
    )?;
    if plan.grace.is_zero() && !plan.old_expired {
        revoke(tx, old.id, now)?;
    }
    retire_after(tx, old.id, plan.until, id)?;
    let details = audit_details(&RotateAudit {
        name: &old.name,
        new_id: id,
        old_key_valid_until: format_ms(plan.until),
        grace: grace_text,
        old_key_expired: plan.old_expired,
    })?;
    auditor.append(
        tx,
        &crate::audit::Entry::new("apikey.rotate", "api_key", old.id.to_string())
            .risk(crate::audit::Risk::Medium)
            .details(details),
    )?;
    Ok((id, key))
}

/// The audit entry of `apikey.revoke`.
#[derive(Serialize)]
struct RevokeAudit<'a> {
    name: &'a str,
    key: String,
}

/// Revokes `keys` inside `tx`, each with its audit entry, skipping those
/// revoked already; returns the ids it revoked.
pub fn revoke_all(
    tx: &Transaction<'_>,
    auditor: &crate::audit::Auditor,
    keys: &[ApiKey],
    now: OffsetDateTime,
) -> Result<Vec<i64>> {
    let mut done = Vec::new();
    for k in keys.iter().filter(|k| k.revoked_at.is_none()) {
        revoke(tx, k.id, now)?;
        let details = audit_details(&RevokeAudit {
            name: &k.name,
            key: k.display(),
        })?;
        auditor.append(
            tx,
            &crate::audit::Entry::new("apikey.revoke", "api_key", k.id.to_string())
                .risk(crate::audit::Risk::Medium)
                .details(details),
        )?;
        done.push(k.id);
    }
    Ok(done)
}

/// Stored hashes of the active keys, for `export`.
pub fn active_hashes(
    conn: &Connection,
    now: OffsetDateTime,
) -> Result<Vec<(ApiKey, String, String)>> {
    let keys = list(conn, Some(KeyState::Active), None, now)?;
    let mut out = Vec::with_capacity(keys.len());
    for k in keys {
        let (hash, alg): (String, String) = conn
            .query_row(
                "SELECT hash, hash_alg FROM api_keys WHERE id = ?1",
                [k.id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(sql)?;
        out.push((k, hash, alg));
    }
    Ok(out)
}

/// Verify failures from one actor within this window raise the risk to high.
pub const FAILURE_WINDOW_SECS: i64 = 60;
/// How many failures in the window count as a burst.
pub const FAILURE_BURST: i64 = 5;

/// The result of checking a presented key against the store.
#[derive(Debug, Clone)]
pub struct Verdict {
    /// The key it matched, if any.
    pub key: Option<ApiKey>,
    /// Why it is not valid; `None` when it is.
    pub failure: Option<String>,
}

/// The moments of one verification: the one the key is judged at (its
/// expiry, the end of a rotated key's grace, its revocation, its issue)
/// and the one that is recorded (its last use, the failure's audit entry
/// and the failure-burst window). They differ only with `verify --at`: a
/// key presented now is used now, whatever moment it is judged at, so an
/// operator's "was it valid last Tuesday?" cannot backdate or postdate
/// `last_used_at` or hide a burst of failures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moments {
    /// When the key's validity is judged.
    pub judged_at: OffsetDateTime,
    /// The clock: what is recorded.
    pub now: OffsetDateTime,
}

impl Moments {
    /// Judged at the moment it is recorded: a plain `verify`.
    pub fn now(now: OffsetDateTime) -> Self {
        Moments {
            judged_at: now,
            now,
        }
    }
}

/// The audit entry of a failed `apikey.verify`.
#[derive(Serialize)]
struct VerifyFailureAudit<'a> {
    reason: &'a str,
    key: &'a str,
    failures_last_minute: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    judged_at: Option<String>,
}

/// Why a key found in the store is not valid at `at`, if it is not.
fn judge(k: &ApiKey, require_scopes: &[String], at: OffsetDateTime) -> Option<String> {
    match k.state {
        KeyState::Revoked => {
            return Some(format!(
                "revoked at {}",
                k.revoked_at.clone().unwrap_or_default()
            ));
        }
        KeyState::Expired => {
            return Some(format!(
                "expired at {}",
                k.expires_at.clone().unwrap_or_default()
            ));
        }
        KeyState::Active => {}
    }
    if parse_stored(&k.created_at).is_some_and(|c| at < c) {
        return Some(format!("not issued until {}", k.created_at));
    }
    let missing: Vec<&str> = require_scopes
        .iter()
        .filter(|w| !k.scopes.iter().any(|g| scope_covers(g, w)))
        .map(String::as_str)
        .collect();
    (!missing.is_empty()).then(|| format!("lacks scope {}", missing.join(", ")))
}

/// Checks `key` (format, checksum, hash lookup, state and scopes at
/// `when.judged_at`) and records the result in one transaction at
/// `when.now`: a success updates `last_used_at`; a failure is audited as
/// `apikey.verify` with risk medium, or high when it is the fifth or more
/// from this actor within a minute.
pub fn verify(
    store: &mut crate::store::Store,
    auditor: &crate::audit::Auditor,
    key: &str,
    pepper: Option<&SecretString>,
    require_scopes: &[String],
    when: Moments,
) -> Result<Verdict> {
    use crate::audit::{AuditOutcome, Entry, Risk};
    let parts = check_format(key);
    let found = match &parts {
        Ok(_) => find(store.conn(), key, pepper, when.judged_at)?,
        Err(_) => None,
    };
    let failure = match (&parts, &found) {
        (Err(e), _) => Some(e.to_string()),
        (Ok(_), None) => Some("unknown key: no key with this hash in the store".to_string()),
        (Ok(_), Some(k)) => judge(k, require_scopes, when.judged_at),
    };
    let display = parts
        .as_ref()
        .map(|p| format!("{}_…{}", p.prefix, p.last4))
        .unwrap_or_else(|_| "malformed".into());
    // A success only records the key's last use: that commit need not wait
    // for the disk. A failure is an audit entry: durable before we answer.
    let Some(reason) = &failure else {
        if let Some(k) = &found {
            store.write_relaxed(|tx| touch(tx, k.id, when.now))?;
        }
        return Ok(Verdict {
            key: found,
            failure,
        });
    };
    store.write(|tx| {
        let since = format_ms(when.now - time::Duration::seconds(FAILURE_WINDOW_SECS));
        let recent: i64 = tx
            .query_row(
                "SELECT count(*) FROM audit_log WHERE action = 'apikey.verify' AND outcome = 'failure' AND actor = ?1 AND ts >= ?2",
                params![auditor.actor, since],
                |r| r.get(0),
            )
            .map_err(sql)?;
        let risk = if recent + 1 >= FAILURE_BURST { Risk::High } else { Risk::Medium };
        let id = found.as_ref().map(|k| k.id.to_string()).unwrap_or_else(|| display.clone());
        let details = audit_details(&VerifyFailureAudit {
            reason,
            key: &display,
            failures_last_minute: recent + 1,
            judged_at: (when.judged_at != when.now).then(|| format_ms(when.judged_at)),
        })?;
        auditor
            .append(
                tx,
                &Entry::new("apikey.verify", "api_key", id)
                    .outcome(AuditOutcome::Failure)
                    .risk(risk)
                    .details(details),
            )
            .map(|_| ())
    })?;
    Ok(Verdict {
        key: found,
        failure,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn generated_keys_have_the_documented_shape() {
        let k = generate("tk").unwrap();
        let s = k.expose();
        assert_eq!(s.len(), 3 + 38);
        assert!(s.starts_with("tk_"));
        let parts = check_format(s).unwrap();
        assert_eq!(parts.prefix, "tk");
        assert_eq!(parts.last4, &s[s.len() - 4..]);
    }

    #[test]
    fn checksum_catches_typos() {
        let k = generate("kw").unwrap();
        let s = k.expose();
        let mut chars: Vec<char> = s.chars().collect();
        let i = 10;
        chars[i] = if chars[i] == 'a' { 'b' } else { 'a' };
        let typo: String = chars.into_iter().collect();
        assert_eq!(check_format(&typo), Err(FormatError::BadChecksum));
        assert_eq!(check_format("kw-abc"), Err(FormatError::NoSeparator));
        assert_eq!(check_format("kw_abc"), Err(FormatError::BadLength(3)));
        assert_eq!(
            check_format(&format!("kw_{}", "!".repeat(38))),
            Err(FormatError::BadCharacters)
        );
        // Prefixes may hold '_': the key splits at the last one.
        let k = generate("sk_live").unwrap();
        assert_eq!(check_format(k.expose()).unwrap().prefix, "sk_live");
    }

    #[test]
    fn checksum_is_crc32_in_base62() {
        assert_eq!(checksum(""), "000000");
        // crc32("a") = 0xe8b7be43 = 3904355907 = base62 "4GEHKN" (checked with Python zlib)
        assert_eq!(checksum("a"), "4GEHKN");
    }

    #[test]
    fn hashes_are_sha256_or_peppered_hmac() {
        let (h, alg) = hash_key("abc", None);
        assert_eq!(alg, "sha256");
        assert_eq!(
            h,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        let (h2, alg2) = hash_key("abc", Some(&SecretString::new("pepper".into())));
        assert_eq!(alg2, "hmac-sha256");
        assert_ne!(h, h2);
    }

    #[test]
    fn scopes_cover() {
        assert!(scope_covers("memories:read", "memories:read"));
        assert!(scope_covers("memories:*", "memories:write"));
        assert!(scope_covers("*", "anything"));
        assert!(!scope_covers("memories:read", "memories:write"));
        assert!(!scope_covers("mem*", "memories:read"));
    }

    #[test]
    fn validation_rules() {
        assert!(validate_name("prod-ingest_1.x").is_ok());
        assert!(validate_name("").is_err());
        assert!(validate_name("bad name").is_err());
        assert!(validate_name(&"a".repeat(65)).is_err());
        assert!(validate_prefix("tk").is_ok());
        assert!(validate_prefix("_tk").is_err());
        assert!(validate_prefix("t-k").is_err());
        assert_eq!(
            validate_scopes(&["b".into(), "a".into(), "a".into()]).unwrap(),
            vec!["a", "b"]
        );
        assert!(validate_scopes(&["a b".into()]).is_err());
        assert!(validate_note("line\nbreak").is_err());
    }

    proptest! {
        #[test]
        fn any_generated_key_verifies_offline(prefix in "[a-z][a-z0-9]{0,15}") {
            let k = generate(&prefix).unwrap();
            prop_assert!(check_format(k.expose()).is_ok());
        }

        #[test]
        fn check_format_never_panics(s in ".{0,80}") {
            let _ = check_format(&s);
        }
    }
}
