//! Rotation on PostgreSQL, for data that outgrows one machine: the same
//! promises as on SQLite (preflight, one transaction per batch, keyset
//! pagination, compare-and-swap UPDATEs with conflicts redone under a row
//! lock, nothing undecryptable overwritten), through the `postgres` client.
//! Connections honour libpq's `sslmode` and `sslrootcert` (see
//! [`crate::pgtls`]).

use postgres::Client;
use postgres::types::ToSql;
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
    /// Per column: the compare-and-swap UPDATE (`$1` the new value, then
    /// the key, then the old value) and the locking re-read; built by
    /// [`PgTable::prepare_writes`].
    updates: Vec<String>,
    rereads: Vec<String>,
}

/// A key column: compared in its own type, so the index on it serves
/// both the pagination and the UPDATE (`id::text > $2` on a uuid key
/// would scan and sort the whole table for every batch, and every row).
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

fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

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
        Ok(PgTable {
            client,
            target: target.clone(),
            url: url.to_string(),
            table_sql,
            keys,
            pk_name,
            kinds,
            updates: Vec::new(),
            rereads: Vec::new(),
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

    /// The key's values as parameters.
    fn key_params(&self, key: &[Value]) -> Vec<Box<dyn ToSql + Sync>> {
        key_params(&self.keys, key)
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
        let filter = self
            .target
            .filter
            .as_deref()
            .map(|w| format!(" AND ({w})"))
            .unwrap_or_default();
        let cond = if after.is_empty() {
            "TRUE".to_string()
        } else {
            self.key_cond(">", 2)
        };
        let read: Vec<String> = self
            .keys
            .iter()
            .enumerate()
            .map(|(i, k)| format!("{} AS kw_key{i}", k.read()))
            .collect();
        let sql = format!(
            "SELECT {}, {} FROM {} WHERE {cond}{filter} ORDER BY {} LIMIT $1",
            read.join(", "),
            self.select_list(),
            self.table_sql,
            self.key_order()
        );
        let limit = limit as i64;
        let key = self.key_params(after);
        let mut params: Vec<&(dyn ToSql + Sync)> = vec![&limit];
        params.extend(key.iter().map(|p| &**p));
        let rows = self.client.query(&sql, &params).map_err(|e| {
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
                    self.key_value(r),
                    (0..self.target.columns.len())
                        .map(|i| self.cell(r, i))
                        .collect(),
                )
            })
            .collect())
    }
}

impl PgTable {
    /// Builds the compare-and-swap UPDATE and the locking re-read of each
    /// rotated column; refuses a column type the rotation cannot write.
    pub fn prepare_writes(&mut self) -> Result<()> {
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
            updates.push(format!(
                "UPDATE {} SET {} = {set} WHERE {key_at_2} AND {cmp} IS NOT DISTINCT FROM ${}",
                self.table_sql,
                quote(c),
                nk + 2
            ));
            let sel = if *k == Kind::Bytes {
                quote(c)
            } else {
                format!("{}::text", quote(c))
            };
            rereads.push(format!(
                "SELECT {sel} FROM {} WHERE {key_at_1} FOR UPDATE",
                self.table_sql
            ));
        }
        if self.kinds.contains(&Kind::Other) {
            return Err(Error::usage(
                "rotate works on text, varchar, bytea, json and jsonb columns",
            ));
        }
        self.updates = updates;
        self.rereads = rereads;
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
            .execute(self.updates[col].as_str(), &params)
            .map_err(|e| pg_err(&self.url, e))
    }

    fn batch_execute(&mut self, sql: &str) -> Result<()> {
        self.client
            .batch_execute(sql)
            .map_err(|e| pg_err(&self.url, e))
    }
}

/// One transaction per batch, each UPDATE comparing the old value; a
/// conflicting row is re-read `FOR UPDATE` and redone under that lock.
impl Storage for PgTable {
    fn begin(&mut self) -> Result<()> {
        self.batch_execute("BEGIN")
    }

    fn write(&mut self, writes: &Writes) -> Result<Vec<usize>> {
        let mut missed = Vec::new();
        for (i, (col, key, old, new)) in writes.iter().enumerate() {
            if self.update(*col, key, old, new)? == 0 {
                missed.push(i);
            }
        }
        Ok(missed)
    }

    fn reread(&mut self, col: usize, key: &[Value]) -> Result<Option<Value>> {
        let params = key_params(&self.keys, key);
        let key_only: Vec<&(dyn ToSql + Sync)> = params.iter().map(|p| &**p).collect();
        let row = self
            .client
            .query_opt(self.rereads[col].as_str(), &key_only)
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
