//! `config validate` and `config rules`, end to end.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::util::{json_with_code, kw, stdout_of, write_file};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/configs")
        .join(name)
}

/// (rule, line, key) of one finding.
type Found = (String, u64, String);

/// (rule, line, key) of every finding in a JSON report.
fn findings(report: &Value) -> Vec<Found> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_owned(),
                f["line"].as_u64().unwrap(),
                f["key"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn ids(report: &Value) -> Vec<String> {
    findings(report).into_iter().map(|f| f.0).collect()
}

fn f(rule: &str, line: u64, key: &str) -> Found {
    (rule.into(), line, key.into())
}

/// Runs `config validate --format json` on a file holding `text`.
fn validate_text(name: &str, text: &str, extra: &[&str]) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let p = write_file(dir.path(), name, text, 0o600);
    let out = kw()
        .args(["config", "validate", "--format", "json"])
        .args(extra)
        .arg(&p)
        .output()
        .unwrap();
    assert!(
        out.status.code() == Some(0) || out.status.code() == Some(1),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn seed_examples_give_exact_findings() {
    let cases: Vec<(&str, i32, Vec<Found>)> = vec![
        (
            "seed000.env",
            1,
            vec![
                f("KW004", 2, "ENCRYPTION_PASSPHRASE"),
                f("KW004", 5, "API_KEYS"),
                f("KW043", 13, "TLS_CERT_FILE"),
                f("KW043", 14, "TLS_KEY_FILE"),
            ],
        ),
        (
            "seed000-security.yaml",
            1,
            vec![
                f("KW040", 19, "security.tls.enabled"),
                f("KW040", 21, "security.tls.require_https"),
            ],
        ),
        (
            "seed001.env",
            1,
            vec![
                f("KW004", 2, "MEMORIC_ENCRYPTION_KEY"),
                f("KW004", 5, "MEMORIC_JWT_SECRET"),
                f("KW004", 8, "OPENAI_API_KEY"),
                f("KW060", 11, "DATABASE_URL"),
                f("KW063", 11, "DATABASE_URL"),
            ],
        ),
        (
            "seed001-config.yaml",
            0,
            vec![
                f("KW060", 2, "database.dsn"),
                f("KW001", 7, "privacy.encrypt_content"),
            ],
        ),
        (
            "seed002.env",
            1,
            vec![
                f("KW004", 2, "ENCRYPTION_MASTER_KEY"),
                f("KW004", 3, "JWT_SECRET"),
                f("KW060", 6, "DATABASE_URL"),
                f("KW063", 6, "DATABASE_URL"),
                f("KW020", 10, "PBKDF2_ITERATIONS"),
            ],
        ),
        (
            "seed003.env",
            1,
            vec![
                f("KW004", 2, "MEM0AI_API_KEY"),
                f("KW040", 10, "MEM0AI_USE_TLS"),
            ],
        ),
        (
            "seed004.env",
            1,
            vec![
                f("KW004", 2, "JWT_SECRET"),
                f("KW043", 8, "TLS_CERT_PATH"),
                f("KW043", 9, "TLS_KEY_PATH"),
                f("KW004", 20, "REDIS_PASSWORD"),
                f("KW063", 21, "REDIS_URL"),
            ],
        ),
    ];
    for (name, code, want) in cases {
        let report = json_with_code(
            kw().args(["config", "validate", "--format", "json"])
                .arg(data(name)),
            code,
        );
        assert_eq!(findings(&report), want, "{name}");
    }
    // seed 002 declares ENVIRONMENT=production itself.
    let report = json_with_code(
        kw().args(["config", "validate", "--format", "json"])
            .arg(data("seed002.env")),
        1,
    );
    assert_eq!(report["profile"], "production");
    assert_eq!(report["profile_source"], "config");
}

#[test]
fn third_party_samples_parse_and_report() {
    let cases: Vec<(&str, Vec<&str>)> = vec![
        (
            "mem0-server.env.example",
            vec!["KW001", "KW001", "KW001", "KW001"],
        ),
        ("n8n-hosting-postgres-secret.yaml", vec!["KW002", "KW002"]),
        ("zep-legacy-docker-compose.ce.yaml", vec!["KW004", "KW002"]),
        ("zep-legacy-zep.yaml", vec!["KW004", "KW042", "KW001"]),
    ];
    for (name, want) in cases {
        let out = kw()
            .args(["config", "validate", "--format", "json"])
            .arg(data(name))
            .output()
            .unwrap();
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(ids(&report), want, "{name}");
    }
}

/// One fixture per rule that triggers it, and one like it that does not.
const RULE_CASES: &[(&str, &str, &str, &str)] = &[
    (
        "KW001",
        ".env",
        "JWT_SECRET=\n",
        "JWT_SECRET=${FROM_VAULT}\n",
    ),
    (
        "KW002",
        ".env",
        "API_TOKEN=Zq3kVh9w2Lr8\n",
        "API_TOKEN=Zq3kVh9w2Lr8Tn5Xy1Bp6Mc4Df7Gs0JaQ\n",
    ),
    (
        "KW003",
        ".env",
        "SESSION_SECRET=abcabcabcabcabcabdabcabcabcabcabcabcabcaa\n",
        "SESSION_SECRET=Zq3kVh9w2Lr8Tn5Xy1Bp6Mc4Df7Gs0JaQ\n",
    ),
    (
        "KW004",
        ".env",
        "JWT_SECRET=changeme\n",
        "JWT_SECRET=Zq3kVh9w2Lr8Tn5Xy1Bp6Mc4Df7Gs0JaQ\n",
    ),
    (
        "KW005",
        ".env",
        "ENCRYPTION_MASTER_KEY=0000000000000000000000000000000000000000000000000000000000000000\n",
        "ENCRYPTION_MASTER_KEY=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n",
    ),
    (
        "KW006",
        ".env",
        "JWT_SECRET=Zq3kVh9w2Lr8Tn5Xy1Bp6Mc4Df7Gs0JaQ\nSESSION_SECRET=Zq3kVh9w2Lr8Tn5Xy1Bp6Mc4Df7Gs0JaQ\n",
        "JWT_SECRET=Zq3kVh9w2Lr8Tn5Xy1Bp6Mc4Df7Gs0JaQ\nSESSION_SECRET=Pm2nQw8eRt5yUi1oAs6dFg4hJk7lZx9c\n",
    ),
    (
        "KW010",
        ".env",
        "ENCRYPTION_KEY=Zq3kVh9w2Lr8Tn5Xy1Bp6Mc4Df7Gs0JaQ\n",
        "ENCRYPTION_KEY=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n",
    ),
    (
        "KW011",
        "config.yaml",
        "privacy:\n  encrypt_content: false\n",
        "privacy:\n  encrypt_content: true\n",
    ),
    (
        "KW020",
        ".env",
        "PBKDF2_ITERATIONS=310000\n",
        "PBKDF2_ITERATIONS=600000\n",
    ),
    (
        "KW021",
        ".env",
        "PBKDF2_ITERATIONS=10000\n",
        "PBKDF2_ITERATIONS=1000000\n",
    ),
    (
        "KW022",
        "c.toml",
        "[kdf]\nscrypt_n = 16384\n",
        "[kdf]\nscrypt_n = 131072\n",
    ),
    ("KW023", ".env", "BCRYPT_ROUNDS=8\n", "BCRYPT_ROUNDS=12\n"),
    (
        "KW024",
        ".env",
        "ARGON2_MEMORY_COST=4096\n",
        "ARGON2_MEMORY_COST=65536\n",
    ),
    (
        "KW030",
        ".env",
        "JWT_ALGORITHM=none\n",
        "JWT_ALGORITHM=HS256\n",
    ),
    (
        "KW031",
        ".env",
        "JWT_EXPIRATION_HOURS=168\n",
        "JWT_EXPIRATION_HOURS=24\n",
    ),
    (
        "KW032",
        "c.yaml",
        "security:\n  token_expiry_seconds: 0\n",
        "security:\n  token_expiry_seconds: 3600\n",
    ),
    ("KW040", ".env", "TLS_ENABLED=false\n", "TLS_ENABLED=true\n"),
    (
        "KW041",
        ".env",
        "MEM0AI_VERIFY_SSL=false\n",
        "MEM0AI_VERIFY_SSL=true\n",
    ),
    (
        "KW042",
        ".env",
        "API_BASE_URL=http://api.example.com\n",
        "API_BASE_URL=http://localhost:8000\n",
    ),
    (
        "KW043",
        ".env",
        "TLS_CERT_FILE=/nonexistent/cert.pem\n",
        "TLS_CERT_FILE=\n",
    ),
    (
        "KW050",
        ".env",
        "ALLOWED_ORIGINS=*\n",
        "ALLOWED_ORIGINS=https://app.example.com\n",
    ),
    (
        "KW051",
        ".env",
        "CORS_ORIGINS=*\nCORS_ALLOW_CREDENTIALS=true\n",
        "CORS_ORIGINS=https://a.example.com\nCORS_ALLOW_CREDENTIALS=true\n",
    ),
    (
        "KW052",
        ".env",
        "TRUSTED_PROXIES=0.0.0.0/0\n",
        "TRUSTED_PROXIES=10.0.0.0/8\n",
    ),
    (
        "KW060",
        ".env",
        "DATABASE_URL=postgresql://db:5432/app\n",
        "DATABASE_URL=postgresql://db:5432/app?sslmode=verify-full\n",
    ),
    (
        "KW061",
        ".env",
        "REDIS_URL=redis://cache:6379\n",
        "REDIS_URL=rediss://cache:6379\n",
    ),
    (
        "KW062",
        ".env",
        "CACHE_URL=rediss://cache:6379\n",
        "CACHE_URL=rediss://cache:6379\nREDIS_PASSWORD=${REDIS_PASSWORD_FROM_VAULT}\n",
    ),
    (
        "KW063",
        ".env",
        "DATABASE_URL=postgresql://app:Zq3kVh9w2Lr8@db/app?sslmode=require\n",
        "DATABASE_URL=postgresql://app:${DB_PASSWORD}@db/app?sslmode=require\n",
    ),
    (
        "KW070",
        "c.yaml",
        "security:\n  rate_limit_enabled: false\n",
        "security:\n  rate_limit_enabled: true\n",
    ),
    (
        "KW071",
        ".env",
        "RATE_LIMIT_FAIL_OPEN=true\n",
        "RATE_LIMIT_FAIL_OPEN=false\n",
    ),
    (
        "KW072",
        ".env",
        "MEM0AI_MAX_AUTH_FAILURES=0\n",
        "MEM0AI_MAX_AUTH_FAILURES=5\n",
    ),
    ("KW073", ".env", "DEBUG=true\n", "DEBUG=false\n"),
    (
        "KW074",
        "c.yaml",
        "audit:\n  enabled: false\n",
        "audit:\n  enabled: true\n",
    ),
    (
        "KW075",
        "c.yaml",
        "audit:\n  enabled: true\n  retention_days: 90\n",
        "audit:\n  enabled: true\n  retention_days: 365\n",
    ),
];

#[test]
fn every_rule_has_a_triggering_and_a_clean_fixture() {
    for (rule, name, bad, good) in RULE_CASES {
        let report = validate_text(name, bad, &["--profile", "production"]);
        assert!(
            ids(&report).contains(&rule.to_string()),
            "{rule} should fire on {bad:?}: {:?}",
            findings(&report)
        );
        let report = validate_text(name, good, &["--profile", "production"]);
        assert!(
            !ids(&report).contains(&rule.to_string()),
            "{rule} should not fire on {good:?}: {:?}",
            findings(&report)
        );
    }
    // The certificate rules (KW044-KW046) are tested with real files below;
    // every other rule of the catalog is in the table.
    let rules = json_with_code(kw().args(["config", "rules", "--format", "json"]), 0);
    for r in rules.as_array().unwrap() {
        let id = r["id"].as_str().unwrap();
        if ["KW044", "KW045", "KW046"].contains(&id) {
            continue;
        }
        assert!(RULE_CASES.iter().any(|c| c.0 == id), "{id} has no fixture");
    }
}

#[test]
fn certificate_files_are_checked_for_expiry_and_key_mode() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    kw().args([
        "cert",
        "create",
        "--san",
        "a.test",
        "--not-before",
        "2020-01-01",
        "--not-after",
        "2021-01-01",
    ])
    .arg("--out")
    .arg(d.join("old.pem"))
    .arg("--key-out")
    .arg(d.join("old.key"))
    .assert()
    .success();
    kw().args(["cert", "create", "--san", "a.test", "--days", "10"])
        .arg("--out")
        .arg(d.join("soon.pem"))
        .arg("--key-out")
        .arg(d.join("soon.key"))
        .assert()
        .success();
    kw().args(["cert", "create", "--san", "a.test", "--days", "200"])
        .arg("--out")
        .arg(d.join("good.pem"))
        .arg("--key-out")
        .arg(d.join("good.key"))
        .assert()
        .success();
    std::fs::set_permissions(
        d.join("soon.key"),
        std::os::unix::fs::PermissionsExt::from_mode(0o644),
    )
    .unwrap();
    // Relative paths resolve against the config file's directory.
    let env = write_file(
        d,
        "a.env",
        "TLS_CERT_FILE=old.pem\nTLS_KEY_FILE=old.key\n",
        0o600,
    );
    let r = json_with_code(
        kw().args(["config", "validate", "--format", "json"])
            .arg(&env),
        1,
    );
    assert_eq!(findings(&r), vec![f("KW044", 1, "TLS_CERT_FILE")]);
    let env = write_file(
        d,
        "b.env",
        "TLS_CERT_FILE=soon.pem\nTLS_KEY_FILE=soon.key\n",
        0o600,
    );
    let r = json_with_code(
        kw().args(["config", "validate", "--format", "json"])
            .arg(&env),
        1,
    );
    assert_eq!(
        findings(&r),
        vec![
            f("KW045", 1, "TLS_CERT_FILE"),
            f("KW046", 2, "TLS_KEY_FILE")
        ]
    );
    let env = write_file(
        d,
        "c.env",
        "TLS_CERT_FILE=good.pem\nTLS_KEY_FILE=good.key\n",
        0o600,
    );
    let r = json_with_code(
        kw().args(["config", "validate", "--format", "json"])
            .arg(&env),
        0,
    );
    assert_eq!(findings(&r), vec![]);
}

#[test]
fn keys_match_across_naming_styles() {
    let cases = [
        (
            "c.yaml",
            "security:\n  jwt_secret: changeme\n",
            "security.jwt_secret",
        ),
        (
            "c.env",
            "SECURITY__JWT_SECRET=changeme\n",
            "SECURITY__JWT_SECRET",
        ),
        (
            "c.env",
            "MEMORIC_JWT_SECRET=changeme\n",
            "MEMORIC_JWT_SECRET",
        ),
        (
            "c.toml",
            "[security]\njwt_secret = \"changeme\"\n",
            "security.jwt_secret",
        ),
        (
            "c.json",
            "{\"security\": {\"jwt-secret\": \"changeme\"}}\n",
            "security.jwt-secret",
        ),
    ];
    for (name, text, key) in cases {
        let r = validate_text(name, text, &[]);
        assert_eq!(
            findings(&r),
            vec![f("KW004", r["findings"][0]["line"].as_u64().unwrap(), key)],
            "{name}"
        );
    }
}

#[test]
fn dotenv_syntax_quotes_export_multiline_and_comments() {
    let text = "# JWT_SECRET=changeme (a comment, not a setting)\n\
export API_TOKEN='Zq3kVh9w2Lr8 # not a comment'\n\
PRIVATE_KEY=\"-----BEGIN KEY-----\nabc\n-----END KEY-----\"\n\
DB_PASSWORD=\"short\" # trailing comment\n";
    let r = validate_text(".env", text, &[]);
    assert_eq!(
        findings(&r),
        vec![
            f("KW002", 2, "API_TOKEN"),
            f("KW003", 3, "PRIVATE_KEY"),
            f("KW002", 6, "DB_PASSWORD"),
        ]
    );
}

#[test]
fn inputs_merge_in_order_and_findings_name_the_source() {
    let dir = tempfile::tempdir().unwrap();
    let a = write_file(
        dir.path(),
        "a.env",
        "JWT_SECRET=changeme\nDEBUG=true\n",
        0o600,
    );
    let b = write_file(
        dir.path(),
        "b.yaml",
        "jwt_secret: Zq3kVh9w2Lr8Tn5Xy1Bp6Mc4Df7Gs0JaQ\n",
        0o600,
    );
    let r = json_with_code(
        kw().args(["config", "validate", "--format", "json"])
            .arg(&a)
            .arg(&b),
        1,
    );
    let fs = r["findings"].as_array().unwrap();
    assert_eq!(fs.len(), 1);
    assert_eq!(fs[0]["rule"], "KW073");
    assert_eq!(fs[0]["file"], a.display().to_string());
    // Reversed: the placeholder wins and is reported where it stands.
    let r = json_with_code(
        kw().args(["config", "validate", "--format", "json"])
            .arg(&b)
            .arg(&a),
        1,
    );
    assert_eq!(ids(&r), vec!["KW004", "KW073"]);
    assert_eq!(r["findings"][0]["file"], a.display().to_string());
    assert_eq!(r["summary"]["files"], 2);
}

#[test]
fn references_resolve_against_the_merged_input() {
    // ${VAR} pointing at a setting: checked where the value is defined.
    let r = validate_text(
        "c.env",
        "REAL_SECRET=changeme\nJWT_SECRET=${REAL_SECRET}\nTLS_ENABLED=${TLS_ON}\nTLS_ON=false\n",
        &[],
    );
    assert_eq!(
        findings(&r),
        vec![f("KW004", 1, "REAL_SECRET"), f("KW040", 3, "TLS_ENABLED")]
    );
    // An unresolved reference is not a literal secret; a default is.
    let r = validate_text(
        "c.env",
        "JWT_SECRET=${FROM_ENV}\nAPI_TOKEN=${TOKEN:-changeme}\n",
        &[],
    );
    assert_eq!(findings(&r), vec![f("KW004", 2, "API_TOKEN")]);
}

#[test]
fn compose_and_kubernetes_settings() {
    let compose = "services:\n  db:\n    image: postgres\n    environment:\n      POSTGRES_PASSWORD: postgres\n  app:\n    environment:\n      - DEBUG=true\n      - JWT_SECRET=${JWT_SECRET}\n";
    let r = validate_text("docker-compose.yml", compose, &[]);
    assert_eq!(
        findings(&r),
        vec![f("KW004", 5, "POSTGRES_PASSWORD"), f("KW073", 8, "DEBUG")]
    );
    // base64 "changeme" in data, a literal in stringData; a ConfigMap in the same stream.
    let k8s = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  JWT_SECRET: Y2hhbmdlbWU=\nstringData:\n  API_TOKEN: short\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  TLS_ENABLED: \"false\"\n";
    let r = validate_text("k8s.yaml", k8s, &[]);
    assert_eq!(
        findings(&r),
        vec![
            f("KW004", 6, "JWT_SECRET"),
            f("KW002", 8, "API_TOKEN"),
            f("KW040", 15, "TLS_ENABLED"),
        ]
    );
}

#[test]
fn directories_stdin_and_forced_types() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("sub/.git")).unwrap();
    write_file(dir.path(), ".env", "JWT_SECRET=changeme\n", 0o600);
    write_file(&dir.path().join("sub"), "app.yaml", "debug: true\n", 0o600);
    write_file(
        &dir.path().join("sub"),
        "notes.txt",
        "JWT_SECRET=changeme\n",
        0o600,
    );
    write_file(
        &dir.path().join("sub/.git"),
        "x.env",
        "JWT_SECRET=changeme\n",
        0o600,
    );
    let r = json_with_code(
        kw().args(["config", "validate", "--format", "json"])
            .arg(dir.path()),
        1,
    );
    assert_eq!(ids(&r), vec!["KW004", "KW073"]);
    assert_eq!(r["summary"]["files"], 2);
    // --glob picks other names.
    let r = json_with_code(
        kw().args([
            "config", "validate", "--format", "json", "--glob", "*.txt", "--type", "dotenv",
        ])
        .arg(dir.path()),
        1,
    );
    assert_eq!(ids(&r), vec!["KW004"]);
    // stdin, sniffed and forced.
    let r = json_with_code(
        kw().args(["config", "validate", "--format", "json", "-"])
            .write_stdin("security:\n  jwt_secret: changeme\n"),
        1,
    );
    assert_eq!(findings(&r), vec![f("KW004", 2, "security.jwt_secret")]);
    assert_eq!(r["findings"][0]["file"], "-");
    let r = json_with_code(
        kw().args([
            "config", "validate", "--format", "json", "--type", "toml", "-",
        ])
        .write_stdin("jwt_secret = \"changeme\"\n"),
        1,
    );
    assert_eq!(ids(&r), vec!["KW004"]);
    // --env reads the process environment.
    let r = json_with_code(
        kw().args(["config", "validate", "--format", "json", "--env"])
            .env("KWTEST_JWT_SECRET", "changeme"),
        1,
    );
    assert!(findings(&r).contains(&f("KW004", 0, "KWTEST_JWT_SECRET")));
}

