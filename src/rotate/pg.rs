//! Rotation on PostgreSQL, for data that outgrows one machine: the same
//! promises as on SQLite (preflight, one transaction per batch, keyset
//! pagination, compare-and-swap UPDATEs with conflicts redone under a row
//! lock, nothing undecryptable overwritten), through the `postgres` client.
//! Connections honour libpq's `sslmode` and `sslrootcert` (see
//! [`crate::pgtls`]).

use std::time::Instant;

use postgres::Client;
use postgres::types::ToSql;
use rusqlite::types::Value;

use crate::error::{Error, Result};
use crate::rotate::codec::{Keys, Outcome};
use crate::rotate::{
    Options, Progress, Report, Rows, Target, pk_text, plan_batch, rotate_cell, throttle,
};

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
    pk_sql: String,
    pk_name: String,
    pk_int: bool,
    kinds: Vec<Kind>,
}

fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// A connection string without its password, for messages: the URL form
/// (`postgres://user:secret@host/db`) loses `:secret` and any `password=`
/// query parameter; the key=value form (`host=db password=secret`) loses
/// its `password=...` pair, quoted or not.
pub fn redact(conn: &str) -> String {
    if is_conn_string_url(conn) {
        let scheme_end = conn.find("://").map_or(0, |i| i + 3);
        // The user part ends at the last `@`: a password may hold `@`, `?`,
        // `/` or `#`, and a host cannot hold `@`. Only after it does the
        // query start.
        let (head, rest) = match conn[scheme_end..].rfind('@') {
            Some(at) => {
                let creds = &conn[scheme_end..scheme_end + at];
                let user = creds.split(':').next().unwrap_or("");
                (
                    format!("{}{user}@", &conn[..scheme_end]),
                    &conn[scheme_end + at + 1..],
                )
            }
            None => (conn[..scheme_end].to_string(), &conn[scheme_end..]),
        };
        let (host, query) = match rest.split_once('?') {
            Some((h, q)) => (h, Some(q)),
            None => (rest, None),
        };
        let mut out = format!("{head}{host}");
        if let Some(q) = query {
            let kept: Vec<&str> = q
                .split('&')
                .filter(|p| !p.to_ascii_lowercase().starts_with("password="))
                .collect();
            if !kept.is_empty() {
                out.push('?');
                out.push_str(&kept.join("&"));
            }
        }
        return out;
    }
    // key=value: walk the pairs, skipping password's value (which may be
    // 'quoted', with \' and \\ escapes, and hold spaces).
    let mut out = Vec::new();
    let mut rest = conn.trim_start();
    while !rest.is_empty() {
        let eq = rest.find('=').unwrap_or(rest.len());
        let key = rest[..eq].trim();
        let mut after = rest.get(eq + 1..).unwrap_or("").trim_start();
        let value_len = if after.starts_with('\'') {
            let mut escaped = false;
            let mut end = after.len();
            for (i, c) in after.char_indices().skip(1) {
                match c {
                    '\\' if !escaped => escaped = true,
                    '\'' if !escaped => {
                        end = i + 1;
                        break;
                    }
                    _ => escaped = false,
                }
            }
            end
        } else {
            after.find(char::is_whitespace).unwrap_or(after.len())
        };
        let value = &after[..value_len];
        if !key.eq_ignore_ascii_case("password") {
            out.push(format!("{key}={value}"));
        }
        after = &after[value_len..];
        rest = after.trim_start();
    }
    out.join(" ")
}

/// Whether `db` names a PostgreSQL server rather than a SQLite file: a
/// `postgres://` or `postgresql://` URL, or a libpq key=value string
/// (`host=db dbname=app user=app`).
pub fn is_conn_string(db: &str) -> bool {
    if is_conn_string_url(db) {
        return true;
    }
    // Any `keyword=` first (libpq has dozens: host, dbname, sslcert,
    // client_encoding...); a file name seldom looks like that.
    db.trim_start().split_once('=').is_some_and(|(k, _)| {
        let k = k.trim();
        !k.is_empty() && k.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
    })
}

