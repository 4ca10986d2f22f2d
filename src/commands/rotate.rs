//! `rotate run | status | verify`.

use std::io::IsTerminal;

use serde::Serialize;

use crate::cli::{
    OnError, RotateCheckArgs, RotateCommand, RotateKeyArgs, RotateRunArgs, RotateTableArgs,
};
use crate::commands::Ctx;
use crate::crypto::keys::{Key256, read_key};
use crate::error::{Error, Outcome, Result};
use crate::formats::FormatName;
use crate::output::{Format, Output, Report};
use crate::rotate::codec::Keys;
use crate::rotate::journal::{self, Scope};
use crate::rotate::keyset::{self, Formats, RotationKeys};
use crate::rotate::lease::RotationProgress;
use crate::rotate::plan::{TableSpec, Tables};
use crate::rotate::workers::{Cooperate, Cooperation};
use crate::rotate::{self, Opened, Options, Status, Target};

/// Runs a `rotate` subcommand.
pub fn run(ctx: &Ctx, cmd: RotateCommand) -> Result<Outcome> {
    ctx.out.require("rotate", &[Format::Text, Format::Json])?;
    match cmd {
        RotateCommand::Run(a) => run_rotation(ctx, *a),
        RotateCommand::Status(a) => check(ctx, a, false),
        RotateCommand::Verify(a) => check(ctx, a, true),
    }
}

/// The database: `--db`, or the environment variable `--db-env` names
/// (where a connection string's password stays out of `ps`).
pub(crate) fn database(t: &RotateTableArgs) -> Result<String> {
    match (&t.db, &t.db_env) {
        (Some(db), _) => Ok(db.clone()),
        (None, Some(name)) => {
            let prompt = crate::secret::SecretPrompt {
                what: "database",
                env_flag: "--db-env",
                file_flag: "--db",
                confirm: false,
                private_file: false,
            };
            let value = crate::secret::read_secret(Some(name), None, &prompt)?;
            Ok(value.expose().to_string())
        }
        (None, None) => Err(Error::usage("give --db or --db-env")),
    }
}

/// The tables the flags name: one table, or `--plan`.
pub(crate) fn tables(t: &RotateTableArgs) -> Result<Tables> {
    if let Some(path) = &t.plan {
        return Ok(Tables::Plan(path.clone()));
    }
    let name = t
        .table
        .clone()
        .ok_or_else(|| Error::usage("give --table (or --plan)"))?;
    Ok(Tables::One(TableSpec {
        name,
        columns: t.column.clone(),
        json_fields: t.json_field.clone(),
        pk: t.pk.clone(),
        filter: t.filter.clone(),
        context_from_row: t.context_from_row,
    }))
}

/// The database and its targets.
pub(crate) fn targets(t: &RotateTableArgs) -> Result<(String, Vec<Target>)> {
    let db = database(t)?;
    let targets = rotate::plan::targets(&tables(t)?, &db)?;
    Ok((db, targets))
}

/// Keys named by `--*-key-env` and `--*-key-file` flags, in that order.
fn read_keys(envs: &[String], files: &[std::path::PathBuf]) -> Result<Vec<Key256>> {
    let mut keys = Vec::with_capacity(envs.len() + files.len());
    for name in envs {
        keys.push(read_key(Some(name), None)?);
    }
    for path in files {
        keys.push(read_key(None, Some(path))?);
    }
    Ok(keys)
}

/// A derivation named by flag, with its salt file read.
fn derivation(
    d: &Option<crate::formats::derive::DeriveSpec>,
) -> Result<crate::formats::derive::DeriveSpec> {
    match d {
        Some(d) => d.clone().resolve(),
        None => Ok(crate::formats::derive::DeriveSpec::None),
    }
}

