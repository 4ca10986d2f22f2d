//! The keyward envelope: AES-256-GCM with a self-describing header.
//!
//! Binary layout (DESIGN.md): `"KW"` | version `0x01` | key id (u32, big
//! endian) | nonce (12 random bytes) | ciphertext | tag (16 bytes). The
//! 7-byte header is authenticated as associated data, followed by the
//! caller's optional context (for example `table/column/primary-key`, which
//! stops ciphertexts being swapped between rows). Text columns hold the
//! standard base64 of the binary form.
//!
//! The AES-256-GCM underneath is aws-lc's (through `aws-lc-rs`, which
//! rustls, rcgen and jsonwebtoken already bring): it measured about twice
//! as fast as RustCrypto's `aes-gcm` for a rotation, which opens and seals
//! every value (figures: `cargo bench --bench envelope`,
//! BENCHMARKS.md). Its key schedule is wiped when the key is dropped (aws-lc
//! cleanses every allocation it frees).

use aws_lc_rs::aead::{AES_256_GCM, Aad as LcAad, LessSafeKey, Nonce, UnboundKey};
use zeroize::Zeroizing;

use crate::crypto::b64::{self, Alphabet};
use crate::crypto::keys::Key256;

/// The magic bytes every envelope starts with.
pub const MAGIC: [u8; 2] = *b"KW";
/// The only version so far.
pub const VERSION: u8 = 1;
/// Magic, version and key id.
pub const HEADER_LEN: usize = 7;
/// AES-GCM's 96-bit nonce.
pub const NONCE_LEN: usize = 12;
/// AES-GCM's 128-bit tag.
pub const TAG_LEN: usize = 16;
/// Bytes an envelope adds to its plaintext.
pub const OVERHEAD: usize = HEADER_LEN + NONCE_LEN + TAG_LEN;

/// Why an envelope could not be opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EnvelopeError {
    /// Shorter than header, nonce and tag.
    #[error("not a keyward envelope: {0} bytes, fewer than the {OVERHEAD} every envelope has")]
    TooShort(usize),
    /// Does not start with "KW".
    #[error("not a keyward envelope: it does not start with \"KW\"")]
    BadMagic,
    /// A version this keyward does not know.
    #[error("keyward envelope version {0} is not supported (this keyward reads version 1)")]
    UnsupportedVersion(u8),
    /// Wrong key, wrong context, or the data was changed.
    #[error("authentication failed: wrong key or context, or the value was altered")]
    AuthFailed,
    /// Not base64.
    #[error("not a keyward envelope: the text is not base64")]
    NotBase64,
}

/// The authenticated header of an envelope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    /// Format version (1).
    pub version: u8,
    /// The id of the key that sealed it.
    pub key_id: u32,
}

/// Reads the header without decrypting (which key is needed?).
pub fn parse_header(data: &[u8]) -> Result<Header, EnvelopeError> {
    if data.len() < OVERHEAD {
        if data.len() >= 2 && data[..2] != MAGIC {
            return Err(EnvelopeError::BadMagic);
        }
        return Err(EnvelopeError::TooShort(data.len()));
    }
    if data[..2] != MAGIC {
        return Err(EnvelopeError::BadMagic);
    }
    if data[2] != VERSION {
        return Err(EnvelopeError::UnsupportedVersion(data[2]));
    }
    let key_id = u32::from_be_bytes([data[3], data[4], data[5], data[6]]);
    Ok(Header {
        version: data[2],
        key_id,
    })
}

/// A key ready to seal and open envelopes. Build it once and reuse it: the
/// AES key schedule is computed here, not per value.
pub struct EnvelopeKey {
    cipher: LessSafeKey,
    key_id: u32,
}

impl std::fmt::Debug for EnvelopeKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "EnvelopeKey {{ key_id: {}, key: [redacted] }}",
            self.key_id
        )
    }
}

impl EnvelopeKey {
    /// Prepares `key`, which seals under `key_id`.
    pub fn new(key: &Key256, key_id: u32) -> Self {
        EnvelopeKey {
            cipher: gcm_key(key),
            key_id,
        }
    }

    /// The key id written into envelopes sealed with this key.
    pub fn key_id(&self) -> u32 {
        self.key_id
    }

    /// Seals `plaintext` with a fresh random nonce.
    pub fn seal(&self, plaintext: &[u8], context: Option<&[u8]>) -> crate::error::Result<Vec<u8>> {
        let nonce = crate::crypto::random::nonce::<NONCE_LEN>()?;
        Ok(self.seal_with_nonce(plaintext, context, &nonce))
    }

