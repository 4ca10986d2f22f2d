//! Key rotation against the SQLite floor (issue #6's yardstick).
//!
//! The floor is what a safe rotation cannot beat: the same column rewritten
//! in batches of 1000 rows, one transaction each, every value's bytes
//! changed (its first character flipped: `SET c = c || ''` is not a floor,
//! SQLite skips writing unchanged bytes), no crypto. keyward's `rotate run`
//! runs as a child process on an identical copy; wall time, CPU time
//! (user+sys) and peak RSS are compared, alternating the two, median of RUNS.
//!
//!   ROWS=100000 JOURNAL=wal RUNS=3 cargo bench --bench rotate
//!   (or `bash bench/rotate.sh` for WAL and DELETE at 100k and 1M rows)
//!
//! With `PYTHON` naming an interpreter that has `cryptography`, Fernet runs
//! also time Python's `MultiFernet.rotate` loop (bench/multifernet.py) on
//! the same copy, as a third contender.

#![allow(clippy::print_stdout, clippy::print_stderr)] // a test or bench prints its own report

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use keyward::crypto::envelope::EnvelopeKey;
use keyward::crypto::fernet::FernetKey;
use keyward::crypto::keys::{Encoding, Key256};
use rusqlite::Connection;

fn env(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_string())
}

/// User and system CPU seconds of this process so far.
fn cpu_self() -> (f64, f64) {
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut ru) };
    (tv(ru.ru_utime), tv(ru.ru_stime))
}

fn tv(t: libc::timeval) -> f64 {
    t.tv_sec as f64 + t.tv_usec as f64 / 1e6
}

fn fixture(
    path: &Path,
    rows: usize,
    journal: &str,
    old: &FernetKey,
    envelope: Option<&EnvelopeKey>,
) {
    let _ = std::fs::remove_file(path);
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(&format!(
        "PRAGMA journal_mode = {journal};
         CREATE TABLE memories (id INTEGER PRIMARY KEY, user_id TEXT, content TEXT, metadata TEXT, created_at TEXT);"
    ))
    .unwrap();
    let text: String = "The user prefers green tea in the morning and black coffee after lunch. "
        .repeat(15)[..1024]
        .to_string();
    let tx = conn.unchecked_transaction().unwrap();
    {
        let mut stmt = tx
            .prepare("INSERT INTO memories VALUES (?1, ?2, ?3, '{}', '2026-11-25T00:00:00Z')")
            .unwrap();
        for i in 0..rows {
            let plain = format!("{i:08} {text}");
            let token = match envelope {
                Some(k) => k.seal_base64(plain.as_bytes(), None).unwrap(),
                None => old.encrypt(plain.as_bytes()).unwrap(),
            };
            stmt.execute(rusqlite::params![
                i as i64 + 1,
                format!("user{}", i % 100),
                token
            ])
            .unwrap();
        }
    }
    tx.commit().unwrap();
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
}

fn copy(src: &Path, dst: &Path) {
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", dst.display()));
    }
    std::fs::copy(src, dst).unwrap();
}

