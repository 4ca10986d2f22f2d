//! keyward's PostgreSQL connections, over TLS (rustls, aws-lc) with
//! libpq's `sslmode` meanings, so a connection string that works with
//! `psql` works here and is never silently weaker:
//!
//! | sslmode | TLS | server certificate |
//! |---|---|---|
//! | `disable` | never | - |
//! | `prefer` (the default) | when the server offers it | checked as `verify-ca` when `sslrootcert` is given, else not |
//! | `require` | always | checked as `verify-ca` when `sslrootcert` is given, else not |
//! | `verify-ca` | always | chain to `sslrootcert` (or the system roots) |
//! | `verify-full` | always | chain, and the host name must match |
//!
//! `sslrootcert=PATH` names a PEM file of trusted certificates;
//! `sslrootcert=system` (as in libpq 16) the system's roots.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use postgres::Client;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, ClientConfig, DigitallySignedStruct, SignatureScheme};
use zeroize::Zeroizing;

use crate::certs::connect::{AcceptAnyCert, provider, roots};
use crate::error::{Error, Result};

/// libpq's sslmode values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SslMode {
    /// Plain TCP.
    Disable,
    /// TLS if the server offers it.
    Prefer,
    /// TLS, certificate unchecked unless a root is given.
    Require,
    /// TLS, the chain checked.
    VerifyCa,
    /// TLS, the chain and the host name checked.
    VerifyFull,
}

/// A connection string split into what the `postgres` crate reads and the
/// TLS settings keyward handles itself. `Debug` redacts the password.
#[derive(Clone, PartialEq)]
pub struct ConnSpec {
    /// The string without `sslmode` and `sslrootcert`.
    pub rest: String,
    /// The TLS mode.
    pub mode: SslMode,
    /// Trusted roots: a PEM file, or None for the system's.
    pub root_cert: Option<RootSource>,
    /// The password file (`passfile`), when the string names one.
    pub passfile: Option<PathBuf>,
}

impl std::fmt::Debug for ConnSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConnSpec")
            .field("rest", &redact(&self.rest))
            .field("mode", &self.mode)
            .field("root_cert", &self.root_cert)
            .field("passfile", &self.passfile)
            .finish()
    }
}

/// Where trusted roots come from.
#[derive(Debug, Clone, PartialEq)]
pub enum RootSource {
    /// A PEM file.
    File(PathBuf),
    /// The system's roots.
    System,
}

/// One `keyword = value` pair of a libpq key=value string (no `Debug`:
/// the value may be a password).
#[derive(Clone)]
pub struct Pair {
    /// The keyword.
    pub key: String,
    /// The value, unquoted and unescaped.
    pub value: String,
    /// `keyword=value` with the value as written (quotes and escapes kept).
    pub raw: String,
}

/// Splits a libpq key=value string as libpq (and the `postgres` crate)
/// read it: pairs separated by whitespace, optional whitespace around `=`,
/// values either bare (`\` escapes the next character, so `a\ b` is one
/// value) or single-quoted (`\'` and `\\` escapes, spaces kept). Returns
/// the pairs read and, when the string is malformed, why (never quoting a
/// value); the pairs after a malformed place are not returned.
pub fn conninfo_pairs(s: &str) -> (Vec<Pair>, Option<&'static str>) {
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    let skip_ws = |it: &mut std::iter::Peekable<std::str::CharIndices<'_>>| {
        while it.peek().is_some_and(|&(_, c)| c.is_whitespace()) {
            it.next();
        }
    };
    loop {
        skip_ws(&mut it);
        let Some(&(key_start, _)) = it.peek() else {
            return (out, None);
        };
        let mut key_end = s.len();
        while let Some(&(i, c)) = it.peek() {
            if c.is_whitespace() || c == '=' {
                key_end = i;
                break;
            }
            it.next();
        }
        let key = &s[key_start..key_end];
        skip_ws(&mut it);
        if key.is_empty() {
            return (out, Some("an '=' without a keyword"));
        }
        if !matches!(it.next(), Some((_, '='))) {
            return (out, Some("a word without '=' after it"));
        }
        skip_ws(&mut it);
        let value_start = it.peek().map_or(s.len(), |&(i, _)| i);
        let mut value = String::new();
        if it.peek().is_some_and(|&(_, c)| c == '\'') {
            it.next();
            let mut closed = false;
            while let Some((_, c)) = it.next() {
                match c {
                    '\'' => {
                        closed = true;
                        break;
                    }
                    '\\' => {
                        if let Some((_, c2)) = it.next() {
                            value.push(c2);
                        }
                    }
                    c => value.push(c),
                }
            }
            if !closed {
                return (out, Some("an unterminated quoted value"));
            }
        } else {
            while let Some(&(_, c)) = it.peek() {
                if c.is_whitespace() {
                    break;
                }
                it.next();
                if c == '\\' {
                    if let Some((_, c2)) = it.next() {
                        value.push(c2);
                    }
                } else {
                    value.push(c);
                }
            }
        }
        let value_end = it.peek().map_or(s.len(), |&(i, _)| i);
        out.push(Pair {
            key: key.to_string(),
            value,
            raw: format!("{key}={}", &s[value_start..value_end]),
        });
    }
}

