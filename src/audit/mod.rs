//! The tamper-evident audit log: every state-changing action appends one
//! row, in the same transaction as the change it records.
//!
//! Each row's `hash` is HMAC-SHA256 keyed by `KEYWARD_AUDIT_KEY` (plain
//! SHA-256 when it is unset) over
//!
//! ```text
//! prev_hash "\n" json([ts, actor, action, resource_type, resource_id,
//!                      outcome, risk, host, details])
//! ```
//!
//! where `json` is compact JSON (no spaces, non-ASCII kept as UTF-8: what
//! Python's `json.dumps(row, separators=(",", ":"), ensure_ascii=False)`
//! writes), `details` is the stored JSON text as a string, and the first
//! row's `prev_hash` is 64 zeros. The id is storage order, not hashed: the
//! chain itself fixes the order, so a row edited, inserted, deleted or moved
//! breaks it at that row.

use hmac::{Hmac, KeyInit, Mac};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::secret::SecretString;

pub mod anchor;
pub mod filter;
#[doc(hidden)]
pub mod fixture;
pub mod pg;
pub mod pyrepr;
pub mod query;
pub mod render;
pub mod source;

/// `prev_hash` of the first row.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// How a row's hash is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum HashMode {
    /// HMAC-SHA256 with `KEYWARD_AUDIT_KEY`: rows cannot be forged without the key.
    HmacSha256,
    /// Plain SHA-256: detects accidents and naive edits, not a forger who rehashes.
    Sha256,
    /// A keyed chain checked without its key (`audit verify` only): the
    /// links between rows are checked (deleted, inserted, reordered rows),
    /// not the rows' contents.
    LinksOnly,
}

impl HashMode {
    /// The name kept in the store (`store_meta.audit_chain`).
    fn stored_name(self) -> &'static str {
        match self {
            HashMode::HmacSha256 => "hmac-sha256",
            HashMode::Sha256 | HashMode::LinksOnly => "sha256",
        }
    }
}

/// How the store says its audit chain is hashed: recorded by the first
/// write (or, for a store from before the record, learned from its last
/// row), so a writer with a missing or different key is refused before it
/// breaks the chain for good.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainRecord {
    /// The chain's mode.
    pub mode: HashMode,
    /// The fingerprint of the HMAC key (`hmac-sha256` only).
    pub key_id: Option<String>,
}

/// Reads the store's record of its chain mode; `None` before any write,
/// or in a store from before the record (schema version 1).
pub fn chain_record(conn: &Connection) -> Result<Option<ChainRecord>> {
    let sql_err = crate::store::query_error;
    let has_table: bool = conn
        .query_row(
            "SELECT COUNT(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'store_meta'",
            [],
            |r| r.get(0),
        )
        .map_err(sql_err)?;
    if !has_table {
        return Ok(None);
    }
    let get = |k: &str| -> Result<Option<String>> {
        conn.query_row("SELECT value FROM store_meta WHERE key = ?1", [k], |r| {
            r.get(0)
        })
        .optional()
        .map_err(sql_err)
    };
    Ok(match get("audit_chain")?.as_deref() {
        Some("hmac-sha256") => Some(ChainRecord {
            mode: HashMode::HmacSha256,
            key_id: get("audit_key_id")?,
        }),
        Some(_) => Some(ChainRecord {
            mode: HashMode::Sha256,
            key_id: None,
        }),
        None => None,
    })
}

/// A fingerprint of an audit key that says nothing about the key:
/// HMAC-SHA256 of a fixed label under it, 16 hex digits.
fn key_id(key: &[u8]) -> String {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key).expect("HMAC takes any key");
    mac.update(b"keyward audit key id v1");
    hex::encode(&mac.finalize().into_bytes()[..8])
}

/// The outcome of an audited action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AuditOutcome {
    /// It happened.
    Success,
    /// It was tried and failed.
    Failure,
    /// It was refused.
    Denied,
}

impl AuditOutcome {
    /// The stored text.
    pub fn as_str(self) -> &'static str {
        match self {
            AuditOutcome::Success => "success",
            AuditOutcome::Failure => "failure",
            AuditOutcome::Denied => "denied",
        }
    }
}

/// Risk levels, as seed 002's security audit grades events (`--risk` takes
/// one: that level or above).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Risk {
    /// Routine.
    #[value(help = "Everything")]
    Low,
    /// Worth a look.
    #[value(help = "Medium and above")]
    Medium,
    /// Needs attention.
    #[value(help = "High and critical")]
    High,
    /// Act now.
    #[value(help = "Critical only")]
    Critical,
}

impl Risk {
    /// The stored text.
    pub fn as_str(self) -> &'static str {
        match self {
            Risk::Low => "low",
            Risk::Medium => "medium",
            Risk::High => "high",
            Risk::Critical => "critical",
        }
    }
}

