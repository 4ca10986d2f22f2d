//! The SQLite engine: a table opened and checked (its key for keyset
//! pagination, its columns), read in key order into reused buffers, and
//! written through [`SqliteWriter`], the [`Storage`] the rotation core
//! drives (compare-and-swap UPDATEs bound in place, `BEGIN IMMEDIATE` per
//! batch).

use std::time::Duration;

use rusqlite::types::Value;
use rusqlite::{Connection, OpenFlags};

use super::update;
use super::{Batch, Key, Rows, Storage, Target, Writes, key_text, row_value};
use crate::error::{Error, Result};

use crate::sql::quote_ident as ident;

fn sql_err(db: &std::path::Path, e: rusqlite::Error) -> Error {
    crate::store::sql_error(db, e)
}

/// An open target table.
pub struct Table {
    conn: Connection,
    target: Target,
    key_cols: Vec<String>,
    pk_name: String,
    select_first: String,
    select_next: String,
    /// Text and blob buffers of values already written, refilled with the
    /// next batch's values: the reading thread would otherwise allocate and
    /// free a buffer of each value's size for every row (a tenth of a
    /// rotation's CPU went to malloc). They only ever hold stored values.
    texts: std::cell::RefCell<Vec<String>>,
    blobs: std::cell::RefCell<Vec<Vec<u8>>>,
}

/// How many written values' buffers are kept for reuse.
const POOLED: usize = 4096;

