//! How the audit commands' reports read as text, and the rows and lines
//! of their entries: every byte goes out through [`crate::output`].

use serde::{Serialize, Serializer};
use time::UtcOffset;

use super::anchor::{AnchorStatus, PruneReport};
use super::filter::{Record, details_text};
use super::query::{Count, Group, Rows, Sink};
use super::{HashMode, VerifyReport};
use crate::error::{Error, Result};
use crate::output::{Format, Output, Report, Stream, Streamed, csv_line};

fn mode_text(mode: HashMode) -> &'static str {
    match mode {
        HashMode::HmacSha256 => "HMAC-SHA256 (KEYWARD_AUDIT_KEY)",
        HashMode::Sha256 => {
            "plain SHA-256 (KEYWARD_AUDIT_KEY is not set: a forger who rehashes would not be caught)"
        }
        HashMode::LinksOnly => {
            "links only (a keyed chain checked without KEYWARD_AUDIT_KEY: rows' contents not checked)"
        }
    }
}

fn plural(n: u64, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

impl Report for VerifyReport {
    fn render_text(&self, out: &Output) -> Result<()> {
        let mode = mode_text(self.mode);
        if self.broken.is_some() {
            for b in &self.breaks {
                out.line(&format!("BROKEN at row {}: {}", b.id, b.message))?;
            }
            let unlisted = self.breaks_total - self.breaks.len() as u64;
            if unlisted > 0 {
                out.line(&format!("... and {unlisted} more breaks"))?;
            }
            out.line(&format!(
                "checked {} rows with {mode}: {} {}",
                self.rows,
                self.breaks_total,
                plural(self.breaks_total, "break", "breaks")
            ))?;
            if let Some(h) = &self.hint {
                out.line(&format!("hint: {h}"))?;
            }
        } else {
            out.line(&format!(
                "intact: {} rows, chain verified with {mode}",
                self.rows
            ))?;
            if let Some(p) = self.pruned_through {
                out.line(&format!(
                    "the log starts after row {p}, removed by audit prune (its record is in the chain)"
                ))?;
            }
            if let (Some(id), Some(h)) = (self.last_id, &self.last_hash) {
                out.line(&format!("last row {id}, hash {h}"))?;
            }
            if let Some(h) = &self.hint {
                out.line(&format!("note: {h}"))?;
            }
        }
        for r in &self.anchors {
            let what = match r.status {
                AnchorStatus::Reached => "reached",
                AnchorStatus::Pruned => "pruned since (allowed)",
                AnchorStatus::Truncated => "TRUNCATED: the log no longer reaches it",
                AnchorStatus::Mismatch => "MISMATCH: the row has another hash",
                AnchorStatus::Missing => "MISSING: the row was deleted",
            };
            let when = match &r.time {
                Some(t) => format!(" ({t})"),
                None => String::new(),
            };
            out.line(&format!("anchor row {}{when}: {what}", r.id))?;
        }
        Ok(())
    }
}

impl Report for PruneReport {
    fn render_text(&self, out: &Output) -> Result<()> {
        if self.pruned == 0 {
            return out.line(&format!(
                "nothing to prune: no entries older than {}",
                self.older_than
            ));
        }
        let verb = if self.dry_run {
            "would delete"
        } else {
            "deleted"
        };
        if let Some(table) = &self.table {
            let recorded = match self.entry_id {
                Some(id) => format!("; recorded as row {id} of keyward's log (audit.prune)"),
                None => String::new(),
            };
            return out.line(&format!(
                "{verb} {} entries older than {} from {table}; {} kept; sha256 of the removed entries as audit export prints them: {}{recorded}",
                self.pruned,
                self.older_than,
                self.kept,
                self.through_hash.as_deref().unwrap_or("-"),
            ));
        }
        let recorded = match self.entry_id {
            Some(id) => format!("; recorded as row {id} (audit.prune)"),
            None => String::new(),
        };
        out.line(&format!(
            "{verb} {} entries older than {} (through row {}); {} kept{recorded}",
            self.pruned,
            self.older_than,
            self.through_id.unwrap_or(0),
            self.kept,
        ))
    }
}

impl Report for Count {
    /// A bare number for text, one JSON line for ndjson, a one-column CSV.
    fn render_text(&self, out: &Output) -> Result<()> {
        match out.format() {
            Format::Ndjson => out.line(
                &serde_json::to_string(self)
                    .map_err(|e| Error::internal(format!("cannot encode JSON: {e}")))?,
            ),
            Format::Csv => out.raw(
                format!(
                    "{}{}",
                    csv_line(["count".to_string()]),
                    csv_line([self.count.to_string()])
                )
                .as_bytes(),
            ),
            _ => out.line(&self.count.to_string()),
        }
    }
}

/// The cells of a `--group-by` table under `[label, "entries"]`.
pub fn group_row(g: &Group) -> Vec<String> {
    vec![
        if g.key.is_empty() {
            "-".into()
        } else {
            g.key.clone()
        },
        g.count.to_string(),
    ]
}

/// An entry as `audit query`/`tail`/`export` show it: times in local time
/// unless `utc`.
#[derive(Debug, Clone, Copy)]
pub struct Shown<'a> {
    /// The entry.
    pub record: &'a Record,
    /// Show times in UTC.
    pub utc: bool,
}

