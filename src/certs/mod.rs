//! Certificates: issuing self-signed leaves and a small dev CA (rcgen),
//! reading what a certificate says (x509-parser), and the expiry checks of
//! `cert check` (files, directories, bundles, live TLS endpoints).

pub mod check;
pub mod connect;
pub mod create;

use serde::Serialize;
use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use x509_parser::certificate::X509Certificate;
use x509_parser::extensions::GeneralName;
use x509_parser::prelude::FromDer;
use x509_parser::public_key::PublicKey;

/// A subject alternative name, typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct San {
    /// `dns`, `ip`, `email` or `uri`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The name.
    pub value: String,
}

/// Everything `cert inspect` reports about one certificate.
#[derive(Debug, Clone, Serialize)]
pub struct CertInfo {
    /// Subject distinguished name.
    pub subject: String,
    /// The subject's common name, if any.
    pub subject_cn: Option<String>,
    /// Issuer distinguished name.
    pub issuer: String,
    /// Serial number, hex with colons.
    pub serial: String,
    /// Subject alternative names.
    pub sans: Vec<San>,
    /// `RSA`, `EC`, `Ed25519`, ...
    pub key_type: String,
    /// Key size in bits.
    pub key_bits: usize,
    /// Signature algorithm name.
    pub signature_algorithm: String,
    /// Start of validity (RFC 3339).
    pub not_before: String,
    /// End of validity (RFC 3339).
    pub not_after: String,
    /// Unix seconds of not_before.
    #[serde(skip)]
    pub not_before_unix: i64,
    /// Unix seconds of not_after.
    #[serde(skip)]
    pub not_after_unix: i64,
    /// SHA-256 of the DER, hex with colons.
    pub sha256: String,
    /// SHA-1 of the DER, hex with colons.
    pub sha1: String,
    /// Basic constraints CA flag.
    pub is_ca: bool,
    /// Path length constraint.
    pub path_len: Option<u32>,
    /// Key usages.
    pub key_usage: Vec<String>,
    /// Extended key usages.
    pub extended_key_usage: Vec<String>,
    /// Subject equals issuer.
    pub self_issued: bool,
}

fn colon_hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}

pub(crate) fn rfc3339(unix: i64) -> String {
    OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_else(|| unix.to_string())
}

/// The signature algorithm's common name.
pub(crate) fn sig_name(oid: &str) -> String {
    match oid {
        "1.2.840.113549.1.1.11" => "sha256WithRSAEncryption",
        "1.2.840.113549.1.1.12" => "sha384WithRSAEncryption",
        "1.2.840.113549.1.1.13" => "sha512WithRSAEncryption",
        "1.2.840.113549.1.1.5" => "sha1WithRSAEncryption",
        "1.2.840.113549.1.1.4" => "md5WithRSAEncryption",
        "1.2.840.113549.1.1.10" => "RSASSA-PSS",
        "1.2.840.10045.4.3.2" => "ecdsa-with-SHA256",
        "1.2.840.10045.4.3.3" => "ecdsa-with-SHA384",
        "1.2.840.10045.4.3.4" => "ecdsa-with-SHA512",
        "1.3.101.112" => "Ed25519",
        "1.3.101.113" => "Ed448",
        other => return other.to_string(),
    }
    .to_string()
}

