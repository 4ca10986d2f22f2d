//! Where audit entries come from: keyward's store, a service's own SQLite
//! table (seed 001's `audit_log`), or JSON-lines security event logs (seed
//! 003's `logs/security_events.log`, seed 002's risk-graded events), gzip
//! rotations included.
//!
//! SQLite sources get every filter as SQL, so an index answers a filtered
//! query without reading the table; JSON-lines files are read line by line.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, OpenFlags};
use time::OffsetDateTime;

use super::filter::{
    Cond, Field, Filter, Literal, Op, Path as CondPath, Record, from_epoch, is_glob,
    parse_time_text_in, risks_from,
};
use super::query::{Each, Source, count_by_reading, group_by_reading, poll};
use crate::error::{Error, Result};
use crate::store::Store;
use crate::timeutil::Zone;

/// Oldest or newest first (`--order`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Order {
    /// Oldest first.
    Asc,
    /// Newest first.
    Desc,
}

/// What `--group-by` counts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBy {
    /// A field's value.
    Field(Field),
    /// The UTC day.
    Day,
    /// The UTC hour.
    Hour,
}

impl GroupBy {
    /// Parses `actor`, `action`, `risk`, `outcome`, `host`, `resource_type`,
    /// `day`, `hour`.
    pub fn parse(s: &str) -> Option<GroupBy> {
        match s {
            "day" => Some(GroupBy::Day),
            "hour" => Some(GroupBy::Hour),
            "resource" => Some(GroupBy::Field(Field::ResourceType)),
            _ => match Field::parse(s)? {
                f @ (Field::Actor
                | Field::Action
                | Field::Risk
                | Field::Outcome
                | Field::Host
                | Field::ResourceType) => Some(GroupBy::Field(f)),
                _ => None,
            },
        }
    }

    /// The column header.
    pub fn label(self) -> &'static str {
        match self {
            GroupBy::Field(f) => f.name(),
            GroupBy::Day => "day (UTC)",
            GroupBy::Hour => "hour (UTC)",
        }
    }

    /// The group an entry falls in.
    pub fn key(self, r: &Record) -> String {
        match self {
            GroupBy::Field(f) => r.text(f).unwrap_or_default(),
            GroupBy::Day | GroupBy::Hour => match r.time {
                Some(t) => {
                    let s = crate::timeutil::format_ms(t);
                    if self == GroupBy::Day {
                        s[..10].to_string()
                    } else {
                        format!("{}:00", &s[..13])
                    }
                }
                None => String::new(),
            },
        }
    }

    /// Days and hours: groups in time order.
    pub fn chronological(self) -> bool {
        matches!(self, GroupBy::Day | GroupBy::Hour)
    }
}

/// `--group-by KEY` takes a `GroupBy` directly: the keys and their help.
impl clap::ValueEnum for GroupBy {
    fn value_variants<'a>() -> &'a [Self] {
        &[
            GroupBy::Field(Field::Actor),
            GroupBy::Field(Field::Action),
            GroupBy::Field(Field::Risk),
            GroupBy::Field(Field::Outcome),
            GroupBy::Field(Field::Host),
            GroupBy::Field(Field::ResourceType),
            GroupBy::Day,
            GroupBy::Hour,
        ]
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        let (name, help) = match self {
            GroupBy::Field(Field::Actor) => ("actor", "Who acted"),
            GroupBy::Field(Field::Action) => ("action", "What was done"),
            GroupBy::Field(Field::Risk) => ("risk", "Risk level"),
            GroupBy::Field(Field::Outcome) => ("outcome", "Outcome"),
            GroupBy::Field(Field::Host) => ("host", "Host"),
            GroupBy::Field(Field::ResourceType) => ("resource", "Resource type"),
            GroupBy::Day => ("day", "UTC day"),
            GroupBy::Hour => ("hour", "UTC hour"),
            GroupBy::Field(_) => return None,
        };
        Some(clap::builder::PossibleValue::new(name).help(help))
    }
}

/// A `--map COLUMN=FIELD` override.
#[derive(Debug, Clone)]
pub struct Mapping {
    /// The source's column or JSON key (dotted for nested JSON keys).
    pub column: String,
    /// The record field it fills.
    pub field: Field,
}

/// Parses `--map column=field`.
pub fn parse_mapping(s: &str) -> Result<Mapping> {
    let (column, field) = s.split_once('=').ok_or_else(|| {
        Error::usage(format!(
            "--map '{s}': write COLUMN=FIELD, for example ip_address=host"
        ))
    })?;
    let f = Field::parse(field.trim()).ok_or_else(|| {
        Error::usage(format!(
            "--map '{s}': unknown field '{field}' (fields: id, ts, actor, action, resource_type, resource_id, outcome, risk, host, details)"
        ))
    })?;
    if column.trim().is_empty() {
        return Err(Error::usage(format!("--map '{s}': the column is empty")));
    }
    Ok(Mapping {
        column: column.trim().to_string(),
        field: f,
    })
}

/// Names of the id, tried in order, as a column or a JSON key.
const ID_NAMES: &[&str] = &["id", "event_id", "seq"];

/// Names of the actor, tried in order, as a column or a JSON key.
const ACTOR_NAMES: &[&str] = &[
    "actor",
    "user_id",
    "user",
    "username",
    "principal",
    "api_key_id",
];

