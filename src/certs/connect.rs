//! Fetching the certificate chain a live endpoint serves, even when it is
//! expired or untrusted (reporting that is the job), over TLS or
//! PostgreSQL's STARTTLS negotiation; and verifying it separately when asked.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{
    ClientConfig, ClientConnection, DigitallySignedStruct, RootCertStore, SignatureScheme,
};

/// How to start TLS on the connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StartTls {
    /// PostgreSQL's SSLRequest before the handshake.
    Postgres,
}

/// A parsed `--connect` target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// Host name or IP address.
    pub host: String,
    /// Port.
    pub port: u16,
    /// STARTTLS protocol, if any.
    pub starttls: Option<StartTls>,
}

impl Target {
    /// `host:port`, `[v6]:port`, `postgres://host[:port]`, `https://host[:port]`.
    pub fn parse(s: &str, starttls: Option<StartTls>) -> Result<Target, String> {
        let (rest, default_port, proto) = if let Some(r) = s
            .strip_prefix("postgres://")
            .or_else(|| s.strip_prefix("postgresql://"))
        {
            (r, Some(5432), Some(StartTls::Postgres))
        } else if let Some(r) = s.strip_prefix("https://") {
            (r, Some(443), starttls)
        } else {
            (s, None, starttls)
        };
        // Drop credentials, path and query from URLs.
        let rest = rest.rsplit_once('@').map(|(_, h)| h).unwrap_or(rest);
        let rest = rest.split(['/', '?']).next().unwrap_or(rest);
        let (host, port) = if let Some(v6) = rest.strip_prefix('[') {
            let (h, after) = v6
                .split_once(']')
                .ok_or_else(|| format!("'{s}': unclosed [ in an IPv6 address"))?;
            (h.to_string(), after.strip_prefix(':').map(str::to_string))
        } else {
            match rest.rsplit_once(':') {
                Some((h, p)) if !h.contains(':') => (h.to_string(), Some(p.to_string())),
                _ => (rest.to_string(), None),
            }
        };
        let port = match (port, default_port) {
            (Some(p), _) => p
                .parse::<u16>()
                .map_err(|_| format!("'{s}': '{p}' is not a port"))?,
            (None, Some(d)) => d,
            (None, None) => return Err(format!("'{s}' has no port: use host:port")),
        };
        if host.is_empty() {
            return Err(format!("'{s}' has no host"));
        }
        Ok(Target {
            host,
            port,
            starttls: proto,
        })
    }

    /// `host:port` for messages.
    pub fn label(&self) -> String {
        if self.host.contains(':') {
            format!("[{}]:{}", self.host, self.port)
        } else {
            format!("{}:{}", self.host, self.port)
        }
    }
}

#[derive(Debug)]
pub(crate) struct AcceptAnyCert(pub(crate) Arc<CryptoProvider>);

impl ServerCertVerifier for AcceptAnyCert {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        // The chain is judged afterwards; here we only want to see it.
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

pub(crate) fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::aws_lc_rs::default_provider())
}

/// The server name to send (SNI) and to verify against.
pub fn server_name(target: &Target, sni: Option<&str>) -> Result<ServerName<'static>, String> {
    let name = sni.unwrap_or(&target.host).to_string();
    ServerName::try_from(name.clone()).map_err(|_| format!("'{name}' is not a valid server name"))
}

/// A connection whose every read and write gives up at one deadline for
/// the whole check of an endpoint: a server that drips a byte at a time
/// cannot keep a per-read timeout from ever firing.
struct Deadlined {
    tcp: TcpStream,
    deadline: Instant,
}

impl Deadlined {
    fn remaining(&self) -> std::io::Result<Duration> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            Err(std::io::Error::new(
                std::io::ErrorKind::TimedOut,
                "deadline passed",
            ))
        } else {
            Ok(left)
        }
    }
}

impl Read for Deadlined {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let left = self.remaining()?;
        self.tcp.set_read_timeout(Some(left))?;
        self.tcp.read(buf)
    }
}

impl Write for Deadlined {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let left = self.remaining()?;
        self.tcp.set_write_timeout(Some(left))?;
        self.tcp.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.tcp.flush()
    }
}

fn is_timeout(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
    )
}

/// `10s`, `1m 30s`: the timeout as given.
fn human(timeout: Duration) -> String {
    crate::timeutil::human_duration(time::Duration::seconds(timeout.as_secs() as i64))
}

