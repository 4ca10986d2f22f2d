//! `rotate run` on the machine's PostgreSQL through the batched path (one
//! compare-and-swap UPDATE per batch and column): a live writer loses no
//! update, every key and column kind PostgreSQL rotation supports, reruns
//! that change nothing, and kill -9 between and inside batches. Each test
//! works in a schema of its own, dropped afterwards.

use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use keyward::crypto::envelope::EnvelopeKey;
use keyward::crypto::fernet::FernetKey;
use postgres::Client;
use predicates::prelude::*;

use crate::util::*;

/// `rotate run --format json` on `table`, from key 1 (`A`) to key 2 (`B`,
/// id 2).
fn run_args<'a>(url: &'a str, table: &'a str) -> [&'a str; 14] {
    [
        "--format",
        "json",
        "rotate",
        "run",
        "--db",
        url,
        "--table",
        table,
        "--from-key-env",
        "A",
        "--to-key-env",
        "B",
        "--to-key-id",
        "2",
    ]
}

/// That run with `args` (columns, batch size...).
fn rotate(e: &Env, url: &str, table: &str, args: &[&str]) -> assert_cmd::Command {
    let mut c = e.kw(&run_args(url, table));
    c.args(args).env("A", hexkey(1)).env("B", hexkey(2));
    c
}

