//! New keys minted by `rotate run --update-env` and not yet written to
//! their service's dotenv file: sealed in the keyring (under its KEK, with
//! its keys) from before the first value is rotated until the file holds
//! the key, so a run killed in between is finished by the next one with
//! the same key instead of a second one.
//!
//! An entry is bound to a dotenv file (its canonical path) and the
//! variable that holds the key. It is not a keyring key: it has no id, no
//! state, and nothing reads values with it but the run that owns it.

use serde::{Deserialize, Serialize};
use zeroize::Zeroize;

use crate::error::{Error, Result};
use crate::secret::{SecretBytes, SecretString};

use super::Keyring;

/// A minted key waiting to be written to its dotenv file. `Debug` never
/// shows the key or the salt.
#[derive(Clone)]
pub struct PendingEnvKey {
    /// The dotenv file, canonical.
    pub env_file: String,
    /// The variable that gets the key (or passphrase).
    pub var: String,
    /// The variable that gets the salt (hex), if any.
    pub salt_var: Option<String>,
    /// RFC 3339 time it was minted.
    pub created_at: String,
    /// The format the values are rotated to (`--to`), for messages.
    pub to: String,
    /// The new key's derivation without its salt (`none`,
    /// `scrypt:n=16384,r=8,p=1`), for messages.
    pub derive: String,
    /// The text written to `var`: a key in the service's encoding, or a
    /// passphrase.
    pub secret: SecretString,
    /// The salt written (hex) to `salt_var`.
    pub salt: Option<SecretBytes>,
}

impl std::fmt::Debug for PendingEnvKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "PendingEnvKey {{ env_file: {:?}, var: {:?}, salt_var: {:?}, secret: [redacted] }}",
            self.env_file, self.var, self.salt_var
        )
    }
}

impl PendingEnvKey {
    /// `sha256:` and the first 8 bytes, in hex, of the SHA-256 of the
    /// text written to the variable (never the text).
    pub fn fingerprint(&self) -> String {
        crate::crypto::fingerprint(self.secret.expose().as_bytes())
    }

    /// Whether it belongs to `var` in `env_file` (canonical).
    pub fn is_for(&self, env_file: &str, var: &str) -> bool {
        self.env_file == env_file && self.var == var
    }
}

/// An entry as sealed in the keyring file.
#[derive(Serialize, Deserialize)]
pub(super) struct StoredPendingEnv {
    env_file: String,
    var: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    salt_var: Option<String>,
    created_at: String,
    to: String,
    derive: String,
    secret: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    salt: Option<String>,
}

impl Drop for StoredPendingEnv {
    fn drop(&mut self) {
        self.secret.zeroize();
        if let Some(s) = self.salt.as_mut() {
            s.zeroize();
        }
    }
}

impl StoredPendingEnv {
    pub(super) fn from_entry(p: &PendingEnvKey) -> StoredPendingEnv {
        StoredPendingEnv {
            env_file: p.env_file.clone(),
            var: p.var.clone(),
            salt_var: p.salt_var.clone(),
            created_at: p.created_at.clone(),
            to: p.to.clone(),
            derive: p.derive.clone(),
            secret: p.secret.expose().to_string(),
            salt: p.salt.as_ref().map(|s| hex::encode(s.expose())),
        }
    }

    pub(super) fn into_entry(mut self) -> Result<PendingEnvKey> {
        let salt = match self.salt.as_deref() {
            Some(h) => Some(SecretBytes::new(hex::decode(h).map_err(|_| {
                Error::bad_input("the keyring content is damaged (a pending salt is not hex)")
            })?)),
            None => None,
        };
        Ok(PendingEnvKey {
            env_file: std::mem::take(&mut self.env_file),
            var: std::mem::take(&mut self.var),
            salt_var: self.salt_var.take(),
            created_at: std::mem::take(&mut self.created_at),
            to: std::mem::take(&mut self.to),
            derive: std::mem::take(&mut self.derive),
            secret: SecretString::new(self.secret.clone()),
            salt,
        })
    }
}

impl Keyring {
    /// The key pending for `var` in `env_file` (canonical), if any.
    pub fn pending_env(&self, env_file: &str, var: &str) -> Option<&PendingEnvKey> {
        self.pending_env.iter().find(|p| p.is_for(env_file, var))
    }

    /// Keeps `p` (replacing an entry for the same file and variable);
    /// saved with the keyring.
    pub fn set_pending_env(&mut self, p: PendingEnvKey) {
        self.pending_env.retain(|q| !q.is_for(&p.env_file, &p.var));
        self.pending_env.push(p);
    }

    /// Removes and returns the entry for `var` in `env_file`.
    pub fn take_pending_env(&mut self, env_file: &str, var: &str) -> Option<PendingEnvKey> {
        let i = self
            .pending_env
            .iter()
            .position(|p| p.is_for(env_file, var))?;
        Some(self.pending_env.remove(i))
    }
}
