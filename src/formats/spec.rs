//! A homegrown format described in a few lines of TOML (`spec:PATH`):
//!
//! ```toml
//! cipher = "aes-256-gcm"            # aes-256-gcm | chacha20-poly1305 | fernet | rsa-oaep-aes-256-gcm
//! encoding = "base64"               # base64 | base64url | base64url-nopad | hex | raw
//! layout = ["nonce:12", "ciphertext", "tag:16"]
//! # or: json = { ciphertext = "ct", nonce = "iv", tag = "tag", salt = "salt", version = "v" }
//! [key]
//! derive = "sha256"                 # none | sha256 | pbkdf2-sha256 | scrypt | hkdf-sha256
//! # iterations, n, r, p, salt = "record" or salt-hex = "...", info = "..."
//! ```
//!
//! A layout is the order in which the parts are concatenated before the
//! encoding: `nonce:N`, `tag:N`, `salt:N`, `wrapped_key:N`, a literal
//! `prefix:TEXT`, and exactly one `ciphertext` (whose length is what is
//! left). Without a `tag` part the tag is the ciphertext's last 16 bytes,
//! as Python's `AESGCM.encrypt` returns it. A `json` record names the field
//! of each part instead; its binary fields are in `encoding`. With
//! `cipher = "fernet"` the value is the Fernet token's text, encoded once
//! more by `encoding` (`raw` is canonical Fernet, `base64` seed 000's form).
//! With `rsa-oaep-aes-256-gcm` a `wrapped_key` part holds the 32-byte data
//! key encrypted with RSA-OAEP-SHA256; its keys are PEM files, and a
//! rotation re-wraps the data key without touching the data.
//!
//! A mistake in a spec is exit 3 naming the file, the key and the line.

use std::collections::BTreeMap;
use std::path::Path;

use aws_lc_rs::aead::{
    AES_256_GCM, Aad, Algorithm, CHACHA20_POLY1305, LessSafeKey, Nonce, UnboundKey,
};
use aws_lc_rs::rsa::{
    OAEP_SHA256_MGF1SHA256, OaepPrivateDecryptingKey, OaepPublicEncryptingKey,
    PrivateDecryptingKey, PublicEncryptingKey,
};
use serde::Deserialize;
use toml::Spanned;
use zeroize::Zeroizing;

use crate::crypto::b64::{self, Alphabet};
use crate::crypto::fernet::{FernetError, FernetKey};
use crate::crypto::kdf::Kdf;
use crate::crypto::keys::{KEY_LEN, Key256};
use crate::error::{Error, Result};

use super::Open;
use super::derive::{DeriveSpec, Salt};

/// The AEAD nonce length of both AEAD ciphers.
const NONCE_LEN: usize = 12;
/// The AEAD tag length of both AEAD ciphers.
const TAG_LEN: usize = 16;

/// The cipher of a spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cipher {
    /// AES-256-GCM.
    Aes256Gcm,
    /// ChaCha20-Poly1305 (RFC 8439).
    ChaCha20Poly1305,
    /// A Fernet token.
    Fernet,
    /// A data key wrapped with RSA-OAEP-SHA256, the data in AES-256-GCM.
    RsaOaepAes256Gcm,
}

impl Cipher {
    const NAMES: &'static str = "aes-256-gcm, chacha20-poly1305, fernet, rsa-oaep-aes-256-gcm";

    fn parse(s: &str) -> Option<Cipher> {
        Some(match s {
            "aes-256-gcm" => Cipher::Aes256Gcm,
            "chacha20-poly1305" => Cipher::ChaCha20Poly1305,
            "fernet" => Cipher::Fernet,
            "rsa-oaep-aes-256-gcm" => Cipher::RsaOaepAes256Gcm,
            _ => return None,
        })
    }

    fn aead(self) -> &'static Algorithm {
        match self {
            Cipher::ChaCha20Poly1305 => &CHACHA20_POLY1305,
            _ => &AES_256_GCM,
        }
    }
}

/// How the bytes are written in the column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// Standard base64, padded.
    Base64,
    /// URL-safe base64, padded.
    Base64Url,
    /// URL-safe base64 without padding.
    Base64UrlNoPad,
    /// Lowercase hex.
    Hex,
    /// The bytes themselves (a BLOB column, or text for Fernet).
    Raw,
}

impl Encoding {
    const NAMES: &'static str = "base64, base64url, base64url-nopad, hex, raw";

    fn parse(s: &str) -> Option<Encoding> {
        Some(match s {
            "base64" => Encoding::Base64,
            "base64url" => Encoding::Base64Url,
            "base64url-nopad" => Encoding::Base64UrlNoPad,
            "hex" => Encoding::Hex,
            "raw" => Encoding::Raw,
            _ => return None,
        })
    }

    /// Decodes a column value (or a JSON field).
    pub fn decode(self, value: &[u8]) -> Option<Vec<u8>> {
        let text = || std::str::from_utf8(value).ok().map(str::trim);
        match self {
            Encoding::Raw => Some(value.to_vec()),
            Encoding::Hex => hex::decode(text()?).ok(),
            Encoding::Base64 => b64::decode(Alphabet::Standard, text()?),
            Encoding::Base64Url | Encoding::Base64UrlNoPad => {
                b64::decode(Alphabet::UrlSafe, text()?)
            }
        }
    }

    /// Encodes bytes for the column.
    pub fn encode(self, bytes: &[u8]) -> Vec<u8> {
        match self {
            Encoding::Raw => bytes.to_vec(),
            Encoding::Hex => hex::encode(bytes).into_bytes(),
            Encoding::Base64 => b64::encode(Alphabet::Standard, bytes).into_bytes(),
            Encoding::Base64Url => b64::encode(Alphabet::UrlSafe, bytes).into_bytes(),
            Encoding::Base64UrlNoPad => b64::encode(Alphabet::UrlSafe, bytes)
                .trim_end_matches('=')
                .as_bytes()
                .to_vec(),
        }
    }
}

/// One part of a layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Literal bytes.
    Prefix(Vec<u8>),
    /// The AEAD nonce.
    Nonce(usize),
    /// The AEAD tag.
    Tag(usize),
    /// The salt of a per-value key derivation.
    Salt(usize),
    /// The RSA-OAEP-wrapped data key.
    WrappedKey(usize),
    /// The ciphertext: whatever the fixed parts leave.
    Ciphertext,
}

