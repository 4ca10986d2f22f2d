//! Keys and KDFs: an encryption key's format, encryption turned off, a
//! master key in hex where its service reads base64, and the work factors
//! of PBKDF2, scrypt, bcrypt and argon2 (KW010-KW024). Raising the PBKDF2
//! count that derives an encryption key is a rotation: the finding's fix
//! names the `rotate run` that re-encrypts the stored values.

use base64::Engine;

use super::secrets::is_encryption_key;
use super::{Checker, Hits, RuleId, ends};

/// Settings that turn encryption on or off.
const ENCRYPTION_SWITCHES: &[&str] = &[
    "encryption_enabled",
    "encrypt_content",
    "enable_encryption",
    "encryption",
    "encrypt_at_rest",
    "encrypt_data",
    "encryption_at_rest",
];

/// Runs the key and KDF rules; `sound_secrets` are the settings holding a
/// literal secret the secret rules found nothing weak in.
pub(super) fn check(cx: &Checker, sound_secrets: &[usize], hits: &mut Hits) {
    for &i in sound_secrets {
        let item = &cx.items[i];
        let norm = item.s.norm.as_str();
        if !is_encryption_key(norm) {
            continue;
        }
        let fernet_wanted = norm.contains("fernet") || norm.starts_with("memoric");
        if let Some(problem) = key_format_problem(&item.value, fernet_wanted) {
            hits.add(RuleId::KeyFormat, i, format!("{} {problem}", item.s.key));
        }
    }
    for s in cx.views {
        let (i, norm, key, value) = (s.index, s.norm, s.key, s.value);
        if cx.production && s.flag == Some(false) && ends(norm, ENCRYPTION_SWITCHES) {
            hits.add(RuleId::EncryptionOff, i, format!("{key} is {value}"));
        }
        if ends(norm, &[MASTER_KEY]) && is_hex_256(value) {
            hits.add(
                RuleId::MasterKeyHex,
                i,
                format!(
                    "{key} is 64 hex digits; a service that base64-decodes it (seed 002, Tiger MCP) reads 48 bytes, not the 32 it requires"
                ),
            );
        }
        let Some(figure) = s.number else {
            continue;
        };
        if norm.contains("pbkdf2")
            && ends(norm, &["iterations", "iter", "rounds", "iteration_count"])
        {
            let message = format!("{key} is {value}; use at least 600000");
            let rule = if figure < 100_000.0 {
                Some(RuleId::Pbkdf2Under100k)
            } else if figure < 600_000.0 {
                Some(RuleId::Pbkdf2Under600k)
            } else {
                None
            };
            if let Some(rule) = rule {
                match pbkdf2_rotation(cx, s, figure) {
                    Some(fix) => hits.add_with_fix(rule, i, message, fix),
                    None => hits.add(rule, i, message),
                }
            }
        }
        if norm.contains("scrypt") {
            if ends(norm, &["log_n", "ln", "log2_n"]) {
                if figure < 17.0 {
                    hits.add(
                        RuleId::ScryptCostLow,
                        i,
                        format!("{key} is {value} (N = 2^{value}); use at least 17"),
                    );
                }
            } else if ends(norm, &["n", "cost", "cost_factor", "work_factor"]) && figure < 131_072.0
            {
                hits.add(
                    RuleId::ScryptCostLow,
                    i,
                    format!("{key} is {value}; use at least 131072 (2^17)"),
                );
            }
        }
        if norm.contains("bcrypt")
            && ends(norm, &["rounds", "cost", "log_rounds", "work_factor"])
            && figure < 10.0
        {
            hits.add(
                RuleId::BcryptCostLow,
                i,
                format!("{key} is {value}; use at least 10"),
            );
        }
        if norm.contains("argon2")
            && let Some(kib) = argon2_memory_kib(norm, figure)
            && kib < 19_456.0
        {
            hits.add(
                RuleId::Argon2MemoryLow,
                i,
                format!(
                    "{key} is {value} ({} KiB); use at least 19456 KiB",
                    kib as u64
                ),
            );
        }
    }
}

/// Seed 002's (Tiger MCP) master key: the name its PBKDF2 derivation and
/// the `tiger` value format go with.
const MASTER_KEY: &str = "encryption_master_key";

/// The iteration count OWASP asks for, which the rotation's `--to` names.
const PBKDF2_TARGET: u64 = 600_000;

/// 64 hex digits: 32 bytes in hex, which a base64 reader takes for 48.
fn is_hex_256(value: &str) -> bool {
    value.len() == 64 && value.bytes().all(|b| b.is_ascii_hexdigit())
}