/// The rotation's keys: given directly (`--from-key-*`, `--to-key-*`), or
/// the keyring's primary as target with every usable key to decrypt.
fn rotation_keys(
    ctx: &Ctx,
    k: &RotateKeyArgs,
    from: &[FormatName],
    to: &FormatName,
) -> Result<RotationKeys> {
    let direct = !k.from_key_env.is_empty()
        || !k.from_key_file.is_empty()
        || k.to_key_env.is_some()
        || k.to_key_file.is_some();
    let formats = Formats {
        from,
        to: Some(to),
        from_derive: derivation(&k.from_derive)?,
        to_derive: derivation(&k.to_derive)?,
    };
    let native_to = match to {
        FormatName::Native(f) if formats.native_only() => Some(*f),
        _ => None,
    };
    if !direct {
        if k.from_derive.is_some() || k.to_derive.is_some() {
            return Err(Error::usage(
                "--from-derive and --to-derive apply to keys given by flag; the keyring's keys are keys already (import a derived key with `keyward key import --derive`)",
            ));
        }
        let ring = crate::commands::key::open(ctx, &k.keyring)?;
        return match native_to {
            Some(f) if from.is_empty() => keyset::from_keyring(&ring, f),
            _ => keyset::keyring_formats(&ring, &formats),
        };
    }
    if k.to_key_env.is_none() && k.to_key_file.is_none() {
        return Err(Error::usage(
            "give the new key with --to-key-env or --to-key-file",
        ));
    }
    if k.from_key_env.is_empty() && k.from_key_file.is_empty() {
        return Err(Error::usage(
            "give the old key(s) with --from-key-env or --from-key-file",
        ));
    }
    if let Some(f) = native_to.filter(|_| from.is_empty()) {
        let to = read_key(k.to_key_env.as_deref(), k.to_key_file.as_deref())?;
        let old = read_keys(&k.from_key_env, &k.from_key_file)?;
        return Ok(keyset::given(&to, k.to_key_id, f, &old));
    }
    let to = keyset::given_key(k.to_key_env.as_deref(), k.to_key_file.as_deref())?;
    let old = keyset::given_keys(&k.from_key_env, &k.from_key_file)?;
    keyset::given_formats(&to, k.to_key_id, &old, &formats)
}

struct Bar(indicatif::ProgressBar);

impl rotate::Progress for Bar {
    fn advance(&self, rows: u64) {
        self.0.inc(rows);
    }
}

/// `--workers` and its settings, checked.
fn cooperate(a: &RotateRunArgs, db: &str) -> Result<Option<Cooperate>> {
    let w = &a.workers;
    let Some(workers) = w.workers else {
        return Ok(None);
    };
    if !rotate::is_postgres(db) {
        return Err(Error::usage(
            "--workers shares a PostgreSQL table between workers; a SQLite file has one writer (leave out --workers)",
        ));
    }
    if a.dry_run {
        return Err(Error::usage(
            "--dry-run counts on one worker; leave out --workers",
        ));
    }
    let name = match &w.worker_id {
        Some(n) if n.trim().is_empty() || n.len() > 200 || n.chars().any(char::is_control) => {
            return Err(Error::usage(
                "--worker-id must be 1 to 200 printable characters",
            ));
        }
        Some(n) => n.clone(),
        None => rotate::workers::default_name(),
    };
    Ok(Some(Cooperate {
        workers: workers as usize,
        lease: std::time::Duration::from_secs(u64::from(w.lease)),
        keep_progress: w.keep_progress,
        name,
        range_rows: w.range_rows,
    }))
}

/// One table's run, as `rotate run` reports it.
#[derive(Serialize)]
struct TableRun {
    #[serde(flatten)]
    report: rotate::Report,
    /// With `--workers`: this process's workers and the verification.
    #[serde(skip_serializing_if = "Option::is_none")]
    cooperation: Option<Cooperation>,
    table: String,
    /// The target key, described.
    target: String,
    rows_per_second: f64,
    #[serde(skip)]
    columns: String,
    #[serde(skip)]
    to: String,
}

/// A `rotate` report: one table's document, or `{"tables": [...]}` for a
/// plan (or several tables).
#[derive(Serialize)]
#[serde(untagged)]
enum PerTable<T> {
    One(T),
    Many { tables: Vec<T> },
}

impl<T> PerTable<T> {
    /// `One` for a single table named by flags, else `Many`.
    fn new(mut items: Vec<T>, from_plan: bool) -> PerTable<T> {
        if !from_plan && items.len() == 1 {
            PerTable::One(items.remove(0))
        } else {
            PerTable::Many { tables: items }
        }
    }

    fn items(&self) -> &[T] {
        match self {
            PerTable::One(t) => std::slice::from_ref(t),
            PerTable::Many { tables } => tables,
        }
    }
}

