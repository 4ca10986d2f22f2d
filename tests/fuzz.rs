//! A short, bounded fuzz of every parser that takes hostile input (issue #17):
//! certificates (PEM/DER), key PEMs, configuration files (dotenv, YAML, TOML,
//! JSON, Compose, Kubernetes) and the whole rule check over them, JWTs,
//! stored password hashes, audit sources (JSON lines, `--where`, times) and
//! key and ciphertext formats (keys, Fernet, envelopes, rotated values).
//!
//! Each property asserts only that the parser returns, `Ok` or `Err`,
//! without panicking, and, where it is cheap, a round trip. Inputs are both
//! arbitrary and near-valid: real files from `tests/data/` and freshly made
//! keys, tokens and hashes, with byte flips, truncations, insertions of
//! huge numbers and delimiters, and deep nesting, so that the deeper paths
//! of the parsers are reached and not only their first check.
//!
//! Why proptest and not cargo-fuzz: cargo-fuzz needs a nightly toolchain
//! (for `-Zsanitizer`) and libFuzzer, and runs for a time rather than a
//! number of cases; proptest runs on the stable toolchain CI has, inside
//! `cargo test --locked`, for a fixed number of cases, deterministically
//! enough to replay. What it cannot find are memory errors in C code
//! (aws-lc), which only a sanitizer would see.
//!
//! Failing inputs are kept as regression cases: proptest writes the seed of
//! every failure to `proptest-regressions/fuzz.txt` (commit it) and replays
//! those seeds before any new case.
//!
//! Running longer: `KEYWARD_FUZZ_CASES=N cargo test --test fuzz` multiplies
//! every block's number of cases by N (default 1: about 10 s for the whole
//! target on two cores in the test profile; N=10 about a minute).
//! `--release` makes each case faster but turns off overflow checks, which
//! is how the first bug this found (an overflow inside the scrypt crate)
//! showed itself.

#![allow(clippy::print_stdout, clippy::print_stderr)] // a test or bench prints its own report

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE, URL_SAFE_NO_PAD};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::FileFailurePersistence;
use serde_json::{Map, Value};

use keyward::crypto::keys::{Encoding, Key256};

// ---------------------------------------------------------------------------
// Configuration and shared generators.

/// Where failing seeds are kept (the default would put them beside this
/// file, since tests/ has no lib.rs).
const REGRESSIONS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/proptest-regressions/fuzz.txt");

/// `KEYWARD_FUZZ_CASES`: the multiplier of every block's case count.
fn multiplier() -> u32 {
    std::env::var("KEYWARD_FUZZ_CASES")
        .ok()
        .and_then(|v| v.trim().parse::<u32>().ok())
        .unwrap_or(1)
        .max(1)
}

/// A block's configuration: `cases` cases (times the multiplier), failures
/// persisted under `proptest-regressions/`.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases: cases.saturating_mul(multiplier()),
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(REGRESSIONS))),
        // Shrinking a slow parser's input can take long; a minute is plenty
        // to get a readable case, and the seed is saved either way.
        max_shrink_time: 60_000,
        ..ProptestConfig::default()
    }
}

/// Texts that reach the corners of number and field parsers.
const SPLICES: &[&str] = &[
    "0",
    "-1",
    "+1",
    "4294967295",
    "4294967296",
    "9223372036854775807",
    "18446744073709551616",
    "99999999999999999999999999999999",
    "1e308",
    "-1e308",
    "NaN",
    "$",
    "=",
    ",",
    ".",
    ":",
    "\"",
    "'",
    "\\",
    "{",
    "}",
    "[",
    "]",
    "\n",
    "\r\n",
    "\t",
    "\0",
    "\u{feff}",
    "é",
    "漢",
    "🔑",
    "#",
    "${",
    "- ",
    "-----BEGIN ",
    "-----END ",
    "-----",
    "==",
    "&a",
    "*a",
    "!!binary ",
    "<<: ",
];

