//! `key derive`: scrypt and PBKDF2 from a passphrase.

use predicates::prelude::*;

use crate::util::*;

// "SodiumChloride" in hex: RFC 7914's test salt.
const NACL: &str = "536f6469756d43686c6f72696465";

#[test]
fn scrypt_matches_rfc7914() {
    // RFC 7914 section 12, third vector: the first 32 of its 64 bytes.
    let out = stdout_of(
        kw().args([
            "key",
            "derive",
            "--scrypt-n",
            "2^14",
            "--passphrase-env",
            "PASS",
            "--salt-hex",
            NACL,
        ])
        .env("PASS", "pleaseletmein"),
    );
    assert_eq!(
        out,
        "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2\n"
    );
}

#[test]
fn pbkdf2_matches_the_known_vector_and_warns_below_owasp() {
    kw().args([
        "key",
        "derive",
        "--kdf",
        "pbkdf2",
        "--iterations",
        "4096",
        "--passphrase-env",
        "PASS",
        "--salt-hex",
        "73616c74",
    ])
    .env("PASS", "password")
    .assert()
    .success()
    .stdout("c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a\n")
    .stderr(predicate::str::contains("below today's advice of 600,000"));
}

#[test]
fn seed_002_parameters_are_accepted_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let pass = write_file(dir.path(), "pass", "tiger passphrase\n", 0o600);
    kw().args([
        "key",
        "derive",
        "--kdf",
        "pbkdf2",
        "--iterations",
        "100000",
        "--salt-hex",
        "00112233445566778899aabbccddeeff",
        "--passphrase-file",
    ])
    .arg(&pass)
    .assert()
    .success()
    .stdout(predicate::str::is_match("^[0-9a-f]{64}\n$").unwrap())
    .stderr(predicate::str::contains("100000 iterations is below"));
}

#[test]
fn defaults_are_owasp_scrypt_with_a_generated_salt() {
    let doc = json_of(
        kw().args([
            "key",
            "derive",
            "--format",
            "json",
            "--passphrase-env",
            "PASS",
            "--encoding",
            "fernet",
        ])
        .env("PASS", "correct horse battery staple"),
    );
    assert_eq!(doc["kdf"]["kdf"], "scrypt");
    assert_eq!(doc["kdf"]["n"], 131072);
    assert_eq!(doc["kdf"]["r"], 8);
    assert_eq!(doc["kdf"]["p"], 1);
    assert_eq!(doc["salt_generated"], true);
    let salt = doc["salt_hex"].as_str().unwrap();
    assert_eq!(salt.len(), 32);
    let key = doc["secrets"][0]["value"].as_str().unwrap();
    assert_eq!(key.len(), 44);
    // The same passphrase and salt give the same key again.
    let again = stdout_of(
        kw().args([
            "key",
            "derive",
            "--encoding",
            "fernet",
            "--passphrase-env",
            "PASS",
            "--salt-hex",
            salt,
        ])
        .env("PASS", "correct horse battery staple"),
    );
    assert_eq!(again.trim(), key);
}

#[test]
fn a_generated_salt_is_shown_even_when_quiet() {
    kw().args([
        "-q",
        "key",
        "derive",
        "--scrypt-n",
        "1024",
        "--passphrase-env",
        "PASS",
    ])
    .env("PASS", "pw")
    .assert()
    .success()
    .stderr(predicate::str::contains("generated salt (hex)"));
}

#[test]
fn salt_from_a_file_is_raw_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let salt = dir.path().join("salt.bin");
    std::fs::write(&salt, b"salt").unwrap();
    kw().args([
        "key",
        "derive",
        "--kdf",
        "pbkdf2",
        "--iterations",
        "4096",
        "--passphrase-env",
        "PASS",
        "--salt-file",
    ])
    .arg(&salt)
    .env("PASS", "password")
    .assert()
    .success()
    .stdout("c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a\n");
    let empty = write_file(dir.path(), "empty", "", 0o600);
    kw().args(["key", "derive", "--passphrase-env", "PASS", "--salt-file"])
        .arg(&empty)
        .env("PASS", "password")
        .assert()
        .code(3);
    kw().args(["key", "derive", "--passphrase-env", "PASS", "--salt-file"])
        .arg(dir.path().join("missing"))
        .env("PASS", "password")
        .assert()
        .code(4);
}