/// The floor: rewrite `content` in batches of 1000, one transaction each,
/// every value changed (first character flipped), no crypto.
fn floor(db: &Path) -> (f64, (f64, f64)) {
    let start = Instant::now();
    let cpu0 = cpu_self();
    let mut conn = Connection::open(db).unwrap();
    let mut last = 0i64;
    loop {
        let batch: Vec<(i64, String)> = {
            let mut s = conn
                .prepare_cached(
                    "SELECT id, content FROM memories WHERE id > ?1 ORDER BY id LIMIT 1000",
                )
                .unwrap();
            s.query_map([last], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
                .map(|r| r.unwrap())
                .collect()
        };
        let Some(l) = batch.last() else { break };
        last = l.0;
        let tx = conn.transaction().unwrap();
        {
            let mut up = tx
                .prepare_cached("UPDATE memories SET content = ?1 WHERE id = ?2 AND content IS ?3")
                .unwrap();
            for (id, v) in &batch {
                let mut b = v.clone().into_bytes();
                b[0] = if b[0] == b'g' { b'h' } else { b'g' };
                let flipped = String::from_utf8(b).unwrap();
                up.execute(rusqlite::params![flipped, id, v]).unwrap();
            }
        }
        tx.commit().unwrap();
    }
    let cpu1 = cpu_self();
    (
        start.elapsed().as_secs_f64(),
        (cpu1.0 - cpu0.0, cpu1.1 - cpu0.1),
    )
}

/// `keyward rotate run` as a child: wall, CPU (user+sys) and peak RSS (KiB).
fn keyward(
    bin: &Path,
    db: &Path,
    store: &Path,
    old: &str,
    new: &str,
    to: &str,
) -> (f64, (f64, f64), i64) {
    let mut cmd = Command::new(bin);
    cmd.args(["-q", "--store"])
        .arg(store)
        .args([
            "rotate",
            "run",
            "--table",
            "memories",
            "--column",
            "content",
            "--to",
            to,
            "--to-key-id",
            "2",
            "--from-key-env",
            "OLD",
            "--to-key-env",
            "NEW",
            "--db",
        ])
        .arg(db)
        .env("OLD", old)
        .env("NEW", new);
    measure(cmd)
}

/// Runs a child: wall, CPU (user+sys) and peak RSS (KiB).
// The child is reaped by wait4, which also returns its resource usage.
#[allow(clippy::zombie_processes)]
fn measure(mut cmd: Command) -> (f64, (f64, f64), i64) {
    let start = Instant::now();
    let child = cmd.stdout(std::process::Stdio::null()).spawn().unwrap();
    let pid = child.id() as i32;
    let mut status = 0;
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    // Peak RSS is keyward's own VmHWM, read from /proc while it runs: the
    // ru_maxrss that wait4 reports starts from this bench process's RSS,
    // because the child is spawned sharing its memory until exec (a 5M-row
    // floor run left that at 30 MiB, which wait4 then reported as keyward's).
    let status_file = format!("/proc/{pid}/status");
    let mut hwm_kib = 0i64;
    loop {
        if let Ok(text) = std::fs::read_to_string(&status_file)
            && let Some(kib) = text
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<i64>().ok())
        {
            hwm_kib = hwm_kib.max(kib);
        }
        let done = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut ru) };
        if done == pid {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert_eq!(status, 0, "{cmd:?} failed");
    (
        start.elapsed().as_secs_f64(),
        (tv(ru.ru_utime), tv(ru.ru_stime)),
        hwm_kib,
    )
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn main() {
    let rows: usize = env("ROWS", "100000").parse().unwrap();
    let journal = env("JOURNAL", "wal");
    let runs: usize = env("RUNS", "3").parse().unwrap();
    let format = env("FORMAT", "fernet");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = root.join("bench").join("out").join("rotate");
    std::fs::create_dir_all(&out).unwrap();
    let bin: PathBuf = root.join("target").join("release").join("keyward");
    assert!(
        bin.exists(),
        "build the release binary first: cargo build --release"
    );
    let (old_key, new_key) = (Key256::from_bytes([1; 32]), Key256::from_bytes([2; 32]));
    let old = FernetKey::new(&old_key);
    let old_env = EnvelopeKey::new(&old_key, 1);
    let fixture_path = out.join(format!("fixture-{rows}-{journal}-{format}.db"));
    if !fixture_path.exists() {
        let t = Instant::now();
        fixture(
            &fixture_path,
            rows,
            &journal,
            &old,
            (format == "envelope").then_some(&old_env),
        );
        println!(
            "fixture: {rows} rows of 1 KiB as {format} values ({journal}) in {:.1} s",
            t.elapsed().as_secs_f64()
        );
    }
    let work = out.join("work.db");
    let store = out.join("keyward.db");
    let (mut fw, mut fc, mut kw_w, mut kw_c, mut rss) = (vec![], vec![], vec![], vec![], vec![]);
    let python = std::env::var("PYTHON").ok().filter(|_| format == "fernet");
    let (mut py_w, mut py_c) = (vec![], vec![]);
    for run in 0..runs {
        // Alternate the order so disk noise hits all alike.
        let mut order = vec![0, 1];
        if python.is_some() {
            order.push(2);
        }
        if run % 2 == 1 {
            order.reverse();
        }
        for which in order {
            copy(&fixture_path, &work);
            if which == 2 {
                let mut cmd = Command::new(python.as_deref().expect("PYTHON is set"));
                cmd.arg(root.join("bench").join("multifernet.py"))
                    .arg(&work)
                    .arg(old_key.encode(Encoding::Hex).expose())
                    .arg(new_key.encode(Encoding::Hex).expose());
                let (w, c, _) = measure(cmd);
                py_w.push(w);
                py_c.push(c);
            } else if which == 0 {
                let (w, c) = floor(&work);
                fw.push(w);
                fc.push(c);
            } else {
                let (w, c, r) = keyward(
                    &bin,
                    &work,
                    &store,
                    old_key.encode(Encoding::Hex).expose(),
                    new_key.encode(Encoding::Hex).expose(),
                    &format,
                );
                kw_w.push(w);
                kw_c.push(c);
                rss.push(r as f64);
            }
        }
    }
    let total = |v: &[(f64, f64)]| median(v.iter().map(|c| c.0 + c.1).collect());
    let user = |v: &[(f64, f64)]| median(v.iter().map(|c| c.0).collect());
    let sys = |v: &[(f64, f64)]| median(v.iter().map(|c| c.1).collect());
    let (fu, fs, ku, ks) = (user(&fc), sys(&fc), user(&kw_c), sys(&kw_c));
    let (fw, fc, kw, kc) = (median(fw), total(&fc), median(kw_w), total(&kw_c));
    let python_line = (!py_w.is_empty()).then(|| {
        let (pw, pc, pu) = (median(py_w.clone()), total(&py_c), user(&py_c));
        format!(
            "  python MultiFernet.rotate: wall {pw:.2} s, cpu {pc:.2} s (user {pu:.2}); against the floor: wall {:.2}x, cpu {:.2}x, user {:.2}x; keyward is {:.2}x faster in wall time and {:.2}x cheaper in CPU",
            pw / fw,
            pc / fc,
            pu / fu,
            pw / kw,
            pc / kc
        )
    });
    println!(
        "rows {rows}, journal {journal}, {format} to {format}, medians of {runs} alternated runs"
    );
    println!("  floor:   wall {fw:.2} s, cpu {fc:.2} s (user {fu:.2}, sys {fs:.2})");
    println!(
        "  keyward: wall {kw:.2} s, cpu {kc:.2} s (user {ku:.2}, sys {ks:.2}), peak RSS {:.1} MiB",
        median(rss) / 1024.0
    );
    println!(
        "  ratio:   wall {:.2}x, cpu {:.2}x (targets 1.25x and 1.5x)",
        kw / fw,
        kc / fc
    );
    if let Some(line) = python_line {
        println!("{line}");
    }
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", work.display()));
    }
}
