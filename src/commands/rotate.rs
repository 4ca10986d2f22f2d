//! `rotate run | status | verify`.

use std::io::IsTerminal;
use std::path::PathBuf;

use serde_json::json;

use crate::audit::{AuditOutcome, Entry, Risk};
use crate::cli::{
    OnError, RotateCheckArgs, RotateCommand, RotateKeyArgs, RotateRunArgs, RotateTableArgs,
};
use crate::commands::Ctx;
use crate::crypto::ValueFormat;
use crate::crypto::keys::read_key;
use crate::error::{Error, Outcome, Result};
use crate::output::Format;
use crate::rotate::codec::{DecryptKey, Keys};
use crate::rotate::{self, Options, Table, Target};

/// Runs a `rotate` subcommand.
pub fn run(ctx: &Ctx, cmd: RotateCommand) -> Result<Outcome> {
    ctx.out.require("rotate", &[Format::Text, Format::Json])?;
    match cmd {
        RotateCommand::Run(a) => run_rotation(ctx, a),
        RotateCommand::Status(a) => check(ctx, a, false),
        RotateCommand::Verify(a) => check(ctx, a, true),
    }
}

/// A rotation plan: several tables of one database.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Plan {
    table: Vec<PlanTable>,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanTable {
    name: String,
    #[serde(default)]
    columns: Vec<String>,
    #[serde(default)]
    json_fields: Vec<String>,
    pk: Option<String>,
    #[serde(rename = "where")]
    filter: Option<String>,
    #[serde(default)]
    context_from_row: bool,
}

/// A table opened on either engine.
pub(crate) enum Opened {
    Lite(Box<Table>),
    Pg(Box<rotate::pg::PgTable>),
}

fn is_postgres(db: &str) -> bool {
    rotate::pg::is_conn_string(db)
}

impl Opened {
    pub(crate) fn open(db: &str, target: &Target, write: bool) -> Result<Opened> {
        if is_postgres(db) {
            Ok(Opened::Pg(Box::new(rotate::pg::PgTable::open(db, target)?)))
        } else {
            Ok(Opened::Lite(Box::new(Table::open(target, write)?)))
        }
    }

    pub(crate) fn rows(&mut self) -> &mut dyn rotate::Rows {
        match self {
            Opened::Lite(t) => t.as_mut(),
            Opened::Pg(t) => t.as_mut(),
        }
    }

    fn count(&mut self) -> Result<u64> {
        match self {
            Opened::Lite(t) => t.count(),
            Opened::Pg(t) => t.count(),
        }
    }

    fn run(
        &mut self,
        keys: &Keys,
        opts: &Options,
        progress: &dyn rotate::Progress,
    ) -> Result<rotate::Report> {
        keep_freed_memory();
        match self {
            Opened::Lite(t) => rotate::run(t, keys, opts, progress),
            Opened::Pg(t) => rotate::pg::run(t, keys, opts, progress),
        }
    }
}

