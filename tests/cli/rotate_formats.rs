//! `rotate run | status | verify --from FORMAT --to FORMAT`: rotating what
//! the seed services store, in their own formats, with values written and
//! read back by stand-ins of their own encryption code (tests/standins/)
//! running on Python's `cryptography`, in SQLite and in PostgreSQL.

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use rusqlite::types::Value as SqlValue;

use crate::util::{PgSchema, json_with_code, kw, python_with, run_standin, write_file};

/// A fresh standard-base64 32-byte key (seed 002's ENCRYPTION_MASTER_KEY).
fn b64_key(py: &str) -> String {
    crate::util::python_out(
        py,
        "import os, base64; print(base64.b64encode(os.urandom(32)).decode())",
        &[],
        &[],
    )
    .trim()
    .to_string()
}

/// The stand-in's lines of output.
fn lines(s: &str) -> Vec<String> {
    s.lines().map(str::to_string).collect()
}

/// A SQLite table `tiger_accounts(id, tiger_id, private_key)` with `values`.
fn tiger_table(path: &Path, values: &[String]) {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(
        "CREATE TABLE tiger_accounts (id INTEGER PRIMARY KEY, tiger_id VARCHAR(255), private_key TEXT)",
    )
    .unwrap();
    for (i, v) in values.iter().enumerate() {
        conn.execute(
            "INSERT INTO tiger_accounts VALUES (?1, ?2, ?3)",
            rusqlite::params![i as i64 + 1, format!("tiger-{i}"), v],
        )
        .unwrap();
    }
}

fn column(path: &Path, sql: &str) -> Vec<Option<String>> {
    let conn = Connection::open(path).unwrap();
    let mut st = conn.prepare(sql).unwrap();
    st.query_map([], |r| r.get::<_, Option<String>>(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// Seed 002 (Tiger MCP): a new master key and a new PBKDF2 iteration count
/// in one rotation; the service's own code reads every row back under the
/// new settings; a rerun changes nothing; `status` names the format.
#[test]
fn seed002_rows_rotate_to_a_new_master_key_and_iteration_count() {
    let Some(py) = python_with("cryptography") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (b64_key(&py), b64_key(&py));
    let plain: Vec<String> = (0..40).map(|i| format!("tiger private key {i}")).collect();
    let stored = lines(&run_standin(
        &py,
        "seed002_tiger.py",
        &["encrypt", "3"],
        &[
            ("ENCRYPTION_MASTER_KEY", &old),
            ("PBKDF2_ITERATIONS", "1000"),
        ],
        &plain.join("\n"),
    ));
    let db = dir.path().join("tiger.db");
    tiger_table(&db, &stored);
    let db_s = db.to_str().unwrap();
    let run = |code: i32| {
        json_with_code(
            kw().env("OLD", &old).env("NEW", &new).args([
                "--format",
                "json",
                "rotate",
                "run",
                "--db",
                db_s,
                "--table",
                "tiger_accounts",
                "--column",
                "private_key",
                "--from",
                "tiger:iterations=1000",
                "--to",
                "tiger:iterations=2000",
                "--from-key-env",
                "OLD",
                "--to-key-env",
                "NEW",
                "--batch",
                "7",
            ]),
            code,
        )
    };
    let first = run(0);
    assert_eq!(first["rotated"], 40, "{first}");
    assert_eq!(first["unrecognized"], 0);
    let now: Vec<String> = column(&db, "SELECT private_key FROM tiger_accounts ORDER BY id")
        .into_iter()
        .map(Option::unwrap)
        .collect();
    // The record keeps its own key_version; the service reads it back.
    assert!(
        now.iter().all(|v| v.contains("\"key_version\": 3")),
        "{}",
        now[0]
    );
    let back = run_standin(
        &py,
        "seed002_tiger.py",
        &["decrypt"],
        &[
            ("ENCRYPTION_MASTER_KEY", &new),
            ("PBKDF2_ITERATIONS", "2000"),
        ],
        &now.join("\n"),
    );
    assert_eq!(lines(&back), plain);
    let again = run(0);
    assert_eq!(again["rotated"], 0, "{again}");
    assert_eq!(again["current"], 40);
    assert_eq!(
        column(&db, "SELECT private_key FROM tiger_accounts ORDER BY id")
            .into_iter()
            .map(Option::unwrap)
            .collect::<Vec<_>>(),
        now,
        "a rerun rewrote rows"
    );
    let status = json_with_code(
        kw().env("NEW", &new).args([
            "--format",
            "json",
            "rotate",
            "status",
            "--db",
            db_s,
            "--table",
            "tiger_accounts",
            "--column",
            "private_key",
            "--from",
            "tiger:iterations=2000",
            "--key-env",
            "NEW",
        ]),
        0,
    );
    assert_eq!(
        status["by_key"]["tiger:iterations=2000, a key without id"], 40,
        "{status}"
    );
    // The old settings no longer read anything: verify fails, naming rows.
    let verify = json_with_code(
        kw().env("OLD", &old).args([
            "--format",
            "json",
            "rotate",
            "verify",
            "--db",
            db_s,
            "--table",
            "tiger_accounts",
            "--column",
            "private_key",
            "--from",
            "tiger:iterations=1000",
            "--key-env",
            "OLD",
        ]),
        1,
    );
    assert_eq!(verify["undecryptable"], 40, "{verify}");
}

/// A test's table in SQLite or in PostgreSQL: rows numbered from 1 in
/// `id`, every other cell text or NULL; one scenario runs on both.
trait Cells {
    /// `--db DB --table TABLE`.
    fn target(&self) -> [String; 4];
    /// Every row's cells after `id`, in `id` order.
    fn read(&mut self) -> Vec<Vec<Option<String>>>;
}

/// A table's columns after `id`: name, SQLite type, PostgreSQL type.
type Columns = &'static [(&'static str, &'static str, &'static str)];

fn names(columns: Columns) -> Vec<String> {
    columns.iter().map(|(c, _, _)| c.to_string()).collect()
}

/// [`Cells`] in a SQLite file.
struct SqliteCells {
    path: PathBuf,
    table: String,
    columns: Vec<String>,
}

impl SqliteCells {
    /// `table(id INTEGER PRIMARY KEY, columns)` in a new file `path`, with `rows`.
    fn new(path: PathBuf, table: &str, columns: Columns, rows: &[Vec<Option<String>>]) -> Self {
        let conn = Connection::open(&path).unwrap();
        let decl: Vec<String> = columns.iter().map(|(c, t, _)| format!("{c} {t}")).collect();
        conn.execute_batch(&format!(
            "CREATE TABLE {table} (id INTEGER PRIMARY KEY, {})",
            decl.join(", ")
        ))
        .unwrap();
        let marks: Vec<String> = (1..=columns.len() + 1).map(|i| format!("?{i}")).collect();
        let insert = format!("INSERT INTO {table} VALUES ({})", marks.join(", "));
        for (i, row) in rows.iter().enumerate() {
            let id = SqlValue::Integer(i as i64 + 1);
            let cells = row
                .iter()
                .map(|c| c.clone().map_or(SqlValue::Null, SqlValue::Text));
            conn.execute(
                &insert,
                rusqlite::params_from_iter(std::iter::once(id).chain(cells)),
            )
            .unwrap();
        }
        SqliteCells {
            path,
            table: table.to_string(),
            columns: names(columns),
        }
    }
}

impl Cells for SqliteCells {
    fn target(&self) -> [String; 4] {
        let db = self.path.to_str().unwrap();
        ["--db", db, "--table", &self.table].map(String::from)
    }
    fn read(&mut self) -> Vec<Vec<Option<String>>> {
        let conn = Connection::open(&self.path).unwrap();
        let sql = format!(
            "SELECT {} FROM {} ORDER BY id",
            self.columns.join(", "),
            self.table
        );
        let mut st = conn.prepare(&sql).unwrap();
        st.query_map([], |r| {
            (0..self.columns.len())
                .map(|i| r.get::<_, Option<String>>(i))
                .collect()
        })
        .unwrap()
        .map(Result::unwrap)
        .collect()
    }
}

/// [`Cells`] in a PostgreSQL schema of the test's own; each cell written
/// as text cast to its column's type, and read back as text.
struct PgCells<'a> {
    pg: &'a mut PgSchema,
    table: String,
    columns: Vec<String>,
}

