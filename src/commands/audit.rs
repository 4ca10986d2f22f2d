//! `audit verify | query | tail | export | checkpoint | prune`.

use std::io::Write;

use time::UtcOffset;

use crate::audit::anchor::{self, AnchorStatus};
use crate::audit::filter::{Field, Filter, Record, details_text, parse_bound, parse_where};
use crate::audit::source::{GroupBy, JsonlSource, Order, SqlSource, follow_file, parse_mapping};
use crate::audit::{self, Entry, Risk};
use crate::cli::{
    AuditCheckpointArgs, AuditCommand, AuditExportArgs, AuditFilterArgs, AuditPruneArgs,
    AuditQueryArgs, AuditSourceArgs, AuditTailArgs, AuditVerifyArgs, GroupByArg, OrderArg, RiskArg,
};
use crate::commands::Ctx;
use crate::error::{Error, Outcome, Result};
use crate::output::{Format, csv_line};
use crate::store::{Store, resolve_path};

/// Runs an `audit` subcommand.
pub fn run(ctx: &Ctx, cmd: AuditCommand) -> Result<Outcome> {
    match cmd {
        AuditCommand::Verify(a) => verify(ctx, a),
        AuditCommand::Query(a) => query(ctx, a),
        AuditCommand::Tail(a) => tail(ctx, a),
        AuditCommand::Export(a) => export(ctx, a),
        AuditCommand::Checkpoint(a) => checkpoint(ctx, a),
        AuditCommand::Prune(a) => prune(ctx, a),
    }
}

fn mode_text(mode: audit::HashMode) -> &'static str {
    match mode {
        audit::HashMode::HmacSha256 => "HMAC-SHA256 (KEYWARD_AUDIT_KEY)",
        audit::HashMode::Sha256 => {
            "plain SHA-256 (KEYWARD_AUDIT_KEY is not set: a forger who rehashes would not be caught)"
        }
        audit::HashMode::LinksOnly => {
            "links only (a keyed chain checked without KEYWARD_AUDIT_KEY: rows' contents not checked)"
        }
    }
}

fn verify(ctx: &Ctx, a: AuditVerifyArgs) -> Result<Outcome> {
    ctx.out
        .require("audit verify", &[Format::Text, Format::Json])?;
    let mut anchors = Vec::new();
    for spec in &a.anchor {
        anchors.extend(anchor::read_anchors(spec)?);
    }
    let auditor = ctx.auditor()?;
    let store = ctx.store_for_reading()?;
    let mut report = audit::verify(store.conn(), &auditor)?;
    if !anchors.is_empty() {
        anchor::check_anchors(store.conn(), &mut report, &anchors)?;
    }
    let mode = mode_text(report.mode);
    if ctx.out.format() == Format::Json {
        ctx.out.json(&report)?;
    } else {
        if report.broken.is_some() {
            for b in &report.breaks {
                ctx.out
                    .line(&format!("BROKEN at row {}: {}", b.id, b.message))?;
            }
            let unlisted = report.breaks_total - report.breaks.len() as u64;
            if unlisted > 0 {
                ctx.out.line(&format!("... and {unlisted} more breaks"))?;
            }
            ctx.out.line(&format!(
                "checked {} rows with {mode}: {} {}",
                report.rows,
                report.breaks_total,
                if report.breaks_total == 1 {
                    "break"
                } else {
                    "breaks"
                }
            ))?;
            if let Some(h) = &report.hint {
                ctx.out.line(&format!("hint: {h}"))?;
            }
        } else {
            ctx.out.line(&format!(
                "intact: {} rows, chain verified with {mode}",
                report.rows
            ))?;
            if let Some(p) = report.pruned_through {
                ctx.out.line(&format!(
                    "the log starts after row {p}, removed by audit prune (its record is in the chain)"
                ))?;
            }
            if let (Some(id), Some(h)) = (report.last_id, &report.last_hash) {
                ctx.out.line(&format!("last row {id}, hash {h}"))?;
            }
            if let Some(h) = &report.hint {
                ctx.out.line(&format!("note: {h}"))?;
            }
        }
        for r in &report.anchors {
            let what = match r.status {
                AnchorStatus::Reached => "reached",
                AnchorStatus::Pruned => "pruned since (allowed)",
                AnchorStatus::Truncated => "TRUNCATED: the log no longer reaches it",
                AnchorStatus::Mismatch => "MISMATCH: the row has another hash",
                AnchorStatus::Missing => "MISSING: the row was deleted",
            };
            ctx.out.line(&format!(
                "anchor row {}{}: {what}",
                r.id,
                r.time
                    .as_deref()
                    .map(|t| format!(" ({t})"))
                    .unwrap_or_default()
            ))?;
        }
    }
    Ok(if report.intact {
        Outcome::Success
    } else {
        Outcome::ChecksFailed
    })
}

