//! The rule catalog and the checks. Each check reads the merged settings
//! by normalized key (a key matches a name when it equals it or ends with
//! `_name`, so `MEMORIC_JWT_SECRET` and `security.jwt_secret` both match
//! `jwt_secret`) and reports [`Hit`]s; [`super::validate`] turns them into
//! findings after suppression.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use base64::Engine;
use serde::Serialize;

use super::{Kind, Profile, Setting, Severity, mask};

/// One rule of the catalog.
#[derive(Debug, Clone, Serialize)]
pub struct Rule {
    /// `KW001`...
    pub id: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// Checked only under the production profile.
    pub production_only: bool,
    /// One line.
    pub title: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// What to do.
    pub fix: &'static str,
}

macro_rules! rule {
    ($id:literal, $sev:ident, $prod:literal, $title:literal, $why:literal, $fix:literal) => {
        Rule {
            id: $id,
            severity: Severity::$sev,
            production_only: $prod,
            title: $title,
            why: $why,
            fix: $fix,
        }
    };
}

/// Every rule, in id order.
pub static CATALOG: &[Rule] = &[
    rule!(
        "KW001",
        Warning,
        false,
        "Secret is empty or unset",
        "A secret setting without a value makes the service refuse to start or, worse, run with a built-in default.",
        "Generate a value (keyward keygen jwt-secret / master / password) and set it."
    ),
    rule!(
        "KW002",
        Error,
        false,
        "Secret shorter than 32 characters",
        "Short secrets can be brute-forced offline (HMAC-signed tokens, password hashes, leaked ciphertexts).",
        "Use at least 32 random characters: keyward keygen jwt-secret or keyward keygen password --length 32."
    ),
    rule!(
        "KW003",
        Warning,
        false,
        "Secret has low estimated entropy",
        "A long value made of few distinct characters (under 3 bits per character) is far weaker than its length suggests.",
        "Replace it with output of keyward keygen."
    ),
    rule!(
        "KW004",
        Error,
        false,
        "Secret is a known placeholder or default",
        "Sample values (changeme, your-...-here, the docs' example keys) are public: anyone can sign tokens or decrypt with them.",
        "Generate a fresh secret with keyward keygen and never reuse documentation values."
    ),
    rule!(
        "KW005",
        Error,
        false,
        "Key is all zeros or a repeating pattern",
        "A key of the right length but repeating content has almost no entropy.",
        "Generate a random key: keyward keygen master."
    ),
    rule!(
        "KW006",
        Warning,
        false,
        "One secret value used for two purposes",
        "Reusing a value (say the JWT secret as the encryption key) means one leak breaks both, and rotation of one breaks the other.",
        "Give every purpose its own freshly generated secret."
    ),
    rule!(
        "KW010",
        Error,
        false,
        "Encryption key has the wrong length or encoding",
        "The service expects a 256-bit key (64 hex digits, or a 44-character Fernet key); anything else fails at start or is stretched insecurely.",
        "keyward keygen master (hex) or keyward keygen master --encoding fernet."
    ),
    rule!(
        "KW011",
        Error,
        true,
        "Encryption turned off in production",
        "Data at rest is stored in the clear.",
        "Enable encryption and set its key."
    ),
    rule!(
        "KW020",
        Warning,
        false,
        "PBKDF2 iterations under 600,000",
        "OWASP (2023) recommends at least 600,000 iterations of PBKDF2-HMAC-SHA256.",
        "Set the iteration count to 600000 or more."
    ),
    rule!(
        "KW021",
        Error,
        false,
        "PBKDF2 iterations under 100,000",
        "Under 100,000 iterations a GPU tests passphrases very cheaply.",
        "Set the iteration count to 600000 or more (or move to scrypt/argon2id)."
    ),
    rule!(
        "KW022",
        Warning,
        false,
        "scrypt cost N under 2^17",
        "N = 2^17 (r=8, p=1) is the interactive minimum recommended today.",
        "Set N to 131072 (2^17) or more."
    ),
    rule!(
        "KW023",
        Warning,
        false,
        "bcrypt cost under 10",
        "Each step below 10 halves the attacker's work; OWASP asks for at least 10.",
        "Set the bcrypt cost (rounds) to 12."
    ),
    rule!(
        "KW024",
        Warning,
        false,
        "argon2 memory under 19 MiB",
        "OWASP's minimum for argon2id is 19 MiB (19456 KiB) with t=2.",
        "Set the memory cost to 19456 KiB or more."
    ),
    rule!(
        "KW030",
        Error,
        false,
        "JWT algorithm is none",
        "Unsigned tokens: anyone can forge any identity.",
        "Use HS256 with a strong secret, or an asymmetric algorithm."
    ),
    rule!(
        "KW031",
        Warning,
        false,
        "JWT expiry over 24 hours",
        "A stolen token stays valid for its whole lifetime.",
        "Keep access tokens at 24 hours or less (an hour is common) and use refresh tokens."
    ),
    rule!(
        "KW032",
        Warning,
        false,
        "JWT without expiry",
        "A token that never expires can only be stopped by rotating the signing secret.",
        "Set an expiry of 24 hours or less."
    ),
    rule!(
        "KW040",
        Error,
        true,
        "TLS turned off in production",
        "Credentials and data travel in the clear.",
        "Enable TLS (or terminate it at a proxy and say so with keyward:ignore)."
    ),
    rule!(
        "KW041",
        Error,
        false,
        "Certificate verification turned off",
        "Without verification any man in the middle can impersonate the server.",
        "Turn verification on; trust a private CA with its bundle instead."
    ),
    rule!(
        "KW042",
        Warning,
        true,
        "Plain http:// endpoint or origin in production",
        "Requests to or from a non-loopback http:// address are not encrypted.",
        "Use https:// (loopback addresses are exempt)."
    ),
    rule!(
        "KW043",
        Error,
        false,
        "TLS certificate or key file missing or unreadable",
        "The service cannot start TLS, or falls back to plain text.",
        "Point the setting at an existing, readable file (keyward cert create makes one)."
    ),
    rule!(
        "KW044",
        Error,
        false,
        "TLS certificate expired or not valid",
        "Clients refuse the connection, or are trained to ignore errors.",
        "Renew the certificate (keyward cert check to watch expiry)."
    ),
    rule!(
        "KW045",
        Warning,
        false,
        "TLS certificate expires within 30 days",
        "An expiry inside a month needs a renewal now.",
        "Renew it, and run keyward cert check in monitoring."
    ),
    rule!(
        "KW046",
        Error,
        false,
        "TLS private key readable by other users",
        "Group- or world-readable private keys leak to every local account.",
        "chmod 600 the key file."
    ),
    rule!(
        "KW050",
        Error,
        true,
        "CORS allows any origin",
        "Any website can call the API from a visitor's browser.",
        "List the exact https:// origins that need access."
    ),
    rule!(
        "KW051",
        Error,
        false,
        "CORS credentials with a wildcard origin",
        "Credentialed requests from every origin expose logged-in users to any site.",
        "List exact origins when credentials are allowed."
    ),
    rule!(
        "KW052",
        Error,
        true,
        "Allow-list open to every address",
        "0.0.0.0/0, ::/0 or * in an allow-list (trusted proxies included) lets anyone in or spoof client addresses.",
        "List the networks that need access."
    ),
    rule!(
        "KW060",
        Warning,
        true,
        "PostgreSQL connection without sslmode=require or verify-full",
        "libpq's default (prefer) silently falls back to plain text.",
        "Add ?sslmode=verify-full (or require) to the URL."
    ),
    rule!(
        "KW061",
        Warning,
        true,
        "Redis without TLS (redis:// rather than rediss://)",
        "Redis passwords and cached data travel in the clear.",
        "Use rediss:// and enable TLS on the server."
    ),
    rule!(
        "KW062",
        Warning,
        false,
        "Redis without a password",
        "Anyone who reaches the port reads and writes the cache (sessions, rate limits).",
        "Set requirepass on the server and REDIS_PASSWORD (or the URL's password)."
    ),
    rule!(
        "KW063",
        Warning,
        false,
        "Credentials inline in a URL",
        "URLs are logged, shown in process lists and error messages.",
        "Pass the password in its own setting or a secret file, and reference it."
    ),
    rule!(
        "KW070",
        Warning,
        true,
        "Rate limiting turned off in production",
        "Credential stuffing and scraping go unchecked.",
        "Enable rate limiting."
    ),
    rule!(
        "KW071",
        Warning,
        true,
        "Rate limiter fails open",
        "When its store (Redis) is down, every limit is off.",
        "Set fail-open to false."
    ),
    rule!(
        "KW072",
        Warning,
        false,
        "No lockout threshold",
        "Without a failure limit a password can be guessed forever.",
        "Set a lockout threshold (5-10 failures)."
    ),
    rule!(
        "KW073",
        Error,
        true,
        "Debug mode on in production",
        "Debug pages leak stack traces, settings and sometimes a shell.",
        "Turn debug off in production."
    ),
    rule!(
        "KW074",
        Warning,
        false,
        "Audit logging turned off",
        "Without an audit trail incidents cannot be investigated.",
        "Enable audit logging."
    ),
    rule!(
        "KW075",
        Warning,
        false,
        "Audit retention under 365 days",
        "Breaches are often found months later; a year of logs is the usual minimum.",
        "Keep audit logs for at least 365 days."
    ),
];