/// Resolves the host within the deadline (the system resolver has no
/// timeout of its own, so it runs on a thread that is left behind if it
/// hangs).
fn resolve(target: &Target, deadline: Instant, timeout: Duration) -> Result<SocketAddr, String> {
    let host = target.host.clone();
    let port = target.port;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let r = (host.as_str(), port)
            .to_socket_addrs()
            .map(|mut a| a.next())
            .map_err(|e| e.to_string());
        let _ = tx.send(r);
    });
    match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        Ok(Ok(Some(addr))) => Ok(addr),
        Ok(Ok(None)) => Err(format!("{} has no address", target.host)),
        Ok(Err(e)) => Err(format!("cannot resolve {}: {e}", target.host)),
        Err(_) => Err(format!(
            "{}: timed out after {} (--timeout) resolving the host name",
            target.label(),
            human(timeout)
        )),
    }
}

/// Connects, negotiates TLS (after STARTTLS when asked), and returns the
/// chain the server sent, leaf first. `timeout` bounds the whole of it:
/// name resolution, TCP connect, STARTTLS and the TLS handshake.
pub fn fetch_chain(
    target: &Target,
    sni: Option<&str>,
    timeout: Duration,
) -> Result<Vec<Vec<u8>>, String> {
    let deadline = Instant::now() + timeout;
    let timed_out = |during: &str| {
        format!(
            "{}: timed out after {} (--timeout) {during}",
            target.label(),
            human(timeout)
        )
    };
    let addr = resolve(target, deadline, timeout)?;
    let left = deadline.saturating_duration_since(Instant::now());
    if left.is_zero() {
        return Err(timed_out("before connecting"));
    }
    let tcp = TcpStream::connect_timeout(&addr, left).map_err(|e| {
        if is_timeout(&e) {
            timed_out("connecting")
        } else {
            format!("cannot connect to {}: {e}", target.label())
        }
    })?;
    let mut tcp = Deadlined { tcp, deadline };
    if target.starttls == Some(StartTls::Postgres) {
        // SSLRequest: length 8, code 80877103.
        tcp.write_all(&[0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f])
            .map_err(|e| {
                if is_timeout(&e) {
                    timed_out("sending the PostgreSQL SSLRequest")
                } else {
                    format!("{}: {e}", target.label())
                }
            })?;
        let mut answer = [0u8; 1];
        tcp.read_exact(&mut answer).map_err(|e| {
            if is_timeout(&e) {
                timed_out("waiting for the answer to the PostgreSQL SSLRequest")
            } else {
                format!("{}: no answer to SSLRequest ({e})", target.label())
            }
        })?;
        match answer[0] {
            b'S' => {}
            b'N' => {
                return Err(format!(
                    "{}: the PostgreSQL server does not offer TLS",
                    target.label()
                ));
            }
            other => {
                return Err(format!(
                    "{}: unexpected answer {other:#04x} to SSLRequest (is it PostgreSQL?)",
                    target.label()
                ));
            }
        }
    }
    let config = ClientConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .map_err(|e| describe_tls_error(&e))?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(AcceptAnyCert(provider())))
        .with_no_client_auth();
    let name = server_name(target, sni)?;
    let mut conn =
        ClientConnection::new(Arc::new(config), name).map_err(|e| describe_tls_error(&e))?;
    while conn.is_handshaking() {
        conn.complete_io(&mut tcp).map_err(|e| {
            if is_timeout(&e) {
                timed_out("during the TLS handshake")
            } else {
                format!(
                    "{}: TLS handshake failed: {}",
                    target.label(),
                    describe_io_error(&e)
                )
            }
        })?;
    }
    let chain = conn
        .peer_certificates()
        .ok_or_else(|| format!("{}: the server sent no certificate", target.label()))?
        .iter()
        .map(|c| c.as_ref().to_vec())
        .collect();
    conn.send_close_notify();
    let _ = conn.complete_io(&mut tcp);
    Ok(chain)
}

/// `CamelCase` Debug output as words (`camel case`), keeping only the
/// variant's name: never a `{ field: .. }` struct or a byte list.
pub(crate) fn words_from_debug(debug: &str) -> String {
    let name = debug.split(['{', '(', '[']).next().unwrap_or(debug).trim();
    let mut out = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if c.is_ascii_uppercase() && prev_lower {
            out.push(' ');
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        out.push(c.to_ascii_lowercase());
    }
    if out.is_empty() {
        "unknown error".into()
    } else {
        out
    }
}

