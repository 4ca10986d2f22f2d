//! `rotate run --update-env FILE --var NAME [--var-salt NAME]`: the
//! command's part of a single-key service's whole key change (the domain
//! part is `rotate::envfile`). Three calls from `rotate run`:
//!
//! 1. [`keys`], before anything is read: the dotenv file, the old key
//!    (its variable, or `--from-key-*`), and the new key, pending in the
//!    keyring from an unfinished run or minted now;
//! 2. [`seal`], after the preflight and before the first write: a minted
//!    key goes into the keyring, sealed under its KEK (with the
//!    `rotate.env.pending` audit entry), so a run killed from here on is
//!    finished by the next with the same key;
//! 3. [`finish`], after every table: when every value was rotated, each
//!    table is surveyed under the new key alone, and only when every value
//!    reads under it is the file written (one atomic write, every other
//!    byte kept) and the pending key cleared (`rotate.env.update`).
//!
//! A run per dotenv file at a time: its lock lives beside the keyring.

use serde::Serialize;

use crate::audit::{Entry, Risk};
use crate::cli::{KeyringArgs, RotateRunArgs};
use crate::commands::Ctx;
use crate::commands::key;
use crate::error::{Error, ErrorKind, Result};
use crate::formats::FormatName;
use crate::formats::derive::DeriveSpec;
use crate::fsutil::FileLock;
use crate::keyring::{PendingEnvKey, audited};
use crate::output::{Output, Report};
use crate::rotate::envfile::{self, Derivations, EnvFile};
use crate::rotate::keyset::{self, GivenKey, RotationKeys};
use crate::rotate::{self, Opened, Target};

/// Where the new key of this run comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
enum NewKey {
    /// Minted by this run (and sealed in the keyring before any write).
    Minted,
    /// Minted by an earlier run that did not finish, kept in the keyring.
    Pending,
    /// A dry run's stand-in: never sealed, never written.
    DryRun,
}

/// A rotation with `--update-env`, between its three steps. Holds the new
/// key; `Debug` is not derived.
pub(crate) struct EnvRotation {
    file: EnvFile,
    keyring: KeyringArgs,
    pending: PendingEnvKey,
    source: NewKey,
    new_derive: DeriveSpec,
    from: Vec<FormatName>,
    to: FormatName,
    /// The target format as the rotation's holders name it.
    target_label: String,
    allow_unrecognized: bool,
    dry_run: bool,
    _lock: Option<FileLock>,
}

impl EnvRotation {
    /// The audit entries' resource id: `FILE:VAR`.
    fn resource(&self) -> String {
        format!("{}:{}", self.file.canonical().display(), self.file.var())
    }
}