/// The rule with `id`, if it exists.
pub fn find(id: &str) -> Option<&'static Rule> {
    CATALOG.iter().find(|r| r.id == id)
}

/// A rule that fired on one setting.
#[derive(Debug, Clone)]
pub struct Hit {
    /// The rule id.
    pub rule: &'static str,
    /// Index into the merged settings: the setting the finding is about.
    pub setting: usize,
    /// Index of the setting whose literal value made the rule fire: the
    /// same as `setting`, or (for a `${VAR}` reference) where the value is
    /// defined, possibly a setting a later input overrode.
    pub at: usize,
    /// The message (masked).
    pub message: String,
}

/// A setting with its value after `${VAR}` resolution.
struct Item<'a> {
    s: &'a Setting,
    /// The value after resolution (the raw text when unresolved).
    value: String,
    /// The kind of the resolved value.
    kind: Kind,
    /// Index of the setting holding the literal (itself when the value is
    /// its own, or a `:-default` written here).
    origin: usize,
    /// The variables followed, in order (`${A}` then `${B}`).
    chain: Vec<String>,
    /// The value is a `:-default`.
    defaulted: bool,
    /// A reference that could not be resolved: not checked at all.
    unresolved: bool,
    /// The value has a reference inside (`postgresql://app:${PW}@db/app`):
    /// no literal secret and no file path, but its text is still checked
    /// (scheme, sslmode, ...).
    inner_ref: bool,
}

/// True when `norm` is `name` or ends with `_name`.
fn ends(norm: &str, names: &[&str]) -> bool {
    let last = norm.as_bytes().last();
    // The last byte first: most names differ there, and this runs for every
    // setting against every list.
    names.iter().any(|n| {
        n.as_bytes().last() == last
            && (norm == *n
                || (norm.len() > n.len()
                    && norm.ends_with(n)
                    && norm.as_bytes()[norm.len() - n.len() - 1] == b'_'))
    })
}

fn truthy(v: &str) -> Option<bool> {
    match v.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" | "on" | "1" | "y" | "enabled" | "enable" => Some(true),
        "false" | "no" | "off" | "0" | "n" | "disabled" | "disable" => Some(false),
        _ => None,
    }
}

fn number(v: &str) -> Option<f64> {
    v.trim().replace('_', "").parse::<f64>().ok()
}

/// A whole-value reference.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Ref<'a> {
    /// `${VAR}`, `$VAR`, or `${VAR<op>default}`.
    Var {
        name: &'a str,
        /// The operator between name and default (`:-`, `-`, `:=`, `=`,
        /// `:?`, `?`, `:+`, `+`), if any.
        op: Option<&'a str>,
        /// The default (or alternative or error text) after the operator.
        default: Option<&'a str>,
    },
    /// `$(command)`, `{{ template }}`: never resolved.
    Opaque,
}

fn is_var_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with(|c: char| c.is_ascii_digit())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
}

/// Parses a whole value that is one reference: `${VAR}`, `${VAR:-default}`
/// (the default may hold references itself), `$VAR`, `$(cmd)`,
/// `{{ template }}`.
fn reference(v: &str) -> Option<Ref<'_>> {
    let t = v.trim();
    if let Some(inner) = t.strip_prefix("${") {
        // The brace that closes the opening one must be the last character.
        let mut depth = 1usize;
        let mut close = None;
        for (j, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(j);
                        break;
                    }
                }
                _ => {}
            }
        }
        let close = close?;
        if close + 1 != inner.len() {
            return None;
        }
        let body = &inner[..close];
        let name_len = body
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
            .unwrap_or(body.len());
        let name = &body[..name_len];
        if !is_var_name(name) {
            return None;
        }
        let rest = &body[name_len..];
        if rest.is_empty() {
            return Some(Ref::Var {
                name,
                op: None,
                default: None,
            });
        }
        for op in [":-", ":=", ":?", ":+", "-", "=", "?", "+"] {
            if let Some(d) = rest.strip_prefix(op) {
                return Some(Ref::Var {
                    name,
                    op: Some(op),
                    default: Some(d),
                });
            }
        }
        return None;
    }
    if let Some(name) = t.strip_prefix('$')
        && is_var_name(name)
        && !name.contains('.')
    {
        return Some(Ref::Var {
            name,
            op: None,
            default: None,
        });
    }
    if (t.starts_with("$(") && t.ends_with(')')) || (t.starts_with("{{") && t.ends_with("}}")) {
        return Some(Ref::Opaque);
    }
    None
}

/// True when `v` holds a reference somewhere inside it (`prefix-${VAR}`,
/// `$(cmd)/x`), not as the whole value.
fn has_inner_reference(v: &str) -> bool {
    v.contains("${") || v.contains("$(") || v.contains("{{")
}

/// Looks settings up by the name a reference uses.
struct Lookup<'a> {
    all: &'a [Setting],
    live: usize,
    by_key: HashMap<&'a str, usize>,
    by_norm: HashMap<&'a str, usize>,
    /// Overridden settings by normalized key, the latest last.
    shadowed: HashMap<&'a str, Vec<usize>>,
}

impl<'a> Lookup<'a> {
    fn new(all: &'a [Setting], live: usize) -> Self {
        let mut by_key = HashMap::new();
        let mut by_norm = HashMap::new();
        for (i, s) in all[..live].iter().enumerate() {
            by_key.insert(s.key.as_str(), i);
            by_norm.insert(s.norm.as_str(), i);
        }
        let mut shadowed: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, s) in all.iter().enumerate().skip(live) {
            shadowed.entry(s.norm.as_str()).or_default().push(i);
        }
        Lookup {
            all,
            live,
            by_key,
            by_norm,
            shadowed,
        }
    }

    /// The setting `name` names, seen from setting `from`: a reference to
    /// a setting's own key (`JWT_SECRET: ${JWT_SECRET}` in a Compose file
    /// read after `.env`) reads the value it overrode.
    fn find(&self, name: &str, from: usize) -> Option<usize> {
        let norm = super::normalize(name);
        if norm == self.all[from].norm {
            let earlier = self.shadowed.get(norm.as_str())?;
            // The latest overridden setting that came before `from`.
            return if from < self.live {
                earlier.last().copied()
            } else {
                earlier.iter().rev().find(|&&j| j < from).copied()
            };
        }
        self.by_key
            .get(name)
            .or_else(|| self.by_norm.get(norm.as_str()))
            .copied()
    }

    /// Resolves setting `i`'s value: whole-value references are followed
    /// (through chains, with `:-` defaults) to the setting that holds a
    /// literal; cycles and unknown names leave it unresolved.
    fn resolve(&self, i: usize) -> Item<'a> {
        let s = &self.all[i];
        let mut chain = Vec::new();
        let mut seen = vec![i];
        let mut at = i;
        let mut text: String = s.value.clone();
        let mut kind = s.kind;
        let mut defaulted = false;
        let unresolved = |chain: Vec<String>| Item {
            s,
            value: s.value.clone(),
            kind: s.kind,
            origin: i,
            chain,
            defaulted: false,
            unresolved: true,
            inner_ref: false,
        };
        let mut literal = s.literal;
        for _ in 0..32 {
            let r = if literal { None } else { reference(&text) };
            let Some(r) = r else {
                return Item {
                    s,
                    inner_ref: !literal && has_inner_reference(&text),
                    value: text,
                    kind,
                    origin: at,
                    chain,
                    defaulted,
                    unresolved: false,
                };
            };
            let Ref::Var { name, op, default } = r else {
                return unresolved(chain);
            };
            chain.push(name.to_owned());
            let target = self.find(name, at).filter(|j| !seen.contains(j));
            let target_value = target.map(|j| self.all[j].value.as_str());
            let is_empty = target_value.is_some_and(|v| v.trim().is_empty());
            let use_default = match op {
                Some(":-" | ":=") => target.is_none() || is_empty,
                Some("-" | "=") => target.is_none(),
                // `:+`/`+` give their text only when the variable is set,
                // `:?`/`?` fail when it is not: neither is a value to check.
                Some(_) => return unresolved(chain),
                None => false,
            };
            if use_default {
                // The default is written in the setting being resolved.
                text = default.unwrap_or("").to_owned();
                kind = Kind::Text;
                defaulted = true;
                continue;
            }
            let Some(j) = target else {
                return unresolved(chain);
            };
            seen.push(j);
            at = j;
            text = self.all[j].value.clone();
            kind = self.all[j].kind;
            literal = self.all[j].literal;
        }
        unresolved(chain)
    }
}

