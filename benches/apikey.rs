//! API keys at scale (issue #3's targets): with 100,000 keys stored,
//! `apikey verify` p99 in-process, and issuing 10,000 keys one transaction
//! each. Leaves the store and one key in `bench/out/` for the whole-process
//! measurement in `bench/apikey.sh`.
//!
//! Run: `cargo bench --bench apikey` (or `bash bench/apikey.sh` for both).

#![allow(clippy::print_stdout, clippy::print_stderr)] // a test or bench prints its own report

use std::time::{Duration, Instant};

use keyward::apikey::{self, NewKey};
use keyward::audit::{Auditor, Entry};
use keyward::store::Store;
use keyward::timeutil::now;

const STORED: usize = 100_000;
const VERIFIES: usize = 10_000;
const ISSUES: usize = 10_000;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn main() {
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("bench")
        .join("out");
    std::fs::create_dir_all(&out).unwrap();
    let db = out.join("apikey.db");
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", db.display()));
    }
    let mut store = Store::open(&db).unwrap();
    let auditor = Auditor::with_key("bench".into(), "bench-host".into(), None);

    // Fixture: 100,000 keys, 10,000 per transaction.
    let t0 = Instant::now();
    let mut samples = Vec::new();
    for batch in 0..STORED / 10_000 {
        store
            .write(|tx| {
                for i in 0..10_000 {
                    let name = format!("svc-{batch}-{i}");
                    let scopes = vec!["memories:read".to_string()];
                    let (_, key) = apikey::insert(
                        tx,
                        &NewKey {
                            name: &name,
                            prefix: "tk",
                            scopes: &scopes,
                            note: None,
                            expires_at: None,
                            rotated_from: None,
                        },
                        None,
                        now(),
                    )?;
                    if i % 100 == 0 {
                        samples.push(key);
                    }
                }
                Ok(())
            })
            .unwrap();
    }
    println!(
        "fixture: {STORED} keys stored in {:.2} s",
        t0.elapsed().as_secs_f64()
    );

    // In-process verify, as `apikey verify` does it (lookup + last-use update).
    let mut times = Vec::with_capacity(VERIFIES);
    for i in 0..VERIFIES {
        let key = &samples[i % samples.len()];
        let start = Instant::now();
        let v = apikey::verify(
            &mut store,
            &auditor,
            key.expose(),
            None,
            &[],
            apikey::Moments::now(now()),
        )
        .unwrap();
        times.push(start.elapsed());
        assert!(v.failure.is_none());
    }
    times.sort();
    println!(
        "verify (in-process, {VERIFIES} runs over {STORED} keys): p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        percentile(&times, 0.50).as_secs_f64() * 1e3,
        percentile(&times, 0.99).as_secs_f64() * 1e3,
        times.last().unwrap().as_secs_f64() * 1e3
    );

    // Issue 10,000 keys, one transaction each with its audit entry, as `apikey issue` does.
    let t1 = Instant::now();
    for i in 0..ISSUES {
        let name = format!("issued-{i}");
        store
            .write(|tx| {
                let (id, _) = apikey::insert(
                    tx,
                    &NewKey {
                        name: &name,
                        prefix: "kw",
                        scopes: &[],
                        note: None,
                        expires_at: None,
                        rotated_from: None,
                    },
                    None,
                    now(),
                )?;
                auditor.append(tx, &Entry::new("apikey.issue", "api_key", id.to_string()))
            })
            .unwrap();
    }
    println!(
        "issue (in-process, one transaction each): {ISSUES} keys in {:.2} s",
        t1.elapsed().as_secs_f64()
    );

    let keyfile = out.join("apikey.key");
    let _ = std::fs::remove_file(&keyfile);
    keyward::fsutil::write_atomic(
        &keyfile,
        samples[0].expose().as_bytes(),
        0o600,
        keyward::fsutil::Overwrite::Replace,
    )
    .unwrap();
    println!(
        "left {} and {} for bench/apikey.sh",
        db.display(),
        keyfile.display()
    );
}