fn build_filter(a: &AuditFilterArgs) -> Result<Filter> {
    let now = crate::timeutil::now();
    let since = a
        .since
        .as_deref()
        .map(|s| parse_bound(s, now, "--since"))
        .transpose()?;
    let until = a
        .until
        .as_deref()
        .map(|s| parse_bound(s, now, "--until"))
        .transpose()?;
    if let (Some(s), Some(u)) = (since, until)
        && s >= u
    {
        return Err(Error::usage("--since must be before --until"));
    }
    let (resource_type, resource_id) = match a.resource.as_deref() {
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
    for g in [&a.actor, &a.action, &a.host].into_iter().flatten() {
        glob::Pattern::new(g).map_err(|e| Error::usage(format!("bad glob '{g}': {e}")))?;
    }
    let outcome: Vec<String> = a
        .outcome
        .iter()
        .map(|o| o.trim().to_ascii_lowercase())
        .filter(|o| !o.is_empty())
        .collect();
    Ok(Filter {
        since,
        until,
        actor: a.actor.clone(),
        action: a.action.clone(),
        resource_type,
        resource_id,
        outcome,
        risk_min: a.risk.map(|r| match r {
            RiskArg::Low => Risk::Low,
            RiskArg::Medium => Risk::Medium,
            RiskArg::High => Risk::High,
            RiskArg::Critical => Risk::Critical,
        }),
        host: a.host.clone(),
        grep: a.grep.clone().filter(|g| !g.is_empty()),
        wheres: a
            .wheres
            .iter()
            .map(|w| parse_where(w))
            .collect::<Result<_>>()?,
        after_id: None,
    })
}

/// An opened source.
enum Src {
    Sql(SqlSource),
    Jsonl(JsonlSource),
}

impl Src {
    fn for_each(
        &self,
        f: &Filter,
        order: Order,
        limit: Option<u64>,
        each: impl FnMut(Record) -> Result<bool>,
    ) -> Result<()> {
        match self {
            Src::Sql(s) => s.for_each(f, order, limit, each),
            Src::Jsonl(j) => j.for_each(f, order, limit, each),
        }
    }

    fn count(&self, f: &Filter) -> Result<u64> {
        match self {
            Src::Sql(s) => s.count(f),
            Src::Jsonl(j) => j.count(f),
        }
    }

    fn group(&self, f: &Filter, by: GroupBy) -> Result<Vec<(String, u64)>> {
        match self {
            Src::Sql(s) => s.group(f, by),
            Src::Jsonl(j) => j.group(f, by),
        }
    }

    /// Warns about lines of JSON-lines files that were not entries.
    fn report_skipped(&self, ctx: &Ctx) {
        if let Src::Jsonl(j) = self {
            for (file, first, n) in j.skipped.borrow().iter() {
                ctx.out.warn(&format!(
                    "{file}:{first}: skipped {n} {} not a JSON object",
                    if *n == 1 {
                        "line that is"
                    } else {
                        "lines that are"
                    }
                ));
            }
            for (file, first, n) in j.too_long.borrow().iter() {
                ctx.out.warn(&format!(
                    "{file}:{first}: skipped {n} {} longer than {} MiB",
                    if *n == 1 { "line" } else { "lines" },
                    crate::audit::source::MAX_LINE_BYTES >> 20
                ));
            }
        }
    }
}

/// Opens `--source`; None when it is keyward's store and no store exists
/// yet (a query then finds nothing rather than creating one).
fn open_source(ctx: &Ctx, a: &AuditSourceArgs) -> Result<Option<Src>> {
    let maps = a
        .map
        .iter()
        .map(|m| parse_mapping(m))
        .collect::<Result<Vec<_>>>()?;
    let zone =
        a.tz.as_deref()
            .map(|z| crate::timeutil::parse_zone(z, "--tz"))
            .transpose()?
            .unwrap_or_default();
    match a.source.as_deref() {
        None | Some("store") => {
            if !maps.is_empty() {
                return Err(Error::usage(
                    "--map applies to sqlite: and jsonl: sources, not keyward's store",
                ));
            }
            if a.tz.is_some() {
                return Err(Error::usage(
                    "--tz applies to sqlite: and jsonl: sources: keyward's store writes UTC times with Z",
                ));
            }
            let path = resolve_path(ctx.store_flag.as_deref())?;
            if !path.exists() {
                return Ok(None);
            }
            Ok(Some(Src::Sql(SqlSource::store(Store::open_for_reading(
                &path,
            )?))))
        }
        Some(s) => {
            if let Some(p) = s.strip_prefix("sqlite:") {
                Ok(Some(Src::Sql(
                    SqlSource::service_table(std::path::Path::new(p), &a.table, &maps)?
                        .with_zone(zone),
                )))
            } else if let Some(p) = s.strip_prefix("jsonl:") {
                Ok(Some(Src::Jsonl(
                    JsonlSource::open(p, &maps)?.with_zone(zone),
                )))
            } else {
                Err(Error::usage(format!(
                    "--source '{s}': use store, sqlite:PATH or jsonl:PATH"
                )))
            }
        }
    }
}

fn group_by(g: GroupByArg) -> GroupBy {
    match g {
        GroupByArg::Actor => GroupBy::Field(Field::Actor),
        GroupByArg::Action => GroupBy::Field(Field::Action),
        GroupByArg::Risk => GroupBy::Field(Field::Risk),
        GroupByArg::Outcome => GroupBy::Field(Field::Outcome),
        GroupByArg::Host => GroupBy::Field(Field::Host),
        GroupByArg::Resource => GroupBy::Field(Field::ResourceType),
        GroupByArg::Day => GroupBy::Day,
        GroupByArg::Hour => GroupBy::Hour,
    }
}

fn order(o: OrderArg) -> Order {
    match o {
        OrderArg::Asc => Order::Asc,
        OrderArg::Desc => Order::Desc,
    }
}

fn shown_time(r: &Record, utc: bool) -> String {
    use time::macros::format_description;
    let Some(t) = r.time else {
        return r.ts.clone();
    };
    if utc {
        let fmt = format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");
        t.to_offset(UtcOffset::UTC)
            .format(&fmt)
            .unwrap_or_else(|_| r.ts.clone())
    } else {
        let fmt = format_description!(
            "[year]-[month]-[day] [hour]:[minute]:[second] [offset_hour sign:mandatory]:[offset_minute]"
        );
        t.to_offset(crate::timeutil::local_offset(t))
            .format(&fmt)
            .unwrap_or_else(|_| r.ts.clone())
    }
}

fn resource_text(r: &Record) -> String {
    match (&r.resource_type, &r.resource_id) {
        (Some(t), Some(i)) => format!("{t}:{i}"),
        (Some(t), None) => t.clone(),
        (None, Some(i)) => i.clone(),
        _ => "-".into(),
    }
}

fn table_row(r: &Record, utc: bool) -> Vec<String> {
    let dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
    vec![
        r.id.map(|i| i.to_string())
            .or_else(|| r.source.clone())
            .unwrap_or_else(|| "-".into()),
        shown_time(r, utc),
        dash(&r.actor),
        dash(&r.action),
        resource_text(r),
        dash(&r.outcome),
        dash(&r.risk),
        dash(&r.host),
        details_text(&r.details),
    ]
}

const CSV_HEADER: [&str; 13] = [
    "id",
    "ts",
    "actor",
    "action",
    "resource_type",
    "resource_id",
    "outcome",
    "risk",
    "host",
    "details",
    "prev_hash",
    "hash",
    "source",
];

fn csv_row(r: &Record) -> String {
    let s = |v: &Option<String>| v.clone().unwrap_or_default();
    csv_line([
        r.id.map(|i| i.to_string()).unwrap_or_default(),
        r.ts.clone(),
        s(&r.actor),
        s(&r.action),
        s(&r.resource_type),
        s(&r.resource_id),
        s(&r.outcome),
        s(&r.risk),
        s(&r.host),
        details_text(&r.details),
        s(&r.prev_hash),
        s(&r.hash),
        s(&r.source),
    ])
}

/// Writes records as they come: NDJSON lines, CSV rows, or text lines
/// (escaped by the output module).
struct Stream<'a> {
    out: crate::output::Stream<'a>,
    format: Format,
    flush_each: bool,
    count: u64,
}

