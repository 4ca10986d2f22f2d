//! A service's audit table in PostgreSQL (seed 001's `audit_log`:
//! `timestamp`, `user_id`, `action`, `resource_type`, `resource_id`,
//! `details` jsonb, `ip_address`), read with the same column mapping as a
//! SQLite table.
//!
//! Every filter becomes SQL on the mapped columns with bound parameters
//! (never a value spliced into the text), in the column's own type where
//! an index can answer it: `--actor X --since 24h` on seed 001's
//! `(user_id, timestamp DESC)` index reads one index range. `--where
//! details.x` becomes `details ->> 'x'` (`#>>` for a path) on a json or
//! jsonb column. Counts and groups are computed by the server. Rows stream
//! through a portal, a thousand at a time, inside a read-only transaction.
//! Where SQL cannot say exactly what keyward means (times kept as text, or
//! a timestamp read in a zone with summer time), the SQL bound is widened
//! and the rows are checked exactly as they are read, as for SQLite.

use std::cell::RefCell;
use std::time::Duration;

use postgres::Client;
use postgres::types::ToSql;
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use super::filter::{
    Cond, Cursor, Field, Filter, Literal, Op, Path as CondPath, Record, is_glob,
    parse_time_text_in, risks_from,
};
use super::query::{
    Each, PruneCommit, Source, TablePrune, count_by_reading, group_by_reading, poll,
};
use super::source::{GroupBy, Mapping, Order, sort_groups, table_candidates, time_of_epoch};
use crate::error::{Error, Result};
use crate::timeutil::Zone;

/// Rows fetched from the portal at a time.
const BATCH: i32 = 1000;

/// How a column's values travel, by its type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ty {
    /// text, varchar, char, name, citext.
    Text,
    /// smallint, integer, bigint.
    Int,
    /// numeric, real, double precision.
    Num,
    /// timestamp without time zone.
    Timestamp,
    /// timestamp with time zone.
    TimestampTz,
    /// date.
    Date,
    /// json.
    Json,
    /// jsonb.
    Jsonb,
    /// Anything else (uuid, inet, ...): read and compared as text.
    Other,
}

impl Ty {
    fn of(typname: &str) -> Ty {
        match typname {
            "text" | "varchar" | "bpchar" | "name" | "citext" => Ty::Text,
            "int2" | "int4" | "int8" => Ty::Int,
            "numeric" | "float4" | "float8" => Ty::Num,
            "timestamp" => Ty::Timestamp,
            "timestamptz" => Ty::TimestampTz,
            "date" => Ty::Date,
            "json" => Ty::Json,
            "jsonb" => Ty::Jsonb,
            _ => Ty::Other,
        }
    }
}

/// A mapped column.
#[derive(Debug, Clone)]
struct Col {
    /// Its name.
    name: String,
    /// Quoted.
    sql: String,
    /// Its type as a cast names it (`character varying(128)`).
    type_sql: String,
    ty: Ty,
}

impl Col {
    /// `$n` cast to this column's type (from text, so any value travels).
    fn typed(&self, n: &str) -> String {
        format!("{n}::text::{}", self.type_sql)
    }

    /// The column as text.
    fn text(&self) -> String {
        format!("{}::text", self.sql)
    }
}

/// How the time column keeps its times.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TimeKind {
    /// timestamp with time zone: instants.
    Zoned,
    /// timestamp without time zone: wall-clock times in `--tz` (UTC).
    Wall,
    /// date: midnight in `--tz`.
    Date,
    /// Epoch seconds or milliseconds, in an integer column or not.
    Epoch { millis: bool, int: bool },
    /// Text (or anything else): parsed as read, bounds checked in Rust.
    Text,
    /// No time column.
    Absent,
}

type Param = Box<dyn ToSql + Sync>;

/// A statement's parameters, numbered as they are bound.
#[derive(Default)]
struct Params(Vec<Param>);

impl Params {
    /// Binds `v`; returns its placeholder.
    fn bind(&mut self, v: impl ToSql + Sync + 'static) -> String {
        self.0.push(Box::new(v));
        format!("${}", self.0.len())
    }

    fn refs(&self) -> Vec<&(dyn ToSql + Sync)> {
        self.0.iter().map(|p| p.as_ref()).collect()
    }
}

/// A service's audit table in PostgreSQL.
pub struct PgSource {
    client: RefCell<Client>,
    /// The server without its password.
    label: String,
    /// The table as given.
    table: String,
    /// The table, quoted.
    table_sql: String,
    cols: [Option<Col>; 10],
    time: TimeKind,
    /// The zone of wall-clock times (`--tz`).
    zone: Zone,
}

impl std::fmt::Debug for PgSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PgSource({} {})", self.label, self.table)
    }
}

use crate::sql::quote_ident as quote;

/// `"schema"."table"` or `"table"`, and the schema.
fn table_sql(table: &str) -> (String, Option<String>) {
    match table.split_once('.') {
        Some((s, t)) => (format!("{}.{}", quote(s), quote(t)), Some(s.to_string())),
        None => (quote(table), None),
    }
}

