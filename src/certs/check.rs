//! `cert check`: every certificate in files, directories, bundles, stdin
//! and live endpoints, graded against warn and critical thresholds (days
//! left or share of lifetime used), expected names and, optionally, chain
//! verification. A file that cannot be read or parsed is UNKNOWN and
//! everything else is still checked.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Serialize;

use crate::certs::{CertInfo, covers, is_pem_without_certificates, parse_all};

/// A threshold: days (or any duration) left, or a share of the lifetime used.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Threshold {
    /// At most this many seconds left.
    Left(i64),
    /// At least this share (0-1) of the lifetime gone (step's 66% renewal point).
    Used(f64),
}

impl Threshold {
    /// `30d`, `12h`, `66%`.
    pub fn parse(s: &str) -> Result<Threshold, String> {
        let t = s.trim();
        if let Some(p) = t.strip_suffix('%') {
            let v: f64 = p
                .trim()
                .parse()
                .map_err(|_| format!("'{s}' is not a percentage such as 66%"))?;
            if !(0.0..=100.0).contains(&v) {
                return Err(format!("'{s}': a percentage is between 0% and 100%"));
            }
            return Ok(Threshold::Used(v / 100.0));
        }
        let d = crate::timeutil::parse_duration(t)?;
        if d.is_negative() {
            return Err(format!("'{s}' is negative"));
        }
        Ok(Threshold::Left(d.whole_seconds()))
    }

    fn reached(self, info: &CertInfo, at: i64) -> bool {
        match self {
            Threshold::Left(secs) => info.not_after_unix - at <= secs,
            Threshold::Used(share) => {
                let life = (info.not_after_unix - info.not_before_unix).max(1) as f64;
                (at - info.not_before_unix) as f64 / life >= share
            }
        }
    }

    /// The threshold in days, when it is one (for Nagios perfdata).
    pub fn days(self) -> Option<f64> {
        match self {
            Threshold::Left(s) => Some(s as f64 / 86_400.0),
            Threshold::Used(_) => None,
        }
    }
}

/// The grade of one result. Ordered by severity: critical is worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Valid and not near expiry.
    Ok,
    /// Inside the warn threshold.
    Warning,
    /// Could not be read or parsed.
    Unknown,
    /// Expired, inside the critical threshold, not yet valid, wrong names, or a chain that does not verify.
    Critical,
}

impl Status {
    /// Upper-case, as monitoring shows it.
    pub fn label(self) -> &'static str {
        match self {
            Status::Ok => "OK",
            Status::Warning => "WARNING",
            Status::Unknown => "UNKNOWN",
            Status::Critical => "CRITICAL",
        }
    }
}

/// One checked certificate (or one input that could not be checked).
#[derive(Debug, Clone, Serialize)]
pub struct CheckResult {
    /// File path, `-`, or `host:port`.
    pub source: String,
    /// Position in the file or served chain (0 = first / leaf).
    pub index: Option<usize>,
    /// Subject CN.
    pub subject_cn: Option<String>,
    /// SANs, as text.
    pub sans: Vec<String>,
    /// Issuer.
    pub issuer: Option<String>,
    /// End of validity, RFC 3339.
    pub not_after: Option<String>,
    /// Whole days left at the evaluation time, by [`days_left`]'s rule
    /// (negative once expired).
    pub days_left: Option<i64>,
    /// Seconds left.
    pub seconds_left: Option<i64>,
    /// The grade.
    pub status: Status,
    /// Why.
    pub reason: String,
    /// The input could not be read at all (I/O), rather than parsed.
    #[serde(skip)]
    pub unreadable: bool,
}

/// What a certificate is held against.
#[derive(Debug, Clone)]
pub struct Policy {
    /// Warn threshold.
    pub warn: Threshold,
    /// Critical threshold.
    pub critical: Threshold,
    /// Evaluation time (Unix seconds).
    pub at: i64,
    /// Names the leaf must cover.
    pub expect_names: Vec<String>,
}

