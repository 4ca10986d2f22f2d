//! `audit query | tail --follow | export | prune --source postgres://...`
//! on a service's own table in the machine's PostgreSQL (seed 001's
//! `audit_log`), each test in a schema of its own, dropped afterwards.
//! keyward's answers are compared with the same SQL run by `psql`.

use std::time::Instant;

use predicates::prelude::*;
use serde_json::Value;

use crate::util::*;

/// Seed 001's table and its indexes, in `schema`.
fn seed_001_table(s: &mut PgSchema) {
    let t = s.table("audit_log");
    s.client
        .batch_execute(&format!(
            "CREATE TABLE {t} (id SERIAL PRIMARY KEY, {SEED_001_AUDIT_COLUMNS})"
        ))
        .unwrap();
}

/// `n` generated rows, one every 30 s from 2026-01-01 (microseconds set
/// too), over 1000 users, with details holding a tier, a score (missing
/// from every 10th row), a nested number and a boolean; row `g` has id `g`.
/// The server makes them (generate_series): the 900 different details are
/// built once and joined in by `g % 900` (building a JSON value a row took
/// half the time), in id order (a hash join, not a merge join that sorts
/// them), and the indexes come after the rows.
fn generate(s: &mut PgSchema, n: u64) {
    let t = s.table("audit_log");
    s.client
        .batch_execute(&format!(
            "SET LOCAL maintenance_work_mem = '256MB';
             SET LOCAL enable_mergejoin = off;
             WITH d AS MATERIALIZED (
                 SELECT k, CASE WHEN k % 10 = 0
                          THEN jsonb_build_object('tier', 'long_term', 'n', jsonb_build_object('x', (k % 9) / 2.0))
                          ELSE jsonb_build_object('tier', (ARRAY['short_term', 'long_term'])[1 + k % 2],
                                                  'score', k % 100,
                                                  'n', jsonb_build_object('x', (k % 9) / 2.0),
                                                  'ok', k % 3 = 0)
                     END AS details
                 FROM generate_series(0, 899) k)
             INSERT INTO {t} (id, timestamp, user_id, action, resource_type, resource_id, ip_address, details)
             SELECT g,
                    timestamp '2026-01-01' + g * interval '30 seconds' + (g % 997) * interval '1 microsecond',
                    'user-' || (g % 1000),
                    (ARRAY['CREATE', 'READ', 'UPDATE', 'DELETE'])[1 + g % 4],
                    (ARRAY['memory', 'cluster', 'policy'])[1 + g % 3],
                    'r' || g,
                    '10.0.' || (g % 7) || '.' || (g % 200),
                    d.details
             FROM generate_series(1, {n}) g JOIN d ON d.k = g % 900;
             SELECT setval(pg_get_serial_sequence('{t}', 'id'), {n});
             CREATE INDEX ON {t} (user_id, timestamp DESC);
             CREATE INDEX ON {t} (action);
             CREATE INDEX ON {t} (resource_type, resource_id);
             ANALYZE {t}"
        ))
        .unwrap();
}

/// `keyward audit ARGS --source URL --table T`.
fn audit(s: &PgSchema, args: &[&str]) -> assert_cmd::Command {
    let mut c = kw();
    c.arg("audit")
        .args(args)
        .args(["--source", &s.url, "--table", &s.table("audit_log")]);
    c
}

fn count(s: &PgSchema, args: &[&str]) -> i64 {
    let mut all = vec!["query", "--count", "--format", "json"];
    all.extend_from_slice(args);
    json_of(&mut audit(s, &all))["count"].as_i64().unwrap()
}

fn sql_count(s: &PgSchema, wh: &str) -> i64 {
    psql(
        &s.url,
        &format!("SELECT count(*) FROM {} WHERE {wh}", s.table("audit_log")),
    )
    .parse()
    .unwrap()
}

/// keyward's `--group-by` as `key|count` lines sorted by key, as psql
/// prints a GROUP BY.
fn groups(s: &PgSchema, args: &[&str]) -> String {
    let mut all = vec!["query", "--format", "json"];
    all.extend_from_slice(args);
    let doc = json_of(&mut audit(s, &all));
    let mut lines: Vec<String> = doc
        .as_array()
        .unwrap()
        .iter()
        .map(|g| format!("{}|{}", g["key"].as_str().unwrap(), g["count"]))
        .collect();
    lines.sort();
    lines.join("\n")
}