/// The columns keyset pagination walks, quoted: `--pk` if it is a key (the
/// rowid, or columns with a UNIQUE index on exactly them and no NULL), else
/// the table's single-column primary key (when no row has it NULL), else
/// the rowid, else (WITHOUT ROWID) the primary key's columns. Columns that
/// are not a key would let rows sharing a value be skipped, and a NULL key
/// would never be reached, so both are refused.
fn key_columns(
    conn: &Connection,
    target: &Target,
    cols: &[(String, String, i64)],
) -> Result<Vec<String>> {
    let db = &target.db;
    let table = ident(&target.table);
    // The rowid under whichever of its three names no column has taken;
    // none for a WITHOUT ROWID table.
    let rowid_name: Option<&str> = ["rowid", "_rowid_", "oid"]
        .into_iter()
        .find(|r| !cols.iter().any(|(n, _, _)| n.eq_ignore_ascii_case(r)))
        .filter(|r| {
            conn.prepare(&format!("SELECT {r} FROM {table} LIMIT 0"))
                .is_ok()
        });
    let has_rowid = rowid_name.is_some();
    let declared: Vec<&(String, String, i64)> = {
        let mut pks: Vec<_> = cols.iter().filter(|(_, _, pk)| *pk > 0).collect();
        pks.sort_by_key(|(_, _, pk)| *pk);
        pks
    };
    // The table's indexes, read once: (name, unique, origin, partial).
    let indexes: Vec<(String, bool, String, bool)> = {
        let mut list = conn
            .prepare(&format!("PRAGMA index_list({table})"))
            .map_err(|e| sql_err(db, e))?;
        list.query_map([], |r| {
            Ok((
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)? == 1,
                r.get::<_, String>(3)?,
                r.get::<_, i64>(4)? == 1,
            ))
        })
        .map_err(|e| sql_err(db, e))?
        .collect::<rusqlite::Result<_>>()
        .map_err(|e| sql_err(db, e))?
    };
    // The INTEGER PRIMARY KEY of a rowid table is the rowid itself, unless
    // it is declared DESC (then it is an ordinary column with an index of
    // origin 'pk', and may even be NULL).
    let pk_index = indexes.iter().any(|(_, _, origin, _)| origin == "pk");
    let rowid_alias = match declared.as_slice() {
        [(name, ty, _)] if has_rowid && !pk_index && ty.eq_ignore_ascii_case("INTEGER") => {
            Some(name.as_str())
        }
        _ => None,
    };
    let has_null = |cols: &[&str]| -> Result<bool> {
        let any = cols
            .iter()
            .map(|c| format!("{} IS NULL", ident(c)))
            .collect::<Vec<_>>()
            .join(" OR ");
        conn.query_row(
            &format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE {any})"),
            [],
            |r| r.get::<_, bool>(0),
        )
        .map_err(|e| sql_err(db, e))
    };
    // A UNIQUE index, not partial, on exactly these columns (in any order).
    let unique_on = |want: &[&str]| -> Result<bool> {
        for (name, unique, _, partial) in &indexes {
            if !unique || *partial {
                continue;
            }
            let mut info = conn
                .prepare(&format!("PRAGMA index_info({})", ident(name)))
                .map_err(|e| sql_err(db, e))?;
            let mut on: Vec<Option<String>> = info
                .query_map([], |r| r.get::<_, Option<String>>(2))
                .map_err(|e| sql_err(db, e))?
                .collect::<rusqlite::Result<_>>()
                .map_err(|e| sql_err(db, e))?;
            let mut want: Vec<Option<String>> = want.iter().map(|c| Some(c.to_string())).collect();
            on.sort();
            want.sort();
            if on == want {
                return Ok(true);
            }
        }
        Ok(false)
    };
    let where_ = format!("{}: table {}", db.display(), target.table);
    let given = target.pk_columns()?;
    let given: Option<Vec<&str>> = given
        .as_ref()
        .map(|cols| cols.iter().map(String::as_str).collect());
    let keys = match given.as_deref() {
        Some([pk])
            if ["rowid", "_rowid_", "oid"].contains(&pk.to_ascii_lowercase().as_str())
                && !cols.iter().any(|(n, _, _)| n.eq_ignore_ascii_case(pk)) =>
        {
            vec![rowid_name.map(str::to_string).ok_or_else(|| {
                Error::usage(format!("{where_} is WITHOUT ROWID: there is no rowid to page by"))
                    .with_hint("leave --pk out to use the primary key, or name columns with a UNIQUE index and no NULL")
            })?]
        }
        Some(pks) => {
            let shown = pks.join(",");
            for pk in pks {
                if !cols.iter().any(|(n, _, _)| n == pk) {
                    return Err(Error::bad_input(format!("{where_} has no column {pk}")));
                }
            }
            let alias = matches!(pks, [pk] if rowid_alias == Some(*pk));
            if !alias && !unique_on(pks)? {
                return Err(Error::usage(format!(
                    "{where_}: --pk {shown} is not a key (no UNIQUE index on exactly {shown}): rows sharing a value could be skipped"
                ))
                .with_hint("name unique columns, or leave --pk out to use the primary key or rowid"));
            }
            if !alias && has_null(pks)? {
                return Err(Error::usage(format!(
                    "{where_}: --pk {shown} is NULL in some rows, which keyset pagination cannot reach"
                ))
                .with_hint("leave --pk out to use the rowid, or fill the NULLs"));
            }
            pks.iter().map(|p| ident(p)).collect()
        }
        None => match (declared.as_slice(), rowid_alias) {
            (_, Some(alias)) => vec![ident(alias)],
            ([(name, _, _)], None) if !has_null(&[name])? => vec![ident(name)],
            // A rowid table pages by its rowid: one integer, the fastest key.
            _ if has_rowid => vec![rowid_name.unwrap_or("rowid").to_string()],
            // WITHOUT ROWID: the primary key, whose columns SQLite keeps NOT NULL.
            _ => declared.iter().map(|(n, _, _)| ident(n)).collect(),
        },
    };
    target.check_context_key(&where_, keys.len())?;
    // The rowid can change (VACUUM renumbers a rowid table without an
    // INTEGER PRIMARY KEY), so it is a context only when asked for by name.
    if target.context_from_row && given.is_none() && Some(keys[0].as_str()) == rowid_name {
        return Err(Error::usage(format!(
            "{where_}: --context-from-row needs a single-column key without NULLs, and this table's primary key is {}",
            if declared.is_empty() { "missing".to_string() } else if declared.len() > 1 { "on several columns".to_string() } else { "NULL in some rows".to_string() }
        ))
        .with_hint("name the key column with --pk (a column with a UNIQUE index and no NULL)"));
    }
    Ok(keys)
}