/// Column names tried, in order, for each field of a service's table.
pub(crate) fn table_candidates(f: Field) -> &'static [&'static str] {
    match f {
        Field::Id => ID_NAMES,
        Field::Time => &[
            "ts",
            "timestamp",
            "time",
            "created_at",
            "event_time",
            "occurred_at",
        ],
        Field::Actor => ACTOR_NAMES,
        Field::Action => &["action", "event_type", "event", "operation"],
        Field::ResourceType => &["resource_type"],
        Field::ResourceId => &["resource_id", "object_id"],
        Field::Outcome => &["outcome", "status", "result"],
        Field::Risk => &["risk", "risk_level", "severity"],
        Field::Host => &[
            "host",
            "hostname",
            "service_host",
            "ip_address",
            "source_ip",
            "client_ip",
            "ip",
        ],
        Field::Details => &["details", "data", "metadata", "extra"],
    }
}

/// JSON keys tried, in order, for each field of a JSON-lines entry.
fn json_candidates(f: Field) -> &'static [&'static str] {
    match f {
        Field::Id => ID_NAMES,
        Field::Time => &[
            "timestamp",
            "ts",
            "time",
            "@timestamp",
            "created_at",
            "datetime",
        ],
        Field::Actor => ACTOR_NAMES,
        Field::Action => &["action", "event_type", "event", "type"],
        Field::ResourceType => &["resource_type"],
        Field::ResourceId => &["resource_id"],
        Field::Outcome => &["outcome", "status", "result", "success"],
        Field::Risk => &["risk", "risk_level", "severity"],
        Field::Host => &[
            "host",
            "service_host",
            "hostname",
            "source_ip",
            "ip_address",
            "client_ip",
            "ip",
        ],
        Field::Details => &["details", "data", "metadata"],
    }
}

/// How a table keeps its times.
#[derive(Debug, Clone, Copy, PartialEq)]
enum TimeKind {
    /// keyward's own `ts`: RFC 3339 UTC with milliseconds; compares exactly as text.
    Keyward,
    /// ISO-like text; `sep` is the character between date and time.
    /// Bounds are pushed into SQL widened (by a day when values carry
    /// zones, or are read in a `--tz` other than UTC: the text is then not
    /// UTC) and made exact in Rust.
    Text { sep: char, zoned: bool },
    /// Epoch seconds or milliseconds.
    Epoch { millis: bool },
    /// No time column.
    Absent,
}

enum Conn {
    Store(Store),
    Plain(Connection),
}

/// A SQLite table of audit entries: keyward's store or a service's own.
pub struct SqlSource {
    conn: Conn,
    label: String,
    table: String,
    cols: [Option<String>; 10],
    time: TimeKind,
    keyward: bool,
    /// The zone of times written without one (`--tz`).
    zone: Zone,
}

impl std::fmt::Debug for SqlSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SqlSource({} {})", self.label, self.table)
    }
}

use crate::sql::quote_ident;

impl SqlSource {
    /// keyward's store.
    pub fn store(store: Store) -> SqlSource {
        let cols = Field::ALL.map(|f| Some(f.name().to_string()));
        SqlSource {
            label: "the store".into(),
            conn: Conn::Store(store),
            table: "audit_log".into(),
            cols,
            time: TimeKind::Keyward,
            keyward: true,
            zone: Zone::Utc,
        }
    }

    /// A service's own table in the SQLite file at `path`, opened read-only,
    /// with columns found by name and `maps` applied on top.
    pub fn service_table(path: &Path, table: &str, maps: &[Mapping]) -> Result<SqlSource> {
        if !path.exists() {
            return Err(Error::environment(format!(
                "{}: no such file",
                path.display()
            )));
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| crate::store::sql_error(path, e))?;
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(|e| crate::store::sql_error(path, e))?;
        let label = path.display().to_string();
        let columns: Vec<String> = {
            let mut stmt = conn
                .prepare(&format!("PRAGMA table_info({})", quote_ident(table)))
                .map_err(|e| crate::store::sql_error(path, e))?;
            stmt.query_map([], |r| r.get::<_, String>(1))
                .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
                .map_err(|e| crate::store::sql_error(path, e))?
        };
        if columns.is_empty() {
            let tables: Vec<String> = conn
                .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
                .and_then(|mut s| {
                    s.query_map([], |r| r.get::<_, String>(0))?
                        .collect::<rusqlite::Result<Vec<_>>>()
                })
                .unwrap_or_default();
            return Err(Error::bad_input(format!(
                "{label}: no table '{table}' (tables: {})",
                if tables.is_empty() {
                    "none".to_string()
                } else {
                    tables.join(", ")
                }
            )));
        }
        let find = |name: &str| columns.iter().find(|c| c.eq_ignore_ascii_case(name));
        let mut cols: [Option<String>; 10] = Default::default();
        for f in Field::ALL {
            cols[f.index()] = table_candidates(f)
                .iter()
                .find_map(|c| find(c))
                .map(|c| quote_ident(c));
        }
        if cols[Field::Id.index()].is_none() {
            cols[Field::Id.index()] = Some("rowid".into());
        }
        for m in maps {
            let c = find(&m.column).ok_or_else(|| {
                Error::bad_input(format!(
                    "--map {}={}: {label} table '{table}' has no column '{}' (columns: {})",
                    m.column,
                    m.field.name(),
                    m.column,
                    columns.join(", ")
                ))
            })?;
            cols[m.field.index()] = Some(quote_ident(c));
        }
        let mut src = SqlSource {
            conn: Conn::Plain(conn),
            label,
            table: quote_ident(table),
            cols,
            time: TimeKind::Absent,
            keyward: false,
            zone: Zone::Utc,
        };
        src.time = src.detect_time()?;
        Ok(src)
    }

