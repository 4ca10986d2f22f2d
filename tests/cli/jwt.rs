//! `jwt mint | verify | inspect`.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, KeyInit, Mac};
use predicates::prelude::*;
use sha2::Sha256;

use crate::util::*;

/// 64 random characters (no placeholder: `jwt mint` refuses those).
const SECRET: &str = "Kx7Qm2Vt9Rb4Wn8Lp3Hs6Jd1Fg5Zc0YaUe2Ti7Oy4Pr9Ew3Nq6Mk1Bv8Xs5Ch0Gj";

/// An HS256 token built by hand, for claims keyward would never mint.
fn hs256(secret: &str, header: &str, claims: &str) -> String {
    hs256_bytes(secret.as_bytes(), header, claims)
}

/// The same with a key of any bytes (not necessarily text).
fn hs256_bytes(secret: &[u8], header: &str, claims: &str) -> String {
    let signing_input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header),
        URL_SAFE_NO_PAD.encode(claims)
    );
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret).unwrap();
    mac.update(signing_input.as_bytes());
    format!(
        "{signing_input}.{}",
        URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    )
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

fn mint(s: &TestStore, args: &[&str]) -> String {
    let mut a = vec!["jwt", "mint", "--secret-env", "S", "--sub", "user123"];
    a.extend_from_slice(args);
    stdout_of(s.kw(&a).env("S", SECRET)).trim().to_string()
}

fn verify(s: &TestStore, token: &str, args: &[&str]) -> assert_cmd::assert::Assert {
    let mut a = vec!["jwt", "verify", "--secret-env", "S"];
    a.extend_from_slice(args);
    s.kw(&a)
        .env("S", SECRET)
        .write_stdin(token.to_string())
        .assert()
}

