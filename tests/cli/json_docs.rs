//! The JSON contract: docs/exit-codes-and-json.md has a table of every
//! command's top-level JSON fields. This test runs each command on real
//! inputs and checks its document against the table in both directions: a
//! field the command prints must be documented, a documented field not
//! marked `?` must be printed, and every row of the table must be exercised
//! here (so a new command cannot slip into the table unchecked either).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;

use crate::util::{TestStore, json_of, json_with_code, write_file};

const DOC: &str = include_str!("../../docs/exit-codes-and-json.md");

/// One documented command: its required and optional fields.
#[derive(Debug, Default)]
struct Fields {
    required: BTreeSet<String>,
    optional: BTreeSet<String>,
}

/// The table between the json-fields markers, keyed by command.
fn documented() -> BTreeMap<String, Fields> {
    let start = DOC
        .find("<!-- json-fields:start -->")
        .expect("start marker");
    let end = DOC.find("<!-- json-fields:end -->").expect("end marker");
    let mut table = BTreeMap::new();
    for line in DOC[start..end].lines() {
        let Some(rest) = line.strip_prefix("| `") else {
            continue;
        };
        let cells: Vec<&str> = rest.split(" | ").collect();
        let command = cells[0].trim_end_matches('`').to_string();
        let mut f = Fields::default();
        for name in cells[1].trim_matches('`').split(',') {
            let name = name.trim();
            match name.strip_suffix('?') {
                Some(n) => f.optional.insert(n.to_string()),
                None => f.required.insert(name.to_string()),
            };
        }
        assert!(
            table.insert(command.clone(), f).is_none(),
            "{command} is in the table twice"
        );
    }
    table
}

/// The objects a document is made of: itself, or each element of an array.
fn objects(doc: &Value) -> Vec<&serde_json::Map<String, Value>> {
    match doc {
        Value::Object(m) => vec![m],
        Value::Array(items) => items
            .iter()
            .map(|i| i.as_object().expect("an array of objects"))
            .collect(),
        other => panic!("not a JSON object or array: {other}"),
    }
}

/// Runs the commands and gathers (command, document) pairs.
struct Run {
    s: TestStore,
    docs: Vec<(String, Value)>,
}

impl Run {
    fn ok(&mut self, label: &str, args: &[&str], env: &[(&str, &str)]) -> Value {
        self.code(label, args, env, 0)
    }

    fn code(&mut self, label: &str, args: &[&str], env: &[(&str, &str)], code: i32) -> Value {
        let mut c = self.s.kw(&["--format", "json"]);
        c.args(args).current_dir(self.dir());
        for (k, v) in env {
            c.env(k, v);
        }
        let doc = if code == 0 {
            json_of(&mut c)
        } else {
            json_with_code(&mut c, code)
        };
        self.docs.push((label.to_string(), doc.clone()));
        doc
    }

    fn dir(&self) -> &Path {
        self.s.path.parent().unwrap()
    }

    fn text(&self, args: &[&str], env: &[(&str, &str)]) -> String {
        let mut c = self.s.kw(args);
        c.current_dir(self.dir());
        for (k, v) in env {
            c.env(k, v);
        }
        crate::util::stdout_of(&mut c).trim_end().to_string()
    }
}