/// Settings whose name marks them as secrets.
pub fn is_secret_name(norm: &str) -> bool {
    const NOT: &[&str] = &[
        "file",
        "path",
        "dir",
        "env",
        "var",
        "url",
        "uri",
        "length",
        "len",
        "expiry",
        "expires",
        "expiration",
        "ttl",
        "algorithm",
        "alg",
        "header",
        "name",
        "id",
        "enabled",
        "required",
        "type",
        "prefix",
        "hours",
        "minutes",
        "seconds",
        "days",
        "rotation",
        "size",
        "bits",
        "iterations",
        "cost",
        "rounds",
        "policy",
        "timeout",
        "count",
        "attempts",
        "max",
        "min",
        "format",
        "encoding",
        "version",
        "source",
        "provider",
        "mode",
        "location",
        "backend",
        "hash",
        "hashing",
        "store",
        "storage",
        "field",
        "fields",
        "endpoint",
        "host",
        "port",
        "user",
        "username",
        "email",
        "method",
        "auth",
        "public",
        "limit",
        "window",
        "keys_env",
        "template",
        "manager",
        "arn",
        "ref",
        "mount",
        "schedule",
        "interval",
        "duration",
        "hashers",
        "hasher",
        "audience",
        "region",
        "issuer",
        "fallbacks",
    ];
    // Keys that are database or cache vocabulary, not credentials.
    const NOT_KEYS: &[&str] = &[
        "sort_key",
        "partition_key",
        "primary_key",
        "foreign_key",
        "cache_key",
        "routing_key",
        "hash_key",
        "range_key",
        "shard_key",
        "lookup_key",
        "index_key",
        "order_key",
        "group_key",
        "dedup_key",
        "unique_key",
        "idempotency_key",
    ];
    let last = norm.rsplit('_').next().unwrap_or(norm);
    if NOT.contains(&last)
        || ends(norm, NOT_KEYS)
        // The shell's working directories, in every process environment.
        || norm == "pwd"
        || norm == "oldpwd"
        || norm.ends_with("_env_var")
        || norm.contains("public_key")
        // An S3/MinIO access key is the account's name; its secret is
        // the `secret_key` beside it.
        || (ends(norm, &["access_key"]) && !norm.contains("secret"))
    {
        return false;
    }
    // Whole words (`api_token`, `key_seed`), and words that run a marker
    // into another (`PGPASSWORD`, `ADMINPASSWORD`, `clientsecret`,
    // `accesstoken`): `password` and `secret` anywhere in a word, `token`,
    // `salt` and `passphrase` at its end (`max_tokens`, `tokenizer` are no
    // secrets).
    const WORDS: &[&str] = &[
        "password",
        "passwd",
        "pwd",
        "pass",
        "secret",
        "secrets",
        "token",
        "salt",
        "passphrase",
        "apikey",
        "credential",
        "credentials",
        "privatekey",
        "pepper",
    ];
    norm.split('_').any(|w| {
        WORDS.contains(&w)
            || w.contains("password")
            || w.contains("passwd")
            || (w.contains("secret") && !w.starts_with("secretar"))
            || w.ends_with("token")
            || w.ends_with("salt")
            || w.ends_with("passphrase")
            || w.ends_with("apikey")
    }) || last == "key"
        || last == "keys"
        || norm.contains("key_seed")
        || norm == "dsn_password"
}

/// Keys that name a 256-bit encryption key.
fn is_encryption_key(norm: &str) -> bool {
    ends(
        norm,
        &[
            "encryption_key",
            "encryption_master_key",
            "master_key",
            "fernet_key",
            "data_encryption_key",
            "key_encryption_key",
            "encrypt_key",
            "aes_key",
        ],
    )
}

/// `<your-secret>`, `<generate with openssl>`: a name in angle brackets
/// (a `<` alone is only a character of a strong password).
/// The name must read as words: four letters or more, and either letters
/// alone or words joined by `-`, `_`, `.` or spaces (`<Tn5>` in a random
/// password is none of these).
fn angle_placeholder(l: &str) -> bool {
    l.match_indices('<').any(|(i, _)| {
        let rest = &l[i + 1..];
        rest.find('>').is_some_and(|end| {
            let name = &rest[..end];
            let letters = name.chars().filter(char::is_ascii_alphabetic).count();
            let joined = name.contains(['-', '_', '.', ' ']);
            letters >= 4
                && (joined || letters == name.len())
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '_' | '-' | '.'))
        })
    })
}

/// Why `v` is a known placeholder, default or sample secret, if it is one
/// (the rule "Secret is a known placeholder or default"; `jwt mint` refuses
/// the same secrets).
pub fn placeholder(v: &str) -> Option<&'static str> {
    let l = v.trim().to_ascii_lowercase();
    const EXACT: &[&str] = &[
        "changeme",
        "change_me",
        "change-me",
        "secret",
        "supersecret",
        "super-secret",
        "super_secret",
        "password",
        "passw0rd",
        "p@ssw0rd",
        "admin",
        "root",
        "postgres",
        "mysql",
        "redis",
        "guest",
        "default",
        "example",
        "test",
        "demo",
        "none",
        "null",
        "todo",
        "tbd",
        "123456",
        "12345678",
        "letmein",
        "qwerty",
        "mysecretpassword",
        "mysecret",
        "key1,key2,key3",
        "secretkey",
        "secret_key",
        "secret-key",
        "abc123",
        "pass",
        "pa55word",
        "s3cr3t",
    ];
    if EXACT.contains(&l.as_str()) {
        return Some("a well-known default");
    }
    if l.contains("0123456789abcdef") || l.contains("deadbeef") {
        return Some("a documentation example key");
    }
    const PHRASES: &[&str] = &[
        "your-",
        "your_",
        "yoursecret",
        "yourpassword",
        "changeme",
        "change_me",
        "change-me",
        "change_this",
        "change-this",
        "changethis",
        "replace_me",
        "replace-me",
        "replaceme",
        "replace_with",
        "replace-with",
        "placeholder",
        "generate_a_new_key",
        "generate-a-new-key",
        "generate with",
        "generate_with",
        "set_me",
        "set-me",
        "fill_me",
        "fill-me",
        "insert_",
        "xxxxxx",
        "...",
        "todo_",
        "dummy",
        "here-minimum",
        "min-32-chars",
    ];
    if PHRASES.iter().any(|p| l.contains(p)) || angle_placeholder(&l) {
        return Some("a documentation placeholder");
    }
    // `changeit` (Java keystores), `changePassword`, `changeUser`...
    if l.starts_with("change") {
        return Some("a documentation placeholder");
    }
    const WORDS: &[&str] = &[
        "test", "demo", "password", "example", "sample", "secret", "changeme", "dummy", "fake",
        "insecure", "default",
    ];
    if l.split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| WORDS.contains(&w))
    {
        return Some("a value built from test/demo/password/example words");
    }
    None
}

