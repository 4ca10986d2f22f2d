//! Fernet, byte-compatible with Python's `cryptography.fernet`.
//!
//! Token: `0x80` | timestamp (u64, big endian, seconds) | IV (16 bytes) |
//! AES-128-CBC ciphertext (PKCS#7) | HMAC-SHA256 over everything before it,
//! all URL-safe base64 with padding. The 32-byte key is 16 bytes of signing
//! key followed by 16 bytes of encryption key (so a 64-hex master key used
//! for Fernet splits into those halves, as Fernet itself does).
//!
//! Built from RustCrypto's `aes`, `cbc`, `hmac` and `sha2`; the MAC is
//! checked in constant time before anything is decrypted.

use aes::Aes128;
use cbc::cipher::block_padding::Pkcs7;
use cbc::cipher::{BlockModeDecrypt, BlockModeEncrypt, InnerIvInit};
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use zeroize::Zeroizing;

use crate::crypto::b64::{self, Alphabet};
use crate::crypto::keys::Key256;

type HmacSha256 = Hmac<Sha256>;

/// The version byte every Fernet token starts with.
pub const VERSION: u8 = 0x80;
const HEADER_LEN: usize = 1 + 8 + 16;
const MAC_LEN: usize = 32;
/// Python's `_MAX_CLOCK_SKEW`: tokens up to 60 s in the future are accepted.
pub const MAX_CLOCK_SKEW: u64 = 60;

/// Why a token was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FernetError {
    /// Not URL-safe base64.
    #[error("not a Fernet token: the text is not URL-safe base64")]
    NotBase64,
    /// The first byte is not 0x80.
    #[error("not a Fernet token: it does not start with version byte 0x80")]
    BadVersion,
    /// Shorter than the smallest possible token.
    #[error("not a Fernet token: {0} bytes, fewer than the 73 of the shortest token")]
    TooShort(usize),
    /// Wrong key, or the token was altered.
    #[error("authentication failed: wrong key, or the token was altered")]
    AuthFailed,
    /// The MAC is right but the payload is not valid AES-CBC with PKCS#7.
    #[error("the token is authentic but its payload is malformed (bad length or padding)")]
    BadPayload,
    /// Older than the TTL.
    #[error("the token expired: issued {age} s ago, TTL {ttl} s")]
    Expired {
        /// Seconds since issue.
        age: u64,
        /// The TTL asked for.
        ttl: u64,
    },
    /// Issued further in the future than the allowed clock skew.
    #[error("the token was issued {0} s in the future, beyond the 60 s clock skew allowed")]
    FromFuture(u64),
}

/// A Fernet key, held as its two halves already put to work: the HMAC keyed
/// with the signing half and the AES key schedule of the encryption half
/// (each message clones them rather than redoing that work). The raw halves
/// are not kept. Both states wipe themselves on drop (the SHA-256 cores by
/// sha2's `zeroize` feature, the key schedule by aes's), so the key leaves
/// no copy behind.
#[derive(Clone)]
pub struct FernetKey {
    keyed_mac: HmacSha256,
    cipher: Aes128,
}

impl std::fmt::Debug for FernetKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FernetKey([redacted])")
    }
}

impl FernetKey {
    /// Splits a 256-bit key as Fernet does: first half signs, second encrypts.
    pub fn new(key: &Key256) -> Self {
        let k = key.expose();
        let keyed_mac =
            <HmacSha256 as KeyInit>::new_from_slice(&k[..16]).expect("HMAC takes any key length");
        let encryption: &[u8; 16] = k[16..].try_into().expect("a 256-bit key has two halves");
        let cipher = <Aes128 as KeyInit>::new(encryption.into());
        FernetKey { keyed_mac, cipher }
    }

    fn mac(&self) -> HmacSha256 {
        self.keyed_mac.clone()
    }