#[test]
fn json_docs_every_document_matches_the_table() {
    let mut r = Run {
        s: TestStore::new(),
        docs: Vec::new(),
    };
    let dir = r.dir().to_path_buf();
    let kek = r.text(&["keygen", "master"], &[]);
    let fa = r.text(&["keygen", "master", "--encoding", "fernet"], &[]);
    let fb = r.text(&["keygen", "master", "--encoding", "fernet"], &[]);
    let jwt_secret = r.text(&["keygen", "jwt-secret"], &[]);
    let kek_env = [("KEYWARD_KEK", kek.as_str())];

    // keygen and key derive
    r.ok("keygen master", &["keygen", "master"], &[]);
    r.ok("keygen jwt-secret", &["keygen", "jwt-secret"], &[]);
    r.ok("keygen hmac-secret", &["keygen", "hmac-secret"], &[]);
    r.ok("keygen password", &["keygen", "password"], &[]);
    r.ok("keygen salt", &["keygen", "salt"], &[]);
    r.ok("keygen keypair", &["keygen", "keypair", "--out", "kp"], &[]);
    let pw = [("PW", "correct horse battery staple")];
    r.ok(
        "key derive",
        &[
            "key",
            "derive",
            "--passphrase-env",
            "PW",
            "--salt-hex",
            "00112233445566778899aabbccddeeff",
        ],
        &pw,
    );

    // the keyring, then encrypt and decrypt under it
    r.ok("key new", &["key", "new"], &kek_env);
    write_file(&dir, "pt", "hello", 0o600);
    let fa_env = [
        ("FA", fa.as_str()),
        ("FB", fb.as_str()),
        ("M", kek.as_str()),
        ("KEYWARD_KEK", kek.as_str()),
    ];
    let enc = r.ok(
        "encrypt",
        &["encrypt", "--key-env", "M", "--in", "pt"],
        &fa_env,
    );
    write_file(&dir, "ct", enc["ciphertext"].as_str().unwrap(), 0o600);
    r.ok(
        "decrypt",
        &["decrypt", "--key-env", "M", "--in", "ct"],
        &fa_env,
    );
    let out = ["encrypt", "--key-env", "M", "--in", "pt", "--out", "ct2"];
    r.ok("encrypt", &out, &fa_env);
    let back = ["decrypt", "--key-env", "M", "--in", "ct2", "--out", "pt2"];
    r.ok("decrypt", &back, &fa_env);
    let tok = r.ok(
        "encrypt",
        &[
            "encrypt",
            "--scheme",
            "fernet",
            "--key-env",
            "FA",
            "--in",
            "pt",
        ],
        &fa_env,
    );
    write_file(&dir, "tok", tok["ciphertext"].as_str().unwrap(), 0o600);
    r.ok(
        "decrypt",
        &["decrypt", "--key-env", "FA", "--in", "tok"],
        &fa_env,
    );
    std::fs::write(dir.join("bin"), [0xff, 0xfe, 0x00, 0x80]).unwrap();
    let bin = [
        "encrypt",
        "--key-env",
        "M",
        "--in",
        "bin",
        "--out",
        "bin.ct",
    ];
    r.ok("encrypt", &bin, &fa_env);
    r.ok(
        "decrypt",
        &["decrypt", "--key-env", "M", "--in", "bin.ct"],
        &fa_env,
    );

    // the value formats
    r.ok("format list", &["format", "list"], &[]);
    r.ok(
        "format test",
        &[
            "format",
            "test",
            "--from",
            "fernet",
            "--key-env",
            "FA",
            "--in",
            "tok",
        ],
        &fa_env,
    );

    // rotation, and the keyring's survey of the same data
    let conn = rusqlite::Connection::open(dir.join("app.db")).unwrap();
    conn.execute_batch("CREATE TABLE m(id INTEGER PRIMARY KEY, content TEXT)")
        .unwrap();
    conn.execute(
        "INSERT INTO m(content) VALUES (?1), ('plain'), (NULL)",
        [tok["ciphertext"].as_str().unwrap()],
    )
    .unwrap();
    drop(conn);
    let data = ["--db", "app.db", "--table", "m", "--column", "content"];
    let with = |extra: &[&'static str]| -> Vec<&str> {
        let mut v: Vec<&str> = extra.to_vec();
        v.extend_from_slice(&data);
        v
    };
    r.ok("rotate status", &with(&["rotate", "status"]), &fa_env);
    r.ok(
        "rotate run",
        &with(&[
            "rotate",
            "run",
            "--from-key-env",
            "FA",
            "--to-key-env",
            "FB",
            "--to",
            "fernet",
            "--encrypt-plaintext",
        ]),
        &fa_env,
    );
    r.ok(
        "rotate verify",
        &with(&["rotate", "verify", "--key-env", "FB"]),
        &fa_env,
    );
    r.ok("key list", &["key", "list"], &kek_env);
    r.ok("key list", &with(&["key", "list"]), &kek_env);
    // the whole key change of a single-key service: the key in a dotenv file
    write_file(&dir, "svc.env", &format!("# svc\nAPP_KEY={fb}\n"), 0o600);
    let update = |extra: &[&'static str]| -> Vec<&str> {
        let mut v = with(&["rotate", "run", "--to", "fernet"]);
        v.extend_from_slice(&["--update-env", "svc.env", "--var", "APP_KEY"]);
        v.extend_from_slice(extra);
        v
    };
    let dry = r.ok("rotate run --update-env", &update(&["--dry-run"]), &kek_env);
    assert_eq!(dry["env_updated"], false);
    let done = r.ok("rotate run --update-env", &update(&[]), &kek_env);
    assert_eq!(done["env_updated"], true);

    // cooperating workers on PostgreSQL: the run's `cooperation` and the
    // ranges `rotate status` shows (kept with --keep-progress)
    if let Some((url, mut client)) = crate::rotate::test_postgres() {
        let schema = format!("kw_json_docs_{}", std::process::id());
        client
            .batch_execute(&format!(
                "CREATE SCHEMA {schema}; CREATE TABLE {schema}.m (id bigint PRIMARY KEY, content text);"
            ))
            .unwrap();
        client
            .execute(
                &format!("INSERT INTO {schema}.m VALUES (1, $1)"),
                &[&tok["ciphertext"].as_str().unwrap()],
            )
            .unwrap();
        let table = format!("{schema}.m");
        let pg = [
            "--db",
            url.as_str(),
            "--table",
            table.as_str(),
            "--column",
            "content",
        ];
        let mut run = vec![
            "rotate",
            "run",
            "--from-key-env",
            "FA",
            "--to-key-env",
            "FB",
        ];
        run.extend(["--to", "fernet", "--workers", "1", "--keep-progress"]);
        run.extend_from_slice(&pg);
        r.ok("rotate run", &run, &fa_env);
        let mut status = vec!["rotate", "status", "--key-env", "FB"];
        status.extend_from_slice(&pg);
        r.ok("rotate status", &status, &fa_env);
        let mut tx = client.transaction().unwrap();
        tx.batch_execute(&format!(
            "SELECT pg_advisory_xact_lock(hashtext('keyward.rotation'));
             DELETE FROM keyward.rotation WHERE table_name = '\"{schema}\".\"m\"';
             DROP SCHEMA {schema} CASCADE;"
        ))
        .unwrap();
        tx.commit().unwrap();
    }

    // API keys
    let issued = r.ok(
        "apikey issue",
        &["apikey", "issue", "--name", "ci", "--scopes", "read"],
        &[],
    );
    let id = issued["id"].to_string();
    let key = issued["key"].as_str().unwrap().to_string();
    r.ok("apikey list", &["apikey", "list"], &[]);
    r.ok("apikey show", &["apikey", "show", &id], &[]);
    r.ok(
        "apikey verify",
        &["apikey", "verify", "--key-env", "K"],
        &[("K", &key)],
    );
    r.code(
        "apikey verify",
        &["apikey", "verify", "--key-env", "K"],
        &[("K", "kw_not_a_key")],
        1,
    );
    let rotated = r.ok("apikey rotate", &["apikey", "rotate", &id], &[]);
    let new_id = rotated["id"].to_string();
    r.ok(
        "apikey revoke",
        &["--yes", "apikey", "revoke", &new_id],
        &[],
    );

    // JWT
    let js = [("S", jwt_secret.as_str())];
    let minted = r.ok(
        "jwt mint",
        &["jwt", "mint", "--secret-env", "S", "--sub", "u"],
        &js,
    );
    write_file(&dir, "jwt", minted["token"].as_str().unwrap(), 0o600);
    let token = minted["token"].as_str().unwrap().to_string();
    let mut c =
        r.s.kw(&["--format", "json", "jwt", "verify", "--secret-env", "S"]);
    c.env("S", &jwt_secret).write_stdin(token.clone());
    r.docs.push(("jwt verify".into(), json_of(&mut c)));
    let mut c = r.s.kw(&[
        "--format",
        "json",
        "jwt",
        "verify",
        "--secret-env",
        "S",
        "--aud",
        "x",
    ]);
    c.env("S", &jwt_secret).write_stdin(token.clone());
    r.docs
        .push(("jwt verify".into(), json_with_code(&mut c, 1)));
    let mut c = r.s.kw(&["--format", "json", "jwt", "inspect"]);
    c.write_stdin(token);
    r.docs.push(("jwt inspect".into(), json_of(&mut c)));

    // certificates
    r.ok(
        "cert create",
        &[
            "cert",
            "create",
            "--cn",
            "a.test",
            "--out",
            "c.pem",
            "--key-out",
            "c.key",
        ],
        &[],
    );
    r.ok(
        "cert create",
        &[
            "cert",
            "ca",
            "create",
            "--cn",
            "Dev CA",
            "--out",
            "ca.pem",
            "--key-out",
            "ca.key",
        ],
        &[],
    );
    r.ok("cert inspect", &["cert", "inspect", "c.pem"], &[]);
    r.ok("cert check", &["cert", "check", "c.pem"], &[]);

    // config
    write_file(&dir, ".env", "JWT_SECRET=short\nDEBUG=true\n", 0o600);
    r.code("config validate", &["config", "validate", ".env"], &[], 1);
    r.ok("config rules", &["config", "rules"], &[]);

    // hashes and HMAC
    let h = r.ok(
        "hash password",
        &["hash", "password", "--password-env", "PW"],
        &pw,
    );
    let hash = h["hash"].as_str().unwrap().to_string();
    r.ok(
        "hash verify",
        &["hash", "verify", "--password-env", "PW", &hash],
        &pw,
    );
    r.ok(
        "hash verify",
        &[
            "hash",
            "verify",
            "--needs-rehash",
            "--password-env",
            "PW",
            &hash,
        ],
        &pw,
    );
    let sig = r.ok(
        "hmac sign",
        &["hmac", "sign", "--secret-env", "S", "--in", "pt"],
        &js,
    );
    let sig = sig["signature"].as_str().unwrap().to_string();
    r.ok(
        "hmac verify",
        &[
            "hmac",
            "verify",
            "--secret-env",
            "S",
            "--in",
            "pt",
            "--signature",
            &sig,
        ],
        &js,
    );

    // the audit log the commands above wrote
    r.ok("audit verify", &["audit", "verify"], &[]);
    let other_key = r.text(&["keygen", "master"], &[]);
    let ak = [("KEYWARD_AUDIT_KEY", other_key.as_str())];
    r.ok("audit verify", &["audit", "verify"], &ak);
    r.text(
        &["audit", "checkpoint", "--append-to", "anchors.jsonl"],
        &[],
    );
    r.ok(
        "audit verify",
        &["audit", "verify", "--anchor", "anchors.jsonl"],
        &[],
    );
    write_file(
        &dir,
        "service.jsonl",
        "{\"timestamp\": \"2026-01-01T00:00:00Z\", \"action\": \"login\", \"user_id\": \"u\"}\n",
        0o600,
    );
    let source = ["audit", "query", "--source", "jsonl:service.jsonl"];
    r.ok("audit query", &source, &[]);
    r.ok("audit query", &["audit", "query"], &[]);
    r.ok("audit query --count", &["audit", "query", "--count"], &[]);
    r.ok(
        "audit query --group-by",
        &["audit", "query", "--group-by", "action"],
        &[],
    );
    r.ok("audit checkpoint", &["audit", "checkpoint"], &[]);
    r.ok(
        "audit prune",
        &["audit", "prune", "--older-than", "1d", "--dry-run"],
        &[],
    );
    // Prune up to a row in the middle (its own timestamp as the cutoff), so
    // the first row left is chained to the pruned ones.
    let rows = r.ok(
        "audit query",
        &["audit", "query", "--order", "asc", "--limit", "all"],
        &[],
    );
    let cutoff = rows[3]["ts"].as_str().unwrap().to_string();
    r.ok(
        "audit prune",
        &["--yes", "audit", "prune", "--older-than", &cutoff],
        &[],
    );
    r.ok("audit verify", &["audit", "verify"], &[]);

    check(&documented(), &r.docs);
}

