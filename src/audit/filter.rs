//! What `audit query`, `tail` and `export` select: the filters, the
//! `--where` expression language, and the normalised record every source
//! yields.
//!
//! Filters are pushed into SQL for SQLite sources (so an index answers
//! them) and evaluated in Rust for JSON-lines files; [`Filter::matches`] is
//! the reference both follow.

use serde::Serialize;
use time::OffsetDateTime;

use super::Risk;
use crate::error::{Error, Result};

/// A field of the normalised record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// Storage order (keyward's id, a table's id column or rowid).
    Id,
    /// When.
    Time,
    /// Who.
    Actor,
    /// What.
    Action,
    /// On what kind of thing.
    ResourceType,
    /// On which one.
    ResourceId,
    /// success, failure, denied.
    Outcome,
    /// low, medium, high, critical.
    Risk,
    /// Where.
    Host,
    /// The JSON details.
    Details,
}

impl Field {
    /// Every field, in record order.
    pub const ALL: [Field; 10] = [
        Field::Id,
        Field::Time,
        Field::Actor,
        Field::Action,
        Field::ResourceType,
        Field::ResourceId,
        Field::Outcome,
        Field::Risk,
        Field::Host,
        Field::Details,
    ];

    /// The name used in `--map`, `--where` and JSON output.
    pub fn name(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Time => "ts",
            Field::Actor => "actor",
            Field::Action => "action",
            Field::ResourceType => "resource_type",
            Field::ResourceId => "resource_id",
            Field::Outcome => "outcome",
            Field::Risk => "risk",
            Field::Host => "host",
            Field::Details => "details",
        }
    }

    /// Parses a field name (`time` and `timestamp` are `ts`).
    pub fn parse(s: &str) -> Option<Field> {
        let s = s.to_ascii_lowercase();
        Some(match s.as_str() {
            "ts" | "time" | "timestamp" => Field::Time,
            _ => *Field::ALL.iter().find(|f| f.name() == s)?,
        })
    }

    /// Index into per-field arrays.
    pub fn index(self) -> usize {
        Field::ALL
            .iter()
            .position(|f| *f == self)
            .expect("every field is in ALL")
    }
}

/// One audit entry from any source, normalised.
#[derive(Debug, Clone, Serialize)]
pub struct Record {
    /// Storage order (a line number for JSON-lines files).
    pub id: Option<i64>,
    /// RFC 3339 UTC with milliseconds when the source's time was understood,
    /// else the source's text as it is.
    pub ts: String,
    /// The parsed time.
    #[serde(skip)]
    pub time: Option<OffsetDateTime>,
    /// Who.
    pub actor: Option<String>,
    /// What.
    pub action: Option<String>,
    /// On what kind of thing.
    pub resource_type: Option<String>,
    /// On which one.
    pub resource_id: Option<String>,
    /// success, failure or denied.
    pub outcome: Option<String>,
    /// low, medium, high or critical.
    pub risk: Option<String>,
    /// Where.
    pub host: Option<String>,
    /// Structured details (an object, or the source's text as a string).
    pub details: serde_json::Value,
    /// keyward's store: the previous row's hash.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prev_hash: Option<String>,
    /// keyward's store: this row's hash.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hash: Option<String>,
    /// JSON-lines files: `file:line` the entry came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Where the entry sits in its source, for `tail --follow` to go on
    /// after it (PostgreSQL: its time and key as the server prints them).
    #[serde(skip)]
    pub cursor: Option<Cursor>,
}

/// A PostgreSQL entry's place in (time, key) order, each as the server
/// prints it (cast back to the column's own type, it is exact).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cursor {
    /// The time column's text.
    pub time: Option<String>,
    /// The key column's text.
    pub key: Option<String>,
}

impl Record {
    /// A field's value as text (None when absent).
    pub fn text(&self, f: Field) -> Option<String> {
        match f {
            Field::Id => self.id.map(|i| i.to_string()),
            Field::Time => Some(self.ts.clone()),
            Field::Actor => self.actor.clone(),
            Field::Action => self.action.clone(),
            Field::ResourceType => self.resource_type.clone(),
            Field::ResourceId => self.resource_id.clone(),
            Field::Outcome => self.outcome.clone(),
            Field::Risk => self.risk.clone(),
            Field::Host => self.host.clone(),
            Field::Details => Some(details_text(&self.details)),
        }
    }

