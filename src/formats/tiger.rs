//! Seed 002's stored form (Tiger MCP), from its upstream code:
//!
//! - `ENCRYPTION_MASTER_KEY` is standard base64 of 32 bytes (the service
//!   decodes it and requires 32 bytes);
//! - a value is a JSON object `{"ciphertext", "nonce" (12 bytes), "tag"
//!   (16 bytes), "salt" (16 bytes), "key_version": int, "algorithm":
//!   "AES-256-GCM"}`, binary fields in standard base64; field order and
//!   spacing do not matter to the service;
//! - the value's key is PBKDF2-HMAC-SHA256(password = master key bytes ‖
//!   key_version as 4 bytes big-endian, salt = the record's salt,
//!   iterations = `PBKDF2_ITERATIONS`, default 100000, 32 bytes), and
//!   AES-256-GCM runs with no associated data.
//!
//! So every value costs one PBKDF2 run to read and one to write: a
//! rotation of this format is bound by the KDF, and derived keys are worth
//! caching where salts repeat ([`KeyCache`]).

use std::collections::HashMap;

use serde::Deserialize;
use zeroize::Zeroizing;

use crate::crypto::b64::{self, Alphabet};
use crate::crypto::envelope::{NONCE_LEN, TAG_LEN, aes256gcm_open, aes256gcm_seal};
use crate::crypto::kdf::Kdf;
use crate::crypto::keys::Key256;
use crate::error::{Error, Result};

use super::Open;

/// The service's default `PBKDF2_ITERATIONS`.
pub const DEFAULT_ITERATIONS: u32 = 100_000;

/// The `algorithm` the service writes.
pub const ALGORITHM: &str = "AES-256-GCM";

/// The format's parameters: `tiger:iterations=N,version=V,salt-reuse=K`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Params {
    /// PBKDF2 iterations (the service's `PBKDF2_ITERATIONS`).
    pub iterations: u32,
    /// The `key_version` written (none: 1 for new values; a re-encrypted
    /// value keeps its own).
    pub version: Option<u32>,
    /// How many values written in a row share one fresh random salt (and
    /// so one derived key; each value still has its own random nonce).
    /// 1 writes a salt per value, as the service does.
    pub salt_reuse: u32,
}

/// Values written under one salt by default: one PBKDF2 run per row
/// instead of two, far inside AES-GCM's bound for random nonces under one
/// key (2^32 messages, NIST SP 800-38D), as the AWS Encryption SDK's data
/// key caching bounds its reuse.
pub const DEFAULT_SALT_REUSE: u32 = 1000;

impl Default for Params {
    fn default() -> Self {
        Params {
            iterations: DEFAULT_ITERATIONS,
            version: None,
            salt_reuse: DEFAULT_SALT_REUSE,
        }
    }
}

/// The salt and key values are written under, renewed after `salt_reuse`
/// values (and per key version); shared by the threads of a rotation.
#[derive(Default)]
pub struct WriteKeys {
    current: std::sync::Mutex<HashMap<u32, WriteKey>>,
}

/// A salt, its derived key, and how many values it has written.
type WriteKey = ([u8; 16], Key256, u32);

impl WriteKeys {
    /// The salt and derived key for the next value written under
    /// `master` at `version` (a fresh pair every `p.salt_reuse` values).
    fn next(&self, master: &Key256, version: u32, p: &Params) -> Result<([u8; 16], Key256)> {
        let lock = || self.current.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((salt, key, uses)) = lock().get_mut(&version)
            && *uses < p.salt_reuse
        {
            *uses += 1;
            return Ok((*salt, key.clone()));
        }
        let salt = crate::crypto::random::array::<16>()?;
        let key = record_key(master, &salt, version, p.iterations)?;
        if p.salt_reuse > 1 {
            lock().insert(version, (salt, key.clone(), 1));
        }
        Ok((salt, key))
    }
}

/// One parsed record.
#[derive(Clone, PartialEq, Eq)]
pub struct Record {
    /// The ciphertext without its tag.
    pub ciphertext: Vec<u8>,
    /// The GCM nonce.
    pub nonce: [u8; NONCE_LEN],
    /// The GCM tag.
    pub tag: [u8; TAG_LEN],
    /// The record's PBKDF2 salt.
    pub salt: Vec<u8>,
    /// The `key_version` mixed into the password.
    pub key_version: u32,
}

impl std::fmt::Debug for Record {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "tiger::Record(v{}, {} bytes)",
            self.key_version,
            self.ciphertext.len()
        )
    }
}

