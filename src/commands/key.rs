//! `key`: the keyring (`new | promote | list | show | retire | restore |
//! import`: versioned keys, each change saved with its audit entry) and
//! `key derive` (passphrase to key with scrypt or PBKDF2).

use std::io::IsTerminal;

use serde_json::{Map, json};

use crate::audit::{Entry, Risk};
use crate::cli::{
    DeriveArgs, KdfName, KeyCommand, KeyImportArgs, KeyNewArgs, KeyringArgs, UsageArgs,
};
use crate::commands::Ctx;
use crate::commands::sink::{Generated, deliver};
use crate::crypto::ValueFormat;
use crate::crypto::kdf::{
    Kdf, PBKDF2_DEFAULT_ITERATIONS, SCRYPT_DEFAULT_LOG_N, SCRYPT_DEFAULT_P, SCRYPT_DEFAULT_R,
};
use crate::crypto::keys::{Key256, read_key};
use crate::crypto::random;
use crate::error::{Error, Outcome, Result};
use crate::fsutil::{FileLock, Overwrite};
use crate::keyring::{
    KeyInfo, KeyState, Keyring, PendingAudit, kek_input, lock_for_update, read_source, resolve_path,
};
use crate::output::Format;
use crate::rotate::codec::{DecryptKey, Keys};
use crate::secret::{SecretPrompt, read_secret};

const PASSPHRASE_PROMPT: SecretPrompt = SecretPrompt {
    what: "passphrase",
    env_flag: "--passphrase-env",
    file_flag: "--passphrase-file",
    confirm: true,
    private_file: true,
};

/// Runs a `key` subcommand.
pub fn run(ctx: &Ctx, cmd: KeyCommand) -> Result<Outcome> {
    match cmd {
        KeyCommand::Derive(a) => derive(ctx, a),
        other => run_keyring(ctx, other),
    }
}

/// The KDF the flags describe; flags of the other KDF are a usage error.
pub(crate) fn kdf_from_args(a: &crate::cli::KdfParams) -> Result<Kdf> {
    let kdf = match a.kdf {
        KdfName::Scrypt => {
            if a.iterations.is_some() {
                return Err(Error::usage(
                    "--iterations applies to --kdf pbkdf2; scrypt takes --scrypt-n, --scrypt-r, --scrypt-p",
                ));
            }
            Kdf::Scrypt {
                n: a.scrypt_n.unwrap_or(1 << SCRYPT_DEFAULT_LOG_N),
                r: a.scrypt_r.unwrap_or(SCRYPT_DEFAULT_R),
                p: a.scrypt_p.unwrap_or(SCRYPT_DEFAULT_P),
            }
        }
        KdfName::Pbkdf2 => {
            if a.scrypt_n.is_some() || a.scrypt_r.is_some() || a.scrypt_p.is_some() {
                return Err(Error::usage(
                    "--scrypt-n, --scrypt-r and --scrypt-p apply to --kdf scrypt; PBKDF2 takes --iterations",
                ));
            }
            Kdf::Pbkdf2 {
                iterations: a.iterations.unwrap_or(PBKDF2_DEFAULT_ITERATIONS),
            }
        }
    };
    // The parameters came from flags, so a bad one is a usage error.
    kdf.validate()
        .map_err(|e| Error::usage(e.message().to_string()))?;
    Ok(kdf)
}

fn salt_from_args(a: &DeriveArgs) -> Result<(Vec<u8>, bool)> {
    if let Some(h) = &a.salt_hex {
        let bytes = hex::decode(h.trim())
            .map_err(|e| Error::usage(format!("--salt-hex is not valid hex ({e})")))?;
        if bytes.is_empty() {
            return Err(Error::usage("--salt-hex is empty"));
        }
        return Ok((bytes, false));
    }
    if let Some(path) = &a.salt_file {
        let bytes = crate::fsutil::read_bounded(path, crate::fsutil::MAX_SECRET_FILE_BYTES)?;
        if bytes.is_empty() {
            return Err(Error::bad_input(format!(
                "salt file {} is empty",
                path.display()
            )));
        }
        return Ok((bytes, false));
    }
    Ok((
        random::bytes(a.salt_bytes as usize)?.expose().to_vec(),
        true,
    ))
}

