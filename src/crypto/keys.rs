//! 256-bit keys and the text encodings services use for them.
//!
//! DESIGN.md: a key is accepted and produced as 64 hex digits (seed 002's
//! `ENCRYPTION_MASTER_KEY`), standard or URL-safe base64 (padded or not), or
//! a Fernet key (URL-safe base64 of 32 bytes, seeds 000 and 001). Laravel's
//! `base64:` prefix is accepted too. Errors say what was expected and what
//! length was seen; they never echo the key.

use std::fmt;
use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::{
    STANDARD, STANDARD_NO_PAD_INDIFFERENT, URL_SAFE, URL_SAFE_NO_PAD, URL_SAFE_NO_PAD_INDIFFERENT,
};
use serde::Serialize;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use crate::error::{Error, Result};
use crate::secret::{SecretBytes, SecretPrompt, SecretString};

/// Length of every data-encryption key, in bytes.
pub const KEY_LEN: usize = 32;

/// A 256-bit key. Zeroized on drop; `Debug` is redacted; no `Display`.
#[derive(Clone, Zeroize, ZeroizeOnDrop, PartialEq, Eq)]
pub struct Key256([u8; KEY_LEN]);

impl Key256 {
    /// Wraps raw key bytes.
    pub fn from_bytes(bytes: [u8; KEY_LEN]) -> Self {
        Key256(bytes)
    }

    /// A fresh random key from the OS CSPRNG.
    pub fn generate() -> Result<Self> {
        let mut k = Key256([0u8; KEY_LEN]);
        crate::crypto::random::fill(&mut k.0)?;
        Ok(k)
    }

    /// The key bytes; call only where they are used.
    pub fn expose(&self) -> &[u8; KEY_LEN] {
        &self.0
    }

    /// Parses a key in any accepted encoding, reporting which it was.
    pub fn parse(text: &str) -> Result<(Key256, Encoding)> {
        let (bytes, encoding) = decode_any(text)?;
        if bytes.len() != KEY_LEN {
            return Err(Error::bad_input(format!(
                "expected a 256-bit key (64 hex digits, or 43-44 characters of base64 / a Fernet key); \
                 got {} characters of {} that decode to {} bytes",
                text.trim().len(),
                encoding.name(),
                bytes.len()
            )));
        }
        let mut arr = [0u8; KEY_LEN];
        arr.copy_from_slice(bytes.expose());
        Ok((Key256(arr), encoding))
    }

    /// The key in `encoding`.
    pub fn encode(&self, encoding: Encoding) -> SecretString {
        encoding.encode(&self.0)
    }

    /// The key's fingerprint for messages (never the key).
    pub fn fingerprint(&self) -> String {
        crate::crypto::fingerprint(&self.0)
    }
}

impl fmt::Debug for Key256 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Key256([redacted])")
    }
}

/// A text encoding of secret bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Encoding {
    /// Lower-case hex: 64 digits for 256 bits.
    Hex,
    /// Standard base64 with padding (seed 002's ENCRYPTION_MASTER_KEY).
    Base64,
    /// URL-safe base64 without padding (as JWT secrets usually are).
    Base64url,
    /// A Fernet key: URL-safe base64 of exactly 32 bytes, padded, as Python's Fernet.generate_key().
    Fernet,
}

impl Encoding {
    /// The name used in messages and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Hex => "hex",
            Encoding::Base64 => "base64",
            Encoding::Base64url => "base64url",
            Encoding::Fernet => "fernet",
        }
    }

    /// Encodes `bytes`. The caller checks that Fernet gets 32 bytes.
    pub fn encode(self, bytes: &[u8]) -> SecretString {
        SecretString::new(match self {
            Encoding::Hex => hex::encode(bytes),
            Encoding::Base64 => STANDARD.encode(bytes),
            Encoding::Base64url => URL_SAFE_NO_PAD.encode(bytes),
            Encoding::Fernet => URL_SAFE.encode(bytes),
        })
    }
}

/// Decodes hex or base64 (either alphabet, padded or not) without checking
/// the length. Hex wins when the text is all hex digits of even length 64;
/// otherwise base64 is tried, URL-safe first when `-` or `_` appear.
pub fn decode_any(text: &str) -> Result<(SecretBytes, Encoding)> {
    let t = text.trim();
    let t = t.strip_prefix("base64:").unwrap_or(t);
    if t.is_empty() {
        return Err(Error::bad_input("the key is empty"));
    }
    let all_hex = t.bytes().all(|b| b.is_ascii_hexdigit());
    if all_hex && t.len() == 2 * KEY_LEN {
        let bytes = Zeroizing::new(hex::decode(t).map_err(|_| Error::internal("hex decode"))?);
        return Ok((SecretBytes::new(bytes.to_vec()), Encoding::Hex));
    }
    let url = t.contains(['-', '_']);
    let std = t.contains(['+', '/']);
    if url && std {
        return Err(Error::bad_input(format!(
            "the key mixes the two base64 alphabets (+/ and -_); {} characters",
            t.len()
        )));
    }
    let (engine, enc) = if url {
        (&URL_SAFE_NO_PAD_INDIFFERENT, Encoding::Base64url)
    } else {
        (&STANDARD_NO_PAD_INDIFFERENT, Encoding::Base64)
    };
    match engine.decode(t) {
        Ok(v) => Ok((SecretBytes::new(v), enc)),
        Err(_) if all_hex => Err(Error::bad_input(format!(
            "the key looks like hex but has {} digits; a 256-bit key has 64",
            t.len()
        ))),
        Err(_) => Err(Error::bad_input(format!(
            "the key is neither 64 hex digits nor valid base64 ({} characters)",
            t.len()
        ))
        .with_hint("keys are accepted as hex, base64, base64url or a Fernet key")),
    }
}

