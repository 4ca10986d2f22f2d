//! Helpers shared by the end-to-end tests.

use std::collections::HashMap;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use keyward::crypto::envelope::EnvelopeKey;
use keyward::crypto::fernet::FernetKey;
use keyward::crypto::keys::{Encoding, Key256};
use rusqlite::Connection;

/// The keyward binary with a clean environment: no KEYWARD_* variables, no
/// NO_COLOR, stdin empty (so no test ever waits on a prompt).
pub fn kw() -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("keyward");
    for (k, _) in std::env::vars_os() {
        let k = k.to_string_lossy().to_string();
        // PGPASSWORD and PGPASSFILE would give PostgreSQL tests a password.
        if k.starts_with("KEYWARD_") || k == "NO_COLOR" || k == "PGPASSWORD" || k == "PGPASSFILE" {
            cmd.env_remove(&k);
        }
    }
    // Keep every test's default store out of the real home directory.
    cmd.env("XDG_DATA_HOME", shared_data_home());
    cmd.env("USER", "tester");
    cmd.write_stdin(Vec::<u8>::new());
    cmd
}

/// A data directory shared by the tests that do not name a store.
pub fn shared_data_home() -> &'static Path {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().unwrap()).path()
}

/// A fresh store in its own directory, for tests that inspect the store.
pub struct TestStore {
    /// Keeps the directory alive.
    pub _dir: tempfile::TempDir,
    /// The store's path.
    pub path: PathBuf,
}

impl TestStore {
    /// A new, empty store location.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keyward.db");
        TestStore { _dir: dir, path }
    }

    /// `keyward --store PATH` plus `args`.
    pub fn kw(&self, args: &[&str]) -> Command {
        let mut c = kw();
        c.arg("--store").arg(&self.path).args(args);
        c
    }

    /// Runs SQL against the store (as an attacker or a test would).
    pub fn sql(&self, sql: &str) {
        let conn = rusqlite::Connection::open(&self.path).unwrap();
        conn.execute_batch(sql).unwrap();
    }

    /// The entries of keyward's log with `action` (a glob), newest first,
    /// as `audit query --format json` prints them.
    pub fn entries(&self, action: &str) -> serde_json::Value {
        json_of(&mut self.kw(&["audit", "query", "--action", action, "--format", "json"]))
    }

    /// One integer from a query.
    pub fn count(&self, sql: &str) -> i64 {
        let conn = rusqlite::Connection::open(&self.path).unwrap();
        conn.query_row(sql, [], |r| r.get(0)).unwrap()
    }
}

/// Path of the built binary, for shell pipelines.
pub fn kw_path() -> PathBuf {
    assert_cmd::cargo::cargo_bin!("keyward").to_path_buf()
}

/// stdout of a successful run, as text.
pub fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

/// Writes `text` to `dir/name` with `mode`.
pub fn write_file(dir: &Path, name: &str, text: &str, mode: u32) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode)).unwrap();
    p
}

/// The mode bits of a file.
pub fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// A fixed 256-bit key in hex, for tests.
pub const KEY_HEX: &str = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
/// The Fernet spec's key (fernet/spec generate.json).
pub const SPEC_FERNET_KEY: &str = "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=";
/// The Fernet spec's token for "hello" at 1985-10-26T01:20:00-07:00.
pub const SPEC_FERNET_TOKEN: &str = "gAAAAAAdwJ6wAAECAwQFBgcICQoLDA0ODy021cpGVWKZ_eEwCGM4BLLF_5CV9dOPmrhuVUPgJobwOz7JcbmrR64jVmpU4IwqDA==";

/// Parses stdout as JSON.
pub fn json_of(cmd: &mut Command) -> serde_json::Value {
    serde_json::from_str(&stdout_of(cmd)).expect("stdout is one JSON document")
}

/// Parses stdout as JSON, expecting exit `code` (a failed check still reports).
pub fn json_with_code(cmd: &mut Command, code: i32) -> serde_json::Value {
    let out = cmd.assert().code(code).get_output().stdout.clone();
    serde_json::from_slice(&out).expect("stdout is one JSON document")
}

