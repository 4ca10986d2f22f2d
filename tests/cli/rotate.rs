//! `rotate run | status | verify`
//! on real SQLite files, including kill -9 in the middle and a concurrent writer.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use keyward::crypto::envelope::EnvelopeKey;
use keyward::crypto::fernet::FernetKey;
use keyward::crypto::keys::Encoding;
use predicates::prelude::*;
use rusqlite::Connection;

use crate::util::*;

// The setup the keyring and PostgreSQL tests share lives in `util`; other
// test modules also name it through this one.
pub(crate) use crate::util::{
    Env, decrypt_all, hexkey, key, memories, postgres_for_tests as test_postgres, users,
};

#[test]
fn envelope_to_envelope_with_the_keyring_is_idempotent() {
    let e = Env::new();
    let db = e.db();
    let plain = envelope_memories(&db, 1000);
    e.import(1, 1, &[]);
    e.import(7, 2, &["--primary"]);
    let dry = json_of(&mut e.rotate(&["--dry-run", "--format", "json"]));
    assert_eq!(dry["rotated"], 900 + 858);
    assert_eq!(
        decrypt_all(&db, &[(1, key(1))]),
        plain,
        "a dry run writes nothing"
    );
    let doc = json_of(&mut e.rotate(&["--format", "json", "--batch", "128"]));
    assert_eq!(doc["rotated"], 1758);
    assert_eq!(doc["null"], 100);
    assert_eq!(doc["plaintext"], 142);
    assert_eq!(doc["batches"], 8);
    assert_eq!(decrypt_all(&db, &[(7, key(2))]), plain);
    let again = json_of(&mut e.rotate(&["--format", "json"]));
    assert_eq!(again["rotated"], 0);
    assert_eq!(again["current"], 1758);
    // The BLOB column kept its storage form: bytes of base64 text.
    let conn = Connection::open(&db).unwrap();
    let meta: Vec<u8> = conn
        .query_row("SELECT metadata FROM memories WHERE id = 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert!(meta.starts_with(b"S1cBAAAAB"), "key id 7 in the header");
}

#[test]
fn fernet_to_fernet_and_fernet_to_envelope_with_several_old_keys() {
    let e = Env::new();
    let db = e.db();
    let (a, b) = (FernetKey::new(&key(1)), FernetKey::new(&key(2)));
    let plain = memories(&db, 400, |i, t| {
        if i % 2 == 0 {
            a.encrypt_at(t.as_bytes(), 1_700_000_000, &[3; 16])
        } else {
            b.encrypt(t.as_bytes()).unwrap()
        }
    });
    // MultiFernet-style: both old keys to a third, Fernet to Fernet, timestamps kept.
    e.rotate(&[
        "--to",
        "fernet",
        "--from-key-env",
        "A",
        "--from-key-env",
        "B",
        "--to-key-env",
        "C",
    ])
    .env("A", key(1).encode(Encoding::Fernet).expose())
    .env("B", hexkey(2))
    .env("C", hexkey(3))
    .assert()
    .success();
    assert_eq!(decrypt_all(&db, &[(0, key(3))]), plain);
    let conn = Connection::open(&db).unwrap();
    let t2: String = conn
        .query_row("SELECT content FROM memories WHERE id = 2", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(
        keyward::crypto::fernet::timestamp(&t2).unwrap(),
        1_700_000_000
    );
    drop(conn);
    // Then migrate Fernet to the envelope.
    e.rotate(&[
        "--from-key-env",
        "C",
        "--to-key-env",
        "D",
        "--to-key-id",
        "4",
    ])
    .env("C", hexkey(3))
    .env("D", hexkey(4))
    .assert()
    .success();
    assert_eq!(decrypt_all(&db, &[(4, key(4))]), plain);
    e.kw(&[
        "rotate",
        "status",
        "--format",
        "json",
        "--table",
        "memories",
        "--column",
        "content",
        "--key-env",
        "D",
    ])
    .arg("--db")
    .arg(&db)
    .env("D", hexkey(4))
    .assert()
    .success()
    .stdout(predicate::str::contains("envelope, key 4"));
}

#[test]
fn plaintext_is_left_alone_unless_asked_and_context_binds_rows() {
    let e = Env::new();
    let db = e.db();
    envelope_memories(&db, 70);
    e.rotate(&[
        "--encrypt-plaintext",
        "--from-key-env",
        "A",
        "--to-key-env",
        "B",
        "--to-key-id",
        "2",
    ])
    .env("A", hexkey(1))
    .env("B", hexkey(2))
    .assert()
    .success()
    .stdout(predicate::str::contains("(10 encrypted)"));
    let conn = Connection::open(&db).unwrap();
    let meta: Vec<u8> = conn
        .query_row("SELECT metadata FROM memories WHERE id = 7", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert!(
        meta.starts_with(b"KW\x01"),
        "a binary BLOB gets the binary envelope"
    );
    let content: Option<String> = conn
        .query_row("SELECT content FROM memories WHERE id = 10", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(content, None, "NULL stays NULL");
    drop(conn);
    // Bind the envelopes to their rows.
    e.rotate(&[
        "--context-from-row",
        "--from-key-env",
        "B",
        "--to-key-env",
        "C",
        "--to-key-id",
        "3",
    ])
    .env("B", hexkey(2))
    .env("C", hexkey(3))
    .assert()
    .success();
    let conn = Connection::open(&db).unwrap();
    let v: String = conn
        .query_row("SELECT content FROM memories WHERE id = 5", [], |r| {
            r.get(0)
        })
        .unwrap();
    let k = EnvelopeKey::new(&key(3), 3);
    assert_eq!(
        &k.open_base64(&v, Some(b"memories/content/5")).unwrap()[..],
        b"memory number 5"
    );
    assert!(k.open_base64(&v, Some(b"memories/content/6")).is_err());
    assert!(k.open_base64(&v, None).is_err());
}

#[test]
fn a_wrong_key_is_refused_by_the_preflight_and_nothing_is_written() {
    let e = Env::new();
    let db = e.db();
    envelope_memories(&db, 200);
    let before = std::fs::read(&db).unwrap();
    e.rotate(&["--from-key-env", "A", "--to-key-env", "B"])
        .env("A", hexkey(9))
        .env("B", hexkey(2))
        .assert()
        .code(3)
        .stderr(
            predicate::str::contains("preflight")
                .and(predicate::str::contains("nothing was written")),
        );
    assert_eq!(std::fs::read(&db).unwrap(), before);
    e.rotate(&[
        "--on-error",
        "skip",
        "--from-key-env",
        "A",
        "--to-key-env",
        "B",
    ])
    .env("A", hexkey(9))
    .env("B", hexkey(2))
    .assert()
    .code(3);
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn a_corrupted_row_stops_or_is_skipped_but_never_overwritten() {
    let e = Env::new();
    let db = e.db();
    let plain = envelope_memories(&db, 500);
    let conn = Connection::open(&db).unwrap();
    let bad = EnvelopeKey::new(&key(8), 1)
        .seal_base64(b"someone else's key", None)
        .unwrap();
    conn.execute("UPDATE memories SET content = ?1 WHERE id = 333", [&bad])
        .unwrap();
    drop(conn);
    let args = [
        "--batch",
        "100",
        "--from-key-env",
        "A",
        "--to-key-env",
        "B",
        "--to-key-id",
        "2",
    ];
    e.rotate(&args)
        .env("A", hexkey(1))
        .env("B", hexkey(2))
        .assert()
        .code(1)
        .stdout(predicate::str::contains("stopped at id 333"));
    let conn = Connection::open(&db).unwrap();
    let still: String = conn
        .query_row("SELECT content FROM memories WHERE id = 333", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(still, bad, "the undecryptable value is untouched");
    let rotated_before: i64 = conn
        .query_row(
            "SELECT count(*) FROM memories WHERE id <= 300 AND content GLOB 'S1cBAAAAA[g-v]*'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let rotated_after: i64 = conn
        .query_row(
            "SELECT count(*) FROM memories WHERE id > 300 AND content GLOB 'S1cBAAAAA[g-v]*'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        (rotated_before, rotated_after),
        (270, 0),
        "batches before the failure are committed, the failing batch is not"
    );
    drop(conn);
    let mut skip = args.to_vec();
    skip.extend(["--on-error", "skip"]);
    e.rotate(&skip)
        .env("A", hexkey(1))
        .env("B", hexkey(2))
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "skipped (undecryptable): 333 (content)",
        ));
    let mut expected = plain.clone();
    expected.insert(333, "someone else's key".into());
    assert_eq!(decrypt_all(&db, &[(2, key(2)), (1, key(8))]), expected);
    e.kw(&[
        "rotate",
        "verify",
        "--table",
        "memories",
        "--column",
        "content",
        "--key-env",
        "B",
    ])
    .arg("--db")
    .arg(&db)
    .env("B", hexkey(2))
    .assert()
    .code(1)
    .stdout(predicate::str::contains("undecryptable: 333 (content)"));
}

/// A value cut short (a Fernet token or an envelope missing its tail, as a
/// too-narrow column or a bad copy leaves it) is damaged ciphertext, never
/// plaintext: `status` and `verify` count it undecryptable, and
/// `--encrypt-plaintext` does not seal it as if it were data.
#[test]
fn truncated_ciphertext_is_undecryptable_never_plaintext() {
    let e = Env::new();
    let db = e.db();
    let fernet = FernetKey::new(&key(1));
    memories(&db, 20, |_, t| fernet.encrypt(t.as_bytes()).unwrap());
    let conn = Connection::open(&db).unwrap();
    let token: String = conn
        .query_row("SELECT content FROM memories WHERE id = 3", [], |r| {
            r.get(0)
        })
        .unwrap();
    let envelope = EnvelopeKey::new(&key(1), 1)
        .seal_base64(b"memory number 4", None)
        .unwrap();
    let cut_token = token[..token.len() - 5].to_string();
    let cut_envelope = envelope[..20].to_string();
    conn.execute(
        "UPDATE memories SET content = ?1 WHERE id = 3",
        [&cut_token],
    )
    .unwrap();
    conn.execute(
        "UPDATE memories SET content = ?1 WHERE id = 4",
        [&cut_envelope],
    )
    .unwrap();
    conn.execute(
        "UPDATE memories SET content = 'a plain note' WHERE id = 5",
        [],
    )
    .unwrap();
    drop(conn);
    let on_content = |cmd: &str| {
        let mut c = e.kw(&[
            "rotate",
            cmd,
            "--table",
            "memories",
            "--column",
            "content",
            "--key-env",
            "A",
        ]);
        c.arg("--db").arg(&db).env("A", hexkey(1));
        c
    };
    let st = json_of(on_content("status").args(["--format", "json"]));
    assert_eq!(st["plaintext"], 1, "{st}");
    assert_eq!(st["undecryptable"], 2, "{st}");
    // Keys given by flag have no id: none is made up.
    assert_eq!(st["by_key"]["fernet, a key without id"], 15, "{st}");
    assert!(!st.to_string().contains("4294967295"), "{st}");
    on_content("verify")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("3").and(predicate::str::contains("4")));
    let report = json_with_code(
        e.kw(&[
            "rotate",
            "run",
            "--table",
            "memories",
            "--column",
            "content",
            "--from-key-env",
            "A",
            "--to-key-env",
            "B",
            "--to-key-id",
            "2",
            "--encrypt-plaintext",
            "--on-error",
            "skip",
            "--format",
            "json",
        ])
        .arg("--db")
        .arg(&db)
        .env("A", hexkey(1))
        .env("B", hexkey(2)),
        1,
    );
    assert_eq!(report["encrypted_plaintext"], 1, "{report}");
    assert_eq!(report["undecryptable"], 2, "{report}");
    let skipped = report["skipped_keys"].to_string();
    assert!(
        skipped.contains("3 (content)") && skipped.contains("4 (content)"),
        "{skipped}"
    );
    let conn = Connection::open(&db).unwrap();
    let left: (String, String) = conn
        .query_row(
            "SELECT (SELECT content FROM memories WHERE id = 3), (SELECT content FROM memories WHERE id = 4)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        left,
        (cut_token, cut_envelope),
        "damaged values are untouched"
    );
}

/// Keyset pagination walks a key: the declared primary key of any type
/// (so `--context-from-row` binds what the service knows the row by), the
/// rowid, or a `--pk` column with a UNIQUE index of its own and no NULL. A
/// column that is not a key, or that is NULL somewhere, would skip or never
/// reach rows: refused (exit 2) before anything is written.
#[test]
fn the_key_column_must_be_a_key() {
    let e = Env::new();
    let fernet = FernetKey::new(&key(1));
    let make = |name: &str, ddl: &str, rows: &[(&str, String)]| -> PathBuf {
        let path = e.dir.path().join(format!("{name}.db"));
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(ddl).unwrap();
        for (i, (sql, v)) in rows.iter().enumerate() {
            let t = fernet.encrypt(format!("v{i}").as_bytes()).unwrap();
            conn.execute(sql, rusqlite::params![v, t]).unwrap();
        }
        path
    };
    let rotate = |db: &Path, extra: &[&str]| {
        let mut c = e.kw(&[
            "rotate",
            "run",
            "--table",
            "t",
            "--column",
            "c",
            "--from-key-env",
            "A",
            "--to-key-env",
            "B",
            "--to-key-id",
            "2",
        ]);
        c.arg("--db")
            .arg(db)
            .args(extra)
            .env("A", hexkey(1))
            .env("B", hexkey(2));
        c
    };
    // Every row of the 30 rotated, and exit 0.
    let rotates_all = |db: &Path| {
        rotate(db, &[])
            .assert()
            .success()
            .stdout(predicate::str::contains("rotated 30 values"));
    };
    let ins = "INSERT INTO t (k, c) VALUES (?1, ?2)";
    let text_rows: Vec<(&str, String)> = (0..30).map(|i| (ins, format!("user-{i:05}"))).collect();
    // A TEXT primary key: contexts carry it, not the rowid.
    let textpk = make(
        "textpk",
        "CREATE TABLE t (k TEXT PRIMARY KEY, c TEXT)",
        &text_rows,
    );
    rotate(&textpk, &["--context-from-row"]).assert().success();
    let conn = Connection::open(&textpk).unwrap();
    let v: String = conn
        .query_row("SELECT c FROM t WHERE k = 'user-00010'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        &EnvelopeKey::new(&key(2), 2)
            .open_base64(&v, Some(b"t/c/user-00010"))
            .unwrap()[..],
        b"v10"
    );
    // WITHOUT ROWID rotates, keyed by its primary key of one column or
    // several (a row value, compared in the key's order).
    let wr1 = make(
        "wr1",
        "CREATE TABLE t (k TEXT PRIMARY KEY, c TEXT) WITHOUT ROWID",
        &text_rows,
    );
    rotates_all(&wr1);
    let wr2 = make(
        "wr2",
        "CREATE TABLE t (k TEXT, n INT DEFAULT 1, c TEXT, PRIMARY KEY (k, n)) WITHOUT ROWID",
        &text_rows,
    );
    rotates_all(&wr2);
    rotate(&wr2, &["--context-from-row"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("keyed by 2 columns"));
    // A composite key in a rowid table pages by rowid, but cannot be a context.
    let comp = make(
        "comp",
        "CREATE TABLE t (k TEXT, n INT DEFAULT 1, c TEXT, PRIMARY KEY (k, n))",
        &text_rows,
    );
    rotate(&comp, &["--context-from-row"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "primary key is on several columns",
        ));
    rotates_all(&comp);
    // --pk: not unique, or NULL somewhere: refused, nothing written.
    let grp_rows: Vec<(&str, String)> = (0..30)
        .map(|i| {
            (
                "INSERT INTO t (grp, c) VALUES (?1, ?2)",
                format!("g{}", i % 4),
            )
        })
        .collect();
    let grp = make(
        "grp",
        "CREATE TABLE t (id INTEGER PRIMARY KEY, grp TEXT, ext TEXT UNIQUE, c TEXT)",
        &grp_rows,
    );
    let before = std::fs::read(&grp).unwrap();
    rotate(&grp, &["--pk", "grp"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--pk grp is not a key (no UNIQUE index on exactly grp)",
        ));
    rotate(&grp, &["--pk", "grp,c2"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("has no column c2"));
    rotate(&grp, &["--pk", "grp,"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("names an empty column"));
    rotate(&grp, &["--pk", "ext"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--pk ext is NULL in some rows"));
    assert_eq!(std::fs::read(&grp).unwrap(), before, "nothing written");
    rotate(&grp, &["--pk", "rowid"])
        .assert()
        .success()
        .stdout(predicate::str::contains("rotated 30 values"));
    // A TEXT primary key with NULLs (SQLite allows them): paged by rowid.
    let nulls: Vec<(&str, String)> = (0..30).map(|i| (ins, format!("u{i}"))).collect();
    let nullpk = make(
        "nullpk",
        "CREATE TABLE t (k TEXT PRIMARY KEY, c TEXT)",
        &nulls,
    );
    Connection::open(&nullpk)
        .unwrap()
        .execute("UPDATE t SET k = NULL WHERE k IN ('u3', 'u4')", [])
        .unwrap();
    rotates_all(&nullpk);
    // INTEGER PRIMARY KEY DESC is no rowid alias and may be NULL: paged by rowid.
    let desc = make(
        "desc",
        "CREATE TABLE t (k INTEGER PRIMARY KEY DESC, c TEXT)",
        &[],
    );
    {
        let conn = Connection::open(&desc).unwrap();
        for i in 0..30i64 {
            let id: Option<i64> = (i % 10 != 0).then_some(i);
            conn.execute(
                "INSERT INTO t VALUES (?1, ?2)",
                rusqlite::params![id, fernet.encrypt(b"v").unwrap()],
            )
            .unwrap();
        }
    }
    rotates_all(&desc);
    // A column named oid does not hide the rowid (it is reached as rowid).
    let oid_rows: Vec<(&str, String)> = (0..30)
        .map(|i| {
            (
                "INSERT INTO t (oid, c) VALUES (?1, ?2)",
                format!("o{}", i % 3),
            )
        })
        .collect();
    let oid = make("oid", "CREATE TABLE t (oid TEXT, c TEXT)", &oid_rows);
    rotates_all(&oid);
}

/// Every run leaves `rotate.start` and `rotate.finish` in the audit log with
/// its counts, and a run that ends in an error (here a trigger refusing one
/// UPDATE) still closes with a failed `rotate.finish` naming the error; the
/// batches before it are kept, and the rerun finishes the rest.
#[test]
fn every_run_is_audited_with_its_counts_even_one_that_fails() {
    let e = Env::new();
    let db = e.db();
    envelope_memories(&db, 500);
    Connection::open(&db)
        .unwrap()
        .execute_batch(
            "CREATE TRIGGER refuse BEFORE UPDATE OF content ON memories WHEN NEW.id = 333
             BEGIN SELECT RAISE(ABORT, 'refused by a trigger'); END;",
        )
        .unwrap();
    let run = || {
        let mut c = e.kw(&[
            "rotate",
            "run",
            "--table",
            "memories",
            "--column",
            "content",
            "--batch",
            "100",
            "--from-key-env",
            "A",
            "--to-key-env",
            "B",
            "--to-key-id",
            "2",
        ]);
        c.arg("--db")
            .arg(&db)
            .env("A", hexkey(1))
            .env("B", hexkey(2));
        c
    };
    run()
        .assert()
        .failure()
        .stderr(predicate::str::contains("refused by a trigger"));
    let entries = || {
        json_of(&mut e.kw(&[
            "audit", "query", "--action", "rotate.*", "--order", "asc", "--format", "json",
        ]))
    };
    let log = entries();
    let log = log.as_array().unwrap();
    assert_eq!(log.len(), 2, "{log:?}");
    assert_eq!(log[0]["action"], "rotate.start");
    assert_eq!(log[0]["details"]["table"], "memories");
    assert_eq!(log[1]["action"], "rotate.finish");
    assert_eq!(log[1]["outcome"], "failure");
    assert!(
        log[1]["details"]["error"]
            .as_str()
            .unwrap()
            .contains("refused by a trigger"),
        "{}",
        log[1]
    );
    Connection::open(&db)
        .unwrap()
        .execute_batch("DROP TRIGGER refuse")
        .unwrap();
    let report = json_of(run().args(["--format", "json"]));
    // 450 encrypted values: 270 of the first three batches were committed.
    assert_eq!(report["current"], 270, "{report}");
    assert_eq!(report["rotated"], 180, "{report}");
    let log = entries();
    let finish = &log.as_array().unwrap()[3];
    assert_eq!(finish["action"], "rotate.finish");
    assert_eq!(finish["outcome"], "success");
    assert_eq!(finish["details"]["report"]["rotated"], 180);
    assert_eq!(finish["details"]["report"]["rows"], 500);
}

#[test]
fn where_throttle_and_bad_targets() {
    let e = Env::new();
    let db = e.db();
    envelope_memories(&db, 100);
    let start = std::time::Instant::now();
    let doc = json_of(
        e.rotate(&[
            "--format",
            "json",
            "--where",
            "user_id = 'user1'",
            "--throttle",
            "100",
            "--batch",
            "10",
            "--from-key-env",
            "A",
            "--to-key-env",
            "B",
        ])
        .env("A", hexkey(1))
        .env("B", hexkey(2)),
    );
    assert_eq!(doc["rows"], 34);
    assert!(
        start.elapsed() >= std::time::Duration::from_millis(250),
        "34 rows at 100 rows/s"
    );
    let env = [("A", hexkey(1)), ("B", hexkey(2))];
    let run = |args: &[&str]| {
        let mut c = e.kw(&["rotate", "run", "--from-key-env", "A", "--to-key-env", "B"]);
        c.args(args).envs(env.clone());
        c
    };
    run(&[
        "--db",
        db.to_str().unwrap(),
        "--table",
        "nope",
        "--column",
        "content",
    ])
    .assert()
    .code(3)
    .stderr(predicate::str::contains("no table nope"));
    run(&[
        "--db",
        db.to_str().unwrap(),
        "--table",
        "memories",
        "--column",
        "nope",
    ])
    .assert()
    .code(3)
    .stderr(predicate::str::contains("no column nope"));
    run(&[
        "--db",
        db.to_str().unwrap(),
        "--table",
        "memories",
        "--column",
        "content",
        "--where",
        "no such (((",
    ])
    .assert()
    .code(2);
    run(&[
        "--db",
        "/nonexistent.db",
        "--table",
        "memories",
        "--column",
        "content",
    ])
    .assert()
    .code(4);
    run(&[
        "--db",
        db.to_str().unwrap(),
        "--table",
        "memories",
        "--column",
        "content",
        "--throttle",
        "0",
    ])
    .assert()
    .code(2);
    e.kw(&[
        "rotate",
        "run",
        "--db",
        db.to_str().unwrap(),
        "--table",
        "memories",
        "--column",
        "content",
        "--to-key-env",
        "B",
    ])
    .env("B", hexkey(2))
    .assert()
    .code(2);
}

#[test]
fn kill_9_at_random_moments_then_resume_loses_nothing() {
    let e = Env::new();
    let db = e.db();
    let rows = 200_000;
    let old = EnvelopeKey::new(&key(1), 1);
    {
        let conn = Connection::open(&db).unwrap();
        conn.execute_batch("PRAGMA journal_mode = WAL; CREATE TABLE memories (id INTEGER PRIMARY KEY, content TEXT)").unwrap();
        let tx = conn.unchecked_transaction().unwrap();
        for i in 1..=rows {
            tx.execute(
                "INSERT INTO memories VALUES (?1, ?2)",
                rusqlite::params![
                    i as i64,
                    old.seal_base64(format!("value {i}").as_bytes(), None)
                        .unwrap()
                ],
            )
            .unwrap();
        }
        tx.commit().unwrap();
    }
    let bin = kw_path();
    let mut kills = 0;
    for round in 0..6 {
        let mut child = std::process::Command::new(&bin)
            .args(["--store"])
            .arg(&e.store)
            .args([
                "rotate",
                "run",
                "--table",
                "memories",
                "--column",
                "content",
                "--batch",
                "500",
                "--from-key-env",
                "A",
                "--to-key-env",
                "B",
                "--to-key-id",
                "2",
                "--db",
            ])
            .arg(&db)
            .env("A", hexkey(1))
            .env("B", hexkey(2))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let wait = 60 + (round * 97 + kills * 31) % 400;
        std::thread::sleep(std::time::Duration::from_millis(wait as u64));
        if child.try_wait().unwrap().is_none() {
            // SIGKILL: no chance to clean up.
            unsafe { libc::kill(child.id() as i32, libc::SIGKILL) };
            kills += 1;
        }
        let _ = child.wait();
        // Between kills every row is readable with one of the two keys.
        let conn = Connection::open(&db).unwrap();
        let done: i64 = conn
            .query_row(
                "SELECT count(*) FROM memories WHERE content GLOB 'S1cBAAAAA[g-v]*'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert!(done as usize <= rows);
    }
    assert!(
        kills >= 1,
        "the rotation was never interrupted; make the test data larger"
    );
    e.kw(&[
        "rotate",
        "run",
        "--table",
        "memories",
        "--column",
        "content",
        "--from-key-env",
        "A",
        "--to-key-env",
        "B",
        "--to-key-id",
        "2",
    ])
    .arg("--db")
    .arg(&db)
    .env("A", hexkey(1))
    .env("B", hexkey(2))
    .assert()
    .success();
    e.kw(&[
        "rotate",
        "verify",
        "--table",
        "memories",
        "--column",
        "content",
        "--key-env",
        "B",
    ])
    .arg("--db")
    .arg(&db)
    .env("B", hexkey(2))
    .assert()
    .success();
    let conn = Connection::open(&db).unwrap();
    let k = EnvelopeKey::new(&key(2), 2);
    let mut stmt = conn.prepare("SELECT id, content FROM memories").unwrap();
    let mut n = 0;
    for row in stmt
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
        .unwrap()
    {
        let (id, v) = row.unwrap();
        assert_eq!(
            &k.open_base64(&v, None).unwrap()[..],
            format!("value {id}").as_bytes()
        );
        n += 1;
    }
    assert_eq!(n, rows);
}

#[test]
fn a_concurrent_writer_is_never_overwritten_with_stale_data() {
    let e = Env::new();
    let db = e.db();
    let old = EnvelopeKey::new(&key(1), 1);
    let rows = 5_000i64;
    {
        let conn = Connection::open(&db).unwrap();
        conn.execute_batch("PRAGMA journal_mode = WAL; CREATE TABLE memories (id INTEGER PRIMARY KEY, content TEXT)").unwrap();
        let tx = conn.unchecked_transaction().unwrap();
        for i in 1..=rows {
            tx.execute(
                "INSERT INTO memories VALUES (?1, ?2)",
                rusqlite::params![
                    i,
                    old.seal_base64(format!("original {i}").as_bytes(), None)
                        .unwrap()
                ],
            )
            .unwrap();
        }
        tx.commit().unwrap();
    }
    // The writer is another process (this test binary, running the ignored
    // `concurrent_writer_child` below), as a live service would be.
    let last_file = e.dir.path().join("writer-last.json");
    let mut writer = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--ignored",
            "--exact",
            "rotate::concurrent_writer_child",
            "--test-threads",
            "1",
            "--quiet",
        ])
        .env("KW_WRITER_DB", &db)
        .env("KW_WRITER_ROWS", rows.to_string())
        .env("KW_WRITER_OUT", &last_file)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    e.kw(&[
        "rotate",
        "run",
        "--table",
        "memories",
        "--column",
        "content",
        "--batch",
        "50",
        "--throttle",
        "4000",
        "--from-key-env",
        "A",
        "--to-key-env",
        "B",
        "--to-key-id",
        "2",
    ])
    .arg("--db")
    .arg(&db)
    .env("A", hexkey(1))
    .env("B", hexkey(2))
    .assert()
    .success();
    assert!(
        writer.wait().unwrap().success(),
        "the writer process failed"
    );
    let last: HashMap<i64, String> =
        serde_json::from_slice(&std::fs::read(&last_file).unwrap()).unwrap();
    assert!(last.len() > 100, "the writer made {} updates", last.len());
    let all = decrypt_all(&db, &[(2, key(2)), (1, key(1))]);
    for id in 1..=rows {
        let expected = last
            .get(&id)
            .cloned()
            .unwrap_or_else(|| format!("original {id}"));
        assert_eq!(all[&id], expected, "row {id}");
    }
}

/// The writer of `a_concurrent_writer_is_never_overwritten_with_stale_data`,
/// run by it as a child process: random rows updated for 1.5 s, then each
/// row's last value written as JSON to KW_WRITER_OUT.
#[test]
#[ignore = "run as a child process by a_concurrent_writer_is_never_overwritten_with_stale_data"]
fn concurrent_writer_child() {
    let db = PathBuf::from(std::env::var_os("KW_WRITER_DB").expect("KW_WRITER_DB"));
    let rows: i64 = std::env::var("KW_WRITER_ROWS").unwrap().parse().unwrap();
    let conn = Connection::open(&db).unwrap();
    conn.busy_timeout(std::time::Duration::from_secs(30))
        .unwrap();
    let k = EnvelopeKey::new(&key(1), 1);
    let mut last: HashMap<i64, String> = HashMap::new();
    let mut x: u64 = 12345;
    let start = std::time::Instant::now();
    let mut n = 0;
    while start.elapsed() < std::time::Duration::from_millis(1500) {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let id = (x >> 33) as i64 % rows + 1;
        n += 1;
        let value = format!("writer {id} #{n}");
        conn.execute(
            "UPDATE memories SET content = ?1 WHERE id = ?2",
            rusqlite::params![k.seal_base64(value.as_bytes(), None).unwrap(), id],
        )
        .unwrap();
        last.insert(id, value);
    }
    std::fs::write(
        std::env::var_os("KW_WRITER_OUT").unwrap(),
        serde_json::to_vec(&last).unwrap(),
    )
    .unwrap();
}

/// `key list` and `key retire` count what `rotate` would rotate: JSON
/// fields inside a column (seeds 000 and 001's `encrypt_dict` layout) and
/// every table of a plan, so a key still holding such fields is not retired.
#[test]
fn json_fields_inside_a_column_are_rotated_in_place() {
    let e = Env::new();
    let db = e.db();
    users(&db, 50, &key(1));
    let run = |extra: &[&str]| {
        let mut c = e.kw(&["rotate", "run"]);
        c.args(USERS_FIELDS)
            .args([
                "--from-key-env",
                "A",
                "--to-key-env",
                "B",
                "--to-key-id",
                "2",
            ])
            .arg("--db")
            .arg(&db)
            .args(extra)
            .env("A", hexkey(1))
            .env("B", hexkey(2));
        c
    };
    let doc = json_of(&mut run(&["--format", "json"]));
    // Hardening #19: values are counted, as `status` counts them: two
    // encrypted fields in each of 50 rows are 100 values, not 50 cells.
    assert_eq!(doc["rotated"], 100, "two rotated fields per row");
    assert_eq!(doc["rows"], 50);
    let conn = Connection::open(&db).unwrap();
    let text: String = conn
        .query_row("SELECT profile FROM users WHERE id = 7", [], |r| r.get(0))
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["name", "email", "nested", "note"], "key order kept");
    assert_eq!(v["name"], "user 7");
    assert_eq!(v["note"], "plain");
    assert_eq!(v["nested"]["tier"], 3);
    let k2 = EnvelopeKey::new(&key(2), 2);
    assert_eq!(
        &k2.open_base64(v["email"].as_str().unwrap(), None).unwrap()[..],
        b"user7@example.test"
    );
    assert_eq!(
        &k2.open_base64(v["nested"]["token"].as_str().unwrap(), None)
            .unwrap()[..],
        b"token 7"
    );
    drop(conn);
    let again = json_of(&mut run(&["--format", "json"]));
    assert_eq!(again["rotated"], 0);
    assert_eq!(again["current"], 100);
    let st = json_of(
        e.kw(&["rotate", "status", "--format", "json", "--key-env", "B"])
            .args(USERS_FIELDS)
            .arg("--db")
            .arg(&db)
            .env("B", hexkey(2)),
    );
    assert_eq!(
        st["by_key"]
            .as_object()
            .unwrap()
            .values()
            .map(|v| v.as_u64().unwrap())
            .sum::<u64>(),
        100
    );
    // A value that is not JSON is never overwritten.
    Connection::open(&db)
        .unwrap()
        .execute("UPDATE users SET profile = 'not json' WHERE id = 3", [])
        .unwrap();
    e.kw(&[
        "rotate",
        "verify",
        "--table",
        "users",
        "--json-field",
        "profile:email",
        "--key-env",
        "B",
    ])
    .arg("--db")
    .arg(&db)
    .env("B", hexkey(2))
    .assert()
    .code(1)
    .stdout(predicate::str::contains("3 (profile: not JSON)"));
    e.kw(&[
        "rotate",
        "run",
        "--table",
        "users",
        "--json-field",
        "profile",
        "--from-key-env",
        "A",
        "--to-key-env",
        "B",
    ])
    .arg("--db")
    .arg(&db)
    .env("A", hexkey(1))
    .env("B", hexkey(2))
    .assert()
    .code(2);
    e.kw(&[
        "rotate",
        "run",
        "--table",
        "users",
        "--column",
        "profile",
        "--json-field",
        "profile:email",
        "--from-key-env",
        "A",
        "--to-key-env",
        "B",
    ])
    .arg("--db")
    .arg(&db)
    .env("A", hexkey(1))
    .env("B", hexkey(2))
    .assert()
    .code(2);
}

#[test]
fn a_plan_rotates_several_tables_after_preflighting_them_all() {
    let e = Env::new();
    let db = e.db();
    let plain = envelope_memories(&db, 120);
    users(&db, 30, &key(1));
    let plan = write_file(
        e.dir.path(),
        "plan.toml",
        "[[table]]\nname = \"memories\"\ncolumns = [\"content\", \"metadata\"]\n\n[[table]]\nname = \"users\"\njson_fields = [\"profile:email\", \"profile:nested.token\"]\n",
        0o644,
    );
    let run = |extra: &[&str]| {
        let mut c = e.kw(&[
            "rotate",
            "run",
            "--from-key-env",
            "A",
            "--to-key-env",
            "B",
            "--to-key-id",
            "2",
            "--plan",
        ]);
        c.arg(&plan)
            .arg("--db")
            .arg(&db)
            .args(extra)
            .env("A", hexkey(1))
            .env("B", hexkey(2));
        c
    };
    // A stranger in the second table: the preflight refuses before the first table is touched.
    let conn = Connection::open(&db).unwrap();
    let stranger =
        serde_json::json!({"email": EnvelopeKey::new(&key(9), 1).seal_base64(b"x", None).unwrap()})
            .to_string();
    let saved: String = conn
        .query_row("SELECT profile FROM users WHERE id = 1", [], |r| r.get(0))
        .unwrap();
    conn.execute("UPDATE users SET profile = ?1 WHERE id = 1", [&stranger])
        .unwrap();
    drop(conn);
    let before = std::fs::read(&db).unwrap();
    run(&[])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("preflight"));
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "nothing written in any table"
    );
    Connection::open(&db)
        .unwrap()
        .execute("UPDATE users SET profile = ?1 WHERE id = 1", [&saved])
        .unwrap();
    let doc = json_of(&mut run(&["--format", "json"]));
    let tables = doc["tables"].as_array().unwrap();
    assert_eq!(tables.len(), 2);
    assert_eq!(tables[0]["table"], "memories");
    assert_eq!(tables[1]["rotated"], 60, "two JSON fields in 30 rows");
    assert_eq!(decrypt_all(&db, &[(2, key(2))]), plain);
    e.kw(&["rotate", "verify", "--key-env", "B", "--plan"])
        .arg(&plan)
        .arg("--db")
        .arg(&db)
        .env("B", hexkey(2))
        .assert()
        .success();
    let bad = write_file(
        e.dir.path(),
        "bad.toml",
        "[[table]]\nname = \"users\"\ncolumnz = [\"x\"]\n",
        0o644,
    );
    e.kw(&[
        "rotate",
        "run",
        "--from-key-env",
        "A",
        "--to-key-env",
        "B",
        "--plan",
    ])
    .arg(&bad)
    .arg("--db")
    .arg(&db)
    .env("A", hexkey(1))
    .env("B", hexkey(2))
    .assert()
    .code(3)
    .stderr(predicate::str::contains("bad.toml"));
    e.kw(&[
        "rotate",
        "run",
        "--from-key-env",
        "A",
        "--to-key-env",
        "B",
        "--table",
        "users",
        "--plan",
    ])
    .arg(&plan)
    .arg("--db")
    .arg(&db)
    .assert()
    .code(2);
}

#[test]
fn postgres_tables_rotate_with_the_same_promises() {
    let Some((url, mut client)) = test_postgres() else {
        return;
    };
    let table = format!(
        "kw_rotate_{}_{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .subsec_nanos()
    );
    client
        .batch_execute(&format!(
            "CREATE TABLE {table} (id bigint PRIMARY KEY, content text, blobby bytea, doc jsonb)"
        ))
        .unwrap();
    let old = FernetKey::new(&key(1));
    for i in 1..=250i64 {
        let doc = serde_json::json!({"name": format!("n{i}"), "secret": old.encrypt(format!("s{i}").as_bytes()).unwrap()}).to_string();
        client
            .execute(
                &format!("INSERT INTO {table} VALUES ($1, $2, $3, $4::text::jsonb)"),
                &[
                    &i,
                    &old.encrypt(format!("pg memory {i}").as_bytes()).unwrap(),
                    &old.encrypt(b"blob").unwrap().into_bytes(),
                    &doc,
                ],
            )
            .unwrap();
    }
    let e = Env::new();
    let run = |extra: &[&str]| {
        let mut c = e.kw(&[
            "rotate",
            "run",
            "--db",
            &url,
            "--table",
            &table,
            "--column",
            "content",
            "--column",
            "blobby",
            "--json-field",
            "doc:secret",
            "--from-key-env",
            "A",
            "--to-key-env",
            "B",
            "--to-key-id",
            "2",
            "--batch",
            "64",
        ]);
        c.args(extra).env("A", hexkey(1)).env("B", hexkey(2));
        c
    };
    // The preflight refuses a wrong key and writes nothing.
    e.kw(&[
        "rotate",
        "run",
        "--db",
        &url,
        "--table",
        &table,
        "--column",
        "content",
        "--from-key-env",
        "A",
        "--to-key-env",
        "B",
    ])
    .env("A", hexkey(9))
    .env("B", hexkey(2))
    .assert()
    .code(3);
    let doc = json_of(&mut run(&["--format", "json"]));
    assert_eq!(doc["rotated"], 750);
    assert_eq!(doc["batches"], 4);
    let again = json_of(&mut run(&["--format", "json"]));
    assert_eq!(again["rotated"], 0);
    assert_eq!(again["current"], 750);
    let k2 = EnvelopeKey::new(&key(2), 2);
    for row in client
        .query(
            &format!("SELECT id, content, blobby, doc::text FROM {table}"),
            &[],
        )
        .unwrap()
    {
        let id: i64 = row.get(0);
        assert_eq!(
            &k2.open_base64(&row.get::<_, String>(1), None).unwrap()[..],
            format!("pg memory {id}").as_bytes()
        );
        assert_eq!(
            &k2.open_base64(
                std::str::from_utf8(&row.get::<_, Vec<u8>>(2)).unwrap(),
                None
            )
            .unwrap()[..],
            b"blob"
        );
        let doc: serde_json::Value = serde_json::from_str(&row.get::<_, String>(3)).unwrap();
        assert_eq!(
            &k2.open_base64(doc["secret"].as_str().unwrap(), None)
                .unwrap()[..],
            format!("s{id}").as_bytes()
        );
        assert_eq!(doc["name"], format!("n{id}"));
    }
    // A corrupted value stops the run and stays as it was.
    let bad = EnvelopeKey::new(&key(8), 1)
        .seal_base64(b"stranger", None)
        .unwrap();
    client
        .execute(
            &format!("UPDATE {table} SET content = $1 WHERE id = 200"),
            &[&bad],
        )
        .unwrap();
    e.kw(&[
        "rotate",
        "verify",
        "--db",
        &url,
        "--table",
        &table,
        "--column",
        "content",
        "--key-env",
        "B",
    ])
    .env("B", hexkey(2))
    .assert()
    .code(1)
    .stdout(predicate::str::contains("200 (content)"));
    e.kw(&[
        "rotate",
        "run",
        "--db",
        &url,
        "--table",
        &table,
        "--column",
        "content",
        "--from-key-env",
        "B",
        "--to-key-env",
        "C",
        "--to-key-id",
        "3",
    ])
    .env("B", hexkey(2))
    .env("C", hexkey(3))
    .assert()
    .code(1)
    .stdout(predicate::str::contains("stopped at id 200"));
    let still: String = client
        .query_one(&format!("SELECT content FROM {table} WHERE id = 200"), &[])
        .unwrap()
        .get(0);
    assert_eq!(still, bad);
    client
        .batch_execute(&format!("DROP TABLE {table}"))
        .unwrap();
    e.kw(&[
        "rotate",
        "run",
        "--db",
        "postgres://postgres@127.0.0.1:1/test",
        "--table",
        "t",
        "--column",
        "c",
        "--from-key-env",
        "A",
        "--to-key-env",
        "B",
    ])
    .env("A", hexkey(1))
    .env("B", hexkey(2))
    .assert()
    .code(4);
}

#[test]
fn postgres_over_tls_with_libpq_sslmodes() {
    let Some((url, mut client)) = test_postgres() else {
        return;
    };
    let ssl_on: String = client.query_one("SHOW ssl", &[]).unwrap().get(0);
    // Debian's server certificate (CN and SAN localhost).
    let snakeoil = std::path::Path::new("/etc/ssl/certs/ssl-cert-snakeoil.pem");
    if ssl_on != "on" || !snakeoil.exists() || !url.contains("127.0.0.1") {
        missing(
            "POSTGRES",
            &format!("the server at {url} has no TLS with Debian's snakeoil certificate"),
            "turn on ssl in postgresql.conf with /etc/ssl/certs/ssl-cert-snakeoil.pem (Debian's default)",
        );
        return;
    }
    let table = format!("kw_tls_{}", std::process::id());
    client
        .batch_execute(&format!(
            "DROP TABLE IF EXISTS {table}; CREATE TABLE {table} (id bigint PRIMARY KEY, content text)"
        ))
        .unwrap();
    let old = FernetKey::new(&key(1));
    for i in 1..=5i64 {
        client
            .execute(
                &format!("INSERT INTO {table} VALUES ($1, $2)"),
                &[&i, &old.encrypt(format!("tls {i}").as_bytes()).unwrap()],
            )
            .unwrap();
    }
    let e = Env::new();
    let sep = if url.contains('?') { '&' } else { '?' };
    let run = |db: &str| {
        let mut c = e.kw(&[
            "rotate",
            "run",
            "--db",
            db,
            "--table",
            &table,
            "--column",
            "content",
            "--from-key-env",
            "A",
            "--from-key-env",
            "B",
            "--to-key-env",
            "B",
            "--to-key-id",
            "2",
            "--format",
            "json",
        ]);
        c.env("A", hexkey(1)).env("B", hexkey(2));
        c
    };
    let root = snakeoil.display().to_string();
    // require: encrypted; the certificate is not checked (libpq's meaning).
    let doc = json_of(&mut run(&format!("{url}{sep}sslmode=require")));
    assert_eq!(doc["rotated"], 5);
    // verify-full checks the name: 127.0.0.1 is not in the certificate...
    run(&format!("{url}{sep}sslmode=verify-full&sslrootcert={root}"))
        .assert()
        .code(4)
        .stderr(
            predicate::str::contains("certificate").and(
                predicate::str::contains("postgres:")
                    .not()
                    .or(predicate::str::contains("postgres://postgres@")),
            ),
        );
    // ...localhost is.
    let local = url.replace("127.0.0.1", "localhost");
    let doc = json_of(&mut run(&format!(
        "{local}{sep}sslmode=verify-full&sslrootcert={root}"
    )));
    assert_eq!(doc["current"], 5);
    // verify-ca checks the chain only.
    let doc = json_of(&mut run(&format!(
        "{url}{sep}sslmode=verify-ca&sslrootcert={root}"
    )));
    assert_eq!(doc["current"], 5);
    // A root that did not issue the server's certificate is refused.
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other-ca.pem");
    kw().args([
        "cert",
        "ca",
        "create",
        "--cn",
        "not the server's CA",
        "--out",
    ])
    .arg(&other)
    .arg("--key-out")
    .arg(dir.path().join("other-ca.key"))
    .arg("--store")
    .arg(dir.path().join("s.db"))
    .assert()
    .success();
    run(&format!(
        "{url}{sep}sslmode=verify-ca&sslrootcert={}",
        other.display()
    ))
    .assert()
    .code(4)
    .stderr(predicate::str::contains("UnknownIssuer"));
    run(&format!(
        "{url}{sep}sslmode=verify-ca&sslrootcert=/nonexistent/root.pem"
    ))
    .assert()
    .code(4)
    .stderr(predicate::str::contains("sslrootcert"));
    run(&format!("{url}{sep}sslmode=sometimes"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("sslmode 'sometimes'"));
    client
        .batch_execute(&format!("DROP TABLE {table}"))
        .unwrap();
}

/// The machine's PostgreSQL from `KEYWARD_TEST_POSTGRES_URL`, or None
/// (said loudly) when it is not set or not reachable.
/// PostgreSQL: a `--pk` without a UNIQUE index of its own, or with NULLs,
/// is refused before anything is written (it used to skip rows, or panic).
#[test]
fn postgres_refuses_a_key_column_that_is_not_a_key() {
    let Some((url, mut client)) = test_postgres() else {
        return;
    };
    let table = format!("kw_pk_{}", std::process::id());
    client
        .batch_execute(&format!(
            "DROP TABLE IF EXISTS {table}; CREATE TABLE {table} (id bigint PRIMARY KEY, grp int, ext text UNIQUE, c text);
             INSERT INTO {table} SELECT g, g % 7, CASE WHEN g % 4 = 0 THEN NULL ELSE 'e' || g END, 'plain' FROM generate_series(1, 40) g"
        ))
        .unwrap();
    let e = Env::new();
    let rotate = |pk: &str| {
        let mut c = e.kw(&[
            "rotate",
            "run",
            "--db",
            &url,
            "--table",
            &table,
            "--column",
            "c",
            "--pk",
            pk,
            "--encrypt-plaintext",
            "--from-key-env",
            "A",
            "--to-key-env",
            "B",
            "--to-key-id",
            "2",
        ]);
        c.env("A", hexkey(1)).env("B", hexkey(2));
        c
    };
    rotate("grp")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--pk grp is not a key"));
    // Two columns with no UNIQUE index on exactly them.
    rotate("grp,ext")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--pk grp,ext is not a key"));
    rotate("ext")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--pk ext is NULL in some rows"));
    let plain: i64 = client
        .query_one(
            &format!("SELECT count(*) FROM {table} WHERE c = 'plain'"),
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(plain, 40, "nothing written");
    rotate("id").assert().success();
    client
        .batch_execute(&format!("DROP TABLE {table}"))
        .unwrap();
}

/// A libpq key=value connection string is PostgreSQL (not a file name),
/// and its password never reaches a message, in either form.
#[test]
fn connection_string_passwords_never_reach_messages() {
    let e = Env::new();
    for db in [
        "host=127.0.0.1 port=1 user=app password=NotShown-7Qx dbname=test connect_timeout=2",
        "host=127.0.0.1 port=1 user=app password='Not Shown-7Qx' dbname=test",
        "postgres://app:NotShown-7Qx@127.0.0.1:1/test?connect_timeout=2",
        "postgres://app@127.0.0.1:1/test?password=NotShown-7Qx",
        "postgres://app:pa?ss-NotShown-7Qx@127.0.0.1:1/test",
        "keepalives=1 host=127.0.0.1 port=1 password=NotShown-7Qx",
    ] {
        e.kw(&[
            "rotate",
            "status",
            "--db",
            db,
            "--table",
            "t",
            "--column",
            "c",
            "--key-env",
            "A",
        ])
        .env("A", hexkey(1))
        .assert()
        .code(4)
        .stderr(
            predicate::str::contains("PostgreSQL at")
                .and(predicate::str::contains("127.0.0.1"))
                .and(predicate::str::contains("Shown-7Qx").not()),
        );
    }
}

/// A WITHOUT ROWID table keyed by two columns, the first shared by many
/// rows, over several batches: the row-value pagination reaches every row
/// exactly once, by default and with `--pk` naming the key in either order.
#[test]
fn composite_keys_page_through_every_row() {
    let e = Env::new();
    let fernet = FernetKey::new(&key(1));
    let path = e.dir.path().join("composite.db");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(
        "CREATE TABLE chunks (memory TEXT, n INTEGER, body TEXT, PRIMARY KEY (memory, n)) WITHOUT ROWID",
    )
    .unwrap();
    let mut want = std::collections::BTreeMap::new();
    for m in 0..7 {
        for n in 0..50 {
            let plain = format!("memory {m} chunk {n}");
            conn.execute(
                "INSERT INTO chunks VALUES (?1, ?2, ?3)",
                rusqlite::params![
                    format!("m{m}"),
                    n,
                    fernet.encrypt(plain.as_bytes()).unwrap()
                ],
            )
            .unwrap();
            want.insert((format!("m{m}"), n as i64), plain);
        }
    }
    drop(conn);
    let run = |extra: &[&str], to: u8, id: &str| {
        let mut c = e.kw(&[
            "rotate",
            "run",
            "--db",
            path.to_str().unwrap(),
            "--table",
            "chunks",
            "--column",
            "body",
            "--from-key-env",
            "A",
            "--from-key-env",
            "B",
            "--to-key-env",
            "C",
            "--to-key-id",
            id,
            "--batch",
            "16",
            "--format",
            "json",
        ]);
        c.args(extra)
            .env("A", hexkey(1))
            .env("B", hexkey(2))
            .env("C", hexkey(to));
        json_of(&mut c)
    };
    let doc = run(&[], 2, "2");
    assert_eq!(doc["rotated"], 350, "{doc}");
    assert_eq!(doc["rows"], 350, "{doc}");
    // The key named the other way round is the same key.
    let doc = run(&["--pk", "n,memory"], 3, "3");
    assert_eq!(doc["rotated"], 350, "{doc}");
    let conn = Connection::open(&path).unwrap();
    let env3 = EnvelopeKey::new(&key(3), 3);
    let mut stmt = conn.prepare("SELECT memory, n, body FROM chunks").unwrap();
    let got: std::collections::BTreeMap<(String, i64), String> = stmt
        .query_map([], |r| Ok(((r.get(0)?, r.get(1)?), r.get::<_, String>(2)?)))
        .unwrap()
        .map(|r| {
            let (k, v) = r.unwrap();
            (
                k,
                String::from_utf8(env3.open_base64(&v, None).unwrap().to_vec()).unwrap(),
            )
        })
        .collect();
    assert_eq!(got, want);
    // A value that cannot be decrypted is named by its whole key.
    conn.execute(
        "UPDATE chunks SET body = 'gAAAAABcut' WHERE memory = 'm3' AND n = 7",
        [],
    )
    .unwrap();
    drop(stmt);
    drop(conn);
    e.kw(&[
        "rotate",
        "verify",
        "--db",
        path.to_str().unwrap(),
        "--table",
        "chunks",
        "--column",
        "body",
        "--key-env",
        "C",
    ])
    .env("C", hexkey(3))
    .assert()
    .code(1)
    .stdout(predicate::str::contains("(m3, 7)"));
}

/// PostgreSQL tables keyed by a uuid, and by two columns: paged and
/// updated through the key's own index (compared in its type, not as
/// text), every row reached once.
#[test]
fn postgres_uuid_and_composite_keys() {
    let Some((url, mut client)) = test_postgres() else {
        return;
    };
    let (u, c) = (
        format!("kw_uuid_{}", std::process::id()),
        format!("kw_comp_{}", std::process::id()),
    );
    client
        .batch_execute(&format!(
            "DROP TABLE IF EXISTS {u}; DROP TABLE IF EXISTS {c};
             CREATE TABLE {u} (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), body text);
             CREATE TABLE {c} (tenant text, n int, body bytea, PRIMARY KEY (tenant, n));"
        ))
        .unwrap();
    let old = FernetKey::new(&key(1));
    for i in 0..120i32 {
        let t = old.encrypt(format!("u{i}").as_bytes()).unwrap();
        client
            .execute(&format!("INSERT INTO {u} (body) VALUES ($1)"), &[&t])
            .unwrap();
        let t = old
            .encrypt(format!("c{i}").as_bytes())
            .unwrap()
            .into_bytes();
        client
            .execute(
                &format!("INSERT INTO {c} VALUES ($1, $2, $3)"),
                &[&format!("t{}", i % 3), &i, &t],
            )
            .unwrap();
    }
    // The pagination reads the key's index, not a sort of the whole table.
    let plan: Vec<String> = client
        .query(
            &format!("EXPLAIN SELECT id::text AS kw_key0 FROM {u} WHERE id > $1::text::uuid ORDER BY {u}.id LIMIT 10"),
            &[&"00000000-0000-0000-0000-000000000000"],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert!(plan.iter().any(|l| l.contains("Index")), "{plan:?}");
    let e = Env::new();
    for table in [&u, &c] {
        let mut cmd = e.kw(&[
            "rotate",
            "run",
            "--db",
            &url,
            "--table",
            table,
            "--column",
            "body",
            "--from-key-env",
            "A",
            "--to-key-env",
            "B",
            "--to-key-id",
            "2",
            "--to",
            "fernet",
            "--batch",
            "25",
            "--format",
            "json",
        ]);
        cmd.env("A", hexkey(1)).env("B", hexkey(2));
        let doc = json_of(&mut cmd);
        assert_eq!(doc["rotated"], 120, "{table}: {doc}");
        e.kw(&[
            "rotate",
            "verify",
            "--db",
            &url,
            "--table",
            table,
            "--column",
            "body",
            "--key-env",
            "B",
        ])
        .env("B", hexkey(2))
        .assert()
        .success();
    }
    let new = FernetKey::new(&key(2));
    let rows = client
        .query(&format!("SELECT tenant, n, body FROM {c} ORDER BY n"), &[])
        .unwrap();
    assert_eq!(rows.len(), 120);
    for (i, r) in rows.iter().enumerate() {
        let body: Vec<u8> = r.get(2);
        let plain = new
            .decrypt(std::str::from_utf8(&body).unwrap(), None)
            .unwrap();
        assert_eq!(&plain[..], format!("c{i}").as_bytes());
    }
    // A composite key cannot be a row context.
    let mut cmd = e.kw(&[
        "rotate",
        "run",
        "--db",
        &url,
        "--table",
        &c,
        "--column",
        "body",
        "--context-from-row",
        "--from-key-env",
        "A",
        "--to-key-env",
        "B",
        "--to-key-id",
        "2",
    ]);
    cmd.env("A", hexkey(1)).env("B", hexkey(2));
    cmd.assert()
        .code(2)
        .stderr(predicate::str::contains("keyed by 2 columns"));
    client
        .batch_execute(&format!("DROP TABLE {u}; DROP TABLE {c}"))
        .unwrap();
}

#[test]
fn a_text_value_that_is_not_utf8_is_named_and_left_alone() {
    let e = Env::new();
    let db = e.db();
    let old = EnvelopeKey::new(&key(1), 1);
    let plain = memories(&db, 300, |_, t| {
        old.seal_base64(t.as_bytes(), None).unwrap()
    });
    let conn = Connection::open(&db).unwrap();
    conn.execute(
        "UPDATE memories SET content = CAST(X'ff41c3' AS TEXT) WHERE id = 251",
        [],
    )
    .unwrap();
    let bytes = |conn: &Connection| -> Vec<u8> {
        conn.query_row(
            "SELECT CAST(content AS BLOB) FROM memories WHERE id = 251",
            [],
            |r| r.get(0),
        )
        .unwrap()
    };
    let run = |extra: &[&str]| {
        let mut c = e.kw(&[
            "rotate",
            "run",
            "--table",
            "memories",
            "--column",
            "content",
            "--batch",
            "100",
            "--from-key-env",
            "A",
            "--to-key-env",
            "B",
            "--to-key-id",
            "2",
        ]);
        c.arg("--db")
            .arg(&db)
            .args(extra)
            .env("A", hexkey(1))
            .env("B", hexkey(2));
        c
    };
    // One clear line naming the row and column, bad input, not a crash.
    run(&[]).assert().code(3).stderr(
        predicate::str::contains("memories.content at id 251")
            .and(predicate::str::contains("not valid UTF-8"))
            .and(predicate::str::contains("this is a bug").not()),
    );
    assert_eq!(bytes(&conn), b"\xffA\xc3");
    e.kw(&[
        "rotate",
        "status",
        "--table",
        "memories",
        "--column",
        "content",
        "--key-env",
        "A",
    ])
    .arg("--db")
    .arg(&db)
    .env("A", hexkey(1))
    .assert()
    .code(3)
    .stderr(predicate::str::contains("at id 251"));
    // Fixed, the rotation resumes and every value opens with the new key.
    conn.execute(
        "UPDATE memories SET content = ?1 WHERE id = 251",
        [old.seal_base64(b"memory number 251", None).unwrap()],
    )
    .unwrap();
    run(&[]).assert().success();
    assert_eq!(decrypt_all(&db, &[(2, key(2))]), plain);
}

/// Hardening #19: a run stopped while writing its first batch (a
/// concurrent writer put a value no key opens into a row between the read
/// and the compare-and-swap) reports no rotated values: the batches the
/// crypto thread planned ahead were never written.
#[test]
fn hardening_19_a_run_stopped_at_a_write_reports_only_what_it_wrote() {
    let e = Env::new();
    let db = e.db();
    let old = FernetKey::new(&key(1));
    memories(&db, 300, |_, t| old.encrypt(t.as_bytes()).unwrap());
    let foreign = FernetKey::new(&key(9))
        .encrypt(b"written by someone else")
        .unwrap();
    let conn = Connection::open(&db).unwrap();
    // The first compare-and-swap of row 1's content finds it changed.
    conn.execute_batch(&format!(
        "CREATE TABLE fired (n INTEGER);
         CREATE TRIGGER meddle BEFORE UPDATE OF content ON memories
         WHEN NEW.id = 1 AND (SELECT COUNT(*) FROM fired) = 0
         BEGIN
           INSERT INTO fired VALUES (1);
           UPDATE memories SET content = '{foreign}' WHERE id = 1;
           SELECT RAISE(IGNORE);
         END;"
    ))
    .unwrap();
    drop(conn);
    let run = || {
        let mut c = e.kw(&[
            "rotate",
            "run",
            "--table",
            "memories",
            "--column",
            "content",
            "--from-key-env",
            "A",
            "--to-key-env",
            "B",
            "--batch",
            "50",
            "--format",
            "json",
        ]);
        c.arg("--db")
            .arg(&db)
            .env("A", hexkey(1))
            .env("B", hexkey(2));
        c
    };
    let doc = json_with_code(&mut run(), 1);
    assert_eq!(doc["aborted"], true, "{doc}");
    assert_eq!(doc["rotated"], 0, "{doc}");
    assert_eq!(doc["rows"], 0, "{doc}");
    assert_eq!(doc["undecryptable"], 1, "{doc}");
    // Nothing of the batch was written.
    let conn = Connection::open(&db).unwrap();
    let under_new: i64 = {
        let new = FernetKey::new(&key(2));
        let mut stmt = conn
            .prepare("SELECT content FROM memories WHERE content IS NOT NULL")
            .unwrap();
        stmt.query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .filter(|v| new.decrypt(v.as_ref().unwrap(), None).is_ok())
            .count() as i64
    };
    assert_eq!(under_new, 0);
}

/// A stand-in PostgreSQL server on 127.0.0.1 that asks every client for a
/// cleartext password and records what it sends (None: the client sent
/// none), then refuses it as a real server would. The trust-auth test
/// server accepts any password, so only this shows which one is sent.
struct PasswordCatcher {
    port: u16,
    seen: std::sync::mpsc::Receiver<Option<String>>,
}

impl PasswordCatcher {
    fn start() -> PasswordCatcher {
        use std::io::{Read, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let (tx, seen) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                let Ok(mut s) = conn else { continue };
                let read_msg = |s: &mut std::net::TcpStream, tagged: bool| -> Option<Vec<u8>> {
                    let mut tag = [0u8; 1];
                    if tagged {
                        s.read_exact(&mut tag).ok()?;
                    }
                    let mut len = [0u8; 4];
                    s.read_exact(&mut len).ok()?;
                    let mut body = vec![0u8; (u32::from_be_bytes(len) as usize).checked_sub(4)?];
                    s.read_exact(&mut body).ok()?;
                    Some(body)
                };
                // SSLRequest (refused), then the startup message.
                let Some(mut first) = read_msg(&mut s, false) else {
                    continue;
                };
                if first == [0x04, 0xd2, 0x16, 0x2f] {
                    let _ = s.write_all(b"N");
                    let Some(next) = read_msg(&mut s, false) else {
                        continue;
                    };
                    first = next;
                }
                let _ = first;
                // AuthenticationCleartextPassword.
                let _ = s.write_all(&[b'R', 0, 0, 0, 8, 0, 0, 0, 3]);
                let password = read_msg(&mut s, true).map(|b| {
                    String::from_utf8_lossy(b.strip_suffix(&[0]).unwrap_or(&b)).into_owned()
                });
                let mut err = Vec::new();
                for (code, text) in [
                    (b'S', "FATAL"),
                    (b'V', "FATAL"),
                    (b'C', "28P01"),
                    (b'M', "password authentication failed for user \"kwuser\""),
                ] {
                    err.push(code);
                    err.extend_from_slice(text.as_bytes());
                    err.push(0);
                }
                err.push(0);
                let mut msg = vec![b'E'];
                msg.extend_from_slice(&((err.len() + 4) as u32).to_be_bytes());
                msg.extend_from_slice(&err);
                let _ = s.write_all(&msg);
                let _ = tx.send(password);
            }
        });
        PasswordCatcher { port, seen }
    }

    /// What the last connection sent (None when none reached the server).
    fn sent(&self) -> Option<Option<String>> {
        self.seen
            .recv_timeout(std::time::Duration::from_secs(10))
            .ok()
    }
}

/// `rotate status --db-env DB` with `env`, in a home without a .pgpass;
/// its whole output, which must never hold a password.
fn status_with(db: &str, env: &[(&str, &str)], home: &Path, code: i32) -> String {
    let mut c = kw();
    c.args([
        "rotate",
        "status",
        "--db-env",
        "KW_TEST_DB",
        "--table",
        "t",
        "--column",
        "c",
        "--key-env",
        "A",
    ])
    .env("KW_TEST_DB", db)
    .env("A", hexkey(1))
    .env("HOME", home)
    .env_remove("PGPASSWORD")
    .env_remove("PGPASSFILE");
    for (k, v) in env {
        c.env(k, v);
    }
    let out = c.output().unwrap();
    let text = all_output(&out);
    assert_eq!(out.status.code(), Some(code), "{text}");
    for secret in ["SecretPW", "EnvPW", "FilePW", "UrlPW"] {
        assert!(!text.contains(secret), "{secret} in: {text}");
    }
    text
}

/// Passwords kept off the command line reach the server, in libpq's
/// order: the connection string's own, else PGPASSWORD, else the password
/// file (PGPASSFILE, else ~/.pgpass), which is ignored with a warning when
/// group or others may read it. None of them is ever printed.
#[test]
fn hardening_11_passwords_off_the_command_line_reach_the_server() {
    let server = PasswordCatcher::start();
    let port = server.port;
    let home = tempfile::tempdir().unwrap();
    let url = format!("postgres://kwuser@127.0.0.1:{port}/kwdb?connect_timeout=5");
    let sent = |db: &str, env: &[(&str, &str)], code: i32| -> (Option<String>, String) {
        let text = status_with(db, env, home.path(), code);
        (server.sent().unwrap_or(None), text)
    };
    // PGPASSWORD, for a URL without a password.
    let (pw, text) = sent(&url, &[("PGPASSWORD", "EnvPW-1")], 3);
    assert_eq!(pw.as_deref(), Some("EnvPW-1"));
    assert!(text.contains("password authentication failed"), "{text}");
    // The URL's own password wins.
    let with_pw = format!("postgres://kwuser:UrlPW-2@127.0.0.1:{port}/kwdb");
    let (pw, _) = sent(&with_pw, &[("PGPASSWORD", "EnvPW-1")], 3);
    assert_eq!(pw.as_deref(), Some("UrlPW-2"));
    // A key=value string with an escaped space, and one quoted.
    let kv =
        format!(r"host=127.0.0.1 port={port} user=kwuser dbname=kwdb password=Hunter2\ SecretPW");
    let (pw, text) = sent(&kv, &[], 3);
    assert_eq!(pw.as_deref(), Some("Hunter2 SecretPW"));
    assert!(
        text.contains(&format!("host=127.0.0.1 port={port}")),
        "{text}"
    );
    let kv =
        format!(r"host=127.0.0.1 port={port} user=kwuser password='it\'s a SecretPW' dbname=kwdb");
    let (pw, _) = sent(&kv, &[], 3);
    assert_eq!(pw.as_deref(), Some("it's a SecretPW"));
    // PGPASSFILE: the first matching line, escapes undone.
    let dir = tempfile::tempdir().unwrap();
    let pgpass = write_file(
        dir.path(),
        "pgpass",
        &format!(
            "# kwuser's\n127.0.0.1:{port}:other:kwuser:NotThisOne\n\
             127.0.0.1:{port}:kwdb:kwuser:FilePW\\:3\n*:*:*:*:NotThisEither\n"
        ),
        0o600,
    );
    let file = pgpass.to_str().unwrap();
    let (pw, _) = sent(&url, &[("PGPASSFILE", file)], 3);
    assert_eq!(pw.as_deref(), Some("FilePW:3"));
    // PGPASSWORD comes before the file.
    let (pw, _) = sent(&url, &[("PGPASSFILE", file), ("PGPASSWORD", "EnvPW-4")], 3);
    assert_eq!(pw.as_deref(), Some("EnvPW-4"));
    // ~/.pgpass without PGPASSFILE.
    let dot = write_file(
        home.path(),
        ".pgpass",
        &format!("*:{port}:*:kwuser:FilePW-5\n"),
        0o600,
    );
    let (pw, _) = sent(&url, &[], 3);
    assert_eq!(pw.as_deref(), Some("FilePW-5"));
    // A file others may read is ignored, with a warning: no password is sent.
    std::fs::set_permissions(&dot, std::os::unix::fs::PermissionsExt::from_mode(0o644)).unwrap();
    let text = status_with(&url, &[], home.path(), 4);
    assert!(
        text.contains("warning: password file") && text.contains("group or world access"),
        "{text}"
    );
    assert_eq!(server.sent(), Some(None));
    // key list reads --db-env too.
    let ring = tempfile::tempdir().unwrap();
    let ring_cmd = |args: &[&str]| {
        let mut c = kw();
        c.arg("--store")
            .arg(ring.path().join("keyward.db"))
            .args(args)
            .env("KEYWARD_KEYRING", ring.path().join("keyring.json"))
            .env("KEYWARD_KEK", KEY_HEX)
            .env("HOME", home.path())
            .env_remove("PGPASSFILE");
        c
    };
    ring_cmd(&["key", "new", "--primary"]).assert().success();
    let out = ring_cmd(&[
        "key",
        "list",
        "--db-env",
        "KW_TEST_DB",
        "--table",
        "t",
        "--column",
        "c",
    ])
    .env("KW_TEST_DB", &url)
    .env("PGPASSWORD", "EnvPW-6")
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", all_output(&out));
    assert!(!all_output(&out).contains("EnvPW"));
    assert_eq!(server.sent().unwrap_or(None).as_deref(), Some("EnvPW-6"));
}

/// Against the real server: a role with a password, the URL in --db-env
/// without it and the password in PGPASSWORD; then the same on a port where
/// nothing listens, whose error names the server but not the password.
#[test]
fn hardening_11_db_env_and_pgpassword_against_the_real_server() {
    let Some((url, mut client)) = test_postgres() else {
        return;
    };
    let role = format!("kw_pw_{}", std::process::id());
    let table = format!("{role}_t");
    client
        .batch_execute(&format!(
            "DROP TABLE IF EXISTS {table}; DROP ROLE IF EXISTS {role};
             CREATE ROLE {role} LOGIN PASSWORD 'SecretPW-real';
             CREATE TABLE {table} (id bigint PRIMARY KEY, c text);
             INSERT INTO {table} VALUES (1, NULL), (2, 'plain');
             GRANT SELECT, UPDATE ON {table} TO {role};"
        ))
        .unwrap();
    let home = tempfile::tempdir().unwrap();
    // The test server's host, port and database, as the new role.
    let after_scheme = url.split_once("://").map_or(url.as_str(), |(_, r)| r);
    let server = after_scheme
        .rsplit_once('@')
        .map_or(after_scheme, |(_, r)| r);
    let db = format!("postgres://{role}@{server}");
    let run = |db: &str| {
        let mut c = kw();
        c.args([
            "rotate",
            "status",
            "--db-env",
            "KW_TEST_DB",
            "--table",
            &table,
            "--column",
            "c",
            "--key-env",
            "A",
            "--format",
            "json",
        ])
        .env("KW_TEST_DB", db)
        .env("PGPASSWORD", "SecretPW-real")
        .env("A", hexkey(1))
        .env("HOME", home.path())
        .env_remove("PGPASSFILE");
        c.output().unwrap()
    };
    let out = run(&db);
    let text = all_output(&out);
    let ok = out.status.code() == Some(0)
        && text.contains("\"rows\": 2")
        && text.contains("\"plaintext\": 1");
    let out = run(&format!(
        "host=127.0.0.1 port=1 user={role} dbname=test connect_timeout=2"
    ));
    let bad = all_output(&out);
    client
        .batch_execute(&format!("DROP TABLE {table}; DROP ROLE {role};"))
        .unwrap();
    assert!(ok, "{text}");
    assert!(!text.contains("SecretPW"), "{text}");
    assert_eq!(out.status.code(), Some(4), "{bad}");
    assert!(bad.contains("PostgreSQL at host=127.0.0.1 port=1"), "{bad}");
    assert!(!bad.contains("SecretPW"), "{bad}");
}