    /// Seals with a caller-chosen nonce. Reusing a nonce under one key breaks
    /// GCM completely: this exists for test vectors and for callers that draw
    /// nonces in bulk from the CSPRNG.
    pub fn seal_with_nonce(
        &self,
        plaintext: &[u8],
        context: Option<&[u8]>,
        nonce: &[u8; NONCE_LEN],
    ) -> Vec<u8> {
        let mut out = Vec::new();
        self.seal_into(&mut out, plaintext, context, nonce);
        out
    }

    /// Writes the envelope into `out` (cleared first).
    fn seal_into(
        &self,
        out: &mut Vec<u8>,
        plaintext: &[u8],
        context: Option<&[u8]>,
        nonce: &[u8; NONCE_LEN],
    ) {
        out.clear();
        out.reserve(plaintext.len() + OVERHEAD);
        out.extend_from_slice(&MAGIC);
        out.push(VERSION);
        out.extend_from_slice(&self.key_id.to_be_bytes());
        out.extend_from_slice(nonce);
        out.extend_from_slice(plaintext);
        let body_start = HEADER_LEN + NONCE_LEN;
        let (head, body) = out.split_at_mut(body_start);
        let aad = Aad::new(&head[..HEADER_LEN], context);
        let tag = self
            .cipher
            .seal_in_place_separate_tag(
                Nonce::assume_unique_for_key(*nonce),
                LcAad::from(aad.as_slice()),
                body,
            )
            // Only fails past GCM's length limits (64 GiB), far beyond one value.
            .expect("AES-GCM plaintext length limit exceeded");
        out.extend_from_slice(tag.as_ref());
    }

    /// Opens an envelope sealed under any key id (the caller chose this key
    /// for it); see [`parse_header`] to learn the id first.
    pub fn open(
        &self,
        data: &[u8],
        context: Option<&[u8]>,
    ) -> Result<Zeroizing<Vec<u8>>, EnvelopeError> {
        parse_header(data)?;
        let (head, rest) = data.split_at(HEADER_LEN);
        let (nonce, rest) = rest.split_at(NONCE_LEN);
        let (ct, tag) = rest.split_at(rest.len() - TAG_LEN);
        // Lengths were checked by parse_header.
        let nonce: &[u8; NONCE_LEN] = nonce
            .try_into()
            .map_err(|_| EnvelopeError::TooShort(data.len()))?;
        let tag: &[u8; TAG_LEN] = tag
            .try_into()
            .map_err(|_| EnvelopeError::TooShort(data.len()))?;
        let mut buf = Zeroizing::new(vec![0u8; ct.len()]);
        let aad = Aad::new(head, context);
        self.cipher
            .open_separate_gather(
                Nonce::assume_unique_for_key(*nonce),
                LcAad::from(aad.as_slice()),
                ct,
                tag,
                &mut buf,
            )
            .map_err(|_| EnvelopeError::AuthFailed)?;
        Ok(buf)
    }

    /// Seals and returns standard base64, for text columns.
    pub fn seal_base64(
        &self,
        plaintext: &[u8],
        context: Option<&[u8]>,
    ) -> crate::error::Result<String> {
        use std::cell::RefCell;
        // The binary envelope is built in a per-thread buffer, reused (a
        // rotation seals millions); the plaintext is in it only while it is
        // encrypted in place, and what stays is ciphertext.
        thread_local! {
            static RAW: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
        }
        let nonce = crate::crypto::random::nonce::<NONCE_LEN>()?;
        Ok(RAW.with(|raw| {
            let mut raw = raw.borrow_mut();
            self.seal_into(&mut raw, plaintext, context, &nonce);
            b64::encode(Alphabet::Standard, &raw)
        }))
    }

    /// Opens the standard base64 form.
    pub fn open_base64(
        &self,
        text: &str,
        context: Option<&[u8]>,
    ) -> Result<Zeroizing<Vec<u8>>, EnvelopeError> {
        let data = decode_base64(text)?;
        self.open(&data, context)
    }
}

/// Decodes the base64 text form (padding optional, whitespace around ignored).
pub fn decode_base64(text: &str) -> Result<Vec<u8>, EnvelopeError> {
    b64::decode(Alphabet::Standard, text.trim()).ok_or(EnvelopeError::NotBase64)
}

/// Header plus context as one contiguous AAD, without allocating when there
/// is no context (the common case, and the hot path of a rotation).
struct Aad<'a> {
    header: &'a [u8],
    joined: Option<Vec<u8>>,
}

impl<'a> Aad<'a> {
    fn new(header: &'a [u8], context: Option<&[u8]>) -> Self {
        let joined = context.map(|c| {
            let mut v = Vec::with_capacity(header.len() + c.len());
            v.extend_from_slice(header);
            v.extend_from_slice(c);
            v
        });
        Aad { header, joined }
    }