/// Who is acting, from where, and the chain key.
pub struct Auditor {
    /// `--actor`, default the login name.
    pub actor: String,
    /// This machine's host name.
    pub host: String,
    key: Option<SecretString>,
}

impl std::fmt::Debug for Auditor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Auditor {{ actor: {:?}, host: {:?}, mode: {:?} }}",
            self.actor,
            self.host,
            self.mode()
        )
    }
}

/// One entry to append.
#[derive(Debug, Clone)]
pub struct Entry {
    /// `apikey.issue`, `rotate.finish`, ...
    pub action: String,
    /// `api_key`, `file`, ...
    pub resource_type: Option<String>,
    /// The resource's id or path.
    pub resource_id: Option<String>,
    /// What happened.
    pub outcome: AuditOutcome,
    /// How much it matters.
    pub risk: Risk,
    /// Structured details; never a secret.
    pub details: serde_json::Value,
}

impl Entry {
    /// A successful, low-risk action on a resource.
    pub fn new(action: &str, resource_type: &str, resource_id: impl Into<String>) -> Self {
        Entry {
            action: action.to_string(),
            resource_type: Some(resource_type.to_string()),
            resource_id: Some(resource_id.into()),
            outcome: AuditOutcome::Success,
            risk: Risk::Low,
            details: serde_json::json!({}),
        }
    }

    /// Sets the risk.
    pub fn risk(mut self, risk: Risk) -> Self {
        self.risk = risk;
        self
    }

    /// Sets the outcome.
    pub fn outcome(mut self, outcome: AuditOutcome) -> Self {
        self.outcome = outcome;
        self
    }

    /// Sets the details.
    pub fn details(mut self, details: serde_json::Value) -> Self {
        self.details = details;
        self
    }
}

/// One stored row.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// Storage order.
    pub id: i64,
    /// RFC 3339 UTC with milliseconds.
    pub ts: String,
    /// Who.
    pub actor: String,
    /// What.
    pub action: String,
    /// On what kind of thing.
    pub resource_type: Option<String>,
    /// On which one.
    pub resource_id: Option<String>,
    /// success, failure or denied.
    pub outcome: String,
    /// low, medium, high or critical.
    pub risk: String,
    /// Where.
    pub host: Option<String>,
    /// JSON text (an object in JSON output).
    #[serde(serialize_with = "details_as_json")]
    pub details: String,
    /// The previous row's hash.
    pub prev_hash: String,
    /// This row's hash.
    pub hash: String,
}

fn details_as_json<S: serde::Serializer>(
    details: &str,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    match serde_json::from_str::<serde_json::Value>(details) {
        Ok(v) => v.serialize(s),
        Err(_) => s.serialize_str(details),
    }
}

/// The columns of [`Row`], in order, for SELECTs.
pub const ROW_COLUMNS: &str = "id, ts, actor, action, resource_type, resource_id, outcome, risk, host, details, prev_hash, hash";

/// Appends a [`Row`] (its id is the store's): prepare it, then
/// [`Row::insert`].
pub const INSERT_ROW: &str = "INSERT INTO audit_log (ts, actor, action, resource_type, resource_id, outcome, risk, host, details, prev_hash, hash)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";

impl Row {
    /// Inserts this row with `stmt`, prepared from [`INSERT_ROW`].
    pub fn insert(&self, stmt: &mut rusqlite::Statement<'_>) -> rusqlite::Result<usize> {
        stmt.execute(params![
            self.ts,
            self.actor,
            self.action,
            self.resource_type,
            self.resource_id,
            self.outcome,
            self.risk,
            self.host,
            self.details,
            self.prev_hash,
            self.hash
        ])
    }

    /// Reads a row selected with [`ROW_COLUMNS`].
    pub fn from_sql(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
        Ok(Row {
            id: r.get(0)?,
            ts: r.get(1)?,
            actor: r.get(2)?,
            action: r.get(3)?,
            resource_type: r.get(4)?,
            resource_id: r.get(5)?,
            outcome: r.get(6)?,
            risk: r.get(7)?,
            host: r.get(8)?,
            details: r.get(9)?,
            prev_hash: r.get(10)?,
            hash: r.get(11)?,
        })
    }

    /// The canonical encoding that is hashed (see the module docs).
    pub fn canonical(&self) -> String {
        serde_json::to_string(&(
            &self.ts,
            &self.actor,
            &self.action,
            &self.resource_type,
            &self.resource_id,
            &self.outcome,
            &self.risk,
            &self.host,
            &self.details,
        ))
        .expect("strings always serialize")
    }
}

impl Auditor {
    /// The actor and host given, and the key from `KEYWARD_AUDIT_KEY`.
    pub fn new(actor: String, host: String) -> Result<Self> {
        let key = crate::secret::optional_env_secret("KEYWARD_AUDIT_KEY")?;
        Ok(Auditor { actor, host, key })
    }

    /// An auditor with an explicit key (tests, tools).
    pub fn with_key(actor: String, host: String, key: Option<SecretString>) -> Self {
        Auditor { actor, host, key }
    }

