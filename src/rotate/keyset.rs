//! The key sets a rotation or a survey works with: keys given directly
//! (by flag), or a keyring's.

use crate::crypto::ValueFormat;
use crate::crypto::keys::Key256;
use crate::error::{Error, Result};
use crate::keyring::Keyring;
use crate::rotate::codec::{DecryptKey, Keys, NO_TARGET};

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
/// asked before and after it retires).
pub fn keyring_all(ring: &Keyring) -> Keys {
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