    /// Reads the table's times that carry no zone as wall-clock time in
    /// `zone` (`--tz`). keyward's store always writes UTC with `Z`.
    pub fn with_zone(mut self, zone: Zone) -> SqlSource {
        if self.keyward {
            return self;
        }
        self.zone = zone;
        if !zone.is_utc()
            && let TimeKind::Text { sep, .. } = self.time
        {
            // The text no longer sorts as UTC: widen SQL bounds by a day
            // and group days and hours in Rust.
            self.time = TimeKind::Text { sep, zoned: true };
        }
        self
    }

    fn conn(&self) -> &Connection {
        match &self.conn {
            Conn::Store(s) => s.conn(),
            Conn::Plain(c) => c,
        }
    }

    fn err(&self, e: rusqlite::Error) -> Error {
        match &self.conn {
            Conn::Store(_) => crate::store::query_error(e),
            Conn::Plain(_) => Error::bad_input(format!("{}: {e}", self.label)),
        }
    }

    fn col(&self, f: Field) -> Option<&str> {
        self.cols[f.index()].as_deref()
    }

    fn detect_time(&self) -> Result<TimeKind> {
        let Some(c) = self.col(Field::Time) else {
            return Ok(TimeKind::Absent);
        };
        let sample: Option<SqlValue> = self
            .conn()
            .query_row(
                &format!(
                    "SELECT {c} FROM {} WHERE {c} IS NOT NULL LIMIT 1",
                    self.table
                ),
                [],
                |r| r.get(0),
            )
            .map(Some)
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                e => Err(e),
            })
            .map_err(|e| self.err(e))?;
        Ok(match sample {
            Some(SqlValue::Integer(i)) => TimeKind::Epoch {
                millis: i.abs() >= 100_000_000_000,
            },
            Some(SqlValue::Real(x)) => TimeKind::Epoch {
                millis: x.abs() >= 1e11,
            },
            Some(SqlValue::Text(t)) if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) => {
                TimeKind::Epoch {
                    millis: t.len() > 11,
                }
            }
            Some(SqlValue::Text(t)) => {
                let sep = t.chars().nth(10).filter(|c| *c == ' ').unwrap_or('T');
                let tail = t.get(19..).unwrap_or("");
                let zoned = tail.contains(['+', '-']) && !tail.ends_with("+00:00");
                TimeKind::Text { sep, zoned }
            }
            _ => TimeKind::Text {
                sep: 'T',
                zoned: false,
            },
        })
    }

    /// True when some filter must be finished in Rust after SQL narrowed it.
    fn post_filter(&self, f: &Filter) -> bool {
        matches!(self.time, TimeKind::Text { .. }) && (f.since.is_some() || f.until.is_some())
    }

    fn time_bound(&self, t: OffsetDateTime, upper: bool) -> Option<SqlValue> {
        match self.time {
            TimeKind::Keyward => Some(SqlValue::Text(crate::timeutil::format_ms(t))),
            TimeKind::Text { sep, zoned } => {
                let widen = if zoned {
                    time::Duration::days(1)
                } else {
                    time::Duration::seconds(1)
                };
                let t = if upper { t + widen } else { t - widen };
                let s = crate::timeutil::format_ms(t);
                Some(SqlValue::Text(format!("{}{sep}{}", &s[..10], &s[11..19])))
            }
            TimeKind::Epoch { millis } => {
                let secs = t.unix_timestamp_nanos() as f64 / 1e9;
                Some(SqlValue::Real(if millis { secs * 1000.0 } else { secs }))
            }
            TimeKind::Absent => None,
        }
    }

    /// The WHERE clause and its parameters.
    fn where_sql(&self, f: &Filter) -> (String, Vec<SqlValue>) {
        let mut parts: Vec<String> = Vec::new();
        let mut params: Vec<SqlValue> = Vec::new();
        let never = "0".to_string();
        let mut push = |sql: String, p: Vec<SqlValue>| {
            parts.push(sql);
            params.extend(p);
        };
        let time_col = self.col(Field::Time).map(str::to_string);
        for (bound, upper) in [(f.since, false), (f.until, true)] {
            let Some(t) = bound else { continue };
            match (&time_col, self.time_bound(t, upper)) {
                (Some(c), Some(v)) => {
                    let op = match (upper, self.time) {
                        (false, _) => ">=",
                        (true, TimeKind::Text { .. }) => "<=",
                        (true, _) => "<",
                    };
                    push(format!("{c} {op} ?"), vec![v]);
                }
                _ => push(never.clone(), vec![]),
            }
        }
        if let (Some(a), Some(c)) = (f.after_id, self.col(Field::Id)) {
            push(format!("{c} > ?"), vec![SqlValue::Integer(a)]);
        }
        for (field, pat) in [
            (Field::Actor, &f.actor),
            (Field::Action, &f.action),
            (Field::Host, &f.host),
        ] {
            let Some(p) = pat else { continue };
            match self.col(field) {
                Some(c) if is_glob(p) => push(
                    format!("CAST({c} AS TEXT) GLOB ?"),
                    vec![SqlValue::Text(p.clone())],
                ),
                Some(c) => push(format!("{c} = ?"), vec![SqlValue::Text(p.clone())]),
                None => push(never.clone(), vec![]),
            }
        }
        for (field, want) in [
            (Field::ResourceType, &f.resource_type),
            (Field::ResourceId, &f.resource_id),
        ] {
            let Some(w) = want else { continue };
            match self.col(field) {
                Some(c) => push(format!("{c} = ?"), vec![SqlValue::Text(w.clone())]),
                None => push(never.clone(), vec![]),
            }
        }
        let any_of = |c: &str, values: Vec<String>, lower: bool| {
            let marks = vec!["?"; values.len()].join(", ");
            let lhs = if lower {
                format!("lower({c})")
            } else {
                c.to_string()
            };
            (
                format!("{lhs} IN ({marks})"),
                values.into_iter().map(SqlValue::Text).collect::<Vec<_>>(),
            )
        };
        if !f.outcome.is_empty() {
            match self.col(Field::Outcome) {
                Some(c) => {
                    let (s, p) = any_of(
                        c,
                        f.outcome.iter().map(|o| o.to_ascii_lowercase()).collect(),
                        !self.keyward,
                    );
                    push(s, p);
                }
                None => push(never.clone(), vec![]),
            }
        }
        if let Some(min) = f.risk_min {
            match self.col(Field::Risk) {
                Some(c) => {
                    let (s, p) = any_of(
                        c,
                        risks_from(min).into_iter().map(str::to_string).collect(),
                        !self.keyward,
                    );
                    push(s, p);
                }
                None => push(never.clone(), vec![]),
            }
        }
        if let Some(g) = &f.grep {
            match self.col(Field::Details) {
                Some(c) => push(
                    format!("CAST({c} AS TEXT) LIKE ? ESCAPE '\\'"),
                    vec![SqlValue::Text(format!("%{}%", like_escape(g)))],
                ),
                None => push(never.clone(), vec![]),
            }
        }
        for cond in &f.wheres {
            let (s, p) = self.cond_sql(cond);
            push(s, p);
        }
        if parts.is_empty() {
            (String::new(), params)
        } else {
            (format!(" WHERE {}", parts.join(" AND ")), params)
        }
    }

    fn cond_sql(&self, c: &Cond) -> (String, Vec<SqlValue>) {
        let lhs = match &c.path {
            CondPath::Field(f) => match self.col(*f) {
                Some(col) => col.to_string(),
                None => "NULL".to_string(),
            },
            CondPath::Detail(segments) => match self.col(Field::Details) {
                Some(d) => {
                    let path = segments
                        .iter()
                        .map(|s| format!(".\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\"")))
                        .collect::<String>();
                    let path = format!("'${}'", path.replace('\'', "''"));
                    format!("(CASE WHEN json_valid({d}) THEN json_extract({d}, {path}) END)")
                }
                None => "NULL".to_string(),
            },
        };
        let typed = |cond: String| {
            // Compare like with like: text with text, numbers with numbers.
            match &c.value {
                Literal::Str(_) => format!("(typeof({lhs}) = 'text' AND {cond})"),
                Literal::Int(_) | Literal::Float(_) | Literal::Bool(_) => {
                    format!("(typeof({lhs}) IN ('integer', 'real') AND {cond})")
                }
                Literal::Null => cond,
            }
        };
        let param = match &c.value {
            Literal::Str(s) => SqlValue::Text(s.clone()),
            Literal::Int(i) => SqlValue::Integer(*i),
            Literal::Float(x) => SqlValue::Real(*x),
            Literal::Bool(b) => SqlValue::Integer(*b as i64),
            Literal::Null => SqlValue::Null,
        };
        let is_id = matches!(c.path, CondPath::Field(Field::Id));
        match (&c.value, c.op) {
            (Literal::Null, Op::Eq) => (format!("{lhs} IS NULL"), vec![]),
            (Literal::Null, _) => (format!("{lhs} IS NOT NULL"), vec![]),
            (_, Op::Ne) => (
                format!(
                    "({lhs} IS NOT NULL AND NOT {})",
                    typed(format!("{lhs} = ?"))
                ),
                vec![param],
            ),
            (_, op) if is_id => (format!("{lhs} {} ?", op.sql()), vec![param]),
            (_, op) => (typed(format!("{lhs} {} ?", op.sql())), vec![param]),
        }
    }

    fn select_sql(&self) -> String {
        let mut cols: Vec<String> = Field::ALL
            .iter()
            .map(|f| self.col(*f).map(str::to_string).unwrap_or("NULL".into()))
            .collect();
        if self.keyward {
            cols.push("prev_hash".into());
            cols.push("hash".into());
        }
        format!("SELECT {} FROM {}", cols.join(", "), self.table)
    }

    fn order_sql(&self, order: Order) -> String {
        let dir = if order == Order::Asc { "ASC" } else { "DESC" };
        let id = self.col(Field::Id).unwrap_or("rowid");
        match (self.keyward, self.col(Field::Time)) {
            (false, Some(t)) => format!(" ORDER BY {t} {dir}, {id} {dir}"),
            _ => format!(" ORDER BY {id} {dir}"),
        }
    }

    fn record(&self, r: &rusqlite::Row<'_>) -> rusqlite::Result<Record> {
        let text = |i: usize| -> rusqlite::Result<Option<String>> {
            Ok(match r.get::<_, SqlValue>(i)? {
                SqlValue::Null => None,
                SqlValue::Integer(n) => Some(n.to_string()),
                SqlValue::Real(x) => Some(x.to_string()),
                SqlValue::Text(t) => Some(t),
                SqlValue::Blob(b) => Some(String::from_utf8_lossy(&b).into_owned()),
            })
        };
        let id = match r.get::<_, SqlValue>(0)? {
            SqlValue::Integer(n) => Some(n),
            SqlValue::Text(t) => t.parse().ok(),
            _ => None,
        };
        let (ts, time) = match r.get::<_, SqlValue>(1)? {
            SqlValue::Integer(n) => time_of_epoch(n as f64),
            SqlValue::Real(x) => time_of_epoch(x),
            SqlValue::Text(t) if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) => {
                time_of_epoch(t.parse().unwrap_or(f64::NAN))
            }
            SqlValue::Text(t) => match parse_time_text_in(&t, self.zone) {
                Some(v) if self.time != TimeKind::Keyward => {
                    (crate::timeutil::format_ms(v), Some(v))
                }
                Some(v) => (t, Some(v)),
                None => (t, None),
            },
            _ => (String::new(), None),
        };
        let details = match text(9)? {
            None => serde_json::Value::Null,
            Some(t) => serde_json::from_str(&t).unwrap_or(serde_json::Value::String(t)),
        };
        Ok(Record {
            id,
            ts,
            time,
            actor: text(2)?,
            action: text(3)?,
            resource_type: text(4)?,
            resource_id: text(5)?,
            outcome: text(6)?,
            risk: text(7)?,
            host: text(8)?,
            details,
            prev_hash: if self.keyward { text(10)? } else { None },
            hash: if self.keyward { text(11)? } else { None },
            source: None,
            cursor: None,
        })
    }
}