/// A test dependency that is not here. The test fails, saying how to
/// provide it, unless skipping was asked for explicitly with
/// `KEYWARD_SKIP_<KIND>=1` (`POSTGRES`, `PYTHON`, `TOOLS`): a green run
/// always means the test ran. `.ci/run` provides every dependency.
pub fn missing(kind: &str, what: &str, how: &str) {
    let var = format!("KEYWARD_SKIP_{kind}");
    if std::env::var(&var).is_ok_and(|v| v == "1") {
        eprintln!("SKIPPED ({var}=1): {what}");
        return;
    }
    panic!("{what}: {how} (or set {var}=1 to skip this test explicitly)");
}

/// A Python that can import `module` (KEYWARD_TEST_PYTHON first, then
/// python3), or `None` after saying loudly that the test is skipped.
pub fn python_with(module: &str) -> Option<String> {
    let candidates = [
        std::env::var("KEYWARD_TEST_PYTHON").ok(),
        Some("python3".to_string()),
    ];
    for py in candidates.into_iter().flatten() {
        let ok = std::process::Command::new(&py)
            .args(["-c", &format!("import {module}")])
            .stderr(std::process::Stdio::null())
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        if ok {
            return Some(py);
        }
    }
    missing(
        "PYTHON",
        &format!("no Python with the `{module}` module"),
        "run `bash .ci/run` (it makes .ci/venv), or set KEYWARD_TEST_PYTHON to a Python that has it",
    );
    None
}

