//! `cert create | ca create | inspect | check`.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Serialize;
use time::OffsetDateTime;

use crate::audit::Entry;
use crate::certs::check::{self, CheckResult, Policy, Status, Summary, Threshold};
use crate::certs::connect::Target;
use crate::certs::create::{self, CaSpec, Spec};
use crate::certs::{CertInfo, parse_all};
use crate::cli::{
    CaCommand, CaCreateArgs, CertCheckArgs, CertCommand, CertCreateArgs, CertInspectArgs,
    CertOutArgs, ValidityArgs,
};
use crate::commands::Ctx;
use crate::error::{Error, Outcome, Result};
use crate::fsutil::{self, all_or_nothing, check_destinations};
use crate::output::{Format, Output, Report};
use crate::timeutil::{format_ms, now, parse_at, parse_duration, parse_expiry};

/// Browsers' limit for publicly trusted certificates.
const BROWSER_MAX_DAYS: i64 = 398;
/// Apple's limit for any TLS certificate.
const APPLE_MAX_DAYS: i64 = 825;

/// Runs a `cert` subcommand.
pub fn run(ctx: &Ctx, cmd: CertCommand) -> Result<Outcome> {
    match cmd {
        CertCommand::Create(a) => create_leaf(ctx, a),
        CertCommand::Ca(CaCommand::Create(a)) => create_ca(ctx, a),
        CertCommand::Inspect(a) => inspect(ctx, a),
        CertCommand::Check(a) => check_cmd(ctx, a),
    }
}

fn parse_time(s: &str, flag: &str) -> Result<OffsetDateTime> {
    parse_expiry(s, now(), flag)
}

/// Validity from the flags, with the warnings operators need.
fn validity(
    ctx: &Ctx,
    v: &ValidityArgs,
    days: u32,
    leaf: bool,
) -> Result<(OffsetDateTime, OffsetDateTime)> {
    let start = match &v.not_before {
        Some(s) => parse_time(s, "--not-before")?,
        None => now(),
    };
    let end = match &v.not_after {
        Some(s) => parse_time(s, "--not-after")?,
        None => start + time::Duration::days(days as i64),
    };
    if end <= start {
        return Err(Error::usage("--not-after must be later than --not-before"));
    }
    let lifetime = (end - start).whole_days();
    if leaf && lifetime > APPLE_MAX_DAYS {
        ctx.out.warn(&format!("{lifetime} days is over 825, Apple's limit for any TLS certificate: macOS and iOS will reject it"));
    } else if leaf && lifetime > BROWSER_MAX_DAYS {
        ctx.out.warn(&format!(
            "{lifetime} days is over 398, the browsers' limit for publicly trusted certificates"
        ));
    }
    if end <= now() {
        ctx.out.warn(
            "the certificate is already expired (as asked: useful to test a service's reload)",
        );
    }
    Ok((start, end))
}

fn key_path(files: &CertOutArgs) -> Result<&Path> {
    files.key_out.as_deref().ok_or_else(|| {
        Error::usage("--key-out is required for a new key (keyward never prints a private key)")
    })
}

fn cert_bytes(pem: &str, der: bool) -> Result<Vec<u8>> {
    if der {
        create::pem_to_der(pem)
    } else {
        Ok(pem.as_bytes().to_vec())
    }
}

fn info_of(pem: &str) -> Result<CertInfo> {
    parse_all(pem.as_bytes())
        .into_iter()
        .next()
        .and_then(|r| r.ok())
        .ok_or_else(|| Error::internal("the new certificate does not parse"))
}

/// The files `cert create` and `cert ca create` wrote.
#[derive(Serialize)]
struct CreatedFiles<'a> {
    cert: &'a Path,
    key: Option<&'a Path>,
    /// `cert create` only (null without `--chain-out`).
    #[serde(skip_serializing_if = "Option::is_none")]
    chain: Option<Option<&'a Path>>,
    der: bool,
}

/// A new certificate: its details and where it went.
#[derive(Serialize)]
struct Created<'a> {
    certificate: &'a CertInfo,
    files: CreatedFiles<'a>,
    /// "certificate" or "CA", for the note.
    #[serde(skip)]
    what: &'static str,
}