    /// This auditor's chain record: its mode and key fingerprint.
    pub fn record(&self) -> ChainRecord {
        ChainRecord {
            mode: self.mode(),
            key_id: self.key.as_ref().map(|k| key_id(k.expose().as_bytes())),
        }
    }

    /// Refuses (exit 4) to write to a chain hashed with another key, or
    /// keyed when this auditor has no key (or the reverse): one entry made
    /// that way would break the chain for good. Records the chain's mode
    /// on the first write. Called inside the write transaction by
    /// [`Auditor::append`], and before any change by
    /// [`Auditor::check_chain`].
    fn fit_chain(&self, conn: &Connection, record: bool) -> Result<()> {
        let mine = self.record();
        let recorded = chain_record(conn)?;
        let theirs = match &recorded {
            Some(r) => Some(r.clone()),
            None => self.learn_chain(conn)?,
        };
        if let Some(r) = theirs
            && r != mine
        {
            return Err(chain_mismatch(&r, &mine));
        }
        if record && recorded.is_none() {
            let sql_err = crate::store::query_error;
            conn.execute(
                "INSERT OR REPLACE INTO store_meta (key, value) VALUES ('audit_chain', ?1)",
                [mine.mode.stored_name()],
            )
            .map_err(sql_err)?;
            if let Some(id) = &mine.key_id {
                conn.execute(
                    "INSERT OR REPLACE INTO store_meta (key, value) VALUES ('audit_key_id', ?1)",
                    [id],
                )
                .map_err(sql_err)?;
            }
        }
        Ok(())
    }

    /// A store written before the record: the chain's mode from its last
    /// row (None for an empty log: this writer decides).
    fn learn_chain(&self, conn: &Connection) -> Result<Option<ChainRecord>> {
        let sql_err = crate::store::query_error;
        let last = conn
            .query_row(
                &format!("SELECT {ROW_COLUMNS} FROM audit_log ORDER BY id DESC LIMIT 1"),
                [],
                Row::from_sql,
            )
            .optional()
            .map_err(sql_err)?;
        let Some(last) = last else { return Ok(None) };
        let canonical = last.canonical();
        if self.hash(&last.prev_hash, &canonical) == last.hash {
            return Ok(Some(self.record()));
        }
        if hash_with(None, &last.prev_hash, &canonical) == last.hash {
            return Ok(Some(ChainRecord {
                mode: HashMode::Sha256,
                key_id: None,
            }));
        }
        // Keyed with a key this writer does not have (or the last row was
        // tampered with): refuse rather than guess.
        Ok(Some(ChainRecord {
            mode: HashMode::HmacSha256,
            key_id: None,
        }))
    }

    /// Checks, before a command changes anything, that this auditor can
    /// append to the store's chain (exit 4 when not).
    pub fn check_chain(&self, conn: &Connection) -> Result<()> {
        self.fit_chain(conn, false)
    }

    /// HMAC when a key is set, else plain SHA-256.
    pub fn mode(&self) -> HashMode {
        if self.key.is_some() {
            HashMode::HmacSha256
        } else {
            HashMode::Sha256
        }
    }

    /// The hash of a row whose predecessor's hash is `prev_hash`.
    pub fn hash(&self, prev_hash: &str, canonical: &str) -> String {
        hash_with(
            self.key.as_ref().map(|k| k.expose().as_bytes()),
            prev_hash,
            canonical,
        )
    }