impl Stream<'_> {
    fn new(format: Format, flush_each: bool) -> Result<Self> {
        let mut s = Stream {
            out: crate::output::Stream::stdout(),
            format,
            flush_each,
            count: 0,
        };
        if format == Format::Csv {
            s.out
                .data(csv_line(CSV_HEADER.iter().map(|h| h.to_string())).as_bytes())?;
        }
        Ok(s)
    }

    fn record(&mut self, r: &Record, utc: bool) -> Result<()> {
        match self.format {
            Format::Csv => self.out.data(csv_row(r).as_bytes())?,
            Format::Text => {
                let cells = table_row(r, utc);
                self.out.fields(&cells[1..], "  ")?;
            }
            _ => {
                let mut line = serde_json::to_vec(r)
                    .map_err(|e| Error::internal(format!("cannot encode JSON: {e}")))?;
                line.push(b'\n');
                self.out.data(&line)?;
            }
        }
        self.count += 1;
        if self.flush_each {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        self.out.flush()
    }
}

const TABLE_HEADER: [&str; 9] = [
    "id", "time", "actor", "action", "resource", "outcome", "risk", "host", "details",
];

/// Text tables show this many entries unless --limit says otherwise.
const DEFAULT_TABLE_LIMIT: u64 = 50;

fn query(ctx: &Ctx, a: AuditQueryArgs) -> Result<Outcome> {
    ctx.out.require(
        "audit query",
        &[Format::Text, Format::Json, Format::Ndjson, Format::Csv],
    )?;
    let filter = build_filter(&a.filters)?;
    let src = open_source(ctx, &a.source)?;
    let format = ctx.out.format();
    let empty = |n: u64| {
        if n == 0 && a.fail_if_empty {
            Outcome::ChecksFailed
        } else {
            Outcome::Success
        }
    };
    if let Some(g) = a.group_by {
        let by = group_by(g);
        let groups = match &src {
            Some(s) => s.group(&filter, by)?,
            None => Vec::new(),
        };
        #[derive(serde::Serialize)]
        struct Group<'a> {
            key: &'a str,
            count: u64,
        }
        let items: Vec<Group> = groups
            .iter()
            .map(|(k, n)| Group { key: k, count: *n })
            .collect();
        let label = by.label();
        ctx.out.records(&items, &[label, "entries"], |g| {
            vec![
                if g.key.is_empty() {
                    "-".into()
                } else {
                    g.key.to_string()
                },
                g.count.to_string(),
            ]
        })?;
        if let Some(s) = &src {
            s.report_skipped(ctx);
        }
        return Ok(empty(groups.len() as u64));
    }
    if a.count {
        let n = match &src {
            Some(s) => s.count(&filter)?,
            None => 0,
        };
        match format {
            Format::Json | Format::Ndjson => ctx
                .out
                .line(&serde_json::json!({ "count": n }).to_string())?,
            Format::Csv => ctx.out.raw(format!("count\r\n{n}\r\n").as_bytes())?,
            _ => ctx.out.line(&n.to_string())?,
        }
        if let Some(s) = &src {
            s.report_skipped(ctx);
        }
        return Ok(empty(n));
    }
    let Some(src) = src else {
        match format {
            Format::Json => ctx.out.line("[]")?,
            Format::Csv => Stream::new(Format::Csv, false)?.flush()?,
            Format::Text => ctx
                .out
                .note("no audit entries match (the store does not exist yet)"),
            _ => {}
        }
        return Ok(empty(0));
    };
    let limit = match (a.limit, format) {
        (Some(l), _) => l.count(),
        (None, Format::Text) => Some(DEFAULT_TABLE_LIMIT),
        (None, _) => None,
    };
    let n = match format {
        Format::Ndjson | Format::Csv => {
            let mut stream = Stream::new(format, false)?;
            src.for_each(&filter, order(a.order), limit, |r| {
                stream.record(&r, a.utc)?;
                Ok(true)
            })?;
            stream.flush()?;
            stream.count
        }
        _ => {
            let mut rows: Vec<Record> = Vec::new();
            // One more than shown, to say whether more match.
            let fetch = limit.map(|l| l + 1);
            src.for_each(&filter, order(a.order), fetch, |r| {
                rows.push(r);
                Ok(true)
            })?;
            let more = limit.is_some_and(|l| rows.len() as u64 > l);
            if more {
                rows.pop();
            }
            if format == Format::Json {
                ctx.out.json(&rows)?;
            } else if rows.is_empty() {
                ctx.out.note("no audit entries match");
            } else {
                let table: Vec<Vec<String>> = rows.iter().map(|r| table_row(r, a.utc)).collect();
                let mut header = TABLE_HEADER;
                header[1] = if a.utc { "time (UTC)" } else { "time (local)" };
                ctx.out.table(&header, &table)?;
                if more && a.limit.is_none() {
                    ctx.out.note(&format!(
                        "showing {} entries; more match: --limit N, or --limit all",
                        rows.len()
                    ));
                }
            }
            rows.len() as u64
        }
    };
    src.report_skipped(ctx);
    Ok(empty(n))
}