/// Whether `conn` is a `postgres://` or `postgresql://` URL.
pub fn is_url(conn: &str) -> bool {
    conn.starts_with("postgres://") || conn.starts_with("postgresql://")
}

/// Whether `db` names a PostgreSQL server rather than a file: a
/// `postgres://` or `postgresql://` URL, or a libpq key=value string
/// (`host=db dbname=app user=app`).
pub fn is_conn_string(db: &str) -> bool {
    if is_url(db) {
        return true;
    }
    // Any `keyword=` first (libpq has dozens: host, dbname, sslcert,
    // client_encoding...); a file name seldom looks like that.
    db.trim_start().split_once('=').is_some_and(|(k, _)| {
        let k = k.trim();
        !k.is_empty() && k.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
    })
}

/// A connection string without its password, for messages: the URL form
/// (`postgres://user:secret@host/db`) loses `:secret` and any `password=`
/// query parameter; the key=value form (`host=db password=secret`) loses
/// its `password` pair however it is quoted or escaped, and anything from
/// a malformed place on (which libpq would refuse anyway).
pub fn redact(conn: &str) -> String {
    if is_url(conn) {
        let scheme_end = conn.find("://").map_or(0, |i| i + 3);
        // The user part ends at the last `@`: a password may hold `@`, `?`,
        // `/` or `#`, and a host cannot hold `@`. Only after it does the
        // query start.
        let (head, rest) = match conn[scheme_end..].rfind('@') {
            Some(at) => {
                let creds = &conn[scheme_end..scheme_end + at];
                let user = creds.split(':').next().unwrap_or("");
                (
                    format!("{}{user}@", &conn[..scheme_end]),
                    &conn[scheme_end + at + 1..],
                )
            }
            None => (conn[..scheme_end].to_string(), &conn[scheme_end..]),
        };
        let (host, query) = match rest.split_once('?') {
            Some((h, q)) => (h, Some(q)),
            None => (rest, None),
        };
        let mut out = format!("{head}{host}");
        if let Some(q) = query {
            let kept: Vec<&str> = q
                .split('&')
                .filter(|p| {
                    let k = p.split_once('=').map_or(*p, |(k, _)| k);
                    !percent_decode(k).trim().eq_ignore_ascii_case("password")
                })
                .collect();
            if !kept.is_empty() {
                out.push('?');
                out.push_str(&kept.join("&"));
            }
        }
        return out;
    }
    let (pairs, _) = conninfo_pairs(conn);
    pairs
        .iter()
        .filter(|p| !p.key.eq_ignore_ascii_case("password"))
        .map(|p| p.raw.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Splits `sslmode`, `sslrootcert` and `passfile` out of a URL
/// (`postgres://...?a=b`) or a key=value string (`host=... sslmode=...`).
pub fn parse(conn: &str, label: &str) -> Result<ConnSpec> {
    let mut mode = SslMode::Prefer;
    let mut root: Option<RootSource> = None;
    let mut passfile: Option<PathBuf> = None;
    let mut take = |k: &str, v: &str| -> Result<bool> {
        match k {
            "sslmode" => {
                mode = match v {
                    "disable" => SslMode::Disable,
                    "allow" | "prefer" => SslMode::Prefer,
                    "require" => SslMode::Require,
                    "verify-ca" => SslMode::VerifyCa,
                    "verify-full" => SslMode::VerifyFull,
                    other => {
                        return Err(Error::usage(format!(
                            "{label}: sslmode '{other}' is not one of disable, prefer, require, verify-ca, verify-full"
                        )));
                    }
                };
                Ok(true)
            }
            "sslrootcert" => {
                root = Some(if v == "system" {
                    RootSource::System
                } else {
                    RootSource::File(PathBuf::from(v))
                });
                Ok(true)
            }
            "passfile" => {
                passfile = Some(PathBuf::from(v));
                Ok(true)
            }
            _ => Ok(false),
        }
    };
    let rest = if is_url(conn) {
        match conn.split_once('?') {
            None => conn.to_string(),
            Some((base, query)) => {
                let mut kept = Vec::new();
                for pair in query.split('&').filter(|p| !p.is_empty()) {
                    let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                    if !take(k, &percent_decode(v))? {
                        kept.push(pair);
                    }
                }
                if kept.is_empty() {
                    base.to_string()
                } else {
                    format!("{base}?{}", kept.join("&"))
                }
            }
        }
    } else {
        let (pairs, malformed) = conninfo_pairs(conn);
        if let Some(why) = malformed {
            return Err(Error::usage(format!(
                "{label}: the connection string has {why}"
            )));
        }
        let mut kept = Vec::new();
        for p in &pairs {
            if !take(&p.key, &p.value)? {
                kept.push(p.raw.as_str());
            }
        }
        kept.join(" ")
    };
    Ok(ConnSpec {
        rest,
        mode,
        root_cert: root,
        passfile,
    })
}

/// The password to send when the connection string gives none, found as
/// libpq finds it: `PGPASSWORD` (`pgpassword`), else the first matching
/// line of the password file (`pgpass`, its text). A password in the
/// string itself (not empty) wins over both: `None` then. `cfg` must name
/// its user. With several hosts the file must give them all the same
/// password (one password is sent to whichever answers).
pub fn fallback_password(
    cfg: &postgres::Config,
    pgpassword: Option<&str>,
    pgpass: Option<&str>,
    label: &str,
) -> Result<Option<Zeroizing<String>>> {
    if cfg.get_password().is_some_and(|p| !p.is_empty()) {
        return Ok(None);
    }
    if let Some(pw) = pgpassword.filter(|p| !p.is_empty()) {
        return Ok(Some(Zeroizing::new(pw.to_string())));
    }
    let Some(text) = pgpass else {
        return Ok(None);
    };
    let user = cfg.get_user().unwrap_or("");
    let db = cfg.get_dbname().unwrap_or(user);
    let ports = cfg.get_ports();
    let n = cfg.get_hosts().len().max(cfg.get_hostaddrs().len()).max(1);
    let mut found: Option<Zeroizing<String>> = None;
    for i in 0..n {
        let host = match (cfg.get_hosts().get(i), cfg.get_hostaddrs().get(i)) {
            (Some(postgres::config::Host::Tcp(h)), _) => h.clone(),
            #[cfg(unix)]
            (Some(postgres::config::Host::Unix(p)), _) => {
                let p = p.to_string_lossy();
                if ["/tmp", "/var/run/postgresql", "/run/postgresql"].contains(&&*p) {
                    "localhost".to_string()
                } else {
                    p.into_owned()
                }
            }
            (None, Some(addr)) => addr.to_string(),
            (None, None) => "localhost".to_string(),
        };
        let port = ports.get(i).or(ports.first()).copied().unwrap_or(5432);
        let pw = pgpass_lookup(text, &host, &port.to_string(), db, user)
            .map(Zeroizing::new)
            .filter(|p| !p.is_empty());
        if i > 0 && pw != found {
            return Err(Error::usage(format!(
                "{label}: the password file gives the hosts different passwords; connect to one host, or give the password with PGPASSWORD"
            )));
        }
        found = pw;
    }
    Ok(found)
}

/// The password a libpq password file (`.pgpass`) gives for a host, port,
/// database and user: the first line whose first four `:`-separated fields
/// match them (`*` matches anything, `\:` and `\\` are a literal `:` and
/// `\`), its fifth field unescaped. Lines starting with `#` are comments.
pub fn pgpass_lookup(text: &str, host: &str, port: &str, db: &str, user: &str) -> Option<String> {
    for line in text.lines() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.starts_with('#') {
            continue;
        }
        let mut rest = Some(line);
        for want in [host, port, db, user] {
            rest = rest.and_then(|r| pgpass_field(r, want));
        }
        let Some(rest) = rest else { continue };
        let mut pw = String::new();
        let mut chars = rest.chars();
        while let Some(c) = chars.next() {
            match c {
                ':' => break,
                '\\' => pw.push(chars.next().unwrap_or('\\')),
                c => pw.push(c),
            }
        }
        return Some(pw);
    }
    None
}

/// libpq's `pwdfMatchesString`: whether the field at the start of `line`
/// matches `want`, and the line after the field's `:`.
fn pgpass_field<'a>(line: &'a str, want: &str) -> Option<&'a str> {
    if let Some(rest) = line.strip_prefix("*:") {
        return Some(rest);
    }
    let (b, w) = (line.as_bytes(), want.as_bytes());
    let (mut i, mut j) = (0, 0);
    while i < b.len() {
        let escaped = b[i] == b'\\';
        if escaped {
            i += 1;
            if i == b.len() {
                return None;
            }
        }
        if b[i] == b':' && !escaped && j == w.len() {
            return Some(&line[i + 1..]);
        }
        if j == w.len() || b[i] != w[j] {
            return None;
        }
        i += 1;
        j += 1;
    }
    None
}