    fn value(&self, path: &Path) -> Option<serde_json::Value> {
        match path {
            Path::Field(Field::Id) => self.id.map(serde_json::Value::from),
            Path::Field(Field::Details) => Some(self.details.clone()),
            Path::Field(f) => self.text(*f).map(serde_json::Value::String),
            Path::Detail(segments) => {
                let mut v = &self.details;
                for s in segments {
                    v = v.as_object()?.get(s)?;
                }
                Some(v.clone())
            }
        }
    }
}

/// The details as one line of text.
pub fn details_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// Where a `--where` condition looks.
#[derive(Debug, Clone, PartialEq)]
pub enum Path {
    /// A record field.
    Field(Field),
    /// A path inside the details object (`details.a.b`).
    Detail(Vec<String>),
}

/// A comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `=` or `==`.
    Eq,
    /// `!=`.
    Ne,
    /// `<`.
    Lt,
    /// `<=`.
    Le,
    /// `>`.
    Gt,
    /// `>=`.
    Ge,
    /// `~`: a glob (`*`, `?`, `[...]`), case-sensitive.
    Glob,
}

impl Op {
    /// The SQL operator.
    pub fn sql(self) -> &'static str {
        match self {
            Op::Eq => "=",
            Op::Ne => "<>",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
            Op::Glob => "GLOB",
        }
    }
}

/// A literal on the right of a condition.
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    /// Text.
    Str(String),
    /// An integer.
    Int(i64),
    /// A real number.
    Float(f64),
    /// true or false.
    Bool(bool),
    /// null: `= null` is "absent", `!= null` "present".
    Null,
}

/// One `--where PATH OP VALUE` condition.
#[derive(Debug, Clone, PartialEq)]
pub struct Cond {
    /// Left side.
    pub path: Path,
    /// Operator.
    pub op: Op,
    /// Right side.
    pub value: Literal,
}

/// Parses `details.tier = "short_term"`, `actor != bob`, `details.score >= 75`,
/// `action ~ "apikey.*"`, `details.ip = null`. Errors are usage errors
/// (exit 2) naming the column.
pub fn parse_where(expr: &str) -> Result<Cond> {
    let err = |pos: usize, msg: &str| {
        Error::usage(format!(
            "--where '{expr}': at column {}: {msg}",
            expr[..pos.min(expr.len())].chars().count() + 1
        ))
        .with_hint(
            "write PATH OP VALUE, e.g. details.tier = \"short_term\"; OP is = != < <= > >= or ~ (glob)",
        )
    };
    let b = expr.as_bytes();
    let mut i = 0;
    let skip_ws = |i: &mut usize| {
        while *i < b.len() && b[*i].is_ascii_whitespace() {
            *i += 1;
        }
    };
    // The path: segments joined by '.', each a name or a "quoted" string.
    skip_ws(&mut i);
    let mut segments: Vec<String> = Vec::new();
    loop {
        let start = i;
        if i < b.len() && b[i] == b'"' {
            let (s, end) =
                json_string(expr, i).ok_or_else(|| err(i, "unterminated quoted name"))?;
            segments.push(s);
            i = end;
        } else {
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'-') {
                i += 1;
            }
            if i == start {
                return Err(err(
                    start,
                    if segments.is_empty() {
                        "expected a field (actor, action, details.NAME, ...)"
                    } else {
                        "expected a name after '.'"
                    },
                ));
            }
            segments.push(expr[start..i].to_string());
        }
        if i < b.len() && b[i] == b'.' {
            i += 1;
            continue;
        }
        break;
    }
    let first = segments[0].to_ascii_lowercase();
    let path = if first == "details" {
        if segments.len() == 1 {
            return Err(err(i, "name a field inside details (details.NAME)"));
        }
        Path::Detail(segments[1..].to_vec())
    } else {
        let f = Field::parse(&first).ok_or_else(|| {
            err(
                0,
                &format!(
                    "unknown field '{}' (fields: id, ts, actor, action, resource_type, resource_id, outcome, risk, host, details.NAME)",
                    segments[0]
                ),
            )
        })?;
        if segments.len() > 1 || f == Field::Details {
            return Err(err(0, "only details has fields inside it"));
        }
        Path::Field(f)
    };
    skip_ws(&mut i);
    let ops: [(&str, Op); 8] = [
        ("==", Op::Eq),
        ("!=", Op::Ne),
        ("<=", Op::Le),
        (">=", Op::Ge),
        ("=", Op::Eq),
        ("<", Op::Lt),
        (">", Op::Gt),
        ("~", Op::Glob),
    ];
    let op_pos = i;
    let (op_text, op) = ops
        .iter()
        .find(|(t, _)| expr[i..].starts_with(t))
        .ok_or_else(|| err(op_pos, "expected an operator: = != < <= > >= or ~"))?;
    i += op_text.len();
    skip_ws(&mut i);
    let vpos = i;
    if i >= b.len() {
        return Err(err(i, "expected a value after the operator"));
    }
    let value = if b[i] == b'"' {
        let (s, end) = json_string(expr, i).ok_or_else(|| err(i, "unterminated string"))?;
        i = end;
        Literal::Str(s)
    } else {
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() {
            i += 1;
        }
        let word = &expr[start..i];
        match word {
            "true" => Literal::Bool(true),
            "false" => Literal::Bool(false),
            "null" => Literal::Null,
            _ => {
                if let Ok(n) = word.parse::<i64>() {
                    Literal::Int(n)
                } else if word.starts_with(|c: char| c.is_ascii_digit() || c == '-')
                    && let Ok(x) = word.parse::<f64>()
                    && x.is_finite()
                {
                    Literal::Float(x)
                } else {
                    Literal::Str(word.to_string())
                }
            }
        }
    };
    skip_ws(&mut i);
    if i < b.len() {
        return Err(err(
            i,
            "unexpected text after the value (quote values with spaces)",
        ));
    }
    match (&value, op) {
        (Literal::Null, Op::Eq | Op::Ne) => {}
        (Literal::Null, _) => return Err(err(vpos, "null compares only with = or !=")),
        (Literal::Str(_), Op::Glob) => {}
        (_, Op::Glob) => return Err(err(vpos, "~ takes a quoted glob pattern")),
        _ => {}
    }
    if let (Literal::Str(p), Op::Glob) = (&value, op) {
        glob::Pattern::new(p).map_err(|e| err(vpos, &format!("bad glob: {e}")))?;
    }
    Ok(Cond {
        path,
        op: *op,
        value,
    })
}

