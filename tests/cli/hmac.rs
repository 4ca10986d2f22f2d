//! `keygen hmac-secret` and `hmac sign | verify`: RFC 4231's vectors end to
//! end, bad signatures and inputs, and Python's `hmac` both ways.

use crate::util::*;

// RFC 4231, test case 2.
const JEFE_SHA256: &str = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
const JEFE_BODY: &str = "what do ya want for nothing?";

fn secret() -> String {
    stdout_of(kw().args(["keygen", "hmac-secret"]))
        .trim()
        .to_string()
}

#[test]
fn hmac_secrets_are_32_bytes_or_more() {
    let s = secret();
    assert_eq!(s.len(), 64);
    assert!(s.bytes().all(|b| b.is_ascii_hexdigit()));
    let b = stdout_of(kw().args([
        "keygen",
        "hmac-secret",
        "--bytes",
        "48",
        "--encoding",
        "base64",
    ]));
    assert_eq!(b.trim().len(), 64);
    let out = kw()
        .args(["keygen", "hmac-secret", "--bytes", "16"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("at least 32"));
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("hmac.key");
    let out = kw()
        .args(["keygen", "hmac-secret", "--out"])
        .arg(&f)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    assert_eq!(mode(&f), 0o600);
    let doc = json_of(kw().args(["--format", "json", "keygen", "hmac-secret"]));
    assert_eq!(doc["kind"], "hmac-secret");
    assert_eq!(doc["bits"], 256);
    assert_eq!(doc["text_bytes"], 64);
}

#[test]
fn rfc4231_vector_end_to_end() {
    let out = kw()
        .args(["hmac", "sign", "--secret-env", "S"])
        .env("S", "Jefe")
        .write_stdin(JEFE_BODY)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), JEFE_SHA256);
    // A 4-byte secret is legal HMAC but weak: a warning, never the secret.
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("4 bytes") && !err.contains("Jefe"), "{err}");
    let sha512 = stdout_of(
        kw().args(["hmac", "sign", "--secret-env", "S", "--algo", "sha512"])
            .env("S", "Jefe")
            .write_stdin(JEFE_BODY),
    );
    assert!(
        sha512.starts_with("164b7a7bfcf819e2e395fbe73b56e0a3"),
        "{sha512}"
    );
    for sig in [
        JEFE_SHA256.to_string(),
        JEFE_SHA256.to_uppercase(),
        format!("sha256={JEFE_SHA256}"),
    ] {
        kw().args(["hmac", "verify", "--secret-env", "S", "--signature", &sig])
            .env("S", "Jefe")
            .write_stdin(JEFE_BODY)
            .assert()
            .code(0);
    }
}

#[test]
fn verify_fails_on_any_change() {
    let s = secret();
    let body = "{\"event\":\"memory.created\",\"id\":42}";
    let sig = stdout_of(
        kw().args(["hmac", "sign", "--secret-env", "S"])
            .env("S", &s)
            .write_stdin(body),
    );
    let check = |body: &str, sig: &str, secret: &str| {
        kw().args(["hmac", "verify", "--secret-env", "S", "--signature", sig])
            .env("S", secret)
            .write_stdin(body.to_string())
            .output()
            .unwrap()
    };
    let ok = check(body, sig.trim(), &s);
    assert_eq!(ok.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&ok.stdout).starts_with("valid"));
    let tampered = check("{\"event\":\"memory.created\",\"id\":43}", sig.trim(), &s);
    assert_eq!(tampered.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&tampered.stdout).contains("does not match"));
    let other_secret = secret();
    assert_eq!(
        check(body, sig.trim(), &other_secret).status.code(),
        Some(1)
    );
    let short = check(body, &sig.trim()[..62], &s);
    assert_eq!(short.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&short.stdout).contains("31 bytes"));
    // Not hex at all: a bad flag value.
    let bad = check(body, "zz-not-hex", &s);
    assert_eq!(bad.status.code(), Some(2));
    for out in [&ok, &tampered, &short, &bad] {
        assert!(!all_output(out).contains(&s));
    }
}

/// A url-safe base64 signature can start with `-` (one in 64 does): it is
/// the value of --signature, not a flag (exit 1 for a mismatch, never 2).
#[test]
fn a_signature_starting_with_a_dash_is_a_value() {
    let dir = tempfile::tempdir().unwrap();
    let body = write_file(dir.path(), "body.bin", "hello\n", 0o644);
    kw().args([
        "hmac",
        "verify",
        "--secret-env",
        "S",
        "--encoding",
        "base64",
        "--signature",
        "-QskZW3Y5DXjiZ-mGWMYfbWXleLOnarMvpApXPTj5E4",
        "--in",
    ])
    .arg(&body)
    .env("S", secret())
    .assert()
    .code(1);
}