    /// Appends `entry` inside `tx`, chained to the last row. The caller's
    /// `BEGIN IMMEDIATE` transaction serialises appenders, so the chain
    /// never forks.
    pub fn append(&self, tx: &Transaction<'_>, entry: &Entry) -> Result<i64> {
        self.fit_chain(tx, true)?;
        let prev: Option<String> = tx
            .query_row(
                "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(crate::store::query_error)?;
        let prev_hash = prev.unwrap_or_else(|| GENESIS.to_string());
        let mut row = Row {
            id: 0,
            ts: crate::timeutil::format_ms(crate::timeutil::now()),
            actor: self.actor.clone(),
            action: entry.action.clone(),
            resource_type: entry.resource_type.clone(),
            resource_id: entry.resource_id.clone(),
            outcome: entry.outcome.as_str().to_string(),
            risk: entry.risk.as_str().to_string(),
            host: Some(self.host.clone()),
            details: entry.details.to_string(),
            prev_hash,
            hash: String::new(),
        };
        row.hash = self.hash(&row.prev_hash, &row.canonical());
        let mut stmt = tx
            .prepare_cached(INSERT_ROW)
            .map_err(crate::store::query_error)?;
        row.insert(&mut stmt).map_err(crate::store::query_error)?;
        Ok(tx.last_insert_rowid())
    }
}

/// Why a writer does not fit the chain, in words, with what to do.
fn chain_mismatch(chain: &ChainRecord, writer: &ChainRecord) -> Error {
    let which = |r: &ChainRecord| {
        r.key_id
            .as_deref()
            .map(|id| format!(" (key id {id})"))
            .unwrap_or_default()
    };
    let (msg, hint) = match (chain.mode, writer.mode) {
        (HashMode::HmacSha256, HashMode::Sha256) => (
            format!(
                "this store's audit chain is keyed with HMAC-SHA256{} and KEYWARD_AUDIT_KEY is not set: an entry without the key would break the chain",
                which(chain)
            ),
            "set KEYWARD_AUDIT_KEY to the chain's key; nothing was changed",
        ),
        (HashMode::HmacSha256, _) => (
            format!(
                "KEYWARD_AUDIT_KEY{} is not the key this store's audit chain is keyed with{}",
                which(writer),
                if chain.key_id.is_some() {
                    which(chain)
                } else {
                    " (its last entry does not verify with it)".into()
                }
            ),
            "set KEYWARD_AUDIT_KEY to the chain's key (run `keyward audit verify` with it); nothing was changed",
        ),
        _ => (
            "this store's audit chain is plain SHA-256 and KEYWARD_AUDIT_KEY is set: a keyed entry would break the chain".to_string(),
            "unset KEYWARD_AUDIT_KEY for this store (a keyed chain starts with a new store); nothing was changed",
        ),
    };
    Error::environment(msg).with_hint(hint)
}

fn hash_with(key: Option<&[u8]>, prev_hash: &str, canonical: &str) -> String {
    match key {
        Some(k) => {
            let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(k).expect("HMAC takes any key");
            mac.update(prev_hash.as_bytes());
            mac.update(b"\n");
            mac.update(canonical.as_bytes());
            hex::encode(mac.finalize().into_bytes())
        }
        None => {
            let mut h = Sha256::new();
            h.update(prev_hash.as_bytes());
            h.update(b"\n");
            h.update(canonical.as_bytes());
            hex::encode(h.finalize())
        }
    }
}

/// What went wrong at the first broken row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BreakKind {
    /// The row's content or hash was changed.
    Modified,
    /// The row was added: the chain runs around it.
    Inserted,
    /// Rows are missing before this one.
    Deleted,
    /// The newest rows were cut off (found by an anchor).
    Truncated,
    /// The row is authentic but out of place.
    Reordered,
}

/// Where and how the chain breaks.
#[derive(Debug, Clone, Serialize)]
pub struct Break {
    /// The id of the first row that does not verify.
    pub id: i64,
    /// What happened there.
    pub kind: BreakKind,
    /// A sentence for people.
    pub message: String,
}

/// The result of `audit verify`.
#[derive(Debug, Clone, Serialize)]
pub struct VerifyReport {
    /// True when every row verifies.
    pub intact: bool,
    /// How hashes were checked.
    pub mode: HashMode,
    /// Rows examined.
    pub rows: u64,
    /// The last row's id and hash (an anchor for a later check).
    pub last_id: Option<i64>,
    /// The last row's hash.
    pub last_hash: Option<String>,
    /// The id of the first broken row.
    pub first_broken_at: Option<i64>,
    /// What broke there.
    #[serde(rename = "break")]
    pub broken: Option<Break>,
    /// Every break, in chain order (the first [`MAX_BREAKS_LISTED`]).
    pub breaks: Vec<Break>,
    /// How many breaks there are in all.
    pub breaks_total: u64,
    /// Set when the log verifies without the key but not with it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// The log starts after `audit prune` removed rows up to this id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pruned_through: Option<i64>,
    /// What each `--anchor` showed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub anchors: Vec<anchor::AnchorResult>,
}

/// The most breaks `audit verify` describes one by one; past this it
/// counts them (each description costs a few look-ups).
pub const MAX_BREAKS_LISTED: usize = 100;

/// Verifies the whole chain in id order, streaming (memory stays flat),
/// reporting every break, not only the first. The store's record of its
/// chain decides how: a keyed chain checked without its key is checked
/// link by link (and says so); with another key, exit 4.
pub fn verify(conn: &Connection, auditor: &Auditor) -> Result<VerifyReport> {
    let recorded = chain_record(conn)?;
    let key = auditor.key.as_ref().map(|k| k.expose().as_bytes());
    let mode = match &recorded {
        Some(r) if r.mode == HashMode::HmacSha256 && key.is_none() => HashMode::LinksOnly,
        Some(r) if r.mode == HashMode::HmacSha256 => {
            let mine = auditor.record();
            if r.key_id.is_some() && r.key_id != mine.key_id {
                return Err(chain_mismatch(r, &mine));
            }
            HashMode::HmacSha256
        }
        Some(_) => HashMode::Sha256,
        None => auditor.mode(),
    };
    let mut report = walk(
        conn,
        if mode == HashMode::Sha256 { None } else { key },
        mode,
    )?;
    match (&recorded, mode) {
        (_, HashMode::LinksOnly) => {
            report.hint = Some(
                "this chain is keyed (HMAC-SHA256) and KEYWARD_AUDIT_KEY is not set: only the links between rows were checked (deleted, inserted or reordered rows), not the rows' contents"
                    .into(),
            );
        }
        (Some(_), HashMode::Sha256) if key.is_some() => {
            report.hint =
                Some("this store's chain is plain SHA-256; KEYWARD_AUDIT_KEY was not used".into());
        }
        (None, HashMode::HmacSha256) if !report.intact => {
            let plain = walk(conn, None, HashMode::Sha256)?;
            if plain
                .first_broken_at
                .is_none_or(|id| Some(id) > report.first_broken_at)
            {
                report.hint = Some(
                    "rows up to the break verify as plain SHA-256: they were written without KEYWARD_AUDIT_KEY (or with another key)"
                        .into(),
                );
            }
        }
        _ => {}
    }
    Ok(report)
}

