//! `audit verify` and `audit query`: the chain, its tampering, its entries.

use predicates::prelude::*;

use crate::util::*;

fn store_with_entries(n: usize) -> TestStore {
    let s = TestStore::new();
    for i in 0..n {
        s.kw(&["apikey", "issue", "--name", &format!("k{i}")])
            .env("KEYWARD_AUDIT_KEY", "audit-chain-key-0123456789abcdef")
            .assert()
            .success();
    }
    s
}

fn verify_keyed(s: &TestStore) -> assert_cmd::assert::Assert {
    s.kw(&["audit", "verify"])
        .env("KEYWARD_AUDIT_KEY", "audit-chain-key-0123456789abcdef")
        .assert()
}

#[test]
fn an_intact_log_verifies_and_says_how() {
    let s = store_with_entries(4);
    verify_keyed(&s).success().stdout(
        predicate::str::contains("intact: 4 rows").and(predicate::str::contains("HMAC-SHA256")),
    );
    let doc = json_of(
        s.kw(&["audit", "verify", "--format", "json"])
            .env("KEYWARD_AUDIT_KEY", "audit-chain-key-0123456789abcdef"),
    );
    assert_eq!(doc["intact"], true);
    assert_eq!(doc["mode"], "hmac-sha256");
    assert_eq!(doc["last_id"], 4);
    // With another key: exit 4, naming the key ids (hardening #9), not a
    // chain broken at row 1.
    s.kw(&["audit", "verify", "--format", "json"])
        .env("KEYWARD_AUDIT_KEY", "another-key")
        .assert()
        .code(4)
        .stderr(predicate::str::contains("is not the key"));
    let plain = TestStore::new();
    plain
        .kw(&["apikey", "issue", "--name", "x"])
        .assert()
        .success();
    plain
        .kw(&["audit", "verify"])
        .assert()
        .success()
        .stdout(predicate::str::contains("plain SHA-256"));
}

#[test]
fn an_edited_field_is_found() {
    let s = store_with_entries(5);
    s.sql("UPDATE audit_log SET actor = 'mallory' WHERE id = 3");
    verify_keyed(&s).code(1).stdout(predicate::str::contains(
        "BROKEN at row 3: row 3 was modified",
    ));
}

#[test]
fn a_deleted_row_is_found() {
    let s = store_with_entries(5);
    s.sql("DELETE FROM audit_log WHERE id = 2");
    let doc = json_with_code(
        s.kw(&["audit", "verify", "--format", "json"])
            .env("KEYWARD_AUDIT_KEY", "audit-chain-key-0123456789abcdef"),
        1,
    );
    assert_eq!(doc["intact"], false);
    assert_eq!(doc["first_broken_at"], 3);
    assert_eq!(doc["break"]["kind"], "deleted");
    verify_keyed(&s).code(1);
}

#[test]
fn an_inserted_row_is_found() {
    let s = store_with_entries(5);
    s.sql("UPDATE audit_log SET id = id + 100 WHERE id >= 4; UPDATE audit_log SET id = id - 99 WHERE id >= 104;");
    s.sql("INSERT INTO audit_log (id, ts, actor, action, outcome, risk, details, prev_hash, hash) VALUES (4, '2026-01-01T00:00:00.000Z', 'mallory', 'apikey.issue', 'success', 'low', '{}', (SELECT hash FROM audit_log WHERE id = 3), (SELECT hash FROM audit_log WHERE id = 3))");
    verify_keyed(&s)
        .code(1)
        .stdout(predicate::str::contains("row 4 was inserted"));
}

#[test]
fn swapped_rows_are_found() {
    let s = store_with_entries(5);
    s.sql("UPDATE audit_log SET id = 100 WHERE id = 2; UPDATE audit_log SET id = 2 WHERE id = 3; UPDATE audit_log SET id = 3 WHERE id = 100;");
    verify_keyed(&s)
        .code(1)
        .stdout(predicate::str::contains("row 2 is out of order"));
}

