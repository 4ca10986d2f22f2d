//! What a hash chain alone cannot prove: that its newest rows were not cut
//! off. An anchor (last id, hash, row count, time), kept away from the
//! store by a cron job, lets `audit verify --anchor` prove the log still
//! reaches it. And `audit prune`, which removes old rows on purpose,
//! leaves a chained entry naming the last pruned row so the rest still
//! verifies.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::{Auditor, BreakKind, Entry, Risk, VerifyReport};
use crate::error::{Error, Result};
use crate::store::{Store, query_error};

/// The `audit checkpoint` line, as `--anchor` reads it back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// Format marker and version (1).
    pub keyward_audit_anchor: u32,
    /// The last row's id.
    pub id: i64,
    /// The last row's hash.
    pub hash: String,
    /// Rows in the log when the anchor was taken.
    #[serde(default)]
    pub count: Option<u64>,
    /// When the anchor was taken (RFC 3339 UTC).
    #[serde(default)]
    pub time: Option<String>,
}

impl Anchor {
    /// One JSON line.
    pub fn to_line(&self) -> String {
        serde_json::to_string(self).expect("anchors always serialize")
    }
}

/// What an anchor showed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AnchorStatus {
    /// The row is there with the anchored hash.
    Reached,
    /// The row was removed by `audit prune` (and matches its record where it can be checked).
    Pruned,
    /// The log ends before the anchored row.
    Truncated,
    /// The row is there with another hash: the log was rewritten.
    Mismatch,
    /// The row is missing from the middle of the log.
    Missing,
}

/// One anchor's check.
#[derive(Debug, Clone, Serialize)]
pub struct AnchorResult {
    /// The anchored id.
    pub id: i64,
    /// The anchored hash.
    pub hash: String,
    /// When it was taken, if recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// What was found.
    pub status: AnchorStatus,
}

fn is_hash(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Reads `--anchor`: `ID:HASH`, or a file of checkpoint lines (blank lines
/// and `#` comments skipped).
pub fn read_anchors(spec: &str) -> Result<Vec<Anchor>> {
    if let Some((id, hash)) = spec.split_once(':')
        && let Ok(id) = id.trim().parse::<i64>()
        && !Path::new(spec).exists()
    {
        let hash = hash.trim().to_ascii_lowercase();
        if !is_hash(&hash) || id < 1 {
            return Err(Error::usage(format!(
                "--anchor '{spec}': write ID:HASH with a row id and its 64-hex hash, or name an anchor file"
            )));
        }
        return Ok(vec![Anchor {
            keyward_audit_anchor: 1,
            id,
            hash,
            count: None,
            time: None,
        }]);
    }
    let path = Path::new(spec);
    let text = crate::fsutil::read_text_bounded(path, crate::fsutil::MAX_INPUT_BYTES)?;
    let mut anchors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let a: Anchor = serde_json::from_str(line).map_err(|e| {
            Error::bad_input(format!(
                "{}:{}: not a keyward audit anchor: {e}",
                path.display(),
                i + 1
            ))
        })?;
        if a.keyward_audit_anchor != 1 || !is_hash(&a.hash) || a.id < 1 {
            return Err(Error::bad_input(format!(
                "{}:{}: not a version 1 anchor with a row id and a 64-hex hash",
                path.display(),
                i + 1
            )));
        }
        anchors.push(a);
    }
    if anchors.is_empty() {
        return Err(Error::bad_input(format!(
            "{}: holds no anchors",
            path.display()
        )));
    }
    Ok(anchors)
}

/// An anchor for the log as it is now; the chain must verify first.
pub fn checkpoint(report: &VerifyReport, now: OffsetDateTime) -> Result<Anchor> {
    match (report.last_id, &report.last_hash) {
        (Some(id), Some(hash)) if report.intact => Ok(Anchor {
            keyward_audit_anchor: 1,
            id,
            hash: hash.clone(),
            count: Some(report.rows),
            time: Some(crate::timeutil::format_ms(now)),
        }),
        _ if !report.intact => Err(Error::bad_input(
            "the audit chain is broken: no anchor is taken for a log that does not verify",
        )
        .with_hint("run 'keyward audit verify' to see where")),
        _ => Err(Error::bad_input(
            "the audit log is empty: there is nothing to anchor yet",
        )),
    }
}

/// Appends an anchor's line to `file` (created 0644 when missing) and
/// syncs it: `audit checkpoint --append-to`.
pub fn append_to(file: &Path, anchor: &Anchor) -> Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .mode(0o644)
        .open(file)
        .map_err(|e| Error::io("append the anchor to", file, &e))?;
    f.write_all(format!("{}\n", anchor.to_line()).as_bytes())
        .and_then(|_| f.sync_all())
        .map_err(|e| Error::io("append the anchor to", file, &e))
}

