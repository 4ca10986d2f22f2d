//! Cooperating workers on PostgreSQL: several threads of one process and
//! any number of processes on other hosts, started against the same table
//! with the same flags, share one rotation through PostgreSQL itself.
//!
//! The first worker to arrive splits the table into ranges of keys and
//! records them in `keyward.rotation_range` (the schema `keyward` is
//! keyward's own; `keyward.rotation` holds one row per rotation). A worker
//! claims a range that is free or whose lease expired with `SELECT ... FOR
//! UPDATE SKIP LOCKED`, which makes the claim larger (its `epoch`). Every
//! batch's transaction first renews the lease on the range's row (a fence:
//! it finds the claim gone when another worker took the range over, and
//! then writes nothing) and records, before its commit, the last key done:
//! a range taken over resumes where the last commit left it. A heartbeat
//! on the ledger's connection renews the lease while a slow batch works;
//! the write connection's `idle_in_transaction_session_timeout` has the
//! server end the transaction of a worker that was stopped, so its locks
//! do not keep the range from the worker that takes it over. The row-level
//! compare-and-swap of every write still holds underneath.
//!
//! A rotated range is then claimed again, by any worker, to verify it: read
//! again, counting what is not under the target key. When every range is
//! verified, one worker (elected on the rotation's row) sums the counts;
//! the rotation's rows are then removed (kept with `--keep-progress`), and
//! the schema with them when no other rotation uses it.

use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use postgres::Client;
use rusqlite::types::Value;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::pg::{Hold, PgTable, redact};
use super::{Key, Rows, Target};
use crate::error::{Error, Result};

/// The schema keyward creates for its leases.
pub const SCHEMA: &str = "keyward";

/// Creates the schema and tables (under the setup lock).
const CREATE: &str = "
CREATE SCHEMA IF NOT EXISTS keyward;
CREATE TABLE IF NOT EXISTS keyward.rotation (
    id text PRIMARY KEY,
    table_name text NOT NULL,
    columns text NOT NULL,
    target text NOT NULL,
    created timestamptz NOT NULL DEFAULT clock_timestamp(),
    state text NOT NULL DEFAULT 'running',
    finisher text,
    lease_until timestamptz,
    verification jsonb,
    finished timestamptz
);
CREATE TABLE IF NOT EXISTS keyward.rotation_range (
    rotation text NOT NULL REFERENCES keyward.rotation(id) ON DELETE CASCADE,
    n int NOT NULL,
    lo jsonb,
    hi jsonb,
    next jsonb,
    owner text,
    epoch bigint NOT NULL DEFAULT 0,
    lease_until timestamptz,
    done boolean NOT NULL DEFAULT false,
    rows bigint NOT NULL DEFAULT 0,
    rotated bigint NOT NULL DEFAULT 0,
    takeovers int NOT NULL DEFAULT 0,
    updated timestamptz,
    verified boolean NOT NULL DEFAULT false,
    v_rows bigint NOT NULL DEFAULT 0,
    v_current bigint NOT NULL DEFAULT 0,
    v_remaining bigint NOT NULL DEFAULT 0,
    v_undecryptable bigint NOT NULL DEFAULT 0,
    v_unrecognized bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (rotation, n)
);
-- Tables an earlier keyward created (kept with --keep-progress) gain the
-- columns added since.
ALTER TABLE keyward.rotation_range
    ADD COLUMN IF NOT EXISTS verified boolean NOT NULL DEFAULT false,
    ADD COLUMN IF NOT EXISTS v_rows bigint NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS v_current bigint NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS v_remaining bigint NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS v_undecryptable bigint NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS v_unrecognized bigint NOT NULL DEFAULT 0;";

/// Serializes setup and removal across workers and rotations.
const SETUP_LOCK: &str = "SELECT pg_advisory_xact_lock(hashtext('keyward.rotation'))";

/// `$1` rotation, `$2` range, `$3` owner, `$4` epoch, `$5` lease seconds:
/// one row when the claim still holds.
pub(crate) const RENEW: &str = "UPDATE keyward.rotation_range SET lease_until = clock_timestamp() + make_interval(secs => $5) \
     WHERE rotation = $1 AND n = $2 AND owner = $3 AND epoch = $4";