    /// Encrypts with the current time and a random IV.
    pub fn encrypt(&self, plaintext: &[u8]) -> crate::error::Result<String> {
        let iv = crate::crypto::random::nonce::<16>()?;
        Ok(self.encrypt_at(plaintext, unix_now(), &iv))
    }

    /// Encrypts with a given timestamp and IV (test vectors; MultiFernet's
    /// rotate keeps the original timestamp).
    pub fn encrypt_at(&self, plaintext: &[u8], timestamp: u64, iv: &[u8; 16]) -> String {
        use std::cell::RefCell;
        // The binary token is built in a per-thread buffer, reused: a
        // rotation encrypts millions of values and the allocator showed in
        // its profile. The plaintext is in it only while it is encrypted in
        // place; what stays is ciphertext.
        thread_local! {
            static RAW: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
        }
        RAW.with(|raw| {
            let mut raw = raw.borrow_mut();
            self.encrypt_into(&mut raw, plaintext, timestamp, iv);
            b64::encode(Alphabet::UrlSafe, &raw)
        })
    }

    /// The binary token before base64.
    pub fn encrypt_raw(&self, plaintext: &[u8], timestamp: u64, iv: &[u8; 16]) -> Vec<u8> {
        let mut out = Vec::new();
        self.encrypt_into(&mut out, plaintext, timestamp, iv);
        out
    }

    /// Writes the binary token into `out` (cleared first).
    fn encrypt_into(&self, out: &mut Vec<u8>, plaintext: &[u8], timestamp: u64, iv: &[u8; 16]) {
        let padded_len = (plaintext.len() / 16 + 1) * 16;
        out.clear();
        out.reserve(HEADER_LEN + padded_len + MAC_LEN);
        out.push(VERSION);
        out.extend_from_slice(&timestamp.to_be_bytes());
        out.extend_from_slice(iv);
        out.extend_from_slice(plaintext);
        out.resize(HEADER_LEN + padded_len, 0);
        let enc = cbc::Encryptor::<Aes128>::inner_iv_init(self.cipher.clone(), iv.into());
        enc.encrypt_padded::<Pkcs7>(&mut out[HEADER_LEN..], plaintext.len())
            .expect("buffer sized for PKCS#7 padding");
        let mut mac = self.mac();
        mac.update(out);
        let tag = mac.finalize().into_bytes();
        out.extend_from_slice(&tag);
    }

    /// Decrypts a token. With `ttl = Some((ttl, now))` the token must be no
    /// older than `ttl` seconds at `now` and not from more than 60 s in the
    /// future, exactly as Python's `Fernet.decrypt(token, ttl)`.
    pub fn decrypt(
        &self,
        token: &str,
        ttl: Option<(u64, u64)>,
    ) -> Result<Zeroizing<Vec<u8>>, FernetError> {
        let data = decode(token)?;
        self.authenticate(&data, ttl)?;
        self.open_authenticated(data)
    }

    /// Decrypts the binary form.
    pub fn decrypt_raw(
        &self,
        data: &[u8],
        ttl: Option<(u64, u64)>,
    ) -> Result<Zeroizing<Vec<u8>>, FernetError> {
        self.authenticate(data, ttl)?;
        self.open_authenticated(data.to_vec())
    }

    /// Checks a binary token's MAC (in constant time) and, with `ttl`, its
    /// age; decrypts nothing. Returns its timestamp.
    pub fn authenticate(&self, data: &[u8], ttl: Option<(u64, u64)>) -> Result<u64, FernetError> {
        let timestamp = timestamp_raw(data)?;
        if data.len() < HEADER_LEN + 16 + MAC_LEN {
            return Err(FernetError::TooShort(data.len()));
        }
        let (body, tag) = data.split_at(data.len() - MAC_LEN);
        let mut mac = self.mac();
        mac.update(body);
        mac.verify_slice(tag).map_err(|_| FernetError::AuthFailed)?;
        if let Some((ttl, now)) = ttl {
            if timestamp.saturating_add(ttl) < now {
                return Err(FernetError::Expired {
                    age: now.saturating_sub(timestamp),
                    ttl,
                });
            }
            if now.saturating_add(MAX_CLOCK_SKEW) < timestamp {
                return Err(FernetError::FromFuture(timestamp - now));
            }
        }
        Ok(timestamp)
    }

