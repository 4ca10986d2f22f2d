//! The keyring: versioned data-encryption keys in one sealed file.
//!
//! Each key has an id, a creation time and a named state: `primary`
//! (encrypts and decrypts), `active` (decrypts only) or `retired` (kept for
//! the record, usable by nobody). Roles are stored by name, never implied by
//! a position in a list: the order bugs of Flask's CVE-2025-47278, Rails
//! (the last key encrypts) and MultiFernet (the first one does) cannot
//! happen. A new key arrives `active` so every reader can learn it before
//! `promote` makes it primary, the two-phase rollout large deployments use.
//!
//! The file is JSON: a plaintext header saying how the key-encryption key
//! (KEK) is obtained, and the key list sealed in a keyward envelope under
//! the KEK, with the header bound as associated data. The KEK comes from
//! `KEYWARD_KEK` (any key encoding) or from a passphrase through scrypt with
//! the salt and parameters in the header. A wrong KEK is an authentication
//! failure (exit 3) and changes nothing; every change rewrites the file
//! atomically with mode 0600.

use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};
use zeroize::{Zeroize, Zeroizing};

use crate::crypto::envelope::EnvelopeKey;
use crate::crypto::kdf::Kdf;
use crate::crypto::keys::Key256;
use crate::error::{Error, Result};
use crate::fsutil::{self, Overwrite};
use crate::secret::SecretString;

pub mod audited;
pub mod pending;

pub use pending::PendingEnvKey;

/// The `format` field of every keyring file.
pub const FORMAT: &str = "keyward-keyring";

/// A key's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum KeyState {
    /// Encrypts and decrypts.
    Primary,
    /// Decrypts only.
    Active,
    /// Kept for the record; usable by nobody.
    Retired,
}

impl KeyState {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            KeyState::Primary => "primary",
            KeyState::Active => "active",
            KeyState::Retired => "retired",
        }
    }
}

/// One key version. `Debug` never shows the material.
#[derive(Clone)]
pub struct KeyEntry {
    /// The id envelopes carry in their header.
    pub id: u32,
    /// Its role.
    pub state: KeyState,
    /// RFC 3339 creation (or import) time.
    pub created_at: String,
    /// `generated`, or what it was imported from.
    pub origin: String,
    /// A note.
    pub note: Option<String>,
    /// The key material.
    pub key: Key256,
}

impl std::fmt::Debug for KeyEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "KeyEntry {{ id: {}, state: {:?}, key: [redacted] }}",
            self.id, self.state
        )
    }
}

/// What `key list` and `key show` report: everything but the material.
#[derive(Debug, Clone, Serialize)]
pub struct KeyInfo {
    /// Id.
    pub id: u32,
    /// State.
    pub state: KeyState,
    /// Created.
    pub created_at: String,
    /// Origin.
    pub origin: String,
    /// Note.
    pub note: Option<String>,
    /// SHA-256 fingerprint of the material.
    pub fingerprint: String,
}

impl KeyEntry {
    /// Its public description.
    pub fn info(&self) -> KeyInfo {
        KeyInfo {
            id: self.id,
            state: self.state,
            created_at: self.created_at.clone(),
            origin: self.origin.clone(),
            note: self.note.clone(),
            fingerprint: self.key.fingerprint(),
        }
    }
}

/// How the KEK is obtained, as recorded in the file header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "source", rename_all = "lowercase")]
pub enum KekSource {
    /// `KEYWARD_KEK` holds the key itself.
    Key,
    /// scrypt over a passphrase.
    Passphrase {
        /// scrypt N.
        n: u64,
        /// scrypt r.
        r: u32,
        /// scrypt p.
        p: u32,
        /// The salt, hex.
        salt: String,
    },
}

impl KekSource {
    /// Checks the header's scrypt parameters against keyward's KDF limits
    /// before any work: a header is not authenticated until the KEK it
    /// describes has been derived, so a hostile one must not be able to
    /// make that derivation take gigabytes or minutes. Bad input (exit 3).
    pub fn check_limits(&self, path: &Path) -> Result<()> {
        match self {
            KekSource::Key => Ok(()),
            KekSource::Passphrase { n, r, p, .. } => {
                crate::crypto::kdf::limits::check_scrypt(*n, *r, *p).map_err(|m| {
                    Error::bad_input(format!(
                        "{}: the keyring header's KEK parameters are beyond keyward's limits: {m}",
                        path.display()
                    ))
                    .with_hint("the file was altered, or written by something other than keyward")
                })
            }
        }
    }
}

