//! `audit query | tail | export | checkpoint | prune` and `verify --anchor`,
//! on generated logs, a service's own SQLite table (seed 001's schema) and
//! JSON-lines security logs (seeds 002 and 003), rotated and gzipped.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use keyward::audit::Auditor;
use keyward::audit::fixture;
use keyward::secret::SecretString;
use keyward::store::Store;
use predicates::prelude::*;
use time::OffsetDateTime;

use crate::util::*;

const AUDIT_KEY: &str = "audit-query-key-0123456789abcdef";

/// A store holding `n` generated entries, the last at `end`, the first
/// `span_days` before it.
fn generated(n: u64, end: OffsetDateTime, span_days: i64) -> TestStore {
    let s = TestStore::new();
    let mut store = Store::open(&s.path).unwrap();
    let a = Auditor::with_key(
        "gen".into(),
        "h".into(),
        Some(SecretString::new(AUDIT_KEY.into())),
    );
    fixture::generate(&mut store, &a, n, end, time::Duration::days(span_days)).unwrap();
    s
}

fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

fn fmt(t: OffsetDateTime) -> String {
    keyward::timeutil::format_ms(t)
}

fn count_of(cmd: &mut assert_cmd::Command) -> i64 {
    json_of(cmd)["count"].as_i64().unwrap()
}

#[test]
fn every_filter_agrees_with_sql_on_a_generated_log() {
    let end = now();
    let s = generated(10_000, end, 10);
    let q = |args: &[&str]| {
        let mut all = vec!["audit", "query", "--count", "--format", "json"];
        all.extend_from_slice(args);
        count_of(&mut s.kw(&all))
    };
    assert_eq!(q(&[]), 10_000);
    let since = fmt(end - time::Duration::hours(24));
    assert_eq!(
        q(&["--since", &since, "--actor", "actor-7"]),
        s.count(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE ts >= '{since}' AND actor = 'actor-7'"
        ))
    );
    // A relative bound ("24h") lands between the same neighbours.
    let rel = q(&["--since", "24h", "--actor", "actor-7"]);
    assert!((rel - q(&["--since", &since, "--actor", "actor-7"])).abs() <= 1);
    let (later, much_later) = (
        fmt(end + time::Duration::hours(1)),
        fmt(end + time::Duration::hours(2)),
    );
    assert_eq!(
        q(&["--since", &later, "--until", &much_later]),
        0,
        "an empty window"
    );
    let until = fmt(end - time::Duration::days(5));
    assert_eq!(
        q(&["--until", &until]),
        s.count(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE ts < '{until}'"
        ))
    );
    assert_eq!(
        q(&["--risk", "high"]),
        s.count("SELECT COUNT(*) FROM audit_log WHERE risk IN ('high', 'critical')")
    );
    assert_eq!(q(&["--risk", "low"]), 10_000);
    assert_eq!(
        q(&["--action", "apikey.*"]),
        s.count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'apikey.%'")
    );
    assert_eq!(
        q(&["--outcome", "failure,denied"]),
        s.count("SELECT COUNT(*) FROM audit_log WHERE outcome IN ('failure', 'denied')")
    );
    assert_eq!(
        q(&["--host", "host-[12]"]),
        s.count("SELECT COUNT(*) FROM audit_log WHERE host IN ('host-1', 'host-2')")
    );
    assert_eq!(
        q(&["--resource", "memory:42"]),
        s.count(
            "SELECT COUNT(*) FROM audit_log WHERE resource_type = 'memory' AND resource_id = '42'"
        )
    );
    assert_eq!(q(&["--resource", "memory"]), 10_000);
    assert_eq!(q(&["--resource", "api_key"]), 0);
    let archive =
        s.count("SELECT COUNT(*) FROM audit_log WHERE json_extract(details, '$.tier') = 'archive'");
    assert!(archive > 2000, "the fixture mixes tiers");
    assert_eq!(q(&["--where", "details.tier = \"archive\""]), archive);
    assert_eq!(q(&["--grep", "ARCHIVE"]), archive, "grep ignores case");
    assert_eq!(
        q(&[
            "--where",
            "details.tier = archive",
            "--where",
            "details.score >= 50"
        ]),
        s.count("SELECT COUNT(*) FROM audit_log WHERE json_extract(details, '$.tier') = 'archive' AND json_extract(details, '$.score') >= 50")
    );
    assert_eq!(q(&["--where", "details.score = \"50\""]), 0, "types differ");
    assert_eq!(q(&["--where", "details.nothing = null"]), 10_000);
    assert_eq!(
        q(&["--where", "actor ~ \"actor-1*\""]),
        s.count("SELECT COUNT(*) FROM audit_log WHERE actor GLOB 'actor-1*'")
    );

    // Groups.
    let days = json_of(&mut s.kw(&["audit", "query", "--group-by", "day", "--format", "json"]));
    let days = days.as_array().unwrap();
    assert!((10..=12).contains(&days.len()), "{days:?}");
    let total: u64 = days.iter().map(|d| d["count"].as_u64().unwrap()).sum();
    assert_eq!(total, 10_000);
    let keys: Vec<&str> = days.iter().map(|d| d["key"].as_str().unwrap()).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "days are in order");
    let actors = json_of(&mut s.kw(&[
        "audit",
        "query",
        "--group-by",
        "actor",
        "--risk",
        "medium",
        "--format",
        "json",
    ]));
    assert_eq!(actors.as_array().unwrap().len(), 50);
    s.kw(&["audit", "query", "--group-by", "risk"])
        .assert()
        .success()
        .stdout(predicate::str::contains("risk").and(predicate::str::contains("critical")));

    // Order and limit.
    let first = json_of(&mut s.kw(&[
        "audit", "query", "--order", "asc", "--limit", "3", "--format", "json",
    ]));
    let ids: Vec<i64> = first
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, vec![1, 2, 3]);
    assert_eq!(first[0]["details"]["seq"], 0);
    let newest = json_of(&mut s.kw(&["audit", "query", "--limit", "1", "--format", "json"]));
    assert_eq!(newest[0]["id"], 10_000);
    // A table shows 50 by default and says more match.
    let out = s.kw(&["audit", "query", "--utc"]).assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(text.matches("actor-").count(), 50);
    assert!(text.contains("time (UTC)"));
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("--limit all"), "{err}");
    // Tables show local time by TZ, with the offset.
    let local = stdout_of(
        s.kw(&["audit", "query", "--order", "asc", "--limit", "1"])
            .env("TZ", "UTC-3"),
    );
    let first_ts =
        keyward::audit::filter::parse_time_text(first[0]["ts"].as_str().unwrap()).unwrap();
    let shown = first_ts.to_offset(time::UtcOffset::from_hms(3, 0, 0).unwrap());
    assert!(
        local.contains(&format!(
            "{:02}:{:02}:{:02} +03:00",
            shown.hour(),
            shown.minute(),
            shown.second()
        )),
        "{local}"
    );
    assert!(local.contains("time (local)"));
    // CSV has a header and one row per entry.
    let csv = stdout_of(&mut s.kw(&[
        "audit", "query", "--actor", "actor-3", "--since", &since, "--format", "csv",
    ]));
    assert!(csv.starts_with("id,ts,actor,action,resource_type,resource_id,outcome,risk,host,details,prev_hash,hash,source\r\n"));
    assert_eq!(
        csv.lines().count() as i64 - 1,
        s.count(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE ts >= '{since}' AND actor = 'actor-3'"
        ))
    );
    // NDJSON streams one object per line.
    let nd = stdout_of(&mut s.kw(&[
        "audit", "query", "--action", "jwt.mint", "--format", "ndjson",
    ]));
    assert_eq!(nd.lines().count(), 1250);
    assert!(
        nd.lines()
            .all(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["action"] == "jwt.mint")
    );
}

