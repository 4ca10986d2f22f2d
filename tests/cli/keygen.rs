//! `keygen master | jwt-secret | password | salt`, with --out, --env-file, --count;
//! raw salt bytes to a file or a pipe, never a terminal.

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE, URL_SAFE_NO_PAD};
use predicates::prelude::*;

use crate::util::*;

#[test]
fn master_defaults_to_64_hex_digits_and_is_fresh() {
    let a = stdout_of(kw().args(["keygen", "master"]));
    let b = stdout_of(kw().args(["keygen", "master"]));
    for k in [&a, &b] {
        let k = k.strip_suffix('\n').unwrap();
        assert_eq!(k.len(), 64);
        assert!(
            k.bytes()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
        );
    }
    assert_ne!(a, b);
}

#[test]
fn master_encodings() {
    let b64 = stdout_of(kw().args(["keygen", "master", "--encoding", "base64"]));
    assert_eq!(STANDARD.decode(b64.trim()).unwrap().len(), 32);
    let url = stdout_of(kw().args(["keygen", "master", "--encoding", "base64url"]));
    assert_eq!(url.trim().len(), 43);
    assert_eq!(URL_SAFE_NO_PAD.decode(url.trim()).unwrap().len(), 32);
    let fernet = stdout_of(kw().args(["keygen", "master", "--encoding", "fernet"]));
    assert_eq!(fernet.trim().len(), 44);
    assert!(fernet.trim().ends_with('='));
    assert_eq!(URL_SAFE.decode(fernet.trim()).unwrap().len(), 32);
    let long = stdout_of(kw().args(["keygen", "master", "--bytes", "48"]));
    assert_eq!(long.trim().len(), 96);
}

#[test]
fn master_rejects_bad_lengths() {
    kw().args(["keygen", "master", "--bytes", "8"])
        .assert()
        .code(2);
    kw().args(["keygen", "master", "--bytes", "16", "--encoding", "fernet"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Fernet key is always 32 bytes"));
    kw().args(["keygen", "master", "--bytes", "16"])
        .assert()
        .success()
        .stderr(predicate::str::contains("128-bit key is weaker"));
}

#[test]
fn count_gives_distinct_lines() {
    let out = stdout_of(kw().args(["keygen", "master", "--count", "5"]));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5);
    let mut uniq = lines.clone();
    uniq.sort();
    uniq.dedup();
    assert_eq!(uniq.len(), 5);
    kw().args(["keygen", "master", "--count", "10001"])
        .assert()
        .code(2);
}

#[test]
fn out_writes_a_private_file_and_states_what_it_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("master.key");
    let out = kw()
        .args(["keygen", "master", "--out"])
        .arg(&p)
        .assert()
        .success()
        .stdout("")
        .get_output()
        .clone();
    let key = std::fs::read_to_string(&p).unwrap();
    assert_eq!(key.len(), 65);
    assert_eq!(mode(&p), 0o600);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("256-bit hex key"), "{err}");
    assert!(err.contains("sha256:"), "{err}");
    assert!(!err.contains(key.trim()), "the key leaked to stderr");

    // Never replaced without --force; the old key survives.
    kw().args(["keygen", "master", "--out"])
        .arg(&p)
        .assert()
        .code(4)
        .stderr(
            predicate::str::contains("already exists").and(predicate::str::contains("--force")),
        );
    assert_eq!(std::fs::read_to_string(&p).unwrap(), key);
    kw().args(["keygen", "master", "--force", "--out"])
        .arg(&p)
        .assert()
        .success();
    assert_ne!(std::fs::read_to_string(&p).unwrap(), key);
    assert_eq!(mode(&p), 0o600);
    // No temporary files are left behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn out_into_a_missing_directory_is_an_environment_error() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("nope").join("k");
    kw().args(["keygen", "master", "--out"])
        .arg(&p)
        .assert()
        .code(4)
        .stderr(predicate::str::contains("nope"));
}

#[test]
fn out_with_count_writes_every_line() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("salts");
    kw().args(["keygen", "salt", "--count", "3", "--out"])
        .arg(&p)
        .assert()
        .success();
    let text = std::fs::read_to_string(&p).unwrap();
    assert_eq!(text.lines().count(), 3);
    assert!(text.lines().all(|l| l.len() == 32));
}

