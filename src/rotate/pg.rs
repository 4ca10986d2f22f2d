//! Rotation on PostgreSQL, for data that outgrows one machine: the same
//! promises as on SQLite (preflight, one transaction per batch, keyset
//! pagination, compare-and-swap UPDATEs with conflicts redone under a row
//! lock, nothing undecryptable overwritten), through the `postgres` client.
//! Connections honour libpq's `sslmode` and `sslrootcert` (see
//! [`crate::pgtls`]).
//!
//! A batch is written in one statement, not one per row: every row's key,
//! the version of the row that was read and its new values go as arrays
//! (`UPDATE t SET c = v.new FROM unnest(...) AS v(i, key, xmin, new) WHERE
//! t.key = v.key AND t.xmin = v.xmin RETURNING v.i`), while the next batch
//! is read on a second connection. The compare-and-swap is still per row,
//! on the row's version rather than on its old value: `xmin`, the
//! transaction that wrote the version read, changes with every UPDATE of
//! the row (by anyone, to any column) and with a DELETE and re-INSERT, and
//! only a transaction still running can write another version with the
//! same `xmin`, which a read never sees. So a row a live writer changed
//! since it was read does not match, and the rows the statement does not
//! return are the writes the engine redoes, re-read under a row lock and
//! compared by value. Sending no old value halves what a batch sends and
//! what the server parses. Every statement is prepared once per run.

use std::borrow::Cow;
use std::collections::{HashMap, VecDeque};
use std::sync::mpsc;

use postgres::types::ToSql;
use postgres::{Client, Statement};
use rusqlite::types::Value;

use crate::error::{Error, Result};
use crate::rotate::{Batch, Key, Rows, Storage, Target, Writes, pk_text, row_value};

/// How a column travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// text, varchar, char.
    Text,
    /// bytea.
    Bytes,
    /// json or jsonb: read as text, written back through a cast.
    Json(&'static str),
    /// Anything else: read as text, never written.
    Other,
}

/// An open PostgreSQL table.
pub struct PgTable {
    client: Client,
    target: Target,
    url: String,
    table_sql: String,
    /// The key columns, in pagination order.
    keys: Vec<KeyCol>,
    pk_name: String,
    kinds: Vec<Kind>,
    /// Reads batches on this connection: the preflight, `status`, `verify`.
    reader: Reader,
    /// Reads batches ahead on a connection of its own while this one
    /// writes: a rotation run's.
    ahead: Option<ReadAhead>,
    /// The last key read (a cooperating worker's span; `None`: to the end).
    upto: Option<Key>,
    /// A cooperating worker's hold on its span, renewed in every batch's
    /// transaction.
    fenced: Option<Fenced>,
    /// The hold was found taken over: nothing more is written.
    lost: bool,
    /// A read ahead failed for a lost connection.
    read_lost: bool,
    /// The session settings of [`PgTable::session`], made again on a new
    /// connection.
    session_set: Option<(String, std::time::Duration)>,
    /// The version (`xmin`) of each row of the last batches read ahead, by
    /// [`key_id`]: what the batched UPDATE compares.
    versions: VecDeque<HashMap<Vec<u8>, i64>>,
    /// Prepared by [`PgTable::prepare_writes`]: the batched compare-and-swap
    /// UPDATE of every column (see [`batch_update_sql`]); per column, the
    /// one-row compare-and-swap UPDATE of the redo (`$1` the new value, then
    /// the key, then the old value) and its locking re-read.
    batch_update: Option<Statement>,
    updates: Vec<Statement>,
    rereads: Vec<Statement>,
}

/// The batches whose row versions are kept: the engine writes a batch at
/// most a few batches after reading it; a row whose version is no longer
/// known is written by the redo, comparing its value under a row lock.
const VERSION_BATCHES: usize = 16;

/// A key as bytes that tell any two keys apart, to look rows up by.
fn key_id(key: &[Value]) -> Vec<u8> {
    let mut out = Vec::with_capacity(16);
    for v in key {
        match v {
            Value::Integer(i) => {
                out.push(b'i');
                out.extend_from_slice(&i.to_be_bytes());
            }
            other => {
                let t = match other {
                    Value::Text(t) => Cow::Borrowed(t.as_str()),
                    other => Cow::Owned(pk_text(other)),
                };
                out.push(b't');
                out.extend_from_slice(&(t.len() as u64).to_be_bytes());
                out.extend_from_slice(t.as_bytes());
            }
        }
    }
    out
}

/// A key column: compared in its own type, so the index on it serves
/// both the pagination and the UPDATE (`id::text > $2` on a uuid key
/// would scan and sort the whole table for every batch, and every row).
#[derive(Clone)]
struct KeyCol {
    /// Quoted name.
    sql: String,
    /// Its type as `format_type` spells it (`uuid`, `character varying(64)`).
    ty: String,
    /// An integer type: read and bound as `bigint`, not as text.
    int: bool,
}

impl KeyCol {
    /// The expression the key is read as.
    fn read(&self) -> String {
        if self.int {
            format!("{}::bigint", self.sql)
        } else {
            format!("{}::text", self.sql)
        }
    }

    /// Parameter `$n`, cast to the column's type.
    fn param(&self, n: usize) -> String {
        if self.int {
            format!("${n}::bigint")
        } else {
            format!("${n}::text::{}", self.ty)
        }
    }
}

use crate::sql::quote_ident as quote;

/// A connection string without its password, for messages (see
/// [`crate::pgtls::redact`]).
pub fn redact(conn: &str) -> String {
    crate::pgtls::redact(conn)
}

/// Whether `db` names a PostgreSQL server (moved to [`crate::pgtls`],
/// where the audit sources use it too).
pub use crate::pgtls::is_conn_string;

fn pg_err(url: &str, e: postgres::Error) -> Error {
    crate::pgtls::error(&redact(url), e)
}