#[derive(Deserialize)]
struct Raw {
    ciphertext: String,
    nonce: String,
    tag: String,
    salt: String,
    key_version: serde_json::Value,
    #[serde(default)]
    algorithm: Option<String>,
}

/// Parses a stored value: not this format unless it is a JSON object with
/// the record's fields.
pub fn parse(value: &str) -> std::result::Result<Record, Open> {
    let t = value.trim();
    if !t.starts_with('{') || !t.contains("\"ciphertext\"") || !t.contains("\"salt\"") {
        return Err(Open::NotThisFormat);
    }
    let raw: Raw = serde_json::from_str(t)
        .map_err(|e| Open::Malformed(format!("not a Tiger record: {}", short(&e))))?;
    if let Some(a) = &raw.algorithm
        && !a.eq_ignore_ascii_case(ALGORITHM)
    {
        return Err(Open::Malformed(format!(
            "algorithm is {a:?}, not {ALGORITHM:?}"
        )));
    }
    let field = |name: &str, text: &str| {
        b64::decode(Alphabet::Standard, text)
            .ok_or_else(|| Open::Malformed(format!("{name} is not standard base64")))
    };
    let fixed = |name: &str, text: &str, len: usize| {
        let b = field(name, text)?;
        if b.len() != len {
            return Err(Open::Malformed(format!(
                "{name} has {} bytes, not {len}",
                b.len()
            )));
        }
        Ok(b)
    };
    let key_version = match &raw.key_version {
        serde_json::Value::Number(n) => n.as_u64().and_then(|v| u32::try_from(v).ok()),
        serde_json::Value::String(s) => s.parse().ok(),
        _ => None,
    }
    .ok_or_else(|| Open::Malformed("key_version is not a whole number of 32 bits".into()))?;
    let salt = field("salt", &raw.salt)?;
    if salt.is_empty() {
        return Err(Open::Malformed("salt is empty".into()));
    }
    Ok(Record {
        ciphertext: field("ciphertext", &raw.ciphertext)?,
        nonce: fixed("nonce", &raw.nonce, NONCE_LEN)?
            .try_into()
            .expect("checked length"),
        tag: fixed("tag", &raw.tag, TAG_LEN)?
            .try_into()
            .expect("checked length"),
        salt,
        key_version,
    })
}

fn short(e: &serde_json::Error) -> String {
    // serde's message, without the value it may quote.
    let m = e.to_string();
    match m.find(" at line") {
        Some(i) if e.classify() == serde_json::error::Category::Data => m[..i].to_string(),
        _ => m,
    }
}

/// Derived record keys by (salt, version), for rows that share a salt.
/// One cache serves one master key and iteration count; threads share it
/// (the lock is held for lookups only, never while deriving).
#[derive(Default)]
pub struct KeyCache {
    keys: std::sync::Mutex<HashMap<(Vec<u8>, u32), Key256>>,
}

impl KeyCache {
    /// The most keys kept (a table with a salt per row gains nothing from
    /// more, and the cache must not grow with the table).
    const MAX: usize = 4096;

    fn get(&self, master: &Key256, salt: &[u8], version: u32, iterations: u32) -> Result<Key256> {
        let id = (salt.to_vec(), version);
        let lock = || self.keys.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(k) = lock().get(&id) {
            return Ok(k.clone());
        }
        let k = record_key(master, salt, version, iterations)?;
        let mut keys = lock();
        if keys.len() >= Self::MAX {
            keys.clear();
        }
        keys.insert(id, k.clone());
        Ok(k)
    }
}

/// The key of one record: PBKDF2-HMAC-SHA256(master ‖ version_be32, salt).
pub fn record_key(master: &Key256, salt: &[u8], version: u32, iterations: u32) -> Result<Key256> {
    let mut password = Zeroizing::new([0u8; 36]);
    password[..32].copy_from_slice(master.expose());
    password[32..].copy_from_slice(&version.to_be_bytes());
    Kdf::Pbkdf2 { iterations }.derive_key(&password[..], salt)
}

/// Decrypts a parsed record.
pub fn open(
    master: &Key256,
    record: &Record,
    iterations: u32,
    cache: &KeyCache,
) -> std::result::Result<Zeroizing<Vec<u8>>, Open> {
    let key = cache
        .get(master, &record.salt, record.key_version, iterations)
        .map_err(|e| Open::Malformed(e.message().to_string()))?;
    aes256gcm_open(&key, &record.nonce, b"", &record.ciphertext, &record.tag)
        .map(Zeroizing::new)
        .ok_or(Open::WrongKey)
}