#[test]
fn unparseable_files_exit_3_with_file_line_column() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (".env", "A=1\nB=\"open\n", ":2:3: unterminated \" quote"),
        (
            ".env",
            "A=1\nnot a setting\n",
            ":2:5: expected `=` after not",
        ),
        ("c.yaml", "a: 1\nb: [1, 2\n", ":"),
        ("c.json", "{\n \"a\": 1,\n}\n", ":3:1: invalid JSON"),
        ("c.toml", "a = 1\nb = \n", ":2:"),
    ];
    for (name, text, want) in cases {
        let p = write_file(dir.path(), name, text, 0o600);
        let out = kw()
            .args(["config", "validate"])
            .arg(&p)
            .assert()
            .code(3)
            .get_output()
            .clone();
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.contains(&format!("{}{want}", p.display())),
            "{name}: {err}"
        );
    }
    // A missing file is the environment's problem.
    kw().args(["config", "validate", "/nonexistent/.env"])
        .assert()
        .code(4);
    // No inputs at all is a usage error.
    kw().args(["config", "validate"]).assert().code(2);
    kw().args(["config", "validate", "--format", "csv", "x.env"])
        .assert()
        .code(2);
}

#[test]
fn secret_values_never_appear_in_any_format() {
    let secret = "supersecret-but-in-a-test-value-Zq3kVh9w";
    let url_pw = "Qm9vb3Bhc3N3b3Jk";
    let text = format!(
        "JWT_SECRET={secret}\nAPI_TOKEN={secret}\nDATABASE_URL=postgresql://app:{url_pw}@db/app\nSHORT_PASSWORD=abc\n"
    );
    let dir = tempfile::tempdir().unwrap();
    let p = write_file(dir.path(), ".env", &text, 0o600);
    for format in ["text", "json", "sarif"] {
        let out = kw()
            .args(["config", "validate", "--format", format])
            .arg(&p)
            .assert()
            .code(1)
            .get_output()
            .clone();
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!all.contains(&secret[..6]), "{format}: {all}");
        assert!(!all.contains(&url_pw[..4]), "{format}: {all}");
        assert!(!all.contains("abc"), "{format}");
        assert!(all.contains("su…, 40 chars"), "{format}: {all}");
    }
}