fn derive(ctx: &Ctx, a: DeriveArgs) -> Result<Outcome> {
    ctx.out
        .require("key derive", &[Format::Text, Format::Json])?;
    let kdf = kdf_from_args(&a.kdf)?;
    let (salt, generated) = salt_from_args(&a)?;
    for w in kdf.warnings() {
        ctx.out.warn(&w);
    }
    if salt.len() < 16 {
        ctx.out.warn(&format!(
            "a {}-byte salt is shorter than the usual 16 bytes",
            salt.len()
        ));
    }
    let passphrase = read_secret(
        a.passphrase_env.as_deref(),
        a.passphrase_file.as_deref(),
        &PASSPHRASE_PROMPT,
    )?;
    let slow = matches!(kdf, Kdf::Scrypt { n, .. } if n >= 1 << 17)
        || matches!(kdf, Kdf::Pbkdf2 { iterations } if iterations >= 200_000);
    if slow && std::io::stderr().is_terminal() {
        ctx.out
            .note("deriving the key (this takes a moment by design)...");
    }
    let key = kdf.derive_key(passphrase.expose().as_bytes(), &salt)?;
    drop(passphrase);

    let salt_hex = hex::encode(&salt);
    if generated {
        // Not secret, but without it the key cannot be derived again: never silenced.
        ctx.out.notice(&format!(
            "generated salt (hex) {salt_hex}: keep it with the service's config; another salt gives another key"
        ));
    }
    let mut extra = Map::new();
    extra.insert(
        "kdf".into(),
        serde_json::to_value(kdf).map_err(|e| Error::internal(e.to_string()))?,
    );
    extra.insert("salt_hex".into(), salt_hex.into());
    extra.insert("salt_generated".into(), generated.into());
    deliver(
        ctx,
        &a.sink,
        Generated {
            kind: "derived",
            encoding: a.encoding.name(),
            bits: 256,
            noun: "key",
            values: vec![key.encode(a.encoding)],
            extra,
        },
    )?;
    Ok(Outcome::Success)
}

/// Opens the keyring named by `args`.
pub fn open(ctx: &Ctx, args: &KeyringArgs) -> Result<Keyring> {
    let path = resolve_path(args.keyring.as_deref(), ctx.store_flag.as_deref())?;
    let source = read_source(&path)?.ok_or_else(|| no_keyring(&path))?;
    Keyring::open(&path, &kek(args, false, Some(&source))?)
}

/// The KEK for the keyring `args` names (KEYWARD_KEK or the passphrase flags).
fn kek(
    args: &KeyringArgs,
    creating: bool,
    source: Option<&crate::keyring::KekSource>,
) -> Result<crate::keyring::KekInput> {
    kek_input(
        args.passphrase_env.as_deref(),
        args.passphrase_file.as_deref(),
        creating,
        source,
    )
}

fn no_keyring(path: &std::path::Path) -> Error {
    Error::environment(format!("no keyring at {}", path.display()))
        .with_hint("create it with `keyward key new --primary`")
}

/// Opens the keyring to change it: its write lock first, held until the
/// returned lock drops (after `save`).
fn open_for_update(ctx: &Ctx, args: &KeyringArgs) -> Result<(FileLock, Keyring)> {
    let path = resolve_path(args.keyring.as_deref(), ctx.store_flag.as_deref())?;
    if !path.exists() {
        return Err(no_keyring(&path));
    }
    let lock = lock_for_update(&path)?;
    let mut ring = open(ctx, args)?;
    complete_pending(ctx, &mut ring)?;
    Ok((lock, ring))
}

/// As [`open_for_update`], creating the keyring when there is none.
fn open_or_create(ctx: &Ctx, args: &KeyringArgs) -> Result<(FileLock, Keyring)> {
    let path = resolve_path(args.keyring.as_deref(), ctx.store_flag.as_deref())?;
    let lock = lock_for_update(&path)?;
    // Read under the lock: another process may have created it meanwhile.
    let mut ring = match read_source(&path)? {
        Some(source) => Keyring::open(&path, &kek(args, false, Some(&source))?)?,
        None => Keyring::create(&path, &kek(args, true, None)?)?,
    };
    complete_pending(ctx, &mut ring)?;
    Ok((lock, ring))
}

