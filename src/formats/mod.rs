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

use std::path::PathBuf;

use zeroize::Zeroizing;

use crate::crypto::ValueFormat;
use crate::crypto::envelope::{EnvelopeError, EnvelopeKey};
use crate::crypto::fernet::{FernetError, FernetKey};
use crate::crypto::keys::Key256;
use crate::error::{Error, Result};

/// A value format as named on the command line, `NAME[:param=value,...]`:
/// [`ValueFormat`] (the formats keyward writes today) and the services' own,
/// `envelope`, `fernet`, `fernet-b64`, `tiger[:iterations=N,version=V]`,
/// `spec:PATH` (everything after `spec:` is the path).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatName {
    /// keyward's envelope or canonical Fernet: the formats `rotate` writes.
    Native(ValueFormat),
    /// Seed 000's base64-wrapped Fernet.
    FernetB64,
    /// Seed 002's JSON record.
    Tiger(tiger::Params),
    /// A format described by a TOML spec file.
    Spec(PathBuf),
}

/// The built-in formats with their exact layouts, for `format list`.
pub const BUILTINS: &[(&str, &str, &str)] = &[
    (
        "envelope",
        "base64(\"KW\" | 0x01 | key_id:4 (big endian) | nonce:12 | ciphertext | tag:16), AES-256-GCM, header (and context) as associated data",
        "keyward's own; the keyring's key ids",
    ),
    (
        "fernet",
        "base64url(0x80 | timestamp:8 | iv:16 | AES-128-CBC ciphertext | HMAC-SHA256:32), as Python's cryptography.fernet",
        "a Fernet key (or the keyring's keys)",
    ),
    (
        "fernet-b64",
        "base64(the Fernet token's text): Fernet encoded once more, standard alphabet, padded",
        "seed 000 (Cross-Tool Memory): a Fernet key, often --derive scrypt:n=16384,r=8,p=1,salt-file=PATH",
    ),
    (
        "tiger[:iterations=N,version=V,salt-reuse=K]",
        "JSON {\"ciphertext\", \"nonce\":12, \"tag\":16, \"salt\":16, \"key_version\", \"algorithm\": \"AES-256-GCM\"} in base64; key = PBKDF2-HMAC-SHA256(master | key_version:4 BE, salt, iterations (100000))",
        "seed 002 (Tiger MCP): ENCRYPTION_MASTER_KEY, base64 of 32 bytes",
    ),
    (
        "spec:PATH",
        "a TOML file: cipher, encoding, layout or json, [key] derive (docs/rotation.md)",
        "any homegrown format",
    ),
];

impl std::str::FromStr for FormatName {
    type Err = String;

    fn from_str(text: &str) -> std::result::Result<Self, String> {
        if let Some(path) = text.strip_prefix("spec:") {
            if path.is_empty() {
                return Err("spec: needs the path of a format spec file, as spec:acme.toml".into());
            }
            return Ok(FormatName::Spec(PathBuf::from(path)));
        }
        let (name, rest) = text.split_once(':').unwrap_or((text, ""));
        let mut params = Vec::new();
        for item in rest.split(',').filter(|s| !s.is_empty()) {
            let (k, v) = item
                .split_once('=')
                .ok_or_else(|| format!("'{item}' is not param=value"))?;
            params.push((k, v));
        }
        let number = |k: &str, v: &str| {
            v.replace('_', "")
                .parse::<u32>()
                .map_err(|_| format!("{name}: {k} must be a whole number, not '{v}'"))
        };
        let no_params = |f: FormatName| {
            if let Some((k, _)) = params.first() {
                Err(format!("{name} takes no parameter '{k}'"))
            } else {
                Ok(f)
            }
        };
        match name {
            "envelope" | "fernet" => no_params(FormatName::Native(name.parse()?)),
            "fernet-b64" => no_params(FormatName::FernetB64),
            "tiger" => {
                let mut p = tiger::Params::default();
                for (k, v) in &params {
                    match *k {
                        "iterations" => {
                            p.iterations = number(k, v)?;
                            crate::crypto::kdf::limits::check_pbkdf2(p.iterations)?;
                        }
                        "version" => p.version = Some(number(k, v)?),
                        "salt-reuse" => {
                            p.salt_reuse = number(k, v)?;
                            if !(1..=1_000_000).contains(&p.salt_reuse) {
                                return Err(format!(
                                    "tiger: salt-reuse must be 1 to 1000000 values per salt, not {v}"
                                ));
                            }
                        }
                        other => {
                            return Err(format!(
                                "tiger takes iterations=N, version=V and salt-reuse=K, not '{other}'"
                            ));
                        }
                    }
                }
                Ok(FormatName::Tiger(p))
            }
            other => Err(format!(
                "unknown format '{other}'; use envelope, fernet, fernet-b64, tiger[:iterations=N,version=V] or spec:PATH"
            )),
        }
    }
}