#[test]
fn text_output_groups_by_file_with_a_summary() {
    let o = kw()
        .args(["config", "validate"])
        .arg(data("seed003.env"))
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(o).unwrap();
    let file = data("seed003.env").display().to_string();
    assert!(text.starts_with(&format!("{file}\n")), "{text}");
    assert!(
        text.contains(&format!("  {file}:2: error   KW004 ")),
        "{text}"
    );
    assert!(text.contains("fix: "), "{text}");
    assert!(
        text.ends_with(
            "2 errors, 0 warnings, 0 infos in 1 input (10 settings, profile production)\n"
        ),
        "{text}"
    );
    assert!(!text.contains('\x1b'), "no colour off a terminal");
    let colored = kw()
        .args(["--color", "always", "config", "validate"])
        .arg(data("seed003.env"))
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&colored.stdout).contains("\x1b[1;31merror"));
}

#[test]
fn sarif_is_valid_2_1_0() {
    let s = json_with_code(
        kw().args(["config", "validate", "--format", "sarif"])
            .arg(data("seed002.env")),
        1,
    );
    assert_eq!(s["version"], "2.1.0");
    assert!(s["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &s["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "keyward");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.iter().any(|r| r["id"] == "KW004"));
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 5);
    for r in results {
        let idx = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[idx]["id"], r["ruleId"]);
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap()));
        assert!(r["message"]["text"].as_str().unwrap().len() > 10);
        let loc = &r["locations"][0]["physicalLocation"];
        assert!(
            loc["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .ends_with("seed002.env")
        );
        assert!(loc["region"]["startLine"].as_u64().unwrap() >= 1);
    }
    assert_eq!(results[0]["ruleId"], "KW004");
    assert_eq!(results[0]["level"], "error");
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["region"]["startLine"],
        2
    );
}