impl PgSource {
    /// Connects to `conn` (as `rotate --db` does: sslmode, PGPASSWORD,
    /// .pgpass) and maps `table`'s columns by name, `maps` on top. `zone`
    /// is `--tz`. A missing table or mapped column is exit 3 naming it, a
    /// server that cannot be reached exit 4 naming it without its
    /// password.
    pub fn open(conn: &str, table: &str, maps: &[Mapping], zone: Zone) -> Result<PgSource> {
        let label = crate::pgtls::redact(conn);
        let mut client = crate::pgtls::connect(conn, &label)?;
        let err = |e: postgres::Error| crate::pgtls::error(&label, e);
        // Times as text in one known form: ISO, and timestamptz in UTC.
        client
            .batch_execute("SET TIME ZONE 'UTC'; SET datestyle = 'ISO, YMD'")
            .map_err(err)?;
        let (tsql, schema) = table_sql(table);
        let oid: Option<u32> = client
            .query_one("SELECT to_regclass($1::text)::oid", &[&tsql])
            .map_err(err)?
            .get(0);
        let Some(oid) = oid else {
            let names: Vec<String> = client
                .query(
                    "SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
                       AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                       AND CASE WHEN $1::text IS NULL THEN pg_table_is_visible(c.oid) ELSE n.nspname = $1::text END
                     ORDER BY 1 LIMIT 50",
                    &[&schema],
                )
                .map_err(err)?
                .iter()
                .map(|r| r.get(0))
                .collect();
            return Err(Error::bad_input(format!(
                "PostgreSQL at {label}: no table '{table}' (tables: {})",
                if names.is_empty() {
                    "none".to_string()
                } else {
                    names.join(", ")
                }
            )));
        };
        let columns: Vec<Col> = client
            .query(
                "SELECT a.attname::text, format_type(a.atttypid, a.atttypmod),
                        COALESCE(b.typname, t.typname)::text
                 FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
                 LEFT JOIN pg_type b ON t.typtype = 'd' AND b.oid = t.typbasetype
                 WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped
                 ORDER BY a.attnum",
                &[&oid],
            )
            .map_err(err)?
            .iter()
            .map(|r| {
                let name: String = r.get(0);
                Col {
                    sql: quote(&name),
                    name,
                    type_sql: r.get(1),
                    ty: Ty::of(r.get::<_, String>(2).as_str()),
                }
            })
            .collect();
        let find = |name: &str| {
            columns
                .iter()
                .find(|c| c.name == name)
                .or_else(|| columns.iter().find(|c| c.name.eq_ignore_ascii_case(name)))
        };
        let mut cols: [Option<Col>; 10] = Default::default();
        for f in Field::ALL {
            cols[f.index()] = table_candidates(f).iter().find_map(|c| find(c)).cloned();
        }
        for m in maps {
            let c = find(&m.column).ok_or_else(|| {
                Error::bad_input(format!(
                    "--map {}={}: PostgreSQL table '{table}' at {label} has no column '{}' (columns: {})",
                    m.column,
                    m.field.name(),
                    m.column,
                    columns
                        .iter()
                        .map(|c| c.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            })?;
            cols[m.field.index()] = Some(c.clone());
        }
        let time = match &cols[Field::Time.index()] {
            None => TimeKind::Absent,
            Some(c) => match c.ty {
                Ty::TimestampTz => TimeKind::Zoned,
                Ty::Timestamp => TimeKind::Wall,
                Ty::Date => TimeKind::Date,
                Ty::Int | Ty::Num => {
                    let sample: Option<f64> = client
                        .query_opt(
                            &format!(
                                "SELECT {c}::float8 FROM {tsql} WHERE {c} IS NOT NULL LIMIT 1",
                                c = c.sql
                            ),
                            &[],
                        )
                        .map_err(err)?
                        .map(|r| r.get(0));
                    TimeKind::Epoch {
                        millis: sample.is_some_and(|x| x.abs() >= 1e11),
                        int: c.ty == Ty::Int,
                    }
                }
                _ => TimeKind::Text,
            },
        };
        Ok(PgSource {
            client: RefCell::new(client),
            label,
            table: table.to_string(),
            table_sql: tsql,
            cols,
            time,
            zone,
        })
    }

    fn col(&self, f: Field) -> Option<&Col> {
        self.cols[f.index()].as_ref()
    }

    fn err(&self, e: postgres::Error) -> Error {
        crate::pgtls::error(&self.label, e)
    }

    /// `--tz` is exact in SQL: UTC or a fixed offset.
    fn fixed_zone(&self) -> Option<time::UtcOffset> {
        match self.zone {
            Zone::Utc => Some(time::UtcOffset::UTC),
            Zone::Fixed(o) => Some(o),
            Zone::Local | Zone::Named(_) => None,
        }
    }

    /// Time bounds in SQL say exactly what `--since`/`--until` mean.
    fn exact_times(&self) -> bool {
        match self.time {
            TimeKind::Zoned | TimeKind::Epoch { .. } | TimeKind::Absent => true,
            TimeKind::Wall | TimeKind::Date => self.fixed_zone().is_some(),
            TimeKind::Text => false,
        }
    }

    /// Some filter is finished in Rust as rows are read.
    fn post_filter(&self, f: &Filter) -> bool {
        let bounds = f.since.is_some() || f.until.is_some();
        (bounds && !self.exact_times())
            || f.wheres
                .iter()
                .any(|c| c.path == CondPath::Field(Field::Time))
    }

    /// The SQL for one time bound (`upper`: `--until`, exclusive).
    fn time_cond(&self, t: OffsetDateTime, upper: bool, p: &mut Params) -> String {
        let Some(c) = self.col(Field::Time) else {
            return "FALSE".into();
        };
        let op = if upper { "<" } else { ">=" };
        // Microseconds, rounded up: `col >= t` and `col < t` hold for the
        // same microsecond values as for `t` itself.
        let t = ceil_micros(t);
        match self.time {
            TimeKind::Absent => "FALSE".into(),
            TimeKind::Zoned => {
                let n = p.bind(wall_text(t.to_offset(time::UtcOffset::UTC)) + "+00");
                format!("{} {op} {}", c.sql, c.typed(&n))
            }
            TimeKind::Wall => match self.fixed_zone() {
                Some(o) => {
                    let n = p.bind(wall_text(t.to_offset(o)));
                    format!("{} {op} {}", c.sql, c.typed(&n))
                }
                None => {
                    // Widened by a day (no zone is 24 h off UTC), made
                    // exact in Rust.
                    let (w, op) = if upper {
                        (t + time::Duration::days(1), "<=")
                    } else {
                        (t - time::Duration::days(1), ">=")
                    };
                    let n = p.bind(wall_text(w.to_offset(time::UtcOffset::UTC)));
                    format!("{} {op} {}", c.sql, c.typed(&n))
                }
            },
            TimeKind::Date => {
                let (day, exact) = match self.fixed_zone() {
                    Some(o) => {
                        let w = t.to_offset(o);
                        // The first day whose midnight is at or after t.
                        let first = if w.time() == time::Time::MIDNIGHT {
                            w.date()
                        } else {
                            w.date().next_day().unwrap_or(w.date())
                        };
                        (first, true)
                    }
                    None => (t.date(), false),
                };
                let (day, op) = match (exact, upper) {
                    (true, _) => (day, op),
                    (false, false) => (day.previous_day().unwrap_or(day), ">="),
                    (false, true) => (day.next_day().unwrap_or(day), "<="),
                };
                let n = p.bind(day.to_string());
                format!("{} {op} {}", c.sql, c.typed(&n))
            }
            TimeKind::Epoch { millis, int } => {
                let unit: i128 = if millis { 1_000_000 } else { 1_000_000_000 };
                let nanos = t.unix_timestamp_nanos();
                let text = if int {
                    let q = nanos.div_euclid(unit) + i128::from(nanos.rem_euclid(unit) != 0);
                    q.clamp(i64::MIN as i128, i64::MAX as i128).to_string()
                } else {
                    decimal(nanos, unit)
                };
                let n = p.bind(text);
                format!("{} {op} {}", c.sql, c.typed(&n))
            }
            // Checked in Rust as rows are read.
            TimeKind::Text => "TRUE".into(),
        }
    }

    /// The WHERE clause (with its leading space), binding into `p`; an
    /// error for a `--where` the column cannot answer.
    fn where_sql(&self, f: &Filter, after: Option<&Cursor>, p: &mut Params) -> Result<String> {
        let mut parts: Vec<String> = Vec::new();
        for (bound, upper) in [(f.since, false), (f.until, true)] {
            if let Some(t) = bound {
                parts.push(self.time_cond(t, upper, p));
            }
        }
        if let Some(cur) = after {
            parts.push(self.after_sql(cur, p)?);
        }
        for (field, pat) in [
            (Field::Actor, &f.actor),
            (Field::Action, &f.action),
            (Field::Host, &f.host),
        ] {
            let Some(pat) = pat else { continue };
            parts.push(match self.col(field) {
                Some(c) if is_glob(pat) => {
                    format!("{} ~ {}", c.text(), p.bind(glob_regex(pat)))
                }
                Some(c) => self.equals(c, pat, p),
                None => "FALSE".into(),
            });
        }
        for (field, want) in [
            (Field::ResourceType, &f.resource_type),
            (Field::ResourceId, &f.resource_id),
        ] {
            let Some(w) = want else { continue };
            parts.push(match self.col(field) {
                Some(c) => self.equals(c, w, p),
                None => "FALSE".into(),
            });
        }
        let any_of = |field: Field, values: Vec<String>, p: &mut Params| match self.col(field) {
            Some(c) => format!("lower({}) = ANY({}::text[])", c.text(), p.bind(values)),
            None => "FALSE".into(),
        };
        if !f.outcome.is_empty() {
            let values = f.outcome.iter().map(|o| o.to_ascii_lowercase()).collect();
            parts.push(any_of(Field::Outcome, values, p));
        }
        if let Some(min) = f.risk_min {
            let values = risks_from(min).into_iter().map(str::to_string).collect();
            parts.push(any_of(Field::Risk, values, p));
        }
        if let Some(g) = &f.grep {
            parts.push(match self.col(Field::Details) {
                Some(c) => format!(
                    "{} ILIKE {}",
                    c.text(),
                    p.bind(format!("%{}%", super::source::like_escape(g)))
                ),
                None => "FALSE".into(),
            });
        }
        for cond in &f.wheres {
            parts.push(self.cond_sql(cond, p)?);
        }
        Ok(if parts.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", parts.join(" AND "))
        })
    }

    /// `column = value`, in the column's own type where it is text (so its
    /// index answers), else on its text.
    fn equals(&self, c: &Col, value: &str, p: &mut Params) -> String {
        let n = p.bind(value.to_string());
        if c.ty == Ty::Text {
            format!("{} = {n}::text", c.sql)
        } else {
            format!("{} = {n}", c.text())
        }
    }

    /// Rows after `cur` in (time, key) order.
    fn after_sql(&self, cur: &Cursor, p: &mut Params) -> Result<String> {
        let t = self.col(Field::Time);
        let k = self.col(Field::Id);
        Ok(match (t, &cur.time, k, &cur.key) {
            (Some(t), Some(tv), Some(k), Some(kv)) => {
                let (a, b) = (p.bind(tv.clone()), p.bind(kv.clone()));
                // The first condition lets an index on the time column
                // answer; the row comparison is the exact one.
                format!(
                    "{ts} >= {ta} AND ({ts}, {ks}) > ({ta}, {kb})",
                    ts = t.sql,
                    ks = k.sql,
                    ta = t.typed(&a),
                    kb = k.typed(&b)
                )
            }
            (Some(t), Some(tv), _, _) => {
                let a = p.bind(tv.clone());
                format!("{} > {}", t.sql, t.typed(&a))
            }
            (_, _, Some(k), Some(kv)) => {
                let b = p.bind(kv.clone());
                format!("{} > {}", k.sql, k.typed(&b))
            }
            _ => "TRUE".into(),
        })
    }

    /// One `--where` condition, with the reference semantics of
    /// [`Filter::matches`]: values compare with their own type, a field
    /// that is absent matches only `= null`.
    fn cond_sql(&self, c: &Cond, p: &mut Params) -> Result<String> {
        match &c.path {
            // The record's time text: checked in Rust.
            CondPath::Field(Field::Time) => Ok("TRUE".into()),
            CondPath::Field(Field::Id) => Ok(self.id_cond(c, p)),
            CondPath::Field(f) => Ok(match self.col(*f) {
                None => bool_sql(matches!((&c.value, c.op), (Literal::Null, Op::Eq))).into(),
                Some(col) => text_cond(&col.sql, &col.text(), c, p),
            }),
            CondPath::Detail(segments) => {
                let Some(d) = self.col(Field::Details) else {
                    return Ok(
                        bool_sql(matches!((&c.value, c.op), (Literal::Null, Op::Eq))).into(),
                    );
                };
                let typeof_fn = match d.ty {
                    Ty::Jsonb => "jsonb_typeof",
                    Ty::Json => "json_typeof",
                    _ => {
                        return Err(Error::bad_input(format!(
                            "--where details.{}: column '{}' of PostgreSQL table '{}' is {}, not json or jsonb, so its fields cannot be read",
                            segments.join("."),
                            d.name,
                            self.table,
                            d.type_sql
                        ))
                        .with_hint("map a json or jsonb column as details (--map COLUMN=details), or use --grep"));
                    }
                };
                let (v, text) = if segments.len() == 1 {
                    let k = p.bind(segments[0].clone());
                    (
                        format!("({} -> {k}::text)", d.sql),
                        format!("({} ->> {k}::text)", d.sql),
                    )
                } else {
                    let k = p.bind(segments.clone());
                    (
                        format!("({} #> {k}::text[])", d.sql),
                        format!("({} #>> {k}::text[])", d.sql),
                    )
                };
                Ok(json_cond(&format!("{typeof_fn}{v}"), &text, c, p))
            }
        }
    }

    /// A condition on the id: a number when the column is an integer,
    /// else absent from the record (ids of other types are not shown).
    fn id_cond(&self, c: &Cond, p: &mut Params) -> String {
        let is_null_eq = matches!((&c.value, c.op), (Literal::Null, Op::Eq));
        let Some(col) = self.col(Field::Id).filter(|col| col.ty == Ty::Int) else {
            return bool_sql(is_null_eq).into();
        };
        let num = match &c.value {
            Literal::Null if c.op == Op::Eq => return format!("{} IS NULL", col.sql),
            Literal::Null => return format!("{} IS NOT NULL", col.sql),
            Literal::Int(i) => i.to_string(),
            Literal::Float(x) => x.to_string(),
            // Another type: only != holds.
            _ if c.op == Op::Ne => return format!("{} IS NOT NULL", col.sql),
            _ => return "FALSE".into(),
        };
        let n = p.bind(num);
        format!("{}::numeric {} {n}::text::numeric", col.sql, sql_op(c.op))
    }

    /// The selected columns, each as text (NULL for an unmapped field).
    fn select_list(&self) -> String {
        Field::ALL
            .iter()
            .map(|f| match self.col(*f) {
                Some(c) => c.text(),
                None => "NULL::text".into(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn order_sql(&self, order: Order) -> String {
        let dir = if order == Order::Asc { "ASC" } else { "DESC" };
        let keys: Vec<String> = [Field::Time, Field::Id]
            .iter()
            .filter_map(|f| self.col(*f))
            .map(|c| format!("{} {dir}", c.sql))
            .collect();
        if keys.is_empty() {
            String::new()
        } else {
            format!(" ORDER BY {}", keys.join(", "))
        }
    }

    /// A row of [`Self::select_list`] as a record.
    fn record(&self, row: &postgres::Row) -> Record {
        let text = |i: usize| row.get::<_, Option<String>>(i);
        let id = match self.col(Field::Id) {
            Some(c) if c.ty == Ty::Int => text(0).and_then(|s| s.parse().ok()),
            _ => None,
        };
        let raw_time = text(1);
        let (ts, time) = match &raw_time {
            None => (String::new(), None),
            Some(t) => match self.time {
                TimeKind::Epoch { .. } => time_of_epoch(t.parse().unwrap_or(f64::NAN)),
                _ if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) => {
                    time_of_epoch(t.parse().unwrap_or(f64::NAN))
                }
                _ => match parse_time_text_in(t, self.zone) {
                    Some(v) => (crate::timeutil::format_ms(v), Some(v)),
                    None => (t.clone(), None),
                },
            },
        };
        let details = match text(9) {
            None => serde_json::Value::Null,
            Some(t) => serde_json::from_str(&t).unwrap_or(serde_json::Value::String(t)),
        };
        Record {
            id,
            ts,
            time,
            actor: text(2),
            action: text(3),
            resource_type: text(4),
            resource_id: text(5),
            outcome: text(6),
            risk: text(7),
            host: text(8),
            details,
            prev_hash: None,
            hash: None,
            source: None,
            cursor: Some(Cursor {
                time: raw_time,
                key: text(0),
            }),
        }
    }

    /// Runs `sql` in a read-only transaction and hands its rows to `row`
    /// as they come, a portal's batch at a time; stops when it returns
    /// false.
    fn stream(
        &self,
        sql: &str,
        p: &Params,
        mut row: impl FnMut(&postgres::Row) -> Result<bool>,
    ) -> Result<()> {
        let mut client = self.client.borrow_mut();
        let mut tx = client
            .build_transaction()
            .read_only(true)
            .start()
            .map_err(|e| self.err(e))?;
        let portal = tx.bind(sql, &p.refs()).map_err(|e| self.err(e))?;
        loop {
            let rows = tx.query_portal(&portal, BATCH).map_err(|e| self.err(e))?;
            for r in &rows {
                if !row(r)? {
                    return Ok(());
                }
            }
            if rows.len() < BATCH as usize {
                break;
            }
        }
        tx.commit().map_err(|e| self.err(e))
    }

    fn read(
        &self,
        f: &Filter,
        order: Order,
        limit: Option<u64>,
        after: Option<&Cursor>,
        each: Each<'_>,
    ) -> Result<()> {
        let mut p = Params::default();
        let wh = self.where_sql(f, after, &mut p)?;
        let post = self.post_filter(f);
        let lim = match (post, limit) {
            (false, Some(l)) => format!(" LIMIT {}", l.min(i64::MAX as u64)),
            _ => String::new(),
        };
        let sql = format!(
            "SELECT {} FROM {}{wh}{}{lim}",
            self.select_list(),
            self.table_sql,
            self.order_sql(order)
        );
        let mut n = 0u64;
        self.stream(&sql, &p, |row| {
            if limit.is_some_and(|l| n >= l) {
                return Ok(false);
            }
            let rec = self.record(row);
            if post && !f.matches(&rec) {
                return Ok(true);
            }
            n += 1;
            each(rec)
        })
    }

    /// The SQL of a group's key, when the server can compute it exactly.
    fn group_key_sql(&self, by: GroupBy) -> Option<String> {
        match by {
            GroupBy::Field(field) => self.col(field).map(Col::text),
            GroupBy::Day | GroupBy::Hour => {
                let c = self.col(Field::Time)?;
                let fmt = if by == GroupBy::Day {
                    "'YYYY-MM-DD'"
                } else {
                    "'YYYY-MM-DD\"T\"HH24\":00\"'"
                };
                let utc = self.zone.is_utc();
                match self.time {
                    // The session's zone is UTC.
                    TimeKind::Zoned => Some(format!("to_char({}, {fmt})", c.sql)),
                    TimeKind::Wall if utc => Some(format!("to_char({}, {fmt})", c.sql)),
                    TimeKind::Date if utc => Some(format!("to_char({}::timestamp, {fmt})", c.sql)),
                    TimeKind::Epoch { millis, .. } => {
                        let secs = if millis {
                            format!("{}::float8 / 1000", c.sql)
                        } else {
                            format!("{}::float8", c.sql)
                        };
                        Some(format!("to_char(to_timestamp({secs}), {fmt})"))
                    }
                    _ => None,
                }
            }
        }
    }

    /// The newest entry's place: where `tail --follow` starts when it
    /// showed none.
    fn newest(&self) -> Result<Cursor> {
        let p = Params::default();
        let sql = format!(
            "SELECT {} FROM {}{} LIMIT 1",
            self.select_list(),
            self.table_sql,
            self.order_sql(Order::Desc)
        );
        let mut cur = Cursor::default();
        self.stream(&sql, &p, |row| {
            cur = self.record(row).cursor.unwrap_or_default();
            Ok(false)
        })?;
        Ok(cur)
    }
}

impl Source for PgSource {
    fn for_each(&self, f: &Filter, order: Order, limit: Option<u64>, each: Each<'_>) -> Result<()> {
        self.read(f, order, limit, None, each)
    }

    fn count(&self, f: &Filter) -> Result<u64> {
        if self.post_filter(f) {
            return count_by_reading(self, f);
        }
        let mut p = Params::default();
        let wh = self.where_sql(f, None, &mut p)?;
        let n: i64 = self
            .client
            .borrow_mut()
            .query_one(
                &format!("SELECT count(*) FROM {}{wh}", self.table_sql),
                &p.refs(),
            )
            .map_err(|e| self.err(e))?
            .get(0);
        Ok(n as u64)
    }

    fn group(&self, f: &Filter, by: GroupBy) -> Result<Vec<(String, u64)>> {
        let key = match self.group_key_sql(by) {
            Some(k) if !self.post_filter(f) => k,
            _ => return group_by_reading(self, f, by),
        };
        let mut p = Params::default();
        let wh = self.where_sql(f, None, &mut p)?;
        let sql = format!(
            "SELECT {key}, count(*) FROM {}{wh} GROUP BY 1",
            self.table_sql
        );
        let mut groups: Vec<(String, u64)> = self
            .client
            .borrow_mut()
            .query(&sql, &p.refs())
            .map_err(|e| self.err(e))?
            .iter()
            .map(|r| {
                (
                    r.get::<_, Option<String>>(0).unwrap_or_default(),
                    r.get::<_, i64>(1) as u64,
                )
            })
            .collect();
        // Absent and NULL are one group, as when read.
        groups.sort_by(|a, b| a.0.cmp(&b.0));
        groups.dedup_by(|b, a| {
            if a.0 == b.0 {
                a.1 += b.1;
                true
            } else {
                false
            }
        });
        sort_groups(&mut groups, by);
        Ok(groups)
    }

    fn follow(
        &self,
        f: &Filter,
        last: Option<&Record>,
        interval: Duration,
        each: Each<'_>,
    ) -> Result<()> {
        if self.col(Field::Time).is_none() && self.col(Field::Id).is_none() {
            return Err(Error::bad_input(format!(
                "PostgreSQL table '{}' at {} has neither a time nor an id column: there is no order to follow (--map COLUMN=ts or COLUMN=id)",
                self.table, self.label
            )));
        }
        let mut cursor = match last.and_then(|r| r.cursor.clone()) {
            Some(c) => c,
            None => self.newest()?,
        };
        poll(interval, each, |each| {
            let after = (cursor.time.is_some() || cursor.key.is_some()).then(|| cursor.clone());
            self.read(f, Order::Asc, None, after.as_ref(), &mut |r| {
                if let Some(c) = &r.cursor {
                    cursor = c.clone();
                }
                each(r)
            })
        })
    }

    fn prune_older(
        &self,
        cutoff: OffsetDateTime,
        commit: Option<PruneCommit<'_>>,
    ) -> Result<TablePrune> {
        let Some(tcol) = self.col(Field::Time) else {
            return Err(Error::bad_input(format!(
                "PostgreSQL table '{}' at {} has no time column to prune by (--map COLUMN=ts)",
                self.table, self.label
            )));
        };
        if !self.exact_times() {
            return Err(Error::bad_input(format!(
                "audit prune needs the time column '{}' of PostgreSQL table '{}' compared exactly in SQL: it is {}{}",
                tcol.name,
                self.table,
                tcol.type_sql,
                if matches!(self.time, TimeKind::Wall | TimeKind::Date) {
                    ", read in a zone with summer time (--tz UTC or a fixed offset such as +01:00 can be)"
                } else {
                    " (a timestamp, timestamptz, date or epoch number column can be)"
                }
            )));
        }
        let mut out = TablePrune {
            source: self.label.clone(),
            table: self.table.clone(),
            older_than: crate::timeutil::format_ms(cutoff),
            ..TablePrune::default()
        };
        let mut hasher = Sha256::new();
        let mut take = |rec: &Record, out: &mut TablePrune| -> Result<()> {
            let line = serde_json::to_string(rec)
                .map_err(|e| Error::internal(format!("cannot encode JSON: {e}")))?;
            hasher.update(line.as_bytes());
            hasher.update(b"\n");
            out.pruned += 1;
            if out.first_ts.is_none() {
                out.first_ts = Some(rec.ts.clone());
            }
            out.last_ts = Some(rec.ts.clone());
            out.last_id = rec.id;
            out.last_key = rec.cursor.as_ref().and_then(|c| c.key.clone());
            Ok(())
        };
        let f = Filter {
            until: Some(cutoff),
            ..Filter::default()
        };
        let Some(commit) = commit else {
            // A dry run: the same rows, read.
            self.read(&f, Order::Asc, None, None, &mut |rec| {
                take(&rec, &mut out)?;
                Ok(true)
            })?;
            out.kept = self.count(&Filter::default())?.saturating_sub(out.pruned);
            out.sha256 = hex::encode(hasher.finalize());
            return Ok(out);
        };
        let mut p = Params::default();
        let wh = self.where_sql(&f, None, &mut p)?;
        // One transaction: the DELETE hands back what it removed, oldest
        // first, as `audit export` would print it; the prune is recorded
        // before the transaction commits.
        let aliases: Vec<String> = (0..10).map(|i| format!("kw_{i}")).collect();
        let returning: Vec<String> = self
            .select_list()
            .split(", ")
            .zip(&aliases)
            .map(|(e, a)| format!("{e} AS {a}"))
            .collect();
        let mut order = vec![format!("{} AS kw_t", tcol.sql)];
        if let Some(k) = self.col(Field::Id) {
            order.push(format!("{} AS kw_k", k.sql));
        }
        let order_by = if order.len() == 2 {
            "kw_t, kw_k"
        } else {
            "kw_t"
        };
        let sql = format!(
            "WITH d AS (DELETE FROM {}{wh} RETURNING {}, {}) SELECT {} FROM d ORDER BY {order_by}",
            self.table_sql,
            returning.join(", "),
            order.join(", "),
            aliases.join(", ")
        );
        let mut client = self.client.borrow_mut();
        let mut tx = client.transaction().map_err(|e| self.err(e))?;
        let portal = tx.bind(&sql, &p.refs()).map_err(|e| self.err(e))?;
        loop {
            let rows = tx.query_portal(&portal, BATCH).map_err(|e| self.err(e))?;
            for r in &rows {
                take(&self.record(r), &mut out)?;
            }
            if rows.len() < BATCH as usize {
                break;
            }
        }
        let kept: i64 = tx
            .query_one(&format!("SELECT count(*) FROM {}", self.table_sql), &[])
            .map_err(|e| self.err(e))?
            .get(0);
        out.kept = kept as u64;
        out.sha256 = hex::encode(hasher.finalize());
        if out.pruned == 0 {
            return Ok(out);
        }
        let entry = commit(&out)?;
        tx.commit().map_err(|e| {
            let e = self.err(e);
            Error::environment(format!(
                "{}; nothing was deleted, but keyward's log records the prune as row {entry}",
                e.message()
            ))
        })?;
        Ok(out)
    }
}

/// `TRUE` or `FALSE`.
fn bool_sql(b: bool) -> &'static str {
    if b { "TRUE" } else { "FALSE" }
}

/// The operator in PostgreSQL: a glob is matched as the regular
/// expression it is turned into ([`glob_regex`]).
fn sql_op(op: Op) -> &'static str {
    match op {
        Op::Glob => "~",
        op => op.sql(),
    }
}

/// A condition on a text field of the record (`col` its column, `text`
/// the column as text): strings compare bytewise, other literals never
/// equal a string.
fn text_cond(col: &str, text: &str, c: &Cond, p: &mut Params) -> String {
    match (&c.value, c.op) {
        (Literal::Null, Op::Eq) => format!("{col} IS NULL"),
        (Literal::Null, _) => format!("{col} IS NOT NULL"),
        (Literal::Str(s), Op::Glob) => format!("{text} ~ {}", p.bind(glob_regex(s))),
        (Literal::Str(s), Op::Ne) => {
            format!(
                "({col} IS NOT NULL AND {text} <> {}::text)",
                p.bind(s.clone())
            )
        }
        (Literal::Str(s), op) => format!(
            "({text} COLLATE \"C\") {} {}::text",
            sql_op(op),
            p.bind(s.clone())
        ),
        (_, Op::Ne) => format!("{col} IS NOT NULL"),
        _ => "FALSE".into(),
    }
}

/// A condition on a JSON value (`typeof` its JSON type's SQL, `text` its
/// text): compared in its own type, inside CASE so no cast meets a value
/// of another type.
fn json_cond(typeof_sql: &str, text: &str, c: &Cond, p: &mut Params) -> String {
    let absent = format!("({typeof_sql} IS NULL OR {typeof_sql} = 'null')");
    let (kind, cmp) = match &c.value {
        Literal::Null if c.op == Op::Eq => return absent,
        Literal::Null => return format!("NOT {absent}"),
        Literal::Str(s) if c.op == Op::Glob => {
            ("string", format!("{text} ~ {}", p.bind(glob_regex(s))))
        }
        Literal::Str(s) => {
            let n = p.bind(s.clone());
            let op = if c.op == Op::Ne { "=" } else { sql_op(c.op) };
            ("string", format!("({text} COLLATE \"C\") {op} {n}::text"))
        }
        Literal::Int(_) | Literal::Float(_) => {
            let v = match &c.value {
                Literal::Int(i) => i.to_string(),
                Literal::Float(x) => x.to_string(),
                _ => unreachable!("a number"),
            };
            let n = p.bind(v);
            let op = if c.op == Op::Ne { "=" } else { sql_op(c.op) };
            ("number", format!("{text}::numeric {op} {n}::text::numeric"))
        }
        Literal::Bool(b) => {
            let n = p.bind(*b);
            let op = if c.op == Op::Ne { "=" } else { sql_op(c.op) };
            ("boolean", format!("{text}::boolean {op} {n}::bool"))
        }
    };
    if c.op == Op::Ne {
        format!(
            "(CASE WHEN {absent} THEN FALSE WHEN {typeof_sql} = '{kind}' THEN NOT ({cmp}) ELSE TRUE END)"
        )
    } else {
        format!("(CASE WHEN {typeof_sql} = '{kind}' THEN {cmp} ELSE FALSE END)")
    }
}

/// A glob (`*`, `?`, `[...]`, `[!...]`) as an anchored PostgreSQL regular
/// expression matching what `glob::Pattern` matches.
pub fn glob_regex(glob: &str) -> String {
    let chars: Vec<char> = glob.chars().collect();
    let mut out = String::from("^");
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '*' => out.push_str(".*"),
            '?' => out.push('.'),
            '[' => {
                let mut j = i + 1;
                let negated = chars.get(j) == Some(&'!');
                if negated {
                    j += 1;
                }
                let start = j;
                // A `]` first in the class is one of its members.
                if chars.get(j) == Some(&']') {
                    j += 1;
                }
                while j < chars.len() && chars[j] != ']' {
                    j += 1;
                }
                if j >= chars.len() {
                    out.push_str("\\[");
                } else {
                    out.push('[');
                    if negated {
                        out.push('^');
                    }
                    for &c in &chars[start..j] {
                        if matches!(c, '\\' | '[' | ']' | '^') {
                            out.push('\\');
                        }
                        out.push(c);
                    }
                    out.push(']');
                    i = j;
                }
            }
            c => {
                if "\\.^$|()[]{}*+?".contains(c) {
                    out.push('\\');
                }
                out.push(c);
            }
        }
        i += 1;
    }
    out.push('$');
    out
}

/// `t` rounded up to a whole microsecond (PostgreSQL's resolution).
fn ceil_micros(t: OffsetDateTime) -> OffsetDateTime {
    let rem = t.nanosecond() % 1000;
    if rem == 0 {
        t
    } else {
        t + time::Duration::nanoseconds(i64::from(1000 - rem))
    }
}

/// A wall-clock time as PostgreSQL reads a timestamp: `2026-11-25 10:00:00.123456`.
fn wall_text(t: OffsetDateTime) -> String {
    let fmt = time::macros::format_description!(
        "[year]-[month]-[day] [hour]:[minute]:[second].[subsecond digits:6]"
    );
    t.format(&fmt).unwrap_or_else(|_| t.to_string())
}

/// `nanos / unit` as an exact decimal.
fn decimal(nanos: i128, unit: i128) -> String {
    let sign = if nanos < 0 { "-" } else { "" };
    let n = nanos.unsigned_abs();
    let unit = unit as u128;
    let digits = if unit == 1_000_000 { 6 } else { 9 };
    format!("{sign}{}.{:0digits$}", n / unit, n % unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_become_anchored_regexes() {
        for (glob, re) in [
            ("svc-*", "^svc-.*$"),
            ("a?c", "^a.c$"),
            ("[!a-c]x", "^[^a-c]x$"),
            ("[]]", "^[\\]]$"),
            ("a.b(c)", "^a\\.b\\(c\\)$"),
            ("[x", "^\\[x$"),
        ] {
            assert_eq!(glob_regex(glob), re, "{glob}");
        }
    }

    #[test]
    fn epoch_bounds_are_exact_decimals() {
        assert_eq!(decimal(1_500_000_000, 1_000_000_000), "1.500000000");
        assert_eq!(decimal(-1_500_000_000, 1_000_000_000), "-1.500000000");
        assert_eq!(decimal(2_000_001, 1_000_000), "2.000001");
        let t = time::macros::datetime!(2026-11-25 10:00:00.000_000_5 UTC);
        assert_eq!(
            wall_text(ceil_micros(t)),
            "2026-11-25 10:00:00.000001",
            "rounded up to the microsecond"
        );
    }
}
