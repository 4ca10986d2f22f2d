//! The keyring's life cycle guards: `key retire` and `key restore`.

use predicates::prelude::*;

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