impl Source for SqlSource {
    /// Calls `each` for every matching entry in `order`, at most `limit`
    /// of them; `each` returns false to stop early. Rows stream from
    /// SQLite: memory does not grow with the log.
    fn for_each(&self, f: &Filter, order: Order, limit: Option<u64>, each: Each<'_>) -> Result<()> {
        let (wh, params) = self.where_sql(f);
        let post = self.post_filter(f);
        let lim = match (post, limit) {
            (false, Some(l)) => format!(" LIMIT {}", l.min(i64::MAX as u64)),
            _ => String::new(),
        };
        let sql = format!("{}{wh}{}{lim}", self.select_sql(), self.order_sql(order));
        let mut stmt = self.conn().prepare(&sql).map_err(|e| self.err(e))?;
        let mut rows = stmt
            .query(rusqlite::params_from_iter(params))
            .map_err(|e| self.err(e))?;
        let mut n = 0u64;
        while let Some(row) = rows.next().map_err(|e| self.err(e))? {
            if limit.is_some_and(|l| n >= l) {
                break;
            }
            let rec = self.record(row).map_err(|e| self.err(e))?;
            if post && !f.matches(&rec) {
                continue;
            }
            n += 1;
            if !each(rec)? {
                break;
            }
        }
        Ok(())
    }

