//! Issuing certificates with rcgen: self-signed leaves, a dev CA, and
//! leaves signed by that CA.

use std::net::IpAddr;

use rcgen::{
    BasicConstraints, CertificateParams, DistinguishedName, DnType, ExtendedKeyUsagePurpose,
    GeneralSubtree, IsCa, Issuer, KeyPair, KeyUsagePurpose, NameConstraints, SanType, SerialNumber,
};
use time::OffsetDateTime;

use crate::error::{Error, Result};

/// Key types keyward generates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum KeyType {
    /// ECDSA on P-256 (fast, small, universally supported).
    #[value(name = "ecdsa-p256")]
    EcdsaP256,
    /// ECDSA on P-384.
    #[value(name = "ecdsa-p384")]
    EcdsaP384,
    /// Ed25519 (not accepted by every TLS client yet).
    #[value(name = "ed25519")]
    Ed25519,
    /// RSA 2048.
    #[value(name = "rsa-2048")]
    Rsa2048,
    /// RSA 3072.
    #[value(name = "rsa-3072")]
    Rsa3072,
    /// RSA 4096 (seed 004's production size).
    #[value(name = "rsa-4096")]
    Rsa4096,
}

impl KeyType {
    /// A fresh key pair of this type, generated as `keygen keypair` does
    /// (`crate::keypair`): PKCS#8 v1, which OpenSSL 3.0 reads (rcgen's own
    /// Ed25519 keys are PKCS#8 v2, which `openssl pkey` 3.0 rejects).
    pub fn generate(self) -> Result<KeyPair> {
        use crate::keypair::{Keypair, KeypairType};
        let (kind, alg) = match self {
            KeyType::EcdsaP256 => (KeypairType::EcdsaP256, &rcgen::PKCS_ECDSA_P256_SHA256),
            KeyType::EcdsaP384 => (KeypairType::EcdsaP384, &rcgen::PKCS_ECDSA_P384_SHA384),
            KeyType::Ed25519 => (KeypairType::Ed25519, &rcgen::PKCS_ED25519),
            KeyType::Rsa2048 => (KeypairType::Rsa2048, &rcgen::PKCS_RSA_SHA256),
            KeyType::Rsa3072 => (KeypairType::Rsa3072, &rcgen::PKCS_RSA_SHA256),
            KeyType::Rsa4096 => (KeypairType::Rsa4096, &rcgen::PKCS_RSA_SHA256),
        };
        let kp = Keypair::generate(kind)?;
        let der = rustls::pki_types::PrivatePkcs8KeyDer::from(kp.private_der.expose());
        KeyPair::from_pkcs8_der_and_sign_algo(&der, alg)
            .map_err(|e| Error::internal(format!("key generation failed: {e}")))
    }

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            KeyType::EcdsaP256 => "ecdsa-p256",
            KeyType::EcdsaP384 => "ecdsa-p384",
            KeyType::Ed25519 => "ed25519",
            KeyType::Rsa2048 => "rsa-2048",
            KeyType::Rsa3072 => "rsa-3072",
            KeyType::Rsa4096 => "rsa-4096",
        }
    }

    /// The type of an existing key, or its description when it is none
    /// of these (an RSA key of another size, P-521).
    pub fn of(key: &KeyPair) -> std::result::Result<KeyType, String> {
        let alg = key.algorithm();
        if alg == &rcgen::PKCS_ECDSA_P256_SHA256 {
            return Ok(KeyType::EcdsaP256);
        }
        if alg == &rcgen::PKCS_ECDSA_P384_SHA384 {
            return Ok(KeyType::EcdsaP384);
        }
        if alg == &rcgen::PKCS_ED25519 {
            return Ok(KeyType::Ed25519);
        }
        use rcgen::PublicKeyData;
        use x509_parser::prelude::FromDer;
        let spki = key.subject_public_key_info();
        let bits = match x509_parser::x509::SubjectPublicKeyInfo::from_der(&spki)
            .ok()
            .and_then(|(_, k)| match k.parsed() {
                Ok(x509_parser::public_key::PublicKey::RSA(r)) => Some(r.key_size()),
                _ => None,
            }) {
            Some(bits) => bits,
            _ => return Err("a key of another type".into()),
        };
        match bits {
            2048 => Ok(KeyType::Rsa2048),
            3072 => Ok(KeyType::Rsa3072),
            4096 => Ok(KeyType::Rsa4096),
            n => Err(format!("rsa-{n}")),
        }
    }

    /// True for RSA keys (which also get keyEncipherment).
    pub fn is_rsa(self) -> bool {
        matches!(self, KeyType::Rsa2048 | KeyType::Rsa3072 | KeyType::Rsa4096)
    }
}

