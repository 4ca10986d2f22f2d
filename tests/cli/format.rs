//! `format list | test`: the services' own formats, with values written by
//! stand-ins of the services' own encryption code (tests/standins/) running
//! on Python's `cryptography`.

use crate::util::{TestStore, json_of, json_with_code, kw, python_with, run_standin, write_file};

#[test]
fn format_list_names_every_builtin_with_its_layout() {
    let doc = json_of(kw().args(["--format", "json", "format", "list"]));
    let names: Vec<&str> = doc
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "envelope",
            "fernet",
            "fernet-b64",
            "tiger[:iterations=N,version=V,salt-reuse=K]",
            "spec:PATH"
        ]
    );
    assert!(
        doc[3]["layout"]
            .as_str()
            .unwrap()
            .contains("key_version:4 BE")
    );
    let csv = crate::util::stdout_of(kw().args(["--format", "csv", "format", "list"]));
    assert!(csv.starts_with("format,layout,key\r\n"));
}

#[test]
fn format_test_reads_seed000_values_written_by_the_service() {
    let Some(py) = python_with("cryptography") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let salt = dir.path().join("salt.bin");
    let salt_s = salt.to_str().unwrap();
    run_standin(&py, "seed000_memory.py", &["newsalt", salt_s], &[], "");
    let env = [("ENCRYPTION_PASSPHRASE", "correct horse battery staple")];
    let stored = run_standin(
        &py,
        "seed000_memory.py",
        &["encrypt", salt_s],
        &env,
        "remember the milk\n{'project': 'keyward'}\n",
    );
    let values = write_file(
        dir.path(),
        "values.txt",
        &format!("{stored}plain text note\n"),
        0o600,
    );
    let derive = format!("scrypt:n=16384,r=8,p=1,salt-file={salt_s}");
    let run = |pass: &str, show: bool| {
        let mut c = kw();
        c.args(["--format", "json", "format", "test", "--from", "fernet-b64"])
            .args(["--key-env", "PP", "--derive", &derive, "--in"])
            .arg(&values)
            .env("PP", pass);
        if show {
            c.arg("--show");
        }
        c
    };
    let doc = json_with_code(&mut run("correct horse battery staple", true), 1);
    assert_eq!(doc["ok"], 2, "{doc}");
    assert_eq!(doc["results"][0]["plaintext"], "remember the milk");
    assert_eq!(doc["results"][1]["plaintext"], "{'project': 'keyward'}");
    assert_eq!(doc["results"][2]["status"], "not-this-format");
    assert!(
        doc["results"][2]["reason"]
            .as_str()
            .unwrap()
            .contains("may be plaintext")
    );
    // Without --show, no plaintext anywhere in the output.
    let out = run("correct horse battery staple", false).output().unwrap();
    let text = crate::util::all_output(&out);
    assert!(!text.contains("remember the milk"), "{text}");
    // Another passphrase derives another key: every value is wrong-key.
    let doc = json_with_code(&mut run("another passphrase", false), 1);
    assert_eq!(doc["results"][0]["status"], "wrong-key");
    assert_eq!(doc["results"][1]["status"], "wrong-key");
}