impl Report for Created<'_> {
    /// A note on stderr; nothing on stdout.
    fn render_text(&self, out: &Output) -> Result<()> {
        let info = self.certificate;
        out.note(&format!(
            "created {} {} ({} {} bits), valid {} to {}, sha256 {}",
            self.what,
            info.subject,
            info.key_type,
            info.key_bits,
            info.not_before,
            info.not_after,
            &info.sha256[..23]
        ));
        Ok(())
    }
}

/// The audit entry of `cert.create` and `cert.ca.create`.
#[derive(Serialize)]
struct CreateAudit<'a> {
    subject: &'a str,
    not_after: &'a str,
    key_type: &'a str,
    files: Vec<String>,
}

type Audit = (crate::store::Store, crate::audit::Auditor);

fn audit_create(audit: &mut Audit, action: &str, info: &CertInfo, paths: &[&Path]) -> Result<()> {
    let (store, auditor) = audit;
    let details = crate::commands::sink::audit_details(&CreateAudit {
        subject: &info.subject,
        not_after: &info.not_after,
        key_type: &info.key_type,
        files: paths.iter().map(|p| fsutil::canonical_display(p)).collect(),
    })?;
    store.write(|tx| {
        auditor.append(
            tx,
            &Entry::new(action, "certificate", info.serial.clone()).details(details),
        )
    })?;
    Ok(())
}