impl Report for PerTable<TableRun> {
    fn render_text(&self, out: &Output) -> Result<()> {
        for t in self.items() {
            let r = &t.report;
            let verb = if r.dry_run { "would rotate" } else { "rotated" };
            out.line(&format!(
                "{verb} {} values in {} rows of {}.{} to {} ({}): {} already current, {} null, {} plaintext{}, {} undecryptable, {} conflicts redone; {:.2} s, {:.0} rows/s",
                r.rotated,
                r.rows,
                t.table,
                t.columns,
                t.to,
                t.target,
                r.current,
                r.null,
                r.plaintext,
                if r.encrypted_plaintext > 0 { format!(" ({} encrypted)", r.encrypted_plaintext) } else { String::new() },
                r.undecryptable,
                r.conflicts,
                r.seconds,
                t.rows_per_second
            ))?;
            if let Some(reason) = &r.abort_reason {
                out.line(&format!("stopped at {reason}; nothing after it was written, and the batches before it are committed"))?;
            }
            if r.unrecognized > 0 {
                out.line(&format!(
                    "{} unrecognized values left untouched (they look encrypted, in no format given; name their format with --from): {}{}",
                    r.unrecognized,
                    r.unrecognized_keys.join(", "),
                    if r.unrecognized > r.unrecognized_keys.len() as u64 { ", ..." } else { "" }
                ))?;
            }
            if !r.skipped_keys.is_empty() {
                out.line(&format!(
                    "skipped (undecryptable): {}",
                    r.skipped_keys.join(", ")
                ))?;
            }
            if let Some(c) = &t.cooperation {
                render_cooperation(out, c)?;
            }
        }
        Ok(())
    }
}

fn run_rotation(ctx: &Ctx, a: RotateRunArgs) -> Result<Outcome> {
    let (db, targets) = targets(&a.table)?;
    if a.throttle.is_some_and(|t| t.is_nan() || t <= 0.0) {
        return Err(Error::usage(
            "--throttle must be a positive number of rows per second",
        ));
    }
    let co = cooperate(&a, &db)?;
    let (env, keys) =
        super::rotate_env::keys(ctx, &a, || rotation_keys(ctx, &a.keys, &a.from, &a.to))?;
    let to = keys.keys.target_format();
    let skip = a.on_error == OnError::Skip;
    // Every table is opened and preflighted before anything is written.
    let mut tables = Vec::with_capacity(targets.len());
    for target in &targets {
        let mut table = Opened::open(&db, target, !a.dry_run)?;
        // A value of a format with a per-value key derivation costs tens
        // of milliseconds: a smaller sample says as much about the keys.
        let sample = if keys.keys.costly() { 16 } else { 100 };
        let (sampled, _) = rotate::preflight(table.rows(), &keys.keys, sample, skip)?;
        tables.push((table, sampled));
    }
    super::rotate_env::seal(ctx, env.as_ref())?;
    let opts = Options {
        batch: a.batch as usize,
        dry_run: a.dry_run,
        skip_errors: skip,
        throttle: a.throttle,
        encrypt_plaintext: a.encrypt_plaintext,
        threads: a.threads.map(|t| t as usize),
    };
    let mut runs = Vec::with_capacity(targets.len());
    let mut failed = false;
    for ((mut table, sampled), target) in tables.into_iter().zip(&targets) {
        let run = Run {
            to: &to,
            keys: &keys,
            target,
            opts: &opts,
            co: co.as_ref(),
        };
        let (report, cooperation) = rotate_table(ctx, &run, &mut table, sampled)?;
        failed |= report.aborted
            || report.undecryptable > 0
            || (report.unrecognized > 0 && !a.allow_unrecognized)
            || cooperation
                .as_ref()
                .and_then(|c| c.verification.as_ref())
                .is_some_and(|v| !v.ok);
        let stop = report.aborted;
        runs.push(TableRun {
            rows_per_second: report.rate(),
            report,
            cooperation,
            table: target.table.clone(),
            target: keys.target.clone(),
            columns: target.columns.join(","),
            to: to.clone(),
        });
        if stop {
            break;
        }
    }
    let env = super::rotate_env::finish(ctx, env, &db, &targets, failed)?;
    failed |= env.as_ref().is_some_and(|e| e.failed());
    let run = PerTable::new(runs, a.table.plan.is_some());
    ctx.out.report(&super::rotate_env::WithEnv {
        run: &run,
        env: env.as_ref(),
    })?;
    Ok(if failed {
        Outcome::ChecksFailed
    } else {
        Outcome::Success
    })
}