#[derive(Serialize, Deserialize)]
struct FileHeader {
    format: String,
    version: u32,
    kek: KekSource,
    sealed: String,
}

#[derive(Serialize, Deserialize)]
struct StoredKey {
    id: u32,
    state: KeyState,
    created_at: String,
    origin: String,
    #[serde(default)]
    note: Option<String>,
    material: String,
}

#[derive(Serialize, Deserialize)]
struct Sealed {
    keys: Vec<StoredKey>,
    /// A change saved to the keyring whose audit entry is not known to be
    /// committed yet (see [`PendingAudit`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pending_audit: Option<PendingAudit>,
    /// Keys minted by `rotate run --update-env`, not yet in their dotenv
    /// file ([`pending`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pending_env: Vec<pending::StoredPendingEnv>,
}

/// The audit entry of a keyring change, kept (sealed) in the keyring from
/// the moment the change is saved until its entry is committed: a process
/// killed between the two writes leaves it here, and the next change of
/// the keyring appends the entry (unless it is already in the log, found
/// by `change_id`) before anything else.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingAudit {
    /// A random id, also in the entry's details.
    pub change_id: String,
    /// The action (`key.new`, `key.promote`, ...).
    pub action: String,
    /// The key it concerns.
    pub key_id: u32,
    /// The entry's risk (`low`, `medium`, `high`).
    pub risk: String,
    /// The entry's details (never key material).
    pub details: serde_json::Value,
    /// The entry's resource when it is not a keyring key (`key_id` is
    /// then 0): its type and id, such as a pending key's dotenv variable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<(String, String)>,
}

impl PendingAudit {
    /// What the entry concerns, for messages: `key 3`, `env_var /srv/.env:KEY`.
    pub fn what(&self) -> String {
        match &self.resource {
            Some((ty, id)) => format!("{ty} {id}"),
            None => format!("key {}", self.key_id),
        }
    }
}

/// Where the KEK comes from on this run.
pub enum KekInput {
    /// A key (from `KEYWARD_KEK`).
    Key(Key256),
    /// A passphrase (flag, file or prompt).
    Passphrase(SecretString),
}

impl std::fmt::Debug for KekInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            KekInput::Key(_) => "KekInput::Key([redacted])",
            KekInput::Passphrase(_) => "KekInput::Passphrase([redacted])",
        })
    }
}

/// An open keyring.
#[derive(Debug)]
pub struct Keyring {
    path: PathBuf,
    kek_source: KekSource,
    kek: Key256,
    /// The keys, by id.
    pub keys: Vec<KeyEntry>,
    /// A change whose audit entry is not known to be committed.
    pub pending_audit: Option<PendingAudit>,
    /// Keys minted by `rotate run --update-env`, not yet in their dotenv file.
    pub pending_env: Vec<PendingEnvKey>,
}

fn aad(kek: &KekSource) -> Vec<u8> {
    let mut v = b"keyward-keyring-v1|".to_vec();
    v.extend_from_slice(serde_json::to_string(kek).expect("serializable").as_bytes());
    v
}

fn derive_kek(source: &KekSource, input: &KekInput) -> Result<Key256> {
    match (source, input) {
        (KekSource::Key, KekInput::Key(k)) => Ok(k.clone()),
        (KekSource::Passphrase { n, r, p, salt }, KekInput::Passphrase(pass)) => {
            let salt = hex::decode(salt)
                .map_err(|_| Error::bad_input("the keyring header's salt is not hex"))?;
            Kdf::Scrypt {
                n: *n,
                r: *r,
                p: *p,
            }
            .derive_key(pass.expose().as_bytes(), &salt)
        }
        (KekSource::Key, KekInput::Passphrase(_)) => Err(Error::bad_input(
            "this keyring is sealed with a key: set KEYWARD_KEK (a passphrase does not open it)",
        )),
        (KekSource::Passphrase { .. }, KekInput::Key(_)) => Err(Error::bad_input(
            "this keyring is sealed with a passphrase: pass --passphrase-env or --passphrase-file (KEYWARD_KEK does not open it)",
        )),
    }
}

