//! The encryption core: key material and its encodings, the keyward
//! envelope (AES-256-GCM), Fernet, the passphrase KDFs, and randomness.
//!
//! Every primitive comes from RustCrypto crates (`aes-gcm`, `aes`, `cbc`,
//! `hmac`, `sha2`, `scrypt`, `pbkdf2`); this module only composes them into
//! the formats of DESIGN.md and Python's `cryptography.fernet`.

pub mod b64;
pub mod envelope;
pub mod fernet;
pub mod kdf;
pub mod keys;
pub mod mac;
pub mod password;
pub mod random;

use sha2::{Digest, Sha256};

/// A short, non-reversible fingerprint of secret material for messages:
/// `sha256:` and the first 8 bytes of its SHA-256, in hex.
pub fn fingerprint(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    format!("sha256:{}", hex::encode(&digest[..8]))
}

/// A value format: how one encrypted value is written. `encrypt
/// --scheme`, `decrypt --scheme`, `rotate run --to` and the rotation codec
/// all speak it; its text form (`Display`, `FromStr`, JSON) is the name
/// the command line takes, so it can grow parameters (`NAME:param=value`)
/// without another type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ValueFormat {
    /// The keyward envelope (AES-256-GCM).
    Envelope,
    /// A Fernet token.
    Fernet,
}

impl ValueFormat {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [ValueFormat; 2] = [ValueFormat::Envelope, ValueFormat::Fernet];

    /// The name the command line and JSON use.
    pub fn name(self) -> &'static str {
        match self {
            ValueFormat::Envelope => "envelope",
            ValueFormat::Fernet => "fernet",
        }
    }

    /// What one value of this format is called in messages.
    pub fn noun(self) -> &'static str {
        match self {
            ValueFormat::Envelope => "keyward envelope",
            ValueFormat::Fernet => "Fernet token",
        }
    }
}

impl std::fmt::Display for ValueFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for ValueFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ValueFormat::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = ValueFormat::ALL.iter().map(|f| f.name()).collect();
                format!("'{s}' is not a value format ({})", names.join(", "))
            })
    }
}

impl serde::Serialize for ValueFormat {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Tells a keyward envelope from a Fernet token by its first bytes (`KW` or
/// 0x80), accepting either base64 alphabet, and returns the binary form.
pub fn detect(text: &str) -> Result<(ValueFormat, Vec<u8>), String> {
    use b64::Alphabet;
    let t = text.trim();
    if t.is_empty() {
        return Err("the input is empty".into());
    }
    // The first characters tell the alphabet without scanning the value:
    // an envelope's base64 starts "S1cB" ("KW\x01"), a Fernet token "gA" (0x80).
    let alphabet = if t.starts_with("S1cB") {
        Alphabet::Standard
    } else if t.starts_with("gA") || t.as_bytes().iter().any(|&b| b == b'-' || b == b'_') {
        Alphabet::UrlSafe
    } else {
        Alphabet::Standard
    };
    let data = b64::decode(alphabet, t)
        .ok_or_else(|| format!("the input is not base64 ({} characters), so neither a keyward envelope nor a Fernet token", t.len()))?;
    match data.first() {
        Some(&fernet::VERSION) => Ok((ValueFormat::Fernet, data)),
        _ if data.starts_with(&envelope::MAGIC) => Ok((ValueFormat::Envelope, data)),
        _ => Err("the input is neither a keyward envelope (starts with \"KW\") nor a Fernet token (starts with 0x80)".into()),
    }
}