/// Where a value's parts are: concatenated, or fields of a JSON object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// Parts in this order.
    Layout(Vec<Part>),
    /// Field names of a JSON object.
    Json(JsonFields),
    /// The whole value is the (encoded) token: Fernet.
    Token,
}

/// The JSON field holding each part.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct JsonFields {
    /// The ciphertext's field.
    pub ciphertext: String,
    /// The nonce's field.
    pub nonce: Option<String>,
    /// The tag's field (none: the tag ends the ciphertext).
    pub tag: Option<String>,
    /// The salt's field.
    pub salt: Option<String>,
    /// A key version's field (an integer, kept as it is).
    pub version: Option<String>,
    /// The wrapped data key's field.
    pub wrapped_key: Option<String>,
}

/// A parsed, checked format spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    /// The cipher.
    pub cipher: Cipher,
    /// The encoding of the column (and of JSON fields).
    pub encoding: Encoding,
    /// Where the parts are.
    pub shape: Shape,
    /// How the key is derived from the secret's text (AEAD and Fernet
    /// ciphers; RSA keys are PEM files).
    pub derive: DeriveSpec,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSpec {
    cipher: Spanned<String>,
    encoding: Option<Spanned<String>>,
    layout: Option<Spanned<Vec<Spanned<String>>>>,
    json: Option<Spanned<BTreeMap<String, Spanned<String>>>>,
    key: Option<Spanned<RawKey>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawKey {
    derive: Option<Spanned<String>>,
    iterations: Option<Spanned<u64>>,
    n: Option<Spanned<u64>>,
    r: Option<Spanned<u64>>,
    p: Option<Spanned<u64>>,
    salt: Option<Spanned<String>>,
    salt_hex: Option<Spanned<String>>,
    info: Option<Spanned<String>>,
}

/// A spec mistake: the message and the byte offset it is about.
struct Mistake(String, std::ops::Range<usize>);

fn at<T>(s: &Spanned<T>, message: impl Into<String>) -> Mistake {
    Mistake(message.into(), s.span())
}

impl Spec {
    /// Reads and checks a spec file (bounded, like every input).
    pub fn load(path: &Path) -> Result<Spec> {
        let text = crate::fsutil::read_text_bounded(path, 1 << 20)?;
        Spec::parse(&text, &path.display().to_string())
    }

    /// Parses and checks a spec; `origin` names it in errors.
    pub fn parse(text: &str, origin: &str) -> Result<Spec> {
        let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
        let raw: RawSpec = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(s.start)).unwrap_or(1);
            Error::bad_input(format!(
                "format spec {origin}, line {line}: {}",
                e.message().trim().replace('\n', " ")
            ))
        })?;
        Spec::check(raw).map_err(|Mistake(message, span)| {
            Error::bad_input(format!(
                "format spec {origin}, line {}: {message}",
                line_of(span.start)
            ))
        })
    }

    fn check(raw: RawSpec) -> std::result::Result<Spec, Mistake> {
        let cipher = Cipher::parse(raw.cipher.get_ref()).ok_or_else(|| {
            at(
                &raw.cipher,
                format!(
                    "cipher = {:?} is not one of {}",
                    raw.cipher.get_ref(),
                    Cipher::NAMES
                ),
            )
        })?;
        let encoding = match &raw.encoding {
            None => Encoding::Base64,
            Some(e) => Encoding::parse(e.get_ref()).ok_or_else(|| {
                at(
                    e,
                    format!(
                        "encoding = {:?} is not one of {}",
                        e.get_ref(),
                        Encoding::NAMES
                    ),
                )
            })?,
        };
        let shape = match (&raw.layout, &raw.json) {
            (Some(_), Some(j)) => return Err(at(j, "give layout or json, not both")),
            (Some(l), None) => Shape::Layout(parse_layout(l)?),
            (None, Some(j)) => Shape::Json(parse_json(j)?),
            (None, None) if cipher == Cipher::Fernet => Shape::Token,
            (None, None) => {
                return Err(at(
                    &raw.cipher,
                    "a layout (or json) is needed: the order of nonce, ciphertext and tag",
                ));
            }
        };
        let derive = match &raw.key {
            None => DeriveSpec::None,
            Some(k) => parse_key(k)?,
        };
        let spec = Spec {
            cipher,
            encoding,
            shape,
            derive,
        };
        spec.check_parts(&raw)?;
        Ok(spec)
    }

    /// The parts a cipher needs, and nothing it cannot use.
    fn check_parts(&self, raw: &RawSpec) -> std::result::Result<(), Mistake> {
        let where_ = || -> std::ops::Range<usize> {
            raw.layout
                .as_ref()
                .map(|l| l.span())
                .or_else(|| raw.json.as_ref().map(|j| j.span()))
                .unwrap_or_else(|| raw.cipher.span())
        };
        let has = |want: fn(&Part) -> bool, json: fn(&JsonFields) -> bool| match &self.shape {
            Shape::Layout(parts) => parts.iter().any(want),
            Shape::Json(f) => json(f),
            Shape::Token => false,
        };
        let nonce = has(|p| matches!(p, Part::Nonce(_)), |f| f.nonce.is_some());
        let salt = has(|p| matches!(p, Part::Salt(_)), |f| f.salt.is_some());
        let wrapped = has(
            |p| matches!(p, Part::WrappedKey(_)),
            |f| f.wrapped_key.is_some(),
        );
        let fail = |m: &str| Err(Mistake(m.to_string(), where_()));
        match self.cipher {
            Cipher::Fernet if self.shape != Shape::Token => {
                return fail(
                    "cipher = \"fernet\" takes no layout or json: the value is the token (encoded once more by `encoding`, or raw)",
                );
            }
            Cipher::Fernet => {}
            _ if !nonce => return fail("the layout (or json) has no nonce part (nonce:12)"),
            _ => {}
        }
        if let Shape::Layout(parts) = &self.shape {
            for p in parts {
                match p {
                    Part::Nonce(n) if *n != NONCE_LEN => {
                        return fail(&format!(
                            "nonce:{n}: this cipher's nonce is {NONCE_LEN} bytes"
                        ));
                    }
                    Part::Tag(n) if *n != TAG_LEN => {
                        return fail(&format!("tag:{n}: this cipher's tag is {TAG_LEN} bytes"));
                    }
                    _ => {}
                }
            }
        }
        match (self.cipher == Cipher::RsaOaepAes256Gcm, wrapped) {
            (true, false) => {
                return fail(
                    "rsa-oaep-aes-256-gcm needs a wrapped_key part (wrapped_key:512 for RSA-4096)",
                );
            }
            (false, true) => {
                return fail("a wrapped_key part is only for cipher = \"rsa-oaep-aes-256-gcm\"");
            }
            _ => {}
        }
        if self.cipher == Cipher::RsaOaepAes256Gcm
            && let Some(key) = &raw.key
        {
            return Err(at(
                key,
                "[key] does not apply to rsa-oaep-aes-256-gcm: its keys are PEM files (--from-key-file, --to-key-file)",
            ));
        }
        match (self.derive.per_record(), salt) {
            (true, false) => {
                fail("[key] salt = \"record\" needs a salt part (salt:16) in the layout or json")
            }
            (false, true) => fail(
                "the layout (or json) has a salt part but [key] does not use salt = \"record\"",
            ),
            _ => Ok(()),
        }
    }

    /// Whether each value's key is derived anew (a per-value KDF).
    pub fn per_value_kdf(&self) -> bool {
        self.derive.per_record()
    }

    /// Splits a stored value into its parts; not this format when its
    /// shape does not fit.
    pub fn split(&self, value: &[u8]) -> std::result::Result<Parts, Open> {
        match &self.shape {
            Shape::Token => {
                let inner = self.encoding.decode(value).ok_or(Open::NotThisFormat)?;
                let token = String::from_utf8(inner).map_err(|_| Open::NotThisFormat)?;
                if !token.trim().starts_with("gAAAAA") {
                    return Err(Open::NotThisFormat);
                }
                Ok(Parts {
                    token: Some(token.trim().to_string()),
                    ..Parts::default()
                })
            }
            Shape::Layout(layout) => {
                let bytes = self.encoding.decode(value).ok_or(Open::NotThisFormat)?;
                split_layout(layout, &bytes)
            }
            Shape::Json(fields) => self.split_json(fields, value),
        }
    }

    fn split_json(&self, f: &JsonFields, value: &[u8]) -> std::result::Result<Parts, Open> {
        let text = std::str::from_utf8(value).map_err(|_| Open::NotThisFormat)?;
        let obj: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(text.trim()).map_err(|_| Open::NotThisFormat)?;
        if !obj.contains_key(&f.ciphertext) {
            return Err(Open::NotThisFormat);
        }
        let get = |name: &Option<String>| -> std::result::Result<Option<Vec<u8>>, Open> {
            let Some(name) = name else { return Ok(None) };
            let v = obj
                .get(name)
                .ok_or_else(|| Open::Malformed(format!("the record has no {name:?} field")))?;
            let s = v
                .as_str()
                .ok_or_else(|| Open::Malformed(format!("{name:?} is not a string")))?;
            self.encoding
                .decode(s.as_bytes())
                .map(Some)
                .ok_or_else(|| Open::Malformed(format!("{name:?} is not in the spec's encoding")))
        };
        let version = match &f.version {
            None => None,
            Some(name) => Some(
                obj.get(name)
                    .cloned()
                    .ok_or_else(|| Open::Malformed(format!("the record has no {name:?} field")))?,
            ),
        };
        let mut ciphertext = get(&Some(f.ciphertext.clone()))?.expect("named");
        let tag = match get(&f.tag)? {
            Some(t) => t,
            None => split_tag(&mut ciphertext)?,
        };
        Ok(Parts {
            ciphertext,
            nonce: get(&f.nonce)?,
            tag: Some(tag),
            salt: get(&f.salt)?,
            wrapped_key: get(&f.wrapped_key)?,
            version,
            prefix: Vec::new(),
            token: None,
        })
    }

    /// Puts parts back together in the stored form.
    pub fn join(&self, parts: &Parts) -> Vec<u8> {
        match &self.shape {
            Shape::Token => self
                .encoding
                .encode(parts.token.as_deref().unwrap_or_default().as_bytes()),
            Shape::Layout(layout) => {
                let mut bytes = Vec::new();
                for p in layout {
                    match p {
                        Part::Prefix(lit) => bytes.extend_from_slice(lit),
                        Part::Nonce(_) => {
                            bytes.extend_from_slice(parts.nonce.as_deref().unwrap_or_default())
                        }
                        Part::Tag(_) => {
                            bytes.extend_from_slice(parts.tag.as_deref().unwrap_or_default())
                        }
                        Part::Salt(_) => {
                            bytes.extend_from_slice(parts.salt.as_deref().unwrap_or_default())
                        }
                        Part::WrappedKey(_) => bytes
                            .extend_from_slice(parts.wrapped_key.as_deref().unwrap_or_default()),
                        Part::Ciphertext => {
                            bytes.extend_from_slice(&parts.ciphertext);
                            if !layout.iter().any(|p| matches!(p, Part::Tag(_))) {
                                bytes.extend_from_slice(parts.tag.as_deref().unwrap_or_default());
                            }
                        }
                    }
                }
                self.encoding.encode(&bytes)
            }
            Shape::Json(f) => {
                let enc = |b: &[u8]| {
                    serde_json::Value::String(
                        String::from_utf8(self.encoding.encode(b)).unwrap_or_default(),
                    )
                };
                let mut obj = serde_json::Map::new();
                let mut ct = parts.ciphertext.clone();
                if f.tag.is_none() {
                    ct.extend_from_slice(parts.tag.as_deref().unwrap_or_default());
                }
                obj.insert(f.ciphertext.clone(), enc(&ct));
                for (name, value) in [
                    (&f.nonce, &parts.nonce),
                    (&f.tag, &parts.tag),
                    (&f.salt, &parts.salt),
                    (&f.wrapped_key, &parts.wrapped_key),
                ] {
                    if let (Some(name), Some(v)) = (name, value) {
                        obj.insert(name.clone(), enc(v));
                    }
                }
                if let (Some(name), Some(v)) = (&f.version, &parts.version) {
                    obj.insert(name.clone(), v.clone());
                }
                serde_json::Value::Object(obj).to_string().into_bytes()
            }
        }
    }

    /// Decrypts a stored value with the key given as secret text (derived
    /// per [`Spec::derive`]) or, for RSA, a private key.
    pub fn open(
        &self,
        key: &SpecKey,
        value: &[u8],
    ) -> std::result::Result<Zeroizing<Vec<u8>>, Open> {
        let parts = self.split(value)?;
        self.open_parts(key, &parts)
    }

    /// Decrypts parts already split.
    pub fn open_parts(
        &self,
        key: &SpecKey,
        parts: &Parts,
    ) -> std::result::Result<Zeroizing<Vec<u8>>, Open> {
        match self.cipher {
            Cipher::Fernet => {
                let k = FernetKey::new(&key.symmetric(self, None)?);
                k.decrypt(parts.token.as_deref().unwrap_or_default(), None)
                    .map_err(|e| match e {
                        FernetError::AuthFailed => Open::WrongKey,
                        other => Open::Malformed(other.to_string()),
                    })
            }
            Cipher::RsaOaepAes256Gcm => {
                let data_key = key.unwrap_data_key(parts)?;
                aead_open(self.cipher, &data_key, parts)
            }
            _ => {
                let k = key.symmetric(self, parts.salt.as_deref())?;
                aead_open(self.cipher, &k, parts)
            }
        }
    }

    /// Encrypts into the stored form under `key` (fresh nonce, salt and,
    /// for RSA, data key). `version` fills a JSON version field.
    pub fn seal(
        &self,
        key: &SpecKey,
        plaintext: &[u8],
        version: Option<serde_json::Value>,
    ) -> Result<Vec<u8>> {
        let mut parts = Parts {
            version,
            ..Parts::default()
        };
        match self.cipher {
            Cipher::Fernet => {
                let k = FernetKey::new(&key.symmetric(self, None).map_err(open_error)?);
                parts.token = Some(k.encrypt(plaintext)?);
            }
            _ => {
                if let Some(n) = self.salt_len() {
                    parts.salt = Some(crate::crypto::random::bytes(n)?.expose().to_vec());
                }
                let data_key = match self.cipher {
                    Cipher::RsaOaepAes256Gcm => {
                        let dk = Key256::generate()?;
                        parts.wrapped_key = Some(key.wrap_data_key(&dk)?);
                        dk
                    }
                    _ => key
                        .symmetric(self, parts.salt.as_deref())
                        .map_err(open_error)?,
                };
                let nonce = crate::crypto::random::array::<NONCE_LEN>()?;
                let mut buf = plaintext.to_vec();
                let tag = aead_key(self.cipher, &data_key)
                    .seal_in_place_separate_tag(
                        Nonce::assume_unique_for_key(nonce),
                        Aad::empty(),
                        &mut buf,
                    )
                    .map_err(|_| Error::internal("AEAD seal"))?;
                parts.nonce = Some(nonce.to_vec());
                parts.tag = Some(tag.as_ref().to_vec());
                parts.ciphertext = buf;
            }
        }
        Ok(self.join(&parts))
    }

    /// Re-wraps an RSA hybrid value's data key under another RSA key,
    /// leaving the data (nonce, ciphertext, tag) as it is. The data key is
    /// checked against the data first, so a wrong key never re-wraps junk.
    pub fn rewrap(
        &self,
        old: &SpecKey,
        new: &SpecKey,
        value: &[u8],
    ) -> std::result::Result<Vec<u8>, Open> {
        let mut parts = self.split(value)?;
        let data_key = old.unwrap_data_key(&parts)?;
        aead_open(self.cipher, &data_key, &parts)?;
        parts.wrapped_key = Some(
            new.wrap_data_key(&data_key)
                .map_err(|e| Open::Malformed(e.message().to_string()))?,
        );
        Ok(self.join(&parts))
    }

    fn salt_len(&self) -> Option<usize> {
        match &self.shape {
            Shape::Layout(parts) => parts.iter().find_map(|p| match p {
                Part::Salt(n) => Some(*n),
                _ => None,
            }),
            Shape::Json(f) => f.salt.as_ref().map(|_| 16),
            Shape::Token => None,
        }
    }
}