fn tail(ctx: &Ctx, a: AuditTailArgs) -> Result<Outcome> {
    ctx.out
        .require("audit tail", &[Format::Text, Format::Ndjson, Format::Csv])?;
    let mut filter = build_filter(&a.filters)?;
    let src = match open_source(ctx, &a.source)? {
        Some(s) => s,
        None if a.follow => {
            return Err(Error::environment(format!(
                "no store at {} to follow yet",
                resolve_path(ctx.store_flag.as_deref())?.display()
            ))
            .with_hint("it is created by the first keyward command that records something"));
        }
        None => return Ok(Outcome::Success),
    };
    let mut stream = Stream::new(ctx.out.format(), true)?;
    let mut newest: Vec<Record> = Vec::new();
    if a.lines > 0 {
        src.for_each(&filter, Order::Desc, Some(a.lines), |r| {
            newest.push(r);
            Ok(true)
        })?;
    }
    let mut last_id = newest.first().and_then(|r| r.id);
    for r in newest.iter().rev() {
        stream.record(r, a.utc)?;
    }
    src.report_skipped(ctx);
    if !a.follow {
        return Ok(Outcome::Success);
    }
    match &src {
        Src::Sql(s) => {
            if last_id.is_none() {
                last_id = s.max_id()?;
            }
            loop {
                std::thread::sleep(a.interval);
                filter.after_id = last_id;
                s.for_each(&filter, Order::Asc, None, |r| {
                    if r.id.is_some() {
                        last_id = r.id;
                    }
                    stream.record(&r, a.utc)?;
                    Ok(true)
                })?;
            }
        }
        Src::Jsonl(j) => {
            let live = j
                .files()
                .last()
                .cloned()
                .ok_or_else(|| Error::environment("no file to follow"))?;
            follow_file(j, &live, &filter, a.interval, |r| {
                stream.record(&r, a.utc)?;
                Ok(true)
            })?;
            Ok(Outcome::Success)
        }
    }
}

