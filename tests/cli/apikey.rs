//! `apikey issue | list | show | verify | revoke | rotate | export`.

use predicates::prelude::*;
use sha2::{Digest, Sha256};

use crate::util::*;

fn issue(s: &TestStore, args: &[&str]) -> (i64, String) {
    let mut a = vec!["--format", "json", "apikey", "issue"];
    a.extend_from_slice(args);
    let doc = json_of(&mut s.kw(&a));
    (
        doc["id"].as_i64().unwrap(),
        doc["key"].as_str().unwrap().to_string(),
    )
}

fn verify(s: &TestStore, key: &str, extra: &[&str]) -> assert_cmd::assert::Assert {
    let mut a = vec!["apikey", "verify"];
    a.extend_from_slice(extra);
    s.kw(&a).write_stdin(key.to_string()).assert()
}

#[test]
fn issue_shows_the_key_once_and_stores_only_its_hash() {
    let s = TestStore::new();
    let out = s
        .kw(&[
            "apikey",
            "issue",
            "--name",
            "ingest",
            "--prefix",
            "tk",
            "--scopes",
            "memories:write,memories:read",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains("only time"))
        .get_output()
        .clone();
    let key = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let body = key.strip_prefix("tk_").expect("prefix tk_");
    assert!(
        body.len() == 38 && body.bytes().all(|b| b.is_ascii_alphanumeric()),
        "{key}"
    );
    // Neither the database nor its WAL holds the key.
    for ext in ["", "-wal"] {
        let p = format!("{}{ext}", s.path.display());
        if let Ok(bytes) = std::fs::read(&p) {
            assert!(
                !bytes.windows(key.len()).any(|w| w == key.as_bytes()),
                "key found in {p}"
            );
        }
    }
    let hash = hex::encode(Sha256::digest(key.as_bytes()));
    assert_eq!(
        s.count(&format!(
            "SELECT count(*) FROM api_keys WHERE hash = '{hash}' AND last4 = '{}'",
            &key[key.len() - 4..]
        )),
        1
    );
    let doc = json_of(&mut s.kw(&["--format", "json", "apikey", "issue", "--name", "two"]));
    assert!(doc["key"].as_str().unwrap().starts_with("kw_"));
    assert_eq!(doc["id"], 2);
}

#[test]
fn issue_validates_its_inputs() {
    let s = TestStore::new();
    let cases: &[&[&str]] = &[
        &["--name", "has space"],
        &["--name", ""],
        &["--name", "ok", "--prefix", "t-k"],
        &["--name", "ok", "--prefix", "_tk"],
        &["--name", "ok", "--prefix", "averyveryverylongprefix"],
        &["--name", "ok", "--scopes", "a b"],
        &["--name", "ok", "--expires", "yesterday"],
        &["--name", "ok", "--expires", "2001-01-01"],
        &["--name", "ok", "--note", "line\nbreak"],
    ];
    for args in cases {
        let mut a = vec!["apikey", "issue"];
        a.extend_from_slice(args);
        s.kw(&a).assert().code(2).stdout("");
    }
    assert!(!s.path.exists(), "nothing was written, not even the store");
}

#[test]
fn list_shows_every_state_and_filters() {
    let s = TestStore::new();
    let (a, _) = issue(&s, &["--name", "a", "--scopes", "memories:read"]);
    let (b, _) = issue(&s, &["--name", "b", "--scopes", "admin:*"]);
    issue(&s, &["--name", "c", "--expires", "1s"]);
    s.kw(&["--yes", "apikey", "revoke", &b.to_string()])
        .assert()
        .success();
    // Expired without waiting: the row is backdated, as time would.
    s.sql("UPDATE api_keys SET expires_at = created_at WHERE name = 'c'");
    let all = json_of(&mut s.kw(&["apikey", "list", "--format", "json"]));
    let states: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["state"].as_str().unwrap())
        .collect();
    assert_eq!(states, vec!["active", "revoked", "expired"]);
    for k in all.as_array().unwrap() {
        assert!(k.get("hash").is_none() && k.get("key").is_none());
    }
    let revoked = json_of(&mut s.kw(&["apikey", "list", "--state", "revoked", "--format", "json"]));
    assert_eq!(revoked.as_array().unwrap().len(), 1);
    let scoped = json_of(&mut s.kw(&[
        "apikey",
        "list",
        "--scope",
        "admin:users",
        "--format",
        "json",
    ]));
    assert_eq!(scoped[0]["name"], "b");
    let text = stdout_of(&mut s.kw(&["apikey", "list"]));
    assert!(text.contains("kw_…") && text.contains("revoked") && text.contains("expired"));
    let nd = stdout_of(&mut s.kw(&["apikey", "list", "--format", "ndjson"]));
    assert_eq!(nd.lines().count(), 3);
    let csv = stdout_of(&mut s.kw(&["apikey", "list", "--format", "csv"]));
    assert!(csv.starts_with("id,name,key,scopes,created,expires,last used,state\r\n"));
    let shown = json_of(&mut s.kw(&["apikey", "show", &a.to_string(), "--format", "json"]));
    assert_eq!(shown["scopes"][0], "memories:read");
    s.kw(&["apikey", "show", "999"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("no API key with id 999"));
    s.kw(&["apikey", "list", "--format", "sarif"])
        .assert()
        .code(2);
}

#[test]
fn verify_accepts_good_keys_and_names_every_failure() {
    let s = TestStore::new();
    let (id, key) = issue(&s, &["--name", "svc", "--scopes", "memories:*"]);
    verify(&s, &key, &[])
        .success()
        .stdout(predicate::str::starts_with("valid: key 1 (svc)"));
    verify(&s, &key, &["--require-scope", "memories:write"]).success();
    verify(&s, &key, &["--require-scope", "admin"])
        .code(1)
        .stdout(predicate::str::contains("lacks scope admin"));
    s.kw(&["apikey", "verify", "--key-env", "K"])
        .env("K", &key)
        .assert()
        .success();
    s.kw(&["apikey", "verify", &key]).assert().success();
    let doc = json_of(
        s.kw(&["--format", "json", "apikey", "verify"])
            .write_stdin(key.clone()),
    );
    assert_eq!(doc["valid"], true);
    assert_eq!(doc["id"], id);
    let shown = json_of(&mut s.kw(&["apikey", "show", "1", "--format", "json"]));
    assert!(shown["last_used_at"].as_str().is_some());

    // A typo fails the checksum; a well-formed key from elsewhere is unknown.
    let mut typo: Vec<char> = key.chars().collect();
    typo[5] = if typo[5] == 'x' { 'y' } else { 'x' };
    let typo: String = typo.into_iter().collect();
    verify(&s, &typo, &[])
        .code(1)
        .stdout(predicate::str::contains("bad checksum"));
    let other = TestStore::new();
    let (_, foreign) = issue(&other, &["--name", "elsewhere"]);
    verify(&s, &foreign, &[])
        .code(1)
        .stdout(predicate::str::contains("unknown key"));
    verify(&s, "not-a-key", &[])
        .code(1)
        .stdout(predicate::str::contains("not an API key"));
    s.kw(&["--yes", "apikey", "revoke", "1"]).assert().success();
    verify(&s, &key, &[])
        .code(1)
        .stdout(predicate::str::contains("revoked at"));
    let (_, short) = issue(&s, &["--name", "short", "--expires", "1s"]);
    s.sql("UPDATE api_keys SET expires_at = created_at WHERE name = 'short'");
    verify(&s, &short, &[])
        .code(1)
        .stdout(predicate::str::contains("expired at"));
    s.kw(&["apikey", "verify"]).write_stdin("").assert().code(3);
}

#[test]
fn offline_verify_needs_no_store() {
    let other = TestStore::new();
    let (_, key) = issue(&other, &["--name", "x"]);
    kw().args([
        "--store",
        "/proc/none/keyward.db",
        "apikey",
        "verify",
        "--offline",
    ])
    .write_stdin(key.clone())
    .assert()
    .success()
    .stdout(predicate::str::contains("not checked against the store"));
    let bad = format!("{}A", &key[..key.len() - 1]);
    let bad = if bad == key {
        format!("{}B", &key[..key.len() - 1])
    } else {
        bad
    };
    kw().args(["apikey", "verify", "--offline"])
        .write_stdin(bad)
        .assert()
        .code(1);
}

#[test]
fn failed_verifications_are_audited_and_bursts_are_high_risk() {
    let s = TestStore::new();
    issue(&s, &["--name", "x"]);
    for _ in 0..5 {
        verify(&s, "kw_nope", &[]).code(1);
    }
    assert_eq!(
        s.count(
            "SELECT count(*) FROM audit_log WHERE action = 'apikey.verify' AND outcome = 'failure'"
        ),
        5
    );
    assert_eq!(
        s.count(
            "SELECT count(*) FROM audit_log WHERE action = 'apikey.verify' AND risk = 'medium'"
        ),
        4
    );
    assert_eq!(
        s.count("SELECT risk = 'high' FROM audit_log ORDER BY id DESC LIMIT 1"),
        1
    );
    let details = stdout_of(&mut s.kw(&["audit", "query", "--limit", "1", "--format", "json"]));
    assert!(
        !details.contains("kw_nope\""),
        "the presented key is not logged whole: {details}"
    );
}

#[test]
fn a_pepper_keys_the_hash() {
    let s = TestStore::new();
    let (_, plain) = issue(&s, &["--name", "before"]);
    let doc = json_of(
        s.kw(&["--format", "json", "apikey", "issue", "--name", "peppered"])
            .env("KEYWARD_PEPPER", "server-side pepper value"),
    );
    let key = doc["key"].as_str().unwrap();
    assert_eq!(
        s.count("SELECT count(*) FROM api_keys WHERE hash_alg = 'hmac-sha256'"),
        1
    );
    verify(&s, key, &[]).code(1);
    s.kw(&["apikey", "verify"])
        .env("KEYWARD_PEPPER", "server-side pepper value")
        .write_stdin(key.to_string())
        .assert()
        .success();
    s.kw(&["apikey", "verify"])
        .env("KEYWARD_PEPPER", "server-side pepper value")
        .write_stdin(plain)
        .assert()
        .success();
}

#[test]
fn revoke_confirms_and_is_all_or_nothing() {
    let s = TestStore::new();
    let (a, ka) = issue(&s, &["--name", "a"]);
    s.kw(&["apikey", "revoke", &a.to_string()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--yes"));
    verify(&s, &ka, &[]).success();
    s.kw(&["--yes", "apikey", "revoke", &a.to_string(), "999"])
        .assert()
        .code(3);
    verify(&s, &ka, &[]).success();
    s.kw(&["apikey", "revoke", "--yes", &a.to_string()])
        .assert()
        .success()
        .stdout("revoked key 1\n");
    verify(&s, &ka, &[]).code(1);
    s.kw(&["--yes", "apikey", "revoke", &a.to_string()])
        .assert()
        .success()
        .stderr(predicate::str::contains("already revoked"));
    assert_eq!(
        s.count("SELECT count(*) FROM audit_log WHERE action = 'apikey.revoke'"),
        1
    );
}

#[test]
fn rotate_keeps_name_scopes_and_lifetime_with_a_grace_period() {
    let s = TestStore::new();
    let (old, old_key) = issue(
        &s,
        &["--name", "svc", "--scopes", "a,b", "--expires", "30d"],
    );
    let doc = json_of(&mut s.kw(&[
        "--format",
        "json",
        "apikey",
        "rotate",
        &old.to_string(),
        "--grace",
        "1h",
    ]));
    let new_key = doc["key"].as_str().unwrap().to_string();
    assert_eq!(doc["replaces"], old);
    assert_eq!(doc["name"], "svc");
    assert_eq!(doc["scopes"], serde_json::json!(["a", "b"]));
    assert!(
        doc["expires_at"].as_str().is_some(),
        "the lifetime is kept, not dropped"
    );
    verify(&s, &old_key, &[]).success();
    verify(&s, &new_key, &[]).success();
    let shown = json_of(&mut s.kw(&["apikey", "show", &old.to_string(), "--format", "json"]));
    assert_eq!(shown["replaced_by"], doc["id"]);

    // A leaked key: no grace at all.
    let id = doc["id"].as_i64().unwrap();
    let doc2 = json_of(&mut s.kw(&[
        "--format",
        "json",
        "apikey",
        "rotate",
        &id.to_string(),
        "--grace",
        "0s",
    ]));
    verify(&s, &new_key, &[]).code(1);
    verify(&s, doc2["key"].as_str().unwrap(), &[]).success();
    s.kw(&["apikey", "rotate", &id.to_string()])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("only an active or expired key"));
    s.kw(&["apikey", "rotate", "1", "--grace", "soon"])
        .assert()
        .code(2);
    assert_eq!(
        s.count("SELECT count(*) FROM audit_log WHERE action = 'apikey.rotate'"),
        2
    );
}

#[test]
fn export_gives_hashes_never_keys() {
    let s = TestStore::new();
    let (_, k1) = issue(&s, &["--name", "a", "--scopes", "x"]);
    let (b, k2) = issue(&s, &["--name", "b"]);
    s.kw(&["--yes", "apikey", "revoke", &b.to_string()])
        .assert()
        .success();
    let env = stdout_of(&mut s.kw(&["apikey", "export"]));
    let h1 = hex::encode(Sha256::digest(k1.as_bytes()));
    let h2 = hex::encode(Sha256::digest(k2.as_bytes()));
    assert!(env.contains(&format!("API_KEY_HASHES={h1}\n")), "{env}");
    assert!(!env.contains(&h2) && !env.contains(&k1));
    let custom = stdout_of(&mut s.kw(&["apikey", "export", "--var", "API_KEYS"]));
    assert!(custom.contains("API_KEYS="));
    let doc = json_of(&mut s.kw(&["apikey", "export", "--as", "json"]));
    assert_eq!(doc["keys"][0]["hash"], h1);
    assert_eq!(doc["keys"][0]["scopes"], serde_json::json!(["x"]));
    s.kw(&["apikey", "export", "--var", "1X"]).assert().code(2);
}

#[test]
fn review_regressions_are_usage_errors_not_panics() {
    let s = TestStore::new();
    let (id, _) = issue(&s, &["--name", "x"]);
    let id = id.to_string();
    s.kw(&["apikey", "rotate", &id, "--grace", "999999999w"])
        .assert()
        .code(2);
    s.kw(&["apikey", "rotate", &id, "--expires", "2020-01-01"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("in the past"));
    s.kw(&["apikey", "verify", "--offline", "--require-scope", "admin"])
        .write_stdin("kw_x")
        .assert()
        .code(2);
    s.kw(&["apikey", "export", "--format", "csv"])
        .assert()
        .code(2);
    s.kw(&[
        "jwt",
        "mint",
        "--secret-env",
        "S",
        "--sub",
        "x",
        "--ttl",
        "9999999999999999d",
    ])
    .env("S", "0123456789abcdef0123456789abcdef")
    .assert()
    .code(2);
    s.kw(&["cert", "check", "--warn", "999999999999999999w", "x.pem"])
        .assert()
        .code(2);
    s.kw(&["--yes", "apikey", "revoke", &id, &id])
        .assert()
        .success()
        .stdout("revoked key 1\n");
    assert_eq!(
        s.count("SELECT count(*) FROM audit_log WHERE action = 'apikey.revoke'"),
        1
    );
}

#[test]
fn oversized_stdin_is_refused_not_truncated() {
    let s = TestStore::new();
    s.kw(&["apikey", "verify"])
        .write_stdin("k".repeat(5000))
        .assert()
        .code(3)
        .stderr(predicate::str::contains("longer than 4096 bytes"));
    s.kw(&["jwt", "inspect"])
        .write_stdin("a".repeat((1 << 20) + 1))
        .assert()
        .code(3)
        .stderr(predicate::str::contains("the token on stdin is longer"));
}

/// Hardening #18: an expired key is rotated (that is when operators
/// rotate): the successor keeps name, scopes and lifetime, counted from
/// now; the old key stays expired. A revoked key is still refused.
#[test]
fn hardening_18_rotate_of_an_expired_key_issues_its_successor() {
    let s = TestStore::new();
    let (old, old_key) = issue(
        &s,
        &["--name", "svc", "--scopes", "a,b", "--expires", "30d"],
    );
    // Issued 40 days ago for 30 days: expired 10 days ago.
    s.sql(&format!(
        "UPDATE api_keys SET created_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-40 days'),
                             expires_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-10 days')
         WHERE id = {old}"
    ));
    verify(&s, &old_key, &[]).code(1);
    let doc = json_of(&mut s.kw(&["--format", "json", "apikey", "rotate", &old.to_string()]));
    assert_eq!(doc["replaces"], old);
    assert_eq!(doc["name"], "svc");
    assert_eq!(doc["scopes"], serde_json::json!(["a", "b"]));
    let expires = time::OffsetDateTime::parse(
        doc["expires_at"].as_str().unwrap(),
        &time::format_description::well_known::Rfc3339,
    )
    .unwrap();
    let left = expires - time::OffsetDateTime::now_utc();
    assert!(
        left > time::Duration::days(30) - time::Duration::minutes(5)
            && left <= time::Duration::days(30),
        "the old key's 30-day lifetime, from now: {left}"
    );
    verify(&s, doc["key"].as_str().unwrap(), &[]).success();
    verify(&s, &old_key, &[])
        .code(1)
        .stdout(predicate::str::contains("expired at"));
    let shown = json_of(&mut s.kw(&["apikey", "show", &old.to_string(), "--format", "json"]));
    assert_eq!(shown["replaced_by"], doc["id"]);
    // Revoked stays refused.
    let (r, _) = issue(&s, &["--name", "gone"]);
    s.kw(&["--yes", "apikey", "revoke", &r.to_string()])
        .assert()
        .success();
    s.kw(&["apikey", "rotate", &r.to_string()])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("is revoked"));
}

/// Hardening #18: exporting with no active key is not a silent success.
#[test]
fn hardening_18_export_with_no_active_key_warns_and_exits_1() {
    let s = TestStore::new();
    let (id, _) = issue(&s, &["--name", "only"]);
    s.kw(&["--yes", "apikey", "revoke", &id.to_string()])
        .assert()
        .success();
    let out = s.kw(&["apikey", "export"]).assert().code(1);
    let out = out.get_output();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout.ends_with("\nAPI_KEY_HASHES=\n"), "{stdout}");
    assert!(stderr.contains("warning: no active API key"), "{stderr}");
    s.kw(&["apikey", "export", "--as", "json"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no active API key"));
    // One active key: exit 0 again.
    issue(&s, &["--name", "back"]);
    s.kw(&["apikey", "export"]).assert().success();
}

/// Hardening #18: `issue --env-file F --var API_KEYS --append` adds the new
/// key to seed 000's comma-separated plaintext list, every other byte kept,
/// and shows the key nowhere.
#[test]
fn hardening_18_issue_appends_to_a_comma_separated_env_var() {
    let s = TestStore::new();
    let dir = tempfile::tempdir().unwrap();
    let original = "# seed 000\nexport API_KEYS=\"kw_old1,kw_old2\" # service keys\r\nOTHER=1\n";
    let env = write_file(dir.path(), ".env", original, 0o600);
    let out = s
        .kw(&[
            "apikey",
            "issue",
            "--name",
            "svc",
            "--var",
            "API_KEYS",
            "--append",
            "--env-file",
        ])
        .arg(&env)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(out.stdout.is_empty(), "the key is not on stdout");
    let stderr = String::from_utf8(out.stderr).unwrap();
    let text = std::fs::read_to_string(&env).unwrap();
    let line = text.lines().nth(1).unwrap();
    let list = line
        .strip_prefix("export API_KEYS=\"kw_old1,kw_old2,")
        .and_then(|l| l.strip_suffix("\" # service keys"))
        .unwrap_or_else(|| panic!("{text:?}"));
    let key = list.to_string();
    assert_eq!(
        text.replace(&format!(",{key}"), ""),
        original,
        "every other byte is kept"
    );
    assert!(!stderr.contains(&key), "{stderr}");
    assert!(
        stderr.contains("added API key 1 to API_KEYS")
            && stderr.contains("now 3 keys")
            && stderr.contains("sha256:"),
        "{stderr}"
    );
    verify(&s, &key, &[]).success();

    // Absent: the variable is created; JSON shows no key either.
    let out = s
        .kw(&[
            "--format",
            "json",
            "apikey",
            "issue",
            "--name",
            "b",
            "--var",
            "NEW_KEYS",
            "--append",
            "--env-file",
        ])
        .arg(&env)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(doc.get("key").is_none());
    assert_eq!(doc["destination"]["keys_in_var"], 1);
    let text2 = std::fs::read_to_string(&env).unwrap();
    let new = text2.strip_prefix(&text).unwrap();
    let k2 = new.strip_prefix("NEW_KEYS=").unwrap().trim_end();
    assert!(!String::from_utf8_lossy(&out.stdout).contains(k2));
    verify(&s, k2, &[]).success();

    // A file others can read: refused, nothing issued, file untouched.
    let open = write_file(dir.path(), "open.env", "API_KEYS=a\n", 0o644);
    s.kw(&[
        "apikey",
        "issue",
        "--name",
        "c",
        "--var",
        "API_KEYS",
        "--append",
        "--env-file",
    ])
    .arg(&open)
    .assert()
    .code(4)
    .stderr(predicate::str::contains("mode 0644"));
    assert_eq!(std::fs::read_to_string(&open).unwrap(), "API_KEYS=a\n");
    assert_eq!(s.count("SELECT count(*) FROM api_keys"), 2);

    // --append needs --env-file.
    s.kw(&["apikey", "issue", "--name", "d", "--append"])
        .assert()
        .code(2);
}

/// `apikey verify --at TIME` judges a key (expiry, a rotated key's grace
/// period, revocation, issue) at another moment, as `cert check --at` and
/// `jwt verify --at` do (issue #16): no test waits for a key to expire.
#[test]
fn verify_at_judges_the_key_at_another_moment() {
    let s = TestStore::new();
    let (_, key) = issue(&s, &["--name", "svc", "--expires", "30d"]);
    verify(&s, &key, &["--at", "1d"])
        .success()
        .stdout(predicate::str::contains("valid: key 1 (svc)"));
    verify(&s, &key, &["--at", "31d"])
        .code(1)
        .stdout(predicate::str::contains("expired at"));
    verify(&s, &key, &["--at", "2001-01-01"])
        .code(1)
        .stdout(predicate::str::contains("not issued until"));
    // The JSON answer names the moment judged at only when --at is given.
    let doc = json_of(
        s.kw(&["--format", "json", "apikey", "verify", "--at", "2d"])
            .write_stdin(key.clone()),
    );
    assert_eq!(doc["valid"], true);
    assert_eq!(doc["id"], 1);
    assert!(
        doc["evaluated_at"].as_str().unwrap().ends_with('Z'),
        "{doc}"
    );
    let doc = json_of(
        s.kw(&["--format", "json", "apikey", "verify"])
            .write_stdin(key.clone()),
    );
    assert!(doc.get("evaluated_at").is_none(), "{doc}");
}

/// The grace period of a rotated key ends at a moment `--at` can look past.
#[test]
fn verify_at_sees_the_end_of_a_rotation_grace_period() {
    let s = TestStore::new();
    let (id, old) = issue(&s, &["--name", "svc"]);
    s.kw(&["apikey", "rotate", &id.to_string(), "--grace", "1h"])
        .assert()
        .success();
    verify(&s, &old, &["--at", "30m"]).success();
    verify(&s, &old, &["--at", "2h"])
        .code(1)
        .stdout(predicate::str::contains("expired at"));
    // Before the rotation, in the past, the old key was valid; a key
    // revoked now was valid then too, and is not an hour from now.
    s.kw(&["--yes", "apikey", "revoke", &id.to_string()])
        .assert()
        .success();
    verify(&s, &old, &["--at", "2h"])
        .code(1)
        .stdout(predicate::str::contains("revoked at"));
}

/// A verify judged at another moment still records what happened now: a
/// success's last use is now (not the moment judged at), a failure's audit
/// entry is written now and names the moment it was judged at.
#[test]
fn verify_at_records_last_use_and_failures_at_the_real_time() {
    let s = TestStore::new();
    let (_, key) = issue(&s, &["--name", "svc", "--expires", "30d"]);
    verify(&s, &key, &["--at", "20d"]).success();
    let near_now = "SELECT count(*) FROM api_keys WHERE id = 1
        AND last_used_at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-5 minutes')
        AND last_used_at < strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+5 minutes')";
    assert_eq!(s.count(near_now), 1);
    verify(&s, &key, &["--at", "40d"]).code(1);
    assert_eq!(
        s.count(
            "SELECT count(*) FROM audit_log WHERE action = 'apikey.verify' AND outcome = 'failure'
             AND details LIKE '%\"judged_at\"%'
             AND ts > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-5 minutes')"
        ),
        1
    );
    // Without --at the entry is as before: no judged_at.
    verify(&s, "kw_nonsense", &[]).code(1);
    assert_eq!(
        s.count("SELECT count(*) FROM audit_log WHERE details LIKE '%judged_at%'"),
        1
    );
}

#[test]
fn verify_at_refuses_a_bad_time_and_offline() {
    let s = TestStore::new();
    let (_, key) = issue(&s, &["--name", "svc"]);
    verify(&s, &key, &["--at", "tomorrow-ish"])
        .code(2)
        .stderr(predicate::str::contains("--at"));
    verify(&s, &key, &["--offline", "--at", "1d"])
        .code(2)
        .stderr(predicate::str::contains("--at"));
}
