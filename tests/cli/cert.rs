//! `cert create | ca create | inspect | check`, with real TLS handshakes on 127.0.0.1.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use predicates::prelude::*;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName};

use crate::util::*;

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/certs")
        .join(name)
}

/// `cert create` into `dir`, returning (cert, key).
fn create(s: &TestStore, dir: &Path, name: &str, args: &[&str]) -> (PathBuf, PathBuf) {
    let cert = dir.join(format!("{name}.pem"));
    let key = dir.join(format!("{name}-key.pem"));
    let mut a = vec!["cert", "create"];
    a.extend_from_slice(args);
    s.kw(&a)
        .arg("--out")
        .arg(&cert)
        .arg("--key-out")
        .arg(&key)
        .assert()
        .success();
    (cert, key)
}

fn dev_ca(s: &TestStore, dir: &Path, args: &[&str]) -> (PathBuf, PathBuf) {
    let cert = dir.join("ca.pem");
    let key = dir.join("ca-key.pem");
    let mut a = vec!["cert", "ca", "create", "--cn", "keyward test CA"];
    a.extend_from_slice(args);
    s.kw(&a)
        .arg("--out")
        .arg(&cert)
        .arg("--key-out")
        .arg(&key)
        .assert()
        .success();
    (cert, key)
}

fn inspect(s: &TestStore, path: &Path) -> serde_json::Value {
    json_of(s.kw(&["cert", "inspect", "--format", "json"]).arg(path))
}

/// A TLS server on 127.0.0.1 serving `chain` with `key` for `connections` handshakes.
fn tls_server(chain: &Path, key: &Path, connections: usize) -> (u16, std::thread::JoinHandle<()>) {
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(chain)
        .unwrap()
        .map(|c| c.unwrap())
        .collect();
    let key = PrivateKeyDer::from_pem_file(key).unwrap();
    let config = Arc::new(
        rustls::ServerConfig::builder()
            .with_no_client_auth()
            .with_single_cert(certs, key)
            .unwrap(),
    );
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let handle = std::thread::spawn(move || {
        for stream in listener.incoming().take(connections) {
            let mut tcp = stream.unwrap();
            tcp.set_read_timeout(Some(std::time::Duration::from_secs(10)))
                .unwrap();
            let mut conn = rustls::ServerConnection::new(config.clone()).unwrap();
            while conn.is_handshaking() {
                if conn.complete_io(&mut tcp).is_err() {
                    break;
                }
            }
            let _ = conn.writer().write_all(b"hello from keyward's test server");
            let _ = conn.complete_io(&mut tcp);
        }
    });
    (port, handle)
}

#[test]
fn create_defaults_to_a_p256_server_certificate_for_365_days() {
    let s = TestStore::new();
    let dir = tempfile::tempdir().unwrap();
    let (cert, key) = create(
        &s,
        dir.path(),
        "leaf",
        &[
            "--san",
            "api.test",
            "--san",
            "10.0.0.7",
            "--san",
            "::1",
            "--san",
            "*.svc.test",
        ],
    );
    assert_eq!(mode(&key), 0o600);
    assert_eq!(mode(&cert), 0o644);
    let doc = inspect(&s, &cert);
    let c = &doc[0];
    assert_eq!(c["subject"], "CN=api.test");
    assert_eq!(c["key_type"], "EC P-256");
    assert_eq!(c["extended_key_usage"], serde_json::json!(["serverAuth"]));
    assert_eq!(c["is_ca"], false);
    assert_eq!(c["self_issued"], true);
    let days = c["days_left"].as_i64().unwrap();
    assert!(
        days == 364 || days == 365,
        "365 days of validity, checked a moment later: {days}"
    );
    let sans: Vec<String> = c["sans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            format!(
                "{}:{}",
                x["type"].as_str().unwrap(),
                x["value"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        sans,
        vec!["dns:api.test", "ip:10.0.0.7", "ip:::1", "dns:*.svc.test"]
    );
    // The key is PKCS#8 and the certificate is what openssl expects.
    assert!(
        std::fs::read_to_string(&key)
            .unwrap()
            .starts_with("-----BEGIN PRIVATE KEY-----")
    );
    if let Ok(out) = std::process::Command::new("openssl")
        .args(["x509", "-noout", "-text", "-in"])
        .arg(&cert)
        .output()
    {
        assert!(out.status.success());
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("DNS:api.test")
                && text.contains("IP Address:10.0.0.7")
                && text.contains("TLS Web Server Authentication"),
            "{text}"
        );
    } else {
        missing(
            "TOOLS",
            "openssl is not installed, so its parse of the certificate cannot be checked",
            "install it (apt-get install openssl)",
        );
    }
    // Audited by serial, with the files, never the key.
    let rows = json_of(&mut s.kw(&["audit", "query", "--format", "json"]));
    assert_eq!(rows[0]["action"], "cert.create");
    assert_eq!(rows[0]["resource_id"], c["serial"]);
}

#[test]
fn every_key_type_and_usage() {
    let s = TestStore::new();
    let dir = tempfile::tempdir().unwrap();
    for (kt, expect) in [
        ("ecdsa-p384", "EC P-384"),
        ("ed25519", "Ed25519"),
        ("rsa-2048", "RSA"),
        ("rsa-3072", "RSA"),
        ("rsa-4096", "RSA"),
    ] {
        let (cert, _) = create(
            &s,
            dir.path(),
            kt,
            &["--cn", "kt.test", "--key-type", kt, "--client"],
        );
        let c = &inspect(&s, &cert)[0];
        assert_eq!(c["key_type"], expect, "{kt}");
        assert_eq!(c["extended_key_usage"], serde_json::json!(["clientAuth"]));
        if kt.starts_with("rsa") {
            assert_eq!(c["key_bits"], kt[4..].parse::<u64>().unwrap());
            assert!(c["key_usage"].to_string().contains("Key Encipherment"));
        }
    }
    let (both, _) = create(
        &s,
        dir.path(),
        "both",
        &["--cn", "b.test", "--server", "--client"],
    );
    assert_eq!(
        inspect(&s, &both)[0]["extended_key_usage"],
        serde_json::json!(["serverAuth", "clientAuth"])
    );
    s.kw(&[
        "cert",
        "create",
        "--cn",
        "x.test",
        "--key-type",
        "dsa",
        "--out",
        "/tmp/x",
    ])
    .assert()
    .code(2);
}