#[test]
fn query_shows_entries_newest_first_in_every_format() {
    let s = store_with_entries(3);
    s.kw(&["apikey", "verify"])
        .env("KEYWARD_AUDIT_KEY", "audit-chain-key-0123456789abcdef")
        .write_stdin("kw_bad")
        .assert()
        .code(1);
    let all = json_of(&mut s.kw(&["audit", "query", "--format", "json"]));
    let ids: Vec<i64> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, vec![4, 3, 2, 1]);
    assert_eq!(all[0]["action"], "apikey.verify");
    assert_eq!(all[0]["actor"], "tester");
    assert!(
        all[1]["details"].is_object(),
        "details are JSON objects in JSON output"
    );
    let limited = json_of(&mut s.kw(&[
        "audit",
        "query",
        "--limit",
        "2",
        "--action",
        "apikey.iss*",
        "--format",
        "json",
    ]));
    assert_eq!(limited.as_array().unwrap().len(), 2);
    assert_eq!(limited[0]["id"], 3);
    assert_eq!(
        stdout_of(&mut s.kw(&["audit", "query", "--format", "ndjson"]))
            .lines()
            .count(),
        4
    );
    assert!(
        stdout_of(&mut s.kw(&["audit", "query", "--format", "csv"]))
            .starts_with("id,ts,actor,action,resource_type")
    );
    s.kw(&["audit", "query", "--action", "nothing.here"])
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("no audit entries"));
    s.kw(&["--actor", "ops-bot", "apikey", "issue", "--name", "bot"])
        .env("KEYWARD_AUDIT_KEY", "audit-chain-key-0123456789abcdef")
        .assert()
        .success();
    let last = json_of(&mut s.kw(&["audit", "query", "--limit", "1", "--format", "json"]));
    assert_eq!(last[0]["actor"], "ops-bot");
}

#[test]
fn writing_a_key_file_is_audited_with_the_path_not_the_key() {
    let s = TestStore::new();
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("master.key");
    s.kw(&["keygen", "master", "--out", p.to_str().unwrap()])
        .assert()
        .success();
    let key = std::fs::read_to_string(&p).unwrap();
    let rows = json_of(&mut s.kw(&["audit", "query", "--format", "json"]));
    assert_eq!(rows[0]["action"], "key.generate");
    assert_eq!(rows[0]["resource_type"], "file");
    assert_eq!(
        rows[0]["resource_id"],
        std::fs::canonicalize(&p).unwrap().display().to_string()
    );
    assert!(!rows.to_string().contains(key.trim()));
    let env = dir.path().join(".env");
    s.kw(&[
        "keygen",
        "jwt-secret",
        "--env-file",
        env.to_str().unwrap(),
        "--var",
        "JWT_SECRET",
    ])
    .assert()
    .success();
    let rows = json_of(&mut s.kw(&["audit", "query", "--limit", "1", "--format", "json"]));
    assert_eq!(rows[0]["resource_type"], "env-file");
    assert_eq!(rows[0]["details"]["var"], "JWT_SECRET");
    // Printing a key to stdout changes nothing, so it is not audited.
    s.kw(&["keygen", "master"]).assert().success();
    assert_eq!(s.count("SELECT count(*) FROM audit_log"), 2);
}