impl std::fmt::Display for FormatName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FormatName::Native(v) => v.fmt(f),
            FormatName::FernetB64 => f.write_str("fernet-b64"),
            FormatName::Tiger(p) => {
                write!(f, "tiger:iterations={}", p.iterations)?;
                if let Some(v) = p.version {
                    write!(f, ",version={v}")?;
                }
                if p.salt_reuse != tiger::DEFAULT_SALT_REUSE {
                    write!(f, ",salt-reuse={}", p.salt_reuse)?;
                }
                Ok(())
            }
            FormatName::Spec(path) => write!(f, "spec:{}", path.display()),
        }
    }
}

impl FormatName {
    /// Loads what the format needs (a spec file) so it can read values.
    pub fn load(&self) -> Result<Codec> {
        Ok(match self {
            FormatName::Native(v) => Codec::Native(*v),
            FormatName::FernetB64 => Codec::FernetB64,
            FormatName::Tiger(p) => Codec::Tiger(*p),
            FormatName::Spec(path) => Codec::Spec(Box::new(spec::Spec::load(path)?)),
        })
    }
}

/// A loaded value format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Codec {
    /// keyward's envelope or canonical Fernet.
    Native(ValueFormat),
    /// Seed 000's base64-wrapped Fernet.
    FernetB64,
    /// Seed 002's JSON record.
    Tiger(tiger::Params),
    /// A spec-described format.
    Spec(Box<spec::Spec>),
}

/// The key a value is opened with: a 256-bit key (envelope, Fernet,
/// fernet-b64, Tiger's master key) or, for a spec, its own kind.
#[derive(Debug)]
pub enum ValueKey {
    /// A 256-bit key (already derived, where a derivation applies).
    Key(Key256),
    /// A spec's key: secret text or an RSA key.
    Spec(spec::SpecKey),
}

impl Codec {
    /// Opens one stored value (`envelope` with no context).
    pub fn open(
        &self,
        key: &ValueKey,
        value: &[u8],
        cache: &tiger::KeyCache,
    ) -> std::result::Result<Zeroizing<Vec<u8>>, Open> {
        let text = || std::str::from_utf8(value).map_err(|_| Open::NotThisFormat);
        let key256 = || match key {
            ValueKey::Key(k) => Ok(k),
            ValueKey::Spec(_) => Err(Open::Malformed("this format takes a 256-bit key".into())),
        };
        match self {
            Codec::Native(ValueFormat::Envelope) => {
                let data = match crate::crypto::envelope::decode_base64(text()?) {
                    Ok(d) if d.starts_with(&crate::crypto::envelope::MAGIC) => d,
                    _ if value.starts_with(&crate::crypto::envelope::MAGIC) => value.to_vec(),
                    _ => return Err(Open::NotThisFormat),
                };
                let header = crate::crypto::envelope::parse_header(&data)
                    .map_err(|e| Open::Malformed(e.to_string()))?;
                EnvelopeKey::new(key256()?, header.key_id)
                    .open(&data, None)
                    .map_err(|e| match e {
                        EnvelopeError::AuthFailed => Open::WrongKey,
                        other => Open::Malformed(other.to_string()),
                    })
            }
            Codec::Native(ValueFormat::Fernet) => {
                let t = text()?.trim();
                if !t.starts_with("gAAAAA") {
                    return Err(Open::NotThisFormat);
                }
                FernetKey::new(key256()?)
                    .decrypt(t, None)
                    .map_err(|e| match e {
                        FernetError::AuthFailed => Open::WrongKey,
                        other => Open::Malformed(other.to_string()),
                    })
            }
            Codec::FernetB64 => fernet_b64::open(&FernetKey::new(key256()?), text()?),
            Codec::Tiger(p) => tiger::open(key256()?, &tiger::parse(text()?)?, p.iterations, cache),
            Codec::Spec(spec) => match key {
                ValueKey::Spec(k) => spec.open(k, value),
                ValueKey::Key(_) => Err(Open::Malformed(
                    "internal: a spec format needs its own key".into(),
                )),
            },
        }
    }

    /// Whether values of this format carry a data key wrapped with RSA
    /// (rotating them re-wraps that key, leaving the data as it is).
    pub fn is_rsa(&self) -> bool {
        matches!(self, Codec::Spec(s) if s.cipher == spec::Cipher::RsaOaepAes256Gcm)
    }

    /// Whether reading or writing a value runs a key derivation or an RSA
    /// operation per value (worth every core).
    pub fn costly(&self) -> bool {
        match self {
            Codec::Tiger(_) => true,
            Codec::Spec(s) => s.per_value_kdf() || self.is_rsa(),
            _ => false,
        }
    }

    /// Whether this format takes a spec key (secret text or RSA PEM) rather
    /// than a 256-bit key.
    pub fn takes_spec_key(&self) -> bool {
        matches!(self, Codec::Spec(_))
    }
}

/// An error for a value that did not open, naming the format.
pub fn open_error(format: &FormatName, why: &Open) -> Error {
    Error::bad_input(format!("{format}: {why}"))
}

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