fn export(ctx: &Ctx, a: AuditExportArgs) -> Result<Outcome> {
    let format = match ctx.out.format() {
        Format::Text | Format::Ndjson => Format::Ndjson,
        Format::Csv => Format::Csv,
        other => {
            return Err(Error::usage(format!(
                "audit export does not support --format {}; it streams ndjson (the default) or csv",
                other.name()
            )));
        }
    };
    let filter = build_filter(&a.filters)?;
    let Some(src) = open_source(ctx, &a.source)? else {
        if format == Format::Csv {
            Stream::new(Format::Csv, false)?.flush()?;
        }
        return Ok(Outcome::Success);
    };
    // The export of keyward's own log is recorded in it: a writer whose
    // key does not fit the chain is refused before anything is printed.
    let auditor = ctx.auditor()?;
    if let Src::Sql(s) = &src
        && let Some(store) = s.as_store()
    {
        auditor.check_chain(store.conn())?;
    }
    let mut stream = Stream::new(format, false)?;
    src.for_each(
        &filter,
        order(a.order),
        a.limit.and_then(crate::cli::Limit::count),
        |r| {
            stream.record(&r, true)?;
            Ok(true)
        },
    )?;
    stream.flush()?;
    let count = stream.count;
    drop(stream);
    src.report_skipped(ctx);
    // Reading the whole log out is itself worth a record.
    if let Src::Sql(s) = src
        && s.is_store()
        && let Some(mut store) = s.into_store()
    {
        let f = &a.filters;
        let details = serde_json::json!({
            "entries": count,
            "format": format.name(),
            "since": f.since, "until": f.until, "actor": f.actor, "action": f.action,
            "resource": f.resource, "outcome": f.outcome, "risk": f.risk.map(|r| format!("{r:?}").to_ascii_lowercase()),
            "host": f.host, "grep": f.grep, "where": f.wheres,
        });
        let recorded = store.write(|tx| {
            auditor.append(
                tx,
                &Entry::new("audit.export", "audit_log", "").details(details),
            )
        });
        // A store this process may read but not write (an auditor's
        // account, a read-only mount): the export stands, unrecorded.
        if let Err(e) = recorded {
            if e.kind() != crate::error::ErrorKind::Environment {
                return Err(e);
            }
            ctx.out.warn(&format!(
                "the export is not recorded in the audit log: {}",
                e.message()
            ));
        }
    }
    Ok(Outcome::Success)
}