/// True for values of one repeated character or a short repeating pattern.
fn repeating(v: &str) -> bool {
    let b = v.as_bytes();
    if b.len() < 8 {
        return false;
    }
    (1..=b.len() / 4).any(|p| (p..b.len()).all(|i| b[i] == b[i % p]))
}

/// For a value that decodes as a key (hex, or base64 in either alphabet,
/// padded or not, to 16 bytes or more): the number of distinct byte values
/// when it is 4 or fewer (all zeros with a final 1, say). 32 random bytes
/// hold about 30.
fn few_distinct_key_bytes(v: &str) -> Option<usize> {
    use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
    let t = v.trim();
    let bytes =
        if t.len() >= 32 && t.len().is_multiple_of(2) && t.bytes().all(|b| b.is_ascii_hexdigit()) {
            hex::decode(t).ok()
        } else {
            [STANDARD, URL_SAFE, STANDARD_NO_PAD, URL_SAFE_NO_PAD]
                .iter()
                .find_map(|e| e.decode(t).ok())
        }?;
    if bytes.len() < 16 {
        return None;
    }
    let mut seen = [false; 256];
    for b in &bytes {
        seen[usize::from(*b)] = true;
    }
    let n = seen.iter().filter(|s| **s).count();
    (n <= 4).then_some(n)
}

/// Shannon entropy per character.
fn entropy_per_char(v: &str) -> f64 {
    let mut counts: HashMap<char, usize> = HashMap::new();
    let mut n = 0usize;
    for c in v.chars() {
        *counts.entry(c).or_default() += 1;
        n += 1;
    }
    if n == 0 {
        return 0.0;
    }
    counts
        .values()
        .map(|&c| {
            let p = c as f64 / n as f64;
            -p * p.log2()
        })
        .sum()
}

fn is_loopback_url(u: &str) -> bool {
    let rest = u.split_once("://").map_or(u, |(_, r)| r);
    let host_port = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host_port.rsplit_once('@').map_or(host_port, |(_, h)| h);
    let host = if host.starts_with('[') {
        host.split(']').next().unwrap_or("").trim_start_matches('[')
    } else {
        host.split(':').next().unwrap_or("")
    };
    host == "localhost" || host.starts_with("127.") || host == "::1" || host.ends_with(".localhost")
}

/// Settings that say after how many failures an account or client is locked out.
fn is_lockout_threshold(n: &str) -> bool {
    ends(
        n,
        &[
            "max_auth_failures",
            "lockout_threshold",
            "max_login_attempts",
            "max_failed_attempts",
            "max_failed_logins",
            "lockout_attempts",
            "max_failed_login_attempts",
            "max_auth_attempts",
            "login_attempts_limit",
        ],
    )
}

/// `scheme://host[:port]` of a URL, for messages: no user, password, path
/// or query (any of which may hold a secret). The user part ends at the
/// last `@`, since a password may hold `@` or `/` and a host cannot.
fn url_origin(u: &str) -> String {
    let (scheme, rest) = u.split_once("://").unwrap_or(("", u));
    let (user, host_part) = match rest.rfind('@') {
        Some(at) => ("…@", &rest[at + 1..]),
        None => ("", rest),
    };
    let host = host_part.split(['/', '?', '#']).next().unwrap_or("");
    // `user:pass` cut off before its `@` (a list split at a comma inside
    // the password): after the last `:` comes a port, or nothing is shown.
    let port_ok = host
        .rsplit_once(':')
        .is_none_or(|(h, p)| h.ends_with(']') || p.bytes().all(|b| b.is_ascii_digit()));
    if !port_ok {
        return format!("{scheme}://…");
    }
    format!("{scheme}://{user}{host}")
}

