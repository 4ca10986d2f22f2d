//! `config validate` and `config rules`, end to end.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde_json::Value;

use crate::util::{json_with_code, kw, kw_path, stdout_of, write_file};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/configs")
        .join(name)
}

/// A temporary directory the fixtures of one test are written into.
struct Fixtures(tempfile::TempDir);

impl Fixtures {
    fn new() -> Self {
        Fixtures(tempfile::tempdir().unwrap())
    }

    fn path(&self) -> &Path {
        self.0.path()
    }

    /// Writes `text` to `name` (which may hold `/`), mode 0600.
    fn file(&self, name: &str, text: &str) -> PathBuf {
        let p = self.0.path().join(name);
        let dir = p.parent().unwrap();
        std::fs::create_dir_all(dir).unwrap();
        write_file(dir, p.file_name().unwrap().to_str().unwrap(), text, 0o600)
    }
}

/// `config validate --format json` with `args` (flags and inputs),
/// expecting exit `code`; the report.
fn validate(args: &[&dyn AsRef<OsStr>], code: i32) -> Value {
    let mut cmd = kw();
    cmd.args(["config", "validate", "--format", "json"]);
    for a in args {
        cmd.arg(a);
    }
    json_with_code(&mut cmd, code)
}

/// `config validate` with `args`, expecting exit `code`; its stderr.
fn validate_stderr(args: &[&dyn AsRef<OsStr>], code: i32) -> String {
    let mut cmd = kw();
    cmd.args(["config", "validate"]);
    for a in args {
        cmd.arg(a);
    }
    let out = cmd.assert().code(code).get_output().clone();
    String::from_utf8(out.stderr).unwrap()
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
    let dir = Fixtures::new();
    let p = dir.file(name, text);
    let mut args: Vec<&dyn AsRef<OsStr>> = extra.iter().map(|a| a as &dyn AsRef<OsStr>).collect();
    args.push(&p);
    let out = {
        let mut cmd = kw();
        cmd.args(["config", "validate", "--format", "json"]);
        for a in &args {
            cmd.arg(a);
        }
        cmd.output().unwrap()
    };
    assert!(
        out.status.code() == Some(0) || out.status.code() == Some(1),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Each fixture of tests/data/configs gives exactly these findings and exit code.
fn assert_exact_findings(cases: Vec<(&str, i32, Vec<Found>)>) {
    for (name, code, want) in cases {
        let report = validate(&[&data(name)], code);
        assert_eq!(findings(&report), want, "{name}");
    }
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
                f("KW004", 11, "DATABASE_URL"),
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
                f("KW012", 2, "ENCRYPTION_MASTER_KEY"),
                f("KW004", 3, "JWT_SECRET"),
                f("KW004", 6, "DATABASE_URL"),
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
                f("KW004", 21, "REDIS_URL"),
                f("KW063", 21, "REDIS_URL"),
            ],
        ),
        (
            "seed004-checklist.env",
            1,
            vec![f("KW004", 5, "REDIS_PASSWORD")],
        ),
    ];
    assert_exact_findings(cases);
    // seed 002 declares ENVIRONMENT=production itself.
    let report = validate(&[&data("seed002.env")], 1);
    assert_eq!(report["profile"], "production");
    assert_eq!(report["profile_source"], "config");
}

#[test]
fn third_party_samples_parse_and_report() {
    let cases: Vec<(&str, i32, Vec<Found>)> = vec![
        (
            "mem0-server.env.example",
            0,
            vec![
                f("KW001", 1, "OPENAI_API_KEY"),
                f("KW001", 12, "POSTGRES_PASSWORD"),
                f("KW001", 15, "ADMIN_API_KEY"),
                f("KW001", 16, "JWT_SECRET"),
            ],
        ),
        (
            "n8n-hosting-postgres-secret.yaml",
            1,
            vec![
                f("KW004", 9, "POSTGRES_PASSWORD"),
                f("KW004", 12, "POSTGRES_NON_ROOT_PASSWORD"),
            ],
        ),
        (
            // `changePassword`-style placeholders, not merely short values;
            // the user names beside them are no secrets.
            "n8n-hosting-withPostgres.env",
            1,
            vec![
                f("KW004", 4, "POSTGRES_PASSWORD"),
                f("KW004", 8, "POSTGRES_NON_ROOT_PASSWORD"),
                f("KW004", 10, "RUNNERS_AUTH_TOKEN"),
            ],
        ),
        (
            // OPENAI_API_KEY=${OPENAI_API_KEY} is a reference, not a secret.
            "zep-legacy-docker-compose.ce.yaml",
            1,
            vec![
                f("KW004", 29, "POSTGRES_PASSWORD"),
                f("KW002", 68, "NEO4J_PASSWORD"),
            ],
        ),
        (
            "zep-legacy-zep.yaml",
            1,
            vec![
                f("KW004", 15, "postgres.password"),
                f("KW042", 30, "graphiti.service_url"),
                f("KW001", 34, "api_secret"),
            ],
        ),
    ];
    assert_exact_findings(cases);
}