#[test]
fn base64_files_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let s = secret();
    let body = write_file(dir.path(), "body.bin", "line one\r\nline two\n", 0o644);
    let doc = json_of(
        kw().args([
            "--format",
            "json",
            "hmac",
            "sign",
            "--secret-env",
            "S",
            "--encoding",
            "base64",
            "--algo",
            "sha512",
            "--in",
        ])
        .arg(&body)
        .env("S", &s),
    );
    assert_eq!(doc["algorithm"], "hmac-sha512");
    assert_eq!(doc["body_bytes"], 19);
    let sig = doc["signature"].as_str().unwrap().to_string();
    assert!(sig.ends_with("=="));
    let url_safe = sig
        .trim_end_matches('=')
        .replace('+', "-")
        .replace('/', "_");
    for given in [sig.as_str(), url_safe.as_str()] {
        let v = json_of(
            kw().args([
                "--format",
                "json",
                "hmac",
                "verify",
                "--secret-env",
                "S",
                "--encoding",
                "base64",
                "--algo",
                "sha512",
                "--signature",
                given,
                "--in",
            ])
            .arg(&body)
            .env("S", &s),
        );
        assert_eq!(v["valid"], true);
    }
    let v = json_with_code(
        kw().args([
            "--format",
            "json",
            "hmac",
            "verify",
            "--secret-env",
            "S",
            "--encoding",
            "base64",
            "--signature",
            &sig,
            "--in",
        ])
        .arg(&body)
        .env("S", &s),
        1,
    );
    assert_eq!(v["valid"], false);
    assert!(v["reason"].as_str().unwrap().contains("64 bytes"));
    // A secret file, private; a missing body file; no secret at all.
    let sf = write_file(dir.path(), "secret", &format!("{s}\n"), 0o600);
    let from_file = stdout_of(
        kw().args(["hmac", "sign", "--secret-file"])
            .arg(&sf)
            .arg("--in")
            .arg(&body),
    );
    let from_env = stdout_of(
        kw().args(["hmac", "sign", "--secret-env", "S", "--in"])
            .arg(&body)
            .env("S", &s),
    );
    assert_eq!(from_file, from_env);
    let out = kw()
        .args(["hmac", "sign", "--secret-env", "S", "--in"])
        .arg(dir.path().join("missing"))
        .env("S", &s)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    let out = kw()
        .args(["hmac", "sign", "--secret-env", "UNSET_SECRET_VAR"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let out = kw().args(["hmac", "sign"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = kw()
        .args(["hmac", "sign", "--secret-env", "S", "--algo", "md5"])
        .env("S", &s)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn python_hmac_agrees_both_ways() {
    let Some(py) = python_with("hmac") else {
        return;
    };
    let s = secret();
    let dir = tempfile::tempdir().unwrap();
    let mut body = Vec::new();
    for i in 0..5000u32 {
        body.extend_from_slice(&i.to_le_bytes());
    }
    let path = dir.path().join("body.bin");
    std::fs::write(&path, &body).unwrap();
    for (algo, encoding) in [("sha256", "hex"), ("sha512", "base64")] {
        let ours = stdout_of(
            kw().args([
                "hmac",
                "sign",
                "--secret-env",
                "S",
                "--algo",
                algo,
                "--encoding",
                encoding,
                "--in",
            ])
            .arg(&path)
            .env("S", &s),
        );
        let theirs = python_out(
            &py,
            "import base64,hashlib,hmac,os,sys\nd=hmac.new(os.environ['S'].encode(), open(sys.argv[1],'rb').read(), getattr(hashlib, sys.argv[2])).digest()\nprint(d.hex() if sys.argv[3]=='hex' else base64.b64encode(d).decode())",
            &[path.to_str().unwrap(), algo, encoding],
            &[("S", &s)],
        );
        assert_eq!(ours, theirs, "{algo}");
        kw().args([
            "hmac",
            "verify",
            "--secret-env",
            "S",
            "--algo",
            algo,
            "--encoding",
            encoding,
            "--signature",
            theirs.trim(),
            "--in",
        ])
        .arg(&path)
        .env("S", &s)
        .assert()
        .code(0);
    }
}