/// Whole days in `secs` seconds left, rounded toward zero: the same days
/// the reason shows, so `expires in 3d 4h` is 3 and `expired 35d 0h ago`
/// is -35 (never -36); anything within a day either side of the expiry is
/// 0 (the status and reason tell expired from not).
pub fn days_left(secs: i64) -> i64 {
    secs / 86_400
}

fn human_left(secs: i64) -> String {
    crate::timeutil::human_duration(time::Duration::seconds(secs))
}

/// Grades one certificate; `leaf` says whether expected names apply.
pub fn evaluate(
    source: &str,
    index: usize,
    info: &CertInfo,
    policy: &Policy,
    leaf: bool,
) -> CheckResult {
    let left = info.not_after_unix - policy.at;
    let (status, reason) = if policy.at < info.not_before_unix {
        (
            Status::Critical,
            format!(
                "not valid yet: starts {} ({} from now)",
                info.not_before,
                human_left(info.not_before_unix - policy.at)
            ),
        )
    } else if left <= 0 {
        (
            Status::Critical,
            format!("expired {} ago", human_left(-left)),
        )
    } else if let Some(missing) = leaf
        .then(|| policy.expect_names.iter().find(|n| !covers(&info.sans, n)))
        .flatten()
    {
        (Status::Critical, format!("does not cover {missing}"))
    } else if policy.critical.reached(info, policy.at) {
        (Status::Critical, format!("expires in {}", human_left(left)))
    } else if policy.warn.reached(info, policy.at) {
        (Status::Warning, format!("expires in {}", human_left(left)))
    } else {
        (Status::Ok, format!("expires in {}", human_left(left)))
    };
    CheckResult {
        source: source.to_string(),
        index: Some(index),
        subject_cn: info.subject_cn.clone(),
        sans: info.sans.iter().map(|s| s.value.clone()).collect(),
        issuer: Some(info.issuer.clone()),
        not_after: Some(info.not_after.clone()),
        days_left: Some(days_left(left)),
        seconds_left: Some(left),
        status,
        reason,
        unreadable: false,
    }
}

/// A result for an input that could not be checked.
pub fn unknown(source: &str, reason: String, unreadable: bool) -> CheckResult {
    CheckResult {
        source: source.to_string(),
        index: None,
        subject_cn: None,
        sans: Vec::new(),
        issuer: None,
        not_after: None,
        days_left: None,
        seconds_left: None,
        status: Status::Unknown,
        reason,
        unreadable,
    }
}

/// Grades every certificate in `data` from `source`.
pub fn check_bytes(
    source: &str,
    data: &[u8],
    policy: &Policy,
    leaf_only: bool,
) -> Vec<CheckResult> {
    let mut out = Vec::new();
    for (i, parsed) in parse_all(data).into_iter().enumerate() {
        if leaf_only && i > 0 {
            break;
        }
        out.push(match parsed {
            Ok(info) => evaluate(source, i, &info, policy, i == 0),
            Err(reason) => unknown(source, reason, false),
        });
    }
    out
}

/// The largest input file keyward reads: 16 MiB.
const MAX_FILE: u64 = 16 << 20;

/// Grades one file.
pub fn check_file(
    path: &Path,
    policy: &Policy,
    leaf_only: bool,
    from_dir: bool,
) -> Vec<CheckResult> {
    let source = path.display().to_string();
    match crate::fsutil::read_bounded(path, MAX_FILE) {
        Ok(d) if from_dir && is_pem_without_certificates(&d) => Vec::new(),
        Ok(d) if d.is_empty() => vec![unknown(&source, "empty file".into(), false)],
        Ok(d) => check_bytes(&source, &d, policy, leaf_only),
        Err(e) => {
            let environment = e.kind() == crate::error::ErrorKind::Environment;
            vec![unknown(&source, e.message().to_string(), environment)]
        }
    }
}