    /// How many entries match.
    fn count(&self, f: &Filter) -> Result<u64> {
        if self.post_filter(f) {
            return count_by_reading(self, f);
        }
        let (wh, params) = self.where_sql(f);
        self.conn()
            .query_row(
                &format!("SELECT COUNT(*) FROM {}{wh}", self.table),
                rusqlite::params_from_iter(params),
                |r| r.get::<_, i64>(0),
            )
            .map(|n| n as u64)
            .map_err(|e| self.err(e))
    }

    /// Counts per group.
    fn group(&self, f: &Filter, by: GroupBy) -> Result<Vec<(String, u64)>> {
        if by == GroupBy::Day
            && self.time == TimeKind::Keyward
            && let Some(groups) = self.group_days_by_range(f)?
        {
            return Ok(groups);
        }
        let key_sql = match by {
            GroupBy::Field(field) => self.col(field).map(|c| format!("CAST({c} AS TEXT)")),
            GroupBy::Day | GroupBy::Hour => {
                let len = if by == GroupBy::Day { 10 } else { 13 };
                let suffix = if by == GroupBy::Hour { " || ':00'" } else { "" };
                match (self.time, self.col(Field::Time)) {
                    (TimeKind::Keyward, Some(c)) => Some(format!("substr({c}, 1, {len}){suffix}")),
                    (TimeKind::Text { zoned: false, .. }, Some(c)) => {
                        Some(format!("replace(substr({c}, 1, {len}), ' ', 'T'){suffix}"))
                    }
                    (TimeKind::Epoch { millis }, Some(c)) => {
                        let secs = if millis {
                            format!("{c} / 1000.0")
                        } else {
                            c.to_string()
                        };
                        let fmt = if by == GroupBy::Day {
                            "%Y-%m-%d"
                        } else {
                            "%Y-%m-%dT%H:00"
                        };
                        Some(format!("strftime('{fmt}', {secs}, 'unixepoch')"))
                    }
                    _ => None,
                }
            }
        };
        let mut groups = match key_sql {
            Some(k) if !self.post_filter(f) => {
                let (wh, params) = self.where_sql(f);
                let sql = format!("SELECT {k}, COUNT(*) FROM {}{wh} GROUP BY 1", self.table);
                let mut stmt = self.conn().prepare(&sql).map_err(|e| self.err(e))?;
                stmt.query_map(rusqlite::params_from_iter(params), |r| {
                    Ok((
                        r.get::<_, Option<String>>(0)?.unwrap_or_default(),
                        r.get::<_, i64>(1)? as u64,
                    ))
                })
                .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
                .map_err(|e| self.err(e))?
            }
            _ => return group_by_reading(self, f, by),
        };
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
        let mut last_id = match last {
            Some(r) => r.id,
            None => self.max_id()?,
        };
        let mut f = f.clone();
        poll(interval, each, |each| {
            f.after_id = last_id;
            self.for_each(&f, Order::Asc, None, &mut |r| {
                if r.id.is_some() {
                    last_id = r.id;
                }
                each(r)
            })
        })
    }

    fn store(&self) -> Option<&Store> {
        match &self.conn {
            Conn::Store(s) => Some(s),
            Conn::Plain(_) => None,
        }
    }

    fn into_store(self: Box<Self>) -> Option<Store> {
        match self.conn {
            Conn::Store(s) => Some(s),
            Conn::Plain(_) => None,
        }
    }
}