/// Reads what a parsed certificate says.
pub fn info(cert: &X509Certificate<'_>, der: &[u8]) -> CertInfo {
    let mut sans = Vec::new();
    if let Ok(Some(ext)) = cert.subject_alternative_name() {
        for n in &ext.value.general_names {
            match n {
                GeneralName::DNSName(d) => sans.push(San {
                    kind: "dns",
                    value: d.to_string(),
                }),
                GeneralName::RFC822Name(e) => sans.push(San {
                    kind: "email",
                    value: e.to_string(),
                }),
                GeneralName::URI(u) => sans.push(San {
                    kind: "uri",
                    value: u.to_string(),
                }),
                GeneralName::IPAddress(b) => {
                    let v = match b.len() {
                        4 => std::net::IpAddr::from(<[u8; 4]>::try_from(*b).expect("4 bytes"))
                            .to_string(),
                        16 => std::net::IpAddr::from(<[u8; 16]>::try_from(*b).expect("16 bytes"))
                            .to_string(),
                        _ => hex::encode(b),
                    };
                    sans.push(San {
                        kind: "ip",
                        value: v,
                    });
                }
                _ => {}
            }
        }
    }
    let spki = cert.public_key();
    let (key_type, key_bits) = match spki.parsed() {
        Ok(PublicKey::RSA(r)) => ("RSA".to_string(), r.key_size()),
        Ok(PublicKey::EC(e)) => {
            let curve = spki
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.as_oid().ok())
                .map(|o| match o.to_id_string().as_str() {
                    "1.2.840.10045.3.1.7" => "EC P-256".to_string(),
                    "1.3.132.0.34" => "EC P-384".to_string(),
                    "1.3.132.0.35" => "EC P-521".to_string(),
                    other => format!("EC {other}"),
                })
                .unwrap_or_else(|| "EC".into());
            (curve, e.key_size())
        }
        _ => match spki.algorithm.algorithm.to_id_string().as_str() {
            "1.3.101.112" => ("Ed25519".into(), 256),
            "1.3.101.113" => ("Ed448".into(), 456),
            other => (other.to_string(), spki.subject_public_key.data.len() * 8),
        },
    };
    let (is_ca, path_len) = match cert.basic_constraints() {
        Ok(Some(bc)) => (bc.value.ca, bc.value.path_len_constraint),
        _ => (false, None),
    };
    let key_usage = match cert.key_usage() {
        Ok(Some(ku)) => ku
            .value
            .to_string()
            .split(", ")
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    };
    let extended_key_usage = match cert.extended_key_usage() {
        Ok(Some(e)) => {
            let v = e.value;
            let mut out = Vec::new();
            for (on, name) in [
                (v.any, "any"),
                (v.server_auth, "serverAuth"),
                (v.client_auth, "clientAuth"),
                (v.code_signing, "codeSigning"),
                (v.email_protection, "emailProtection"),
                (v.time_stamping, "timeStamping"),
                (v.ocsp_signing, "OCSPSigning"),
            ] {
                if on {
                    out.push(name.to_string());
                }
            }
            out.extend(v.other.iter().map(|o| o.to_id_string()));
            out
        }
        _ => Vec::new(),
    };
    let subject_cn = cert
        .subject()
        .iter_common_name()
        .next()
        .and_then(|cn| cn.as_str().ok())
        .map(str::to_string);
    let nb = cert.validity().not_before.timestamp();
    let na = cert.validity().not_after.timestamp();
    CertInfo {
        subject: cert.subject().to_string(),
        subject_cn,
        issuer: cert.issuer().to_string(),
        serial: colon_hex(cert.raw_serial()),
        sans,
        key_type,
        key_bits,
        signature_algorithm: sig_name(&cert.signature_algorithm.algorithm.to_id_string()),
        not_before: rfc3339(nb),
        not_after: rfc3339(na),
        not_before_unix: nb,
        not_after_unix: na,
        sha256: colon_hex(&Sha256::digest(der)),
        sha1: colon_hex(&sha1::Sha1::digest(der)),
        is_ca,
        path_len,
        key_usage,
        extended_key_usage,
        self_issued: cert.subject() == cert.issuer(),
    }
}

/// One certificate found in an input, or why one could not be read.
pub type Parsed = Result<CertInfo, String>;