/// Anything printed from a library error: Debug structs and byte lists
/// become words (a message that is already words is kept).
pub(crate) fn plain(text: &str) -> String {
    if text.contains(['{', '}', '[', ']']) || !text.contains(' ') {
        words_from_debug(text)
    } else {
        text.to_string()
    }
}

/// An algorithm identifier's OID (DER, as rustls reports it) in dotted
/// form with its name, `1.2.840.10045.4.3.2 (ecdsa-with-SHA256)`.
fn algorithm_name(der: &[u8]) -> String {
    // A bare OID (tag 6, short length), perhaps followed by parameters.
    let oid = match der {
        [6, len, rest @ ..] if (*len as usize) <= rest.len() && *len < 0x80 => {
            der::asn1::ObjectIdentifier::from_bytes(&rest[..*len as usize]).ok()
        }
        _ => None,
    };
    let Some(oid) = oid else {
        return "an unreadable algorithm".into();
    };
    let dotted = oid.to_string();
    let name = match dotted.as_str() {
        "1.2.840.10045.2.1" => "EC public key".to_string(),
        "1.2.840.113549.1.1.1" => "RSA public key".to_string(),
        other => crate::certs::sig_name(other),
    };
    if name == dotted {
        dotted
    } else {
        format!("{dotted} ({name})")
    }
}

fn unix_date(t: UnixTime) -> String {
    crate::certs::rfc3339(t.as_secs() as i64)
}

/// A certificate error in words.
fn describe_cert_error(e: &rustls::CertificateError) -> String {
    use rustls::CertificateError as C;
    match e {
        C::BadEncoding => "a certificate is not correctly encoded".into(),
        C::Expired => "a certificate in the chain has expired".into(),
        C::ExpiredContext { not_after, .. } => format!(
            "a certificate in the chain expired at {}",
            unix_date(*not_after)
        ),
        C::NotValidYet => "a certificate in the chain is not valid yet".into(),
        C::NotValidYetContext { not_before, .. } => format!(
            "a certificate in the chain is not valid before {}",
            unix_date(*not_before)
        ),
        C::Revoked => "a certificate in the chain is revoked".into(),
        C::UnhandledCriticalExtension => {
            "a certificate has a critical extension that is not understood".into()
        }
        C::UnknownIssuer => "the chain is not issued by a trusted root (unknown issuer)".into(),
        C::BadSignature => "a certificate is not correctly signed by its issuer's key".into(),
        C::UnsupportedSignatureAlgorithmContext {
            signature_algorithm_id,
            ..
        } => format!(
            "the signature algorithm {} is not supported",
            algorithm_name(signature_algorithm_id)
        ),
        C::UnsupportedSignatureAlgorithmForPublicKeyContext {
            signature_algorithm_id,
            public_key_algorithm_id,
        } => format!(
            "the signature algorithm {} is not supported for the issuer's public key {}",
            algorithm_name(signature_algorithm_id),
            algorithm_name(public_key_algorithm_id)
        ),
        C::NotValidForName => "the certificate is not valid for the server name".into(),
        C::NotValidForNameContext { .. } | C::InvalidPurposeContext { .. } => e.to_string(),
        C::InvalidPurpose => "the certificate may not be used for TLS server authentication".into(),
        C::ApplicationVerificationFailure => "the certificate was rejected".into(),
        C::Other(o) => plain(&o.to_string()),
        other => words_from_debug(&format!("{other:?}")),
    }
}

/// A rustls error in words: its own Display prints Debug structs for
/// several variants (`UnsupportedSignatureAlgorithmForPublicKeyContext {
/// signature_algorithm_id: [6, 8, ..] }`), which keyward never shows.
pub fn describe_tls_error(e: &rustls::Error) -> String {
    use rustls::Error as E;
    match e {
        E::InvalidCertificate(c) => describe_cert_error(c),
        E::AlertReceived(a) => format!(
            "the server sent the fatal alert \"{}\"",
            words_from_debug(&format!("{a:?}"))
        ),
        E::PeerIncompatible(why) => format!(
            "the server is incompatible: {}",
            words_from_debug(&format!("{why:?}"))
        ),
        E::PeerMisbehaved(why) => format!(
            "the server misbehaved: {}",
            words_from_debug(&format!("{why:?}"))
        ),
        E::InvalidMessage(m) => format!(
            "the server sent a corrupt message: {}",
            words_from_debug(&format!("{m:?}"))
        ),
        E::InappropriateMessage { .. } | E::InappropriateHandshakeMessage { .. } => {
            "the server sent an unexpected message (is it a TLS server?)".into()
        }
        E::NoCertificatesPresented => "the server sent no certificate".into(),
        E::General(m) => plain(m),
        E::Other(o) => plain(&o.to_string()),
        other => plain(&other.to_string()),
    }
}

