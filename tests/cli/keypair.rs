//! `keygen keypair`: every type read back by OpenSSL (PEM, DER, encrypted),
//! file modes, no overwrite without --force, nothing half-written.

use std::path::Path;
use std::process::Command;

use sha2::Digest;

use crate::util::*;

const TYPES: [&str; 7] = [
    "ed25519",
    "x25519",
    "ecdsa-p256",
    "ecdsa-p384",
    "rsa-2048",
    "rsa-3072",
    "rsa-4096",
];

fn openssl(args: &[&str]) -> std::process::Output {
    Command::new("openssl")
        .args(args)
        .output()
        .expect("openssl is installed")
}

fn openssl_ok(args: &[&str]) -> Vec<u8> {
    let out = openssl(args);
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn openssl_reads_every_type_and_the_halves_match() {
    let dir = tempfile::tempdir().unwrap();
    for t in TYPES {
        let key = dir.path().join(format!("{t}.pem"));
        let out = kw()
            .args(["keygen", "keypair", "--type", t, "--out"])
            .arg(&key)
            .output()
            .unwrap();
        assert!(out.status.success(), "{t}: {}", all_output(&out));
        assert!(out.stdout.is_empty(), "nothing on stdout in text mode");
        let pubkey = dir.path().join(format!("{t}.pem.pub"));
        assert_eq!(mode(&key), 0o600, "{t}");
        assert_eq!(mode(&pubkey), 0o644, "{t}");
        let private = std::fs::read_to_string(&key).unwrap();
        assert!(private.starts_with("-----BEGIN PRIVATE KEY-----\n"), "{t}");
        openssl_ok(&["pkey", "-in", s(&key), "-noout"]);
        openssl_ok(&["pkey", "-pubin", "-in", s(&pubkey), "-noout"]);
        // The public key OpenSSL derives from the private key is the one written.
        let derived = openssl_ok(&["pkey", "-in", s(&key), "-pubout"]);
        assert_eq!(derived, std::fs::read(&pubkey).unwrap(), "{t}");
        // stderr: type, size and the SPKI's SHA-256, which OpenSSL agrees on.
        let err = String::from_utf8_lossy(&out.stderr);
        let der = openssl_ok(&["pkey", "-pubin", "-in", s(&pubkey), "-outform", "DER"]);
        let fp = hex::encode(sha2::Sha256::digest(&der));
        assert!(err.contains(t) && err.contains(&fp), "{t}: {err}");
        let bits = t.rsplit('-').next().unwrap();
        if t.starts_with("rsa") {
            assert!(err.contains(&format!("{bits}-bit")), "{err}");
            let text = String::from_utf8(openssl_ok(&["pkey", "-in", s(&key), "-noout", "-text"]))
                .unwrap();
            assert!(text.contains(&format!("({bits} bit, 2 primes)")), "{text}");
        }
        assert!(!err.contains("PRIVATE KEY"));
    }
    let x = String::from_utf8(openssl_ok(&[
        "pkey",
        "-in",
        s(&dir.path().join("x25519.pem")),
        "-noout",
        "-text",
    ]))
    .unwrap();
    assert!(x.contains("X25519 Private-Key"), "{x}");
}

#[test]
fn der_files_are_read_by_openssl() {
    let dir = tempfile::tempdir().unwrap();
    for t in ["ed25519", "x25519", "ecdsa-p384", "rsa-2048"] {
        let key = dir.path().join(format!("{t}.der"));
        let pubkey = dir.path().join(format!("{t}-pub.der"));
        kw().args(["keygen", "keypair", "--der", "--type", t, "--out"])
            .arg(&key)
            .arg("--pub-out")
            .arg(&pubkey)
            .assert()
            .success();
        assert_eq!(std::fs::read(&key).unwrap()[0], 0x30, "DER, not PEM");
        openssl_ok(&["pkey", "-inform", "DER", "-in", s(&key), "-noout"]);
        openssl_ok(&[
            "pkey",
            "-pubin",
            "-inform",
            "DER",
            "-in",
            s(&pubkey),
            "-noout",
        ]);
    }
}

#[test]
fn encrypted_private_keys_open_with_the_passphrase_only() {
    let dir = tempfile::tempdir().unwrap();
    let pass = "a long passphrase for the key";
    for (t, kdf) in [
        ("ed25519", "scrypt"),
        ("x25519", "pbkdf2"),
        ("ecdsa-p256", "scrypt"),
        ("rsa-2048", "pbkdf2"),
    ] {
        let key = dir.path().join(format!("{t}-{kdf}.pem"));
        let out = kw()
            .args([
                "keygen",
                "keypair",
                "--type",
                t,
                "--kdf",
                kdf,
                "--passphrase-env",
                "KP",
                "--out",
            ])
            .arg(&key)
            .env("KP", pass)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", all_output(&out));
        assert!(!all_output(&out).contains(pass));
        let text = std::fs::read_to_string(&key).unwrap();
        assert!(text.starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"));
        let info = String::from_utf8(openssl_ok(&["asn1parse", "-in", s(&key)])).unwrap();
        assert!(info.contains("aes-256-cbc"), "{info}");
        assert!(
            info.contains(if kdf == "scrypt" {
                ":scrypt"
            } else {
                ":PBKDF2"
            }),
            "{info}"
        );
        let opened = openssl(&["pkey", "-in", s(&key), "-passin", "env:KP", "-noout"]);
        let opened_ok = Command::new("openssl")
            .args(["pkey", "-in", s(&key), "-passin", "env:KP", "-pubout"])
            .env("KP", pass)
            .output()
            .unwrap();
        assert!(
            opened_ok.status.success(),
            "{t} {kdf}: {}",
            String::from_utf8_lossy(&opened_ok.stderr)
        );
        assert_eq!(
            opened_ok.stdout,
            std::fs::read(format!("{}.pub", key.display())).unwrap()
        );
        assert!(
            !opened.status.success(),
            "KP unset in that run: openssl must fail"
        );
        let wrong = Command::new("openssl")
            .args(["pkey", "-in", s(&key), "-passin", "env:KP", "-noout"])
            .env("KP", "not the passphrase")
            .output()
            .unwrap();
        assert!(!wrong.status.success());
    }
    // DER works encrypted too.
    let der = dir.path().join("enc.der");
    let pf = write_file(dir.path(), "pass", &format!("{pass}\n"), 0o600);
    kw().args(["keygen", "keypair", "--der", "--passphrase-file"])
        .arg(&pf)
        .arg("--out")
        .arg(&der)
        .assert()
        .success();
    let ok = Command::new("openssl")
        .args([
            "pkey",
            "-inform",
            "DER",
            "-in",
            s(&der),
            "-passin",
            &format!("file:{}", s(&pf)),
            "-noout",
        ])
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
}

#[test]
fn passphrase_problems_fail_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("k.pem");
    let out = kw()
        .args([
            "keygen",
            "keypair",
            "--passphrase-env",
            "UNSET_PASSPHRASE_VAR",
            "--out",
        ])
        .arg(&key)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let open = write_file(dir.path(), "pass", "pass phrase", 0o644);
    let out = kw()
        .args(["keygen", "keypair", "--passphrase-file"])
        .arg(&open)
        .arg("--out")
        .arg(&key)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    // --passphrase-prompt without a terminal is a usage error, not a hang.
    let out = kw()
        .args(["keygen", "keypair", "--passphrase-prompt", "--out"])
        .arg(&key)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!key.exists());
    assert!(!dir.path().join("k.pem.pub").exists());
}