fn open_error(e: Open) -> Error {
    Error::bad_input(format!("cannot derive the key: {e}"))
}

/// The parts of one value.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Parts {
    /// Literal prefix bytes seen (informational).
    pub prefix: Vec<u8>,
    /// The ciphertext (without its tag).
    pub ciphertext: Vec<u8>,
    /// The nonce.
    pub nonce: Option<Vec<u8>>,
    /// The tag.
    pub tag: Option<Vec<u8>>,
    /// The salt.
    pub salt: Option<Vec<u8>>,
    /// The wrapped data key.
    pub wrapped_key: Option<Vec<u8>>,
    /// A JSON version field, as it was.
    pub version: Option<serde_json::Value>,
    /// A Fernet token's text.
    pub token: Option<String>,
}

impl std::fmt::Debug for Parts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Parts({} bytes of ciphertext)", self.ciphertext.len())
    }
}

/// The key a spec value is opened or sealed with.
pub enum SpecKey {
    /// The secret's text, derived per the spec's `[key]`.
    Secret(Zeroizing<Vec<u8>>),
    /// The key already derived from the secret's text (a derivation with
    /// no per-value salt runs once, not once per value).
    Derived(Key256),
    /// An RSA private key (opens and re-wraps from) with its public half
    /// (so a rotation's target given as a private key both wraps and
    /// recognises values already wrapped under it).
    RsaPrivate(Box<(OaepPrivateDecryptingKey, OaepPublicEncryptingKey)>),
    /// An RSA public key (wraps to).
    RsaPublic(Box<OaepPublicEncryptingKey>),
}

