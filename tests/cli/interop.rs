//! Interoperability with Python's `cryptography` (the library the seeds'
//! services use): Fernet both ways, the envelope read and written with
//! AESGCM, and the KDFs against hashlib. CI installs `cryptography` in a
//! venv and points KEYWARD_TEST_PYTHON at it; without it these tests say
//! they were skipped.

use std::process::{Command, Stdio};

use crate::util::*;

fn python() -> Option<String> {
    let candidates = [
        std::env::var("KEYWARD_TEST_PYTHON").ok(),
        Some("python3".to_string()),
    ];
    for py in candidates.into_iter().flatten() {
        let ok = Command::new(&py)
            .args(["-c", "import cryptography.fernet"])
            .stderr(Stdio::null())
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        if ok {
            return Some(py);
        }
    }
    missing(
        "PYTHON",
        "no Python with the `cryptography` package",
        "run `bash .ci/run` (it makes .ci/venv), or set KEYWARD_TEST_PYTHON",
    );
    None
}

/// Runs a Python snippet with `input` on stdin, returning stdout.
fn run_py(py: &str, code: &str, input: &str, env: &[(&str, &str)]) -> String {
    crate::util::python_stdin(py, &["-c".as_ref(), code.as_ref()], env, input)
}

#[test]
fn keyward_fernet_tokens_decrypt_in_python() {
    let Some(py) = python() else { return };
    let key = stdout_of(kw().args(["keygen", "master", "--encoding", "fernet"]));
    let token = stdout_of(
        kw().args(["encrypt", "--scheme", "fernet", "--key-env", "K"])
            .env("K", key.trim())
            .write_stdin("from keyward ✓"),
    );
    let out = run_py(
        &py,
        "import os,sys\nfrom cryptography.fernet import Fernet\nf=Fernet(os.environ['K'])\nsys.stdout.write(f.decrypt(sys.stdin.read().strip(), ttl=600).decode())",
        &token,
        &[("K", key.trim())],
    );
    assert_eq!(out, "from keyward ✓");
}

#[test]
fn python_fernet_tokens_and_keys_work_in_keyward() {
    let Some(py) = python() else { return };
    let out = run_py(
        &py,
        "from cryptography.fernet import Fernet\nk=Fernet.generate_key()\nprint(k.decode())\nprint(Fernet(k).encrypt(b'from python').decode())",
        "",
        &[],
    );
    let mut lines = out.lines();
    let (key, token) = (lines.next().unwrap(), lines.next().unwrap());
    kw().args(["decrypt", "--ttl", "600", "--key-env", "K"])
        .env("K", key)
        .write_stdin(token)
        .assert()
        .success()
        .stdout("from python");
}

#[test]
fn multifernet_rotated_tokens_keep_working() {
    let Some(py) = python() else { return };
    // A 64-hex master key splits into Fernet's halves the same way in both.
    let out = run_py(
        &py,
        "import base64,os\nfrom cryptography.fernet import Fernet,MultiFernet\nk=base64.urlsafe_b64encode(bytes.fromhex(os.environ['H']))\nold=Fernet(Fernet.generate_key())\nt=old.encrypt(b'rotated')\nprint(MultiFernet([Fernet(k),old]).rotate(t).decode())",
        "",
        &[("H", KEY_HEX)],
    );
    kw().args(["decrypt", "--key-env", "K"])
        .env("K", KEY_HEX)
        .write_stdin(out.trim().to_string())
        .assert()
        .success()
        .stdout("rotated");
}

#[test]
fn envelopes_are_plain_aes_gcm_for_python() {
    let Some(py) = python() else { return };
    let token = stdout_of(
        kw().args([
            "encrypt",
            "--key-id",
            "258",
            "--context",
            "memories/content/17",
            "--key-env",
            "K",
        ])
        .env("K", KEY_HEX)
        .write_stdin("an envelope"),
    );
    // Python reads the layout of DESIGN.md with nothing but AESGCM.
    let code = r#"
import base64,os,sys
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
raw=base64.b64decode(sys.stdin.read())
assert raw[:3]==b'KW\x01', raw[:3]
kid=int.from_bytes(raw[3:7],'big')
pt=AESGCM(bytes.fromhex(os.environ['K'])).decrypt(raw[7:19], raw[19:], raw[:7]+b'memories/content/17')
sys.stdout.write(f'{kid}:{pt.decode()}')
"#;
    assert_eq!(
        run_py(&py, code, &token, &[("K", KEY_HEX)]),
        "258:an envelope"
    );

    // And an envelope Python builds opens in keyward.
    let code = r#"
import base64,os,sys
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
hdr=b'KW\x01'+(9).to_bytes(4,'big')
n=os.urandom(12)
print(base64.b64encode(hdr+n+AESGCM(bytes.fromhex(os.environ['K'])).encrypt(n,b'from python',hdr)).decode())
"#;
    let env = run_py(&py, code, "", &[("K", KEY_HEX)]);
    let doc = json_of(
        kw().args(["decrypt", "--format", "json", "--key-env", "K"])
            .env("K", KEY_HEX)
            .write_stdin(env),
    );
    assert_eq!(doc["key_id"], 9);
    assert_eq!(doc["plaintext"], "from python");
}

