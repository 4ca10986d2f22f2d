//! A keyring change and its audit entry, both or neither.

use serde::Serialize;

use crate::audit::{Auditor, Entry, Risk};
use crate::error::{Error, Result};
use crate::fsutil::Overwrite;
use crate::keyring::{KeyState, Keyring, PendingAudit};
use crate::store::Store;

/// What every keyring entry's details hold, then the change's own.
#[derive(Serialize)]
struct ChangeDetails<'a, E: Serialize> {
    keyring: String,
    fingerprint: String,
    state: KeyState,
    change_id: &'a str,
    #[serde(flatten)]
    extra: &'a E,
}

/// Saves a keyring change together with its audit entry: both or neither.
///
/// The store's write lock is taken first (a locked store fails before the
/// keyring changes) and the chain's key checked by the caller; the keyring
/// is saved with the entry it owes sealed inside it ([`PendingAudit`]);
/// the entry is appended and committed; then the keyring is saved without
/// it. If the entry cannot be committed, the keyring file is put back as
/// it was (`warn` hears when that fails). A process killed between the
/// writes leaves the pending entry in the keyring, and the next change
/// completes it ([`complete_pending`]).
#[allow(clippy::too_many_arguments)]
pub fn commit(
    ring: &mut Keyring,
    store: &mut Store,
    auditor: &Auditor,
    action: &str,
    id: u32,
    risk: Risk,
    extra: &impl Serialize,
    warn: &dyn Fn(&str),
) -> Result<()> {
    let entry = ring.get(id)?;
    let change_id = hex::encode(crate::crypto::random::array::<8>()?);
    let details = serde_json::to_value(ChangeDetails {
        keyring: ring.path().display().to_string(),
        fingerprint: entry.key.fingerprint(),
        state: entry.state,
        change_id: &change_id,
        extra,
    })
    .map_err(|e| Error::internal(format!("cannot encode the audit details: {e}")))?;
    let resource = Resource {
        key_id: id,
        named: None,
    };
    journaled(
        ring, store, auditor, action, resource, risk, change_id, details, warn,
    )
}

/// What an entry concerns: a keyring key, or something named (a pending
/// key's dotenv variable).
struct Resource {
    key_id: u32,
    named: Option<(String, String)>,
}

/// A keyring change that is not about one of its keys (a key pending for
/// a dotenv file, [`crate::keyring::pending`]), saved with its audit
/// entry as [`commit`] saves a key's: both or neither. The entry's
/// resource is `resource_type`/`resource_id`; its details are `extra`
/// with the keyring's path and a `change_id`.
#[allow(clippy::too_many_arguments)]
pub fn commit_other(
    ring: &mut Keyring,
    store: &mut Store,
    auditor: &Auditor,
    action: &str,
    resource_type: &str,
    resource_id: &str,
    risk: Risk,
    extra: &impl Serialize,
    warn: &dyn Fn(&str),
) -> Result<()> {
    #[derive(Serialize)]
    struct OtherDetails<'a, E: Serialize> {
        keyring: String,
        change_id: &'a str,
        #[serde(flatten)]
        extra: &'a E,
    }
    let change_id = hex::encode(crate::crypto::random::array::<8>()?);
    let details = serde_json::to_value(OtherDetails {
        keyring: ring.path().display().to_string(),
        change_id: &change_id,
        extra,
    })
    .map_err(|e| Error::internal(format!("cannot encode the audit details: {e}")))?;
    let resource = Resource {
        key_id: 0,
        named: Some((resource_type.to_string(), resource_id.to_string())),
    };
    journaled(
        ring, store, auditor, action, resource, risk, change_id, details, warn,
    )
}

/// Saves the keyring with the entry it owes, commits the entry, saves it
/// without (see [`commit`]).
#[allow(clippy::too_many_arguments)]
fn journaled(
    ring: &mut Keyring,
    store: &mut Store,
    auditor: &Auditor,
    action: &str,
    resource: Resource,
    risk: Risk,
    change_id: String,
    details: serde_json::Value,
    warn: &dyn Fn(&str),
) -> Result<()> {
    let (entry_type, entry_id) = match &resource.named {
        Some((t, i)) => (t.clone(), i.clone()),
        None => ("key".to_string(), resource.key_id.to_string()),
    };
    let before = match std::fs::read(ring.path()) {
        Ok(b) => Some(zeroize::Zeroizing::new(b)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(Error::io("read", ring.path(), &e)),
    };
    ring.pending_audit = Some(PendingAudit {
        change_id,
        action: action.to_string(),
        key_id: resource.key_id,
        risk: risk.as_str().to_string(),
        details: details.clone(),
        resource: resource.named,
    });
    let written = store.write(|tx| {
        ring.save()?;
        auditor.append(
            tx,
            &Entry::new(action, &entry_type, entry_id.clone())
                .risk(risk)
                .details(details),
        )
    });
    ring.pending_audit = None;
    if let Err(e) = written {
        // Put the keyring back as it was: the change did not happen.
        let restored = match &before {
            Some(b) => crate::fsutil::write_atomic(ring.path(), b, 0o600, Overwrite::Replace),
            None => std::fs::remove_file(ring.path())
                .or_else(|e| {
                    if e.kind() == std::io::ErrorKind::NotFound {
                        Ok(())
                    } else {
                        Err(e)
                    }
                })
                .map_err(|io| Error::io("remove", ring.path(), &io)),
        };
        if restored.is_err() {
            warn(
                "the keyring could not be put back; the next keyring change completes this one's audit entry",
            );
        }
        return Err(e);
    }
    // The entry is committed; a failure here only leaves the journal for
    // the next change to clear.
    ring.save()
}

/// Completes the audit entry of an earlier change that was interrupted
/// between saving the keyring and committing its entry (kill -9, power
/// loss): appends it unless the log already has it, then clears it.
/// Returns the entry when it was written now.
pub fn complete_pending(
    ring: &mut Keyring,
    store: &mut Store,
    auditor: &Auditor,
) -> Result<Option<PendingAudit>> {
    let Some(p) = ring.pending_audit.clone() else {
        return Ok(None);
    };
    let risk = match p.risk.as_str() {
        "medium" => Risk::Medium,
        "high" => Risk::High,
        "critical" => Risk::Critical,
        _ => Risk::Low,
    };
    let appended = store.write(|tx| {
        let present: bool = tx
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM audit_log WHERE action = ?1 AND json_extract(details, '$.change_id') = ?2)",
                rusqlite::params![p.action, p.change_id],
                |r| r.get(0),
            )
            .map_err(crate::store::query_error)?;
        if present {
            return Ok(false);
        }
        let mut details = p.details.clone();
        if let Some(d) = details.as_object_mut() {
            d.insert("recovered".into(), true.into());
        }
        let (ty, id) = p
            .resource
            .clone()
            .unwrap_or_else(|| ("key".to_string(), p.key_id.to_string()));
        auditor.append(tx, &Entry::new(&p.action, &ty, id).risk(risk).details(details))?;
        Ok(true)
    })?;
    ring.pending_audit = None;
    ring.save()?;
    Ok(appended.then_some(p))
}