    fn as_slice(&self) -> &[u8] {
        self.joined.as_deref().unwrap_or(self.header)
    }
}

/// aws-lc's AES-256-GCM keyed with `key` (a 256-bit key always fits).
fn gcm_key(key: &Key256) -> LessSafeKey {
    LessSafeKey::new(
        UnboundKey::new(&AES_256_GCM, key.expose()).expect("AES-256-GCM takes a 32-byte key"),
    )
}

/// Raw AES-256-GCM with a 96-bit nonce and 128-bit tag, the primitive under
/// the envelope, exposed so that published test vectors can check it.
pub fn aes256gcm_open(
    key: &Key256,
    nonce: &[u8; NONCE_LEN],
    aad: &[u8],
    ciphertext: &[u8],
    tag: &[u8; TAG_LEN],
) -> Option<Vec<u8>> {
    let mut buf = vec![0u8; ciphertext.len()];
    gcm_key(key)
        .open_separate_gather(
            Nonce::assume_unique_for_key(*nonce),
            LcAad::from(aad),
            ciphertext,
            tag,
            &mut buf,
        )
        .ok()
        .map(|_| buf)
}

/// Raw AES-256-GCM seal, returning ciphertext and tag (for test vectors).
pub fn aes256gcm_seal(
    key: &Key256,
    nonce: &[u8; NONCE_LEN],
    aad: &[u8],
    plaintext: &[u8],
) -> (Vec<u8>, [u8; TAG_LEN]) {
    let mut buf = plaintext.to_vec();
    let tag = gcm_key(key)
        .seal_in_place_separate_tag(
            Nonce::assume_unique_for_key(*nonce),
            LcAad::from(aad),
            &mut buf,
        )
        .expect("AES-GCM length limit");
    let mut t = [0u8; TAG_LEN];
    t.copy_from_slice(tag.as_ref());
    (buf, t)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A wrong key or context fails as an authentication failure and leaves
    /// the envelope to try with the next key (aws-lc clears the output of a
    /// failed open, so keyward always opens into a buffer of its own).
    #[test]
    fn a_failed_open_leaves_the_envelope_for_the_next_key() {
        let k1 = EnvelopeKey::new(&Key256::from_bytes([1; 32]), 1);
        let k2 = EnvelopeKey::new(&Key256::from_bytes([2; 32]), 2);
        let sealed = k1.seal(b"a memory worth keeping", Some(b"t/c/1")).unwrap();
        let copy = sealed.clone();
        let err = k2.open(&sealed, Some(b"t/c/1")).unwrap_err();
        assert_eq!(err, EnvelopeError::AuthFailed);
        assert_eq!(sealed, copy);
        assert_eq!(
            k1.open(&sealed, Some(b"t/c/2")).unwrap_err(),
            EnvelopeError::AuthFailed
        );
        assert_eq!(sealed, copy);
        assert_eq!(
            &k1.open(&sealed, Some(b"t/c/1")).unwrap()[..],
            b"a memory worth keeping"
        );
        let err = k1.open(&sealed[..10], None).unwrap_err();
        assert!(matches!(err, EnvelopeError::TooShort(_)), "{err:?}");
    }
    use proptest::prelude::*;

    fn key(b: u8) -> Key256 {
        Key256::from_bytes([b; 32])
    }

    #[test]
    fn layout_matches_design() {
        let k = EnvelopeKey::new(&key(7), 0x01020304);
        let env = k.seal_with_nonce(b"hello", None, &[9u8; 12]);
        assert_eq!(&env[..7], b"KW\x01\x01\x02\x03\x04");
        assert_eq!(&env[7..19], &[9u8; 12]);
        assert_eq!(env.len(), 5 + OVERHEAD);
        assert_eq!(
            parse_header(&env).unwrap(),
            Header {
                version: 1,
                key_id: 0x01020304
            }
        );
        // The body is plain AES-256-GCM with the header as AAD.
        let (ct, tag) = aes256gcm_seal(&key(7), &[9u8; 12], &env[..7], b"hello");
        assert_eq!(&env[19..24], &ct[..]);
        assert_eq!(&env[24..], &tag[..]);
        // With a context, the AAD is header || context.
        let envc = k.seal_with_nonce(b"hello", Some(b"t/c/1"), &[9u8; 12]);
        let (_, tagc) = aes256gcm_seal(
            &key(7),
            &[9u8; 12],
            b"KW\x01\x01\x02\x03\x04t/c/1",
            b"hello",
        );
        assert_eq!(&envc[24..], &tagc[..]);
    }

    /// Wycheproof's AES-256-GCM vectors with 96-bit nonces and 128-bit
    /// tags (tests/data/vectors/aes-gcm, 66 cases, 27 with a modified tag):
    /// every valid one seals to its ciphertext and tag and opens back, and
    /// no invalid one opens.
    #[test]
    fn wycheproof_aes256gcm_vectors() {
        let path = format!(
            "{}/tests/data/vectors/aes-gcm/aes256gcm_iv96_tag128_subset.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let doc: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let hex = |v: &serde_json::Value| hex::decode(v.as_str().unwrap()).unwrap();
        let (mut valid, mut invalid) = (0, 0);
        for group in doc["testGroups"].as_array().unwrap() {
            for t in group["tests"].as_array().unwrap() {
                let id = &t["tcId"];
                let key = Key256::from_bytes(hex(&t["key"]).try_into().unwrap());
                let nonce: [u8; NONCE_LEN] = hex(&t["iv"]).try_into().unwrap();
                let tag: [u8; TAG_LEN] = hex(&t["tag"]).try_into().unwrap();
                let (aad, msg, ct) = (hex(&t["aad"]), hex(&t["msg"]), hex(&t["ct"]));
                let opened = aes256gcm_open(&key, &nonce, &aad, &ct, &tag);
                match t["result"].as_str().unwrap() {
                    "valid" => {
                        valid += 1;
                        assert_eq!(opened.as_deref(), Some(&msg[..]), "tcId {id}");
                        let (c, g) = aes256gcm_seal(&key, &nonce, &aad, &msg);
                        assert_eq!((c, g), (ct, tag), "tcId {id}");
                    }
                    _ => {
                        invalid += 1;
                        assert_eq!(opened, None, "tcId {id} opened");
                    }
                }
            }
        }
        assert_eq!((valid, invalid), (39, 27));
    }

    #[test]
    fn wrong_key_context_or_header_fails_authentication() {
        let k = EnvelopeKey::new(&key(1), 5);
        let env = k.seal(b"secret", Some(b"users/email/42")).unwrap();
        assert_eq!(
            &k.open(&env, Some(b"users/email/42")).unwrap()[..],
            b"secret"
        );
        assert_eq!(
            k.open(&env, Some(b"users/email/43")),
            Err(EnvelopeError::AuthFailed)
        );
        assert_eq!(k.open(&env, None), Err(EnvelopeError::AuthFailed));
        let other = EnvelopeKey::new(&key(2), 5);
        assert_eq!(
            other.open(&env, Some(b"users/email/42")),
            Err(EnvelopeError::AuthFailed)
        );
        // Changing the key id in the header is detected: it is authenticated.
        let mut swapped = env.clone();
        swapped[6] ^= 1;
        assert_eq!(
            k.open(&swapped, Some(b"users/email/42")),
            Err(EnvelopeError::AuthFailed)
        );
    }

    #[test]
    fn malformed_envelopes_are_named() {
        let k = EnvelopeKey::new(&key(1), 1);
        assert_eq!(k.open(b"KW\x01", None), Err(EnvelopeError::TooShort(3)));
        assert_eq!(k.open(&[0u8; 40], None), Err(EnvelopeError::BadMagic));
        let mut v2 = k.seal(b"x", None).unwrap();
        v2[2] = 2;
        assert_eq!(k.open(&v2, None), Err(EnvelopeError::UnsupportedVersion(2)));
        assert_eq!(k.open_base64("***", None), Err(EnvelopeError::NotBase64));
    }

    #[test]
    fn every_flipped_bit_is_detected() {
        let k = EnvelopeKey::new(&key(3), 9);
        let env = k.seal(b"sensitive data", None).unwrap();
        for i in 0..env.len() {
            for bit in 0..8 {
                let mut t = env.clone();
                t[i] ^= 1 << bit;
                assert!(k.open(&t, None).is_err(), "byte {i} bit {bit}");
            }
        }
    }

    proptest! {
        #[test]
        fn seal_open_roundtrip(pt in proptest::collection::vec(any::<u8>(), 0..2048),
                               ctx in proptest::option::of(proptest::collection::vec(any::<u8>(), 0..64)),
                               id in any::<u32>()) {
            let k = EnvelopeKey::new(&key(4), id);
            let text = k.seal_base64(&pt, ctx.as_deref()).unwrap();
            prop_assert!(text.starts_with("S1cB"));
            let back = k.open_base64(&text, ctx.as_deref()).unwrap();
            prop_assert_eq!(&back[..], &pt[..]);
            prop_assert_eq!(parse_header(&decode_base64(&text).unwrap()).unwrap().key_id, id);
        }

        #[test]
        fn open_never_panics(data in proptest::collection::vec(any::<u8>(), 0..128)) {
            let k = EnvelopeKey::new(&key(4), 1);
            let _ = k.open(&data, None);
        }
    }
}