impl std::fmt::Debug for SpecKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            SpecKey::Secret(_) => "SpecKey::Secret([redacted])",
            SpecKey::Derived(_) => "SpecKey::Derived([redacted])",
            SpecKey::RsaPrivate(_) => "SpecKey::RsaPrivate([redacted])",
            SpecKey::RsaPublic(_) => "SpecKey::RsaPublic",
        })
    }
}

impl SpecKey {
    /// The key for `spec` with its derivation run now when it has no
    /// per-value salt (secret text only; other keys as they are).
    pub fn prepared(self, spec: &Spec) -> Result<SpecKey> {
        match self {
            SpecKey::Secret(text)
                if !spec.per_value_kdf() && spec.cipher != Cipher::RsaOaepAes256Gcm =>
            {
                Ok(SpecKey::Derived(spec.derive.derive(&text, None)?))
            }
            other => Ok(other),
        }
    }

    /// Whether this key can open values (secret text or an RSA private
    /// key; an RSA public key only wraps).
    pub fn can_open(&self) -> bool {
        !matches!(self, SpecKey::RsaPublic(_))
    }

    /// Reads an RSA key from a PEM file: `PRIVATE KEY` (PKCS#8) or
    /// `PUBLIC KEY` (SubjectPublicKeyInfo). A private key file must be
    /// private (mode 0600), as every secret file.
    pub fn rsa_pem(path: &Path) -> Result<SpecKey> {
        let bytes = crate::fsutil::read_bounded(path, crate::fsutil::MAX_SECRET_FILE_BYTES)?;
        let bad = |why: &str| Error::bad_input(format!("{}: {why}", path.display()));
        let (_, pem) =
            x509_parser::pem::parse_x509_pem(&bytes).map_err(|_| bad("not a PEM file"))?;
        match pem.label.as_str() {
            "PRIVATE KEY" => {
                crate::fsutil::ensure_private(path, "the RSA private key")?;
                let k = PrivateDecryptingKey::from_pkcs8(&pem.contents)
                    .map_err(|e| bad(&format!("not an RSA private key in PKCS#8 ({e})")))?;
                let public = OaepPublicEncryptingKey::new(k.public_key())
                    .map_err(|_| bad("an RSA key OAEP cannot use"))?;
                let k = OaepPrivateDecryptingKey::new(k)
                    .map_err(|_| bad("an RSA key OAEP cannot use"))?;
                Ok(SpecKey::RsaPrivate(Box::new((k, public))))
            }
            "PUBLIC KEY" => {
                let k = PublicEncryptingKey::from_der(&pem.contents)
                    .map_err(|e| bad(&format!("not an RSA public key ({e})")))?;
                let k = OaepPublicEncryptingKey::new(k)
                    .map_err(|_| bad("an RSA key OAEP cannot use"))?;
                Ok(SpecKey::RsaPublic(Box::new(k)))
            }
            other => Err(bad(&format!(
                "a PEM \"{other}\" block; expected \"PRIVATE KEY\" (PKCS#8) or \"PUBLIC KEY\""
            ))),
        }
    }