/// One edit of an input.
#[derive(Debug, Clone)]
enum Edit {
    /// XOR the byte at this position (modulo the length) with this mask.
    Flip(usize, u8),
    /// Keep only this many bytes (modulo the length + 1).
    Truncate(usize),
    /// Insert a splice at this position.
    Splice(usize, &'static str),
    /// Insert arbitrary bytes.
    Insert(usize, Vec<u8>),
    /// Remove up to this many bytes at this position.
    Delete(usize, usize),
    /// Repeat a range (position, length) once more right after itself.
    Repeat(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (any::<usize>(), 1..=255u8).prop_map(|(i, m)| Edit::Flip(i, m)),
        1 => any::<usize>().prop_map(Edit::Truncate),
        3 => (any::<usize>(), select(SPLICES)).prop_map(|(i, s)| Edit::Splice(i, s)),
        1 => (any::<usize>(), vec(any::<u8>(), 1..8)).prop_map(|(i, b)| Edit::Insert(i, b)),
        1 => (any::<usize>(), 1..16usize).prop_map(|(i, n)| Edit::Delete(i, n)),
        1 => (any::<usize>(), 1..64usize).prop_map(|(i, n)| Edit::Repeat(i, n)),
    ]
}

fn apply(mut data: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for e in edits {
        let len = data.len();
        match e {
            Edit::Flip(i, m) if len > 0 => data[i % len] ^= m,
            Edit::Flip(..) => {}
            Edit::Truncate(n) => data.truncate(n % (len + 1)),
            Edit::Splice(i, s) => {
                let at = i % (len + 1);
                data.splice(at..at, s.bytes());
            }
            Edit::Insert(i, b) => {
                let at = i % (len + 1);
                data.splice(at..at, b.iter().copied());
            }
            Edit::Delete(i, n) => {
                let at = i % (len + 1);
                data.drain(at..(at + n).min(len));
            }
            Edit::Repeat(i, n) => {
                let at = i % (len + 1);
                let end = (at + n).min(len);
                let part = data[at..end].to_vec();
                data.splice(end..end, part);
            }
        }
    }
    data
}

/// One of `seeds`, edited 0-5 times (a seed unchanged is a valid input).
fn near(seeds: Vec<Vec<u8>>) -> impl Strategy<Value = Vec<u8>> {
    (select(seeds), vec(edit(), 0..6)).prop_map(|(s, e)| apply(s, &e))
}

/// [`near`] as text (invalid UTF-8 replaced).
fn near_text(seeds: Vec<Vec<u8>>) -> impl Strategy<Value = String> {
    near(seeds).prop_map(|b| String::from_utf8_lossy(&b).into_owned())
}

fn seeds_of(texts: &[&str]) -> Vec<Vec<u8>> {
    texts.iter().map(|t| t.as_bytes().to_vec()).collect()
}

/// PEM with 64-character lines.
fn pem(label: &str, der: &[u8]) -> String {
    let b64 = STANDARD.encode(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for chunk in b64.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(chunk).unwrap());
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

/// Arbitrary JSON, nested up to a few levels, with the numbers that break
/// conversions.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,24}".prop_map(Value::from),
        select(SPLICES).prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..6).prop_map(Value::Array),
            vec(("[a-zA-Z_.$ -]{0,12}", inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// `depth` nested openings of `open`, then `leaf`, then the closings.
fn nested(open: &str, leaf: &str, close: &str, depth: usize) -> String {
    let mut s = open.repeat(depth);
    s.push_str(leaf);
    s.push_str(&close.repeat(depth));
    s
}

// ---------------------------------------------------------------------------
// Certificates and key PEMs.

const CERT_FILES: &[&[u8]] = &[
    include_bytes!("data/certs/badssl-subdomain-1000-sans.pem"),
    include_bytes!("data/certs/badssl-wildcard-expired.pem"),
    include_bytes!("data/certs/boringssl-bad_validity.pem"),
    include_bytes!("data/certs/rustls-rsa-2048-end.fullchain"),
    include_bytes!("data/certs/rustls-web-github.0.der"),
    include_bytes!("data/certs/x509parser-ed25519.der"),
    include_bytes!("data/certs/x509parser-no_end.pem"),
];

/// DER certificates: the DER files, and every CERTIFICATE block of the PEMs.
fn cert_ders() -> &'static Vec<Vec<u8>> {
    static DERS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    DERS.get_or_init(|| {
        let mut out = Vec::new();
        for f in CERT_FILES {
            if f.starts_with(b"-----") {
                for p in x509_parser::pem::Pem::iter_from_buffer(f).flatten() {
                    out.push(p.contents);
                }
            } else {
                out.push(f.to_vec());
            }
        }
        assert!(out.len() >= 4, "the certificate fixtures are read");
        out
    })
}

/// Certificate inputs: edited files, edited DER, and edited DER wrapped in
/// a PEM block (so that the edits reach the X.509 parser past the base64).
fn cert_input() -> impl Strategy<Value = Vec<u8>> {
    let files: Vec<Vec<u8>> = CERT_FILES.iter().map(|f| f.to_vec()).collect();
    let labels = vec![
        "CERTIFICATE",
        "X509 CERTIFICATE",
        "TRUSTED CERTIFICATE",
        "PRIVATE KEY",
        "ENCRYPTED PRIVATE KEY",
    ];
    prop_oneof![
        2 => near(files),
        2 => near(cert_ders().clone()),
        3 => (select(labels), near(cert_ders().clone()), 1..3usize)
            .prop_map(|(label, der, n)| pem(label, &der).repeat(n).into_bytes()),
        1 => vec(any::<u8>(), 0..256),
    ]
}

/// Freshly generated keys of every type keyward makes: (PEM private, PEM
/// public, private DER).
fn key_pems() -> &'static Vec<(String, String, Vec<u8>)> {
    use keyward::keypair::{Keypair, KeypairType};
    static KEYS: OnceLock<Vec<(String, String, Vec<u8>)>> = OnceLock::new();
    KEYS.get_or_init(|| {
        [
            KeypairType::Ed25519,
            KeypairType::X25519,
            KeypairType::EcdsaP256,
            KeypairType::EcdsaP384,
            KeypairType::Rsa2048,
        ]
        .into_iter()
        .map(|kind| {
            let kp = Keypair::generate(kind).expect("key generation");
            let private =
                String::from_utf8(kp.private_bytes(false, None).unwrap().to_vec()).unwrap();
            let public = String::from_utf8(kp.public_bytes(false).unwrap()).unwrap();
            (private, public, kp.private_der.expose().to_vec())
        })
        .collect()
    })
}

/// Key PEMs: edited PEM text, and edited DER under a chosen label.
fn key_pem_input() -> impl Strategy<Value = String> {
    let mut texts = Vec::new();
    let mut ders = Vec::new();
    for (private, public, der) in key_pems() {
        texts.push(private.clone().into_bytes());
        texts.push(public.clone().into_bytes());
        ders.push(der.clone());
        if let Some((_, d)) = keyward::jwt::pem_block(public) {
            ders.push(d);
        }
    }
    let labels = vec![
        "PRIVATE KEY",
        "PUBLIC KEY",
        "RSA PRIVATE KEY",
        "RSA PUBLIC KEY",
        "EC PRIVATE KEY",
        "ENCRYPTED PRIVATE KEY",
        "CERTIFICATE",
        "OPENSSH PRIVATE KEY",
    ];
    prop_oneof![
        2 => near_text(texts),
        3 => (select(labels), near(ders)).prop_map(|(l, d)| pem(l, &d)),
        1 => ".{0,200}",
    ]
}

fn cert_policy() -> impl Strategy<Value = keyward::certs::check::Policy> {
    use keyward::certs::check::{Policy, Threshold};
    let threshold = prop_oneof![
        (0i64..=1000 * 366 * 86_400).prop_map(Threshold::Left),
        (0.0f64..=1.0).prop_map(Threshold::Used),
    ];
    (
        threshold.clone(),
        threshold,
        // 1900-2200: the times `cert check --at` and the clock give.
        -2_208_988_800i64..7_258_118_400,
        vec("[a-z0-9.*-]{0,20}", 0..3),
    )
        .prop_map(|(warn, critical, at, expect_names)| Policy {
            warn,
            critical,
            at,
            expect_names,
        })
}

proptest! {
    #![proptest_config(config(4096))]

    /// `cert inspect` / `cert check`: any bytes are graded, never a panic.
    #[test]
    fn certificates(data in cert_input(), policy in cert_policy(), leaf_only in any::<bool>(), name in "[a-z0-9.*-]{0,30}") {
        let parsed = keyward::certs::parse_all(&data);
        prop_assert!(!parsed.is_empty());
        for info in parsed.iter().flatten() {
            let _ = keyward::certs::covers(&info.sans, &name);
        }
        let results = keyward::certs::check::check_bytes("f", &data, &policy, leaf_only);
        prop_assert!(!results.is_empty());
        let _ = keyward::certs::check::exit_code(&results);
        let _ = keyward::certs::check::nagios_line(&results, &policy);
        let _ = keyward::certs::is_pem_without_certificates(&data);
        let _ = keyward::certs::create::pem_to_der(&String::from_utf8_lossy(&data));
    }

    /// `jwt` key files and `cert renew --key-in`: any PEM is read or refused.
    #[test]
    fn key_pems_are_read_or_refused(text in key_pem_input()) {
        let _ = keyward::certs::create::load_key(&text, "k.pem")
            .map(|k| keyward::certs::create::KeyType::of(&k));
        if let Ok((kind, private)) = keyward::jwt::pem_kind(&text, "k.pem") {
            if private {
                let _ = keyward::jwt::encoding_key(&text, kind, "k.pem");
                let _ = keyward::jwt::public_pem_of_private(&text, kind, "k.pem");
            }
            let _ = keyward::jwt::decoding_key(&text, kind, private, "k.pem");
        }
    }

    /// A PEM block comes back as it was written.
    #[test]
    fn pem_blocks_round_trip(label in "[A-Z0-9][A-Z0-9 ]{0,24}", der in vec(any::<u8>(), 0..300), junk in "[ -~\n]{0,40}") {
        let text = format!("{junk}{}", pem(&label, &der));
        prop_assume!(!junk.contains("-----BEGIN "));
        prop_assert_eq!(keyward::jwt::pem_block(&text), Some((label, der)));
    }

    /// The certificate option parsers.
    #[test]
    fn certificate_options(s in prop_oneof![".{0,40}", near_text(seeds_of(&["30d", "66%", "12h", "100%", "0.5%", "*.example.com", "[::1]", "10.0.0.1", "a.b"]))]) {
        let _ = keyward::certs::check::Threshold::parse(&s);
        let _ = keyward::certs::create::parse_san(&s);
    }
}

// ---------------------------------------------------------------------------
// Configuration files and the rule check.

const CONFIG_FILES: &[&str] = &[
    include_str!("data/configs/mem0-server.env.example"),
    include_str!("data/configs/n8n-hosting-postgres-secret.yaml"),
    include_str!("data/configs/n8n-hosting-withPostgres.env"),
    include_str!("data/configs/seed000-security.yaml"),
    include_str!("data/configs/seed000.env"),
    include_str!("data/configs/seed001-config.yaml"),
    include_str!("data/configs/seed001.env"),
    include_str!("data/configs/seed002.env"),
    include_str!("data/configs/seed003.env"),
    include_str!("data/configs/seed004-checklist.env"),
    include_str!("data/configs/seed004.env"),
    include_str!("data/configs/zep-legacy-docker-compose.ce.yaml"),
    include_str!("data/configs/zep-legacy-zep.yaml"),
    "[security]\njwt_secret = \"changeme\" # keyward:ignore KW004\n[db]\nurl = \"postgres://u:p@h/db\"\nports = [1, 2]\n",
    "{\"JWT_SECRET\": \"x\", \"nested\": {\"DB_PASSWORD\": null, \"list\": [1, \"a\"]}}\n",
];

/// Names the rules read, so that generated values reach them.
const CONFIG_KEYS: &[&str] = &[
    "JWT_SECRET",
    "DB_PASSWORD",
    "FERNET_KEY",
    "MASTER_KEY",
    "ENCRYPTION_KEY",
    "API_URL",
    "CORS_ORIGINS",
    "DATABASE_URL",
    "REDIS_URL",
    "TLS_KEY_FILE",
    "SSL_CERT",
    "JWT_ALGORITHM",
    "JWT_EXPIRATION",
    "ACCESS_TOKEN_EXPIRE_MINUTES",
    "PBKDF2_ITERATIONS",
    "SCRYPT_N",
    "BCRYPT_ROUNDS",
    "ARGON2_MEMORY",
    "TRUSTED_PROXIES",
    "DEBUG",
    "ENVIRONMENT",
    "SESSION_COOKIE_SECURE",
    "MAX_LOGIN_ATTEMPTS",
];

fn config_value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ -~]{0,40}",
        ".{0,20}",
        select(SPLICES).prop_map(str::to_string),
        select(vec![
            "${JWT_SECRET}",
            "${A:-b}",
            "$$",
            "${",
            "postgres://user:changeme@db:5432/x",
            "http://localhost:8080",
            "*",
            "HS256",
            "none",
            "2^20",
            "1e400",
            "/dev/null",
            "/etc/ssl/private/x.key",
            "ZmVybmV0IGtleSBvZiAzMiBieXRlcyBmb3IgdGVzdHMhISE=",
        ])
        .prop_map(str::to_string),
    ]
}