/// The password file's text, or None, with a warning when it is ignored:
/// libpq ignores a file that is not a plain file or that group or others
/// may access (anything looser than 0600), and a missing or unreadable one
/// silently.
fn read_pgpass(path: &Path) -> Option<Zeroizing<String>> {
    use std::os::unix::fs::PermissionsExt;
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() {
        warn_once(format!(
            "password file {} is not a plain file; ignored",
            path.display()
        ));
        return None;
    }
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        warn_once(format!(
            "password file {} has group or world access (mode {mode:04o}); ignored (chmod 600 it)",
            path.display()
        ));
        return None;
    }
    let bytes =
        Zeroizing::new(crate::fsutil::read_bounded(path, crate::fsutil::MAX_INPUT_BYTES).ok()?);
    std::str::from_utf8(&bytes)
        .ok()
        .map(|t| Zeroizing::new(t.to_string()))
}

/// The password file libpq would read: `passfile` from the connection
/// string, else `PGPASSFILE`, else `~/.pgpass`.
fn pgpass_path(spec: &ConnSpec) -> Option<PathBuf> {
    if let Some(p) = &spec.passfile {
        return Some(p.clone());
    }
    if let Some(p) = std::env::var_os("PGPASSFILE").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(|h| PathBuf::from(h).join(".pgpass"))
}