#[test]
fn json_reports_without_the_secret_when_written_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("k");
    let doc = json_of(
        kw().args(["--format", "json", "keygen", "master", "--out"])
            .arg(&p),
    );
    assert_eq!(doc["kind"], "master");
    assert_eq!(doc["bits"], 256);
    assert_eq!(doc["destination"]["type"], "file");
    assert!(doc["secrets"][0].get("value").is_none());
    assert!(
        doc["secrets"][0]["fingerprint"]
            .as_str()
            .unwrap()
            .starts_with("sha256:")
    );
    let doc = json_of(kw().args(["keygen", "master", "--format", "json"]));
    assert_eq!(doc["secrets"][0]["value"].as_str().unwrap().len(), 64);
    assert_eq!(doc["destination"]["type"], "stdout");
}

#[test]
fn env_file_is_created_private() {
    let dir = tempfile::tempdir().unwrap();
    let env = dir.path().join(".env");
    kw().args([
        "keygen",
        "master",
        "--var",
        "ENCRYPTION_MASTER_KEY",
        "--env-file",
    ])
    .arg(&env)
    .assert()
    .success()
    .stdout("")
    .stderr(
        predicate::str::contains("set ENCRYPTION_MASTER_KEY")
            .and(predicate::str::contains("line 1")),
    );
    let text = std::fs::read_to_string(&env).unwrap();
    assert!(text.starts_with("ENCRYPTION_MASTER_KEY="));
    assert_eq!(text.trim_end().len(), "ENCRYPTION_MASTER_KEY=".len() + 64);
    assert_eq!(mode(&env), 0o600);
}

#[test]
fn env_file_keeps_every_other_line_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let original = "# Tiger MCP settings\nENVIRONMENT=production\nexport   DATABASE_URL=\"postgresql://u:p@db/tiger\"  # inline\n\nMULTI=\"one\ntwo\"\nPBKDF2_ITERATIONS=100000";
    let env = write_file(dir.path(), ".env", original, 0o400);
    kw().args(["keygen", "jwt-secret", "--var", "JWT_SECRET", "--env-file"])
        .arg(&env)
        .assert()
        .success();
    let text = std::fs::read_to_string(&env).unwrap();
    assert!(
        text.starts_with(&format!("{original}\nJWT_SECRET=")),
        "{text}"
    );
    assert_eq!(text.lines().count(), 8);
    assert_eq!(mode(&env), 0o400, "an existing file keeps its mode");

    // The variable now exists: refused without --force, file untouched.
    kw().args(["keygen", "jwt-secret", "--var", "JWT_SECRET", "--env-file"])
        .arg(&env)
        .assert()
        .code(4)
        .stderr(predicate::str::contains(
            "already defines JWT_SECRET (line 8)",
        ));
    assert_eq!(std::fs::read_to_string(&env).unwrap(), text);

    // --force replaces it in place; everything else stays.
    kw().args([
        "keygen",
        "jwt-secret",
        "--force",
        "--var",
        "JWT_SECRET",
        "--env-file",
    ])
    .arg(&env)
    .assert()
    .success();
    let after = std::fs::read_to_string(&env).unwrap();
    assert!(after.starts_with(&format!("{original}\nJWT_SECRET=")));
    assert_ne!(after, text);
    assert_eq!(after.lines().count(), 8);
}

#[test]
fn env_file_replaces_a_multiline_or_exported_definition_whole() {
    let dir = tempfile::tempdir().unwrap();
    let env = write_file(
        dir.path(),
        "app.env",
        "A=1\nexport KEY=\"old\nvalue\"\nB=2\n",
        0o600,
    );
    kw().args(["keygen", "master", "--force", "--var", "KEY", "--env-file"])
        .arg(&env)
        .assert()
        .success();
    let text = std::fs::read_to_string(&env).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert_eq!(lines[0], "A=1");
    // `export` and the double quotes stay (hardening #16).
    assert!(
        lines[1].starts_with("export KEY=\"") && lines[1].ends_with('"') && lines[1].len() == 77,
        "{text}"
    );
    assert_eq!(lines[2], "B=2");
}

