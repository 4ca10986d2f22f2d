//! The services' own value formats in a rotation (issue #18): reading a
//! value in any of the formats given with `--from`, telling a value already
//! in the target format under the target key, and writing the target
//! format. keyward's envelope and canonical Fernet stay in [`super::codec`];
//! this is everything [`crate::formats`] reads.
//!
//! A value no given format recognises is *unrecognized* when it looks
//! encrypted ([`crate::formats::looks_encrypted`]): a rotation never takes
//! it for plaintext, never encrypts over it, and reports it.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use zeroize::Zeroizing;

use crate::crypto::fernet::FernetKey;
use crate::formats::{Codec, Open, ValueKey, fernet_b64, looks_encrypted, tiger};

/// One key a format is tried with.
pub struct ReaderKey {
    key: ValueKey,
    /// The keyring id (None: given by flag).
    id: Option<u32>,
    /// Derived per-value keys, where the format derives one per value.
    cache: tiger::KeyCache,
}

impl ReaderKey {
    /// `key`, known by `id` in the keyring (None: given by flag).
    pub fn new(key: ValueKey, id: Option<u32>) -> ReaderKey {
        ReaderKey {
            key,
            id,
            cache: tiger::KeyCache::default(),
        }
    }

    fn can_open(&self) -> bool {
        match &self.key {
            ValueKey::Key(_) => true,
            ValueKey::Spec(k) => k.can_open(),
        }
    }
}

/// A format read with the keys that may open it.
pub struct Reader {
    codec: Codec,
    /// The format (and derivation) as `status` names it.
    label: Arc<str>,
    keys: Vec<ReaderKey>,
}

impl Reader {
    /// `codec`, named `label` in reports, tried with `keys` in turn.
    pub fn new(codec: Codec, label: String, keys: Vec<ReaderKey>) -> Reader {
        Reader {
            codec,
            label: label.into(),
            keys,
        }
    }
}

/// The foreign formats of a rotation: the target format first when it is
/// one of them (with the target key only), then the formats given with
/// `--from`.
pub struct Foreign {
    readers: Vec<Reader>,
    /// `readers[0]` is the target format, `keys[0]` the target key.
    writes: bool,
    /// The salts and keys the target writes under (per-value KDF formats).
    write_keys: tiger::WriteKeys,
    /// The (reader, key) that opened the last value, tried first (rows
    /// written together share a format and key; a wrong guess costs a key
    /// derivation with per-value KDF formats).
    hint: AtomicUsize,
}

/// What the foreign formats made of a value.
pub enum Found {
    /// Opened by `readers[reader].keys[key]`.
    Opened {
        /// The reader.
        reader: usize,
        /// The key.
        key: usize,
        /// The plaintext.
        plain: Zeroizing<Vec<u8>>,
    },
    /// A format recognised it but it did not open (the reason).
    Failed(String),
    /// No format recognised it, and it looks encrypted.
    Unrecognized,
    /// No format recognised it, and it does not look encrypted: plaintext.
    Plain,
}

const KEY_BITS: usize = 16;

fn pair(reader: usize, key: usize) -> usize {
    (reader << KEY_BITS) | key
}

impl Foreign {
    /// `target` (a format with its one key) and the formats read.
    pub fn new(target: Option<Reader>, from: Vec<Reader>) -> Foreign {
        let writes = target.is_some();
        let readers: Vec<Reader> = target.into_iter().chain(from).collect();
        Foreign {
            readers,
            writes,
            write_keys: tiger::WriteKeys::default(),
            hint: AtomicUsize::new(0),
        }
    }

    /// No format at all: values are only told apart as plaintext or
    /// unrecognized.
    pub fn none() -> Foreign {
        Foreign::new(None, Vec::new())
    }

    /// Whether a foreign format is the target.
    pub fn writes(&self) -> bool {
        self.writes
    }

    /// Whether any foreign format is read.
    pub fn reads_any(&self) -> bool {
        !self.readers.is_empty()
    }

    /// Whether a value costs a key derivation or an RSA operation.
    pub fn costly(&self) -> bool {
        self.readers.iter().any(|r| r.codec.costly())
    }

    /// The label and keyring id of a reader's key, for `status`.
    pub fn holder(&self, reader: usize, key: usize) -> (Arc<str>, Option<u32>) {
        let r = &self.readers[reader];
        (r.label.clone(), r.keys[key].id)
    }