    fn symmetric(&self, spec: &Spec, salt: Option<&[u8]>) -> std::result::Result<Key256, Open> {
        match self {
            SpecKey::Secret(text) => spec
                .derive
                .derive(text, salt)
                .map_err(|e| Open::Malformed(e.message().to_string())),
            SpecKey::Derived(k) => Ok(k.clone()),
            _ => Err(Open::Malformed(
                "this format's key is secret text, not an RSA key".into(),
            )),
        }
    }

    fn unwrap_data_key(&self, parts: &Parts) -> std::result::Result<Key256, Open> {
        let SpecKey::RsaPrivate(pair) = self else {
            return Err(Open::Malformed(
                "opening an RSA-wrapped value needs the RSA private key".into(),
            ));
        };
        let k = &pair.0;
        let wrapped = parts.wrapped_key.as_deref().unwrap_or_default();
        if wrapped.len() != k.key_size_bytes() {
            return Err(Open::WrongKey);
        }
        let mut out = Zeroizing::new(vec![0u8; k.min_output_size()]);
        let dk = k
            .decrypt(&OAEP_SHA256_MGF1SHA256, wrapped, &mut out, None)
            .map_err(|_| Open::WrongKey)?;
        let dk: [u8; KEY_LEN] = (&*dk)
            .try_into()
            .map_err(|_| Open::Malformed("the wrapped data key is not 32 bytes".into()))?;
        Ok(Key256::from_bytes(dk))
    }

    fn wrap_data_key(&self, dk: &Key256) -> Result<Vec<u8>> {
        let k = match self {
            SpecKey::RsaPublic(k) => k.as_ref(),
            SpecKey::RsaPrivate(pair) => &pair.1,
            SpecKey::Secret(_) | SpecKey::Derived(_) => {
                return Err(Error::usage(
                    "wrapping a data key needs an RSA key (PEM \"PUBLIC KEY\" or \"PRIVATE KEY\")",
                ));
            }
        };
        let mut out = vec![0u8; k.ciphertext_size()];
        let n = k
            .encrypt(&OAEP_SHA256_MGF1SHA256, dk.expose(), &mut out, None)
            .map_err(|_| Error::internal("RSA-OAEP encrypt"))?
            .len();
        out.truncate(n);
        Ok(out)
    }
}

fn aead_key(cipher: Cipher, key: &Key256) -> LessSafeKey {
    LessSafeKey::new(UnboundKey::new(cipher.aead(), key.expose()).expect("a 32-byte key"))
}

fn aead_open(
    cipher: Cipher,
    key: &Key256,
    parts: &Parts,
) -> std::result::Result<Zeroizing<Vec<u8>>, Open> {
    let nonce: [u8; NONCE_LEN] = parts
        .nonce
        .as_deref()
        .and_then(|n| n.try_into().ok())
        .ok_or_else(|| Open::Malformed(format!("the nonce is not {NONCE_LEN} bytes")))?;
    let tag = parts
        .tag
        .as_deref()
        .filter(|t| t.len() == TAG_LEN)
        .ok_or_else(|| Open::Malformed(format!("the tag is not {TAG_LEN} bytes")))?;
    let mut out = Zeroizing::new(vec![0u8; parts.ciphertext.len()]);
    aead_key(cipher, key)
        .open_separate_gather(
            Nonce::assume_unique_for_key(nonce),
            Aad::empty(),
            &parts.ciphertext,
            tag,
            &mut out,
        )
        .map_err(|_| Open::WrongKey)?;
    Ok(out)
}

