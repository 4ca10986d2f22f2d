//! Re-encrypting a database's encrypted columns under a new key.
//!
//! The promises (DESIGN.md): a preflight decrypts a sample of the values not
//! yet under the target key and writes nothing if they do not fit; every
//! batch is one transaction, so a crash or `kill -9` at any moment leaves
//! every row readable and the next run finishes the job (values already
//! under the target key are skipped); a value that cannot be decrypted is
//! never overwritten; memory stays flat (keyset pagination); and a row a
//! live service changes between keyward's read and its write is never
//! overwritten with stale data (the UPDATE compares the old ciphertext, and
//! a conflict is re-read and redone inside the same transaction).

pub mod codec;
pub mod envfile;
pub mod foreign;
pub mod journal;
pub mod keyset;
pub mod lease;
pub mod pg;
pub mod plan;
pub mod sqlite;
mod update;
pub mod usage;
pub mod workers;

use std::time::{Duration, Instant};

use rusqlite::types::Value;
use serde::Serialize;

use crate::error::{Error, ErrorKind, Result};
use codec::{Class, Keys, Outcome};
pub use sqlite::{SqliteWriter, Table};

/// What to rotate.
#[derive(Debug, Clone)]
pub struct Target {
    /// The SQLite file.
    pub db: std::path::PathBuf,
    /// The table.
    pub table: String,
    /// The encrypted columns.
    pub columns: Vec<String>,
    /// The key columns, comma-separated (default: the INTEGER PRIMARY KEY
    /// or rowid, or a WITHOUT ROWID table's primary key).
    pub pk: Option<String>,
    /// An extra SQL condition limiting the rows.
    pub filter: Option<String>,
    /// Bind `table/column/pk` as envelope context.
    pub context_from_row: bool,
    /// Per column (same order as `columns`): the JSON fields to rotate
    /// inside it, each a path of object keys; empty for a whole-value column.
    pub json_fields: Vec<Vec<Vec<String>>>,
}

impl Target {
    /// Whole-value columns only.
    pub fn simple(db: std::path::PathBuf, table: String, columns: Vec<String>) -> Target {
        let n = columns.len();
        Target {
            db,
            table,
            columns,
            pk: None,
            filter: None,
            context_from_row: false,
            json_fields: vec![Vec::new(); n],
        }
    }

    /// `--pk` split into its columns (None: not given); an empty name is
    /// refused.
    pub(crate) fn pk_columns(&self) -> Result<Option<Vec<String>>> {
        let Some(pk) = self.pk.as_deref() else {
            return Ok(None);
        };
        let cols: Vec<String> = pk.split(',').map(|c| c.trim().to_string()).collect();
        if cols.iter().any(String::is_empty) {
            return Err(Error::usage(format!("--pk '{pk}' names an empty column")));
        }
        Ok(Some(cols))
    }

    /// `--context-from-row` binds one key column into each value's
    /// context: refused for a table keyed by `n` columns.
    pub(crate) fn check_context_key(&self, where_: &str, n: usize) -> Result<()> {
        if n > 1 && self.context_from_row {
            return Err(Error::usage(format!(
                "{where_}: --context-from-row binds one key column into each value's context, and this table is keyed by {n} columns"
            ))
            .with_hint("name a single key column with --pk (a column with a UNIQUE index and no NULL)"));
        }
        Ok(())
    }

    /// Adds `COLUMN:field.sub` JSON fields, creating the column entry if needed.
    pub fn add_json_field(&mut self, spec: &str) -> Result<()> {
        let (col, path) = spec
            .split_once(':')
            .filter(|(c, p)| !c.is_empty() && !p.is_empty())
            .ok_or_else(|| Error::usage(format!("--json-field '{spec}' is not COLUMN:field (e.g. metadata:private or metadata:profile.email)")))?;
        let path: Vec<String> = path.split('.').map(str::to_string).collect();
        if path.iter().any(String::is_empty) {
            return Err(Error::usage(format!(
                "--json-field '{spec}' has an empty field name"
            )));
        }
        match self.columns.iter().position(|c| c == col) {
            Some(i) if self.json_fields[i].is_empty() => Err(Error::usage(format!(
                "column {col} is rotated whole and also has JSON fields; give it one way"
            ))),
            Some(i) => {
                self.json_fields[i].push(path);
                Ok(())
            }
            None => {
                self.columns.push(col.to_string());
                self.json_fields.push(vec![path]);
                Ok(())
            }
        }
    }
}

/// Rotates one cell: the whole value, or the named fields of a JSON column
/// (each field's context is `table/column.field/pk`). A JSON column comes
/// back re-serialised compactly, with its key order kept.
pub fn rotate_cell(
    keys: &Keys,
    target: &Target,
    col: usize,
    pk: &[Value],
    v: &Value,
    encrypt_plaintext: bool,
) -> Outcome {
    rotate_cell_counted(keys, target, col, pk, v, encrypt_plaintext).0
}

/// How many values of one JSON cell were in each state: a JSON column
/// holds several encrypted fields, and a run counts values, as `status`
/// does, not cells.
#[derive(Debug, Clone, Copy, Default)]
pub struct FieldTally {
    /// Fields that are null.
    pub null: u64,
    /// Fields already under the target key.
    pub current: u64,
    /// Plaintext fields left alone.
    pub plaintext: u64,
    /// Plaintext fields encrypted.
    pub encrypted_plaintext: u64,
    /// Fields re-encrypted.
    pub rotated: u64,
    /// Fields that look encrypted in no format given, left alone.
    pub unrecognized: u64,
}