/// Prints a warning on stderr once per process (a plan opens one
/// connection per table).
fn warn_once(message: String) {
    static SEEN: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());
    let mut seen = SEEN.lock().unwrap_or_else(|e| e.into_inner());
    if !seen.contains(&message) {
        crate::output::warn_plain(&message);
        seen.push(message);
    }
}

/// The operating system's name for this process's user, which the
/// `postgres` client (like libpq) logs in as when the string names none.
fn os_user() -> Option<String> {
    // SAFETY: getpwuid_r writes into the buffers given, sized as passed.
    unsafe {
        let mut pwd: libc::passwd = std::mem::zeroed();
        let mut buf = vec![0 as libc::c_char; 4096];
        let mut result: *mut libc::passwd = std::ptr::null_mut();
        let rc = libc::getpwuid_r(
            libc::geteuid(),
            &mut pwd,
            buf.as_mut_ptr(),
            buf.len(),
            &mut result,
        );
        if rc != 0 || result.is_null() || pwd.pw_name.is_null() {
            return None;
        }
        Some(
            std::ffi::CStr::from_ptr(pwd.pw_name)
                .to_string_lossy()
                .into_owned(),
        )
    }
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && b[i + 1].is_ascii_hexdigit()
            && b[i + 2].is_ascii_hexdigit()
        {
            let hex = [b[i + 1], b[i + 2]];
            let v = u8::from_str_radix(std::str::from_utf8(&hex).unwrap_or("00"), 16).unwrap_or(0);
            out.push(v);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Checks the chain but not the name (`verify-ca`).
#[derive(Debug)]
struct ChainOnly(Arc<rustls::client::WebPkiServerVerifier>);

impl ServerCertVerifier for ChainOnly {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        match self
            .0
            .verify_server_cert(end_entity, intermediates, server_name, ocsp, now)
        {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

fn tls_config(spec: &ConnSpec, label: &str) -> Result<ClientConfig> {
    let check_chain =
        matches!(spec.mode, SslMode::VerifyCa | SslMode::VerifyFull) || spec.root_cert.is_some();
    let verifier: Arc<dyn ServerCertVerifier> = if !check_chain {
        Arc::new(AcceptAnyCert(provider()))
    } else {
        let store = match &spec.root_cert {
            Some(RootSource::File(p)) => {
                let pem = crate::fsutil::read_bounded(p, crate::fsutil::MAX_INPUT_BYTES)
                    .map_err(|e| e.context("sslrootcert"))?;
                roots(Some(&pem)).map_err(|m| {
                    Error::bad_input(format!(
                        "{label}: sslrootcert {}: {}",
                        p.display(),
                        m.replace("--ca-file", "the file")
                    ))
                })?
            }
            _ => roots(None).map_err(|m| Error::environment(format!("{label}: {m}")))?,
        };
        let webpki = rustls::client::WebPkiServerVerifier::builder_with_provider(
            Arc::new(store),
            provider(),
        )
        .build()
        .map_err(|e| Error::internal(format!("TLS verifier: {e}")))?;
        if spec.mode == SslMode::VerifyFull {
            webpki
        } else {
            Arc::new(ChainOnly(webpki))
        }
    };
    Ok(ClientConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::internal(format!("TLS: {e}")))?
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth())
}

/// Maps a client error: what the server refused is bad input (exit 3),
/// anything on the way (network, TLS, authentication transport) the
/// environment's (exit 4). `label` names the server without its password.
pub fn error(label: &str, e: postgres::Error) -> Error {
    let detail = match (e.as_db_error(), std::error::Error::source(&e)) {
        (Some(d), _) => d.message().to_string(),
        (None, Some(src)) => format!("{e}: {src}"),
        (None, None) => e.to_string(),
    };
    // A connection the server ended (shut down, terminated, an idle
    // transaction timed out) is the environment's doing, like one that
    // broke: exit 4, not a fault of the input.
    if e.as_db_error().is_some() && !is_lost(&e) {
        Error::bad_input(format!("PostgreSQL at {label}: {detail}"))
    } else {
        Error::environment(format!("PostgreSQL at {label}: {detail}"))
    }
}

/// Whether `e` is the environment's doing rather than the input's: no
/// answer from the server (a broken or closed connection), or the server
/// ending the session (shut down, terminated, an idle transaction timed
/// out, a connection exception).
pub fn is_lost(e: &postgres::Error) -> bool {
    e.is_closed()
        || e.as_db_error().is_none()
        || e.code().is_some_and(|c| {
            let c = c.code();
            // 53: insufficient resources (too many connections, ...).
            c.starts_with("08") || c.starts_with("57P") || c.starts_with("53") || c == "25P03"
        })
}

/// Connects as `sslmode` says; `label` (the connection string without its
/// password) names the server in errors. Without a password in the string
/// the password comes from `PGPASSWORD`, else the password file
/// (`passfile`, `PGPASSFILE`, `~/.pgpass`), as with libpq.
pub fn connect(conn: &str, label: &str) -> Result<Client> {
    let spec = parse(conn, label)?;
    let mut cfg: postgres::Config = spec
        .rest
        .parse()
        .map_err(|e| Error::usage(format!("{label}: {e}")))?;
    if cfg.get_user().is_none()
        && let Some(user) = os_user()
    {
        cfg.user(&user);
    }
    let pgpassword = crate::secret::optional_env_secret("PGPASSWORD")?;
    let need_file = cfg.get_password().is_none_or(|p| p.is_empty()) && pgpassword.is_none();
    let pgpass = if need_file {
        pgpass_path(&spec).and_then(|p| read_pgpass(&p))
    } else {
        None
    };
    if let Some(pw) = fallback_password(
        &cfg,
        pgpassword.as_ref().map(|p| p.expose()),
        pgpass.as_deref().map(|s| s.as_str()),
        label,
    )? {
        cfg.password(pw.as_bytes());
    }
    let err = |e: postgres::Error| error(label, e);
    if spec.mode == SslMode::Disable {
        cfg.ssl_mode(postgres::config::SslMode::Disable);
        return cfg.connect(postgres::NoTls).map_err(err);
    }
    cfg.ssl_mode(if spec.mode == SslMode::Prefer {
        postgres::config::SslMode::Prefer
    } else {
        postgres::config::SslMode::Require
    });
    let tls = tokio_postgres_rustls::MakeRustlsConnect::new(tls_config(&spec, label)?);
    cfg.connect(tls).map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_password() {
        for conn in [
            "postgres://app:s3cretPW@db:5432/x?sslmode=require",
            "host=db password=s3cretPW dbname=x",
        ] {
            let spec = parse(conn, "db").unwrap();
            let shown = format!("{spec:?}");
            assert!(!shown.contains("s3cretPW"), "{shown}");
        }
    }

    #[test]
    fn tls_settings_are_split_from_urls_and_key_values() {
        let s = parse(
            "postgres://u:p@db.internal:5432/app?sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem&application_name=kw",
            "x",
        )
        .unwrap();
        assert_eq!(s.mode, SslMode::VerifyFull);
        assert_eq!(s.root_cert, Some(RootSource::File("/etc/ca.pem".into())));
        assert_eq!(
            s.rest,
            "postgres://u:p@db.internal:5432/app?application_name=kw"
        );
        let s = parse("host=db user=u sslmode=require sslrootcert=system", "x").unwrap();
        assert_eq!(s.mode, SslMode::Require);
        assert_eq!(s.root_cert, Some(RootSource::System));
        assert_eq!(s.rest, "host=db user=u");
        assert_eq!(parse("postgres://h/d", "x").unwrap().mode, SslMode::Prefer);
        assert_eq!(
            parse("postgres://h/d?sslmode=bogus", "x")
                .unwrap_err()
                .exit_code(),
            2
        );
    }

    fn pairs(s: &str) -> Vec<(String, String, String)> {
        let (p, why) = conninfo_pairs(s);
        assert_eq!(why, None, "{s}");
        p.into_iter().map(|p| (p.key, p.value, p.raw)).collect()
    }

    fn t(k: &str, v: &str, raw: &str) -> (String, String, String) {
        (k.into(), v.into(), raw.into())
    }

    #[test]
    fn hardening_11_conninfo_is_split_as_libpq_splits_it() {
        assert_eq!(
            pairs(r"host=db password=Hunter2\ SecretPW  dbname = 'my db'"),
            vec![
                t("host", "db", "host=db"),
                t(
                    "password",
                    "Hunter2 SecretPW",
                    r"password=Hunter2\ SecretPW"
                ),
                t("dbname", "my db", "dbname='my db'"),
            ]
        );
        assert_eq!(
            pairs(r"password='a b\' c' user=u"),
            vec![
                t("password", "a b' c", r"password='a b\' c'"),
                t("user", "u", "user=u")
            ]
        );
        assert_eq!(
            pairs(r"password='a\\' x='' y=\'"),
            vec![
                t("password", r"a\", r"password='a\\'"),
                t("x", "", "x=''"),
                t("y", "'", r"y=\'"),
            ]
        );
        assert_eq!(
            conninfo_pairs("host=db junk").1,
            Some("a word without '=' after it")
        );
        assert_eq!(
            conninfo_pairs("password='open").1,
            Some("an unterminated quoted value")
        );
        assert_eq!(conninfo_pairs("=x").1, Some("an '=' without a keyword"));
        // TLS settings come out of quoted and spaced forms too, the rest as written.
        let s = parse(
            r"host=db sslmode = 'verify-full' password='a  b' passfile=/p/pass",
            "x",
        )
        .unwrap();
        assert_eq!(s.mode, SslMode::VerifyFull);
        assert_eq!(s.rest, "host=db password='a  b'");
        assert_eq!(s.passfile, Some(PathBuf::from("/p/pass")));
        let e = parse("host=db password='SecretPW", "LABEL").unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert!(!e.message().contains("SecretPW"), "{}", e.message());
    }

    #[test]
    fn hardening_11_pgpass_lines_match_as_in_libpq() {
        let file = r"# a comment:*:*:*:NOTME
#*:*:*:*:COMMENTED
db.internal:5432:app:svc:first
db.internal:5432:app:svc:second
*:5433:*:svc:any\:host
h\:x:*:*:*:colon-host
back\\slash:*:*:*:bs-host
*:*:other:*:
*:*:*:*:pw\:with\\escapes:trailing
";
        let look = |h, p, d, u| pgpass_lookup(file, h, p, d, u);
        assert_eq!(
            look("db.internal", "5432", "app", "svc").as_deref(),
            Some("first")
        );
        assert_eq!(
            look("elsewhere", "5433", "x", "svc").as_deref(),
            Some("any:host")
        );
        assert_eq!(look("h:x", "1", "d", "u").as_deref(), Some("colon-host"));
        assert_eq!(
            look(r"back\slash", "1", "d", "u").as_deref(),
            Some("bs-host")
        );
        assert_eq!(
            look("other", "5432", "app", "svc").as_deref(),
            Some(r"pw:with\escapes")
        );
        // A field matches all of the value, not a prefix.
        assert_eq!(
            look("db.internal", "54321", "app", "svc").as_deref(),
            Some(r"pw:with\escapes")
        );
        assert_eq!(look("db", "5432", "other", "u").as_deref(), Some(""));
        assert_eq!(pgpass_lookup("# only:*:*:*:x\n", "a", "1", "d", "u"), None);
        assert_eq!(pgpass_lookup("a:1:d:u\n", "a", "1", "d", "u"), None);
        assert_eq!(
            pgpass_lookup("a:1:d:u:pw\r\n", "a", "1", "d", "u").as_deref(),
            Some("pw")
        );
        assert_eq!(pgpass_lookup("a\\", "a", "1", "d", "u"), None);
    }

    fn cfg(s: &str) -> postgres::Config {
        s.parse().unwrap()
    }

    fn fallback(c: &str, env: Option<&str>, file: Option<&str>) -> Option<String> {
        fallback_password(&cfg(c), env, file, "x")
            .unwrap()
            .map(|p| p.to_string())
    }

    #[test]
    fn hardening_11_password_precedence_is_libpq_s() {
        let file = "db:5432:app:svc:from-file\nlocalhost:5432:svc:svc:local-file\n";
        // The string's own password wins: nothing to add.
        assert_eq!(
            fallback("postgres://svc:inurl@db/app", Some("env"), Some(file)),
            None
        );
        assert_eq!(
            fallback(
                "host=db user=svc password=inline dbname=app",
                Some("env"),
                Some(file)
            ),
            None
        );
        // Then PGPASSWORD, then the file.
        assert_eq!(
            fallback("postgres://svc@db/app", Some("env"), Some(file)).as_deref(),
            Some("env")
        );
        assert_eq!(
            fallback("postgres://svc@db/app", None, Some(file)).as_deref(),
            Some("from-file")
        );
        // Empty means unset, as in libpq.
        assert_eq!(
            fallback("postgres://svc:@db/app", Some(""), Some(file)).as_deref(),
            Some("from-file")
        );
        // The file's line must match the port, database and user too.
        assert_eq!(
            fallback("postgres://svc@db:5433/app", None, Some(file)),
            None
        );
        assert_eq!(fallback("postgres://svc@db/other", None, Some(file)), None);
        assert_eq!(fallback("postgres://bob@db/app", None, Some(file)), None);
        // The database defaults to the user; a default socket is localhost.
        assert_eq!(
            fallback("host=/var/run/postgresql user=svc", None, Some(file)).as_deref(),
            Some("local-file")
        );
        assert_eq!(
            fallback(
                "hostaddr=127.0.0.1 user=svc",
                None,
                Some("127.0.0.1:*:*:*:by-addr")
            )
            .as_deref(),
            Some("by-addr")
        );
        // Several hosts: one password for all, or a refusal.
        assert_eq!(
            fallback("host=a,b user=u", None, Some("*:*:*:u:same")).as_deref(),
            Some("same")
        );
        let e = fallback_password(
            &cfg("host=a,b user=u"),
            None,
            Some("a:*:*:*:FirstPW\nb:*:*:*:SecondPW"),
            "LABEL",
        )
        .unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert!(!e.message().contains("FirstPW") && !e.message().contains("SecondPW"));
    }

    #[test]
    fn hardening_11_loose_password_files_are_ignored() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("pgpass");
        std::fs::write(&p, "*:*:*:*:pw\n").unwrap();
        for (mode, read) in [
            (0o600, true),
            (0o400, true),
            (0o640, false),
            (0o604, false),
            (0o610, false),
        ] {
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode)).unwrap();
            assert_eq!(read_pgpass(&p).is_some(), read, "{mode:o}");
        }
        assert!(read_pgpass(dir.path()).is_none());
        assert!(read_pgpass(&dir.path().join("missing")).is_none());
    }
}