/// Reads the JSON string literal starting at byte `start`; returns it and
/// the byte after its closing quote.
fn json_string(s: &str, start: usize) -> Option<(String, usize)> {
    let b = s.as_bytes();
    let mut i = start + 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => {
                let v: String = serde_json::from_str(&s[start..=i]).ok()?;
                return Some((v, i + 1));
            }
            _ => i += 1,
        }
    }
    None
}

/// What to select.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// At or after.
    pub since: Option<OffsetDateTime>,
    /// Before.
    pub until: Option<OffsetDateTime>,
    /// Actor (glob).
    pub actor: Option<String>,
    /// Action (glob).
    pub action: Option<String>,
    /// Resource type.
    pub resource_type: Option<String>,
    /// Resource id.
    pub resource_id: Option<String>,
    /// Any of these outcomes.
    pub outcome: Vec<String>,
    /// This risk or above.
    pub risk_min: Option<Risk>,
    /// Host (glob).
    pub host: Option<String>,
    /// Substring of the details text, ASCII case-insensitive.
    pub grep: Option<String>,
    /// `--where` conditions, all of which hold.
    pub wheres: Vec<Cond>,
    /// Only ids above this (tail --follow).
    pub after_id: Option<i64>,
}

/// True when `s` has glob metacharacters.
pub fn is_glob(s: &str) -> bool {
    s.contains(['*', '?', '['])
}

fn glob_or_eq(pattern: &str, value: Option<&str>) -> bool {
    let Some(v) = value else { return false };
    if is_glob(pattern) {
        glob::Pattern::new(pattern).is_ok_and(|p| p.matches(v))
    } else {
        pattern == v
    }
}

/// The risks at or above `min`, as stored.
pub fn risks_from(min: Risk) -> Vec<&'static str> {
    [Risk::Low, Risk::Medium, Risk::High, Risk::Critical]
        .into_iter()
        .filter(|r| *r >= min)
        .map(Risk::as_str)
        .collect()
}