#[test]
fn no_match_is_exit_0_unless_asked_and_bad_filters_are_2_or_3() {
    let s = generated(20, now(), 1);
    s.kw(&["audit", "query", "--actor", "nobody"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("no audit entries match"));
    s.kw(&["audit", "query", "--actor", "nobody", "--fail-if-empty"])
        .assert()
        .code(1);
    s.kw(&[
        "audit",
        "query",
        "--actor",
        "nobody",
        "--count",
        "--fail-if-empty",
    ])
    .assert()
    .code(1)
    .stdout("0\n");
    s.kw(&["audit", "query", "--actor", "actor-1", "--fail-if-empty"])
        .assert()
        .code(0);
    for (args, code, needle) in [
        (vec!["--since", "soon"], 2, "--since 'soon'"),
        (vec!["--since", "5y"], 2, "unknown unit"),
        (
            vec!["--since", "1h", "--until", "2h"],
            2,
            "--since must be before --until",
        ),
        (vec!["--where", "details.tier"], 2, "at column 13"),
        (vec!["--where", "details.tier = a b"], 2, "at column 18"),
        (vec!["--where", "bogus = 1"], 2, "unknown field 'bogus'"),
        (vec!["--resource", "memory:"], 2, "TYPE:ID"),
        (vec!["--risk", "severe"], 2, "severe"),
        (vec!["--group-by", "planet"], 2, "planet"),
        (vec!["--actor", "[oops"], 2, "bad glob"),
        (
            vec!["--source", "ftp:x"],
            2,
            "--source 'ftp:x': use store, sqlite:PATH, jsonl:PATH or a PostgreSQL URL",
        ),
        (vec!["--map", "a=b"], 2, "unknown field 'b'"),
        (vec!["--map", "user_id=actor"], 2, "not keyward's store"),
        (
            vec!["--source", "sqlite:/nonexistent/x.db"],
            4,
            "no such file",
        ),
        (
            vec!["--source", "jsonl:/nonexistent/x.log"],
            4,
            "no such file",
        ),
        (
            vec!["--format", "sarif"],
            2,
            "does not support --format sarif",
        ),
    ] {
        let mut all = vec!["audit", "query"];
        all.extend_from_slice(&args);
        s.kw(&all)
            .assert()
            .code(code)
            .stderr(predicate::str::contains(needle));
    }
}

/// Seed 001's `audit_log`, as its service would write it: Python
/// `datetime` text without a zone, `user_id`, `ip_address`, JSON details.
fn seed001_table(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("memoric.db");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(&format!(
        "CREATE TABLE audit_log (id INTEGER PRIMARY KEY AUTOINCREMENT, {SEED_001_AUDIT_COLUMNS});
         CREATE INDEX idx_user_timestamp ON audit_log (user_id, timestamp DESC);",
    ))
    .unwrap();
    let mut stmt = conn
        .prepare("INSERT INTO audit_log (timestamp, user_id, action, resource_type, resource_id, ip_address, details) VALUES (?1, ?2, ?3, 'memory', ?4, ?5, ?6)")
        .unwrap();
    for i in 0..200i64 {
        let ts = format!(
            "2026-11-{:02} {:02}:{:02}:00.123456",
            1 + i / 24,
            i % 24,
            i % 60
        );
        let user = format!("user-{}", i % 4);
        let action = ["CREATE", "READ", "UPDATE", "DELETE"][(i % 4) as usize];
        let tier = if i % 3 == 0 {
            "short_term"
        } else {
            "long_term"
        };
        stmt.execute(rusqlite::params![
            ts,
            user,
            action,
            i.to_string(),
            format!("10.0.0.{}", i % 7),
            format!("{{\"tier\": \"{tier}\", \"score\": {}}}", i % 100)
        ])
        .unwrap();
    }
    path
}

#[test]
fn a_services_own_table_is_queried_with_its_columns() {
    let dir = tempfile::tempdir().unwrap();
    let db = seed001_table(dir.path());
    let src = format!("sqlite:{}", db.display());
    let conn = rusqlite::Connection::open(&db).unwrap();
    let sql = |q: &str| -> i64 { conn.query_row(q, [], |r| r.get(0)).unwrap() };
    let q = |args: &[&str]| {
        let mut all = vec![
            "audit", "query", "--source", &src, "--count", "--format", "json",
        ];
        all.extend_from_slice(args);
        count_of(kw().args(&all))
    };
    assert_eq!(q(&[]), 200);
    assert_eq!(
        q(&["--actor", "user-1", "--since", "2026-11-03T00:00:00Z"]),
        sql(
            "SELECT COUNT(*) FROM audit_log WHERE user_id = 'user-1' AND timestamp >= '2026-11-03'"
        )
    );
    // Bounds inside a second are exact though the column has microseconds.
    assert_eq!(
        q(&[
            "--since",
            "2026-11-01T00:00:00.200Z",
            "--until",
            "2026-11-01T01:01:00.124Z"
        ]),
        1
    );
    assert_eq!(
        q(&["--where", "details.tier = short_term"]),
        sql("SELECT COUNT(*) FROM audit_log WHERE json_extract(details, '$.tier') = 'short_term'")
    );
    assert_eq!(
        q(&["--host", "10.0.0.3"]),
        sql("SELECT COUNT(*) FROM audit_log WHERE ip_address = '10.0.0.3'")
    );
    assert_eq!(q(&["--action", "DELETE", "--resource", "memory:6"]), 0);
    assert_eq!(q(&["--action", "DELETE", "--resource", "memory:3"]), 1);
    // No risk or outcome columns: those filters match nothing rather than everything.
    assert_eq!(q(&["--risk", "low"]), 0);
    let rows = json_of(kw().args([
        "audit", "query", "--source", &src, "--actor", "user-2", "--limit", "2", "--format", "json",
    ]));
    assert_eq!(
        rows[0]["ts"], "2026-11-09T06:18:00.123Z",
        "newest first, normalised to UTC"
    );
    assert_eq!(rows[0]["actor"], "user-2");
    assert_eq!(rows[0]["host"], "10.0.0.2");
    assert_eq!(rows[0]["details"]["score"], 98);
    assert!(rows[0].get("hash").is_none());
    let days = json_of(kw().args([
        "audit",
        "query",
        "--source",
        &src,
        "--group-by",
        "day",
        "--format",
        "json",
    ]));
    assert_eq!(days[0]["key"], "2026-11-01");
    assert_eq!(days[0]["count"], 24);
    // --map re-points a field; unknown columns and tables are named.
    let by_ip = json_of(kw().args([
        "audit",
        "query",
        "--source",
        &src,
        "--map",
        "ip_address=actor",
        "--group-by",
        "actor",
        "--format",
        "json",
    ]));
    assert_eq!(by_ip.as_array().unwrap().len(), 7);
    kw().args(["audit", "query", "--source", &src, "--map", "nope=host"])
        .assert()
        .code(3)
        .stderr(
            predicate::str::contains("no column 'nope'").and(predicate::str::contains("user_id")),
        );
    kw().args(["audit", "query", "--source", &src, "--table", "events"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "no table 'events' (tables: audit_log",
        ));
    // The service's file is opened read-only: nothing is appended to it.
    let before = std::fs::read(&db).unwrap();
    kw().args(["audit", "export", "--source", &src])
        .assert()
        .success();
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn zoned_and_epoch_times_in_service_tables() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("svc.db");
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "CREATE TABLE zoned (ts TEXT, actor TEXT, action TEXT);
         INSERT INTO zoned VALUES ('2026-11-01T23:30:00+02:00', 'a', 'x'), ('2026-11-01T21:30:00Z', 'b', 'x'), ('2026-11-02T00:30:00-05:00', 'c', 'x');
         CREATE TABLE epoch (created_at INTEGER, event_type TEXT, risk_level TEXT);
         INSERT INTO epoch VALUES (1793577600, 'login', 'low'), (1793581200, 'login', 'HIGH'), (1793584800000, 'logout', 'critical');",
    )
    .unwrap();
    let src = format!("sqlite:{}", db.display());
    let q = |table: &str, args: &[&str]| {
        let mut all = vec![
            "audit", "query", "--source", &src, "--table", table, "--format", "json", "--order",
            "asc",
        ];
        all.extend_from_slice(args);
        json_of(kw().args(&all))
    };
    // 21:30Z, 21:30Z and 05:30Z the next day.
    let rows = q(
        "zoned",
        &[
            "--since",
            "2026-11-01T21:00:00Z",
            "--until",
            "2026-11-01T22:00:00Z",
        ],
    );
    let actors: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["actor"].as_str().unwrap())
        .collect();
    assert_eq!(actors.len(), 2, "{rows}");
    assert!(actors.contains(&"a") && actors.contains(&"b"));
    let rows = q("epoch", &["--risk", "high"]);
    assert_eq!(
        rows.as_array().unwrap().len(),
        2,
        "risk compares without case"
    );
    assert_eq!(rows[0]["action"], "login");
    assert_eq!(rows[0]["ts"], "2026-11-02T01:00:00.000Z");
    assert_eq!(
        rows[1]["ts"], "2026-11-02T02:00:00.000Z",
        "milliseconds are told from seconds"
    );
    let rows = q(
        "epoch",
        &[
            "--since",
            "2026-11-02T00:30:00Z",
            "--until",
            "2026-11-02T01:30:00Z",
        ],
    );
    assert_eq!(rows.as_array().unwrap().len(), 1);
}