#[test]
fn queries_agree_with_psql_on_a_generated_seed_001_table() {
    let Some(mut s) = PgSchema::new("audit_q") else {
        return;
    };
    // A million rows (the benchmark, bench/audit_pg.sh, runs 10 million).
    let rows = 1_000_000;
    let started = Instant::now();
    seed_001_table(&mut s);
    generate(&mut s, rows);
    eprintln!("generated {rows} rows in {:?}", started.elapsed());
    let t = s.table("audit_log");
    let (since, until) = ("2026-03-01T00:00:00Z", "2026-03-08T00:00:00Z");
    let window = "timestamp >= '2026-03-01' AND timestamp < '2026-03-08'";

    assert_eq!(count(&s, &[]), rows as i64);
    // Actor and time: the service's own index answers.
    let took = Instant::now();
    let ids = json_of(&mut audit(
        &s,
        &[
            "query", "--actor", "user-7", "--since", since, "--until", until, "--format", "json",
        ],
    ));
    eprintln!("actor and a week: {:?} whole process", took.elapsed());
    let got: Vec<String> = ids
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].to_string())
        .collect();
    let want = psql(
        &s.url,
        &format!(
            "SELECT id FROM {t} WHERE user_id = 'user-7' AND {window} ORDER BY timestamp DESC, id DESC"
        ),
    );
    assert!(!got.is_empty());
    assert_eq!(got.join("\n"), want, "the same rows, newest first");
    // One row, field by field, as the server holds it.
    let first = &ids[0];
    let id = first["id"].as_i64().unwrap();
    let row = psql(
        &s.url,
        &format!(
            "SELECT to_char(timestamp, 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), user_id, action, resource_type, resource_id, ip_address, details::text FROM {t} WHERE id = {id}"
        ),
    );
    let f: Vec<&str> = row.split('|').collect();
    assert_eq!(first["ts"], f[0]);
    assert_eq!(first["actor"], f[1]);
    assert_eq!(first["action"], f[2]);
    assert_eq!(first["resource_type"], f[3]);
    assert_eq!(first["resource_id"], f[4]);
    assert_eq!(first["host"], f[5]);
    assert_eq!(
        first["details"],
        serde_json::from_str::<Value>(f[6]).unwrap()
    );
    assert_eq!(first["outcome"], Value::Null, "no such column");

    // Counts by each filter, the bounds exclusive at --until.
    for (args, wh) in [
        (
            vec!["--actor", "user-7", "--since", since, "--until", until],
            format!("user_id = 'user-7' AND {window}"),
        ),
        (vec!["--action", "DELETE"], "action = 'DELETE'".to_string()),
        (
            vec!["--actor", "user-1?", "--action", "READ"],
            "user_id LIKE 'user-1_' AND action = 'READ'".to_string(),
        ),
        (
            vec!["--actor", "user-[!1-8]5"],
            "user_id ~ '^user-[^1-8]5$'".to_string(),
        ),
        (
            vec!["--resource", "memory:r30"],
            "resource_type = 'memory' AND resource_id = 'r30'".to_string(),
        ),
        (
            vec!["--since", "2026-01-05T10:00:00.000050Z"],
            "timestamp >= '2026-01-05 10:00:00.00005'".to_string(),
        ),
        (
            vec![
                "--where",
                "details.tier = short_term",
                "--where",
                "details.score >= 90",
            ],
            "details->>'tier' = 'short_term' AND (details->>'score')::int >= 90".to_string(),
        ),
        (
            vec!["--where", "details.n.x > 3", "--action", "UPDATE"],
            "(details#>>'{n,x}')::numeric > 3 AND action = 'UPDATE'".to_string(),
        ),
        (
            vec!["--where", "details.score = null"],
            "NOT details ? 'score'".to_string(),
        ),
        (
            vec!["--where", "details.score != 5"],
            "details ? 'score' AND (details->>'score')::int <> 5".to_string(),
        ),
        (
            vec!["--where", "details.ok = true", "--actor", "user-3"],
            "details->>'ok' = 'true' AND user_id = 'user-3'".to_string(),
        ),
        (
            vec!["--where", "details.score = \"5\""],
            "FALSE".to_string(),
        ),
        (
            vec!["--where", "host ~ \"10.0.3.1*\"", "--action", "CREATE"],
            "ip_address LIKE '10.0.3.1%' AND action = 'CREATE'".to_string(),
        ),
        (
            vec!["--grep", "SHORT_T"],
            "details::text ILIKE '%short\\_t%'".to_string(),
        ),
    ] {
        assert_eq!(count(&s, &args), sql_count(&s, &wh), "{args:?}");
    }
    // Groups, by the server.
    assert_eq!(
        groups(&s, &["--group-by", "action", "--actor", "user-9"]),
        psql(
            &s.url,
            &format!(
                "SELECT action, count(*) FROM {t} WHERE user_id = 'user-9' GROUP BY 1 ORDER BY 1"
            )
        )
    );
    assert_eq!(
        groups(
            &s,
            &["--group-by", "day", "--since", since, "--until", until]
        ),
        psql(
            &s.url,
            &format!(
                "SELECT to_char(timestamp, 'YYYY-MM-DD'), count(*) FROM {t} WHERE {window} GROUP BY 1 ORDER BY 1"
            )
        )
    );
    assert_eq!(
        groups(
            &s,
            &[
                "--group-by",
                "hour",
                "--actor",
                "user-42",
                "--since",
                since,
                "--until",
                until
            ]
        ),
        psql(
            &s.url,
            &format!(
                "SELECT to_char(timestamp, 'YYYY-MM-DD\"T\"HH24:00'), count(*) FROM {t} WHERE user_id = 'user-42' AND {window} GROUP BY 1 ORDER BY 1"
            )
        )
    );
    // A wall-clock zone: the same instants, read as +02:00.
    assert_eq!(
        count(&s, &["--tz", "+02:00", "--since", since, "--until", until]),
        sql_count(
            &s,
            "timestamp >= '2026-03-01 02:00' AND timestamp < '2026-03-08 02:00'"
        )
    );
    // ndjson streams every match, oldest first.
    let out = stdout_of(&mut audit(
        &s,
        &["export", "--actor", "user-5", "--until", "2026-04-01"],
    ));
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        lines.len() as i64,
        sql_count(&s, "user_id = 'user-5' AND timestamp < '2026-04-01'")
    );
    assert!(
        lines
            .windows(2)
            .all(|w| w[0]["ts"].as_str() <= w[1]["ts"].as_str())
    );
}