impl Filter {
    /// True when the record passes every filter (the reference semantics
    /// the SQL sources reproduce).
    pub fn matches(&self, r: &Record) -> bool {
        if let Some(s) = self.since
            && r.time.is_none_or(|t| t < s)
        {
            return false;
        }
        if let Some(u) = self.until
            && r.time.is_none_or(|t| t >= u)
        {
            return false;
        }
        if let Some(a) = self.after_id
            && r.id.is_none_or(|id| id <= a)
        {
            return false;
        }
        for (pat, val) in [
            (&self.actor, &r.actor),
            (&self.action, &r.action),
            (&self.host, &r.host),
        ] {
            if let Some(p) = pat
                && !glob_or_eq(p, val.as_deref())
            {
                return false;
            }
        }
        if let Some(t) = &self.resource_type
            && r.resource_type.as_deref() != Some(t)
        {
            return false;
        }
        if let Some(i) = &self.resource_id
            && r.resource_id.as_deref() != Some(i)
        {
            return false;
        }
        if !self.outcome.is_empty()
            && !r
                .outcome
                .as_deref()
                .is_some_and(|o| self.outcome.iter().any(|want| want.eq_ignore_ascii_case(o)))
        {
            return false;
        }
        if let Some(min) = self.risk_min {
            let ok = r.risk.as_deref().is_some_and(|v| {
                risks_from(min)
                    .iter()
                    .any(|want| want.eq_ignore_ascii_case(v))
            });
            if !ok {
                return false;
            }
        }
        if let Some(g) = &self.grep
            && !details_text(&r.details)
                .to_ascii_lowercase()
                .contains(&g.to_ascii_lowercase())
        {
            return false;
        }
        self.wheres.iter().all(|c| cond_holds(c, r))
    }
}

fn cond_holds(c: &Cond, r: &Record) -> bool {
    use serde_json::Value as V;
    let v = r.value(&c.path);
    let v = match v {
        None | Some(V::Null) => {
            return matches!((&c.value, c.op), (Literal::Null, Op::Eq));
        }
        Some(v) => v,
    };
    let ord = match (&c.value, &v) {
        (Literal::Null, _) => return c.op == Op::Ne,
        (Literal::Str(p), V::String(s)) if c.op == Op::Glob => {
            return glob::Pattern::new(p).is_ok_and(|p| p.matches(s));
        }
        (_, _) if c.op == Op::Glob => return false,
        (Literal::Str(want), V::String(s)) => s.as_str().cmp(want.as_str()),
        (Literal::Int(want), V::Number(n)) => match n.as_i64() {
            Some(i) => i.cmp(want),
            None => match n.as_f64().and_then(|x| x.partial_cmp(&(*want as f64))) {
                Some(o) => o,
                None => return false,
            },
        },
        (Literal::Float(want), V::Number(n)) => {
            match n.as_f64().and_then(|x| x.partial_cmp(want)) {
                Some(o) => o,
                None => return false,
            }
        }
        (Literal::Bool(want), V::Bool(b)) => b.cmp(want),
        // Types differ: only != holds.
        _ => return c.op == Op::Ne,
    };
    use std::cmp::Ordering::*;
    match c.op {
        Op::Eq => ord == Equal,
        Op::Ne => ord != Equal,
        Op::Lt => ord == Less,
        Op::Le => ord != Greater,
        Op::Gt => ord == Greater,
        Op::Ge => ord != Less,
        Op::Glob => false,
    }
}

/// Parses a `--since`/`--until` bound: a duration ago (`24h`, `7d`), `now`,
/// `today`, `yesterday` (midnight UTC), a date (midnight UTC) or an RFC 3339
/// time.
pub fn parse_bound(s: &str, now: OffsetDateTime, flag: &str) -> Result<OffsetDateTime> {
    let t = s.trim();
    let midnight = now.date().midnight().assume_utc();
    match t {
        "now" => return Ok(now),
        "today" => return Ok(midnight),
        "yesterday" => return Ok(midnight - time::Duration::days(1)),
        _ => {}
    }
    if t.starts_with(|c: char| c.is_ascii_digit()) && t.len() <= 6 && !t.contains('-') {
        let d =
            crate::timeutil::parse_duration(t).map_err(|m| Error::usage(format!("{flag}: {m}")))?;
        return Ok(now - d);
    }
    if let Some(v) = parse_time_text(t) {
        return Ok(v);
    }
    Err(Error::usage(format!(
        "{flag} '{t}' is neither a duration ago (24h, 7d), today, yesterday, a date (2026-11-01) nor an RFC 3339 time"
    )))
}