/// Encrypts into a stored value with a fresh salt and nonce, as the
/// service's `json.dumps` writes it.
pub fn seal(master: &Key256, plaintext: &[u8], version: u32, iterations: u32) -> Result<String> {
    let p = Params {
        iterations,
        version: Some(version),
        salt_reuse: 1,
    };
    seal_with(&WriteKeys::default(), master, plaintext, version, &p)
}

/// [`seal`], with the salt and key from `keys` (shared by the values
/// written together, per `p.salt_reuse`).
pub fn seal_with(
    keys: &WriteKeys,
    master: &Key256,
    plaintext: &[u8],
    version: u32,
    p: &Params,
) -> Result<String> {
    let (salt, key) = keys.next(master, version, p)?;
    let nonce = crate::crypto::random::array::<NONCE_LEN>()?;
    let (ct, tag) = aes256gcm_seal(&key, &nonce, b"", plaintext);
    let enc = |b: &[u8]| b64::encode(Alphabet::Standard, b);
    Ok(format!(
        "{{\"ciphertext\": \"{}\", \"nonce\": \"{}\", \"tag\": \"{}\", \"salt\": \"{}\", \"key_version\": {version}, \"algorithm\": \"{ALGORITHM}\"}}",
        enc(&ct),
        enc(&nonce),
        enc(&tag),
        enc(&salt)
    ))
}

/// Checks a `tiger:` iteration count against keyward's PBKDF2 limits.
pub fn check_iterations(iterations: u32) -> Result<()> {
    crate::crypto::kdf::limits::check_pbkdf2(iterations).map_err(Error::usage)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vector() -> serde_json::Value {
        let v: serde_json::Value =
            serde_json::from_str(include_str!("testdata/vectors.json")).unwrap();
        v["seed002"].clone()
    }

    fn master() -> Key256 {
        Key256::parse(vector()["master_b64"].as_str().unwrap())
            .unwrap()
            .0
    }

    #[test]
    fn reads_what_the_service_wrote() {
        let v = vector();
        let rec = parse(v["stored"].as_str().unwrap()).unwrap();
        assert_eq!(rec.key_version, 3);
        let cache = KeyCache::default();
        let pt = open(&master(), &rec, DEFAULT_ITERATIONS, &cache).unwrap();
        assert_eq!(&pt[..], b"tiger private key");
        // Another iteration count derives another key: the value does not open.
        assert_eq!(
            open(&master(), &rec, 1000, &KeyCache::default()),
            Err(Open::WrongKey)
        );
        assert!(!format!("{rec:?}").contains("tiger private"));
    }

    #[test]
    fn writes_what_the_service_reads() {
        let text = seal(&master(), b"new token", 7, 1000).unwrap();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["key_version"], 7);
        assert_eq!(v["algorithm"], "AES-256-GCM");
        let rec = parse(&text).unwrap();
        assert_eq!(rec.salt.len(), 16);
        let pt = open(&master(), &rec, 1000, &KeyCache::default()).unwrap();
        assert_eq!(&pt[..], b"new token");
    }

    #[test]
    fn shapes_it_does_not_read() {
        assert_eq!(parse("hello"), Err(Open::NotThisFormat));
        assert_eq!(parse("{\"name\": \"x\"}"), Err(Open::NotThisFormat));
        for (bad, why) in [
            (
                "{\"ciphertext\": \"AA==\", \"salt\": \"AA==\"}",
                "missing field",
            ),
            (
                "{\"ciphertext\": \"AA==\", \"nonce\": \"AAAA\", \"tag\": \"AAAA\", \"salt\": \"AA==\", \"key_version\": 1}",
                "nonce has 3 bytes",
            ),
            (
                "{\"ciphertext\": \"!\", \"nonce\": \"AAECAwQFBgcICQoL\", \"tag\": \"AAECAwQFBgcICQoLDA0ODw==\", \"salt\": \"AA==\", \"key_version\": 1}",
                "ciphertext is not standard base64",
            ),
            (
                "{\"ciphertext\": \"AA==\", \"nonce\": \"AAECAwQFBgcICQoL\", \"tag\": \"AAECAwQFBgcICQoLDA0ODw==\", \"salt\": \"AA==\", \"key_version\": -1}",
                "key_version",
            ),
            (
                "{\"ciphertext\": \"AA==\", \"nonce\": \"AAECAwQFBgcICQoL\", \"tag\": \"AAECAwQFBgcICQoLDA0ODw==\", \"salt\": \"AA==\", \"key_version\": 1, \"algorithm\": \"DES\"}",
                "algorithm",
            ),
        ] {
            match parse(bad) {
                Err(Open::Malformed(m)) => assert!(m.contains(why), "{bad}: {m}"),
                other => panic!("{bad}: {other:?}"),
            }
        }
    }
}