impl PgTable {
    /// Connects and checks the table, columns and key.
    pub fn open(url: &str, target: &Target) -> Result<PgTable> {
        let mut client = crate::pgtls::connect(url, &redact(url))?;
        let (schema, table) = match target.table.split_once('.') {
            Some((s, t)) => (Some(s.to_string()), t.to_string()),
            None => (None, target.table.clone()),
        };
        let rows = client
            .query(
                "SELECT column_name::text, data_type::text FROM information_schema.columns
                 WHERE table_name = $1 AND table_schema = COALESCE($2, current_schema()) ORDER BY ordinal_position",
                &[&table, &schema],
            )
            .map_err(|e| pg_err(url, e))?;
        if rows.is_empty() {
            return Err(Error::bad_input(format!(
                "PostgreSQL at {}: no table {}",
                redact(url),
                target.table
            )));
        }
        let cols: Vec<(String, String)> = rows.iter().map(|r| (r.get(0), r.get(1))).collect();
        let mut kinds = Vec::new();
        for c in &target.columns {
            let ty = cols
                .iter()
                .find(|(n, _)| n == c)
                .map(|(_, t)| t.as_str())
                .ok_or_else(|| {
                    Error::bad_input(format!("table {} has no column {c}", target.table))
                })?;
            kinds.push(match ty {
                "text" | "character varying" | "character" => Kind::Text,
                "bytea" => Kind::Bytes,
                "json" => Kind::Json("json"),
                "jsonb" => Kind::Json("jsonb"),
                _ => Kind::Other,
            });
        }
        let table_sql = match &schema {
            Some(s) => format!("{}.{}", quote(s), quote(&table)),
            None => quote(&table),
        };
        // Every column's type, as a cast can name it.
        let types: Vec<(String, String)> = client
            .query(
                "SELECT attname::text, format_type(atttypid, atttypmod) FROM pg_attribute
                 WHERE attrelid = $1::text::regclass AND attnum > 0 AND NOT attisdropped",
                &[&table_sql],
            )
            .map_err(|e| pg_err(url, e))?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
        // Each unique index that is not partial, by its key columns (None
        // for an expression).
        fn index_cols(
            client: &mut Client,
            table_sql: &str,
            url: &str,
            primary_only: bool,
        ) -> Result<Vec<Vec<Option<String>>>> {
            Ok(client
                .query(
                    "SELECT array_agg(a.attname::text ORDER BY k.ord) FROM pg_index i
                     CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                     LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                     WHERE i.indrelid = $1::text::regclass AND i.indisunique AND i.indpred IS NULL
                       AND k.ord <= i.indnkeyatts AND (i.indisprimary OR NOT $2)
                     GROUP BY i.indexrelid",
                    &[&table_sql, &primary_only],
                )
                .map_err(|e| pg_err(url, e))?
                .iter()
                .map(|r| r.get(0))
                .collect())
        }
        let key_names: Vec<String> = match &target.pk_columns()? {
            Some(pks) => {
                let shown = pks.join(",");
                for pk in pks {
                    if !cols.iter().any(|(n, _)| n == pk) {
                        return Err(Error::bad_input(format!(
                            "table {} has no column {pk}",
                            target.table
                        )));
                    }
                }
                // Keyset pagination needs a key: rows sharing a value could
                // be skipped, and a NULL is never reached.
                let mut want: Vec<Option<String>> = pks.iter().cloned().map(Some).collect();
                want.sort();
                let unique = index_cols(&mut client, &table_sql, url, false)?
                    .into_iter()
                    .any(|mut on| {
                        on.sort();
                        on == want
                    });
                if !unique {
                    return Err(Error::usage(format!(
                        "table {}: --pk {shown} is not a key (no UNIQUE index on exactly {shown}): rows sharing a value could be skipped",
                        target.table
                    ))
                    .with_hint("name unique columns, or leave --pk out to use the primary key"));
                }
                let any_null = pks
                    .iter()
                    .map(|c| format!("{} IS NULL", quote(c)))
                    .collect::<Vec<_>>()
                    .join(" OR ");
                let has_null: bool = client
                    .query_one(
                        &format!("SELECT EXISTS (SELECT 1 FROM {table_sql} WHERE {any_null})"),
                        &[],
                    )
                    .map_err(|e| pg_err(url, e))?
                    .get(0);
                if has_null {
                    return Err(Error::usage(format!(
                        "table {}: --pk {shown} is NULL in some rows, which keyset pagination cannot reach",
                        target.table
                    ))
                    .with_hint("name unique columns without NULLs"));
                }
                pks.clone()
            }
            // The primary key (its columns are NOT NULL).
            None => match index_cols(&mut client, &table_sql, url, true)?
                .into_iter()
                .next()
            {
                Some(on) if on.iter().all(Option::is_some) => on.into_iter().flatten().collect(),
                _ => {
                    return Err(Error::usage(format!(
                        "table {} has no primary key; name its key columns with --pk",
                        target.table
                    ))
                    .with_hint("--pk takes columns with a UNIQUE index on exactly them and no NULL, comma-separated"));
                }
            },
        };
        if target.columns.iter().any(|c| key_names.contains(c)) {
            return Err(Error::usage(
                "the key column cannot be one of the rotated columns",
            ));
        }
        target.check_context_key(&format!("table {}", target.table), key_names.len())?;
        let keys: Vec<KeyCol> = key_names
            .iter()
            .map(|n| {
                let ty = types
                    .iter()
                    .find(|(c, _)| c == n)
                    .map(|(_, t)| t.clone())
                    .unwrap_or_else(|| "text".into());
                KeyCol {
                    sql: quote(n),
                    int: matches!(ty.as_str(), "smallint" | "integer" | "bigint"),
                    ty,
                }
            })
            .collect();
        let pk_name = row_value(&key_names);
        let reader = Reader {
            table: target.table.clone(),
            label: redact(url),
            sql: Default::default(),
            keys: keys.clone(),
            kinds: kinds.clone(),
            stmts: Default::default(),
        };
        let mut t = PgTable {
            client,
            target: target.clone(),
            url: url.to_string(),
            table_sql,
            keys,
            pk_name,
            kinds,
            reader,
            ahead: None,
            upto: None,
            fenced: None,
            lost: false,
            read_lost: false,
            session_set: None,
            versions: VecDeque::new(),
            batch_update: None,
            updates: Vec::new(),
            rereads: Vec::new(),
        };
        t.reader.sql = [
            t.read_sql(true, false),
            t.read_sql(false, false),
            t.read_sql(true, true),
            t.read_sql(false, true),
        ];
        Ok(t)
    }