/// Default file name patterns for directories.
pub const DEFAULT_GLOBS: &[&str] = &["*.pem", "*.crt", "*.cer", "*.cert", "*.der"];

/// Expands directories (recursively, by name pattern) into files; files
/// given by name are always kept. Unreadable directories become results.
pub fn expand(
    paths: &[PathBuf],
    globs: &[glob::Pattern],
) -> (Vec<(PathBuf, bool)>, Vec<CheckResult>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for p in paths {
        if p.is_dir() {
            for entry in walkdir::WalkDir::new(p)
                .follow_links(true)
                .sort_by_file_name()
            {
                match entry {
                    Ok(e) if e.file_type().is_file() => {
                        let name = e.file_name().to_string_lossy();
                        if globs.iter().any(|g| g.matches(&name)) {
                            files.push((e.into_path(), true));
                        }
                    }
                    Ok(_) => {}
                    Err(e) => problems.push(unknown(
                        &e.path()
                            .map(|x| x.display().to_string())
                            .unwrap_or_else(|| p.display().to_string()),
                        format!(
                            "cannot read: {}",
                            e.io_error()
                                .map(|x| x.to_string())
                                .unwrap_or_else(|| e.to_string())
                        ),
                        true,
                    )),
                }
            }
        } else {
            files.push((p.clone(), false));
        }
    }
    (files, problems)
}

/// Checks files on all cores, keeping their order.
pub fn check_files(
    files: &[(PathBuf, bool)],
    policy: &Policy,
    leaf_only: bool,
) -> Vec<CheckResult> {
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 8);
    if files.len() < 64 || workers == 1 {
        return files
            .iter()
            .flat_map(|(f, d)| check_file(f, policy, leaf_only, *d))
            .collect();
    }
    let chunk = files.len().div_ceil(workers);
    std::thread::scope(|s| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                (
                    part,
                    s.spawn(move || {
                        part.iter()
                            .flat_map(|(f, d)| check_file(f, policy, leaf_only, *d))
                            .collect::<Vec<_>>()
                    }),
                )
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|(part, h)| {
                h.join().unwrap_or_else(|_| {
                    // A bug while checking: report these files rather than lose them.
                    part.iter()
                        .map(|(f, _)| {
                            unknown(
                                &f.display().to_string(),
                                "internal error while checking".into(),
                                false,
                            )
                        })
                        .collect()
                })
            })
            .collect()
    })
}

/// Checks a live endpoint: the served chain, each certificate graded, the
/// leaf against the expected names, and (with `verify`) the whole chain
/// against the trust anchors.
pub fn check_endpoint(
    target: &crate::certs::connect::Target,
    sni: Option<&str>,
    timeout: Duration,
    policy: &Policy,
    leaf_only: bool,
    verify: Option<&rustls::RootCertStore>,
) -> Vec<CheckResult> {
    let label = target.label();
    let chain = match crate::certs::connect::fetch_chain(target, sni, timeout) {
        Ok(c) => c,
        Err(reason) => return vec![unknown(&label, reason, true)],
    };
    let mut out = Vec::new();
    for (i, der) in chain.iter().enumerate() {
        if leaf_only && i > 0 {
            break;
        }
        // Only the leaf (index 0 of the served chain) must cover the expected names.
        match crate::certs::parse_all(der).into_iter().next() {
            Some(Ok(info)) => out.push(evaluate(&label, i, &info, policy, i == 0)),
            Some(Err(reason)) => out.push(unknown(&label, reason, false)),
            None => {}
        }
    }
    if let Some(roots) = verify {
        let name = crate::certs::connect::server_name(target, sni);
        let at = rustls::pki_types::UnixTime::since_unix_epoch(Duration::from_secs(
            policy.at.max(0) as u64,
        ));
        let verdict =
            name.and_then(|n| crate::certs::connect::verify_chain(&chain, &n, roots.clone(), at));
        if let (Err(reason), Some(leaf)) = (verdict, out.first_mut()) {
            leaf.status = Status::Critical;
            leaf.reason = format!("chain does not verify: {reason}; {}", leaf.reason);
        }
    }
    out
}