/// Reads every certificate in `data`: PEM (any number of CERTIFICATE blocks,
/// other blocks skipped) or a single DER certificate. An input with no
/// certificate, or a damaged one, gives an `Err` with the reason.
pub fn parse_all(data: &[u8]) -> Vec<Parsed> {
    let looks_pem = data.windows(11).take(4096).any(|w| w == b"-----BEGIN ");
    if !looks_pem {
        return match X509Certificate::from_der(data) {
            Ok((rest, cert)) => {
                let der = &data[..data.len() - rest.len()];
                vec![Ok(info(&cert, der))]
            }
            Err(e) => vec![Err(format!(
                "not a PEM or DER certificate ({})",
                x509_reason(&e)
            ))],
        };
    }
    let mut out = Vec::new();
    let mut others = Vec::new();
    for pem in x509_parser::pem::Pem::iter_from_buffer(data) {
        match pem {
            Ok(p)
                if p.label == "CERTIFICATE"
                    || p.label == "X509 CERTIFICATE"
                    || p.label == "TRUSTED CERTIFICATE" =>
            {
                match X509Certificate::from_der(&p.contents) {
                    Ok((_, cert)) => out.push(Ok(info(&cert, &p.contents))),
                    Err(e) => out.push(Err(format!("damaged certificate ({})", x509_reason(&e)))),
                }
            }
            Ok(p) => others.push(p.label),
            Err(e) => {
                out.push(Err(format!(
                    "truncated or malformed PEM ({})",
                    short_err(&e.to_string())
                )));
                break;
            }
        }
    }
    if out.is_empty() {
        let what = if others.iter().any(|l| l.contains("ENCRYPTED")) {
            "an encrypted private key, no certificate".to_string()
        } else if others.is_empty() {
            "no certificate in it".to_string()
        } else {
            format!("no certificate in it (found {})", others.join(", "))
        };
        out.push(Err(what));
    }
    out
}

/// True when a PEM input holds only non-certificate blocks (keys, CSRs):
/// a directory scan skips those instead of reporting them.
pub fn is_pem_without_certificates(data: &[u8]) -> bool {
    let text = String::from_utf8_lossy(&data[..data.len().min(1 << 20)]);
    text.contains("-----BEGIN ")
        && !text.contains("-----BEGIN CERTIFICATE")
        && !text.contains("CERTIFICATE-----")
}

/// A parse error in words: nom's and asn1-rs's Display print Debug output
/// (`Parsing Error: Der(UnexpectedTag { .. })`), which keyward never shows.
fn x509_reason(e: &x509_parser::nom::Err<x509_parser::error::X509Error>) -> String {
    use x509_parser::error::X509Error;
    match e {
        x509_parser::nom::Err::Incomplete(_) => "truncated".into(),
        x509_parser::nom::Err::Error(x) | x509_parser::nom::Err::Failure(x) => match x {
            X509Error::Der(_) | X509Error::NomError(_) => "bad DER encoding".into(),
            other => short_err(&connect::plain(&other.to_string())),
        },
    }
}

fn short_err(s: &str) -> String {
    s.chars().take(80).collect()
}

/// Does the certificate's SAN list cover `name`? DNS names compare without
/// case; a wildcard covers exactly one leftmost label (`*.example.com`
/// covers `a.example.com`, not `example.com` or `a.b.example.com`); IP
/// addresses compare as addresses.
pub fn covers(sans: &[San], name: &str) -> bool {
    let name = name.trim().trim_end_matches('.').to_ascii_lowercase();
    if let Ok(ip) = name.trim_matches(['[', ']']).parse::<std::net::IpAddr>() {
        return sans
            .iter()
            .any(|s| s.kind == "ip" && s.value.parse::<std::net::IpAddr>().ok() == Some(ip));
    }
    sans.iter().filter(|s| s.kind == "dns").any(|s| {
        let pattern = s.value.trim_end_matches('.').to_ascii_lowercase();
        match pattern.strip_prefix("*.") {
            Some(suffix) => name
                .split_once('.')
                .is_some_and(|(first, rest)| !first.is_empty() && first != "*" && rest == suffix),
            None => pattern == name,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dns(v: &str) -> San {
        San {
            kind: "dns",
            value: v.into(),
        }
    }

    #[test]
    fn wildcards_cover_one_label() {
        let sans = vec![
            dns("*.example.com"),
            dns("api.test"),
            San {
                kind: "ip",
                value: "::1".into(),
            },
        ];
        assert!(covers(&sans, "www.example.com"));
        assert!(covers(&sans, "WWW.Example.com."));
        assert!(!covers(&sans, "example.com"));
        assert!(!covers(&sans, "a.b.example.com"));
        assert!(covers(&sans, "api.test"));
        assert!(!covers(&sans, "x.api.test"));
        assert!(covers(&sans, "0:0:0:0:0:0:0:1"));
        assert!(!covers(&sans, "127.0.0.1"));
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(parse_all(b"hello").iter().all(|r| r.is_err()));
        assert!(
            parse_all(b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")[0]
                .is_err()
        );
        assert!(
            parse_all(b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")[0]
                .as_ref()
                .unwrap_err()
                .contains("no certificate")
        );
    }
}
