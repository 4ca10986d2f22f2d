//! TLS: turned off, verification turned off, plain http://, and the
//! certificate and key files settings name (KW040-KW046).

use std::path::{Path, PathBuf};

use super::{Checker, Hits, RuleId, ends, list};
use crate::certs::check::{Policy, Status, Threshold};

/// Settings that turn TLS (or HTTPS) on or off.
const TLS_SWITCHES: &[&str] = &[
    "tls_enabled",
    "use_tls",
    "enable_tls",
    "ssl_enabled",
    "use_ssl",
    "enable_ssl",
    "https_enabled",
    "enable_https",
    "require_https",
    "force_https",
    "use_https",
    "require_tls",
    "tls_required",
];

/// Settings that turn certificate verification off when false.
const VERIFY_SWITCHES: &[&str] = &[
    "verify_ssl",
    "ssl_verify",
    "tls_verify",
    "verify_tls",
    "verify_certs",
    "verify_cert",
    "verify_certificate",
    "verify_certificates",
    "verify_peer",
    "ssl_verify_peer",
    "tls_reject_unauthorized",
    "reject_unauthorized",
    "check_hostname",
    "verify_hostname",
    "ssl_verify_certificate",
];

/// Settings that turn certificate verification off when true.
const INSECURE_SWITCHES: &[&str] = &[
    "insecure_skip_verify",
    "tls_insecure",
    "skip_tls_verify",
    "skip_ssl_verify",
    "ssl_insecure",
    "tls_skip_verify",
    "insecure",
];

/// Runs the rules on TLS settings and http:// values (KW040-KW042).
pub(super) fn check(cx: &Checker, hits: &mut Hits) {
    for s in cx.views {
        let (i, norm, key, value) = (s.index, s.norm, s.key, s.value);
        if cx.production
            && s.flag == Some(false)
            && (ends(norm, TLS_SWITCHES) || matches!(norm, "tls" | "ssl" | "https" | "tls_enable"))
        {
            hits.add(RuleId::TlsOff, i, format!("{key} is {value}"));
        }
        let verify_off = (s.flag == Some(false) && ends(norm, VERIFY_SWITCHES))
            || (s.flag == Some(true) && ends(norm, INSECURE_SWITCHES))
            || (ends(norm, &["ssl_cert_reqs"])
                && matches!(value.to_ascii_lowercase().as_str(), "none" | "cert_none"));
        if verify_off {
            hits.add(RuleId::TlsVerifyOff, i, format!("{key} is {value}"));
        }
        if cx.production
            && let Some(url) = list(value).find(|x| {
                x.get(..7)
                    .is_some_and(|p| p.eq_ignore_ascii_case("http://"))
                    && x.len() > 7
                    && !is_loopback_url(x)
            })
        {
            hits.add(
                RuleId::PlainHttp,
                i,
                format!("{key} uses {}", url_origin(url)),
            );
        }
    }
}