/// The same run as a child process, its JSON report on a pipe.
pub(crate) fn spawn_rotate(e: &Env, url: &str, table: &str, args: &[&str]) -> Child {
    Command::new(kw_path())
        .arg("--store")
        .arg(&e.store)
        .args(run_args(url, table))
        .args(args)
        .env("A", hexkey(1))
        .env("B", hexkey(2))
        .env("XDG_DATA_HOME", e.dir.path())
        .env_remove("PGPASSWORD")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Every row of `table` as text (`ctid`, then each column), in key order:
/// equal before and after a run only if the run rewrote no row (an UPDATE
/// moves a row to a new `ctid`, even with the same values).
fn snapshot(client: &mut Client, table: &str, order: &str) -> Vec<String> {
    client
        .query(
            &format!("SELECT ctid::text || ' ' || t::text FROM {table} t ORDER BY {order}"),
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect()
}

/// A rerun finds nothing to do and writes nothing.
fn assert_rerun_is_a_noop(
    client: &mut Client,
    table: &str,
    order: &str,
    run: &mut assert_cmd::Command,
) {
    let before = snapshot(client, table, order);
    let doc = json_of(run);
    assert_eq!(doc["rotated"], 0, "{table}: {doc}");
    assert_eq!(doc["encrypted_plaintext"], 0, "{table}: {doc}");
    assert_eq!(doc["batches"], 0, "{table}: {doc}");
    assert_eq!(doc["conflicts"], 0, "{table}: {doc}");
    assert_eq!(
        snapshot(client, table, order),
        before,
        "{table}: a rerun rewrote rows"
    );
}

/// The run that finishes `table`'s `content` after runs that raced a writer
/// or were killed: it rotates and finds current the `(rotated, current)`
/// values it is given; then a rerun that changes nothing.
fn finish(e: &Env, url: &str, client: &mut Client, table: &str, counts: (i64, i64)) {
    let args = ["--column", "content", "--batch", "50"];
    let doc = json_of(&mut rotate(e, url, table, &args));
    assert_eq!(doc["rotated"], counts.0, "{doc}");
    assert_eq!(doc["current"], counts.1, "{doc}");
    assert_rerun_is_a_noop(client, table, "id", &mut rotate(e, url, table, &args));
}

pub(crate) fn open_env(k: &EnvelopeKey, v: &str, ctx: Option<&[u8]>) -> String {
    String::from_utf8(
        k.open_base64(v, ctx)
            .unwrap_or_else(|e| panic!("{v:.40}... does not open: {e:?}"))
            .to_vec(),
    )
    .unwrap()
}

/// A service writes random rows (under the old key and under the new one,
/// and sometimes only a counter in another column) in a loop on its own
/// connection for the whole rotation, and four rows are held under a row
/// lock by other transactions until the rotation's batched UPDATE waits on
/// them: three are then changed and one deleted, so the compare-and-swap
/// misses them for certain and the redo path runs.
/// Afterwards every row holds exactly what its last writer wrote: the
/// service's value (as written, or re-encrypted from the old key), the
/// lock holder's value re-encrypted, or the original value re-encrypted.
#[test]
fn a_concurrent_writer_loses_no_update_through_the_batched_path() {
    let Some(mut s) = PgSchema::new("rotate_writer") else {
        return;
    };
    let t = s.table("memories");
    let (url, client) = (s.url.clone(), &mut s.client);
    const N: i64 = 2000;
    let old = FernetKey::new(&key(1));
    let new = EnvelopeKey::new(&key(2), 2);
    client
        .batch_execute(&format!(
            "CREATE TABLE {t} (id bigint PRIMARY KEY, content text NOT NULL, hits int NOT NULL DEFAULT 0)"
        ))
        .unwrap();
    let ids: Vec<i64> = (1..=N).collect();
    let values: Vec<String> = ids
        .iter()
        .map(|i| old.encrypt(format!("original {i}").as_bytes()).unwrap())
        .collect();
    client
        .execute(
            &format!("INSERT INTO {t} (id, content) SELECT * FROM unnest($1::int8[], $2::text[])"),
            &[&ids, &values],
        )
        .unwrap();

    // The rows held under lock, in key order; the third is deleted.
    let held: [i64; 4] = [120, 555, 1010, 1790];
    let deleted = 1010;
    let mut holders: Vec<(i64, Client, i32)> = held
        .iter()
        .map(|&id| {
            let mut c = Client::connect(&url, postgres::NoTls).unwrap();
            c.batch_execute("BEGIN").unwrap();
            c.execute(
                &format!("SELECT 1 FROM {t} WHERE id = $1 FOR UPDATE"),
                &[&id],
            )
            .unwrap();
            let pid: i32 = c.query_one("SELECT pg_backend_pid()", &[]).unwrap().get(0);
            (id, c, pid)
        })
        .collect();

    // The service: random rows, alternately under the old and the new key.
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (url, t, stop) = (url.clone(), t.clone(), stop.clone());
        std::thread::spawn(move || {
            let mut c = Client::connect(&url, postgres::NoTls).unwrap();
            let (old, new) = (FernetKey::new(&key(1)), EnvelopeKey::new(&key(2), 2));
            let mut last: HashMap<i64, (String, String)> = HashMap::new();
            let mut hits = 0i64;
            let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
            let mut n = 0u64;
            while !stop.load(Ordering::Relaxed) {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let id = (x >> 33) as i64 % N + 1;
                if held.contains(&id) {
                    continue;
                }
                n += 1;
                if n.is_multiple_of(3) {
                    // Another column only: the row is a new version with
                    // the same ciphertext.
                    c.execute(
                        &format!("UPDATE {t} SET hits = hits + 1 WHERE id = $1"),
                        &[&id],
                    )
                    .unwrap();
                    hits += 1;
                    continue;
                }
                let plain = format!("service {id} #{n}");
                let v = if n.is_multiple_of(2) {
                    new.seal_base64(plain.as_bytes(), None).unwrap()
                } else {
                    old.encrypt(plain.as_bytes()).unwrap()
                };
                c.execute(
                    &format!("UPDATE {t} SET content = $1 WHERE id = $2"),
                    &[&v, &id],
                )
                .unwrap();
                last.insert(id, (plain, v));
            }
            (last, hits)
        })
    };
    std::thread::sleep(Duration::from_millis(100));
    let e = Env::new();
    let mut child = spawn_rotate(
        &e,
        &url,
        &t,
        &["--column", "content", "--batch", "50", "--throttle", "3000"],
    );
    // Each holder waits until the rotation's batched UPDATE waits on its
    // row, then changes (or deletes) the row and commits.
    for (id, c, pid) in &mut holders {
        let start = Instant::now();
        loop {
            let waiting: bool = client
                .query_one(
                    "SELECT EXISTS (SELECT 1 FROM pg_stat_activity
                     WHERE $1 = ANY(pg_blocking_pids(pid)) AND query LIKE '%unnest(%')",
                    &[pid],
                )
                .unwrap()
                .get(0);
            if waiting {
                break;
            }
            if let Some(status) = child.try_wait().unwrap() {
                let out = child.wait_with_output().unwrap();
                panic!(
                    "the rotation ended ({status}) before reaching row {id}: {}",
                    all_output(&out)
                );
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "the rotation never waited on row {id}"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        if *id == deleted {
            c.execute(&format!("DELETE FROM {t} WHERE id = $1"), &[id])
                .unwrap();
        } else {
            let v = old.encrypt(format!("held {id}").as_bytes()).unwrap();
            c.execute(
                &format!("UPDATE {t} SET content = $1 WHERE id = $2"),
                &[&v, id],
            )
            .unwrap();
        }
        c.batch_execute("COMMIT").unwrap();
    }
    let out = child.wait_with_output().unwrap();
    stop.store(true, Ordering::Relaxed);
    let (last, hits) = writer.join().unwrap();
    assert!(out.status.success(), "{}", all_output(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["rows"], N, "{doc}");
    assert_eq!(doc["undecryptable"], 0, "{doc}");
    assert!(
        doc["conflicts"].as_u64().unwrap() >= held.len() as u64,
        "every held row was a conflict: {doc}"
    );
    assert!(last.len() > 100, "the service made {} updates", last.len());
    assert!(hits > 50, "the service counted {hits} hits");
    let counted: i64 = client
        .query_one(&format!("SELECT sum(hits)::bigint FROM {t}"), &[])
        .unwrap()
        .get(0);
    assert_eq!(counted, hits, "an update of another column was lost");

    let mut still_old = 0;
    let rows = client
        .query(&format!("SELECT id, content FROM {t} ORDER BY id"), &[])
        .unwrap();
    assert_eq!(rows.len() as i64, N - 1);
    for r in &rows {
        let (id, v): (i64, String) = (r.get(0), r.get(1));
        assert_ne!(id, deleted, "the deleted row came back");
        if held.contains(&id) {
            assert_eq!(open_env(&new, &v, None), format!("held {id}"), "row {id}");
        } else if let Some((plain, written)) = last.get(&id) {
            if &v == written {
                // Written after the rotation passed it (or under the new key).
                if old.decrypt(&v, None).is_ok() {
                    still_old += 1;
                }
            } else {
                assert!(
                    old.decrypt(written, None).is_ok(),
                    "row {id}: the service's new-key value was replaced"
                );
                assert_eq!(&open_env(&new, &v, None), plain, "row {id}");
            }
        } else {
            assert_eq!(
                open_env(&new, &v, None),
                format!("original {id}"),
                "row {id}"
            );
        }
    }
    // A second run rotates exactly the service's late old-key values.
    finish(&e, &url, client, &t, (still_old, N - 1 - still_old));
}

/// Text, varchar, bytea, json and jsonb columns; integer, varchar, uuid and
/// composite keys; NULLs, plaintext, a value no key opens (skipped, left as
/// it was), JSON fields and `--context-from-row`, in batches smaller than
/// the table; each value checked, then a rerun that changes nothing.
#[test]
fn every_key_and_column_kind_rotates_in_batches_and_reruns_change_nothing() {
    let Some(mut s) = PgSchema::new("rotate_kinds") else {
        return;
    };
    let (items, docs, chunks) = (s.table("items"), s.table("docs"), s.table("chunks"));
    let (url, client) = (s.url.clone(), &mut s.client);
    client
        .batch_execute(&format!(
            "CREATE TABLE {items} (id int PRIMARY KEY, body text, blob bytea, note varchar(4000), doc jsonb);
             CREATE TABLE {docs} (slug varchar(64) PRIMARY KEY, body bytea, meta json);
             CREATE TABLE {chunks} (tenant uuid, n smallint, body text, PRIMARY KEY (tenant, n));"
        ))
        .unwrap();
    let (f1, e1) = (FernetKey::new(&key(1)), EnvelopeKey::new(&key(1), 1));
    let corrupt = "gAAAAABcut-short";
    for i in 1..=40i32 {
        let body = match i {
            17 => Some(corrupt.to_string()),
            _ if i % 10 == 0 => None,
            _ if i % 10 == 5 => Some(format!("plain {i}")),
            _ => Some(f1.encrypt(format!("body {i}").as_bytes()).unwrap()),
        };
        let blob = (i % 9 != 0).then(|| {
            f1.encrypt(format!("blob {i}").as_bytes())
                .unwrap()
                .into_bytes()
        });
        let note = e1
            .seal_base64(format!("note {i}").as_bytes(), None)
            .unwrap();
        let doc = (i % 8 != 0).then(|| {
            let secret = if i % 11 == 0 {
                serde_json::Value::Null
            } else {
                f1.encrypt(format!("s{i}").as_bytes()).unwrap().into()
            };
            serde_json::json!({
                "name": format!("n{i}"),
                "secret": secret,
                "nested": {"tok": e1.seal_base64(format!("t{i}").as_bytes(), None).unwrap(), "n": i},
            })
            .to_string()
        });
        client
            .execute(
                &format!("INSERT INTO {items} VALUES ($1, $2, $3, $4, $5::text::jsonb)"),
                &[&i, &body, &blob, &note, &doc],
            )
            .unwrap();
    }
    let slug = |i: i32| format!("doc-{i:03} \"é'");
    for i in 1..=30 {
        // A binary envelope, and a json column as a person wrote it.
        let body = e1.seal(format!("doc {i}").as_bytes(), None).unwrap();
        let meta = format!(
            "{{ \"secret\" : \"{}\",  \"tags\": [\"a\", \"b\"] }}",
            e1.seal_base64(format!("m{i}").as_bytes(), None).unwrap()
        );
        client
            .execute(
                &format!("INSERT INTO {docs} VALUES ($1, $2, $3::text::json)"),
                &[&slug(i), &body, &meta],
            )
            .unwrap();
    }
    let tenants = [
        "00000000-0000-0000-0000-00000000000a",
        "7d444840-9dc0-11d1-b245-5ffdce74fad2",
        "ffffffff-ffff-ffff-ffff-ffffffffffff",
    ];
    for (ti, tenant) in tenants.iter().enumerate() {
        for n in 0..20i16 {
            let v = f1.encrypt(format!("chunk {ti}/{n}").as_bytes()).unwrap();
            client
                .execute(
                    &format!("INSERT INTO {chunks} VALUES ($1::text::uuid, $2, $3)"),
                    &[tenant, &n, &v],
                )
                .unwrap();
        }
    }
    let e = Env::new();
    let items_args = [
        "--column",
        "body",
        "--column",
        "blob",
        "--column",
        "note",
        "--json-field",
        "doc:secret",
        "--json-field",
        "doc:nested.tok",
        "--batch",
        "7",
        "--on-error",
        "skip",
    ];
    // Exit 1: a value was left unrotated (skipped).
    let doc = json_with_code(&mut rotate(&e, &url, &items, &items_args), 1);
    // body 31 (4 NULL, 4 plaintext, 1 undecryptable), blob 36, note 40,
    // doc.secret 32 (5 NULL documents, 3 null fields), doc.nested.tok 35.
    assert_eq!(doc["rows"], 40, "{doc}");
    assert_eq!(doc["rotated"], 31 + 36 + 40 + 32 + 35, "{doc}");
    assert_eq!(doc["undecryptable"], 1, "{doc}");
    assert_eq!(
        doc["skipped_keys"],
        serde_json::json!(["17 (body)"]),
        "{doc}"
    );
    assert_eq!(doc["plaintext"], 4, "{doc}");
    assert_eq!(doc["batches"], 6, "{doc}");
    assert_eq!(doc["conflicts"], 0, "{doc}");
    let e2 = EnvelopeKey::new(&key(2), 2);
    for r in client
        .query(
            &format!("SELECT id, body, blob, note, doc::text FROM {items} ORDER BY id"),
            &[],
        )
        .unwrap()
    {
        let i: i32 = r.get(0);
        let body: Option<String> = r.get(1);
        match i {
            17 => assert_eq!(body.as_deref(), Some(corrupt), "left as it was"),
            _ if i % 10 == 0 => assert_eq!(body, None),
            _ if i % 10 == 5 => assert_eq!(body, Some(format!("plain {i}"))),
            _ => assert_eq!(open_env(&e2, &body.unwrap(), None), format!("body {i}")),
        }
        let blob: Option<Vec<u8>> = r.get(2);
        match blob {
            None => assert_eq!(i % 9, 0, "row {i}"),
            // A token stored as bytes stays text in bytes.
            Some(b) => assert_eq!(
                open_env(&e2, std::str::from_utf8(&b).unwrap(), None),
                format!("blob {i}")
            ),
        }
        assert_eq!(
            open_env(&e2, &r.get::<_, String>(3), None),
            format!("note {i}")
        );
        let doc: Option<String> = r.get(4);
        let Some(doc) = doc else {
            assert_eq!(i % 8, 0, "row {i}");
            continue;
        };
        let doc: serde_json::Value = serde_json::from_str(&doc).unwrap();
        assert_eq!(doc["name"], format!("n{i}"));
        assert_eq!(doc["nested"]["n"], i);
        if i % 11 == 0 {
            assert_eq!(doc["secret"], serde_json::Value::Null);
        } else {
            assert_eq!(
                open_env(&e2, doc["secret"].as_str().unwrap(), None),
                format!("s{i}")
            );
        }
        assert_eq!(
            open_env(&e2, doc["nested"]["tok"].as_str().unwrap(), None),
            format!("t{i}")
        );
    }
    // A rerun finds only the value no key opens: its preflight refuses,
    // and nothing is written.
    let before = snapshot(client, &items, "id");
    rotate(&e, &url, &items, &items_args)
        .assert()
        .code(3)
        .stderr(
            predicate::str::contains("id 17 (body)")
                .and(predicate::str::contains("nothing was written")),
        );
    assert_eq!(snapshot(client, &items, "id"), before);
    // Mended by the service under the old key: exactly that value is
    // rotated, and then there is nothing left to do.
    let mended = f1.encrypt(b"body 17").unwrap();
    client
        .execute(
            &format!("UPDATE {items} SET body = $1 WHERE id = 17"),
            &[&mended],
        )
        .unwrap();
    let doc = json_of(&mut rotate(&e, &url, &items, &items_args));
    assert_eq!(doc["rotated"], 1, "{doc}");
    assert_eq!(doc["batches"], 1, "{doc}");
    let body: String = client
        .query_one(&format!("SELECT body FROM {items} WHERE id = 17"), &[])
        .unwrap()
        .get(0);
    assert_eq!(open_env(&e2, &body, None), "body 17");
    assert_rerun_is_a_noop(
        client,
        &items,
        "id",
        &mut rotate(&e, &url, &items, &items_args),
    );

    // A varchar key with quotes and non-ASCII, a bytea binary envelope and a
    // json field, bound to their rows.
    let docs_args = [
        "--column",
        "body",
        "--json-field",
        "meta:secret",
        "--context-from-row",
        "--batch",
        "8",
    ];
    let doc = json_of(&mut rotate(&e, &url, &docs, &docs_args));
    assert_eq!(doc["rotated"], 60, "{doc}");
    assert_eq!(doc["batches"], 4, "{doc}");
    let rows = client
        .query(
            &format!("SELECT slug::text, body, meta::text FROM {docs} ORDER BY slug"),
            &[],
        )
        .unwrap();
    assert_eq!(rows.len(), 30);
    for (i, r) in (1..=30).zip(&rows) {
        let k: String = r.get(0);
        assert_eq!(k, slug(i));
        let body: Vec<u8> = r.get(1);
        assert!(
            body.starts_with(b"KW\x01"),
            "a binary envelope stays binary"
        );
        let ctx = format!("{docs}/body/{k}");
        assert_eq!(
            &e2.open(&body, Some(ctx.as_bytes())).unwrap()[..],
            format!("doc {i}").as_bytes()
        );
        assert!(e2.open(&body, None).is_err(), "bound to its row");
        let meta: serde_json::Value = serde_json::from_str(&r.get::<_, String>(2)).unwrap();
        let ctx = format!("{docs}/meta.secret/{k}");
        assert_eq!(
            open_env(&e2, meta["secret"].as_str().unwrap(), Some(ctx.as_bytes())),
            format!("m{i}")
        );
        assert_eq!(meta["tags"], serde_json::json!(["a", "b"]));
    }
    assert_rerun_is_a_noop(
        client,
        &docs,
        "slug",
        &mut rotate(&e, &url, &docs, &docs_args),
    );

    // A composite key of a uuid and a smallint, Fernet to Fernet.
    let chunks_args = ["--column", "body", "--to", "fernet", "--batch", "9"];
    let doc = json_of(&mut rotate(&e, &url, &chunks, &chunks_args));
    assert_eq!(doc["rotated"], 60, "{doc}");
    assert_eq!(doc["batches"], 7, "{doc}");
    let f2 = FernetKey::new(&key(2));
    let rows = client
        .query(
            &format!("SELECT tenant::text, n, body FROM {chunks} ORDER BY tenant, n"),
            &[],
        )
        .unwrap();
    assert_eq!(rows.len(), 60);
    for (i, r) in rows.iter().enumerate() {
        let (tenant, n): (String, i16) = (r.get(0), r.get(1));
        assert_eq!((tenant.as_str(), n), (tenants[i / 20], (i % 20) as i16));
        let plain = f2.decrypt(&r.get::<_, String>(2), None).unwrap();
        assert_eq!(&plain[..], format!("chunk {}/{n}", i / 20).as_bytes());
    }
    assert_rerun_is_a_noop(
        client,
        &chunks,
        "tenant, n",
        &mut rotate(&e, &url, &chunks, &chunks_args),
    );
}

/// kill -9 at three moments of a throttled run: each batch is one
/// transaction, so what is rotated is always whole batches from the start
/// of the key order and every other row is untouched; a last run finishes
/// exactly the rest.
#[test]
fn kill_9_leaves_whole_batches_and_a_rerun_finishes_the_rest() {
    let Some(mut s) = PgSchema::new("rotate_kill") else {
        return;
    };
    let t = s.table("memories");
    let (url, client) = (s.url.clone(), &mut s.client);
    const N: i64 = 3000;
    let old = FernetKey::new(&key(1));
    client
        .batch_execute(&format!(
            "CREATE TABLE {t} (id bigint PRIMARY KEY, content text)"
        ))
        .unwrap();
    let ids: Vec<i64> = (1..=N).collect();
    let values: Vec<String> = ids
        .iter()
        .map(|i| old.encrypt(format!("value {i}").as_bytes()).unwrap())
        .collect();
    client
        .execute(
            &format!("INSERT INTO {t} SELECT * FROM unnest($1::int8[], $2::text[])"),
            &[&ids, &values],
        )
        .unwrap();
    let new = EnvelopeKey::new(&key(2), 2);
    let e = Env::new();
    // The number of rows rotated: a prefix of whole batches, the rest untouched.
    let check = |client: &mut Client| -> i64 {
        let mut done = 0;
        for r in client
            .query(&format!("SELECT id, content FROM {t} ORDER BY id"), &[])
            .unwrap()
        {
            let (id, v): (i64, String) = (r.get(0), r.get(1));
            if let Ok(p) = new.open_base64(&v, None) {
                assert_eq!(id, done + 1, "row {id} rotated after an unrotated row");
                assert_eq!(&p[..], format!("value {id}").as_bytes());
                done += 1;
            } else {
                assert_eq!(v, values[id as usize - 1], "row {id} changed");
            }
        }
        assert!(
            done == N || done % 50 == 0,
            "{done} rows: a part of a batch"
        );
        done
    };
    let mut done = 0;
    let mut kills = 0;
    for wait in [350, 500, 650] {
        let mut child = spawn_rotate(
            &e,
            &url,
            &t,
            &["--column", "content", "--batch", "50", "--throttle", "2500"],
        );
        std::thread::sleep(Duration::from_millis(wait));
        if child.try_wait().unwrap().is_none() {
            unsafe { libc::kill(child.id() as i32, libc::SIGKILL) };
            kills += 1;
        }
        let _ = child.wait();
        // The server may still be committing what the killed process
        // sent last: count once the count holds still.
        let mut now = check(client);
        loop {
            std::thread::sleep(Duration::from_millis(200));
            let again = check(client);
            if again == now {
                break;
            }
            now = again;
        }
        assert!(now >= done, "rotated rows went back from {done} to {now}");
        done = now;
    }
    assert!(
        kills >= 2,
        "the rotation was interrupted only {kills} times"
    );
    assert!(done < N, "the runs finished before being killed");
    finish(&e, &url, client, &t, (N - done, done));
    assert_eq!(check(client), N);
}

/// A batch of large values goes as several UPDATE statements (at most
/// 8 MiB of values each) in its one transaction: 40 values of 300 KiB in
/// one batch of 40 rows.
#[test]
fn a_batch_of_large_values_is_written_in_several_statements_of_one_transaction() {
    let Some(mut s) = PgSchema::new("rotate_large") else {
        return;
    };
    let t = s.table("blobs");
    let (url, client) = (s.url.clone(), &mut s.client);
    client
        .batch_execute(&format!(
            "CREATE TABLE {t} (id int PRIMARY KEY, body bytea)"
        ))
        .unwrap();
    let old = FernetKey::new(&key(1));
    let plain = |i: i32| format!("{i:04}").repeat(300 * 1024 / 4);
    for i in 1..=40 {
        let v = old.encrypt(plain(i).as_bytes()).unwrap().into_bytes();
        client
            .execute(&format!("INSERT INTO {t} VALUES ($1, $2)"), &[&i, &v])
            .unwrap();
    }
    let e = Env::new();
    let args = ["--column", "body", "--batch", "40"];
    let doc = json_of(&mut rotate(&e, &url, &t, &args));
    assert_eq!(doc["rotated"], 40, "{doc}");
    assert_eq!(doc["batches"], 1, "{doc}");
    assert_eq!(doc["conflicts"], 0, "{doc}");
    let new = EnvelopeKey::new(&key(2), 2);
    let rows = client
        .query(&format!("SELECT id, body FROM {t} ORDER BY id"), &[])
        .unwrap();
    assert_eq!(rows.len(), 40);
    for r in rows {
        let (i, body): (i32, Vec<u8>) = (r.get(0), r.get(1));
        assert!(body.len() > 400 * 1024, "row {i}: {} bytes", body.len());
        assert_eq!(
            open_env(&new, std::str::from_utf8(&body).unwrap(), None),
            plain(i),
            "row {i}"
        );
    }
    assert_rerun_is_a_noop(client, &t, "id", &mut rotate(&e, &url, &t, &args));
}