/// YAML of a JSON value in block style (keys and strings as JSON strings,
/// which YAML reads as double-quoted scalars).
fn yaml_of(v: &Value, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match v {
        Value::Object(m) if !m.is_empty() => {
            for (k, v) in m {
                out.push_str(&format!("{pad}{}:", Value::from(k.as_str())));
                match v {
                    Value::Object(x) if !x.is_empty() => {
                        out.push('\n');
                        yaml_of(v, indent + 2, out);
                    }
                    Value::Array(x) if !x.is_empty() => {
                        out.push('\n');
                        yaml_of(v, indent + 2, out);
                    }
                    _ => out.push_str(&format!(" {v}\n")),
                }
            }
        }
        Value::Array(a) if !a.is_empty() => {
            for v in a {
                out.push_str(&format!("{pad}- {v}\n"));
            }
        }
        other => out.push_str(&format!("{pad}{other}\n")),
    }
}

/// Compose files: services with `environment:` as a map or a list.
fn compose() -> impl Strategy<Value = String> {
    let entry = (select(CONFIG_KEYS), config_value());
    vec(
        ("[a-z][a-z0-9_-]{0,8}", any::<bool>(), vec(entry, 0..5)),
        0..3,
    )
    .prop_map(|services| {
        let mut s = String::from("services:\n");
        for (name, as_list, env) in services {
            s.push_str(&format!("  {name}:\n    image: x\n    environment:\n"));
            for (k, v) in env {
                let v = Value::from(v);
                if as_list {
                    s.push_str(&format!(
                        "      - {}\n",
                        Value::from(format!("{k}={}", v.as_str().unwrap()))
                    ));
                } else {
                    s.push_str(&format!("      {k}: {v}\n"));
                }
            }
        }
        s
    })
}