impl<'a> PgCells<'a> {
    /// `table(id bigint PRIMARY KEY, columns)` in the schema, with `rows`.
    fn new(
        pg: &'a mut PgSchema,
        table: &str,
        columns: Columns,
        rows: &[Vec<Option<String>>],
    ) -> Self {
        let table = pg.table(table);
        let decl: Vec<String> = columns.iter().map(|(c, _, t)| format!("{c} {t}")).collect();
        pg.client
            .batch_execute(&format!(
                "CREATE TABLE {table} (id bigint PRIMARY KEY, {})",
                decl.join(", ")
            ))
            .unwrap();
        let casts: Vec<String> = columns
            .iter()
            .enumerate()
            .map(|(i, (_, _, t))| format!("${}::text::{t}", i + 2))
            .collect();
        let insert = pg
            .client
            .prepare(&format!(
                "INSERT INTO {table} VALUES ($1, {})",
                casts.join(", ")
            ))
            .unwrap();
        for (i, row) in rows.iter().enumerate() {
            let id = i as i64 + 1;
            let mut params: Vec<&(dyn postgres::types::ToSql + Sync)> = vec![&id];
            params.extend(
                row.iter()
                    .map(|c| c as &(dyn postgres::types::ToSql + Sync)),
            );
            pg.client.execute(&insert, &params).unwrap();
        }
        PgCells {
            pg,
            table,
            columns: names(columns),
        }
    }
}

impl Cells for PgCells<'_> {
    fn target(&self) -> [String; 4] {
        ["--db", &self.pg.url, "--table", &self.table].map(String::from)
    }
    fn read(&mut self) -> Vec<Vec<Option<String>>> {
        let cols: Vec<String> = self.columns.iter().map(|c| format!("{c}::text")).collect();
        let sql = format!("SELECT {} FROM {} ORDER BY id", cols.join(", "), self.table);
        self.pg
            .client
            .query(&sql, &[])
            .unwrap()
            .iter()
            .map(|r| (0..cols.len()).map(|i| r.get(i)).collect())
            .collect()
    }
}

/// What a scenario's service wrote, and its means to read it: a Python
/// with `cryptography`, a directory (keys, salts), the plaintexts, and the
/// rows holding them, the cells after `id`.
struct Service {
    py: String,
    dir: tempfile::TempDir,
    plain: Vec<String>,
    rows: Vec<Vec<Option<String>>>,
}

impl Service {
    /// A Python and a directory for `plain` (`None`: no Python with
    /// `cryptography`); the rows are the scenario's to write.
    fn new(plain: impl IntoIterator<Item = String>) -> Option<Service> {
        Some(Service {
            py: python_with("cryptography")?,
            dir: tempfile::tempdir().unwrap(),
            plain: plain.into_iter().collect(),
            rows: Vec::new(),
        })
    }
}

/// A rotation scenario that runs on both engines: the rows it writes, the
/// table they go in, and what it runs and checks on them.
trait Scenario: Sized {
    /// The table's name.
    const TABLE: &str;
    /// The table's columns.
    const COLUMNS: Columns;
    /// Its keys and rows (`None`: no Python with `cryptography`).
    fn new() -> Option<Self>;
    /// What the service wrote.
    fn service(&self) -> &Service;
    /// Rotates the table `t` holding the service's rows and checks it.
    fn rotates_in(&self, t: impl Cells);
}