fn gzip(path: &std::path::Path, text: &str) {
    let f = std::fs::File::create(path).unwrap();
    let mut gz = flate2::write::GzEncoder::new(f, flate2::Compression::default());
    gz.write_all(text.as_bytes()).unwrap();
    gz.finish().unwrap();
}

fn set_age(path: &std::path::Path, secs_ago: u64) {
    let t = std::time::SystemTime::now() - Duration::from_secs(secs_ago);
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(t)
        .unwrap();
}

/// Seed 003's `logs/security_events.log`, rotated twice (the oldest
/// gzipped), with seed 002's risk-graded events mixed in.
fn security_logs(dir: &std::path::Path) -> std::path::PathBuf {
    let logs = dir.join("logs");
    std::fs::create_dir(&logs).unwrap();
    let ev = |ts: &str, ty: &str, host: &str| {
        format!(
            "{{\"timestamp\": \"{ts}\", \"event_type\": \"{ty}\", \"service_host\": \"{host}\", \"details\": {{\"attempt\": 1}}}}\n"
        )
    };
    let old = ev(
        "2026-11-20T10:00:00.000001",
        "auth_success",
        "localhost:8002",
    ) + &ev("2026-11-20T10:05:00", "auth_failure", "localhost:8002");
    gzip(&logs.join("security_events.log.2.gz"), &old);
    let mid = ev("2026-11-21T09:00:00", "auth_failure", "localhost:8002")
        + &ev("2026-11-21T09:00:01", "auth_failure", "localhost:8002")
        + &ev("2026-11-21T09:00:02", "auth_lockout", "localhost:8002")
        + "this line is not json\n";
    std::fs::write(logs.join("security_events.log.1"), mid).unwrap();
    let new = ev(
        "2026-11-22T12:00:00+01:00",
        "key_rotation",
        "mem0.internal:8443",
    ) + "{\"event_type\":\"api_key_created\",\"api_key_id\":\"key_123\",\"details\":{\"scopes\":[\"read\",\"write\"]},\"risk_level\":\"low\",\"source_ip\":\"192.168.1.1\",\"timestamp\":1795345200}\n"
        + "{\"event_type\":\"api_key_abuse\",\"api_key_id\":\"key_123\",\"details\":{},\"risk_level\":\"CRITICAL\",\"source_ip\":\"203.0.113.9\",\"timestamp\":\"2026-11-23T10:00:00Z\"}\n";
    std::fs::write(logs.join("security_events.log"), new).unwrap();
    set_age(&logs.join("security_events.log.2.gz"), 3 * 86_400);
    set_age(&logs.join("security_events.log.1"), 2 * 86_400);
    logs
}

