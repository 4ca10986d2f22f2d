//! The key sets a rotation or a survey works with: keys given directly
//! (by flag), or a keyring's.

use crate::crypto::ValueFormat;
use crate::crypto::keys::Key256;
use crate::error::{Error, Result};
use crate::formats::derive::DeriveSpec;
use crate::formats::spec::SpecKey;
use crate::formats::{Codec, FormatName, ValueKey};
use crate::keyring::Keyring;
use crate::rotate::codec::{DecryptKey, Keys, NO_TARGET};
use crate::rotate::foreign::{Foreign, Reader, ReaderKey};

/// A rotation's keys and a description of its target key for reports
/// (`keyring primary key 2 (sha256:...)`).
pub struct RotationKeys {
    /// The keys.
    pub keys: Keys,
    /// The target key, described.
    pub target: String,
}

/// `to` (known by `to_id`) as the target, the `old` keys (without ids,
/// tried in turn) to decrypt.
pub fn given(to: &Key256, to_id: u32, format: ValueFormat, old: &[Key256]) -> RotationKeys {
    let old = old.iter().map(|k| DecryptKey::new(k, None)).collect();
    RotationKeys {
        target: format!("key given by flag (id {to_id}, {})", to.fingerprint()),
        keys: Keys::new(to, to_id, format, old),
    }
}

/// The keyring's primary as the target, every usable key to decrypt.
pub fn from_keyring(ring: &Keyring, format: ValueFormat) -> Result<RotationKeys> {
    let primary = ring.primary().ok_or_else(|| {
        Error::bad_input("the keyring has no primary key").with_hint("`keyward key promote ID`")
    })?;
    Ok(RotationKeys {
        target: format!(
            "keyring primary key {} ({})",
            primary.id,
            primary.key.fingerprint()
        ),
        keys: Keys::new(&primary.key, primary.id, format, usable(ring)),
    })
}

/// Keys that only read (`rotate status` and `verify` with keys given by
/// flag): every key decrypts by trial, and none is a target, so nothing
/// counts as current.
pub fn readers(given: &[Key256]) -> Result<Keys> {
    let first = given
        .first()
        .ok_or_else(|| Error::usage("give a key with --key-env or --key-file"))?;
    let old = given.iter().map(|k| DecryptKey::new(k, None)).collect();
    Ok(Keys::new(first, NO_TARGET, ValueFormat::Envelope, old))
}

/// A keyring's usable keys, to survey with: the primary (or the first
/// usable key) as the target.
pub fn keyring_readers(ring: &Keyring) -> Result<Keys> {
    let (k, id) = ring
        .primary()
        .or_else(|| ring.usable().next())
        .map(|p| (p.key.clone(), p.id))
        .ok_or_else(|| Error::bad_input("the keyring has no usable key"))?;
    Ok(Keys::new(&k, id, ValueFormat::Envelope, usable(ring)))
}

/// Every key of a keyring, retired ones too (what still uses a key is
/// asked before and after it retires), reading keyward's formats and the
/// `from` formats (not spec formats: their keys are given by flag).
pub fn keyring_all(ring: &Keyring, from: &[FormatName]) -> Result<Keys> {
    let readers = ring_readers(from, None, || ring.keys.iter())?;
    Ok(keyring_all_native(ring).read_only(&ValueFormat::ALL, Foreign::new(None, readers)))
}

/// Readers of the foreign formats among `from` and `to`, each with the
/// keyring keys `entries` gives (the target's only the primary, added by
/// the caller). Spec formats are refused: their keys are secret text or
/// RSA files, given by flag.
fn ring_readers<'a, I: Iterator<Item = &'a crate::keyring::KeyEntry>>(
    from: &[FormatName],
    to: Option<&FormatName>,
    entries: impl Fn() -> I,
) -> Result<Vec<Reader>> {
    if from
        .iter()
        .chain(to)
        .any(|n| matches!(n, FormatName::Spec(_)))
    {
        return Err(Error::usage(
            "spec: formats take their keys by flag (--key-env/--key-file, --from-key-*/--to-key-*), not from the keyring",
        ));
    }
    from.iter()
        .filter(|n| !matches!(n, FormatName::Native(_)))
        .map(|name| {
            let keys = entries()
                .map(|e| ReaderKey::new(ValueKey::Key(e.key.clone()), Some(e.id)))
                .collect();
            Ok(Reader::new(name.load()?, name.to_string(), keys))
        })
        .collect()
}