#[test]
fn existing_files_are_never_replaced_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("k.pem");
    let pubkey = dir.path().join("k.pub");
    std::fs::write(&pubkey, "keep me").unwrap();
    let out = kw()
        .args(["keygen", "keypair", "--out"])
        .arg(&key)
        .arg("--pub-out")
        .arg(&pubkey)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists"));
    // Nothing half-written: the private key was not created either.
    assert!(!key.exists());
    assert_eq!(std::fs::read_to_string(&pubkey).unwrap(), "keep me");
    kw().args(["keygen", "keypair", "--force", "--out"])
        .arg(&key)
        .arg("--pub-out")
        .arg(&pubkey)
        .assert()
        .success();
    openssl_ok(&["pkey", "-pubin", "-in", s(&pubkey), "-noout"]);
    // Same path twice, a missing directory, an unknown type.
    let out = kw()
        .args(["keygen", "keypair", "--out"])
        .arg(&key)
        .arg("--pub-out")
        .arg(&key)
        .arg("--force")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = kw()
        .args(["keygen", "keypair", "--out"])
        .arg(dir.path().join("no/such/dir/k.pem"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    let out = kw()
        .args(["keygen", "keypair", "--type", "dsa-1024", "--out"])
        .arg(dir.path().join("d.pem"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = kw()
        .args(["keygen", "keypair", "--kdf", "pbkdf2", "--out"])
        .arg(dir.path().join("e.pem"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "--kdf without a passphrase means nothing"
    );
    assert!(!dir.path().join("e.pem").exists());
    let out = kw().args(["keygen", "keypair"]).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "--out is required: keyward never prints a private key"
    );
}

#[test]
fn json_reports_metadata_and_never_the_private_key() {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("k.pem");
    let doc = json_of(
        kw().args([
            "--format",
            "json",
            "keygen",
            "keypair",
            "--type",
            "ecdsa-p256",
            "--out",
        ])
        .arg(&key),
    );
    assert_eq!(doc["type"], "ecdsa-p256");
    assert_eq!(doc["bits"], 256);
    assert_eq!(doc["encrypted"], false);
    assert_eq!(doc["format"], "pem");
    assert_eq!(doc["files"]["private"], s(&key));
    assert_eq!(doc["files"]["public"], format!("{}.pub", s(&key)));
    let pem = doc["public_key_pem"].as_str().unwrap();
    assert_eq!(
        pem,
        std::fs::read_to_string(format!("{}.pub", s(&key))).unwrap()
    );
    assert!(doc["fingerprint"].as_str().unwrap().starts_with("sha256:"));
    assert!(!doc.to_string().contains("PRIVATE"));
}

#[test]
fn key_generation_is_audited() {
    let store = TestStore::new();
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("k.pem");
    store
        .kw(&["keygen", "keypair", "--out", s(&key)])
        .assert()
        .success();
    assert_eq!(
        store.count("SELECT count(*) FROM audit_log WHERE action = 'key.generate' AND details LIKE '%\"kind\":\"keypair\"%'"),
        1
    );
}

/// The names in `dir`, sorted (temporary files included).
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The public key cannot be written once the private key is in place
/// (`--pub-out` names a directory, which `--force` cannot replace): exit 4,
/// one line naming the path, no private key left behind (a new one is
/// removed, one `--force` replaced comes back as it was), no temporary
/// file, no audit entry.
#[test]
fn a_failure_on_the_public_key_leaves_no_private_key() {
    let store = TestStore::new();
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("k.pem");
    let pub_dir = dir.path().join("k.pub");
    std::fs::create_dir(&pub_dir).unwrap();
    let run = || {
        store
            .kw(&[
                "keygen",
                "keypair",
                "--force",
                "--out",
                s(&key),
                "--pub-out",
                s(&pub_dir),
            ])
            .output()
            .unwrap()
    };
    let out = run();
    assert_eq!(out.status.code(), Some(4), "{}", all_output(&out));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err.lines().next().unwrap(),
        format!(
            "keyward: error: cannot replace {}: it is a directory",
            s(&pub_dir)
        ),
        "{err}"
    );
    assert!(!key.exists(), "the private key was left behind");
    assert_eq!(names_in(dir.path()), vec!["k.pub"]);
    assert!(pub_dir.is_dir());

    // An existing private key replaced under --force is put back.
    write_file(dir.path(), "k.pem", "the old private key\n", 0o600);
    let out = run();
    assert_eq!(out.status.code(), Some(4), "{}", all_output(&out));
    assert_eq!(
        std::fs::read_to_string(&key).unwrap(),
        "the old private key\n"
    );
    assert_eq!(mode(&key), 0o600);
    assert_eq!(names_in(dir.path()), vec!["k.pem", "k.pub"]);
    assert_eq!(
        store.count("SELECT count(*) FROM audit_log WHERE action = 'key.generate'"),
        0
    );

    // A directory where no file can be created (/proc, even for root):
    // nothing is placed at all.
    let out = store
        .kw(&[
            "keygen",
            "keypair",
            "--out",
            s(&dir.path().join("n.pem")),
            "--pub-out",
            "/proc/keyward-test.pub",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4), "{}", all_output(&out));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("keyward: error: cannot write /proc/keyward-test.pub: "),
        "{err}"
    );
    assert_eq!(names_in(dir.path()), vec!["k.pem", "k.pub"]);

    // A store that cannot be opened: nothing is written either.
    let out = kw()
        .arg("--store")
        .arg(dir.path())
        .args(["keygen", "keypair", "--out", s(&dir.path().join("m.pem"))])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4), "{}", all_output(&out));
    assert_eq!(names_in(dir.path()), vec!["k.pem", "k.pub"]);
}

/// `--force` replaces both files of an existing pair in place, modes kept
/// as keyward sets them, and no second name of the old files stays.
#[test]
fn force_replaces_a_pair_whole() {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("k.pem");
    let pubkey = dir.path().join("k.pem.pub");
    write_file(dir.path(), "k.pem", "old\n", 0o600);
    write_file(dir.path(), "k.pem.pub", "old pub\n", 0o644);
    kw().args(["keygen", "keypair", "--force", "--out", s(&key)])
        .assert()
        .success();
    let derived = openssl_ok(&["pkey", "-in", s(&key), "-pubout"]);
    assert_eq!(derived, std::fs::read(&pubkey).unwrap());
    assert_eq!((mode(&key), mode(&pubkey)), (0o600, 0o644));
    assert_eq!(names_in(dir.path()), vec!["k.pem", "k.pem.pub"]);
}