    /// The batch read: `$1` the limit, then (unless `first`) the key to
    /// read after, then (when `upto`) the last key of the span read. Each
    /// row: its key, its values, its version (`xmin`).
    fn read_sql(&self, first: bool, upto: bool) -> String {
        let filter = self.filter("AND");
        let mut cond = if first {
            "TRUE".to_string()
        } else {
            self.key_cond(">", 2)
        };
        if upto {
            let at = if first { 2 } else { 2 + self.keys.len() };
            cond = format!("{cond} AND {}", self.key_cond("<=", at));
        }
        let read: Vec<String> = self
            .keys
            .iter()
            .enumerate()
            .map(|(i, k)| format!("{} AS kw_key{i}", k.read()))
            .collect();
        format!(
            "SELECT {}, {}, {}.xmin::text::bigint FROM {} WHERE {cond}{filter} ORDER BY {} LIMIT $1",
            read.join(", "),
            self.select_list(),
            self.table_sql,
            self.table_sql,
            self.key_order()
        )
    }

    /// ` AND (condition)` / ` WHERE (condition)` for `--where`, or nothing.
    fn filter(&self, lead: &str) -> String {
        self.target
            .filter
            .as_deref()
            .map(|w| format!(" {lead} ({w})"))
            .unwrap_or_default()
    }