/// The password of `scheme://user:password@host`, if one is inline.
fn url_password(u: &str) -> Option<&str> {
    let (scheme, rest) = u.trim().split_once("://")?;
    if scheme.is_empty()
        || !scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
    {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    let (userinfo, _) = authority.rsplit_once('@')?;
    let (_, pw) = userinfo.split_once(':')?;
    (!pw.is_empty()).then_some(pw)
}

/// The profile the settings declare (`ENVIRONMENT=production`, ...).
/// `all[..live]` are the settings in force (as for [`check`]); a value
/// may be a reference (`ENVIRONMENT=${APP_ENV:-production}`).
///
/// The exact names (`ENVIRONMENT`, `APP_ENV`, `NODE_ENV`, ...) decide; a
/// name that only ends in `_environment` (`SENTRY_ENVIRONMENT`, often a
/// label for another service) counts only when none is set. When the
/// deciding settings disagree, production wins: the strict reading.
pub fn declared_profile(all: &[Setting], live: usize) -> Option<Profile> {
    // [exact names, suffix matches]
    let mut found: [Option<Profile>; 2] = [None, None];
    let mut lookup = None;
    for (i, s) in all[..live].iter().enumerate() {
        let n = s.norm.as_str();
        let exact = matches!(
            n,
            "environment"
                | "env"
                | "app_env"
                | "node_env"
                | "rails_env"
                | "flask_env"
                | "django_env"
                | "app_environment"
                | "runtime_env"
                | "deploy_env"
        );
        if !exact && !n.ends_with("_environment") {
            continue;
        }
        let slot = &mut found[usize::from(!exact)];
        let value = if reference(&s.value).is_some() {
            lookup
                .get_or_insert_with(|| Lookup::new(all, live))
                .resolve(i)
                .value
        } else {
            s.value.clone()
        };
        match value.trim().to_ascii_lowercase().as_str() {
            "production" | "prod" | "live" | "staging" | "stage" => {
                *slot = Some(Profile::Production)
            }
            "development" | "dev" | "local" | "test" | "testing" | "ci"
                if *slot != Some(Profile::Production) =>
            {
                *slot = Some(Profile::Development)
            }
            _ => {}
        }
    }
    found[0].or(found[1])
}

/// Settings sharing a key prefix.
struct Group {
    members: usize,
    all_empty: bool,
    any_plain: bool,
}

/// The empty secrets among `empty` that belong to an integration left off:
/// the settings sharing the longest key prefix that other settings share
/// too (`google_client_` for `GOOGLE_CLIENT_SECRET`, else `google_`) are
/// all empty, and one of them is no secret (`GOOGLE_CLIENT_ID=`). A sample
/// file lists every optional integration this way. One pass over the
/// settings, whatever the number of empty secrets.
fn unused_integrations(items: &[Item], empty: &[usize]) -> std::collections::HashSet<usize> {
    if empty.is_empty() {
        return Default::default();
    }
    let prefixes =
        |norm: &str| -> Vec<usize> { norm.match_indices('_').map(|(p, _)| p + 1).collect() };
    let mut groups: HashMap<&str, Group> = HashMap::new();
    for &i in empty {
        let norm = items[i].s.norm.as_str();
        for end in prefixes(norm) {
            groups.entry(&norm[..end]).or_insert(Group {
                members: 0,
                all_empty: true,
                any_plain: false,
            });
        }
    }
    for it in items {
        let norm = it.s.norm.as_str();
        for end in prefixes(norm) {
            if let Some(g) = groups.get_mut(&norm[..end]) {
                g.members += 1;
                g.all_empty &= it.value.trim().is_empty();
                g.any_plain |= !is_secret_name(norm);
            }
        }
    }
    empty
        .iter()
        .copied()
        .filter(|&i| {
            let norm = items[i].s.norm.as_str();
            prefixes(norm)
                .into_iter()
                .rev()
                .map(|end| &groups[&norm[..end]])
                .find(|g| g.members > 1)
                .is_some_and(|g| g.all_empty && g.any_plain)
        })
        .collect()
}

/// Options for a run.
pub struct RunOptions {
    /// The profile.
    pub profile: Profile,
    /// Now, Unix seconds (certificate expiry).
    pub now: i64,
}

/// Runs every check over the merged settings: `all[..live]` are the
/// settings in force, `all[live..]` those later inputs overrode (read only
/// when a reference names its own key).
pub fn check(all: &[Setting], live: usize, opts: &RunOptions) -> Vec<Hit> {
    let lookup = Lookup::new(all, live);
    let items: Vec<Item> = (0..live).map(|i| lookup.resolve(i)).collect();
    let mut hits = Vec::new();
    let prod = opts.profile == Profile::Production;
    let mut hit = |rule: &'static str, i: usize, message: String| {
        hits.push(Hit {
            rule,
            setting: i,
            at: i,
            message,
        })
    };

    // Secrets.
    let mut weak = vec![false; items.len()];
    let mut empty = Vec::new();
    for (i, it) in items.iter().enumerate() {
        let n = it.s.norm.as_str();
        if it.unresolved || it.inner_ref || !matches!(it.kind, Kind::Text | Kind::Null) {
            continue;
        }
        if cert_key_file(n).is_some() {
            continue;
        }
        if !is_secret_name(n) {
            continue;
        }
        let v = it.value.as_str();
        let key = &it.s.key;
        // A flag (`CORS_ALLOW_CREDENTIALS=false`) is no secret.
        if matches!(
            v.trim().to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off"
        ) {
            continue;
        }
        if v.trim().is_empty() {
            weak[i] = true;
            empty.push(i);
            continue;
        }
        // A value with a scheme (a DSN) is checked by the URL rules.
        if v.contains("://") {
            continue;
        }
        if let Some(why) = placeholder(v) {
            weak[i] = true;
            hit("KW004", i, format!("{key} is {why} ({})", mask(v)));
        } else if repeating(v.trim().trim_end_matches('=')) {
            weak[i] = true;
            hit(
                "KW005",
                i,
                format!("{key} repeats a short pattern ({})", mask(v)),
            );
        } else if let Some(n) = few_distinct_key_bytes(v) {
            weak[i] = true;
            hit(
                "KW005",
                i,
                format!(
                    "{key} decodes to a key of only {n} distinct byte value{} ({})",
                    if n == 1 { "" } else { "s" },
                    mask(v)
                ),
            );
        } else if v.chars().count() < 32 {
            weak[i] = true;
            hit(
                "KW002",
                i,
                format!(
                    "{key} has {} characters; at least 32 are needed",
                    v.chars().count()
                ),
            );
        } else if entropy_per_char(v) < 3.0 {
            weak[i] = true;
            hit(
                "KW003",
                i,
                format!(
                    "{key} has about {:.1} bits of entropy per character ({})",
                    entropy_per_char(v),
                    mask(v)
                ),
            );
        }
        if is_encryption_key(n) && !weak[i] {
            let fernet_wanted = n.contains("fernet") || n.starts_with("memoric");
            if let Some(problem) = key_format_problem(v, fernet_wanted) {
                hit("KW010", i, format!("{key} {problem}"));
            }
        }
    }
    let left_off = unused_integrations(&items, &empty);
    for i in empty {
        if !left_off.contains(&i) {
            hit("KW001", i, format!("{} is empty", items[i].s.key));
        }
    }
    // One value, two purposes.
    // Settings that reach one literal through references share one secret
    // on purpose (`DB_PASSWORD: ${POSTGRES_PASSWORD}`): only equal values
    // from different places count.
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, it) in items.iter().enumerate() {
        let n = it.s.norm.as_str();
        if weak[i] || it.unresolved || it.inner_ref || it.value.len() < 8 || !is_secret_name(n) {
            continue;
        }
        if it.value.contains("://") || cert_key_file(n).is_some() {
            continue;
        }
        match seen.get(it.value.as_str()) {
            Some(&j) if items[j].s.norm != it.s.norm && items[j].origin != it.origin => {
                let first = &all[items[j].origin];
                hit(
                    "KW006",
                    i,
                    format!(
                        "{} has the same value as {} ({}:{})",
                        it.s.key, first.key, first.file, first.line
                    ),
                );
            }
            Some(_) => {}
            None => {
                seen.insert(it.value.as_str(), i);
            }
        }
    }

    // Secrets a setting needs but no input sets (a `*_env_var` naming where
    // the service reads it counts as set).
    let has = |pred: &dyn Fn(&str) -> bool| items.iter().any(|it| pred(&it.s.norm));
    let enc_key = has(&|n| {
        is_encryption_key(n)
            || (n.contains("encryption") || n.contains("encrypt"))
                && (is_secret_name(n) || n.ends_with("env_var"))
    });
    let jwt_key = has(&|n| {
        n.contains("jwt") && (is_secret_name(n) || n.ends_with("env_var"))
            || ends(n, &["secret_key", "signing_key", "secret_key_base"])
    });
    let mut missing_enc = false;
    let mut missing_jwt = false;
    for (i, it) in items.iter().enumerate() {
        let n = it.s.norm.as_str();
        let on = truthy(&it.value) == Some(true);
        if !enc_key
            && !missing_enc
            && on
            && ends(
                n,
                &[
                    "encryption_enabled",
                    "encrypt_content",
                    "enable_encryption",
                    "encrypt_at_rest",
                    "encrypt_data",
                    "encryption_at_rest",
                ],
            )
        {
            missing_enc = true;
            hit(
                "KW001",
                i,
                format!(
                    "{} is on but no encryption key is set in these inputs",
                    it.s.key
                ),
            );
        }
        if !jwt_key
            && !missing_jwt
            && n.contains("jwt")
            && (ends(n, &["algorithm", "alg"]) || is_expiry_key(n))
        {
            missing_jwt = true;
            hit(
                "KW001",
                i,
                format!(
                    "{} is set but no JWT secret is set in these inputs",
                    it.s.key
                ),
            );
        }
    }

    let wildcard_origin = items
        .iter()
        .any(|it| is_origin_key(&it.s.norm) && list(&it.value).any(|x| x == "*"));
    // Where a Redis password is set: per scope (a Compose service's password
    // is not another's), an unscoped one counting for all.
    let redis_password_scopes: std::collections::HashSet<&str> = items
        .iter()
        .filter(|it| {
            let l = it.value.trim().to_ascii_lowercase();
            (ends(&it.s.norm, &["redis_password", "redis_pass", "requirepass"])
                && !it.value.trim().is_empty())
                || ((l.starts_with("redis://") || l.starts_with("rediss://"))
                    && url_password(&it.value).is_some())
        })
        .map(|it| it.s.scope.as_str())
        .collect();

    for (i, it) in items.iter().enumerate() {
        let redis_password_set = redis_password_scopes.contains("")
            || redis_password_scopes.contains(it.s.scope.as_str());
        if it.unresolved {
            continue;
        }
        let n = it.s.norm.as_str();
        let v = it.value.trim();
        let key = &it.s.key;
        let b = truthy(v);
        let num = number(v);

        // Encryption off.
        if prod
            && b == Some(false)
            && ends(
                n,
                &[
                    "encryption_enabled",
                    "encrypt_content",
                    "enable_encryption",
                    "encryption",
                    "encrypt_at_rest",
                    "encrypt_data",
                    "encryption_at_rest",
                ],
            )
        {
            hit("KW011", i, format!("{key} is {v}"));
        }

        // KDF parameters.
        if let Some(x) = num {
            if n.contains("pbkdf2") && ends(n, &["iterations", "iter", "rounds", "iteration_count"])
            {
                if x < 100_000.0 {
                    hit("KW021", i, format!("{key} is {v}; use at least 600000"));
                } else if x < 600_000.0 {
                    hit("KW020", i, format!("{key} is {v}; use at least 600000"));
                }
            }
            if n.contains("scrypt") {
                if ends(n, &["log_n", "ln", "log2_n"]) {
                    if x < 17.0 {
                        hit(
                            "KW022",
                            i,
                            format!("{key} is {v} (N = 2^{v}); use at least 17"),
                        );
                    }
                } else if ends(n, &["n", "cost", "cost_factor", "work_factor"]) && x < 131_072.0 {
                    hit(
                        "KW022",
                        i,
                        format!("{key} is {v}; use at least 131072 (2^17)"),
                    );
                }
            }
            if n.contains("bcrypt")
                && ends(n, &["rounds", "cost", "log_rounds", "work_factor"])
                && x < 10.0
            {
                hit("KW023", i, format!("{key} is {v}; use at least 10"));
            }
            if n.contains("argon2") {
                let kib = if ends(
                    n,
                    &["memory_mib", "memory_mb", "mem_mib", "memory_cost_mib"],
                ) {
                    Some(x * 1024.0)
                } else if ends(
                    n,
                    &[
                        "memory_cost",
                        "memory",
                        "memory_kib",
                        "mem_cost",
                        "memory_kb",
                        "m_cost",
                    ],
                ) {
                    Some(x)
                } else {
                    None
                };
                if let Some(k) = kib
                    && k < 19_456.0
                {
                    hit(
                        "KW024",
                        i,
                        format!("{key} is {v} ({} KiB); use at least 19456 KiB", k as u64),
                    );
                }
            }
        }

        // JWT.
        if n.contains("jwt") || n.contains("token") {
            if ends(n, &["algorithm", "alg", "algorithms"])
                && list(v).any(|a| a.eq_ignore_ascii_case("none"))
            {
                hit("KW030", i, format!("{key} is none"));
            }
            if let Some(secs) = expiry_seconds(n, v) {
                if secs <= 0 {
                    hit("KW032", i, format!("{key} is {v}: tokens never expire"));
                } else if secs > 86_400 {
                    hit(
                        "KW031",
                        i,
                        format!(
                            "{key} is {v} ({} hours); keep it at 24 or less",
                            secs / 3600
                        ),
                    );
                }
            } else if is_expiry_key(n)
                && matches!(
                    v.to_ascii_lowercase().as_str(),
                    "never" | "none" | "false" | "off" | "infinite"
                )
            {
                hit("KW032", i, format!("{key} is {v}: tokens never expire"));
            }
            if b == Some(false)
                && ends(
                    n,
                    &[
                        "verify_exp",
                        "verify_expiration",
                        "verify_expiry",
                        "require_exp",
                        "require_expiration",
                        "check_exp",
                        "validate_lifetime",
                        "validate_exp",
                    ],
                )
            {
                hit(
                    "KW032",
                    i,
                    format!("{key} is {v}: expired tokens are accepted"),
                );
            }
        }

        // Transport.
        if prod
            && b == Some(false)
            && (ends(
                n,
                &[
                    "tls_enabled",
                    "use_tls",
                    "enable_tls",
                    "ssl_enabled",
                    "use_ssl",
                    "enable_ssl",
                    "https_enabled",
                    "enable_https",
                    "require_https",
                    "force_https",
                    "use_https",
                    "require_tls",
                    "tls_required",
                ],
            ) || matches!(n, "tls" | "ssl" | "https" | "tls_enable"))
        {
            hit("KW040", i, format!("{key} is {v}"));
        }
        let verify_off = (b == Some(false)
            && ends(
                n,
                &[
                    "verify_ssl",
                    "ssl_verify",
                    "tls_verify",
                    "verify_tls",
                    "verify_certs",
                    "verify_cert",
                    "verify_certificate",
                    "verify_certificates",
                    "verify_peer",
                    "ssl_verify_peer",
                    "tls_reject_unauthorized",
                    "reject_unauthorized",
                    "check_hostname",
                    "verify_hostname",
                    "ssl_verify_certificate",
                ],
            ))
            || (b == Some(true)
                && ends(
                    n,
                    &[
                        "insecure_skip_verify",
                        "tls_insecure",
                        "skip_tls_verify",
                        "skip_ssl_verify",
                        "ssl_insecure",
                        "tls_skip_verify",
                        "insecure",
                    ],
                ))
            || (ends(n, &["ssl_cert_reqs"])
                && matches!(v.to_ascii_lowercase().as_str(), "none" | "cert_none"));
        if verify_off {
            hit("KW041", i, format!("{key} is {v}"));
        }
        if prod
            && let Some(u) = list(v).find(|x| {
                x.get(..7)
                    .is_some_and(|p| p.eq_ignore_ascii_case("http://"))
                    && x.len() > 7
                    && !is_loopback_url(x)
            })
        {
            hit("KW042", i, format!("{key} uses {}", url_origin(u)));
        }

        // CORS and access.
        if is_origin_key(n) && list(v).any(|x| x == "*") && prod {
            hit("KW050", i, format!("{key} is *"));
        }
        if wildcard_origin
            && b == Some(true)
            && ends(
                n,
                &[
                    "allow_credentials",
                    "cors_credentials",
                    "credentials",
                    "cors_allow_credentials",
                ],
            )
        {
            hit("KW051", i, format!("{key} is {v} while an origin is *"));
        }
        if prod
            && is_allowlist_key(n)
            && let Some(x) = list(v).find(|x| matches!(*x, "0.0.0.0/0" | "::/0" | "*" | "0.0.0.0"))
        {
            hit("KW052", i, format!("{key} contains {x}"));
        }

        // Databases and caches.
        let lower = v.to_ascii_lowercase();
        // postgresql://, and SQLAlchemy's postgresql+asyncpg:// and the like
        // (asyncpg spells it ssl=require).
        let pg_url = lower.split_once("://").is_some_and(|(scheme, _)| {
            matches!(scheme.split('+').next(), Some("postgres" | "postgresql"))
        });
        if prod && pg_url {
            let ok = [
                "sslmode=require",
                "sslmode=verify-full",
                "sslmode=verify-ca",
                "ssl=require",
                "ssl=verify-full",
                "ssl=verify-ca",
                "ssl=true",
            ]
            .iter()
            .any(|m| lower.contains(m));
            if !ok {
                hit(
                    "KW060",
                    i,
                    format!("{key} has no sslmode=require or verify-full"),
                );
            }
        }
        if prod
            && ends(n, &["sslmode", "ssl_mode", "pgsslmode"])
            && matches!(lower.as_str(), "disable" | "allow" | "prefer")
            && !n.contains("redis")
        {
            hit("KW060", i, format!("{key} is {v}"));
        }
        if lower.starts_with("redis://") && prod {
            hit("KW061", i, format!("{key} uses redis://"));
        }
        if (lower.starts_with("redis://") || lower.starts_with("rediss://"))
            && url_password(v).is_none()
            && !redis_password_set
        {
            hit(
                "KW062",
                i,
                format!("{key} has no password and no Redis password is set"),
            );
        }
        // Redis configured by host (REDIS_HOST=cache) with no password anywhere.
        if ends(n, &["redis_host"]) && !v.is_empty() && !redis_password_set {
            hit("KW062", i, format!("{key} is set and no Redis password is"));
        }
        if let Some(pw) = url_password(v)
            && !pw.contains('$')
        {
            hit(
                "KW063",
                i,
                format!("{key} carries a password ({})", mask(pw)),
            );
            // postgresql://postgres:postgres@db/app: the sample's password.
            if let Some(why) = placeholder(pw) {
                hit(
                    "KW004",
                    i,
                    format!("the password in {key} is {why} ({})", mask(pw)),
                );
            }
        }

        // Rate limiting, lockout, debug, audit.
        let rate = n.contains("rate_limit") || n.contains("ratelimit");
        if prod
            && rate
            && b == Some(false)
            && (n.ends_with("enabled")
                || n.ends_with("rate_limit")
                || n.ends_with("rate_limiting")
                || n.ends_with("enable"))
        {
            hit("KW070", i, format!("{key} is {v}"));
        }
        if prod && rate && b == Some(true) && n.ends_with("fail_open") {
            hit("KW071", i, format!("{key} is {v}"));
        }
        if is_lockout_threshold(n) && num.is_some_and(|x| x <= 0.0) {
            hit("KW072", i, format!("{key} is {v}: no lockout"));
        }
        if is_lockout_threshold(n) && num.is_some_and(|x| x > 100.0) {
            hit(
                "KW072",
                i,
                format!("{key} is {v}: that many guesses per lockout is no limit"),
            );
        }
        // A lockout duration with no threshold anywhere: the lockout never
        // triggers (or the service's default is silently relied on).
        if ends(
            n,
            &[
                "lockout_minutes",
                "lockout_duration",
                "lockout_seconds",
                "lockout_time",
                "lockout_period",
            ],
        ) && !items.iter().any(|o| is_lockout_threshold(&o.s.norm))
        {
            hit(
                "KW072",
                i,
                format!(
                    "{key} sets how long a lockout lasts, but no setting says after how many failures"
                ),
            );
        }
        if b == Some(false) && ends(n, &["lockout_enabled", "account_lockout", "enable_lockout"]) {
            hit("KW072", i, format!("{key} is {v}"));
        }
        if prod
            && b == Some(true)
            && (ends(n, &["debug", "debug_mode", "app_debug"]) && !n.contains("log"))
        {
            hit("KW073", i, format!("{key} is {v}"));
        }
        if n.contains("audit")
            && b == Some(false)
            && ends(n, &["enabled", "log", "logging", "audit"])
        {
            hit("KW074", i, format!("{key} is {v}"));
        }
        if n.contains("audit")
            && ends(n, &["retention_days", "retention"])
            && num.is_some_and(|x| x < 365.0)
        {
            hit("KW075", i, format!("{key} is {v} days; keep at least 365"));
        }
    }

    // TLS certificate and key files.
    for (i, it) in items.iter().enumerate() {
        if it.unresolved || it.inner_ref || it.value.trim().is_empty() {
            continue;
        }
        let Some(which) = cert_key_file(&it.s.norm) else {
            continue;
        };
        let v = it.value.trim();
        // Inline PEM, or PEM in base64 (Outline's SSL_KEY and SSL_CERT):
        // "LS0tLS1CRUdJTi" is "-----BEGIN" in base64.
        if v.contains("-----BEGIN") || v.starts_with("LS0tLS1CRUdJT") {
            continue;
        }
        let path = resolve_path(&all[it.origin].file, v);
        let key = &it.s.key;
        match std::fs::metadata(&path) {
            Err(e) => {
                // A value that is no path may be key material: never shown.
                let looks_like_path = v.len() < 512
                    && !v.contains(char::is_whitespace)
                    && (v.starts_with(['/', '.', '~'])
                        || v.rsplit('/').next().is_some_and(|f| f.contains('.')));
                let reason = if looks_like_path {
                    crate::error::Error::io("read", &path, &e)
                        .message()
                        .to_string()
                } else {
                    format!(
                        "{} is neither a readable file nor PEM ({e})",
                        super::mask(v)
                    )
                };
                hit("KW043", i, format!("{key}: {reason}"));
                continue;
            }
            Ok(m) if !m.is_file() => {
                hit(
                    "KW043",
                    i,
                    format!("{key}: {} is not a file", path.display()),
                );
                continue;
            }
            Ok(m) => {
                use std::os::unix::fs::PermissionsExt;
                if let Err(e) = std::fs::File::open(&path) {
                    let reason = crate::error::Error::io("read", &path, &e);
                    hit("KW043", i, format!("{key}: {}", reason.message()));
                    continue;
                }
                let mode = m.permissions().mode() & 0o777;
                if which == FileKind::Key && mode & 0o077 != 0 {
                    hit(
                        "KW046",
                        i,
                        format!("{key}: {} has mode {mode:04o}", path.display()),
                    );
                }
            }
        }
        if which == FileKind::Cert {
            let policy = crate::certs::check::Policy {
                warn: crate::certs::check::Threshold::Left(30 * 86_400),
                critical: crate::certs::check::Threshold::Left(0),
                at: opts.now,
                expect_names: Vec::new(),
            };
            use crate::certs::check::Status;
            for r in crate::certs::check::check_file(&path, &policy, true, false) {
                match r.status {
                    Status::Critical => hit(
                        "KW044",
                        i,
                        format!("{key}: {}: {}", path.display(), r.reason),
                    ),
                    Status::Warning => hit(
                        "KW045",
                        i,
                        format!("{key}: {}: {}", path.display(), r.reason),
                    ),
                    Status::Unknown => hit(
                        "KW043",
                        i,
                        format!("{key}: {}: {}", path.display(), r.reason),
                    ),
                    Status::Ok => {}
                }
            }
        }
    }
    // A value reached through a reference is reported where it is written.
    for h in &mut hits {
        let it = &items[h.setting];
        if it.origin != h.setting {
            h.at = it.origin;
        }
        if !it.chain.is_empty() {
            let through: Vec<String> = it.chain.iter().map(|n| format!("${{{n}}}")).collect();
            let through = through.join(" -> ");
            let note = match (it.origin != h.setting, it.defaulted) {
                (true, false) => format!(" (set at {}:{} as {through})", it.s.file, it.s.line),
                (true, true) => format!(
                    " (set at {}:{} as the default of {through})",
                    it.s.file, it.s.line
                ),
                (false, _) => format!(" (the default of {through})"),
            };
            h.message.push_str(&note);
        }
    }
    hits
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileKind {
    Cert,
    Key,
}