fn checkpoint(ctx: &Ctx, a: AuditCheckpointArgs) -> Result<Outcome> {
    ctx.out
        .require("audit checkpoint", &[Format::Text, Format::Json])?;
    let path = resolve_path(ctx.store_flag.as_deref())?;
    if !path.exists() {
        return Err(Error::environment(format!(
            "no store at {}: nothing to anchor",
            path.display()
        )));
    }
    let auditor = ctx.auditor()?;
    let store = Store::open_for_reading(&path)?;
    let report = audit::verify(store.conn(), &auditor)?;
    if !report.intact {
        if let Some(b) = &report.broken {
            ctx.out
                .warn(&format!("BROKEN at row {}: {}", b.id, b.message));
        }
        ctx.out
            .warn("no anchor taken: the audit chain does not verify (see 'keyward audit verify')");
        return Ok(Outcome::ChecksFailed);
    }
    let anchor = anchor::checkpoint(&report, crate::timeutil::now())?;
    let line = anchor.to_line();
    if let Some(file) = &a.append_to {
        use std::os::unix::fs::OpenOptionsExt;
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .create(true)
            .mode(0o644)
            .open(file)
            .map_err(|e| Error::io("append the anchor to", file, &e))?;
        f.write_all(format!("{line}\n").as_bytes())
            .and_then(|_| f.sync_all())
            .map_err(|e| Error::io("append the anchor to", file, &e))?;
        ctx.out.note(&format!(
            "appended the anchor for row {} to {}",
            anchor.id,
            file.display()
        ));
    }
    ctx.out.line(&line)?;
    Ok(Outcome::Success)
}

fn prune(ctx: &Ctx, a: AuditPruneArgs) -> Result<Outcome> {
    ctx.out
        .require("audit prune", &[Format::Text, Format::Json])?;
    let now = crate::timeutil::now();
    let cutoff = parse_bound(&a.older_than, now, "--older-than")?;
    if cutoff > now {
        return Err(Error::usage(format!(
            "--older-than '{}' is in the future",
            a.older_than
        )));
    }
    let path = resolve_path(ctx.store_flag.as_deref())?;
    if !path.exists() {
        return Err(Error::environment(format!(
            "no store at {}: nothing to prune",
            path.display()
        )));
    }
    let auditor = ctx.auditor()?;
    let mut store = Store::open(&path)?;
    if !a.force {
        let report = audit::verify(store.conn(), &auditor)?;
        if !report.intact {
            if let Some(b) = &report.broken {
                ctx.out
                    .warn(&format!("BROKEN at row {}: {}", b.id, b.message));
            }
            ctx.out.warn(
                "nothing pruned: the chain does not verify, and pruning could delete the evidence (--force prunes anyway)",
            );
            return Ok(Outcome::ChecksFailed);
        }
    }
    let plan = anchor::prune(&mut store, &auditor, cutoff, true)?;
    let report = if a.dry_run || plan.pruned == 0 {
        plan
    } else {
        if !ctx.confirm(&format!(
            "Delete {} audit entries older than {} (through row {})?",
            plan.pruned,
            plan.older_than,
            plan.through_id.unwrap_or(0)
        ))? {
            ctx.out.note("nothing pruned");
            return Ok(Outcome::Success);
        }
        anchor::prune(&mut store, &auditor, cutoff, false)?
    };
    if ctx.out.format() == Format::Json {
        ctx.out.json(&report)?;
    } else if report.pruned == 0 {
        ctx.out.line(&format!(
            "nothing to prune: no entries older than {}",
            report.older_than
        ))?;
    } else {
        ctx.out.line(&format!(
            "{} {} entries older than {} (through row {}); {} kept{}",
            if report.dry_run {
                "would delete"
            } else {
                "deleted"
            },
            report.pruned,
            report.older_than,
            report.through_id.unwrap_or(0),
            report.kept,
            report
                .entry_id
                .map(|id| format!("; recorded as row {id} (audit.prune)"))
                .unwrap_or_default()
        ))?;
    }
    Ok(Outcome::Success)
}
