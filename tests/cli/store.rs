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

/// Hardening #17: on a fresh machine the first `key new --primary` creates
/// the data directory (the keyring's lock lives there) instead of exit 4.
#[test]
fn hardening_17_key_new_on_a_fresh_machine_creates_the_directory() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("not").join("yet");
    kw().env("XDG_DATA_HOME", &data)
        .env("KEYWARD_KEK", KEY_HEX)
        .args(["key", "new", "--primary"])
        .assert()
        .success();
    let dir = data.join("keyward");
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&dir.join("keyring.json")), 0o600);
    assert!(
        dir.join("keyward.db").exists(),
        "the key.new entry was written"
    );
}

/// Runs keyward as a user who may read the store but not write it: as
/// root, `nobody` through setpriv (CI runs as root); otherwise the
/// current user after the write bits are taken away.
fn read_only_run(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    use std::os::unix::fs::PermissionsExt;
    let root = unsafe { libc::geteuid() } == 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o444)).unwrap();
    }
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    let mut parent = dir.parent();
    while let Some(p) = parent {
        if p == std::path::Path::new("/") {
            break;
        }
        // Traversable by `nobody` (temp directories are 0700).
        if root {
            let m = std::fs::metadata(p).unwrap().permissions().mode();
            std::fs::set_permissions(p, std::fs::Permissions::from_mode(m | 0o011)).unwrap();
        }
        parent = p.parent();
    }
    let mut cmd = if root {
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=nobody", "--regid=nogroup", "--clear-groups"])
            .arg(kw_path());
        c
    } else {
        std::process::Command::new(kw_path())
    };
    cmd.arg("--store")
        .arg(dir.join("keyward.db"))
        .args(args)
        .env("USER", "auditor")
        .env_remove("KEYWARD_STORE")
        .env_remove("KEYWARD_ACTOR")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("setpriv (util-linux) is needed to run as another user")
}

/// Hardening #17: read-only commands work on a store that cannot be
/// written (with and without its -wal/-shm files beside it).
#[test]
fn hardening_17_read_only_commands_open_a_read_only_store() {
    for checkpointed in [false, true] {
        let top = tempfile::tempdir().unwrap();
        let dir = top.path().join("store");
        std::fs::create_dir(&dir).unwrap();
        let db = dir.join("keyward.db");
        kw().arg("--store")
            .arg(&db)
            .args(["apikey", "issue", "--name", "reader-test"])
            .assert()
            .success();
        if checkpointed {
            let c = rusqlite::Connection::open(&db).unwrap();
            c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
                .unwrap();
            drop(c);
            let _ = std::fs::remove_file(dir.join("keyward.db-wal"));
            let _ = std::fs::remove_file(dir.join("keyward.db-shm"));
        }
        for args in [
            vec!["apikey", "list", "--format", "json"],
            vec!["apikey", "show", "1", "--format", "json"],
            vec!["audit", "verify", "--format", "json"],
            vec!["audit", "query", "--format", "json"],
            vec!["audit", "checkpoint"],
        ] {
            let out = read_only_run(&dir, &args);
            assert!(
                out.status.success(),
                "{args:?} (checkpointed {checkpointed}): {}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(
                String::from_utf8_lossy(&out.stdout).contains(if args[0] == "apikey" {
                    "reader-test"
                } else {
                    "apikey.issue"
                }) || args[1] != "list" && args[1] != "query"
            );
        }
        // A change is still refused, as it should be (exit 4), and leaves
        // the store as it was.
        let out = read_only_run(&dir, &["apikey", "issue", "--name", "x"]);
        assert_eq!(
            out.status.code(),
            Some(4),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        // Give the directory back so it can be removed.
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
}

/// KEYWARD_STORE, KEYWARD_KEYRING and KEYWARD_BUSY_TIMEOUT are resolved by
/// the command line (issue #16): a bad timeout is a usage error, not a
/// silent default, and an empty variable means "not set".
#[test]
fn environment_settings_are_resolved_by_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    kw().env("KEYWARD_BUSY_TIMEOUT", "soon")
        .args(["apikey", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--busy-timeout"));
    let data = dir.path().join("data");
    kw().env("XDG_DATA_HOME", &data)
        .env("KEYWARD_STORE", "")
        .args(["apikey", "issue", "--name", "x"])
        .assert()
        .success();
    assert!(data.join("keyward").join("keyward.db").exists());
    // The keyring's default is beside the store that --store names.
    let store = dir.path().join("elsewhere").join("k.db");
    std::fs::create_dir_all(store.parent().unwrap()).unwrap();
    kw().arg("--store")
        .arg(&store)
        .env("KEYWARD_KEK", KEY_HEX)
        .args(["key", "new", "--primary"])
        .assert()
        .success();
    assert!(store.with_file_name("keyring.json").exists());
}
