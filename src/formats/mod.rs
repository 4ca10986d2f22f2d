//! The services' own ciphertext formats and key derivations (issue #18).
//!
//! keyward's envelope and canonical Fernet live in [`crate::crypto`]; the
//! self-hosted services it administers mostly roll their own. This module
//! reads and writes theirs, each from the facts of the service's code:
//!
//! - [`fernet_b64`]: seed 000's Fernet token, base64-encoded once more;
//! - [`tiger`]: seed 002's JSON record, AES-256-GCM under a PBKDF2 key
//!   derived per record from the master key, the record's salt and its
//!   `key_version`;
//! - [`spec`]: any homegrown layout described in a few lines of TOML
//!   (AES-256-GCM, ChaCha20-Poly1305, Fernet, RSA-OAEP-wrapped AES-256-GCM;
//!   concatenated parts or a JSON record; base64, hex or raw);
//! - [`derive`]: the key derivations that turn a service's secret text into
//!   the key its format uses (`sha256`, PBKDF2, scrypt, HKDF).
//!
//! Every primitive comes from RustCrypto or aws-lc-rs; these modules only
//! lay bytes out the way each service does. A codec tells three outcomes
//! apart ([`Open`]): the value is not of its format at all, it is but is
//! damaged, or the key does not open it, so that a rotation never takes
//! an unknown ciphertext for plaintext.

pub mod derive;
pub mod fernet_b64;
pub mod spec;
pub mod tiger;

/// Why a codec could not open a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Open {
    /// The value is not in this format (another format may read it).
    NotThisFormat,
    /// The value is in this format but damaged (the reason, never the value).
    Malformed(String),
    /// The value is well-formed but this key does not authenticate it.
    WrongKey,
}

impl std::fmt::Display for Open {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Open::NotThisFormat => f.write_str("not in this format"),
            Open::Malformed(why) => write!(f, "malformed: {why}"),
            Open::WrongKey => {
                f.write_str("authentication failed: wrong key, or the value was altered")
            }
        }
    }
}

/// Whether a value that no known format parsed still looks like ciphertext
/// (so it must be reported as unrecognized, never taken for plaintext):
/// base64 or hex of 24 bytes or more, a JSON object with cipher-like
/// fields, or a Fernet-like prefix.
pub fn looks_encrypted(value: &[u8]) -> bool {
    let text = std::str::from_utf8(value).ok().filter(|t| {
        !t.chars()
            .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    });
    let Some(text) = text else {
        // Binary data of an AEAD's minimum size is as likely ciphertext as
        // not; a BLOB column of plaintext is rare, so say unrecognized.
        return value.len() >= 28;
    };
    let t = text.trim();
    if t.starts_with("gAAAAA") || t.starts_with("Z0FBQUFB") {
        return true;
    }
    if t.starts_with('{') {
        return serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(t)
            .map(|m| {
                m.keys().any(|k| {
                    let k = k.to_ascii_lowercase();
                    [
                        "ciphertext",
                        "ct",
                        "nonce",
                        "iv",
                        "tag",
                        "wrapped_key",
                        "encrypted",
                    ]
                    .iter()
                    .any(|c| k == *c || k.ends_with(&format!("_{c}")))
                })
            })
            .unwrap_or(false);
    }
    if t.len() >= 48 && t.len() % 2 == 0 && t.bytes().all(|b| b.is_ascii_hexdigit()) {
        return true;
    }
    // base64 (either alphabet, padded or not) of 24 bytes or more, with no
    // spaces: words and sentences fail this at the first space.
    let b64 = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'-' | b'_');
    let body = t.trim_end_matches('=');
    body.len() >= 32
        && t.len() - body.len() <= 2
        && body.bytes().all(b64)
        // Real base64 of random bytes mixes cases and digits; a long
        // identifier (all lowercase, or snake_case) does not.
        && body.bytes().any(|b| b.is_ascii_uppercase())
        && body.bytes().any(|b| b.is_ascii_lowercase())
        && body.bytes().any(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ciphertext_shapes_are_not_plaintext() {
        let vectors: serde_json::Value =
            serde_json::from_str(include_str!("testdata/vectors.json")).unwrap();
        for name in ["seed000", "seed002", "spec_gcm", "spec_chacha_hex", "rsa"] {
            let stored = vectors[name]["stored"].as_str().unwrap();
            assert!(looks_encrypted(stored.as_bytes()), "{name}");
        }
        for plain in [
            "hello world",
            "remember the milk",
            "{\"name\": \"alice\", \"age\": 3}",
            "user_preferences_for_dark_mode_and_fonts",
            "https://example.com/a/b/c?d=e",
            "12345",
            "",
        ] {
            assert!(!looks_encrypted(plain.as_bytes()), "{plain}");
        }
        assert!(looks_encrypted(&[0u8; 40]));
        assert!(!looks_encrypted(&[0xffu8; 10]));
    }
}