fn render_cooperation(out: &Output, c: &Cooperation) -> Result<()> {
    for w in &c.workers {
        out.line(&format!(
            "worker {}: {} ranges rotated and {} verified ({} taken over from expired leases, {} given up: taken over while paused, or the connection lost), {} rows, {} values rotated",
            w.worker, w.ranges, w.verified, w.taken_over, w.lost, w.rows, w.rotated
        ))?;
    }
    match (&c.verification, &c.verified_by) {
        (Some(v), Some(by)) => out.line(&format!(
            "verified (summed by {by}): {} rows read again, {} values current, {} remaining, {} undecryptable, {} unrecognized{}",
            v.rows,
            v.current,
            v.remaining,
            v.undecryptable,
            v.unrecognized,
            if v.ok { "" } else { " (FAILED: run again to rotate what remains)" }
        )),
        (_, Some(by)) => out.line(&format!(
            "every range is done; worker {by} verifies the table (rotation {})",
            c.rotation
        )),
        _ => out.line(&format!(
            "every range is done; another worker verifies the table (rotation {})",
            c.rotation
        )),
    }
}

/// What one table's rotation needs.
struct Run<'a> {
    to: &'a str,
    keys: &'a RotationKeys,
    target: &'a Target,
    opts: &'a Options,
    co: Option<&'a Cooperate>,
}