/// Kubernetes Secrets and ConfigMaps, alone or in a List, with data that is
/// base64 or not.
fn kubernetes() -> impl Strategy<Value = String> {
    let entry = (select(CONFIG_KEYS), config_value(), any::<bool>());
    (
        select(vec!["Secret", "ConfigMap", "List", "Deployment"]),
        select(vec!["data", "stringData", "binaryData"]),
        vec(entry, 0..5),
    )
        .prop_map(|(kind, field, entries)| {
            let mut body = String::new();
            for (k, v, encode) in entries {
                let v = if encode {
                    STANDARD.encode(v.as_bytes())
                } else {
                    v
                };
                body.push_str(&format!("  {k}: {}\n", Value::from(v)));
            }
            let one = |kind: &str| {
                format!("apiVersion: v1\nkind: {kind}\nmetadata:\n  name: app\n{field}:\n{body}")
            };
            if kind == "List" {
                let item = one("Secret").replace('\n', "\n    ");
                format!("apiVersion: v1\nkind: List\nitems:\n  - {item}\n")
            } else {
                one(kind)
            }
        })
}

/// Very deep nesting in each syntax.
fn deep() -> impl Strategy<Value = String> {
    (0usize..7, 1usize..4000).prop_map(|(form, n)| match form {
        0 => nested("[", "1", "]", n),
        1 => nested("{\"a\":", "1", "}", n),
        2 => format!("a = {}\n", nested("{ b = ", "1", " }", n.min(400))),
        3 => {
            let mut s = String::new();
            for i in 0..n.min(600) {
                s.push_str(&format!("{}k{i}:\n", " ".repeat(i)));
            }
            s
        }
        4 => format!("{}x\n", "- ".repeat(n)),
        5 => format!("{} = 1\n", vec!["a"; n].join(".")),
        _ => format!("x: &a [{}]\ny: *a\n", "*a, ".repeat(n.min(500))),
    })
}

/// Configuration text of every shape.
fn config_text() -> impl Strategy<Value = String> {
    let files: Vec<Vec<u8>> = CONFIG_FILES.iter().map(|f| f.as_bytes().to_vec()).collect();
    let dotenv = vec(
        (
            select(vec!["", "export ", "  "]),
            select(CONFIG_KEYS),
            select(vec!["=", " = ", ": ", "="]),
            select(vec!["", "'", "\"", "\"\"\""]),
            config_value(),
            select(vec![
                "",
                " # keyward:ignore KW004",
                " # keyward:ignore",
                " # keyward:ignore KW999",
                " # c",
            ]),
        ),
        0..10,
    )
    .prop_map(|lines| {
        lines
            .into_iter()
            .map(|(e, k, sep, q, v, c)| format!("{e}{k}{sep}{q}{v}{q}{c}\n"))
            .collect::<String>()
    });
    let structured = json_value().prop_flat_map(|v| {
        let json = serde_json::to_string_pretty(&v).unwrap();
        let mut yaml = String::new();
        yaml_of(&v, 0, &mut yaml);
        let toml = toml::to_string(&v).unwrap_or_default();
        select(vec![json, yaml, toml])
    });
    prop_oneof![
        4 => near_text(files),
        2 => dotenv,
        2 => structured,
        1 => compose(),
        1 => kubernetes(),
        1 => deep(),
        1 => "(?s).{0,300}",
    ]
}

proptest! {
    #![proptest_config(config(3072))]

    /// `config check`: every syntax parses or says where it fails, and the
    /// whole rule check runs over whatever parses, in both profiles.
    #[test]
    fn configs_parse_and_check(text in config_text(), now in 0i64..7_258_118_400) {
        use keyward::config_check::parse::{self, InputType};
        use keyward::config_check::{Profile, policy::Policy, validate};
        let sniffed = parse::sniff(&text);
        let _ = parse::ignore_comments(&text);
        for ty in [InputType::Dotenv, InputType::Yaml, InputType::Toml, InputType::Json] {
            match parse::parse(&text, "fuzz/f", ty) {
                Ok(settings) => {
                    let profile = if ty == sniffed { Profile::Production } else { Profile::Development };
                    let report = validate(vec![settings.clone(), settings], &Policy::default(), Some(profile), now);
                    if let Ok(report) = report {
                        let _ = keyward::config_check::sarif::render(&report.findings);
                    }
                }
                Err(e) => prop_assert!(e.line >= 1 && e.column >= 1),
            }
        }
    }

    /// `--policy` files and file names.
    #[test]
    fn config_policies_and_names(
        text in prop_oneof![
            near_text(seeds_of(&[
                "disable = [\"kw042\"]\n[severity]\nKW020 = \"error\"\n[aliases]\nMY_SIGNER = \"JWT_SECRET\"\n",
                "[severity]\nKW001 = \"fatal\"\n",
            ])),
            "(?s).{0,120}",
        ],
        name in "[a-zA-Z0-9._-]{0,30}",
    ) {
        let _ = keyward::config_check::policy::Policy::parse(&text);
        let _ = keyward::config_check::parse::type_by_name(std::path::Path::new(&name));
        let _ = keyward::config_check::normalize(&text);
        let _ = keyward::config_check::mask(&text);
    }
}

// ---------------------------------------------------------------------------
// JWTs.