#[test]
fn env_file_flags_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let env = dir.path().join(".env");
    kw().args(["keygen", "master", "--var", "X"])
        .assert()
        .code(2);
    kw().args(["keygen", "master", "--env-file"])
        .arg(&env)
        .assert()
        .code(2);
    kw().args(["keygen", "master", "--var", "1BAD", "--env-file"])
        .arg(&env)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a variable name"));
    kw().args([
        "keygen",
        "master",
        "--count",
        "2",
        "--var",
        "X",
        "--env-file",
    ])
    .arg(&env)
    .assert()
    .code(2);
    kw().args(["keygen", "master", "--var", "X", "--env-file"])
        .arg(&env)
        .arg("--out")
        .arg(dir.path().join("k"))
        .assert()
        .code(2);
    assert!(!env.exists());
}

#[test]
fn env_file_that_is_not_text_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let env = dir.path().join(".env");
    std::fs::write(&env, b"A=\xff\xfe\n").unwrap();
    std::fs::set_permissions(&env, std::os::unix::fs::PermissionsExt::from_mode(0o600)).unwrap();
    kw().args(["keygen", "master", "--var", "K", "--env-file"])
        .arg(&env)
        .assert()
        .code(3)
        .stderr(predicate::str::contains("not UTF-8"));
    assert_eq!(std::fs::read(&env).unwrap(), b"A=\xff\xfe\n");
}

#[test]
fn password_values_are_quoted_in_env_files() {
    let dir = tempfile::tempdir().unwrap();
    let env = dir.path().join(".env");
    kw().args([
        "keygen",
        "password",
        "--classes",
        "symbols",
        "--length",
        "20",
        "--var",
        "REDIS_PASSWORD",
        "--env-file",
    ])
    .arg(&env)
    .assert()
    .success();
    let text = std::fs::read_to_string(&env).unwrap();
    let value = text.trim_end().strip_prefix("REDIS_PASSWORD=").unwrap();
    assert!(value.starts_with('\'') && value.ends_with('\''), "{value}");
    assert_eq!(value.len(), 22);
}