/// Saves a keyring change together with its audit entry: both or neither.
///
/// The store's write lock is taken first (a locked store fails before the
/// keyring changes) and the chain's key checked; the keyring is saved
/// with the entry it owes sealed inside it ([`PendingAudit`]); the entry is
/// appended and committed; then the keyring is saved without it. If the
/// entry cannot be committed, the keyring file is put back as it was. A
/// process killed between the writes leaves the pending entry in the
/// keyring, and the next change completes it ([`complete_pending`]).
fn commit(
    ctx: &Ctx,
    ring: &mut Keyring,
    action: &str,
    id: u32,
    risk: Risk,
    extra: serde_json::Value,
) -> Result<()> {
    let (mut store, auditor) = ctx.audited()?;
    let entry = ring.get(id)?;
    let change_id = hex::encode(crate::crypto::random::array::<8>()?);
    let mut details = json!({"keyring": ring.path().display().to_string(), "fingerprint": entry.key.fingerprint(), "state": entry.state, "change_id": change_id});
    if let (Some(d), Some(e)) = (details.as_object_mut(), extra.as_object()) {
        d.extend(e.clone());
    }
    let before = match std::fs::read(ring.path()) {
        Ok(b) => Some(zeroize::Zeroizing::new(b)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(Error::io("read", ring.path(), &e)),
    };
    ring.pending_audit = Some(PendingAudit {
        change_id,
        action: action.to_string(),
        key_id: id,
        risk: risk.as_str().to_string(),
        details: details.clone(),
    });
    let written = store.write(|tx| {
        ring.save()?;
        auditor.append(
            tx,
            &Entry::new(action, "key", id.to_string())
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
            ctx.out.warn("the keyring could not be put back; the next keyring change completes this one's audit entry");
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
fn complete_pending(ctx: &Ctx, ring: &mut Keyring) -> Result<()> {
    let Some(p) = ring.pending_audit.clone() else {
        return Ok(());
    };
    let (mut store, auditor) = ctx.audited()?;
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
        auditor.append(
            tx,
            &Entry::new(&p.action, "key", p.key_id.to_string())
                .risk(risk)
                .details(details),
        )?;
        Ok(true)
    })?;
    ring.pending_audit = None;
    ring.save()?;
    if appended {
        ctx.out.warn(&format!(
            "an earlier {} of key {} was interrupted before its audit entry was written; the entry is written now",
            p.action, p.key_id
        ));
    }
    Ok(())
}

/// Values per key id in the tables `usage` names (columns, JSON fields, a
/// plan; SQLite or PostgreSQL), through the keyring's keys, and a label
/// for the tables.
fn usage_counts(
    ring: &Keyring,
    usage: &UsageArgs,
) -> Result<Option<(crate::rotate::Status, String)>> {
    let Some(table_args) = usage.table_args() else {
        return Ok(None);
    };
    if table_args.plan.is_none() && table_args.table.is_none() {
        return Err(Error::usage(
            "--db (or --db-env) needs --table with --column or --json-field (or --plan)",
        ));
    }
    let db = crate::commands::rotate::database(&table_args)?;
    let targets = crate::commands::rotate::targets(&table_args, &db)?;
    let primary = ring.primary().map(|k| (k.key.clone(), k.id));
    let (target_key, target_id) = primary.unwrap_or_else(|| (Key256::from_bytes([0; 32]), 0));
    let old: Vec<DecryptKey> = ring
        .keys
        .iter()
        .map(|k| DecryptKey::new(&k.key, Some(k.id)))
        .collect();
    let keys = Keys::new(&target_key, target_id, ValueFormat::Envelope, old);
    let mut total = crate::rotate::Status::default();
    let mut names = Vec::new();
    for target in &targets {
        let mut opened = crate::commands::rotate::Opened::open(&db, target, false)?;
        let st = crate::rotate::survey(opened.rows(), &keys, 10)?;
        total.rows += st.rows;
        total.null += st.null;
        total.plaintext += st.plaintext;
        total.undecryptable += st.undecryptable;
        for (k, n) in st.by_key {
            *total.by_key.entry(k).or_default() += n;
        }
        names.push(target.table.clone());
    }
    Ok(Some((total, names.join(", "))))
}

/// Values under key `id`.
fn rows_for(status: &crate::rotate::Status, id: u32) -> u64 {
    status
        .by_key
        .iter()
        .filter(|(k, _)| k.ends_with(&format!("key {id}")))
        .map(|(_, n)| *n)
        .sum()
}

fn print_keys(ctx: &Ctx, infos: &[KeyInfo], counts: Option<&crate::rotate::Status>) -> Result<()> {
    if ctx.out.format() == Format::Json {
        let docs: Vec<serde_json::Value> = infos
            .iter()
            .map(|k| {
                let mut d = serde_json::to_value(k).unwrap_or_default();
                if let Some(c) = counts {
                    d["values"] = rows_for(c, k.id).into();
                }
                d
            })
            .collect();
        return ctx.out.json(&docs);
    }
    let mut header = vec!["id", "state", "created", "origin", "fingerprint", "note"];
    if counts.is_some() {
        header.push("values");
    }
    let rows: Vec<Vec<String>> = infos
        .iter()
        .map(|k| {
            let mut r = vec![
                k.id.to_string(),
                k.state.as_str().into(),
                k.created_at.clone(),
                k.origin.clone(),
                k.fingerprint.clone(),
                k.note.clone().unwrap_or_else(|| "-".into()),
            ];
            if let Some(c) = counts {
                r.push(rows_for(c, k.id).to_string());
            }
            r
        })
        .collect();
    ctx.out.table(&header, &rows)
}

/// Runs the keyring subcommands of `key`.
fn run_keyring(ctx: &Ctx, cmd: KeyCommand) -> Result<Outcome> {
    ctx.out.require("key", &[Format::Text, Format::Json])?;
    match cmd {
        KeyCommand::Derive(_) => Err(Error::internal("derive is not a keyring command")),
        KeyCommand::New(a) => new(ctx, a),
        KeyCommand::Promote { id, keyring } => {
            let (_lock, mut ring) = open_for_update(ctx, &keyring)?;
            let old = ring.promote(id)?;
            commit(
                ctx,
                &mut ring,
                "key.promote",
                id,
                Risk::Medium,
                json!({"previous_primary": old}),
            )?;
            ctx.out.note(&format!(
                "key {id} is now primary{}",
                old.filter(|o| *o != id)
                    .map(|o| format!("; key {o} decrypts only"))
                    .unwrap_or_default()
            ));
            print_keys(ctx, &[ring.get(id)?.info()], None)?;
            Ok(Outcome::Success)
        }
        KeyCommand::List { keyring, usage } => {
            let ring = open(ctx, &keyring)?;
            if let Some(p) = &ring.pending_audit {
                ctx.out.warn(&format!(
                    "an earlier {} of key {} has no audit entry yet (it was interrupted); the next keyring change writes it",
                    p.action, p.key_id
                ));
            }
            let counts = usage_counts(&ring, &usage)?;
            let infos: Vec<KeyInfo> = ring.keys.iter().map(|k| k.info()).collect();
            print_keys(ctx, &infos, counts.as_ref().map(|(c, _)| c))?;
            if let Some((c, _)) = &counts
                && c.undecryptable > 0
            {
                ctx.out.warn(&format!(
                    "{} values are under no key of this keyring",
                    c.undecryptable
                ));
            }
            Ok(Outcome::Success)
        }
        KeyCommand::Show { id, keyring } => {
            let ring = open(ctx, &keyring)?;
            print_keys(ctx, &[ring.get(id)?.info()], None)?;
            Ok(Outcome::Success)
        }
        KeyCommand::Retire {
            id,
            force,
            keyring,
            usage,
        } => {
            let (_lock, mut ring) = open_for_update(ctx, &keyring)?;
            match ring.get(id)?.state {
                KeyState::Primary => ring.retire(id)?,
                KeyState::Retired => {
                    ctx.out.note(&format!("key {id} is already retired"));
                    print_keys(ctx, &[ring.get(id)?.info()], None)?;
                    return Ok(Outcome::Success);
                }
                KeyState::Active => {}
            }
            // What still uses the key decides whether this may go ahead.
            let unchecked = match usage_counts(&ring, &usage)? {
                Some((c, tables)) => {
                    let n = rows_for(&c, id);
                    if n > 0 && !force {
                        if ctx.out.format() == Format::Json {
                            ctx.out.json(
                                &json!({"id": id, "retired": false, "values": n, "tables": tables}),
                            )?;
                        } else {
                            ctx.out.line(&format!(
                                "key {id} still encrypts {n} values in {tables}; rotate them first"
                            ))?;
                        }
                        return Ok(Outcome::ChecksFailed);
                    }
                    (n > 0).then(|| format!("key {id} still encrypts {n} values in {tables}"))
                }
                None if !force => {
                    return Err(Error::usage(format!(
                        "key retire {id} cannot check that no value still uses the key: name the tables that use the keyring (--db with --table and --column/--json-field, or --plan)"
                    ))
                    .with_hint("or pass --force (and confirm) to retire it unchecked"));
                }
                None => Some(format!(
                    "keyward has not checked that no value still uses key {id}"
                )),
            };
            if let Some(why) = &unchecked {
                ctx.out.warn(&format!(
                    "{why}; once retired, no keyring command decrypts with it until `key restore {id}`"
                ));
                if !ctx.confirm(&format!("Retire key {id}?"))? {
                    ctx.out.note(&format!("key {id} was not retired"));
                    return Ok(Outcome::ChecksFailed);
                }
            }
            ring.retire(id)?;
            commit(
                ctx,
                &mut ring,
                "key.retire",
                id,
                Risk::High,
                json!({"forced": force, "checked": unchecked.is_none()}),
            )?;
            print_keys(ctx, &[ring.get(id)?.info()], None)?;
            Ok(Outcome::Success)
        }
        KeyCommand::Restore { id, keyring } => {
            let (_lock, mut ring) = open_for_update(ctx, &keyring)?;
            ring.restore(id)?;
            commit(ctx, &mut ring, "key.restore", id, Risk::Medium, json!({}))?;
            ctx.out.note(&format!(
                "key {id} is active again (decrypts; `key promote {id}` to encrypt with it)"
            ));
            print_keys(ctx, &[ring.get(id)?.info()], None)?;
            Ok(Outcome::Success)
        }
        KeyCommand::Import(a) => import(ctx, a),
    }
}

fn validate_note(note: &Option<String>) -> Result<()> {
    if let Some(n) = note {
        crate::apikey::validate_note(n)?;
    }
    Ok(())
}

fn new(ctx: &Ctx, a: KeyNewArgs) -> Result<Outcome> {
    validate_note(&a.note)?;
    let (_lock, mut ring) = open_or_create(ctx, &a.keyring)?;
    let id = ring.add(
        Key256::generate()?,
        None,
        "generated",
        a.note.clone(),
        a.primary,
    )?;
    commit(ctx, &mut ring, "key.new", id, Risk::Low, json!({}))?;
    let state = ring.get(id)?.state;
    ctx.out.note(&format!(
        "added key {id} ({}) to {}{}",
        state.as_str(),
        ring.path().display(),
        if state == KeyState::Active {
            "; promote it once every reader has the keyring"
        } else {
            ""
        }
    ));
    print_keys(ctx, &[ring.get(id)?.info()], None)?;
    Ok(Outcome::Success)
}

fn import(ctx: &Ctx, a: KeyImportArgs) -> Result<Outcome> {
    validate_note(&a.note)?;
    let (key, origin) = if a.derive_passphrase_env.is_some() || a.derive_passphrase_file.is_some() {
        let kdf = crate::commands::key::kdf_from_args(&a.kdf)?;
        let salt = hex::decode(a.salt_hex.as_deref().unwrap_or("").trim())
            .map_err(|e| Error::usage(format!("--salt-hex is not valid hex ({e})")))?;
        if salt.is_empty() {
            return Err(Error::usage(
                "give the salt the service derives with: --salt-hex (not empty)",
            ));
        }
        let prompt = SecretPrompt {
            what: "passphrase to derive from",
            env_flag: "--derive-passphrase-env",
            file_flag: "--derive-passphrase-file",
            confirm: false,
            private_file: true,
        };
        let pass = read_secret(
            a.derive_passphrase_env.as_deref(),
            a.derive_passphrase_file.as_deref(),
            &prompt,
        )?;
        for w in kdf.warnings() {
            ctx.out.warn(&w);
        }
        let origin = match kdf {
            crate::crypto::kdf::Kdf::Scrypt { n, r, p } => {
                format!("imported: scrypt N={n} r={r} p={p}")
            }
            crate::crypto::kdf::Kdf::Pbkdf2 { iterations } => {
                format!("imported: pbkdf2-sha256 {iterations}")
            }
        };
        (kdf.derive_key(pass.expose().as_bytes(), &salt)?, origin)
    } else if a.key_env.is_some() || a.key_file.is_some() {
        (
            read_key(a.key_env.as_deref(), a.key_file.as_deref())?,
            "imported".to_string(),
        )
    } else {
        return Err(Error::usage(
            "give the key: --key-env, --key-file, or --derive-passphrase-env with --salt-hex",
        ));
    };
    let (_lock, mut ring) = open_or_create(ctx, &a.keyring)?;
    let id = ring.add(key, a.id, &origin, a.note.clone(), a.primary)?;
    commit(
        ctx,
        &mut ring,
        "key.import",
        id,
        Risk::Medium,
        json!({"origin": origin}),
    )?;
    ctx.out
        .note(&format!("imported key {id} into {}", ring.path().display()));
    print_keys(ctx, &[ring.get(id)?.info()], None)?;
    Ok(Outcome::Success)
}
