//! `rotate run --workers` on the machine's PostgreSQL: cooperating workers
//! in one process and in several, sharing one table through leases in
//! keyward's schema. A trigger logs every value keyward rewrites (by the
//! session's `application_name`, which names the worker), inside the
//! rewriting transaction: a batch rolled back leaves no log row, so the
//! log proves each row was rotated exactly once. Each test works in a
//! schema of its own, dropped afterwards, and removes its rotation's rows
//! from keyward's schema.

use std::collections::HashMap;
use std::process::Child;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use keyward::crypto::envelope::EnvelopeKey;
use postgres::Client;
use predicates::prelude::*;

use crate::rotate::{Env, key, test_postgres};
use crate::rotate_pg::{open_env, spawn_rotate};
use crate::util::*;

/// A table of `n` rows (`id`, `secret`) under key 1, with the log of
/// keyward's rewrites: `log(id, app, at)`.
fn fill(client: &mut Client, s: &PgSchema, n: i64) -> String {
    let t = s.table("notes");
    let log = s.table("log");
    let old = EnvelopeKey::new(&key(1), 1);
    client
        .batch_execute(&format!(
            "CREATE TABLE {t} (id bigint PRIMARY KEY, secret text);
             CREATE TABLE {log} (id bigint NOT NULL, app text NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp());
             CREATE FUNCTION {schema}.log_rotation() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN
               IF NEW.secret IS DISTINCT FROM OLD.secret
                  AND current_setting('application_name') LIKE 'keyward rotate %' THEN
                 INSERT INTO {log} (id, app) VALUES (NEW.id, current_setting('application_name'));
               END IF;
               RETURN NEW;
             END $$;
             CREATE TRIGGER log_rotation BEFORE UPDATE ON {t}
               FOR EACH ROW EXECUTE FUNCTION {schema}.log_rotation();",
            schema = s.name
        ))
        .unwrap();
    let mut start = 1;
    while start <= n {
        let end = (start + 20_000 - 1).min(n);
        let ids: Vec<i64> = (start..=end).collect();
        let vals: Vec<String> = ids
            .iter()
            .map(|i| {
                old.seal_base64(format!("row {i}").as_bytes(), None)
                    .unwrap()
            })
            .collect();
        client
            .execute(
                &format!("INSERT INTO {t} SELECT * FROM unnest($1::int8[], $2::text[])"),
                &[&ids, &vals],
            )
            .unwrap();
        start = end + 1;
    }
    t
}

