//! `key`: the keyring (`new | promote | list | show | retire | restore |
//! import`: versioned keys, each change saved with its audit entry) and
//! `key derive` (passphrase to key with scrypt or PBKDF2).

use std::io::IsTerminal;

use serde::Serialize;
use serde_json::Map;

use crate::audit::Risk;
use crate::cli::{
    DeriveArgs, KdfName, KeyCommand, KeyImportArgs, KeyNewArgs, KeyringArgs, UsageArgs,
};
use crate::commands::Ctx;
use crate::commands::sink::{Generated, deliver};
use crate::crypto::kdf::{
    Kdf, PBKDF2_DEFAULT_ITERATIONS, SCRYPT_DEFAULT_LOG_N, SCRYPT_DEFAULT_P, SCRYPT_DEFAULT_R,
};
use crate::crypto::keys::{Key256, read_key};
use crate::crypto::random;
use crate::error::{Error, Outcome, Result};
use crate::fsutil::FileLock;
use crate::keyring::{
    KeyInfo, KeyState, Keyring, audited, kek_input, lock_for_update, read_source, resolve_path,
};
use crate::output::{Format, Output, Report};
use crate::rotate::usage::{Usage, keyring_usage};
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
pub(crate) fn open_for_update(ctx: &Ctx, args: &KeyringArgs) -> Result<(FileLock, Keyring)> {
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
pub(crate) fn open_or_create(ctx: &Ctx, args: &KeyringArgs) -> Result<(FileLock, Keyring)> {
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

/// Saves a keyring change together with its audit entry, both or neither
/// ([`audited::commit`]); the store and audit key are checked first.
fn commit(
    ctx: &Ctx,
    ring: &mut Keyring,
    action: &str,
    id: u32,
    risk: Risk,
    extra: &impl Serialize,
) -> Result<()> {
    let (mut store, auditor) = ctx.audited()?;
    audited::commit(ring, &mut store, &auditor, action, id, risk, extra, &|w| {
        ctx.out.warn(w)
    })
}

/// Completes an interrupted change's audit entry ([`audited::complete_pending`]).
fn complete_pending(ctx: &Ctx, ring: &mut Keyring) -> Result<()> {
    if ring.pending_audit.is_none() {
        return Ok(());
    }
    let (mut store, auditor) = ctx.audited()?;
    if let Some(p) = audited::complete_pending(ring, &mut store, &auditor)? {
        ctx.out.warn(&format!(
            "an earlier {} of {} was interrupted before its audit entry was written; the entry is written now",
            p.action,
            p.what()
        ));
    }
    Ok(())
}

/// What still uses the keyring's keys in the tables `usage` names
/// (columns, JSON fields, a plan; SQLite or PostgreSQL); `None` when no
/// database is named.
fn usage_counts(ring: &Keyring, usage: &UsageArgs) -> Result<Option<Usage>> {
    let Some(table_args) = usage.table_args() else {
        return Ok(None);
    };
    if table_args.plan.is_none() && table_args.table.is_none() {
        return Err(Error::usage(
            "--db (or --db-env) needs --table with --column or --json-field (or --plan)",
        ));
    }
    let (db, targets) = crate::commands::rotate::targets(&table_args)?;
    keyring_usage(ring, &db, &targets, &usage.from).map(Some)
}

/// One key as `key list` and `show` report it.
#[derive(Serialize)]
struct KeyRow {
    #[serde(flatten)]
    info: KeyInfo,
    /// Values under it, when the tables were named.
    #[serde(skip_serializing_if = "Option::is_none")]
    values: Option<u64>,
}

/// The keys `key list`, `show` and the changes report: a JSON array.
#[derive(Serialize)]
#[serde(transparent)]
struct KeyList {
    keys: Vec<KeyRow>,
    #[serde(skip)]
    with_values: bool,
}

impl KeyList {
    fn new(infos: Vec<KeyInfo>, usage: Option<&Usage>) -> KeyList {
        KeyList {
            keys: infos
                .into_iter()
                .map(|info| KeyRow {
                    values: usage.map(|u| u.values_under(info.id)),
                    info,
                })
                .collect(),
            with_values: usage.is_some(),
        }
    }

    /// One key of `ring`.
    fn one(ring: &Keyring, id: u32) -> Result<KeyList> {
        Ok(KeyList::new(vec![ring.get(id)?.info()], None))
    }
}

impl Report for KeyList {
    fn render_text(&self, out: &Output) -> Result<()> {
        let mut header = vec!["id", "state", "created", "origin", "fingerprint", "note"];
        if self.with_values {
            header.push("values");
        }
        let rows: Vec<Vec<String>> = self
            .keys
            .iter()
            .map(|k| {
                let i = &k.info;
                let mut r = vec![
                    i.id.to_string(),
                    i.state.as_str().into(),
                    i.created_at.clone(),
                    i.origin.clone(),
                    i.fingerprint.clone(),
                    i.note.clone().unwrap_or_else(|| "-".into()),
                ];
                if let Some(n) = k.values {
                    r.push(n.to_string());
                }
                r
            })
            .collect();
        out.table(&header, &rows)
    }
}

/// `key retire` refused: the key still encrypts values.
#[derive(Serialize)]
struct RetireRefused {
    id: u32,
    retired: bool,
    values: u64,
    tables: String,
}

impl Report for RetireRefused {
    fn render_text(&self, out: &Output) -> Result<()> {
        out.line(&format!(
            "key {} still encrypts {} values in {}; rotate them first",
            self.id, self.values, self.tables
        ))
    }
}

/// `key promote`'s audit details.
#[derive(Serialize)]
struct Promoted {
    previous_primary: Option<u32>,
}

/// `key retire`'s audit details.
#[derive(Serialize)]
struct Retired {
    forced: bool,
    checked: bool,
}

/// `key import`'s audit details.
#[derive(Serialize)]
struct Imported<'a> {
    origin: &'a str,
}

/// Audit details with nothing of the change's own.
#[derive(Serialize)]
struct NoDetails {}

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
                &Promoted {
                    previous_primary: old,
                },
            )?;
            ctx.out.note(&format!(
                "key {id} is now primary{}",
                old.filter(|o| *o != id)
                    .map(|o| format!("; key {o} decrypts only"))
                    .unwrap_or_default()
            ));
            ctx.out.report(&KeyList::one(&ring, id)?)?;
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
            let usage = usage_counts(&ring, &usage)?;
            let infos: Vec<KeyInfo> = ring.keys.iter().map(|k| k.info()).collect();
            ctx.out.report(&KeyList::new(infos, usage.as_ref()))?;
            if let Some(u) = &usage
                && u.status.undecryptable > 0
            {
                ctx.out.warn(&format!(
                    "{} values are under no key of this keyring",
                    u.status.undecryptable
                ));
            }
            Ok(Outcome::Success)
        }
        KeyCommand::Show { id, keyring } => {
            let ring = open(ctx, &keyring)?;
            ctx.out.report(&KeyList::one(&ring, id)?)?;
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
                    ctx.out.report(&KeyList::one(&ring, id)?)?;
                    return Ok(Outcome::Success);
                }
                KeyState::Active => {}
            }
            // What still uses the key decides whether this may go ahead.
            let unchecked = match usage_counts(&ring, &usage)? {
                Some(u) => {
                    let n = u.values_under(id);
                    if n > 0 && !force {
                        ctx.out.report(&RetireRefused {
                            id,
                            retired: false,
                            values: n,
                            tables: u.tables,
                        })?;
                        return Ok(Outcome::ChecksFailed);
                    }
                    (n > 0).then(|| format!("key {id} still encrypts {n} values in {}", u.tables))
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
                &Retired {
                    forced: force,
                    checked: unchecked.is_none(),
                },
            )?;
            ctx.out.report(&KeyList::one(&ring, id)?)?;
            Ok(Outcome::Success)
        }
        KeyCommand::Restore { id, keyring } => {
            let (_lock, mut ring) = open_for_update(ctx, &keyring)?;
            ring.restore(id)?;
            commit(
                ctx,
                &mut ring,
                "key.restore",
                id,
                Risk::Medium,
                &NoDetails {},
            )?;
            ctx.out.note(&format!(
                "key {id} is active again (decrypts; `key promote {id}` to encrypt with it)"
            ));
            ctx.out.report(&KeyList::one(&ring, id)?)?;
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
    validate_note(&a.added.note)?;
    let (_lock, mut ring) = open_or_create(ctx, &a.added.keyring)?;
    let id = ring.add(
        Key256::generate()?,
        None,
        "generated",
        a.added.note.clone(),
        a.primary,
    )?;
    commit(ctx, &mut ring, "key.new", id, Risk::Low, &NoDetails {})?;
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
    ctx.out.report(&KeyList::one(&ring, id)?)?;
    Ok(Outcome::Success)
}

