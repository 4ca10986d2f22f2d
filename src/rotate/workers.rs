//! `rotate run --workers N` on PostgreSQL: N workers in this process, each
//! with its own connections, sharing the table through [`super::lease`]
//! with every other process started against it with the same flags.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use serde::Serialize;

use super::codec::Keys;
use super::lease::{Ledger, Next, Split, Verification};
use super::pg::PgTable;
use super::{Options, Progress, Report, Rows, Target};
use crate::error::{Error, ErrorKind, Result};

/// How the workers cooperate.
#[derive(Debug, Clone)]
pub struct Cooperate {
    /// Workers in this process.
    pub workers: usize,
    /// How long a claim holds without renewal.
    pub lease: Duration,
    /// Keep the rotation's ranges after it finished.
    pub keep_progress: bool,
    /// This process's worker name (`host:pid`, or `--worker-id`).
    pub name: String,
    /// Rows per range (`None`: from the table's size).
    pub range_rows: Option<u64>,
}

/// What one worker did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct WorkerRun {
    /// Its name.
    pub worker: String,
    /// Rows it read.
    pub rows: u64,
    /// Values it re-encrypted.
    pub rotated: u64,
    /// Ranges it rotated.
    pub ranges: u64,
    /// Ranges it verified (read again once rotated).
    pub verified: u64,
    /// Ranges it took over from a worker whose lease expired.
    pub taken_over: u64,
    /// Ranges it stopped working on before finishing them: taken over by
    /// another worker while it was paused, or its connection was lost (it
    /// wrote nothing more there).
    pub lost: u64,
}

/// The cooperation, beside the counts of this process's workers.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Cooperation {
    /// The rotation's id (its rows in `keyward.rotation`).
    pub rotation: String,
    /// This process's workers.
    pub workers: Vec<WorkerRun>,
    /// The worker that summed the ranges' verification (`null`: not yet,
    /// or not known).
    pub verified_by: Option<String>,
    /// The verification, when a worker of this process summed it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verification: Option<Verification>,
}

/// This host's name and process id: a worker's default name.
pub fn default_name() -> String {
    let mut buf = [0u8; 256];
    // SAFETY: the buffer is valid for its length; gethostname writes at most
    // that many bytes.
    let rc = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) };
    let host = if rc == 0 {
        let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
        String::from_utf8_lossy(&buf[..end]).into_owned()
    } else {
        "localhost".into()
    };
    format!("{host}:{}", std::process::id())
}

/// The setup a worker needs, shared by this process's workers.
struct Job<'a> {
    url: &'a str,
    target: &'a Target,
    keys: &'a Keys,
    opts: &'a Options,
    co: &'a Cooperate,
    id: &'a str,
    target_desc: &'a str,
    progress: &'a (dyn Progress + Sync),
    stop: AtomicBool,
}

/// Runs this process's workers on `table`'s rotation until every range is
/// rotated and verified; one worker of all processes then sums the
/// verification. `table` is the table as the command opened (and preflighted) it: its
/// connection string, target and name as the server resolves it.
pub fn run(
    table: &PgTable,
    keys: &Keys,
    opts: &Options,
    co: &Cooperate,
    to: &str,
    target_desc: &str,
    progress: &(dyn Progress + Sync),
) -> Result<(Report, Cooperation)> {
    let start = std::time::Instant::now();
    if co.workers == 0 {
        return Err(Error::usage("--workers must be at least 1"));
    }
    super::keep_freed_memory();
    let (url, target) = (table.url(), table.target());
    let id = super::lease::rotation_id(target, table.table_sql(), to, target_desc);
    let job = Job {
        url,
        target,
        keys,
        opts,
        co,
        id: &id,
        target_desc,
        progress,
        stop: AtomicBool::new(false),
    };
    let results: Vec<Result<(Report, WorkerRun, Finish)>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..co.workers)
            .map(|k| {
                let name = if co.workers > 1 {
                    format!("{}/{}", co.name, k + 1)
                } else {
                    co.name.clone()
                };
                let job = &job;
                s.spawn(move || {
                    let r = work(job, name);
                    if r.is_err() {
                        job.stop.store(true, Ordering::Relaxed);
                    }
                    r
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(Error::internal("a rotation worker panicked")))
            })
            .collect()
    });
    let mut report = Report {
        dry_run: opts.dry_run,
        ..Report::default()
    };
    let mut coop = Cooperation {
        rotation: id.clone(),
        ..Cooperation::default()
    };
    for r in results {
        let (r, w, finish) = r?;
        report.merge(r);
        coop.workers.push(w);
        match finish {
            Finish::Verified(name, v) => {
                coop.verified_by = Some(name);
                coop.verification = Some(v);
            }
            Finish::By(Some(name)) if coop.verified_by.is_none() => {
                coop.verified_by = Some(name);
            }
            _ => {}
        }
    }
    report.seconds = start.elapsed().as_secs_f64();
    Ok((report, coop))
}