    /// The target format's label.
    pub fn target_label(&self) -> Option<&str> {
        self.writes.then(|| &*self.readers[0].label)
    }

    /// Tries the formats on one stored value (text or BLOB bytes).
    pub fn open(&self, value: &[u8]) -> Found {
        let hint = self.hint.load(Relaxed);
        let (hr, hk) = (hint >> KEY_BITS, hint & ((1 << KEY_BITS) - 1));
        let try_pair = |r: usize, k: usize| -> Option<Result<Zeroizing<Vec<u8>>, Open>> {
            let reader = self.readers.get(r)?;
            let key = reader.keys.get(k).filter(|k| k.can_open())?;
            Some(reader.codec.open(&key.key, value, &key.cache))
        };
        let hinted = try_pair(hr, hk);
        if let Some(Ok(plain)) = hinted {
            return Found::Opened {
                reader: hr,
                key: hk,
                plain,
            };
        }
        let mut failure: Option<String> = None;
        for (ri, reader) in self.readers.iter().enumerate() {
            if ri == hr && matches!(hinted, Some(Err(Open::NotThisFormat))) {
                continue;
            }
            let mut wrong_key = false;
            for ki in 0..reader.keys.len() {
                let result = if (ri, ki) == (hr, hk) {
                    match &hinted {
                        Some(Err(e)) => Err(e.clone()),
                        _ => continue,
                    }
                } else {
                    match try_pair(ri, ki) {
                        Some(r) => r,
                        None => continue,
                    }
                };
                match result {
                    Ok(plain) => {
                        self.hint.store(pair(ri, ki), Relaxed);
                        return Found::Opened {
                            reader: ri,
                            key: ki,
                            plain,
                        };
                    }
                    Err(Open::NotThisFormat) => break,
                    Err(Open::WrongKey) => wrong_key = true,
                    Err(Open::Malformed(why)) => {
                        failure.get_or_insert(format!("{}: {why}", reader.label));
                        break;
                    }
                }
            }
            if wrong_key {
                failure.get_or_insert(format!(
                    "{}: no key given decrypts it (authentication failed)",
                    reader.label
                ));
            }
        }
        match failure {
            Some(why) => Found::Failed(why),
            None if looks_encrypted(value) => Found::Unrecognized,
            None => Found::Plain,
        }
    }

    /// Whether a value opened by `(reader, key)` is already in the target
    /// format under the target key (for Tiger with `version=V`, also at
    /// that `key_version`).
    pub fn is_current(&self, reader: usize, key: usize, value: &[u8]) -> bool {
        if !self.writes || (reader, key) != (0, 0) {
            return false;
        }
        match &self.readers[0].codec {
            Codec::Tiger(tiger::Params {
                version: Some(v), ..
            }) => record_version(value) == Some(*v),
            _ => true,
        }
    }

    /// The target format's stored form of `plain`; `source` is the value
    /// it came from when a foreign format read it (its reader, key and
    /// bytes): Tiger keeps the record's `key_version` unless `version=` is
    /// given, and an RSA-wrapped value of the target's own spec is
    /// re-wrapped without touching its data. `text` says whether the
    /// result is text (else raw bytes).
    pub fn seal(
        &self,
        plain: &[u8],
        source: Option<(usize, usize, &[u8])>,
    ) -> Result<(Vec<u8>, bool), String> {
        let target = &self.readers[0];
        let err = |e: crate::error::Error| e.message().to_string();
        let key256 = || match &target.keys[0].key {
            ValueKey::Key(k) => Ok(k),
            ValueKey::Spec(_) => Err("internal: this format takes a 256-bit key".to_string()),
        };
        match &target.codec {
            Codec::FernetB64 => Ok((
                fernet_b64::seal(&FernetKey::new(key256()?), plain)
                    .map_err(err)?
                    .into_bytes(),
                true,
            )),
            Codec::Tiger(p) => {
                let own = source
                    .filter(|(r, _, _)| matches!(self.readers[*r].codec, Codec::Tiger(_)))
                    .and_then(|(_, _, bytes)| record_version(bytes));
                let version = p.version.or(own).unwrap_or(1);
                Ok((
                    tiger::seal_with(&self.write_keys, key256()?, plain, version, p)
                        .map_err(err)?
                        .into_bytes(),
                    true,
                ))
            }
            Codec::Spec(spec) => {
                let ValueKey::Spec(new) = &target.keys[0].key else {
                    return Err("internal: a spec format needs its own key".into());
                };
                // Raw concatenated parts are binary (a BLOB or bytea); a
                // JSON record or an encoded layout is text.
                let text = !(spec.encoding == crate::formats::spec::Encoding::Raw
                    && matches!(spec.shape, crate::formats::spec::Shape::Layout(_)));
                let same = source.filter(|(r, _, _)| self.readers[*r].codec == target.codec);
                if let Some((r, k, bytes)) = same {
                    if target.codec.is_rsa() {
                        let ValueKey::Spec(old) = &self.readers[r].keys[k].key else {
                            return Err("internal: a spec format needs its own key".into());
                        };
                        return spec
                            .rewrap(old, new, bytes)
                            .map(|v| (v, text))
                            .map_err(|e| e.to_string());
                    }
                    let version = spec.split(bytes).ok().and_then(|p| p.version);
                    return spec
                        .seal(new, plain, version)
                        .map(|v| (v, text))
                        .map_err(err);
                }
                spec.seal(new, plain, None).map(|v| (v, text)).map_err(err)
            }
            Codec::Native(_) => Err("internal: keyward's own formats are not foreign".into()),
        }
    }
}