/// A setting's key as an environment variable for `--from-key-env`, or
/// `fallback` where the key is no variable name (`security.master_key`).
fn env_name<'a>(key: &'a str, fallback: &'a str) -> &'a str {
    let ok = !key.is_empty()
        && !key.starts_with(|c: char| c.is_ascii_digit())
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if ok { key } else { fallback }
}

/// The fix for a PBKDF2 count that derives an encryption key: raising the
/// count alone makes every stored value unreadable, so it names the
/// rotation that re-encrypts them under the new count, with the count
/// `figure` the configuration has now. Seed 002's shape (a
/// `PBKDF2_ITERATIONS` beside an `ENCRYPTION_MASTER_KEY`) gets the exact
/// `tiger` command; another configuration with an encryption key gets the
/// `spec:` form; one without any (PBKDF2 for password hashes, which are
/// upgraded at login) keeps the rule's fix.
fn pbkdf2_rotation(cx: &Checker, s: &super::View, figure: f64) -> Option<String> {
    let from = figure.max(1.0) as u64;
    let key_named = |pick: &dyn Fn(&str) -> bool| {
        cx.items
            .iter()
            .find(|it| pick(&it.s.norm))
            .map(|it| it.s.key.as_str())
    };
    if ends(s.norm, &["pbkdf2_iterations"])
        && let Some(master) = key_named(&|n| ends(n, &[MASTER_KEY]))
    {
        let master = env_name(master, "ENCRYPTION_MASTER_KEY");
        // `PBKDF2_ITERATIONS=600000` in a dotenv file, `security.pbkdf2_iterations to 600000` elsewhere.
        let sep = if env_name(s.key, "").is_empty() {
            " to "
        } else {
            "="
        };
        let setting = s.key;
        return Some(format!(
            "Raising it alone makes every stored value unreadable (each value's key is derived with this count). \
             Stop the service, re-encrypt under the new count, then set {setting}{sep}{PBKDF2_TARGET}: \
             keyward rotate run --db DB --table tiger_accounts --column private_key --column access_token --column refresh_token \
             --from tiger:iterations={from} --to tiger:iterations={PBKDF2_TARGET} \
             --from-key-env {master} --to-key-env {master}"
        ));
    }
    let key = key_named(&is_encryption_key)?;
    let key = env_name(key, "KEY");
    Some(format!(
        "Set it to {PBKDF2_TARGET} or more. If it derives an encryption key, raising it alone makes every value stored under the old count unreadable: \
         re-encrypt them in the same change, e.g. keyward rotate run --db DB --table TABLE --column COLUMN \
         --from spec:old.toml --to spec:new.toml --from-key-env {key} --to-key-env {key}, \
         two format specs alike but for [key] iterations = {from} and {PBKDF2_TARGET}."
    ))
}

/// An argon2 memory setting's value in KiB, by the unit its name gives.
fn argon2_memory_kib(norm: &str, figure: f64) -> Option<f64> {
    if ends(
        norm,
        &["memory_mib", "memory_mb", "mem_mib", "memory_cost_mib"],
    ) {
        Some(figure * 1024.0)
    } else if ends(
        norm,
        &[
            "memory_cost",
            "memory",
            "memory_kib",
            "mem_cost",
            "memory_kb",
            "m_cost",
        ],
    ) {
        Some(figure)
    } else {
        None
    }
}

/// What is wrong with an encryption key's format, if anything.
fn key_format_problem(value: &str, fernet_wanted: bool) -> Option<String> {
    let trimmed = value.trim();
    let is_hex = trimmed.len() == 64 && trimmed.chars().all(|c| c.is_ascii_hexdigit());
    let url = base64::engine::general_purpose::URL_SAFE.decode(trimmed);
    let is_fernet = trimmed.len() == 44 && url.as_ref().is_ok_and(|b| b.len() == 32);
    if fernet_wanted {
        return (!is_fernet).then(|| {
            format!(
                "is not a Fernet key (44 characters of url-safe base64 for 32 bytes); it has {} characters",
                trimmed.chars().count()
            )
        });
    }
    if is_hex || is_fernet {
        return None;
    }
    if crate::crypto::keys::Key256::parse(trimmed).is_ok() {
        return None;
    }
    Some(format!(
        "is not a 256-bit key (64 hex digits or a 44-character Fernet key); it has {} characters",
        trimmed.chars().count()
    ))
}
