//! Audit queries at scale (issue #7's targets), whole-process, release build:
//!
//! - on ENTRIES (10,000,000) generated entries over a year: `--since 24h
//!   --actor X` (< 100 ms), `--count --group-by day` over everything (< 2 s),
//!   `export` of 1,000,000 entries (peak RSS < 64 MiB);
//! - the same filtered query on a service's own table (seed 001's schema with
//!   its `(user_id, timestamp)` index) of as many rows (< 100 ms).
//!
//!   cargo build --release && ENTRIES=10000000 RUNS=10 cargo bench --bench audit
//!   (or `bash bench/audit.sh`). The generated files (about 5 GB at 10M) are
//!   kept in bench/out/ and reused.

#![allow(clippy::print_stdout, clippy::print_stderr)] // a test or bench prints its own report

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use keyward::audit::{Auditor, fixture};
use keyward::secret::SecretString;
use keyward::store::Store;
use rusqlite::Connection;

fn env(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_string())
}

fn tv(t: libc::timeval) -> f64 {
    t.tv_sec as f64 + t.tv_usec as f64 / 1e6
}

/// Runs keyward; returns wall seconds, CPU seconds and peak RSS (KiB).
// The child is reaped by wait4, which also returns its resource usage.
#[allow(clippy::zombie_processes)]
fn run(bin: &Path, args: &[&str]) -> (f64, f64, i64) {
    let start = Instant::now();
    let child = Command::new(bin)
        .args(args)
        .env("KEYWARD_AUDIT_KEY", "bench-audit-key")
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut status = 0;
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut ru) };
    assert_eq!(status, 0, "keyward {args:?} failed");
    (
        start.elapsed().as_secs_f64(),
        tv(ru.ru_utime) + tv(ru.ru_stime),
        ru.ru_maxrss,
    )
}

fn percentile(mut v: Vec<f64>, p: f64) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[((v.len() - 1) as f64 * p).round() as usize]
}

fn rows_in(path: &Path, table: &str) -> i64 {
    Connection::open(path)
        .and_then(|c| c.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0)))
        .unwrap_or(0)
}

/// keyward's store with `n` entries ending now (regenerated when the
/// count is off or the newest entry is over a day old).
fn store_fixture(path: &Path, n: i64) {
    let fresh = Connection::open(path)
        .and_then(|c| {
            c.query_row(
                "SELECT COUNT(*) >= ?1 AND MAX(ts) > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-1 day') FROM audit_log",
                [n],
                |r| r.get::<_, bool>(0),
            )
        })
        .unwrap_or(false);
    if fresh {
        return;
    }
    let _ = std::fs::remove_file(path);
    let t = Instant::now();
    let mut store = Store::open(path).unwrap();
    let a = Auditor::with_key(
        "gen".into(),
        "h".into(),
        Some(SecretString::new("bench-audit-key".into())),
    );
    fixture::generate(
        &mut store,
        &a,
        n as u64,
        time::OffsetDateTime::now_utc(),
        time::Duration::days(365),
    )
    .unwrap();
    eprintln!(
        "  generated {n} store entries in {:.0} s",
        t.elapsed().as_secs_f64()
    );
}

/// Seed 001's table (Python datetime text, `user_id`, index on
/// `(user_id, timestamp DESC)`) with `n` rows over the last year.
fn service_fixture(path: &Path, n: i64) {
    if rows_in(path, "audit_log") == n {
        return;
    }
    let _ = std::fs::remove_file(path);
    let t = Instant::now();
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(
        "PRAGMA journal_mode = WAL;
         CREATE TABLE audit_log (id INTEGER PRIMARY KEY AUTOINCREMENT, timestamp TIMESTAMP NOT NULL,
           user_id VARCHAR(128) NOT NULL, action VARCHAR(50) NOT NULL, resource_type VARCHAR(50) NOT NULL,
           resource_id VARCHAR(128), ip_address VARCHAR(45), details JSONB);",
    )
    .unwrap();
    let end = time::OffsetDateTime::now_utc();
    let step = 365.0 * 86_400.0 / n as f64;
    let tx = conn.unchecked_transaction().unwrap();
    {
        let mut stmt = tx
            .prepare("INSERT INTO audit_log (timestamp, user_id, action, resource_type, resource_id, ip_address, details) VALUES (?1, ?2, ?3, 'memory', ?4, ?5, ?6)")
            .unwrap();
        for i in 0..n {
            let t = end - time::Duration::seconds_f64(step * (n - 1 - i) as f64);
            let ts = format!(
                "{} {:02}:{:02}:{:02}.{:06}",
                t.date(),
                t.hour(),
                t.minute(),
                t.second(),
                t.microsecond()
            );
            stmt.execute(rusqlite::params![
                ts,
                format!("user-{}", i % 50),
                ["CREATE", "READ", "UPDATE", "DELETE"][(i % 4) as usize],
                (i % 100_000).to_string(),
                format!("10.0.{}.{}", i % 7, i % 200),
                format!("{{\"tier\": \"short_term\", \"score\": {}}}", i % 100)
            ])
            .unwrap();
        }
    }
    tx.commit().unwrap();
    conn.execute_batch("CREATE INDEX idx_user_timestamp ON audit_log (user_id, timestamp DESC);")
        .unwrap();
    eprintln!(
        "  generated {n} service rows in {:.0} s",
        t.elapsed().as_secs_f64()
    );
}