#[test]
fn json_lines_security_logs_rotated_and_gzipped() {
    let dir = tempfile::tempdir().unwrap();
    let logs = security_logs(dir.path());
    let src = format!("jsonl:{}/security_events.log*", logs.display());
    let q = |args: &[&str]| {
        let mut all = vec!["audit", "query", "--source", &src, "--format", "json"];
        all.extend_from_slice(args);
        let out = kw().args(&all).assert().success();
        let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
        assert!(
            stderr.contains("security_events.log.1:4: skipped 1 line that is not a JSON object"),
            "{stderr}"
        );
        serde_json::from_slice::<serde_json::Value>(&out.get_output().stdout).unwrap()
    };
    let all = q(&["--order", "asc"]);
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), 8);
    assert_eq!(
        all[0]["action"], "auth_success",
        "the gzipped rotation is oldest"
    );
    assert_eq!(all[0]["ts"], "2026-11-20T10:00:00.000Z");
    assert_eq!(all[0]["host"], "localhost:8002");
    assert!(
        all[0]["source"]
            .as_str()
            .unwrap()
            .ends_with("security_events.log.2.gz:1")
    );
    assert_eq!(all[5]["ts"], "2026-11-22T11:00:00.000Z", "zone honoured");
    assert_eq!(all[6]["actor"], "key_123");
    assert_eq!(all[6]["host"], "192.168.1.1");
    assert_eq!(all[6]["risk"], "low");
    assert_eq!(all[6]["ts"], "2026-11-22T11:00:00.000Z", "epoch seconds");
    let failures = q(&["--action", "auth_fail*", "--host", "localhost:*"]);
    assert_eq!(failures.as_array().unwrap().len(), 3);
    assert_eq!(
        failures[0]["ts"], "2026-11-21T09:00:01.000Z",
        "newest first"
    );
    let risky = q(&["--risk", "high"]);
    assert_eq!(risky.as_array().unwrap().len(), 1);
    assert_eq!(risky[0]["action"], "api_key_abuse");
    let window = q(&["--since", "2026-11-21", "--until", "2026-11-22"]);
    assert_eq!(window.as_array().unwrap().len(), 3);
    let scoped = q(&["--where", "details.scopes ~ \"*\""]);
    assert_eq!(
        scoped.as_array().unwrap().len(),
        0,
        "a glob matches text, not arrays"
    );
    let counts = q(&["--group-by", "action"]);
    assert_eq!(counts[0]["key"], "auth_failure");
    assert_eq!(counts[0]["count"], 3);
    // One named file, plain.
    kw().args([
        "audit",
        "query",
        "--source",
        &format!("jsonl:{}/security_events.log", logs.display()),
        "--count",
    ])
    .assert()
    .success()
    .stdout("3\n");
    // --map reads another key.
    let by_type = json_of(kw().args([
        "audit",
        "query",
        "--source",
        &format!("jsonl:{}/security_events.log", logs.display()),
        "--map",
        "source_ip=actor",
        "--actor",
        "203.0.113.9",
        "--format",
        "json",
    ]));
    assert_eq!(by_type.as_array().unwrap().len(), 1);
}

#[test]
fn tail_shows_the_newest_and_follows_the_store() {
    let s = TestStore::new();
    for i in 0..4 {
        s.kw(&["apikey", "issue", "--name", &format!("t{i}")])
            .assert()
            .success();
    }
    let text = stdout_of(&mut s.kw(&["audit", "tail", "-n", "2", "--utc"]));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(
        lines[0].contains("api_key:3") && lines[1].contains("api_key:4"),
        "{text}"
    );
    let store = s.path.to_str().unwrap();
    let args = ["-n", "1", "--action", "apikey.*", "--store", store];
    let (mut child, rx) = tail_follow("50ms", args);
    let first: serde_json::Value = serde_json::from_str(&next_line(&rx)).unwrap();
    assert_eq!(first["resource_id"], "4");
    s.kw(&[
        "keygen",
        "jwt-secret",
        "--out",
        s.path.with_extension("jwt").to_str().unwrap(),
    ])
    .assert()
    .success();
    s.kw(&["apikey", "issue", "--name", "live"])
        .assert()
        .success();
    let next: serde_json::Value = serde_json::from_str(&next_line(&rx)).unwrap();
    assert_eq!(
        next["details"]["name"], "live",
        "filters apply while following"
    );
    child.kill().unwrap();
    child.wait().unwrap();
}