fn split_tag(ciphertext: &mut Vec<u8>) -> std::result::Result<Vec<u8>, Open> {
    if ciphertext.len() < TAG_LEN {
        return Err(Open::Malformed(format!(
            "{} bytes of ciphertext cannot hold a {TAG_LEN}-byte tag",
            ciphertext.len()
        )));
    }
    Ok(ciphertext.split_off(ciphertext.len() - TAG_LEN))
}

fn split_layout(layout: &[Part], bytes: &[u8]) -> std::result::Result<Parts, Open> {
    let fixed: usize = layout
        .iter()
        .map(|p| match p {
            Part::Prefix(l) => l.len(),
            Part::Nonce(n) | Part::Tag(n) | Part::Salt(n) | Part::WrappedKey(n) => *n,
            Part::Ciphertext => 0,
        })
        .sum();
    let tag_in_ct = !layout.iter().any(|p| matches!(p, Part::Tag(_)));
    let min_ct = if tag_in_ct { TAG_LEN } else { 0 };
    if bytes.len() < fixed + min_ct {
        return Err(Open::NotThisFormat);
    }
    let ct_len = bytes.len() - fixed;
    let mut parts = Parts::default();
    let mut at = 0;
    for p in layout {
        let n = match p {
            Part::Prefix(l) => l.len(),
            Part::Nonce(n) | Part::Tag(n) | Part::Salt(n) | Part::WrappedKey(n) => *n,
            Part::Ciphertext => ct_len,
        };
        let piece = bytes[at..at + n].to_vec();
        at += n;
        match p {
            Part::Prefix(l) if piece != *l => return Err(Open::NotThisFormat),
            Part::Prefix(_) => parts.prefix.extend_from_slice(&piece),
            Part::Nonce(_) => parts.nonce = Some(piece),
            Part::Tag(_) => parts.tag = Some(piece),
            Part::Salt(_) => parts.salt = Some(piece),
            Part::WrappedKey(_) => parts.wrapped_key = Some(piece),
            Part::Ciphertext => parts.ciphertext = piece,
        }
    }
    if tag_in_ct {
        parts.tag = Some(split_tag(&mut parts.ciphertext)?);
    }
    Ok(parts)
}

fn parse_layout(l: &Spanned<Vec<Spanned<String>>>) -> std::result::Result<Vec<Part>, Mistake> {
    let mut parts = Vec::new();
    for item in l.get_ref() {
        let text = item.get_ref();
        let (name, arg) = text.split_once(':').unwrap_or((text, ""));
        let size = || -> std::result::Result<usize, Mistake> {
            arg.parse::<usize>()
                .ok()
                .filter(|n| (1..=4096).contains(n))
                .ok_or_else(|| {
                    at(
                        item,
                        format!("layout part {text:?}: {name} needs a size in bytes, as {name}:16"),
                    )
                })
        };
        let part = match name {
            "ciphertext" if arg.is_empty() => Part::Ciphertext,
            "nonce" | "iv" => Part::Nonce(size()?),
            "tag" => Part::Tag(size()?),
            "salt" => Part::Salt(size()?),
            "wrapped_key" => Part::WrappedKey(size()?),
            "prefix" if !arg.is_empty() => Part::Prefix(arg.as_bytes().to_vec()),
            _ => {
                return Err(at(
                    item,
                    format!(
                        "layout part {text:?} is not one of ciphertext, nonce:N, tag:N, salt:N, wrapped_key:N, prefix:TEXT"
                    ),
                ));
            }
        };
        if part != Part::Ciphertext
            && !matches!(part, Part::Prefix(_))
            && parts
                .iter()
                .any(|p: &Part| std::mem::discriminant(p) == std::mem::discriminant(&part))
        {
            return Err(at(item, format!("layout part {name} appears twice")));
        }
        parts.push(part);
    }
    match parts.iter().filter(|p| **p == Part::Ciphertext).count() {
        1 => Ok(parts),
        0 => Err(at(l, "the layout has no \"ciphertext\" part")),
        _ => Err(at(
            l,
            "the layout has \"ciphertext\" twice (only one part may have a variable length)",
        )),
    }
}

fn parse_json(
    j: &Spanned<BTreeMap<String, Spanned<String>>>,
) -> std::result::Result<JsonFields, Mistake> {
    let mut f = JsonFields::default();
    for (part, field) in j.get_ref() {
        let name = Some(field.get_ref().clone());
        match part.as_str() {
            "ciphertext" => f.ciphertext = field.get_ref().clone(),
            "nonce" | "iv" => f.nonce = name,
            "tag" => f.tag = name,
            "salt" => f.salt = name,
            "version" => f.version = name,
            "wrapped_key" => f.wrapped_key = name,
            other => {
                return Err(at(
                    field,
                    format!(
                        "json part {other:?} is not one of ciphertext, nonce, tag, salt, version, wrapped_key"
                    ),
                ));
            }
        }
    }
    if f.ciphertext.is_empty() {
        return Err(at(
            j,
            "json names no ciphertext field (json = { ciphertext = \"ct\", ... })",
        ));
    }
    Ok(f)
}

