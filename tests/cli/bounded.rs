//! Hardening #5 and #6: every file input is read through one bounded
//! reader (a device such as /dev/zero is cut off at the cap, a FIFO
//! without a writer does not hang), and a JSON-lines log's lines are
//! capped.

use std::io::Write;
use std::time::Duration;

use predicates::prelude::*;

use crate::util::*;

/// One run that must end quickly with exit 3 and name the file and the cap.
fn refused(args: &[&str], env: &[(&str, &str)], file: &str) {
    let mut c = kw();
    c.args(args).timeout(Duration::from_secs(60));
    for (k, v) in env {
        c.env(k, v);
    }
    let out = c.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{args:?}: {stderr}");
    // The reason is on stderr, or (cert check's report) on stdout.
    let all = all_output(&out);
    assert!(
        all.contains(file) && all.contains("larger than"),
        "{args:?}: {all}"
    );
    assert!(stderr.lines().filter(|l| l.contains("error")).count() <= 1);
}

#[test]
fn hardening_5_device_files_are_read_through_a_cap() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("keyward.db");
    let store = store.to_str().unwrap();
    let hmac_key = "0123456789abcdef0123456789abcdef0123456789abcdef";
    type Case<'a> = (Vec<&'a str>, Vec<(&'a str, &'a str)>);
    let cases: Vec<Case> = vec![
        (
            vec!["config", "validate", "--type", "dotenv", "/dev/zero"],
            vec![],
        ),
        (
            vec!["config", "validate", "--policy", "/dev/zero", "."],
            vec![],
        ),
        (
            vec!["hmac", "sign", "--secret-env", "S", "--in", "/dev/zero"],
            vec![("S", hmac_key)],
        ),
        (
            vec!["--store", store, "audit", "verify", "--anchor", "/dev/zero"],
            vec![],
        ),
        (
            vec![
                "rotate",
                "run",
                "--db",
                "x.db",
                "--plan",
                "/dev/zero",
                "--from-key-env",
                "A",
                "--to-key-env",
                "B",
            ],
            vec![("A", KEY_HEX), ("B", KEY_HEX)],
        ),
        (
            vec!["decrypt", "--key-env", "K", "--in", "/dev/zero"],
            vec![("K", KEY_HEX)],
        ),
        (vec!["cert", "inspect", "/dev/zero"], vec![]),
        (vec!["cert", "check", "/dev/zero"], vec![]),
        (
            vec![
                "cert",
                "check",
                "--verify",
                "--ca-file",
                "/dev/zero",
                "--connect",
                "127.0.0.1:1",
            ],
            vec![],
        ),
        (
            vec![
                "jwt",
                "verify",
                "--jwks",
                "/dev/zero",
                "eyJhbGciOiJSUzI1NiJ9.e30.AA",
            ],
            vec![],
        ),
    ];
    for (args, env) in &cases {
        refused(args, env, "/dev/zero");
    }
    // A secret file is capped too (1 MiB): a FIFO fed by a runaway writer.
    let token = write_file(dir.path(), "token", SPEC_FERNET_TOKEN, 0o600);
    let fifo = dir.path().join("key.fifo");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    std::fs::set_permissions(&fifo, std::os::unix::fs::PermissionsExt::from_mode(0o600)).unwrap();
    let f2 = fifo.clone();
    let writer = std::thread::spawn(move || {
        let mut w = std::fs::OpenOptions::new().write(true).open(&f2).unwrap();
        let block = vec![b'k'; 1 << 16];
        // Stops when keyward closes its end (EPIPE), at most 64 MiB.
        for _ in 0..1024 {
            if w.write_all(&block).is_err() {
                break;
            }
        }
    });
    refused(
        &[
            "decrypt",
            "--key-file",
            fifo.to_str().unwrap(),
            "--in",
            token.to_str().unwrap(),
        ],
        &[],
        "key.fifo",
    );
    writer.join().unwrap();
}

#[test]
fn hardening_5_a_fifo_without_a_writer_does_not_hang() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("policy.fifo");
    let ok = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo (coreutils) is needed for this test");
    assert!(ok.success());
    let cfg = write_file(dir.path(), ".env", "DEBUG=false\n", 0o600);
    // Nobody writes: a clear error after a bounded wait (10 s), exit 4,
    // instead of blocking in open(2) for ever.
    let started = std::time::Instant::now();
    kw().args(["config", "validate", "--policy"])
        .arg(&fifo)
        .arg(&cfg)
        .timeout(Duration::from_secs(60))
        .assert()
        .code(4)
        .stderr(predicate::str::contains("nothing wrote to within 10 s"));
    assert!(started.elapsed() < Duration::from_secs(30));
    // A writer that comes a little later and sends a policy is read.
    let f2 = fifo.clone();
    let writer = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        let mut w = std::fs::OpenOptions::new().write(true).open(&f2).unwrap();
        w.write_all(b"disable = [\"KW9999\"]\n").unwrap();
    });
    kw().args(["config", "validate", "--policy"])
        .arg(&fifo)
        .arg(&cfg)
        .timeout(Duration::from_secs(60))
        .assert()
        .code(3)
        .stderr(predicate::str::contains("policy.fifo"));
    writer.join().unwrap();
}

/// Hardening #6: a 300 MiB line inside a small gzip file is skipped and
/// counted, under a 256 MiB address-space limit that holding it would
/// break.
#[test]
fn hardening_6_an_overlong_json_line_is_skipped_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("security_events.log.gz");
    {
        let f = std::fs::File::create(&log).unwrap();
        let mut gz = flate2::write::GzEncoder::new(f, flate2::Compression::fast());
        gz.write_all(b"{\"timestamp\":\"2026-11-20T10:00:00Z\",\"event_type\":\"auth_failure\"}\n")
            .unwrap();
        gz.write_all(b"{\"timestamp\":\"2026-11-20T10:00:01Z\",\"event_type\":\"x\",\"pad\":\"")
            .unwrap();
        let block = vec![b'a'; 1 << 20];
        for _ in 0..300 {
            gz.write_all(&block).unwrap();
        }
        gz.write_all(b"\"}\n").unwrap();
        gz.write_all(b"{\"timestamp\":\"2026-11-20T10:00:02Z\",\"event_type\":\"auth_lockout\"}\n")
            .unwrap();
        gz.finish().unwrap();
    }
    assert!(std::fs::metadata(&log).unwrap().len() < 4 << 20);
    let script = format!(
        "ulimit -v 262144 && exec \"$0\" audit query --source jsonl:{} --count --format json",
        log.display()
    );
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(&script)
        .arg(kw_path())
        .env("XDG_DATA_HOME", dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["count"], 2, "the lines around the long one are read");
    assert!(
        stderr.contains("security_events.log.gz:2: skipped 1 line longer than 1 MiB"),
        "{stderr}"
    );
}