/// Waits until `child` holds `path` open with its offset at the file's end
/// (it has read every byte written so far), as /proc shows it; fails after
/// 20 s with what it saw.
fn wait_until_read(child: &Child, path: &std::path::Path) {
    let want = std::fs::canonicalize(path).unwrap();
    let fds = std::path::PathBuf::from(format!("/proc/{}/fd", child.id()));
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    let mut seen = Vec::new();
    loop {
        let len = std::fs::metadata(path).unwrap().len();
        seen.clear();
        for fd in std::fs::read_dir(&fds).unwrap().flatten() {
            if std::fs::read_link(fd.path()).ok().as_ref() != Some(&want) {
                continue;
            }
            // Closed since it was listed: look again.
            let Ok(info) =
                std::fs::read_to_string(fds.with_file_name("fdinfo").join(fd.file_name()))
            else {
                continue;
            };
            let pos = info
                .lines()
                .find_map(|l| l.strip_prefix("pos:"))
                .and_then(|p| p.trim().parse::<u64>().ok());
            if pos == Some(len) {
                return;
            }
            seen.push(pos);
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the follower did not read {} to its end ({len} bytes) within 20 s; its offsets there: {seen:?}",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn tail_follows_a_log_file_across_rotation() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("security_events.log");
    std::fs::write(
        &log,
        "{\"timestamp\":\"2026-11-25T10:00:00Z\",\"event_type\":\"auth_success\"}\n",
    )
    .unwrap();
    let source = format!("jsonl:{}", log.display());
    let (mut child, rx) = tail_follow("50ms", ["--source", &source]);
    assert!(next_line(&rx).contains("auth_success"));
    let append = |p: &std::path::Path, text: &str| {
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .create(true)
            .open(p)
            .unwrap();
        f.write_all(text.as_bytes()).unwrap();
    };
    // The newest lines are read (and that file closed) before they are
    // printed: the follower's own descriptor is the one at the end.
    wait_until_read(&child, &log);
    append(
        &log,
        "{\"timestamp\":\"2026-11-25T10:01:00Z\",\"event_type\":\"auth_failure\"}\n",
    );
    assert!(next_line(&rx).contains("auth_failure"));
    // logrotate: the file moves away and a new one takes its name.
    std::fs::rename(&log, dir.path().join("security_events.log.1")).unwrap();
    append(
        &log,
        "{\"timestamp\":\"2026-11-25T10:02:00Z\",\"event_type\":\"auth_lockout\"}\n",
    );
    assert!(next_line(&rx).contains("auth_lockout"));
    // Partial lines wait for their newline.
    append(&log, "{\"timestamp\":\"2026-11-25T10:03:00Z\",");
    wait_until_read(&child, &log);
    append(&log, "\"event_type\":\"key_rotation\"}\n");
    assert!(next_line(&rx).contains("key_rotation"));
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn export_streams_and_is_itself_audited() {
    let s = generated(3_000, now(), 3);
    let nd = stdout_of(
        s.kw(&["audit", "export"])
            .env("KEYWARD_AUDIT_KEY", AUDIT_KEY),
    );
    let lines: Vec<serde_json::Value> = nd
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3_000);
    assert_eq!(lines[0]["id"], 1, "oldest first");
    assert_eq!(lines[2_999]["id"], 3_000);
    let csv = stdout_of(
        s.kw(&["--format", "csv", "audit", "export", "--risk", "critical"])
            .env("KEYWARD_AUDIT_KEY", AUDIT_KEY),
    );
    assert_eq!(
        csv.lines().count() as i64 - 1,
        s.count("SELECT COUNT(*) FROM audit_log WHERE risk = 'critical'")
    );
    let exports = s.entries("audit.export");
    assert_eq!(exports.as_array().unwrap().len(), 2);
    assert_eq!(exports[0]["details"]["format"], "csv");
    assert_eq!(exports[0]["details"]["risk"], "critical");
    assert_eq!(exports[1]["details"]["entries"], 3_000);
    s.kw(&["--format", "json", "audit", "export"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ndjson (the default) or csv"));
    // The chain still verifies with the export entries appended.
    s.kw(&["audit", "verify"])
        .env("KEYWARD_AUDIT_KEY", AUDIT_KEY)
        .assert()
        .success();
}

#[test]
fn anchors_catch_a_cut_tail_that_the_chain_cannot() {
    let s = generated(100, now(), 1);
    let verify = |args: &[&str]| {
        let mut all = vec!["audit", "verify", "--format", "json"];
        all.extend_from_slice(args);
        let mut c = s.kw(&all);
        c.env("KEYWARD_AUDIT_KEY", AUDIT_KEY);
        c
    };
    let anchors = s._dir.path().join("anchors.jsonl");
    let line = stdout_of(
        s.kw(&[
            "audit",
            "checkpoint",
            "--append-to",
            anchors.to_str().unwrap(),
        ])
        .env("KEYWARD_AUDIT_KEY", AUDIT_KEY),
    );
    let anchor: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
    assert_eq!(anchor["keyward_audit_anchor"], 1);
    assert_eq!(anchor["id"], 100);
    assert_eq!(anchor["count"], 100);
    assert_eq!(std::fs::read_to_string(&anchors).unwrap(), line);
    let hash100 = anchor["hash"].as_str().unwrap().to_string();
    let doc = json_of(&mut verify(&["--anchor", anchors.to_str().unwrap()]));
    assert_eq!(doc["intact"], true);
    assert_eq!(doc["anchors"][0]["status"], "reached");
    // The newest rows are cut off: the chain alone still verifies...
    s.sql("DELETE FROM audit_log WHERE id > 95");
    let doc = json_of(&mut verify(&[]));
    assert_eq!(doc["intact"], true, "a chain cannot see its own cut tail");
    // ...but the anchor cannot be reached.
    let doc = json_with_code(&mut verify(&["--anchor", anchors.to_str().unwrap()]), 1);
    assert_eq!(doc["intact"], false);
    assert_eq!(doc["first_broken_at"], 96);
    assert_eq!(doc["break"]["kind"], "truncated");
    assert_eq!(doc["anchors"][0]["status"], "truncated");
    s.kw(&["audit", "verify", "--anchor", &format!("100:{hash100}")])
        .env("KEYWARD_AUDIT_KEY", AUDIT_KEY)
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("BROKEN at row 96: the log ends at row 95")
                .and(predicate::str::contains("TRUNCATED")),
        );
    // An anchor with another hash: the log was rewritten.
    let doc = json_with_code(
        &mut verify(&["--anchor", &format!("90:{}", "ab".repeat(32))]),
        1,
    );
    assert_eq!(doc["anchors"][0]["status"], "mismatch");
    assert_eq!(doc["first_broken_at"], 90);
    // Malformed anchors.
    let bad = write_file(
        s._dir.path(),
        "bad.jsonl",
        "# anchors\n{\"keyward_audit_anchor\":1,\"id\":1}\n",
        0o644,
    );
    s.kw(&["audit", "verify", "--anchor", bad.to_str().unwrap()])
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "bad.jsonl:2: not a keyward audit anchor",
        ));
    s.kw(&["audit", "verify", "--anchor", "12:xyz"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ID:HASH"));
    // No anchor is taken of a broken chain.
    s.sql("UPDATE audit_log SET actor = 'mallory' WHERE id = 50");
    s.kw(&["audit", "checkpoint"])
        .env("KEYWARD_AUDIT_KEY", AUDIT_KEY)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("BROKEN at row 50"));
}

#[test]
fn prune_keeps_the_rest_of_the_chain_provable() {
    // 200 entries over 800 days: about half are older than 365 days.
    let s = generated(200, now() - time::Duration::days(1), 800);
    let verify = |args: &[&str]| {
        let mut all = vec!["audit", "verify", "--format", "json"];
        all.extend_from_slice(args);
        let mut c = s.kw(&all);
        c.env("KEYWARD_AUDIT_KEY", AUDIT_KEY);
        c
    };
    let early = stdout_of(
        s.kw(&["audit", "checkpoint"])
            .env("KEYWARD_AUDIT_KEY", AUDIT_KEY),
    );
    let anchors = write_file(s._dir.path(), "a.jsonl", &early, 0o644);
    let cutoff = fmt(now() - time::Duration::days(365));
    let old = s.count(&format!(
        "SELECT COUNT(*) FROM audit_log WHERE ts < '{cutoff}'"
    ));
    assert!((90..=120).contains(&old), "{old}");
    // Without a terminal it needs --yes; --dry-run changes nothing.
    s.kw(&["audit", "prune", "--older-than", "365d"])
        .env("KEYWARD_AUDIT_KEY", AUDIT_KEY)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--yes"));
    let plan = json_of(
        s.kw(&[
            "audit",
            "prune",
            "--older-than",
            "365d",
            "--dry-run",
            "--format",
            "json",
        ])
        .env("KEYWARD_AUDIT_KEY", AUDIT_KEY),
    );
    assert_eq!(plan["pruned"], old);
    assert_eq!(s.count("SELECT COUNT(*) FROM audit_log"), 200);
    let done = json_of(
        s.kw(&[
            "--yes",
            "audit",
            "prune",
            "--older-than",
            "365d",
            "--format",
            "json",
        ])
        .env("KEYWARD_AUDIT_KEY", AUDIT_KEY),
    );
    assert_eq!(done["pruned"], old);
    assert_eq!(done["through_id"], old);
    assert_eq!(s.count("SELECT COUNT(*) FROM audit_log"), 200 - old + 1);
    assert_eq!(
        s.count(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE ts < '{cutoff}'"
        )),
        0
    );
    let doc = json_of(&mut verify(&["--anchor", anchors.to_str().unwrap()]));
    assert_eq!(doc["intact"], true, "{doc}");
    assert_eq!(doc["pruned_through"], old);
    assert_eq!(doc["anchors"][0]["status"], "reached");
    let rec = s.entries("audit.prune");
    assert_eq!(rec[0]["risk"], "medium");
    assert_eq!(rec[0]["details"]["pruned"], old);
    // Nothing more to prune.
    s.kw(&["--yes", "audit", "prune", "--older-than", "365d"])
        .env("KEYWARD_AUDIT_KEY", AUDIT_KEY)
        .assert()
        .success()
        .stdout(predicate::str::contains("nothing to prune"));
    // Deleting one more row at the head is not a prune: verify says so.
    s.sql(&format!("DELETE FROM audit_log WHERE id = {}", old + 1));
    let doc = json_with_code(&mut verify(&[]), 1);
    assert_eq!(doc["break"]["kind"], "deleted");
    // And a broken chain is not pruned.
    s.kw(&["--yes", "audit", "prune", "--older-than", "1d"])
        .env("KEYWARD_AUDIT_KEY", AUDIT_KEY)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("nothing pruned"));
    s.kw(&["--yes", "audit", "prune", "--older-than", "2099-01-01"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("in the future"));
}

#[test]
fn a_million_entries_answer_filtered_queries_and_stream_out() {
    let t0 = Instant::now();
    let end = now();
    let s = generated(1_000_000, end, 365);
    eprintln!("generated 1,000,000 entries in {:?}", t0.elapsed());
    let since = fmt(end - time::Duration::hours(24));
    let rows = json_of(&mut s.kw(&[
        "audit", "query", "--since", &since, "--actor", "actor-7", "--format", "json", "--limit",
        "all",
    ]));
    assert_eq!(
        rows.as_array().unwrap().len() as i64,
        s.count(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE ts >= '{since}' AND actor = 'actor-7'"
        ))
    );
    let days = json_of(&mut s.kw(&[
        "audit",
        "query",
        "--count",
        "--group-by",
        "day",
        "--format",
        "json",
    ]));
    let total: u64 = days
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["count"].as_u64().unwrap())
        .sum();
    assert_eq!(total, 1_000_000);
    // Export reads every entry without holding them: count lines as they stream.
    let mut child = std::process::Command::new(kw_path())
        .arg("--store")
        .arg(&s.path)
        .args(["audit", "export", "--risk", "medium"])
        .env("USER", "tester")
        .env("KEYWARD_AUDIT_KEY", AUDIT_KEY)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut n = 0i64;
    let mut last_id = 0i64;
    for line in BufReader::new(child.stdout.take().unwrap()).lines() {
        let line = line.unwrap();
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        let id = v["id"].as_i64().unwrap();
        assert!(id > last_id, "ascending ids");
        last_id = id;
        n += 1;
    }
    assert!(child.wait().unwrap().success());
    assert_eq!(
        n,
        s.count("SELECT COUNT(*) FROM audit_log WHERE risk IN ('medium', 'high', 'critical')")
    );
    s.kw(&["audit", "verify"])
        .env("KEYWARD_AUDIT_KEY", AUDIT_KEY)
        .assert()
        .success()
        .stdout(predicate::str::contains("intact: 1000001 rows"));
}