/// [`rotate_cell`], with the per-field counts of a JSON cell (`None` for a
/// plain column, whose one value the outcome counts; and for a JSON
/// column that is NULL, not JSON or holds an undecryptable field).
pub fn rotate_cell_counted(
    keys: &Keys,
    target: &Target,
    col: usize,
    pk: &[Value],
    v: &Value,
    encrypt_plaintext: bool,
) -> (Outcome, Option<FieldTally>) {
    let paths = &target.json_fields[col];
    if paths.is_empty() {
        let ctx = row_context(target, &target.columns[col], pk);
        return (keys.rotate(v, ctx.as_deref(), encrypt_plaintext), None);
    }
    match rotate_json(keys, target, col, pk, v, encrypt_plaintext) {
        Ok((outcome, tally)) => (outcome, Some(tally)),
        Err(outcome) => (outcome, None),
    }
}

fn rotate_json(
    keys: &Keys,
    target: &Target,
    col: usize,
    pk: &[Value],
    v: &Value,
    encrypt_plaintext: bool,
) -> std::result::Result<(Outcome, FieldTally), Outcome> {
    let paths = &target.json_fields[col];
    let (text, blob) = match v {
        Value::Null => return Err(Outcome::Null),
        Value::Text(t) => (t.as_str(), false),
        Value::Blob(b) => match std::str::from_utf8(b) {
            Ok(t) => (t, true),
            Err(_) => {
                return Err(Outcome::Undecryptable(format!(
                    "column {} is not JSON text",
                    target.columns[col]
                )));
            }
        },
        _ => return Err(Outcome::Plain(None)),
    };
    let mut doc: serde_json::Value = match serde_json::from_str(text) {
        Ok(d) => d,
        Err(e) => {
            return Err(Outcome::Undecryptable(format!(
                "column {} is not JSON ({e})",
                target.columns[col]
            )));
        }
    };
    let mut tally = FieldTally::default();
    for path in paths {
        let name = format!("{}.{}", target.columns[col], path.join("."));
        let s = match doc.pointer_mut(&json_pointer(path)) {
            None => continue,
            Some(serde_json::Value::String(s)) => s,
            Some(serde_json::Value::Null) => {
                tally.null += 1;
                continue;
            }
            // A number or an object is no ciphertext (as `status` counts it).
            Some(_) => {
                tally.plaintext += 1;
                continue;
            }
        };
        let ctx = row_context(target, &name, pk);
        match keys.rotate(&Value::Text(s.clone()), ctx.as_deref(), encrypt_plaintext) {
            Outcome::Rotated(Value::Text(n)) => {
                *s = n;
                tally.rotated += 1;
            }
            Outcome::Plain(Some(Value::Text(n))) => {
                *s = n;
                tally.encrypted_plaintext += 1;
            }
            Outcome::Current => tally.current += 1,
            Outcome::Null => tally.null += 1,
            Outcome::Unrecognized => tally.unrecognized += 1,
            Outcome::Undecryptable(r) => {
                return Err(Outcome::Undecryptable(format!("field {name}: {r}")));
            }
            _ => tally.plaintext += 1,
        }
    }
    let outcome = if tally.rotated + tally.encrypted_plaintext > 0 {
        let out = doc.to_string();
        Outcome::Rotated(if blob {
            Value::Blob(out.into_bytes())
        } else {
            Value::Text(out)
        })
    } else if tally.current > 0 {
        Outcome::Current
    } else {
        Outcome::Plain(None)
    };
    Ok((outcome, tally))
}

/// A field's path as a JSON pointer (`/profile/email`, `~` and `/` escaped).
fn json_pointer(path: &[String]) -> String {
    path.iter()
        .map(|p| format!("/{}", p.replace('~', "~0").replace('/', "~1")))
        .collect()
}

/// Whether `db` names a PostgreSQL server rather than a SQLite file.
pub fn is_postgres(db: &str) -> bool {
    pg::is_conn_string(db)
}

/// A table opened on either engine.
pub enum Opened {
    /// SQLite.
    Lite(Box<Table>),
    /// PostgreSQL.
    Pg(Box<pg::PgTable>),
}

impl Opened {
    /// Opens `target` in `db` (a SQLite path or a PostgreSQL connection
    /// string), for writing or only for reading.
    pub fn open(db: &str, target: &Target, write: bool) -> Result<Opened> {
        if is_postgres(db) {
            Ok(Opened::Pg(Box::new(pg::PgTable::open(db, target)?)))
        } else {
            Ok(Opened::Lite(Box::new(Table::open(target, write)?)))
        }
    }

    /// Its rows, in key order.
    pub fn rows(&mut self) -> &mut dyn Rows {
        match self {
            Opened::Lite(t) => t.as_mut(),
            Opened::Pg(t) => t.as_mut(),
        }
    }

    /// Rows to process, for a progress bar.
    pub fn count(&mut self) -> Result<u64> {
        match self {
            Opened::Lite(t) => t.count(),
            Opened::Pg(t) => t.count(),
        }
    }

    /// Runs the rotation.
    pub fn run(&mut self, keys: &Keys, opts: &Options, progress: &dyn Progress) -> Result<Report> {
        keep_freed_memory();
        match self {
            Opened::Lite(t) => run(&mut SqliteWriter::new(t, opts.batch)?, keys, opts, progress),
            Opened::Pg(t) => {
                t.prepare_writes()?;
                run(t.as_mut(), keys, opts, progress)
            }
        }
    }
}