/// The rotation's keys: with `--update-env`, the old key from the file
/// (or `--from-key-*`) and the new key (pending, or minted); otherwise
/// what `otherwise` gives.
pub(crate) fn keys(
    ctx: &Ctx,
    a: &RotateRunArgs,
    otherwise: impl FnOnce() -> Result<RotationKeys>,
) -> Result<(Option<EnvRotation>, RotationKeys)> {
    let Some(path) = &a.update_env else {
        return Ok((None, otherwise()?));
    };
    let var = a
        .var
        .as_deref()
        .ok_or_else(|| Error::usage("--update-env needs --var NAME"))?;
    let k = &a.keys;
    let file = EnvFile::open(path, var, a.var_salt.as_deref())?;
    let derivs = Derivations::new(k.from_derive.as_ref(), k.to_derive.as_ref(), &file)?;
    let old = if k.from_key_env.is_empty() && k.from_key_file.is_empty() {
        vec![file.old_key()?]
    } else {
        keyset::given_keys(&k.from_key_env, &k.from_key_file)?
    };
    if !a.dry_run {
        // A misfitting audit key is refused before anything changes.
        ctx.audited()?;
    }
    let lock = if a.dry_run {
        None
    } else {
        Some(lock_env(ctx, &k.keyring, &file)?)
    };
    let (pending, source) = match find_pending(ctx, &k.keyring, &file)? {
        Some(p) => {
            check_pending(ctx, &p, &file, a, &derivs)?;
            (p, NewKey::Pending)
        }
        None => {
            let old_text = match old.first() {
                Some(GivenKey::Text(t)) => Some(t.expose()),
                _ => None,
            };
            let secret = envfile::mint_key(&derivs, old_text, &a.to)?;
            let salt = if derivs.mints_salt {
                Some(envfile::mint_salt(derivs.salt_len())?)
            } else {
                None
            };
            let p = PendingEnvKey {
                env_file: file.canonical().display().to_string(),
                var: file.var().to_string(),
                salt_var: file.salt_var().map(str::to_string),
                created_at: crate::timeutil::format_ms(crate::timeutil::now()),
                to: a.to.to_string(),
                derive: derivs.shape(),
                secret,
                salt,
            };
            let source = if a.dry_run {
                NewKey::DryRun
            } else {
                NewKey::Minted
            };
            (p, source)
        }
    };
    let new_derive = derivs.new_with(pending.salt.as_ref())?;
    let mut keys = envfile::rotation_keys(
        &old,
        &pending.secret,
        k.to_key_id,
        &a.from,
        &a.to,
        derivs.old.clone(),
        new_derive.clone(),
    )?;
    // Reports name the new key as the file will hold it (the fingerprint
    // of the variable's text), not by the key derived from it.
    keys.target = match source {
        NewKey::DryRun => format!("a new {var} for {}", file.canonical().display()),
        _ => format!(
            "the new {var} for {}, {}",
            file.canonical().display(),
            pending.fingerprint()
        ),
    };
    let env = EnvRotation {
        file,
        keyring: k.keyring.clone(),
        pending,
        source,
        new_derive,
        from: a.from.clone(),
        to: a.to.clone(),
        target_label: keys.keys.target_format(),
        allow_unrecognized: a.allow_unrecognized,
        dry_run: a.dry_run,
        _lock: lock,
    };
    Ok((Some(env), keys))
}

/// One run per dotenv file at a time: a lock beside the keyring, named
/// after the file (cron jobs that overlap: the second stops, exit 4).
fn lock_env(ctx: &Ctx, args: &KeyringArgs, file: &EnvFile) -> Result<FileLock> {
    let ring = crate::keyring::resolve_path(args.keyring.as_deref(), ctx.store_flag.as_deref())?;
    if let Some(dir) = ring.parent() {
        crate::fsutil::create_private_dir(dir)?;
    }
    let id = crate::crypto::fingerprint(file.canonical().as_os_str().as_encoded_bytes());
    let id = id.trim_start_matches("sha256:");
    let mut name = ring.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".env-{id}.lock"));
    let lock = ring.with_file_name(name);
    crate::fsutil::lock_exclusive(&lock, file.canonical(), std::time::Duration::from_secs(2))
        .map_err(|e| {
            if e.kind() == ErrorKind::Environment && e.message().contains("another process") {
                e.with_hint(
                    "another `rotate run --update-env` for this file is running; retry when it has finished",
                )
            } else {
                e
            }
        })
}

/// The key an unfinished run left pending for the file's variable.
fn find_pending(ctx: &Ctx, args: &KeyringArgs, file: &EnvFile) -> Result<Option<PendingEnvKey>> {
    let path = crate::keyring::resolve_path(args.keyring.as_deref(), ctx.store_flag.as_deref())?;
    if !path.exists() {
        return Ok(None);
    }
    let ring = key::open(ctx, args)?;
    Ok(ring
        .pending_env(&file.canonical().display().to_string(), file.var())
        .cloned())
}