    fn select_list(&self) -> String {
        self.target
            .columns
            .iter()
            .zip(&self.kinds)
            .map(|(c, k)| {
                if *k == Kind::Bytes {
                    quote(c)
                } else {
                    format!("{}::text", quote(c))
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The key columns, qualified by the table: in ORDER BY a bare name
    /// could mean an output column of the same name.
    fn key_order(&self) -> String {
        self.keys
            .iter()
            .map(|k| format!("{}.{}", self.table_sql, k.sql))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// `key = ($first, ...)`, each parameter cast to its column's type.
    fn key_cond(&self, op: &str, first: usize) -> String {
        format!(
            "{} {op} {}",
            row_value(&self.keys.iter().map(|k| k.sql.clone()).collect::<Vec<_>>()),
            row_value(
                &self
                    .keys
                    .iter()
                    .enumerate()
                    .map(|(i, k)| k.param(first + i))
                    .collect::<Vec<_>>()
            )
        )
    }

    /// Rows to process.
    pub fn count(&mut self) -> Result<u64> {
        let filter = self.filter("WHERE");
        let n: i64 = self
            .client
            .query_one(
                &format!("SELECT count(*) FROM {}{filter}", self.table_sql),
                &[],
            )
            .map_err(|e| pg_err(&self.url, e))?
            .get(0);
        Ok(n as u64)
    }
}

/// A key's values as parameters: integers as `bigint`, the rest as text
/// (cast to the column's type in the statement).
fn key_params(cols: &[KeyCol], key: &[Value]) -> Vec<Box<dyn ToSql + Sync>> {
    key.iter()
        .zip(cols)
        .map(|(v, k)| -> Box<dyn ToSql + Sync> {
            match v {
                Value::Integer(i) if k.int => Box::new(*i),
                other => Box::new(pk_text(other)),
            }
        })
        .collect()
}

/// A boxed parameter for a cell or key.
fn param(v: &Value, kind_bytes: bool) -> Box<dyn ToSql + Sync> {
    match v {
        Value::Null => {
            if kind_bytes {
                Box::new(None::<Vec<u8>>)
            } else {
                Box::new(None::<String>)
            }
        }
        Value::Integer(i) => Box::new(*i),
        Value::Text(t) => Box::new(t.clone()),
        Value::Blob(b) => {
            if kind_bytes {
                Box::new(b.clone())
            } else {
                Box::new(String::from_utf8_lossy(b).into_owned())
            }
        }
        Value::Real(r) => Box::new(r.to_string()),
    }
}

impl Rows for PgTable {
    fn target(&self) -> &Target {
        &self.target
    }
    fn pk_name(&self) -> &str {
        &self.pk_name
    }
    fn next_batch(&mut self, after: &[Value], limit: usize) -> Result<Batch> {
        let upto = self.upto.as_deref();
        let Some(ahead) = &mut self.ahead else {
            return Ok(self.reader.read(&mut self.client, after, upto, limit)?.0);
        };
        let (batch, xmins) = ahead.next(after, upto, limit).inspect_err(|e| {
            self.read_lost = e.kind() == crate::error::ErrorKind::Environment;
        })?;
        let versions = batch
            .iter()
            .zip(xmins)
            .map(|((key, _), xmin)| (key_id(key), xmin))
            .collect();
        self.versions.push_back(versions);
        if self.versions.len() > VERSION_BATCHES {
            self.versions.pop_front();
        }
        Ok(batch)
    }
}

/// How a batch is read, on the table's connection or the read-ahead's.
#[derive(Clone)]
struct Reader {
    /// The table as named, for messages.
    table: String,
    /// The server (its connection string without a password), for messages.
    label: String,
    /// The SELECTs ([`PgTable::read_sql`]): from the start, after a key;
    /// then the same two up to a last key (a cooperating worker's span).
    sql: [String; 4],
    keys: Vec<KeyCol>,
    kinds: Vec<Kind>,
    /// Those SELECTs, prepared on first use on the connection this reader
    /// reads with: a batch is one round trip.
    stmts: [Option<Statement>; 4],
}

impl Reader {
    /// The same reader for another connection.
    fn for_new_connection(&self) -> Reader {
        Reader {
            stmts: Default::default(),
            ..self.clone()
        }
    }

    /// Up to `limit` rows after the key `after` (empty: from the start)
    /// and up to the key `upto` (`None`: to the end), and each row's
    /// version.
    fn read(
        &mut self,
        client: &mut Client,
        after: &[Value],
        upto: Option<&[Value]>,
        limit: usize,
    ) -> Result<(Batch, Vec<i64>)> {
        let which = usize::from(!after.is_empty()) + 2 * usize::from(upto.is_some());
        let stmt = match &self.stmts[which] {
            Some(stmt) => stmt.clone(),
            None => {
                let stmt = client.prepare(&self.sql[which]).map_err(|e| self.err(e))?;
                self.stmts[which] = Some(stmt.clone());
                stmt
            }
        };
        let limit = limit as i64;
        let key = key_params(&self.keys, after);
        let last = key_params(&self.keys, upto.unwrap_or_default());
        let mut params: Vec<&(dyn ToSql + Sync)> = vec![&limit];
        params.extend(key.iter().map(|p| &**p));
        params.extend(last.iter().map(|p| &**p));
        let rows = client.query(&stmt, &params).map_err(|e| self.err(e))?;
        let xmin_at = self.keys.len() + self.kinds.len();
        Ok((
            rows.iter()
                .map(|r| {
                    (
                        self.key_value(r),
                        (0..self.kinds.len()).map(|i| self.cell(r, i)).collect(),
                    )
                })
                .collect(),
            rows.iter().map(|r| r.get::<_, i64>(xmin_at)).collect(),
        ))
    }

    /// A failed read: the connection lost (exit 4, and a run connects
    /// again), else most likely the `--where` condition.
    fn err(&self, e: postgres::Error) -> Error {
        if crate::pgtls::is_lost(&e) {
            return crate::pgtls::error(&self.label, e);
        }
        Error::usage(format!(
            "cannot read {}: {}",
            self.table,
            e.as_db_error()
                .map(|d| d.message().to_string())
                .unwrap_or_else(|| e.to_string())
        ))
    }

    fn cell(&self, row: &postgres::Row, i: usize) -> Value {
        let at = self.keys.len() + i;
        match self.kinds[i] {
            Kind::Bytes => row
                .get::<_, Option<Vec<u8>>>(at)
                .map(Value::Blob)
                .unwrap_or(Value::Null),
            _ => row
                .get::<_, Option<String>>(at)
                .map(Value::Text)
                .unwrap_or(Value::Null),
        }
    }

    fn key_value(&self, row: &postgres::Row) -> Key {
        self.keys
            .iter()
            .enumerate()
            .map(|(i, k)| {
                if k.int {
                    Value::Integer(row.get::<_, i64>(i))
                } else {
                    Value::Text(row.get::<_, String>(i))
                }
            })
            .collect()
    }
}

/// Reads the next batch on a connection and thread of its own while the
/// table's connection writes the batches before it, so the server reads
/// and writes at once. Reads need no transaction of the writes: a row a
/// batch reads is written only after its compare-and-swap, which sees any
/// change made since. At most one batch is read ahead.
struct ReadAhead {
    requests: mpsc::Sender<Request>,
    batches: mpsc::Receiver<Result<(Batch, Vec<i64>)>>,
    /// The read in flight.
    pending: Option<Request>,
}

/// A read asked of the read-ahead: after which key, up to which, how many
/// rows.
#[derive(Clone, PartialEq)]
struct Request {
    after: Key,
    upto: Option<Key>,
    limit: usize,
}

impl ReadAhead {
    /// Connects (as the table's connection did) and starts the thread.
    fn start(url: &str, mut reader: Reader, name: Option<&str>) -> Result<ReadAhead> {
        let mut client = crate::pgtls::connect(url, &redact(url))?;
        if let Some(name) = name {
            client
                .execute("SELECT set_config('application_name', $1, false)", &[&name])
                .map_err(|e| pg_err(url, e))?;
        }
        let (requests, rx) = mpsc::channel::<Request>();
        let (tx, batches) = mpsc::channel();
        std::thread::Builder::new()
            .name("keyward-pg-read".into())
            .spawn(move || {
                for r in rx {
                    let batch = reader.read(&mut client, &r.after, r.upto.as_deref(), r.limit);
                    if tx.send(batch).is_err() {
                        break;
                    }
                }
            })
            .map_err(|e| Error::environment(format!("cannot start a thread: {e}")))?;
        Ok(ReadAhead {
            requests,
            batches,
            pending: None,
        })
    }

    /// The batch after `after` (up to `upto`): the one read ahead when it
    /// is that one, else read now; then the one after it is asked for,
    /// unless this one was the last.
    fn next(
        &mut self,
        after: &[Value],
        upto: Option<&[Value]>,
        limit: usize,
    ) -> Result<(Batch, Vec<i64>)> {
        let hit = self.pending.as_ref().is_some_and(|r| {
            r.after.as_slice() == after && r.upto.as_deref() == upto && r.limit == limit
        });
        let upto = upto.map(<[Value]>::to_vec);
        if !hit {
            if self.pending.take().is_some() {
                // Another batch was read ahead: not this one.
                self.recv()?.ok();
            }
            self.ask(Request {
                after: after.to_vec(),
                upto: upto.clone(),
                limit,
            })?;
        }
        self.pending = None;
        let (batch, xmins) = self.recv()??;
        if batch.len() == limit
            && let Some((last, _)) = batch.last()
        {
            self.ask(Request {
                after: last.clone(),
                upto,
                limit,
            })?;
        }
        Ok((batch, xmins))
    }

    fn ask(&mut self, r: Request) -> Result<()> {
        self.requests
            .send(r.clone())
            .map_err(|_| Error::internal("the PostgreSQL read-ahead thread stopped"))?;
        self.pending = Some(r);
        Ok(())
    }

    fn recv(&mut self) -> Result<Result<(Batch, Vec<i64>)>> {
        self.batches
            .recv()
            .map_err(|_| Error::internal("the PostgreSQL read-ahead thread stopped"))
    }
}

impl PgTable {
    /// Prepares each rotated column's batched and one-row compare-and-swap
    /// UPDATEs and its locking re-read; refuses a column type the rotation
    /// cannot write.
    pub fn prepare_writes(&mut self) -> Result<()> {
        if self.kinds.contains(&Kind::Other) {
            return Err(Error::usage(
                "rotate works on text, varchar, bytea, json and jsonb columns",
            ));
        }
        let nk = self.keys.len();
        let key_at_2 = self.key_cond("=", 2);
        let key_at_1 = self.key_cond("=", 1);
        let (mut updates, mut rereads) = (Vec::new(), Vec::new());
        for (c, k) in self.target.columns.iter().zip(&self.kinds) {
            let (set, cmp) = match k {
                Kind::Json(ty) => (format!("$1::text::{ty}"), format!("{}::text", quote(c))),
                Kind::Bytes => ("$1".to_string(), quote(c)),
                _ => ("$1".to_string(), format!("{}::text", quote(c))),
            };
            let update = format!(
                "UPDATE {} SET {} = {set} WHERE {key_at_2} AND {cmp} IS NOT DISTINCT FROM ${}",
                self.table_sql,
                quote(c),
                nk + 2
            );
            let sel = if *k == Kind::Bytes {
                quote(c)
            } else {
                format!("{}::text", quote(c))
            };
            let reread = format!(
                "SELECT {sel} FROM {} WHERE {key_at_1} FOR UPDATE",
                self.table_sql
            );
            for (sql, into) in [(update, &mut updates), (reread, &mut rereads)] {
                into.push(
                    self.client
                        .prepare(&sql)
                        .map_err(|e| pg_err(&self.url, e))?,
                );
            }
        }
        let batch = batch_update_sql(
            &self.table_sql,
            &self.keys,
            &self.target.columns,
            &self.kinds,
        );
        self.batch_update = Some(
            self.client
                .prepare(&batch)
                .map_err(|e| pg_err(&self.url, e))?,
        );
        self.updates = updates;
        self.rereads = rereads;
        let name = self.session_set.as_ref().map(|(n, _)| format!("{n} read"));
        self.ahead = Some(ReadAhead::start(
            &self.url,
            self.reader.for_new_connection(),
            name.as_deref(),
        )?);
        Ok(())
    }

    /// One compare-and-swap UPDATE: the number of rows it changed.
    fn update(&mut self, col: usize, key: &[Value], old: &Value, new: &Value) -> Result<u64> {
        let bytes = self.kinds[col] == Kind::Bytes;
        let key = key_params(&self.keys, key);
        let (p1, p3) = (param(new, bytes), param(old, bytes));
        let mut params: Vec<&(dyn ToSql + Sync)> = vec![&*p1];
        params.extend(key.iter().map(|p| &**p));
        params.push(&*p3);
        self.client
            .execute(&self.updates[col], &params)
            .map_err(|e| pg_err(&self.url, e))
    }

    /// The version of the row with this key when it was read ahead.
    fn version(&self, id: &[u8]) -> Option<i64> {
        self.versions
            .iter()
            .rev()
            .find_map(|batch| batch.get(id).copied())
    }

    /// Writes these rows in one compare-and-swap UPDATE; marks in `matched`
    /// the writes of each row that was still the version read, and so was
    /// written.
    fn write_rows(
        &mut self,
        writes: &Writes,
        rows: &[RowWrites],
        matched: &mut [bool],
    ) -> Result<()> {
        let index: Vec<i32> = (0..rows.len())
            .map(|i| {
                i32::try_from(i).map_err(|_| Error::internal("a rotation batch of over 2^31 rows"))
            })
            .collect::<Result<_>>()?;
        let keys = self
            .keys
            .iter()
            .enumerate()
            .map(|(n, k)| key_array(k, rows.iter().map(|r| &writes[r.first].1[n])))
            .collect::<Result<Vec<_>>>()?;
        let xmins: Vec<i64> = rows.iter().map(|r| r.xmin).collect();
        let several = self.kinds.len() > 1;
        let mut present: Vec<Vec<bool>> = Vec::new();
        let mut values: Vec<CellArray> = Vec::new();
        for (c, kind) in self.kinds.iter().enumerate() {
            let new = |r: &RowWrites| r.cols[c].map(|i| &writes[i].3);
            if several {
                present.push(rows.iter().map(|r| r.cols[c].is_some()).collect());
            }
            values.push(if *kind == Kind::Bytes {
                CellArray::Bytes(rows.iter().map(|r| new(r).and_then(bytes_cell)).collect())
            } else {
                CellArray::Text(rows.iter().map(|r| new(r).and_then(text_cell)).collect())
            });
        }
        let mut params: Vec<&(dyn ToSql + Sync)> = vec![&index];
        params.extend(keys.iter().map(KeyArray::as_param));
        params.push(&xmins);
        for (c, v) in values.iter().enumerate() {
            if several {
                params.push(&present[c]);
            }
            params.push(v.as_param());
        }
        let stmt = self
            .batch_update
            .clone()
            .ok_or_else(|| Error::internal("rotation writes were not prepared"))?;
        for row in self
            .client
            .query(&stmt, &params)
            .map_err(|e| pg_err(&self.url, e))?
        {
            let i: i32 = row.get(0);
            let Some(r) = usize::try_from(i).ok().and_then(|i| rows.get(i)) else {
                continue;
            };
            for w in r.cols.iter().flatten() {
                matched[*w] = true;
            }
        }
        Ok(())
    }

    fn batch_execute(&mut self, sql: &str) -> Result<()> {
        self.client
            .batch_execute(sql)
            .map_err(|e| pg_err(&self.url, e))
    }
}

/// A cooperating worker's hold on a span, with the statements that renew
/// it and record progress in a batch's transaction.
struct Fenced {
    hold: Hold,
    renew: Statement,
    record: Statement,
}

/// Which span of which rotation a worker holds, and until when it asks.
#[derive(Debug, Clone)]
pub struct Hold {
    /// The rotation's id.
    pub rotation: String,
    /// The range.
    pub range: i32,
    /// The worker.
    pub owner: String,
    /// The claim: a takeover makes it larger.
    pub epoch: i64,
    /// How long a renewal holds, in seconds.
    pub lease_secs: f64,
}

impl PgTable {
    /// Works on the rows up to `upto` only (`None`: to the end), each batch
    /// first renewing `hold` in its transaction and recording its progress
    /// before the commit; a batch that finds the hold taken over writes
    /// nothing and the run stops.
    pub fn hold(&mut self, hold: Hold, upto: Option<Key>) -> Result<()> {
        let (renew, record) = match self.fenced.take() {
            Some(f) => (f.renew, f.record),
            None => {
                let renew = self
                    .client
                    .prepare(super::lease::RENEW)
                    .map_err(|e| pg_err(&self.url, e))?;
                let record = self
                    .client
                    .prepare(super::lease::RECORD)
                    .map_err(|e| pg_err(&self.url, e))?;
                (renew, record)
            }
        };
        self.fenced = Some(Fenced {
            hold,
            renew,
            record,
        });
        self.upto = upto;
        self.lost = false;
        Ok(())
    }

    /// Whether the connection is gone (the server ended it, or it broke).
    pub fn is_closed(&self) -> bool {
        self.client.is_closed()
    }

    /// Whether a batch found this worker's hold taken over.
    pub fn lost(&self) -> bool {
        self.lost
    }

    /// Names this connection's session (`pg_stat_activity`, triggers) and
    /// has the server end a transaction left idle longer than `idle` (a
    /// stopped worker's), releasing its locks.
    pub fn session(&mut self, name: &str, idle: std::time::Duration) -> Result<()> {
        self.session_set = Some((name.to_string(), idle));
        let ms = idle.as_millis().to_string();
        self.client
            .execute(
                "SELECT set_config('application_name', $1, false), \
                        set_config('idle_in_transaction_session_timeout', $2, false)",
                &[&name, &ms],
            )
            .map_err(|e| pg_err(&self.url, e))
            .map(drop)
    }

    /// The key after every `every` rows (in key order, `--where` applied):
    /// the boundaries of ranges of `every` rows. One pass over the key's
    /// index.
    pub fn boundaries(&mut self, every: u64) -> Result<Vec<Key>> {
        let filter = self.filter("AND");
        let read: Vec<String> = self.keys.iter().map(KeyCol::read).collect();
        let (table_sql, order) = (self.table_sql.clone(), self.key_order());
        let sql = |cond: &str| {
            format!(
                "SELECT {} FROM {table_sql} WHERE {cond}{filter} ORDER BY {order} OFFSET $1 LIMIT 1",
                read.join(", "),
            )
        };
        let first = self
            .client
            .prepare(&sql("TRUE"))
            .map_err(|e| self.reader.err(e))?;
        let after = self
            .client
            .prepare(&sql(&self.key_cond(">", 2)))
            .map_err(|e| self.reader.err(e))?;
        let offset = i64::try_from(every.max(1) - 1).unwrap_or(i64::MAX);
        let mut out: Vec<Key> = Vec::new();
        loop {
            let key = key_params(&self.keys, out.last().map_or(&[][..], Vec::as_slice));
            let mut params: Vec<&(dyn ToSql + Sync)> = vec![&offset];
            params.extend(key.iter().map(|p| &**p));
            let stmt = if out.is_empty() { &first } else { &after };
            let row = self
                .client
                .query_opt(stmt, &params)
                .map_err(|e| pg_err(&self.url, e))?;
            match row {
                Some(row) => out.push(self.reader.key_value(&row)),
                None => return Ok(out),
            }
        }
    }

    /// The table as SQL names it (schema-qualified when given so).
    pub fn table_sql(&self) -> &str {
        &self.table_sql
    }

    /// The connection string.
    pub fn url(&self) -> &str {
        &self.url
    }
}

/// One row's writes in a batch: its version, and per column the index
/// (into the batch's writes) of its write, if it has one.
struct RowWrites {
    /// A write of the row, for its key.
    first: usize,
    xmin: i64,
    cols: Vec<Option<usize>>,
}

/// The batched compare-and-swap UPDATE of the rotated columns `cols`: `$1`
/// the rows' indexes (int4[]), then one array per key column (int8[] for an
/// integer key, text[] cast element by element to the column's type
/// otherwise, so the key's index serves the join), then each row's version
/// as read (`xmin`, as int8[]), then per column, when there are several,
/// whether the row has a write for it (bool[]), and its new value (bytea[]
/// for a bytea column; text[] otherwise, a json or jsonb column written
/// through a cast, as the one-row UPDATE does). It returns the indexes of
/// the rows that were still the version read.
fn batch_update_sql(table_sql: &str, keys: &[KeyCol], cols: &[String], kinds: &[Kind]) -> String {
    let mut arrays = vec!["int4[]".to_string()];
    let mut names = vec!["kw_i".to_string()];
    for (i, k) in keys.iter().enumerate() {
        arrays.push(if k.int { "int8[]" } else { "text[]" }.into());
        names.push(format!("kw_k{i}"));
    }
    arrays.push("int8[]".into());
    names.push("kw_x".into());
    let several = cols.len() > 1;
    let mut sets = Vec::new();
    for (c, (col, kind)) in cols.iter().zip(kinds).enumerate() {
        if several {
            arrays.push("bool[]".into());
            names.push(format!("kw_w{c}"));
        }
        arrays.push(
            if *kind == Kind::Bytes {
                "bytea[]"
            } else {
                "text[]"
            }
            .into(),
        );
        names.push(format!("kw_n{c}"));
        let new = match kind {
            Kind::Json(ty) => format!("kw_v.kw_n{c}::{ty}"),
            _ => format!("kw_v.kw_n{c}"),
        };
        sets.push(if several {
            format!(
                "{} = CASE WHEN kw_v.kw_w{c} THEN {new} ELSE kw_t.{} END",
                quote(col),
                quote(col)
            )
        } else {
            format!("{} = {new}", quote(col))
        });
    }
    let params: Vec<String> = arrays
        .iter()
        .enumerate()
        .map(|(i, ty)| format!("${}::{ty}", i + 1))
        .collect();
    let join: Vec<String> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| {
            if k.int {
                format!("kw_t.{} = kw_v.kw_k{i}", k.sql)
            } else {
                format!("kw_t.{} = kw_v.kw_k{i}::{}", k.sql, k.ty)
            }
        })
        .collect();
    format!(
        "UPDATE {table_sql} AS kw_t SET {} FROM unnest({}) AS kw_v({}) \
         WHERE {} AND kw_t.xmin = kw_v.kw_x::text::xid RETURNING kw_v.kw_i",
        sets.join(", "),
        params.join(", "),
        names.join(", "),
        join.join(" AND ")
    )
}

/// The most value bytes one batched UPDATE sends: a batch of large values
/// goes as several statements in its transaction, far below PostgreSQL's
/// limit of 1 GB on a message and on an array; the message the client
/// builds and the rows the server holds for the join stay small.
const STATEMENT_BYTES: usize = 8 << 20;

/// A value's size in a statement.
fn size(v: &Value) -> usize {
    match v {
        Value::Text(t) => t.len(),
        Value::Blob(b) => b.len(),
        _ => 8,
    }
}

/// Consecutive runs of items of these sizes, each at most `limit` bytes
/// (an item larger than `limit` alone), none empty.
fn runs(sizes: impl Iterator<Item = usize>, limit: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut bytes, mut n) = (0, 0usize, 0);
    for (i, s) in sizes.enumerate() {
        if i > start && bytes + s > limit {
            out.push(start..i);
            (start, bytes) = (i, 0);
        }
        bytes += s;
        n = i + 1;
    }
    if n > start {
        out.push(start..n);
    }
    out
}

/// One key column's values for a batched UPDATE.
enum KeyArray<'a> {
    Int(Vec<i64>),
    Text(Vec<Cow<'a, str>>),
}

impl KeyArray<'_> {
    fn as_param(&self) -> &(dyn ToSql + Sync) {
        match self {
            KeyArray::Int(v) => v,
            KeyArray::Text(v) => v,
        }
    }
}

/// The values of key column `k` (integers as `bigint`, the rest as text, as
/// [`key_params`] binds them one by one).
fn key_array<'a>(k: &KeyCol, values: impl Iterator<Item = &'a Value>) -> Result<KeyArray<'a>> {
    if k.int {
        values
            .map(|v| match v {
                Value::Integer(i) => Ok(*i),
                _ => Err(Error::internal(format!(
                    "a non-integer value of the integer key column {}",
                    k.sql
                ))),
            })
            .collect::<Result<_>>()
            .map(KeyArray::Int)
    } else {
        Ok(KeyArray::Text(
            values
                .map(|v| match v {
                    Value::Text(t) => Cow::Borrowed(t.as_str()),
                    other => Cow::Owned(pk_text(other)),
                })
                .collect(),
        ))
    }
}