/// Reads an existing private key (PKCS#8, or the SEC1/PKCS#1 forms rcgen
/// accepts) to renew a certificate with it.
pub fn load_key(pem: &str, path: &str) -> Result<KeyPair> {
    KeyPair::from_pem(pem)
        .map_err(|e| Error::bad_input(format!("{path}: not a usable private key ({e})")))
}

/// A SAN given on the command line: an IP address, or a DNS name
/// (wildcards only as the whole leftmost label).
pub fn parse_san(s: &str) -> Result<SanType> {
    let t = s.trim();
    if let Ok(ip) = t.trim_matches(['[', ']']).parse::<IpAddr>() {
        return Ok(SanType::IpAddress(ip));
    }
    let name = t.trim_end_matches('.').to_ascii_lowercase();
    let labels: Vec<&str> = name.split('.').collect();
    let ok_label = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    let valid = !name.is_empty()
        && name.len() <= 253
        && labels
            .iter()
            .enumerate()
            .all(|(i, l)| (i == 0 && *l == "*" && labels.len() > 2) || ok_label(l));
    if !valid {
        return Err(Error::usage(format!(
            "--san '{}' is neither an IP address nor a DNS name (a wildcard may only be the whole first label, as in *.example.com)",
            s.escape_default()
        )));
    }
    let ia5 = rcgen::string::Ia5String::try_from(name.as_str())
        .map_err(|e| Error::usage(format!("--san '{name}': {e}")))?;
    Ok(SanType::DnsName(ia5))
}

/// What to put in a certificate.
#[derive(Debug, Clone)]
pub struct Spec {
    /// Subject common name.
    pub cn: String,
    /// Subject alternative names.
    pub sans: Vec<SanType>,
    /// Start of validity.
    pub not_before: OffsetDateTime,
    /// End of validity.
    pub not_after: OffsetDateTime,
    /// Server authentication EKU.
    pub server: bool,
    /// Client authentication EKU.
    pub client: bool,
    /// RSA keys also get keyEncipherment.
    pub rsa: bool,
}

/// What a CA may sign.
#[derive(Debug, Clone)]
pub struct CaSpec {
    /// Subject common name.
    pub cn: String,
    /// Start of validity.
    pub not_before: OffsetDateTime,
    /// End of validity.
    pub not_after: OffsetDateTime,
    /// Path length constraint (0: it signs leaves only).
    pub path_len: Option<u8>,
    /// Permitted DNS subtrees.
    pub name_constraints: Vec<String>,
}

fn random_serial() -> Result<SerialNumber> {
    let mut b = crate::crypto::random::array::<16>()?;
    b[0] &= 0x7f; // positive
    b[0] |= 0x01; // and 16 bytes long
    Ok(SerialNumber::from_slice(&b))
}

fn dn(cn: &str) -> DistinguishedName {
    let mut d = DistinguishedName::new();
    d.push(DnType::CommonName, cn);
    d
}

fn leaf_params(spec: &Spec) -> Result<CertificateParams> {
    let mut p = CertificateParams::default();
    p.distinguished_name = dn(&spec.cn);
    p.subject_alt_names = spec.sans.clone();
    p.not_before = spec.not_before;
    p.not_after = spec.not_after;
    p.serial_number = Some(random_serial()?);
    p.is_ca = IsCa::ExplicitNoCa;
    p.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    if spec.rsa {
        p.key_usages.push(KeyUsagePurpose::KeyEncipherment);
    }
    if spec.server {
        p.extended_key_usages
            .push(ExtendedKeyUsagePurpose::ServerAuth);
    }
    if spec.client {
        p.extended_key_usages
            .push(ExtendedKeyUsagePurpose::ClientAuth);
    }
    p.use_authority_key_identifier_extension = true;
    Ok(p)
}

/// A self-signed leaf.
pub fn self_signed(spec: &Spec, key: &KeyPair) -> Result<String> {
    let mut p = leaf_params(spec)?;
    p.use_authority_key_identifier_extension = false;
    let cert = p
        .self_signed(key)
        .map_err(|e| Error::internal(format!("cannot sign: {e}")))?;
    Ok(cert.pem())
}

/// A leaf signed by the CA in `ca_pem` with `ca_key`.
pub fn signed_by_ca(
    spec: &Spec,
    key: &KeyPair,
    ca_pem: &str,
    ca_key: KeyPair,
    ca_path: &str,
) -> Result<String> {
    let issuer = Issuer::from_ca_cert_pem(ca_pem, ca_key)
        .map_err(|e| Error::bad_input(format!("{ca_path}: not a usable CA certificate ({e})")))?;
    let p = leaf_params(spec)?;
    let cert = p
        .signed_by(key, &issuer)
        .map_err(|e| Error::bad_input(format!("cannot sign with the CA: {e}")))?;
    Ok(cert.pem())
}