/// Counts per status.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    /// OK results.
    pub ok: usize,
    /// Warnings.
    pub warning: usize,
    /// Critical results.
    pub critical: usize,
    /// Unknown results.
    pub unknown: usize,
}

impl Summary {
    /// Counts `results`.
    pub fn of(results: &[CheckResult]) -> Summary {
        let mut s = Summary::default();
        for r in results {
            match r.status {
                Status::Ok => s.ok += 1,
                Status::Warning => s.warning += 1,
                Status::Critical => s.critical += 1,
                Status::Unknown => s.unknown += 1,
            }
        }
        s
    }
}

/// Sorts problems first: unknowns, then by days left.
pub fn sort(results: &mut [CheckResult]) {
    results.sort_by(|a, b| {
        // Worst first (critical, unknown, warning, ok), then fewest seconds left.
        let ka = (
            std::cmp::Reverse(a.status),
            a.seconds_left.unwrap_or(i64::MIN),
        );
        let kb = (
            std::cmp::Reverse(b.status),
            b.seconds_left.unwrap_or(i64::MIN),
        );
        ka.cmp(&kb)
            .then_with(|| a.source.cmp(&b.source))
            .then_with(|| a.index.cmp(&b.index))
    });
}

/// The exit code of DESIGN.md: 1 when anything is critical, else 4 when an
/// input could not be read, 3 when one could not be parsed, else 0
/// (warnings are reported, not failed).
pub fn exit_code(results: &[CheckResult]) -> u8 {
    if results.iter().any(|r| r.status == Status::Critical) {
        1
    } else if results
        .iter()
        .any(|r| r.status == Status::Unknown && r.unreadable)
    {
        4
    } else if results.iter().any(|r| r.status == Status::Unknown) {
        3
    } else {
        0
    }
}

/// The Nagios plugin convention: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN,
/// with critical outranking unknown and unknown outranking warning.
pub fn nagios_code(results: &[CheckResult]) -> u8 {
    match results
        .iter()
        .map(|r| r.status)
        .max()
        .unwrap_or(Status::Unknown)
    {
        Status::Ok => 0,
        Status::Warning => 1,
        Status::Critical => 2,
        Status::Unknown => 3,
    }
}