/// Generates a key pair with openssl; None (and a note) when openssl is absent.
fn openssl_keypair(
    dir: &std::path::Path,
    algo: &[&str],
    name: &str,
) -> Option<(std::path::PathBuf, std::path::PathBuf)> {
    let private = dir.join(format!("{name}.pem"));
    let public = dir.join(format!("{name}.pub.pem"));
    let ok = std::process::Command::new("openssl")
        .arg("genpkey")
        .args(algo)
        .arg("-out")
        .arg(&private)
        .stderr(std::process::Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !ok {
        missing(
            "TOOLS",
            &format!("openssl is not available to make {name} keys"),
            "install it (apt-get install openssl)",
        );
        return None;
    }
    std::fs::set_permissions(
        &private,
        std::os::unix::fs::PermissionsExt::from_mode(0o600),
    )
    .unwrap();
    let ok = std::process::Command::new("openssl")
        .args(["pkey", "-pubout", "-in"])
        .arg(&private)
        .arg("-out")
        .arg(&public)
        .status()
        .unwrap();
    assert!(ok.success());
    Some((private, public))
}

#[test]
fn mint_then_verify_with_the_standard_claims() {
    let s = TestStore::new();
    let token = mint(
        &s,
        &[
            "--aud",
            "memoric",
            "--iss",
            "keyward",
            "--scope",
            "memories:read,memories:write",
            "--claim",
            "tier=3",
            "--kid",
            "k1",
        ],
    );
    let doc = json_of(
        s.kw(&["jwt", "inspect", "--format", "json"])
            .write_stdin(token.clone()),
    );
    let c = &doc["claims"];
    assert_eq!(c["sub"], "user123");
    assert_eq!(c["aud"], "memoric");
    assert_eq!(c["scope"], "memories:read memories:write");
    assert_eq!(c["tier"], 3);
    assert_eq!(doc["header"]["kid"], "k1");
    let (iat, exp) = (c["iat"].as_i64().unwrap(), c["exp"].as_i64().unwrap());
    assert_eq!(exp - iat, 3600);
    assert_eq!(c["nbf"], c["iat"]);
    assert!(c["jti"].as_str().unwrap().len() >= 22);
    verify(&s, &token, &["--aud", "memoric", "--iss", "keyward"])
        .success()
        .stdout(predicate::str::starts_with(
            "valid: HS256, sub user123, expires in",
        ));
    let v = json_of(
        s.kw(&[
            "jwt",
            "verify",
            "--format",
            "json",
            "--secret-env",
            "S",
            "--aud",
            "memoric",
        ])
        .env("S", SECRET)
        .write_stdin(token.clone()),
    );
    assert_eq!(v["valid"], true);
    assert!(v["expires_in_seconds"].as_i64().unwrap() > 3500);
    // The mint is audited by its jti, never the token.
    let rows = json_of(&mut s.kw(&["audit", "query", "--format", "json"]));
    assert_eq!(rows[0]["action"], "jwt.mint");
    assert_eq!(rows[0]["resource_id"], c["jti"]);
    assert!(!rows.to_string().contains(&token));
}

#[test]
fn verify_fails_with_the_reason() {
    let s = TestStore::new();
    let token = mint(&s, &["--aud", "memoric", "--iss", "keyward"]);
    verify(&s, &token, &["--aud", "other"])
        .code(1)
        .stdout(predicate::str::contains("audience"));
    verify(&s, &token, &["--iss", "evil"])
        .code(1)
        .stdout(predicate::str::contains("issuer"));
    s.kw(&["jwt", "verify", "--secret-env", "S"])
        .env("S", "another-secret-another-secret-another-secret-0000")
        .write_stdin(token.clone())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("signature does not match"));
    let expired = hs256(
        SECRET,
        r#"{"alg":"HS256","typ":"JWT"}"#,
        &format!(r#"{{"sub":"x","exp":{}}}"#, now() - 30),
    );
    verify(&s, &expired, &[])
        .code(1)
        .stdout(predicate::str::contains("expired"));
    verify(&s, &expired, &["--leeway", "2m"]).success();
    let future = hs256(
        SECRET,
        r#"{"alg":"HS256"}"#,
        &format!(
            r#"{{"sub":"x","nbf":{},"exp":{}}}"#,
            now() + 600,
            now() + 900
        ),
    );
    verify(&s, &future, &[])
        .code(1)
        .stdout(predicate::str::contains("not valid yet"));
    let no_exp = hs256(SECRET, r#"{"alg":"HS256"}"#, r#"{"sub":"x"}"#);
    verify(&s, &no_exp, &[])
        .code(1)
        .stdout(predicate::str::contains("no exp"));
    verify(&s, &no_exp, &["--allow-no-exp"])
        .success()
        .stdout(predicate::str::contains("never expires"));
    let none = format!(
        "{}.{}.",
        URL_SAFE_NO_PAD.encode(r#"{"alg":"none"}"#),
        URL_SAFE_NO_PAD.encode(r#"{"sub":"x","exp":9999999999}"#)
    );
    verify(&s, &none, &[])
        .code(1)
        .stdout(predicate::str::contains("alg none"));
    let hs512 = hs256(SECRET, r#"{"alg":"HS512"}"#, r#"{"sub":"x"}"#);
    verify(&s, &hs512, &["--alg", "HS256"])
        .code(1)
        .stdout(predicate::str::contains("not accepted"));
    verify(&s, "not.a-token", &[]).code(3);
    verify(&s, "abc", &[])
        .code(3)
        .stderr(predicate::str::contains("expected 3"));
}

#[test]
fn a_key_is_always_required() {
    let s = TestStore::new();
    let token = mint(&s, &[]);
    s.kw(&["jwt", "verify"])
        .write_stdin(token)
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no JWT secret given"));
}

#[test]
fn weak_secrets_are_refused_unless_allowed() {
    let s = TestStore::new();
    s.kw(&["jwt", "mint", "--secret-env", "S", "--sub", "x"])
        .env("S", "your-secret-key")
        .assert()
        .code(3)
        .stderr(predicate::str::contains("RFC 7518"));
    s.kw(&[
        "jwt",
        "mint",
        "--secret-env",
        "S",
        "--sub",
        "x",
        "--allow-weak",
    ])
    .env("S", "your-secret-key")
    .assert()
    .success()
    .stderr(predicate::str::contains("warning"));
    s.kw(&[
        "jwt",
        "mint",
        "--secret-env",
        "S",
        "--sub",
        "x",
        "--alg",
        "HS512",
    ])
    .env("S", &SECRET[..48])
    .assert()
    .code(3)
    .stderr(predicate::str::contains("HS512 needs at least 64"));
}

#[test]
fn mint_flags_are_checked() {
    let s = TestStore::new();
    let cases: &[(&[&str], &str)] = &[
        (&["--claim", "exp=1"], "cannot set 'exp'"),
        (&["--claim", "novalue"], "not k=v"),
        (&["--ttl", "0s"], "positive"),
        (&["--ttl", "forever"], "--ttl"),
        (&["--alg", "RS256"], "needs --key-file"),
    ];
    for (args, msg) in cases {
        let mut a = vec!["jwt", "mint", "--secret-env", "S", "--sub", "x"];
        a.extend_from_slice(args);
        s.kw(&a)
            .env("S", SECRET)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(*msg));
    }
}

#[test]
fn asymmetric_keys_and_algorithm_confusion() {
    let s = TestStore::new();
    let dir = tempfile::tempdir().unwrap();
    let Some((rsa, rsa_pub)) = openssl_keypair(
        dir.path(),
        &["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"],
        "rsa",
    ) else {
        return;
    };
    let (ec, ec_pub) = openssl_keypair(
        dir.path(),
        &["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"],
        "ec",
    )
    .unwrap();
    let (ed, ed_pub) = openssl_keypair(dir.path(), &["-algorithm", "ed25519"], "ed").unwrap();
    for (private, public, alg) in [
        (&rsa, &rsa_pub, "RS256"),
        (&ec, &ec_pub, "ES256"),
        (&ed, &ed_pub, "EdDSA"),
    ] {
        let token = stdout_of(&mut s.kw(&[
            "jwt",
            "mint",
            "--sub",
            "svc",
            "--key-file",
            private.to_str().unwrap(),
        ]));
        s.kw(&["jwt", "verify", "--key-file", public.to_str().unwrap()])
            .write_stdin(token.clone())
            .assert()
            .success()
            .stdout(predicate::str::contains(format!("valid: {alg}")));
    }
    let ps = stdout_of(&mut s.kw(&[
        "jwt",
        "mint",
        "--sub",
        "svc",
        "--alg",
        "PS256",
        "--key-file",
        rsa.to_str().unwrap(),
    ]));
    s.kw(&["jwt", "verify", "--key-file", rsa_pub.to_str().unwrap()])
        .write_stdin(ps)
        .assert()
        .success();

    // The classic confusion: an HS256 token whose secret is the RSA public key's PEM.
    let pem = std::fs::read_to_string(&rsa_pub).unwrap();
    let forged = hs256(
        &pem,
        r#"{"alg":"HS256"}"#,
        &format!(r#"{{"sub":"admin","exp":{}}}"#, now() + 600),
    );
    s.kw(&["jwt", "verify", "--key-file", rsa_pub.to_str().unwrap()])
        .write_stdin(forged)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("HS256 is not accepted"));

    // Wrong kinds of key file. (A private key verifies: hardening #15.)
    s.kw(&["jwt", "verify", "--key-file", rsa.to_str().unwrap()])
        .write_stdin(mint(&s, &[]))
        .assert()
        .code(1)
        .stdout(predicate::str::contains("HS256 is not accepted"));
    s.kw(&[
        "jwt",
        "mint",
        "--sub",
        "x",
        "--key-file",
        ec_pub.to_str().unwrap(),
    ])
    .assert()
    .code(3)
    .stderr(predicate::str::contains("public key"));
    s.kw(&[
        "jwt",
        "mint",
        "--sub",
        "x",
        "--alg",
        "RS256",
        "--key-file",
        ec.to_str().unwrap(),
    ])
    .assert()
    .code(2);
    std::fs::set_permissions(&ed, std::os::unix::fs::PermissionsExt::from_mode(0o644)).unwrap();
    s.kw(&[
        "jwt",
        "mint",
        "--sub",
        "x",
        "--key-file",
        ed.to_str().unwrap(),
    ])
    .assert()
    .code(4)
    .stderr(predicate::str::contains("chmod 600"));
    let junk = write_file(dir.path(), "junk.pem", "hello", 0o600);
    s.kw(&[
        "jwt",
        "mint",
        "--sub",
        "x",
        "--key-file",
        junk.to_str().unwrap(),
    ])
    .assert()
    .code(3)
    .stderr(predicate::str::contains("not a PEM"));
}

#[test]
fn jwks_chooses_the_key_by_kid() {
    let s = TestStore::new();
    let dir = tempfile::tempdir().unwrap();
    let Some((ed, ed_pub)) = openssl_keypair(dir.path(), &["-algorithm", "ed25519"], "ed") else {
        return;
    };
    let der_b64: String = std::fs::read_to_string(&ed_pub)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .collect();
    let der = base64::engine::general_purpose::STANDARD
        .decode(der_b64)
        .unwrap();
    let x = URL_SAFE_NO_PAD.encode(&der[der.len() - 32..]);
    let jwks = dir.path().join("jwks.json");
    std::fs::write(
        &jwks,
        format!(r#"{{"keys":[{{"kty":"OKP","crv":"Ed25519","x":"{x}","kid":"main","alg":"EdDSA"}},{{"kty":"oct","k":"c2VjcmV0","kid":"other"}}]}}"#),
    )
    .unwrap();
    let token = stdout_of(&mut s.kw(&[
        "jwt",
        "mint",
        "--sub",
        "svc",
        "--kid",
        "main",
        "--key-file",
        ed.to_str().unwrap(),
    ]));
    s.kw(&["jwt", "verify", "--jwks", jwks.to_str().unwrap()])
        .write_stdin(token)
        .assert()
        .success();
    let unknown = stdout_of(&mut s.kw(&[
        "jwt",
        "mint",
        "--sub",
        "svc",
        "--kid",
        "gone",
        "--key-file",
        ed.to_str().unwrap(),
    ]));
    s.kw(&["jwt", "verify", "--jwks", jwks.to_str().unwrap()])
        .write_stdin(unknown)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("no key with kid 'gone'"));
    let no_kid = stdout_of(&mut s.kw(&[
        "jwt",
        "mint",
        "--sub",
        "svc",
        "--key-file",
        ed.to_str().unwrap(),
    ]));
    s.kw(&["jwt", "verify", "--jwks", jwks.to_str().unwrap()])
        .write_stdin(no_kid)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("holds 2 keys"));
}

#[test]
fn inspect_labels_everything_unverified_and_warns() {
    let s = TestStore::new();
    let long = mint(&s, &["--ttl", "30d"]);
    let text = stdout_of(s.kw(&["jwt", "inspect"]).write_stdin(long.clone()));
    assert!(text.starts_with("UNVERIFIED"));
    assert!(text.contains("claim (UNVERIFIED)") && text.contains("more than 24 h"));
    let none = format!(
        "{}.{}.",
        URL_SAFE_NO_PAD.encode(r#"{"alg":"none"}"#),
        URL_SAFE_NO_PAD.encode(format!(r#"{{"sub":"x","iat":{}}}"#, now() + 3600))
    );
    let doc = json_of(
        s.kw(&["jwt", "inspect", "--format", "json"])
            .write_stdin(none),
    );
    assert_eq!(doc["verified"], false);
    assert_eq!(doc["label"], "UNVERIFIED");
    let w = doc["warnings"].to_string();
    assert!(
        w.contains("unsigned") && w.contains("no exp") && w.contains("iat is in the future"),
        "{w}"
    );
    s.kw(&["jwt", "inspect"])
        .write_stdin("garbage")
        .assert()
        .code(3);
    s.kw(&["jwt", "inspect", &long]).assert().success();
}

/// Hardening #1 (RFC 7519 §4.1.3): `--aud` / `--iss` make the claim
/// required; a token without it, or with it null, is invalid.
#[test]
fn hardening_1_aud_and_iss_flags_require_the_claim() {
    let s = TestStore::new();
    let exp = now() + 600;
    for claims in [
        format!(r#"{{"sub":"x","exp":{exp}}}"#),
        format!(r#"{{"sub":"x","exp":{exp},"aud":null,"iss":null}}"#),
    ] {
        let t = hs256(SECRET, r#"{"alg":"HS256"}"#, &claims);
        verify(&s, &t, &["--aud", "memoric"])
            .code(1)
            .stdout(predicate::str::contains("has no aud claim"));
        verify(&s, &t, &["--iss", "keyward"])
            .code(1)
            .stdout(predicate::str::contains("has no iss claim"));
        let out = s
            .kw(&[
                "jwt",
                "verify",
                "--secret-env",
                "S",
                "--aud",
                "memoric",
                "--format",
                "json",
            ])
            .env("S", SECRET)
            .write_stdin(t.clone())
            .assert()
            .code(1)
            .get_output()
            .stdout
            .clone();
        let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(doc["valid"], false);
        // Without the flags the same token is valid.
        verify(&s, &t, &[]).success();
    }
    // An audience list containing the expected one still passes; a wrong type fails.
    let list = hs256(
        SECRET,
        r#"{"alg":"HS256"}"#,
        &format!(r#"{{"sub":"x","exp":{exp},"aud":["a","memoric"],"iss":"keyward"}}"#),
    );
    verify(&s, &list, &["--aud", "memoric", "--iss", "keyward"]).success();
    let numeric = hs256(
        SECRET,
        r#"{"alg":"HS256"}"#,
        &format!(r#"{{"sub":"x","exp":{exp},"aud":7,"iss":8}}"#),
    );
    verify(&s, &numeric, &["--aud", "memoric"]).code(1);
    verify(&s, &numeric, &["--iss", "keyward"]).code(1);
}

/// Output of a failed `verify` (stdout and stderr) for the checks that every
/// message is in words: no Rust debug output.
fn assert_in_words(out: &std::process::Output) {
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    for debug in [
        "Error(",
        "InvalidClaimFormat",
        "Base64(",
        "Json(",
        "Invalid",
        "{",
    ] {
        assert!(!text.contains(debug), "debug output in: {text}");
    }
    assert_eq!(text.trim().lines().count(), 1, "one line: {text}");
}

/// Hardening #14: claim errors in words; a malformed token is exit 3; a
/// non-numeric exp, nbf or iat says so.
#[test]
fn hardening_14_jwt_errors_in_words() {
    let s = TestStore::new();
    let exp = now() + 600;
    for (claims, says) in [
        (
            r#"{"sub":"x","exp":"tomorrow"}"#.to_string(),
            "the exp claim is not a number",
        ),
        (
            format!(r#"{{"sub":"x","exp":{exp},"nbf":"soon"}}"#),
            "the nbf claim is not a number",
        ),
        (
            format!(r#"{{"sub":"x","exp":{exp},"iat":[1]}}"#),
            "the iat claim is not a number",
        ),
        (r#"{"sub":"x","exp":-5}"#.to_string(), "has expired"),
    ] {
        let t = hs256(SECRET, r#"{"alg":"HS256"}"#, &claims);
        let out = verify(&s, &t, &[])
            .code(1)
            .stdout(predicate::str::contains(says))
            .get_output()
            .clone();
        assert_in_words(&out);
        // The string exp is not "missing", even with --allow-no-exp.
        if says.contains("exp claim") {
            verify(&s, &t, &["--allow-no-exp"])
                .code(1)
                .stdout(predicate::str::contains(says));
        }
    }
    // Malformed tokens: exit 3, "not a JWT: ...".
    let good = hs256(
        SECRET,
        r#"{"alg":"HS256"}"#,
        &format!(r#"{{"sub":"x","exp":{exp}}}"#),
    );
    let (head, rest) = good.split_once('.').unwrap();
    let (body, _sig) = rest.split_once('.').unwrap();
    let padded_header = format!("{}=", URL_SAFE_NO_PAD.encode(r#"{"alg":"HS256" }"#));
    let kid_number = hs256(
        SECRET,
        r#"{"alg":"HS256","kid":5}"#,
        &format!(r#"{{"sub":"x","exp":{exp}}}"#),
    );
    let twice = hs256(
        SECRET,
        r#"{"alg":"HS256"}"#,
        &format!(r#"{{"sub":"x","exp":1,"exp":{exp}}}"#),
    );
    for (token, says) in [
        (
            format!("{head}.{body}.not*base64"),
            "the signature is not base64url",
        ),
        (
            format!("{padded_header}.{body}.AAAA"),
            "the header is padded base64url",
        ),
        (kid_number, "the header's kid is malformed"),
        (twice, "the claims has the member \"exp\" twice"),
    ] {
        let out = verify(&s, &token, &[])
            .code(3)
            .stderr(predicate::str::contains(format!("not a JWT: {says}")))
            .get_output()
            .clone();
        assert_in_words(&out);
    }
    // inspect reads the duplicate the same way: malformed.
    s.kw(&["jwt", "inspect"])
        .write_stdin(hs256(SECRET, r#"{"alg":"HS256","alg":"none"}"#, "{}"))
        .assert()
        .code(3)
        .stderr(predicate::str::contains("twice"));
}

/// Hardening #15 (RFC 7515 §4.1.11): a critical extension keyward does not
/// understand, or a `crit` that is not a non-empty array of names, makes
/// the token invalid.
#[test]
fn hardening_15_unknown_critical_extensions_are_refused() {
    let s = TestStore::new();
    let claims = format!(r#"{{"sub":"x","exp":{}}}"#, now() + 600);
    let t = hs256(
        SECRET,
        r#"{"alg":"HS256","crit":["http://example.com/x","b64"],"b64":false}"#,
        &claims,
    );
    verify(&s, &t, &[]).code(1).stdout(predicate::str::contains(
        "the token's header lists critical extension(s) keyward does not understand: \"http://example.com/x\", \"b64\"",
    ));
    for crit in [r#""b64""#, "[]", "[1]", "null", "{}"] {
        let t = hs256(
            SECRET,
            &format!(r#"{{"alg":"HS256","crit":{crit}}}"#),
            &claims,
        );
        verify(&s, &t, &[])
            .code(1)
            .stdout(predicate::str::contains("malformed crit"));
    }
    // Without crit the same token is valid.
    verify(
        &s,
        &hs256(SECRET, r#"{"alg":"HS256","b64":false}"#, &claims),
        &[],
    )
    .success();
}

/// Hardening #15 (RFC 7519 §2, NumericDate may have a fraction): a float
/// exp is a time, not "never expires"; nbf and iat likewise; inspect shows
/// them as dates.
#[test]
fn hardening_15_fractional_times() {
    let s = TestStore::new();
    let soon = now() + 600;
    for exp in [format!("{soon}.5"), format!("{}e3", soon as f64 / 1000.0)] {
        let t = hs256(
            SECRET,
            r#"{"alg":"HS256"}"#,
            &format!(r#"{{"sub":"x","iat":{}.25,"exp":{exp}}}"#, now()),
        );
        verify(&s, &t, &[]).success().stdout(
            predicate::str::contains("expires in 9m")
                .or(predicate::str::contains("expires in 10m")),
        );
        let doc = json_of(
            s.kw(&["jwt", "verify", "--secret-env", "S", "--format", "json"])
                .env("S", SECRET)
                .write_stdin(t.clone()),
        );
        assert!(
            (590..=601).contains(&doc["expires_in_seconds"].as_i64().unwrap()),
            "{doc}"
        );
        let doc = json_of(
            s.kw(&["jwt", "inspect", "--format", "json"])
                .write_stdin(t.clone()),
        );
        assert!(
            doc["times"]["exp"].as_str().unwrap().ends_with('Z'),
            "{doc}"
        );
        assert!(
            doc["times"]["iat"].as_str().unwrap().ends_with(".250Z"),
            "{doc}"
        );
        assert!(
            !doc["warnings"].to_string().contains("never expires"),
            "{doc}"
        );
        let text = stdout_of(s.kw(&["jwt", "inspect"]).write_stdin(t));
        assert!(
            text.contains("(in 9m") || text.contains("(in 10m"),
            "{text}"
        );
    }
    let past = hs256(
        SECRET,
        r#"{"alg":"HS256"}"#,
        &format!(r#"{{"sub":"x","exp":{}.5}}"#, now() - 100),
    );
    verify(&s, &past, &[])
        .code(1)
        .stdout(predicate::str::contains("has expired"));
    let later = hs256(
        SECRET,
        r#"{"alg":"HS256"}"#,
        &format!(
            r#"{{"sub":"x","nbf":{}.5,"exp":{}}}"#,
            now() + 300,
            now() + 900
        ),
    );
    verify(&s, &later, &[])
        .code(1)
        .stdout(predicate::str::contains("not valid yet"));
    // inspect names a non-numeric exp for what it is.
    let words = hs256(SECRET, r#"{"alg":"HS256"}"#, r#"{"exp":"tomorrow"}"#);
    let doc = json_of(
        s.kw(&["jwt", "inspect", "--format", "json"])
            .write_stdin(words),
    );
    let w = doc["warnings"].to_string();
    assert!(
        w.contains("the exp claim is not a number") && !w.contains("no exp"),
        "{w}"
    );
}

/// Hardening #15: `--key-file` with a private key verifies, as its help
/// says: the public key is derived from it (PKCS#8, PKCS#1 and SEC1).
#[test]
fn hardening_15_verify_with_a_private_key() {
    let s = TestStore::new();
    let dir = tempfile::tempdir().unwrap();
    let Some((rsa, _)) = openssl_keypair(
        dir.path(),
        &["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"],
        "rsa",
    ) else {
        return;
    };
    let (ec, _) = openssl_keypair(
        dir.path(),
        &["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"],
        "ec",
    )
    .unwrap();
    let (ec384, _) = openssl_keypair(
        dir.path(),
        &["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"],
        "ec384",
    )
    .unwrap();
    let (ed, _) = openssl_keypair(dir.path(), &["-algorithm", "ed25519"], "ed").unwrap();
    // The traditional forms: PKCS#1 for RSA, SEC1 for EC.
    let traditional = |from: &std::path::Path, cmd: &str, name: &str| {
        let out = dir.path().join(name);
        let ok = std::process::Command::new("openssl")
            .args([cmd, "-traditional", "-in"])
            .arg(from)
            .arg("-out")
            .arg(&out)
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap()
            .success()
            || std::process::Command::new("openssl")
                .args([cmd, "-in"])
                .arg(from)
                .arg("-out")
                .arg(&out)
                .status()
                .unwrap()
                .success();
        assert!(ok);
        std::fs::set_permissions(&out, std::os::unix::fs::PermissionsExt::from_mode(0o600))
            .unwrap();
        out
    };
    let rsa1 = traditional(&rsa, "rsa", "rsa1.pem");
    let sec1 = traditional(&ec, "ec", "sec1.pem");
    assert!(
        std::fs::read_to_string(&rsa1)
            .unwrap()
            .contains("BEGIN RSA PRIVATE KEY")
    );
    assert!(
        std::fs::read_to_string(&sec1)
            .unwrap()
            .contains("BEGIN EC PRIVATE KEY")
    );
    for (private, verifier, alg) in [
        (&rsa, &rsa, "RS256"),
        (&rsa, &rsa1, "RS256"),
        (&ec, &ec, "ES256"),
        (&ec, &sec1, "ES256"),
        (&ec384, &ec384, "ES384"),
        (&ed, &ed, "EdDSA"),
    ] {
        let token = stdout_of(&mut s.kw(&[
            "jwt",
            "mint",
            "--sub",
            "svc",
            "--key-file",
            private.to_str().unwrap(),
        ]));
        s.kw(&["jwt", "verify", "--key-file", verifier.to_str().unwrap()])
            .write_stdin(token.clone())
            .assert()
            .success()
            .stdout(predicate::str::contains(format!("valid: {alg}")));
    }
    // Another key of the same kind does not verify.
    let (ed2, _) = openssl_keypair(dir.path(), &["-algorithm", "ed25519"], "ed2").unwrap();
    let token = stdout_of(&mut s.kw(&[
        "jwt",
        "mint",
        "--sub",
        "svc",
        "--key-file",
        ed.to_str().unwrap(),
    ]));
    s.kw(&["jwt", "verify", "--key-file", ed2.to_str().unwrap()])
        .write_stdin(token)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("signature does not match"));
}

/// Hardening #15: `--secret-encoding text|base64|base64url|hex` for HS
/// secrets that are not text (a JWK's `k`, a base64 secret).
#[test]
fn hardening_15_secret_encodings() {
    let s = TestStore::new();
    // 48 random-looking bytes, most of them not UTF-8 text.
    let raw: Vec<u8> = (0u8..48)
        .map(|i| i.wrapping_mul(151).wrapping_add(0x80))
        .collect();
    assert!(std::str::from_utf8(&raw).is_err());
    let claims = format!(r#"{{"sub":"bytes","exp":{}}}"#, now() + 600);
    let token = hs256_bytes(&raw, r#"{"alg":"HS256"}"#, &claims);
    let b64 = base64::engine::general_purpose::STANDARD.encode(&raw);
    let b64url = URL_SAFE_NO_PAD.encode(&raw);
    let hex: String = raw.iter().map(|b| format!("{b:02x}")).collect();
    let check = |encoding: &str, secret: &str| {
        s.kw(&[
            "jwt",
            "verify",
            "--secret-env",
            "S",
            "--secret-encoding",
            encoding,
        ])
        .env("S", secret)
        .write_stdin(token.clone())
        .assert()
    };
    check("base64", &b64)
        .success()
        .stdout(predicate::str::contains("sub bytes"));
    check("base64url", &b64url).success();
    check("hex", &hex).success();
    check("base64", &format!("{b64}\n")).success();
    // As text, the base64 form is another key.
    check("text", &b64)
        .code(1)
        .stdout(predicate::str::contains("signature does not match"));
    // A bad encoding says so, without the secret.
    for (encoding, secret) in [
        ("base64", "not base64!"),
        ("hex", "abc"),
        ("base64url", "a+b/"),
    ] {
        check(encoding, secret)
            .code(3)
            .stderr(predicate::str::contains(format!(
                "the JWT secret is not valid {encoding}"
            )))
            .stderr(predicate::str::contains(secret).not());
    }
    // Mint decodes the same way: the token verifies with the raw bytes.
    let minted = stdout_of(
        s.kw(&[
            "jwt",
            "mint",
            "--secret-env",
            "S",
            "--secret-encoding",
            "hex",
            "--sub",
            "m",
        ])
        .env("S", &hex),
    );
    let minted = minted.trim();
    let (input, sig) = minted.rsplit_once('.').unwrap();
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&raw).unwrap();
    mac.update(input.as_bytes());
    assert_eq!(URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes()), sig);
    // The length rules count the decoded bytes: 16 bytes are too few for HS256.
    s.kw(&[
        "jwt",
        "mint",
        "--secret-env",
        "S",
        "--secret-encoding",
        "hex",
        "--sub",
        "m",
    ])
    .env("S", &hex[..32])
    .assert()
    .code(3)
    .stderr(predicate::str::contains("the secret is 16 bytes"));
    // Not with a PEM key or a JWKS.
    s.kw(&[
        "jwt",
        "verify",
        "--key-file",
        "k.pem",
        "--secret-encoding",
        "hex",
    ])
    .write_stdin(token.clone())
    .assert()
    .code(2);
    s.kw(&[
        "jwt",
        "verify",
        "--jwks",
        "j.json",
        "--secret-encoding",
        "hex",
    ])
    .write_stdin(token.clone())
    .assert()
    .code(2);
}

/// Hardening #15: verifying with an HS secret shorter than RFC 7518 §3.2
/// allows warns on stderr, and still verifies.
#[test]
fn hardening_15_short_secrets_warn_on_verify() {
    let s = TestStore::new();
    let claims = format!(r#"{{"sub":"x","exp":{}}}"#, now() + 600);
    let short = "Zq3kVh9w2Lr8Tn5X"; // 16 bytes
    let t = hs256(short, r#"{"alg":"HS256"}"#, &claims);
    s.kw(&["jwt", "verify", "--secret-env", "S"])
        .env("S", short)
        .write_stdin(t)
        .assert()
        .success()
        .stdout(predicate::str::contains("valid: HS256"))
        .stderr(predicate::str::contains(
            "warning: the secret is 16 bytes; HS256 needs at least 32",
        ))
        .stderr(predicate::str::contains(short).not());
    // 48 bytes are enough for HS256 and HS384, too few for HS512.
    let t = hs256(SECRET, r#"{"alg":"HS256"}"#, &claims);
    s.kw(&["jwt", "verify", "--secret-env", "S"])
        .env("S", &SECRET[..48])
        .write_stdin(t)
        .assert()
        .code(1)
        .stderr(predicate::str::is_empty());
    let t = hs256(&SECRET[..48], r#"{"alg":"HS512"}"#, &claims);
    s.kw(&["jwt", "verify", "--secret-env", "S", "--alg", "HS512"])
        .env("S", &SECRET[..48])
        .write_stdin(t)
        .assert()
        .stderr(predicate::str::contains("HS512 needs at least 64"));
}

/// Hardening #15: `jwt mint` refuses the secrets the config rules know as
/// placeholders or samples, like a short one (`--allow-weak` overrides).
#[test]
fn hardening_15_placeholder_secrets_are_refused() {
    let s = TestStore::new();
    for placeholder in [
        "your-jwt-secret-key-here-minimum-32-characters",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "change-this-to-a-long-random-string-in-production",
    ] {
        s.kw(&["jwt", "mint", "--secret-env", "S", "--sub", "x"])
            .env("S", placeholder)
            .assert()
            .code(3)
            .stderr(predicate::str::contains(
                "the secret is a known placeholder",
            ))
            .stderr(predicate::str::contains("--allow-weak"))
            .stderr(predicate::str::contains(placeholder).not());
        let token = stdout_of(
            s.kw(&[
                "jwt",
                "mint",
                "--secret-env",
                "S",
                "--sub",
                "x",
                "--allow-weak",
            ])
            .env("S", placeholder),
        );
        // Verify does not judge the secret: old tokens keep verifying.
        s.kw(&["jwt", "verify", "--secret-env", "S"])
            .env("S", placeholder)
            .write_stdin(token.trim().to_string())
            .assert()
            .success();
    }
    s.kw(&[
        "jwt",
        "mint",
        "--secret-env",
        "S",
        "--sub",
        "x",
        "--allow-weak",
    ])
    .env("S", "your-jwt-secret-key-here-minimum-32-characters")
    .assert()
    .success()
    .stderr(predicate::str::contains(
        "warning: the secret is a known placeholder",
    ));
}

/// Hardening #15: `--scopes-claim NAME` and `--scopes-as list|string` for
/// services that read another claim or a list (seed 002 reads `scopes`).
#[test]
fn hardening_15_scopes_claim_and_form() {
    let s = TestStore::new();
    let claims_of = |token: &str| {
        json_of(
            s.kw(&["jwt", "inspect", "--format", "json"])
                .write_stdin(token.to_string()),
        )["claims"]
            .clone()
    };
    // The default is unchanged: one space-separated `scope` string.
    let c = claims_of(&mint(&s, &["--scope", "a,b"]));
    assert_eq!(c["scope"], "a b");
    let c = claims_of(&mint(
        &s,
        &[
            "--scope",
            "memories:read,memories:write",
            "--scopes-claim",
            "scopes",
            "--scopes-as",
            "list",
        ],
    ));
    assert_eq!(
        c["scopes"],
        serde_json::json!(["memories:read", "memories:write"])
    );
    assert!(c.get("scope").is_none(), "{c}");
    let c = claims_of(&mint(&s, &["--scope", "a", "--scopes-as", "list"]));
    assert_eq!(c["scope"], serde_json::json!(["a"]));
    let c = claims_of(&mint(&s, &["--scope", "a,b", "--scopes-claim", "scp"]));
    assert_eq!(c["scp"], "a b");
    let cases: &[(&[&str], &str)] = &[
        (&["--scopes-claim", "scopes"], "--scope"),
        (&["--scopes-as", "list"], "--scope"),
        (
            &["--scope", "a", "--scopes-claim", "exp"],
            "registered claim",
        ),
        (
            &["--scope", "a", "--scopes-claim", ""],
            "needs a claim name",
        ),
        (
            &[
                "--scope",
                "a",
                "--scopes-claim",
                "scopes",
                "--claim",
                "scopes=x",
            ],
            "--claim sets 'scopes'",
        ),
        (&["--scope", "a", "--scopes-as", "set"], "--scopes-as"),
    ];
    for (args, msg) in cases {
        let mut a = vec!["jwt", "mint", "--secret-env", "S", "--sub", "x"];
        a.extend_from_slice(args);
        s.kw(&a)
            .env("S", SECRET)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(*msg));
    }
}

/// `jwt verify --at TIME` judges exp and nbf at another moment, as `cert
/// check --at` does (issue #16): no test needs to wait for a token to expire.
#[test]
fn verify_at_judges_the_times_at_another_moment() {
    let s = TestStore::new();
    let (nbf, exp) = (now() + 600, now() + 1200);
    let t = hs256(
        SECRET,
        r#"{"alg":"HS256"}"#,
        &format!(r#"{{"sub":"x","nbf":{nbf},"exp":{exp}}}"#),
    );
    verify(&s, &t, &[])
        .code(1)
        .stdout(predicate::str::contains("not valid yet"));
    verify(&s, &t, &["--at", "15m"])
        .success()
        .stdout(predicate::str::contains("valid: HS256"));
    verify(&s, &t, &["--at", "1h"])
        .code(1)
        .stdout(predicate::str::contains("expired"));
    let at = time::OffsetDateTime::from_unix_timestamp(nbf + 60)
        .unwrap()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    let doc = json_of(
        s.kw(&[
            "jwt",
            "verify",
            "--secret-env",
            "S",
            "--at",
            &at,
            "--format",
            "json",
        ])
        .env("S", SECRET)
        .write_stdin(t.clone()),
    );
    assert_eq!(doc["valid"], true);
    assert_eq!(doc["expires_in_seconds"], exp - nbf - 60);
    verify(&s, &t, &["--at", "tomorrow-ish"])
        .code(2)
        .stderr(predicate::str::contains("--at"));
}
