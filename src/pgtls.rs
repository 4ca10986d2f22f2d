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

use std::path::PathBuf;
use std::sync::Arc;

use postgres::Client;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, ClientConfig, DigitallySignedStruct, SignatureScheme};

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
/// TLS settings keyward handles itself.
#[derive(Debug, Clone, PartialEq)]
pub struct ConnSpec {
    /// The string without `sslmode` and `sslrootcert`.
    pub rest: String,
    /// The TLS mode.
    pub mode: SslMode,
    /// Trusted roots: a PEM file, or None for the system's.
    pub root_cert: Option<RootSource>,
}

/// Where trusted roots come from.
#[derive(Debug, Clone, PartialEq)]
pub enum RootSource {
    /// A PEM file.
    File(PathBuf),
    /// The system's roots.
    System,
}

/// Splits `sslmode` and `sslrootcert` out of a URL (`postgres://...?a=b`)
/// or a key=value string (`host=... sslmode=...`).
pub fn parse(conn: &str, label: &str) -> Result<ConnSpec> {
    let mut mode = SslMode::Prefer;
    let mut root: Option<RootSource> = None;
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
                    RootSource::File(PathBuf::from(percent_decode(v)))
                });
                Ok(true)
            }
            _ => Ok(false),
        }
    };
    let rest = if conn.starts_with("postgres://") || conn.starts_with("postgresql://") {
        match conn.split_once('?') {
            None => conn.to_string(),
            Some((base, query)) => {
                let mut kept = Vec::new();
                for pair in query.split('&').filter(|p| !p.is_empty()) {
                    let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                    if !take(k, v)? {
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
        let mut kept = Vec::new();
        for tok in conn.split_whitespace() {
            let (k, v) = tok.split_once('=').unwrap_or((tok, ""));
            if !take(k, v.trim_matches('\''))? {
                kept.push(tok);
            }
        }
        kept.join(" ")
    };
    Ok(ConnSpec {
        rest,
        mode,
        root_cert: root,
    })
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
    if e.as_db_error().is_some() {
        Error::bad_input(format!("PostgreSQL at {label}: {detail}"))
    } else {
        Error::environment(format!("PostgreSQL at {label}: {detail}"))
    }
}

/// Connects as `sslmode` says; `label` (the connection string without its
/// password) names the server in errors.
pub fn connect(conn: &str, label: &str) -> Result<Client> {
    let spec = parse(conn, label)?;
    let mut cfg: postgres::Config = spec
        .rest
        .parse()
        .map_err(|e| Error::usage(format!("{label}: {e}")))?;
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
}