/// The KEK for a keyring: `KEYWARD_KEK`, else a passphrase (asked twice when
/// the keyring is being created), from the flags' environment variable or
/// file, or a prompt.
pub fn kek_input(
    passphrase_env: Option<&str>,
    passphrase_file: Option<&Path>,
    creating: bool,
    source: Option<&KekSource>,
) -> Result<KekInput> {
    let wants_passphrase = matches!(source, Some(KekSource::Passphrase { .. }));
    if !wants_passphrase
        && passphrase_env.is_none()
        && passphrase_file.is_none()
        && let Some(kek) = crate::secret::optional_env_secret("KEYWARD_KEK")?
    {
        let (key, _) = Key256::parse(kek.expose())
            .map_err(|e| Error::bad_input(format!("KEYWARD_KEK: {}", e.message())))?;
        return Ok(KekInput::Key(key));
    }
    if matches!(source, Some(KekSource::Key)) {
        return Err(Error::bad_input(
            "this keyring is sealed with a key: set KEYWARD_KEK",
        ));
    }
    let prompt = crate::secret::SecretPrompt {
        what: "keyring passphrase",
        env_flag: "--passphrase-env",
        file_flag: "--passphrase-file",
        confirm: creating,
        private_file: true,
    };
    let pass = crate::secret::read_secret(passphrase_env, passphrase_file, &prompt).map_err(|e| {
        if e.kind() != crate::error::ErrorKind::Usage {
            e
        } else if wants_passphrase {
            Error::usage("this keyring is sealed with a passphrase: give --passphrase-env or --passphrase-file")
        } else {
            Error::usage("no key-encryption key: set KEYWARD_KEK, or give --passphrase-env or --passphrase-file")
        }
    })?;
    Ok(KekInput::Passphrase(pass))
}

/// The keyring's path: `--keyring` (or `KEYWARD_KEYRING`, which the
/// command line resolves), or `keyring.json` beside the store (`store`:
/// `--store` or `KEYWARD_STORE`, else the XDG default).
pub fn resolve_path(flag: Option<&Path>, store: Option<&Path>) -> Result<PathBuf> {
    if let Some(p) = flag.filter(|p| !p.as_os_str().is_empty()) {
        return Ok(p.to_path_buf());
    }
    let store = crate::store::resolve_path(store)?;
    Ok(store.with_file_name("keyring.json"))
}

/// Takes the keyring's write lock (`PATH.lock`, beside it): held from
/// reading the keyring to writing it back, so two processes changing it at
/// once never both start from the same version and lose one's key.
pub fn lock_for_update(path: &Path) -> Result<fsutil::FileLock> {
    // On a fresh machine the keyring's directory (the store's, by default)
    // does not exist yet.
    if let Some(dir) = path.parent() {
        fsutil::create_private_dir(dir)?;
    }
    let mut lock = path.as_os_str().to_owned();
    lock.push(".lock");
    let held = fsutil::lock_exclusive(Path::new(&lock), path, std::time::Duration::from_secs(30))?;
    // Under the lock: temporary files of writers that died (kill -9
    // between writing and renaming) are theirs no more.
    fsutil::remove_stale_temps(path);
    Ok(held)
}

/// The largest keyring file keyward reads: 16 MiB (about 100,000 keys).
const MAX_KEYRING_BYTES: u64 = 16 << 20;

/// Reads the header only: how to get the KEK, without needing it.
pub fn read_source(path: &Path) -> Result<Option<KekSource>> {
    if !path.exists() {
        return Ok(None);
    }
    match fsutil::read_bounded(path, MAX_KEYRING_BYTES) {
        Ok(bytes) => {
            let h: FileHeader = serde_json::from_slice(&bytes).map_err(|e| {
                Error::bad_input(format!("{} is not a keyward keyring: {e}", path.display()))
            })?;
            // Before a passphrase is asked for.
            h.kek.check_limits(path)?;
            Ok(Some(h.kek))
        }
        Err(e) => Err(e),
    }
}

impl Keyring {
    /// A new, empty keyring sealed under `input` (not written until `save`).
    pub fn create(path: &Path, input: &KekInput) -> Result<Keyring> {
        let source = match input {
            KekInput::Key(_) => KekSource::Key,
            KekInput::Passphrase(_) => {
                let salt = crate::crypto::random::bytes(16)?;
                let d = Kdf::scrypt_default();
                let Kdf::Scrypt { n, r, p } = d else {
                    unreachable!("scrypt")
                };
                KekSource::Passphrase {
                    n,
                    r,
                    p,
                    salt: hex::encode(salt.expose()),
                }
            }
        };
        let kek = derive_kek(&source, input)?;
        Ok(Keyring {
            path: path.to_path_buf(),
            kek_source: source,
            kek,
            keys: Vec::new(),
            pending_audit: None,
            pending_env: Vec::new(),
        })
    }