/// A rotation allocates and frees the same megabyte or two for every batch
/// (decoded values, plaintexts, new values) on two threads. glibc's malloc
/// gives a freed heap top back to the kernel past 128 KiB and takes it
/// again for the next batch, so every batch paid fresh zeroed pages: 175,000
/// page faults per million rows. Keeping up to 64 MiB of freed memory ends
/// that (4,000 faults; peak RSS is unchanged, the working set is ~24 MiB).
fn keep_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter; any value is valid.
    unsafe {
        libc::mallopt(libc::M_TRIM_THRESHOLD, 64 << 20);
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

/// The tables to work on in `db` (see [`database`]): from the flags, or
/// from `--plan`.
pub(crate) fn targets(t: &RotateTableArgs, db: &str) -> Result<Vec<Target>> {
    // Only SQLite uses the path; a PostgreSQL URL is kept without its password.
    let db = PathBuf::from(if is_postgres(db) {
        rotate::pg::redact(db)
    } else {
        db.to_string()
    });
    let build = |table: &str,
                 columns: &[String],
                 json: &[String],
                 pk: &Option<String>,
                 filter: &Option<String>,
                 ctx: bool|
     -> Result<Target> {
        let mut target = Target::simple(db.clone(), table.to_string(), columns.to_vec());
        target.pk = pk.clone();
        target.filter = filter.clone();
        target.context_from_row = ctx;
        for j in json {
            target.add_json_field(j)?;
        }
        if target.columns.is_empty() {
            return Err(Error::usage(format!(
                "table {table}: give --column or --json-field"
            )));
        }
        Ok(target)
    };
    match &t.plan {
        None => {
            let table = t
                .table
                .as_deref()
                .ok_or_else(|| Error::usage("give --table (or --plan)"))?;
            Ok(vec![build(
                table,
                &t.column,
                &t.json_field,
                &t.pk,
                &t.filter,
                t.context_from_row,
            )?])
        }
        Some(path) => {
            let text = crate::fsutil::read_text_bounded(path, crate::fsutil::MAX_INPUT_BYTES)?;
            let plan: Plan = toml::from_str(&text).map_err(|e| {
                Error::bad_input(format!(
                    "{}: {}",
                    path.display(),
                    e.to_string().lines().next().unwrap_or("invalid plan")
                ))
            })?;
            if plan.table.is_empty() {
                return Err(Error::bad_input(format!(
                    "{}: the plan names no [[table]]",
                    path.display()
                )));
            }
            plan.table
                .iter()
                .map(|p| {
                    build(
                        &p.name,
                        &p.columns,
                        &p.json_fields,
                        &p.pk,
                        &p.filter,
                        p.context_from_row,
                    )
                    .map_err(|e| Error::bad_input(format!("{}: {}", path.display(), e.message())))
                })
                .collect()
        }
    }
}

/// The rotation's keys: given directly (`--from-key-*`, `--to-key-*`), or
/// the keyring's primary as target with every usable key to decrypt.
fn rotation_keys(ctx: &Ctx, k: &RotateKeyArgs, format: ValueFormat) -> Result<(Keys, String)> {
    let direct = !k.from_key_env.is_empty()
        || !k.from_key_file.is_empty()
        || k.to_key_env.is_some()
        || k.to_key_file.is_some();
    if direct {
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
        let to = read_key(k.to_key_env.as_deref(), k.to_key_file.as_deref())?;
        let mut old = Vec::new();
        for name in &k.from_key_env {
            old.push(DecryptKey::new(&read_key(Some(name), None)?, None));
        }
        for path in &k.from_key_file {
            old.push(DecryptKey::new(&read_key(None, Some(path))?, None));
        }
        let desc = format!(
            "key given by flag (id {}, {})",
            k.to_key_id,
            to.fingerprint()
        );
        return Ok((Keys::new(&to, k.to_key_id, format, old), desc));
    }
    let ring = crate::commands::key::open(ctx, &k.keyring)?;
    let primary = ring.primary().ok_or_else(|| {
        Error::bad_input("the keyring has no primary key").with_hint("`keyward key promote ID`")
    })?;
    let old = ring
        .usable()
        .map(|e| DecryptKey::new(&e.key, Some(e.id)))
        .collect();
    let desc = format!(
        "keyring primary key {} ({})",
        primary.id,
        primary.key.fingerprint()
    );
    Ok((Keys::new(&primary.key, primary.id, format, old), desc))
}

struct Bar(indicatif::ProgressBar);

impl rotate::Progress for Bar {
    fn advance(&self, rows: u64) {
        self.0.inc(rows);
    }
}

fn run_rotation(ctx: &Ctx, a: RotateRunArgs) -> Result<Outcome> {
    let db = database(&a.table)?;
    let targets = targets(&a.table, &db)?;
    if a.throttle.is_some_and(|t| t.is_nan() || t <= 0.0) {
        return Err(Error::usage(
            "--throttle must be a positive number of rows per second",
        ));
    }
    let (keys, key_desc) = rotation_keys(ctx, &a.keys, a.to)?;
    let skip = a.on_error == OnError::Skip;
    // Every table is opened and preflighted before anything is written.
    let mut tables = Vec::with_capacity(targets.len());
    for target in &targets {
        let mut table = Opened::open(&db, target, !a.dry_run)?;
        let (sampled, _) = rotate::preflight(table.rows(), &keys, 100, skip)?;
        tables.push((table, sampled));
    }
    let opts = Options {
        batch: a.batch as usize,
        dry_run: a.dry_run,
        skip_errors: skip,
        throttle: a.throttle,
        encrypt_plaintext: a.encrypt_plaintext,
    };
    let mut reports = Vec::new();
    let mut failed = false;
    for ((mut table, sampled), target) in tables.into_iter().zip(&targets) {
        let report = rotate_table(ctx, &a, &keys, &mut table, target, sampled, &opts)?;
        failed |= report.aborted || report.undecryptable > 0;
        let stop = report.aborted;
        reports.push((target, report));
        if stop {
            break;
        }
    }
    let to = a.to;
    if ctx.out.format() == Format::Json {
        let docs: Vec<serde_json::Value> = reports
            .iter()
            .map(|(t, r)| {
                let mut doc = serde_json::to_value(r).unwrap_or_default();
                doc["table"] = t.table.clone().into();
                doc["target"] = key_desc.clone().into();
                doc["rows_per_second"] = r.rate().into();
                doc
            })
            .collect();
        if a.table.plan.is_none() && docs.len() == 1 {
            ctx.out.json(&docs[0])?;
        } else {
            ctx.out.json(&json!({"tables": docs}))?;
        }
    } else {
        for (target, report) in &reports {
            let verb = if a.dry_run { "would rotate" } else { "rotated" };
            ctx.out.line(&format!(
                "{verb} {} values in {} rows of {}.{} to {to} ({key_desc}): {} already current, {} null, {} plaintext{}, {} undecryptable, {} conflicts redone; {:.2} s, {:.0} rows/s",
                report.rotated,
                report.rows,
                target.table,
                target.columns.join(","),
                report.current,
                report.null,
                report.plaintext,
                if report.encrypted_plaintext > 0 { format!(" ({} encrypted)", report.encrypted_plaintext) } else { String::new() },
                report.undecryptable,
                report.conflicts,
                report.seconds,
                report.rate()
            ))?;
            if let Some(reason) = &report.abort_reason {
                ctx.out.line(&format!("stopped at {reason}; nothing after it was written, and the batches before it are committed"))?;
            }
            if !report.skipped_keys.is_empty() {
                ctx.out.line(&format!(
                    "skipped (undecryptable): {}",
                    report.skipped_keys.join(", ")
                ))?;
            }
        }
    }
    Ok(if failed {
        Outcome::ChecksFailed
    } else {
        Outcome::Success
    })
}

/// Rotates one table, between its `rotate.start` and `rotate.finish` entries.
fn rotate_table(
    ctx: &Ctx,
    a: &RotateRunArgs,
    keys: &Keys,
    table: &mut Opened,
    target: &Target,
    sampled: usize,
    opts: &Options,
) -> Result<rotate::Report> {
    let scope = json!({
        "db": target.db.display().to_string(), "table": target.table, "columns": target.columns,
        "to": a.to, "target_key": keys.target_id(), "dry_run": a.dry_run,
    });
    // The store and auditor are opened once, for both entries.
    let mut audit = if !a.dry_run && (sampled > 0 || a.encrypt_plaintext) {
        Some(ctx.audited()?)
    } else {
        None
    };
    if let Some((store, auditor)) = audit.as_mut() {
        store.write(|tx| {
            auditor.append(
                tx,
                &Entry::new("rotate.start", "table", target.table.clone())
                    .risk(Risk::Medium)
                    .details(scope.clone()),
            )
        })?;
    }
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
    let result = match &bar {
        Some(b) => table.run(keys, opts, b),
        None => table.run(keys, opts, &()),
    };
    if let Some(b) = &bar {
        b.0.finish_and_clear();
    }
    let report = match result {
        Ok(report) => report,
        Err(err) => {
            // A run that ends in an error still closes its rotate.start:
            // the batches before the error are committed, and the log says so.
            if let Some((store, auditor)) = audit.as_mut() {
                let mut details = scope;
                details["error"] = err.message().into();
                let _ = store.write(|tx| {
                    auditor.append(
                        tx,
                        &Entry::new("rotate.finish", "table", target.table.clone())
                            .risk(Risk::Medium)
                            .outcome(AuditOutcome::Failure)
                            .details(details),
                    )
                });
            }
            return Err(err);
        }
    };
    if let Some((store, auditor)) = audit.as_mut() {
        let mut details = scope;
        details["report"] = serde_json::to_value(&report).unwrap_or_default();
        let outcome = if report.aborted || report.undecryptable > 0 {
            AuditOutcome::Failure
        } else {
            AuditOutcome::Success
        };
        store.write(|tx| {
            auditor.append(
                tx,
                &Entry::new("rotate.finish", "table", target.table.clone())
                    .risk(Risk::Medium)
                    .outcome(outcome)
                    .details(details),
            )
        })?;
    }
    Ok(report)
}

fn check_keys(ctx: &Ctx, a: &RotateCheckArgs) -> Result<Keys> {
    if !a.key_env.is_empty() || !a.key_file.is_empty() {
        let mut all = Vec::new();
        for n in &a.key_env {
            all.push(read_key(Some(n), None)?);
        }
        for p in &a.key_file {
            all.push(read_key(None, Some(p))?);
        }
        let first = all[0].clone();
        // Every key given decrypts by trial (they have no ids here).
        let old = all.iter().map(|k| DecryptKey::new(k, None)).collect();
        // No target here: use an id no envelope carries so nothing counts as "current".
        return Ok(Keys::new(
            &first,
            crate::rotate::codec::NO_TARGET,
            ValueFormat::Envelope,
            old,
        ));
    }
    let ring = crate::commands::key::open(ctx, &a.keyring)?;
    let old: Vec<DecryptKey> = ring
        .usable()
        .map(|e| DecryptKey::new(&e.key, Some(e.id)))
        .collect();
    let (k, id) = ring
        .primary()
        .map(|p| (p.key.clone(), p.id))
        .or_else(|| ring.usable().next().map(|p| (p.key.clone(), p.id)))
        .ok_or_else(|| Error::bad_input("the keyring has no usable key"))?;
    Ok(Keys::new(&k, id, ValueFormat::Envelope, old))
}

fn check(ctx: &Ctx, a: RotateCheckArgs, verify: bool) -> Result<Outcome> {
    let db = database(&a.table)?;
    let targets = targets(&a.table, &db)?;
    let keys = check_keys(ctx, &a)?;
    let mut surveys = Vec::new();
    for target in &targets {
        let mut table = Opened::open(&db, target, false)?;
        surveys.push((target, rotate::survey(table.rows(), &keys, 20)?));
    }
    let bad = surveys.iter().any(|(_, st)| st.undecryptable > 0);
    if ctx.out.format() == Format::Json {
        if a.table.plan.is_none() && surveys.len() == 1 {
            ctx.out.json(&surveys[0].1)?;
        } else {
            let docs: Vec<serde_json::Value> = surveys
                .iter()
                .map(|(t, st)| {
                    let mut d = serde_json::to_value(st).unwrap_or_default();
                    d["table"] = t.table.clone().into();
                    d
                })
                .collect();
            ctx.out.json(&json!({"tables": docs}))?;
        }
    } else {
        for (target, st) in &surveys {
            let mut rows: Vec<Vec<String>> = st
                .by_key
                .iter()
                .map(|(k, n)| vec![k.clone(), n.to_string()])
                .collect();
            rows.push(vec!["null".into(), st.null.to_string()]);
            rows.push(vec!["plaintext".into(), st.plaintext.to_string()]);
            rows.push(vec!["undecryptable".into(), st.undecryptable.to_string()]);
            ctx.out.line(&format!(
                "{} rows in {}.{}",
                st.rows,
                target.table,
                target.columns.join(",")
            ))?;
            ctx.out.table(&["values", "count"], &rows)?;
            if st.undecryptable > 0 {
                ctx.out.line(&format!(
                    "undecryptable: {}",
                    st.undecryptable_keys.join(", ")
                ))?;
            }
        }
    }
    Ok(if verify && bad {
        Outcome::ChecksFailed
    } else {
        Outcome::Success
    })
}
