//! `audit verify | query | tail | export | checkpoint | prune`: the flags
//! become a request for `crate::audit`, its report goes out through
//! `ctx.out`.

use crate::audit::anchor;
use crate::audit::filter::{Filter, parse_bound};
use crate::audit::query::Sink;
use crate::audit::query::{self, ExportRequest, FilterSpec, SourceSpec};
use crate::audit::render::{DEFAULT_TABLE_LIMIT, EntryStream, RowsReport, group_row};
use crate::audit::{self, VerifyReport};
use crate::cli::{
    AuditCheckpointArgs, AuditCommand, AuditExportArgs, AuditFilterArgs, AuditPruneArgs,
    AuditQueryArgs, AuditSourceArgs, AuditTailArgs, AuditVerifyArgs,
};
use crate::commands::Ctx;
use crate::error::{Error, Outcome, Result};
use crate::output::Format;
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
    ctx.out.report(&report)?;
    Ok(Outcome::passed(report.intact))
}

fn filter_spec(a: &AuditFilterArgs) -> FilterSpec {
    FilterSpec {
        since: a.since.clone(),
        until: a.until.clone(),
        actor: a.actor.clone(),
        action: a.action.clone(),
        resource: a.resource.clone(),
        outcome: a.outcome.clone(),
        risk: a.risk,
        host: a.host.clone(),
        grep: a.grep.clone(),
        wheres: a.wheres.clone(),
    }
}

fn build_filter(a: &AuditFilterArgs) -> Result<Filter> {
    filter_spec(a).build(crate::timeutil::now())
}

/// `--source`, or the environment variable `--source-env` names (where a
/// connection string's password stays out of `ps`).
fn source_of(a: &AuditSourceArgs) -> Result<Option<String>> {
    match (&a.source, &a.source_env) {
        (Some(s), _) => Ok(Some(s.clone())),
        (None, Some(name)) => {
            let prompt = crate::secret::SecretPrompt {
                what: "audit source",
                env_flag: "--source-env",
                file_flag: "--source",
                confirm: false,
                private_file: false,
            };
            let value = crate::secret::read_secret(Some(name), None, &prompt)?;
            Ok(Some(value.expose().to_string()))
        }
        (None, None) => Ok(None),
    }
}

/// Opens `--source`; None when it is keyward's store and no store exists yet.
fn open_source(ctx: &Ctx, a: &AuditSourceArgs) -> Result<Option<Box<dyn query::Source>>> {
    let spec = SourceSpec {
        source: source_of(a)?,
        table: a.table.clone(),
        maps: a.map.clone(),
        tz: a.tz.clone(),
    };
    query::open(&spec, ctx.store_flag.as_deref())
}

fn warn_all(ctx: &Ctx, warnings: &[String]) {
    for w in warnings {
        ctx.out.warn(w);
    }
}

fn query(ctx: &Ctx, a: AuditQueryArgs) -> Result<Outcome> {
    ctx.out.require(
        "audit query",
        &[Format::Text, Format::Json, Format::Ndjson, Format::Csv],
    )?;
    let filter = build_filter(&a.filters)?;
    let src = open_source(ctx, &a.source)?;
    let format = ctx.out.format();
    let found = |n: u64| {
        if n == 0 && a.fail_if_empty {
            Outcome::ChecksFailed
        } else {
            Outcome::Success
        }
    };
    if let Some(g) = a.group_by {
        let groups = query::group(src.as_deref(), &filter, g)?;
        ctx.out
            .records(&groups.groups, &[groups.by.label(), "entries"], group_row)?;
        warn_all(ctx, &groups.skipped);
        return Ok(found(groups.groups.len() as u64));
    }
    if a.count {
        let count = query::count(src.as_deref(), &filter)?;
        ctx.out.report(&count)?;
        warn_all(ctx, &count.skipped);
        return Ok(found(count.count));
    }
    let limit = match (a.limit, format) {
        (Some(l), _) => l.count(),
        (None, Format::Text) => Some(DEFAULT_TABLE_LIMIT),
        (None, _) => None,
    };
    // ndjson and csv stream as the entries are read.
    if matches!(format, Format::Ndjson | Format::Csv) {
        let (n, skipped) = query::stream(
            src.as_deref(),
            &filter,
            a.order,
            limit,
            &mut EntryStream::stdout(format, a.utc, false),
        )?;
        warn_all(ctx, &skipped);
        return Ok(found(n));
    }
    let rows = query::rows(src.as_deref(), &filter, a.order, limit)?;
    ctx.out.report(&RowsReport {
        rows: &rows,
        utc: a.utc,
        limited: a.limit.is_some(),
        no_store: src.is_none(),
    })?;
    warn_all(ctx, &rows.skipped);
    Ok(found(rows.rows.len() as u64))
}