#[test]
fn fail_on_sets_the_threshold() {
    // seed001-config.yaml has only a warning.
    let p = data("seed001-config.yaml");
    kw().args(["config", "validate"]).arg(&p).assert().code(0);
    kw().args(["config", "validate", "--fail-on", "warning"])
        .arg(&p)
        .assert()
        .code(1);
    kw().args(["config", "validate", "--fail-on", "info"])
        .arg(&p)
        .assert()
        .code(1);
    kw().args(["config", "validate", "--fail-on", "fatal"])
        .arg(&p)
        .assert()
        .code(2);
}

#[test]
fn profiles_from_flag_or_config() {
    let text = "TLS_ENABLED=false\nDEBUG=true\nJWT_SECRET=changeme\n";
    let r = validate_text(".env", text, &["--profile", "development"]);
    assert_eq!(ids(&r), vec!["KW004"]);
    assert_eq!(r["profile"], "development");
    let r = validate_text(".env", &format!("ENVIRONMENT=development\n{text}"), &[]);
    assert_eq!(ids(&r), vec!["KW004"]);
    assert_eq!(r["profile_source"], "config");
    let r = validate_text(".env", text, &[]);
    assert_eq!(ids(&r), vec!["KW040", "KW073", "KW004"]);
    assert_eq!(r["profile_source"], "default");
}

