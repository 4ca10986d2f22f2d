//! The keyring: roles and the two-phase rollout, sealing (a key or a
//! passphrase), concurrent changes, the retire guard (with the tables
//! that use a key) and `key restore`, changes saved with their audit
//! entries, and a hostile header.

use predicates::prelude::*;

use keyward::crypto::keys::Key256;

use crate::util::*;

struct Ring {
    dir: tempfile::TempDir,
}

impl Ring {
    fn new() -> Ring {
        Ring {
            dir: tempfile::tempdir().unwrap(),
        }
    }
    fn kw(&self, args: &[&str]) -> assert_cmd::Command {
        let mut c = kw();
        c.arg("--store")
            .arg(self.dir.path().join("keyward.db"))
            .args(args)
            .env("KEYWARD_KEYRING", self.dir.path().join("keyring.json"))
            .env("KEYWARD_KEK", KEY_HEX);
        c
    }
    fn state(&self, id: u64) -> String {
        let list = json_of(&mut self.kw(&["key", "list", "--format", "json"]));
        list.as_array()
            .unwrap()
            .iter()
            .find(|k| k["id"] == id)
            .unwrap()["state"]
            .as_str()
            .unwrap()
            .to_string()
    }
    fn actions(&self) -> Vec<String> {
        let audit = json_of(&mut self.kw(&["audit", "query", "--format", "json"]));
        audit
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["action"].as_str().unwrap().to_string())
            .collect()
    }
}