fn tail(ctx: &Ctx, a: AuditTailArgs) -> Result<Outcome> {
    ctx.out
        .require("audit tail", &[Format::Text, Format::Ndjson, Format::Csv])?;
    let filter = build_filter(&a.filters)?;
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
    query::tail(
        src.as_ref(),
        &filter,
        a.lines,
        a.follow.then_some(a.interval),
        &mut EntryStream::stdout(ctx.out.format(), a.utc, true),
        &mut |w| ctx.out.warn(w),
    )?;
    Ok(Outcome::Success)
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
    let spec = filter_spec(&a.filters);
    let filter = spec.build(crate::timeutil::now())?;
    let mut stream = EntryStream::stdout(format, true, false);
    let Some(src) = open_source(ctx, &a.source)? else {
        stream.finish()?;
        return Ok(Outcome::Success);
    };
    // The export of keyward's own log is recorded in it: a writer whose
    // key does not fit the chain is refused before anything is printed.
    let auditor = ctx.auditor()?;
    let request = ExportRequest {
        filter: &filter,
        spec: &spec,
        format: format.name(),
        order: a.order,
        limit: a.limit.and_then(crate::cli::Limit::count),
    };
    let exported = query::export(src, &auditor, &request, &mut stream)?;
    warn_all(ctx, &exported.warnings);
    Ok(Outcome::Success)
}

/// The path of keyward's store, which must exist (`why` says what then
/// fails).
fn existing_store(ctx: &Ctx, why: &str) -> Result<std::path::PathBuf> {
    let path = resolve_path(ctx.store_flag.as_deref())?;
    if !path.exists() {
        return Err(Error::environment(format!(
            "no store at {}: {why}",
            path.display()
        )));
    }
    Ok(path)
}

/// Says why a chain that does not verify is left alone.
fn refuse_broken(ctx: &Ctx, report: &VerifyReport, why: &str) -> Outcome {
    if let Some(b) = &report.broken {
        ctx.out
            .warn(&format!("BROKEN at row {}: {}", b.id, b.message));
    }
    ctx.out.warn(why);
    Outcome::ChecksFailed
}

fn checkpoint(ctx: &Ctx, a: AuditCheckpointArgs) -> Result<Outcome> {
    ctx.out
        .require("audit checkpoint", &[Format::Text, Format::Json])?;
    let path = existing_store(ctx, "nothing to anchor")?;
    let auditor = ctx.auditor()?;
    let store = Store::open_for_reading(&path)?;
    let report = audit::verify(store.conn(), &auditor)?;
    if !report.intact {
        return Ok(refuse_broken(
            ctx,
            &report,
            "no anchor taken: the audit chain does not verify (see 'keyward audit verify')",
        ));
    }
    let anchor = anchor::checkpoint(&report, crate::timeutil::now())?;
    if let Some(file) = &a.append_to {
        anchor::append_to(file, &anchor)?;
        ctx.out.note(&format!(
            "appended the anchor for row {} to {}",
            anchor.id,
            file.display()
        ));
    }
    // One JSON line in every format: what --anchor reads back.
    ctx.out.line(&anchor.to_line())?;
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
    if source_of(&a.source)?.is_some_and(|s| s != "store") {
        return prune_table(ctx, &a, cutoff);
    }
    if !a.source.map.is_empty() || a.source.tz.is_some() {
        return Err(Error::usage(
            "--map and --tz apply to a service's table (--source postgres://...), not keyward's store",
        ));
    }
    existing_store(ctx, "nothing to prune")?;
    let (mut store, auditor) = ctx.audited()?;
    if !a.force {
        let report = audit::verify(store.conn(), &auditor)?;
        if !report.intact {
            return Ok(refuse_broken(
                ctx,
                &report,
                "nothing pruned: the chain does not verify, and pruning could delete the evidence (--force prunes anyway)",
            ));
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
    ctx.out.report(&report)?;
    Ok(Outcome::Success)
}

/// `audit prune --source postgres://...`: a service's table, recorded in
/// keyward's log.
fn prune_table(ctx: &Ctx, a: &AuditPruneArgs, cutoff: time::OffsetDateTime) -> Result<Outcome> {
    if a.force {
        return Err(Error::usage(
            "--force applies to keyward's own log (its chain); a service's table has none",
        ));
    }
    if source_of(&a.source)?.is_some_and(|s| s.starts_with("sqlite:") || s.starts_with("jsonl:")) {
        return Err(Error::usage(
            "audit prune deletes from keyward's store or a PostgreSQL table (--source postgres://...); sqlite: and jsonl: sources are read-only",
        ));
    }
    // keyward's log must take the record before anything is deleted.
    let (mut store, auditor) = ctx.audited()?;
    let Some(src) = open_source(ctx, &a.source)? else {
        return Err(Error::internal("a --source always opens"));
    };
    if !a.dry_run {
        let old = Filter {
            until: Some(cutoff),
            ..Filter::default()
        };
        let n = src.count(&old)?;
        if n > 0
            && !ctx.confirm(&format!(
                "Delete {n} entries older than {} from table '{}' of --source?",
                crate::timeutil::format_ms(cutoff),
                a.source.table
            ))?
        {
            ctx.out.note("nothing pruned");
            return Ok(Outcome::Success);
        }
    }
    let report = anchor::prune_table(src.as_ref(), &mut store, &auditor, cutoff, a.dry_run)?;
    ctx.out.report(&report)?;
    Ok(Outcome::Success)
}