/// Which certificate `write_new` writes.
enum Made<'a> {
    /// `cert create`'s leaf, with `--chain-out` and its CA's PEM when given.
    Leaf(Option<(&'a Path, String)>),
    /// `cert ca create`'s CA.
    Ca,
}

/// Writes a new certificate, its key (`key_out`, when given) and its chain
/// with the audit entry, all or nothing, then reports it.
fn write_new(
    ctx: &Ctx,
    files: &CertOutArgs,
    pem: &str,
    key: &rcgen::KeyPair,
    key_out: Option<&Path>,
    made: Made<'_>,
) -> Result<Outcome> {
    let info = info_of(pem)?;
    let cert_out = cert_bytes(pem, files.der)?;
    let (action, what, chain) = match &made {
        Made::Leaf(chain) => ("cert.create", "certificate", Some(chain.as_ref())),
        Made::Ca => ("cert.ca.create", "CA", None),
    };
    let chain_out = chain.map(|c| c.map(|(path, _)| *path));
    let mut dests = vec![files.out.as_path()];
    dests.extend(key_out);
    dests.extend(chain_out.flatten());
    let mut audit = ctx.audited()?;
    all_or_nothing(|w| {
        // Key first: a certificate without its key is useless, the reverse is harmless.
        if let Some(kp) = key_out {
            w.write(kp, &create::key_bytes(key, files.der), 0o600, files.force)?;
        }
        w.write(&files.out, &cert_out, 0o644, files.force)?;
        if let Some(Some((path, ca_pem))) = chain {
            w.write(
                path,
                format!("{pem}{ca_pem}").as_bytes(),
                0o644,
                files.force,
            )?;
        }
        audit_create(&mut audit, action, &info, &dests)
    })?;
    ctx.out.report(&Created {
        certificate: &info,
        files: CreatedFiles {
            cert: &files.out,
            key: key_out,
            chain: chain_out,
            der: files.der,
        },
        what,
    })?;
    Ok(Outcome::Success)
}

fn create_leaf(ctx: &Ctx, a: CertCreateArgs) -> Result<Outcome> {
    ctx.out
        .require("cert create", &[Format::Text, Format::Json])?;
    let mut sans = a
        .san
        .iter()
        .map(|s| create::parse_san(s))
        .collect::<Result<Vec<_>>>()?;
    let cn = match (&a.cn, a.san.first()) {
        (Some(cn), _) => cn.clone(),
        (None, Some(first)) => first.clone(),
        (None, None) => return Err(Error::usage("give --cn or at least one --san")),
    };
    if sans.is_empty() {
        // Clients ignore the CN: a leaf needs its name as a SAN.
        match create::parse_san(&cn) {
            Ok(s) => sans.push(s),
            Err(_) => ctx.out.warn("the certificate has no subject alternative name, so TLS clients will not match it to a host"),
        }
    }
    let (not_before, not_after) = validity(ctx, &a.validity, a.days, true)?;
    let (key, key_is_new) = match &a.key_in {
        Some(p) => {
            fsutil::ensure_private(p, "private key")?;
            let pem = fsutil::read_text_bounded(p, fsutil::MAX_SECRET_FILE_BYTES)?;
            let key = create::load_key(&pem, &p.display().to_string())?;
            if let Some(wanted) = a.key_type {
                // Naming the type of the key given is harmless; another type is a mistake.
                match create::KeyType::of(&key) {
                    Ok(t) if t == wanted => {}
                    found => {
                        let found = found.map(|t| t.name().to_string()).unwrap_or_else(|d| d);
                        return Err(Error::usage(format!(
                            "--key-type {} does not match --key-in {}, which is {found}",
                            wanted.name(),
                            p.display()
                        ))
                        .with_hint("drop --key-type to reuse the key as it is"));
                    }
                }
            }
            (key, false)
        }
        None => (
            a.key_type
                .unwrap_or(create::KeyType::EcdsaP256)
                .generate()?,
            true,
        ),
    };
    let rsa = key.algorithm() == &rcgen::PKCS_RSA_SHA256;
    let spec = Spec {
        cn,
        sans,
        not_before,
        not_after,
        server: a.server || !a.client,
        client: a.client,
        rsa,
    };
    let key_out = if key_is_new {
        Some(key_path(&a.files)?)
    } else {
        a.files.key_out.as_deref()
    };
    let mut dests: Vec<&Path> = vec![&a.files.out];
    dests.extend(key_out);
    dests.extend(a.chain_out.as_deref());
    check_destinations(&dests, a.files.force)?;

    let (pem, ca_pem) = match (&a.ca, &a.ca_key) {
        (Some(ca), Some(ca_key)) => {
            let ca_pem = fsutil::read_text_bounded(ca, fsutil::MAX_INPUT_BYTES)?;
            let ca_info = parse_all(ca_pem.as_bytes())
                .into_iter()
                .next()
                .and_then(|r| r.ok())
                .ok_or_else(|| {
                    Error::bad_input(format!("{} is not a PEM certificate", ca.display()))
                })?;
            if !ca_info.is_ca {
                return Err(Error::bad_input(format!(
                    "{} is not a CA certificate (no CA:TRUE)",
                    ca.display()
                )));
            }
            if not_after.unix_timestamp() > ca_info.not_after_unix {
                ctx.out.warn(&format!(
                    "the certificate outlives its CA, which expires {}",
                    ca_info.not_after
                ));
            }
            fsutil::ensure_private(ca_key, "CA key")?;
            let ca_key_pem = fsutil::read_text_bounded(ca_key, fsutil::MAX_SECRET_FILE_BYTES)?;
            let ca_kp = create::load_key(&ca_key_pem, &ca_key.display().to_string())?;
            (
                create::signed_by_ca(&spec, &key, &ca_pem, ca_kp, &ca.display().to_string())?,
                Some(ca_pem),
            )
        }
        _ => (create::self_signed(&spec, &key)?, None),
    };
    let chain = a.chain_out.as_deref().zip(ca_pem);
    write_new(ctx, &a.files, &pem, &key, key_out, Made::Leaf(chain))
}

fn create_ca(ctx: &Ctx, a: CaCreateArgs) -> Result<Outcome> {
    ctx.out
        .require("cert ca create", &[Format::Text, Format::Json])?;
    let (not_before, not_after) = validity(ctx, &a.validity, a.days, false)?;
    let key_out = key_path(&a.files)?;
    check_destinations(&[&a.files.out, key_out], a.files.force)?;
    let key = a.key_type.generate()?;
    let pem = create::ca(
        &CaSpec {
            cn: a.cn.clone(),
            not_before,
            not_after,
            path_len: Some(a.path_len),
            name_constraints: a.name_constraint.clone(),
        },
        &key,
    )?;
    write_new(ctx, &a.files, &pem, &key, Some(key_out), Made::Ca)
}

fn read_input(path: &Path) -> Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        Ok(crate::secret::read_stdin(16 << 20, "the input")?.to_vec())
    } else {
        fsutil::read_bounded(path, 16 << 20)
    }
}