#[test]
fn jwt_secret_defaults_and_limits() {
    let s = stdout_of(kw().args(["keygen", "jwt-secret"]));
    let s = s.trim();
    assert_eq!(s.len(), 86, "64 bytes of unpadded base64url");
    assert_eq!(URL_SAFE_NO_PAD.decode(s).unwrap().len(), 64);
    let hex = stdout_of(kw().args(["keygen", "jwt-secret", "--bytes", "32", "--encoding", "hex"]));
    assert_eq!(hex.trim().len(), 64);
    kw().args(["keygen", "jwt-secret", "--bytes", "31"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("RFC 7518"));
    kw().args(["keygen", "jwt-secret", "--encoding", "fernet"])
        .assert()
        .code(2);
    let doc = json_of(kw().args(["keygen", "jwt-secret", "--format", "json"]));
    assert_eq!(doc["strongest_alg"], "HS512");
    assert_eq!(doc["bits"], 512);
}

#[test]
fn password_defaults_use_every_class() {
    for _ in 0..5 {
        let p = stdout_of(kw().args(["keygen", "password"]));
        let p = p.strip_suffix('\n').unwrap();
        assert_eq!(p.chars().count(), 32);
        assert!(p.chars().any(|c| c.is_ascii_lowercase()));
        assert!(p.chars().any(|c| c.is_ascii_uppercase()));
        assert!(p.chars().any(|c| c.is_ascii_digit()));
        assert!(p.chars().any(|c| c.is_ascii_punctuation()));
        assert!(!p.contains(['\'', '"', '\\', '`', ' ']));
    }
}

#[test]
fn password_options_and_limits() {
    let p = stdout_of(kw().args([
        "keygen",
        "password",
        "--classes",
        "digits",
        "--length",
        "12",
    ]));
    assert!(p.trim().len() == 12 && p.trim().bytes().all(|b| b.is_ascii_digit()));
    let p = stdout_of(kw().args(["keygen", "password", "--no-ambiguous", "--length", "200"]));
    assert!(!p.trim().contains(['0', 'O', 'o', '1', 'l', 'I', '|']));
    kw().args(["keygen", "password", "--length", "11"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("minimum of 12"));
    kw().args(["keygen", "password", "--classes", "emoji"])
        .assert()
        .code(2);
    let doc = json_of(kw().args([
        "keygen",
        "password",
        "--format",
        "json",
        "--classes",
        "lower",
    ]));
    assert_eq!(doc["alphabet_size"], 26);
    assert_eq!(doc["bits"], 150, "32 * log2(26) = 150.4");
}

#[test]
fn salt_defaults_and_limits() {
    let s = stdout_of(kw().args(["keygen", "salt"]));
    assert_eq!(s.trim().len(), 32);
    let s = stdout_of(kw().args(["keygen", "salt", "--bytes", "32", "--encoding", "base64"]));
    assert_eq!(STANDARD.decode(s.trim()).unwrap().len(), 32);
    kw().args(["keygen", "salt", "--bytes", "4"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("RFC 8018"));
}

#[test]
fn env_file_edits_follow_symlinks_and_survive_unclosed_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let real = write_file(dir.path(), "real.env", "A=1\n", 0o600);
    let link = dir.path().join(".env");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    kw().args(["keygen", "master", "--var", "K", "--env-file"])
        .arg(&link)
        .assert()
        .success();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link stays a link"
    );
    assert!(std::fs::read_to_string(&real).unwrap().contains("K="));
    // An unclosed quote does not swallow the rest of the file.
    let env = write_file(
        dir.path(),
        "broken.env",
        "JWT_SECRET=\"old\nDATABASE_URL=x\nREDIS_URL=y\n",
        0o600,
    );
    kw().args([
        "keygen",
        "jwt-secret",
        "--force",
        "--var",
        "JWT_SECRET",
        "--env-file",
    ])
    .arg(&env)
    .assert()
    .success();
    let text = std::fs::read_to_string(&env).unwrap();
    assert!(text.contains("DATABASE_URL=x\nREDIS_URL=y\n"), "{text}");
    let env2 = write_file(dir.path(), "b.env", "B=\"x\nJWT_SECRET=old\n", 0o600);
    kw().args(["keygen", "jwt-secret", "--var", "JWT_SECRET", "--env-file"])
        .arg(&env2)
        .assert()
        .code(4);
    // A secret written into a file others can read: refused, or with
    // --force written with a warning (hardening #16).
    let open = write_file(dir.path(), "open.env", "A=1\n", 0o644);
    kw().args(["keygen", "master", "--var", "K", "--env-file"])
        .arg(&open)
        .assert()
        .code(4)
        .stderr(predicate::str::contains("mode 0644"));
    assert_eq!(std::fs::read_to_string(&open).unwrap(), "A=1\n");
    kw().args(["keygen", "master", "--force", "--var", "K", "--env-file"])
        .arg(&open)
        .assert()
        .success()
        .stderr(predicate::str::contains("chmod 600"));
}

/// The one line of `text` that defines `var`, and the file with that
/// line's value swapped for `NEW`, to compare the rest byte for byte.
fn value_swapped(text: &str, var: &str) -> (String, String) {
    let line = text
        .split_inclusive('\n')
        .find(|l| l.contains(&format!("{var}=")))
        .unwrap()
        .to_string();
    (line.clone(), text.replace(&line, "NEW\n"))
}

#[test]
fn hardening_16_force_keeps_export_quotes_and_inline_comment() {
    let dir = tempfile::tempdir().unwrap();
    let original = "# app\nexport DB_URL=\"postgres://db\"\nexport JWT_SECRET=\"old\" # rotated by ops\r\nSINGLE='old'   # single\nZ=1";
    let env = write_file(dir.path(), ".env", original, 0o600);
    kw().args([
        "keygen",
        "jwt-secret",
        "--force",
        "--var",
        "JWT_SECRET",
        "--env-file",
    ])
    .arg(&env)
    .assert()
    .success();
    let text = std::fs::read_to_string(&env).unwrap();
    let (line, rest) = value_swapped(&text, "JWT_SECRET");
    let (_, old_rest) = value_swapped(original, "JWT_SECRET");
    assert_eq!(rest, old_rest, "every other byte is kept");
    let value = line
        .strip_prefix("export JWT_SECRET=\"")
        .and_then(|l| l.strip_suffix("\" # rotated by ops\r\n"))
        .unwrap_or_else(|| panic!("{line:?}"));
    assert_eq!(URL_SAFE_NO_PAD.decode(value).unwrap().len(), 64);
    // Single quotes stay single quotes.
    kw().args([
        "keygen",
        "master",
        "--force",
        "--var",
        "SINGLE",
        "--env-file",
    ])
    .arg(&env)
    .assert()
    .success();
    let text2 = std::fs::read_to_string(&env).unwrap();
    let (line, rest) = value_swapped(&text2, "SINGLE");
    assert_eq!(rest, value_swapped(&text, "SINGLE").1);
    assert!(
        line.starts_with("SINGLE='")
            && line.ends_with("'   # single\n")
            && line.len() == 8 + 64 + 13,
        "{line:?}"
    );
}

#[test]
fn hardening_16_symlink_into_another_directory_needs_force() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let original = "A=1\nK=old\n";
    let real = write_file(elsewhere.path(), "shared.env", original, 0o600);
    let link = dir.path().join(".env");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    kw().args(["keygen", "master", "--var", "NEW", "--env-file"])
        .arg(&link)
        .assert()
        .code(4)
        .stderr(
            predicate::str::contains(".env is a symlink to")
                .and(predicate::str::contains("shared.env in another directory")),
        );
    assert_eq!(std::fs::read_to_string(&real).unwrap(), original);
    // --force writes through to the target; the link stays a link.
    kw().args(["keygen", "master", "--force", "--var", "K", "--env-file"])
        .arg(&link)
        .assert()
        .success()
        .stderr(predicate::str::contains("wrote through to"));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let text = std::fs::read_to_string(&real).unwrap();
    assert!(
        text.starts_with("A=1\nK=") && text.len() == 4 + 2 + 64 + 1,
        "{text}"
    );
    assert_eq!(mode(&real), 0o600);
}