/// Rewrites logged per worker (`application_name` without its prefix).
fn logged_by(client: &mut Client, s: &PgSchema) -> HashMap<String, i64> {
    client
        .query(
            &format!(
                "SELECT substr(app, 16), count(*) FROM {} GROUP BY app",
                s.table("log")
            ),
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect()
}

/// Every row decrypts under the new key to its original text, or to what
/// `written` says the service last wrote; every row the service never
/// wrote was rewritten by keyward exactly once, and no row twice.
fn assert_rotated_exactly_once(
    client: &mut Client,
    s: &PgSchema,
    t: &str,
    n: i64,
    written: &HashMap<i64, String>,
) {
    let new = EnvelopeKey::new(&key(2), 2);
    let rows = client
        .query(&format!("SELECT id, secret FROM {t} ORDER BY id"), &[])
        .unwrap();
    assert_eq!(rows.len() as i64, n);
    for r in &rows {
        let (id, v): (i64, String) = (r.get(0), r.get(1));
        let want = written
            .get(&id)
            .cloned()
            .unwrap_or_else(|| format!("row {id}"));
        assert_eq!(open_env(&new, &v, None), want, "row {id}");
    }
    let counts: HashMap<i64, i64> = client
        .query(
            &format!("SELECT id, count(*) FROM {} GROUP BY id", s.table("log")),
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    for id in 1..=n {
        let c = counts.get(&id).copied().unwrap_or(0);
        assert!(c <= 1, "row {id} was rewritten {c} times");
        if !written.contains_key(&id) {
            assert_eq!(c, 1, "row {id} was not rotated by keyward");
        }
    }
}

/// Removes the rotations of `table` from keyward's schema (the tables and
/// schema too when no rotation is left), as the last worker would have
/// without `--keep-progress`.
fn forget_rotations(url: &str, table: &str) {
    let mut c = Client::connect(url, postgres::NoTls).unwrap();
    let mut tx = c.transaction().unwrap();
    tx.batch_execute("SELECT pg_advisory_xact_lock(hashtext('keyward.rotation'))")
        .unwrap();
    let exists: bool = tx
        .query_one("SELECT to_regclass('keyward.rotation') IS NOT NULL", &[])
        .unwrap()
        .get(0);
    if exists {
        tx.execute(
            "DELETE FROM keyward.rotation WHERE table_name = $1",
            &[&table],
        )
        .unwrap();
        let left: bool = tx
            .query_one("SELECT EXISTS (SELECT 1 FROM keyward.rotation)", &[])
            .unwrap()
            .get(0);
        if !left {
            tx.batch_execute(
                "DROP TABLE keyward.rotation_range; DROP TABLE keyward.rotation; DROP SCHEMA IF EXISTS keyward",
            )
            .unwrap();
        }
    }
    tx.commit().unwrap();
}

/// The table as keyward records it: `"schema"."notes"`.
fn recorded(s: &PgSchema) -> String {
    format!("\"{}\".\"notes\"", s.name)
}

/// Drops the rotation's rows when the test ends, passed or not.
struct Forget(String, String);

impl Drop for Forget {
    fn drop(&mut self) {
        forget_rotations(&self.0, &self.1);
    }
}

/// A test's schema with its table of `n` rows ([`fill`]), a connection of
/// the test's own, the rotation's rows forgotten at the end, and a keyward
/// environment.
struct Setup {
    s: PgSchema,
    url: String,
    client: Client,
    t: String,
    e: Env,
    _forget: Forget,
}

fn setup(tag: &str, n: i64) -> Option<Setup> {
    let s = PgSchema::new(tag)?;
    let url = s.url.clone();
    let mut client = Client::connect(&url, postgres::NoTls).unwrap();
    let t = fill(&mut client, &s, n);
    Some(Setup {
        _forget: Forget(url.clone(), recorded(&s)),
        s,
        url,
        client,
        t,
        e: Env::new(),
    })
}

fn wait_json(child: Child) -> (i32, serde_json::Value, String) {
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let doc = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("no JSON report ({e}); stderr: {stderr}"));
    (out.status.code().unwrap_or(-1), doc, stderr)
}

fn signal(child: &Child, sig: &str) {
    let ok = std::process::Command::new("kill")
        .args([sig, &child.id().to_string()])
        .status()
        .unwrap()
        .success();
    assert!(ok, "kill {sig} failed");
}

/// Waits until `cond` holds, for at most `secs`.
fn wait_until(secs: u64, what: &str, mut cond: impl FnMut() -> bool) {
    let start = Instant::now();
    while !cond() {
        assert!(
            start.elapsed() < Duration::from_secs(secs),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Four worker processes on 200,000 rows, two of them killed with SIGKILL
/// at random moments after their first commits, while a service keeps
/// writing rows under the new key: the two survivors take the dead
/// workers' ranges over when their leases expire and finish; every row is
/// rotated exactly once and decrypts to its text, and every one of the
/// service's writes survives.
#[test]
fn four_workers_two_killed_every_row_rotated_exactly_once() {
    const N: i64 = 200_000;
    let Some(Setup {
        s,
        url,
        mut client,
        t,
        e,
        _forget,
    }) = setup("workers4", N)
    else {
        return;
    };

    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (url, t, stop) = (url.clone(), t.clone(), stop.clone());
        std::thread::spawn(move || {
            let mut c = Client::connect(&url, postgres::NoTls).unwrap();
            let new = EnvelopeKey::new(&key(2), 2);
            let mut last: HashMap<i64, String> = HashMap::new();
            let mut x: u64 = std::process::id() as u64 | 1;
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let id = (x >> 33) as i64 % N + 1;
                n += 1;
                let plain = format!("service {id} #{n}");
                c.execute(
                    &format!("UPDATE {t} SET secret = $1 WHERE id = $2"),
                    &[&new.seal_base64(plain.as_bytes(), None).unwrap(), &id],
                )
                .unwrap();
                last.insert(id, plain);
                std::thread::sleep(Duration::from_millis(2));
            }
            last
        })
    };

    let args = |w: &str| {
        vec![
            "--column".to_string(),
            "secret".into(),
            "--workers".into(),
            "1".into(),
            "--worker-id".into(),
            w.to_string(),
            "--lease".into(),
            "3".into(),
            "--range-rows".into(),
            "10000".into(),
            "--batch".into(),
            "500".into(),
            "--keep-progress".into(),
        ]
    };
    let workers: Vec<(String, Child)> = ["w1", "w2", "w3", "w4"]
        .iter()
        .map(|w| {
            let a = args(w);
            let a: Vec<&str> = a.iter().map(String::as_str).collect();
            (w.to_string(), spawn_rotate(&e, &url, &t, &a))
        })
        .collect();
    // w1 and w2 die after their first commits, at moments of their own.
    let mut x = std::process::id() as u64;
    let mut survivors = Vec::new();
    let mut killed = Vec::new();
    for (name, mut child) in workers {
        if name == "w1" || name == "w2" {
            wait_until(120, &format!("{name}'s first commit"), || {
                logged_by(&mut client, &s).get(&name).copied().unwrap_or(0) > 0
            });
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1);
            std::thread::sleep(Duration::from_millis((x >> 33) % 400));
            child.kill().unwrap();
            child.wait().unwrap();
            killed.push(name);
        } else {
            survivors.push((name, child));
        }
    }
    let mut verified = 0;
    let mut rows = 0;
    for (name, child) in survivors {
        let (code, doc, stderr) = wait_json(child);
        assert_eq!(code, 0, "{name}: {doc} {stderr}");
        let c = &doc["cooperation"];
        assert_eq!(c["workers"][0]["worker"], name.as_str(), "{doc}");
        rows += c["workers"][0]["rows"].as_u64().unwrap();
        if c["verification"].is_object() {
            verified += 1;
            assert_eq!(c["verification"]["ok"], true, "{doc}");
            assert_eq!(c["verification"]["remaining"], 0, "{doc}");
            assert_eq!(c["verified_by"], name.as_str(), "{doc}");
        }
    }
    stop.store(true, Ordering::Relaxed);
    let written = writer.join().unwrap();
    assert_eq!(verified, 1, "exactly one worker verifies the table");
    assert!(rows > 0);

    assert_rotated_exactly_once(&mut client, &s, &t, N, &written);
    // The killed workers' ranges were taken over.
    let by = logged_by(&mut client, &s);
    for k in &killed {
        assert!(
            by.get(k).copied().unwrap_or(0) > 0,
            "{k} wrote nothing: {by:?}"
        );
    }
    let takeovers: i64 = client
        .query_one(
            "SELECT coalesce(sum(takeovers), 0)::int8 FROM keyward.rotation_range r
             JOIN keyward.rotation o ON o.id = r.rotation WHERE o.table_name = $1",
            &[&recorded(&s)],
        )
        .unwrap()
        .get(0);
    assert!(
        takeovers >= 2,
        "the killed workers' ranges were taken over: {takeovers}"
    );
    let (state, done_all): (String, bool) = {
        let r = client
            .query_one(
                "SELECT o.state, bool_and(r.done) FROM keyward.rotation o
                 JOIN keyward.rotation_range r ON r.rotation = o.id WHERE o.table_name = $1 GROUP BY o.state",
                &[&recorded(&s)],
            )
            .unwrap();
        (r.get(0), r.get(1))
    };
    assert_eq!(state, "finished");
    assert!(done_all);
}

/// A worker stopped (SIGSTOP) while it holds the only range loses it when
/// its lease expires: a second worker takes the range over and works on
/// it; resumed (SIGCONT), the first finds its claim gone and writes
/// nothing more (the log has no rewrite of its after it was stopped), and
/// says so in its report.
#[test]
fn a_stopped_worker_loses_its_range_and_writes_nothing_more() {
    const N: i64 = 6000;
    let Some(Setup {
        s,
        url,
        mut client,
        t,
        e,
        _forget,
    }) = setup("workstop", N)
    else {
        return;
    };
    let common = [
        "--column",
        "secret",
        "--workers",
        "1",
        "--lease",
        "2",
        "--range-rows",
        "100000",
        "--batch",
        "100",
        "--keep-progress",
    ];
    let with = |w: &str, rate: &str| {
        let mut a: Vec<String> = common.iter().map(|x| x.to_string()).collect();
        a.extend(["--worker-id", w, "--throttle", rate].map(String::from));
        a
    };
    let a = with("A", "1000");
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    let first = spawn_rotate(&e, &url, &t, &a);
    wait_until(60, "A's first commits", || {
        logged_by(&mut client, &s).get("A").copied().unwrap_or(0) >= 300
    });
    signal(&first, "-STOP");
    let stopped_at: std::time::SystemTime = client
        .query_one("SELECT clock_timestamp()", &[])
        .unwrap()
        .get(0);
    // The lease (2 s) expires; a second worker takes the range over.
    std::thread::sleep(Duration::from_millis(2500));
    let b = with("B", "1500");
    let b: Vec<&str> = b.iter().map(String::as_str).collect();
    let second = spawn_rotate(&e, &url, &t, &b);
    wait_until(60, "B's first commits", || {
        logged_by(&mut client, &s).get("B").copied().unwrap_or(0) >= 300
    });
    signal(&first, "-CONT");
    let (code_b, doc_b, err_b) = wait_json(second);
    let (code_a, doc_a, err_a) = wait_json(first);
    assert_eq!(code_b, 0, "{doc_b} {err_b}");
    assert_eq!(code_a, 0, "{doc_a} {err_a}");
    assert_eq!(
        doc_b["cooperation"]["workers"][0]["taken_over"], 1,
        "{doc_b}"
    );
    assert_eq!(doc_a["cooperation"]["workers"][0]["lost"], 1, "{doc_a}");
    assert_eq!(doc_a["cooperation"]["workers"][0]["ranges"], 0, "{doc_a}");
    let late: i64 = client
        .query_one(
            &format!(
                "SELECT count(*) FROM {} WHERE app = 'keyward rotate A' AND at >= $1",
                s.table("log")
            ),
            &[&stopped_at],
        )
        .unwrap()
        .get(0);
    assert_eq!(late, 0, "A wrote after it was stopped");
    assert_rotated_exactly_once(&mut client, &s, &t, N, &HashMap::new());
}

/// Three workers in one process share the table; `rotate status` shows
/// the ranges, their owners and progress (kept with `--keep-progress`);
/// the audit log's entries name the worker; a rerun without
/// `--keep-progress` finds nothing to do and removes the rotation's rows.
#[test]
fn workers_in_one_process_share_the_table_and_status_shows_the_ranges() {
    const N: i64 = 12_000;
    let Some(Setup {
        s,
        url,
        mut client,
        t,
        e,
        _forget,
    }) = setup("workers3", N)
    else {
        return;
    };
    let run = |extra: &[&str]| {
        let mut a = vec![
            "--column",
            "secret",
            "--workers",
            "3",
            "--worker-id",
            "host-a",
            "--range-rows",
            "1000",
            "--batch",
            "250",
        ];
        a.extend_from_slice(extra);
        spawn_rotate(&e, &url, &t, &a)
    };
    let (code, doc, err) = wait_json(run(&["--keep-progress"]));
    assert_eq!(code, 0, "{doc} {err}");
    assert_eq!(doc["rows"], N, "{doc}");
    assert_eq!(doc["rotated"], N, "{doc}");
    let c = &doc["cooperation"];
    let names: Vec<&str> = c["workers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["worker"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["host-a/1", "host-a/2", "host-a/3"]);
    let ranges: u64 = c["workers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["ranges"].as_u64().unwrap())
        .sum();
    assert_eq!(ranges, 13, "12 ranges of 1000 rows and the empty one after");
    assert_eq!(c["verification"]["ok"], true, "{doc}");
    assert_eq!(c["verification"]["rows"], N, "{doc}");
    assert_rotated_exactly_once(&mut client, &s, &t, N, &HashMap::new());

    // status: the kept ranges, all done, with their owners.
    let st = json_of(
        e.kw(&[
            "--format",
            "json",
            "rotate",
            "status",
            "--db",
            &url,
            "--table",
            &t,
            "--column",
            "secret",
            "--key-env",
            "B",
        ])
        .env("B", crate::rotate::hexkey(2)),
    );
    let w = &st["workers"][0];
    assert_eq!(w["state"], "finished", "{st}");
    assert!(w["finisher"].as_str().unwrap().starts_with("host-a/"));
    assert_eq!(w["ranges_done"], 13, "{st}");
    let r0 = &w["ranges"][0];
    assert_eq!(r0["done"], true);
    assert_eq!(r0["rows"], 1000);
    assert!(r0["owner"].as_str().unwrap().starts_with("host-a/"));
    assert_eq!(r0["after"], serde_json::Value::Null);
    assert_eq!(r0["upto"], serde_json::json!([1000]));
    e.kw(&[
        "rotate",
        "status",
        "--db",
        &url,
        "--table",
        &t,
        "--column",
        "secret",
        "--key-env",
        "B",
    ])
    .env("B", crate::rotate::hexkey(2))
    .assert()
    .success()
    .stdout(
        predicate::str::contains("cooperative rotation")
            .and(predicate::str::contains("13 of 13 ranges done")),
    );

    // The audit log names the worker.
    let log = stdout_of(&mut e.kw(&[
        "--format",
        "json",
        "audit",
        "query",
        "--action",
        "rotate.finish",
    ]));
    assert!(log.contains("\"worker\": \"host-a\""), "{log}");

    // A rerun: nothing to do, and the rotation's rows are removed.
    let (code, doc, err) = wait_json(run(&[]));
    assert_eq!(code, 0, "{doc} {err}");
    assert_eq!(doc["rotated"], 0, "{doc}");
    assert_eq!(doc["rows"], N, "{doc}");
    let tables: bool = client
        .query_one("SELECT to_regclass('keyward.rotation') IS NOT NULL", &[])
        .unwrap()
        .get(0);
    // (The tables stay while other tests' rotations use them.)
    if tables {
        let left: i64 = client
            .query_one(
                "SELECT count(*) FROM keyward.rotation WHERE table_name = $1",
                &[&recorded(&s)],
            )
            .unwrap()
            .get(0);
        assert_eq!(left, 0, "the rotation's rows were removed");
    }
}

/// `--workers` is refused where it cannot work, naming why.
#[test]
fn workers_bad_input() {
    let e = Env::new();
    let db = e.dir.path().join("x.db");
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
        .unwrap();
    let db = db.to_str().unwrap();
    let base = [
        "rotate",
        "run",
        "--db",
        db,
        "--table",
        "t",
        "--column",
        "v",
        "--from-key-env",
        "A",
        "--to-key-env",
        "B",
    ];
    let with = |extra: &[&str]| {
        let mut a = base.to_vec();
        a.extend_from_slice(extra);
        let mut c = e.kw(&a);
        c.env("A", crate::rotate::hexkey(1))
            .env("B", crate::rotate::hexkey(2));
        c
    };
    with(&["--workers", "2"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("a SQLite file has one writer"));
    with(&["--worker-id", "x"]).assert().code(2);
    with(&["--keep-progress"]).assert().code(2);
    with(&["--workers", "0"]).assert().code(2);
    with(&["--workers", "65"]).assert().code(2);
    for bad in [
        &["--workers", "2", "--lease", "0"][..],
        &["--workers", "2", "--range-rows", "0"],
        &["--threads", "0"],
        &["--workers", "2", "--update-env", ".env", "--var", "K"],
    ] {
        with(bad)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("error"));
    }
    if let Some((url, _)) = test_postgres() {
        let mut a = base.to_vec();
        a[3] = &url;
        let mut c = e.kw(&a);
        c.args(["--workers", "2", "--dry-run"])
            .env("A", crate::rotate::hexkey(1))
            .env("B", crate::rotate::hexkey(2))
            .assert()
            .code(2)
            .stderr(predicate::str::contains("--dry-run counts on one worker"));
        for id in ["", "a\nb"] {
            let mut c = e.kw(&a);
            c.args(["--workers", "1", "--worker-id", id])
                .env("A", crate::rotate::hexkey(1))
                .env("B", crate::rotate::hexkey(2))
                .assert()
                .code(2)
                .stderr(predicate::str::contains(
                    "--worker-id must be 1 to 200 printable characters",
                ));
        }
    }
}

/// A run (one worker, no `--workers`) whose connections the server ends
/// mid-run reconnects and resumes after its last commit: every row is
/// rotated, and counted once. When the server then refuses the new
/// connection (the role may no longer log in), the run exits 4 naming the
/// server and the reason, and what it committed stays.
#[test]
fn a_lost_connection_is_resumed_and_a_refused_reconnect_exits_4() {
    let (Some(s1), Some(s2), Some(s3)) = (
        PgSchema::new("reconnect1"),
        PgSchema::new("reconnect2"),
        PgSchema::new("reconnect3"),
    ) else {
        return;
    };
    let url = s1.url.clone();
    let mut client = Client::connect(&url, postgres::NoTls).unwrap();
    const N: i64 = 3000;
    let t1 = fill(&mut client, &s1, N);
    let t2 = fill(&mut client, &s2, N);
    let t3 = fill(&mut client, &s3, N);
    let _forget = Forget(url.clone(), recorded(&s3));
    let role = format!("kw_rc_{}", std::process::id());
    client
        .batch_execute(&format!(
            "DROP ROLE IF EXISTS {role}; CREATE ROLE {role} LOGIN;
             GRANT USAGE ON SCHEMA {a}, {b} TO {role};
             GRANT SELECT, UPDATE ON {t1}, {t2} TO {role};",
            a = s1.name,
            b = s2.name,
        ))
        .unwrap();
    struct DropRole(String, String);
    impl Drop for DropRole {
        fn drop(&mut self) {
            if let Ok(mut c) = Client::connect(&self.0, postgres::NoTls) {
                let _ = c.batch_execute(&format!(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{r}';
                     DROP OWNED BY {r}; DROP ROLE IF EXISTS {r};",
                    r = self.1
                ));
            }
        }
    }
    let _role = DropRole(url.clone(), role.clone());
    let after_scheme = url.split_once("://").map_or(url.as_str(), |(_, r)| r);
    let server = after_scheme
        .rsplit_once('@')
        .map_or(after_scheme, |(_, r)| r);
    let db = format!("postgres://{role}@{server}");
    let e = Env::new();
    let args = ["--column", "secret", "--batch", "100", "--throttle", "1500"];
    let terminate = |client: &mut Client| {
        let n: i64 = client
            .query_one(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE usename = $1",
                &[&role],
            )
            .unwrap()
            .get(0);
        assert!(n > 0, "no connection of {role} to end");
    };

    // The server ends the run's connections; it reconnects and finishes.
    let child = spawn_rotate(&e, &db, &t1, &args);
    std::thread::sleep(Duration::from_millis(700));
    terminate(&mut client);
    let (code, doc, err) = wait_json(child);
    assert_eq!(code, 0, "{doc} {err}");
    assert_eq!(doc["rows"], N, "every row counted once: {doc}");
    assert_eq!(doc["rotated"], N, "{doc}");
    let new = EnvelopeKey::new(&key(2), 2);
    for r in client
        .query(&format!("SELECT id, secret FROM {t1}"), &[])
        .unwrap()
    {
        let id: i64 = r.get(0);
        assert_eq!(
            open_env(&new, &r.get::<_, String>(1), None),
            format!("row {id}")
        );
    }

    // Cooperating workers: every connection of theirs (data, read-ahead,
    // ledger and heartbeat) ended mid-run; they connect again and finish,
    // each row rewritten once.
    let me = format!("rc-{}", std::process::id());
    let mut a = args.to_vec();
    a.extend([
        "--workers",
        "2",
        "--range-rows",
        "500",
        "--lease",
        "5",
        "--worker-id",
        &me,
    ]);
    let child = spawn_rotate(&e, &url, &t3, &a);
    std::thread::sleep(Duration::from_millis(700));
    let ended: Vec<String> = client
        .query(
            "SELECT application_name, pg_terminate_backend(pid) FROM pg_stat_activity
             WHERE application_name LIKE $1",
            &[&format!("keyward rotate {me}%")],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    for kind in ["/1", "/2", "ledger", "read"] {
        assert!(
            ended.iter().any(|n| n.contains(kind)),
            "no {kind} connection among {ended:?}"
        );
    }
    let (code, doc, err) = wait_json(child);
    assert_eq!(code, 0, "{doc} {err}");
    assert_eq!(doc["cooperation"]["verification"]["ok"], true, "{doc}");
    assert_rotated_exactly_once(&mut client, &s3, &t3, N, &HashMap::new());

    // The server refuses the new connection: exit 4, naming it and why.
    let child = spawn_rotate(&e, &db, &t2, &args);
    std::thread::sleep(Duration::from_millis(700));
    client
        .batch_execute(&format!("ALTER ROLE {role} NOLOGIN"))
        .unwrap();
    terminate(&mut client);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    assert!(
        stderr.contains(&format!("PostgreSQL at postgres://{role}@")),
        "{stderr}"
    );
    assert!(stderr.contains("not permitted to log in"), "{stderr}");
    assert_eq!(
        stderr
            .trim()
            .lines()
            .filter(|l| l.starts_with("keyward: error"))
            .count(),
        1,
        "{stderr}"
    );
    // What it committed stays: some rows under the new key, the rest under
    // the old, every one readable.
    let old = EnvelopeKey::new(&key(1), 1);
    let mut rotated = 0;
    for r in client
        .query(&format!("SELECT id, secret FROM {t2}"), &[])
        .unwrap()
    {
        let (id, v): (i64, String) = (r.get(0), r.get(1));
        let text = match new.open_base64(&v, None) {
            Ok(p) => {
                rotated += 1;
                p.to_vec()
            }
            Err(_) => old.open_base64(&v, None).unwrap().to_vec(),
        };
        assert_eq!(String::from_utf8(text).unwrap(), format!("row {id}"));
    }
    assert!(
        rotated > 0 && rotated < N,
        "{rotated} rows committed before the loss"
    );
}