/// Understands the times audit sources write: RFC 3339 with a zone, the
/// same without one (taken as UTC: Python's `datetime.utcnow().isoformat()`),
/// with a space instead of the `T`, and a bare date.
pub fn parse_time_text(s: &str) -> Option<OffsetDateTime> {
    parse_time_text_in(s, crate::timeutil::Zone::Utc)
}

/// [`parse_time_text`], reading a time without a zone (or a bare date) as
/// wall-clock time in `zone` (`--tz`). A time that names its zone (`Z`,
/// `+01:00`, `+0100`) is read as written.
pub fn parse_time_text_in(s: &str, zone: crate::timeutil::Zone) -> Option<OffsetDateTime> {
    use time::format_description::well_known::Rfc3339;
    use time::macros::format_description;
    let naive = |t: OffsetDateTime| zone.assume(time::PrimitiveDateTime::new(t.date(), t.time()));
    let s = s.trim();
    if let Ok(t) = OffsetDateTime::parse(s, &Rfc3339) {
        return Some(t);
    }
    let normal: String = s
        .char_indices()
        .map(|(i, c)| if i == 10 && c == ' ' { 'T' } else { c })
        .collect();
    if let Ok(t) = OffsetDateTime::parse(&normal, &Rfc3339) {
        return Some(t);
    }
    // Zone given as +0000 or +00 (strftime %z, PostgreSQL text).
    if let Some(pos) = normal.rfind(['+', '-']).filter(|p| *p > 18) {
        let (body, zone) = normal.split_at(pos);
        let digits: String = zone[1..].chars().filter(|c| c.is_ascii_digit()).collect();
        if digits.len() == 4 || digits.len() == 2 {
            let z = format!(
                "{}{}:{}",
                &zone[..1],
                &digits[..2],
                digits.get(2..4).unwrap_or("00")
            );
            if let Ok(t) = OffsetDateTime::parse(&format!("{body}{z}"), &Rfc3339) {
                return Some(t);
            }
        }
    }
    if let Ok(t) = OffsetDateTime::parse(&format!("{normal}Z"), &Rfc3339) {
        return Some(naive(t));
    }
    if let Ok(t) = time::PrimitiveDateTime::parse(
        &normal,
        format_description!("[year]-[month]-[day]T[hour]:[minute]"),
    ) {
        return Some(zone.assume(t));
    }
    time::Date::parse(s, format_description!("[year]-[month]-[day]"))
        .ok()
        .map(|d| zone.assume(d.midnight()))
}