#[test]
fn inline_ignore_comments_suppress_rules() {
    let text = "JWT_SECRET=changeme # keyward:ignore KW004 local demo only\n# keyward:ignore KW073 the debug toolbar is wanted here\nDEBUG=true\nTLS_ENABLED=false\n";
    let r = validate_text(".env", text, &[]);
    assert_eq!(ids(&r), vec!["KW040"]);
    assert_eq!(r["summary"]["suppressed"], 2);
    let r = validate_text(
        "c.yaml",
        "tls:\n  enabled: false  # keyward:ignore KW040 TLS ends at the proxy\n",
        &[],
    );
    assert_eq!(ids(&r), Vec::<String>::new());
    // An unknown id is an error, with where.
    let dir = tempfile::tempdir().unwrap();
    let p = write_file(
        dir.path(),
        ".env",
        "A=1\nDEBUG=true # keyward:ignore KW999 why\n",
        0o600,
    );
    let out = kw()
        .args(["config", "validate"])
        .arg(&p)
        .assert()
        .code(3)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(&format!("{}:2: unknown rule id KW999", p.display())),
        "{err}"
    );
}

#[test]
fn policy_disables_regrades_and_aliases() {
    let dir = tempfile::tempdir().unwrap();
    let env = write_file(
        dir.path(),
        ".env",
        "MY_SIGNER=changeme\nPBKDF2_ITERATIONS=300000\nDEBUG=true\n",
        0o600,
    );
    let policy = write_file(
        dir.path(),
        "keyward-policy.toml",
        "disable = [\"KW073\"]\n[severity]\nKW020 = \"error\"\n[aliases]\nMY_SIGNER = \"JWT_SECRET\"\n",
        0o600,
    );
    let r = json_with_code(
        kw().args(["config", "validate", "--format", "json", "--policy"])
            .arg(&policy)
            .arg(&env),
        1,
    );
    assert_eq!(ids(&r), vec!["KW004", "KW020"]);
    assert_eq!(r["findings"][1]["severity"], "error");
    assert_eq!(r["summary"]["suppressed"], 1);
    // Without the policy MY_SIGNER is no secret name.
    let r = json_with_code(
        kw().args(["config", "validate", "--format", "json"])
            .arg(&env),
        1,
    );
    assert_eq!(ids(&r), vec!["KW020", "KW073"]);
    let bad = write_file(dir.path(), "bad.toml", "disable = [\"KW123\"]\n", 0o600);
    let out = kw()
        .args(["config", "validate", "--policy"])
        .arg(&bad)
        .arg(&env)
        .assert()
        .code(3)
        .get_output()
        .clone();
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown rule id KW123"));
}