/// The prompt used for `--key-env` / `--key-file`.
pub const KEY_PROMPT: SecretPrompt = SecretPrompt {
    what: "key",
    env_flag: "--key-env",
    file_flag: "--key-file",
    confirm: false,
    private_file: true,
};

/// Reads a 256-bit key from an environment variable, a private file, or a
/// hidden prompt, in any accepted encoding. Errors name the source.
pub fn read_key(env: Option<&str>, file: Option<&Path>) -> Result<Key256> {
    let text = crate::secret::read_secret(env, file, &KEY_PROMPT)?;
    Key256::parse(text.expose()).map(|(k, _)| k).map_err(|e| {
        let source = match (env, file) {
            (Some(name), _) => format!("environment variable {name}"),
            (None, Some(p)) => p.display().to_string(),
            (None, None) => "the prompt".to_string(),
        };
        let hint = e.hint().map(str::to_owned);
        let err = Error::bad_input(format!("{} ({source})", e.message()));
        match hint {
            Some(h) => err.with_hint(h),
            None => err,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const HEX: &str = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    #[test]
    fn parses_every_encoding_of_the_same_key() {
        let (k, e) = Key256::parse(HEX).unwrap();
        assert_eq!(e, Encoding::Hex);
        for enc in [
            Encoding::Hex,
            Encoding::Base64,
            Encoding::Base64url,
            Encoding::Fernet,
        ] {
            let text = k.encode(enc);
            let (k2, _) = Key256::parse(text.expose()).unwrap();
            assert_eq!(k, k2, "{enc:?}");
        }
        let laravel = format!("base64:{}", k.encode(Encoding::Base64).expose());
        assert_eq!(Key256::parse(&laravel).unwrap().0, k);
        assert_eq!(Key256::parse(&HEX.to_uppercase()).unwrap().0, k);
        assert_eq!(Key256::parse(&format!("  {HEX}\n")).unwrap().0, k);
    }

    #[test]
    fn the_seed_fernet_key_parses() {
        // The Fernet spec's secret (fernet/spec generate.json).
        let (k, e) = Key256::parse("cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=").unwrap();
        assert_eq!(e, Encoding::Base64url);
        assert_eq!(
            k.encode(Encoding::Fernet).expose(),
            "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4="
        );
    }

    #[test]
    fn errors_give_lengths_never_the_key() {
        let short_hex = &HEX[..62];
        let e = Key256::parse(short_hex).unwrap_err();
        assert!(e.message().contains("62 digits"), "{}", e.message());
        assert!(!e.message().contains(short_hex));
        let e = Key256::parse("c2hvcnQ=").unwrap_err();
        assert!(e.message().contains("decode to 5 bytes"), "{}", e.message());
        let e = Key256::parse("not a key at all!").unwrap_err();
        assert!(!e.message().contains("not a key"));
        assert_eq!(e.exit_code(), 3);
        assert!(Key256::parse("ab+c/d-e_f").is_err());
        assert!(Key256::parse("   ").is_err());
    }

    #[test]
    fn debug_is_redacted() {
        let (k, _) = Key256::parse(HEX).unwrap();
        assert_eq!(format!("{k:?}"), "Key256([redacted])");
    }

    proptest! {
        #[test]
        fn encode_then_parse_is_identity(bytes in proptest::array::uniform32(any::<u8>())) {
            let k = Key256::from_bytes(bytes);
            for enc in [Encoding::Hex, Encoding::Base64, Encoding::Base64url, Encoding::Fernet] {
                let (k2, _) = Key256::parse(k.encode(enc).expose()).unwrap();
                prop_assert_eq!(k2.expose(), &bytes);
            }
        }

        #[test]
        fn decode_any_roundtrips_any_length(bytes in proptest::collection::vec(any::<u8>(), 1..200)) {
            for enc in [Encoding::Base64, Encoding::Base64url] {
                let (back, _) = decode_any(enc.encode(&bytes).expose()).unwrap();
                prop_assert_eq!(back.expose(), &bytes[..]);
            }
        }

        #[test]
        fn parse_never_panics(s in ".{0,100}") {
            let _ = Key256::parse(&s);
        }
    }
}