/// `$1` rotation, `$2` range, `$3` last key done (JSON), `$4` rows, `$5`
/// values written.
pub(crate) const RECORD: &str = "UPDATE keyward.rotation_range SET next = $3::text::jsonb, rows = rows + $4, \
     rotated = rotated + $5, updated = clock_timestamp() WHERE rotation = $1 AND n = $2";

/// A key as JSON: `[42]`, `["acme", 7]`.
pub(crate) fn key_json(key: &[Value]) -> String {
    let vals: Vec<serde_json::Value> = key
        .iter()
        .map(|v| match v {
            Value::Integer(i) => serde_json::Value::from(*i),
            other => serde_json::Value::from(super::pk_text(other)),
        })
        .collect();
    serde_json::Value::Array(vals).to_string()
}

/// A key back from its JSON.
fn json_key(text: Option<String>) -> Result<Option<Key>> {
    let Some(text) = text else { return Ok(None) };
    let bad = || {
        Error::bad_input(format!(
            "keyward.rotation_range holds a key that is not a JSON array: {text}"
        ))
    };
    let serde_json::Value::Array(vals) = serde_json::from_str(&text).map_err(|_| bad())? else {
        return Err(bad());
    };
    vals.into_iter()
        .map(|v| match v {
            serde_json::Value::Number(n) => n.as_i64().map(Value::Integer).ok_or_else(bad),
            serde_json::Value::String(s) => Ok(Value::Text(s)),
            _ => Err(bad()),
        })
        .collect::<Result<Key>>()
        .map(Some)
}

/// The id every worker started against the same table with the same flags
/// computes: the table, columns, fields, condition, format and target key
/// (by its description, which names a fingerprint, never the key).
pub fn rotation_id(target: &Target, table_sql: &str, to: &str, target_key: &str) -> String {
    let mut h = Sha256::new();
    for part in [
        table_sql.to_string(),
        target.columns.join(","),
        format!("{:?}", target.json_fields),
        target.filter.clone().unwrap_or_default(),
        target.context_from_row.to_string(),
        to.to_string(),
        target_key.to_string(),
    ] {
        h.update((part.len() as u64).to_be_bytes());
        h.update(part.as_bytes());
    }
    hex::encode(&h.finalize()[..12])
}

/// A claimed range.
#[derive(Debug, Clone)]
pub struct Claim {
    /// The hold a batch renews.
    pub hold: Hold,
    /// Resume after this key (empty: from the start).
    pub after: Key,
    /// Up to this key (`None`: to the end).
    pub upto: Option<Key>,
    /// The worker whose expired lease this claim took over.
    pub took_over: Option<String>,
    /// The range is rotated: this claim verifies it (reads it again,
    /// counting what is not under the target key).
    pub verify: bool,
}

/// What a worker does next.
pub enum Next {
    /// Work on this range.
    Claim(Claim),
    /// Every range left is held by a live worker: ask again after this.
    Wait(Duration),
    /// Every range is rotated and verified.
    AllDone,
}

/// A worker's connection to the rotation's ledger.
pub struct Ledger {
    /// Shared with the worker's [`Heartbeat`], which renews the lease on it
    /// while the worker's span runs (one connection less per worker).
    client: Arc<Mutex<Client>>,
    url: String,
    /// The rotation's id.
    pub id: String,
    owner: String,
    lease: Duration,
}

fn err(url: &str, e: postgres::Error) -> Error {
    crate::pgtls::error(&redact(url), e)
}

fn missing_table(e: &postgres::Error) -> bool {
    e.code() == Some(&postgres::error::SqlState::UNDEFINED_TABLE)
}

/// How the first worker splits the table.
#[derive(Debug, Clone, Copy)]
pub struct Split {
    /// Rows per range (`None`: from the table's size and the batch).
    pub range_rows: Option<u64>,
    /// Rows per batch.
    pub batch: u64,
}

impl Split {
    /// Ranges of at least 8 batches, and at most about 256 of them.
    fn rows_per_range(&self, rows: u64) -> u64 {
        self.range_rows
            .unwrap_or_else(|| (self.batch * 8).max(rows.div_ceil(256)))
            .max(1)
    }
}