/// Hardening #9: a writer without the chain's key, or with another one,
/// is refused (exit 4) before it changes anything; `verify` reports every
/// break, and says when it checks a keyed chain without its key.
#[test]
fn hardening_9_a_keyed_chain_refuses_writers_without_its_key_and_verify_finds_every_break() {
    let s = store_with_entries(6);
    let keys_before = s.count("SELECT COUNT(*) FROM api_keys");
    for key in [None, Some("another-key-0123456789abcdef0123")] {
        let mut c = s.kw(&["apikey", "issue", "--name", "intruder"]);
        if let Some(k) = key {
            c.env("KEYWARD_AUDIT_KEY", k);
        }
        c.assert()
            .code(4)
            .stderr(
                predicate::str::contains("audit chain").and(predicate::str::contains(
                    if key.is_none() {
                        "is not set"
                    } else {
                        "is not the key"
                    },
                )),
            );
    }
    assert_eq!(s.count("SELECT COUNT(*) FROM api_keys"), keys_before);
    // A secret written to a file: refused before the file is written.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("master.key");
    s.kw(&["keygen", "master", "--out"])
        .arg(&out)
        .assert()
        .code(4);
    assert!(!out.exists());
    verify_keyed(&s).success();
    // Without the key: the links are checked, and the report says so.
    s.kw(&["audit", "verify"]).assert().success().stdout(
        predicate::str::contains("links only").and(predicate::str::contains(
            "KEYWARD_AUDIT_KEY is not set: only the links",
        )),
    );
    // Two tamperings: both are reported, not only the first.
    s.sql(
        "UPDATE audit_log SET actor = 'mallory' WHERE id = 2; DELETE FROM audit_log WHERE id = 5;",
    );
    let doc = json_with_code(
        s.kw(&["audit", "verify", "--format", "json"])
            .env("KEYWARD_AUDIT_KEY", "audit-chain-key-0123456789abcdef"),
        1,
    );
    assert_eq!(doc["breaks_total"], 2, "{doc}");
    assert_eq!(doc["breaks"][0]["id"], 2);
    assert_eq!(doc["breaks"][0]["kind"], "modified");
    assert_eq!(doc["breaks"][1]["id"], 6);
    assert_eq!(doc["breaks"][1]["kind"], "deleted");
    assert_eq!(doc["first_broken_at"], 2);
    verify_keyed(&s).code(1).stdout(
        predicate::str::contains("BROKEN at row 2")
            .and(predicate::str::contains("BROKEN at row 6")),
    );
    // Without the key only the deletion shows.
    let doc = json_with_code(&mut s.kw(&["audit", "verify", "--format", "json"]), 1);
    assert_eq!(doc["mode"], "links-only");
    assert_eq!(doc["breaks_total"], 1);
    // With another key: exit 4, not a wall of false breaks.
    s.kw(&["audit", "verify"])
        .env("KEYWARD_AUDIT_KEY", "another-key-0123456789abcdef0123")
        .assert()
        .code(4)
        .stderr(predicate::str::contains("is not the key"));
}

/// Issue #16: every command that writes an audit entry checks the audit key
/// against the chain before anything else, also where it would not write
/// one in the end (a valid `apikey verify` records only the key's last use)
/// or would ask first (`apikey revoke`, `audit prune` without `--yes` and a
/// terminal: exit 4, not the usage error of the confirmation).
#[test]
fn issue_16_a_misfitting_audit_key_is_refused_before_the_command_acts() {
    let s = store_with_entries(1);
    let key: String = {
        let doc = json_of(
            s.kw(&["--format", "json", "apikey", "issue", "--name", "svc"])
                .env("KEYWARD_AUDIT_KEY", "audit-chain-key-0123456789abcdef"),
        );
        doc["key"].as_str().unwrap().to_string()
    };
    let entries = s.count("SELECT COUNT(*) FROM audit_log");
    s.kw(&["apikey", "verify", &key])
        .env("KEYWARD_AUDIT_KEY", "audit-chain-key-0123456789abcdef")
        .assert()
        .success();
    let used = "SELECT COUNT(*) FROM api_keys WHERE last_used_at IS NOT NULL";
    let used_before = s.count(used);
    for bad in [None, Some("another-key-0123456789abcdef0123")] {
        let with = |mut c: assert_cmd::Command| {
            if let Some(k) = bad {
                c.env("KEYWARD_AUDIT_KEY", k);
            }
            c.assert()
                .code(4)
                .stderr(predicate::str::contains("audit chain"))
        };
        with(s.kw(&["apikey", "verify", &key]));
        with(s.kw(&["apikey", "revoke", "1"]));
        with(s.kw(&["audit", "prune", "--force", "--older-than", "1d"]));
        let mut mint = s.kw(&["jwt", "mint", "--secret-env", "S", "--sub", "x"]);
        mint.env("S", "kR8vQ2nX5wZ7yB4mT9pL3sF6hJ1dG0cA");
        with(mint).stdout(predicate::str::is_empty());
    }
    assert_eq!(s.count(used), used_before);
    assert_eq!(s.count("SELECT COUNT(*) FROM audit_log"), entries);
    assert_eq!(
        s.count("SELECT COUNT(*) FROM api_keys WHERE revoked_at IS NOT NULL"),
        0
    );
}
