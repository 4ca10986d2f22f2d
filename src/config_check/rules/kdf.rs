//! Keys and KDFs: an encryption key's format, encryption turned off, and
//! the work factors of PBKDF2, scrypt, bcrypt and argon2 (KW010-KW024).

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
        let Some(figure) = s.number else {
            continue;
        };
        if norm.contains("pbkdf2")
            && ends(norm, &["iterations", "iter", "rounds", "iteration_count"])
        {
            let message = format!("{key} is {value}; use at least 600000");
            if figure < 100_000.0 {
                hits.add(RuleId::Pbkdf2Under100k, i, message);
            } else if figure < 600_000.0 {
                hits.add(RuleId::Pbkdf2Under600k, i, message);
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