/// A column's old or new values for a batched UPDATE, borrowed from the
/// writes where they already have the column's form.
enum CellArray<'a> {
    Text(Vec<Option<Cow<'a, str>>>),
    Bytes(Vec<Option<Cow<'a, [u8]>>>),
}

impl CellArray<'_> {
    fn as_param(&self) -> &(dyn ToSql + Sync) {
        match self {
            CellArray::Text(v) => v,
            CellArray::Bytes(v) => v,
        }
    }
}

/// A value for a text, json or jsonb column (as [`param`] binds it: a blob
/// as UTF-8, invalid sequences replaced).
fn text_cell(v: &Value) -> Option<Cow<'_, str>> {
    match v {
        Value::Null => None,
        Value::Text(t) => Some(Cow::Borrowed(t.as_str())),
        Value::Blob(b) => Some(String::from_utf8_lossy(b)),
        Value::Integer(i) => Some(Cow::Owned(i.to_string())),
        Value::Real(r) => Some(Cow::Owned(r.to_string())),
    }
}

/// A value for a bytea column (text as its UTF-8 bytes).
fn bytes_cell(v: &Value) -> Option<Cow<'_, [u8]>> {
    match v {
        Value::Null => None,
        Value::Blob(b) => Some(Cow::Borrowed(b.as_slice())),
        Value::Text(t) => Some(Cow::Borrowed(t.as_bytes())),
        Value::Integer(i) => Some(Cow::Owned(i.to_string().into_bytes())),
        Value::Real(r) => Some(Cow::Owned(r.to_string().into_bytes())),
    }
}