/// A header or claims object: the members `inspect` and `verify` read, with
/// values of any type.
fn jwt_object(names: &'static [&'static str]) -> impl Strategy<Value = Map<String, Value>> {
    let number = prop_oneof![
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        (0i64..4_000_000_000).prop_map(Value::from),
        select(vec![1e300, -1e300, 1e19, -1e19, 0.5, 253_402_300_800.0]).prop_map(Value::from),
    ];
    let value = prop_oneof![3 => number, 2 => json_value()];
    vec((select(names), value), 0..6)
        .prop_map(|kv| kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

const HEADER_NAMES: &[&str] = &[
    "alg", "typ", "kid", "crit", "cty", "jku", "jwk", "x5u", "x5c", "x5t", "x5t#S256", "b64",
];
const CLAIM_NAMES: &[&str] = &[
    "exp", "iat", "nbf", "sub", "aud", "iss", "jti", "scope", "scp", "roles",
];

/// Tokens: three parts from generated objects, then perhaps edited; or
/// arbitrary text with dots.
type Made = Option<(Map<String, Value>, Map<String, Value>)>;

fn jwt_token() -> impl Strategy<Value = (String, Made)> {
    prop_oneof![
        3 => jwt_parts(),
        3 => (jwt_parts(), vec(edit(), 1..5)).prop_map(|((t, _), e)| (String::from_utf8_lossy(&apply(t.into_bytes(), &e)).into_owned(), None)),
        1 => "[A-Za-z0-9_=.-]{0,80}".prop_map(|t| (t, None)),
        1 => ".{0,80}".prop_map(|t| (t, None)),
    ]
}

fn jwt_parts() -> impl Strategy<Value = (String, Made)> {
    (
        jwt_object(HEADER_NAMES),
        jwt_object(CLAIM_NAMES),
        vec(any::<u8>(), 0..64),
        any::<bool>(),
    )
        .prop_map(|(h, c, sig, pad)| {
            let enc = |b: &[u8]| {
                if pad {
                    URL_SAFE.encode(b)
                } else {
                    URL_SAFE_NO_PAD.encode(b)
                }
            };
            let (h, c) = (
                serde_json::to_vec(&h).unwrap(),
                serde_json::to_vec(&c).unwrap(),
            );
            let token = format!("{}.{}.{}", enc(&h), enc(&c), enc(&sig));
            // What serde_json reads back (a float may move by an ulp
            // without its float_roundtrip feature): decode_unverified must
            // read the same.
            let back = |b: &[u8]| serde_json::from_slice::<Map<String, Value>>(b).unwrap();
            (token, Some((back(&h), back(&c))))
        })
}

proptest! {
    #![proptest_config(config(8192))]

    /// `jwt inspect` / `jwt verify` before the signature: a token is read
    /// or refused, its warnings and time checks computed at any time.
    #[test]
    fn jwts((token, made) in jwt_token(), now in any::<i64>(), nowf in any::<f64>(), leeway in any::<f64>(), allow in any::<bool>()) {
        use keyward::jwt;
        let _ = jwt::check_compact(&token);
        match jwt::decode_unverified(&token) {
            Ok(t) => {
                if let Some((h, c)) = made {
                    prop_assert_eq!(&t.header, &h);
                    prop_assert_eq!(&t.claims, &c);
                }
                let _ = jwt::warnings(&t, now);
                let _ = jwt::check_header(&t.header);
                let _ = jwt::critical_extensions(&t.header);
                let _ = jwt::check_times(&t.claims, nowf, leeway, allow);
                let _ = jwt::check_times(&t.claims, now as f64, 60.0, allow);
                for name in ["exp", "iat", "nbf"] {
                    if let Ok(Some(x)) = jwt::numeric_date(&t.claims, name) {
                        let _ = jwt::datetime_of(x);
                    }
                }
            }
            // Generated objects have each member once: they always decode.
            Err(e) => prop_assert!(made.is_none(), "{}", e.message()),
        }
        // jsonwebtoken's own reading of the header, as verify does.
        let _ = jsonwebtoken::decode_header(&token);
    }

    /// `--claim k=v`, secrets in every encoding, and raw NumericDates.
    #[test]
    fn jwt_options(s in ".{0,60}", secs in any::<f64>()) {
        use keyward::cli::JwtSecretEncoding as E;
        let _ = keyward::jwt::parse_claim(&s);
        for e in [E::Text, E::Base64, E::Base64url, E::Hex] {
            let _ = keyward::jwt::hs_key_bytes(&s, e);
        }
        let _ = keyward::jwt::datetime_of(secs);
    }
}

// ---------------------------------------------------------------------------
// Stored password hashes.

/// Real hashes of every form, with small parameters.
fn hash_seeds() -> &'static Vec<Vec<u8>> {
    use keyward::passwd::{Algo, Params, hash_password};
    static SEEDS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let mut out: Vec<Vec<u8>> = [
            (Algo::Argon2id, Params::Argon2 { m: 64, t: 1, p: 1 }),
            (Algo::Bcrypt, Params::Bcrypt { cost: 4 }),
            (Algo::Scrypt, Params::Scrypt { ln: 4, r: 8, p: 1 }),
            (Algo::Pbkdf2Sha256, Params::Pbkdf2 { iterations: 1000 }),
        ]
        .into_iter()
        .map(|(a, p)| hash_password(a, p, b"password").unwrap().into_bytes())
        .collect();
        // passlib's own PBKDF2 form and argon2-cffi's (published examples).
        out.push(b"$pbkdf2-sha256$29000$N2bMeS9lDGEs5Tw.x.EdAw$Ct6UPDD5tw5v1T.Qp8dzpyVIWlaZPHqp1mXmvE0NLC0".to_vec());
        out.push(b"$argon2id$v=19$m=65536,t=3,p=4$MIIRqgvgQbgj220jfp0MPA$YfwJSVjtjSU0zzV/P3S9nnQ/USre2wvJMjfCIjrTQbg".to_vec());
        out.push(b"$2y$04$abcdefghijklmnopqrstuu5Qoq8JgPVGlczcgPXQh8yLVGd9dmKyq".to_vec());
        out
    })
}

/// The numbers that break parameter parsing and limits.
fn param_number() -> impl Strategy<Value = String> {
    prop_oneof![
        select(vec![
            "0",
            "1",
            "2",
            "3",
            "4",
            "8",
            "16",
            "17",
            "20",
            "21",
            "31",
            "32",
            "33",
            "63",
            "64",
            "65",
            "1000",
            "1023",
            "1024",
            "65536",
            "1048576",
            "1048577",
            "4194304",
            "4194305",
            "10000000",
            "10000001",
            "1073741824",
            "4294967295",
            "4294967296",
            "18446744073709551615",
            "18446744073709551616",
            "99999999999999999999999999",
            "-1",
            "+1",
            "01",
            "1.5",
            "",
            " 1",
            "0x10",
        ])
        .prop_map(str::to_string),
        any::<u32>().prop_map(|n| n.to_string()),
        (0u32..64).prop_map(|n| n.to_string()),
    ]
}