fn main() {
    let n: i64 = env("ENTRIES", "10000000").parse().unwrap();
    let runs: usize = env("RUNS", "10").parse().unwrap();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let bin = root.join("target").join("release").join("keyward");
    assert!(
        bin.exists(),
        "build the release binary first: cargo build --release"
    );
    let out = root.join("bench").join("out");
    std::fs::create_dir_all(&out).unwrap();
    let store = out.join(format!("audit-{n}.db"));
    let service = out.join(format!("service-audit-{n}.db"));
    store_fixture(&store, n);
    service_fixture(&service, n);
    let s = store.to_str().unwrap();
    let src = format!("sqlite:{}", service.display());
    let report = |what: &str, args: &[&str], runs: usize, target: &str| {
        // One untimed run warms the page cache, as on a server that uses its log.
        run(&bin, args);
        let mut wall = Vec::new();
        let mut rss = Vec::new();
        for _ in 0..runs {
            let (w, _c, r) = run(&bin, args);
            wall.push(w * 1000.0);
            rss.push(r as f64 / 1024.0);
        }
        println!(
            "{what:<58} p50 {:>8.1} ms  p95 {:>8.1} ms  peak RSS {:>5.1} MiB  (target {target})",
            percentile(wall.clone(), 0.5),
            percentile(wall, 0.95),
            percentile(rss, 1.0),
        );
    };
    println!(
        "audit queries on {n} entries, {} cores, {}",
        std::thread::available_parallelism()
            .map(|p| p.get())
            .unwrap_or(0),
        std::fs::read_to_string("/proc/cpuinfo")
            .ok()
            .and_then(
                |c| c.lines().find(|l| l.starts_with("model name")).map(|l| l
                    .split(':')
                    .nth(1)
                    .unwrap_or("")
                    .trim()
                    .to_string())
            )
            .unwrap_or_default()
    );
    report(
        "store: query --since 24h --actor actor-7",
        &[
            "--store", s, "audit", "query", "--since", "24h", "--actor", "actor-7", "--format",
            "json", "--limit", "0",
        ],
        runs,
        "< 100 ms",
    );
    report(
        "store: query --since 24h --actor actor-7 (table)",
        &[
            "--store", s, "audit", "query", "--since", "24h", "--actor", "actor-7",
        ],
        runs,
        "< 100 ms",
    );
    report(
        "store: query --risk critical --limit 50 (newest)",
        &[
            "--store", s, "audit", "query", "--risk", "critical", "--limit", "50", "--format",
            "json",
        ],
        runs,
        "-",
    );
    report(
        "store: query --count --group-by day (everything)",
        &[
            "--store",
            s,
            "audit",
            "query",
            "--count",
            "--group-by",
            "day",
            "--format",
            "json",
        ],
        runs.min(5),
        "< 2 s",
    );
    report(
        "store: export --limit 1000000 (ndjson)",
        &["-q", "--store", s, "audit", "export", "--limit", "1000000"],
        runs.min(3),
        "RSS < 64 MiB",
    );
    report(
        "service table: query --since 24h --actor user-7",
        &[
            "audit", "query", "--source", &src, "--since", "24h", "--actor", "user-7", "--format",
            "json", "--limit", "0",
        ],
        runs,
        "< 100 ms",
    );
}