impl Table {
    /// Opens the database and checks the table, columns and key.
    pub fn open(target: &Target, write: bool) -> Result<Table> {
        let db = &target.db;
        if !db.exists() {
            // Not a file: perhaps a connection string keyward did not
            // recognise (`Host=db password=...`), so never echoed whole.
            let shown = db.display().to_string();
            let shown = if shown.to_ascii_lowercase().contains("password") {
                crate::pgtls::redact(&shown)
            } else {
                shown
            };
            return Err(Error::environment(format!(
                "{shown}: no such database file"
            )));
        }
        let flags = if write {
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX
        } else {
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
        };
        let conn = Connection::open_with_flags(db, flags).map_err(|e| sql_err(db, e))?;
        conn.busy_timeout(Duration::from_secs(30))
            .map_err(|e| sql_err(db, e))?;
        let mut info = conn
            .prepare(&format!("PRAGMA table_info({})", ident(&target.table)))
            .map_err(|e| sql_err(db, e))?;
        let cols: Vec<(String, String, i64)> = info
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, i64>(5)?,
                ))
            })
            .map_err(|e| sql_err(db, e))?
            .collect::<rusqlite::Result<_>>()
            .map_err(|e| sql_err(db, e))?;
        drop(info);
        if cols.is_empty() {
            return Err(Error::bad_input(format!(
                "{}: no table {}",
                db.display(),
                target.table
            )));
        }
        for c in &target.columns {
            if !cols.iter().any(|(n, _, _)| n == c) {
                return Err(Error::bad_input(format!(
                    "{}: table {} has no column {c}",
                    db.display(),
                    target.table
                )));
            }
        }
        let key_cols = key_columns(&conn, target, &cols)?;
        if target.columns.iter().any(|c| key_cols.contains(&ident(c))) {
            return Err(Error::usage(
                "the key column cannot be one of the rotated columns",
            ));
        }
        let key_list = key_cols.join(", ");
        let cols_sql: Vec<String> = target.columns.iter().map(|c| ident(c)).collect();
        let filter = target
            .filter
            .as_deref()
            .map(|w| format!(" AND ({w})"))
            .unwrap_or_default();
        let select = |cond: &str| {
            format!(
                "SELECT {key_list}, {} FROM {} WHERE {cond}{filter} ORDER BY {key_list} LIMIT ?1",
                cols_sql.join(", "),
                ident(&target.table)
            )
        };
        // Keyset pagination: the first batch from the start, then after the last key seen.
        // Several key columns compare as a row value, which SQLite answers
        // from the index on them.
        let select_first = select("1");
        let select_next = select(&format!(
            "{} > {}",
            row_value(&key_cols),
            params_from(2, key_cols.len())
        ));
        // Check the statement now, so a bad --where is an error before any work.
        conn.prepare(&select_next).map_err(|e| {
            Error::usage(format!(
                "cannot read {}.{}: {e}",
                target.table,
                target.columns.join(",")
            ))
        })?;
        let pk_name = key_name(&key_cols);
        Ok(Table {
            conn,
            target: target.clone(),
            key_cols,
            pk_name,
            select_first,
            select_next,
            texts: Default::default(),
            blobs: Default::default(),
        })
    }

    /// Keeps a written value's buffer for the next batch.
    fn recycle(&self, v: Value) {
        match v {
            Value::Text(t) => {
                let mut texts = self.texts.borrow_mut();
                if texts.len() < POOLED {
                    texts.push(t);
                }
            }
            Value::Blob(b) => {
                let mut blobs = self.blobs.borrow_mut();
                if blobs.len() < POOLED {
                    blobs.push(b);
                }
            }
            _ => {}
        }
    }

    /// Rows to process, for the progress bar.
    pub fn count(&self) -> Result<u64> {
        let filter = self
            .target
            .filter
            .as_deref()
            .map(|w| format!(" WHERE ({w})"))
            .unwrap_or_default();
        self.conn
            .query_row(
                &format!("SELECT count(*) FROM {}{filter}", ident(&self.target.table)),
                [],
                |r| r.get::<_, i64>(0),
            )
            .map(|n| n as u64)
            .map_err(|e| sql_err(&self.target.db, e))
    }

    fn read_batch(&self, after: &[Value], limit: usize) -> Result<Batch> {
        let sql = if after.is_empty() {
            &self.select_first
        } else {
            &self.select_next
        };
        let mut stmt = self
            .conn
            .prepare_cached(sql)
            .map_err(|e| sql_err(&self.target.db, e))?;
        let (nk, n) = (self.key_cols.len(), self.target.columns.len());
        let limit = Value::Integer(limit as i64);
        let (mut texts, mut blobs) = (self.texts.borrow_mut(), self.blobs.borrow_mut());
        // A TEXT value that is not UTF-8: where it is.
        let mut not_utf8: Option<(Key, usize)> = None;
        let rows = stmt
            .query_map(
                rusqlite::params_from_iter(std::iter::once(&limit).chain(after)),
                |r| {
                    use rusqlite::types::ValueRef;
                    let mut key = Vec::with_capacity(nk);
                    for i in 0..nk {
                        key.push(r.get::<_, Value>(i)?);
                    }
                    let mut vals = Vec::with_capacity(n);
                    for i in nk..nk + n {
                        // As rusqlite's own conversion, into a reused buffer.
                        let v = match r.get_ref(i)? {
                            ValueRef::Text(t) => match std::str::from_utf8(t) {
                                Ok(t) => {
                                    let mut buf = texts.pop().unwrap_or_default();
                                    buf.clear();
                                    buf.push_str(t);
                                    Value::Text(buf)
                                }
                                Err(e) => {
                                    not_utf8 = Some((key, i - nk));
                                    return Err(rusqlite::Error::Utf8Error(i, e));
                                }
                            },
                            ValueRef::Blob(b) => {
                                let mut buf = blobs.pop().unwrap_or_default();
                                buf.clear();
                                buf.extend_from_slice(b);
                                Value::Blob(buf)
                            }
                            _ => r.get::<_, Value>(i)?,
                        };
                        vals.push(v);
                    }
                    Ok((key, vals))
                },
            )
            .map_err(|e| sql_err(&self.target.db, e))?;
        let batch = rows.collect::<rusqlite::Result<Vec<_>>>();
        if let Some((key, col)) = not_utf8 {
            return Err(Error::bad_input(format!(
                "{}: {}.{} at {} {}: the TEXT value is not valid UTF-8, so it is neither a Fernet token nor an envelope (left as it is)",
                self.target.db.display(),
                self.target.table,
                self.target.columns[col],
                self.pk_name,
                key_text(&key)
            ))
            .with_hint("fix or clear that value, or store binary data as a BLOB; a rotation stopped here resumes where it stopped"));
        }
        batch.map_err(|e| sql_err(&self.target.db, e))
    }
}