impl Opened {
    /// Runs this process's cooperating workers ([`workers::run`]): on
    /// PostgreSQL only.
    pub fn run_workers(
        &self,
        keys: &Keys,
        opts: &Options,
        co: &workers::Cooperate,
        to: &str,
        target_desc: &str,
        progress: &(dyn Progress + Sync),
    ) -> Result<(Report, workers::Cooperation)> {
        match self {
            Opened::Pg(t) => workers::run(t, keys, opts, co, to, target_desc, progress),
            Opened::Lite(_) => Err(Error::usage(
                "--workers shares a PostgreSQL table between workers; a SQLite file has one writer (leave out --workers)",
            )),
        }
    }
}

/// A rotation allocates and frees the same megabyte or two for every batch
/// (decoded values, plaintexts, new values) on two threads. glibc's malloc
/// gives a freed heap top back to the kernel past 128 KiB and takes it
/// again for the next batch, so every batch paid fresh zeroed pages: 175,000
/// page faults per million rows. Keeping up to 64 MiB of freed memory ends
/// that (4,000 faults; peak RSS is unchanged, the working set is ~24 MiB).
pub(crate) fn keep_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter; any value is valid.
    unsafe {
        libc::mallopt(libc::M_TRIM_THRESHOLD, 64 << 20);
    }
}

/// How to rotate.
#[derive(Debug, Clone)]
pub struct Options {
    /// Rows per transaction.
    pub batch: usize,
    /// Count only; write nothing.
    pub dry_run: bool,
    /// Skip undecryptable values (listing them) instead of stopping.
    pub skip_errors: bool,
    /// At most this many rows per second.
    pub throttle: Option<f64>,
    /// Encrypt plaintext values too.
    pub encrypt_plaintext: bool,
    /// At most this many crypto threads for a costly format (`None`: every
    /// core).
    pub threads: Option<usize>,
}

/// Counts of a run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Rows read.
    pub rows: u64,
    /// Values re-encrypted (or, in a dry run, that would be).
    pub rotated: u64,
    /// Values already under the target key.
    pub current: u64,
    /// NULL values.
    pub null: u64,
    /// Plaintext values left alone.
    pub plaintext: u64,
    /// Plaintext values encrypted (`--encrypt-plaintext`).
    pub encrypted_plaintext: u64,
    /// Values no key decrypts.
    pub undecryptable: u64,
    /// Values that look encrypted in no format given: left alone.
    pub unrecognized: u64,
    /// The keys of the first unrecognized values (at most 5; never values).
    pub unrecognized_keys: Vec<String>,
    /// Primary keys of the values skipped (first 1000).
    pub skipped_keys: Vec<String>,
    /// Rows changed by someone else between read and write, redone.
    pub conflicts: u64,
    /// Transactions committed.
    pub batches: u64,
    /// Wall time.
    pub seconds: f64,
    /// True when it stopped at an undecryptable value.
    pub aborted: bool,
    /// The reason it stopped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub abort_reason: Option<String>,
    /// True for `--dry-run`.
    pub dry_run: bool,
    /// A cooperating worker's span was taken over by another worker: this
    /// run stopped writing there (the batches before are committed).
    #[serde(skip)]
    pub lease_lost: bool,
}

impl Report {
    /// Rows per second.
    pub fn rate(&self) -> f64 {
        if self.seconds > 0.0 {
            self.rows as f64 / self.seconds
        } else {
            0.0
        }
    }
}

/// `(a, b)` for several columns (or parameters), `a` for one.
pub(crate) fn row_value(cols: &[String]) -> String {
    if cols.len() == 1 {
        cols[0].clone()
    } else {
        format!("({})", cols.join(", "))
    }
}

/// `table/column/pk` when the envelope context is bound to the row (the
/// table is then keyed by one column).
fn row_context(target: &Target, col: &str, pk: &[Value]) -> Option<Vec<u8>> {
    target
        .context_from_row
        .then(|| format!("{}/{col}/{}", target.table, key_text(pk)).into_bytes())
}

/// A table read in key order: SQLite or PostgreSQL.
pub trait Rows {
    /// What is being read.
    fn target(&self) -> &Target;
    /// The key columns' names, for messages.
    fn pk_name(&self) -> &str;
    /// Up to `limit` rows after the key `after` (empty: from the start), in
    /// key order.
    fn next_batch(&mut self, after: &[Value], limit: usize) -> Result<Batch>;
}

/// A primary key as text, for reports and contexts.
pub fn pk_text(v: &Value) -> String {
    match v {
        Value::Integer(i) => i.to_string(),
        Value::Text(t) => t.clone(),
        Value::Real(r) => r.to_string(),
        Value::Blob(b) => hex::encode(b),
        Value::Null => "NULL".into(),
    }
}

/// A row's key: the values of its key columns.
pub type Key = Vec<Value>;

/// A key as text, for reports and contexts: `42`, `(acme, 42)`.
pub fn key_text(key: &[Value]) -> String {
    match key {
        [one] => pk_text(one),
        many => format!(
            "({})",
            many.iter().map(pk_text).collect::<Vec<_>>().join(", ")
        ),
    }
}

/// The start of keyset pagination: below every key.
fn before_all() -> Key {
    Vec::new()
}

/// Progress callbacks (a bar on a terminal, nothing otherwise).
pub trait Progress {
    /// `rows` more rows are done.
    fn advance(&self, rows: u64);
}

impl Progress for () {
    fn advance(&self, _rows: u64) {}
}