/// A pending key is finished with the flags it was minted for: its salt
/// goes to the same variable (refused otherwise, exit 2); another format
/// or derivation is allowed with a warning (values it rotated read only
/// with its own).
fn check_pending(
    ctx: &Ctx,
    p: &PendingEnvKey,
    file: &EnvFile,
    a: &RotateRunArgs,
    derivs: &Derivations,
) -> Result<()> {
    if p.salt_var.as_deref() != file.salt_var() {
        let was = match &p.salt_var {
            Some(s) => format!("--var-salt {s}"),
            None => "no --var-salt".to_string(),
        };
        return Err(Error::usage(format!(
            "a new key for {} in {} is pending from an unfinished run ({}) with {was}; rerun with the same",
            p.var,
            file.canonical().display(),
            p.created_at
        )));
    }
    let to = a.to.to_string();
    let shape = derivs.shape();
    if p.to != to || p.derive != shape {
        ctx.out.warn(&format!(
            "the new key pending for {} (since {}) was minted for --to {} and derivation {}; this run has --to {to} and {shape}: values that run rotated read only with its settings",
            p.var, p.created_at, p.to, p.derive
        ));
    }
    ctx.out.note(&format!(
        "finishing with the new key {} pending since {} (an earlier run did not finish)",
        p.fingerprint(),
        p.created_at
    ));
    Ok(())
}

/// What the `rotate.env.*` audit entries record: never the key.
#[derive(Serialize)]
struct EnvDetails<'a> {
    env_file: String,
    vars: Vec<String>,
    fingerprint: String,
    to: &'a str,
    derive: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    tables: Option<Vec<String>>,
}

fn details<'a>(e: &'a EnvRotation, targets: Option<&[Target]>) -> EnvDetails<'a> {
    EnvDetails {
        env_file: e.file.canonical().display().to_string(),
        vars: e.file.vars(),
        fingerprint: e.pending.fingerprint(),
        to: &e.pending.to,
        derive: &e.pending.derive,
        tables: targets.map(|t| t.iter().map(|t| t.table.clone()).collect()),
    }
}

/// Seals a newly minted key in the keyring (creating the keyring if there
/// is none) with its `rotate.env.pending` entry, before anything is
/// written; a pending key is there already, and a dry run seals nothing.
pub(crate) fn seal(ctx: &Ctx, env: Option<&EnvRotation>) -> Result<()> {
    let Some(e) = env.filter(|e| e.source == NewKey::Minted) else {
        return Ok(());
    };
    let (_lock, mut ring) = key::open_or_create(ctx, &e.keyring)?;
    ring.set_pending_env(e.pending.clone());
    let (mut store, auditor) = ctx.audited()?;
    audited::commit_other(
        &mut ring,
        &mut store,
        &auditor,
        "rotate.env.pending",
        "env_var",
        &e.resource(),
        Risk::Medium,
        &details(e, None),
        &|w| ctx.out.warn(w),
    )
}

/// What `rotate run --update-env` adds to the run's report.
#[derive(Serialize)]
pub(crate) struct EnvReport {
    /// The dotenv file (canonical).
    env_file: String,
    /// The variables written (or to be written): the key's, then the salt's.
    env_vars: Vec<String>,
    /// Whether the file now holds the new key.
    env_updated: bool,
    /// `minted`, `pending` or `dry-run`.
    new_key: NewKey,
    /// SHA-256 (first 8 bytes) of the text written to the key's variable.
    #[serde(skip_serializing_if = "Option::is_none")]
    new_key_fingerprint: Option<String>,
    /// Why the file was not written.
    #[serde(skip_serializing_if = "Option::is_none")]
    env_not_updated: Option<String>,
    #[serde(skip)]
    failed: bool,
    #[serde(skip)]
    since: String,
}

impl EnvReport {
    /// Whether the run must exit 1: the file was not written (a dry run
    /// excepted).
    pub(crate) fn failed(&self) -> bool {
        self.failed
    }

    fn not_updated(mut self, why: &str, failed: bool) -> EnvReport {
        self.env_not_updated = Some(why.to_string());
        self.failed = failed;
        self
    }
}