fn is_conn_string_url(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}

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
        let pk_name = match &target.pk {
            Some(pk) => pk.clone(),
            None => {
                let pks = client
                    .query(
                        "SELECT a.attname::text FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
                         WHERE i.indrelid = $1::text::regclass AND i.indisprimary",
                        &[&table_sql],
                    )
                    .map_err(|e| pg_err(url, e))?;
                match pks.as_slice() {
                    [one] => one.get(0),
                    _ => {
                        return Err(Error::usage(format!(
                            "table {} has no single-column primary key; name the key column with --pk",
                            target.table
                        )));
                    }
                }
            }
        };
        let pk_type = cols
            .iter()
            .find(|(n, _)| *n == pk_name)
            .map(|(_, t)| t.clone())
            .ok_or_else(|| {
                Error::bad_input(format!("table {} has no column {pk_name}", target.table))
            })?;
        let pk_int = matches!(pk_type.as_str(), "smallint" | "integer" | "bigint");
        // Keyset pagination needs a key: rows sharing a value could be
        // skipped, and a NULL is never reached.
        let unique: bool = client
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
                 WHERE i.indrelid = $1::text::regclass AND i.indisunique AND i.indnkeyatts = 1 AND i.indpred IS NULL AND a.attname = $2)",
                &[&table_sql, &pk_name],
            )
            .map_err(|e| pg_err(url, e))?
            .get(0);
        if !unique {
            return Err(Error::usage(format!(
                "table {}: --pk {pk_name} is not a key (no UNIQUE index on {pk_name} alone): rows sharing a value could be skipped",
                target.table
            ))
            .with_hint("name a unique column, or leave --pk out to use the primary key"));
        }
        let has_null: bool = client
            .query_one(
                &format!(
                    "SELECT EXISTS (SELECT 1 FROM {table_sql} WHERE {} IS NULL)",
                    quote(&pk_name)
                ),
                &[],
            )
            .map_err(|e| pg_err(url, e))?
            .get(0);
        if has_null {
            return Err(Error::usage(format!(
                "table {}: --pk {pk_name} is NULL in some rows, which keyset pagination cannot reach",
                target.table
            ))
            .with_hint("name a unique column without NULLs"));
        }
        Ok(PgTable {
            client,
            target: target.clone(),
            url: url.to_string(),
            table_sql,
            pk_sql: quote(&pk_name),
            pk_name,
            pk_int,
            kinds,
        })
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

    fn pk_expr(&self) -> String {
        if self.pk_int {
            format!("{}::bigint", self.pk_sql)
        } else {
            format!("{}::text", self.pk_sql)
        }
    }

    fn cell(&self, row: &postgres::Row, i: usize) -> Value {
        match self.kinds[i] {
            Kind::Bytes => row
                .get::<_, Option<Vec<u8>>>(i + 1)
                .map(Value::Blob)
                .unwrap_or(Value::Null),
            _ => row
                .get::<_, Option<String>>(i + 1)
                .map(Value::Text)
                .unwrap_or(Value::Null),
        }
    }

    fn pk_value(&self, row: &postgres::Row) -> Value {
        if self.pk_int {
            Value::Integer(row.get::<_, i64>(0))
        } else {
            Value::Text(row.get::<_, String>(0))
        }
    }

    /// Rows to process.
    pub fn count(&mut self) -> Result<u64> {
        let filter = self
            .target
            .filter
            .as_deref()
            .map(|w| format!(" WHERE ({w})"))
            .unwrap_or_default();
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
    fn next_batch(&mut self, after: &Value, limit: usize) -> Result<Vec<(Value, Vec<Value>)>> {
        let filter = self
            .target
            .filter
            .as_deref()
            .map(|w| format!(" AND ({w})"))
            .unwrap_or_default();
        let pk = self.pk_expr();
        let cond = match after {
            Value::Null => "TRUE".to_string(),
            _ => format!("{pk} > $2"),
        };
        let sql = format!(
            "SELECT {pk}, {} FROM {} WHERE {cond}{filter} ORDER BY {pk} LIMIT $1",
            self.select_list(),
            self.table_sql
        );
        let limit = limit as i64;
        let rows = match after {
            Value::Null => self.client.query(&sql, &[&limit]),
            Value::Integer(i) => self.client.query(&sql, &[&limit, i]),
            other => self.client.query(&sql, &[&limit, &pk_text(other)]),
        }
        .map_err(|e| {
            Error::usage(format!(
                "cannot read {}: {}",
                self.target.table,
                e.as_db_error()
                    .map(|d| d.message().to_string())
                    .unwrap_or_else(|| e.to_string())
            ))
        })?;
        Ok(rows
            .iter()
            .map(|r| {
                (
                    self.pk_value(r),
                    (0..self.target.columns.len())
                        .map(|i| self.cell(r, i))
                        .collect(),
                )
            })
            .collect())
    }
}