fn parse_key(k: &Spanned<RawKey>) -> std::result::Result<DeriveSpec, Mistake> {
    let raw = k.get_ref();
    let Some(derive) = &raw.derive else {
        return Err(at(
            k,
            "[key] needs derive = \"none\" | \"sha256\" | \"pbkdf2-sha256\" | \"scrypt\" | \"hkdf-sha256\"",
        ));
    };
    let salt = match (&raw.salt, &raw.salt_hex) {
        (Some(s), None) if s.get_ref() == "record" => Some(Salt::Record),
        (Some(s), None) => {
            return Err(at(
                s,
                format!(
                    "salt = {:?}: the only value is \"record\" (or give salt-hex)",
                    s.get_ref()
                ),
            ));
        }
        (None, Some(h)) => Some(Salt::Bytes(
            hex::decode(h.get_ref()).map_err(|_| at(h, "salt-hex is not hex"))?,
        )),
        (Some(s), Some(_)) => return Err(at(s, "give salt or salt-hex, not both")),
        (None, None) => None,
    };
    let small =
        |v: &Option<Spanned<u64>>, name: &str, default: u32| -> std::result::Result<u32, Mistake> {
            match v {
                None => Ok(default),
                Some(v) => {
                    u32::try_from(*v.get_ref()).map_err(|_| at(v, format!("{name} is too large")))
                }
            }
        };
    let unused = |present: bool, what: &str| -> std::result::Result<(), Mistake> {
        if present {
            Err(at(
                derive,
                format!("derive = {:?} takes no {what}", derive.get_ref()),
            ))
        } else {
            Ok(())
        }
    };
    let spec = match derive.get_ref().as_str() {
        "none" | "sha256" => {
            unused(salt.is_some(), "salt")?;
            unused(
                raw.iterations.is_some() || raw.n.is_some(),
                "cost parameters",
            )?;
            if derive.get_ref() == "none" {
                DeriveSpec::None
            } else {
                DeriveSpec::Sha256
            }
        }
        "pbkdf2-sha256" => {
            let it = raw
                .iterations
                .as_ref()
                .ok_or_else(|| at(derive, "pbkdf2-sha256 needs iterations"))?;
            let kdf = Kdf::Pbkdf2 {
                iterations: small(&raw.iterations, "iterations", 0)?,
            };
            kdf.validate().map_err(|e| at(it, e.message()))?;
            DeriveSpec::Kdf {
                kdf,
                salt: salt.ok_or_else(|| {
                    at(derive, "pbkdf2-sha256 needs salt = \"record\" or salt-hex")
                })?,
            }
        }
        "scrypt" => {
            let n = raw
                .n
                .as_ref()
                .ok_or_else(|| at(derive, "scrypt needs n (such as 16384)"))?;
            let kdf = Kdf::Scrypt {
                n: *n.get_ref(),
                r: small(&raw.r, "r", 8)?,
                p: small(&raw.p, "p", 1)?,
            };
            kdf.validate().map_err(|e| at(n, e.message()))?;
            DeriveSpec::Kdf {
                kdf,
                salt: salt
                    .ok_or_else(|| at(derive, "scrypt needs salt = \"record\" or salt-hex"))?,
            }
        }
        "hkdf-sha256" => DeriveSpec::Hkdf {
            salt,
            info: raw
                .info
                .as_ref()
                .map(|i| i.get_ref().as_bytes().to_vec())
                .unwrap_or_default(),
        },
        other => {
            return Err(at(
                derive,
                format!("derive = {other:?} is not one of {}", super::derive::NAMES),
            ));
        }
    };
    Ok(spec)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vectors() -> serde_json::Value {
        serde_json::from_str(include_str!("testdata/vectors.json")).unwrap()
    }

    fn secret(text: &str) -> SpecKey {
        SpecKey::Secret(Zeroizing::new(text.as_bytes().to_vec()))
    }

    #[test]
    fn aes_gcm_nonce_ct_tag_with_a_sha256_key() {
        let spec = Spec::parse(
            "cipher = \"aes-256-gcm\"\nencoding = \"base64\"\nlayout = [\"nonce:12\", \"ciphertext\", \"tag:16\"]\n[key]\nderive = \"sha256\"\n",
            "t.toml",
        )
        .unwrap();
        let v = &vectors()["spec_gcm"];
        let key = secret(v["secret"].as_str().unwrap());
        let stored = v["stored"].as_str().unwrap().as_bytes();
        assert_eq!(&spec.open(&key, stored).unwrap()[..], b"spec value");
        let again = spec.seal(&key, b"round trip", None).unwrap();
        assert_eq!(&spec.open(&key, &again).unwrap()[..], b"round trip");
        assert_eq!(spec.open(&secret("other"), stored), Err(Open::WrongKey));
        assert_eq!(spec.open(&key, b"hello"), Err(Open::NotThisFormat));
        // Without a tag part, the tag ends the ciphertext: the same bytes.
        let spec2 = Spec::parse(
            "cipher = \"aes-256-gcm\"\nlayout = [\"nonce:12\", \"ciphertext\"]\n[key]\nderive = \"sha256\"\n",
            "t.toml",
        )
        .unwrap();
        assert_eq!(&spec2.open(&key, stored).unwrap()[..], b"spec value");
    }

    #[test]
    fn chacha_with_a_prefix_in_hex() {
        let spec = Spec::parse(
            "cipher = \"chacha20-poly1305\"\nencoding = \"hex\"\nlayout = [\"prefix:v1:\", \"nonce:12\", \"ciphertext\"]\n[key]\nderive = \"sha256\"\n",
            "t.toml",
        )
        .unwrap();
        let v = &vectors()["spec_chacha_hex"];
        let key = secret(v["secret"].as_str().unwrap());
        let stored = v["stored"].as_str().unwrap().as_bytes();
        assert_eq!(&spec.open(&key, stored).unwrap()[..], b"chacha value");
        let again = spec.seal(&key, b"x", None).unwrap();
        assert!(again.starts_with(hex::encode("v1:").as_bytes()));
        // Another prefix is another format.
        let mut other = stored.to_vec();
        other[1] = b'3';
        assert_eq!(spec.open(&key, &other), Err(Open::NotThisFormat));
    }

    #[test]
    fn fernet_b64_is_a_spec_too() {
        let v = &vectors()["seed000"];
        let spec = Spec::parse("cipher = \"fernet\"\nencoding = \"base64\"\n", "t.toml").unwrap();
        let key = secret(v["fernet_key"].as_str().unwrap());
        let stored = v["stored"].as_str().unwrap().as_bytes();
        assert_eq!(&spec.open(&key, stored).unwrap()[..], b"remember the milk");
    }

    #[test]
    fn json_records_with_a_per_record_pbkdf2_salt() {
        let spec = Spec::parse(
            "cipher = \"aes-256-gcm\"\njson = { ciphertext = \"ct\", nonce = \"iv\", salt = \"s\", version = \"v\" }\n[key]\nderive = \"pbkdf2-sha256\"\niterations = 1000\nsalt = \"record\"\n",
            "t.toml",
        )
        .unwrap();
        assert!(spec.per_value_kdf());
        let key = secret("master secret");
        let stored = spec
            .seal(&key, b"json value", Some(serde_json::json!(2)))
            .unwrap();
        let obj: serde_json::Value = serde_json::from_slice(&stored).unwrap();
        assert_eq!(obj["v"], 2);
        assert!(obj["s"].is_string() && obj["iv"].is_string());
        assert_eq!(&spec.open(&key, &stored).unwrap()[..], b"json value");
        assert_eq!(spec.open(&key, b"{\"name\": 1}"), Err(Open::NotThisFormat));
    }

    #[test]
    fn rsa_hybrid_values_are_rewrapped_without_touching_the_data() {
        let dir = tempfile::tempdir().unwrap();
        let old_priv = dir.path().join("old.pem");
        std::fs::write(&old_priv, include_str!("testdata/rsa-old.pem")).unwrap();
        std::fs::set_permissions(
            &old_priv,
            std::os::unix::fs::PermissionsExt::from_mode(0o600),
        )
        .unwrap();
        let old_pub = dir.path().join("old.pub.pem");
        std::fs::write(&old_pub, include_str!("testdata/rsa-old.pub.pem")).unwrap();
        let spec = Spec::parse(
            "cipher = \"rsa-oaep-aes-256-gcm\"\nlayout = [\"wrapped_key:256\", \"nonce:12\", \"ciphertext\"]\n",
            "t.toml",
        )
        .unwrap();
        let old = SpecKey::rsa_pem(&old_priv).unwrap();
        let v = &vectors()["rsa"];
        let stored = v["stored"].as_str().unwrap().as_bytes();
        assert_eq!(&spec.open(&old, stored).unwrap()[..], b"chat message");
        // A new value under the public key opens with the private one.
        let public = SpecKey::rsa_pem(&old_pub).unwrap();
        let sealed = spec.seal(&public, b"fresh", None).unwrap();
        assert_eq!(&spec.open(&old, &sealed).unwrap()[..], b"fresh");
        // Re-wrapping to the same public key keeps nonce, ciphertext and tag.
        let rewrapped = spec.rewrap(&old, &public, stored).unwrap();
        let (a, b) = (spec.split(stored).unwrap(), spec.split(&rewrapped).unwrap());
        assert_eq!(
            (a.nonce, a.ciphertext, a.tag),
            (b.nonce, b.ciphertext, b.tag)
        );
        assert_ne!(a.wrapped_key, b.wrapped_key);
        assert_eq!(&spec.open(&old, &rewrapped).unwrap()[..], b"chat message");
        assert!(!format!("{old:?}").contains("BEGIN"));
    }

    #[test]
    fn mistakes_name_the_key_and_the_line() {
        for (text, want) in [
            (
                "cipher = \"aes-128-cbc\"\n",
                "line 1: cipher = \"aes-128-cbc\" is not one of",
            ),
            (
                "cipher = \"aes-256-gcm\"\nencoding = \"b32\"\nlayout = [\"nonce:12\", \"ciphertext\"]\n",
                "line 2: encoding = \"b32\"",
            ),
            (
                "cipher = \"aes-256-gcm\"\nlayout = [\n  \"nonce:12\",\n  \"ciphertxt\",\n]\n",
                "line 4: layout part \"ciphertxt\"",
            ),
            (
                "cipher = \"aes-256-gcm\"\nlayout = [\"nonce\", \"ciphertext\"]\n",
                "line 2: layout part \"nonce\": nonce needs a size",
            ),
            (
                "cipher = \"aes-256-gcm\"\nlayout = [\"nonce:12\"]\n",
                "line 2: the layout has no \"ciphertext\" part",
            ),
            (
                "cipher = \"aes-256-gcm\"\nlayout = [\"ciphertext\", \"tag:16\"]\n",
                "no nonce part",
            ),
            (
                "cipher = \"aes-256-gcm\"\nlayout = [\"nonce:8\", \"ciphertext\"]\n",
                "nonce:8",
            ),
            (
                "cipher = \"aes-256-gcm\"\nlayout = [\"nonce:12\", \"ciphertext\"]\ncolour = 1\n",
                "line 3: unknown field `colour`",
            ),
            (
                "cipher = \"aes-256-gcm\"\nlayout = [\"nonce:12\", \"ciphertext\"]\n[key]\nderive = \"md5\"\n",
                "line 4: derive = \"md5\"",
            ),
            (
                "cipher = \"aes-256-gcm\"\nlayout = [\"nonce:12\", \"ciphertext\"]\n[key]\nderive = \"pbkdf2-sha256\"\niterations = 100000\nsalt = \"record\"\n",
                "needs a salt part",
            ),
            (
                "cipher = \"aes-256-gcm\"\nlayout = [\"salt:16\", \"nonce:12\", \"ciphertext\"]\n",
                "does not use salt = \"record\"",
            ),
            (
                "cipher = \"aes-256-gcm\"\nlayout = [\"nonce:12\", \"ciphertext\"]\n[key]\nderive = \"scrypt\"\nn = 1000\nsalt-hex = \"00\"\n",
                "line 5: scrypt N",
            ),
            (
                "cipher = \"fernet\"\nlayout = [\"nonce:12\", \"ciphertext\"]\n",
                "takes no layout",
            ),
            (
                "cipher = \"rsa-oaep-aes-256-gcm\"\nlayout = [\"nonce:12\", \"ciphertext\"]\n",
                "needs a wrapped_key part",
            ),
            (
                "cipher = \"aes-256-gcm\"\nlayout = [\"wrapped_key:256\", \"nonce:12\", \"ciphertext\"]\n",
                "only for cipher",
            ),
            ("cipher = \n", "line 1:"),
        ] {
            let e = Spec::parse(text, "acme.toml").unwrap_err();
            assert_eq!(e.exit_code(), 3);
            assert!(
                e.message().starts_with("format spec acme.toml, line "),
                "{}",
                e.message()
            );
            assert!(e.message().contains(want), "{text}\n=> {}", e.message());
            assert!(!e.message().contains('\n'), "one line: {}", e.message());
        }
    }
}
