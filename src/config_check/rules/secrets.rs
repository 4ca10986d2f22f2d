//! Secrets: empty, short, low in entropy, placeholders, repeating keys, one
//! value for two purposes, and secrets a setting needs that no input sets
//! (KW001-KW006).

use std::collections::{HashMap, HashSet};

use base64::Engine;

use super::jwt::is_expiry_key;
use super::resolve::Item;
use super::tls::cert_key_file;
use super::{Checker, Hits, RuleId, ends, truthy};
use crate::config_check::{Kind, mask};

/// Runs the secret rules; returns the settings holding a literal secret in
/// which they found nothing weak (whose key format is worth checking).
pub(super) fn check(cx: &Checker, hits: &mut Hits) -> Vec<usize> {
    let items = cx.items;
    let mut weak = vec![false; items.len()];
    let mut empty = Vec::new();
    let mut sound = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let norm = item.s.norm.as_str();
        if item.unresolved || item.inner_ref || !matches!(item.kind, Kind::Text | Kind::Null) {
            continue;
        }
        if cert_key_file(norm).is_some() || !is_secret_name(norm) {
            continue;
        }
        let value = item.value.as_str();
        let key = &item.s.key;
        // A flag (`CORS_ALLOW_CREDENTIALS=false`) is no secret.
        if matches!(
            value.trim().to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off"
        ) {
            continue;
        }
        if value.trim().is_empty() {
            weak[i] = true;
            empty.push(i);
            continue;
        }
        // A value with a scheme (a DSN) is checked by the URL rules.
        if value.contains("://") {
            continue;
        }
        let length = value.chars().count();
        let problem = if let Some(why) = placeholder(value) {
            Some((
                RuleId::SecretPlaceholder,
                format!("{key} is {why} ({})", mask(value)),
            ))
        } else if repeating(value.trim().trim_end_matches('=')) {
            Some((
                RuleId::KeyRepeating,
                format!("{key} repeats a short pattern ({})", mask(value)),
            ))
        } else if let Some(distinct) = few_distinct_key_bytes(value) {
            Some((
                RuleId::KeyRepeating,
                format!(
                    "{key} decodes to a key of only {distinct} distinct byte value{} ({})",
                    if distinct == 1 { "" } else { "s" },
                    mask(value)
                ),
            ))
        } else if length < 32 {
            Some((
                RuleId::SecretShort,
                format!("{key} has {length} characters; at least 32 are needed"),
            ))
        } else {
            let bits = entropy_per_char(value);
            (bits < 3.0).then(|| {
                (
                    RuleId::SecretLowEntropy,
                    format!(
                        "{key} has about {bits:.1} bits of entropy per character ({})",
                        mask(value)
                    ),
                )
            })
        };
        match problem {
            Some((rule, message)) => {
                weak[i] = true;
                hits.add(rule, i, message);
            }
            None => sound.push(i),
        }
    }
    let left_off = unused_integrations(items, &empty);
    for i in empty {
        if !left_off.contains(&i) {
            hits.add(
                RuleId::SecretEmpty,
                i,
                format!("{} is empty", items[i].s.key),
            );
        }
    }
    reused(cx, &weak, hits);
    missing(cx, hits);
    sound
}

/// One value, two purposes (KW006). Settings that reach one literal through
/// references share one secret on purpose (`DB_PASSWORD:
/// ${POSTGRES_PASSWORD}`): only equal values from different places count.
fn reused(cx: &Checker, weak: &[bool], hits: &mut Hits) {
    let items = cx.items;
    let mut first_with: HashMap<&str, usize> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        let norm = item.s.norm.as_str();
        if weak[i]
            || item.unresolved
            || item.inner_ref
            || item.value.len() < 8
            || !is_secret_name(norm)
        {
            continue;
        }
        if item.value.contains("://") || cert_key_file(norm).is_some() {
            continue;
        }
        match first_with.get(item.value.as_str()) {
            Some(&j) if items[j].s.norm != item.s.norm && items[j].origin != item.origin => {
                let first = &cx.all[items[j].origin];
                hits.add(
                    RuleId::SecretReused,
                    i,
                    format!(
                        "{} has the same value as {} ({}:{})",
                        item.s.key, first.key, first.file, first.line
                    ),
                );
            }
            Some(_) => {}
            None => {
                first_with.insert(item.value.as_str(), i);
            }
        }
    }
}

/// Settings that turn on encryption.
const ENCRYPTION_ON: &[&str] = &[
    "encryption_enabled",
    "encrypt_content",
    "enable_encryption",
    "encrypt_at_rest",
    "encrypt_data",
    "encryption_at_rest",
];

/// Secrets a setting needs but no input sets (KW001): encryption turned on
/// without a key, JWT settings without a secret (a `*_env_var` naming where
/// the service reads it counts as set). Reported once each.
fn missing(cx: &Checker, hits: &mut Hits) {
    let items = cx.items;
    let has = |pred: &dyn Fn(&str) -> bool| items.iter().any(|it| pred(&it.s.norm));
    let encryption_key_set = has(&|n| {
        is_encryption_key(n)
            || (n.contains("encryption") || n.contains("encrypt"))
                && (is_secret_name(n) || n.ends_with("env_var"))
    });
    let jwt_secret_set = has(&|n| {
        n.contains("jwt") && (is_secret_name(n) || n.ends_with("env_var"))
            || ends(n, &["secret_key", "signing_key", "secret_key_base"])
    });
    let mut reported_encryption = encryption_key_set;
    let mut reported_jwt = jwt_secret_set;
    for (i, item) in items.iter().enumerate() {
        let norm = item.s.norm.as_str();
        if !reported_encryption && truthy(&item.value) == Some(true) && ends(norm, ENCRYPTION_ON) {
            reported_encryption = true;
            hits.add(
                RuleId::SecretEmpty,
                i,
                format!(
                    "{} is on but no encryption key is set in these inputs",
                    item.s.key
                ),
            );
        }
        if !reported_jwt
            && norm.contains("jwt")
            && (ends(norm, &["algorithm", "alg"]) || is_expiry_key(norm))
        {
            reported_jwt = true;
            hits.add(
                RuleId::SecretEmpty,
                i,
                format!(
                    "{} is set but no JWT secret is set in these inputs",
                    item.s.key
                ),
            );
        }
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
pub(super) fn is_encryption_key(norm: &str) -> bool {
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
fn unused_integrations(items: &[Item], empty: &[usize]) -> HashSet<usize> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