impl Ledger {
    /// Joins the rotation `id` on `table`'s database as `owner`: creates
    /// keyward's schema and the rotation's ranges when this worker is the
    /// first (a finished rotation kept with `--keep-progress` is started
    /// anew).
    pub fn join(
        table: &mut PgTable,
        id: &str,
        owner: &str,
        lease: Duration,
        target_desc: &str,
        split: Split,
    ) -> Result<Ledger> {
        let url = table.url().to_string();
        let mut client = crate::pgtls::connect(&url, &redact(&url))?;
        let e = |e| err(&url, e);
        let mut tx = client.transaction().map_err(e)?;
        tx.batch_execute(SETUP_LOCK).map_err(e)?;
        // Created once; a role that may not create in the database can
        // still work in tables another role made (and granted it).
        let ready: bool = tx
            .query_one(
                "SELECT count(*) = 7 FROM information_schema.columns WHERE table_schema = 'keyward'
                 AND table_name = 'rotation_range' AND column_name IN
                 ('verified', 'v_rows', 'v_current', 'v_remaining', 'v_undecryptable', 'v_unrecognized', 'takeovers')",
                &[],
            )
            .map_err(e)?
            .get(0);
        let create = if ready { "SELECT 1" } else { CREATE };
        tx.batch_execute(create).map_err(|x| {
            Error::bad_input(format!(
                "cannot create keyward's lease tables in schema {SCHEMA} at {}: {}",
                redact(&url),
                x.as_db_error().map(|d| d.message().to_string()).unwrap_or_else(|| x.to_string())
            ))
            .with_hint("cooperating workers need a role that may CREATE in the database (once: the schema keyward and its tables), or leave out --workers")
        })?;
        tx.execute(
            "SELECT set_config('application_name', $1, false)",
            &[&format!("keyward rotate {owner} ledger")],
        )
        .map_err(e)?;
        let state: Option<String> = tx
            .query_opt("SELECT state FROM keyward.rotation WHERE id = $1", &[&id])
            .map_err(e)?
            .map(|r| r.get(0));
        if matches!(state.as_deref(), Some("finished" | "failed")) {
            tx.execute("DELETE FROM keyward.rotation WHERE id = $1", &[&id])
                .map_err(e)?;
        }
        if !matches!(state.as_deref(), Some("running" | "verifying")) {
            let target = table.target().clone();
            let rows = table.count()?;
            let bounds = table.boundaries(split.rows_per_range(rows))?;
            tx.execute(
                "INSERT INTO keyward.rotation (id, table_name, columns, target) VALUES ($1, $2, $3, $4)",
                &[&id, &table.table_sql(), &target.columns.join(","), &target_desc],
            )
            .map_err(e)?;
            let mut lo: Option<String> = None;
            for n in 0..=bounds.len() {
                let hi = bounds.get(n).map(|k| key_json(k));
                let n = i32::try_from(n).map_err(|_| Error::internal("over 2^31 ranges"))?;
                tx.execute(
                    "INSERT INTO keyward.rotation_range (rotation, n, lo, hi, next) \
                     VALUES ($1, $2, $3::text::jsonb, $4::text::jsonb, $3::text::jsonb)",
                    &[&id, &n, &lo, &hi],
                )
                .map_err(e)?;
                lo = hi;
            }
        }
        tx.commit().map_err(e)?;
        Ok(Ledger {
            client: Arc::new(Mutex::new(client)),
            url,
            id: id.to_string(),
            owner: owner.to_string(),
            lease,
        })
    }

    fn err(&self, e: postgres::Error) -> Error {
        err(&self.url, e)
    }

    /// The connection (a heartbeat that panicked leaves it usable).
    fn lock(&self) -> std::sync::MutexGuard<'_, Client> {
        self.client.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Renews this worker's claims on the ledger's connection.
    pub fn heartbeat(&self) -> Result<Heartbeat> {
        Heartbeat::start(self.client.clone(), self.lease)
    }