/// Decrypts a sample of the values not yet under the target key: `Err`
/// when they do not fit the keys (all of them, or any one without `skip`).
pub fn preflight(
    table: &mut dyn Rows,
    keys: &Keys,
    sample: usize,
    skip: bool,
) -> Result<(usize, usize)> {
    let mut after = before_all();
    let (mut tried, mut failed) = (0usize, 0usize);
    let mut first_failure: Option<(String, String)> = None;
    // With a per-value key derivation every value examined costs tens of
    // milliseconds: a table already (mostly) rotated is sampled, not read
    // whole, before the run reads it.
    let (mut examined, limit) = (
        0usize,
        if keys.costly() {
            sample * 4
        } else {
            usize::MAX
        },
    );
    'scan: loop {
        let batch = table.next_batch(&after, 1000)?;
        let Some(last) = batch.last() else { break };
        after = last.0.clone();
        for (pk, vals) in &batch {
            for (i, v) in vals.iter().enumerate() {
                match rotate_cell(keys, table.target(), i, pk, v, false) {
                    Outcome::Rotated(_) => tried += 1,
                    Outcome::Undecryptable(reason) => {
                        tried += 1;
                        failed += 1;
                        first_failure.get_or_insert((
                            format!("{} ({})", key_text(pk), table.target().columns[i]),
                            reason,
                        ));
                    }
                    _ => {}
                }
                examined += 1;
                if tried >= sample || examined >= limit {
                    break 'scan;
                }
            }
        }
    }
    if let Some((pk, reason)) = first_failure
        && (!skip || failed == tried)
    {
        return Err(Error::bad_input(format!(
            "preflight: {failed} of {tried} sampled values cannot be decrypted with the keys given (first: {} {pk}: {reason}); nothing was written",
            table.pk_name()
        ))
        .with_hint("check the old keys (--from-key-* or the keyring); --on-error skip rotates the rest and lists the failures"));
    }
    Ok((tried, failed))
}

/// One batch of planned writes: (column index, key, old value, new value).
pub(crate) type Writes = Vec<(usize, Key, Value, Value)>;

/// How many threads the values of a batch are spread over: every core
/// when a value costs a key derivation or an RSA operation, else one (the
/// reading thread and one crypto thread already keep two cores busy).
/// `limit` caps it (`rotate run --threads`).
fn crypto_threads(keys: &Keys, limit: Option<usize>) -> usize {
    if keys.costly() {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        limit.map_or(cores, |l| l.max(1))
    } else {
        1
    }
}

/// Splits `items` into at most `n` runs of neighbours, in order.
fn split_runs<T>(mut items: Vec<T>, n: usize) -> Vec<Vec<T>> {
    let size = items.len().div_ceil(n.max(1)).max(1);
    let mut runs = Vec::with_capacity(n);
    while items.len() > size {
        let rest = items.split_off(size);
        runs.push(std::mem::replace(&mut items, rest));
    }
    runs.push(items);
    runs
}