fn keyring_all_native(ring: &Keyring) -> Keys {
    let (target_key, target_id) = ring
        .primary()
        .map(|k| (k.key.clone(), k.id))
        .unwrap_or_else(|| (Key256::from_bytes([0; 32]), 0));
    let old = ring
        .keys
        .iter()
        .map(|k| DecryptKey::new(&k.key, Some(k.id)))
        .collect();
    Keys::new(&target_key, target_id, ValueFormat::Envelope, old)
}

fn usable(ring: &Keyring) -> Vec<DecryptKey> {
    ring.usable()
        .map(|e| DecryptKey::new(&e.key, Some(e.id)))
        .collect()
}

/// A key given by flag, as read: its text (a key, a passphrase to derive
/// from, a spec's secret) or an RSA key in a PEM file.
pub enum GivenKey {
    /// The text of an environment variable or a private file.
    Text(crate::secret::SecretString),
    /// A PEM file (`PRIVATE KEY` or `PUBLIC KEY`).
    Pem(std::path::PathBuf),
}

/// The value formats of a rotation or survey, as the flags name them.
pub struct Formats<'a> {
    /// The formats read (`--from`; none: envelope and Fernet).
    pub from: &'a [FormatName],
    /// The format written (`--to`; a survey has none).
    pub to: Option<&'a FormatName>,
    /// How the old keys' text becomes a key (`--from-derive`).
    pub from_derive: DeriveSpec,
    /// How the new key's text becomes a key (`--to-derive`).
    pub to_derive: DeriveSpec,
}

impl Formats<'_> {
    /// Whether only keyward's own formats and plain keys are involved (the
    /// rotation is then what it always was).
    pub fn native_only(&self) -> bool {
        self.from.iter().all(|f| matches!(f, FormatName::Native(_)))
            && self.to.is_none_or(|f| matches!(f, FormatName::Native(_)))
            && matches!(self.from_derive, DeriveSpec::None)
            && matches!(self.to_derive, DeriveSpec::None)
    }

    /// Keyward's own formats read: those named, or both when none is.
    fn natives(&self) -> Vec<ValueFormat> {
        if self.from.is_empty() {
            return ValueFormat::ALL.to_vec();
        }
        self.from
            .iter()
            .filter_map(|f| match f {
                FormatName::Native(v) => Some(*v),
                _ => None,
            })
            .collect()
    }

    /// The foreign formats read, loaded, with their report labels.
    fn foreign_from(&self) -> Result<Vec<(Codec, String)>> {
        let mut out = Vec::new();
        for name in self.from {
            if !matches!(name, FormatName::Native(_)) {
                out.push((name.load()?, label(name, &self.from_derive)));
            }
        }
        Ok(out)
    }
}

/// A format's name in reports: `tiger:iterations=100000`, with its
/// derivation when one applies (`fernet-b64 via scrypt:n=16384,...`).
fn label(name: &FormatName, derive: &DeriveSpec) -> String {
    match derive {
        DeriveSpec::None => name.to_string(),
        d => format!("{name} via {d}"),
    }
}