/// One transaction per batch; each column's writes in one UPDATE comparing
/// every row's old value; a conflicting row is re-read `FOR UPDATE` and
/// redone under that lock.
impl Storage for PgTable {
    fn begin(&mut self) -> Result<bool> {
        self.batch_execute("BEGIN")?;
        let Some(f) = &self.fenced else {
            return Ok(true);
        };
        let h = &f.hold;
        // Renewing the lease locks the span's row until the commit: no
        // other worker can take the span over while this batch writes.
        let renewed = self.client.execute(
            &f.renew,
            &[&h.rotation, &h.range, &h.owner, &h.epoch, &h.lease_secs],
        );
        let held = match renewed {
            Ok(n) => n == 1,
            // The rotation finished meanwhile and its tables are gone.
            Err(e) if e.code() == Some(&postgres::error::SqlState::UNDEFINED_TABLE) => false,
            Err(e) => {
                let _ = self.batch_execute("ROLLBACK");
                return Err(pg_err(&self.url, e));
            }
        };
        if !held {
            self.lost = true;
            self.batch_execute("ROLLBACK")?;
        }
        Ok(held)
    }

    fn tracks_progress(&self) -> bool {
        self.fenced.is_some()
    }

    fn checkpoint(&mut self, last: &[Value], rows: u64, rotated: u64) -> Result<()> {
        let Some(f) = &self.fenced else {
            return Ok(());
        };
        let (key, rows, rotated) = (
            super::lease::key_json(last),
            i64::try_from(rows).unwrap_or(i64::MAX),
            i64::try_from(rotated).unwrap_or(i64::MAX),
        );
        self.client
            .execute(
                &f.record,
                &[&f.hold.rotation, &f.hold.range, &key, &rows, &rotated],
            )
            .map_err(|e| pg_err(&self.url, e))
            .map(drop)
    }