/// Runs `f` on each run of `items` on its own thread (on this one when
/// `threads` is 1), answers in order.
fn on_threads<T: Send, R: Send>(
    items: Vec<T>,
    threads: usize,
    f: impl Fn(Vec<T>) -> R + Sync,
) -> Vec<R> {
    if threads <= 1 {
        return vec![f(items)];
    }
    let f = &f;
    std::thread::scope(|s| {
        let handles: Vec<_> = split_runs(items, threads)
            .into_iter()
            .map(|run| s.spawn(move || f(run)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    })
}

/// Rotates every cell of a batch in memory, counting into `report`, and
/// returns the writes to make; `None` when an undecryptable value stops
/// the run (abort mode): that batch is not written, the ones before it are.
/// With a costly format the batch is spread over every core; the counts
/// and writes come out as one thread would make them (a run stopped in
/// one part does not count the parts after it).
pub(crate) fn plan_batch(
    batch: Batch,
    keys: &Keys,
    target: &Target,
    pk_name: &str,
    opts: &Options,
    report: &mut Report,
) -> Option<Writes> {
    let threads = crypto_threads(keys, opts.threads).min(batch.len());
    if threads <= 1 {
        return plan_run(batch, keys, target, pk_name, opts, report);
    }
    let parts = on_threads(batch, threads, |run| {
        let mut counts = Report::default();
        let writes = plan_run(run, keys, target, pk_name, opts, &mut counts);
        (writes, counts)
    });
    let mut all: Writes = Vec::new();
    for (writes, counts) in parts {
        report.absorb(counts);
        match writes {
            Some(w) => all.extend(w),
            None => return None,
        }
    }
    Some(all)
}

fn plan_run(
    batch: Batch,
    keys: &Keys,
    target: &Target,
    pk_name: &str,
    opts: &Options,
    report: &mut Report,
) -> Option<Writes> {
    let mut writes: Writes = Vec::with_capacity(batch.len());
    let mut rotated_here = 0u64;
    for (mut pk, vals) in batch {
        let n = vals.len();
        for (i, v) in vals.into_iter().enumerate() {
            // The row's last column takes its key rather than a copy (one
            // allocation less per row; the key goes back to the thread
            // that read it, which frees it).
            let key = |pk: &mut Key| {
                if i + 1 == n {
                    std::mem::take(pk)
                } else {
                    pk.clone()
                }
            };
            let (outcome, fields) =
                rotate_cell_counted(keys, target, i, &pk, &v, opts.encrypt_plaintext);
            if let Some(t) = &fields {
                report.add_fields(t);
                rotated_here += t.rotated;
                if t.unrecognized > 0 {
                    report.note_unrecognized(&pk, &target.columns[i]);
                }
            }
            match outcome {
                Outcome::Null | Outcome::Current | Outcome::Plain(None) if fields.is_some() => {}
                Outcome::Plain(Some(new)) | Outcome::Rotated(new) if fields.is_some() => {
                    writes.push((i, key(&mut pk), v, new));
                }
                Outcome::Null => report.null += 1,
                Outcome::Current => report.current += 1,
                Outcome::Unrecognized => {
                    report.unrecognized += 1;
                    report.note_unrecognized(&pk, &target.columns[i]);
                }
                Outcome::Plain(None) => report.plaintext += 1,
                Outcome::Plain(Some(new)) => {
                    report.encrypted_plaintext += 1;
                    writes.push((i, key(&mut pk), v, new));
                }
                Outcome::Rotated(new) => {
                    report.rotated += 1;
                    rotated_here += 1;
                    writes.push((i, key(&mut pk), v, new));
                }
                Outcome::Undecryptable(reason) => {
                    report.undecryptable += 1;
                    if !opts.skip_errors {
                        report.aborted = true;
                        report.abort_reason = Some(format!(
                            "{pk_name} {} ({}): {reason}",
                            key_text(&pk),
                            target.columns[i]
                        ));
                        report.rotated = report.rotated.saturating_sub(rotated_here);
                        return None;
                    }
                    if report.skipped_keys.len() < 1000 {
                        report.skipped_keys.push(format!(
                            "{} ({})",
                            key_text(&pk),
                            target.columns[i]
                        ));
                    }
                }
            }
        }
    }
    Some(writes)
}

/// Sleeps as needed to keep `rows` rows since `start` under `limit` rows/s.
pub(crate) fn throttle(start: Instant, rows: u64, limit: Option<f64>) {
    if let Some(limit) = limit {
        let due = Duration::from_secs_f64(rows as f64 / limit);
        let elapsed = start.elapsed();
        if due > elapsed {
            std::thread::sleep(due - elapsed);
        }
    }
}

/// A table as the rotation core writes it: SQLite ([`SqliteWriter`]) or
/// PostgreSQL ([`pg::PgTable`]). The core ([`run`]) reads batches in key
/// order, plans them on a second thread, and writes each planned batch in
/// one transaction: [`Storage::write`] compares every old value and
/// answers which writes did not match; those rows are re-read (under a row
/// lock where the engine has one), rotated again from their current value
/// and rewritten, all before [`Storage::commit`].
///
/// `write` takes the whole batch so an engine can send it as one
/// statement (PostgreSQL: `UPDATE ... FROM unnest(...)`), and the trait
/// holds no position of its own, so several writers could work on
/// disjoint key ranges.
pub trait Storage: Rows {
    /// Begins a batch's transaction (holding the write lock on SQLite).
    /// `false`: this writer no longer holds its span of the table (a
    /// cooperating worker whose lease was taken over): nothing is begun,
    /// and the run stops writing.
    fn begin(&mut self) -> Result<bool>;
    /// Writes each planned value where the cell still holds the old one
    /// (compare-and-swap); returns the indexes (into `writes`) of the
    /// writes whose row did not match: changed since it was read, or gone.
    fn write(&mut self, writes: &Writes) -> Result<Vec<usize>>;
    /// The current value of one cell (`None`: the row is gone), locked
    /// until the commit where the engine can.
    fn reread(&mut self, col: usize, key: &[Value]) -> Result<Option<Value>>;
    /// Writes one redone cell, comparing against the value just re-read.
    fn rewrite(&mut self, col: usize, key: &[Value], old: &Value, new: &Value) -> Result<()>;
    /// Commits the batch.
    fn commit(&mut self) -> Result<()>;
    /// Rolls the batch back.
    fn rollback(&mut self) -> Result<()>;
    /// Takes back an old value once its batch is written (SQLite reuses
    /// the buffers for the next read).
    fn recycle(&mut self, _old: Value) {}
    /// Whether every batch, even one with nothing to write, is a
    /// transaction that records its progress ([`Storage::checkpoint`]).
    fn tracks_progress(&self) -> bool {
        false
    }
    /// Records, inside the batch's transaction, that the rows up to `last`
    /// are done: `rows` read, `rotated` values written (a cooperating
    /// worker's progress on its span).
    fn checkpoint(&mut self, _last: &[Value], _rows: u64, _rotated: u64) -> Result<()> {
        Ok(())
    }
    /// Whether the connection was lost (PostgreSQL): the run then connects
    /// again ([`Storage::reconnect`]) and resumes after its last commit.
    fn connection_lost(&mut self) -> bool {
        false
    }
    /// Connects again, with everything the run had prepared.
    fn reconnect(&mut self) -> Result<()> {
        Err(Error::internal("this table cannot connect again"))
    }
}

/// A batch's place and counts, recorded with its writes.
pub(crate) struct Done<'a> {
    last: &'a [Value],
    rows: u64,
    rotated: u64,
}

/// What the writes did.
#[derive(Default)]
struct Written {
    batches: u64,
    conflicts: u64,
    undecryptable: u64,
    skipped: Vec<String>,
    abort: Option<String>,
    /// The storage no longer holds its span: nothing more was written.
    lost: bool,
}

/// Applies one planned batch in one transaction, comparing the old value in
/// every write; a row changed meanwhile is re-read and redone under the
/// lock. Returns `false` when an undecryptable re-read value stops the run
/// (abort mode): the batch is rolled back, nothing of it is applied.
fn write_batch<S: Storage + ?Sized>(
    store: &mut S,
    writes: &Writes,
    done: &Done<'_>,
    keys: &Keys,
    opts: &Options,
    w: &mut Written,
) -> Result<bool> {
    if !store.begin()? {
        w.lost = true;
        return Ok(false);
    }
    match redo_and_commit(store, writes, done, keys, opts, w) {
        Ok(done) => Ok(done),
        Err(e) => {
            // The error is what the run reports; the rollback is best effort.
            let _ = store.rollback();
            Err(e)
        }
    }
}

fn redo_and_commit<S: Storage + ?Sized>(
    store: &mut S,
    writes: &Writes,
    done: &Done<'_>,
    keys: &Keys,
    opts: &Options,
    w: &mut Written,
) -> Result<bool> {
    let missed = store.write(writes)?;
    for i in missed {
        let (col, pk, _, _) = &writes[i];
        w.conflicts += 1;
        let Some(current) = store.reread(*col, pk)? else {
            continue;
        };
        let target = store.target();
        match rotate_cell(keys, target, *col, pk, &current, opts.encrypt_plaintext) {
            Outcome::Rotated(redo) | Outcome::Plain(Some(redo)) => {
                store.rewrite(*col, pk, &current, &redo)?;
            }
            Outcome::Undecryptable(reason) => {
                w.undecryptable += 1;
                let at = format!("{} ({})", key_text(pk), target.columns[*col]);
                if !opts.skip_errors {
                    // Roll this batch back: nothing is half-applied.
                    w.abort = Some(format!("{} {at}: {reason}", store.pk_name()));
                    store.rollback()?;
                    return Ok(false);
                }
                w.skipped.push(at);
            }
            _ => {}
        }
    }
    store.checkpoint(done.last, done.rows, done.rotated)?;
    store.commit()?;
    w.batches += 1;
    Ok(true)
}

/// A batch read: each row's key and rotated values.
pub type Batch = Vec<(Key, Vec<Value>)>;

/// Runs the rotation (or, with `dry_run`, counts what it would do), on
/// either engine.
///
/// One connection reads and writes (on SQLite every page is then read
/// once and stays in its cache from the SELECT to the UPDATE); the crypto
/// runs on a second thread: while it re-encrypts batch N+1, this thread
/// writes batch N and reads batch N+2.
pub fn run<S: Storage + ?Sized>(
    table: &mut S,
    keys: &Keys,
    opts: &Options,
    progress: &dyn Progress,
) -> Result<Report> {
    run_from(table, keys, opts, progress, before_all())
}

/// The waits before each attempt to connect again after a connection was
/// lost (a restart, a failover, a network blip, a session the server
/// ended); then the run fails (exit 4), its commits kept.
const RECONNECT_BACKOFF_MS: [u64; 6] = [250, 500, 1000, 2000, 4000, 8000];

/// Retries `f` after each wait of [`RECONNECT_BACKOFF_MS`] while it fails
/// for the environment's reasons (a connection refused or lost): the last
/// such error when every attempt failed, at once any other.
pub(crate) fn with_backoff<T>(mut f: impl FnMut() -> Result<T>) -> Result<T> {
    let mut last = None;
    for ms in RECONNECT_BACKOFF_MS {
        std::thread::sleep(Duration::from_millis(ms));
        match f() {
            Ok(t) => return Ok(t),
            Err(e) if e.kind() == ErrorKind::Environment => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| Error::internal("no attempt to connect again was made")))
}

/// [`run`] over the rows after the key `from` (empty: from the start), up
/// to the end of what `table` reads. A connection lost mid-run
/// ([`Storage::connection_lost`]) is made again, with backoff, and the run
/// resumes after its last commit; a server that refuses it ends the run
/// with exit 4, naming the server and the reason.
pub fn run_from<S: Storage + ?Sized>(
    table: &mut S,
    keys: &Keys,
    opts: &Options,
    progress: &dyn Progress,
    from: Key,
) -> Result<Report> {
    let start = Instant::now();
    let mut total = Report {
        dry_run: opts.dry_run,
        ..Report::default()
    };
    // Connections lost one after another with no commit between them.
    let (mut from, mut stalls) = (from, 0usize);
    loop {
        let (span, resume, err) = run_span(table, keys, opts, progress, from.clone());
        total.merge(span);
        let Some(lost) = err else { break };
        if lost.kind() != ErrorKind::Environment || !table.connection_lost() {
            return Err(lost);
        }
        match resume {
            Some(key) => (from, stalls) = (key, 0),
            None => stalls += 1,
        }
        let refused = if stalls > RECONNECT_BACKOFF_MS.len() {
            Some(Error::environment(
                "the connection is lost again at once after each new one",
            ))
        } else {
            with_backoff(|| table.reconnect()).err()
        };
        if let Some(e) = refused {
            return Err(Error::environment(format!(
                "{} (connecting again after the connection was lost mid-run: {}); everything committed so far is kept",
                e.message(),
                lost.message()
            ))
            .with_hint("rerun once the server accepts the connection: values already rotated are skipped"));
        }
    }
    total.seconds = start.elapsed().as_secs_f64();
    Ok(total)
}

/// One stretch of [`run_from`] on one connection: its counts, the last key
/// it committed (`None`: none), and the error that ended it early.
fn run_span<S: Storage + ?Sized>(
    table: &mut S,
    keys: &Keys,
    opts: &Options,
    progress: &dyn Progress,
    from: Key,
) -> (Report, Option<Key>, Option<Error>) {
    let start = Instant::now();
    let mut report = Report {
        dry_run: opts.dry_run,
        ..Report::default()
    };
    let target = table.target().clone();
    let pk_name = table.pk_name().to_string();
    let mut w = Written::default();
    let mut resume: Option<Key> = None;
    let outcome = std::thread::scope(|s| -> Result<()> {
        let (batch_tx, batch_rx) = std::sync::mpsc::sync_channel::<Batch>(1);
        // Each batch's writes travel with its counts, which count once the
        // batch is written: the crypto thread plans ahead, and a batch
        // planned but never written (a run stopped by an error) is not
        // reported as rotated.
        let (plan_tx, plan_rx) = std::sync::mpsc::sync_channel::<(u64, Option<Writes>, Report)>(1);
        // Written batches go back to the crypto thread, which allocated
        // their new values, to be freed there: glibc's malloc frees a
        // buffer from another thread's arena under that arena's lock, and
        // that traffic cost a tenth of a rotation's CPU.
        let (done_tx, done_rx) = std::sync::mpsc::channel::<Writes>();
        let (target, pk_name) = (&target, pk_name.as_str());
        let crypto = s.spawn(move || {
            for batch in batch_rx {
                done_rx.try_iter().for_each(drop);
                let rows = batch.len() as u64;
                let mut counts = Report::default();
                let writes = plan_batch(batch, keys, target, pk_name, opts, &mut counts);
                let stop = writes.is_none();
                if plan_tx.send((rows, writes, counts)).is_err() || stop {
                    break;
                }
            }
        });
        let db_result = (|| -> Result<()> {
            let mut after = from;
            // The last key of each batch in flight, in order.
            let mut lasts = std::collections::VecDeque::<Key>::new();
            let (mut in_flight, mut reading) = (0usize, true);
            loop {
                // Keep two batches ahead of the writes: one being planned,
                // one waiting.
                if reading && in_flight < 2 {
                    let batch = table.next_batch(&after, opts.batch)?;
                    match batch.last() {
                        None => reading = false,
                        Some(last) => {
                            after = last.0.clone();
                            if batch_tx.send(batch).is_err() {
                                // The crypto thread stopped: an abort.
                                reading = false;
                            } else {
                                lasts.push_back(after.clone());
                                in_flight += 1;
                            }
                            continue;
                        }
                    }
                }
                if in_flight == 0 {
                    return Ok(());
                }
                let Ok((rows, writes, counts)) = plan_rx.recv() else {
                    return Ok(());
                };
                in_flight -= 1;
                let last = lasts.pop_front().unwrap_or_default();
                let Some(mut writes) = writes else {
                    // Stopped at an undecryptable value: nothing of this
                    // batch is written; its reason and count are reported.
                    report.absorb_stopped(counts);
                    return Ok(());
                };
                let done = Done {
                    last: &last,
                    rows,
                    rotated: counts.rotated + counts.encrypted_plaintext,
                };
                if !opts.dry_run
                    && (!writes.is_empty() || table.tracks_progress())
                    && !write_batch(table, &writes, &done, keys, opts, &mut w)?
                {
                    return Ok(());
                }
                // The old values and keys were read here: freed here; the
                // new values go back to the crypto thread.
                for write in &mut writes {
                    table.recycle(std::mem::replace(&mut write.2, Value::Null));
                    drop(std::mem::take(&mut write.1));
                }
                let _ = done_tx.send(writes);
                report.absorb(Report { rows, ..counts });
                resume = Some(last);
                progress.advance(rows);
                throttle(start, report.rows, opts.throttle);
            }
        })();
        drop(batch_tx);
        drop(plan_rx);
        crypto
            .join()
            .map_err(|_| Error::internal("the rotation crypto thread panicked"))?;
        db_result
    });
    report.undecryptable += w.undecryptable;
    report.skipped_keys.extend(w.skipped);
    report.batches = w.batches;
    report.conflicts = w.conflicts;
    // Skipped values the writes found undecryptable on re-reading were
    // counted as rotated when their (written) batch was planned.
    if opts.skip_errors {
        report.rotated = report.rotated.saturating_sub(w.undecryptable);
    }
    if let Some(reason) = w.abort {
        report.aborted = true;
        report.abort_reason.get_or_insert(reason);
    }
    report.lease_lost = w.lost;
    report.seconds = start.elapsed().as_secs_f64();
    (report, resume, outcome.err())
}

impl Report {
    /// Adds one JSON cell's field counts.
    fn add_fields(&mut self, t: &FieldTally) {
        self.null += t.null;
        self.current += t.current;
        self.plaintext += t.plaintext;
        self.encrypted_plaintext += t.encrypted_plaintext;
        self.rotated += t.rotated;
        self.unrecognized += t.unrecognized;
    }

    /// Lists an unrecognized value's row (the first few only).
    fn note_unrecognized(&mut self, pk: &[Value], column: &str) {
        if self.unrecognized_keys.len() < MAX_UNRECOGNIZED_LISTED {
            self.unrecognized_keys
                .push(format!("{} ({column})", key_text(pk)));
        }
    }

    /// Adds what counts of a batch stopped at an undecryptable value (abort
    /// mode): nothing of it is written, so only the failure, its reason and
    /// its undecryptable count are reported, not its rows or values.
    pub(crate) fn absorb_stopped(&mut self, b: Report) {
        self.absorb(Report {
            rows: 0,
            rotated: 0,
            current: 0,
            null: 0,
            plaintext: 0,
            encrypted_plaintext: 0,
            ..b
        });
    }

    /// Adds the counts of another stretch of the same run (after a
    /// reconnection, or another range of a cooperating worker).
    pub(crate) fn merge(&mut self, b: Report) {
        self.conflicts += b.conflicts;
        self.batches += b.batches;
        self.lease_lost |= b.lease_lost;
        self.absorb(b);
    }

    /// Adds a batch's counts once the batch is written (or, in a dry run,
    /// planned): a batch planned ahead but never written is not counted.
    pub(crate) fn absorb(&mut self, b: Report) {
        self.rows += b.rows;
        self.rotated += b.rotated;
        self.current += b.current;
        self.null += b.null;
        self.plaintext += b.plaintext;
        self.encrypted_plaintext += b.encrypted_plaintext;
        self.undecryptable += b.undecryptable;
        self.unrecognized += b.unrecognized;
        let room = MAX_UNRECOGNIZED_LISTED.saturating_sub(self.unrecognized_keys.len());
        self.unrecognized_keys
            .extend(b.unrecognized_keys.into_iter().take(room));
        let room = 1000usize.saturating_sub(self.skipped_keys.len());
        self.skipped_keys
            .extend(b.skipped_keys.into_iter().take(room));
        if b.aborted {
            self.aborted = true;
            if self.abort_reason.is_none() {
                self.abort_reason = b.abort_reason;
            }
        }
    }
}

/// How many unrecognized values' rows a report lists.
pub const MAX_UNRECOGNIZED_LISTED: usize = 5;

/// Counts per key version and format, for `rotate status`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Status {
    /// Rows read.
    pub rows: u64,
    /// Values per holder (`envelope, key 3`, `fernet, a key without id`).
    pub by_key: std::collections::BTreeMap<codec::Holder, u64>,
    /// NULL values.
    pub null: u64,
    /// Plaintext values.
    pub plaintext: u64,
    /// Values no key given decrypts.
    pub undecryptable: u64,
    /// The first undecryptable primary keys.
    pub undecryptable_keys: Vec<String>,
    /// Values that look encrypted in no format given.
    pub unrecognized: u64,
    /// The keys of the first unrecognized values (at most 5; never values).
    pub unrecognized_keys: Vec<String>,
}