impl Serialize for Shown<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.record.serialize(s)
    }
}

impl Shown<'_> {
    fn time(&self) -> String {
        use time::macros::format_description;
        let r = self.record;
        let Some(t) = r.time else {
            return r.ts.clone();
        };
        if self.utc {
            let fmt = format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");
            t.to_offset(UtcOffset::UTC)
                .format(&fmt)
                .unwrap_or_else(|_| r.ts.clone())
        } else {
            let fmt = format_description!(
                "[year]-[month]-[day] [hour]:[minute]:[second] [offset_hour sign:mandatory]:[offset_minute]"
            );
            t.to_offset(crate::timeutil::local_offset(t))
                .format(&fmt)
                .unwrap_or_else(|_| r.ts.clone())
        }
    }

    fn resource(&self) -> String {
        match (&self.record.resource_type, &self.record.resource_id) {
            (Some(t), Some(i)) => format!("{t}:{i}"),
            (Some(t), None) => t.clone(),
            (None, Some(i)) => i.clone(),
            _ => "-".into(),
        }
    }

    /// The table row: id (or `file:line`), time, ..., details.
    fn table_row(&self) -> Vec<String> {
        let r = self.record;
        let dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
        vec![
            r.id.map(|i| i.to_string())
                .or_else(|| r.source.clone())
                .unwrap_or_else(|| "-".into()),
            self.time(),
            dash(&r.actor),
            dash(&r.action),
            self.resource(),
            dash(&r.outcome),
            dash(&r.risk),
            dash(&r.host),
            details_text(&r.details),
        ]
    }
}

impl Streamed for Shown<'_> {
    const CSV_HEADER: &'static [&'static str] = &[
        "id",
        "ts",
        "actor",
        "action",
        "resource_type",
        "resource_id",
        "outcome",
        "risk",
        "host",
        "details",
        "prev_hash",
        "hash",
        "source",
    ];

    fn csv_row(&self) -> Vec<String> {
        let r = self.record;
        let s = |v: &Option<String>| v.clone().unwrap_or_default();
        vec![
            r.id.map(|i| i.to_string()).unwrap_or_default(),
            r.ts.clone(),
            s(&r.actor),
            s(&r.action),
            s(&r.resource_type),
            s(&r.resource_id),
            s(&r.outcome),
            s(&r.risk),
            s(&r.host),
            details_text(&r.details),
            s(&r.prev_hash),
            s(&r.hash),
            s(&r.source),
        ]
    }

    /// The table row without its id.
    fn text_fields(&self) -> Vec<String> {
        let mut cells = self.table_row();
        cells.remove(0);
        cells
    }
}

/// Entries written to stdout as they are read: NDJSON lines, CSV rows
/// or text lines (times local unless `utc`).
pub struct EntryStream<'a> {
    stream: Stream<'a>,
    utc: bool,
}

impl EntryStream<'_> {
    /// A stream on stdout; `flush_each` for `tail --follow`.
    pub fn stdout(format: Format, utc: bool, flush_each: bool) -> Self {
        EntryStream {
            stream: Stream::stdout::<Shown>(format, flush_each),
            utc,
        }
    }
}

impl Sink for EntryStream<'_> {
    fn entry(&mut self, record: &Record) -> Result<()> {
        self.stream.record(&Shown {
            record,
            utc: self.utc,
        })
    }

    fn finish(&mut self) -> Result<u64> {
        self.stream.finish()
    }
}

/// Text tables show this many entries unless `--limit` says otherwise.
pub const DEFAULT_TABLE_LIMIT: u64 = 50;

/// `audit query`'s entries as a table (text) or a JSON array.
#[derive(Debug)]
pub struct RowsReport<'a> {
    /// The entries.
    pub rows: &'a Rows,
    /// Times in UTC.
    pub utc: bool,
    /// `--limit` was given (no hint about more entries then).
    pub limited: bool,
    /// keyward's store does not exist yet.
    pub no_store: bool,
}

impl Serialize for RowsReport<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.rows.rows.serialize(s)
    }
}

impl Report for RowsReport<'_> {
    fn render_text(&self, out: &Output) -> Result<()> {
        let rows = &self.rows.rows;
        if rows.is_empty() {
            out.note(if self.no_store {
                "no audit entries match (the store does not exist yet)"
            } else {
                "no audit entries match"
            });
            return Ok(());
        }
        let table: Vec<Vec<String>> = rows
            .iter()
            .map(|record| {
                Shown {
                    record,
                    utc: self.utc,
                }
                .table_row()
            })
            .collect();
        let time = if self.utc {
            "time (UTC)"
        } else {
            "time (local)"
        };
        let header = [
            "id", time, "actor", "action", "resource", "outcome", "risk", "host", "details",
        ];
        out.table(&header, &table)?;
        if self.rows.more && !self.limited {
            out.note(&format!(
                "showing {} entries; more match: --limit N, or --limit all",
                rows.len()
            ));
        }
        Ok(())
    }
}