    /// Opens and unseals the keyring at `path`.
    pub fn open(path: &Path, input: &KekInput) -> Result<Keyring> {
        if !path.exists() {
            return Err(Error::environment(format!(
                "cannot read the keyring {}: no such file",
                path.display()
            ))
            .with_hint("create it with `keyward key new --primary`"));
        }
        let bytes = fsutil::read_bounded(path, MAX_KEYRING_BYTES)?;
        fsutil::ensure_private(path, "keyring")?;
        let header: FileHeader = serde_json::from_slice(&bytes).map_err(|e| {
            Error::bad_input(format!("{} is not a keyward keyring: {e}", path.display()))
        })?;
        if header.format != FORMAT {
            return Err(Error::bad_input(format!(
                "{} is not a keyward keyring (format '{}')",
                path.display(),
                header.format
            )));
        }
        if header.version != 1 {
            return Err(Error::bad_input(format!(
                "{}: keyring version {} is newer than this keyward's 1",
                path.display(),
                header.version
            )));
        }
        header.kek.check_limits(path)?;
        let kek = derive_kek(&header.kek, input)?;
        let sealed = STANDARD.decode(header.sealed.trim()).map_err(|_| {
            Error::bad_input(format!("{}: the sealed part is not base64", path.display()))
        })?;
        let plain = EnvelopeKey::new(&kek, 0)
            .open(&sealed, Some(&aad(&header.kek)))
            .map_err(|_| {
                Error::bad_input(format!(
                    "cannot open the keyring {}: authentication failed",
                    path.display()
                ))
                .with_hint("wrong KEYWARD_KEK or passphrase, or the file was altered")
            })?;
        let mut parsed: Sealed = serde_json::from_slice(&plain).map_err(|e| {
            Error::bad_input(format!(
                "{}: the keyring content is damaged ({e})",
                path.display()
            ))
        })?;
        let mut keys = Vec::with_capacity(parsed.keys.len());
        for k in parsed.keys.iter_mut() {
            let (key, _) = Key256::parse(&k.material)?;
            k.material.zeroize();
            keys.push(KeyEntry {
                id: k.id,
                state: k.state,
                created_at: std::mem::take(&mut k.created_at),
                origin: std::mem::take(&mut k.origin),
                note: k.note.take(),
                key,
            });
        }
        keys.sort_by_key(|k| k.id);
        let pending_env = std::mem::take(&mut parsed.pending_env)
            .into_iter()
            .map(pending::StoredPendingEnv::into_entry)
            .collect::<Result<Vec<_>>>()?;
        let ring = Keyring {
            path: path.to_path_buf(),
            kek_source: header.kek,
            kek,
            keys,
            pending_audit: parsed.pending_audit.take(),
            pending_env,
        };
        ring.check()?;
        Ok(ring)
    }

    /// At most one primary; ids unique.
    fn check(&self) -> Result<()> {
        if self
            .keys
            .iter()
            .filter(|k| k.state == KeyState::Primary)
            .count()
            > 1
        {
            return Err(Error::bad_input(format!(
                "{}: more than one primary key",
                self.path.display()
            )));
        }
        let mut ids: Vec<u32> = self.keys.iter().map(|k| k.id).collect();
        ids.dedup();
        if ids.len() != self.keys.len() {
            return Err(Error::bad_input(format!(
                "{}: duplicate key ids",
                self.path.display()
            )));
        }
        Ok(())
    }