    /// Whether the connection is gone.
    pub fn is_closed(&self) -> bool {
        // A session the server ended is not always seen as closed at
        // once: ask the server.
        let mut c = self.lock();
        c.is_closed() || c.is_valid(Duration::from_secs(5)).is_err()
    }

    /// Connects again (after the connection was lost).
    pub fn reconnect(&mut self) -> Result<()> {
        *self.lock() = crate::pgtls::connect(&self.url, &redact(&self.url))?;
        Ok(())
    }

    /// Claims a range to rotate that is free or whose lease expired; when
    /// none is left, a rotated range to verify (the two phases overlap: a
    /// range is verified by any worker once it is rotated, so the
    /// verification is spread over the workers too).
    pub fn claim_next(&mut self) -> Result<Next> {
        let secs = self.lease.as_secs_f64();
        let claimed = self.lock().query_opt(
            "WITH pick AS (
                SELECT n, CASE WHEN lease_until IS NOT NULL THEN owner END AS was
                FROM keyward.rotation_range
                WHERE rotation = $1 AND NOT verified
                  AND (owner IS NULL OR lease_until IS NULL OR lease_until < clock_timestamp())
                ORDER BY done, n LIMIT 1 FOR UPDATE SKIP LOCKED)
             UPDATE keyward.rotation_range r SET owner = $2, epoch = r.epoch + 1,
                lease_until = clock_timestamp() + make_interval(secs => $3),
                takeovers = r.takeovers + (pick.was IS NOT NULL)::int, updated = clock_timestamp()
             FROM pick WHERE r.rotation = $1 AND r.n = pick.n
             RETURNING r.n, r.epoch, r.next::text, r.hi::text, pick.was, r.done, r.lo::text",
            &[&self.id, &self.owner, &secs],
        );
        let claimed = match claimed {
            Ok(row) => row,
            Err(e) if missing_table(&e) => return Ok(Next::AllDone),
            Err(e) => return Err(self.err(e)),
        };
        if let Some(row) = claimed {
            let verify: bool = row.get(5);
            let from = if verify { row.get(6) } else { row.get(2) };
            return Ok(Next::Claim(Claim {
                hold: Hold {
                    rotation: self.id.clone(),
                    range: row.get(0),
                    owner: self.owner.clone(),
                    epoch: row.get(1),
                    lease_secs: secs,
                },
                after: json_key(from)?.unwrap_or_default(),
                upto: json_key(row.get(3))?,
                took_over: row.get(4),
                verify,
            }));
        }
        let left = self.lock().query_one(
            "SELECT count(*) FILTER (WHERE NOT verified),
                    extract(epoch FROM min(lease_until) FILTER (WHERE NOT verified) - clock_timestamp())::float8
             FROM keyward.rotation_range WHERE rotation = $1",
            &[&self.id],
        );
        let left = match left {
            Ok(row) => row,
            Err(e) if missing_table(&e) => return Ok(Next::AllDone),
            Err(e) => return Err(self.err(e)),
        };
        let (open, expires): (i64, Option<f64>) = (left.get(0), left.get(1));
        if open == 0 {
            return Ok(Next::AllDone);
        }
        // A range held by a live worker frees up when it is rotated (to be
        // verified) or its lease expires: ask again soon.
        let wait = expires.unwrap_or(0.0).clamp(0.05, 0.25);
        Ok(Next::Wait(Duration::from_secs_f64(wait)))
    }

    /// Marks a claimed range done: `false` when the claim was taken over.
    pub fn done(&mut self, c: &Claim) -> Result<bool> {
        let h = &c.hold;
        match self.lock().execute(
            "UPDATE keyward.rotation_range SET done = true, lease_until = NULL, next = hi, \
             updated = clock_timestamp() WHERE rotation = $1 AND n = $2 AND owner = $3 AND epoch = $4",
            &[&h.rotation, &h.range, &h.owner, &h.epoch],
        ) {
            Ok(n) => Ok(n == 1),
            Err(e) if missing_table(&e) => Ok(false),
            Err(e) => Err(self.err(e)),
        }
    }

    /// Records a claimed range's verification: `false` when the claim was
    /// taken over.
    pub fn verified(&mut self, c: &Claim, r: &super::Report) -> Result<bool> {
        let h = &c.hold;
        let n = |v: u64| i64::try_from(v).unwrap_or(i64::MAX);
        let (rows, current, remaining, undecryptable, unrecognized) = (
            n(r.rows),
            n(r.current),
            n(r.rotated + r.encrypted_plaintext),
            n(r.undecryptable),
            n(r.unrecognized),
        );
        match self.lock().execute(
            "UPDATE keyward.rotation_range SET verified = true, lease_until = NULL, updated = clock_timestamp(),
                v_rows = $5, v_current = $6, v_remaining = $7, v_undecryptable = $8, v_unrecognized = $9
             WHERE rotation = $1 AND n = $2 AND owner = $3 AND epoch = $4",
            &[
                &h.rotation,
                &h.range,
                &h.owner,
                &h.epoch,
                &rows,
                &current,
                &remaining,
                &undecryptable,
                &unrecognized,
            ],
        ) {
            Ok(n) => Ok(n == 1),
            Err(e) if missing_table(&e) => Ok(false),
            Err(e) => Err(self.err(e)),
        }
    }

    /// The verification of the whole table: the sum of its ranges'.
    pub fn verification(&mut self) -> Result<Verification> {
        let row = self
            .lock()
            .query_one(
                "SELECT coalesce(sum(v_rows), 0)::int8, coalesce(sum(v_current), 0)::int8,
                        coalesce(sum(v_remaining), 0)::int8, coalesce(sum(v_undecryptable), 0)::int8,
                        coalesce(sum(v_unrecognized), 0)::int8
                 FROM keyward.rotation_range WHERE rotation = $1",
                &[&self.id],
            )
            .map_err(|e| self.err(e))?;
        let n = |i: usize| u64::try_from(row.get::<_, i64>(i)).unwrap_or(0);
        let (remaining, undecryptable) = (n(2), n(3));
        Ok(Verification {
            rows: n(0),
            current: n(1),
            remaining,
            undecryptable,
            unrecognized: n(4),
            ok: remaining == 0 && undecryptable == 0,
        })
    }

    /// Gives a claimed range back at once (a worker that stops early).
    pub fn release(&mut self, c: &Claim) -> Result<()> {
        let h = &c.hold;
        match self.lock().execute(
            "UPDATE keyward.rotation_range SET owner = NULL, lease_until = NULL \
             WHERE rotation = $1 AND n = $2 AND owner = $3 AND epoch = $4",
            &[&h.rotation, &h.range, &h.owner, &h.epoch],
        ) {
            Ok(_) => Ok(()),
            Err(e) if missing_table(&e) => Ok(()),
            Err(e) => Err(self.err(e)),
        }
    }

    /// Elects this worker to sum the finished rotation's verification
    /// (again, when its own election's reply was lost): `Err` with the
    /// name of the worker that is summing (or did), when known.
    pub fn elect(&mut self) -> Result<std::result::Result<(), Option<String>>> {
        let secs = self.lease.as_secs_f64();
        let won = self.lock().query_opt(
            "UPDATE keyward.rotation SET state = 'verifying', finisher = $2,
                lease_until = clock_timestamp() + make_interval(secs => $3)
             WHERE id = $1 AND (state = 'running'
                OR (state = 'verifying' AND (lease_until < clock_timestamp() OR finisher = $2)))
             RETURNING 1",
            &[&self.id, &self.owner, &secs],
        );
        match won {
            Ok(Some(_)) => Ok(Ok(())),
            Ok(None) => {
                let by = self
                    .lock()
                    .query_opt(
                        "SELECT finisher FROM keyward.rotation WHERE id = $1",
                        &[&self.id],
                    )
                    .map_err(|e| self.err(e))?
                    .and_then(|r| r.get::<_, Option<String>>(0));
                Ok(Err(by))
            }
            Err(e) if missing_table(&e) => Ok(Err(None)),
            Err(e) => Err(self.err(e)),
        }
    }

    /// Records the verification; removes the rotation's rows unless
    /// `keep`, and keyward's schema when no rotation is left in it.
    pub fn finish(&mut self, verification: &Verification, keep: bool) -> Result<()> {
        let state = if verification.ok {
            "finished"
        } else {
            "failed"
        };
        let doc = serde_json::to_string(verification)
            .map_err(|e| Error::internal(format!("cannot encode the verification: {e}")))?;
        let url = self.url.clone();
        let e = |e| err(&url, e);
        match self.lock().execute(
            "UPDATE keyward.rotation SET state = $2, verification = $3::text::jsonb,
                finished = clock_timestamp(), lease_until = NULL WHERE id = $1",
            &[&self.id, &state, &doc],
        ) {
            Ok(_) => {}
            // Another worker verified and removed it meanwhile.
            Err(x) if missing_table(&x) => return Ok(()),
            Err(x) => return Err(e(x)),
        }
        if keep {
            return Ok(());
        }
        let mut c = self.lock();
        let mut tx = c.transaction().map_err(e)?;
        tx.batch_execute(SETUP_LOCK).map_err(e)?;
        let others: bool = tx
            .query_one(
                "SELECT to_regclass('keyward.rotation') IS NOT NULL
                    AND EXISTS (SELECT 1 FROM keyward.rotation WHERE id <> $1)",
                &[&self.id],
            )
            .map_err(e)?
            .get(0);
        if others {
            tx.execute("DELETE FROM keyward.rotation WHERE id = $1", &[&self.id])
                .map_err(e)?;
        } else {
            tx.batch_execute(
                "DROP TABLE IF EXISTS keyward.rotation_range; DROP TABLE IF EXISTS keyward.rotation;
                 DO $$ BEGIN DROP SCHEMA keyward;
                 EXCEPTION WHEN dependent_objects_still_exist THEN NULL; END $$;",
            )
            .map_err(e)?;
        }
        tx.commit().map_err(e)
    }
}