/// A Tiger record's `key_version`.
fn record_version(value: &[u8]) -> Option<u32> {
    tiger::parse(std::str::from_utf8(value).ok()?)
        .ok()
        .map(|r| r.key_version)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::keys::Key256;
    use crate::formats::tiger::Params;

    fn tiger(iterations: u32, version: Option<u32>, key: u8) -> Reader {
        Reader::new(
            Codec::Tiger(Params {
                iterations,
                version,
                ..Params::default()
            }),
            format!("tiger:iterations={iterations}"),
            vec![ReaderKey::new(
                ValueKey::Key(Key256::from_bytes([key; 32])),
                None,
            )],
        )
    }

    #[test]
    fn the_target_opens_current_values_and_old_formats_open_the_rest() {
        let f = Foreign::new(Some(tiger(1000, Some(2), 2)), vec![tiger(500, None, 1)]);
        let old = tiger::seal(&Key256::from_bytes([1; 32]), b"x", 1, 500).unwrap();
        let Found::Opened { reader, key, plain } = f.open(old.as_bytes()) else {
            panic!("the old format did not open its value")
        };
        assert_eq!((reader, key, &plain[..]), (1, 0, &b"x"[..]));
        assert!(!f.is_current(reader, key, old.as_bytes()));
        // Sealed at version 2 (asked for), under the target: current.
        let (new, text) = f.seal(b"x", Some((reader, key, old.as_bytes()))).unwrap();
        assert!(text);
        let Found::Opened { reader, key, .. } = f.open(&new) else {
            panic!("the target did not open what it wrote")
        };
        assert!(f.is_current(reader, key, &new));
        // The target key at another key_version is not current.
        let v1 = tiger::seal(&Key256::from_bytes([2; 32]), b"x", 1, 1000).unwrap();
        let Found::Opened { reader, key, .. } = f.open(v1.as_bytes()) else {
            panic!()
        };
        assert!(!f.is_current(reader, key, v1.as_bytes()));
    }

    #[test]
    fn strangers_and_plaintext_are_told_apart() {
        let f = Foreign::new(None, vec![tiger(500, None, 1)]);
        let other = tiger::seal(&Key256::from_bytes([9; 32]), b"x", 1, 500).unwrap();
        assert!(
            matches!(f.open(other.as_bytes()), Found::Failed(why) if why.contains("no key given"))
        );
        assert!(matches!(
            f.open(b"Z0FBQUFBQmxxxxxYWJjZGVmZ2hpamtsbW5vcHFy"),
            Found::Unrecognized
        ));
        assert!(matches!(f.open(b"just some words"), Found::Plain));
    }

    #[test]
    fn written_values_share_a_salt_for_salt_reuse_values() {
        let mut target = tiger(500, None, 2);
        if let Codec::Tiger(p) = &mut target.codec {
            p.salt_reuse = 3;
        }
        let f = Foreign::new(Some(target), Vec::new());
        let salts: Vec<Vec<u8>> = (0..7)
            .map(|_| {
                let (v, _) = f.seal(b"x", None).unwrap();
                tiger::parse(std::str::from_utf8(&v).unwrap()).unwrap().salt
            })
            .collect();
        assert!(salts[0] == salts[1] && salts[1] == salts[2]);
        assert!(salts[2] != salts[3] && salts[3] == salts[5] && salts[5] != salts[6]);
    }
}