/// Epoch seconds (or milliseconds, when the number is too large to be
/// seconds) as a time.
pub fn from_epoch(x: f64) -> Option<OffsetDateTime> {
    if !x.is_finite() {
        return None;
    }
    let secs = if x.abs() >= 1e11 { x / 1000.0 } else { x };
    let nanos = (secs * 1e9) as i128;
    OffsetDateTime::from_unix_timestamp_nanos(nanos).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn rec() -> Record {
        Record {
            id: Some(7),
            ts: "2026-11-25T10:00:00.000Z".into(),
            time: Some(datetime!(2026-11-25 10:00 UTC)),
            actor: Some("alice".into()),
            action: Some("apikey.issue".into()),
            resource_type: Some("api_key".into()),
            resource_id: Some("3".into()),
            outcome: Some("success".into()),
            risk: Some("medium".into()),
            host: Some("web-1".into()),
            details: serde_json::json!({"tier": "short_term", "score": 75, "ok": true, "n": {"x": 1.5}}),
            prev_hash: None,
            hash: None,
            source: None,
            cursor: None,
        }
    }

    #[test]
    fn where_expressions_parse_and_match() {
        let r = rec();
        for (e, want) in [
            ("details.tier = \"short_term\"", true),
            ("details.tier == short_term", true),
            ("details.tier != \"short_term\"", false),
            ("details.score >= 75", true),
            ("details.score > 75", false),
            ("details.score < 80.5", true),
            ("details.n.x = 1.5", true),
            ("details.ok = true", true),
            ("details.missing = null", true),
            ("details.tier != null", true),
            ("details.score = \"75\"", false),
            ("actor ~ \"al*\"", true),
            ("action ~ \"jwt.*\"", false),
            ("id > 5", true),
            ("risk = medium", true),
            ("details.\"tier\" = short_term", true),
        ] {
            let c = parse_where(e).unwrap_or_else(|err| panic!("{e}: {}", err.message()));
            assert_eq!(cond_holds(&c, &r), want, "{e}");
        }
    }

    #[test]
    fn bad_where_expressions_name_the_column() {
        for (e, col) in [
            ("", 1),
            ("details.tier", 13),
            ("details.tier =", 15),
            ("nosuch = 1", 1),
            ("details = 1", 8),
            ("details.tier = \"x", 16),
            ("details.tier = a b", 18),
            ("details.x < null", 13),
            ("details.x ~ 3", 13),
            ("actor.name = x", 1),
        ] {
            let err = parse_where(e).unwrap_err();
            assert_eq!(err.exit_code(), 2, "{e}");
            assert!(
                err.message().contains(&format!("at column {col}:")),
                "{e}: {}",
                err.message()
            );
        }
    }

    #[test]
    fn filters_match_like_the_sql() {
        let r = rec();
        let f = Filter {
            risk_min: Some(Risk::Medium),
            actor: Some("ali*".into()),
            grep: Some("SHORT".into()),
            outcome: vec!["Success".into()],
            ..Default::default()
        };
        assert!(f.matches(&r));
        let f = Filter {
            risk_min: Some(Risk::High),
            ..Default::default()
        };
        assert!(!f.matches(&r));
        let f = Filter {
            since: Some(datetime!(2026-11-25 10:00 UTC)),
            until: Some(datetime!(2026-11-25 10:00 UTC)),
            ..Default::default()
        };
        assert!(!f.matches(&r), "until is exclusive");
    }

    #[test]
    fn source_times_are_understood() {
        let want = datetime!(2026-11-25 10:00:01 UTC);
        for s in [
            "2026-11-25T10:00:01Z",
            "2026-11-25T10:00:01",
            "2026-11-25 10:00:01",
            "2026-11-25T12:00:01+02:00",
            "2026-11-25 12:00:01+0200",
            "2026-11-25 10:00:01+00",
        ] {
            assert_eq!(parse_time_text(s), Some(want), "{s}");
        }
        assert_eq!(
            parse_time_text("2026-11-25T10:00:01.250"),
            Some(want + time::Duration::milliseconds(250))
        );
        assert_eq!(from_epoch(want.unix_timestamp() as f64), Some(want));
        assert_eq!(
            from_epoch(want.unix_timestamp() as f64 * 1000.0),
            Some(want)
        );
        let now = datetime!(2026-11-25 12:00 UTC);
        for (bound, want) in [
            ("24h", datetime!(2026-11-24 12:00 UTC)),
            ("yesterday", datetime!(2026-11-24 00:00 UTC)),
            ("2026-11-01", datetime!(2026-11-01 00:00 UTC)),
        ] {
            assert_eq!(parse_bound(bound, now, "--since").unwrap(), want, "{bound}");
        }
        assert_eq!(
            parse_bound("soon", now, "--since").unwrap_err().exit_code(),
            2
        );
    }

    proptest::proptest! {
        #[test]
        fn no_where_expression_panics(e in ".{0,40}") {
            if let Ok(c) = parse_where(&e) {
                let _ = cond_holds(&c, &rec());
            }
        }

        #[test]
        fn no_time_text_panics(s in ".{0,40}") {
            let _ = parse_time_text(&s);
            let _ = parse_bound(&s, OffsetDateTime::UNIX_EPOCH, "--since");
        }

        #[test]
        fn well_formed_where_expressions_parse(
            key in "[a-z_][a-z0-9_]{0,8}",
            op in proptest::sample::select(vec!["=", "==", "!=", "<", "<=", ">", ">="]),
            n in proptest::num::i64::ANY,
        ) {
            let c = parse_where(&format!("details.{key} {op} {n}")).unwrap();
            proptest::prop_assert_eq!(c.path, Path::Detail(vec![key]));
            proptest::prop_assert_eq!(c.value, Literal::Int(n));
        }
    }
}
