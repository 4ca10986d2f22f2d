//! The store: location, permissions, migrations, locking, concurrency.

use std::time::Duration;

use predicates::prelude::*;

use crate::util::*;

#[test]
fn created_private_at_the_xdg_location_on_first_use() {
    let data = tempfile::tempdir().unwrap();
    kw().env("XDG_DATA_HOME", data.path())
        .args(["apikey", "issue", "--name", "first"])
        .assert()
        .success();
    let db = data.path().join("keyward").join("keyward.db");
    assert_eq!(mode(&db), 0o600);
    assert_eq!(mode(db.parent().unwrap()), 0o700);
}

#[test]
fn keyward_store_variable_and_flag_choose_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let via_env = dir.path().join("env.db");
    kw().env("KEYWARD_STORE", &via_env)
        .args(["apikey", "issue", "--name", "a"])
        .assert()
        .success();
    assert!(via_env.exists());
    let via_flag = dir.path().join("flag.db");
    kw().env("KEYWARD_STORE", &via_env)
        .arg("--store")
        .arg(&via_flag)
        .args(["apikey", "issue", "--name", "b"])
        .assert()
        .success();
    assert!(via_flag.exists());
    let s = TestStore {
        _dir: dir,
        path: via_env,
    };
    assert_eq!(s.count("SELECT count(*) FROM api_keys"), 1);
}

#[test]
fn a_store_from_a_newer_keyward_is_refused() {
    let s = TestStore::new();
    s.kw(&["apikey", "list"]).assert().success();
    s.sql("PRAGMA user_version = 42");
    s.kw(&["apikey", "list"]).assert().code(3).stderr(
        predicate::str::contains("schema version 42")
            .and(predicate::str::contains("never downgrades")),
    );
    assert_eq!(s.count("PRAGMA user_version"), 42);
}

#[test]
fn a_file_that_is_not_a_store_is_bad_input() {
    let s = TestStore::new();
    std::fs::write(&s.path, vec![b'z'; 8192]).unwrap();
    s.kw(&["apikey", "list"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("not a keyward store"));
}

#[test]
fn an_unwritable_location_is_an_environment_error() {
    kw().args(["--store", "/proc/keyward/keyward.db", "apikey", "list"])
        .assert()
        .code(4);
}

#[test]
fn a_locked_store_is_exit_4_after_the_busy_timeout_not_a_hang() {
    let s = TestStore::new();
    s.kw(&["apikey", "issue", "--name", "x"]).assert().success();
    let conn = rusqlite::Connection::open(&s.path).unwrap();
    conn.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let start = std::time::Instant::now();
    s.kw(&["apikey", "issue", "--name", "y"])
        .env("KEYWARD_BUSY_TIMEOUT", "300")
        .timeout(Duration::from_secs(30))
        .assert()
        .code(4)
        .stderr(predicate::str::contains("locked by another process"));
    assert!(start.elapsed() < Duration::from_secs(10));
    conn.execute_batch("ROLLBACK").unwrap();
    s.kw(&["apikey", "issue", "--name", "y"]).assert().success();
}

#[test]
fn eight_processes_issuing_at_once_lose_nothing() {
    let s = TestStore::new();
    s.kw(&["apikey", "list"]).assert().success();
    let bin = kw_path();
    let children: Vec<_> = (0..8)
        .map(|p| {
            let script = format!(
                "for i in $(seq 10); do '{}' --store '{}' apikey issue --name p{p}-$i >/dev/null 2>&1 || exit 1; done",
                bin.display(),
                s.path.display()
            );
            std::process::Command::new("bash").args(["-c", &script]).env("XDG_DATA_HOME", shared_data_home()).spawn().unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    assert_eq!(s.count("SELECT count(*) FROM api_keys"), 80);
    assert_eq!(s.count("SELECT count(DISTINCT name) FROM api_keys"), 80);
    assert_eq!(
        s.count("SELECT count(*) FROM audit_log WHERE action = 'apikey.issue'"),
        80
    );
    s.kw(&["audit", "verify"])
        .assert()
        .success()
        .stdout(predicate::str::contains("intact: 80 rows"));
}

#[test]
fn the_wal_stays_under_a_bound_and_no_entry_is_lost() {
    let s = TestStore::new();
    let wal = {
        let mut p = s.path.clone().into_os_string();
        p.push("-wal");
        std::path::PathBuf::from(p)
    };
    let mut largest = 0;
    for i in 0..60 {
        s.kw(&["apikey", "issue", "--name", &format!("k{i}")])
            .assert()
            .success();
        largest = largest.max(std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0));
    }
    // Closing checkpoints and truncates past 256 KiB: one command's pages
    // beyond that at most, never the unbounded growth of a WAL no one
    // checkpoints.
    assert!(
        largest < 256 * 1024 + 128 * 1024,
        "WAL grew to {largest} bytes"
    );
    assert_eq!(s.count("SELECT count(*) FROM api_keys"), 60);
    s.kw(&["audit", "verify"])
        .assert()
        .success()
        .stdout(predicate::str::contains("intact: 60 rows"));
}