#[test]
fn validity_limits_warn_and_bad_values_fail() {
    let s = TestStore::new();
    let dir = tempfile::tempdir().unwrap();
    let out = |n: &str| dir.path().join(n);
    s.kw(&["cert", "create", "--cn", "a.test", "--days", "400"])
        .arg("--out")
        .arg(out("a.pem"))
        .arg("--key-out")
        .arg(out("a.key"))
        .assert()
        .success()
        .stderr(predicate::str::contains("398"));
    s.kw(&["cert", "create", "--cn", "b.test", "--days", "900"])
        .arg("--out")
        .arg(out("b.pem"))
        .arg("--key-out")
        .arg(out("b.key"))
        .assert()
        .success()
        .stderr(predicate::str::contains("825"));
    s.kw(&["cert", "create", "--cn", "c.test", "--days", "1"])
        .arg("--out")
        .arg(out("c.pem"))
        .arg("--key-out")
        .arg(out("c.key"))
        .assert()
        .success()
        .stderr(predicate::str::contains("warning").not());
    s.kw(&["cert", "create", "--cn", "d.test", "--days", "0"])
        .arg("--out")
        .arg(out("d.pem"))
        .arg("--key-out")
        .arg(out("d.key"))
        .assert()
        .code(2);
    s.kw(&[
        "cert",
        "create",
        "--cn",
        "e.test",
        "--not-before",
        "2026-02-01",
        "--not-after",
        "2026-01-01",
    ])
    .arg("--out")
    .arg(out("e.pem"))
    .arg("--key-out")
    .arg(out("e.key"))
    .assert()
    .code(2);
    s.kw(&[
        "cert",
        "create",
        "--cn",
        "f.test",
        "--days",
        "5",
        "--not-after",
        "2030-01-01",
    ])
    .arg("--out")
    .arg(out("f.pem"))
    .arg("--key-out")
    .arg(out("f.key"))
    .assert()
    .code(2);
    // A deliberately expired certificate, to test a service's reload.
    s.kw(&[
        "cert",
        "create",
        "--cn",
        "old.test",
        "--not-before",
        "2020-01-01",
        "--not-after",
        "2020-01-31T12:00:00Z",
    ])
    .arg("--out")
    .arg(out("old.pem"))
    .arg("--key-out")
    .arg(out("old.key"))
    .assert()
    .success()
    .stderr(predicate::str::contains("already expired"));
    let c = &inspect(&s, &out("old.pem"))[0];
    assert_eq!(c["not_before"], "2020-01-01T00:00:00Z");
    assert_eq!(c["not_after"], "2020-01-31T12:00:00Z");
    assert!(c["days_left"].as_i64().unwrap() < 0);
    for bad in ["a b", "*.com", "x.*.test", "-bad.test"] {
        s.kw(&["cert", "create", "--san", bad])
            .arg("--out")
            .arg(out("z.pem"))
            .arg("--key-out")
            .arg(out("z.key"))
            .assert()
            .code(2);
    }
    s.kw(&["cert", "create", "--days", "5"])
        .arg("--out")
        .arg(out("y.pem"))
        .arg("--key-out")
        .arg(out("y.key"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--cn"));
    s.kw(&["cert", "create", "--cn", "k.test"])
        .arg("--out")
        .arg(out("k.pem"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--key-out"));
}

#[test]
fn nothing_is_replaced_or_half_written_without_force() {
    let s = TestStore::new();
    let dir = tempfile::tempdir().unwrap();
    let cert = write_file(dir.path(), "c.pem", "keep me", 0o644);
    let key = dir.path().join("c-key.pem");
    s.kw(&["cert", "create", "--cn", "x.test"])
        .arg("--out")
        .arg(&cert)
        .arg("--key-out")
        .arg(&key)
        .assert()
        .code(4)
        .stderr(predicate::str::contains("already exists"));
    assert!(!key.exists(), "no key without its certificate");
    assert_eq!(std::fs::read_to_string(&cert).unwrap(), "keep me");
    s.kw(&["cert", "create", "--cn", "x.test", "--force"])
        .arg("--out")
        .arg(&cert)
        .arg("--key-out")
        .arg(&key)
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&cert)
            .unwrap()
            .starts_with("-----BEGIN CERTIFICATE-----")
    );
}

#[test]
fn renewal_keeps_the_key_and_der_output_parses() {
    let s = TestStore::new();
    let dir = tempfile::tempdir().unwrap();
    let (cert, key) = create(
        &s,
        dir.path(),
        "one",
        &["--cn", "renew.test", "--key-type", "ed25519"],
    );
    let key_before = std::fs::read(&key).unwrap();
    let renewed = dir.path().join("renewed.der");
    s.kw(&[
        "cert",
        "create",
        "--cn",
        "renew.test",
        "--der",
        "--days",
        "90",
    ])
    .arg("--key-in")
    .arg(&key)
    .arg("--out")
    .arg(&renewed)
    .assert()
    .success();
    assert_eq!(std::fs::read(&key).unwrap(), key_before);
    let old = &inspect(&s, &cert)[0];
    let new = &inspect(&s, &renewed)[0];
    assert_eq!(new["key_type"], "Ed25519");
    assert_ne!(old["serial"], new["serial"]);
    // Same key: the certificates differ but the public key is the same (checked through openssl if present).
    if let (Ok(a), Ok(b)) = (
        std::process::Command::new("openssl")
            .args(["x509", "-noout", "-pubkey", "-in"])
            .arg(&cert)
            .output(),
        std::process::Command::new("openssl")
            .args(["x509", "-noout", "-pubkey", "-inform", "DER", "-in"])
            .arg(&renewed)
            .output(),
    ) {
        assert_eq!(a.stdout, b.stdout);
    }
    let open = write_file(
        dir.path(),
        "open-key.pem",
        &String::from_utf8(key_before).unwrap(),
        0o644,
    );
    s.kw(&["cert", "create", "--cn", "r.test"])
        .arg("--key-in")
        .arg(&open)
        .arg("--out")
        .arg(dir.path().join("r.pem"))
        .assert()
        .code(4)
        .stderr(predicate::str::contains("chmod 600"));
}

#[test]
fn a_dev_ca_signs_leaves_that_rustls_accepts() {
    let s = TestStore::new();
    let dir = tempfile::tempdir().unwrap();
    let (ca, ca_key) = dev_ca(
        &s,
        dir.path(),
        &[
            "--days",
            "30",
            "--path-len",
            "0",
            "--name-constraint",
            "test",
        ],
    );
    let c = &inspect(&s, &ca)[0];
    assert_eq!(c["is_ca"], true);
    assert_eq!(c["path_len"], 0);
    let leaf = dir.path().join("leaf.pem");
    let leaf_key = dir.path().join("leaf-key.pem");
    let chain = dir.path().join("chain.pem");
    s.kw(&[
        "cert",
        "create",
        "--san",
        "api.test",
        "--san",
        "127.0.0.1",
        "--days",
        "7",
    ])
    .arg("--ca")
    .arg(&ca)
    .arg("--ca-key")
    .arg(&ca_key)
    .arg("--out")
    .arg(&leaf)
    .arg("--key-out")
    .arg(&leaf_key)
    .arg("--chain-out")
    .arg(&chain)
    .assert()
    .success();
    let chain_doc = inspect(&s, &chain);
    assert_eq!(chain_doc.as_array().unwrap().len(), 2);
    assert_eq!(chain_doc[0]["issuer"], "CN=keyward test CA");
    assert_eq!(chain_doc[1]["subject"], "CN=keyward test CA");

    // A rustls client whose only root is the keyward CA completes a handshake.
    let (port, server) = tls_server(&chain, &leaf_key, 2);
    let mut roots = rustls::RootCertStore::empty();
    roots
        .add(CertificateDer::from_pem_file(&ca).unwrap())
        .unwrap();
    let config = Arc::new(
        rustls::ClientConfig::builder()
            .with_root_certificates(roots)
            .with_no_client_auth(),
    );
    for name in ["api.test", "127.0.0.1"] {
        let mut tcp = TcpStream::connect(("127.0.0.1", port)).unwrap();
        let mut conn = rustls::ClientConnection::new(
            config.clone(),
            ServerName::try_from(name.to_string()).unwrap(),
        )
        .unwrap();
        let mut tls = rustls::Stream::new(&mut conn, &mut tcp);
        let mut buf = String::new();
        tls.read_to_string(&mut buf).ok();
        assert!(
            buf.starts_with("hello from keyward"),
            "handshake for {name} failed: {buf:?}"
        );
    }
    server.join().unwrap();

    // A leaf outliving its CA gets a warning; a non-CA cannot sign.
    s.kw(&["cert", "create", "--cn", "long.test", "--days", "60"])
        .arg("--ca")
        .arg(&ca)
        .arg("--ca-key")
        .arg(&ca_key)
        .arg("--out")
        .arg(dir.path().join("long.pem"))
        .arg("--key-out")
        .arg(dir.path().join("long-key.pem"))
        .assert()
        .success()
        .stderr(predicate::str::contains("outlives its CA"));
    s.kw(&["cert", "create", "--cn", "x.test"])
        .arg("--ca")
        .arg(&leaf)
        .arg("--ca-key")
        .arg(&leaf_key)
        .arg("--out")
        .arg(dir.path().join("x.pem"))
        .arg("--key-out")
        .arg(dir.path().join("x-key.pem"))
        .assert()
        .code(3)
        .stderr(predicate::str::contains("not a CA"));
    s.kw(&["cert", "create", "--cn", "x.test", "--out", "/tmp/x.pem"])
        .arg("--ca")
        .arg(&ca)
        .assert()
        .code(2);
}

#[test]
fn inspect_reads_bundles_der_stdin_and_foreign_certificates() {
    let s = TestStore::new();
    let chain = inspect(&s, &data("rustls-rsa-2048-end.fullchain"));
    assert!(chain.as_array().unwrap().len() >= 2);
    assert_eq!(chain[0]["key_type"], "RSA");
    let github = inspect(&s, &data("rustls-web-github.0.der"));
    assert_eq!(github[0]["subject_cn"], "github.com");
    assert_eq!(github[0]["sha256"].as_str().unwrap().len(), 95);
    assert_eq!(github[0]["sha1"].as_str().unwrap().len(), 59);
    assert_eq!(
        inspect(&s, &data("x509parser-ed25519.der"))[0]["key_type"],
        "Ed25519"
    );
    let text = stdout_of(
        s.kw(&["cert", "inspect", "-"])
            .write_stdin(std::fs::read(data("badssl-wildcard-expired.pem")).unwrap()),
    );
    assert!(text.contains("EXPIRED") && text.contains("*.badssl.com") && text.contains("- #2"));
    s.kw(&["cert", "inspect"])
        .arg(data("x509parser-no_end.pem"))
        .assert()
        .code(3)
        .stderr(predicate::str::contains("x509parser-no_end.pem"));
    s.kw(&["cert", "inspect", "/nonexistent.pem"])
        .assert()
        .code(4);
}

/// Fixtures with fixed validity for every state, evaluated at 2026-06-01.
fn fixtures(s: &TestStore, dir: &Path) {
    let make = |name: &str, nb: &str, na: &str| {
        s.kw(&[
            "cert",
            "create",
            "--cn",
            &format!("{name}.test"),
            "--not-before",
            nb,
            "--not-after",
            na,
        ])
        .arg("--out")
        .arg(dir.join(format!("{name}.pem")))
        .arg("--key-out")
        .arg(dir.join("keys").join(format!("{name}.key")))
        .assert()
        .success();
    };
    std::fs::create_dir_all(dir.join("keys")).unwrap();
    make("valid", "2026-01-01", "2027-01-01");
    make("warn", "2026-01-01", "2026-06-20");
    make("critical", "2026-01-01", "2026-06-04");
    make("expired", "2025-01-01", "2026-05-01");
    make("future", "2026-07-01", "2027-07-01");
    let bundle: String = ["valid", "expired"]
        .iter()
        .map(|n| std::fs::read_to_string(dir.join(format!("{n}.pem"))).unwrap())
        .collect();
    std::fs::write(dir.join("bundle.crt"), bundle).unwrap();
    let der = std::process::Command::new("openssl")
        .args(["x509", "-outform", "DER", "-in"])
        .arg(dir.join("valid.pem"))
        .arg("-out")
        .arg(dir.join("valid.der"))
        .status();
    if !der.map(|s| s.success()).unwrap_or(false) {
        std::fs::copy(data("rustls-web-github.0.der"), dir.join("valid.der")).unwrap();
    }
}

const AT: &str = "2026-06-01T00:00:00Z";

#[test]
fn check_grades_every_state_sorted_by_days_left() {
    let s = TestStore::new();
    let dir = tempfile::tempdir().unwrap();
    fixtures(&s, dir.path());
    let doc = json_with_code(
        s.kw(&["cert", "check", "--format", "json", "--at", AT])
            .arg(dir.path()),
        1,
    );
    let rows: Vec<(String, String)> = doc["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["subject_cn"].as_str().unwrap_or("-").to_string(),
                r["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let names: Vec<&str> = rows.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names[0], "expired.test", "{rows:?}");
    assert_eq!(names[2], "critical.test", "{rows:?}");
    assert_eq!(
        names[3], "future.test",
        "criticals first, whatever their days left: {rows:?}"
    );
    assert_eq!(names[4], "warn.test", "{rows:?}");
    let status = |n: &str| rows.iter().find(|(x, _)| x == n).unwrap().1.clone();
    assert_eq!(status("valid.test"), "ok");
    assert_eq!(status("warn.test"), "warning");
    assert_eq!(status("critical.test"), "critical");
    assert_eq!(status("expired.test"), "critical");
    assert_eq!(status("future.test"), "critical");
    assert_eq!(
        doc["summary"]["critical"], 4,
        "expired twice (file and bundle), critical, not yet valid"
    );
    assert_eq!(
        doc["summary"]["unknown"], 0,
        "key files in the directory are skipped, not reported"
    );
    // The DER copy and the bundle's second certificate are both there.
    assert!(
        doc["results"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["source"].as_str().unwrap().ends_with("valid.der"))
    );
    assert!(
        doc["results"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["source"].as_str().unwrap().ends_with("bundle.crt") && r["index"] == 1)
    );
    // Everything valid at another moment; warnings alone exit 0.
    s.kw(&["cert", "check", "--at", "2026-02-01"])
        .arg(dir.path().join("valid.pem"))
        .arg(dir.path().join("warn.pem"))
        .assert()
        .success();
    s.kw(&["cert", "check", "--at", AT])
        .arg(dir.path().join("warn.pem"))
        .assert()
        .success()
        .stdout(predicate::str::contains("WARNING"));
    s.kw(&["cert", "check", "--at", AT, "--leaf-only"])
        .arg(dir.path().join("bundle.crt"))
        .assert()
        .success();
}

#[test]
fn thresholds_by_days_or_lifetime_share() {
    let s = TestStore::new();
    let dir = tempfile::tempdir().unwrap();
    fixtures(&s, dir.path());
    let valid = dir.path().join("valid.pem");
    // 151 of 365 days used at AT: 41%.
    s.kw(&[
        "cert",
        "check",
        "--at",
        AT,
        "--warn",
        "40%",
        "--critical",
        "90%",
        "--format",
        "json",
    ])
    .arg(&valid)
    .assert()
    .success()
    .stdout(predicate::str::contains("\"warning\""));
    s.kw(&[
        "cert",
        "check",
        "--at",
        AT,
        "--warn",
        "60%",
        "--critical",
        "90%",
        "--format",
        "json",
    ])
    .arg(&valid)
    .assert()
    .success()
    .stdout(predicate::str::contains("\"ok\""));
    s.kw(&["cert", "check", "--at", AT, "--critical", "40%"])
        .arg(&valid)
        .assert()
        .code(1);
    s.kw(&["cert", "check", "--at", AT, "--critical", "300d"])
        .arg(&valid)
        .assert()
        .code(1);
    s.kw(&["cert", "check", "--warn", "soon"])
        .arg(&valid)
        .assert()
        .code(2);
    s.kw(&["cert", "check", "--critical", "150%"])
        .arg(&valid)
        .assert()
        .code(2);
    s.kw(&["cert", "check", "--at", "tomorrow-ish"])
        .arg(&valid)
        .assert()
        .code(2);
    s.kw(&["cert", "check"]).assert().code(2);
}

#[test]
fn expected_names_use_wildcard_rules() {
    let s = TestStore::new();
    let dir = tempfile::tempdir().unwrap();
    let (cert, _) = create(
        &s,
        dir.path(),
        "wild",
        &["--san", "*.memoric.test", "--san", "memoric.test"],
    );
    s.kw(&[
        "cert",
        "check",
        "--expect-name",
        "api.memoric.test",
        "--expect-name",
        "memoric.test",
    ])
    .arg(&cert)
    .assert()
    .success();
    s.kw(&["cert", "check", "--expect-name", "a.b.memoric.test"])
        .arg(&cert)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("does not cover a.b.memoric.test"));
    s.kw(&["cert", "check", "--expect-name", "other.test"])
        .arg(&cert)
        .assert()
        .code(1);
}

#[test]
fn malformed_inputs_are_unknown_and_the_rest_is_still_checked() {
    let s = TestStore::new();
    let dir = tempfile::tempdir().unwrap();
    fixtures(&s, dir.path());
    let valid = dir.path().join("valid.pem");
    let garbage = write_file(dir.path(), "garbage.pem", "not a certificate at all", 0o644);
    let truncated = dir.path().join("truncated.pem");
    let full = std::fs::read_to_string(&valid).unwrap();
    std::fs::write(&truncated, &full[..full.len() / 2]).unwrap();
    let encrypted = write_file(
        dir.path(),
        "enc.pem",
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n",
        0o644,
    );
    let empty = write_file(dir.path(), "empty.pem", "", 0o644);
    let doc = json_with_code(
        s.kw(&["cert", "check", "--format", "json", "--at", "2026-02-01"])
            .arg(&valid)
            .arg(&garbage)
            .arg(&truncated)
            .arg(&encrypted)
            .arg(&empty)
            .arg(data("x509parser-no_end.pem")),
        3,
    );
    let results = doc["results"].as_array().unwrap();
    assert_eq!(doc["summary"]["unknown"], 5);
    assert_eq!(doc["summary"]["ok"], 1);
    for r in &results[..5] {
        assert_eq!(r["status"], "unknown");
        assert!(!r["reason"].as_str().unwrap().is_empty());
    }
    assert!(results.iter().any(|r| {
        r["reason"]
            .as_str()
            .unwrap()
            .contains("encrypted private key")
    }));
    assert!(
        results
            .iter()
            .any(|r| r["reason"].as_str().unwrap().contains("empty file"))
    );
    // A file that cannot be read at all (a dangling link) is exit 4.
    let link = dir.path().join("dangling.pem");
    std::os::unix::fs::symlink(dir.path().join("gone"), &link).unwrap();
    s.kw(&["cert", "check", "--at", "2026-02-01"])
        .arg(&valid)
        .arg(&link)
        .assert()
        .code(4)
        .stdout(predicate::str::contains("UNKNOWN"));
    // Critical outranks unknown.
    s.kw(&["cert", "check", "--at", AT])
        .arg(dir.path().join("expired.pem"))
        .arg(&garbage)
        .assert()
        .code(1);
}

#[test]
fn output_formats_quiet_summary_glob_and_stdin() {
    let s = TestStore::new();
    let dir = tempfile::tempdir().unwrap();
    fixtures(&s, dir.path());
    let quiet = String::from_utf8(
        s.kw(&["-q", "cert", "check", "--at", AT, "--format", "csv"])
            .arg(dir.path())
            .assert()
            .code(1)
            .get_output()
            .stdout
            .clone(),
    )
    .unwrap();
    assert!(quiet.starts_with("source,subject CN,SANs,not after,days left,status,reason\r\n"));
    assert!(
        !quiet.contains(",OK,"),
        "quiet shows only problems: {quiet}"
    );
    let all = stdout_of(
        s.kw(&["cert", "check", "--at", "2026-02-01", "--summary"])
            .arg(dir.path().join("valid.pem")),
    );
    assert!(
        all.contains("valid.test")
            && all.contains("1 certificates: 1 ok, 0 warning, 0 critical, 0 unknown")
    );
    let silent = s
        .kw(&["-q", "cert", "check", "--at", "2026-02-01"])
        .arg(dir.path().join("valid.pem"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(silent.is_empty(), "cron mails only when something is wrong");
    let nd = stdout_of(
        s.kw(&["cert", "check", "--at", "2026-02-01", "--format", "ndjson"])
            .arg(dir.path().join("bundle.crt")),
    );
    assert_eq!(nd.lines().count(), 2);
    let only_crt = json_with_code(
        s.kw(&[
            "cert", "check", "--at", AT, "--format", "json", "--glob", "*.crt",
        ])
        .arg(dir.path()),
        1,
    );
    assert_eq!(only_crt["results"].as_array().unwrap().len(), 2);
    s.kw(&["cert", "check", "--glob", "[", "--at", AT])
        .arg(dir.path())
        .assert()
        .code(2);
    s.kw(&["cert", "check", "-", "--at", "2026-02-01"])
        .write_stdin(std::fs::read(dir.path().join("valid.pem")).unwrap())
        .assert()
        .success()
        .stdout(predicate::str::contains("valid.test"));
    s.kw(&["cert", "check", "--format", "sarif"])
        .arg(dir.path())
        .assert()
        .code(2);
}

#[test]
fn nagios_mode_has_one_line_perfdata_and_its_own_codes() {
    let s = TestStore::new();
    let dir = tempfile::tempdir().unwrap();
    fixtures(&s, dir.path());
    let p = |n: &str| dir.path().join(format!("{n}.pem"));
    let out = s
        .kw(&["cert", "check", "--nagios", "--at", AT])
        .arg(p("valid"))
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let line = String::from_utf8(out).unwrap();
    assert_eq!(line.lines().count(), 1);
    assert!(line.starts_with("CERT OK - 0 critical, 0 warning, 0 unknown, 1 ok"));
    assert!(
        line.contains("| '") && line.contains("=214d;30;7"),
        "{line}"
    );
    s.kw(&["cert", "check", "--nagios", "--at", AT])
        .arg(p("warn"))
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with("CERT WARNING"));
    s.kw(&["cert", "check", "--nagios", "--at", AT])
        .arg(p("expired"))
        .arg(p("valid"))
        .assert()
        .code(2)
        .stdout(predicate::str::starts_with("CERT CRITICAL"));
    let garbage = write_file(dir.path(), "g.pem", "junk", 0o644);
    s.kw(&["cert", "check", "--nagios", "--at", AT])
        .arg(&garbage)
        .arg(p("warn"))
        .assert()
        .code(3)
        .stdout(predicate::str::starts_with("CERT UNKNOWN"));
}

#[test]
fn live_endpoints_report_expired_and_untrusted_chains() {
    let s = TestStore::new();
    let dir = tempfile::tempdir().unwrap();
    let (ca, ca_key) = dev_ca(&s, dir.path(), &[]);
    let make = |name: &str, nb: &str, na: &str| {
        let leaf = dir.path().join(format!("{name}.pem"));
        let key = dir.path().join(format!("{name}-key.pem"));
        let chain = dir.path().join(format!("{name}-chain.pem"));
        s.kw(&[
            "cert",
            "create",
            "--san",
            "api.test",
            "--not-before",
            nb,
            "--not-after",
            na,
        ])
        .arg("--ca")
        .arg(&ca)
        .arg("--ca-key")
        .arg(&ca_key)
        .arg("--out")
        .arg(&leaf)
        .arg("--key-out")
        .arg(&key)
        .arg("--chain-out")
        .arg(&chain)
        .assert()
        .success();
        (chain, key)
    };
    let (expired_chain, expired_key) = make("expired", "2024-01-01", "2024-02-01");
    let (port, server) = tls_server(&expired_chain, &expired_key, 2);
    let target = format!("127.0.0.1:{port}");
    let doc = json_with_code(
        &mut s.kw(&["cert", "check", "--format", "json", "--connect", &target]),
        1,
    );
    assert_eq!(doc["results"][0]["source"], target);
    assert_eq!(doc["results"][0]["subject_cn"], "api.test");
    assert_eq!(doc["results"][0]["status"], "critical");
    assert!(
        doc["results"][0]["reason"]
            .as_str()
            .unwrap()
            .starts_with("expired")
    );
    assert_eq!(
        doc["results"].as_array().unwrap().len(),
        2,
        "the served chain: leaf and CA"
    );
    s.kw(&[
        "cert",
        "check",
        "--leaf-only",
        "--connect",
        &target,
        "--sni",
        "api.test",
        "--verify",
        "--ca-file",
    ])
    .arg(&ca)
    .assert()
    .code(1)
    .stdout(predicate::str::contains("chain does not verify"));
    server.join().unwrap();

    let now = time::OffsetDateTime::now_utc();
    let nb = (now - time::Duration::days(1))
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    let na = (now + time::Duration::days(60))
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    let (good_chain, good_key) = make("good", &nb, &na);
    let (port, server) = tls_server(&good_chain, &good_key, 3);
    let target = format!("127.0.0.1:{port}");
    s.kw(&[
        "cert",
        "check",
        "--connect",
        &target,
        "--sni",
        "api.test",
        "--verify",
        "--ca-file",
    ])
    .arg(&ca)
    .assert()
    .success();
    s.kw(&[
        "cert",
        "check",
        "--connect",
        &target,
        "--sni",
        "api.test",
        "--expect-name",
        "api.test",
    ])
    .assert()
    .success();
    // Without the dev CA as a root, the chain is untrusted: critical.
    s.kw(&[
        "cert",
        "check",
        "--connect",
        &target,
        "--sni",
        "api.test",
        "--verify",
        "--ca-file",
    ])
    .arg(data("rustls-rsa-2048-end.fullchain"))
    .assert()
    .code(1)
    .stdout(predicate::str::contains("chain does not verify"));
    server.join().unwrap();

    // Nothing listening: unknown, exit 4; a bad target: usage.
    let closed = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    s.kw(&[
        "cert",
        "check",
        "--timeout",
        "3s",
        "--connect",
        &format!("127.0.0.1:{closed}"),
    ])
    .assert()
    .code(4)
    .stdout(predicate::str::contains("cannot connect"));
    s.kw(&["cert", "check", "--connect", "no-port"])
        .assert()
        .code(2);
}

#[test]
fn postgres_starttls_serves_its_certificate() {
    let Ok(url) = std::env::var("KEYWARD_TEST_POSTGRES_URL") else {
        missing(
            "POSTGRES",
            "KEYWARD_TEST_POSTGRES_URL is not set",
            "point it at a PostgreSQL server (.ci/run sets postgres://postgres@127.0.0.1:5432/test)",
        );
        return;
    };
    let out = kw()
        .args([
            "cert",
            "check",
            "--format",
            "json",
            "--leaf-only",
            "--connect",
            &url,
        ])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let r = &doc["results"][0];
    if r["reason"]
        .as_str()
        .unwrap_or("")
        .contains("does not offer TLS")
    {
        missing(
            "POSTGRES",
            &format!("the PostgreSQL server at {url} does not offer TLS"),
            "turn on ssl in postgresql.conf (Debian's default uses its snakeoil certificate)",
        );
        return;
    }
    assert_ne!(r["status"], "unknown", "{doc}");
    assert!(r["not_after"].as_str().is_some());
}

#[test]
fn an_expiring_ca_in_a_served_chain_is_critical_even_with_expected_names() {
    let s = TestStore::new();
    let dir = tempfile::tempdir().unwrap();
    let (ca, ca_key) = dev_ca(&s, dir.path(), &["--days", "3"]);
    let leaf = dir.path().join("leaf.pem");
    let key = dir.path().join("leaf-key.pem");
    let chain = dir.path().join("chain.pem");
    s.kw(&["cert", "create", "--san", "api.test", "--days", "60"])
        .arg("--ca")
        .arg(&ca)
        .arg("--ca-key")
        .arg(&ca_key)
        .arg("--out")
        .arg(&leaf)
        .arg("--key-out")
        .arg(&key)
        .arg("--chain-out")
        .arg(&chain)
        .assert()
        .success();
    let (port, server) = tls_server(&chain, &key, 1);
    let doc = json_with_code(
        &mut s.kw(&[
            "cert",
            "check",
            "--format",
            "json",
            "--expect-name",
            "api.test",
            "--connect",
            &format!("127.0.0.1:{port}"),
        ]),
        1,
    );
    server.join().unwrap();
    assert_eq!(
        doc["results"][0]["subject_cn"], "keyward test CA",
        "the worst first: {doc}"
    );
    assert_eq!(doc["results"][0]["status"], "critical");
    assert_eq!(
        doc["results"][1]["status"], "ok",
        "the leaf covers api.test and has 60 days"
    );
}

#[test]
fn failed_creation_leaves_no_half_written_files() {
    let s = TestStore::new();
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("k.pem");
    s.kw(&[
        "cert",
        "create",
        "--san",
        "a.test",
        "--out",
        "/nonexistent-dir/c.pem",
    ])
    .arg("--key-out")
    .arg(&key)
    .assert()
    .code(4)
    .stderr(predicate::str::contains("no directory"));
    assert!(!key.exists());
    let same = dir.path().join("same.pem");
    s.kw(&["cert", "create", "--san", "a.test"])
        .arg("--out")
        .arg(&same)
        .arg("--key-out")
        .arg(&same)
        .assert()
        .code(2);
    assert!(!same.exists());
    // A store that cannot take the audit entry: the files are removed again.
    let c = dir.path().join("c.pem");
    kw().args([
        "--store",
        "/proc/no/keyward.db",
        "cert",
        "create",
        "--san",
        "a.test",
    ])
    .arg("--out")
    .arg(&c)
    .arg("--key-out")
    .arg(&key)
    .assert()
    .code(4);
    assert!(!c.exists() && !key.exists());
    kw().args([
        "--store",
        "/proc/no/keyward.db",
        "keygen",
        "master",
        "--out",
    ])
    .arg(&c)
    .assert()
    .code(4);
    assert!(!c.exists());
}

/// A TCP server on 127.0.0.1 that never finishes a TLS handshake: for each
/// connection (after answering a PostgreSQL SSLRequest with `S` when
/// `postgres`), it sends one byte of a TLS record every 0.3 s, at most 100
/// bytes (30 s), so a per-read timeout never fires.
fn dripping_server(postgres: bool) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(4) {
            let Ok(mut tcp) = stream else { return };
            std::thread::spawn(move || {
                let pause = std::time::Duration::from_millis(300);
                if postgres {
                    let mut request = [0u8; 8];
                    if tcp.read_exact(&mut request).is_err() {
                        return;
                    }
                    std::thread::sleep(pause);
                    if tcp.write_all(b"S").is_err() {
                        return;
                    }
                }
                // A handshake record header announcing 16 KiB, then zeros.
                let header = [0x16u8, 0x03, 0x03, 0x40, 0x00];
                for i in 0..100 {
                    std::thread::sleep(pause);
                    let b = header.get(i).copied().unwrap_or(0);
                    if tcp.write_all(&[b]).is_err() {
                        return;
                    }
                }
            });
        }
    });
    port
}

/// `cert check --connect` against `port`, timed: (elapsed, exit code, stdout).
fn timed_check(port: u16, extra: &[&str]) -> (std::time::Duration, Option<i32>, String) {
    let target = format!("127.0.0.1:{port}");
    let started = std::time::Instant::now();
    let out = kw()
        .args(["cert", "check", "--timeout", "2s", "--connect", &target])
        .args(extra)
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    (
        started.elapsed(),
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn assert_bounded(port: u16, starttls: &[&str]) {
    let target = format!("127.0.0.1:{port}");
    let mut json = vec!["--format", "json"];
    json.extend_from_slice(starttls);
    let (elapsed, code, stdout) = timed_check(port, &json);
    assert!(
        elapsed < std::time::Duration::from_secs(4),
        "--timeout 2s must bound the whole check, took {elapsed:?}"
    );
    assert_eq!(code, Some(4), "a network failure exits 4: {stdout}");
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let reason = doc["results"][0]["reason"].as_str().unwrap();
    assert_eq!(doc["results"][0]["status"], "unknown");
    assert!(
        reason.contains(&target) && reason.contains("2s") && reason.contains("timed out"),
        "names the endpoint and the timeout: {reason}"
    );
    assert!(!reason.contains('\n'));

    let mut nagios = vec!["--nagios"];
    nagios.extend_from_slice(starttls);
    let (elapsed, code, stdout) = timed_check(port, &nagios);
    assert!(elapsed < std::time::Duration::from_secs(4), "{elapsed:?}");
    assert_eq!(code, Some(3), "UNKNOWN under --nagios: {stdout}");
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stdout.starts_with("CERT UNKNOWN") && stdout.contains("timed out after 2s"));
}

#[test]
fn hardening_7_timeout_bounds_the_whole_check_of_a_dripping_server() {
    assert_bounded(dripping_server(false), &[]);
}

#[test]
fn hardening_7_timeout_bounds_a_dripping_starttls_exchange() {
    assert_bounded(dripping_server(true), &["--starttls", "postgres"]);
}

/// The `openssl` binary, or a failure saying how to get it: the key files
/// must be checked by the tool nginx and friends use, never skipped.
fn openssl() -> &'static str {
    let found = std::process::Command::new("openssl")
        .arg("version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    assert!(
        found,
        "the openssl binary is needed for this test: install it (apt-get install openssl, dnf install openssl, brew install openssl@3)"
    );
    "openssl"
}

fn assert_openssl_reads(key: &Path, der: bool) {
    let mut cmd = std::process::Command::new(openssl());
    cmd.args(["pkey", "-noout", "-in"]).arg(key);
    if der {
        cmd.args(["-inform", "DER"]);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "openssl pkey cannot read {}: {}",
        key.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn hardening_13_openssl_reads_every_key_cert_create_and_ca_create_write() {
    let s = TestStore::new();
    let dir = tempfile::tempdir().unwrap();
    for kt in [
        "ecdsa-p256",
        "ecdsa-p384",
        "ed25519",
        "rsa-2048",
        "rsa-3072",
        "rsa-4096",
    ] {
        let (_, key) = create(
            &s,
            dir.path(),
            &format!("leaf-{kt}"),
            &["--cn", "k.test", "--key-type", kt],
        );
        assert_openssl_reads(&key, false);
        let ca = dir.path().join(format!("ca-{kt}.pem"));
        let ca_key = dir.path().join(format!("ca-{kt}-key.pem"));
        s.kw(&["cert", "ca", "create", "--cn", "k CA", "--key-type", kt])
            .arg("--out")
            .arg(&ca)
            .arg("--key-out")
            .arg(&ca_key)
            .assert()
            .success();
        assert_openssl_reads(&ca_key, false);
    }
    let (_, der_key) = create(
        &s,
        dir.path(),
        "der",
        &["--cn", "k.test", "--key-type", "ed25519", "--der"],
    );
    assert_openssl_reads(&der_key, true);
}

/// True when `text` holds Rust Debug syntax: a `{ field: .. }` struct or a byte list.
fn has_debug_syntax(text: &str) -> bool {
    text.contains('{') || text.contains("}") || text.contains(", 42,") || text.contains("Context")
}

#[test]
fn hardening_14_certificate_errors_are_words_not_debug_output() {
    let s = TestStore::new();
    let dir = tempfile::tempdir().unwrap();
    // The served chain is signed by an ECDSA CA; the CA file holds another
    // CA of the same name with an RSA key: the signature algorithm does not
    // fit that key.
    let (ca, ca_key) = dev_ca(&s, dir.path(), &[]);
    let leaf = dir.path().join("leaf.pem");
    let key = dir.path().join("leaf-key.pem");
    let chain = dir.path().join("chain.pem");
    s.kw(&["cert", "create", "--san", "api.test"])
        .arg("--ca")
        .arg(&ca)
        .arg("--ca-key")
        .arg(&ca_key)
        .arg("--out")
        .arg(&leaf)
        .arg("--key-out")
        .arg(&key)
        .arg("--chain-out")
        .arg(&chain)
        .assert()
        .success();
    let other = tempfile::tempdir().unwrap();
    let (rsa_ca, _) = dev_ca(&s, other.path(), &["--key-type", "rsa-2048"]);
    let (port, server) = tls_server(&leaf, &key, 1);
    let out = s
        .kw(&[
            "cert",
            "check",
            "--format",
            "json",
            "--connect",
            &format!("127.0.0.1:{port}"),
            "--sni",
            "api.test",
            "--verify",
            "--ca-file",
        ])
        .arg(&rsa_ca)
        .output()
        .unwrap();
    server.join().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let reason = doc["results"][0]["reason"].as_str().unwrap();
    assert!(reason.starts_with("chain does not verify: "), "{reason}");
    assert!(!has_debug_syntax(reason), "{reason}");
    assert!(
        reason.contains("1.2.840.10045.4.3.2 (ecdsa-with-SHA256)"),
        "{reason}"
    );
    assert!(out.stderr.is_empty(), "{}", all_output(&out));

    // Not a TLS server at all.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let http = std::thread::spawn(move || {
        let (mut tcp, _) = listener.accept().unwrap();
        let mut buf = [0u8; 512];
        let _ = tcp.read(&mut buf);
        let _ = tcp.write_all(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
    });
    let out = s
        .kw(&["cert", "check", "--connect", &format!("127.0.0.1:{port}")])
        .output()
        .unwrap();
    http.join().unwrap();
    assert_eq!(out.status.code(), Some(4));
    let text = all_output(&out);
    assert!(text.contains("TLS handshake failed"), "{text}");
    assert!(!has_debug_syntax(&text), "{text}");

    // Damaged certificates, PEM and DER.
    let pem = std::fs::read_to_string(&leaf).unwrap();
    let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    let mut damaged = body.into_bytes();
    damaged[40..60].copy_from_slice(b"AAAAAAAAAAAAAAAAAAAA");
    let damaged = format!(
        "-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n",
        String::from_utf8(damaged).unwrap()
    );
    let bad_pem = write_file(dir.path(), "damaged.pem", &damaged, 0o644);
    let bad_der = dir.path().join("damaged.der");
    std::fs::write(&bad_der, b"\x30\x82\x01\x00\x02\x01\x05garbage").unwrap();
    for f in [&bad_pem, &bad_der] {
        let out = s.kw(&["cert", "check"]).arg(f).output().unwrap();
        assert_eq!(out.status.code(), Some(3));
        assert!(!has_debug_syntax(&all_output(&out)), "{}", all_output(&out));
        let out = s.kw(&["cert", "inspect"]).arg(f).output().unwrap();
        assert_eq!(out.status.code(), Some(3));
        assert!(!has_debug_syntax(&all_output(&out)), "{}", all_output(&out));
    }
}

#[test]
fn hardening_20_days_left_rounds_like_the_expired_reason() {
    let s = TestStore::new();
    let dir = tempfile::tempdir().unwrap();
    let (cert, _) = create(
        &s,
        dir.path(),
        "old",
        &[
            "--cn",
            "old.test",
            "--not-before",
            "2024-01-01T00:00:00Z",
            "--not-after",
            "2024-02-01T00:00:00Z",
        ],
    );
    let at = |t: &str| {
        json_with_code(
            s.kw(&["cert", "check", "--format", "json", "--at", t])
                .arg(&cert),
            1,
        )["results"][0]
            .clone()
    };
    // 35 days and 10 seconds after expiry: "expired 35d 0h ago", -35 days.
    let r = at("2024-03-07T00:00:10Z");
    assert_eq!(r["reason"], "expired 35d 0h ago");
    assert_eq!(r["days_left"], -35);
    // Five hours after: 0 whole days, as the reason shows hours only.
    let r = at("2024-02-01T05:00:00Z");
    assert_eq!(r["reason"], "expired 5h 0m ago");
    assert_eq!(r["days_left"], 0);
    // Before expiry, the same rule: 3d 4h left is 3.
    let r = at("2024-01-28T20:00:00Z");
    assert_eq!(r["reason"], "expires in 3d 4h");
    assert_eq!(r["days_left"], 3);
    // The table shows the same number.
    let out = s
        .kw(&[
            "cert",
            "check",
            "--format",
            "csv",
            "--at",
            "2024-03-07T00:00:10Z",
        ])
        .arg(&cert)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(",-35,CRITICAL,expired 35d 0h ago"), "{text}");
}

#[test]
fn hardening_20_key_in_accepts_its_own_key_type_and_names_both_otherwise() {
    let s = TestStore::new();
    let dir = tempfile::tempdir().unwrap();
    for (kt, other) in [
        ("ed25519", "ecdsa-p256"),
        ("rsa-2048", "rsa-3072"),
        ("ecdsa-p384", "ecdsa-p256"),
    ] {
        let (_, key) = create(&s, dir.path(), kt, &["--cn", "k.test", "--key-type", kt]);
        let renewed = dir.path().join(format!("{kt}-renewed.pem"));
        s.kw(&["cert", "create", "--cn", "k.test", "--key-type", kt])
            .arg("--key-in")
            .arg(&key)
            .arg("--out")
            .arg(&renewed)
            .assert()
            .success();
        assert!(renewed.exists());
        let refused = dir.path().join(format!("{kt}-refused.pem"));
        s.kw(&["cert", "create", "--cn", "k.test", "--key-type", other])
            .arg("--key-in")
            .arg(&key)
            .arg("--out")
            .arg(&refused)
            .assert()
            .code(2)
            .stderr(
                predicate::str::contains(format!("--key-type {other}"))
                    .and(predicate::str::contains(format!("which is {kt}"))),
            );
        assert!(!refused.exists());
    }
}