fn cert_key_file(n: &str) -> Option<FileKind> {
    if ends(
        n,
        &[
            "tls_cert_file",
            "tls_cert_path",
            "tls_cert",
            "ssl_cert",
            "ssl_certfile",
            "ssl_cert_file",
            "ssl_cert_path",
            "cert_file",
            "cert_path",
            "certificate_file",
            "certificate_path",
            "tls_certificate",
            "ssl_certificate",
            "tls_crt",
            "certfile",
        ],
    ) {
        return Some(FileKind::Cert);
    }
    if ends(
        n,
        &[
            "tls_key_file",
            "tls_key_path",
            "ssl_keyfile",
            "ssl_key_file",
            "ssl_key_path",
            "key_file",
            "key_path",
            "private_key_file",
            "private_key_path",
            "tls_key",
            "ssl_key",
            "tls_private_key",
            "ssl_certificate_key",
            "keyfile",
        ],
    ) {
        return Some(FileKind::Key);
    }
    None
}

fn resolve_path(file: &str, v: &str) -> PathBuf {
    let p = Path::new(v);
    if p.is_absolute() || file == "-" || file.starts_with('(') {
        return p.to_path_buf();
    }
    Path::new(file)
        .parent()
        .map_or_else(|| p.to_path_buf(), |d| d.join(p))
}