#[test]
fn hardening_16_group_or_world_readable_file_needs_force() {
    let dir = tempfile::tempdir().unwrap();
    let original = "A=1\nexport K=\"old\" # c\n";
    let env = write_file(dir.path(), ".env", original, 0o644);
    kw().args(["keygen", "master", "--force", "--var", "K", "--env-file"])
        .arg(&env)
        .assert()
        .success()
        .stderr(predicate::str::contains("mode 0644").and(predicate::str::contains("chmod 600")));
    let text = std::fs::read_to_string(&env).unwrap();
    assert_eq!(value_swapped(&text, "K").1, "A=1\nNEW\n");
    assert_eq!(mode(&env), 0o644, "the mode is the operator's to change");
    for m in [0o640, 0o604] {
        let env = write_file(dir.path(), "g.env", original, m);
        kw().args(["keygen", "master", "--var", "NEW", "--env-file"])
            .arg(&env)
            .assert()
            .code(4)
            .stderr(predicate::str::contains(format!(
                "g.env is accessible by other users (mode {m:04o})"
            )));
        assert_eq!(std::fs::read_to_string(&env).unwrap(), original);
    }
}

/// The first 8 bytes of SHA-256, as keyward's fingerprints show them.
fn fingerprint_of(bytes: &[u8]) -> String {
    use sha2::Digest;
    format!("sha256:{}", hex::encode(&sha2::Sha256::digest(bytes)[..8]))
}