/// An I/O error from a TLS connection in words (rustls errors arrive
/// wrapped in `std::io::Error`).
pub fn describe_io_error(e: &std::io::Error) -> String {
    match e.get_ref().and_then(|i| i.downcast_ref::<rustls::Error>()) {
        Some(tls) => describe_tls_error(tls),
        None => plain(&e.to_string()),
    }
}

/// Trust anchors: the system's roots, or the certificates in `ca_file`.
pub fn roots(ca_file: Option<&[u8]>) -> Result<RootCertStore, String> {
    let mut store = RootCertStore::empty();
    match ca_file {
        Some(pem) => {
            let mut n = 0;
            for p in x509_parser::pem::Pem::iter_from_buffer(pem).flatten() {
                if p.label == "CERTIFICATE" {
                    store
                        .add(CertificateDer::from(p.contents))
                        .map_err(|e| format!("--ca-file: {}", describe_tls_error(&e)))?;
                    n += 1;
                }
            }
            if n == 0 {
                return Err("--ca-file holds no certificate".into());
            }
        }
        None => {
            let found = rustls_native_certs::load_native_certs();
            for c in found.certs {
                let _ = store.add(c);
            }
            if store.is_empty() {
                store.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
            }
        }
    }
    Ok(store)
}

/// Verifies a served chain for `name` at `now` against `roots`: `Err` holds
/// the reason it would be rejected.
pub fn verify_chain(
    chain: &[Vec<u8>],
    name: &ServerName<'_>,
    roots: RootCertStore,
    now: UnixTime,
) -> Result<(), String> {
    let verifier =
        rustls::client::WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider())
            .build()
            .map_err(|e| match e {
                rustls::client::VerifierBuilderError::NoRootAnchors => {
                    "no trust anchors to verify against".to_string()
                }
                other => plain(&other.to_string()),
            })?;
    let certs: Vec<CertificateDer<'_>> = chain
        .iter()
        .map(|c| CertificateDer::from(c.as_slice()))
        .collect();
    let (leaf, rest) = certs.split_first().ok_or("empty chain")?;
    verifier
        .verify_server_cert(leaf, rest, name, &[], now)
        .map(|_| ())
        .map_err(|e| describe_tls_error(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hardening_14_tls_errors_are_words() {
        let e = rustls::Error::InvalidCertificate(
            rustls::CertificateError::UnsupportedSignatureAlgorithmForPublicKeyContext {
                signature_algorithm_id: vec![6, 8, 42, 134, 72, 206, 61, 4, 3, 2],
                public_key_algorithm_id: vec![6, 9, 42, 134, 72, 134, 247, 13, 1, 1, 1, 5, 0],
            },
        );
        assert_eq!(
            describe_tls_error(&e),
            "the signature algorithm 1.2.840.10045.4.3.2 (ecdsa-with-SHA256) is not supported \
             for the issuer's public key 1.2.840.113549.1.1.1 (RSA public key)"
        );
        let alert = rustls::Error::AlertReceived(rustls::AlertDescription::HandshakeFailure);
        assert_eq!(
            describe_tls_error(&alert),
            "the server sent the fatal alert \"handshake failure\""
        );
        assert_eq!(
            words_from_debug("NotValidForNameContext { expected: x }"),
            "not valid for name context"
        );
        assert_eq!(plain("BadDer"), "bad der");
        assert_eq!(plain("connection refused"), "connection refused");
    }

    #[test]
    fn targets_parse() {
        assert_eq!(
            Target::parse("db:5432", None).unwrap(),
            Target {
                host: "db".into(),
                port: 5432,
                starttls: None
            }
        );
        let pg = Target::parse("postgres://user:pw@db.internal/app?sslmode=require", None).unwrap();
        assert_eq!(
            (pg.host.as_str(), pg.port, pg.starttls),
            ("db.internal", 5432, Some(StartTls::Postgres))
        );
        assert_eq!(Target::parse("[::1]:8443", None).unwrap().host, "::1");
        assert_eq!(
            Target::parse("https://example.test", None).unwrap().port,
            443
        );
        assert!(Target::parse("example.test", None).is_err());
        assert!(Target::parse("h:99999", None).is_err());
    }
}