/// Checks each anchor against the log and marks the report broken at the
/// first cut or rewrite they show (unless the chain broke earlier).
pub fn check_anchors(
    conn: &Connection,
    report: &mut VerifyReport,
    anchors: &[Anchor],
) -> Result<()> {
    let max_id: Option<i64> = conn
        .query_row("SELECT MAX(id) FROM audit_log", [], |r| r.get(0))
        .map_err(query_error)?;
    let pruned = prune_records(conn)?;
    let mut worst: Option<(i64, BreakKind, String)> = None;
    let mut note = |id: i64, kind: BreakKind, msg: String| {
        if worst.as_ref().is_none_or(|(w, _, _)| id < *w) {
            worst = Some((id, kind, msg));
        }
    };
    for a in anchors {
        let when = a
            .time
            .as_deref()
            .map(|t| format!(" taken at {t}"))
            .unwrap_or_default();
        let found: Option<String> = conn
            .query_row("SELECT hash FROM audit_log WHERE id = ?1", [a.id], |r| {
                r.get(0)
            })
            .optional()
            .map_err(query_error)?;
        let status = match found {
            Some(h) if h.eq_ignore_ascii_case(&a.hash) => AnchorStatus::Reached,
            Some(_) => {
                note(
                    a.id,
                    BreakKind::Modified,
                    format!(
                        "row {} does not match the anchor{when}: the log was rewritten at or before it",
                        a.id
                    ),
                );
                AnchorStatus::Mismatch
            }
            None => {
                let prune = pruned.iter().find(|p| a.id <= p.through_id);
                match prune {
                    Some(p)
                        if a.id < p.through_id || p.through_hash.eq_ignore_ascii_case(&a.hash) =>
                    {
                        AnchorStatus::Pruned
                    }
                    Some(_) => {
                        note(
                            a.id,
                            BreakKind::Modified,
                            format!(
                                "row {} does not match the anchor{when}: the prune record names another hash",
                                a.id
                            ),
                        );
                        AnchorStatus::Mismatch
                    }
                    None if max_id.is_none_or(|m| a.id > m) => {
                        let last = max_id.unwrap_or(0);
                        let cut = last + 1;
                        note(
                            cut,
                            BreakKind::Truncated,
                            if last == 0 {
                                format!(
                                    "the log is empty but an anchor{when} reaches row {}: every row was cut off",
                                    a.id
                                )
                            } else {
                                format!(
                                    "the log ends at row {last} but an anchor{when} reaches row {}: rows {cut} to {} were cut off",
                                    a.id, a.id
                                )
                            },
                        );
                        AnchorStatus::Truncated
                    }
                    None => {
                        note(
                            a.id,
                            BreakKind::Deleted,
                            format!("row {} named by the anchor{when} was deleted", a.id),
                        );
                        AnchorStatus::Missing
                    }
                }
            }
        };
        report.anchors.push(AnchorResult {
            id: a.id,
            hash: a.hash.clone(),
            time: a.time.clone(),
            status,
        });
    }
    if let Some((id, kind, message)) = worst {
        let b = super::Break { id, kind, message };
        report.intact = false;
        report.breaks_total += 1;
        let at = report
            .breaks
            .iter()
            .position(|x| x.id > id)
            .unwrap_or(report.breaks.len());
        report.breaks.insert(at, b.clone());
        report.breaks.truncate(super::MAX_BREAKS_LISTED);
        if report.first_broken_at.is_none_or(|f| id < f) {
            report.first_broken_at = Some(id);
            report.broken = Some(b);
            report.last_id = None;
            report.last_hash = None;
        }
    }
    Ok(())
}

/// What an `audit.prune` entry records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PruneRecord {
    /// The last pruned row.
    pub through_id: i64,
    /// Its hash: the next row's `prev_hash`.
    pub through_hash: String,
}

/// The prune records in the log.
pub fn prune_records(conn: &Connection) -> Result<Vec<PruneRecord>> {
    let mut stmt = conn
        .prepare(
            "SELECT details FROM audit_log WHERE action = 'audit.prune' AND resource_type = 'audit_log' ORDER BY id",
        )
        .map_err(query_error)?;
    let rows = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .map_err(query_error)?;
    let mut out = Vec::new();
    for d in rows {
        let d = d.map_err(query_error)?;
        let v: serde_json::Value = serde_json::from_str(&d).unwrap_or_default();
        if let (Some(id), Some(h)) = (
            v.get("through_id").and_then(|x| x.as_i64()),
            v.get("through_hash").and_then(|x| x.as_str()),
        ) {
            out.push(PruneRecord {
                through_id: id,
                through_hash: h.to_string(),
            });
        }
    }
    Ok(out)
}

/// What `audit prune` did (or would do).
#[derive(Debug, Clone, Serialize)]
pub struct PruneReport {
    /// Rows removed (or that would be).
    pub pruned: u64,
    /// The last removed row.
    pub through_id: Option<i64>,
    /// Its hash.
    pub through_hash: Option<String>,
    /// Rows left (before the prune entry).
    pub kept: u64,
    /// The cutoff.
    pub older_than: String,
    /// The id of the `audit.prune` entry.
    pub entry_id: Option<i64>,
    /// Nothing was changed.
    pub dry_run: bool,
    /// A service's table: where it is (text output only).
    #[serde(skip)]
    pub table: Option<String>,
}