/// The raw salt a service keeps (seed 000: 32 random bytes in a file):
/// exactly the bytes, mode 0600, never replaced without --force, audited,
/// its JSON without the salt, and the file a derivation reads as its salt.
#[test]
fn raw_salt_goes_to_a_private_file_as_its_bytes() {
    let store = TestStore::new();
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("salt.bin");
    let ps = p.to_str().unwrap();
    let args = [
        "keygen",
        "salt",
        "--bytes",
        "32",
        "--encoding",
        "raw",
        "--out",
        ps,
    ];
    let out = store
        .kw(&args)
        .assert()
        .success()
        .stdout("")
        .get_output()
        .clone();
    let salt = std::fs::read(&p).unwrap();
    assert_eq!(salt.len(), 32, "the bytes alone, no line end");
    assert_eq!(mode(&p), 0o600);
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err,
        format!(
            "keyward: wrote 256-bit raw salt (32 bytes) to {ps} (mode 0600), {}\n",
            fingerprint_of(&salt)
        )
    );

    // Never replaced without --force; the salt a service keeps survives.
    store.kw(&args).assert().code(4).stderr(
        predicate::str::contains(format!("{ps} already exists"))
            .and(predicate::str::contains("--force")),
    );
    assert_eq!(std::fs::read(&p).unwrap(), salt);

    // JSON describes the file, never the salt.
    let mut forced = vec!["--format", "json"];
    forced.extend(args);
    forced.push("--force");
    let doc = json_of(&mut store.kw(&forced));
    let new = std::fs::read(&p).unwrap();
    assert_ne!(new, salt);
    assert_eq!(mode(&p), 0o600);
    assert_eq!(doc["kind"], "salt");
    assert_eq!(doc["encoding"], "raw");
    assert_eq!(doc["bits"], 256);
    assert_eq!(doc["count"], 1);
    assert_eq!(doc["destination"]["type"], "file");
    assert_eq!(doc["destination"]["path"], ps);
    assert_eq!(
        doc["secrets"],
        serde_json::json!([{ "fingerprint": fingerprint_of(&new) }])
    );
    let text = doc.to_string();
    for shown in [
        hex::encode(&new),
        STANDARD.encode(&new),
        URL_SAFE_NO_PAD.encode(&new),
    ] {
        assert!(
            !text.contains(&shown[..16]),
            "the salt is in the JSON: {text}"
        );
    }
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary files"
    );
    assert_eq!(
        store.count(
            "SELECT count(*) FROM audit_log WHERE action = 'key.generate' \
             AND details LIKE '%\"encoding\":\"raw\"%'"
        ),
        2
    );

    // A derivation reads the file as the salt: the same key as from its hex.
    let derive = |salt_args: &[&str]| {
        stdout_of(
            kw().env("P", "correct horse battery staple")
                .args(["key", "derive", "--kdf", "scrypt", "--scrypt-n", "16384"])
                .args(["--passphrase-env", "P"])
                .args(salt_args),
        )
    };
    assert_eq!(
        derive(&["--salt-file", ps]),
        derive(&["--salt-hex", &hex::encode(&new)])
    );
}

/// Raw bytes go down a pipe as they are; a terminal, a dotenv file, JSON
/// on stdout and --count are refused with exit 2, nothing written.
#[test]
fn raw_salt_is_piped_but_never_printed_on_a_terminal() {
    let a = kw()
        .args(["keygen", "salt", "--bytes", "24", "--encoding", "raw"])
        .output()
        .unwrap();
    assert!(a.status.success(), "{}", all_output(&a));
    assert_eq!(a.stdout.len(), 24);
    assert!(a.stderr.is_empty());
    let b = kw()
        .args(["keygen", "salt", "--bytes", "24", "--encoding", "raw"])
        .output()
        .unwrap();
    assert_ne!(a.stdout, b.stdout);

    // On a terminal (run by `script`): refused, with the way out.
    let command = format!(
        "{} keygen salt --bytes 32 --encoding raw",
        kw_path().display()
    );
    match std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env("XDG_DATA_HOME", shared_data_home())
        .stdin(std::process::Stdio::null())
        .output()
    {
        Ok(out) => {
            let text = String::from_utf8_lossy(&out.stdout);
            assert_eq!(out.status.code(), Some(2), "{text}");
            assert!(
                text.contains("refusing to write raw salt bytes to a terminal"),
                "{text}"
            );
            assert!(text.contains("--out FILE"), "{text}");
        }
        Err(e) => missing(
            "TOOLS",
            &format!("no `script` to run keyward on a terminal ({e})"),
            "install util-linux (apt-get install bsdutils)",
        ),
    }

    let dir = tempfile::tempdir().unwrap();
    let env = dir.path().join(".env");
    let cases: [(&[&str], &str); 3] = [
        (
            &["--format", "json", "keygen", "salt", "--encoding", "raw"],
            "--format json cannot carry raw salt bytes",
        ),
        (
            &["keygen", "salt", "--encoding", "raw", "--count", "2"],
            "writes one salt, not --count 2",
        ),
        (
            &[
                "keygen",
                "salt",
                "--encoding",
                "raw",
                "--var",
                "SALT",
                "--env-file",
                env.to_str().unwrap(),
            ],
            "a dotenv file cannot hold",
        ),
    ];
    for (args, says) in cases {
        let out = kw().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", all_output(&out));
        assert!(out.stdout.is_empty(), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.starts_with("keyward: error: ") && err.contains(says),
            "{err}"
        );
    }
    assert!(!env.exists());
    // Other secrets keep their text encodings: raw is a salt's alone.
    kw().args(["keygen", "hmac-secret", "--encoding", "raw"])
        .assert()
        .code(2);
}