/// Hardening #2: who acts is not what to filter by. `KEYWARD_ACTOR` and a
/// global `--actor` before the command never filter `audit query|tail|export`;
/// `--actor` after the subcommand is the filter.
#[test]
fn hardening_2_keyward_actor_never_filters_audit_reads() {
    let s = generated(40, now(), 1);
    let all = s.count("SELECT COUNT(*) FROM audit_log");
    let count = |cmd: &mut assert_cmd::Command| count_of(cmd);
    assert_eq!(
        count(
            s.kw(&["audit", "query", "--count", "--format", "json"])
                .env("KEYWARD_ACTOR", "an-operator")
        ),
        all
    );
    assert_eq!(
        count(&mut s.kw(&[
            "--actor",
            "an-operator",
            "audit",
            "query",
            "--count",
            "--format",
            "json"
        ])),
        all
    );
    let by_filter = s.count("SELECT COUNT(*) FROM audit_log WHERE actor = 'actor-1'");
    assert!(by_filter > 0);
    for args in [
        vec![
            "audit", "query", "--actor", "actor-1", "--count", "--format", "json",
        ],
        vec![
            "--actor",
            "me",
            "audit",
            "query",
            "--actor=actor-1",
            "--count",
            "--format",
            "json",
        ],
    ] {
        assert_eq!(
            count(s.kw(&args).env("KEYWARD_ACTOR", "an-operator")),
            by_filter
        );
    }
    // export: a cron job with KEYWARD_ACTOR set still exports every line
    // (each export adds its own audit.export entry, exported by the next).
    let out = stdout_of(
        s.kw(&["audit", "export", "--format", "ndjson"])
            .env("KEYWARD_AUDIT_KEY", AUDIT_KEY)
            .env("KEYWARD_ACTOR", "cron"),
    );
    assert_eq!(out.lines().count() as i64, all);
    let out = stdout_of(
        s.kw(&["--actor", "cron", "audit", "export", "--format", "ndjson"])
            .env("KEYWARD_AUDIT_KEY", AUDIT_KEY),
    );
    assert_eq!(out.lines().count() as i64, all + 1);
    assert_eq!(
        s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'audit.export' AND actor = 'cron'"),
        2,
        "who exported is still recorded"
    );
    let out = stdout_of(
        s.kw(&[
            "audit", "export", "--format", "ndjson", "--actor", "actor-1",
        ])
        .env("KEYWARD_AUDIT_KEY", AUDIT_KEY),
    );
    assert_eq!(out.lines().count() as i64, by_filter);
    // tail: the newest entries whoever the operator is.
    let out = stdout_of(
        s.kw(&["audit", "tail", "-n", "5", "--format", "ndjson"])
            .env("KEYWARD_ACTOR", "an-operator"),
    );
    assert_eq!(out.lines().count(), 5);
    // Who acts is still taken from KEYWARD_ACTOR / --actor for changes.
    s.kw(&["apikey", "issue", "--name", "who"])
        .env("KEYWARD_AUDIT_KEY", AUDIT_KEY)
        .env("KEYWARD_ACTOR", "env-operator")
        .assert()
        .success();
    assert_eq!(
        s.count("SELECT COUNT(*) FROM audit_log WHERE actor = 'env-operator'"),
        1
    );
}