/// The key `codec` takes, from a key given by flag: a spec's secret text
/// or RSA key, or a 256-bit key (derived from the text by `derive`).
pub fn value_key(
    given: &GivenKey,
    codec: &Codec,
    derive: &DeriveSpec,
    flag: &str,
) -> Result<ValueKey> {
    match (codec, given) {
        (Codec::Spec(_), _) if !matches!(derive, DeriveSpec::None) => Err(Error::usage(format!(
            "{flag} does not apply to spec: formats; a spec derives its key in its [key] table"
        ))),
        (Codec::Spec(_), GivenKey::Pem(path)) => Ok(ValueKey::Spec(SpecKey::rsa_pem(path)?)),
        (Codec::Spec(spec), GivenKey::Text(t)) => Ok(ValueKey::Spec(
            SpecKey::Secret(zeroize::Zeroizing::new(t.expose().as_bytes().to_vec()))
                .prepared(spec)?,
        )),
        (_, GivenKey::Pem(path)) => Err(Error::usage(format!(
            "{}: an RSA key is for spec formats with cipher = \"rsa-oaep-aes-256-gcm\"",
            path.display()
        ))),
        (_, GivenKey::Text(t)) => Ok(ValueKey::Key(key256(t, derive)?)),
    }
}

/// A 256-bit key from a key's text: parsed, or derived by `derive`.
fn key256(text: &crate::secret::SecretString, derive: &DeriveSpec) -> Result<Key256> {
    derive
        .derive(text.expose().as_bytes(), None)
        .map_err(|e| e.context("the key"))
}

/// The 256-bit keys of the given keys, for keyward's own formats (none
/// needed when none is read).
fn native_keys(
    given: &[GivenKey],
    derive: &DeriveSpec,
    natives: &[ValueFormat],
) -> Result<Vec<DecryptKey>> {
    if natives.is_empty() {
        return Ok(Vec::new());
    }
    given
        .iter()
        .map(|g| match g {
            GivenKey::Text(t) => Ok(DecryptKey::new(&key256(t, derive)?, None)),
            GivenKey::Pem(path) => Err(Error::usage(format!(
                "{}: an RSA key is for spec formats; envelope and fernet take a 256-bit key (name the formats with --from)",
                path.display()
            ))),
        })
        .collect()
}

/// The readers of the foreign formats, each with every given key.
fn foreign_readers(f: &Formats, given: &[GivenKey], flag: &str) -> Result<Vec<Reader>> {
    f.foreign_from()?
        .into_iter()
        .map(|(codec, label)| {
            let keys = given
                .iter()
                .map(|g| {
                    Ok(ReaderKey::new(
                        value_key(g, &codec, &f.from_derive, flag)?,
                        None,
                    ))
                })
                .collect::<Result<Vec<_>>>()?;
            Ok(Reader::new(codec, label, keys))
        })
        .collect()
}

/// A rotation with keys given by flag, in any formats: `to` (the new key,
/// id `to_id` for envelopes) as the target, every `old` key to read with.
pub fn given_formats(
    to: &GivenKey,
    to_id: u32,
    old: &[GivenKey],
    f: &Formats,
) -> Result<RotationKeys> {
    let natives = f.natives();
    let readers = foreign_readers(f, old, "--from-derive")?;
    let old_native = native_keys(old, &f.from_derive, &natives)?;
    let to_name =
        f.to.cloned()
            .unwrap_or(FormatName::Native(ValueFormat::Envelope));
    let keys = match &to_name {
        FormatName::Native(format) => {
            let GivenKey::Text(text) = to else {
                return Err(Error::usage(
                    "the new key is an RSA key file; envelope and fernet take a 256-bit key",
                ));
            };
            let key = key256(text, &f.to_derive)?;
            let target = format!("key given by flag (id {to_id}, {})", key.fingerprint());
            let keys = Keys::new(&key, to_id, *format, old_native)
                .read_only(&natives, Foreign::new(None, readers));
            return Ok(RotationKeys { keys, target });
        }
        other => {
            let codec = other.load()?;
            let key = value_key(to, &codec, &f.to_derive, "--to-derive")?;
            let target = match &key {
                ValueKey::Key(k) => format!("key given by flag ({})", k.fingerprint()),
                ValueKey::Spec(_) => "key given by flag".to_string(),
            };
            let reader = Reader::new(
                codec,
                label(other, &f.to_derive),
                vec![ReaderKey::new(key, None)],
            );
            (
                Keys::to_foreign(old_native, Foreign::new(Some(reader), readers), &natives),
                target,
            )
        }
    };
    Ok(RotationKeys {
        keys: keys.0,
        target: keys.1,
    })
}