/// Fixtures per rule: one that triggers it and one like it that does not,
/// for every case the issue names (each placeholder family, each key
/// encoding, each KDF, ...). Run under `--profile production`.
const RULE_CASES: &[(&str, &str, &str, &str)] = &[
    (
        "KW004",
        ".env",
        "DATABASE_URL=postgresql://postgres:postgres@db/app?sslmode=require\n",
        "DATABASE_URL=postgresql://app:Zq3kVh9w2Lr8Tn5Xy1Bp6Mc4@db/app?sslmode=require\n",
    ),
    (
        "KW072",
        ".env",
        "MEM0AI_AUTH_LOCKOUT_MINUTES=15\n",
        "MEM0AI_AUTH_LOCKOUT_MINUTES=15\nMEM0AI_MAX_AUTH_FAILURES=5\n",
    ),
    (
        "KW072",
        ".env",
        "MAX_LOGIN_ATTEMPTS=1000\n",
        "MAX_LOGIN_ATTEMPTS=10\n",
    ),
    // A JSON-array list, a driver-qualified PostgreSQL URL (asyncpg spells
    // it ssl=require), Redis by host, an expiry in milliseconds, key bytes
    // of one value: each fires, and its sound twin does not.
    (
        "KW050",
        ".env",
        "CORS_ORIGINS=[\"*\"]\n",
        "CORS_ORIGINS=[\"https://app.example.com\"]\n",
    ),
    (
        "KW051",
        ".env",
        "CORS_ORIGINS=['*']\nCORS_ALLOW_CREDENTIALS=true\n",
        "CORS_ORIGINS=['https://app.example.com']\nCORS_ALLOW_CREDENTIALS=true\n",
    ),
    (
        "KW060",
        ".env",
        "DATABASE_URL=postgresql+asyncpg://app@db/app\n",
        "DATABASE_URL=postgresql+asyncpg://app@db/app?ssl=require\n",
    ),
    (
        "KW062",
        ".env",
        "REDIS_HOST=cache\n",
        "REDIS_HOST=cache\nREDIS_PASSWORD=${REDIS_PASSWORD_FROM_VAULT}\n",
    ),
    (
        "KW031",
        ".env",
        "JWT_SECRET=${J}\nJWT_EXPIRATION_MS=172800000\n",
        "JWT_SECRET=${J}\nJWT_EXPIRATION_MS=3600000\n",
    ),
    (
        "KW005",
        ".env",
        "FERNET_KEY=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",
        "FERNET_KEY=Zq3kVh9w2Lr8Tn5Xc1Bp6Mv4Df7Gs0JaQeWuYiOpLk8=\n",
    ),
    (
        "KW004",
        ".env",
        "ADMIN_PASSWORD=<your-admin-password>\n",
        "ADMIN_PASSWORD=Xk9#mP2vL8<nQ4@wR7!tY3&zB6^cF1%qW\n",
    ),
    (
        "KW004",
        ".env",
        "ADMIN_PASSWORD=<password>\n",
        "ADMIN_PASSWORD=Xk9#mP2vL8<Tn5>wR7!tY3&zB6^cF1%qW\n",
    ),
    (
        "KW002",
        ".env",
        "API_TOKEN=short-Zq3k\n",
        "TOKEN_AUDIENCE=my-api\nPASSWORD_HASHERS=argon2\nSORT_KEY=created_at\nSECRETS_MANAGER_REGION=us-east-1\n",
    ),
    (
        "KW001",
        ".env",
        "JWT_SECRET=\n",
        "JWT_SECRET=${FROM_VAULT}\n",
    ),
    (
        "KW001",
        "c.yaml",
        "auth:\n  jwt_secret:\n",
        "auth:\n  jwt_secret: \"$(cat /run/secrets/jwt)\"\n",
    ),
    (
        "KW001",
        ".env",
        "ENCRYPTION_ENABLED=true\n",
        "ENCRYPTION_ENABLED=true\nENCRYPTION_MASTER_KEY=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n",
    ),
    (
        "KW001",
        ".env",
        "JWT_ALGORITHM=HS256\nJWT_EXPIRATION_HOURS=1\n",
        "JWT_ALGORITHM=HS256\nJWT_EXPIRATION_HOURS=1\nJWT_SECRET=Zq3kVh9w2Lr8Tn5Xy1Bp6Mc4Df7Gs0JaQ\n",
    ),
    (
        "KW001",
        ".env",
        "GOOGLE_CLIENT_ID=1234.apps.example.com\nGOOGLE_CLIENT_SECRET=\n",
        "GOOGLE_CLIENT_ID=\nGOOGLE_CLIENT_SECRET=\n",
    ),
    (
        "KW002",
        ".env",
        "API_TOKEN=Zq3kVh9w2Lr8\n",
        "API_TOKEN=Zq3kVh9w2Lr8Tn5Xy1Bp6Mc4Df7Gs0JaQ\n",
    ),
    (
        "KW002",
        ".env",
        "PGPASSWORD=Zq3kVh9w2Lr8\n",
        "PGPASSWORD=Zq3kVh9w2Lr8Tn5Xy1Bp6Mc4Df7Gs0JaQ\n",
    ),
    (
        "KW002",
        "c.toml",
        "[ldap]\nkey_seed = \"Zq3kVh9w2Lr8\"\n",
        "[ldap]\nkey_seed = \"Zq3kVh9w2Lr8Tn5Xy1Bp6Mc4Df7Gs0JaQ\"\n",
    ),
    (
        "KW002",
        ".env",
        "PASSWORD_SALT=Zq3kVh9w\n",
        "PASSWORD_SALT=Zq3kVh9w2Lr8Tn5Xy1Bp6Mc4Df7Gs0JaQ\n",
    ),
    (
        "KW002",
        ".env",
        "STRIPE_WEBHOOK_SECRET=Zq3kVh9w2Lr8\n",
        "MAX_TOKENS=4096\n",
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
        "KW004",
        ".env",
        "JWT_SECRET=your-jwt-secret-key-here-minimum-32-characters\n",
        "JWT_SECRET=Zq3kVh9w2Lr8Tn5Xy1Bp6Mc4Df7Gs0JaQ\n",
    ),
    (
        "KW004",
        ".env",
        "ENCRYPTION_MASTER_KEY=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n",
        "ENCRYPTION_MASTER_KEY=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n",
    ),
    (
        "KW004",
        ".env",
        "SECRET_KEY=secret\n",
        "SECRET_KEY=Zq3kVh9w2Lr8Tn5Xy1Bp6Mc4Df7Gs0JaQ\n",
    ),
    (
        "KW004",
        ".env",
        "SHARED_SECRET=supersecret\n",
        "SHARED_SECRET=Zq3kVh9w2Lr8Tn5Xy1Bp6Mc4Df7Gs0JaQ\n",
    ),
    (
        "KW004",
        ".env",
        "POSTGRES_PASSWORD=postgres\n",
        "POSTGRES_USER=postgres\nPOSTGRES_PASSWORD=Zq3kVh9w2Lr8Tn5Xy1Bp6Mc4Df7Gs0JaQ\n",
    ),
    (
        "KW004",
        ".env",
        "REDIS_PASSWORD=your-strong-password\n",
        "REDIS_PASSWORD=Zq3kVh9w2Lr8Tn5Xy1Bp6Mc4Df7Gs0JaQ\n",
    ),
    (
        "KW004",
        ".env",
        "UTILS_SECRET=generate_a_new_key\n",
        "UTILS_SECRET=Zq3kVh9w2Lr8Tn5Xy1Bp6Mc4Df7Gs0JaQ\n",
    ),
    (
        "KW004",
        ".env",
        "API_KEY=my-test-api-key-0123-long-enough-too\n",
        "API_KEY=Zq3kVh9w2Lr8Tn5Xy1Bp6Mc4Df7Gs0JaQ\n",
    ),
    (
        "KW004",
        ".env",
        "ADMIN_PASSWORD=demo-password-for-the-example-setup\n",
        "ADMIN_PASSWORD=Zq3kVh9w2Lr8Tn5Xy1Bp6Mc4Df7Gs0JaQ\n",
    ),
    (
        "KW004",
        ".env",
        "POSTGRES_PASSWORD=changePassword\n",
        "POSTGRES_PASSWORD=Zq3kVh9w2Lr8Tn5Xy1Bp6Mc4Df7Gs0JaQ\n",
    ),
    (
        "KW005",
        ".env",
        "ENCRYPTION_MASTER_KEY=0000000000000000000000000000000000000000000000000000000000000000\n",
        "ENCRYPTION_MASTER_KEY=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n",
    ),
    (
        "KW005",
        ".env",
        "ENCRYPTION_MASTER_KEY=ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12\n",
        "ENCRYPTION_MASTER_KEY=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n",
    ),
    (
        "KW006",
        ".env",
        "JWT_SECRET=Zq3kVh9w2Lr8Tn5Xy1Bp6Mc4Df7Gs0JaQ\nSESSION_SECRET=Zq3kVh9w2Lr8Tn5Xy1Bp6Mc4Df7Gs0JaQ\n",
        "JWT_SECRET=Zq3kVh9w2Lr8Tn5Xy1Bp6Mc4Df7Gs0JaQ\nSESSION_SECRET=Pm2nQw8eRt5yUi1oAs6dFg4hJk7lZx9c\n",
    ),
    (
        "KW006",
        "docker-compose.yml",
        "services:\n  app:\n    environment:\n      JWT_SECRET: Zq3kVh9w2Lr8Tn5Xy1Bp6Mc4Df7Gs0JaQ\n      ENCRYPTION_KEY: Zq3kVh9w2Lr8Tn5Xy1Bp6Mc4Df7Gs0JaQ\n",
        "services:\n  app:\n    environment:\n      DB_PASSWORD: ${POSTGRES_PASSWORD}\n  db:\n    environment:\n      POSTGRES_PASSWORD: Zq3kVh9w2Lr8Tn5Xy1Bp6Mc4Df7Gs0JaQ\n",
    ),
    (
        "KW010",
        ".env",
        "ENCRYPTION_KEY=Zq3kVh9w2Lr8Tn5Xy1Bp6Mc4Df7Gs0JaQ\n",
        "ENCRYPTION_KEY=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n",
    ),
    (
        "KW010",
        ".env",
        "ENCRYPTION_MASTER_KEY=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a\n",
        "ENCRYPTION_MASTER_KEY=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n",
    ),
    (
        "KW010",
        ".env",
        "MEMORIC_ENCRYPTION_KEY=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n",
        "MEMORIC_ENCRYPTION_KEY=FWJ1mAi2yuzwucZnAHMZP_Se98h2g3CthoieW0Bj2Yg=\n",
    ),
    (
        "KW010",
        ".env",
        "FERNET_KEY=FWJ1mAi2yuzwucZnAHMZP_Se98h2g3CthoieW0Bj2Y\n",
        "FERNET_KEY=FWJ1mAi2yuzwucZnAHMZP_Se98h2g3CthoieW0Bj2Yg=\n",
    ),
    (
        "KW011",
        "config.yaml",
        "privacy:\n  encrypt_content: false\n",
        "privacy:\n  encrypt_content: true\n",
    ),
    (
        "KW011",
        ".env",
        "ENCRYPTION_ENABLED=false\n",
        "ENCRYPTION_ENABLED=true\nENCRYPTION_MASTER_KEY=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n",
    ),
    // Seed 002 base64-decodes its master key: hex (what its document asks
    // for) is refused; another service's hex key is no finding.
    (
        "KW012",
        ".env",
        "ENCRYPTION_MASTER_KEY=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n",
        "ENCRYPTION_MASTER_KEY=Q+eTcohUYCjZrfAem0fnr5OgVEgBrdva2RiOb4PGrIo=\n",
    ),
    (
        "KW012",
        "c.yaml",
        "tiger:\n  encryption_master_key: \"9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08\"\n",
        "tiger:\n  encryption_key: \"9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08\"\n",
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
        "KW021",
        "c.json",
        "{\"kdf\": {\"pbkdf2_iterations\": 99999}}\n",
        "{\"kdf\": {\"pbkdf2_iterations\": 100000}}\n",
    ),
    (
        "KW022",
        "c.toml",
        "[kdf]\nscrypt_n = 16384\n",
        "[kdf]\nscrypt_n = 131072\n",
    ),
    ("KW022", ".env", "SCRYPT_LOG_N=14\n", "SCRYPT_LOG_N=17\n"),
    ("KW023", ".env", "BCRYPT_ROUNDS=8\n", "BCRYPT_ROUNDS=12\n"),
    (
        "KW023",
        "c.yaml",
        "bcrypt:\n  cost: 9\n",
        "bcrypt:\n  cost: 10\n",
    ),
    (
        "KW024",
        ".env",
        "ARGON2_MEMORY_COST=4096\n",
        "ARGON2_MEMORY_COST=65536\n",
    ),
    (
        "KW024",
        ".env",
        "ARGON2_MEMORY_MIB=16\n",
        "ARGON2_MEMORY_MIB=19\n",
    ),
    (
        "KW030",
        ".env",
        "JWT_ALGORITHM=none\n",
        "JWT_ALGORITHM=HS256\n",
    ),
    (
        "KW030",
        "c.yaml",
        "jwt:\n  algorithms: [HS256, none]\n",
        "jwt:\n  algorithms: [HS256, RS256]\n",
    ),
    (
        "KW031",
        ".env",
        "JWT_EXPIRATION_HOURS=168\n",
        "JWT_EXPIRATION_HOURS=24\n",
    ),
    (
        "KW031",
        ".env",
        "JWT_EXPIRES_IN=7d\n",
        "JWT_EXPIRES_IN=1h\n",
    ),
    (
        "KW032",
        "c.yaml",
        "security:\n  token_expiry_seconds: 0\n",
        "security:\n  token_expiry_seconds: 3600\n",
    ),
    ("KW032", ".env", "JWT_EXPIRY=never\n", "JWT_EXPIRY=3600\n"),
    (
        "KW032",
        ".env",
        "JWT_VERIFY_EXP=false\n",
        "JWT_VERIFY_EXP=true\n",
    ),
    ("KW040", ".env", "TLS_ENABLED=false\n", "TLS_ENABLED=true\n"),
    (
        "KW040",
        ".env",
        "MEM0AI_USE_TLS=false\n",
        "MEM0AI_USE_TLS=true\n",
    ),
    (
        "KW041",
        ".env",
        "MEM0AI_VERIFY_SSL=false\n",
        "MEM0AI_VERIFY_SSL=true\n",
    ),
    (
        "KW041",
        ".env",
        "NODE_TLS_REJECT_UNAUTHORIZED=0\n",
        "NODE_TLS_REJECT_UNAUTHORIZED=1\n",
    ),
    (
        "KW041",
        "c.yaml",
        "upstream:\n  tls:\n    insecure_skip_verify: true\n",
        "upstream:\n  tls:\n    insecure_skip_verify: false\n",
    ),
    (
        "KW042",
        ".env",
        "API_BASE_URL=http://api.example.com\n",
        "API_BASE_URL=http://localhost:8000\n",
    ),
    (
        "KW042",
        ".env",
        "ALLOWED_ORIGINS=https://a.example.com,http://b.example.com\n",
        "ALLOWED_ORIGINS=https://a.example.com,https://b.example.com\n",
    ),
    (
        "KW043",
        ".env",
        "TLS_CERT_FILE=/nonexistent/cert.pem\n",
        "TLS_CERT_FILE=\n",
    ),
    (
        "KW043",
        ".env",
        "TLS_KEY_FILE=/\n",
        "TLS_KEY_FILE=-----BEGIN PRIVATE KEY-----\n",
    ),
    (
        "KW050",
        ".env",
        "ALLOWED_ORIGINS=*\n",
        "ALLOWED_ORIGINS=https://app.example.com\n",
    ),
    (
        "KW050",
        "c.yaml",
        "cors:\n  origins:\n    - \"*\"\n",
        "cors:\n  origins:\n    - https://app.example.com\n",
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
        "KW052",
        ".env",
        "ALLOWED_IPS=*\n",
        "ALLOWED_IPS=192.168.1.0/24,10.0.0.0/8\n",
    ),
    (
        "KW052",
        ".env",
        "FORWARDED_ALLOW_IPS=::/0\n",
        "FORWARDED_ALLOW_IPS=127.0.0.1\n",
    ),
    (
        "KW060",
        ".env",
        "DATABASE_URL=postgresql://db:5432/app\n",
        "DATABASE_URL=postgresql://db:5432/app?sslmode=verify-full\n",
    ),
    (
        "KW060",
        ".env",
        "DATABASE_URL=postgres://db/app?sslmode=prefer\n",
        "DATABASE_URL=postgres://db/app?sslmode=require\n",
    ),
    (
        "KW060",
        ".env",
        "PGSSLMODE=disable\n",
        "PGSSLMODE=verify-full\n",
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
        "KW062",
        ".env",
        "REDIS_URL=rediss://cache:6379/0\n",
        "REDIS_URL=rediss://:${REDIS_PASSWORD}@cache:6379/0\n",
    ),
    (
        "KW063",
        ".env",
        "DATABASE_URL=postgresql://app:Zq3kVh9w2Lr8@db/app?sslmode=require\n",
        "DATABASE_URL=postgresql://app:${DB_PASSWORD}@db/app?sslmode=require\n",
    ),
    (
        "KW063",
        ".env",
        "BROKER_URL=amqps://user:Zq3kVh9w2Lr8@mq:5671/\n",
        "BROKER_URL=amqps://user@mq:5671/\n",
    ),
    (
        "KW070",
        "c.yaml",
        "security:\n  rate_limit_enabled: false\n",
        "security:\n  rate_limit_enabled: true\n",
    ),
    ("KW070", ".env", "RATE_LIMITING=off\n", "RATE_LIMITING=on\n"),
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
    (
        "KW072",
        ".env",
        "ACCOUNT_LOCKOUT=false\n",
        "ACCOUNT_LOCKOUT=true\n",
    ),
    ("KW073", ".env", "DEBUG=true\n", "DEBUG=false\n"),
    (
        "KW073",
        "c.yaml",
        "app:\n  debug: true\n",
        "app:\n  debug: false\n",
    ),
    ("KW073", ".env", "APP_DEBUG=1\n", "DEBUG=http\n"),
    (
        "KW074",
        "c.yaml",
        "audit:\n  enabled: false\n",
        "audit:\n  enabled: true\n",
    ),
    ("KW074", ".env", "AUDIT_LOGGING=off\n", "AUDIT_LOGGING=on\n"),
    (
        "KW075",
        "c.yaml",
        "audit:\n  enabled: true\n  retention_days: 90\n",
        "audit:\n  enabled: true\n  retention_days: 365\n",
    ),
];