/// Runs the rotation on PostgreSQL, one transaction per batch.
pub fn run(
    t: &mut PgTable,
    keys: &Keys,
    opts: &Options,
    progress: &dyn Progress,
) -> Result<Report> {
    let start = Instant::now();
    let mut report = Report {
        dry_run: opts.dry_run,
        ..Report::default()
    };
    let mut after = Value::Null;
    let pk = t.pk_expr();
    let updates: Vec<String> = t
        .target
        .columns
        .iter()
        .zip(&t.kinds)
        .map(|(c, k)| {
            let (set, cmp) = match k {
                Kind::Json(ty) => (format!("$1::text::{ty}"), format!("{}::text", quote(c))),
                Kind::Bytes => ("$1".to_string(), quote(c)),
                _ => ("$1".to_string(), format!("{}::text", quote(c))),
            };
            format!(
                "UPDATE {} SET {} = {set} WHERE {pk} = $2 AND {cmp} IS NOT DISTINCT FROM $3",
                t.table_sql,
                quote(c)
            )
        })
        .collect();
    let rereads: Vec<String> = t
        .target
        .columns
        .iter()
        .zip(&t.kinds)
        .map(|(c, k)| {
            let sel = if *k == Kind::Bytes {
                quote(c)
            } else {
                format!("{}::text", quote(c))
            };
            format!(
                "SELECT {pk}, {sel} FROM {} WHERE {pk} = $1 FOR UPDATE",
                t.table_sql
            )
        })
        .collect();
    for k in &t.kinds {
        if *k == Kind::Other {
            return Err(Error::usage(
                "rotate works on text, varchar, bytea, json and jsonb columns",
            ));
        }
    }
    loop {
        let batch = t.next_batch(&after, opts.batch)?;
        let Some(last) = batch.last() else { break };
        after = last.0.clone();
        let rows = batch.len() as u64;
        let Some(writes) = plan_batch(batch, keys, &t.target, &t.pk_name, opts, &mut report) else {
            report.seconds = start.elapsed().as_secs_f64();
            return Ok(report);
        };
        if !opts.dry_run && !writes.is_empty() {
            let url = t.url.clone();
            let kinds = t.kinds.clone();
            let target = t.target.clone();
            let mut tx = t.client.transaction().map_err(|e| pg_err(&url, e))?;
            for (col, pkv, old, new) in &writes {
                let bytes = kinds[*col] == Kind::Bytes;
                let (p1, p2, p3) = (param(new, bytes), param(pkv, false), param(old, bytes));
                let params: [&(dyn ToSql + Sync); 3] = [&*p1, &*p2, &*p3];
                let changed = tx
                    .execute(updates[*col].as_str(), &params)
                    .map_err(|e| pg_err(&url, e))?;
                if changed > 0 {
                    continue;
                }
                // Changed since it was read: redo it from its current value, under a row lock.
                report.conflicts += 1;
                let p = param(pkv, false);
                let current = tx
                    .query_opt(rereads[*col].as_str(), &[&*p])
                    .map_err(|e| pg_err(&url, e))?;
                let Some(row) = current else { continue };
                let cur = if bytes {
                    row.get::<_, Option<Vec<u8>>>(1)
                        .map(Value::Blob)
                        .unwrap_or(Value::Null)
                } else {
                    row.get::<_, Option<String>>(1)
                        .map(Value::Text)
                        .unwrap_or(Value::Null)
                };
                match rotate_cell(keys, &target, *col, pkv, &cur, opts.encrypt_plaintext) {
                    Outcome::Rotated(redo) | Outcome::Plain(Some(redo)) => {
                        let (q1, q3) = (param(&redo, bytes), param(&cur, bytes));
                        let params: [&(dyn ToSql + Sync); 3] = [&*q1, &*p, &*q3];
                        tx.execute(updates[*col].as_str(), &params)
                            .map_err(|e| pg_err(&url, e))?;
                    }
                    Outcome::Undecryptable(reason) => {
                        report.undecryptable += 1;
                        report.rotated = report.rotated.saturating_sub(1);
                        if !opts.skip_errors {
                            drop(tx);
                            report.aborted = true;
                            report.abort_reason = Some(format!(
                                "{} {} ({}): {reason}",
                                t.pk_name,
                                pk_text(pkv),
                                target.columns[*col]
                            ));
                            report.seconds = start.elapsed().as_secs_f64();
                            return Ok(report);
                        }
                        report.skipped_keys.push(format!(
                            "{} ({})",
                            pk_text(pkv),
                            target.columns[*col]
                        ));
                    }
                    _ => {}
                }
            }
            tx.commit().map_err(|e| pg_err(&url, e))?;
            report.batches += 1;
        }
        report.rows += rows;
        progress.advance(rows);
        throttle(start, report.rows, opts.throttle);
    }
    report.seconds = start.elapsed().as_secs_f64();
    Ok(report)
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
}
