//! `encrypt` and `decrypt`: envelopes and Fernet tokens, good and bad input.

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE};
use predicates::prelude::*;

use crate::util::*;

fn key_file(dir: &std::path::Path) -> std::path::PathBuf {
    write_file(dir, "master.key", &format!("{KEY_HEX}\n"), 0o600)
}

fn encrypt(dir: &std::path::Path, plaintext: &str, extra: &[&str]) -> String {
    let k = key_file(dir);
    stdout_of(
        kw().arg("encrypt")
            .arg("--key-file")
            .arg(&k)
            .args(extra)
            .write_stdin(plaintext),
    )
}

#[test]
fn envelope_roundtrip_with_the_key_in_every_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let token = encrypt(dir.path(), "sensitive data\n", &[]);
    assert!(
        token.starts_with("S1cBAAAAA"),
        "header KW 01 and key id 1: {token}"
    );
    let raw = STANDARD.decode(token.trim()).unwrap();
    assert_eq!(raw.len(), 15 + 35);
    let key = hex::decode(KEY_HEX).unwrap();
    for text in [
        KEY_HEX.to_string(),
        STANDARD.encode(&key),
        URL_SAFE.encode(&key),
        format!("base64:{}", STANDARD.encode(&key)),
    ] {
        kw().args(["decrypt", "--key-env", "K"])
            .env("K", &text)
            .write_stdin(token.clone())
            .assert()
            .success()
            .stdout("sensitive data\n");
    }
}

#[test]
fn context_and_key_id_are_bound() {
    let dir = tempfile::tempdir().unwrap();
    let k = key_file(dir.path());
    let token = encrypt(
        dir.path(),
        "alice@example.com",
        &["--context", "users/email/42", "--key-id", "7"],
    );
    let doc = json_of(
        kw().args([
            "--format",
            "json",
            "decrypt",
            "--context",
            "users/email/42",
            "--key-file",
        ])
        .arg(&k)
        .write_stdin(token.clone()),
    );
    assert_eq!(doc["scheme"], "envelope");
    assert_eq!(doc["key_id"], 7);
    assert_eq!(doc["plaintext"], "alice@example.com");
    for ctx in [None, Some("users/email/43")] {
        let mut cmd = kw();
        cmd.args(["decrypt", "--key-file"])
            .arg(&k)
            .write_stdin(token.clone());
        if let Some(c) = ctx {
            cmd.args(["--context", c]);
        }
        cmd.assert().code(3).stdout("").stderr(
            predicate::str::contains("authentication failed")
                .and(predicate::str::contains("--context")),
        );
    }
    kw().args([
        "decrypt",
        "--key-id",
        "8",
        "--context",
        "users/email/42",
        "--key-file",
    ])
    .arg(&k)
    .write_stdin(token)
    .assert()
    .code(3)
    .stderr(predicate::str::contains("sealed under key id 7, not 8"));
}

#[test]
fn wrong_key_is_exit_3_with_nothing_on_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let token = encrypt(dir.path(), "secret", &[]);
    let other = "ff".repeat(32);
    kw().args(["decrypt", "--key-env", "K"])
        .env("K", &other)
        .write_stdin(token)
        .assert()
        .code(3)
        .stdout("")
        .stderr(
            predicate::str::contains("authentication failed")
                .and(predicate::str::contains(&other).not()),
        );
}

#[test]
fn every_flipped_byte_of_an_envelope_is_exit_3() {
    let dir = tempfile::tempdir().unwrap();
    let k = key_file(dir.path());
    let token = encrypt(dir.path(), "hello", &[]);
    let raw = STANDARD.decode(token.trim()).unwrap();
    for i in 0..raw.len() {
        let mut t = raw.clone();
        t[i] ^= 0x40;
        kw().args(["decrypt", "--key-file"])
            .arg(&k)
            .write_stdin(STANDARD.encode(&t))
            .assert()
            .code(3)
            .stdout("");
    }
}

#[test]
fn every_flipped_byte_of_a_fernet_token_is_exit_3() {
    let dir = tempfile::tempdir().unwrap();
    let k = key_file(dir.path());
    let token = encrypt(dir.path(), "hello", &["--scheme", "fernet"]);
    let raw = URL_SAFE.decode(token.trim()).unwrap();
    assert_eq!(raw[0], 0x80);
    for i in 0..raw.len() {
        let mut t = raw.clone();
        t[i] ^= 0x01;
        kw().args(["decrypt", "--key-file"])
            .arg(&k)
            .write_stdin(URL_SAFE.encode(&t))
            .assert()
            .code(3)
            .stdout("");
    }
}