/// A scenario's two tests: the first in a SQLite file, the second in a
/// PostgreSQL schema of its own (`kw_<tag>_<pid>`).
macro_rules! on_both_engines {
    (
        $scenario:ty, $tag:literal,
        $(#[$sqlite_doc:meta])* fn $sqlite:ident;
        $(#[$pg_doc:meta])* fn $pg:ident;
    ) => {
        $(#[$sqlite_doc])*
        #[test]
        fn $sqlite() {
            in_sqlite::<$scenario>();
        }

        $(#[$pg_doc])*
        #[test]
        fn $pg() {
            in_postgresql::<$scenario>($tag);
        }
    };
}

/// `S` in a SQLite file.
fn in_sqlite<S: Scenario>() {
    let Some(s) = S::new() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("service.db");
    s.rotates_in(SqliteCells::new(
        path,
        S::TABLE,
        S::COLUMNS,
        &s.service().rows,
    ));
}

/// `S` in a PostgreSQL schema of its own, `kw_<tag>_<pid>`.
fn in_postgresql<S: Scenario>(tag: &str) {
    let Some(s) = S::new() else {
        return;
    };
    let Some(mut pg) = PgSchema::new(tag) else {
        return;
    };
    s.rotates_in(PgCells::new(
        &mut pg,
        S::TABLE,
        S::COLUMNS,
        &s.service().rows,
    ));
}

/// Seed 000's passphrases: the old one and the new one.
const SEED000_PASS: [&str; 2] = ["correct horse battery", "a brand new passphrase"];

/// Seed 000 (Cross-Tool Memory): an old and a new salt, and the rows of
/// `memories(content, metadata)` its service wrote under the old
/// passphrase and salt: 12 values, each in `content` and as the `note` of
/// the `metadata` dict (`encrypt_dict`), then a row of NULLs and one of
/// plaintext.
struct Seed000(Service);

impl Scenario for Seed000 {
    const TABLE: &str = "memories";
    const COLUMNS: Columns = &[("content", "TEXT", "text"), ("metadata", "TEXT", "jsonb")];

    fn new() -> Option<Self> {
        let mut s = Seed000(Service::new((0..12).map(|i| format!("memory number {i}")))?);
        for which in [0, 1] {
            s.standin("newsalt", which, "");
        }
        let encrypt = || lines(&s.standin("encrypt", 0, &s.0.plain.join("\n")));
        let (contents, notes) = (encrypt(), encrypt());
        let dict =
            |note: &str| Some(serde_json::json!({"source": "cli", "note": note}).to_string());
        let mut rows: Vec<Vec<Option<String>>> = contents
            .into_iter()
            .zip(&notes)
            .map(|(c, n)| vec![Some(c), dict(n)])
            .collect();
        rows.push(vec![None, None]);
        rows.push(vec![
            Some("a memory in plain words".into()),
            dict("a plain note"),
        ]);
        s.0.rows = rows;
        Some(s)
    }

    fn service(&self) -> &Service {
        &self.0
    }

    /// Rotated to the new passphrase and salt, the NULLs and plaintext
    /// untouched; the service reads every value back with the new ones; a
    /// rerun changes nothing; `verify` passes with the new key and fails
    /// with the old.
    fn rotates_in(&self, mut t: impl Cells) {
        let target = t.target();
        let run = || {
            json_with_code(
                self.rotate("run", &target).args([
                    "--to",
                    "fernet-b64",
                    "--from-key-env",
                    "OLD",
                    "--from-derive",
                    &self.derive(0),
                    "--to-key-env",
                    "NEW",
                    "--to-derive",
                    &self.derive(1),
                ]),
                0,
            )
        };
        let n = self.0.plain.len();
        let before = t.read();
        let first = run();
        assert_eq!(first["rotated"], 2 * n, "{first}");
        assert_eq!(first["null"], 2, "{first}");
        assert_eq!(first["plaintext"], 2, "{first}");
        let after = t.read();
        assert_eq!(after[n..], before[n..], "NULLs or plaintext were touched");
        let (contents, notes): (Vec<String>, Vec<String>) = after[..n]
            .iter()
            .map(|row| {
                let doc: serde_json::Value =
                    serde_json::from_str(row[1].as_deref().unwrap()).unwrap();
                assert_eq!(doc["source"], "cli", "{doc}");
                (
                    row[0].clone().unwrap(),
                    doc["note"].as_str().unwrap().into(),
                )
            })
            .unzip();
        for values in [contents, notes] {
            assert_eq!(
                lines(&self.standin("decrypt", 1, &values.join("\n"))),
                self.0.plain
            );
        }
        let again = run();
        assert_eq!(again["rotated"], 0, "{again}");
        assert_eq!(again["current"], 2 * n);
        assert_eq!(t.read(), after, "a rerun rewrote rows");
        for (which, code, undecryptable) in [(1, 0, 0), (0, 1, 2 * n)] {
            let verify = json_with_code(
                self.rotate("verify", &target).args([
                    "--key-env",
                    ["OLD", "NEW"][which],
                    "--derive",
                    &self.derive(which),
                ]),
                code,
            );
            assert_eq!(verify["undecryptable"], undecryptable, "{verify}");
        }
    }
}

impl Seed000 {
    /// The old (0) or the new (1) salt's file.
    fn salt(&self, which: usize) -> PathBuf {
        self.0.dir.path().join(["old.salt", "new.salt"][which])
    }

    /// The service's key derivation with the old (0) or the new (1) salt.
    fn derive(&self, which: usize) -> String {
        format!(
            "scrypt:n=16384,r=8,p=1,salt-file={}",
            self.salt(which).display()
        )
    }

    /// The stand-in's `cmd` with the old (0) or the new (1) passphrase and salt.
    fn standin(&self, cmd: &str, which: usize, input: &str) -> String {
        run_standin(
            &self.0.py,
            "seed000_memory.py",
            &[cmd, self.salt(which).to_str().unwrap()],
            &[("ENCRYPTION_PASSPHRASE", SEED000_PASS[which])],
            input,
        )
    }

    /// `rotate CMD --from fernet-b64` on `content` and `metadata.note`,
    /// the old passphrase in OLD and the new one in NEW.
    fn rotate(&self, cmd: &str, target: &[String]) -> assert_cmd::Command {
        let mut c = kw();
        c.env("OLD", SEED000_PASS[0])
            .env("NEW", SEED000_PASS[1])
            .args(["--format", "json", "rotate", cmd])
            .args(target)
            .args(["--column", "content"])
            .args(["--json-field", "metadata:note", "--from", "fernet-b64"]);
        c
    }
}

on_both_engines! {
    Seed000, "fmt_seed000",
    /// Seed 000 (Cross-Tool Memory): a new passphrase and a new salt
    /// (scrypt), whole values and `encrypt_dict` JSON fields, NULLs and
    /// plaintext beside them; the service reads every value back with the
    /// new passphrase and salt; a rerun changes nothing; `verify` tells the
    /// new key from the old.
    fn seed000_values_and_dict_fields_rotate_to_a_new_passphrase_and_salt;
    /// Seed 000's scenario in PostgreSQL, the dict in a jsonb column.
    fn seed000_values_and_dict_fields_rotate_in_postgresql;
}

/// A table mixing plaintext, ciphertext of a format nobody named, NULLs and
/// a known format: exact counts, the unrecognized bytes untouched (even
/// with --encrypt-plaintext), exit 1 unless --allow-unrecognized.
#[test]
fn unrecognized_ciphertext_is_never_plaintext() {
    let Some(py) = python_with("cryptography") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (b64_key(&py), b64_key(&py));
    let tiger = lines(&run_standin(
        &py,
        "seed002_tiger.py",
        &["encrypt"],
        &[
            ("ENCRYPTION_MASTER_KEY", &old),
            ("PBKDF2_ITERATIONS", "1000"),
        ],
        "one\ntwo\nthree",
    ));
    // Seed 000's values, whose format this rotation does not name.
    let salt = dir.path().join("salt");
    run_standin(
        &py,
        "seed000_memory.py",
        &["newsalt", salt.to_str().unwrap()],
        &[],
        "",
    );
    let seed000 = lines(&run_standin(
        &py,
        "seed000_memory.py",
        &["encrypt", salt.to_str().unwrap()],
        &[("ENCRYPTION_PASSPHRASE", "p")],
        "x\ny",
    ));
    let mut values: Vec<Option<String>> = tiger.iter().cloned().map(Some).collect();
    values.extend(seed000.iter().cloned().map(Some));
    values.push(Some("just a note in plain words".into()));
    values.push(Some(
        "deadbeefcafebabe00112233445566778899aabbccddeeff0011223344556677".into(),
    ));
    values.push(None);
    let db = dir.path().join("mixed.db");
    let conn = Connection::open(&db).unwrap();
    conn.execute_batch("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
        .unwrap();
    for (i, v) in values.iter().enumerate() {
        conn.execute(
            "INSERT INTO t VALUES (?1, ?2)",
            rusqlite::params![i as i64 + 1, v],
        )
        .unwrap();
    }
    drop(conn);
    let db_s = db.to_str().unwrap();
    let base = |cmd: &str| {
        let mut c = kw();
        c.env("OLD", &old).env("NEW", &new).args([
            "--format",
            "json",
            "rotate",
            cmd,
            "--db",
            db_s,
            "--table",
            "t",
            "--column",
            "v",
            "--from",
            "tiger:iterations=1000",
        ]);
        c
    };
    let status = json_with_code(base("status").args(["--key-env", "OLD"]), 0);
    assert_eq!(
        status["by_key"]["tiger:iterations=1000, a key without id"], 3,
        "{status}"
    );
    assert_eq!(status["plaintext"], 1);
    assert_eq!(status["null"], 1);
    assert_eq!(status["unrecognized"], 3, "{status}");
    assert_eq!(
        status["unrecognized_keys"],
        serde_json::json!(["4 (v)", "5 (v)", "7 (v)"])
    );
    json_with_code(base("verify").args(["--key-env", "OLD"]), 1);
    let run = |extra: &[&str], code: i32| {
        json_with_code(
            base("run")
                .args([
                    "--to",
                    "tiger:iterations=1000",
                    "--from-key-env",
                    "OLD",
                    "--to-key-env",
                    "NEW",
                    "--encrypt-plaintext",
                ])
                .args(extra),
            code,
        )
    };
    let out = run(&[], 1);
    assert_eq!(out["rotated"], 3, "{out}");
    assert_eq!(out["encrypted_plaintext"], 1);
    assert_eq!(out["unrecognized"], 3);
    let now = column(&db, "SELECT v FROM t ORDER BY id");
    assert_eq!(now[3..5], values[3..5], "unrecognized values were touched");
    assert_eq!(now[6], values[6]);
    assert_eq!(now[7], None);
    let back = run_standin(
        &py,
        "seed002_tiger.py",
        &["decrypt"],
        &[
            ("ENCRYPTION_MASTER_KEY", &new),
            ("PBKDF2_ITERATIONS", "1000"),
        ],
        &[now[0].clone().unwrap(), now[5].clone().unwrap()].join("\n"),
    );
    assert_eq!(lines(&back), ["one", "just a note in plain words"]);
    let again = run(&["--allow-unrecognized"], 0);
    assert_eq!(again["current"], 4, "{again}");
    assert_eq!(again["unrecognized"], 3);
}

/// A homegrown format described in a spec, `base64(nonce || ct || tag)`
/// AES-256-GCM under `sha256(secret)`, written by Python's `cryptography`
/// and rotated to a new secret; Python reads it back.
#[test]
fn a_spec_format_written_by_python_rotates_to_a_new_secret() {
    let Some(py) = python_with("cryptography") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let spec = write_file(
        dir.path(),
        "acme.toml",
        "cipher = \"aes-256-gcm\"\nencoding = \"base64\"\nlayout = [\"nonce:12\", \"ciphertext\", \"tag:16\"]\n[key]\nderive = \"sha256\"\n",
        0o644,
    );
    let code = r#"
import base64, hashlib, os, sys
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
key = hashlib.sha256(sys.argv[2].encode()).digest()
if sys.argv[1] == "encrypt":
    for line in sys.stdin.read().splitlines():
        n = os.urandom(12)
        print(base64.b64encode(n + AESGCM(key).encrypt(n, line.encode(), None)).decode())
else:
    for line in sys.stdin.read().splitlines():
        b = base64.b64decode(line)
        print(AESGCM(key).decrypt(b[:12], b[12:], None).decode())
"#;
    let acme = |args: &[&str], input: &str| {
        let mut argv: Vec<&std::ffi::OsStr> = vec!["-c".as_ref(), code.as_ref()];
        argv.extend(args.iter().map(|a| std::ffi::OsStr::new(*a)));
        crate::util::python_stdin(&py, &argv, &[], input)
    };
    let plain = ["alpha", "beta", "gamma", "delta"];
    let stored = lines(&acme(&["encrypt", "old secret"], &plain.join("\n")));
    let db = dir.path().join("acme.db");
    let conn = Connection::open(&db).unwrap();
    conn.execute_batch("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        .unwrap();
    for (i, v) in stored.iter().enumerate() {
        conn.execute(
            "INSERT INTO notes VALUES (?1, ?2)",
            rusqlite::params![i as i64, v],
        )
        .unwrap();
    }
    drop(conn);
    let format = format!("spec:{}", spec.display());
    let out = json_with_code(
        kw().env("OLD", "old secret")
            .env("NEW", "new secret")
            .args([
                "--format",
                "json",
                "rotate",
                "run",
                "--db",
                db.to_str().unwrap(),
                "--table",
                "notes",
                "--column",
                "body",
                "--from",
                &format,
                "--to",
                &format,
                "--from-key-env",
                "OLD",
                "--to-key-env",
                "NEW",
            ]),
        0,
    );
    assert_eq!(out["rotated"], 4, "{out}");
    let now: Vec<String> = column(&db, "SELECT body FROM notes ORDER BY id")
        .into_iter()
        .map(Option::unwrap)
        .collect();
    assert_eq!(
        lines(&acme(&["decrypt", "new secret"], &now.join("\n"))),
        plain
    );
}

/// Seed 004's hybrid values in Python's `cryptography`: `keys DIR` makes
/// an old and a new RSA key pair, `encrypt DIR` seals lines under the old
/// public key, `decrypt DIR NAME` opens them with a private key.
const HYBRID_PY: &str = r#"
import base64, os, sys
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa, padding
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
d = sys.argv[2]
oaep = padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None)
if sys.argv[1] == "keys":
    for name in ("old", "new"):
        k = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        p = os.path.join(d, name + ".pem")
        open(p, "wb").write(k.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
        os.chmod(p, 0o600)
        open(os.path.join(d, name + ".pub.pem"), "wb").write(k.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
elif sys.argv[1] == "encrypt":
    pub = serialization.load_pem_public_key(open(os.path.join(d, "old.pub.pem"), "rb").read())
    for line in sys.stdin.read().splitlines():
        dk, n = AESGCM.generate_key(256), os.urandom(12)
        print(base64.b64encode(pub.encrypt(dk, oaep) + n + AESGCM(dk).encrypt(n, line.encode(), None)).decode())
else:
    k = serialization.load_pem_private_key(open(os.path.join(d, sys.argv[3] + ".pem"), "rb").read(), None)
    for line in sys.stdin.read().splitlines():
        b = base64.b64decode(line)
        dk = k.decrypt(b[:256], oaep)
        print(AESGCM(dk).decrypt(b[256:268], b[268:], None).decode())
"#;

/// Seed 004's hybrid values (an RSA-OAEP-SHA256-wrapped AES-256-GCM data
/// key, base64 text): a spec of their layout, an old and a new RSA key
/// pair, and three messages sealed under the old public key, as the rows
/// of `messages(body)`.
struct Hybrid(Service);

impl Scenario for Hybrid {
    const TABLE: &str = "messages";
    const COLUMNS: Columns = &[("body", "TEXT", "text")];

    fn new() -> Option<Self> {
        let mut h = Hybrid(Service::new(
            ["hi there", "a private message", "bye"].map(String::from),
        )?);
        write_file(
            h.0.dir.path(),
            "chat.toml",
            "cipher = \"rsa-oaep-aes-256-gcm\"\nencoding = \"base64\"\nlayout = [\"wrapped_key:256\", \"nonce:12\", \"ciphertext\", \"tag:16\"]\n",
            0o644,
        );
        h.python(&["keys"], "");
        h.0.rows = lines(&h.python(&["encrypt"], &h.0.plain.join("\n")))
            .into_iter()
            .map(|v| vec![Some(v)])
            .collect();
        Some(h)
    }

    fn service(&self) -> &Service {
        &self.0
    }

    /// Each data key re-wrapped under the new public key, the data (nonce,
    /// ciphertext, tag) byte for byte as it was; Python opens every value
    /// with the new private key; a rerun with that private key as target
    /// changes nothing.
    fn rotates_in(&self, mut t: impl Cells) {
        let target = t.target();
        let d = self.0.dir.path().display();
        let format = format!("spec:{d}/chat.toml");
        let run = |to: &str| {
            json_with_code(
                kw().args(["--format", "json", "rotate", "run"])
                    .args(&target)
                    .args(["--column", "body"])
                    .args(["--from", &format, "--to", &format])
                    .args(["--from-key-file", &format!("{d}/old.pem")])
                    .args(["--to-key-file", &format!("{d}/{to}")]),
                0,
            )
        };
        let out = run("new.pub.pem");
        assert_eq!(out["rotated"], self.0.rows.len(), "{out}");
        let now: Vec<String> = t
            .read()
            .into_iter()
            .map(|r| r[0].clone().unwrap())
            .collect();
        let b64 = |s: &str| {
            use base64::Engine;
            base64::engine::general_purpose::STANDARD.decode(s).unwrap()
        };
        for (before, after) in self.0.rows.iter().zip(&now) {
            let (b, a) = (b64(before[0].as_deref().unwrap()), b64(after));
            assert_ne!(b[..256], a[..256], "the data key was not re-wrapped");
            assert_eq!(b[256..], a[256..], "the data was touched");
        }
        assert_eq!(
            lines(&self.python(&["decrypt", "new"], &now.join("\n"))),
            self.0.plain
        );
        let again = run("new.pem");
        assert_eq!(again["current"], self.0.rows.len(), "{again}");
        assert_eq!(again["rotated"], 0);
        assert_eq!(
            t.read().concat(),
            now.into_iter().map(Some).collect::<Vec<_>>(),
            "a rerun rewrote rows"
        );
    }
}

impl Hybrid {
    /// [`HYBRID_PY`] with `args` after the key directory.
    fn python(&self, args: &[&str], input: &str) -> String {
        let d = self.0.dir.path().as_os_str();
        let mut argv: Vec<&std::ffi::OsStr> = vec!["-c".as_ref(), HYBRID_PY.as_ref()];
        argv.extend(args[..1].iter().map(std::ffi::OsStr::new));
        argv.push(d);
        argv.extend(args[1..].iter().map(std::ffi::OsStr::new));
        crate::util::python_stdin(&self.0.py, &argv, &[], input)
    }
}

on_both_engines! {
    Hybrid, "fmt_rsa",
    /// Seed 004's hybrid values (an RSA-OAEP-SHA256-wrapped AES-256-GCM
    /// data key): rotating re-wraps the data key under the new RSA key and
    /// leaves the data (nonce, ciphertext, tag) byte for byte; a rerun with
    /// the new private key as target changes nothing.
    fn rsa_wrapped_values_are_rewrapped_without_touching_the_data;
    /// Seed 004's hybrid values in PostgreSQL (base64 text, as the service
    /// stores them).
    fn rsa_wrapped_values_are_rewrapped_in_postgresql;
}

/// Seed 002's table in PostgreSQL (its real home): rotated by the same
/// flags, read back by the service's code.
#[test]
fn seed002_rows_rotate_in_postgresql() {
    let Some(py) = python_with("cryptography") else {
        return;
    };
    let Some((url, mut client)) = crate::rotate::test_postgres() else {
        return;
    };
    let table = format!("kw_tiger_{}_{}", std::process::id(), rand_suffix());
    client
        .batch_execute(&format!(
            "CREATE TABLE {table} (id bigserial PRIMARY KEY, tiger_id varchar(255), private_key text, access_token text, refresh_token text)"
        ))
        .unwrap();
    let (old, new) = (b64_key(&py), b64_key(&py));
    let plain: Vec<String> = (0..15).map(|i| format!("token {i}")).collect();
    let enc = |key: &str| {
        lines(&run_standin(
            &py,
            "seed002_tiger.py",
            &["encrypt"],
            &[
                ("ENCRYPTION_MASTER_KEY", key),
                ("PBKDF2_ITERATIONS", "1000"),
            ],
            &plain.join("\n"),
        ))
    };
    let (a, b) = (enc(&old), enc(&old));
    for i in 0..plain.len() {
        let refresh: Option<&str> = (i % 3 != 0).then_some(b[i].as_str());
        client
            .execute(
                &format!("INSERT INTO {table} (tiger_id, private_key, access_token, refresh_token) VALUES ($1, $2, $3, $4)"),
                &[&format!("t{i}"), &a[i], &b[i], &refresh],
            )
            .unwrap();
    }
    let run = || {
        json_with_code(
            kw().env("OLD", &old).env("NEW", &new).args([
                "--format",
                "json",
                "rotate",
                "run",
                "--db",
                &url,
                "--table",
                &table,
                "--column",
                "private_key",
                "--column",
                "access_token",
                "--column",
                "refresh_token",
                "--from",
                "tiger:iterations=1000",
                "--to",
                "tiger:iterations=1000",
                "--from-key-env",
                "OLD",
                "--to-key-env",
                "NEW",
                "--batch",
                "4",
            ]),
            0,
        )
    };
    let out = run();
    assert_eq!(out["rotated"], 40, "{out}");
    assert_eq!(out["null"], 5);
    let rows = client
        .query(
            &format!("SELECT private_key, access_token FROM {table} ORDER BY id"),
            &[],
        )
        .unwrap();
    let values: Vec<String> = rows
        .iter()
        .flat_map(|r| [r.get::<_, String>(0), r.get::<_, String>(1)])
        .collect();
    let back = lines(&run_standin(
        &py,
        "seed002_tiger.py",
        &["decrypt"],
        &[
            ("ENCRYPTION_MASTER_KEY", &new),
            ("PBKDF2_ITERATIONS", "1000"),
        ],
        &values.join("\n"),
    ));
    let want: Vec<String> = plain.iter().flat_map(|p| [p.clone(), p.clone()]).collect();
    assert_eq!(back, want);
    assert_eq!(run()["rotated"], 0);
    client
        .batch_execute(&format!("DROP TABLE {table}"))
        .unwrap();
}

fn rand_suffix() -> u32 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos()
}

/// Bad formats and derivations: exit 2 naming what is wrong.
#[test]
fn bad_formats_and_derivations_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    Connection::open(&db)
        .unwrap()
        .execute_batch("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
        .unwrap();
    let db_s = db.to_str().unwrap();
    for (args, needle) in [
        (
            vec!["--from", "tiger:iterations=lots"],
            "iterations must be a whole number",
        ),
        (vec!["--to", "rot13"], "unknown format 'rot13'"),
        (vec!["--from-derive", "scrypt:n=3"], "scrypt"),
        (vec!["--from-derive", "md5"], "md5"),
    ] {
        let out = kw()
            .env("K", crate::util::KEY_HEX)
            .args([
                "rotate",
                "run",
                "--db",
                db_s,
                "--table",
                "t",
                "--column",
                "v",
                "--from-key-env",
                "K",
                "--to-key-env",
                "K",
            ])
            .args(&args)
            .assert()
            .code(2)
            .get_output()
            .clone();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(needle), "{args:?}: {err}");
    }
    // A spec file with a mistake: exit 3 naming the line.
    let spec = write_file(
        dir.path(),
        "bad.toml",
        "cipher = \"aes-256-gcm\"\nencoding = \"base65\"\n",
        0o644,
    );
    let out = kw()
        .env("K", "secret")
        .args([
            "rotate",
            "status",
            "--db",
            db_s,
            "--table",
            "t",
            "--column",
            "v",
            "--key-env",
            "K",
            "--from",
        ])
        .arg(format!("spec:{}", spec.display()))
        .assert()
        .code(3)
        .get_output()
        .clone();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 2") && err.contains("encoding"), "{err}");
    // A derivation on keyring keys, and RSA keys for a 256-bit format.
    let out = kw()
        .args([
            "rotate",
            "run",
            "--db",
            db_s,
            "--table",
            "t",
            "--column",
            "v",
            "--from",
            "fernet-b64",
            "--from-derive",
            "sha256",
        ])
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("keyring"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The other commands that took the format and derivation grammar.
    let home = dir.path().join("home");
    std::fs::create_dir(&home).unwrap();
    kw().env("K", crate::util::KEY_HEX)
        .env("KEYWARD_KEYRING", home.join("keyring.json"))
        .env("KEYWARD_KEK", crate::util::KEY_HEX)
        .args(["key", "import", "--key-env", "K", "--primary"])
        .assert()
        .success();
    for (args, needle) in [
        (
            vec!["encrypt", "--scheme", "rot13", "--key-env", "K"],
            "unknown format 'rot13'",
        ),
        (
            vec![
                "decrypt",
                "--scheme",
                "tiger",
                "--key-env",
                "K",
                "--derive",
                "md5",
            ],
            "md5",
        ),
        (
            vec!["key", "import", "--key-env", "K", "--derive", "md5"],
            "md5",
        ),
        (
            vec![
                "key",
                "list",
                "--db",
                db_s,
                "--table",
                "t",
                "--column",
                "v",
                "--from",
                "spec:x.toml",
            ],
            "not from the keyring",
        ),
        (
            vec![
                "rotate",
                "status",
                "--db",
                db_s,
                "--table",
                "t",
                "--column",
                "v",
                "--from",
                "fernet-b64",
                "--derive",
                "sha256",
            ],
            "--derive applies to keys given",
        ),
    ] {
        let out = kw()
            .env("K", crate::util::KEY_HEX)
            .env("KEYWARD_KEYRING", home.join("keyring.json"))
            .env("KEYWARD_KEK", crate::util::KEY_HEX)
            .args(&args)
            .write_stdin("x")
            .assert()
            .code(2)
            .get_output()
            .clone();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(needle), "{args:?}: {err}");
        assert!(!err.contains(crate::util::KEY_HEX), "{args:?}: {err}");
    }
}

/// `encrypt` and `decrypt --scheme` speak the services' formats: what
/// keyward writes the service reads, and the other way round.
#[test]
fn encrypt_and_decrypt_speak_the_services_formats() {
    let Some(py) = python_with("cryptography") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let master = b64_key(&py);
    let sealed = crate::util::stdout_of(
        kw().env("M", &master)
            .args([
                "encrypt",
                "--scheme",
                "tiger:iterations=1000,version=2",
                "--key-env",
                "M",
            ])
            .write_stdin("from keyward"),
    );
    assert!(sealed.contains("\"key_version\": 2"), "{sealed}");
    let back = run_standin(
        &py,
        "seed002_tiger.py",
        &["decrypt"],
        &[
            ("ENCRYPTION_MASTER_KEY", &master),
            ("PBKDF2_ITERATIONS", "1000"),
        ],
        &sealed,
    );
    assert_eq!(back.trim(), "from keyward");
    let salt = dir.path().join("salt");
    run_standin(
        &py,
        "seed000_memory.py",
        &["newsalt", salt.to_str().unwrap()],
        &[],
        "",
    );
    let stored = run_standin(
        &py,
        "seed000_memory.py",
        &["encrypt", salt.to_str().unwrap()],
        &[("ENCRYPTION_PASSPHRASE", "pass phrase")],
        "from the service",
    );
    let derive = format!("scrypt:n=16384,r=8,p=1,salt-file={}", salt.display());
    let doc = json_with_code(
        kw().env("P", "pass phrase")
            .args([
                "--format",
                "json",
                "decrypt",
                "--scheme",
                "fernet-b64",
                "--key-env",
                "P",
                "--derive",
                &derive,
            ])
            .write_stdin(stored.clone()),
        0,
    );
    assert_eq!(doc["plaintext"], "from the service");
    assert_eq!(doc["scheme"], "fernet-b64");
    // The wrong passphrase: exit 3, naming the format, never the value.
    let out = kw()
        .env("P", "wrong")
        .args([
            "decrypt",
            "--scheme",
            "fernet-b64",
            "--key-env",
            "P",
            "--derive",
            &derive,
        ])
        .write_stdin(stored.clone())
        .assert()
        .code(3)
        .get_output()
        .clone();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("fernet-b64: authentication failed"), "{err}");
    assert!(!err.contains(stored.trim()), "{err}");
}

/// kill -9 in the middle of a Tiger rotation (spread over every core),
/// then a rerun: every row is rotated exactly once and the service reads
/// each one back under the new key; nothing is lost or half-written.
#[test]
fn seed002_kill_9_mid_rotation_then_resume_loses_nothing() {
    let Some(py) = python_with("cryptography") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (b64_key(&py), b64_key(&py));
    let plain: Vec<String> = (0..120).map(|i| format!("account secret {i}")).collect();
    let stored = lines(&run_standin(
        &py,
        "seed002_tiger.py",
        &["encrypt"],
        &[
            ("ENCRYPTION_MASTER_KEY", &old),
            ("PBKDF2_ITERATIONS", "1000"),
        ],
        &plain.join("\n"),
    ));
    let db = dir.path().join("tiger.db");
    tiger_table(&db, &stored);
    let args = |extra: &[&str]| -> Vec<String> {
        let mut a: Vec<String> = [
            "rotate",
            "run",
            "--db",
            db.to_str().unwrap(),
            "--table",
            "tiger_accounts",
            "--column",
            "private_key",
            "--from",
            "tiger:iterations=1000",
            "--to",
            "tiger:iterations=1000",
            "--from-key-env",
            "OLD",
            "--to-key-env",
            "NEW",
            "--batch",
            "4",
        ]
        .map(String::from)
        .to_vec();
        a.extend(extra.iter().map(|s| s.to_string()));
        a
    };
    // 40 rows/s: the kill lands after about 20 rows, mid-batch or between.
    let mut child = std::process::Command::new(crate::util::kw_path())
        .args(args(&["--throttle", "40"]))
        .env("OLD", &old)
        .env("NEW", &new)
        .env("XDG_DATA_HOME", dir.path().join("home"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(700));
    let killed = child.try_wait().unwrap().is_none();
    unsafe { libc::kill(child.id() as i32, libc::SIGKILL) };
    let _ = child.wait();
    assert!(killed, "the rotation ended before the kill");
    let mid = column(&db, "SELECT private_key FROM tiger_accounts ORDER BY id");
    let changed = mid
        .iter()
        .zip(&stored)
        .filter(|(m, s)| m.as_deref() != Some(s.as_str()))
        .count();
    assert!(
        changed > 0 && changed < plain.len(),
        "{changed} rows rotated before the kill"
    );
    let out = json_with_code(
        kw().env("OLD", &old)
            .env("NEW", &new)
            .env("XDG_DATA_HOME", dir.path().join("home"))
            .arg("--format")
            .arg("json")
            .args(args(&[])),
        0,
    );
    assert_eq!(
        out["rotated"].as_u64().unwrap() as usize,
        plain.len() - changed,
        "{out}"
    );
    assert_eq!(out["current"].as_u64().unwrap() as usize, changed);
    let now: Vec<String> = column(&db, "SELECT private_key FROM tiger_accounts ORDER BY id")
        .into_iter()
        .map(Option::unwrap)
        .collect();
    let back = run_standin(
        &py,
        "seed002_tiger.py",
        &["decrypt"],
        &[
            ("ENCRYPTION_MASTER_KEY", &new),
            ("PBKDF2_ITERATIONS", "1000"),
        ],
        &now.join("\n"),
    );
    assert_eq!(lines(&back), plain);
}

/// A service whose Fernet key is `urlsafe_b64(sha256(SECRET_KEY))`, stored
/// as seed 000 does (base64-wrapped): `key import --derive sha256` puts that
/// key in the keyring, `key list --db ... --from fernet-b64` counts the
/// values under it, and a rotation to the keyring's primary reads them.
#[test]
fn key_import_derive_and_key_list_from_count_a_services_values() {
    let Some(py) = python_with("cryptography") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let code = r#"
import base64, hashlib, sys
from cryptography.fernet import Fernet
f = Fernet(base64.urlsafe_b64encode(hashlib.sha256(sys.argv[1].encode()).digest()))
for line in sys.stdin.read().splitlines():
    print(base64.b64encode(f.encrypt(line.encode())).decode())
"#;
    let argv: Vec<&std::ffi::OsStr> =
        vec!["-c".as_ref(), code.as_ref(), "django-insecure-xyz".as_ref()];
    let stored = lines(&crate::util::python_stdin(&py, &argv, &[], "a\nb\nc"));
    let db = dir.path().join("app.db");
    let conn = Connection::open(&db).unwrap();
    conn.execute_batch("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        .unwrap();
    for (i, v) in stored.iter().enumerate() {
        conn.execute(
            "INSERT INTO notes VALUES (?1, ?2)",
            rusqlite::params![i as i64, v],
        )
        .unwrap();
    }
    drop(conn);
    let ring = |args: &[&str]| {
        let mut c = kw();
        c.arg("--store")
            .arg(dir.path().join("keyward.db"))
            .args(args)
            .env("KEYWARD_KEYRING", dir.path().join("keyring.json"))
            .env("KEYWARD_KEK", crate::util::KEY_HEX)
            .env("SECRET_KEY", "django-insecure-xyz");
        c
    };
    ring(&[
        "key",
        "import",
        "--key-env",
        "SECRET_KEY",
        "--derive",
        "sha256",
        "--id",
        "4",
        "--primary",
    ])
    .assert()
    .success();
    let db_s = db.to_str().unwrap();
    let list = json_with_code(
        &mut ring(&[
            "--format",
            "json",
            "key",
            "list",
            "--db",
            db_s,
            "--table",
            "notes",
            "--column",
            "body",
            "--from",
            "fernet-b64",
        ]),
        0,
    );
    let k = list
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["id"] == 4)
        .unwrap();
    assert_eq!(k["values"], 3, "{list}");
    assert!(k["origin"].as_str().unwrap().contains("sha256"), "{k}");
    // Rotated to the keyring's primary, in keyward's envelope.
    let out = json_with_code(
        &mut ring(&[
            "--format",
            "json",
            "rotate",
            "run",
            "--db",
            db_s,
            "--table",
            "notes",
            "--column",
            "body",
            "--from",
            "fernet-b64",
        ]),
        0,
    );
    assert_eq!(out["rotated"], 3, "{out}");
    let status = json_with_code(
        &mut ring(&[
            "--format", "json", "rotate", "status", "--db", db_s, "--table", "notes", "--column",
            "body",
        ]),
        0,
    );
    assert_eq!(status["by_key"]["envelope, key 4"], 3, "{status}");
}