    fn write(&mut self, writes: &Writes) -> Result<Vec<usize>> {
        // The writes by row, in the order they come; a row whose version is
        // not known is left to the redo.
        let mut rows: Vec<RowWrites> = Vec::new();
        let mut by_key: HashMap<Vec<u8>, Option<usize>> = HashMap::new();
        for (i, (col, key, ..)) in writes.iter().enumerate() {
            let id = key_id(key);
            let row = match by_key.get(&id) {
                Some(row) => *row,
                None => {
                    let row = self.version(&id).map(|xmin| {
                        rows.push(RowWrites {
                            first: i,
                            xmin,
                            cols: vec![None; self.kinds.len()],
                        });
                        rows.len() - 1
                    });
                    by_key.insert(id, row);
                    row
                }
            };
            if let Some(row) = row {
                rows[row].cols[*col] = Some(i);
            }
        }
        let mut matched = vec![false; writes.len()];
        let sizes = rows.iter().map(|r| {
            r.cols
                .iter()
                .flatten()
                .map(|&i| size(&writes[i].3))
                .sum::<usize>()
        });
        for run in runs(sizes, STATEMENT_BYTES) {
            self.write_rows(writes, &rows[run], &mut matched)?;
        }
        Ok((0..writes.len()).filter(|&i| !matched[i]).collect())
    }