#[test]
fn fernet_roundtrip_and_spec_token() {
    let dir = tempfile::tempdir().unwrap();
    let k = key_file(dir.path());
    let token = encrypt(dir.path(), "memory content", &["--scheme", "fernet"]);
    assert!(token.starts_with("gAAAAA"));
    kw().args(["decrypt", "--key-file"])
        .arg(&k)
        .write_stdin(token.clone())
        .assert()
        .success()
        .stdout("memory content");
    kw().args([
        "decrypt",
        "--ttl",
        "3600",
        "--scheme",
        "fernet",
        "--key-file",
    ])
    .arg(&k)
    .write_stdin(token)
    .assert()
    .success()
    .stdout("memory content");
    // The Fernet specification's own token, made in 1985.
    let doc = json_of(
        kw().args(["decrypt", "--format", "json", "--key-env", "K"])
            .env("K", SPEC_FERNET_KEY)
            .write_stdin(SPEC_FERNET_TOKEN),
    );
    assert_eq!(doc["scheme"], "fernet");
    assert_eq!(doc["plaintext"], "hello");
    assert_eq!(doc["issued_at"], "1985-10-26T08:20:00Z");
    kw().args(["decrypt", "--ttl", "60", "--key-env", "K"])
        .env("K", SPEC_FERNET_KEY)
        .write_stdin(SPEC_FERNET_TOKEN)
        .assert()
        .code(3)
        .stdout("")
        .stderr(predicate::str::contains("expired"));
}

#[test]
fn scheme_flags_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let k = key_file(dir.path());
    kw().args([
        "encrypt",
        "--scheme",
        "fernet",
        "--context",
        "x",
        "--key-file",
    ])
    .arg(&k)
    .write_stdin("v")
    .assert()
    .code(2);
    kw().args(["decrypt", "--scheme", "envelope", "--key-env", "K"])
        .env("K", SPEC_FERNET_KEY)
        .write_stdin(SPEC_FERNET_TOKEN)
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "expected a keyward envelope but the input is a Fernet token",
        ));
    let env = encrypt(dir.path(), "v", &[]);
    kw().args(["decrypt", "--ttl", "5", "--key-file"])
        .arg(&k)
        .write_stdin(env)
        .assert()
        .code(2);
    kw().args(["decrypt", "--context", "c", "--key-env", "K"])
        .env("K", SPEC_FERNET_KEY)
        .write_stdin(SPEC_FERNET_TOKEN)
        .assert()
        .code(2);
}

#[test]
fn malformed_ciphertexts_are_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let k = key_file(dir.path());
    let cases: &[(&[u8], &str)] = &[
        (b"", "empty"),
        (b"!!! not base64 !!!", "not base64"),
        (b"aGVsbG8gd29ybGQ=", "neither a keyward envelope"),
        (b"S1cBAAAAAQ==", "fewer than the 35"),
        (b"\xff\xfe", "not text"),
        (b"gAAAAAAdwJ6w", "fewer than the 73"),
    ];
    for (input, message) in cases {
        kw().args(["decrypt", "--key-file"])
            .arg(&k)
            .write_stdin(input.to_vec())
            .assert()
            .code(3)
            .stdout("")
            .stderr(predicate::str::contains(*message));
    }
}

#[test]
fn key_sources_are_checked_and_never_echoed() {
    let dir = tempfile::tempdir().unwrap();
    let short = &KEY_HEX[..63];
    let bad = write_file(dir.path(), "bad.key", short, 0o600);
    kw().args(["encrypt", "--key-file"])
        .arg(&bad)
        .write_stdin("v")
        .assert()
        .code(3)
        .stderr(
            predicate::str::contains("63")
                .and(predicate::str::contains(short).not())
                .and(predicate::str::contains("bad.key")),
        );
    let open = write_file(dir.path(), "open.key", KEY_HEX, 0o640);
    kw().args(["encrypt", "--key-file"])
        .arg(&open)
        .write_stdin("v")
        .assert()
        .code(4)
        .stderr(predicate::str::contains("mode 0640").and(predicate::str::contains("chmod 600")));
    kw().args(["encrypt", "--key-file"])
        .arg(dir.path().join("missing.key"))
        .write_stdin("v")
        .assert()
        .code(4)
        .stderr(predicate::str::contains("missing.key: no such file"));
    kw().args(["encrypt", "--key-env", "KEYWARD_NOT_SET"])
        .write_stdin("v")
        .assert()
        .code(3);
    kw().args(["encrypt", "--key-env", "K"])
        .env("K", "this is not a key")
        .write_stdin("v")
        .assert()
        .code(3)
        .stderr(
            predicate::str::contains("this is not")
                .not()
                .and(predicate::str::contains("environment variable K")),
        );
    kw().arg("encrypt")
        .write_stdin("v")
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no terminal"));
}