impl SqlSource {
    /// Counts per day of keyward's store one day at a time, each a range of
    /// the `ts` index: no sort of the whole log, which `GROUP BY` would
    /// need (about 4x faster on 10M entries). None when the range is too
    /// long for this to pay.
    fn group_days_by_range(&self, f: &Filter) -> Result<Option<Vec<(String, u64)>>> {
        let (wh, params) = self.where_sql(f);
        let edge = |agg: &str| -> Result<Option<String>> {
            self.conn()
                .query_row(
                    &format!("SELECT {agg}(ts) FROM {}{wh}", self.table),
                    rusqlite::params_from_iter(params.clone()),
                    |r| r.get::<_, Option<String>>(0),
                )
                .map_err(|e| self.err(e))
        };
        let (Some(lo), Some(hi)) = (edge("MIN")?, edge("MAX")?) else {
            return Ok(Some(Vec::new()));
        };
        let day = |s: &str| {
            time::Date::parse(
                s.get(..10).unwrap_or(""),
                time::macros::format_description!("[year]-[month]-[day]"),
            )
            .ok()
        };
        let (Some(mut d), Some(last)) = (day(&lo), day(&hi)) else {
            return Ok(None);
        };
        if (last - d).whole_days() > 20_000 {
            return Ok(None);
        }
        let joiner = if wh.is_empty() { " WHERE" } else { " AND" };
        let sql = format!(
            "SELECT COUNT(*) FROM {}{wh}{joiner} ts >= ? AND ts < ?",
            self.table
        );
        let mut stmt = self.conn().prepare(&sql).map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        while d <= last {
            let next = d.next_day().unwrap_or(d);
            let mut p = params.clone();
            p.push(SqlValue::Text(d.to_string()));
            p.push(SqlValue::Text(next.to_string()));
            let n: i64 = stmt
                .query_row(rusqlite::params_from_iter(p), |r| r.get(0))
                .map_err(|e| self.err(e))?;
            if n > 0 {
                out.push((d.to_string(), n as u64));
            }
            if next == d {
                break;
            }
            d = next;
        }
        Ok(Some(out))
    }

    /// The largest id that matches nothing yet: where `tail --follow` starts.
    pub fn max_id(&self) -> Result<Option<i64>> {
        let id = self.col(Field::Id).unwrap_or("rowid");
        self.conn()
            .query_row(&format!("SELECT MAX({id}) FROM {}", self.table), [], |r| {
                r.get::<_, Option<i64>>(0)
            })
            .map_err(|e| self.err(e))
    }

    /// True for keyward's own store.
    pub fn is_store(&self) -> bool {
        self.keyward
    }
}

pub(crate) fn time_of_epoch(x: f64) -> (String, Option<OffsetDateTime>) {
    match from_epoch(x) {
        Some(t) => (crate::timeutil::format_ms(t), Some(t)),
        None => (x.to_string(), None),
    }
}

pub(crate) fn like_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// Largest first, or in time order for days and hours.
pub fn sort_groups(groups: &mut [(String, u64)], by: GroupBy) {
    if by.chronological() {
        groups.sort_by(|a, b| a.0.cmp(&b.0));
    } else {
        groups.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    }
}

/// JSON-lines files (plain or gzip), oldest first.
#[derive(Debug)]
pub struct JsonlSource {
    files: Vec<PathBuf>,
    keys: [Vec<Vec<String>>; 10],
    /// Lines that were not JSON objects: (file, first bad line, how many).
    pub skipped: std::cell::RefCell<Vec<(String, u64, u64)>>,
    /// Lines longer than [`MAX_LINE_BYTES`], skipped unread: (file, first
    /// line, count).
    pub too_long: std::cell::RefCell<Vec<(String, u64, u64)>>,
    /// The zone of times written without one (`--tz`).
    zone: Zone,
}

impl JsonlSource {
    /// The files named by `spec` (a path or a glob), ordered oldest first
    /// by modification time, as logrotate leaves them.
    pub fn open(spec: &str, maps: &[Mapping]) -> Result<JsonlSource> {
        let mut files: Vec<PathBuf> = if is_glob(spec) {
            glob::glob(spec)
                .map_err(|e| Error::usage(format!("--source jsonl:{spec}: bad glob: {e}")))?
                .filter_map(|p| p.ok())
                .filter(|p| p.is_file())
                .collect()
        } else {
            let p = PathBuf::from(spec);
            if !p.exists() {
                return Err(Error::environment(format!("{spec}: no such file")));
            }
            if p.is_dir() {
                return Err(Error::usage(format!(
                    "{spec} is a directory: give a file or a glob (logs/security_events.log*)"
                )));
            }
            vec![p]
        };
        if files.is_empty() {
            return Err(Error::environment(format!("{spec}: no file matches")));
        }
        files.sort_by_key(|p| {
            (
                std::fs::metadata(p).and_then(|m| m.modified()).ok(),
                p.clone(),
            )
        });
        let mut keys: [Vec<Vec<String>>; 10] = Default::default();
        for f in Field::ALL {
            keys[f.index()] = json_candidates(f)
                .iter()
                .map(|k| vec![k.to_string()])
                .collect();
        }
        for m in maps {
            keys[m.field.index()] = vec![m.column.split('.').map(str::to_string).collect()];
        }
        Ok(JsonlSource {
            files,
            keys,
            skipped: Default::default(),
            too_long: Default::default(),
            zone: Zone::Utc,
        })
    }

    /// Reads times that carry no zone as wall-clock time in `zone`
    /// (`--tz`); times with `Z` or an offset, and epoch numbers, are read
    /// as written.
    pub fn with_zone(mut self, zone: Zone) -> JsonlSource {
        self.zone = zone;
        self
    }