#[test]
fn invalid_parameters_are_usage_errors_naming_the_rule() {
    let cases: &[(&[&str], &str)] = &[
        (&["--scrypt-n", "1000"], "power of two"),
        (&["--scrypt-n", "2^x"], "not a power of two"),
        (
            &["--scrypt-r", "65536", "--scrypt-p", "16384"],
            "r*p < 2^30",
        ),
        (&["--scrypt-n", "2^22"], "limit of 2^20"),
        (
            &["--scrypt-r", "8", "--scrypt-p", "2", "--scrypt-n", "2^20"],
            "MiB of memory",
        ),
        (&["--scrypt-r", "0"], "at least 1"),
        (
            &["--kdf", "pbkdf2", "--iterations", "0"],
            "at least 1 iteration",
        ),
        (&["--iterations", "1000"], "applies to --kdf pbkdf2"),
        (
            &["--kdf", "pbkdf2", "--scrypt-n", "1024"],
            "apply to --kdf scrypt",
        ),
        (&["--salt-hex", "xyz"], "not valid hex"),
    ];
    for (args, message) in cases {
        kw().args(["key", "derive", "--passphrase-env", "PASS"])
            .args(*args)
            .env("PASS", "pw")
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(*message));
    }
}

/// Hardening #4: `key derive` and `key import`'s derivation flags meet the
/// same KDF limits as stored hashes; over them is exit 2 before any work
/// (4,000,000,000 PBKDF2 iterations, or scrypt p=100000, used to run).
#[test]
fn hardening_4_kdf_flags_over_the_limits_are_usage_errors_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&[&str], &str)] = &[
        (&["--scrypt-p", "17", "--scrypt-n", "2^10"], "scrypt p=17"),
        (
            &["--kdf", "pbkdf2", "--iterations", "4000000000"],
            "limit of 10,000,000",
        ),
        (
            &["--kdf", "pbkdf2", "--iterations", "10000001"],
            "limit of 10,000,000",
        ),
        (
            &["--scrypt-p", "100000"],
            "scrypt p=100000 is over keyward's limit of 16",
        ),
        (&["--scrypt-r", "33", "--scrypt-n", "2^10"], "scrypt r=33"),
        (&["--scrypt-n", "2^21", "--scrypt-r", "1"], "limit of 2^20"),
    ];
    for (args, message) in cases {
        for cmd in [
            &[
                "key",
                "derive",
                "--passphrase-env",
                "PASS",
                "--salt-hex",
                NACL,
            ][..],
            &[
                "key",
                "import",
                "--derive-passphrase-env",
                "PASS",
                "--salt-hex",
                NACL,
            ][..],
        ] {
            let ring = dir.path().join("keyring.json");
            let start = std::time::Instant::now();
            kw().args(cmd)
                .args(*args)
                .arg("--store")
                .arg(dir.path().join("keyward.db"))
                .env("PASS", "pw")
                .env("KEYWARD_KEYRING", &ring)
                .env("KEYWARD_KEK", KEY_HEX)
                .assert()
                .code(2)
                .stdout("")
                .stderr(predicate::str::contains(*message));
            assert!(start.elapsed() < std::time::Duration::from_secs(1));
            assert!(!ring.exists(), "{cmd:?} {args:?} created the keyring");
        }
    }
}

#[test]
fn no_passphrase_and_no_terminal_is_an_error_not_a_hang() {
    kw().args(["key", "derive"])
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("no terminal")
                .and(predicate::str::contains("--passphrase-env")),
        );
}

#[test]
fn passphrase_sources_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    kw().args(["key", "derive", "--passphrase-env", "KEYWARD_UNSET_VAR"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("KEYWARD_UNSET_VAR is not set"));
    kw().args(["key", "derive", "--passphrase-env", "PASS"])
        .env("PASS", "")
        .assert()
        .code(3)
        .stderr(predicate::str::contains("empty"));
    let open = write_file(dir.path(), "pass", "my secret passphrase", 0o644);
    kw().args(["key", "derive", "--passphrase-file"])
        .arg(&open)
        .assert()
        .code(4)
        .stderr(
            predicate::str::contains("chmod 600").and(predicate::str::contains("my secret").not()),
        );
    kw().args([
        "key",
        "derive",
        "--passphrase-env",
        "A",
        "--passphrase-file",
    ])
    .arg(&open)
    .assert()
    .code(2);
}

#[test]
fn derived_key_goes_into_an_env_file() {
    let dir = tempfile::tempdir().unwrap();
    let env = dir.path().join(".env");
    kw().args([
        "key",
        "derive",
        "--scrypt-n",
        "1024",
        "--encoding",
        "fernet",
        "--var",
        "MEMORIC_ENCRYPTION_KEY",
        "--salt-hex",
        NACL,
        "--passphrase-env",
        "PASS",
        "--env-file",
    ])
    .arg(&env)
    .env("PASS", "pw")
    .assert()
    .success()
    .stdout("");
    let text = std::fs::read_to_string(&env).unwrap();
    assert!(text.starts_with("MEMORIC_ENCRYPTION_KEY=") && text.trim_end().ends_with('='));
}