#[test]
fn format_test_reads_seed002_records_and_names_a_wrong_iteration_count() {
    let Some(py) = python_with("cryptography") else {
        return;
    };
    let master = "ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoM=";
    let env = [
        ("ENCRYPTION_MASTER_KEY", master),
        ("PBKDF2_ITERATIONS", "20000"),
    ];
    let stored = run_standin(
        &py,
        "seed002_tiger.py",
        &["encrypt", "4"],
        &env,
        "tiger private key\naccess token\n",
    );
    let s = TestStore::new();
    let values = write_file(s._dir.path(), "v.txt", &stored, 0o600);
    let test = |format: &str, code: i32| {
        let mut c = kw();
        c.args(["--format", "json", "format", "test", "--from", format])
            .args(["--key-env", "MK", "--show", "--in"])
            .arg(&values)
            .env("MK", master);
        json_with_code(&mut c, code)
    };
    let doc = test("tiger:iterations=20000", 0);
    assert_eq!(doc["ok"], 2);
    assert_eq!(doc["results"][1]["plaintext"], "access token");
    assert_eq!(doc["format"], "tiger:iterations=20000");
    // The service's default of 100000 is another key.
    let doc = test("tiger", 1);
    assert_eq!(doc["results"][0]["status"], "wrong-key");
    // A value keyward wrote (format test of its own output is in the unit
    // tests); a damaged record is malformed, not plaintext.
    let bad = write_file(
        s._dir.path(),
        "bad.txt",
        "{\"ciphertext\": \"AA==\", \"nonce\": \"AAAA\", \"tag\": \"AAAA\", \"salt\": \"AA==\", \"key_version\": 1}\n",
        0o600,
    );
    let doc = json_with_code(
        kw().args([
            "--format",
            "json",
            "format",
            "test",
            "--from",
            "tiger",
            "--key-env",
            "MK",
            "--in",
        ])
        .arg(&bad)
        .env("MK", master),
        1,
    );
    assert_eq!(doc["results"][0]["status"], "malformed");
    assert!(
        doc["results"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("nonce has 3 bytes")
    );
}

#[test]
fn format_test_reads_a_spec_described_format_written_by_python() {
    let Some(py) = python_with("cryptography") else {
        return;
    };
    let code = r#"
import base64, hashlib, os, sys
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
key = hashlib.sha256(os.environ["APP_SECRET"].encode()).digest()
for text in sys.argv[1:]:
    nonce = os.urandom(12)
    print(base64.b64encode(nonce + AESGCM(key).encrypt(nonce, text.encode(), None)).decode())
"#;
    let stored = crate::util::python_out(
        &py,
        code,
        &["first value", "second value"],
        &[("APP_SECRET", "acme secret")],
    );
    let dir = tempfile::tempdir().unwrap();
    let values = write_file(dir.path(), "v.txt", &stored, 0o600);
    let spec = write_file(
        dir.path(),
        "acme.toml",
        "# acme's own format\ncipher = \"aes-256-gcm\"\nencoding = \"base64\"\nlayout = [\"nonce:12\", \"ciphertext\"]\n\n[key]\nderive = \"sha256\"\n",
        0o644,
    );
    let from = format!("spec:{}", spec.display());
    let doc = json_of(
        kw().args(["--format", "json", "format", "test", "--from", &from])
            .args(["--key-env", "S", "--show", "--in"])
            .arg(&values)
            .env("S", "acme secret"),
    );
    assert_eq!(doc["ok"], 2, "{doc}");
    assert_eq!(doc["results"][0]["plaintext"], "first value");

    // A mistake in the spec: exit 3, naming the file, the line and the key.
    let bad = write_file(
        dir.path(),
        "bad.toml",
        "cipher = \"aes-256-gcm\"\nlayout = [\n  \"nonce:12\",\n  \"cyphertext\",\n]\n",
        0o644,
    );
    let out = kw()
        .args(["format", "test", "--key-env", "S", "--in"])
        .arg(&values)
        .arg("--from")
        .arg(format!("spec:{}", bad.display()))
        .env("S", "acme secret")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.toml, line 4: layout part \"cyphertext\" is not one of"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn format_test_opens_rsa_wrapped_values_with_the_private_key() {
    let Some(py) = python_with("cryptography") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("chat.pem");
    let code = r#"
import base64, os, sys
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa, padding
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
priv = rsa.generate_private_key(public_exponent=65537, key_size=2048)
with open(sys.argv[1], "wb") as f:
    f.write(priv.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
os.chmod(sys.argv[1], 0o600)
dk, nonce = AESGCM.generate_key(256), os.urandom(12)
oaep = padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None)
wrapped = priv.public_key().encrypt(dk, oaep)
print(base64.b64encode(wrapped + nonce + AESGCM(dk).encrypt(nonce, b"hello from the chat", None)).decode())
"#;
    let stored = crate::util::python_out(&py, code, &[key.to_str().unwrap()], &[]);
    let values = write_file(dir.path(), "v.txt", &stored, 0o600);
    let spec = write_file(
        dir.path(),
        "chat.toml",
        "cipher = \"rsa-oaep-aes-256-gcm\"\nlayout = [\"wrapped_key:256\", \"nonce:12\", \"ciphertext\", \"tag:16\"]\n",
        0o644,
    );
    let doc = json_of(
        kw().args(["--format", "json", "format", "test", "--show", "--from"])
            .arg(format!("spec:{}", spec.display()))
            .arg("--key-file")
            .arg(&key)
            .arg("--in")
            .arg(&values),
    );
    assert_eq!(
        doc["results"][0]["plaintext"], "hello from the chat",
        "{doc}"
    );
}

#[test]
fn format_test_bad_flags_are_usage_errors() {
    for (args, want) in [
        (vec!["--from", "rot13"], "unknown format 'rot13'"),
        (
            vec!["--from", "tiger:rounds=3"],
            "tiger takes iterations=N, version=V and salt-reuse=K, not 'rounds'",
        ),
        (vec!["--from", "tiger:iterations=99999999"], "10,000,000"),
        (
            vec![
                "--from",
                "fernet-b64",
                "--derive",
                "scrypt:n=1000,salt-hex=00",
            ],
            "power of two",
        ),
        (
            vec!["--from", "envelope", "--derive", "md5"],
            "unknown derivation 'md5'",
        ),
    ] {
        let out = kw()
            .args(["format", "test", "--key-env", "K"])
            .args(&args)
            .env("K", "x")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(want), "{args:?}: {err}");
    }
    // An empty input is bad input, not success.
    let out = kw()
        .args(["format", "test", "--from", "fernet", "--key-env", "K"])
        .env("K", "11".repeat(32))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
}