/// A base64 field (standard alphabet without padding, or the adapted one)
/// of some length, or garbage.
fn b64_field() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => vec(any::<u8>(), 0..80).prop_map(|b| base64::engine::general_purpose::STANDARD_NO_PAD.encode(b)),
        1 => vec(any::<u8>(), 0..40).prop_map(|b| base64::engine::general_purpose::STANDARD_NO_PAD.encode(b).replace('+', ".")),
        1 => "[ -~]{0,30}",
    ]
}

/// Hash strings in every form with any number in each parameter position.
fn hash_text() -> impl Strategy<Value = String> {
    let n = param_number;
    let argon2 = (
        select(vec!["argon2id", "argon2i", "argon2d"]),
        n(),
        n(),
        n(),
        n(),
        b64_field(),
        b64_field(),
    )
        .prop_map(|(id, v, m, t, p, s, h)| format!("${id}$v={v}$m={m},t={t},p={p}${s}${h}"));
    let scrypt = (n(), n(), n(), b64_field(), b64_field())
        .prop_map(|(ln, r, p, s, h)| format!("$scrypt$ln={ln},r={r},p={p}${s}${h}"));
    let pbkdf2 = (
        select(vec!["pbkdf2-sha256", "pbkdf2-sha512"]),
        n(),
        n(),
        b64_field(),
        b64_field(),
    )
        .prop_map(|(id, i, l, s, h)| format!("${id}$i={i},l={l}${s}${h}"));
    let passlib = (
        select(vec!["pbkdf2-sha256", "pbkdf2-sha512"]),
        n(),
        b64_field(),
        b64_field(),
    )
        .prop_map(|(id, i, s, h)| format!("${id}${i}${s}${h}"));
    let bcrypt = (
        select(vec!["2a", "2b", "2y", "2x", "2"]),
        n(),
        "[./A-Za-z0-9]{0,60}",
    )
        .prop_map(|(id, c, rest)| format!("${id}${c}${rest}"));
    prop_oneof![
        3 => near_text(hash_seeds().clone()),
        2 => argon2,
        2 => scrypt,
        1 => pbkdf2,
        1 => passlib,
        1 => bcrypt,
        1 => ".{0,80}",
    ]
}

/// Parameters a verify runs in milliseconds at opt-level 1.
fn cheap(p: &keyward::passwd::Params) -> bool {
    use keyward::passwd::Params;
    match *p {
        Params::Argon2 { m, t, .. } => u64::from(m) * u64::from(t) <= 4096,
        Params::Scrypt { ln, r, p } => {
            ln < 40 && 128u64 * (1 << ln) * u64::from(r) * u64::from(p) <= 8 << 20
        }
        Params::Pbkdf2 { iterations } => iterations <= 50_000,
        Params::Bcrypt { cost } => cost <= 6,
    }
}

proptest! {
    #![proptest_config(config(8192))]

    /// `hash verify` / `hash info` / `--needs-rehash`: a stored hash is read
    /// or refused, never beyond the KDF limits, and a cheap one verifies
    /// quickly. Parameters beyond the limits are refused by the parser,
    /// before any work: `verify` is only reachable through it.
    #[test]
    fn stored_hashes(text in hash_text(), password in vec(any::<u8>(), 0..80)) {
        use keyward::passwd::{Algo, Params, parse_hash};
        let Ok(h) = parse_hash(&text) else { return Ok(()) };
        prop_assert!(h.info.params.check_limits().is_ok(), "{:?} passed the parser", h.info.params);
        let _ = serde_json::to_string(&h.info).unwrap();
        let _ = h.info.params.describe();
        let _ = h.info.params.weaknesses();
        let _ = h.rehash_reasons(None, Params::default_for(h.family()));
        let _ = h.rehash_reasons(Some(Algo::Argon2id), Params::default_for(Algo::Argon2id));
        if cheap(&h.info.params) {
            let start = Instant::now();
            let _ = h.verify(&password);
            let took = start.elapsed();
            prop_assert!(took < Duration::from_secs(10), "verify of {:?} took {:?}", h.info.params, took);
        }
    }

    /// Limit parsers of the hash and KDF options.
    #[test]
    fn kdf_options(s in prop_oneof![".{0,30}", near_text(seeds_of(&["19MiB", "1GiB", "65536", "2^17", "2**20", "131072"]))]) {
        let _ = keyward::passwd::parse_memory_kib(&s);
        let _ = keyward::crypto::kdf::parse_scrypt_n(&s);
    }
}

// ---------------------------------------------------------------------------
// Audit sources, filters and times.

/// A JSON-lines file for `JsonlSource::open` (its lines are given to
/// `parse_line` directly).
fn jsonl_path() -> &'static std::path::Path {
    static FILE: OnceLock<tempfile::NamedTempFile> = OnceLock::new();
    FILE.get_or_init(|| {
        let f = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(f.path(), "{}\n").unwrap();
        f
    })
    .path()
}

const TIME_TEXTS: &[&str] = &[
    "2026-11-25T14:00:57.123Z",
    "2026-11-25T14:00:57.123456+05:30",
    "2026-11-25 14:00:57+0000",
    "2026-11-25 14:00:57-07",
    "2026-11-25T14:00:57",
    "2026-11-25T14:00",
    "2026-11-25",
    "9999-12-31T23:59:59Z",
    "0000-01-01T00:00:00Z",
];

fn time_text() -> impl Strategy<Value = String> {
    prop_oneof![3 => near_text(seeds_of(TIME_TEXTS)), 1 => ".{0,40}"]
}