/// Runs a Python snippet with `args` and `env`, returning stdout; panics
/// with Python's stderr when it fails.
pub fn python_out(py: &str, code: &str, args: &[&str], env: &[(&str, &str)]) -> String {
    let out = std::process::Command::new(py)
        .arg("-c")
        .arg(code)
        .args(args)
        .envs(env.iter().copied())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "python failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// stdout and stderr of a finished run, as text, for leak checks.
pub fn all_output(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Runs `py` with `args` and `input` on stdin, returning stdout; panics with
/// Python's stderr when it fails.
pub fn python_stdin(
    py: &str,
    args: &[&std::ffi::OsStr],
    env: &[(&str, &str)],
    input: &str,
) -> String {
    use std::io::Write;
    let mut child = std::process::Command::new(py)
        .args(args)
        .envs(env.iter().copied())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "python {:?} failed: {}",
        args.first(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A stand-in of a seed service's encryption code (tests/standins/).
pub fn standin(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/standins")
        .join(name)
}

/// Runs a stand-in with `input` on stdin; its stdout.
pub fn run_standin(
    py: &str,
    script: &str,
    args: &[&str],
    env: &[(&str, &str)],
    input: &str,
) -> String {
    let path = standin(script);
    let mut argv: Vec<&std::ffi::OsStr> = vec![path.as_os_str()];
    argv.extend(args.iter().map(|a| std::ffi::OsStr::new(*a)));
    python_stdin(py, &argv, env, input)
}

/// The lines `child` prints on stdout, as a reader thread receives them.
pub fn lines_from(child: &mut std::process::Child) -> std::sync::mpsc::Receiver<String> {
    use std::io::BufRead;
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// The next line from [`lines_from`], within 20 s.
pub fn next_line(rx: &std::sync::mpsc::Receiver<String>) -> String {
    rx.recv_timeout(std::time::Duration::from_secs(20))
        .expect("a line within 20 s")
}

/// The machine's PostgreSQL from `KEYWARD_TEST_POSTGRES_URL` and a client
/// on it, or None (said loudly, see [`missing`]) when it is not set or
/// not reachable.
pub fn postgres_for_tests() -> Option<(String, postgres::Client)> {
    let Ok(url) = std::env::var("KEYWARD_TEST_POSTGRES_URL") else {
        missing(
            "POSTGRES",
            "KEYWARD_TEST_POSTGRES_URL is not set",
            "point it at a PostgreSQL server (.ci/run sets postgres://postgres@127.0.0.1:5432/test)",
        );
        return None;
    };
    match postgres::Client::connect(&url, postgres::NoTls) {
        Ok(c) => Some((url, c)),
        Err(e) => {
            missing(
                "POSTGRES",
                &format!("PostgreSQL at {url} is not reachable ({e})"),
                "start it, or point KEYWARD_TEST_POSTGRES_URL at one that runs",
            );
            None
        }
    }
}

/// A schema of its own on the test server, dropped (with everything in
/// it) when the test ends, however it ends.
pub struct PgSchema {
    /// The server.
    pub url: String,
    /// The schema's name.
    pub name: String,
    /// A connection (another one than keyward's).
    pub client: postgres::Client,
}

impl PgSchema {
    /// A new schema `kw_<what>_<pid>` (dropped first if a crashed run left it).
    pub fn new(what: &str) -> Option<PgSchema> {
        let (url, mut client) = postgres_for_tests()?;
        let name = format!("kw_{what}_{}", std::process::id());
        client
            .batch_execute(&format!(
                "DROP SCHEMA IF EXISTS {name} CASCADE; CREATE SCHEMA {name}"
            ))
            .unwrap();
        Some(PgSchema { url, name, client })
    }

    /// `schema.table`.
    pub fn table(&self, table: &str) -> String {
        format!("{}.{table}", self.name)
    }
}

impl Drop for PgSchema {
    fn drop(&mut self) {
        let _ = self
            .client
            .batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.name));
    }
}

/// Seed 001's `audit_log` columns after its id, as its service creates
/// them (the same text in SQLite and PostgreSQL).
pub const SEED_001_AUDIT_COLUMNS: &str = "timestamp TIMESTAMP NOT NULL,
    user_id VARCHAR(128) NOT NULL,
    action VARCHAR(50) NOT NULL,
    resource_type VARCHAR(50) NOT NULL,
    resource_id VARCHAR(128),
    ip_address VARCHAR(45),
    details JSONB";

/// `keyward audit tail --follow --interval INTERVAL --format ndjson ARGS`
/// in the background, its lines on a channel (see [`next_line`]).
pub fn tail_follow<I, S>(
    interval: &str,
    args: I,
) -> (std::process::Child, std::sync::mpsc::Receiver<String>)
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let mut child = std::process::Command::new(kw_path())
        .args(["audit", "tail", "--follow", "--interval", interval])
        .args(["--format", "ndjson"])
        .args(args)
        .env("USER", "tester")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let rx = lines_from(&mut child);
    (child, rx)
}

/// `psql` (unaligned, tuples only, stop on error) running `sql` against
/// `url`: the server's own answer, for comparison with keyward's.
pub fn psql(url: &str, sql: &str) -> String {
    let out = std::process::Command::new("psql")
        .args(["-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", url, "-c", sql])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap_or_else(|e| {
            panic!("psql cannot run ({e}): install the PostgreSQL client (apt-get install postgresql-client)")
        });
    assert!(
        out.status.success(),
        "psql failed on {sql}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .trim_end()
        .to_string()
}

/// The test key whose 32 bytes are all `b`.
pub fn key(b: u8) -> Key256 {
    Key256::from_bytes([b; 32])
}

/// [`key`] in hex.
pub fn hexkey(b: u8) -> String {
    key(b).encode(Encoding::Hex).expose().to_string()
}

/// A memory-server table: TEXT content, BLOB metadata, some NULLs and plaintext.
pub fn memories(
    path: &Path,
    rows: usize,
    seal: impl Fn(usize, &str) -> String,
) -> HashMap<i64, String> {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(
        "CREATE TABLE memories (id INTEGER PRIMARY KEY, user_id TEXT, content TEXT, metadata BLOB)",
    )
    .unwrap();
    let tx = conn.unchecked_transaction().unwrap();
    let mut plain = HashMap::new();
    for i in 1..=rows {
        let text = format!("memory number {i}");
        let content = if i % 10 == 0 {
            None
        } else {
            Some(seal(i, &text))
        };
        if content.is_some() {
            plain.insert(i as i64, text);
        }
        let meta: Vec<u8> = if i % 7 == 0 {
            b"plain metadata".to_vec()
        } else {
            seal(i, "{\"tier\":\"short_term\"}").into_bytes()
        };
        tx.execute(
            "INSERT INTO memories VALUES (?1, ?2, ?3, ?4)",
            rusqlite::params![i as i64, format!("user{}", i % 3), content, meta],
        )
        .unwrap();
    }
    tx.commit().unwrap();
    plain
}

/// [`memories`] with every value sealed as an envelope under key 1
/// (`key(1)`, id 1).
pub fn envelope_memories(path: &Path, rows: usize) -> HashMap<i64, String> {
    let old = EnvelopeKey::new(&key(1), 1);
    memories(path, rows, |_, t| {
        old.seal_base64(t.as_bytes(), None).unwrap()
    })
}

/// Reads every content value back with `keys` (envelope by id, or Fernet).
pub fn decrypt_all(path: &Path, keys: &[(u32, Key256)]) -> HashMap<i64, String> {
    let conn = Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare("SELECT id, content FROM memories WHERE content IS NOT NULL")
        .unwrap();
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
        .unwrap();
    let mut out = HashMap::new();
    for row in rows {
        let (id, v) = row.unwrap();
        let plain = keys
            .iter()
            .find_map(|(kid, k)| {
                EnvelopeKey::new(k, *kid)
                    .open_base64(&v, None)
                    .ok()
                    .or_else(|| FernetKey::new(k).decrypt(&v, None).ok())
            })
            .unwrap_or_else(|| panic!("row {id} decrypts with no key"));
        out.insert(id, String::from_utf8(plain.to_vec()).unwrap());
    }
    out
}

/// A store and a keyring (sealed with `hexkey(99)`) in a directory of
/// their own, beside a service's SQLite database.
pub struct Env {
    pub dir: tempfile::TempDir,
    pub store: PathBuf,
    pub ring: PathBuf,
}

impl Env {
    pub fn new() -> Env {
        let dir = tempfile::tempdir().unwrap();
        Env {
            store: dir.path().join("keyward.db"),
            ring: dir.path().join("keyring.json"),
            dir,
        }
    }
    pub fn db(&self) -> PathBuf {
        self.dir.path().join("memories.db")
    }
    pub fn kw(&self, args: &[&str]) -> assert_cmd::Command {
        let mut c = kw();
        c.arg("--store")
            .arg(&self.store)
            .args(args)
            .env("KEYWARD_KEYRING", &self.ring)
            .env("KEYWARD_KEK", hexkey(99));
        c
    }
    pub fn rotate(&self, extra: &[&str]) -> assert_cmd::Command {
        let mut c = self.kw(&[
            "rotate", "run", "--table", "memories", "--column", "content", "--column", "metadata",
        ]);
        c.arg("--db").arg(self.db()).args(extra);
        c
    }
    /// `key import` of `key(b)` as key `id`, with `extra` flags (`--primary`...).
    pub fn import(&self, id: u32, b: u8, extra: &[&str]) {
        let id = id.to_string();
        self.kw(&["key", "import", "--key-env", "K", "--id", &id])
            .args(extra)
            .env("K", hexkey(b))
            .assert()
            .success();
    }
}

/// The flags naming the encrypted fields of [`users`].
pub const USERS_FIELDS: [&str; 6] = [
    "--table",
    "users",
    "--json-field",
    "profile:email",
    "--json-field",
    "profile:nested.token",
];

/// A users table whose `profile` JSON holds encrypted fields, as seeds 000
/// and 001 do with `encrypt_dict`.
pub fn users(path: &Path, rows: i64, old: &Key256) {
    let env = EnvelopeKey::new(old, 1);
    let fernet = FernetKey::new(old);
    let conn = Connection::open(path).unwrap();
    conn.execute_batch("CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, profile TEXT)")
        .unwrap();
    for i in 1..=rows {
        let doc = serde_json::json!({
            "name": format!("user {i}"),
            "email": env.seal_base64(format!("user{i}@example.test").as_bytes(), None).unwrap(),
            "nested": {"token": fernet.encrypt(format!("token {i}").as_bytes()).unwrap(), "tier": 3},
            "note": "plain",
        });
        conn.execute(
            "INSERT INTO users VALUES (?1, ?2)",
            rusqlite::params![i, doc.to_string()],
        )
        .unwrap();
    }
}