/// A rotation to the keyring's primary key, in any formats (not spec
/// formats, whose keys are secret text or RSA files given by flag).
pub fn keyring_formats(ring: &Keyring, f: &Formats) -> Result<RotationKeys> {
    let readers = ring_readers(f.from, f.to, || ring.usable())?;
    let primary = ring.primary().ok_or_else(|| {
        Error::bad_input("the keyring has no primary key").with_hint("`keyward key promote ID`")
    })?;
    let natives = f.natives();
    let target = format!(
        "keyring primary key {} ({})",
        primary.id,
        primary.key.fingerprint()
    );
    let to_name =
        f.to.cloned()
            .unwrap_or(FormatName::Native(ValueFormat::Envelope));
    let keys = match &to_name {
        FormatName::Native(format) => Keys::new(&primary.key, primary.id, *format, usable(ring))
            .read_only(&natives, Foreign::new(None, readers)),
        other => {
            let reader = Reader::new(
                other.load()?,
                other.to_string(),
                vec![ReaderKey::new(
                    ValueKey::Key(primary.key.clone()),
                    Some(primary.id),
                )],
            );
            Keys::to_foreign(usable(ring), Foreign::new(Some(reader), readers), &natives)
        }
    };
    Ok(RotationKeys { keys, target })
}

/// Keys that only read, in any formats (`rotate status` and `verify`):
/// the given keys, or the keyring's usable keys.
pub fn readers_formats(
    given: Option<&[GivenKey]>,
    ring: Option<&Keyring>,
    f: &Formats,
) -> Result<Keys> {
    let natives = f.natives();
    let (old, readers) = match (given, ring) {
        (Some(given), _) => (
            native_keys(given, &f.from_derive, &natives)?,
            foreign_readers(f, given, "--derive")?,
        ),
        (None, Some(ring)) => (usable(ring), ring_readers(f.from, None, || ring.usable())?),
        (None, None) => return Err(Error::usage("give a key with --key-env or --key-file")),
    };
    Ok(Keys::to_foreign(old, Foreign::new(None, readers), &natives))
}

const KEY_PROMPT: crate::secret::SecretPrompt = crate::secret::SecretPrompt {
    what: "key",
    env_flag: "--*-key-env",
    file_flag: "--*-key-file",
    confirm: false,
    private_file: true,
};

/// One key named by flag, as read: an RSA key in a PEM file stays a path
/// (the format reads it); anything else is the secret's text.
pub fn given_key(env: Option<&str>, file: Option<&std::path::Path>) -> Result<GivenKey> {
    if let Some(path) = file {
        let head = crate::fsutil::read_bounded(path, crate::fsutil::MAX_SECRET_FILE_BYTES)?;
        if head.starts_with(b"-----BEGIN") {
            return Ok(GivenKey::Pem(path.to_path_buf()));
        }
    }
    let source = match (env, file) {
        (Some(name), _) => format!("environment variable {name}"),
        (None, Some(p)) => p.display().to_string(),
        (None, None) => "the prompt".into(),
    };
    crate::secret::read_secret(env, file, &KEY_PROMPT)
        .map(GivenKey::Text)
        .map_err(|e| e.context(&source))
}

/// Keys named by `--*-key-env` and `--*-key-file` flags, as read.
pub fn given_keys(envs: &[String], files: &[std::path::PathBuf]) -> Result<Vec<GivenKey>> {
    let mut keys = Vec::with_capacity(envs.len() + files.len());
    for name in envs {
        keys.push(given_key(Some(name), None)?);
    }
    for path in files {
        keys.push(given_key(None, Some(path))?);
    }
    Ok(keys)
}