    fn reread(&mut self, col: usize, key: &[Value]) -> Result<Option<Value>> {
        let params = key_params(&self.keys, key);
        let key_only: Vec<&(dyn ToSql + Sync)> = params.iter().map(|p| &**p).collect();
        let row = self
            .client
            .query_opt(&self.rereads[col], &key_only)
            .map_err(|e| pg_err(&self.url, e))?;
        Ok(row.map(|row| {
            if self.kinds[col] == Kind::Bytes {
                row.get::<_, Option<Vec<u8>>>(0)
                    .map(Value::Blob)
                    .unwrap_or(Value::Null)
            } else {
                row.get::<_, Option<String>>(0)
                    .map(Value::Text)
                    .unwrap_or(Value::Null)
            }
        }))
    }

    fn rewrite(&mut self, col: usize, key: &[Value], old: &Value, new: &Value) -> Result<()> {
        self.update(col, key, old, new).map(drop)
    }

    fn commit(&mut self) -> Result<()> {
        self.batch_execute("COMMIT")
    }

    fn connection_lost(&mut self) -> bool {
        // A session the server ended is not always seen as closed at once:
        // ask the server.
        self.read_lost
            || self.client.is_closed()
            || self
                .client
                .is_valid(std::time::Duration::from_secs(5))
                .is_err()
    }

    fn reconnect(&mut self) -> Result<()> {
        self.client = crate::pgtls::connect(&self.url, &redact(&self.url))?;
        self.reader.stmts = Default::default();
        self.read_lost = false;
        self.versions.clear();
        let writes = self.batch_update.take().is_some();
        self.ahead = None;
        if let Some((name, idle)) = self.session_set.clone() {
            self.session(&name, idle)?;
        }
        if writes {
            self.prepare_writes()?;
        }
        if let Some(f) = self.fenced.take() {
            let upto = self.upto.clone();
            self.hold(f.hold, upto)?;
        }
        Ok(())
    }

    fn rollback(&mut self) -> Result<()> {
        self.batch_execute("ROLLBACK")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(
            redact("postgres://app:s3cret@db:5432/x"),
            "postgres://app@db:5432/x"
        );
        assert_eq!(redact("postgres://db/x"), "postgres://db/x");
        assert_eq!(
            redact("postgres://app@db/x?sslmode=require&password=s3cret"),
            "postgres://app@db/x?sslmode=require"
        );
        assert_eq!(
            redact("host=127.0.0.1 user=postgres password=S3CRETPW dbname=test"),
            "host=127.0.0.1 user=postgres dbname=test"
        );
        assert_eq!(
            redact("host=db password = 'it\\'s a secret' dbname=x"),
            "host=db dbname=x"
        );
        assert_eq!(
            redact("postgres://app:pa?ss-SECRET@127.0.0.1:1/db?sslmode=require"),
            "postgres://app@127.0.0.1:1/db?sslmode=require"
        );
        assert_eq!(
            redact("postgres://app:p@ss/w#rd@db/x"),
            "postgres://app@db/x"
        );
        assert!(is_conn_string("host=db dbname=x"));
        assert!(is_conn_string("client_encoding=UTF8 host=db password=x"));
        assert!(is_conn_string("postgresql://db/x"));
        assert!(!is_conn_string("memories.db"));
        assert!(!is_conn_string("./data/host.db"));
    }

    /// libpq key=value values escape with backslashes, bare or quoted: the
    /// whole value goes, and nothing of it is taken for another pair.
    #[test]
    fn hardening_11_redaction_parses_conninfo_escapes() {
        let cases = [
            (
                r"host=db password=Hunter2\ SecretPW dbname=x",
                "host=db dbname=x",
            ),
            (r"password=Hunter2\ SecretPW", ""),
            (
                r"host=db password='a b\' c SecretPW' dbname=x",
                "host=db dbname=x",
            ),
            (r"host=db password='a\\' dbname=x", "host=db dbname=x"),
            (
                r"host=db password='a\\\' SecretPW' dbname=x",
                "host=db dbname=x",
            ),
            (r"host=db password = 'x SecretPW' port=5", "host=db port=5"),
            (r"host=db password=a\\ user=u", "host=db user=u"),
            (r"host=db password=\'SecretPW user=u", "host=db user=u"),
            (r"host=db password='unterminated SecretPW", "host=db"),
            (r"host=db PASSWORD=SecretPW", "host=db"),
            (r"host=db password= SecretPW", "host=db"),
            (r"host=db bogus SecretPW password=x", "host=db"),
            (
                r"application_name='my app' password=SecretPW",
                "application_name='my app'",
            ),
            (
                "postgres://u@db/x?Password=SecretPW&sslmode=require",
                "postgres://u@db/x?sslmode=require",
            ),
            ("postgres://u@db/x?pass%77ord=SecretPW", "postgres://u@db/x"),
        ];
        for (conn, want) in cases {
            let got = redact(conn);
            assert_eq!(got, want, "{conn}");
            assert!(!got.contains("SecretPW"), "{conn} -> {got}");
        }
    }

    /// Large batches go as several statements of at most the limit; an
    /// item over it goes alone.
    #[test]
    fn large_batches_are_split_into_runs_under_the_limit() {
        let r = |sizes: &[usize], limit| runs(sizes.iter().copied(), limit);
        assert_eq!(r(&[], 10), Vec::<std::ops::Range<usize>>::new());
        assert_eq!(r(&[3, 3, 3], 10), vec![0..3]);
        assert_eq!(r(&[4, 4, 4, 4, 4], 10), vec![0..2, 2..4, 4..5]);
        assert_eq!(r(&[5, 5, 5], 10), vec![0..2, 2..3]);
        assert_eq!(r(&[30, 1, 1, 30], 10), vec![0..1, 1..3, 3..4]);
        assert_eq!(r(&[10, 10], 10), vec![0..1, 1..2]);
    }

    /// A string that is neither a file nor a recognised connection string
    /// (libpq keywords are lowercase) is not echoed with its password.
    #[test]
    fn hardening_11_unrecognised_connection_strings_are_redacted() {
        let target = Target::simple(
            "Host=db password=Hunter2\\ SecretPW".into(),
            "t".into(),
            vec!["c".into()],
        );
        let e = crate::rotate::Table::open(&target, false).err().unwrap();
        assert_eq!(e.exit_code(), 4);
        assert_eq!(e.message(), "Host=db: no such database file");
    }
}