    /// The files read, oldest first.
    pub fn files(&self) -> &[PathBuf] {
        &self.files
    }

    /// Reads one file's entries, calling `each` (false stops).
    fn read_file(&self, path: &Path, each: Each<'_>) -> Result<bool> {
        let file = std::fs::File::open(path).map_err(|e| Error::io("read", path, &e))?;
        let mut reader = BufReader::new(file);
        let gz = reader
            .fill_buf()
            .map(|b| b.starts_with(&[0x1f, 0x8b]))
            .map_err(|e| Error::io("read", path, &e))?;
        let reader: Box<dyn BufRead> = if gz {
            Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(reader)))
        } else {
            Box::new(reader)
        };
        let label = path.display().to_string();
        let mut line_no = 0u64;
        let mut bad: Option<(u64, u64)> = None;
        let mut long: Option<(u64, u64)> = None;
        let mut buf = Vec::new();
        let mut reader = reader;
        loop {
            buf.clear();
            let (n, fits) = read_line_capped(&mut reader, &mut buf, MAX_LINE_BYTES)
                .map_err(|e| Error::bad_input(format!("{label}: line {}: {e}", line_no + 1)))?;
            if n == 0 {
                break;
            }
            line_no += 1;
            if !fits {
                long = Some(long.map_or((line_no, 1), |(first, k)| (first, k + 1)));
                continue;
            }
            let text = String::from_utf8_lossy(&buf);
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            match self.parse_line(text, &label, line_no) {
                Some(rec) => {
                    if !each(rec)? {
                        self.note_bad(&label, bad, long);
                        return Ok(false);
                    }
                }
                None => {
                    bad = Some(match bad {
                        Some((first, k)) => (first, k + 1),
                        None => (line_no, 1),
                    })
                }
            }
        }
        self.note_bad(&label, bad, long);
        Ok(true)
    }

    fn note_bad(&self, label: &str, bad: Option<(u64, u64)>, long: Option<(u64, u64)>) {
        if let Some((first, k)) = bad {
            self.skipped
                .borrow_mut()
                .push((label.to_string(), first, k));
        }
        if let Some((first, k)) = long {
            self.too_long
                .borrow_mut()
                .push((label.to_string(), first, k));
        }
    }

    /// One line as a record; None when it is neither a JSON object nor a
    /// Python dict's `repr` (`{'user': None, 'success': False}`, what
    /// Python writes with `f"{entry}\n"`).
    pub fn parse_line(&self, text: &str, label: &str, line_no: u64) -> Option<Record> {
        let v: serde_json::Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(_) if text.starts_with('{') => super::pyrepr::parse(text)?,
            Err(_) => return None,
        };
        let obj = v.as_object()?;
        let mut used: Vec<&str> = Vec::new();
        let mut get = |f: Field| -> Option<&serde_json::Value> {
            for path in &self.keys[f.index()] {
                let mut cur = obj.get(&path[0]);
                for seg in &path[1..] {
                    cur = cur.and_then(|c| c.as_object()).and_then(|o| o.get(seg));
                }
                if let Some(c) = cur.filter(|c| !c.is_null()) {
                    used.push(&path[0]);
                    return Some(c);
                }
            }
            None
        };
        let as_text = |v: Option<&serde_json::Value>| -> Option<String> {
            match v? {
                serde_json::Value::String(s) => Some(s.clone()),
                serde_json::Value::Null => None,
                other => Some(other.to_string()),
            }
        };
        let (ts, time) = match get(Field::Time) {
            Some(serde_json::Value::Number(n)) => time_of_epoch(n.as_f64().unwrap_or(f64::NAN)),
            Some(serde_json::Value::String(s)) => match parse_time_text_in(s, self.zone) {
                Some(t) => (crate::timeutil::format_ms(t), Some(t)),
                None => (s.clone(), None),
            },
            _ => (String::new(), None),
        };
        let outcome = match get(Field::Outcome) {
            Some(serde_json::Value::Bool(b)) => Some(if *b { "success" } else { "failure" }.into()),
            other => as_text(other),
        };
        let id = get(Field::Id).and_then(|v| v.as_i64());
        let actor = as_text(get(Field::Actor));
        let action = as_text(get(Field::Action));
        let resource_type = as_text(get(Field::ResourceType));
        let resource_id = as_text(get(Field::ResourceId));
        let risk = as_text(get(Field::Risk)).map(|r| r.to_ascii_lowercase());
        let host = as_text(get(Field::Host));
        let details = match get(Field::Details) {
            Some(d) => d.clone(),
            None => serde_json::Value::Object(
                obj.iter()
                    .filter(|(k, _)| !used.contains(&k.as_str()))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
            ),
        };
        Some(Record {
            id,
            ts,
            time,
            actor,
            action,
            resource_type,
            resource_id,
            outcome,
            risk,
            host,
            details,
            prev_hash: None,
            hash: None,
            source: Some(format!("{label}:{line_no}")),
            cursor: None,
        })
    }
}