#[test]
fn derived_keys_match_python_hashlib() {
    let Some(py) = python() else { return };
    let code = "import hashlib\nprint(hashlib.scrypt(b'seed passphrase',salt=bytes.fromhex('0011223344556677'),n=2**14,r=8,p=1,dklen=32).hex())\nprint(hashlib.pbkdf2_hmac('sha256',b'seed passphrase',bytes.fromhex('0011223344556677'),100000,32).hex())";
    let out = run_py(&py, code, "", &[]);
    let mut lines = out.lines();
    let scrypt = stdout_of(
        kw().args([
            "key",
            "derive",
            "--scrypt-n",
            "16384",
            "--salt-hex",
            "0011223344556677",
            "--passphrase-env",
            "P",
        ])
        .env("P", "seed passphrase"),
    );
    assert_eq!(scrypt.trim(), lines.next().unwrap());
    let pbkdf2 = stdout_of(
        kw().args([
            "key",
            "derive",
            "--kdf",
            "pbkdf2",
            "--iterations",
            "100000",
            "--salt-hex",
            "0011223344556677",
            "--passphrase-env",
            "P",
        ])
        .env("P", "seed passphrase"),
    );
    assert_eq!(pbkdf2.trim(), lines.next().unwrap());
}

/// Any Python 3 (the audit check needs only its standard library).
fn plain_python() -> Option<String> {
    for py in [
        std::env::var("KEYWARD_TEST_PYTHON").ok(),
        Some("python3".to_string()),
    ]
    .into_iter()
    .flatten()
    {
        if Command::new(&py)
            .arg("-c")
            .arg("import sqlite3, hmac, json")
            .status()
            .map(|s| s.success())
            .unwrap_or(false)
        {
            return Some(py);
        }
    }
    missing(
        "PYTHON",
        "no python3 for the third-party audit verification",
        "install python3",
    );
    None
}

/// docs/audit.md's third-party verifier, run as written there.
const AUDIT_VERIFIER: &str = r#"
import hashlib, hmac, json, os, sqlite3, sys
key = os.environ.get("KEYWARD_AUDIT_KEY")
db = sqlite3.connect(sys.argv[1])
prev = "0" * 64
n = 0
for row in db.execute("SELECT id, ts, actor, action, resource_type, resource_id, outcome, risk, host, details, prev_hash, hash FROM audit_log ORDER BY id"):
    msg = (row[10] + "\n" + json.dumps(list(row[1:10]), separators=(",", ":"), ensure_ascii=False)).encode()
    h = hmac.new(key.encode(), msg, hashlib.sha256).hexdigest() if key else hashlib.sha256(msg).hexdigest()
    if row[10] != prev or row[11] != h:
        print(f"broken at {row[0]}"); sys.exit(1)
    prev, n = h, n + 1
print(f"ok {n}")
"#;

#[test]
fn a_third_party_verifies_the_audit_chain_without_keyward() {
    let Some(py) = plain_python() else { return };
    for (name, key) in [
        ("plain", None),
        ("keyed", Some("a third party's copy of the audit key")),
    ] {
        let store = TestStore::new();
        let target = &store;
        let mut ok = target.kw(&[
            "--actor",
            "ops ünïcode \"quoted\"",
            "apikey",
            "issue",
            "--name",
            "x",
            "--scopes",
            "a,b",
        ]);
        if let Some(k) = key {
            ok.env("KEYWARD_AUDIT_KEY", k);
        }
        ok.assert().success();
        let mut bad = target.kw(&["apikey", "verify"]);
        if let Some(k) = key {
            bad.env("KEYWARD_AUDIT_KEY", k);
        }
        bad.write_stdin("kw_nope\n").assert().code(1);
        let out = Command::new(&py)
            .args(["-c", AUDIT_VERIFIER])
            .arg(&target.path)
            .envs(key.map(|k| ("KEYWARD_AUDIT_KEY", k)))
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).trim(),
            "ok 2",
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        target.sql("UPDATE audit_log SET risk = 'low' WHERE id = 2");
        let out = Command::new(&py)
            .args(["-c", AUDIT_VERIFIER])
            .arg(&target.path)
            .envs(key.map(|k| ("KEYWARD_AUDIT_KEY", k)))
            .output()
            .unwrap();
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "broken at 2");
    }
}

fn pyjwt() -> Option<String> {
    let py = python()?;
    let ok = Command::new(&py)
        .args(["-c", "import jwt"])
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !ok {
        missing(
            "PYTHON",
            "PyJWT is not installed",
            "run `bash .ci/run` (it installs it in .ci/venv), or set KEYWARD_TEST_PYTHON",
        );
        return None;
    }
    Some(py)
}