fn inspect(ctx: &Ctx, a: CertInspectArgs) -> Result<Outcome> {
    ctx.out
        .require("cert inspect", &[Format::Text, Format::Json])?;
    let at = now().unix_timestamp();
    let mut docs = Vec::new();
    for path in &a.files {
        let data = read_input(path)?;
        let source = path.display().to_string();
        for (i, parsed) in parse_all(&data).into_iter().enumerate() {
            let info = parsed.map_err(|reason| Error::bad_input(format!("{source}: {reason}")))?;
            let days_left = check::days_left(info.not_after_unix - at);
            let sans = info
                .sans
                .iter()
                .map(|s| format!("{}:{}", s.kind, s.value))
                .collect::<Vec<_>>()
                .join(", ");
            let validity = if info.not_after_unix <= at {
                format!(
                    "{} to {} (EXPIRED {} days ago)",
                    info.not_before, info.not_after, -days_left
                )
            } else if at < info.not_before_unix {
                format!("{} to {} (NOT YET VALID)", info.not_before, info.not_after)
            } else {
                format!(
                    "{} to {} ({days_left} days left)",
                    info.not_before, info.not_after
                )
            };
            let rows = vec![
                vec!["subject".into(), info.subject.clone()],
                vec!["issuer".into(), info.issuer.clone()],
                vec!["serial".into(), info.serial.clone()],
                vec![
                    "SANs".into(),
                    if sans.is_empty() { "-".into() } else { sans },
                ],
                vec![
                    "key".into(),
                    format!("{} {} bits", info.key_type, info.key_bits),
                ],
                vec!["signature".into(), info.signature_algorithm.clone()],
                vec!["validity".into(), validity],
                vec!["SHA-256".into(), info.sha256.clone()],
                vec!["SHA-1".into(), info.sha1.clone()],
                vec![
                    "CA".into(),
                    if info.is_ca {
                        match info.path_len {
                            Some(p) => format!("yes, path length {p}"),
                            None => "yes".into(),
                        }
                    } else {
                        "no".into()
                    },
                ],
                vec![
                    "key usage".into(),
                    if info.key_usage.is_empty() {
                        "-".into()
                    } else {
                        info.key_usage.join(", ")
                    },
                ],
                vec![
                    "extended key usage".into(),
                    if info.extended_key_usage.is_empty() {
                        "-".into()
                    } else {
                        info.extended_key_usage.join(", ")
                    },
                ],
            ];
            docs.push(Inspected {
                title: format!("{source} #{i}"),
                rows,
                info,
                source: source.clone(),
                index: i,
                days_left,
            });
        }
    }
    ctx.out.report(&InspectReport(docs))?;
    Ok(Outcome::Success)
}

/// One certificate of `cert inspect`: its details, where it was found,
/// and the days it has left.
#[derive(Serialize)]
struct Inspected {
    #[serde(flatten)]
    info: CertInfo,
    source: String,
    index: usize,
    days_left: i64,
    #[serde(skip)]
    title: String,
    #[serde(skip)]
    rows: Vec<Vec<String>>,
}

/// `cert inspect`'s answer: a JSON array, or a table per certificate.
#[derive(Serialize)]
#[serde(transparent)]
struct InspectReport(Vec<Inspected>);

impl Report for InspectReport {
    fn render_text(&self, out: &Output) -> Result<()> {
        for c in &self.0 {
            out.line(&c.title)?;
            out.table(&["field", "value"], &c.rows)?;
        }
        Ok(())
    }
}