    /// Decrypts a binary token that [`authenticate`](Self::authenticate)
    /// accepted, in place in its own buffer: no copy of the ciphertext.
    /// Calling it on a token that was not authenticated first is a padding
    /// oracle: it is only ever called after `authenticate`.
    pub fn open_authenticated(&self, data: Vec<u8>) -> Result<Zeroizing<Vec<u8>>, FernetError> {
        // Wrapped before decrypting: the buffer holds plaintext from here
        // on, and is wiped however this returns.
        let mut data = Zeroizing::new(data);
        if data.len() < HEADER_LEN + 16 + MAC_LEN {
            return Err(FernetError::TooShort(data.len()));
        }
        let end = data.len() - MAC_LEN;
        if !(end - HEADER_LEN).is_multiple_of(16) {
            return Err(FernetError::BadPayload);
        }
        let iv: [u8; 16] = data[9..HEADER_LEN].try_into().expect("16-byte IV");
        let dec = cbc::Decryptor::<Aes128>::inner_iv_init(self.cipher.clone(), (&iv).into());
        let len = dec
            .decrypt_padded::<Pkcs7>(&mut data[HEADER_LEN..end])
            .map_err(|_| FernetError::BadPayload)?
            .len();
        data.copy_within(HEADER_LEN..HEADER_LEN + len, 0);
        data.truncate(len);
        Ok(data)
    }
}

/// Decodes a token's base64 (padding optional, surrounding blanks ignored).
pub fn decode(token: &str) -> Result<Vec<u8>, FernetError> {
    b64::decode(Alphabet::UrlSafe, token.trim()).ok_or(FernetError::NotBase64)
}

/// The token's timestamp (not authenticated until it is decrypted).
pub fn timestamp(token: &str) -> Result<u64, FernetError> {
    timestamp_raw(&decode(token)?)
}

fn timestamp_raw(data: &[u8]) -> Result<u64, FernetError> {
    if data.first() != Some(&VERSION) {
        return Err(if data.is_empty() {
            FernetError::TooShort(0)
        } else {
            FernetError::BadVersion
        });
    }
    if data.len() < 9 {
        return Err(FernetError::TooShort(data.len()));
    }
    Ok(u64::from_be_bytes(data[1..9].try_into().expect("8 bytes")))
}