/// Classifies every value (`status`), or decrypts every value and stops
/// listing failures after `max_listed` (`verify`).
pub fn survey(table: &mut dyn Rows, keys: &Keys, max_listed: usize) -> Result<Status> {
    let mut st = Status::default();
    let mut after = before_all();
    let target = table.target().clone();
    let threads = crypto_threads(keys, None);
    loop {
        let batch = table.next_batch(&after, 1000)?;
        let Some(last) = batch.last() else { break };
        after = last.0.clone();
        for part in on_threads(batch, threads, |run| {
            let mut st = Status::default();
            survey_rows(&mut st, &run, keys, &target, max_listed);
            st
        }) {
            st.absorb(part, max_listed);
        }
    }
    Ok(st)
}

impl Status {
    /// Adds the counts of the rows after this survey's.
    fn absorb(&mut self, b: Status, max_listed: usize) {
        self.rows += b.rows;
        self.null += b.null;
        self.plaintext += b.plaintext;
        self.undecryptable += b.undecryptable;
        self.unrecognized += b.unrecognized;
        for (k, n) in b.by_key {
            *self.by_key.entry(k).or_default() += n;
        }
        let room = max_listed.saturating_sub(self.undecryptable_keys.len());
        self.undecryptable_keys
            .extend(b.undecryptable_keys.into_iter().take(room));
        let room = MAX_UNRECOGNIZED_LISTED.saturating_sub(self.unrecognized_keys.len());
        self.unrecognized_keys
            .extend(b.unrecognized_keys.into_iter().take(room));
    }
}