/// After every table: verifies each under the new key alone, then writes
/// the file and clears the pending key; or says why the file was not
/// written (the key stays pending for the next run).
pub(crate) fn finish(
    ctx: &Ctx,
    env: Option<EnvRotation>,
    db: &str,
    targets: &[Target],
    failed: bool,
) -> Result<Option<EnvReport>> {
    let Some(e) = env else { return Ok(None) };
    let mut report = EnvReport {
        env_file: e.file.canonical().display().to_string(),
        env_vars: e.file.vars(),
        env_updated: false,
        new_key: e.source,
        new_key_fingerprint: (e.source != NewKey::DryRun).then(|| e.pending.fingerprint()),
        env_not_updated: None,
        failed: false,
        since: e.pending.created_at.clone(),
    };
    if e.dry_run {
        return Ok(Some(report.not_updated("dry run", false)));
    }
    if failed {
        return Ok(Some(report.not_updated("values were left unrotated", true)));
    }
    let keys = envfile::verify_keys(&e.pending.secret, &e.from, &e.to, &e.new_derive)?;
    for target in targets {
        let mut table = Opened::open(db, target, false)?;
        let st = rotate::survey(table.rows(), &keys, 5)?;
        if let Some(why) =
            envfile::verdict(&st, &target.table, &e.target_label, e.allow_unrecognized)
        {
            return Ok(Some(report.not_updated(&why, true)));
        }
    }
    let salt = e.pending.salt.as_ref().map(|s| s.expose());
    e.file.check_unchanged(&e.pending.secret, salt)?;
    e.file.write(&e.pending.secret, salt)?;
    // The file holds the key: clear the pending entry, with the entry
    // saying the file was written (a rerun does this when a crash comes
    // first: every value is current, the file is written again, the same).
    let (_lock, mut ring) = key::open_or_create(ctx, &e.keyring)?;
    let (mut store, auditor) = ctx.audited()?;
    let d = details(&e, Some(targets));
    let warn = |w: &str| ctx.out.warn(w);
    let canonical = e.file.canonical().display().to_string();
    if ring.take_pending_env(&canonical, e.file.var()).is_some() {
        audited::commit_other(
            &mut ring,
            &mut store,
            &auditor,
            "rotate.env.update",
            "env_var",
            &e.resource(),
            Risk::High,
            &d,
            &warn,
        )?;
    } else {
        let details = serde_json::to_value(&d)
            .map_err(|err| Error::internal(format!("cannot encode the audit details: {err}")))?;
        let entry = Entry::new("rotate.env.update", "env_var", e.resource())
            .risk(Risk::High)
            .details(details);
        store.write(|tx| auditor.append(tx, &entry))?;
    }
    report.env_updated = true;
    Ok(Some(report))
}

/// The run's report with what `--update-env` did beside it (its fields
/// flattened into the run's document).
#[derive(Serialize)]
pub(crate) struct WithEnv<'a, R: Serialize> {
    #[serde(flatten)]
    pub(crate) run: &'a R,
    #[serde(flatten)]
    pub(crate) env: Option<&'a EnvReport>,
}

impl<R: Report> Report for WithEnv<'_, R> {
    fn render_text(&self, out: &Output) -> Result<()> {
        self.run.render_text(out)?;
        let Some(e) = self.env else { return Ok(()) };
        let vars = e.env_vars.join(" and ");
        let key = match (&e.new_key_fingerprint, e.new_key) {
            (Some(fp), NewKey::Pending) => {
                format!("the new key {fp}, pending in the keyring since {}", e.since)
            }
            (Some(fp), _) => format!("the new key {fp}"),
            (None, _) => "a new key".to_string(),
        };
        if e.env_updated {
            out.line(&format!(
                "wrote {key} to {vars} in {}; restart the service to use it",
                e.env_file
            ))
        } else if e.new_key == NewKey::DryRun {
            out.line(&format!(
                "dry run: {} not written; a run writes {key} to {vars}",
                e.env_file
            ))
        } else {
            out.line(&format!(
                "{} not written: {}; {key} stays sealed in the keyring, and the next run finishes with it",
                e.env_file,
                e.env_not_updated.as_deref().unwrap_or("the run did not finish")
            ))
        }
    }
}