#[test]
fn tail_follow_sees_rows_another_connection_inserts() {
    let Some(mut s) = PgSchema::new("audit_tail") else {
        return;
    };
    seed_001_table(&mut s);
    generate(&mut s, 100);
    let t = s.table("audit_log");
    let (mut child, rx) = tail_follow("100ms", ["-n", "2", "--source", &s.url, "--table", &t]);
    let shown: Vec<Value> = (0..2)
        .map(|_| serde_json::from_str(&next_line(&rx)).unwrap())
        .collect();
    assert_eq!(shown[0]["id"], 99);
    assert_eq!(shown[1]["id"], 100);
    // Rows committed by another connection: one at the very time of the
    // last row shown (the key orders it after), one later, one older
    // (never shown: it is before where the tail stands), then one that
    // comes in a later transaction.
    s.client
        .batch_execute(&format!(
            "INSERT INTO {t} (timestamp, user_id, action, resource_type, details)
             SELECT timestamp, 'same-time', 'READ', 'memory', '{{\"k\": 1}}' FROM {t} WHERE id = 100;
             INSERT INTO {t} (timestamp, user_id, action, resource_type) VALUES
                 ('2027-01-01', 'later', 'DELETE', 'memory'),
                 ('2025-01-01', 'backdated', 'DELETE', 'memory')"
        ))
        .unwrap();
    let a: Value = serde_json::from_str(&next_line(&rx)).unwrap();
    let b: Value = serde_json::from_str(&next_line(&rx)).unwrap();
    assert_eq!(
        (a["actor"].as_str(), a["id"].as_i64()),
        (Some("same-time"), Some(101))
    );
    assert_eq!(a["details"]["k"], 1);
    assert_eq!(b["actor"], "later");
    s.client
        .batch_execute(&format!(
            "INSERT INTO {t} (timestamp, user_id, action, resource_type) VALUES ('2027-01-02', 'last', 'READ', 'policy')"
        ))
        .unwrap();
    let c: Value = serde_json::from_str(&next_line(&rx)).unwrap();
    assert_eq!(c["actor"], "last", "the backdated row is never shown");
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn prune_removes_exactly_the_old_rows_and_records_them() {
    let Some(mut s) = PgSchema::new("audit_prune") else {
        return;
    };
    seed_001_table(&mut s);
    generate(&mut s, 20_000);
    let t = s.table("audit_log");
    // Two rows either side of the cutoff, a microsecond apart.
    s.client
        .batch_execute(&format!(
            "INSERT INTO {t} (timestamp, user_id, action, resource_type) VALUES
                 ('2026-01-04 23:59:59.999999', 'edge-before', 'READ', 'memory'),
                 ('2026-01-05 00:00:00', 'edge-at', 'READ', 'memory')"
        ))
        .unwrap();
    let cutoff = "2026-01-05";
    let before: i64 = psql(&s.url, &format!("SELECT count(*) FROM {t}"))
        .parse()
        .unwrap();
    let old = sql_count(&s, "timestamp < '2026-01-05'");
    assert!(old > 10_000);
    let store = TestStore::new();
    let prune = |extra: &[&str]| {
        let mut c = store.kw(&["--format", "json", "audit", "prune", "--older-than", cutoff]);
        c.args(["--source", &s.url, "--table", &t]).args(extra);
        c
    };
    // What an export of the same rows holds, byte for byte.
    let export = audit(&s, &["export", "--until", cutoff])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(export.iter().filter(|b| **b == b'\n').count() as i64, old);
    let sha = {
        use sha2::Digest;
        hex::encode(sha2::Sha256::digest(&export))
    };
    let dry = json_of(&mut prune(&["--dry-run"]));
    assert_eq!(dry["pruned"], old);
    assert_eq!(dry["through_hash"], sha.as_str());
    assert_eq!(dry["dry_run"], true);
    assert_eq!(sql_count(&s, "TRUE"), before, "a dry run deletes nothing");
    // Without --yes and a terminal: asks, so refuses.
    prune(&[])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--yes"));
    assert_eq!(sql_count(&s, "TRUE"), before);
    let done = json_of(&mut prune(&["--yes"]));
    assert_eq!(done["pruned"], old);
    assert_eq!(done["kept"], before - old);
    assert_eq!(done["through_hash"], sha.as_str());
    assert_eq!(sql_count(&s, "timestamp < '2026-01-05'"), 0);
    assert_eq!(sql_count(&s, "TRUE"), before - old);
    assert_eq!(
        sql_count(&s, "user_id = 'edge-at'"),
        1,
        "the cutoff is kept"
    );
    assert_eq!(sql_count(&s, "user_id = 'edge-before'"), 0);
    let last_old: i64 = done["through_id"].as_i64().unwrap();
    assert_eq!(
        psql(
            &s.url,
            &format!("SELECT count(*) FROM {t} WHERE id = {last_old}")
        ),
        "0"
    );
    // The checkpoint: a chained entry in keyward's log, which verifies.
    let entries = store.entries("audit.prune");
    let e = &entries[0];
    assert_eq!(e["id"], done["entry_id"]);
    assert_eq!(e["risk"], "medium");
    assert_eq!(e["resource_type"], "table");
    assert_eq!(e["resource_id"], t.as_str());
    let d = &e["details"];
    assert_eq!(d["pruned"], old);
    assert_eq!(d["sha256"], sha.as_str());
    assert_eq!(d["older_than"], "2026-01-05T00:00:00.000Z");
    assert_eq!(d["last_ts"], "2026-01-04T23:59:59.999Z");
    assert_eq!(d["first_ts"], "2026-01-01T00:00:30.000Z");
    assert_eq!(d["source"], s.url.as_str());
    store.kw(&["audit", "verify"]).assert().success();
    // Nothing older is left: a second prune removes nothing and records nothing.
    let again = json_of(&mut prune(&["--yes"]));
    assert_eq!(again["pruned"], 0);
    assert_eq!(again["entry_id"], Value::Null);
}

#[test]
fn bad_inputs_name_what_is_wrong() {
    let Some(mut s) = PgSchema::new("audit_bad") else {
        return;
    };
    seed_001_table(&mut s);
    generate(&mut s, 50);
    let t = s.table("audit_log");
    s.client
        .batch_execute(&format!(
            "CREATE TABLE {}.text_details (id int PRIMARY KEY, ts timestamptz, user_id text, details text);
             INSERT INTO {0}.text_details VALUES (1, now(), 'a', '{{\"x\": 1}}')",
            s.name
        ))
        .unwrap();
    // Unreachable: exit 4 naming the host, never the password.
    for source in [
        "postgres://app:NotShown-9Zq@127.0.0.1:1/test?connect_timeout=2",
        "postgresql://app@127.0.0.1:1/test?password=NotShown-9Zq",
        "host=127.0.0.1 port=1 user=app password=NotShown-9Zq dbname=test",
    ] {
        kw().args(["audit", "query", "--count", "--source", source])
            .assert()
            .code(4)
            .stderr(
                predicate::str::contains("PostgreSQL at")
                    .and(predicate::str::contains("127.0.0.1"))
                    .and(predicate::str::contains("NotShown").not()),
            );
    }
    // Not a source keyward knows: exit 2, a URL's password not shown.
    kw().args([
        "audit",
        "query",
        "--source",
        "mysql://app:NotShown-9Zq@db/app",
    ])
    .assert()
    .code(2)
    .stderr(
        predicate::str::contains("mysql://...@db/app")
            .and(predicate::str::contains("NotShown").not()),
    );
    // --source-env keeps it off the command line.
    kw().args(["audit", "query", "--count", "--source-env", "AUDIT_DB"])
        .env(
            "AUDIT_DB",
            "postgres://app:NotShown-9Zq@127.0.0.1:1/test?connect_timeout=2",
        )
        .assert()
        .code(4)
        .stderr(predicate::str::contains("NotShown").not());
    let q = |table: &str, extra: &[&str]| {
        let mut c = kw();
        c.args([
            "audit", "query", "--count", "--source", &s.url, "--table", table,
        ])
        .args(extra);
        c
    };
    // A missing table: exit 3 naming it and the tables there are.
    q(&format!("{}.nosuch", s.name), &[])
        .assert()
        .code(3)
        .stderr(
            predicate::str::contains(format!("no table '{}.nosuch'", s.name))
                .and(predicate::str::contains("audit_log, text_details")),
        );
    // A mapped column that is not there: exit 3 naming it.
    q(&t, &["--map", "actor_name=actor"])
        .assert()
        .code(3)
        .stderr(
            predicate::str::contains("no column 'actor_name'")
                .and(predicate::str::contains("user_id")),
        );
    // --where inside a column that is not JSON: exit 3 naming it.
    q(
        &format!("{}.text_details", s.name),
        &["--where", "details.x = 1"],
    )
    .assert()
    .code(3)
    .stderr(
        predicate::str::contains("column 'details'")
            .and(predicate::str::contains("is text, not json or jsonb")),
    );
    q(
        &t,
        &["--map", "ip_address=details", "--where", "details.x = 1"],
    )
    .assert()
    .code(3)
    .stderr(predicate::str::contains(
        "column 'ip_address' of PostgreSQL table",
    ));
    // A bad --where is a usage error before any connection.
    q(&t, &["--where", "details.x <"]).assert().code(2);
    // A value that looks like SQL is a value.
    assert_eq!(
        json_of(&mut q(&t, &["--actor", "x' OR '1'='1", "--format", "json"]))["count"],
        0
    );
    assert_eq!(sql_count(&s, "TRUE"), 50, "nothing was touched");
    // prune: keyward's own flags and exactness.
    let store = TestStore::new();
    let prune = |extra: &[&str]| {
        let mut c = store.kw(&["--yes", "audit", "prune", "--older-than", "2026-01-01"]);
        c.args(["--source", &s.url, "--table", &t]).args(extra);
        c
    };
    prune(&["--force"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--force"));
    prune(&["--tz", "Europe/Berlin"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("summer time"));
    store
        .kw(&[
            "--yes",
            "audit",
            "prune",
            "--older-than",
            "1d",
            "--source",
            "jsonl:/x.log",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("read-only"));
    assert_eq!(sql_count(&s, "TRUE"), 50);
}