/// Audit lines: objects with the fields under their usual names (and times
/// as numbers or text), edited lines, and anything.
fn audit_line() -> impl Strategy<Value = String> {
    let ts = prop_oneof![
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (0i64..4_000_000_000_000).prop_map(Value::from),
        time_text().prop_map(Value::from),
        json_value(),
    ];
    let names = vec![
        "timestamp",
        "ts",
        "time",
        "@timestamp",
        "created_at",
        "user",
        "actor",
        "user_id",
        "action",
        "event",
        "outcome",
        "success",
        "risk",
        "risk_level",
        "host",
        "ip_address",
        "details",
        "id",
        "resource_type",
        "resource_id",
    ];
    let object = (
        select(vec!["timestamp", "ts", "time", "@timestamp"]),
        ts,
        vec((select(names), json_value()), 0..8),
    )
        .prop_map(|(tk, tv, rest)| {
            let mut m = Map::new();
            m.insert(tk.to_string(), tv);
            for (k, v) in rest {
                m.insert(k.to_string(), v);
            }
            Value::Object(m).to_string()
        });
    let seeds = seeds_of(&[
        r#"{"timestamp": "2026-11-25T14:00:57Z", "user": "alice", "action": "login", "success": true, "details": {"ip": "10.0.0.1"}}"#,
        r#"{"ts": 1764079257.5, "actor": "bob", "event": "key.rotate", "risk": "HIGH", "outcome": "failure"}"#,
    ]);
    prop_oneof![3 => object, 2 => near_text(seeds), 1 => ".{0,80}"]
}

/// `--where` expressions, well formed or nearly.
fn where_expr() -> impl Strategy<Value = String> {
    let path = prop_oneof![
        select(vec![
            "actor",
            "action",
            "ts",
            "id",
            "risk",
            "outcome",
            "host",
            "details",
            "details.a",
            "details.\"x y\".b",
            "details.ip",
            "nope"
        ])
        .prop_map(str::to_string),
        "[a-z\".]{0,12}",
    ];
    let op = select(vec!["=", "==", "!=", "<", "<=", ">", ">=", "~", "=~", ""]);
    let value = prop_oneof![
        param_number(),
        select(vec![
            "\"apikey.*\"",
            "\"[\"",
            "\"a\\\"b\"",
            "null",
            "true",
            "false",
            "1e999",
            "-0.0",
            "\"\\u0000\"",
            "bob"
        ])
        .prop_map(str::to_string),
        ".{0,12}",
    ];
    prop_oneof![
        3 => (path, op, value).prop_map(|(p, o, v)| format!("{p} {o} {v}")),
        1 => ".{0,40}",
    ]
}

proptest! {
    #![proptest_config(config(8192))]

    /// `audit` JSON-lines sources: a line is a record or skipped, and the
    /// record goes through every filter.
    #[test]
    fn audit_lines(
        line in audit_line(),
        maps in vec("[a-z_.]{0,10}=[a-z_]{0,14}", 0..3),
        wh in where_expr(),
        since in time_text(),
        glob in "[a-z*?\\[\\]!-]{0,8}",
    ) {
        use keyward::audit::filter::{Field, Filter, parse_bound, parse_where};
        use keyward::audit::source::{GroupBy, JsonlSource, parse_mapping};
        let maps: Vec<_> = maps.iter().filter_map(|m| parse_mapping(m).ok()).collect();
        let src = JsonlSource::open(jsonl_path().to_str().unwrap(), &maps).unwrap();
        let Some(rec) = src.parse_line(&line, "f", 1) else { return Ok(()) };
        let now = time::macros::datetime!(2026-11-25 12:00 UTC);
        let mut f = Filter {
            since: parse_bound(&since, now, "--since").ok(),
            actor: Some(glob.clone()),
            host: Some(glob),
            grep: Some("a".into()),
            ..Filter::default()
        };
        if let Ok(c) = parse_where(&wh) {
            f.wheres.push(c);
        }
        let _ = f.matches(&rec);
        f.actor = None;
        f.host = None;
        let _ = f.matches(&rec);
        for field in Field::ALL {
            let _ = rec.text(field);
        }
        let _ = GroupBy::parse(&wh);
        let _ = serde_json::to_string(&rec).unwrap();
    }

    /// Times as sources write them and as `--since`, `--until`, `--expires`
    /// and durations are given.
    #[test]
    fn times(s in time_text(), epoch in any::<f64>(), now_secs in -2_208_988_800i64..7_258_118_400) {
        use keyward::audit::filter::{from_epoch, parse_bound, parse_time_text};
        use keyward::timeutil;
        let now = time::OffsetDateTime::from_unix_timestamp(now_secs).unwrap();
        let _ = parse_time_text(&s);
        let _ = parse_bound(&s, now, "--since");
        let _ = timeutil::parse_stored(&s);
        let _ = timeutil::parse_duration(&s);
        let _ = timeutil::parse_expiry(&s, now, "--expires");
        if let Some(t) = from_epoch(epoch) {
            let _ = timeutil::format_ms(t);
            let _ = timeutil::format_short(t);
        }
        let _ = timeutil::human_duration(time::Duration::seconds(now_secs));
    }

    /// Stored times read back as written, to the millisecond.
    #[test]
    fn stored_times_round_trip(ms in -62_135_596_800_000i64..253_402_300_799_000) {
        use keyward::timeutil;
        let t = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000).unwrap();
        let text = timeutil::format_ms(t);
        prop_assert_eq!(timeutil::parse_stored(&text), Some(t), "{}", text);
    }
}

// ---------------------------------------------------------------------------
// Keys, Fernet tokens, envelopes and rotated values.

fn key(n: u8) -> Key256 {
    Key256::from_bytes([n; 32])
}

/// Key texts: every encoding of random keys, edited, and anything.
fn key_text() -> impl Strategy<Value = String> {
    let encoded = (
        any::<[u8; 32]>(),
        select(vec![
            Encoding::Hex,
            Encoding::Base64,
            Encoding::Base64url,
            Encoding::Fernet,
        ]),
    )
        .prop_map(|(b, e)| Key256::from_bytes(b).encode(e).expose().to_string());
    prop_oneof![
        2 => (encoded, vec(edit(), 0..4)).prop_map(|(t, e)| String::from_utf8_lossy(&apply(t.into_bytes(), &e)).into_owned()),
        1 => "[0-9a-fA-F]{60,68}",
        1 => "(base64:)?[A-Za-z0-9+/_=-]{0,60}",
        1 => ".{0,80}",
    ]
}

/// A Fernet token and an envelope of `plain` under key 1, and edited forms.
fn ciphertexts() -> impl Strategy<Value = (Vec<u8>, Vec<u8>, Vec<u8>, Vec<Edit>)> {
    (
        vec(any::<u8>(), 0..64),
        any::<u64>(),
        any::<[u8; 16]>(),
        any::<[u8; 12]>(),
        vec(edit(), 0..4),
    )
        .prop_map(|(plain, ts, iv, nonce, edits)| {
            let fernet =
                keyward::crypto::fernet::FernetKey::new(&key(1)).encrypt_raw(&plain, ts, &iv);
            let envelope = keyward::crypto::envelope::EnvelopeKey::new(&key(1), 7)
                .seal_with_nonce(&plain, None, &nonce);
            (plain, fernet, envelope, edits)
        })
}

