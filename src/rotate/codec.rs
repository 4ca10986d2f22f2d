//! One encrypted value: what it is (envelope, Fernet, plaintext, NULL), and
//! turning it into the same value under the target key, keeping its storage
//! form (TEXT stays text, a binary BLOB stays binary).

use std::collections::HashMap;
use std::sync::Arc;

use rusqlite::types::Value;
use zeroize::Zeroizing;

use crate::crypto::ValueFormat;
use crate::crypto::envelope::{self, EnvelopeKey};
use crate::crypto::fernet::{self, FernetKey};
use crate::crypto::keys::Key256;
use crate::rotate::foreign::{Foreign, Found};

/// Who holds an encrypted value: its format and the key that decrypts it,
/// as `rotate status` and `key list --db` count them. Its text (and JSON
/// map key) is `envelope, key 3`, `fernet, key 2`, `fernet, a key without
/// id`, `tiger:iterations=100000, a key without id`, and a derivation shows
/// as `fernet-b64 via scrypt:...`; holders sort as those texts do.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Holder {
    /// The value's format (and derivation), as named on the command line.
    pub format: Arc<str>,
    /// The id of the key that decrypts it (`None`: a key given without one).
    pub key_id: Option<u32>,
}

impl std::fmt::Display for Holder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.key_id {
            Some(id) => write!(f, "{}, key {id}", self.format),
            None => write!(f, "{}, a key without id", self.format),
        }
    }
}

impl Ord for Holder {
    /// The order of the texts, without building them: by format name,
    /// then "a key without id" before "key N", and ids as decimal text.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        fn decimal(n: u32, buf: &mut [u8; 10]) -> &[u8] {
            let (mut n, mut at) = (n, buf.len());
            loop {
                at -= 1;
                buf[at] = b'0' + (n % 10) as u8;
                n /= 10;
                if n == 0 {
                    return &buf[at..];
                }
            }
        }
        self.format
            .cmp(&other.format)
            .then_with(|| match (self.key_id, other.key_id) {
                (Some(a), Some(b)) => {
                    let (mut x, mut y) = ([0u8; 10], [0u8; 10]);
                    decimal(a, &mut x).cmp(decimal(b, &mut y))
                }
                (a, b) => a.is_some().cmp(&b.is_some()),
            })
    }
}

