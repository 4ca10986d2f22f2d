//! `audit query | tail | export` over any source: which source `--source`
//! names, the filter the flags describe, and what each command reads.
//!
//! A source is anything that implements [`Source`]: keyward's store and a
//! service's SQLite table ([`SqlSource`]), JSON-lines files
//! ([`JsonlSource`]), a service's PostgreSQL table ([`PgSource`]).
//! [`open`] is the one place that maps `--source` to a kind, so a new kind
//! joins here without touching the commands.

use std::path::Path;
use std::time::Duration;

use serde::Serialize;

use super::filter::{Filter, Record, parse_bound, parse_where};
use super::pg::PgSource;
use super::source::{GroupBy, JsonlSource, Order, SqlSource, parse_mapping, sort_groups};
use super::{Auditor, Entry, Risk};
use crate::error::{Error, ErrorKind, Result};
use crate::store::{Store, resolve_path};

/// What a source calls with each entry it reads; it returns false to stop.
pub type Each<'a> = &'a mut dyn FnMut(Record) -> Result<bool>;

/// Where audit entries are read from. A kind implements `for_each` and
/// `follow`; `count` and `group` read every match unless the kind answers
/// them itself (in SQL).
pub trait Source {
    /// Calls `each` for every matching entry in `order`, at most `limit` of
    /// them; `each` returns false to stop early.
    fn for_each(&self, f: &Filter, order: Order, limit: Option<u64>, each: Each<'_>) -> Result<()>;

    /// How many entries match.
    fn count(&self, f: &Filter) -> Result<u64> {
        count_by_reading(self, f)
    }

    /// Counts per group: largest first, or in time order for days and
    /// hours.
    fn group(&self, f: &Filter, by: GroupBy) -> Result<Vec<(String, u64)>> {
        group_by_reading(self, f, by)
    }

    /// Calls `each` for every matching entry written from now on (after
    /// `last`, the newest entry already shown), polling every `interval`;
    /// returns when `each` returns false.
    fn follow(
        &self,
        f: &Filter,
        last: Option<&Record>,
        interval: Duration,
        each: Each<'_>,
    ) -> Result<()>;

    /// Warnings about input that was skipped (lines that were not entries).
    fn skipped(&self) -> Vec<String> {
        Vec::new()
    }

    /// keyward's own store, when this source is it.
    fn store(&self) -> Option<&Store> {
        None
    }

    /// keyward's own store, when this source is it.
    fn into_store(self: Box<Self>) -> Option<Store> {
        None
    }

    /// `audit prune` on a service's table: deletes the entries before
    /// `cutoff` in one transaction, calling `commit` (which records the
    /// prune and returns the record's id) before that transaction commits;
    /// without `commit`, only says what would be deleted.
    fn prune_older(
        &self,
        cutoff: time::OffsetDateTime,
        commit: Option<PruneCommit<'_>>,
    ) -> Result<TablePrune> {
        let _ = (cutoff, commit);
        Err(Error::usage(
            "audit prune deletes from keyward's store or a PostgreSQL table (--source postgres://...); sqlite: and jsonl: sources are read-only",
        ))
    }
}

/// `follow`'s loop: every `interval`, `read_new` passes the entries
/// written since its last call to the callback it is given, which hands
/// them to `each`; returns when `each` returns false.
pub fn poll(
    interval: Duration,
    each: Each<'_>,
    mut read_new: impl FnMut(Each<'_>) -> Result<()>,
) -> Result<()> {
    loop {
        std::thread::sleep(interval);
        let mut go = true;
        read_new(&mut |r| {
            go = each(r)?;
            Ok(go)
        })?;
        if !go {
            return Ok(());
        }
    }
}

/// Counts the matching entries by reading them.
pub fn count_by_reading<S: Source + ?Sized>(src: &S, f: &Filter) -> Result<u64> {
    let mut n = 0;
    src.for_each(f, Order::Asc, None, &mut |_| {
        n += 1;
        Ok(true)
    })?;
    Ok(n)
}

/// Counts per group by reading every matching entry.
pub fn group_by_reading<S: Source + ?Sized>(
    src: &S,
    f: &Filter,
    by: GroupBy,
) -> Result<Vec<(String, u64)>> {
    let mut map: std::collections::HashMap<String, u64> = Default::default();
    src.for_each(f, Order::Asc, None, &mut |r| {
        *map.entry(by.key(&r)).or_default() += 1;
        Ok(true)
    })?;
    let mut groups: Vec<_> = map.into_iter().collect();
    sort_groups(&mut groups, by);
    Ok(groups)
}

/// Records a service table's prune in keyward's log before the deletion
/// commits; returns the entry's id.
pub type PruneCommit<'a> = &'a mut dyn FnMut(&TablePrune) -> Result<i64>;

/// What a prune of a service's table removed (or would remove): the
/// checkpoint recorded in keyward's log.
#[derive(Debug, Clone, Default)]
pub struct TablePrune {
    /// The server and table, without a password.
    pub source: String,
    /// The table.
    pub table: String,
    /// Entries removed (or that would be).
    pub pruned: u64,
    /// Entries left.
    pub kept: u64,
    /// The cutoff (RFC 3339 UTC).
    pub older_than: String,
    /// The first removed entry's time.
    pub first_ts: Option<String>,
    /// The last removed entry's time.
    pub last_ts: Option<String>,
    /// The last removed entry's id (an integer id column).
    pub last_id: Option<i64>,
    /// Its key as the server prints it (any key type).
    pub last_key: Option<String>,
    /// SHA-256 of the removed entries as `audit export` prints them
    /// (NDJSON, oldest first): `sha256sum` of an export made beforehand
    /// with `--until` the cutoff.
    pub sha256: String,
}

/// Where the entries of `audit query`, `tail` and `export` go as they are
/// read (an output stream).
pub trait Sink {
    /// Writes one entry.
    fn entry(&mut self, r: &Record) -> Result<()>;
    /// Ends the output; says how many entries it holds.
    fn finish(&mut self) -> Result<u64>;
}

/// `--source`, `--table`, `--map` and `--tz` as given.
#[derive(Debug, Clone, Default)]
pub struct SourceSpec {
    /// `store` (or None), `sqlite:PATH`, `jsonl:PATH|GLOB`, or a
    /// PostgreSQL URL (`postgres://`, `postgresql://`) or libpq key=value
    /// string.
    pub source: Option<String>,
    /// The table of a `sqlite:` or PostgreSQL source (`schema.table` in
    /// PostgreSQL).
    pub table: String,
    /// `--map COLUMN=FIELD` overrides.
    pub maps: Vec<String>,
    /// `--tz`: the zone of times written without one.
    pub tz: Option<String>,
}

/// Opens the source `spec` names; `store` is `--store` (keyward's store
/// when no `--source` is given). None when that is keyward's store and no
/// store exists yet (a query then finds nothing rather than creating one).
pub fn open(spec: &SourceSpec, store: Option<&Path>) -> Result<Option<Box<dyn Source>>> {
    let maps = spec
        .maps
        .iter()
        .map(|m| parse_mapping(m))
        .collect::<Result<Vec<_>>>()?;
    let zone = match spec.tz.as_deref() {
        Some(z) => crate::timeutil::parse_zone(z, "--tz")?,
        None => crate::timeutil::Zone::Utc,
    };
    match spec.source.as_deref() {
        None | Some("store") => {
            if !maps.is_empty() {
                return Err(Error::usage(
                    "--map applies to sqlite:, jsonl: and PostgreSQL sources, not keyward's store",
                ));
            }
            if spec.tz.is_some() {
                return Err(Error::usage(
                    "--tz applies to sqlite:, jsonl: and PostgreSQL sources: keyward's store writes UTC times with Z",
                ));
            }
            let path = resolve_path(store)?;
            if !path.exists() {
                return Ok(None);
            }
            Ok(Some(Box::new(SqlSource::store(Store::open_for_reading(
                &path,
            )?))))
        }
        Some(s) => {
            if let Some(p) = s.strip_prefix("sqlite:") {
                Ok(Some(Box::new(
                    SqlSource::service_table(Path::new(p), &spec.table, &maps)?.with_zone(zone),
                )))
            } else if let Some(p) = s.strip_prefix("jsonl:") {
                Ok(Some(Box::new(JsonlSource::open(p, &maps)?.with_zone(zone))))
            } else if crate::pgtls::is_conn_string(s) {
                Ok(Some(Box::new(PgSource::open(s, &spec.table, &maps, zone)?)))
            } else {
                // Whatever it is, a URL's user and password are not shown.
                let shown = match s.split_once("://") {
                    Some((scheme, rest)) if rest.contains('@') => {
                        format!("{scheme}://...@{}", rest.rsplit('@').next().unwrap_or(""))
                    }
                    _ => s.to_string(),
                };
                Err(Error::usage(format!(
                    "--source '{shown}': use store, sqlite:PATH, jsonl:PATH or a PostgreSQL URL (postgres://...)"
                )))
            }
        }
    }
}

/// The filter flags as given (`--since`, `--actor`, ...); also what
/// `audit export` records about itself.
#[derive(Debug, Clone, Default, Serialize)]
pub struct FilterSpec {
    /// `--since WHEN`.
    pub since: Option<String>,
    /// `--until WHEN`.
    pub until: Option<String>,
    /// `--actor GLOB`.
    pub actor: Option<String>,
    /// `--action GLOB`.
    pub action: Option<String>,
    /// `--resource TYPE[:ID]`.
    pub resource: Option<String>,
    /// `--outcome A,B`.
    pub outcome: Vec<String>,
    /// `--risk MIN`.
    pub risk: Option<Risk>,
    /// `--host GLOB`.
    pub host: Option<String>,
    /// `--grep TEXT`.
    pub grep: Option<String>,
    /// `--where EXPR`.
    #[serde(rename = "where")]
    pub wheres: Vec<String>,
}

impl FilterSpec {
    /// Checks the flags and builds the filter; relative times count back
    /// from `now`.
    pub fn build(&self, now: time::OffsetDateTime) -> Result<Filter> {
        let since = self
            .since
            .as_deref()
            .map(|s| parse_bound(s, now, "--since"))
            .transpose()?;
        let until = self
            .until
            .as_deref()
            .map(|s| parse_bound(s, now, "--until"))
            .transpose()?;
        if let (Some(s), Some(u)) = (since, until)
            && s >= u
        {
            return Err(Error::usage("--since must be before --until"));
        }
        let (resource_type, resource_id) = match self.resource.as_deref() {
            None => (None, None),
            Some(r) => match r.split_once(':') {
                Some((t, i)) if !t.is_empty() && !i.is_empty() => {
                    (Some(t.to_string()), Some(i.to_string()))
                }
                Some(_) => {
                    return Err(Error::usage(format!(
                        "--resource '{r}': write TYPE or TYPE:ID"
                    )));
                }
                None => (Some(r.to_string()), None),
            },
        };
        for g in [&self.actor, &self.action, &self.host]
            .into_iter()
            .flatten()
        {
            glob::Pattern::new(g).map_err(|e| Error::usage(format!("bad glob '{g}': {e}")))?;
        }
        let outcome: Vec<String> = self
            .outcome
            .iter()
            .map(|o| o.trim().to_ascii_lowercase())
            .filter(|o| !o.is_empty())
            .collect();
        Ok(Filter {
            since,
            until,
            actor: self.actor.clone(),
            action: self.action.clone(),
            resource_type,
            resource_id,
            outcome,
            risk_min: self.risk,
            host: self.host.clone(),
            grep: self.grep.clone().filter(|g| !g.is_empty()),
            wheres: self
                .wheres
                .iter()
                .map(|w| parse_where(w))
                .collect::<Result<_>>()?,
            after_id: None,
        })
    }
}

/// `audit query --count`.
#[derive(Debug, Clone, Serialize)]
pub struct Count {
    /// Entries that match.
    pub count: u64,
    /// Warnings about skipped input.
    #[serde(skip)]
    pub skipped: Vec<String>,
}

/// Counts the matching entries (0 without a source).
pub fn count(src: Option<&dyn Source>, f: &Filter) -> Result<Count> {
    Ok(match src {
        Some(s) => Count {
            count: s.count(f)?,
            skipped: s.skipped(),
        },
        None => Count {
            count: 0,
            skipped: Vec::new(),
        },
    })
}

/// One group of `audit query --group-by`.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    /// The field's value, day or hour (empty when absent).
    pub key: String,
    /// Entries in it.
    pub count: u64,
}

/// `audit query --group-by`.
#[derive(Debug, Clone)]
pub struct Groups {
    /// What was counted by.
    pub by: GroupBy,
    /// Largest first, or in time order for days and hours.
    pub groups: Vec<Group>,
    /// Warnings about skipped input.
    pub skipped: Vec<String>,
}

/// Counts the matching entries per group.
pub fn group(src: Option<&dyn Source>, f: &Filter, by: GroupBy) -> Result<Groups> {
    let (groups, skipped) = match src {
        Some(s) => (s.group(f, by)?, s.skipped()),
        None => (Vec::new(), Vec::new()),
    };
    Ok(Groups {
        by,
        groups: groups
            .into_iter()
            .map(|(key, count)| Group { key, count })
            .collect(),
        skipped,
    })
}

/// The entries of `audit query` as a table or a JSON array.
#[derive(Debug, Clone, Default)]
pub struct Rows {
    /// The entries.
    pub rows: Vec<Record>,
    /// More entries match than `limit` let through.
    pub more: bool,
    /// Warnings about skipped input.
    pub skipped: Vec<String>,
}

/// Collects at most `limit` matching entries, and whether more match
/// (none without a source).
pub fn rows(
    src: Option<&dyn Source>,
    f: &Filter,
    order: Order,
    limit: Option<u64>,
) -> Result<Rows> {
    let Some(src) = src else {
        return Ok(Rows::default());
    };
    let mut rows: Vec<Record> = Vec::new();
    // One more than shown, to say whether more match.
    let fetch = limit.map(|l| l + 1);
    src.for_each(f, order, fetch, &mut |r| {
        rows.push(r);
        Ok(true)
    })?;
    let more = limit.is_some_and(|l| rows.len() as u64 > l);
    if more {
        rows.pop();
    }
    Ok(Rows {
        rows,
        more,
        skipped: src.skipped(),
    })
}

/// Writes the matching entries to `sink` as they are read (ndjson, csv),
/// then ends it (without a source: no entries); returns how many and the
/// warnings about skipped input.
pub fn stream(
    src: Option<&dyn Source>,
    f: &Filter,
    order: Order,
    limit: Option<u64>,
    sink: &mut dyn Sink,
) -> Result<(u64, Vec<String>)> {
    let Some(src) = src else {
        return Ok((sink.finish()?, Vec::new()));
    };
    src.for_each(f, order, limit, &mut |r| sink.entry(&r).map(|_| true))?;
    Ok((sink.finish()?, src.skipped()))
}

/// `audit tail`: the newest `lines` matching entries, oldest first, then
/// (with `follow`, the polling interval) every new one as it is written.
/// `warn` hears about skipped input once the newest entries are shown.
pub fn tail(
    src: &dyn Source,
    f: &Filter,
    lines: u64,
    follow: Option<Duration>,
    sink: &mut dyn Sink,
    warn: &mut dyn FnMut(&str),
) -> Result<()> {
    let mut newest: Vec<Record> = Vec::new();
    if lines > 0 {
        src.for_each(f, Order::Desc, Some(lines), &mut |r| {
            newest.push(r);
            Ok(true)
        })?;
    }
    for r in newest.iter().rev() {
        sink.entry(r)?;
    }
    for w in src.skipped() {
        warn(&w);
    }
    if let Some(interval) = follow {
        src.follow(f, newest.first(), interval, &mut |r| {
            sink.entry(&r).map(|_| true)
        })?;
    }
    sink.finish().map(|_| ())
}

/// What `audit export` records about itself in keyward's log.
#[derive(Debug, Clone, Serialize)]
struct ExportDetails<'a> {
    entries: u64,
    format: &'a str,
    #[serde(flatten)]
    filters: &'a FilterSpec,
}