/// A self-signed dev CA.
pub fn ca(spec: &CaSpec, key: &KeyPair) -> Result<String> {
    let mut p = CertificateParams::default();
    p.distinguished_name = dn(&spec.cn);
    p.not_before = spec.not_before;
    p.not_after = spec.not_after;
    p.serial_number = Some(random_serial()?);
    p.is_ca = IsCa::Ca(match spec.path_len {
        Some(n) => BasicConstraints::Constrained(n),
        None => BasicConstraints::Unconstrained,
    });
    p.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    if !spec.name_constraints.is_empty() {
        let mut permitted = Vec::new();
        for n in &spec.name_constraints {
            match parse_san(n)? {
                SanType::IpAddress(_) => {
                    return Err(Error::usage(format!(
                        "--name-constraint '{n}': only DNS names are supported"
                    )));
                }
                _ => permitted.push(GeneralSubtree::DnsName(
                    n.trim().trim_start_matches('.').to_ascii_lowercase(),
                )),
            }
        }
        p.name_constraints = Some(NameConstraints {
            permitted_subtrees: permitted,
            excluded_subtrees: vec![],
        });
    }
    let cert = p
        .self_signed(key)
        .map_err(|e| Error::internal(format!("cannot sign: {e}")))?;
    Ok(cert.pem())
}

/// The private key as PKCS#8 PEM or DER.
pub fn key_bytes(key: &KeyPair, der: bool) -> zeroize::Zeroizing<Vec<u8>> {
    zeroize::Zeroizing::new(if der {
        key.serialize_der()
    } else {
        key.serialize_pem().into_bytes()
    })
}

/// A PEM certificate as DER.
pub fn pem_to_der(pem: &str) -> Result<Vec<u8>> {
    let (_, p) = x509_parser::pem::parse_x509_pem(pem.as_bytes())
        .map_err(|e| Error::internal(format!("PEM: {e}")))?;
    Ok(p.contents)
}

#[cfg(test)]
mod tests {
    use super::*;
    use x509_parser::prelude::FromDer;

    #[test]
    fn sans_are_told_apart() {
        assert!(matches!(
            parse_san("10.0.0.1").unwrap(),
            SanType::IpAddress(_)
        ));
        assert!(matches!(parse_san("::1").unwrap(), SanType::IpAddress(_)));
        assert!(matches!(
            parse_san("[fe80::1]").unwrap(),
            SanType::IpAddress(_)
        ));
        assert!(matches!(
            parse_san("*.example.test").unwrap(),
            SanType::DnsName(_)
        ));
        assert!(parse_san("a.*.example").is_err());
        assert!(parse_san("*.com").is_err());
        assert!(parse_san("bad name").is_err());
        assert!(parse_san("-x.test").is_err());
    }

    #[test]
    fn a_ca_signs_a_leaf_that_verifies() {
        let now = OffsetDateTime::now_utc();
        let ca_key = KeyType::EcdsaP256.generate().unwrap();
        let ca_pem = ca(
            &CaSpec {
                cn: "dev CA".into(),
                not_before: now,
                not_after: now + time::Duration::days(30),
                path_len: Some(0),
                name_constraints: vec!["test".into()],
            },
            &ca_key,
        )
        .unwrap();
        let leaf_key = KeyType::Ed25519.generate().unwrap();
        let spec = Spec {
            cn: "api.test".into(),
            sans: vec![parse_san("api.test").unwrap()],
            not_before: now,
            not_after: now + time::Duration::days(1),
            server: true,
            client: false,
            rsa: false,
        };
        let reloaded = KeyPair::from_pem(&ca_key.serialize_pem()).unwrap();
        let leaf = signed_by_ca(&spec, &leaf_key, &ca_pem, reloaded, "ca.pem").unwrap();
        let ca_der = pem_to_der(&ca_pem).unwrap();
        let leaf_der = pem_to_der(&leaf).unwrap();
        let (_, ca_cert) = x509_parser::certificate::X509Certificate::from_der(&ca_der).unwrap();
        let (_, leaf_cert) =
            x509_parser::certificate::X509Certificate::from_der(&leaf_der).unwrap();
        leaf_cert
            .verify_signature(Some(ca_cert.public_key()))
            .unwrap();
        assert!(ca_cert.is_ca());
        assert_eq!(
            ca_cert
                .basic_constraints()
                .unwrap()
                .unwrap()
                .value
                .path_len_constraint,
            Some(0)
        );
        let info = crate::certs::info(&leaf_cert, &leaf_der);
        assert_eq!(info.extended_key_usage, vec!["serverAuth"]);
        assert_eq!(info.key_type, "Ed25519");
    }
}