/// `?first` for one parameter, `(?first, ?first+1, ...)` for several.
fn params_from(first: usize, n: usize) -> String {
    let list: Vec<String> = (first..first + n).map(|i| format!("?{i}")).collect();
    row_value(&list)
}

/// The key columns' names, unquoted, for messages: `id`, `(tenant, id)`.
pub(crate) fn key_name(quoted: &[String]) -> String {
    let names: Vec<String> = quoted
        .iter()
        .map(
            |q| match q.strip_prefix('"').and_then(|q| q.strip_suffix('"')) {
                Some(inner) => inner.replace("\"\"", "\""),
                None => q.clone(),
            },
        )
        .collect();
    row_value(&names)
}

impl Rows for Table {
    fn target(&self) -> &Target {
        &self.target
    }
    fn pk_name(&self) -> &str {
        &self.pk_name
    }
    fn next_batch(&mut self, after: &[Value], limit: usize) -> Result<Batch> {
        self.read_batch(after, limit)
    }
}

/// The UPDATE and re-read statements of each rotated column.
struct WriteSql {
    updates: Vec<String>,
    rereads: Vec<String>,
}

impl WriteSql {
    /// `?1` is the new value, then the key, then the old value.
    fn new(target: &Target, key_cols: &[String]) -> WriteSql {
        let each = |f: &dyn Fn(String) -> String| -> Vec<String> {
            target.columns.iter().map(|c| f(ident(c))).collect()
        };
        let table = ident(&target.table);
        let (key, nk) = (row_value(key_cols), key_cols.len());
        let (key_at_2, key_at_1) = (params_from(2, nk), params_from(1, nk));
        WriteSql {
            updates: each(&|c| {
                format!(
                    "UPDATE {table} SET {c} = ?1 WHERE {key} = {key_at_2} AND {c} IS ?{}",
                    nk + 2
                )
            }),
            rereads: each(&|c| format!("SELECT {c} FROM {table} WHERE {key} = {key_at_1}")),
        }
    }
}