#[test]
fn rules_are_listed_and_documented() {
    let rules = json_with_code(kw().args(["config", "rules", "--format", "json"]), 0);
    let rules = rules.as_array().unwrap();
    assert!(rules.len() >= 30);
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    for r in rules {
        for field in ["id", "severity", "title", "why", "fix"] {
            assert!(!r[field].as_str().unwrap().is_empty());
        }
        let id = r["id"].as_str().unwrap();
        let title = r["title"].as_str().unwrap();
        assert!(
            readme.contains(&format!("| {id} |")) && readme.contains(title),
            "README lacks {id} {title}"
        );
    }
    let table = stdout_of(kw().args(["config", "rules"]));
    assert!(table.contains("KW001") && table.contains("KW075"));
}

#[test]
fn templates_validate_clean_for_every_service_and_profile() {
    let dir = tempfile::tempdir().unwrap();
    for service in ["generic", "memoric", "tiger", "mem0"] {
        for profile in ["production", "development"] {
            let text = stdout_of(kw().args([
                "config",
                "template",
                "--service",
                service,
                "--profile",
                profile,
            ]));
            let again = stdout_of(kw().args([
                "config",
                "template",
                "--service",
                service,
                "--profile",
                profile,
            ]));
            assert_ne!(text, again, "fresh secrets on every run");
            let p = write_file(
                dir.path(),
                &format!("{service}-{profile}.env"),
                &text,
                0o600,
            );
            // The template's own ENVIRONMENT line picks the profile.
            let r = json_with_code(
                kw().args([
                    "config",
                    "validate",
                    "--format",
                    "json",
                    "--fail-on",
                    "info",
                ])
                .arg(&p),
                0,
            );
            assert_eq!(findings(&r), vec![], "{service} {profile}");
            assert_eq!(r["profile"], profile);
            assert!(r["summary"]["settings"].as_u64().unwrap() >= 20);
        }
    }
    let mem = stdout_of(kw().args(["config", "template", "--service", "memoric"]));
    assert!(mem.contains("MEMORIC_ENCRYPTION_KEY=") && mem.contains("MEMORIC_JWT_SECRET="));
    let mem0 = stdout_of(kw().args(["config", "template", "--service", "mem0"]));
    assert!(mem0.contains("MEM0AI_USE_TLS=true") && mem0.contains("MEM0AI_VERIFY_SSL=true"));
}