fn import(ctx: &Ctx, a: KeyImportArgs) -> Result<Outcome> {
    validate_note(&a.added.note)?;
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
    } else if let Some(spec) = &a.derive {
        let given = crate::rotate::keyset::given_key(a.key_env.as_deref(), a.key_file.as_deref())?;
        let codec = crate::formats::Codec::Native(crate::crypto::ValueFormat::Envelope);
        let spec = spec.clone().resolve()?;
        match crate::rotate::keyset::value_key(&given, &codec, &spec, "--derive")? {
            crate::formats::ValueKey::Key(k) => (k, format!("imported: derived by {spec}")),
            crate::formats::ValueKey::Spec(_) => {
                return Err(Error::internal("a 256-bit key was read as a spec key"));
            }
        }
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
    let (_lock, mut ring) = open_or_create(ctx, &a.added.keyring)?;
    let id = ring.add(key, a.id, &origin, a.added.note.clone(), a.primary)?;
    commit(
        ctx,
        &mut ring,
        "key.import",
        id,
        Risk::Medium,
        &Imported { origin: &origin },
    )?;
    ctx.out
        .note(&format!("imported key {id} into {}", ring.path().display()));
    ctx.out.report(&KeyList::one(&ring, id)?)?;
    Ok(Outcome::Success)
}