/// The final verification of a cooperative rotation: every range read
/// again once rotated (by any worker), counting what is not under the
/// target key.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Verification {
    /// Rows read.
    pub rows: u64,
    /// Values under the target key.
    pub current: u64,
    /// Values still to rotate (written under an old key since their range
    /// was done, or plaintext with `--encrypt-plaintext`).
    pub remaining: u64,
    /// Values no key decrypts.
    pub undecryptable: u64,
    /// Values in no format given.
    pub unrecognized: u64,
    /// Nothing remains and nothing is undecryptable.
    pub ok: bool,
}

/// Renews a claim's lease on the ledger's connection while a batch works
/// (a batch of a costly format can outlast a lease).
pub struct Heartbeat {
    hold: Arc<Mutex<Option<Hold>>>,
    stop: Option<mpsc::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Heartbeat {
    /// Starts renewing, every third of `lease`, on `client` (the
    /// ledger's connection, idle while the worker's span runs).
    fn start(client: Arc<Mutex<Client>>, lease: Duration) -> Result<Heartbeat> {
        let hold: Arc<Mutex<Option<Hold>>> = Arc::default();
        let (stop, rx) = mpsc::channel::<()>();
        let h = hold.clone();
        let thread = std::thread::Builder::new()
            .name("keyward-pg-lease".into())
            .spawn(move || {
                while let Err(mpsc::RecvTimeoutError::Timeout) = rx.recv_timeout(lease / 3) {
                    let current = h.lock().map(|g| g.clone()).unwrap_or(None);
                    let Some(c) = current else { continue };
                    // A claim found taken over (or a lost connection) is
                    // the next batch's fence's to find: nothing to do here.
                    let _ = client.lock().unwrap_or_else(|p| p.into_inner()).execute(
                        RENEW,
                        &[&c.rotation, &c.range, &c.owner, &c.epoch, &c.lease_secs],
                    );
                }
            })
            .map_err(|e| Error::environment(format!("cannot start a thread: {e}")))?;
        Ok(Heartbeat {
            hold,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// Renews this claim from now on (`None`: nothing).
    pub fn set(&self, hold: Option<Hold>) {
        if let Ok(mut g) = self.hold.lock() {
            *g = hold;
        }
    }
}

impl Drop for Heartbeat {
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// One range, as `rotate status` shows it.
#[derive(Debug, Clone, Serialize)]
pub struct RangeProgress {
    /// Its number.
    pub n: i32,
    /// Its first key (exclusive; `null`: the start).
    pub after: Option<serde_json::Value>,
    /// Its last key (`null`: the end).
    pub upto: Option<serde_json::Value>,
    /// The worker holding or that finished it.
    pub owner: Option<String>,
    /// Seconds its lease still runs (negative: expired).
    pub lease_seconds: Option<f64>,
    /// Rotated.
    pub done: bool,
    /// Read again and counted.
    pub verified: bool,
    /// Rows done.
    pub rows: i64,
    /// Values written.
    pub rotated: i64,
    /// Times a worker took it over from one whose lease expired.
    pub takeovers: i32,
}

/// A cooperative rotation of a table, as `rotate status` shows it.
#[derive(Debug, Clone, Serialize)]
pub struct RotationProgress {
    /// Its id.
    pub id: String,
    /// The target key, described.
    pub target: String,
    /// `running`, `verifying`, `finished` or `failed`.
    pub state: String,
    /// The worker that verified it.
    pub finisher: Option<String>,
    /// Ranges done, of all.
    pub ranges_done: u64,
    /// Ranges.
    pub ranges: Vec<RangeProgress>,
}

/// The cooperative rotations recorded for `table_sql` (none when keyward's
/// schema does not exist).
pub fn progress(url: &str, table_sql: &str) -> Result<Vec<RotationProgress>> {
    let mut client = crate::pgtls::connect(url, &redact(url))?;
    match read_progress(&mut client, table_sql) {
        // A role that may not read keyward's schema (another role's
        // rotations) sees none.
        Err(e) if e.code() == Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE) => {
            Ok(Vec::new())
        }
        Err(e) if missing_table(&e) => Ok(Vec::new()),
        other => other.map_err(|e| err(url, e)),
    }
}

fn read_progress(
    client: &mut Client,
    table_sql: &str,
) -> std::result::Result<Vec<RotationProgress>, postgres::Error> {
    let exists: bool = client
        .query_one(
            "SELECT to_regclass('keyward.rotation_range') IS NOT NULL",
            &[],
        )?
        .get(0);
    if !exists {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for r in client
        .query(
            "SELECT id, target, state, finisher FROM keyward.rotation WHERE table_name = $1 ORDER BY created",
            &[&table_sql],
        )
        ?
    {
        let id: String = r.get(0);
        let ranges: Vec<RangeProgress> = client
            .query(
                "SELECT n, lo::text, hi::text, owner,
                        extract(epoch FROM lease_until - clock_timestamp())::float8,
                        done, rows, rotated, takeovers, verified
                 FROM keyward.rotation_range WHERE rotation = $1 ORDER BY n",
                &[&id],
            )
            ?
            .iter()
            .map(|x| {
                let js = |i: usize| {
                    x.get::<_, Option<String>>(i)
                        .and_then(|t| serde_json::from_str(&t).ok())
                };
                RangeProgress {
                    n: x.get(0),
                    after: js(1),
                    upto: js(2),
                    owner: x.get(3),
                    lease_seconds: x.get(4),
                    done: x.get(5),
                    rows: x.get(6),
                    rotated: x.get(7),
                    takeovers: x.get(8),
                    verified: x.get(9),
                }
            })
            .collect();
        out.push(RotationProgress {
            ranges_done: ranges.iter().filter(|r| r.done).count() as u64,
            id,
            target: r.get(1),
            state: r.get(2),
            finisher: r.get(3),
            ranges,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_through_json() {
        let k = vec![Value::Text("a\"'b".into()), Value::Integer(-7)];
        assert_eq!(json_key(Some(key_json(&k))).unwrap(), Some(k));
        assert_eq!(json_key(None).unwrap(), None);
        assert!(json_key(Some("{}".into())).is_err());
    }

    #[test]
    fn ranges_hold_eight_batches_and_at_most_about_256() {
        let s = Split {
            range_rows: None,
            batch: 1000,
        };
        assert_eq!(s.rows_per_range(200_000), 8000);
        assert_eq!(s.rows_per_range(10_000_000), 39_063);
        let s = Split {
            range_rows: Some(500),
            batch: 1000,
        };
        assert_eq!(s.rows_per_range(10), 500);
    }
}