#[test]
fn template_out_is_private_and_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("prod.env");
    kw().args(["config", "template", "--out"])
        .arg(&p)
        .assert()
        .success()
        .stdout("");
    assert_eq!(crate::util::mode(&p), 0o600);
    let first = std::fs::read_to_string(&p).unwrap();
    kw().args(["config", "template", "--out"])
        .arg(&p)
        .assert()
        .code(4);
    assert_eq!(std::fs::read_to_string(&p).unwrap(), first);
    kw().args(["config", "template", "--force", "--out"])
        .arg(&p)
        .assert()
        .success();
    assert_ne!(std::fs::read_to_string(&p).unwrap(), first);
    kw().args(["config", "template", "--format", "json"])
        .assert()
        .code(2);
}

#[test]
fn secrets_a_setting_needs_but_no_input_sets() {
    let r = validate_text(
        ".env",
        "JWT_ALGORITHM=HS256\nENCRYPTION_ENABLED=true\n",
        &[],
    );
    assert_eq!(
        findings(&r),
        vec![
            f("KW001", 1, "JWT_ALGORITHM"),
            f("KW001", 2, "ENCRYPTION_ENABLED")
        ]
    );
    assert!(
        r["findings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("no JWT secret")
    );
    // Set, or named as an environment variable the service reads: not missing.
    let r = validate_text(
        ".env",
        "JWT_ALGORITHM=HS256\nJWT_SECRET=${FROM_VAULT}\nENCRYPTION_ENABLED=true\nENCRYPTION_PASSPHRASE_ENV_VAR=APP_PASSPHRASE\n",
        &[],
    );
    assert_eq!(findings(&r), vec![]);
    // Seed 001's config.yaml with its environment file: the key is there
    // (and is the documentation placeholder).
    let r = json_with_code(
        kw().args(["config", "validate", "--format", "json"])
            .arg(data("seed001-config.yaml"))
            .arg(data("seed001.env")),
        1,
    );
    let rules = ids(&r);
    assert!(!rules.contains(&"KW001".to_string()), "{rules:?}");
    assert_eq!(
        r["findings"][0]["file"],
        data("seed001-config.yaml").display().to_string()
    );
}