fn walk(conn: &Connection, key: Option<&[u8]>, mode: HashMode) -> Result<VerifyReport> {
    let sql_err = crate::store::query_error;
    let mut stmt = conn
        .prepare(&format!("SELECT {ROW_COLUMNS} FROM audit_log ORDER BY id"))
        .map_err(sql_err)?;
    let mut rows = stmt.query([]).map_err(sql_err)?;
    let mut expected_prev = GENESIS.to_string();
    // `audit prune` leaves the first row chained to the last pruned one,
    // whose hash the (chained, verified below) prune entry records.
    let pruned = anchor::prune_records(conn)?;
    let mut first = true;
    let mut prev_id: Option<i64> = None;
    // The previous row's own link, to spot a rehashed row slipped in before this one.
    let mut prev_link = String::new();
    let mut count = 0u64;
    let mut report = VerifyReport {
        intact: true,
        mode,
        rows: 0,
        last_id: None,
        last_hash: None,
        first_broken_at: None,
        broken: None,
        breaks: Vec::new(),
        breaks_total: 0,
        hint: None,
        pruned_through: None,
        anchors: Vec::new(),
    };
    // The last row that verified before the first break (an anchor is
    // only taken from an intact prefix).
    let mut last_good: Option<(i64, String)> = None;
    let record = |report: &mut VerifyReport, b: Break| {
        if report.breaks_total == 0 {
            report.first_broken_at = Some(b.id);
            report.broken = Some(b.clone());
        }
        report.intact = false;
        report.breaks_total += 1;
        if report.breaks.len() < MAX_BREAKS_LISTED {
            report.breaks.push(b);
        }
    };
    while let Some(r) = rows.next().map_err(sql_err)? {
        let row = Row::from_sql(r).map_err(sql_err)?;
        count += 1;
        if std::mem::take(&mut first)
            && row.prev_hash != GENESIS
            && let Some(p) = pruned
                .iter()
                .find(|p| p.through_hash == row.prev_hash && p.through_id < row.id)
        {
            expected_prev = row.prev_hash.clone();
            report.pruned_through = Some(p.through_id);
        }
        // Without the key of a keyed chain, a row's content cannot be checked.
        let content_ok = mode == HashMode::LinksOnly
            || hash_with(key, &row.prev_hash, &row.canonical()) == row.hash;
        let link_ok = row.prev_hash == expected_prev;
        if content_ok && link_ok {
            if report.breaks_total == 0 {
                last_good = Some((row.id, row.hash.clone()));
            }
        } else if content_ok && prev_id.is_some() && row.prev_hash == prev_link {
            // This row links past the previous one: the previous row was
            // inserted (with a valid hash, as anyone can make without
            // KEYWARD_AUDIT_KEY).
            let id = prev_id.unwrap_or(row.id);
            if report.breaks_total == 0 {
                last_good = None;
            }
            record(
                &mut report,
                Break {
                    id,
                    kind: BreakKind::Inserted,
                    message: format!("row {id} was inserted: row {} chains past it", row.id),
                },
            );
        } else {
            let kind = if report.breaks_total < MAX_BREAKS_LISTED as u64 {
                classify(conn, &row, content_ok, &expected_prev)?
            } else if content_ok {
                BreakKind::Deleted
            } else {
                BreakKind::Modified
            };
            let after = prev_id
                .map(|p| format!("after row {p}"))
                .unwrap_or_else(|| "at the start".into());
            let message = match kind {
                BreakKind::Modified => format!(
                    "row {} was modified: its hash does not match its content",
                    row.id
                ),
                BreakKind::Inserted => {
                    format!("row {} was inserted: the chain runs around it", row.id)
                }
                BreakKind::Deleted => format!("rows were deleted {after}, before row {}", row.id),
                BreakKind::Reordered => format!(
                    "row {} is out of order: it belongs later in the chain",
                    row.id
                ),
                BreakKind::Truncated => format!("the log was cut off before row {}", row.id),
            };
            record(
                &mut report,
                Break {
                    id: row.id,
                    kind,
                    message,
                },
            );
        }
        // Go on from this row as it stands, so a later break (a second
        // tampering) is found too.
        expected_prev = row.hash.clone();
        prev_link = row.prev_hash.clone();
        prev_id = Some(row.id);
    }
    if report.intact {
        if let Some((id, hash)) = last_good {
            report.last_id = Some(id);
            report.last_hash = Some(hash);
        }
    } else if report.broken.as_ref().map(|b| b.kind) != Some(BreakKind::Inserted) {
        // As before: the intact prefix's end, unless an insertion made
        // that prefix's last row itself suspect.
        if let Some((id, hash)) = last_good {
            report.last_id = Some(id);
            report.last_hash = Some(hash);
        }
    }
    report.rows = count;
    Ok(report)
}