/// Hardening #20: `--limit 0` and counts past SQLite's range are usage
/// errors; `--limit all` shows everything.
#[test]
fn hardening_20_limit_zero_and_out_of_range_are_refused() {
    let s = generated(60, now(), 1);
    for bad in ["0", "18446744073709551615", "9223372036854775808", "x"] {
        s.kw(&["audit", "query", "--limit", bad])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("--limit"));
        s.kw(&["audit", "export", "--limit", bad]).assert().code(2);
    }
    let table = stdout_of(&mut s.kw(&["audit", "query", "--limit", "all"]));
    assert_eq!(table.matches("actor-").count(), 60);
    let max = json_of(&mut s.kw(&[
        "audit",
        "query",
        "--limit",
        "9223372036854775807",
        "--format",
        "json",
    ]));
    assert_eq!(max.as_array().unwrap().len(), 60);
    let out = stdout_of(
        s.kw(&["audit", "export", "--limit", "5"])
            .env("KEYWARD_AUDIT_KEY", AUDIT_KEY),
    );
    assert_eq!(out.lines().count(), 5);
}

/// Hardening #10 (a): `--tz` reads a source's times written without a zone
/// (Python's `datetime.now().isoformat()`) in that zone; times with Z or an
/// offset and epoch numbers are unaffected, and filters compare instants.
#[test]
fn hardening_10_tz_reads_naive_json_lines_times_in_a_zone() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("security_events.log");
    std::fs::write(
        &log,
        "{\"timestamp\": \"2026-11-20T10:00:00.000001\", \"event_type\": \"naive_iso\"}\n\
         {\"timestamp\": \"2026-11-20 10:30:00\", \"event_type\": \"naive_space\"}\n\
         {\"timestamp\": \"2026-11-20T10:00:00Z\", \"event_type\": \"zulu\"}\n\
         {\"timestamp\": \"2026-11-20T12:00:00+01:00\", \"event_type\": \"offset\"}\n\
         {\"timestamp\": 1795345200, \"event_type\": \"epoch\"}\n\
         {\"timestamp\": \"2026-07-01T10:00:00\", \"event_type\": \"summer\"}\n\
         {\"timestamp\": \"2026-03-29T02:30:00\", \"event_type\": \"skipped\"}\n\
         {\"timestamp\": \"2026-10-25T02:30:00\", \"event_type\": \"repeated\"}\n",
    )
    .unwrap();
    let src = format!("jsonl:{}", log.display());
    let times = |extra: &[&str], tz_env: Option<&str>| {
        let mut args = vec!["audit", "query", "--source", &src, "--format", "json"];
        args.extend_from_slice(&["--order", "asc"]);
        args.extend_from_slice(extra);
        let mut cmd = kw();
        cmd.args(&args);
        if let Some(z) = tz_env {
            cmd.env("TZ", z);
        }
        json_of(&mut cmd)
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["action"].as_str().unwrap().to_string(),
                    r["ts"].as_str().unwrap().to_string(),
                )
            })
            .collect::<std::collections::BTreeMap<_, _>>()
    };
    let utc = times(&[], None);
    assert_eq!(
        utc["naive_iso"], "2026-11-20T10:00:00.000Z",
        "UTC by default"
    );
    assert_eq!(utc["naive_space"], "2026-11-20T10:30:00.000Z");
    assert_eq!(times(&["--tz", "UTC"], None), utc);
    let plus2 = times(&["--tz", "+02:00"], None);
    assert_eq!(plus2["naive_iso"], "2026-11-20T08:00:00.000Z");
    assert_eq!(plus2["naive_space"], "2026-11-20T08:30:00.000Z");
    assert_eq!(plus2["summer"], "2026-07-01T08:00:00.000Z");
    for zoned in ["zulu", "offset", "epoch"] {
        assert_eq!(plus2[zoned], utc[zoned], "{zoned} keeps its own zone");
    }
    assert_eq!(plus2["offset"], "2026-11-20T11:00:00.000Z");
    let minus = times(&["--tz", "-0530"], None);
    assert_eq!(minus["naive_iso"], "2026-11-20T15:30:00.000Z");
    // local: TZ's rules, summer time included (a POSIX TZ needs no tzdata).
    let cet = "CET-1CEST,M3.5.0,M10.5.0/3";
    let local = times(&["--tz", "local"], Some(cet));
    assert_eq!(local["naive_iso"], "2026-11-20T09:00:00.000Z");
    assert_eq!(
        local["summer"], "2026-07-01T08:00:00.000Z",
        "CEST is +02:00"
    );
    assert_eq!(local["zulu"], "2026-11-20T10:00:00.000Z");
    assert_eq!(
        local["skipped"], "2026-03-29T01:30:00.000Z",
        "a skipped wall time takes the offset before the change"
    );
    assert_eq!(
        local["repeated"], "2026-10-25T00:30:00.000Z",
        "a repeated wall time is the first"
    );
    assert_eq!(times(&[], Some(cet)), utc, "TZ alone changes nothing");
    // Filters compare the re-zoned instants.
    let window = times(
        &[
            "--tz",
            "+02:00",
            "--since",
            "2026-11-20T08:15:00Z",
            "--until",
            "2026-11-20T11:30:00Z",
        ],
        None,
    );
    assert_eq!(
        window.keys().map(String::as_str).collect::<Vec<_>>(),
        vec!["naive_space", "offset", "zulu"]
    );
    // export and tail take it too.
    let out = stdout_of(kw().args([
        "audit",
        "export",
        "--source",
        &src,
        "--tz",
        "+02:00",
        "--action",
        "naive_iso",
    ]));
    assert!(out.contains("2026-11-20T08:00:00.000Z"), "{out}");
    let out = stdout_of(kw().args([
        "audit", "tail", "--source", &src, "--tz", "+02:00", "--utc", "-n", "8",
    ]));
    assert!(out.contains("2026-11-20 08:00:00"), "{out}");
    // An IANA zone from the system's database: 10:00 in Berlin in
    // November is 09:00 UTC; an unknown name is exit 2.
    let out = stdout_of(kw().args([
        "audit",
        "query",
        "--source",
        &src,
        "--tz",
        "Europe/Berlin",
        "--format",
        "json",
        "--action",
        "naive_iso",
    ]));
    assert!(out.contains("2026-11-20T09:00:00.000Z"), "{out}");
    kw().args([
        "audit",
        "query",
        "--source",
        &src,
        "--tz",
        "Mars/Olympus_Mons",
    ])
    .assert()
    .code(2)
    .stderr(predicate::str::contains("zone database"));
    for bad in ["+25:00", "+2", "soon", ""] {
        kw().args(["audit", "query", "--source", &src, "--tz", bad])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("--tz"));
    }
    let store = dir.path().join("store.db");
    kw().args([
        "--store",
        store.to_str().unwrap(),
        "audit",
        "query",
        "--tz",
        "+02:00",
    ])
    .assert()
    .code(2)
    .stderr(predicate::str::contains(
        "--tz applies to sqlite:, jsonl: and PostgreSQL sources",
    ));
}

