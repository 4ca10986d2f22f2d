//! `rotate run --update-env FILE --var NAME [--var-salt NAME]`: the whole
//! key change of a single-key service. The new key is minted by keyward,
//! sealed in the keyring before any value changes, and written to the
//! service's `.env` (every other byte kept) only after every value was
//! rotated and verified; a run that fails or is killed leaves the file as
//! it was, and the next run finishes with the same key. The services'
//! own code (tests/standins/) reads the values back with the key the file
//! ends up holding, in SQLite and PostgreSQL.

use std::path::{Path, PathBuf};

use keyward::crypto::envelope::EnvelopeKey;
use keyward::crypto::fernet::FernetKey;
use keyward::crypto::keys::{Encoding, Key256};
use rusqlite::Connection;

use crate::util::*;

/// A store, a keyring and a dotenv file in a directory of their own.
struct Case {
    dir: tempfile::TempDir,
}

impl Case {
    fn new() -> Case {
        Case {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn env(&self) -> PathBuf {
        self.path(".env")
    }

    /// `keyward --store ... --format json rotate run ARGS` with the
    /// keyring's KEK set, as cron would run it.
    fn rotate(&self, args: &[&str]) -> assert_cmd::Command {
        let mut c = kw();
        c.arg("--store")
            .arg(self.path("keyward.db"))
            .env("KEYWARD_KEYRING", self.path("keyring.json"))
            .env("KEYWARD_KEK", KEY_HEX)
            .args(["--format", "json", "rotate", "run"])
            .args(args);
        c
    }

    /// The `rotate.env.*` audit entries: (action, details).
    fn env_entries(&self) -> Vec<(String, String)> {
        let conn = Connection::open(self.path("keyward.db")).unwrap();
        let mut st = conn
            .prepare("SELECT action, details FROM audit_log WHERE action LIKE 'rotate.env.%' ORDER BY id")
            .unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }
}

/// The value of `var` in dotenv `text` as a loader reads it (`export`,
/// quotes and an inline comment taken off).
fn dotenv(text: &str, var: &str) -> Option<String> {
    for line in text.lines() {
        let l = line.trim_start();
        let l = l.strip_prefix("export ").unwrap_or(l);
        let Some((name, value)) = l.split_once('=') else {
            continue;
        };
        if name.trim() != var {
            continue;
        }
        let v = value.trim_start();
        return Some(match v.chars().next() {
            Some(q @ ('"' | '\'')) => v[1..].split(q).next().unwrap().to_string(),
            _ => v.split(" #").next().unwrap().trim_end().to_string(),
        });
    }
    None
}

/// `text` without the lines defining `vars`: what must stay byte for byte.
fn other_lines(text: &str, vars: &[&str]) -> String {
    text.split_inclusive('\n')
        .filter(|l| !vars.iter().any(|v| dotenv(l, v).is_some()))
        .collect()
}

fn sha_fingerprint(text: &str) -> String {
    use sha2::Digest;
    format!(
        "sha256:{}",
        hex::encode(&sha2::Sha256::digest(text.as_bytes())[..8])
    )
}

fn lines(s: &str) -> Vec<String> {
    s.lines().map(str::to_string).collect()
}

/// A fresh standard-base64 32-byte key (seed 002's ENCRYPTION_MASTER_KEY).
fn b64_key() -> String {
    Key256::generate()
        .unwrap()
        .encode(Encoding::Base64)
        .expose()
        .to_string()
}

/// A secret must not reach stdout or stderr.
fn assert_no_leak(out: &std::process::Output, secrets: &[&str]) {
    let text = all_output(out);
    for s in secrets {
        assert!(!text.contains(s), "a secret reached the output: {text}");
    }
}

const TIGER_ENV: &str = "# Tiger MCP settings\n\
DATABASE_URL=postgresql://user:password@localhost:5432/tiger_mcp\n\
\n\
export ENCRYPTION_MASTER_KEY=\"{KEY}\"  # rotated by keyward\n\
JWT_SECRET=your-jwt-secret-key-here-minimum-32-characters\n\
PBKDF2_ITERATIONS=1000\n";

/// Seed 002 with `--update-env`, on `db` (`table` already filled by the
/// stand-in under `old`): the file's other bytes are kept, the service's
/// code reads every value with the key the file now holds, and a second
/// run (the next night's cron) starts from that key and mints another.
fn tiger_key_change(
    case: &Case,
    py: &str,
    db: &str,
    table: &str,
    old: &str,
    plain: &[String],
    read: &dyn Fn() -> Vec<String>,
) {
    let env = case.env();
    let original = TIGER_ENV.replace("{KEY}", old);
    write_file(case.dir.path(), ".env", &original, 0o600);
    let args = [
        "--db",
        db,
        "--table",
        table,
        "--column",
        "private_key",
        "--from",
        "tiger:iterations=1000",
        "--to",
        "tiger:iterations=1000",
        "--batch",
        "7",
        "--update-env",
        env.to_str().unwrap(),
        "--var",
        "ENCRYPTION_MASTER_KEY",
    ];
    let out = case.rotate(&args).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", all_output(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["rotated"], plain.len(), "{report}");
    assert_eq!(report["env_updated"], true);
    assert_eq!(report["new_key"], "minted");
    assert_eq!(
        report["env_file"],
        std::fs::canonicalize(&env).unwrap().to_str().unwrap()
    );
    assert_eq!(
        report["env_vars"],
        serde_json::json!(["ENCRYPTION_MASTER_KEY"])
    );
    let now = std::fs::read_to_string(&env).unwrap();
    let new = dotenv(&now, "ENCRYPTION_MASTER_KEY").unwrap();
    assert_ne!(new, old);
    assert_eq!(Key256::parse(&new).unwrap().1, Encoding::Base64);
    assert_eq!(report["new_key_fingerprint"], sha_fingerprint(&new));
    assert_no_leak(&out, &[old, &new]);
    // Every other byte kept: the comment, the other variables, their
    // order, the blank line; the key's line keeps export, quotes, comment.
    assert_eq!(
        other_lines(&now, &["ENCRYPTION_MASTER_KEY"]),
        other_lines(&original, &["ENCRYPTION_MASTER_KEY"])
    );
    assert_eq!(
        now,
        original.replace(&format!("\"{old}\""), &format!("\"{new}\""))
    );
    assert_eq!(mode(&env), 0o600);
    let back = run_standin(
        py,
        "seed002_tiger.py",
        &["decrypt"],
        &[
            ("ENCRYPTION_MASTER_KEY", &new),
            ("PBKDF2_ITERATIONS", "1000"),
        ],
        &read().join("\n"),
    );
    assert_eq!(lines(&back), plain);
    // The key was sealed before the rotation and cleared after it: one
    // entry each, naming the key by fingerprint only; the keyring file
    // never holds it in the clear.
    let entries = case.env_entries();
    let actions: Vec<&str> = entries.iter().map(|(a, _)| a.as_str()).collect();
    assert_eq!(actions, ["rotate.env.pending", "rotate.env.update"]);
    for (_, d) in &entries {
        assert!(d.contains(&sha_fingerprint(&new)) && !d.contains(&new) && !d.contains(old));
    }
    let ring = std::fs::read_to_string(case.path("keyring.json")).unwrap();
    assert!(!ring.contains(&new) && !ring.contains("ENCRYPTION_MASTER_KEY"));

    // The next run starts from the key the file holds, and mints another:
    // nothing was left pending.
    let out = case.rotate(&args).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", all_output(&out));
    let again: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(again["new_key"], "minted", "{again}");
    assert_eq!(again["rotated"], plain.len());
    let newer = dotenv(
        &std::fs::read_to_string(&env).unwrap(),
        "ENCRYPTION_MASTER_KEY",
    )
    .unwrap();
    assert_ne!(newer, new);
    let back = run_standin(
        py,
        "seed002_tiger.py",
        &["decrypt"],
        &[
            ("ENCRYPTION_MASTER_KEY", &newer),
            ("PBKDF2_ITERATIONS", "1000"),
        ],
        &read().join("\n"),
    );
    assert_eq!(lines(&back), plain);
}

fn tiger_values(py: &str, key: &str, plain: &[String]) -> Vec<String> {
    lines(&run_standin(
        py,
        "seed002_tiger.py",
        &["encrypt"],
        &[
            ("ENCRYPTION_MASTER_KEY", key),
            ("PBKDF2_ITERATIONS", "1000"),
        ],
        &plain.join("\n"),
    ))
}

/// Seed 002 (Tiger MCP) in SQLite: `ENCRYPTION_MASTER_KEY` changed in
/// the service's `.env`.
#[test]
fn rotate_env_tiger_master_key_is_changed_in_the_env_file() {
    let Some(py) = python_with("cryptography") else {
        return;
    };
    let case = Case::new();
    let old = b64_key();
    let plain: Vec<String> = (0..20).map(|i| format!("tiger private key {i}")).collect();
    let stored = tiger_values(&py, &old, &plain);
    let db = case.path("tiger.db");
    let conn = Connection::open(&db).unwrap();
    conn.execute_batch("CREATE TABLE tiger_accounts (id INTEGER PRIMARY KEY, private_key TEXT)")
        .unwrap();
    for (i, v) in stored.iter().enumerate() {
        conn.execute(
            "INSERT INTO tiger_accounts VALUES (?1, ?2)",
            rusqlite::params![i as i64 + 1, v],
        )
        .unwrap();
    }
    drop(conn);
    let read = || -> Vec<String> {
        let conn = Connection::open(&db).unwrap();
        let mut st = conn
            .prepare("SELECT private_key FROM tiger_accounts ORDER BY id")
            .unwrap();
        st.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    tiger_key_change(
        &case,
        &py,
        db.to_str().unwrap(),
        "tiger_accounts",
        &old,
        &plain,
        &read,
    );
}

/// Seed 002 in PostgreSQL, its real home: the same key change.
#[test]
fn rotate_env_tiger_master_key_in_postgresql() {
    let Some(py) = python_with("cryptography") else {
        return;
    };
    let Some(mut schema) = PgSchema::new("renv") else {
        return;
    };
    let table = schema.table("tiger_accounts");
    schema
        .client
        .batch_execute(&format!(
            "CREATE TABLE {table} (id bigserial PRIMARY KEY, private_key text)"
        ))
        .unwrap();
    let case = Case::new();
    let old = b64_key();
    let plain: Vec<String> = (0..15).map(|i| format!("token {i}")).collect();
    for v in tiger_values(&py, &old, &plain) {
        schema
            .client
            .execute(
                &format!("INSERT INTO {table} (private_key) VALUES ($1)"),
                &[&v],
            )
            .unwrap();
    }
    let url = schema.url.clone();
    let read = || -> Vec<String> {
        let mut c = postgres::Client::connect(&url, postgres::NoTls).unwrap();
        c.query(&format!("SELECT private_key FROM {table} ORDER BY id"), &[])
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect()
    };
    tiger_key_change(&case, &py, &url, &table, &old, &plain, &read);
}

/// Seed 000 (Cross-Tool Memory): a passphrase through scrypt with a salt;
/// the new passphrase and a new salt (hex in `ENCRYPTION_SALT`) are
/// written together, whole values and an `encrypt_dict` field rotated.
#[test]
fn rotate_env_seed000_passphrase_and_salt_are_written_together() {
    let Some(py) = python_with("cryptography") else {
        return;
    };
    let case = Case::new();
    let old_salt = case.path("old.salt");
    run_standin(
        &py,
        "seed000_memory.py",
        &["newsalt", old_salt.to_str().unwrap()],
        &[],
        "",
    );
    let old_salt_hex = hex::encode(std::fs::read(&old_salt).unwrap());
    let old_pass = "correct horse battery staple";
    let plain: Vec<String> = (0..10).map(|i| format!("memory number {i}")).collect();
    let stored = lines(&run_standin(
        &py,
        "seed000_memory.py",
        &["encrypt", old_salt.to_str().unwrap()],
        &[("ENCRYPTION_PASSPHRASE", old_pass)],
        &plain.join("\n"),
    ));
    let db = case.path("memory.db");
    let conn = Connection::open(&db).unwrap();
    conn.execute_batch("CREATE TABLE memories (id INTEGER PRIMARY KEY, content TEXT, meta TEXT)")
        .unwrap();
    for (i, v) in stored.iter().enumerate() {
        let meta = serde_json::json!({"source": "cli", "note": v}).to_string();
        conn.execute(
            "INSERT INTO memories VALUES (?1, ?2, ?3)",
            rusqlite::params![i as i64, v, meta],
        )
        .unwrap();
    }
    drop(conn);
    let original = format!(
        "# Cross-Tool Memory\r\nENCRYPTION_PASSPHRASE='{old_pass}'\r\nAPI_KEYS=key1,key2\r\nENCRYPTION_SALT={old_salt_hex}\r\nRATE_LIMIT_REQUESTS=100"
    );
    write_file(case.dir.path(), ".env", &original, 0o600);
    let env = case.env();
    let out = case
        .rotate(&[
            "--db",
            db.to_str().unwrap(),
            "--table",
            "memories",
            "--column",
            "content",
            "--json-field",
            "meta:note",
            "--from",
            "fernet-b64",
            "--to",
            "fernet-b64",
            "--from-derive",
            "scrypt:n=16384,r=8,p=1,salt=env",
            "--update-env",
            env.to_str().unwrap(),
            "--var",
            "ENCRYPTION_PASSPHRASE",
            "--var-salt",
            "ENCRYPTION_SALT",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", all_output(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["rotated"], 20, "{report}");
    assert_eq!(report["env_updated"], true);
    assert_eq!(
        report["env_vars"],
        serde_json::json!(["ENCRYPTION_PASSPHRASE", "ENCRYPTION_SALT"])
    );
    let now = std::fs::read_to_string(&env).unwrap();
    let new_pass = dotenv(&now, "ENCRYPTION_PASSPHRASE").unwrap();
    let new_salt_hex = dotenv(&now, "ENCRYPTION_SALT").unwrap();
    assert_no_leak(&out, &[old_pass, &new_pass, &new_salt_hex, &old_salt_hex]);
    assert_eq!(new_pass.len(), 43, "256 bits of base64url");
    assert_eq!(new_salt_hex.len(), 64, "a 32-byte salt, as long as the old");
    assert!(
        new_salt_hex
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    );
    assert_ne!(new_salt_hex, old_salt_hex);
    // The CRLF lines, the quoting and the last line without a break stay.
    assert_eq!(
        now,
        original
            .replace(old_pass, &new_pass)
            .replace(&old_salt_hex, &new_salt_hex)
    );
    // The service, given the new passphrase and the new salt, reads all.
    let new_salt = case.path("new.salt");
    std::fs::write(&new_salt, hex::decode(&new_salt_hex).unwrap()).unwrap();
    let conn = Connection::open(&db).unwrap();
    let mut values: Vec<String> = Vec::new();
    let mut st = conn
        .prepare("SELECT content, meta FROM memories ORDER BY id")
        .unwrap();
    for row in st
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .unwrap()
    {
        let (content, meta) = row.unwrap();
        let meta: serde_json::Value = serde_json::from_str(&meta).unwrap();
        assert_eq!(meta["source"], "cli");
        values.push(content);
        values.push(meta["note"].as_str().unwrap().to_string());
    }
    let back = lines(&run_standin(
        &py,
        "seed000_memory.py",
        &["decrypt", new_salt.to_str().unwrap()],
        &[("ENCRYPTION_PASSPHRASE", &new_pass)],
        &values.join("\n"),
    ));
    let want: Vec<String> = plain.iter().flat_map(|p| [p.clone(), p.clone()]).collect();
    assert_eq!(back, want);
}

/// A memories table of `rows` Fernet tokens under `old` (row `bad` under
/// a key nobody has).
fn fernet_table(db: &Path, rows: i64, old: &Key256, bad: Option<i64>) {
    let conn = Connection::open(db).unwrap();
    conn.execute_batch("CREATE TABLE memories (id INTEGER PRIMARY KEY, content TEXT)")
        .unwrap();
    let (f, stranger) = (
        FernetKey::new(old),
        FernetKey::new(&Key256::from_bytes([7; 32])),
    );
    for i in 1..=rows {
        let k = if Some(i) == bad { &stranger } else { &f };
        conn.execute(
            "INSERT INTO memories VALUES (?1, ?2)",
            rusqlite::params![i, k.encrypt(format!("value {i}").as_bytes()).unwrap()],
        )
        .unwrap();
    }
}

fn contents(db: &Path) -> Vec<(i64, String)> {
    let conn = Connection::open(db).unwrap();
    let mut st = conn
        .prepare("SELECT id, content FROM memories ORDER BY id")
        .unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// A value no key reads: the rest is rotated, the file is left byte for
/// byte and the run exits 1, the new key kept pending; once the value is
/// fixed, the rerun finishes with that same key (the values the first
/// run rotated are current, untouched, and read with the key written).
#[test]
fn rotate_env_a_failed_run_leaves_the_file_and_the_rerun_reuses_the_key() {
    let case = Case::new();
    let db = case.path("app.db");
    let old = Key256::from_bytes([1; 32]);
    fernet_table(&db, 30, &old, Some(17));
    let old_text = old.encode(Encoding::Fernet).expose().to_string();
    let original = format!("# app\nAPP_KEY={old_text}\nOTHER=keep\n");
    write_file(case.dir.path(), ".env", &original, 0o600);
    let env = case.env();
    let args = |skip: bool| {
        let mut v = vec![
            "--db".to_string(),
            db.display().to_string(),
            "--table".into(),
            "memories".into(),
            "--column".into(),
            "content".into(),
            "--to".into(),
            "fernet".into(),
            "--batch".into(),
            "4".into(),
            "--update-env".into(),
            env.display().to_string(),
            "--var".into(),
            "APP_KEY".into(),
        ];
        if skip {
            v.extend(["--on-error".to_string(), "skip".to_string()]);
        }
        v
    };
    let first = {
        let a = args(true);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        case.rotate(&a).output().unwrap()
    };
    assert_eq!(first.status.code(), Some(1), "{}", all_output(&first));
    let report: serde_json::Value = serde_json::from_slice(&first.stdout).unwrap();
    assert_eq!(report["rotated"], 29, "{report}");
    assert_eq!(report["undecryptable"], 1);
    assert_eq!(report["env_updated"], false);
    assert_eq!(report["new_key"], "minted");
    assert!(
        report["env_not_updated"]
            .as_str()
            .unwrap()
            .contains("unrotated"),
        "{report}"
    );
    let fingerprint = report["new_key_fingerprint"].as_str().unwrap().to_string();
    assert_eq!(
        std::fs::read_to_string(&env).unwrap(),
        original,
        "the file is untouched"
    );
    assert_eq!(
        case.env_entries()
            .iter()
            .map(|(a, _)| a.as_str())
            .collect::<Vec<_>>(),
        ["rotate.env.pending"]
    );
    let after_first = contents(&db);
    // Fix the value (the service's own key wrote it after all).
    let conn = Connection::open(&db).unwrap();
    conn.execute(
        "UPDATE memories SET content = ?1 WHERE id = 17",
        [FernetKey::new(&old).encrypt(b"value 17").unwrap()],
    )
    .unwrap();
    drop(conn);
    let fixed = contents(&db);
    // A dry run finds the pending key (and says so in text), seals and
    // writes nothing.
    {
        let a = args(false);
        let mut c = kw();
        c.arg("--store")
            .arg(case.path("keyward.db"))
            .env("KEYWARD_KEYRING", case.path("keyring.json"))
            .env("KEYWARD_KEK", KEY_HEX)
            .args(["rotate", "run", "--dry-run"])
            .args(&a);
        let out = c.output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", all_output(&out));
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("not written: dry run") && text.contains(&fingerprint),
            "{text}"
        );
        assert_no_leak(&out, &[&old_text]);
    }
    assert_eq!(contents(&db), fixed);
    assert_eq!(std::fs::read_to_string(&env).unwrap(), original);

    let second = {
        let a = args(false);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        case.rotate(&a).output().unwrap()
    };
    assert_eq!(second.status.code(), Some(0), "{}", all_output(&second));
    let report: serde_json::Value = serde_json::from_slice(&second.stdout).unwrap();
    assert_eq!(report["new_key"], "pending", "{report}");
    assert_eq!(report["new_key_fingerprint"], fingerprint.as_str());
    assert_eq!(report["rotated"], 1);
    assert_eq!(report["current"], 29);
    assert_eq!(report["env_updated"], true);
    let now = std::fs::read_to_string(&env).unwrap();
    let new_text = dotenv(&now, "APP_KEY").unwrap();
    assert_eq!(sha_fingerprint(&new_text), fingerprint);
    assert_eq!(now, original.replace(&old_text, &new_text));
    assert_eq!(new_text.len(), 44, "a Fernet key, as the old one");
    assert_no_leak(&first, &[&old_text, &new_text]);
    assert_no_leak(&second, &[&old_text, &new_text]);
    // The values the first run rotated were not touched again, and every
    // value reads with the key the file holds.
    let final_rows = contents(&db);
    for ((id, a), (_, b)) in after_first.iter().zip(&final_rows) {
        if *id != 17 {
            assert_eq!(a, b, "row {id} was rotated twice");
        }
    }
    let new = FernetKey::new(&Key256::parse(&new_text).unwrap().0);
    for (id, v) in &final_rows {
        let p = new.decrypt(v, None).unwrap();
        assert_eq!(
            String::from_utf8(p.to_vec()).unwrap(),
            format!("value {id}")
        );
    }
    assert_eq!(
        case.env_entries()
            .iter()
            .map(|(a, _)| a.as_str())
            .collect::<Vec<_>>(),
        ["rotate.env.pending", "rotate.env.update"]
    );
}

/// A WAL-mode `memories (id, content)` table of `rows` rows, `value {i}`
/// sealed as envelopes under `old` (id 1).
fn sealed_memories(db: &Path, rows: i64, old: &Key256) {
    let sealer = EnvelopeKey::new(old, 1);
    let conn = Connection::open(db).unwrap();
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; CREATE TABLE memories (id INTEGER PRIMARY KEY, content TEXT)",
    )
    .unwrap();
    let tx = conn.unchecked_transaction().unwrap();
    for i in 1..=rows {
        let v = sealer
            .seal_base64(format!("value {i}").as_bytes(), None)
            .unwrap();
        tx.execute(
            "INSERT INTO memories VALUES (?1, ?2)",
            rusqlite::params![i, v],
        )
        .unwrap();
    }
    tx.commit().unwrap();
}

/// kill -9 in the middle of the rotation: the file is untouched, and the
/// rerun finishes with the key sealed before the first write, so the
/// values rotated before the kill read with the key the file ends up with.
#[test]
fn rotate_env_kill_9_mid_run_then_rerun_yields_one_key() {
    let case = Case::new();
    let db = case.path("big.db");
    let rows = 6000;
    let old = Key256::from_bytes([3; 32]);
    sealed_memories(&db, rows, &old);
    let old_hex = old.encode(Encoding::Hex).expose().to_string();
    let original = format!("SERVICE_KEY={old_hex}\nLOG_LEVEL=info\n");
    write_file(case.dir.path(), ".env", &original, 0o600);
    let env = case.env();
    let base = [
        "--db",
        db.to_str().unwrap(),
        "--table",
        "memories",
        "--column",
        "content",
        "--batch",
        "50",
        "--update-env",
        env.to_str().unwrap(),
        "--var",
        "SERVICE_KEY",
    ];
    // Slowed down so that the kill lands in the middle.
    let mut child = std::process::Command::new(kw_path())
        .arg("--store")
        .arg(case.path("keyward.db"))
        .env("KEYWARD_KEYRING", case.path("keyring.json"))
        .env("KEYWARD_KEK", KEY_HEX)
        .env_remove("KEYWARD_STORE")
        .args(["rotate", "run"])
        .args(base)
        .args(["--throttle", "3000"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait until some values are rotated (their envelopes name key id 1
    // still, but no longer open under the old key), then kill.
    let opener = EnvelopeKey::new(&old, 1);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let rotated_before_kill = loop {
        std::thread::sleep(std::time::Duration::from_millis(100));
        let done = contents(&db)
            .iter()
            .filter(|(_, v)| opener.open_base64(v, None).is_err())
            .count();
        if done >= 200 || std::time::Instant::now() > deadline {
            break done;
        }
    };
    assert!(
        child.try_wait().unwrap().is_none(),
        "the run ended before the kill"
    );
    // SAFETY: a signal to the child this test spawned.
    unsafe { libc::kill(child.id() as i32, libc::SIGKILL) };
    let _ = child.wait();
    assert!(rotated_before_kill > 0 && rotated_before_kill < rows as usize);
    assert_eq!(std::fs::read_to_string(&env).unwrap(), original);

    let out = case.rotate(&base).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", all_output(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["new_key"], "pending", "{report}");
    assert_eq!(report["env_updated"], true);
    let current = report["current"].as_u64().unwrap();
    assert!(current >= rotated_before_kill as u64, "{report}");
    assert_eq!(current + report["rotated"].as_u64().unwrap(), rows as u64);
    let now = std::fs::read_to_string(&env).unwrap();
    let new_hex = dotenv(&now, "SERVICE_KEY").unwrap();
    assert_eq!(now, original.replace(&old_hex, &new_hex));
    let new = EnvelopeKey::new(&Key256::parse(&new_hex).unwrap().0, 1);
    for (id, v) in contents(&db) {
        let p = new
            .open_base64(&v, None)
            .unwrap_or_else(|_| panic!("row {id} does not read with the key in the file"));
        assert_eq!(
            String::from_utf8(p.to_vec()).unwrap(),
            format!("value {id}")
        );
    }
}

/// Bad input: one line naming the file and the variable, the right exit
/// code, and the file untouched.
#[test]
fn rotate_env_bad_input_is_refused_before_anything_changes() {
    let case = Case::new();
    let db = case.path("app.db");
    let old = Key256::from_bytes([1; 32]);
    fernet_table(&db, 3, &old, None);
    let old_text = old.encode(Encoding::Fernet).expose().to_string();
    let original = format!("APP_KEY={old_text}\nSALT=00112233445566778899aabbccddeeff\n");
    write_file(case.dir.path(), ".env", &original, 0o600);
    let env = case.env();
    let env_s = env.to_str().unwrap();
    let db_s = db.to_str().unwrap();
    let base = ["--db", db_s, "--table", "memories", "--column", "content"];
    let before = contents(&db);
    let check = |extra: &[&str], code: i32, wants: &[&str]| {
        let mut args: Vec<&str> = base.to_vec();
        args.extend_from_slice(extra);
        let out = case.rotate(&args).env("NEW", KEY_HEX).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        assert_eq!(out.status.code(), Some(code), "{extra:?}: {err}");
        // keyward's own errors are one line (a hint may follow); clap's
        // name the flags over a few.
        let said = if code == 2 {
            err.as_str()
        } else {
            err.lines().next().unwrap_or_default()
        };
        for w in wants {
            assert!(said.contains(w), "{extra:?}: {w:?} not in {err}");
        }
        assert!(!err.contains(&old_text));
        assert_eq!(
            std::fs::read_to_string(&env).unwrap(),
            original,
            "{extra:?}"
        );
        assert_eq!(contents(&db), before, "{extra:?}");
    };
    // The variable is not in the file.
    check(
        &["--update-env", env_s, "--var", "NO_SUCH_KEY"],
        3,
        &[".env", "NO_SUCH_KEY"],
    );
    // --var is missing; --to-key-* conflicts with minting; --var-salt alone.
    check(&["--update-env", env_s], 2, &["--var"]);
    check(
        &[
            "--update-env",
            env_s,
            "--var",
            "APP_KEY",
            "--to-key-env",
            "NEW",
        ],
        2,
        &["--to-key-env", "--update-env"],
    );
    check(&["--var-salt", "SALT"], 2, &["--update-env"]);
    // Salt rules: a salt variable needs a salted derivation, salt=env a salt variable.
    check(
        &[
            "--update-env",
            env_s,
            "--var",
            "APP_KEY",
            "--var-salt",
            "SALT",
        ],
        2,
        &["--var-salt", "takes no salt"],
    );
    check(
        &[
            "--update-env",
            env_s,
            "--var",
            "APP_KEY",
            "--from-derive",
            "scrypt:n=1024,salt=env",
        ],
        2,
        &["salt=env", "--var-salt"],
    );
    check(
        &[
            "--update-env",
            env_s,
            "--var",
            "APP_KEY",
            "--var-salt",
            "APP_KEY",
        ],
        2,
        &["--var-salt", "APP_KEY"],
    );
    check(
        &["--update-env", env_s, "--var", "BAD NAME"],
        2,
        &["--var", "BAD NAME"],
    );
    // No such file; a file others may read (exit 4, before any work).
    let missing = case.path("missing.env");
    check(
        &[
            "--update-env",
            missing.to_str().unwrap(),
            "--var",
            "APP_KEY",
        ],
        4,
        &["missing.env"],
    );
    std::fs::set_permissions(&env, std::os::unix::fs::PermissionsExt::from_mode(0o644)).unwrap();
    check(
        &["--update-env", env_s, "--var", "APP_KEY"],
        4,
        &[".env", "accessible by other users"],
    );
    std::fs::set_permissions(&env, std::os::unix::fs::PermissionsExt::from_mode(0o600)).unwrap();
    // The variable defined twice: keyward does not guess which is read.
    write_file(
        case.dir.path(),
        "twice.env",
        &format!("APP_KEY={old_text}\nAPP_KEY=other\n"),
        0o600,
    );
    check(
        &[
            "--update-env",
            case.path("twice.env").to_str().unwrap(),
            "--var",
            "APP_KEY",
        ],
        3,
        &["twice.env", "APP_KEY", "2 times"],
    );
    // A wrong old key in the file: the preflight refuses, nothing is sealed.
    write_file(
        case.dir.path(),
        "wrong.env",
        &format!(
            "APP_KEY={}\n",
            Key256::from_bytes([9; 32])
                .encode(Encoding::Fernet)
                .expose()
        ),
        0o600,
    );
    check(
        &[
            "--update-env",
            case.path("wrong.env").to_str().unwrap(),
            "--var",
            "APP_KEY",
        ],
        3,
        &[],
    );
    assert!(case.env_entries().is_empty(), "nothing was sealed");
}

/// A service still on the old key writes during the rotation: the value
/// it wrote behind the rotation does not read under the new key, so the
/// verification refuses to write the file (exit 1, key kept pending);
/// once the writer stops, the rerun rotates that value and writes the file.
#[test]
fn rotate_env_a_value_written_under_the_old_key_meanwhile_fails_the_verification() {
    let case = Case::new();
    let db = case.path("live.db");
    let rows = 3000;
    let old = Key256::from_bytes([4; 32]);
    sealed_memories(&db, rows, &old);
    let old_hex = old.encode(Encoding::Hex).expose().to_string();
    let original = format!("SERVICE_KEY={old_hex}\n");
    write_file(case.dir.path(), ".env", &original, 0o600);
    let env = case.env();
    let base = [
        "--db",
        db.to_str().unwrap(),
        "--table",
        "memories",
        "--column",
        "content",
        "--batch",
        "100",
        "--update-env",
        env.to_str().unwrap(),
        "--var",
        "SERVICE_KEY",
    ];
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let (stop, db, old) = (stop.clone(), db.clone(), old.clone());
        std::thread::spawn(move || {
            let conn = Connection::open(&db).unwrap();
            conn.busy_timeout(std::time::Duration::from_secs(10))
                .unwrap();
            let sealer = EnvelopeKey::new(&old, 1);
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                conn.execute(
                    "UPDATE memories SET content = ?1 WHERE id = 1",
                    [sealer.seal_base64(b"value 1", None).unwrap()],
                )
                .unwrap();
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
        })
    };
    let mut throttled: Vec<&str> = base.to_vec();
    throttled.extend(["--throttle", "3000"]);
    let out = case.rotate(&throttled).output().unwrap();
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", all_output(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["env_updated"], false, "{report}");
    let why = report["env_not_updated"].as_str().unwrap();
    assert!(
        why.contains("do not decrypt under the new key: 1 (content)"),
        "{why}"
    );
    let fingerprint = report["new_key_fingerprint"].as_str().unwrap().to_string();
    assert_eq!(std::fs::read_to_string(&env).unwrap(), original);

    let out = case.rotate(&base).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", all_output(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["new_key"], "pending", "{report}");
    assert_eq!(report["new_key_fingerprint"], fingerprint.as_str());
    assert_eq!(report["rotated"], 1);
    let new_hex = dotenv(&std::fs::read_to_string(&env).unwrap(), "SERVICE_KEY").unwrap();
    let new = EnvelopeKey::new(&Key256::parse(&new_hex).unwrap().0, 1);
    for (id, v) in contents(&db) {
        assert!(new.open_base64(&v, None).is_ok(), "row {id}");
    }
}
