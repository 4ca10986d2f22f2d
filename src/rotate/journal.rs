//! A table's rotation between its `rotate.start` and `rotate.finish` audit
//! entries: the start records what is rotated (and by which worker), the
//! finish the counts or the error. A run that ends in an error still
//! closes its start: the batches before the error are committed, and the
//! log says so.

use serde::Serialize;

use super::workers::Cooperation;
use super::{Report, Target};
use crate::audit::{AuditOutcome, Auditor, Entry, Risk};
use crate::error::{Error, Result};
use crate::store::Store;

/// What a table's `rotate.start` entry records; `rotate.finish` adds the
/// report or the error.
#[derive(Debug, Clone, Serialize)]
pub struct Scope {
    /// The worker (with `--workers`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub worker: Option<String>,
    /// The database, as given (a connection string without its password).
    pub db: String,
    /// The table.
    pub table: String,
    /// The rotated columns.
    pub columns: Vec<String>,
    /// The format written.
    pub to: String,
    /// The target key's id, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_key: Option<u32>,
    /// `--dry-run`.
    pub dry_run: bool,
}

impl Scope {
    /// The scope of rotating `target` to `to`.
    pub fn new(target: &Target, to: &str, target_key: Option<u32>, dry_run: bool) -> Scope {
        Scope {
            worker: None,
            db: target.db.display().to_string(),
            table: target.table.clone(),
            columns: target.columns.clone(),
            to: to.to_string(),
            target_key,
            dry_run,
        }
    }
}

#[derive(Serialize)]
struct Finish<'a> {
    #[serde(flatten)]
    scope: &'a Scope,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<&'a Report>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cooperation: Option<&'a Cooperation>,
}

fn details(d: &impl Serialize) -> Result<serde_json::Value> {
    serde_json::to_value(d)
        .map_err(|e| Error::internal(format!("cannot encode the audit details: {e}")))
}

/// Whether a run left something undone: the `rotate.finish` entry's
/// outcome is then a failure.
fn failed(report: &Report, cooperation: Option<&Cooperation>) -> bool {
    report.aborted
        || report.undecryptable > 0
        || report.unrecognized > 0
        || cooperation
            .and_then(|c| c.verification.as_ref())
            .is_some_and(|v| !v.ok)
}

/// Runs `rotate` between `scope`'s `rotate.start` and `rotate.finish`
/// entries in `audit` (`None`: a run that writes nothing, unaudited).
pub fn run(
    mut audit: Option<(&mut Store, &mut Auditor)>,
    scope: &Scope,
    rotate: impl FnOnce() -> Result<(Report, Option<Cooperation>)>,
) -> Result<(Report, Option<Cooperation>)> {
    let finish = |outcome: AuditOutcome, details: serde_json::Value| {
        Entry::new("rotate.finish", "table", scope.table.clone())
            .risk(Risk::Medium)
            .outcome(outcome)
            .details(details)
    };
    if let Some((store, auditor)) = audit.as_mut() {
        let start = Entry::new("rotate.start", "table", scope.table.clone())
            .risk(Risk::Medium)
            .details(details(scope)?);
        store.write(|tx| auditor.append(tx, &start))?;
    }
    let (report, cooperation) = match rotate() {
        Ok(done) => done,
        Err(err) => {
            if let Some((store, auditor)) = audit.as_mut() {
                let d = Finish {
                    scope,
                    error: Some(err.message()),
                    report: None,
                    cooperation: None,
                };
                // The error is what the run reports; its entry is best effort.
                if let Ok(d) = details(&d) {
                    let e = finish(AuditOutcome::Failure, d);
                    let _ = store.write(|tx| auditor.append(tx, &e));
                }
            }
            return Err(err);
        }
    };
    if let Some((store, auditor)) = audit.as_mut() {
        let outcome = if failed(&report, cooperation.as_ref()) {
            AuditOutcome::Failure
        } else {
            AuditOutcome::Success
        };
        let d = Finish {
            scope,
            error: None,
            report: Some(&report),
            cooperation: cooperation.as_ref(),
        };
        let e = finish(outcome, details(&d)?);
        store.write(|tx| auditor.append(tx, &e))?;
    }
    Ok((report, cooperation))
}