#[test]
fn jwts_interoperate_with_pyjwt() {
    let Some(py) = pyjwt() else { return };
    let s = TestStore::new();
    // Random-looking: `jwt mint` refuses placeholder and sample secrets.
    let secret = "Tn5Xy1Bp6Mc4Df7Gs0JaZq3kVh9w2Lr8Qe4";
    let token = stdout_of(
        s.kw(&[
            "jwt",
            "mint",
            "--secret-env",
            "S",
            "--sub",
            "user123",
            "--aud",
            "memoric",
            "--scope",
            "memories:read",
        ])
        .env("S", secret),
    );
    let code = "import jwt,os,sys\nc=jwt.decode(sys.stdin.read().strip(), os.environ['S'], algorithms=['HS256'], audience='memoric')\nprint(c['sub'], c['scope'])";
    assert_eq!(
        run_py(&py, code, &token, &[("S", secret)]).trim(),
        "user123 memories:read"
    );
    // Seed 001's AuthService shape: PyJWT with HS256 and an expiry.
    let code = "import jwt,os,time\nprint(jwt.encode({'sub':'user9','roles':['user'],'exp':int(time.time())+600}, os.environ['S'], algorithm='HS256'))";
    let py_token = run_py(&py, code, "", &[("S", secret)]);
    s.kw(&["jwt", "verify", "--secret-env", "S"])
        .env("S", secret)
        .write_stdin(py_token.trim().to_string())
        .assert()
        .success()
        .stdout(predicates::str::contains("sub user9"));
}

#[test]
fn python_fernet_data_rotates_and_python_reads_the_result() {
    let Some(py) = python() else { return };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("memoric.db");
    let old = "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=";
    let new = stdout_of(kw().args(["keygen", "master", "--encoding", "fernet"]))
        .trim()
        .to_string();
    // What seeds 000 and 001 store: Fernet tokens written by Python.
    let code = r#"
import os, sqlite3, sys
from cryptography.fernet import Fernet
f = Fernet(os.environ['OLD'])
db = sqlite3.connect(sys.argv[1])
db.execute('CREATE TABLE memories (id INTEGER PRIMARY KEY, content TEXT, metadata BLOB)')
for i in range(1, 301):
    db.execute('INSERT INTO memories VALUES (?, ?, ?)', (i, f.encrypt(f'python memory {i}'.encode()).decode(), f.encrypt(b'{"score": 75}')))
db.commit()
"#;
    let out = Command::new(&py)
        .args(["-c", code])
        .arg(&db)
        .env("OLD", old)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s = TestStore::new();
    s.kw(&[
        "rotate",
        "run",
        "--to",
        "fernet",
        "--table",
        "memories",
        "--column",
        "content",
        "--column",
        "metadata",
        "--from-key-env",
        "OLD",
        "--to-key-env",
        "NEW",
        "--db",
    ])
    .arg(&db)
    .env("OLD", old)
    .env("NEW", &new)
    .assert()
    .success()
    .stdout(predicates::str::contains("rotated 600 values"));
    let check = r#"
import os, sqlite3, sys
from cryptography.fernet import Fernet, InvalidToken
new, old = Fernet(os.environ['NEW']), Fernet(os.environ['OLD'])
db = sqlite3.connect(sys.argv[1])
n = 0
for i, c, m in db.execute('SELECT id, content, metadata FROM memories'):
    assert new.decrypt(c).decode() == f'python memory {i}'
    assert new.decrypt(m) == b'{"score": 75}'
    try:
        old.decrypt(c); raise SystemExit('old key still works')
    except InvalidToken:
        pass
    n += 1
print(n)
"#;
    let out = Command::new(&py)
        .args(["-c", check])
        .arg(&db)
        .env("OLD", old)
        .env("NEW", &new)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "300",
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Hardening #15: a PyJWT token signed with raw random bytes (not text)
/// verifies with the base64 form of those bytes, and a keyward token minted
/// from a base64url secret (a JWK's `k`) decodes in PyJWT with the bytes.
#[test]
fn hardening_15_pyjwt_binary_secrets() {
    let Some(py) = pyjwt() else { return };
    let s = TestStore::new();
    let code = "import jwt,os,time,base64\nk=os.urandom(64)\nprint(jwt.encode({'sub':'raw','exp':int(time.time())+600}, k, algorithm='HS256'))\nprint(base64.b64encode(k).decode())\nprint(base64.urlsafe_b64encode(k).decode().rstrip('='))";
    let out = run_py(&py, code, "", &[]);
    let lines: Vec<&str> = out.lines().collect();
    let (token, b64, b64url) = (lines[0], lines[1], lines[2]);
    s.kw(&[
        "jwt",
        "verify",
        "--secret-env",
        "S",
        "--secret-encoding",
        "base64",
    ])
    .env("S", b64)
    .write_stdin(token.to_string())
    .assert()
    .success()
    .stdout(predicates::str::contains("sub raw"));
    let minted = stdout_of(
        s.kw(&[
            "jwt",
            "mint",
            "--secret-env",
            "S",
            "--secret-encoding",
            "base64url",
            "--sub",
            "from-k",
        ])
        .env("S", b64url),
    );
    let code = "import jwt,os,sys,base64\nk=base64.urlsafe_b64decode(os.environ['K']+'==')\nprint(jwt.decode(sys.stdin.read().strip(), k, algorithms=['HS256'])['sub'])";
    assert_eq!(
        run_py(&py, code, &minted, &[("K", b64url)]).trim(),
        "from-k"
    );
}