proptest! {
    #![proptest_config(config(8192))]

    /// `--key-env` / `--key-file`: any text is a key or refused; a key in
    /// any encoding reads back as itself.
    #[test]
    fn keys(text in key_text(), bytes in any::<[u8; 32]>()) {
        let _ = Key256::parse(&text);
        let _ = keyward::crypto::keys::decode_any(&text);
        for e in [Encoding::Hex, Encoding::Base64, Encoding::Base64url, Encoding::Fernet] {
            let k = Key256::from_bytes(bytes);
            let (back, _) = Key256::parse(k.encode(e).expose()).unwrap();
            prop_assert_eq!(back.expose(), &bytes);
        }
        let _ = keyward::apikey::check_format(&text);
    }

    /// `decrypt` and friends with a fixed key: edited or foreign input fails
    /// cleanly, and whatever opens is the plaintext that was sealed.
    #[test]
    fn fernet_and_envelopes((plain, fernet, envelope, edits) in ciphertexts(), text in ".{0,120}", ttl in any::<u64>(), now in any::<u64>(), urlsafe in any::<bool>()) {
        use keyward::crypto::{envelope, fernet as f};
        let fk = f::FernetKey::new(&key(1));
        let ek = envelope::EnvelopeKey::new(&key(1), 7);
        let ft = apply(fernet, &edits);
        let et = apply(envelope, &edits);
        if let Ok(p) = fk.decrypt_raw(&ft, Some((ttl, now))) {
            prop_assert_eq!(&p[..], &plain[..]);
        }
        if let Ok(p) = fk.decrypt_raw(&ft, None) {
            prop_assert_eq!(&p[..], &plain[..]);
        }
        if let Ok(p) = ek.open(&et, None) {
            prop_assert_eq!(&p[..], &plain[..]);
        }
        let _ = ek.open(&et, Some(b"ctx"));
        let _ = envelope::parse_header(&et);
        // The text forms, edited after encoding.
        let ftext = if urlsafe { URL_SAFE.encode(&ft) } else { URL_SAFE_NO_PAD.encode(&ft) };
        let ftext = String::from_utf8_lossy(&apply(ftext.into_bytes(), &edits)).into_owned();
        if let Ok(p) = fk.decrypt(&ftext, None) {
            prop_assert_eq!(&p[..], &plain[..]);
        }
        let _ = f::timestamp(&ftext);
        let etext = String::from_utf8_lossy(&apply(STANDARD.encode(&et).into_bytes(), &edits)).into_owned();
        if let Ok(p) = ek.open_base64(&etext, None) {
            prop_assert_eq!(&p[..], &plain[..]);
        }
        // Anything at all.
        prop_assert!(fk.decrypt(&text, None).is_err());
        prop_assert!(ek.open_base64(&text, None).is_err());
        let _ = f::decode(&text);
        let _ = envelope::decode_base64(&text);
        for t in [&text, &ftext, &etext] {
            let _ = keyward::crypto::detect(t);
        }
    }

    /// `rotate`: any stored value is classified, rotated or refused, and a
    /// rotated value opens to the same plaintext under the target key.
    #[test]
    fn rotated_values(
        (plain, fernet, envelope, edits) in ciphertexts(),
        text in ".{0,80}",
        n in any::<i64>(),
        x in any::<f64>(),
        which in 0usize..8,
        target_fernet in any::<bool>(),
        encrypt_plaintext in any::<bool>(),
    ) {
        use keyward::crypto::ValueFormat;
        use keyward::rotate::codec::{self, DecryptKey, Keys, Outcome};
        use rusqlite::types::Value as V;
        let fernet_text = URL_SAFE.encode(&fernet);
        let v = match which {
            0 => V::Blob(apply(envelope, &edits)),
            1 => V::Text(STANDARD.encode(apply(envelope, &edits))),
            2 => V::Text(String::from_utf8_lossy(&apply(fernet_text.into_bytes(), &edits)).into_owned()),
            3 => V::Blob(apply(fernet_text.into_bytes(), &edits)),
            4 => V::Text(text),
            5 => V::Integer(n),
            6 => V::Real(x),
            _ => V::Null,
        };
        let format = if target_fernet { ValueFormat::Fernet } else { ValueFormat::Envelope };
        let keys = Keys::new(&key(2), 9, format, vec![DecryptKey::new(&key(1), Some(7)), DecryptKey::new(&key(3), None)]);
        let parsed = codec::parse(&v);
        let _ = keys.decrypt(&parsed, None);
        let _ = keys.holder(&parsed, None);
        let before = keys.plaintext(&v, None).ok().flatten();
        if let Outcome::Rotated(new) = keys.rotate(&v, None, encrypt_plaintext) {
            let after = keys.plaintext(&new, None).expect("a rotated value opens");
            prop_assert_eq!(after.as_deref().map(|p| &p[..]), before.as_deref().map(|p| &p[..]));
            if edits.is_empty() && which < 4 {
                prop_assert_eq!(after.as_deref().map(|p| &p[..]), Some(&plain[..]));
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Deep nesting, once each at a depth the generators do not reach quickly.

#[test]
fn very_deep_configs_and_tokens_are_refused_or_read() {
    use keyward::config_check::parse::{self, InputType};
    for depth in [10_000, 100_000] {
        for text in [
            nested("[", "1", "]", depth),
            nested("{\"a\":", "1", "}", depth),
            format!("{}x\n", "- ".repeat(depth)),
            nested("a = [", "1", "]", depth),
        ] {
            for ty in [
                InputType::Dotenv,
                InputType::Yaml,
                InputType::Toml,
                InputType::Json,
            ] {
                let _ = parse::parse(&text, "f", ty);
            }
            let b64 = URL_SAFE_NO_PAD.encode(&text);
            let _ = keyward::jwt::decode_unverified(&format!("{b64}.{b64}.AA"));
            let src =
                keyward::audit::source::JsonlSource::open(jsonl_path().to_str().unwrap(), &[])
                    .unwrap();
            let _ = src.parse_line(&text, "f", 1);
        }
    }
}