    /// Seals and writes the keyring atomically, mode 0600.
    pub fn save(&self) -> Result<()> {
        self.check()?;
        let sealed = Sealed {
            keys: self
                .keys
                .iter()
                .map(|k| StoredKey {
                    id: k.id,
                    state: k.state,
                    created_at: k.created_at.clone(),
                    origin: k.origin.clone(),
                    note: k.note.clone(),
                    material: hex::encode(k.key.expose()),
                })
                .collect(),
            pending_audit: self.pending_audit.clone(),
            pending_env: self
                .pending_env
                .iter()
                .map(pending::StoredPendingEnv::from_entry)
                .collect(),
        };
        let mut plain = Zeroizing::new(
            serde_json::to_vec(&sealed).map_err(|e| Error::internal(e.to_string()))?,
        );
        for mut k in sealed.keys {
            k.material.zeroize();
        }
        let envelope = EnvelopeKey::new(&self.kek, 0).seal(&plain, Some(&aad(&self.kek_source)))?;
        plain.zeroize();
        let header = FileHeader {
            format: FORMAT.into(),
            version: 1,
            kek: self.kek_source.clone(),
            sealed: STANDARD.encode(envelope),
        };
        let mut text =
            serde_json::to_string_pretty(&header).map_err(|e| Error::internal(e.to_string()))?;
        text.push('\n');
        fsutil::write_atomic(&self.path, text.as_bytes(), 0o600, Overwrite::Replace)
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The primary key, if any.
    pub fn primary(&self) -> Option<&KeyEntry> {
        self.keys.iter().find(|k| k.state == KeyState::Primary)
    }

    /// The key with `id`.
    pub fn get(&self, id: u32) -> Result<&KeyEntry> {
        self.keys.iter().find(|k| k.id == id).ok_or_else(|| {
            Error::bad_input(format!(
                "no key {id} in the keyring {}",
                self.path.display()
            ))
        })
    }

    /// Keys that may decrypt (primary and active), by id.
    pub fn usable(&self) -> impl Iterator<Item = &KeyEntry> {
        self.keys.iter().filter(|k| k.state != KeyState::Retired)
    }

    fn next_id(&self) -> u32 {
        self.keys.iter().map(|k| k.id).max().unwrap_or(0) + 1
    }

    /// Adds a key, `active` (or primary, demoting the old primary to active).
    pub fn add(
        &mut self,
        key: Key256,
        id: Option<u32>,
        origin: &str,
        note: Option<String>,
        primary: bool,
    ) -> Result<u32> {
        let id = match id {
            Some(0) => {
                return Err(Error::usage(
                    "key id 0 is reserved (it seals the keyring itself)",
                ));
            }
            Some(i) if self.keys.iter().any(|k| k.id == i) => {
                return Err(Error::usage(format!(
                    "key id {i} is already in the keyring"
                )));
            }
            Some(i) => i,
            None => self.next_id(),
        };
        if let Some(dup) = self.keys.iter().find(|k| k.key == key) {
            return Err(Error::bad_input(format!(
                "this key is already in the keyring as key {}",
                dup.id
            )));
        }
        self.keys.push(KeyEntry {
            id,
            state: KeyState::Active,
            created_at: crate::timeutil::format_ms(crate::timeutil::now()),
            origin: origin.to_string(),
            note,
            key,
        });
        self.keys.sort_by_key(|k| k.id);
        if primary {
            self.promote(id)?;
        }
        Ok(id)
    }

    /// Makes `id` primary; the old primary becomes active. Returns the old primary's id.
    pub fn promote(&mut self, id: u32) -> Result<Option<u32>> {
        let state = self.get(id)?.state;
        match state {
            KeyState::Primary => return Ok(Some(id)),
            KeyState::Retired => {
                return Err(Error::bad_input(format!(
                    "key {id} is retired and cannot be promoted"
                ))
                .with_hint(format!("`keyward key restore {id}` makes it active again")));
            }
            KeyState::Active => {}
        }
        let mut old = None;
        for k in self.keys.iter_mut() {
            if k.state == KeyState::Primary {
                k.state = KeyState::Active;
                old = Some(k.id);
            }
            if k.id == id {
                k.state = KeyState::Primary;
            }
        }
        Ok(old)
    }

    /// Brings a retired key back: `active` again (decrypts, never
    /// encrypts until promoted), so a mistaken retirement can be undone.
    pub fn restore(&mut self, id: u32) -> Result<()> {
        match self.get(id)?.state {
            KeyState::Retired => {
                for k in self.keys.iter_mut().filter(|k| k.id == id) {
                    k.state = KeyState::Active;
                }
                Ok(())
            }
            other => Err(Error::bad_input(format!(
                "key {id} is not retired (it is {})",
                other.as_str()
            ))),
        }
    }

    /// Retires `id` (never the primary).
    pub fn retire(&mut self, id: u32) -> Result<()> {
        match self.get(id)?.state {
            KeyState::Primary => Err(Error::bad_input(format!(
                "key {id} is the primary key; promote another key first"
            ))),
            KeyState::Retired => Ok(()),
            KeyState::Active => {
                for k in self.keys.iter_mut().filter(|k| k.id == id) {
                    k.state = KeyState::Retired;
                }
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kek() -> KekInput {
        KekInput::Key(Key256::from_bytes([5; 32]))
    }

    #[test]
    fn roundtrip_and_roles() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("keyring.json");
        let mut r = Keyring::create(&p, &kek()).unwrap();
        let a = r
            .add(Key256::from_bytes([1; 32]), None, "generated", None, true)
            .unwrap();
        let b = r
            .add(Key256::from_bytes([2; 32]), None, "generated", None, false)
            .unwrap();
        assert_eq!((a, b), (1, 2));
        assert_eq!(r.primary().unwrap().id, 1);
        r.save().unwrap();
        let text = std::fs::read_to_string(&p).unwrap();
        assert!(
            !text.contains(&hex::encode([1u8; 32])),
            "material is sealed"
        );
        let mut r2 = Keyring::open(&p, &kek()).unwrap();
        assert_eq!(r2.keys.len(), 2);
        assert_eq!(r2.promote(2).unwrap(), Some(1));
        assert_eq!(r2.primary().unwrap().id, 2);
        assert!(r2.retire(2).is_err());
        r2.retire(1).unwrap();
        assert_eq!(r2.usable().count(), 1);
        assert!(r2.promote(1).is_err());
        assert!(
            r2.add(Key256::from_bytes([2; 32]), None, "x", None, false)
                .is_err(),
            "duplicate material"
        );
        assert!(
            r2.add(Key256::from_bytes([3; 32]), Some(2), "x", None, false)
                .is_err(),
            "duplicate id"
        );
    }

    #[test]
    fn pending_env_keys_are_sealed_and_survive_a_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("keyring.json");
        let mut r = Keyring::create(&p, &kek()).unwrap();
        let secret = "pending-passphrase-0123456789";
        r.set_pending_env(PendingEnvKey {
            env_file: "/srv/app/.env".into(),
            var: "PASS".into(),
            salt_var: Some("SALT".into()),
            created_at: "2026-01-01T00:00:00.000Z".into(),
            to: "fernet-b64".into(),
            derive: "scrypt:n=16384,r=8,p=1".into(),
            secret: SecretString::new(secret.into()),
            salt: Some(crate::secret::SecretBytes::new(vec![0xab; 32])),
        });
        r.save().unwrap();
        let text = std::fs::read_to_string(&p).unwrap();
        assert!(!text.contains(secret) && !text.contains("abababab") && !text.contains("PASS"));
        let mut r = Keyring::open(&p, &kek()).unwrap();
        let got = r.pending_env("/srv/app/.env", "PASS").unwrap();
        assert_eq!(got.secret.expose(), secret);
        assert_eq!(got.salt.as_ref().unwrap().expose(), &[0xab; 32]);
        assert!(!format!("{got:?}").contains(secret));
        assert!(r.pending_env("/srv/app/.env", "OTHER").is_none());
        assert!(r.take_pending_env("/srv/app/.env", "PASS").is_some());
        r.save().unwrap();
        assert!(Keyring::open(&p, &kek()).unwrap().pending_env.is_empty());
    }

    #[test]
    fn a_wrong_kek_or_an_edited_header_fails() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("k.json");
        let mut r =
            Keyring::create(&p, &KekInput::Passphrase(SecretString::new("pw".into()))).unwrap();
        // Cheap parameters for the test.
        r.kek_source = KekSource::Passphrase {
            n: 1024,
            r: 8,
            p: 1,
            salt: "00".repeat(16),
        };
        r.kek = derive_kek(
            &r.kek_source,
            &KekInput::Passphrase(SecretString::new("pw".into())),
        )
        .unwrap();
        r.add(Key256::from_bytes([1; 32]), None, "generated", None, true)
            .unwrap();
        r.save().unwrap();
        assert!(Keyring::open(&p, &KekInput::Passphrase(SecretString::new("pw".into()))).is_ok());
        let e = Keyring::open(&p, &KekInput::Passphrase(SecretString::new("wrong".into())))
            .unwrap_err();
        assert_eq!(e.exit_code(), 3);
        assert!(Keyring::open(&p, &kek()).is_err());
        let text = std::fs::read_to_string(&p)
            .unwrap()
            .replace("\"n\": 1024", "\"n\": 2048");
        std::fs::write(&p, text).unwrap();
        assert!(Keyring::open(&p, &KekInput::Passphrase(SecretString::new("pw".into()))).is_err());
    }
}