fn classify(
    conn: &Connection,
    row: &Row,
    content_ok: bool,
    expected_prev: &str,
) -> Result<BreakKind> {
    let sql_err = crate::store::query_error;
    if !content_ok {
        // A forged row that the next row's link skips over was inserted.
        let next_prev: Option<String> = conn
            .query_row(
                "SELECT prev_hash FROM audit_log WHERE id > ?1 ORDER BY id LIMIT 1",
                [row.id],
                |r| r.get(0),
            )
            .optional()
            .map_err(sql_err)?;
        return Ok(if next_prev.as_deref() == Some(expected_prev) {
            BreakKind::Inserted
        } else {
            BreakKind::Modified
        });
    }
    // Whether some row on one side of this one has the given hash.
    let any_with = |side: &str, hash: &str| -> Result<bool> {
        conn.query_row(
            &format!("SELECT id FROM audit_log WHERE id {side} ?1 AND hash = ?2 LIMIT 1"),
            params![row.id, hash],
            |r| r.get::<_, i64>(0),
        )
        .optional()
        .map(|id| id.is_some())
        .map_err(sql_err)
    };
    // A copy of an earlier row (a replay) was inserted.
    if any_with("<", &row.hash)? {
        return Ok(BreakKind::Inserted);
    }
    // Authentic but misplaced: does its predecessor appear later?
    Ok(if any_with(">", &row.prev_hash)? {
        BreakKind::Reordered
    } else {
        BreakKind::Deleted
    })
}

/// The newest `limit` rows (all when `None`), newest first, optionally only
/// actions matching `action` (`apikey.*` globs a prefix).
pub fn latest(conn: &Connection, limit: Option<u64>, action: Option<&str>) -> Result<Vec<Row>> {
    let sql_err = crate::store::query_error;
    let (clause, pattern) = match action {
        Some(a) if a.ends_with('*') => (
            "WHERE action LIKE ?1 ESCAPE '\\'",
            Some(format!(
                "{}%",
                a.trim_end_matches('*')
                    .replace('\\', "\\\\")
                    .replace('%', "\\%")
                    .replace('_', "\\_")
            )),
        ),
        Some(a) => ("WHERE action = ?1", Some(a.to_string())),
        None => ("", None),
    };
    let limit = limit.map(|l| l.min(i64::MAX as u64) as i64).unwrap_or(-1);
    let sql =
        format!("SELECT {ROW_COLUMNS} FROM audit_log {clause} ORDER BY id DESC LIMIT {limit}");
    let mut stmt = conn.prepare(&sql).map_err(sql_err)?;
    let rows = match pattern {
        Some(p) => stmt.query_map([p], Row::from_sql),
        None => stmt.query_map([], Row::from_sql),
    }
    .map_err(sql_err)?;
    rows.collect::<rusqlite::Result<Vec<_>>>().map_err(sql_err)
}

/// This machine's host name.
pub fn hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "unknown".into())
}