impl Source for JsonlSource {
    /// Calls `each` for matching entries, in file order (oldest first) or
    /// reversed; ascending order streams, descending keeps at most `limit`.
    fn for_each(&self, f: &Filter, order: Order, limit: Option<u64>, each: Each<'_>) -> Result<()> {
        match order {
            Order::Asc => {
                let mut n = 0u64;
                for path in &self.files {
                    let go = self.read_file(path, &mut |r| {
                        if !f.matches(&r) {
                            return Ok(true);
                        }
                        if limit.is_some_and(|l| n >= l) {
                            return Ok(false);
                        }
                        n += 1;
                        each(r)
                    })?;
                    if !go || limit.is_some_and(|l| n >= l) {
                        break;
                    }
                }
            }
            Order::Desc => {
                let mut keep: VecDeque<Record> = VecDeque::new();
                for path in &self.files {
                    self.read_file(path, &mut |r| {
                        if f.matches(&r) {
                            keep.push_back(r);
                            if limit.is_some_and(|l| keep.len() as u64 > l) {
                                keep.pop_front();
                            }
                        }
                        Ok(true)
                    })?;
                }
                while let Some(r) = keep.pop_back() {
                    if !each(r)? {
                        break;
                    }
                }
            }
        }
        Ok(())
    }

    fn follow(
        &self,
        f: &Filter,
        _last: Option<&Record>,
        interval: Duration,
        each: Each<'_>,
    ) -> Result<()> {
        let live = self
            .files()
            .last()
            .cloned()
            .ok_or_else(|| Error::environment("no file to follow"))?;
        follow_file(self, &live, f, interval, each)
    }

    fn skipped(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (file, first, n) in self.skipped.borrow().iter() {
            out.push(format!(
                "{file}:{first}: skipped {n} {} not a JSON object",
                if *n == 1 {
                    "line that is"
                } else {
                    "lines that are"
                }
            ));
        }
        for (file, first, n) in self.too_long.borrow().iter() {
            out.push(format!(
                "{file}:{first}: skipped {n} {} longer than {} MiB",
                if *n == 1 { "line" } else { "lines" },
                MAX_LINE_BYTES >> 20
            ));
        }
        out
    }
}

/// The longest line of a JSON-lines log keyward reads: 1 MiB. A longer one
/// (a hostile or broken log: one 4 GiB line packs into a small gzip file)
/// is skipped and counted, never held in memory.
pub const MAX_LINE_BYTES: usize = 1 << 20;

/// Reads one line (up to and including `\n`) into `buf`, keeping at most
/// `cap` bytes: returns the bytes consumed and whether the line fit. A
/// longer line is consumed to its end without being kept.
fn read_line_capped(
    reader: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    cap: usize,
) -> std::io::Result<(usize, bool)> {
    let mut consumed = 0;
    let mut fits = true;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok((consumed, fits));
        }
        let (take, done) = match chunk.iter().position(|b| *b == b'\n') {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        if fits && buf.len() + take <= cap + 1 {
            buf.extend_from_slice(&chunk[..take]);
        } else {
            fits = false;
            buf.clear();
        }
        reader.consume(take);
        consumed += take;
        if done {
            return Ok((consumed, fits));
        }
    }
}

/// Follows a growing log file from its current end, across rotation (a new
/// file at the path, or the file truncated), calling `each` for every
/// complete new line that parses and matches; stops when `each` returns
/// false. Polls every `interval`.
pub fn follow_file(
    src: &JsonlSource,
    path: &Path,
    f: &Filter,
    interval: std::time::Duration,
    mut each: impl FnMut(Record) -> Result<bool>,
) -> Result<()> {
    use std::os::unix::fs::MetadataExt;
    let open = |from_end: bool| -> Result<(std::fs::File, u64, u64)> {
        let mut file = std::fs::File::open(path).map_err(|e| Error::io("follow", path, &e))?;
        let meta = file.metadata().map_err(|e| Error::io("follow", path, &e))?;
        let pos = if from_end {
            use std::io::Seek;
            file.seek(std::io::SeekFrom::End(0))
                .map_err(|e| Error::io("follow", path, &e))?
        } else {
            0
        };
        Ok((file, meta.ino(), pos))
    };
    let (mut file, mut ino, mut pos) = open(true)?;
    let label = path.display().to_string();
    let mut pending: Vec<u8> = Vec::new();
    // Inside a line longer than MAX_LINE_BYTES: dropped up to its newline.
    let mut discarding = false;
    let mut line_no = 0u64;
    loop {
        let mut chunk = Vec::new();
        let n = (&mut file)
            .take(1 << 20)
            .read_to_end(&mut chunk)
            .map_err(|e| Error::io("follow", path, &e))?;
        pos += n as u64;
        pending.extend_from_slice(&chunk);
        loop {
            let Some(nl) = pending.iter().position(|b| *b == b'\n') else {
                if pending.len() > MAX_LINE_BYTES {
                    pending.clear();
                    discarding = true;
                }
                break;
            };
            let line: Vec<u8> = pending.drain(..=nl).collect();
            line_no += 1;
            if std::mem::take(&mut discarding) || line.len() > MAX_LINE_BYTES + 1 {
                src.note_bad(&label, None, Some((line_no, 1)));
                continue;
            }
            let text = String::from_utf8_lossy(&line);
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            if let Some(r) = src.parse_line(text, &label, line_no)
                && f.matches(&r)
                && !each(r)?
            {
                return Ok(());
            }
        }
        if n > 0 {
            continue;
        }
        std::thread::sleep(interval);
        // Rotated (a new file at the path) or truncated: start over on it.
        match std::fs::metadata(path) {
            Ok(m) if m.ino() != ino || m.len() < pos => {
                // Drain what the old file still had before switching.
                let mut rest = Vec::new();
                file.read_to_end(&mut rest)
                    .map_err(|e| Error::io("follow", path, &e))?;
                if !rest.is_empty() {
                    pending.extend_from_slice(&rest);
                    pos += rest.len() as u64;
                    continue;
                }
                (file, ino, pos) = open(false)?;
                pending.clear();
                line_no = 0;
            }
            _ => {}
        }
    }
}