/// Rotates one table, between its `rotate.start` and `rotate.finish`
/// entries ([`rotate::journal`]), with a progress bar on a terminal.
fn rotate_table(
    ctx: &Ctx,
    run: &Run<'_>,
    table: &mut Opened,
    sampled: usize,
) -> Result<(rotate::Report, Option<Cooperation>)> {
    let (keys, target, opts) = (&run.keys.keys, run.target, run.opts);
    let target_key = Some(keys.target_id()).filter(|&id| id != crate::rotate::codec::NO_TARGET);
    let mut scope = Scope::new(target, run.to, target_key, opts.dry_run);
    scope.worker = run.co.map(|c| c.name.clone());
    // A run that writes nothing (a dry run; nothing to rotate) is not
    // audited.
    let mut audit = if !opts.dry_run && (sampled > 0 || opts.encrypt_plaintext) {
        Some(ctx.audited()?)
    } else {
        None
    };
    let bar = if std::io::stderr().is_terminal() && !ctx.out.quiet() {
        let pb = indicatif::ProgressBar::new(table.count()?);
        pb.set_style(
            indicatif::ProgressStyle::with_template(
                "{msg} {bar:40} {pos}/{len} rows  {per_sec}  ETA {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        pb.set_message(target.table.clone());
        Some(Bar(pb))
    } else {
        None
    };
    let progress: &(dyn rotate::Progress + Sync) = match &bar {
        Some(b) => b,
        None => &(),
    };
    let result = journal::run(audit.as_mut().map(|(s, a)| (s, a)), &scope, || {
        match run.co {
            None => table.run(keys, opts, progress).map(|r| (r, None)),
            Some(co) => table
                .run_workers(keys, opts, co, run.to, &run.keys.target, progress)
                .map(|(r, c)| (r, Some(c))),
        }
    });
    if let Some(b) = &bar {
        b.0.finish_and_clear();
    }
    result
}

fn check_keys(ctx: &Ctx, a: &RotateCheckArgs) -> Result<Keys> {
    let given = !a.key_env.is_empty() || !a.key_file.is_empty();
    let formats = Formats {
        from: &a.from,
        to: None,
        from_derive: derivation(&a.derive)?,
        to_derive: crate::formats::derive::DeriveSpec::None,
    };
    if formats.native_only() && a.from.is_empty() {
        if given {
            return keyset::readers(&read_keys(&a.key_env, &a.key_file)?);
        }
        return keyset::keyring_readers(&crate::commands::key::open(ctx, &a.keyring)?);
    }
    if given {
        let keys = keyset::given_keys(&a.key_env, &a.key_file)?;
        return keyset::readers_formats(Some(&keys), None, &formats);
    }
    if a.derive.is_some() {
        return Err(Error::usage(
            "--derive applies to keys given with --key-env or --key-file",
        ));
    }
    let ring = crate::commands::key::open(ctx, &a.keyring)?;
    keyset::readers_formats(None, Some(&ring), &formats)
}

/// One table's survey, as `rotate status` and `verify` report it.
#[derive(Serialize)]
struct TableStatus {
    #[serde(flatten)]
    status: Status,
    /// Named in a plan's report only.
    #[serde(skip_serializing_if = "Option::is_none")]
    table: Option<String>,
    /// PostgreSQL: the cooperative rotations (`--workers`) recorded for
    /// the table, with their ranges, owners and progress.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    workers: Vec<RotationProgress>,
    #[serde(skip)]
    label: String,
}

impl Report for PerTable<TableStatus> {
    fn render_text(&self, out: &Output) -> Result<()> {
        for t in self.items() {
            let st = &t.status;
            let mut rows: Vec<Vec<String>> = st
                .by_key
                .iter()
                .map(|(k, n)| vec![k.to_string(), n.to_string()])
                .collect();
            rows.push(vec!["null".into(), st.null.to_string()]);
            rows.push(vec!["plaintext".into(), st.plaintext.to_string()]);
            rows.push(vec!["undecryptable".into(), st.undecryptable.to_string()]);
            rows.push(vec!["unrecognized".into(), st.unrecognized.to_string()]);
            out.line(&format!("{} rows in {}", st.rows, t.label))?;
            out.table(&["values", "count"], &rows)?;
            if st.undecryptable > 0 {
                out.line(&format!(
                    "undecryptable: {}",
                    st.undecryptable_keys.join(", ")
                ))?;
            }
            if st.unrecognized > 0 {
                out.line(&format!(
                    "unrecognized (look encrypted, in no format given; name their format with --from): {}{}",
                    st.unrecognized_keys.join(", "),
                    if st.unrecognized > st.unrecognized_keys.len() as u64 { ", ..." } else { "" }
                ))?;
            }
            for r in &t.workers {
                render_progress(out, r)?;
            }
        }
        Ok(())
    }
}

/// A cooperative rotation's ranges, owners and progress.
fn render_progress(out: &Output, r: &RotationProgress) -> Result<()> {
    out.line(&format!(
        "cooperative rotation {} to {}: {}, {} of {} ranges done{}",
        r.id,
        r.target,
        r.state,
        r.ranges_done,
        r.ranges.len(),
        r.finisher
            .as_ref()
            .map(|f| format!(", verified by {f}"))
            .unwrap_or_default()
    ))?;
    let key = |k: &Option<serde_json::Value>, none: &str| {
        k.as_ref().map_or(none.to_string(), |v| v.to_string())
    };
    let rows: Vec<Vec<String>> = r
        .ranges
        .iter()
        .map(|x| {
            vec![
                x.n.to_string(),
                format!("{} .. {}", key(&x.after, "start"), key(&x.upto, "end")),
                x.owner.clone().unwrap_or_else(|| "-".into()),
                match (x.done, x.lease_seconds) {
                    (true, _) if x.verified => "rotated, verified".into(),
                    (true, Some(s)) if s >= 0.0 => format!("rotated, verifying, {s:.0} s left"),
                    (true, _) => "rotated".into(),
                    (false, Some(s)) if s >= 0.0 => format!("held, {s:.0} s left"),
                    (false, Some(_)) => "lease expired".into(),
                    (false, None) => "free".into(),
                },
                x.rows.to_string(),
                x.rotated.to_string(),
                x.takeovers.to_string(),
            ]
        })
        .collect();
    out.table(
        &[
            "range",
            "keys",
            "owner",
            "state",
            "rows",
            "rotated",
            "takeovers",
        ],
        &rows,
    )
}

fn check(ctx: &Ctx, a: RotateCheckArgs, verify: bool) -> Result<Outcome> {
    let (db, targets) = targets(&a.table)?;
    let keys = check_keys(ctx, &a)?;
    let one = a.table.plan.is_none() && targets.len() == 1;
    let mut surveys = Vec::with_capacity(targets.len());
    for target in &targets {
        let mut table = Opened::open(&db, target, false)?;
        let workers = match &table {
            Opened::Pg(t) => rotate::lease::progress(&db, t.table_sql())?,
            Opened::Lite(_) => Vec::new(),
        };
        surveys.push(TableStatus {
            status: rotate::survey(table.rows(), &keys, 20)?,
            workers,
            table: (!one).then(|| target.table.clone()),
            label: format!("{}.{}", target.table, target.columns.join(",")),
        });
    }
    let bad = surveys
        .iter()
        .any(|t| t.status.undecryptable > 0 || t.status.unrecognized > 0);
    ctx.out
        .report(&PerTable::new(surveys, a.table.plan.is_some()))?;
    Ok(if verify && bad {
        Outcome::ChecksFailed
    } else {
        Outcome::Success
    })
}