#[test]
fn files_in_and_out() {
    let dir = tempfile::tempdir().unwrap();
    let k = key_file(dir.path());
    let plain = write_file(dir.path(), "plain.txt", "line one\nline two\n", 0o644);
    let sealed = dir.path().join("sealed.txt");
    kw().args(["encrypt", "--key-file"])
        .arg(&k)
        .arg("--in")
        .arg(&plain)
        .arg("--out")
        .arg(&sealed)
        .assert()
        .success()
        .stdout("");
    assert_eq!(mode(&sealed), 0o600);
    let back = dir.path().join("back.txt");
    kw().args(["decrypt", "--key-file"])
        .arg(&k)
        .arg("--in")
        .arg(&sealed)
        .arg("--out")
        .arg(&back)
        .assert()
        .success()
        .stdout("");
    assert_eq!(
        std::fs::read_to_string(&back).unwrap(),
        "line one\nline two\n"
    );
    kw().args(["decrypt", "--key-file"])
        .arg(&k)
        .arg("--in")
        .arg(&sealed)
        .arg("--out")
        .arg(&back)
        .assert()
        .code(4);
    kw().args(["decrypt", "--force", "--key-file"])
        .arg(&k)
        .arg("--in")
        .arg(&sealed)
        .arg("--out")
        .arg(&back)
        .assert()
        .success();
    kw().args(["decrypt", "--key-file"])
        .arg(&k)
        .arg("--in")
        .arg(dir.path().join("nope"))
        .assert()
        .code(4);
    kw().args(["encrypt", "--force", "--key-file"])
        .arg(&k)
        .assert()
        .code(2);
}

#[test]
fn binary_plaintext_roundtrips_and_json_uses_base64() {
    let dir = tempfile::tempdir().unwrap();
    let k = key_file(dir.path());
    let bytes: Vec<u8> = (0..=255u8).collect();
    let token = stdout_of(
        kw().args(["encrypt", "--key-file"])
            .arg(&k)
            .write_stdin(bytes.clone()),
    );
    let out = kw()
        .args(["decrypt", "--key-file"])
        .arg(&k)
        .write_stdin(token.clone())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(out, bytes);
    let doc = json_of(
        kw().args(["decrypt", "--format", "json", "--key-file"])
            .arg(&k)
            .write_stdin(token),
    );
    assert_eq!(
        STANDARD
            .decode(doc["plaintext_base64"].as_str().unwrap())
            .unwrap(),
        bytes
    );
}

#[test]
fn encrypt_json_report() {
    let dir = tempfile::tempdir().unwrap();
    let k = key_file(dir.path());
    let doc = json_of(
        kw().args(["encrypt", "--format", "json", "--key-id", "3", "--key-file"])
            .arg(&k)
            .write_stdin("abc"),
    );
    assert_eq!(doc["scheme"], "envelope");
    assert_eq!(doc["key_id"], 3);
    assert_eq!(doc["plaintext_bytes"], 3);
    assert!(doc["ciphertext"].as_str().unwrap().starts_with("S1cBAAAAA"));
}

/// Hardening #20: a Fernet token whose timestamp is 2^64-1 is not shown
/// as 1969-12-31.
#[test]
fn hardening_20_a_fernet_timestamp_past_year_9999_is_not_1969() {
    let key = keyward::crypto::keys::Key256::from_bytes([7; 32]);
    let token = keyward::crypto::fernet::FernetKey::new(&key).encrypt_at(b"x", u64::MAX, &[1; 16]);
    let hex = key
        .encode(keyward::crypto::keys::Encoding::Hex)
        .expose()
        .to_string();
    let doc = json_of(
        kw().args(["decrypt", "--key-env", "K", "--format", "json"])
            .env("K", &hex)
            .write_stdin(token),
    );
    let issued = doc["issued_at"].as_str().unwrap();
    assert!(!issued.starts_with("1969"), "{issued}");
    assert!(
        issued.contains("18446744073709551615") && issued.contains("past year 9999"),
        "{issued}"
    );
}