/// The one-line Nagios status with perfdata (days left per certificate).
pub fn nagios_line(results: &[CheckResult], policy: &Policy) -> String {
    let worst = results
        .iter()
        .map(|r| r.status)
        .max()
        .unwrap_or(Status::Unknown);
    let s = Summary::of(results);
    let mut line = format!(
        "CERT {} - {} critical, {} warning, {} unknown, {} ok",
        worst.label(),
        s.critical,
        s.warning,
        s.unknown,
        s.ok
    );
    if results.is_empty() {
        line.push_str(" (no certificates found)");
    } else if let Some(first) = results.iter().find(|r| r.status == worst) {
        let name = first
            .subject_cn
            .clone()
            .unwrap_or_else(|| first.source.clone());
        line.push_str(&format!("; {name}: {} ({})", first.reason, first.source));
    }
    let warn = policy
        .warn
        .days()
        .map(|d| format!("{d:.0}"))
        .unwrap_or_default();
    let crit = policy
        .critical
        .days()
        .map(|d| format!("{d:.0}"))
        .unwrap_or_default();
    let perf: Vec<String> = results
        .iter()
        .filter_map(|r| {
            let days = r.days_left?;
            let label = format!("{}#{}", r.source, r.index.unwrap_or(0)).replace(['\'', '='], "_");
            Some(format!("'{label}'={days}d;{warn};{crit}"))
        })
        .collect();
    if !perf.is_empty() {
        line.push_str(" | ");
        line.push_str(&perf.join(" "));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(nb: i64, na: i64) -> CertInfo {
        CertInfo {
            subject: "CN=x".into(),
            subject_cn: Some("x".into()),
            issuer: "CN=x".into(),
            serial: "01".into(),
            sans: vec![crate::certs::San {
                kind: "dns",
                value: "x.test".into(),
            }],
            key_type: "EC P-256".into(),
            key_bits: 256,
            signature_algorithm: "ecdsa-with-SHA256".into(),
            not_before: String::new(),
            not_after: String::new(),
            not_before_unix: nb,
            not_after_unix: na,
            sha256: String::new(),
            sha1: String::new(),
            is_ca: false,
            path_len: None,
            key_usage: vec![],
            extended_key_usage: vec![],
            self_issued: true,
        }
    }

    fn policy(warn: &str, crit: &str, at: i64) -> Policy {
        Policy {
            warn: Threshold::parse(warn).unwrap(),
            critical: Threshold::parse(crit).unwrap(),
            at,
            expect_names: vec![],
        }
    }

    const DAY: i64 = 86_400;

    #[test]
    fn hardening_20_days_left_rounds_toward_zero_like_the_reason() {
        let expired = -(35 * DAY + 10);
        assert_eq!(days_left(expired), -35);
        assert_eq!(human_left(-expired), "35d 0h");
        assert_eq!(days_left(3 * DAY + 4 * 3600), 3);
        assert_eq!(days_left(-5 * 3600), 0);
        assert_eq!(days_left(5 * 3600), 0);
    }

    #[test]
    fn day_thresholds() {
        let c = info(0, 100 * DAY);
        let grade = |at| evaluate("f", 0, &c, &policy("30d", "7d", at), true).status;
        assert_eq!(grade(10 * DAY), Status::Ok);
        assert_eq!(grade(70 * DAY), Status::Warning);
        assert_eq!(grade(93 * DAY), Status::Critical);
        assert_eq!(grade(100 * DAY), Status::Critical);
        assert_eq!(grade(-1), Status::Critical, "not yet valid");
    }

    #[test]
    fn lifetime_share_thresholds() {
        let c = info(0, 90 * DAY);
        let p = |at| policy("66%", "90%", at);
        assert_eq!(evaluate("f", 0, &c, &p(50 * DAY), true).status, Status::Ok);
        assert_eq!(
            evaluate("f", 0, &c, &p(60 * DAY), true).status,
            Status::Warning
        );
        assert_eq!(
            evaluate("f", 0, &c, &p(82 * DAY), true).status,
            Status::Critical
        );
        assert!(Threshold::parse("120%").is_err());
        assert!(Threshold::parse("soon").is_err());
    }

    #[test]
    fn expected_names_apply_to_the_leaf() {
        let c = info(0, 100 * DAY);
        let mut p = policy("30d", "7d", DAY);
        p.expect_names = vec!["other.test".into()];
        assert_eq!(evaluate("f", 0, &c, &p, true).status, Status::Critical);
        assert_eq!(evaluate("f", 1, &c, &p, false).status, Status::Ok);
    }

    #[test]
    fn exit_codes_rank_critical_first() {
        let ok = evaluate("a", 0, &info(0, 100 * DAY), &policy("30d", "7d", DAY), true);
        let crit = evaluate("b", 0, &info(0, DAY), &policy("30d", "7d", DAY), true);
        let bad = unknown("c", "x".into(), false);
        let gone = unknown("d", "x".into(), true);
        assert_eq!(exit_code(std::slice::from_ref(&ok)), 0);
        assert_eq!(exit_code(&[ok.clone(), bad.clone()]), 3);
        assert_eq!(exit_code(&[ok.clone(), gone.clone()]), 4);
        assert_eq!(exit_code(&[bad.clone(), crit.clone()]), 1);
        assert_eq!(nagios_code(&[ok.clone(), bad.clone()]), 3);
        assert_eq!(nagios_code(&[bad, crit]), 2);
        assert_eq!(nagios_code(&[ok]), 0);
    }
}