/// The login name, for the default actor.
pub fn login_name() -> String {
    for var in ["USER", "LOGNAME"] {
        if let Ok(v) = std::env::var(var)
            && !v.is_empty()
        {
            return v;
        }
    }
    // SAFETY: getuid has no preconditions and cannot fail.
    let uid = unsafe { libc::getuid() };
    format!("uid:{uid}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn setup(n: usize, key: Option<&str>) -> (tempfile::TempDir, Store, Auditor) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("k.db")).unwrap();
        let a = Auditor::with_key(
            "alice".into(),
            "host1".into(),
            key.map(|k| SecretString::new(k.into())),
        );
        for i in 0..n {
            store
                .write(|tx| {
                    a.append(
                        tx,
                        &Entry::new("test.event", "thing", i.to_string())
                            .details(serde_json::json!({"i": i, "note": "ünïcode \"q\" \n"})),
                    )
                })
                .unwrap();
        }
        (dir, store, a)
    }

    fn check(store: &Store, a: &Auditor) -> VerifyReport {
        verify(store.conn(), a).unwrap()
    }

    #[test]
    fn an_untouched_chain_verifies() {
        let (_d, store, a) = setup(10, Some("k"));
        let r = check(&store, &a);
        assert!(r.intact, "{r:?}");
        assert_eq!(r.rows, 10);
        assert_eq!(r.last_id, Some(10));
        assert_eq!(r.mode, HashMode::HmacSha256);
    }

    /// A keyed chain of `rows` rows after `sql` tampered with it, verified.
    fn tampered(rows: usize, sql: &str) -> VerifyReport {
        let (_d, store, a) = setup(rows, Some("k"));
        store.conn().execute_batch(sql).unwrap();
        check(&store, &a)
    }

    #[test]
    fn an_edited_field_is_modified_at_that_row() {
        let r = tampered(10, "UPDATE audit_log SET actor = 'mallory' WHERE id = 4");
        assert_eq!(r.first_broken_at, Some(4));
        assert_eq!(r.broken.unwrap().kind, BreakKind::Modified);
    }

    #[test]
    fn a_deleted_row_is_found() {
        let r = tampered(10, "DELETE FROM audit_log WHERE id = 5");
        assert_eq!(r.first_broken_at, Some(6));
        let b = r.broken.unwrap();
        assert_eq!(b.kind, BreakKind::Deleted);
        assert!(b.message.contains("after row 4"), "{}", b.message);
    }

    #[test]
    fn an_inserted_row_is_found() {
        // Shift rows 6.. up by one to make room, as a forger would.
        let r = tampered(
            10,
            "UPDATE audit_log SET id = id + 100 WHERE id >= 6; UPDATE audit_log SET id = id - 99 WHERE id >= 106;
             INSERT INTO audit_log (id, ts, actor, action, outcome, risk, details, prev_hash, hash) VALUES (6, '2026-01-01T00:00:00.000Z', 'mallory', 'apikey.issue', 'success', 'low', '{}', (SELECT hash FROM audit_log WHERE id = 5), 'ffff')",
        );
        assert_eq!(r.first_broken_at, Some(6));
        assert_eq!(r.broken.unwrap().kind, BreakKind::Inserted);
    }

    #[test]
    fn a_replayed_row_is_inserted() {
        let r = tampered(
            5,
            &format!(
                "INSERT INTO audit_log ({ROW_COLUMNS}) SELECT 6, ts, actor, action, resource_type, resource_id, outcome, risk, host, details, prev_hash, hash FROM audit_log WHERE id = 2"
            ),
        );
        assert_eq!(r.first_broken_at, Some(6));
        assert_eq!(r.broken.unwrap().kind, BreakKind::Inserted);
    }

    #[test]
    fn a_rehashed_insertion_in_plain_mode_is_located() {
        let (_d, store, a) = setup(5, None);
        // A forger without a key computes a valid SHA-256 row after row 3.
        let prev: String = store
            .conn()
            .query_row("SELECT hash FROM audit_log WHERE id = 3", [], |r| r.get(0))
            .unwrap();
        store.conn().execute_batch("UPDATE audit_log SET id = id + 100 WHERE id >= 4; UPDATE audit_log SET id = id - 99 WHERE id >= 104;").unwrap();
        let mut forged = Row {
            id: 4,
            ts: "2026-01-01T00:00:00.000Z".into(),
            actor: "mallory".into(),
            action: "apikey.issue".into(),
            resource_type: None,
            resource_id: None,
            outcome: "success".into(),
            risk: "low".into(),
            host: None,
            details: "{}".into(),
            prev_hash: prev,
            hash: String::new(),
        };
        forged.hash = a.hash(&forged.prev_hash, &forged.canonical());
        store.conn().execute("INSERT INTO audit_log (id, ts, actor, action, outcome, risk, details, prev_hash, hash) VALUES (4, ?1, 'mallory', 'apikey.issue', 'success', 'low', '{}', ?2, ?3)", params![forged.ts, forged.prev_hash, forged.hash]).unwrap();
        let r = check(&store, &a);
        assert_eq!(r.first_broken_at, Some(4));
        assert_eq!(r.broken.unwrap().kind, BreakKind::Inserted);
    }

    #[test]
    fn two_swapped_rows_are_reordered() {
        let (_d, store, a) = setup(10, Some("k"));
        store.conn().execute_batch("UPDATE audit_log SET id = 100 WHERE id = 3; UPDATE audit_log SET id = 3 WHERE id = 4; UPDATE audit_log SET id = 4 WHERE id = 100;").unwrap();
        let r = check(&store, &a);
        assert_eq!(r.first_broken_at, Some(3));
        assert_eq!(r.broken.unwrap().kind, BreakKind::Reordered);
    }

    #[test]
    fn a_rehashed_forgery_fails_under_hmac_and_the_key_matters() {
        let (_d, store, a) = setup(3, None);
        assert!(check(&store, &a).intact);
        let keyed = Auditor::with_key("x".into(), "h".into(), Some(SecretString::new("k".into())));
        // The store records a plain chain: a key given to verify is not used.
        let r = verify(store.conn(), &keyed).unwrap();
        assert!(r.intact);
        assert_eq!(r.mode, HashMode::Sha256);
        assert!(r.hint.unwrap().contains("not used"));
        // A store from before the record (schema 1): the old inference.
        store
            .conn()
            .execute_batch("DELETE FROM store_meta")
            .unwrap();
        let r = verify(store.conn(), &keyed).unwrap();
        assert_eq!(r.first_broken_at, Some(1));
        assert!(r.hint.unwrap().contains("without KEYWARD_AUDIT_KEY"));
    }

    fn appended(store: &mut Store, a: &Auditor) -> Result<i64> {
        store.write(|tx| a.append(tx, &Entry::new("test.more", "thing", "x")))
    }

    /// Hardening #9: a writer whose key does not fit the chain is refused
    /// before it writes; the store records the chain's mode.
    #[test]
    fn hardening_9_writers_that_do_not_fit_the_chain_are_refused() {
        let key = |k: &str| Some(SecretString::new(k.into()));
        let (_d, mut store, a) = setup(3, Some("right key"));
        assert_eq!(chain_record(store.conn()).unwrap(), Some(a.record()));
        for (who, why) in [(None, "is not set"), (key("wrong key"), "is not the key")] {
            let w = Auditor::with_key("x".into(), "h".into(), who);
            let e = appended(&mut store, &w).unwrap_err();
            assert_eq!(e.kind(), crate::error::ErrorKind::Environment);
            assert!(e.message().contains(why), "{}", e.message());
            assert!(w.check_chain(store.conn()).is_err());
        }
        assert_eq!(check(&store, &a).rows, 3, "nothing was appended");
        assert!(appended(&mut store, &a).is_ok());
        // A plain chain refuses a keyed writer.
        let (_d2, mut plain, p) = setup(2, None);
        let w = Auditor::with_key("x".into(), "h".into(), key("k"));
        assert!(
            appended(&mut plain, &w)
                .unwrap_err()
                .message()
                .contains("plain SHA-256")
        );
        assert!(appended(&mut plain, &p).is_ok());
        // A store from before the record learns the mode from its last row.
        store
            .conn()
            .execute_batch("DELETE FROM store_meta")
            .unwrap();
        let w = Auditor::with_key("x".into(), "h".into(), None);
        assert!(appended(&mut store, &w).is_err());
        assert!(appended(&mut store, &a).is_ok());
        assert_eq!(chain_record(store.conn()).unwrap(), Some(a.record()));
    }

    /// Hardening #9: verify reports every break, and checks a keyed chain's
    /// links when it runs without the key, saying so.
    #[test]
    fn hardening_9_every_break_is_reported_and_links_are_checked_without_the_key() {
        let (_d, store, a) = setup(20, Some("k"));
        store
            .conn()
            .execute_batch(
                "UPDATE audit_log SET actor = 'mallory' WHERE id = 4;
                 DELETE FROM audit_log WHERE id = 11;
                 UPDATE audit_log SET details = '{}' WHERE id = 17;",
            )
            .unwrap();
        let r = check(&store, &a);
        assert!(!r.intact);
        assert_eq!(r.first_broken_at, Some(4));
        let found: Vec<(i64, BreakKind)> = r.breaks.iter().map(|b| (b.id, b.kind)).collect();
        assert_eq!(
            found,
            [
                (4, BreakKind::Modified),
                (12, BreakKind::Deleted),
                (17, BreakKind::Modified)
            ]
        );
        assert_eq!(r.breaks_total, 3);
        // Without the key: only the deletion (a link) can be seen, and the
        // report says how it checked.
        let none = Auditor::with_key("x".into(), "h".into(), None);
        let r = check(&store, &none);
        assert_eq!(r.mode, HashMode::LinksOnly);
        let found: Vec<i64> = r.breaks.iter().map(|b| b.id).collect();
        assert_eq!(found, [12]);
        assert!(r.hint.unwrap().contains("only the links"));
        // With another key: refused, not a wall of false breaks.
        let other = Auditor::with_key("x".into(), "h".into(), Some(SecretString::new("o".into())));
        assert!(verify(store.conn(), &other).is_err());
    }

    #[test]
    fn latest_filters_by_action_glob() {
        let (_d, mut store, a) = setup(3, None);
        store
            .write(|tx| a.append(tx, &Entry::new("apikey.issue", "api_key", "1")))
            .unwrap();
        assert_eq!(
            latest(store.conn(), None, Some("apikey.*")).unwrap().len(),
            1
        );
        assert_eq!(
            latest(store.conn(), None, Some("test.event"))
                .unwrap()
                .len(),
            3
        );
        let two = latest(store.conn(), Some(2), None).unwrap();
        assert_eq!(two.iter().map(|r| r.id).collect::<Vec<_>>(), vec![4, 3]);
    }
}