/// How a worker's part ended.
enum Finish {
    /// It stopped early (an abort, or another worker's error).
    Stopped,
    /// It verified the table.
    Verified(String, Verification),
    /// Another worker verifies (named when known).
    By(Option<String>),
}

/// Runs `f` on the ledger; when it fails because the ledger's connection
/// was lost, connects again (with backoff) and runs it once more (every
/// ledger statement checks the claim's owner and epoch, so a statement
/// that did commit before the loss is harmless to repeat).
fn on_ledger<T>(ledger: &mut Ledger, mut f: impl FnMut(&mut Ledger) -> Result<T>) -> Result<T> {
    match f(ledger) {
        Err(e) if ledger.is_closed() && e.kind() == ErrorKind::Environment => {
            super::with_backoff(|| ledger.reconnect())?;
            f(ledger)
        }
        done => done,
    }
}

/// The table opened for a worker's writes, its session named.
fn open_table(job: &Job<'_>, name: &str) -> Result<PgTable> {
    let mut table = PgTable::open(job.url, job.target)?;
    table.session(&format!("keyward rotate {name}"), job.co.lease)?;
    table.prepare_writes()?;
    Ok(table)
}

fn work(job: &Job<'_>, name: String) -> Result<(Report, WorkerRun, Finish)> {
    let co = job.co;
    let mut table = open_table(job, &name)?;
    let split = Split {
        range_rows: co.range_rows,
        batch: job.opts.batch as u64,
    };
    let mut ledger = Ledger::join(&mut table, job.id, &name, co.lease, job.target_desc, split)?;
    let heartbeat = ledger.heartbeat()?;
    let mut report = Report::default();
    let mut run = WorkerRun {
        worker: name.clone(),
        ..WorkerRun::default()
    };
    // A range's verification: every value read again, nothing written.
    let verify_opts = Options {
        dry_run: true,
        skip_errors: true,
        throttle: None,
        ..job.opts.clone()
    };
    loop {
        if job.stop.load(Ordering::Relaxed) {
            return Ok((report, run, Finish::Stopped));
        }
        let claim = match on_ledger(&mut ledger, Ledger::claim_next)? {
            Next::AllDone => break,
            Next::Wait(d) => {
                std::thread::sleep(d);
                continue;
            }
            Next::Claim(c) => c,
        };
        if claim.took_over.is_some() {
            run.taken_over += 1;
        }
        if claim.verify {
            table.hold(claim.hold.clone(), claim.upto.clone())?;
            heartbeat.set(Some(claim.hold.clone()));
            let checked =
                super::run_from(&mut table, job.keys, &verify_opts, &(), claim.after.clone());
            heartbeat.set(None);
            let checked = match checked {
                Ok(r) => r,
                Err(e) => {
                    let _ = ledger.release(&claim);
                    return Err(e);
                }
            };
            if on_ledger(&mut ledger, |l| l.verified(&claim, &checked))? {
                run.verified += 1;
            } else {
                run.lost += 1;
            }
            continue;
        }
        table.hold(claim.hold.clone(), claim.upto.clone())?;
        heartbeat.set(Some(claim.hold.clone()));
        let span = super::run_from(
            &mut table,
            job.keys,
            job.opts,
            job.progress,
            claim.after.clone(),
        );
        heartbeat.set(None);
        let span = match span {
            Ok(r) => r,
            Err(e) => {
                // Given back for another worker at once.
                let _ = ledger.release(&claim);
                return Err(e);
            }
        };
        let (lost, aborted) = (span.lease_lost, span.aborted);
        run.rows += span.rows;
        run.rotated += span.rotated;
        report.merge(span);
        if lost {
            run.lost += 1;
            continue;
        }
        if aborted {
            let _ = ledger.release(&claim);
            job.stop.store(true, Ordering::Relaxed);
            return Ok((report, run, Finish::Stopped));
        }
        if on_ledger(&mut ledger, |l| l.done(&claim))? {
            run.ranges += 1;
        } else {
            run.lost += 1;
        }
    }
    drop(heartbeat);
    match on_ledger(&mut ledger, Ledger::elect)? {
        Ok(()) => {
            let v = on_ledger(&mut ledger, Ledger::verification)?;
            on_ledger(&mut ledger, |l| l.finish(&v, co.keep_progress))?;
            Ok((report, run, Finish::Verified(name, v)))
        }
        Err(by) => Ok((report, run, Finish::By(by))),
    }
}