fn check_cmd(ctx: &Ctx, a: CertCheckArgs) -> Result<Outcome> {
    if !a.nagios {
        ctx.out.require(
            "cert check",
            &[Format::Text, Format::Json, Format::Ndjson, Format::Csv],
        )?;
    }
    if a.paths.is_empty() && a.connect.is_empty() {
        return Err(Error::usage(
            "give files or directories to check, - for stdin, or --connect host:port",
        ));
    }
    let warn = Threshold::parse(&a.warn).map_err(|m| Error::usage(format!("--warn: {m}")))?;
    let critical =
        Threshold::parse(&a.critical).map_err(|m| Error::usage(format!("--critical: {m}")))?;
    let evaluated_at = parse_at(a.at.as_deref(), now())?;
    let at = evaluated_at.unix_timestamp();
    let timeout =
        parse_duration(&a.timeout).map_err(|m| Error::usage(format!("--timeout: {m}")))?;
    let timeout = Duration::from_secs(timeout.whole_seconds().max(1) as u64);
    let globs: Vec<glob::Pattern> = if a.glob.is_empty() {
        check::DEFAULT_GLOBS
            .iter()
            .map(|g| glob::Pattern::new(g).expect("valid pattern"))
            .collect()
    } else {
        a.glob
            .iter()
            .map(|g| glob::Pattern::new(g).map_err(|e| Error::usage(format!("--glob '{g}': {e}"))))
            .collect::<Result<_>>()?
    };
    let targets = a
        .connect
        .iter()
        .map(|t| Target::parse(t, a.starttls).map_err(|m| Error::usage(format!("--connect {m}"))))
        .collect::<Result<Vec<_>>>()?;
    let roots = if a.verify {
        let ca = match &a.ca_file {
            Some(p) => Some(fsutil::read_bounded(p, fsutil::MAX_INPUT_BYTES)?),
            None => None,
        };
        Some(crate::certs::connect::roots(ca.as_deref()).map_err(Error::bad_input)?)
    } else {
        None
    };
    let policy = Policy {
        warn,
        critical,
        at,
        expect_names: a.expect_name.clone(),
    };

    let (stdin, paths): (Vec<PathBuf>, Vec<PathBuf>) =
        a.paths.iter().cloned().partition(|p| p.as_os_str() == "-");
    let (files, mut results) = check::expand(&paths, &globs);
    results.extend(check::check_files(&files, &policy, a.leaf_only));
    if !stdin.is_empty() {
        let data = read_input(Path::new("-"))?;
        results.extend(check::check_bytes("-", &data, &policy, a.leaf_only));
    }
    for t in &targets {
        results.extend(check::check_endpoint(
            t,
            a.sni.as_deref(),
            timeout,
            &policy,
            a.leaf_only,
            roots.as_ref(),
        ));
    }
    check::sort(&mut results);

    if a.nagios {
        ctx.out.line(&check::nagios_line(&results, &policy))?;
        return Ok(Outcome::Code(check::nagios_code(&results)));
    }
    let summary = Summary::of(&results);
    let code = check::exit_code(&results);
    let shown: Vec<&CheckResult> = if ctx.out.quiet() {
        results.iter().filter(|r| r.status != Status::Ok).collect()
    } else {
        results.iter().collect()
    };
    match ctx.out.format() {
        Format::Json => {
            ctx.out.json(&CheckReport {
                evaluated_at: format_ms(evaluated_at.replace_nanosecond(0).unwrap_or(evaluated_at)),
                warn: &a.warn,
                critical: &a.critical,
                results: &shown,
                summary: &summary,
            })?;
        }
        _ => {
            if !(shown.is_empty() && ctx.out.format() == Format::Text) {
                ctx.out.records(
                    &shown,
                    &[
                        "source",
                        "subject CN",
                        "SANs",
                        "not after",
                        "days left",
                        "status",
                        "reason",
                    ],
                    |r: &&CheckResult| {
                        let sans = if r.sans.len() > 3 {
                            format!("{} (+{})", r.sans[..3].join(", "), r.sans.len() - 3)
                        } else {
                            r.sans.join(", ")
                        };
                        vec![
                            match r.index {
                                Some(i) if i > 0 => format!("{}#{i}", r.source),
                                _ => r.source.clone(),
                            },
                            r.subject_cn.clone().unwrap_or_else(|| "-".into()),
                            if sans.is_empty() { "-".into() } else { sans },
                            r.not_after.clone().unwrap_or_else(|| "-".into()),
                            r.days_left
                                .map(|d| d.to_string())
                                .unwrap_or_else(|| "-".into()),
                            r.status.label().into(),
                            r.reason.clone(),
                        ]
                    },
                )?;
            }
            if a.summary && ctx.out.format() == Format::Text {
                ctx.out.line(&format!(
                    "{} certificates: {} ok, {} warning, {} critical, {} unknown",
                    results.len(),
                    summary.ok,
                    summary.warning,
                    summary.critical,
                    summary.unknown
                ))?;
            }
        }
    }
    Ok(match code {
        0 => Outcome::Success,
        1 => Outcome::ChecksFailed,
        c => Outcome::Code(c),
    })
}

/// `cert check --format json`'s document (the other formats list the results).
#[derive(Serialize)]
struct CheckReport<'a> {
    evaluated_at: String,
    warn: &'a str,
    critical: &'a str,
    results: &'a [&'a CheckResult],
    summary: &'a Summary,
}