fn is_origin_key(n: &str) -> bool {
    n.contains("origin")
}

fn is_allowlist_key(n: &str) -> bool {
    [
        "allowed_ips",
        "allowlist",
        "allow_list",
        "whitelist",
        "trusted_proxies",
        "trusted_proxy",
        "trusted_hosts",
        "trusted_ips",
        "ip_allow",
        "allowed_cidrs",
        "allowed_networks",
        "allowed_subnets",
        "trusted_networks",
        "allowed_hosts",
        "forwarded_allow_ips",
    ]
    .iter()
    .any(|k| n.contains(k))
}

/// The items of a list value: comma- or space-separated, or a JSON array
/// (`["*"]`, `['https://a', 'https://b']`).
fn list(v: &str) -> impl Iterator<Item = &str> {
    v.split([',', ' '])
        .map(|x| {
            x.trim()
                .trim_matches(['[', ']'])
                .trim()
                .trim_matches(['"', '\''])
        })
        .filter(|x| !x.is_empty())
}

fn is_expiry_key(n: &str) -> bool {
    n.contains("expir") || n.contains("ttl") || n.contains("lifetime") || n.contains("expire")
}

/// A JWT expiry in seconds, from the key's unit suffix or a `24h` value.
fn expiry_seconds(n: &str, v: &str) -> Option<i64> {
    if !is_expiry_key(n) || n.contains("refresh") {
        return None;
    }
    let unit = if n.ends_with("milliseconds") || n.ends_with("millis") || n.ends_with("ms") {
        0.001
    } else if n.ends_with("seconds")
        || n.ends_with("secs")
        || n.ends_with("_s")
        || n.ends_with("_sec")
    {
        1.0
    } else if n.ends_with("minutes")
        || n.ends_with("mins")
        || n.ends_with("_min")
        || n.ends_with("_m")
    {
        60.0
    } else if n.ends_with("hours") || n.ends_with("_h") || n.ends_with("hrs") {
        3600.0
    } else if n.ends_with("days") || n.ends_with("_d") {
        86_400.0
    } else {
        if let Ok(d) = crate::timeutil::parse_duration(v)
            && v.ends_with(|c: char| c.is_ascii_alphabetic())
        {
            return Some(d.whole_seconds());
        }
        1.0
    };
    let x = number(v)?;
    Some((x * unit) as i64)
}