/// Seconds since the Unix epoch.
pub fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::Value;
    use time::OffsetDateTime;
    use time::format_description::well_known::Rfc3339;

    /// What a `FernetKey` holds wipes itself when dropped: the keyed HMAC is
    /// two SHA-256 states (key XOR ipad, key XOR opad) whose core zeroizes on
    /// drop with sha2's `zeroize` feature (`Hmac` itself declares no marker),
    /// and the AES-128 key schedule zeroizes with aes's.
    #[test]
    fn the_key_states_zeroize_on_drop() {
        fn zeroizes_on_drop<T: zeroize::ZeroizeOnDrop>() {}
        zeroizes_on_drop::<sha2::block_api::Sha256VarCore>();
        zeroizes_on_drop::<Aes128>();
    }

    fn vectors(name: &str) -> Vec<Value> {
        let path = format!(
            "{}/tests/data/vectors/fernet/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    fn key(v: &Value) -> FernetKey {
        FernetKey::new(&Key256::parse(v["secret"].as_str().unwrap()).unwrap().0)
    }

    fn now(v: &Value) -> u64 {
        OffsetDateTime::parse(v["now"].as_str().unwrap(), &Rfc3339)
            .unwrap()
            .unix_timestamp() as u64
    }

    #[test]
    fn spec_generate_vectors() {
        for v in vectors("generate.json") {
            let iv: Vec<u8> = v["iv"]
                .as_array()
                .unwrap()
                .iter()
                .map(|b| b.as_u64().unwrap() as u8)
                .collect();
            let token = key(&v).encrypt_at(
                v["src"].as_str().unwrap().as_bytes(),
                now(&v),
                &iv.try_into().unwrap(),
            );
            assert_eq!(token, v["token"].as_str().unwrap());
        }
    }

    #[test]
    fn spec_verify_vectors() {
        for v in vectors("verify.json") {
            let ttl = v["ttl_sec"].as_u64().unwrap();
            let pt = key(&v)
                .decrypt(v["token"].as_str().unwrap(), Some((ttl, now(&v))))
                .unwrap();
            assert_eq!(&pt[..], v["src"].as_str().unwrap().as_bytes());
        }
    }

    #[test]
    fn spec_invalid_vectors() {
        let all = vectors("invalid.json");
        assert!(all.len() >= 8);
        for v in all {
            let ttl = v["ttl_sec"].as_u64().unwrap();
            let r = key(&v).decrypt(v["token"].as_str().unwrap(), Some((ttl, now(&v))));
            assert!(r.is_err(), "{} was accepted", v["desc"]);
        }
    }

    #[test]
    fn ttl_and_clock_skew_follow_python() {
        let k = FernetKey::new(&Key256::from_bytes([1; 32]));
        let t = k.encrypt_at(b"x", 1_000, &[0; 16]);
        assert!(k.decrypt(&t, Some((10, 1_010))).is_ok());
        assert_eq!(
            k.decrypt(&t, Some((10, 1_011))),
            Err(FernetError::Expired { age: 11, ttl: 10 })
        );
        assert!(k.decrypt(&t, Some((10, 940))).is_ok());
        assert_eq!(
            k.decrypt(&t, Some((10, 939))),
            Err(FernetError::FromFuture(61))
        );
        // Without a TTL the timestamp is not checked at all.
        assert!(k.decrypt(&t, None).is_ok());
        assert_eq!(timestamp(&t).unwrap(), 1_000);
    }

    #[test]
    fn wrong_key_and_tampering_fail() {
        let k = FernetKey::new(&Key256::from_bytes([1; 32]));
        let other = FernetKey::new(&Key256::from_bytes([2; 32]));
        let raw = k.encrypt_raw(b"sensitive", 5, &[3; 16]);
        assert_eq!(other.decrypt_raw(&raw, None), Err(FernetError::AuthFailed));
        for i in 0..raw.len() {
            let mut t = raw.clone();
            t[i] ^= 0x01;
            assert!(k.decrypt_raw(&t, None).is_err(), "byte {i}");
        }
        assert_eq!(k.decrypt("S1cB", None), Err(FernetError::BadVersion));
        assert_eq!(k.decrypt("%%%", None), Err(FernetError::NotBase64));
    }

    proptest! {
        #[test]
        fn roundtrip(pt in proptest::collection::vec(any::<u8>(), 0..300), ts in any::<u64>(), iv in proptest::array::uniform16(any::<u8>())) {
            let k = FernetKey::new(&Key256::from_bytes([9; 32]));
            let token = k.encrypt_at(&pt, ts, &iv);
            prop_assert!(token.starts_with("gAAAAA") || ts > 0);
            prop_assert_eq!(&k.decrypt(&token, None).unwrap()[..], &pt[..]);
            prop_assert_eq!(timestamp(&token).unwrap(), ts);
        }

        #[test]
        fn decrypt_never_panics(data in proptest::collection::vec(any::<u8>(), 0..200)) {
            let k = FernetKey::new(&Key256::from_bytes([9; 32]));
            let _ = k.decrypt_raw(&data, Some((60, 0)));
        }
    }
}