/// Removes the longest run of oldest rows whose times are before `cutoff`
/// (a prefix, so the rest stays one chain) and appends an `audit.prune`
/// entry naming the last removed row and its hash.
pub fn prune(
    store: &mut Store,
    auditor: &Auditor,
    cutoff: OffsetDateTime,
    dry_run: bool,
) -> Result<PruneReport> {
    let cut = crate::timeutil::format_ms(cutoff);
    type Plan = (Option<(i64, String)>, u64, u64);
    let plan = |conn: &Connection| -> Result<Plan> {
        let first_kept: Option<i64> = conn
            .query_row(
                "SELECT MIN(id) FROM audit_log WHERE ts >= ?1",
                [&cut],
                |r| r.get(0),
            )
            .map_err(query_error)?;
        let through: Option<(i64, String)> = conn
            .query_row(
                "SELECT id, hash FROM audit_log WHERE id < ?1 ORDER BY id DESC LIMIT 1",
                [first_kept.unwrap_or(i64::MAX)],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(query_error)?;
        let count = |sql: &str, id: i64| -> Result<u64> {
            conn.query_row(sql, [id], |r| r.get::<_, i64>(0))
                .map(|n| n as u64)
                .map_err(query_error)
        };
        let tid = through.as_ref().map(|t| t.0).unwrap_or(0);
        let pruned = count("SELECT COUNT(*) FROM audit_log WHERE id <= ?1", tid)?;
        let kept = count("SELECT COUNT(*) FROM audit_log WHERE id > ?1", tid)?;
        Ok((through, pruned, kept))
    };
    if dry_run {
        let (through, pruned, kept) = plan(store.conn())?;
        return Ok(PruneReport {
            pruned,
            through_id: through.as_ref().map(|t| t.0),
            through_hash: through.map(|t| t.1),
            kept,
            older_than: cut,
            entry_id: None,
            dry_run: true,
            table: None,
        });
    }
    store.write(|tx| {
        let (through, pruned, kept) = plan(tx)?;
        let Some((tid, thash)) = through else {
            return Ok(PruneReport {
                pruned: 0,
                through_id: None,
                through_hash: None,
                kept,
                older_than: cut.clone(),
                entry_id: None,
                dry_run: false,
                table: None,
            });
        };
        tx.execute("DELETE FROM audit_log WHERE id <= ?1", params![tid])
            .map_err(query_error)?;
        let entry = Entry {
            action: "audit.prune".into(),
            resource_type: Some("audit_log".into()),
            resource_id: None,
            outcome: super::AuditOutcome::Success,
            risk: Risk::Medium,
            details: serde_json::json!({
                "pruned": pruned,
                "through_id": tid,
                "through_hash": thash,
                "older_than": cut,
            }),
        };
        let id = auditor.append(tx, &entry)?;
        Ok(PruneReport {
            pruned,
            through_id: Some(tid),
            through_hash: Some(thash),
            kept,
            older_than: cut.clone(),
            entry_id: Some(id),
            dry_run: false,
            table: None,
        })
    })
}

/// Removes a service's entries (a PostgreSQL table, `src`) older than
/// `cutoff` in one transaction, after recording in keyward's log an
/// `audit.prune` entry (risk medium, resource `table`) with what was
/// removed: how many, the first and last times, the last id or key, and
/// the SHA-256 of the removed entries as `audit export` prints them
/// (`sha256`). In the report, `through_id` is the last removed id and
/// `through_hash` that SHA-256. `dry_run` only reads.
pub fn prune_table(
    src: &dyn super::query::Source,
    store: &mut Store,
    auditor: &Auditor,
    cutoff: OffsetDateTime,
    dry_run: bool,
) -> Result<PruneReport> {
    let mut entry_id = None;
    let done = if dry_run {
        src.prune_older(cutoff, None)?
    } else {
        src.prune_older(
            cutoff,
            Some(&mut |p: &super::query::TablePrune| {
                let entry = Entry {
                    action: "audit.prune".into(),
                    resource_type: Some("table".into()),
                    resource_id: Some(p.table.clone()),
                    outcome: super::AuditOutcome::Success,
                    risk: Risk::Medium,
                    details: serde_json::json!({
                        "source": p.source,
                        "table": p.table,
                        "pruned": p.pruned,
                        "kept": p.kept,
                        "older_than": p.older_than,
                        "first_ts": p.first_ts,
                        "last_ts": p.last_ts,
                        "last_id": p.last_id,
                        "last_key": p.last_key,
                        "sha256": p.sha256,
                    }),
                };
                let id = store.write(|tx| auditor.append(tx, &entry))?;
                entry_id = Some(id);
                Ok(id)
            }),
        )?
    };
    Ok(PruneReport {
        pruned: done.pruned,
        through_id: done.last_id,
        through_hash: (done.pruned > 0).then(|| done.sha256.clone()),
        kept: done.kept,
        older_than: done.older_than.clone(),
        entry_id,
        dry_run,
        table: Some(format!("'{}' at {}", done.table, done.source)),
    })
}