/// The SQLite engine's writer: a [`Table`] with its compare-and-swap
/// UPDATE and re-read statements prepared.
pub struct SqliteWriter<'t> {
    table: &'t Table,
    updates: Vec<update::StaticUpdate<'t>>,
    rereads: Vec<String>,
}

impl<'t> SqliteWriter<'t> {
    /// Prepares `table`'s statements and sizes its cache for `batch` rows.
    pub fn new(table: &'t Table, batch: usize) -> Result<SqliteWriter<'t>> {
        let db = &table.target.db;
        // Two batches are in the cache at once (the one being written and the
        // next one read): room for both, so no page is read twice.
        let cache_kib = (batch.saturating_mul(8)).clamp(8 * 1024, 256 * 1024);
        table
            .conn
            .execute_batch(&format!("PRAGMA cache_size = -{cache_kib}"))
            .map_err(|e| sql_err(db, e))?;
        let sql = WriteSql::new(&table.target, &table.key_cols);
        let updates = sql
            .updates
            .iter()
            .map(|q| update::StaticUpdate::prepare(&table.conn, q))
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| sql_err(db, e))?;
        Ok(SqliteWriter {
            table,
            updates,
            rereads: sql.rereads,
        })
    }

    fn err(&self, e: rusqlite::Error) -> Error {
        sql_err(&self.table.target.db, e)
    }
}

impl Rows for SqliteWriter<'_> {
    fn target(&self) -> &Target {
        &self.table.target
    }
    fn pk_name(&self) -> &str {
        &self.table.pk_name
    }
    fn next_batch(&mut self, after: &[Value], limit: usize) -> Result<Batch> {
        self.table.read_batch(after, limit)
    }
}

impl Storage for SqliteWriter<'_> {
    fn begin(&mut self) -> Result<bool> {
        self.table
            .conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(|e| self.err(e))?;
        Ok(true)
    }

    fn write(&mut self, writes: &Writes) -> Result<Vec<usize>> {
        let mut missed = Vec::new();
        for (i, (col, pk, old, new)) in writes.iter().enumerate() {
            let changed = self.updates[*col]
                .execute(new, pk, old)
                .map_err(|e| sql_err(&self.table.target.db, e))?;
            if changed == 0 {
                missed.push(i);
            }
        }
        Ok(missed)
    }

    fn reread(&mut self, col: usize, key: &[Value]) -> Result<Option<Value>> {
        self.table
            .conn
            .prepare_cached(&self.rereads[col])
            .and_then(|mut s| s.query_row(rusqlite::params_from_iter(key), |r| r.get(0)))
            .map(Some)
            .or_else(|e| {
                if e == rusqlite::Error::QueryReturnedNoRows {
                    Ok(None)
                } else {
                    Err(e)
                }
            })
            .map_err(|e| self.err(e))
    }

    fn rewrite(&mut self, col: usize, key: &[Value], old: &Value, new: &Value) -> Result<()> {
        self.updates[col]
            .execute(new, key, old)
            .map(drop)
            .map_err(|e| sql_err(&self.table.target.db, e))
    }

    fn commit(&mut self) -> Result<()> {
        self.table
            .conn
            .execute_batch("COMMIT")
            .map_err(|e| self.err(e))
    }

    fn rollback(&mut self) -> Result<()> {
        self.table
            .conn
            .execute_batch("ROLLBACK")
            .map_err(|e| self.err(e))
    }

    fn recycle(&mut self, old: Value) {
        self.table.recycle(old);
    }
}