/// Compares every document with its row; collects every mismatch first.
fn check(table: &BTreeMap<String, Fields>, docs: &[(String, Value)]) {
    let mut problems = Vec::new();
    let mut seen: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for (command, doc) in docs {
        let Some(fields) = table.get(command) else {
            problems.push(format!(
                "`{command}` prints JSON but has no row in the table"
            ));
            continue;
        };
        for obj in objects(doc) {
            for k in obj.keys() {
                if !fields.required.contains(k) && !fields.optional.contains(k) {
                    problems.push(format!(
                        "`{command}` prints `{k}`, which the table does not list"
                    ));
                }
            }
            for k in &fields.required {
                if !obj.contains_key(k) {
                    problems.push(format!(
                        "`{command}` did not print `{k}` (mark it `{k}?` if it is only sometimes there)"
                    ));
                }
            }
            seen.entry(command.as_str())
                .or_default()
                .extend(obj.keys().cloned());
        }
    }
    for (command, fields) in table {
        match seen.get(command.as_str()) {
            None => problems.push(format!("the table's `{command}` is not run by this test")),
            Some(keys) => {
                for k in &fields.optional {
                    if !keys.contains(k) {
                        problems.push(format!(
                            "`{command}`'s optional `{k}` never appeared: add a run that prints it"
                        ));
                    }
                }
            }
        }
    }
    problems.sort();
    problems.dedup();
    assert!(
        problems.is_empty(),
        "docs/exit-codes-and-json.md and the commands disagree:\n{}",
        problems.join("\n")
    );
}