fn survey_rows(st: &mut Status, batch: &Batch, keys: &Keys, target: &Target, max_listed: usize) {
    {
        for (pk, vals) in batch {
            st.rows += 1;
            for (i, v) in vals.iter().enumerate() {
                for (label, value) in cells(target, i, v) {
                    let ctx = row_context(target, &label, pk);
                    let class = match value {
                        Some(value) => keys.classify(&value, ctx.as_deref()),
                        None => {
                            // A JSON column that does not parse.
                            st.undecryptable += 1;
                            if st.undecryptable_keys.len() < max_listed {
                                st.undecryptable_keys
                                    .push(format!("{} ({label}: not JSON)", key_text(pk)));
                            }
                            continue;
                        }
                    };
                    match class {
                        Class::Null => st.null += 1,
                        Class::Plain => st.plaintext += 1,
                        Class::Held(holder) => *st.by_key.entry(holder).or_default() += 1,
                        Class::Unrecognized => {
                            st.unrecognized += 1;
                            if st.unrecognized_keys.len() < MAX_UNRECOGNIZED_LISTED {
                                st.unrecognized_keys
                                    .push(format!("{} ({label})", key_text(pk)));
                            }
                        }
                        Class::Undecryptable => {
                            st.undecryptable += 1;
                            if st.undecryptable_keys.len() < max_listed {
                                st.undecryptable_keys
                                    .push(format!("{} ({label})", key_text(pk)));
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The encrypted values in one cell, with their labels (`column` or
/// `column.field`): the whole value, or each named JSON field that is
/// present (`None` when the JSON column does not parse).
fn cells(target: &Target, col: usize, v: &Value) -> Vec<(String, Option<Value>)> {
    let name = &target.columns[col];
    let paths = &target.json_fields[col];
    if paths.is_empty() {
        return vec![(name.clone(), Some(v.clone()))];
    }
    let text = match v {
        Value::Null => return vec![(name.clone(), Some(Value::Null))],
        Value::Text(t) => t.clone(),
        Value::Blob(b) => match String::from_utf8(b.clone()) {
            Ok(t) => t,
            Err(_) => return vec![(name.clone(), None)],
        },
        other => return vec![(name.clone(), Some(other.clone()))],
    };
    let Ok(doc) = serde_json::from_str::<serde_json::Value>(&text) else {
        return vec![(name.clone(), None)];
    };
    paths
        .iter()
        .filter_map(|path| {
            let value = match doc.pointer(&json_pointer(path))? {
                serde_json::Value::String(s) => Value::Text(s.clone()),
                serde_json::Value::Null => Value::Null,
                other => Value::Text(other.to_string()),
            };
            Some((format!("{name}.{}", path.join(".")), Some(value)))
        })
        .collect()
}