impl PartialOrd for Holder {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl serde::Serialize for Holder {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// How a value is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Storage {
    /// TEXT, or a BLOB holding text (Python stores Fernet tokens as bytes).
    Text { blob: bool },
    /// A BLOB holding the binary envelope.
    Binary,
}

/// What a stored value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// NULL.
    Null,
    /// Not ciphertext keyward recognises.
    Plain,
    /// A keyward envelope under this key id.
    Envelope(u32),
    /// A Fernet token.
    Fernet,
    /// Begins as a Fernet token or an envelope does but does not parse as
    /// one (truncated, cut base64, a bad header): never plaintext, so it is
    /// never left alone as plaintext or encrypted over.
    Damaged(&'static str),
}

/// A key that can decrypt, with the id envelopes name it by.
pub struct DecryptKey {
    /// The envelope key id (None for keys given without one).
    pub id: Option<u32>,
    env: EnvelopeKey,
    fernet: FernetKey,
}

impl DecryptKey {
    /// Prepares `key` (known by `id`).
    pub fn new(key: &Key256, id: Option<u32>) -> Self {
        DecryptKey {
            id,
            env: EnvelopeKey::new(key, id.unwrap_or(0)),
            fernet: FernetKey::new(key),
        }
    }
}

/// The keys of a rotation: the target and every key that may decrypt, in
/// keyward's own formats and in the services' ([`Foreign`]).
pub struct Keys {
    target_id: u32,
    target_env: EnvelopeKey,
    target_fernet: FernetKey,
    /// The format written: one of keyward's (None: a foreign format).
    format: Option<ValueFormat>,
    /// Which of keyward's formats are read (envelope, Fernet).
    native: [bool; 2],
    /// Their names, shared by every holder.
    labels: [Arc<str>; 2],
    /// The services' formats read, and the one written.
    foreign: Foreign,
    /// Decrypting keys, the target first (when the target is one of ours).
    decrypt: Vec<DecryptKey>,
    by_id: HashMap<u32, usize>,
    /// The key that fitted last: tried first, since neighbouring rows were
    /// usually written under the same key (saves an HMAC per Fernet token).
    hint: std::sync::atomic::AtomicUsize,
}

impl Keys {
    /// `target` (with its envelope id) plus the `old` keys; the target also decrypts.
    pub fn new(target: &Key256, target_id: u32, format: ValueFormat, old: Vec<DecryptKey>) -> Keys {
        let mut decrypt = vec![DecryptKey::new(target, Some(target_id))];
        decrypt.extend(old.into_iter().filter(|k| k.id != Some(target_id)));
        let by_id = decrypt
            .iter()
            .enumerate()
            .filter_map(|(i, k)| k.id.map(|id| (id, i)))
            .collect();
        Keys {
            target_id,
            target_env: EnvelopeKey::new(target, target_id),
            target_fernet: FernetKey::new(target),
            format: Some(format),
            native: [true, true],
            labels: ValueFormat::ALL.map(|f| Arc::from(f.name())),
            foreign: Foreign::none(),
            decrypt,
            by_id,
            hint: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    /// Keys that write a foreign format (`foreign`'s target) and read it,
    /// `foreign`'s other formats and, with the `old` keys, keyward's own
    /// formats named in `native` (none given: none of them).
    pub fn to_foreign(old: Vec<DecryptKey>, foreign: Foreign, native: &[ValueFormat]) -> Keys {
        // The envelope and Fernet targets are never used: no value is
        // written in them. A zero key stands in.
        let mut keys = Keys::new(
            &Key256::from_bytes([0; 32]),
            NO_TARGET,
            ValueFormat::Envelope,
            Vec::new(),
        );
        keys.by_id = old
            .iter()
            .enumerate()
            .filter_map(|(i, k)| k.id.map(|id| (id, i)))
            .collect();
        keys.decrypt = old;
        keys.format = None;
        keys.read_only(native, foreign)
    }

    /// Reads only the formats given: keyward's own in `native` (and the
    /// target's, which is always read so that current values are known),
    /// and `foreign`'s.
    pub fn read_only(mut self, native: &[ValueFormat], foreign: Foreign) -> Keys {
        self.native = ValueFormat::ALL.map(|f| native.contains(&f) || self.format == Some(f));
        self.foreign = foreign;
        self
    }

    /// Whether a value costs a key derivation or an RSA operation (a
    /// rotation then spreads its values over every core).
    pub fn costly(&self) -> bool {
        self.foreign.costly()
    }

    /// The format written, as named on the command line.
    pub fn target_format(&self) -> String {
        match self.format {
            Some(f) => f.name().to_string(),
            None => self.foreign.target_label().unwrap_or_default().to_string(),
        }
    }

    fn label(&self, f: ValueFormat) -> Arc<str> {
        self.labels[f as usize].clone()
    }

    /// A parsed value in one of keyward's formats not read in this
    /// rotation is handed to the foreign formats, as if unparsed.
    fn admit(&self, mut p: Parsed) -> Parsed {
        let read = match p.kind {
            Kind::Envelope(_) => self.native[ValueFormat::Envelope as usize],
            Kind::Fernet => self.native[ValueFormat::Fernet as usize],
            _ => true,
        };
        if !read {
            p.kind = Kind::Plain;
        }
        p
    }

    /// The target key id.
    pub fn target_id(&self) -> u32 {
        self.target_id
    }
}

/// The target id of a key set that only reads (`rotate status` and
/// `verify` with keys given by flag): an id no envelope carries, so nothing
/// counts as current, and never shown as a key's id.
pub const NO_TARGET: u32 = u32::MAX;

/// A decrypted value: plaintext, whether it is already under the target
/// key and format, and a Fernet token's timestamp.
pub type Decrypted = (Zeroizing<Vec<u8>>, bool, Option<u64>);

/// A value taken apart.
pub struct Parsed {
    /// What it is.
    pub kind: Kind,
    storage: Storage,
    bytes: Vec<u8>,
}

/// Reads a stored value.
pub fn parse(v: &Value) -> Parsed {
    let plain = |storage| Parsed {
        kind: Kind::Plain,
        storage,
        bytes: Vec::new(),
    };
    match v {
        Value::Null => Parsed {
            kind: Kind::Null,
            storage: Storage::Binary,
            bytes: Vec::new(),
        },
        Value::Text(t) => parse_text(t, false),
        Value::Blob(b) => {
            if b.starts_with(&envelope::MAGIC) && envelope::parse_header(b).is_ok() {
                let id = envelope::parse_header(b).map(|h| h.key_id).unwrap_or(0);
                Parsed {
                    kind: Kind::Envelope(id),
                    storage: Storage::Binary,
                    bytes: b.clone(),
                }
            } else if b.starts_with(&envelope::MAGIC) && b.get(2) == Some(&1) {
                Parsed {
                    kind: Kind::Damaged("a keyward envelope with a damaged header"),
                    storage: Storage::Binary,
                    bytes: Vec::new(),
                }
            } else if let Ok(t) = std::str::from_utf8(b) {
                parse_text(t, true)
            } else {
                plain(Storage::Binary)
            }
        }
        _ => plain(Storage::Binary),
    }
}

fn parse_text(t: &str, blob: bool) -> Parsed {
    let storage = Storage::Text { blob };
    match crate::crypto::detect(t) {
        Ok((ValueFormat::Envelope, bytes)) => match envelope::parse_header(&bytes) {
            Ok(h) => Parsed {
                kind: Kind::Envelope(h.key_id),
                storage,
                bytes,
            },
            Err(_) => Parsed {
                kind: damaged_text(t).unwrap_or(Kind::Plain),
                storage,
                bytes: Vec::new(),
            },
        },
        Ok((ValueFormat::Fernet, bytes)) if bytes.len() >= 73 => Parsed {
            kind: Kind::Fernet,
            storage,
            bytes,
        },
        _ => Parsed {
            kind: damaged_text(t).unwrap_or(Kind::Plain),
            storage,
            bytes: Vec::new(),
        },
    }
}

/// What a text that parses as neither format but starts like one is: a
/// Fernet token's first six characters encode the version byte 0x80 and
/// the top of a timestamp (zero until the year 10889), an envelope's
/// first four "KW" and version 1.
fn damaged_text(t: &str) -> Option<Kind> {
    let t = t.trim();
    if t.starts_with("gAAAAA") {
        Some(Kind::Damaged(
            "starts like a Fernet token but is not one (truncated or not base64)",
        ))
    } else if t.starts_with("S1cB") {
        Some(Kind::Damaged(
            "starts like a keyward envelope but is not one (truncated or not base64)",
        ))
    } else {
        None
    }
}

/// What became of one value.
pub enum Outcome {
    /// NULL: left alone.
    Null,
    /// Plaintext: left alone (or encrypted with `--encrypt-plaintext`).
    Plain(Option<Value>),
    /// Already under the target key and format.
    Current,
    /// The value to write instead.
    Rotated(Value),
    /// No key decrypts it.
    Undecryptable(String),
    /// Looks encrypted, in no format given: left alone, never encrypted over.
    Unrecognized,
}

/// What a stored value is, for a survey.
pub enum Class {
    /// NULL.
    Null,
    /// Plaintext.
    Plain,
    /// Looks encrypted, in no format given.
    Unrecognized,
    /// Decrypts under this format and key.
    Held(Holder),
    /// In a format given, but no key given opens it (or it is damaged).
    Undecryptable,
}

/// A text or BLOB value's bytes (None for numbers and NULL).
fn value_bytes(v: &Value) -> Option<&[u8]> {
    match v {
        Value::Text(t) => Some(t.as_bytes()),
        Value::Blob(b) => Some(b),
        _ => None,
    }
}

impl Keys {
    /// Opens an envelope: first with the key its header names, then with the
    /// keys given without an id (the tag tells which one fits). Returns the
    /// index of the key that opened it.
    fn open_envelope(
        &self,
        id: u32,
        bytes: &[u8],
        ctx: Option<&[u8]>,
    ) -> Option<(usize, Zeroizing<Vec<u8>>)> {
        if let Some(&i) = self.by_id.get(&id)
            && let Ok(p) = self.decrypt[i].env.open(bytes, ctx)
        {
            return Some((i, p));
        }
        self.decrypt
            .iter()
            .enumerate()
            .filter(|(_, k)| k.id.is_none())
            .find_map(|(i, k)| k.env.open(bytes, ctx).ok().map(|p| (i, p)))
    }

    /// Which key authenticates a Fernet token (the index in the decrypt
    /// list); nothing is decrypted.
    fn fernet_key(&self, bytes: &[u8]) -> Option<usize> {
        use std::sync::atomic::Ordering::Relaxed;
        let first = self
            .hint
            .load(Relaxed)
            .min(self.decrypt.len().saturating_sub(1));
        let order =
            std::iter::once(first).chain((0..self.decrypt.len()).filter(move |&i| i != first));
        for i in order {
            if self.decrypt[i].fernet.authenticate(bytes, None).is_ok() {
                self.hint.store(i, Relaxed);
                return Some(i);
            }
        }
        None
    }

    /// Decrypts a Fernet token's bytes, in place; with the index of the key.
    fn open_fernet(&self, bytes: Vec<u8>) -> Result<(usize, Zeroizing<Vec<u8>>), String> {
        let i = self.fernet_key(&bytes).ok_or_else(|| {
            "Fernet token: no key given decrypts it (authentication failed)".to_string()
        })?;
        let plain = self.decrypt[i]
            .fernet
            .open_authenticated(bytes)
            .map_err(|e| format!("Fernet token: {e}"))?;
        Ok((i, plain))
    }

    /// The plaintext of a parsed value, and whether it is already current.
    pub fn decrypt(&self, p: &Parsed, ctx: Option<&[u8]>) -> Result<Decrypted, String> {
        match p.kind {
            Kind::Envelope(id) => {
                let (i, plain) = self.open_envelope(id, &p.bytes, ctx).ok_or_else(|| {
                    format!(
                        "envelope under key {id}: no key given decrypts it (authentication failed)"
                    )
                })?;
                Ok((
                    plain,
                    self.format == Some(ValueFormat::Envelope) && i == 0 && id == self.target_id,
                    None,
                ))
            }
            Kind::Fernet => {
                let (i, plain) = self.open_fernet(p.bytes.clone())?;
                let ts = u64::from_be_bytes(p.bytes[1..9].try_into().expect("checked length"));
                Ok((
                    plain,
                    self.format == Some(ValueFormat::Fernet) && i == 0,
                    Some(ts),
                ))
            }
            Kind::Damaged(why) => Err(why.into()),
            Kind::Null | Kind::Plain => Err("not ciphertext".into()),
        }
    }

    /// Which key version holds a value (`None`: none of ours).
    pub fn holder(&self, p: &Parsed, ctx: Option<&[u8]>) -> Option<Holder> {
        // NO_TARGET marks a stand-in target, not a key id anyone gave.
        let id_of = |i: usize| self.decrypt[i].id.filter(|&x| x != NO_TARGET);
        let (format, key_id) = match p.kind {
            Kind::Envelope(id) => (
                self.label(ValueFormat::Envelope),
                self.open_envelope(id, &p.bytes, ctx)
                    .map(|(i, _)| id_of(i).or(Some(id)))?,
            ),
            Kind::Fernet => (
                self.label(ValueFormat::Fernet),
                self.fernet_key(&p.bytes).map(id_of)?,
            ),
            _ => return None,
        };
        Some(Holder { format, key_id })
    }

    /// What a stored value is, for `rotate status` and `key list --db`:
    /// who holds it, or why nobody does.
    pub fn classify(&self, v: &Value, ctx: Option<&[u8]>) -> Class {
        let p = self.admit(parse(v));
        let foreign = |bytes: Option<&[u8]>| match bytes.map(|b| self.foreign.open(b)) {
            None | Some(Found::Plain) => Class::Plain,
            Some(Found::Unrecognized) => Class::Unrecognized,
            Some(Found::Failed(_)) => Class::Undecryptable,
            Some(Found::Opened { reader, key, .. }) => {
                let (format, key_id) = self.foreign.holder(reader, key);
                Class::Held(Holder { format, key_id })
            }
        };
        match p.kind {
            Kind::Null => Class::Null,
            Kind::Plain => foreign(value_bytes(v)),
            Kind::Damaged(_) => Class::Undecryptable,
            _ => match self.holder(&p, ctx) {
                Some(h) => Class::Held(h),
                // A value that only looked like one of ours (a foreign
                // format's bytes can start as a Fernet token does).
                None => match foreign(value_bytes(v)) {
                    Class::Held(h) => Class::Held(h),
                    _ => Class::Undecryptable,
                },
            },
        }
    }

    fn seal(
        &self,
        plain: &[u8],
        ctx: Option<&[u8]>,
        fernet_ts: Option<u64>,
        storage: Storage,
    ) -> Result<Value, String> {
        let text_or_bytes = |text: String, blob: bool| {
            if blob {
                Value::Blob(text.into_bytes())
            } else {
                Value::Text(text)
            }
        };
        let Some(format) = self.format else {
            return self.seal_foreign(plain, None, storage);
        };
        match format {
            ValueFormat::Envelope => {
                let env = &self.target_env;
                let err = |e: crate::error::Error| e.message().to_string();
                Ok(match storage {
                    Storage::Binary => Value::Blob(env.seal(plain, ctx).map_err(err)?),
                    Storage::Text { blob } => {
                        text_or_bytes(env.seal_base64(plain, ctx).map_err(err)?, blob)
                    }
                })
            }
            ValueFormat::Fernet => {
                let iv =
                    crate::crypto::random::nonce::<16>().map_err(|e| e.message().to_string())?;
                // MultiFernet.rotate keeps the original timestamp.
                let ts = fernet_ts.unwrap_or_else(fernet::unix_now);
                let token = self.target_fernet.encrypt_at(plain, ts, &iv);
                Ok(match storage {
                    Storage::Binary => Value::Blob(token.into_bytes()),
                    Storage::Text { blob } => text_or_bytes(token, blob),
                })
            }
        }
    }

    /// The target foreign format's stored form of `plain`, kept in the
    /// storage form of the value it replaces (text in a BLOB stays a BLOB).
    fn seal_foreign(
        &self,
        plain: &[u8],
        source: Option<(usize, usize, &[u8])>,
        storage: Storage,
    ) -> Result<Value, String> {
        let (bytes, text) = self.foreign.seal(plain, source)?;
        Ok(match (text, storage) {
            (true, Storage::Text { blob: false }) => Value::Text(
                String::from_utf8(bytes).map_err(|_| "internal: text format wrote bytes")?,
            ),
            _ => Value::Blob(bytes),
        })
    }

    /// Rotates a value no format of ours parsed: one of the foreign
    /// formats', unrecognized ciphertext, or plaintext.
    fn rotate_foreign(&self, v: &Value, ctx: Option<&[u8]>, encrypt_plaintext: bool) -> Outcome {
        let Some(bytes) = value_bytes(v) else {
            return self.rotate_plain(v, ctx, encrypt_plaintext);
        };
        match self.foreign.open(bytes) {
            Found::Plain => self.rotate_plain(v, ctx, encrypt_plaintext),
            Found::Unrecognized => Outcome::Unrecognized,
            Found::Failed(why) => Outcome::Undecryptable(why),
            Found::Opened { reader, key, plain } => {
                if self.foreign.is_current(reader, key, bytes) {
                    return Outcome::Current;
                }
                let storage = match v {
                    Value::Blob(_) => Storage::Text { blob: true },
                    _ => Storage::Text { blob: false },
                };
                let sealed = match self.format {
                    None => self.seal_foreign(&plain, Some((reader, key, bytes)), storage),
                    Some(_) => self.seal(&plain, ctx, None, storage),
                };
                match sealed {
                    Ok(new) => Outcome::Rotated(new),
                    Err(e) => Outcome::Undecryptable(e),
                }
            }
        }
    }

    /// Plaintext: left alone, or encrypted with `--encrypt-plaintext`.
    fn rotate_plain(&self, v: &Value, ctx: Option<&[u8]>, encrypt_plaintext: bool) -> Outcome {
        if !encrypt_plaintext {
            return Outcome::Plain(None);
        }
        let (bytes, storage) = match v {
            Value::Text(t) => (t.as_bytes().to_vec(), Storage::Text { blob: false }),
            Value::Blob(b) => (b.clone(), Storage::Binary),
            Value::Integer(i) => (i.to_string().into_bytes(), Storage::Text { blob: false }),
            Value::Real(r) => (r.to_string().into_bytes(), Storage::Text { blob: false }),
            Value::Null => return Outcome::Null,
        };
        match self.seal(&bytes, ctx, None, storage) {
            Ok(new) => Outcome::Plain(Some(new)),
            Err(e) => Outcome::Undecryptable(e),
        }
    }

    /// Rotates one stored value.
    pub fn rotate(&self, v: &Value, ctx: Option<&[u8]>, encrypt_plaintext: bool) -> Outcome {
        let p = self.admit(parse(v));
        let outcome = self.rotate_parsed(p, v, ctx, encrypt_plaintext);
        // A value that only looked like one of ours (a foreign format's
        // bytes can start as a Fernet token does) gets the foreign formats'
        // say before it is called undecryptable.
        match outcome {
            Outcome::Undecryptable(why) if self.foreign.reads_any() => {
                match self.rotate_foreign(v, ctx, false) {
                    o @ (Outcome::Current | Outcome::Rotated(_)) => o,
                    _ => Outcome::Undecryptable(why),
                }
            }
            o => o,
        }
    }

    fn rotate_parsed(
        &self,
        p: Parsed,
        v: &Value,
        ctx: Option<&[u8]>,
        encrypt_plaintext: bool,
    ) -> Outcome {
        match p.kind {
            Kind::Null => Outcome::Null,
            Kind::Damaged(why) => Outcome::Undecryptable(why.into()),
            Kind::Plain => self.rotate_foreign(v, ctx, encrypt_plaintext),
            // The token's own buffer is decrypted in place, not a copy.
            Kind::Fernet => {
                let ts = u64::from_be_bytes(p.bytes[1..9].try_into().expect("checked length"));
                match self.open_fernet(p.bytes) {
                    Err(e) => Outcome::Undecryptable(e),
                    Ok((0, _)) if self.format == Some(ValueFormat::Fernet) => Outcome::Current,
                    Ok((_, plain)) => match self.seal(&plain, ctx, Some(ts), p.storage) {
                        Ok(new) => Outcome::Rotated(new),
                        Err(e) => Outcome::Undecryptable(e),
                    },
                }
            }
            // A value sealed before contexts were used still opens without
            // one, so `--context-from-row` can migrate it; it is sealed with
            // the context.
            Kind::Envelope(id) => {
                let opened = match self.open_envelope(id, &p.bytes, ctx) {
                    Some((i, plain)) => Some((i, plain, true)),
                    None if ctx.is_some() => self
                        .open_envelope(id, &p.bytes, None)
                        .map(|(i, plain)| (i, plain, false)),
                    None => None,
                };
                match opened {
                    None => Outcome::Undecryptable(format!(
                        "envelope under key {id}: no key given decrypts it (authentication failed)"
                    )),
                    Some((0, _, true))
                        if self.format == Some(ValueFormat::Envelope) && id == self.target_id =>
                    {
                        Outcome::Current
                    }
                    Some((_, plain, _)) => match self.seal(&plain, ctx, None, p.storage) {
                        Ok(new) => Outcome::Rotated(new),
                        Err(e) => Outcome::Undecryptable(e),
                    },
                }
            }
        }
    }

    /// The plaintext of a stored value, for `verify` (None for NULL and plaintext).
    pub fn plaintext(
        &self,
        v: &Value,
        ctx: Option<&[u8]>,
    ) -> Result<Option<Zeroizing<Vec<u8>>>, String> {
        let p = self.admit(parse(v));
        match p.kind {
            Kind::Null => Ok(None),
            Kind::Plain => match value_bytes(v).map(|b| self.foreign.open(b)) {
                None | Some(Found::Plain) => Ok(None),
                Some(Found::Opened { plain, .. }) => Ok(Some(plain)),
                Some(Found::Failed(why)) => Err(why),
                Some(Found::Unrecognized) => {
                    Err("looks encrypted, but in none of the formats given".into())
                }
            },
            _ => self.decrypt(&p, ctx).map(|(plain, _, _)| Some(plain)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(b: u8) -> Key256 {
        Key256::from_bytes([b; 32])
    }

    #[test]
    fn a_cut_token_or_envelope_is_damaged_not_plaintext() {
        let token = FernetKey::new(&k(1)).encrypt(b"hello").unwrap();
        let env = EnvelopeKey::new(&k(1), 7)
            .seal_base64(b"hello", None)
            .unwrap();
        let keys = Keys::new(
            &k(2),
            8,
            ValueFormat::Envelope,
            vec![DecryptKey::new(&k(1), Some(7))],
        );
        for cut in [
            &token[..token.len() - 5],
            &token[..10],
            &env[..20],
            &env[..6],
        ] {
            let v = Value::Text(cut.to_string());
            assert!(matches!(parse(&v).kind, Kind::Damaged(_)), "{cut}");
            assert!(
                matches!(keys.rotate(&v, None, true), Outcome::Undecryptable(_)),
                "{cut}"
            );
            assert!(keys.plaintext(&v, None).is_err(), "{cut}");
        }
        let mut bin = EnvelopeKey::new(&k(1), 7).seal(b"hello", None).unwrap();
        bin.truncate(5);
        assert!(matches!(parse(&Value::Blob(bin)).kind, Kind::Damaged(_)));
        for plain in ["gAAA", "S1c", "hello", "KW1 is a model"] {
            assert!(
                matches!(parse(&Value::Text(plain.into())).kind, Kind::Plain),
                "{plain}"
            );
        }
    }

    #[test]
    fn envelope_to_envelope_keeps_storage_form() {
        let old = EnvelopeKey::new(&k(1), 1);
        let keys = Keys::new(
            &k(2),
            2,
            ValueFormat::Envelope,
            vec![DecryptKey::new(&k(1), Some(1))],
        );
        let text = Value::Text(old.seal_base64(b"hello", None).unwrap());
        let Outcome::Rotated(Value::Text(new)) = keys.rotate(&text, None, false) else {
            panic!()
        };
        assert!(matches!(
            keys.rotate(&Value::Text(new.clone()), None, false),
            Outcome::Current
        ));
        assert_eq!(
            &EnvelopeKey::new(&k(2), 2).open_base64(&new, None).unwrap()[..],
            b"hello"
        );
        let blob = Value::Blob(old.seal(b"bin", None).unwrap());
        let Outcome::Rotated(Value::Blob(nb)) = keys.rotate(&blob, None, false) else {
            panic!()
        };
        assert_eq!(envelope::parse_header(&nb).unwrap().key_id, 2);
    }

    #[test]
    fn fernet_rotation_keeps_the_timestamp() {
        let old = FernetKey::new(&k(1));
        let keys = Keys::new(
            &k(2),
            2,
            ValueFormat::Fernet,
            vec![DecryptKey::new(&k(1), None)],
        );
        let token = old.encrypt_at(b"memory", 1_000, &[7; 16]);
        let Outcome::Rotated(Value::Text(new)) = keys.rotate(&Value::Text(token), None, false)
        else {
            panic!()
        };
        assert_eq!(fernet::timestamp(&new).unwrap(), 1_000);
        assert!(matches!(
            keys.rotate(&Value::Text(new.clone()), None, false),
            Outcome::Current
        ));
        // Python stores tokens as bytes: a BLOB of ASCII stays a BLOB of ASCII.
        let blob = Value::Blob(old.encrypt_at(b"m", 5, &[1; 16]).into_bytes());
        let Outcome::Rotated(Value::Blob(b)) = keys.rotate(&blob, None, false) else {
            panic!()
        };
        assert!(b.starts_with(b"gAAAAA"));
    }

    #[test]
    fn nulls_plaintext_and_strangers() {
        let keys = Keys::new(&k(2), 2, ValueFormat::Envelope, vec![]);
        assert!(matches!(
            keys.rotate(&Value::Null, None, false),
            Outcome::Null
        ));
        assert!(matches!(
            keys.rotate(&Value::Text("just text".into()), None, false),
            Outcome::Plain(None)
        ));
        assert!(matches!(
            keys.rotate(&Value::Text("just text".into()), None, true),
            Outcome::Plain(Some(_))
        ));
        let stranger = EnvelopeKey::new(&k(9), 9).seal_base64(b"x", None).unwrap();
        assert!(matches!(
            keys.rotate(&Value::Text(stranger), None, false),
            Outcome::Undecryptable(_)
        ));
    }
}

#[cfg(test)]
mod holder_tests {
    use super::*;

    /// Holders sort as their texts do (the order `rotate status` lists).
    #[test]
    fn holders_sort_as_their_texts() {
        let mut all = Vec::new();
        for format in ValueFormat::ALL {
            for key_id in [
                None,
                Some(0),
                Some(1),
                Some(2),
                Some(10),
                Some(19),
                Some(u32::MAX),
            ] {
                all.push(Holder {
                    format: Arc::from(format.name()),
                    key_id,
                });
            }
        }
        for a in &all {
            for b in &all {
                assert_eq!(a.cmp(b), a.to_string().cmp(&b.to_string()), "{a} / {b}");
            }
        }
    }
}