/// Hardening #10 (a): a service table's naive times (seed 001's
/// `2026-11-01 00:00:00.123456`) under `--tz`, bounds pushed into SQL
/// included, and days grouped by the re-zoned instants.
#[test]
fn hardening_10_tz_reads_naive_sqlite_times_in_a_zone() {
    let dir = tempfile::tempdir().unwrap();
    let db = seed001_table(dir.path());
    let src = format!("sqlite:{}", db.display());
    let q = |args: &[&str]| {
        let mut all = vec!["audit", "query", "--source", &src, "--format", "json"];
        all.extend_from_slice(args);
        json_of(kw().args(&all))
    };
    let window = [
        "--since",
        "2026-10-31T22:00:00Z",
        "--until",
        "2026-10-31T23:00:00Z",
    ];
    assert_eq!(q(&window).as_array().unwrap().len(), 0, "UTC by default");
    let mut args = window.to_vec();
    args.extend_from_slice(&["--tz", "+02:00"]);
    let rows = q(&args);
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["id"], 1);
    assert_eq!(rows[0]["ts"], "2026-10-31T22:00:00.123Z");
    let count = |args: &[&str]| {
        let mut all = vec!["audit", "query", "--source", &src, "--count"];
        all.extend_from_slice(args);
        stdout_of(kw().args(&all)).trim().to_string()
    };
    assert_eq!(
        count(&["--tz", "+02:00", "--until", "2026-11-01T00:00:00Z"]),
        "2"
    );
    assert_eq!(count(&["--until", "2026-11-01T00:00:00Z"]), "0");
    let days = q(&["--tz", "+02:00", "--group-by", "day"]);
    assert_eq!(days[0]["key"], "2026-10-31", "{days}");
    assert_eq!(days[0]["count"], 2);
    let total: u64 = days
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["count"].as_u64().unwrap())
        .sum();
    assert_eq!(total, 200);
}

/// Hardening #10 (b): lines that Python wrote as `f"{entry}\n"` (a dict's
/// repr) are read beside JSON lines; a line that is neither is still
/// skipped and counted.
#[test]
fn hardening_10_python_repr_lines_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("security_events.log");
    std::fs::write(
        &log,
        concat!(
            "{\"timestamp\": \"2026-11-20T10:00:00\", \"event_type\": \"auth_success\", \"service_host\": \"localhost:8002\", \"details\": {\"attempt\": 1}}\n",
            "{'event_type': 'auth_failure', 'success': False, 'user': None, 'details': {'ip': '1.2.3.4', 'reason': \"it's \\\"bad\\\"\", 'codes': (401, 403)}, 'timestamp': '2026-11-20T10:01:00.000001', 'service_host': 'localhost:8002'}\n",
            "{'event_type': 'key_rotation', 'success': True, 'user': 'o\\'brien', 'details': {'note': 'caf\\u00e9 {x}: y,z'}, 'timestamp': '2026-11-20T10:02:00+01:00'}\n",
            "{'event_type': 'broken', 'timestamp': '2026-11-20T10:03:00'\n",
            "plain text\n",
        ),
    )
    .unwrap();
    let src = format!("jsonl:{}", log.display());
    let out = kw()
        .args([
            "audit", "query", "--source", &src, "--format", "json", "--order", "asc",
        ])
        .assert()
        .success();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("security_events.log:4: skipped 2 lines that are not a JSON object"),
        "{stderr}"
    );
    let rows: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert_eq!(rows[0]["action"], "auth_success");
    assert_eq!(rows[1]["action"], "auth_failure");
    assert_eq!(rows[1]["outcome"], "failure", "False is a failure");
    assert_eq!(
        rows[1]["actor"],
        serde_json::Value::Null,
        "None is no actor"
    );
    assert_eq!(rows[1]["host"], "localhost:8002");
    assert_eq!(rows[1]["ts"], "2026-11-20T10:01:00.000Z");
    assert_eq!(
        rows[1]["details"],
        serde_json::json!({"ip": "1.2.3.4", "reason": "it's \"bad\"", "codes": [401, 403]})
    );
    assert_eq!(rows[2]["actor"], "o'brien");
    assert_eq!(rows[2]["outcome"], "success");
    assert_eq!(rows[2]["ts"], "2026-11-20T09:02:00.000Z");
    assert_eq!(rows[2]["details"]["note"], "café {x}: y,z");
    // Filters see them like any entry.
    let failed = json_of(kw().args([
        "audit",
        "query",
        "--source",
        &src,
        "--format",
        "json",
        "--outcome",
        "failure",
        "--where",
        "details.ip = \"1.2.3.4\"",
    ]));
    assert_eq!(failed.as_array().unwrap().len(), 1);
}

/// Hardening #12: a service's log cannot drive the terminal through keyward's
/// text output (window title, clear screen, carriage return), in the table,
/// in the streamed text of `audit tail`, or in a --group-by table; JSON keeps
/// the actor exactly.
#[test]
fn hardening_12_audit_text_escapes_terminal_controls() {
    let dir = tempfile::tempdir().unwrap();
    let evil = "evil\u{1b}]0;pwned\u{7}\u{1b}[2J\r\u{9b}1A";
    let line = serde_json::json!({
        "timestamp": "2026-11-23T10:00:00Z",
        "event_type": "login\u{1b}[31m",
        "actor": evil,
        "details": {"note": "x\u{7f}\u{1b}c"},
    });
    let log = dir.path().join("events.log");
    std::fs::write(&log, format!("{line}\n")).unwrap();
    let src = format!("jsonl:{}", log.display());
    let clean = |out: &std::process::Output| {
        for stream in [&out.stdout, &out.stderr] {
            let text = String::from_utf8_lossy(stream);
            assert!(
                !text.contains(['\u{1b}', '\u{7}', '\r', '\u{7f}', '\u{9b}']),
                "control characters in {text:?}"
            );
        }
    };
    for args in [
        vec!["audit", "query", "--source", &src],
        vec!["audit", "query", "--source", &src, "--group-by", "actor"],
        vec!["audit", "tail", "--source", &src],
    ] {
        let out = kw().args(&args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
        clean(&out);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("evil\\x1b]0;pwned\\x07"), "{args:?}: {text}");
    }
    let rows = json_of(kw().args(["audit", "query", "--source", &src, "--format", "json"]));
    assert_eq!(rows[0]["actor"], evil);
    // CSV and NDJSON carry the data as it is, and stay valid.
    let nd = stdout_of(kw().args(["audit", "query", "--source", &src, "--format", "ndjson"]));
    let row: serde_json::Value = serde_json::from_str(nd.trim_end()).unwrap();
    assert_eq!(row["actor"], evil);
    let csv = stdout_of(kw().args(["audit", "query", "--source", &src, "--format", "csv"]));
    assert!(csv.contains(&format!("\"{evil}\"")), "{csv:?}");
}