/// What `audit export` reads, and how it says so in its record.
#[derive(Debug, Clone)]
pub struct ExportRequest<'a> {
    /// The filter built from `spec`.
    pub filter: &'a Filter,
    /// The filter flags as given (recorded).
    pub spec: &'a FilterSpec,
    /// The output format's name (recorded).
    pub format: &'a str,
    /// Oldest or newest first.
    pub order: Order,
    /// At most this many entries.
    pub limit: Option<u64>,
}

/// What `audit export` did besides printing.
#[derive(Debug, Clone, Default)]
pub struct Exported {
    /// Entries written.
    pub entries: u64,
    /// Warnings: skipped input, an export of keyward's log left unrecorded.
    pub warnings: Vec<String>,
}

/// `audit export`: every matching entry to `each`; an export of keyward's
/// own log is then recorded in it (`audit.export`, with the filters and
/// `format`). A writer whose key does not fit the chain is refused before
/// the first entry; the record is written once `sink` is finished.
pub fn export(
    src: Box<dyn Source>,
    auditor: &Auditor,
    request: &ExportRequest<'_>,
    sink: &mut dyn Sink,
) -> Result<Exported> {
    if let Some(store) = src.store() {
        auditor.check_chain(store.conn())?;
    }
    let (entries, mut warnings) = stream(
        Some(src.as_ref()),
        request.filter,
        request.order,
        request.limit,
        sink,
    )?;
    // Reading the whole log out is itself worth a record.
    if let Some(mut store) = src.into_store() {
        let details = serde_json::to_value(ExportDetails {
            entries,
            format: request.format,
            filters: request.spec,
        })
        .map_err(|e| Error::internal(format!("cannot encode the export's details: {e}")))?;
        let recorded = store.write(|tx| {
            auditor.append(
                tx,
                &Entry::new("audit.export", "audit_log", "").details(details),
            )
        });
        // A store this process may read but not write (an auditor's
        // account, a read-only mount): the export stands, unrecorded.
        if let Err(e) = recorded {
            if e.kind() != ErrorKind::Environment {
                return Err(e);
            }
            warnings.push(format!(
                "the export is not recorded in the audit log: {}",
                e.message()
            ));
        }
    }
    Ok(Exported { entries, warnings })
}