/// Checks the certificate and key files settings name (KW043-KW046):
/// readable, a private key private, a certificate valid for 30 days more.
pub(super) fn check_files(cx: &Checker, hits: &mut Hits) {
    for (i, item) in cx.items.iter().enumerate() {
        if item.unresolved || item.inner_ref || item.value.trim().is_empty() {
            continue;
        }
        let Some(which) = cert_key_file(&item.s.norm) else {
            continue;
        };
        let value = item.value.trim();
        // Inline PEM, or PEM in base64 (Outline's SSL_KEY and SSL_CERT):
        // "LS0tLS1CRUdJTi" is "-----BEGIN" in base64.
        if value.contains("-----BEGIN") || value.starts_with("LS0tLS1CRUdJT") {
            continue;
        }
        let path = resolve_path(&cx.all[item.origin].file, value);
        let key = &item.s.key;
        let mut unreadable =
            |reason: &str| hits.add(RuleId::TlsFileUnreadable, i, format!("{key}: {reason}"));
        let meta = match std::fs::metadata(&path) {
            Err(e) => {
                // A value that is no path may be key material: never shown.
                let looks_like_path = value.len() < 512
                    && !value.contains(char::is_whitespace)
                    && (value.starts_with(['/', '.', '~'])
                        || value.rsplit('/').next().is_some_and(|f| f.contains('.')));
                let reason = if looks_like_path {
                    crate::error::Error::io("read", &path, &e)
                        .message()
                        .to_string()
                } else {
                    format!(
                        "{} is neither a readable file nor PEM ({e})",
                        crate::config_check::mask(value)
                    )
                };
                unreadable(&reason);
                continue;
            }
            Ok(meta) => meta,
        };
        if !meta.is_file() {
            unreadable(&format!("{} is not a file", path.display()));
            continue;
        }
        if let Err(e) = std::fs::File::open(&path) {
            unreadable(crate::error::Error::io("read", &path, &e).message());
            continue;
        }
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode() & 0o777;
        if which == FileKind::Key && mode & 0o077 != 0 {
            hits.add(
                RuleId::TlsKeyReadable,
                i,
                format!("{key}: {} has mode {mode:04o}", path.display()),
            );
        }
        if which == FileKind::Cert {
            let policy = Policy {
                warn: Threshold::Left(30 * 86_400),
                critical: Threshold::Left(0),
                at: cx.now,
                expect_names: Vec::new(),
            };
            for r in crate::certs::check::check_file(&path, &policy, true, false) {
                let rule = match r.status {
                    Status::Critical => RuleId::TlsCertInvalid,
                    Status::Warning => RuleId::TlsCertExpiring,
                    Status::Unknown => RuleId::TlsFileUnreadable,
                    Status::Ok => continue,
                };
                hits.add(rule, i, format!("{key}: {}: {}", path.display(), r.reason));
            }
        }
    }
}

/// What a file setting names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FileKind {
    /// A certificate (chain).
    Cert,
    /// A private key.
    Key,
}

/// Whether a setting names a certificate or a private key file.
pub(super) fn cert_key_file(norm: &str) -> Option<FileKind> {
    if ends(
        norm,
        &[
            "tls_cert_file",
            "tls_cert_path",
            "tls_cert",
            "ssl_cert",
            "ssl_certfile",
            "ssl_cert_file",
            "ssl_cert_path",
            "cert_file",
            "cert_path",
            "certificate_file",
            "certificate_path",
            "tls_certificate",
            "ssl_certificate",
            "tls_crt",
            "certfile",
        ],
    ) {
        return Some(FileKind::Cert);
    }
    if ends(
        norm,
        &[
            "tls_key_file",
            "tls_key_path",
            "ssl_keyfile",
            "ssl_key_file",
            "ssl_key_path",
            "key_file",
            "key_path",
            "private_key_file",
            "private_key_path",
            "tls_key",
            "ssl_key",
            "tls_private_key",
            "ssl_certificate_key",
            "keyfile",
        ],
    ) {
        return Some(FileKind::Key);
    }
    None
}

/// `v` as a path: relative to the directory of the file that holds it.
fn resolve_path(file: &str, v: &str) -> PathBuf {
    let p = Path::new(v);
    if p.is_absolute() || file == "-" || file.starts_with('(') {
        return p.to_path_buf();
    }
    Path::new(file)
        .parent()
        .map_or_else(|| p.to_path_buf(), |d| d.join(p))
}

fn is_loopback_url(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host_port = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host_port.rsplit_once('@').map_or(host_port, |(_, h)| h);
    let host = if host.starts_with('[') {
        host.split(']').next().unwrap_or("").trim_start_matches('[')
    } else {
        host.split(':').next().unwrap_or("")
    };
    host == "localhost" || host.starts_with("127.") || host == "::1" || host.ends_with(".localhost")
}

/// `scheme://host[:port]` of a URL, for messages: no user, password, path
/// or query (any of which may hold a secret). The user part ends at the
/// last `@`, since a password may hold `@` or `/` and a host cannot.
fn url_origin(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("", url));
    let (user, host_part) = match rest.rfind('@') {
        Some(at) => ("…@", &rest[at + 1..]),
        None => ("", rest),
    };
    let host = host_part.split(['/', '?', '#']).next().unwrap_or("");
    // `user:pass` cut off before its `@` (a list split at a comma inside
    // the password): after the last `:` comes a port, or nothing is shown.
    let port_ok = host
        .rsplit_once(':')
        .is_none_or(|(h, p)| h.ends_with(']') || p.bytes().all(|b| b.is_ascii_digit()));
    if !port_ok {
        return format!("{scheme}://…");
    }
    format!("{scheme}://{user}{host}")
}