/// What is wrong with an encryption key's format, if anything.
fn key_format_problem(v: &str, fernet_wanted: bool) -> Option<String> {
    let t = v.trim();
    let is_hex = t.len() == 64 && t.chars().all(|c| c.is_ascii_hexdigit());
    let url = base64::engine::general_purpose::URL_SAFE.decode(t);
    let is_fernet = t.len() == 44 && url.as_ref().is_ok_and(|b| b.len() == 32);
    if fernet_wanted {
        return (!is_fernet).then(|| {
            format!(
                "is not a Fernet key (44 characters of url-safe base64 for 32 bytes); it has {} characters",
                t.chars().count()
            )
        });
    }
    if is_hex || is_fernet {
        return None;
    }
    if crate::crypto::keys::Key256::parse(t).is_ok() {
        return None;
    }
    Some(format!(
        "is not a 256-bit key (64 hex digits or a 44-character Fernet key); it has {} characters",
        t.chars().count()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_ids_are_unique_and_ordered() {
        let ids: Vec<&str> = CATALOG.iter().map(|r| r.id).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(ids, sorted);
    }

    #[test]
    fn secret_names() {
        for n in [
            "jwt_secret",
            "memoric_jwt_secret",
            "redis_password",
            "openai_api_key",
            "api_keys",
            "encryption_master_key",
            "key_seed",
            "password_salt",
            "security_jwt_secret",
        ] {
            assert!(is_secret_name(n), "{n}");
        }
        for n in [
            "passphrase_env_var",
            "min_password_length",
            "token_expiry_seconds",
            "jwt_algorithm",
            "tls_key_file",
            "public_key",
            "access_key_id",
            "rate_limit_requests",
        ] {
            assert!(!is_secret_name(n), "{n}");
        }
    }

    #[test]
    fn placeholders_and_patterns() {
        assert!(placeholder("your-jwt-secret-key-here-minimum-32-characters").is_some());
        assert!(
            placeholder("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")
                .is_some()
        );
        assert!(placeholder("changeme").is_some());
        assert!(placeholder("generate_a_new_key").is_some());
        assert!(placeholder("my-test-key").is_some());
        assert!(placeholder("Zq3kVh9w2Lr8Tn5Xy1Bp6Mc4Df7Gs0Ja").is_none());
        assert!(repeating("0000000000000000"));
        assert!(repeating("abababababababab"));
        assert!(!repeating("Zq3kVh9w2Lr8Tn5X"));
    }

    #[test]
    fn references() {
        let var = |name, op, default| Some(Ref::Var { name, op, default });
        assert_eq!(reference("${A}"), var("A", None, None));
        assert_eq!(reference(" $A "), var("A", None, None));
        assert_eq!(reference("${A:-x}"), var("A", Some(":-"), Some("x")));
        assert_eq!(reference("${A-x}"), var("A", Some("-"), Some("x")));
        assert_eq!(reference("${A:-${B}}"), var("A", Some(":-"), Some("${B}")));
        assert_eq!(
            reference("${A:?required}"),
            var("A", Some(":?"), Some("required"))
        );
        assert_eq!(reference("$(cat /run/secrets/x)"), Some(Ref::Opaque));
        assert_eq!(reference("{{ .Values.secret }}"), Some(Ref::Opaque));
        for not in [
            "plain", "${A}x", "x${A}", "${A}${B}", "$", "${}", "${1A}", "pa$word",
        ] {
            assert_eq!(reference(not), None, "{not}");
        }
        assert!(has_inner_reference("x${A}") && has_inner_reference("$(x)/y"));
    }

    fn env(lines: &[(&str, &str)]) -> Vec<Setting> {
        lines
            .iter()
            .enumerate()
            .map(|(i, (k, v))| Setting {
                key: (*k).to_owned(),
                norm: super::super::normalize(k),
                value: (*v).to_owned(),
                kind: Kind::Text,
                file: "f".into(),
                line: i + 1,
                ignore: Vec::new(),
                literal: false,
                scope: String::new(),
            })
            .collect()
    }

    /// (value, origin, unresolved) of every setting.
    fn resolved(all: &[Setting], live: usize) -> Vec<(String, usize, bool)> {
        let l = Lookup::new(all, live);
        (0..live)
            .map(|i| {
                let r = l.resolve(i);
                (r.value, r.origin, r.unresolved)
            })
            .collect()
    }

    #[test]
    fn references_resolve_through_chains_defaults_and_cycles() {
        let s = env(&[
            ("A", "${B}"),
            ("B", "$C"),
            ("C", "lit"),
            ("D", "${NOPE:-dflt}"),
            ("E", "${NOPE}"),
            ("F", "${G}"),
            ("G", "${F}"),
            ("H", "${H}"),
            ("I", "${EMPTY:-x}"),
            ("EMPTY", ""),
            ("J", "${EMPTY-x}"),
            ("K", "${NOPE:-${C}}"),
            ("L", "pre-${C}"),
            ("M", "${F:-fallback}"),
        ]);
        let r = resolved(&s, s.len());
        let want = [
            ("lit", 2, false),
            ("lit", 2, false),
            ("lit", 2, false),
            ("dflt", 3, false),
            ("${NOPE}", 4, true),
            ("${G}", 5, true),
            ("${F}", 6, true),
            ("${H}", 7, true),
            ("x", 8, false),
            ("", 9, false),
            ("", 9, false),
            ("lit", 2, false),
            ("pre-${C}", 12, false),
            // F is set (to a cycle): no default, and unresolved.
            ("${F:-fallback}", 13, true),
        ];
        for (i, w) in want.iter().enumerate() {
            assert_eq!((r[i].0.as_str(), r[i].1, r[i].2), *w, "{}", s[i].key);
        }
    }

    #[test]
    fn a_reference_to_its_own_key_reads_the_value_it_overrode() {
        // .env then a Compose file: JWT_SECRET=lit, then JWT_SECRET=${JWT_SECRET}.
        let mut s = env(&[("JWT_SECRET", "${JWT_SECRET}"), ("JWT_SECRET", "lit")]);
        let r = resolved(&s, 1);
        assert_eq!(r[0], ("lit".into(), 1, false));
        s.truncate(1);
        assert!(resolved(&s, 1)[0].2, "nothing to read: unresolved");
    }

    use proptest::prelude::Strategy;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// Any web of references (chains, cycles, defaults, self-references,
        /// overridden values) resolves without a panic, and a resolved value
        /// is a literal written at its origin.
        #[test]
        fn references_always_resolve_or_stop(
            values in proptest::collection::vec(
                proptest::prop_oneof![
                    (0..6usize).prop_map(|k| format!("${{K{k}}}")),
                    (0..6usize).prop_map(|k| format!("$K{k}")),
                    (0..6usize, 0..6usize).prop_map(|(k, d)| format!("${{K{k}:-${{K{d}}}}}")),
                    (0..6usize).prop_map(|k| format!("${{K{k}-lit}}")),
                    (0..6usize).prop_map(|k| format!("x${{K{k}}}")),
                    "[a-z]{0,6}",
                ],
                1..12,
            ),
            keys in proptest::collection::vec(0..6usize, 12),
            live in 1..12usize,
        ) {
            let lines: Vec<(String, String)> = values
                .iter()
                .zip(&keys)
                .map(|(v, k)| (format!("K{k}"), v.clone()))
                .collect();
            let refs: Vec<(&str, &str)> =
                lines.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let all = env(&refs);
            let live = live.min(all.len());
            let l = Lookup::new(&all, live);
            for i in 0..live {
                let r = l.resolve(i);
                if !r.unresolved {
                    proptest::prop_assert!(reference(&r.value).is_none());
                    proptest::prop_assert!(r.origin < all.len());
                }
            }
        }
    }

    #[test]
    fn url_passwords() {
        assert_eq!(url_password("postgresql://u:pw@h/db"), Some("pw"));
        assert_eq!(url_password("redis://h:6379"), None);
        assert_eq!(url_password("redis://:pw@h:6379"), Some("pw"));
    }
}