/// Hardening #3: `key retire ID` without tables needs --force and a
/// confirmation (--yes without a terminal); `key restore` undoes it.
#[test]
fn hardening_3_retire_without_tables_needs_force_and_confirmation_and_restore_undoes_it() {
    let r = Ring::new();
    r.kw(&["key", "new", "--primary"]).assert().success();
    r.kw(&["key", "new"]).assert().success();
    r.kw(&["key", "promote", "2"]).assert().success();
    assert_eq!(r.state(1), "active");

    // No tables named: refused, nothing changes.
    r.kw(&["key", "retire", "1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot check").and(predicate::str::contains("--force")));
    assert_eq!(r.state(1), "active");
    // --force without a terminal and without --yes: refused, nothing changes.
    r.kw(&["key", "retire", "1", "--force"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no terminal to confirm on"));
    assert_eq!(r.state(1), "active");
    assert!(!r.actions().contains(&"key.retire".to_string()));

    // --force --yes: retired, audited as unchecked.
    r.kw(&["key", "retire", "1", "--force", "--yes"])
        .assert()
        .success()
        .stderr(predicate::str::contains("has not checked"));
    assert_eq!(r.state(1), "retired");
    let audit = json_of(&mut r.kw(&[
        "audit",
        "query",
        "--action",
        "key.retire",
        "--format",
        "json",
    ]));
    assert_eq!(audit[0]["details"]["checked"], false);
    // Retiring again is a no-op, not an error.
    r.kw(&["key", "retire", "1"])
        .assert()
        .success()
        .stderr(predicate::str::contains("already retired"));

    // A retired key cannot be promoted; the error names the way back.
    r.kw(&["key", "promote", "1"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("key restore 1"));
    // restore brings it back as active (never primary), audited.
    r.kw(&["key", "restore", "1"])
        .assert()
        .success()
        .stderr(predicate::str::contains("active again"));
    assert_eq!(r.state(1), "active");
    assert_eq!(r.state(2), "primary");
    assert!(r.actions().contains(&"key.restore".to_string()));
    // Only a retired key can be restored; an unknown id is bad input.
    r.kw(&["key", "restore", "1"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("not retired"));
    r.kw(&["key", "restore", "9"]).assert().code(3);
    // The primary is never retired, forced or not.
    r.kw(&["key", "retire", "2", "--force", "--yes"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("primary"));
    // And the restored key can be promoted again.
    r.kw(&["key", "promote", "1"]).assert().success();
    assert_eq!(r.state(1), "primary");
}

/// Hardening #22: every help line says what keyward does today.
#[test]
fn hardening_22_help_lines_are_true() {
    let key = stdout_of(kw().args(["key", "--help"]));
    assert!(key.contains("keyring") && key.contains("restore"), "{key}");
    let run = stdout_of(kw().args(["rotate", "run", "--help"]));
    assert!(run.contains("PostgreSQL URL"), "{run}");
    assert!(!run.contains("The service's SQLite database"), "{run}");
    let top = stdout_of(kw().arg("--help"));
    assert!(top.contains("PostgreSQL") && top.contains("lints"), "{top}");
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let opening = &readme[..readme.find("## Install").unwrap()];
    assert!(!opening.contains("Config validation and PostgreSQL audit logs are on the way"));
    assert!(!opening.contains("a SQLite database's"));
}

/// Hardening #4: the keyring header is plaintext and is only authenticated
/// once the KEK it describes has been derived, so its scrypt parameters are
/// checked against keyward's KDF limits first. A header saying p=100000
/// (which used to run scrypt for minutes) is exit 3 at once, before a
/// passphrase is even asked for, and the keyring is left as it was.
#[test]
fn hardening_4_a_hostile_keyring_header_is_refused_before_any_work() {
    let ring = Ring::new();
    let path = ring.dir.path().join("keyring.json");
    let pass = |c: &mut assert_cmd::Command| {
        c.args(["--passphrase-env", "RING"])
            .env_remove("KEYWARD_KEK")
            .env("RING", "keyring passphrase");
    };
    let mut c = ring.kw(&["key", "new", "--primary"]);
    pass(&mut c);
    c.assert().success();
    let good = std::fs::read_to_string(&path).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&good).unwrap();
    assert_eq!(doc["kek"]["source"], "passphrase");
    for (field, value, expect) in [
        ("r", serde_json::json!(1024), "scrypt r=1024"),
        (
            "p",
            serde_json::json!(100000),
            "scrypt p=100000 is over keyward's limit of 16",
        ),
        (
            "n",
            serde_json::json!(1u64 << 40),
            "scrypt N=1099511627776 (2^40)",
        ),
    ] {
        let mut hostile = doc.clone();
        hostile["kek"][field] = value;
        let text = serde_json::to_string_pretty(&hostile).unwrap();
        std::fs::write(&path, &text).unwrap();
        for args in [
            &["key", "list"][..],
            &["key", "new"][..],
            &["key", "promote", "1"][..],
        ] {
            for with_passphrase in [true, false] {
                let mut c = ring.kw(args);
                if with_passphrase {
                    pass(&mut c);
                }
                let start = std::time::Instant::now();
                c.assert()
                    .code(3)
                    .stderr(predicate::str::contains("keyring header"))
                    .stderr(predicate::str::contains(expect));
                assert!(
                    start.elapsed() < std::time::Duration::from_secs(1),
                    "{args:?} took {:?}",
                    start.elapsed()
                );
                assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
            }
        }
    }
    // The untouched header still opens.
    std::fs::write(&path, &good).unwrap();
    let mut c = ring.kw(&["key", "list"]);
    pass(&mut c);
    c.assert().success();
}

fn ring_path(r: &Ring) -> std::path::PathBuf {
    r.dir.path().join("keyring.json")
}

fn store_path(r: &Ring) -> std::path::PathBuf {
    r.dir.path().join("keyward.db")
}

fn entries(r: &Ring, action: &str) -> i64 {
    let c = rusqlite::Connection::open(store_path(r)).unwrap();
    c.query_row(
        "SELECT COUNT(*) FROM audit_log WHERE action = ?1",
        [action],
        |row| row.get(0),
    )
    .unwrap()
}

/// Opens the test keyring through the library (KEK = KEY_HEX).
fn lib_ring(r: &Ring) -> keyward::keyring::Keyring {
    let (kek, _) = keyward::crypto::keys::Key256::parse(KEY_HEX).unwrap();
    keyward::keyring::Keyring::open(&ring_path(r), &keyward::keyring::KekInput::Key(kek)).unwrap()
}

/// Hardening #8: with the store locked, a keyring change fails (exit 4)
/// before the keyring changes.
#[test]
fn hardening_8_a_locked_store_fails_the_change_before_the_keyring_changes() {
    let r = Ring::new();
    r.kw(&["key", "new", "--primary"]).assert().success();
    r.kw(&["key", "new"]).assert().success();
    let before = std::fs::read(ring_path(&r)).unwrap();
    let holder = rusqlite::Connection::open(store_path(&r)).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    for args in [
        vec!["key", "new"],
        vec!["key", "promote", "2"],
        vec!["key", "retire", "2", "--force", "--yes"],
    ] {
        r.kw(&args)
            .env("KEYWARD_BUSY_TIMEOUT", "200")
            .assert()
            .code(4)
            .stderr(predicate::str::contains("locked"));
        assert_eq!(
            std::fs::read(ring_path(&r)).unwrap(),
            before,
            "{args:?} changed the keyring"
        );
    }
    holder.execute_batch("ROLLBACK").unwrap();
    r.kw(&["key", "promote", "2"]).assert().success();
    assert_eq!(entries(&r, "key.promote"), 1);
}

/// Hardening #8: a change saved to the keyring whose audit entry was never
/// committed (a process killed between the two writes) is completed by
/// the next change; one that was committed is not written twice.
#[test]
fn hardening_8_an_interrupted_change_is_completed_by_the_next_one() {
    let r = Ring::new();
    r.kw(&["key", "new", "--primary"]).assert().success();
    // What a kill between the keyring write and the audit commit leaves:
    // key 2 in the keyring, its entry pending, none in the log.
    let mut ring = lib_ring(&r);
    let id = ring
        .add(
            keyward::crypto::keys::Key256::generate().unwrap(),
            None,
            "generated",
            None,
            false,
        )
        .unwrap();
    ring.pending_audit = Some(keyward::keyring::PendingAudit {
        change_id: "00112233aabbccdd".into(),
        action: "key.new".into(),
        key_id: id,
        risk: "low".into(),
        details: serde_json::json!({"change_id": "00112233aabbccdd", "state": "active"}),
        resource: None,
    });
    ring.save().unwrap();
    assert_eq!(entries(&r, "key.new"), 1);
    r.kw(&["key", "list"])
        .assert()
        .success()
        .stderr(predicate::str::contains("has no audit entry yet"));
    r.kw(&["key", "promote", "2"])
        .assert()
        .success()
        .stderr(predicate::str::contains("interrupted"));
    assert_eq!(entries(&r, "key.new"), 2, "the missing entry was written");
    assert_eq!(entries(&r, "key.promote"), 1);
    assert!(lib_ring(&r).pending_audit.is_none());
    // Committed but not cleared (killed after the commit): not written twice.
    let last_change: String = {
        let c = rusqlite::Connection::open(store_path(&r)).unwrap();
        c.query_row(
            "SELECT json_extract(details, '$.change_id') FROM audit_log WHERE action = 'key.promote'",
            [],
            |row| row.get(0),
        )
        .unwrap()
    };
    let mut ring = lib_ring(&r);
    ring.pending_audit = Some(keyward::keyring::PendingAudit {
        change_id: last_change,
        action: "key.promote".into(),
        key_id: 2,
        risk: "medium".into(),
        details: serde_json::json!({}),
        resource: None,
    });
    ring.save().unwrap();
    r.kw(&["key", "new"]).assert().success();
    assert_eq!(entries(&r, "key.promote"), 1, "not appended twice");
    assert!(lib_ring(&r).pending_audit.is_none());
    r.kw(&["audit", "verify"]).assert().success();
}

/// Hardening #8: kill -9 at random moments of `key new`: afterwards every
/// key has exactly one `key.new` entry, the chain verifies, and no
/// temporary file of a dead process is left.
#[test]
fn hardening_8_kill_9_during_key_commands_loses_no_audit_entry() {
    let r = Ring::new();
    r.kw(&["key", "new", "--primary"]).assert().success();
    // A temporary file of a process that no longer exists, and one of a
    // live process (this one), which must be kept.
    let dead = r
        .dir
        .path()
        .join(".keyring.json.keyward-2147483000-aabbccddeeff.tmp");
    let live = r.dir.path().join(format!(
        ".keyring.json.keyward-{}-aabbccddeeff.tmp",
        std::process::id()
    ));
    std::fs::write(&dead, b"x").unwrap();
    std::fs::write(&live, b"x").unwrap();
    let mut rng = 0x2545f4914f6cdd1du64;
    for _ in 0..40 {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        let mut child = std::process::Command::new(kw_path())
            .arg("--store")
            .arg(store_path(&r))
            .args(["key", "new"])
            .env("KEYWARD_KEYRING", ring_path(&r))
            .env("KEYWARD_KEK", KEY_HEX)
            .env("XDG_DATA_HOME", r.dir.path())
            .env_remove("KEYWARD_AUDIT_KEY")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_micros(rng % 30_000));
        let _ = child.kill();
        let _ = child.wait();
    }
    // One more change completes whatever was interrupted.
    r.kw(&["key", "new"]).assert().success();
    let keys = json_of(&mut r.kw(&["key", "list", "--format", "json"]));
    let c = rusqlite::Connection::open(store_path(&r)).unwrap();
    for k in keys.as_array().unwrap() {
        let n: i64 = c
            .query_row(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'key.new' AND resource_id = ?1",
                [k["id"].to_string()],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(n, 1, "key {} has {n} key.new entries", k["id"]);
    }
    r.kw(&["audit", "verify"]).assert().success();
    assert!(!dead.exists(), "a dead process's temporary file is removed");
    assert!(live.exists(), "a live process's temporary file is kept");
    let stale: Vec<_> = std::fs::read_dir(r.dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".tmp") && !n.contains(&std::process::id().to_string()))
        .collect();
    assert!(stale.is_empty(), "{stale:?}");
}

#[test]
fn keyring_roles_two_phase_rollout_and_retire_guard() {
    let e = Env::new();
    let db = e.db();
    let plain = envelope_memories(&db, 300);
    e.import(1, 1, &["--primary", "--note", "seed 002 master key"]);
    assert_eq!(mode(&e.ring), 0o600);
    assert!(
        !std::fs::read_to_string(&e.ring)
            .unwrap()
            .contains(&hexkey(1))
    );
    let doc = json_of(&mut e.kw(&["key", "new", "--format", "json"]));
    assert_eq!(doc[0]["id"], 2);
    assert_eq!(
        doc[0]["state"], "active",
        "a new key decrypts only until promoted"
    );
    e.kw(&["key", "promote", "2"]).assert().success();
    let list = json_of(
        e.kw(&[
            "key", "list", "--format", "json", "--table", "memories", "--column", "content",
            "--column", "metadata",
        ])
        .arg("--db")
        .arg(&db),
    );
    assert_eq!(list[0]["state"], "active");
    assert_eq!(list[1]["state"], "primary");
    assert_eq!(
        list[0]["values"],
        270 + 258,
        "key 1 holds every encrypted value"
    );
    // Retiring key 1 is refused while rows use it.
    e.kw(&[
        "key", "retire", "1", "--table", "memories", "--column", "content", "--column", "metadata",
    ])
    .arg("--db")
    .arg(&db)
    .assert()
    .code(1)
    .stdout(predicate::str::contains("still encrypts 528 values"));
    e.kw(&["key", "retire", "2"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("primary"));
    e.rotate(&[])
        .assert()
        .success()
        .stdout(predicate::str::contains("rotated 528 values"));
    e.kw(&[
        "key", "retire", "1", "--table", "memories", "--column", "content",
    ])
    .arg("--db")
    .arg(&db)
    .assert()
    .success();
    // Key 1 is retired: only the new key reads the data, and all of it.
    let keys_now: Vec<(u32, Key256)> = vec![(2, {
        let list = json_of(&mut e.kw(&["key", "list", "--format", "json"]));
        assert_eq!(list[0]["state"], "retired");
        Key256::from_bytes([0; 32])
    })];
    drop(keys_now);
    e.kw(&[
        "rotate", "verify", "--table", "memories", "--column", "content", "--column", "metadata",
    ])
    .arg("--db")
    .arg(&db)
    .assert()
    .success();
    assert_eq!(plain.len(), 270);
    let audit = json_of(&mut e.kw(&["audit", "query", "--format", "json"]));
    let actions: Vec<&str> = audit
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["action"].as_str().unwrap())
        .collect();
    assert!(
        actions.contains(&"key.import")
            && actions.contains(&"key.promote")
            && actions.contains(&"rotate.finish")
            && actions.contains(&"key.retire"),
        "{actions:?}"
    );
}

#[test]
fn a_wrong_kek_changes_nothing() {
    let e = Env::new();
    e.kw(&["key", "new", "--primary"]).assert().success();
    let before = std::fs::read(&e.ring).unwrap();
    e.kw(&["key", "new"])
        .env("KEYWARD_KEK", hexkey(98))
        .assert()
        .code(3)
        .stderr(predicate::str::contains("authentication failed"));
    assert_eq!(std::fs::read(&e.ring).unwrap(), before);
    std::fs::set_permissions(&e.ring, std::os::unix::fs::PermissionsExt::from_mode(0o644)).unwrap();
    e.kw(&["key", "list"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("chmod 600"));
    e.kw(&["key", "list"])
        .env("KEYWARD_KEYRING", e.dir.path().join("none.json"))
        .assert()
        .code(4)
        .stderr(predicate::str::contains("key new --primary"));
}

/// Keyring changes from several processes at once queue on the keyring's
/// lock: every `key new` keeps its key (none reads a version another is
/// about to replace), ids stay unique, and `promote` is not lost either.
#[test]
fn concurrent_keyring_changes_lose_nothing() {
    let e = Env::new();
    let spawn = |args: &[&str]| {
        std::process::Command::new(kw_path())
            .arg("--store")
            .arg(&e.store)
            .args(args)
            .env("KEYWARD_KEYRING", &e.ring)
            .env("KEYWARD_KEK", hexkey(99))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    // The first change creates the keyring: eight processes race for it.
    let children: Vec<_> = (0..8).map(|_| spawn(&["key", "new"])).collect();
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let mut children: Vec<_> = (0..4).map(|_| spawn(&["key", "new"])).collect();
    children.push(spawn(&["key", "promote", "3"]));
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let list = json_of(&mut e.kw(&["key", "list", "--format", "json"]));
    let keys = list.as_array().unwrap();
    let mut ids: Vec<u64> = keys.iter().map(|k| k["id"].as_u64().unwrap()).collect();
    ids.sort();
    assert_eq!(ids, (1..=12).collect::<Vec<u64>>(), "{list}");
    let primary: Vec<u64> = keys
        .iter()
        .filter(|k| k["state"] == "primary")
        .map(|k| k["id"].as_u64().unwrap())
        .collect();
    assert_eq!(primary, [3], "{list}");
    e.kw(&["audit", "verify"])
        .assert()
        .success()
        .stdout(predicate::str::contains("intact: 13 rows"));
}

#[test]
fn a_passphrase_sealed_keyring_and_a_seed_000_style_import() {
    let e = Env::new();
    // Seed 000 derives its Fernet key from ENCRYPTION_PASSPHRASE with scrypt.
    let derived = stdout_of(
        kw().args([
            "key",
            "derive",
            "--scrypt-n",
            "16384",
            "--salt-hex",
            "00112233445566778899aabbccddeeff",
            "--encoding",
            "fernet",
            "--passphrase-env",
            "P",
        ])
        .env("P", "service passphrase"),
    );
    // Without its salt, the derived key would not be the service's.
    e.kw(&[
        "key",
        "import",
        "--derive-passphrase-env",
        "P",
        "--salt-hex",
        "",
    ])
    .env("P", "service passphrase")
    .assert()
    .code(2)
    .stderr(predicate::str::contains("--salt-hex (not empty)"));
    e.kw(&[
        "key",
        "import",
        "--derive-passphrase-env",
        "P",
        "--salt-hex",
        "00112233445566778899aabbccddeeff",
        "--scrypt-n",
        "16384",
        "--primary",
        "--passphrase-env",
        "RING",
    ])
    .env_remove("KEYWARD_KEK")
    .env("P", "service passphrase")
    .env("RING", "keyring passphrase")
    .assert()
    .success();
    let list = json_of(
        e.kw(&[
            "key",
            "list",
            "--format",
            "json",
            "--passphrase-env",
            "RING",
        ])
        .env_remove("KEYWARD_KEK")
        .env("RING", "keyring passphrase"),
    );
    let (k, _) = Key256::parse(derived.trim()).unwrap();
    assert_eq!(list[0]["fingerprint"], k.fingerprint());
    e.kw(&["key", "list", "--passphrase-env", "RING"])
        .env_remove("KEYWARD_KEK")
        .env("RING", "wrong")
        .assert()
        .code(3);
    e.kw(&["key", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("sealed with a passphrase"));
}

#[test]
fn key_retire_counts_json_fields_and_plans() {
    let e = Env::new();
    let db = e.db();
    users(&db, 40, &key(1));
    e.import(1, 1, &["--primary"]);
    e.kw(&["key", "new", "--primary"]).assert().success();
    let mut list = e.kw(&["key", "list", "--format", "json"]);
    list.args(USERS_FIELDS).arg("--db").arg(&db);
    let doc = json_of(&mut list);
    assert_eq!(doc[0]["values"], 80, "{doc}");
    let mut retire = e.kw(&["key", "retire", "1", "--format", "json"]);
    retire.args(USERS_FIELDS).arg("--db").arg(&db);
    let refused = json_with_code(&mut retire, 1);
    assert_eq!(refused["retired"], false);
    assert_eq!(refused["values"], 80);
    let plan = e.dir.path().join("plan.toml");
    std::fs::write(
        &plan,
        "[[table]]\nname = \"users\"\njson_fields = [\"profile:email\"]\n",
    )
    .unwrap();
    e.kw(&["key", "retire", "1", "--plan"])
        .arg(&plan)
        .arg("--db")
        .arg(&db)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "still encrypts 40 values in users",
        ));
    e.kw(&["key", "retire", "1", "--column", "profile"])
        .assert()
        .code(2);
    e.kw(&["key", "list", "--format", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("retired").not());
}