#[test]
fn every_rule_has_a_triggering_and_a_clean_fixture() {
    let mut failures = Vec::new();
    for (rule, name, bad, good) in RULE_CASES {
        let report = validate_text(name, bad, &["--profile", "production"]);
        if !ids(&report).contains(&rule.to_string()) {
            failures.push(format!(
                "{rule} should fire on {bad:?}: {:?}",
                findings(&report)
            ));
        }
        let report = validate_text(name, good, &["--profile", "production"]);
        if ids(&report).contains(&rule.to_string()) {
            failures.push(format!(
                "{rule} should not fire on {good:?}: {:?}",
                findings(&report)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Both ways: every rule of the catalog is produced by some fixture (the
/// table above, tests/data/configs, the certificate files below), and
/// every rule id a fixture produces is in the catalog.
#[test]
fn fixtures_produce_exactly_the_catalog_rules() {
    use std::collections::BTreeSet;
    let mut produced: BTreeSet<String> = BTreeSet::new();
    for (_, name, bad, good) in RULE_CASES {
        for text in [bad, good] {
            for profile in ["production", "development"] {
                produced.extend(ids(&validate_text(name, text, &["--profile", profile])));
            }
        }
    }
    let mut data_files: Vec<PathBuf> = std::fs::read_dir(data(""))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().is_some_and(|n| n != "SOURCES.md"))
        .collect();
    data_files.sort();
    for file in &data_files {
        let out = kw()
            .args(["config", "validate", "--format", "json"])
            .arg(file)
            .output()
            .unwrap();
        let report: Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        produced.extend(ids(&report));
    }
    // KW044-KW046 need real files: an expired certificate, one expiring
    // soon, and a key others may read.
    let dir = Fixtures::new();
    make_cert(
        dir.path(),
        "old",
        &["--not-before", "2020-01-01", "--not-after", "2021-01-01"],
    );
    make_cert(dir.path(), "soon", &["--days", "10"]);
    std::fs::set_permissions(
        dir.path().join("soon.key"),
        std::os::unix::fs::PermissionsExt::from_mode(0o644),
    )
    .unwrap();
    let env = dir.file(
        "certs.env",
        "TLS_CERT_FILE=old.pem\nSSL_CERTFILE=soon.pem\nTLS_KEY_FILE=soon.key\n",
    );
    produced.extend(ids(&validate(&[&env], 1)));

    let rules = json_with_code(kw().args(["config", "rules", "--format", "json"]), 0);
    let catalog: BTreeSet<String> = rules
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    let unproduced: Vec<&String> = catalog.difference(&produced).collect();
    let uncataloged: Vec<&String> = produced.difference(&catalog).collect();
    assert!(
        unproduced.is_empty(),
        "catalog rules no fixture produces (add a fixture): {unproduced:?}"
    );
    assert!(
        uncataloged.is_empty(),
        "rule ids produced but not in the catalog: {uncataloged:?}"
    );
}

/// `cert create --san a.test` writing `dir/name.pem` and `dir/name.key`.
fn make_cert(dir: &Path, name: &str, validity: &[&str]) {
    kw().args(["cert", "create", "--san", "a.test"])
        .args(validity)
        .arg("--out")
        .arg(dir.join(format!("{name}.pem")))
        .arg("--key-out")
        .arg(dir.join(format!("{name}.key")))
        .assert()
        .success();
}

#[test]
fn certificate_files_are_checked_for_expiry_and_key_mode() {
    let dir = Fixtures::new();
    let d = dir.path();
    make_cert(
        d,
        "old",
        &["--not-before", "2020-01-01", "--not-after", "2021-01-01"],
    );
    make_cert(d, "soon", &["--days", "10"]);
    make_cert(d, "good", &["--days", "200"]);
    std::fs::set_permissions(
        d.join("soon.key"),
        std::os::unix::fs::PermissionsExt::from_mode(0o644),
    )
    .unwrap();
    // Relative paths resolve against the config file's directory.
    let cases = [
        ("old", 1, vec![f("KW044", 1, "TLS_CERT_FILE")]),
        (
            "soon",
            1,
            vec![
                f("KW045", 1, "TLS_CERT_FILE"),
                f("KW046", 2, "TLS_KEY_FILE"),
            ],
        ),
        ("good", 0, vec![]),
    ];
    for (name, code, want) in cases {
        let env = dir.file(
            &format!("{name}.env"),
            &format!("TLS_CERT_FILE={name}.pem\nTLS_KEY_FILE={name}.key\n"),
        );
        assert_eq!(findings(&validate(&[&env], code)), want, "{name}");
    }
    // A path that is no file, and (unless root reads it anyway) a file
    // nobody may read: KW043.
    std::fs::create_dir(d.join("dir.pem")).unwrap();
    std::fs::copy(d.join("good.pem"), d.join("locked.pem")).unwrap();
    std::fs::set_permissions(
        d.join("locked.pem"),
        std::os::unix::fs::PermissionsExt::from_mode(0o000),
    )
    .unwrap();
    let env = dir.file(
        "odd.env",
        "TLS_CERT_FILE=dir.pem\nSSL_CERTFILE=locked.pem\n",
    );
    let r = validate(&[&env], 1);
    let mut want = vec![f("KW043", 1, "TLS_CERT_FILE")];
    if std::fs::File::open(d.join("locked.pem")).is_err() {
        want.push(f("KW043", 2, "SSL_CERTFILE"));
    }
    assert_eq!(findings(&r), want);
    assert!(
        r["findings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("is not a file")
    );
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
    let dir = Fixtures::new();
    let a = dir.file("a.env", "JWT_SECRET=changeme\nDEBUG=true\n");
    let b = dir.file("b.yaml", "jwt_secret: Zq3kVh9w2Lr8Tn5Xy1Bp6Mc4Df7Gs0JaQ\n");
    let r = validate(&[&a, &b], 1);
    assert_eq!(findings(&r), vec![f("KW073", 2, "DEBUG")]);
    assert_eq!(r["findings"][0]["file"], a.display().to_string());
    // Reversed: the placeholder wins and is reported where it stands.
    let r = validate(&[&b, &a], 1);
    assert_eq!(ids(&r), vec!["KW004", "KW073"]);
    assert_eq!(r["findings"][0]["file"], a.display().to_string());
    assert_eq!(r["summary"]["files"], 2);
    // The process environment comes last, as a service reads it.
    let mut cmd = kw();
    cmd.args(["config", "validate", "--format", "json"])
        .arg(&a)
        .arg("--env")
        .env_clear()
        .env("JWT_SECRET", "Zq3kVh9w2Lr8Tn5Xy1Bp6Mc4Df7Gs0JaQ")
        .env("DEBUG", "false");
    assert_eq!(findings(&json_with_code(&mut cmd, 0)), vec![]);
}

#[test]
fn references_resolve_against_the_merged_input() {
    // A literal reached through ${VAR}: reported for the setting that uses
    // it, at the line where the literal is written, naming the reference.
    let dir = Fixtures::new();
    let env = dir.file(
        ".env",
        "BASE_SECRET=changeme\nJWT_SECRET=${BASE_SECRET}\nTLS_ENABLED=$TLS_ON\nTLS_ON=false\n",
    );
    let r = validate(&[&env], 1);
    assert_eq!(
        findings(&r),
        vec![
            f("KW004", 1, "BASE_SECRET"),
            f("KW004", 1, "JWT_SECRET"),
            f("KW040", 4, "TLS_ENABLED"),
        ]
    );
    let jwt = &r["findings"][1];
    assert!(
        jwt["message"]
            .as_str()
            .unwrap()
            .ends_with(&format!("(set at {}:2 as ${{BASE_SECRET}})", env.display())),
        "{jwt}"
    );
    assert_eq!(jwt["via"]["line"], 2);
    assert_eq!(jwt["via"]["file"], env.display().to_string());
    assert!(r["findings"][0].get("via").is_none());

    // A value no secret name marks, reached through a chain.
    let r = validate_text("c.env", "API_TOKEN=${A}\nA=${B}\nB=secret\n", &[]);
    assert_eq!(findings(&r), vec![f("KW004", 3, "API_TOKEN")]);
    assert!(
        r["findings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("as ${A} -> ${B})")
    );

    // ${VAR:-default}: the default when VAR is unset (or empty), VAR when set.
    let r = validate_text(
        "c.env",
        "API_TOKEN=${TOKEN:-changeme}\nSESSION_SECRET=${EMPTY:-supersecret}\nEMPTY=\nJWT_SECRET=${SET:-changeme}\nSET=Zq3kVh9w2Lr8Tn5Xy1Bp6Mc4Df7Gs0JaQ\n",
        &[],
    );
    assert_eq!(
        findings(&r),
        vec![f("KW004", 1, "API_TOKEN"), f("KW004", 2, "SESSION_SECRET")]
    );
    assert!(
        r["findings"][0]["message"]
            .as_str()
            .unwrap()
            .ends_with("(the default of ${TOKEN})")
    );

    // Unresolvable references, $(...), templates and values with a
    // reference inside are references, not literal secrets; cycles end.
    let mut cmd = kw();
    let p = dir.file(
        "refs.env",
        "JWT_SECRET=${FROM_VAULT}\nAPI_TOKEN=$(cat /run/secrets/token)\nSESSION_SECRET={{ .Values.session }}\nDB_PASSWORD=pre-${SUFFIX}\nA_SECRET=${B_SECRET}\nB_SECRET=${A_SECRET}\nC_SECRET=${C_SECRET}\nREQUIRED_TOKEN=${TOKEN:?set it}\n",
    );
    cmd.args(["config", "validate", "--format", "json"])
        .arg(&p)
        .timeout(std::time::Duration::from_secs(20));
    assert_eq!(findings(&json_with_code(&mut cmd, 0)), vec![]);
    // A URL with a reference inside is still a URL: its scheme and sslmode
    // count, its password is no inline credential, its path no file.
    let r = validate_text(
        ".env",
        "DATABASE_URL=postgresql://app:${DB_PASSWORD}@db/app\nREDIS_URL=redis://:${REDIS_PASSWORD}@cache:6379\nTLS_CERT_FILE=${CERT_DIR}/tls.crt\n",
        &[],
    );
    assert_eq!(
        findings(&r),
        vec![f("KW060", 1, "DATABASE_URL"), f("KW061", 2, "REDIS_URL")]
    );

    // In single quotes a dotenv value is literal text, `$` and all.
    let r = validate_text(
        ".env",
        "API_KEY='${NOT_A_REF}'\nAPI_TOKEN=\"${A_REF}\"\nA_REF=changeme\n",
        &[],
    );
    assert_eq!(
        findings(&r),
        vec![f("KW002", 1, "API_KEY"), f("KW004", 3, "API_TOKEN")]
    );

    // A Compose file read after .env: JWT_SECRET: ${JWT_SECRET} reads the
    // value .env set; DB_PASSWORD and POSTGRES_PASSWORD share one secret on
    // purpose (no KW006).
    let dot = dir.file(
        "stack/.env",
        "JWT_SECRET=short\nPOSTGRES_PASSWORD=Zq3kVh9w2Lr8Tn5Xy1Bp6Mc4Df7Gs0JaQ\n",
    );
    let compose = dir.file(
        "stack/docker-compose.yml",
        "services:\n  app:\n    environment:\n      JWT_SECRET: ${JWT_SECRET}\n      DB_PASSWORD: ${POSTGRES_PASSWORD}\n  db:\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n",
    );
    let r = validate(&[&dot, &compose], 1);
    assert_eq!(findings(&r), vec![f("KW002", 1, "JWT_SECRET")]);
    assert_eq!(r["findings"][0]["file"], dot.display().to_string());
    assert_eq!(
        r["findings"][0]["via"]["file"],
        compose.display().to_string()
    );
    assert_eq!(r["findings"][0]["via"]["line"], 4);
    // SARIF names the referring line as a related location.
    let mut cmd = kw();
    cmd.args(["config", "validate", "--format", "sarif"])
        .arg(&dot)
        .arg(&compose);
    let s = json_with_code(&mut cmd, 1);
    let result = &s["runs"][0]["results"][0];
    assert_eq!(
        result["locations"][0]["physicalLocation"]["region"]["startLine"],
        1
    );
    assert_eq!(
        result["relatedLocations"][0]["physicalLocation"]["region"]["startLine"],
        4
    );
    // The process environment resolves references too.
    let mut cmd = kw();
    cmd.args(["config", "validate", "--format", "json"])
        .arg(dir.file("e.env", "JWT_SECRET=${KWTEST_FROM_ENV}\n"))
        .arg("--env")
        .env_clear()
        .env("KWTEST_FROM_ENV", "changeme");
    let r = json_with_code(&mut cmd, 1);
    assert_eq!(r["findings"][0]["key"], "JWT_SECRET");
    assert_eq!(r["findings"][0]["file"], "(environment)");
    assert_eq!(r["findings"][0]["via"]["line"], 1);
}

/// One file holding several separate sets of settings: each Compose
/// service, each document of a YAML stream, each item of a Kubernetes List
/// (`kubectl get secrets -o yaml`, base64 decoded). A weak value in one is
/// found even when another set has a strong value for the same key.
#[test]
fn services_documents_and_list_items_are_checked_each() {
    let strong = "Zq3kVh9w2Lr8Tn5Xy1Bp6Mc4Df7Gs0JaQ";
    let compose = format!(
        "services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: postgres\n  app:\n    environment:\n      POSTGRES_PASSWORD: {strong}\n"
    );
    let r = validate_text("docker-compose.yml", &compose, &[]);
    assert_eq!(findings(&r), vec![f("KW004", 4, "POSTGRES_PASSWORD")]);
    let docs = format!(
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: a\nstringData:\n  DB_PASSWORD: postgres\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: b\nstringData:\n  DB_PASSWORD: {strong}\n"
    );
    let r = validate_text("secrets.yaml", &docs, &[]);
    assert_eq!(findings(&r), vec![f("KW004", 6, "DB_PASSWORD")]);
    let list = "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Secret\n  metadata:\n    name: app\n  data:\n    JWT_SECRET: Y2hhbmdlbWU=\n- apiVersion: v1\n  kind: Secret\n  metadata:\n    name: db\n  data:\n    JWT_SECRET: WnEza1ZoOXcyTHI4VG41WGMxQnA2TXY0RGY3R3MwSmFRZVd1\n";
    let r = validate_text("all.yaml", list, &[]);
    assert_eq!(findings(&r), vec![f("KW004", 9, "JWT_SECRET")]);
    assert_eq!(r["summary"]["settings"], 2, "{r}");
    // A flat input read after the Compose file replaces no service's value.
    let dir = Fixtures::new();
    let c2 = dir.file(
        "docker-compose.yml",
        &format!("services:\n  api:\n    environment:\n      JWT_SECRET: {strong}\n  worker:\n    environment:\n      JWT_SECRET: changeme\n"),
    );
    let env = dir.file("prod.env", &format!("JWT_SECRET={strong}x\n"));
    let r = validate(&[&c2, &env], 1);
    assert_eq!(findings(&r), vec![f("KW004", 7, "JWT_SECRET")]);
    // One service's Redis password is not another's.
    let r = validate_text(
        "docker-compose.yml",
        "services:\n  api:\n    environment:\n      REDIS_URL: rediss://:Zq3kVh9w2Lr8Tn5X@cache:6379\n  worker:\n    environment:\n      REDIS_URL: rediss://cache:6379\n",
        &[],
    );
    assert!(findings(&r).contains(&f("KW062", 7, "REDIS_URL")), "{r}");
    assert!(!findings(&r).contains(&f("KW062", 4, "REDIS_URL")), "{r}");
}

#[test]
fn compose_and_kubernetes_settings() {
    // A key without a value passes the variable through from the
    // environment: a reference, checked when an earlier input sets it.
    let dir = Fixtures::new();
    let compose = dir.file(
        "docker-compose.yml",
        "services:\n  db:\n    image: postgres\n    environment:\n      POSTGRES_PASSWORD: postgres\n      PGDATA:\n  app:\n    environment:\n      - DEBUG=true\n      - JWT_SECRET=${JWT_SECRET}\n      - API_TOKEN\n      - SESSION_SECRET\n",
    );
    let r = validate(&[&compose], 1);
    assert_eq!(
        findings(&r),
        vec![f("KW004", 5, "POSTGRES_PASSWORD"), f("KW073", 9, "DEBUG")]
    );
    let dot = dir.file(".env", "API_TOKEN=short\n");
    let r = validate(&[&dot, &compose], 1);
    assert_eq!(
        findings(&r),
        vec![
            f("KW002", 1, "API_TOKEN"),
            f("KW004", 5, "POSTGRES_PASSWORD"),
            f("KW073", 9, "DEBUG"),
        ]
    );
    assert_eq!(r["findings"][0]["via"]["line"], 11);
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
fn dotenv_variants_and_other_syntaxes_are_found_by_name() {
    let dir = Fixtures::new();
    let files = [
        (".env", "JWT_SECRET=changeme\n"),
        (".env.example", "export API_TOKEN=\"changeme\"\n"),
        ("app.env", "SESSION_SECRET='changeme' # sample\n"),
        (
            ".env.production.sample",
            "# comment\nDB_PASSWORD=changeme\n",
        ),
        ("config/settings.yaml", "auth:\n  jwt_secret: changeme\n"),
        ("config/app.yml.example", "redis:\n  password: changeme\n"),
        ("config/app.toml", "[auth]\napi_key = \"changeme\"\n"),
        (
            "config/app.json",
            "{\"auth\": {\"secret_key\": \"changeme\"}}\n",
        ),
        ("config/README.md", "JWT_SECRET=changeme\n"),
    ];
    for (name, text) in files {
        dir.file(name, text);
    }
    let r = validate(&[&dir.path()], 1);
    assert_eq!(r["summary"]["files"], 8);
    let mut got: Vec<(String, String)> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            let file = x["file"].as_str().unwrap();
            let rel = Path::new(file).strip_prefix(dir.path()).unwrap();
            (
                rel.display().to_string(),
                x["rule"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    got.sort();
    let mut want: Vec<(String, String)> = files[..8]
        .iter()
        .map(|(n, _)| (n.to_string(), "KW004".to_string()))
        .collect();
    want.sort();
    assert_eq!(got, want);
    // Named one by one, each is read in its own syntax.
    for (name, _) in &files[..8] {
        let r = validate(&[&dir.path().join(name)], 1);
        assert_eq!(ids(&r), vec!["KW004"], "{name}");
    }
}

#[test]
fn directories_stdin_and_forced_types() {
    let dir = Fixtures::new();
    dir.file(".env", "JWT_SECRET=changeme\n");
    dir.file("sub/app.yaml", "debug: true\n");
    dir.file("sub/notes.txt", "JWT_SECRET=changeme\n");
    dir.file("sub/.git/x.env", "JWT_SECRET=changeme\n");
    dir.file("node_modules/pkg/.env", "JWT_SECRET=changeme\n");
    let r = validate(&[&dir.path()], 1);
    assert_eq!(ids(&r), vec!["KW004", "KW073"]);
    assert_eq!(r["summary"]["files"], 2);
    // --glob picks other names.
    let r = validate(&[&"--glob", &"*.txt", &"--type", &"dotenv", &dir.path()], 1);
    assert_eq!(ids(&r), vec!["KW004"]);
    assert_eq!(r["summary"]["files"], 1);
    // stdin, sniffed and forced.
    let mut cmd = kw();
    cmd.args(["config", "validate", "--format", "json", "-"])
        .write_stdin("security:\n  jwt_secret: changeme\n");
    let r = json_with_code(&mut cmd, 1);
    assert_eq!(findings(&r), vec![f("KW004", 2, "security.jwt_secret")]);
    assert_eq!(r["findings"][0]["file"], "-");
    let mut cmd = kw();
    cmd.args([
        "config", "validate", "--format", "json", "--type", "toml", "-",
    ])
    .write_stdin("jwt_secret = \"changeme\"\n");
    assert_eq!(ids(&json_with_code(&mut cmd, 1)), vec!["KW004"]);
    // --type names the syntax of a file whose name does not tell it.
    let odd = dir.file("settings.conf", "{\"jwt_secret\": \"changeme\"}\n");
    assert_eq!(
        ids(&validate(&[&"--type", &"json", &odd], 1)),
        vec!["KW004"]
    );
    // --env reads the process environment.
    let mut cmd = kw();
    cmd.args(["config", "validate", "--format", "json", "--env"])
        .env_clear()
        .env("KWTEST_JWT_SECRET", "changeme")
        .env("PWD", "/home/x");
    let r = json_with_code(&mut cmd, 1);
    assert_eq!(findings(&r), vec![f("KW004", 0, "KWTEST_JWT_SECRET")]);
    assert_eq!(r["findings"][0]["file"], "(environment)");
}

/// A directory scan reports a file it cannot parse (a Helm template) and
/// goes on with the rest, then exits 3; package manifests, tool settings
/// and translations are not read as service configuration.
#[test]
fn a_directory_scan_skips_what_it_cannot_parse_and_says_so() {
    let dir = Fixtures::new();
    dir.file(".env", "JWT_SECRET=changeme\n");
    dir.file(
        "chart/templates/secret.yaml",
        "{{- if .Values.enabled }}\napiVersion: v1\nkind: Secret\nstringData:\n  password: {{ .Values.password | quote }}\n{{- end }}\n",
    );
    dir.file(
        "tsconfig.json",
        "{\n  // comments are not JSON\n  \"strict\": true\n}\n",
    );
    dir.file("package.json", "{\"name\": \"app\", \"password\": \"x\"}\n");
    dir.file(
        "src/locales/en.json",
        "{\"login\": {\"password\": \"Password\"}}\n",
    );
    let out = kw()
        .args(["config", "validate", "--format", "json"])
        .arg(dir.path())
        .assert()
        .code(3)
        .get_output()
        .clone();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(findings(&report), vec![f("KW004", 1, "JWT_SECRET")]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("skipped") && stderr.contains("secret.yaml:1:3:"),
        "{stderr}"
    );
    assert!(stderr.contains("1 file in the directories"), "{stderr}");
    assert!(
        !stderr.contains("tsconfig") && !stderr.contains("en.json"),
        "{stderr}"
    );
    // Named on the command line, the same file stops the run at once.
    kw().args(["config", "validate"])
        .arg(dir.path().join("chart/templates/secret.yaml"))
        .assert()
        .code(3)
        .stdout(predicates::str::is_empty());
}

#[test]
fn unparseable_files_exit_3_with_file_line_column() {
    let dir = Fixtures::new();
    // Not UTF-8 (Latin-1 é): the first bad byte's line and column.
    let latin1 = dir.path().join("latin1.env");
    std::fs::write(&latin1, b"A=1\nB=caf\xe9\n").unwrap();
    let err = validate_stderr(&[&latin1], 3);
    assert!(
        err.contains(&format!("{}:2:6: not UTF-8 text", latin1.display())),
        "{err}"
    );
    let cases = [
        (".env", "A=1\nB=\"open\n", ":2:3: unterminated \" quote"),
        (
            ".env",
            "A=1\nnot a setting\n",
            ":2:5: expected `=` after not",
        ),
        (
            "app.env",
            "A=1\nB='x' y\n",
            ":2:1: unexpected text after the closing quote",
        ),
        (
            "c.yaml",
            "a: 1\nb: [1, 2\n",
            ":2:4: invalid YAML: unclosed bracket",
        ),
        (
            "c.yaml",
            "a: 1\n  b: 2\n",
            ":2:4: invalid YAML: mapping values are not allowed",
        ),
        (
            "c.json",
            "{\n \"a\": 1,\n}\n",
            ":3:1: invalid JSON: trailing comma",
        ),
        (
            "c.json",
            "{\"a\": 1}\n  x",
            ":2:3: invalid JSON: trailing characters",
        ),
        (
            "c.toml",
            "a = 1\nb = \n",
            ":2:5: invalid TOML: string values must be quoted",
        ),
        (
            "c.toml",
            "[a]\nx = 1\n[a]\n",
            ":3:2: invalid TOML: duplicate key",
        ),
    ];
    for (name, text, want) in cases {
        let p = dir.file(name, text);
        let err = validate_stderr(&[&p], 3);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.starts_with(&format!("keyward: error: {}{want}", p.display())),
            "{name}: {err}"
        );
    }
    // A missing file is the environment's problem.
    validate_stderr(&[&"/nonexistent/.env"], 4);
    // No inputs at all is a usage error.
    validate_stderr(&[], 2);
    validate_stderr(&[&"--format", &"csv", &"x.env"], 2);
}

#[test]
fn secret_values_never_appear_in_any_format() {
    let secret = "supersecret-but-in-a-test-value-Zq3kVh9w";
    let other = "Pm2nQw8eRt5yUi1oAs6dFg4hJk7lZx9cVb3N";
    let url_pw = "Qm9vb3Bhc3N3b3Jk";
    let dir = Fixtures::new();
    let p = dir.file(
        ".env",
        &format!(
            "JWT_SECRET={secret}\nAPI_TOKEN={secret}\nDATABASE_URL=postgresql://app:{url_pw}@db/app\nSHORT_PASSWORD=abc\nBASE={other}x\nSESSION_SECRET=${{BASE}}\nCOOKIE_SECRET=${{BASE}}\nWEAK_TOKEN=${{NOPE:-{other}}}\nENCRYPTION_KEY={other}\nREDIS_URL=redis://:{url_pw}@cache:6379\n"
        ),
    );
    for format in ["text", "json", "sarif"] {
        let mut cmd = kw();
        cmd.args(["config", "validate", "--format", format])
            .arg(&p)
            .arg("--env")
            .env_clear()
            .env("KWTEST_API_TOKEN", secret);
        let out = cmd.assert().code(1).get_output().clone();
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!all.contains("but-in-a-test"), "{format}: {all}");
        for raw in [other, url_pw] {
            // No run of 6 characters of a secret beyond its first 2.
            for w in raw.as_bytes()[2..].windows(6) {
                let w = std::str::from_utf8(w).unwrap();
                assert!(!all.contains(w), "{format}: {w} of {raw} in {all}");
            }
        }
        assert!(!all.contains("abc"), "{format}");
        assert!(all.contains("su…, 40 chars"), "{format}: {all}");
        assert!(all.contains("KW006") && all.contains("KW010"), "{format}");
    }
}

/// Values a message used to print: the query and user part of an `http://`
/// URL, key material in a key-file setting, and a non-ASCII value that
/// made the `http://` check panic (printing the value in the panic).
#[test]
fn urls_key_material_and_non_ascii_values_are_never_printed() {
    let query_secret = "sk_live_Zq3kVh9wLr8Tn5Xc";
    let at_password = "p@ssw0rdLongSecretValue";
    let material = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7SECRET";
    let unicode = "Sec8kQöz#Lm2vRt9wXy4pNb7cHj3fGd6aE";
    let text = format!(
        "ENVIRONMENT=production\nCALLBACK_URL=http://api.example.com/hook?api_key={query_secret}\nSENTRY_DSN=http://pub:{at_password}@sentry.example.com/1\nTLS_KEY_FILE={material}\nDB_PASSWORD={unicode}\nTITLE=Ünïcödé-Dienst http://x\nSSL_KEY=LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUV2UUlCQURBTkJn\nWEBHOOK_URL=http://u:Comma9Part,Rest8Secret@hooks.example.com/x\n"
    );
    let dir = Fixtures::new();
    let p = dir.file(".env", &text);
    for format in ["text", "json", "sarif"] {
        let out = kw()
            .args(["config", "validate", "--format", format])
            .arg(&p)
            .assert()
            .code(1)
            .get_output()
            .clone();
        let all = crate::util::all_output(&out);
        for raw in [
            query_secret,
            "ssw0rdLong",
            material,
            unicode,
            "Ünïcödé",
            "Comma9Part",
            "Rest8Secret",
        ] {
            assert!(!all.contains(&raw[2..]), "{format}: {raw} in {all}");
        }
        assert!(all.contains("http://api.example.com"), "{format}: {all}");
        assert!(
            all.contains("http://…@sentry.example.com"),
            "{format}: {all}"
        );
    }
    let report = validate(&[&p], 1);
    let got = findings(&report);
    assert!(got.contains(&f("KW042", 2, "CALLBACK_URL")), "{got:?}");
    assert!(got.contains(&f("KW043", 4, "TLS_KEY_FILE")), "{got:?}");
    assert!(
        !got.iter().any(|x| x.2 == "SSL_KEY"),
        "PEM in base64 is inline material, not a missing file: {got:?}"
    );
}

/// `ENVIRONMENT=production` decides even when another service's
/// `SENTRY_ENVIRONMENT=development` comes later; a key that decodes to
/// zeros (a Fernet key of `A`s with its `=`, hex zeros ending in 1) is
/// KW005, an error.
#[test]
fn the_profile_comes_from_exact_names_and_zero_keys_are_errors() {
    let report = validate_text(
        "prof.env",
        "ENVIRONMENT=production\nDEBUG=true\nSENTRY_ENVIRONMENT=development\n",
        &[],
    );
    assert_eq!(report["profile"], "production", "{report}");
    assert!(ids(&report).contains(&"KW073".to_string()), "{report}");
    let report = validate_text(
        "sentry.env",
        "SENTRY_ENVIRONMENT=production\nDEBUG=true\n",
        &[],
    );
    assert_eq!(
        report["profile"], "production",
        "a suffix name counts when alone"
    );
    let zeros = format!(
        "FERNET_KEY={}=\nMASTER_KEY={}1\n",
        "A".repeat(43),
        "0".repeat(63)
    );
    let report = validate_text("z.env", &zeros, &[]);
    let got = findings(&report);
    assert!(got.contains(&f("KW005", 1, "FERNET_KEY")), "{got:?}");
    assert!(got.contains(&f("KW005", 2, "MASTER_KEY")), "{got:?}");
}

/// stdout of `config validate` (text) with `args`, expecting exit `code`.
fn validate_stdout(args: &[&dyn AsRef<OsStr>], code: i32) -> String {
    let mut cmd = kw();
    cmd.args(["config", "validate"]);
    for a in args {
        cmd.arg(a);
    }
    let out = cmd.assert().code(code).get_output().clone();
    String::from_utf8(out.stdout).unwrap()
}

/// stdout of `sh -c command` run on a pseudo-terminal by `script`, with
/// `NO_COLOR` set or not; `None` (said loudly) where `script` is missing.
fn on_a_terminal(command: &str, no_color: bool) -> Option<String> {
    let mut cmd = std::process::Command::new("script");
    cmd.args(["-qec", command, "/dev/null"])
        .env_remove("NO_COLOR")
        .stdin(std::process::Stdio::null());
    if no_color {
        cmd.env("NO_COLOR", "1");
    }
    match cmd.output() {
        Ok(out) => Some(String::from_utf8_lossy(&out.stdout).into_owned()),
        Err(e) => {
            crate::util::missing(
                "TOOLS",
                &format!("no `script` to run keyward on a terminal ({e})"),
                "install util-linux (apt-get install bsdutils)",
            );
            None
        }
    }
}

#[test]
fn text_output_groups_by_file_with_a_summary() {
    let seed = data("seed003.env");
    let text = validate_stdout(&[&seed], 1);
    let file = seed.display().to_string();
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
    let forced = stdout_of_code(
        kw().args(["--color", "always", "config", "validate"])
            .arg(&seed),
        1,
    );
    assert!(forced.contains("\x1b[1;31merror"), "{forced}");
    // Two files: one group each, in input order.
    let other = data("seed002.env");
    let text = validate_stdout(&[&seed, &other], 1);
    let second = format!("\n{}\n", other.display());
    assert!(text.contains(&second), "{text}");
    assert!(text.find(&second) > text.find(&format!("{file}:10:")));
    // On a terminal: colour, unless NO_COLOR is set.
    let command = format!(
        "'{}' config validate '{}'",
        kw_path().display(),
        seed.display()
    );
    if let Some(tty) = on_a_terminal(&command, false) {
        assert!(tty.contains("\x1b[1;31merror"), "{tty}");
        assert!(
            tty.contains("\x1b[1;33m") || tty.contains("\x1b[1m"),
            "{tty}"
        );
    }
    if let Some(tty) = on_a_terminal(&command, true) {
        assert!(tty.contains("KW004") && !tty.contains('\x1b'), "{tty}");
    }
}

/// stdout of `cmd`, expecting exit `code`.
fn stdout_of_code(cmd: &mut assert_cmd::Command, code: i32) -> String {
    let out = cmd.assert().code(code).get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn sarif_is_valid_2_1_0() {
    let mut cmd = kw();
    cmd.args(["config", "validate", "--format", "sarif"])
        .arg(data("seed002.env"));
    let s = json_with_code(&mut cmd, 1);
    assert_eq!(s["version"], "2.1.0");
    assert!(s["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &s["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "keyward");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.iter().any(|r| r["id"] == "KW004"));
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 7);
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
    // seed001-config.yaml has only warnings.
    let p = data("seed001-config.yaml");
    validate_stdout(&[&p], 0);
    validate_stdout(&[&"--fail-on", &"error", &p], 0);
    validate_stdout(&[&"--fail-on", &"warning", &p], 1);
    validate_stdout(&[&"--fail-on", &"info", &p], 1);
    validate_stderr(&[&"--fail-on", &"fatal", &p], 2);
    // No finding at all: 0 even at info.
    let clean = Fixtures::new();
    let c = clean.file(".env", "TLS_ENABLED=true\n");
    validate_stdout(&[&"--fail-on", &"info", &c], 0);
}

#[test]
fn profiles_from_flag_or_config() {
    let text = "TLS_ENABLED=false\nDEBUG=true\nJWT_SECRET=changeme\n";
    let r = validate_text(".env", text, &["--profile", "development"]);
    assert_eq!(ids(&r), vec!["KW004"]);
    assert_eq!(r["profile"], "development");
    assert_eq!(r["profile_source"], "flag");
    let r = validate_text(".env", &format!("ENVIRONMENT=development\n{text}"), &[]);
    assert_eq!(ids(&r), vec!["KW004"]);
    assert_eq!(r["profile_source"], "config");
    let r = validate_text("c.yaml", "environment: dev\ndebug: true\n", &[]);
    assert_eq!(ids(&r), Vec::<String>::new());
    // The config's own setting may be a reference with a default.
    let r = validate_text(
        ".env",
        &format!("APP_ENV=${{DEPLOY_TARGET:-development}}\n{text}"),
        &[],
    );
    assert_eq!(r["profile"], "development");
    // The flag wins over the config.
    let r = validate_text(
        ".env",
        &format!("ENVIRONMENT=development\n{text}"),
        &["--profile", "production"],
    );
    assert_eq!(ids(&r), vec!["KW040", "KW073", "KW004"]);
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
    // An ignore on the line of the literal covers the settings that
    // reach it through a reference.
    let r = validate_text(
        ".env",
        "BASE_SECRET=changeme # keyward:ignore KW004 sample\nJWT_SECRET=${BASE_SECRET}\n",
        &[],
    );
    assert_eq!(ids(&r), Vec::<String>::new());
    assert_eq!(r["summary"]["suppressed"], 2);
    // An unknown id, or none, is an error, with where.
    let dir = Fixtures::new();
    let p = dir.file(".env", "A=1\nDEBUG=true # keyward:ignore KW999 why\n");
    let err = validate_stderr(&[&p], 3);
    assert!(
        err.contains(&format!("{}:2:12: unknown rule id KW999", p.display())),
        "{err}"
    );
    let p = dir.file("b.env", "# keyward:ignore\nDEBUG=true\n");
    let err = validate_stderr(&[&p], 3);
    assert!(
        err.contains(&format!(
            "{}:1:1: keyward:ignore needs a rule id",
            p.display()
        )),
        "{err}"
    );
    // Also in a comment that is attached to no setting.
    let p = dir.file(
        "c.yaml",
        "tls:  # keyward:ignore KW999 typo\n  enabled: true\n",
    );
    let err = validate_stderr(&[&p], 3);
    assert!(
        err.contains(&format!("{}:1:7: unknown rule id KW999", p.display())),
        "{err}"
    );
    // Inside a quoted value, `# keyward:ignore` is text, not a comment.
    let r = validate_text(
        ".env",
        "JWT_SECRET=\"changeme # keyward:ignore KW004 x\"\n",
        &[],
    );
    assert_eq!(ids(&r), vec!["KW004"]);
    assert_eq!(r["summary"]["suppressed"], 0);
}

#[test]
fn policy_disables_regrades_and_aliases() {
    let dir = Fixtures::new();
    let env = dir.file(
        ".env",
        "MY_SIGNER=changeme\nPBKDF2_ITERATIONS=300000\nDEBUG=true\n",
    );
    let policy = dir.file(
        "keyward-policy.toml",
        "disable = [\"KW073\"]\n[severity]\nKW020 = \"error\"\n[aliases]\nMY_SIGNER = \"JWT_SECRET\"\n",
    );
    let r = validate(&[&"--policy", &policy, &env], 1);
    assert_eq!(ids(&r), vec!["KW004", "KW020"]);
    assert_eq!(r["findings"][1]["severity"], "error");
    assert_eq!(r["summary"]["suppressed"], 1);
    // Without the policy MY_SIGNER is no secret name.
    let r = validate(&[&env], 1);
    assert_eq!(ids(&r), vec!["KW020", "KW073"]);
    // Unknown rule ids, in either table, are errors.
    for (name, text) in [
        ("bad.toml", "disable = [\"KW123\"]\n"),
        ("bad2.toml", "[severity]\nKW123 = \"error\"\n"),
    ] {
        let bad = dir.file(name, text);
        let err = validate_stderr(&[&"--policy", &bad, &env], 3);
        assert!(err.contains("unknown rule id KW123"), "{err}");
        assert!(err.contains(&bad.display().to_string()), "{err}");
    }
}

#[test]
fn rules_are_listed_and_documented() {
    let rules = json_with_code(kw().args(["config", "rules", "--format", "json"]), 0);
    let rules = rules.as_array().unwrap();
    assert!(rules.len() >= 30);
    for r in rules {
        for field in ["id", "severity", "title", "why", "fix"] {
            assert!(!r[field].as_str().unwrap().is_empty());
        }
    }
    let table = stdout_of(kw().args(["config", "rules"]));
    assert!(table.contains("KW001") && table.contains("KW075"));
    // Named rules in full, with their why.
    let full = stdout_of(kw().args(["config", "rules", "kw004", "KW060"]));
    let why = rules.iter().find(|r| r["id"] == "KW060").unwrap()["why"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        full.starts_with("KW004 ") && full.contains(&format!("why: {why}")),
        "{full}"
    );
    kw().args(["config", "rules", "KW999"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("unknown rule id KW999"));
}

/// docs/config.md's rule table is generated from the catalog: the block
/// between `<!-- rules:start ... -->` and `<!-- rules:end -->`, one row per
/// rule (id, severity, profile, title, why, fix). To refresh it:
/// `KEYWARD_BLESS=1 cargo test --test cli config::rule_table` (or
/// `bash scripts/regen.sh`).
#[test]
fn rule_table_is_generated_from_the_catalog() {
    let rules = json_with_code(kw().args(["config", "rules", "--format", "json"]), 0);
    let mut table = String::from(
        "| id | severity | profile | title | why | fix |\n|---|---|---|---|---|---|\n",
    );
    for r in rules.as_array().unwrap() {
        let cell = |f: &str| r[f].as_str().unwrap().replace('|', "\\|");
        table.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            cell("id"),
            cell("severity"),
            if r["production_only"] == true {
                "production"
            } else {
                "all"
            },
            cell("title"),
            cell("why"),
            cell("fix")
        ));
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/config.md");
    let doc = std::fs::read_to_string(&path).unwrap();
    let start = doc
        .find("<!-- rules:start")
        .expect("docs/config.md has a <!-- rules:start --> marker");
    let start = start + doc[start..].find('\n').unwrap() + 1;
    let end = doc
        .find("<!-- rules:end -->")
        .expect("docs/config.md has a <!-- rules:end --> marker");
    if doc[start..end] == table {
        return;
    }
    if std::env::var_os("KEYWARD_BLESS").is_some() {
        std::fs::write(&path, format!("{}{table}{}", &doc[..start], &doc[end..])).unwrap();
        return;
    }
    panic!(
        "docs/config.md's rule table is stale; refresh it with\n  KEYWARD_BLESS=1 cargo test --test cli config::rule_table\nIt should read:\n{table}"
    );
}

/// `config template` with `args`: its stdout.
fn template(args: &[&str]) -> String {
    stdout_of(kw().args(["config", "template"]).args(args))
}

#[test]
fn templates_validate_clean_for_every_service_and_profile() {
    let dir = Fixtures::new();
    for service in ["generic", "memoric", "tiger", "mem0"] {
        for profile in ["production", "development"] {
            let args = ["--service", service, "--profile", profile];
            let text = template(&args);
            assert_ne!(text, template(&args), "fresh secrets on every run");
            let p = dir.file(&format!("{service}-{profile}.env"), &text);
            // The template's own ENVIRONMENT line picks the profile.
            let r = validate(&[&"--fail-on", &"info", &p], 0);
            assert_eq!(findings(&r), vec![], "{service} {profile}");
            assert_eq!(r["profile"], profile);
            assert!(r["summary"]["settings"].as_u64().unwrap() >= 20);
            // Every setting line carries a comment.
            for line in text
                .lines()
                .filter(|l| l.contains('=') && !l.starts_with('#'))
            {
                assert!(line.contains(" # "), "{service}: {line}");
            }
        }
    }
    // Seed 002's master key is base64 of 32 bytes, as the service reads it.
    let tiger = template(&["--service", "tiger"]);
    let master = tiger
        .lines()
        .find_map(|l| l.strip_prefix("ENCRYPTION_MASTER_KEY="))
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap();
    assert_eq!(STANDARD.decode(master).unwrap().len(), 32, "{master}");
    let mem = template(&["--service", "memoric"]);
    assert!(mem.contains("MEMORIC_ENCRYPTION_KEY=") && mem.contains("MEMORIC_JWT_SECRET="));
    let mem0 = template(&["--service", "mem0"]);
    assert!(mem0.contains("MEM0AI_USE_TLS=true") && mem0.contains("MEM0AI_VERIFY_SSL=true"));
}

#[test]
fn template_out_is_private_and_not_overwritten() {
    let dir = Fixtures::new();
    let p = dir.path().join("prod.env");
    let write = |extra: &[&str]| {
        let mut cmd = kw();
        cmd.args(["config", "template", "--profile", "production"])
            .args(extra)
            .arg("--out")
            .arg(&p);
        cmd.assert()
    };
    write(&[]).success().stdout("");
    assert_eq!(crate::util::mode(&p), 0o600);
    let first = std::fs::read_to_string(&p).unwrap();
    write(&[]).code(4);
    assert_eq!(std::fs::read_to_string(&p).unwrap(), first);
    write(&["--force"]).success();
    assert_ne!(std::fs::read_to_string(&p).unwrap(), first);
    assert_eq!(crate::util::mode(&p), 0o600);
    validate(&[&"--fail-on", &"info", &p], 0);
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
    let r = validate(&[&data("seed001-config.yaml"), &data("seed001.env")], 1);
    let rules = ids(&r);
    assert!(!rules.contains(&"KW001".to_string()), "{rules:?}");
    assert_eq!(
        r["findings"][0]["file"],
        data("seed001-config.yaml").display().to_string()
    );
}

/// Hardening #12: a value quoted in a finding (the first characters of a
/// placeholder secret) and a file name cannot put terminal control
/// characters on stdout or stderr.
#[test]
fn hardening_12_config_validate_text_escapes_terminal_controls() {
    let fx = Fixtures::new();
    let env = fx.file(
        "evil\u{1b}]0;pwned\u{7}.env",
        "SECRET_KEY=\"\u{1b}]0;xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\u{7}\"\nDEBUG=true\n",
    );
    let out = kw()
        .args(["config", "validate", "--profile", "production"])
        .arg(&env)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    for text in [&stdout, &stderr] {
        assert!(
            !text.contains(['\u{1b}', '\u{7}', '\r']),
            "control characters in {text:?}"
        );
    }
    assert!(stdout.contains("evil\\x1b]0;pwned\\x07.env:1:"), "{stdout}");
    assert!(stdout.contains("(\\x1b]…"), "{stdout}");
    // Colour is still the renderer's own.
    let out = kw()
        .args([
            "--color",
            "always",
            "config",
            "validate",
            "--profile",
            "production",
        ])
        .arg(&env)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("\u{1b}[1;31merror  \u{1b}[0m"),
        "{stdout:?}"
    );
    assert!(!stdout.contains("\u{1b}]"), "{stdout:?}");
}

/// The finding of `rule` in `report` (the first).
fn finding<'a>(report: &'a Value, rule: &str) -> &'a Value {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == rule)
        .unwrap_or_else(|| panic!("no {rule} in {report}"))
}

/// The catalog's fix for `rule`.
fn catalog_fix(rule: &str) -> String {
    let rules = json_with_code(kw().args(["config", "rules", "--format", "json", rule]), 0);
    rules[0]["fix"].as_str().unwrap().to_owned()
}

/// Raising a PBKDF2 count that derives the encryption key makes every
/// stored value unreadable: the fix names the rotation that re-encrypts
/// them, with the count the configuration has now.
#[test]
fn pbkdf2_advice_names_the_rotation_from_the_configured_count() {
    let tiger = "keyward rotate run --db DB --table tiger_accounts \
                 --column private_key --column access_token --column refresh_token \
                 --from tiger:iterations={FROM} --to tiger:iterations=600000 \
                 --from-key-env ENCRYPTION_MASTER_KEY --to-key-env ENCRYPTION_MASTER_KEY";
    // Seed 002's own example: 100000 iterations beside ENCRYPTION_MASTER_KEY.
    let report = validate(&[&data("seed002.env")], 1);
    let fix = finding(&report, "KW020")["fix"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(fix.ends_with(&tiger.replace("{FROM}", "100000")), "{fix}");
    assert!(fix.contains("unreadable"), "{fix}");
    assert!(fix.contains("then set PBKDF2_ITERATIONS=600000"), "{fix}");
    // The same fix in text and SARIF.
    let text = validate_stdout(&[&data("seed002.env")], 1);
    assert!(text.contains(&format!("      fix: {fix}\n")), "{text}");
    let sarif = stdout_of_code(
        kw().args(["config", "validate", "--format", "sarif"])
            .arg(data("seed002.env")),
        1,
    );
    assert!(sarif.contains("--from tiger:iterations=100000 "), "{sarif}");

    // A deployment whose count comes from a default: that count, and the
    // finding where the literal is written.
    let report = validate(&[&data("tiger-mcp-deploy.env")], 0);
    assert_eq!(
        findings(&report),
        vec![
            f("KW012", 5, "ENCRYPTION_MASTER_KEY"),
            f("KW020", 9, "PBKDF2_ITERATIONS"),
        ]
    );
    let kw020 = finding(&report, "KW020");
    assert!(
        kw020["message"]
            .as_str()
            .unwrap()
            .ends_with("(the default of ${TIGER_PBKDF2_ITERATIONS})"),
        "{kw020}"
    );
    let fix = kw020["fix"].as_str().unwrap();
    assert!(fix.ends_with(&tiger.replace("{FROM}", "210000")), "{fix}");

    // Another service's encryption key (here under KW021): the spec form,
    // with that key's variable and the count.
    let report = validate_text(
        ".env",
        "MEMORIC_ENCRYPTION_KEY=FWJ1mAi2yuzwucZnAHMZP_Se98h2g3CthoieW0Bj2Yg=\nKDF_PBKDF2_ITERATIONS=50_000\n",
        &[],
    );
    let fix = finding(&report, "KW021")["fix"].as_str().unwrap();
    assert!(
        fix.contains(
            "keyward rotate run --db DB --table TABLE --column COLUMN --from spec:old.toml \
             --to spec:new.toml --from-key-env MEMORIC_ENCRYPTION_KEY --to-key-env MEMORIC_ENCRYPTION_KEY"
        ),
        "{fix}"
    );
    assert!(fix.contains("iterations = 50000 and 600000"), "{fix}");
    assert!(!fix.contains("tiger"), "{fix}");

    // A YAML configuration of the same service: its own key names.
    let report = validate_text(
        "config.yaml",
        "security:
  encryption_master_key: Q+eTcohUYCjZrfAem0fnr5OgVEgBrdva2RiOb4PGrIo=
  pbkdf2_iterations: 310000
",
        &[],
    );
    let fix = finding(&report, "KW020")["fix"].as_str().unwrap();
    assert!(
        fix.contains("then set security.pbkdf2_iterations to 600000: ")
            && fix.contains("--from tiger:iterations=310000 ")
            && fix.ends_with(
                "--from-key-env ENCRYPTION_MASTER_KEY --to-key-env ENCRYPTION_MASTER_KEY"
            ),
        "{fix}"
    );

    // No encryption key in sight (PBKDF2 for password hashes): the rule's fix.
    let report = validate_text(".env", "PASSWORD_PBKDF2_ITERATIONS=310000\n", &[]);
    assert_eq!(
        finding(&report, "KW020")["fix"].as_str().unwrap(),
        catalog_fix("KW020")
    );
    assert!(catalog_fix("KW020").contains("keyward rotate run --from OLD --to NEW"));
}

/// A 64-hex ENCRYPTION_MASTER_KEY (what seed 002's document asks for) is
/// refused by the service, which base64-decodes it; the command the fix
/// names makes a key the rule accepts.
#[test]
fn hex_master_key_finding_names_the_keygen_that_fixes_it() {
    let report = validate(&[&data("tiger-mcp-deploy.env")], 0);
    let kw012 = finding(&report, "KW012");
    assert_eq!(kw012["severity"], "warning");
    let message = kw012["message"].as_str().unwrap();
    assert!(message.contains("48 bytes"), "{message}");
    let deploy = std::fs::read_to_string(data("tiger-mcp-deploy.env")).unwrap();
    let hex_key = deploy
        .lines()
        .find_map(|l| l.strip_prefix("ENCRYPTION_MASTER_KEY="))
        .unwrap();
    assert!(
        !message.contains(&hex_key[..8]),
        "the key leaked: {message}"
    );
    let fix = kw012["fix"].as_str().unwrap();
    assert!(
        fix.contains("keyward keygen master --encoding base64"),
        "{fix}"
    );

    // Run that command and put its key in place: KW012 is gone and no
    // other key rule objects.
    let key = stdout_of(kw().args(["keygen", "master", "--encoding", "base64"]));
    let key = key.trim();
    assert_eq!(STANDARD.decode(key).unwrap().len(), 32);
    let fixed = deploy.replace(hex_key, key);
    let report = validate_text(".env", &fixed, &[]);
    assert_eq!(ids(&report), vec!["KW020"], "{report}");

    // A service that really reads hex says so on the line.
    let report = validate_text(
        ".env",
        &format!(
            "ENCRYPTION_MASTER_KEY={hex_key}  # keyward:ignore KW012 this service reads hex\n"
        ),
        &[],
    );
    assert_eq!(ids(&report), Vec::<String>::new());
    assert_eq!(report["summary"]["suppressed"], 1);
}
