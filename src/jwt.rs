//! JSON Web Tokens on top of `jsonwebtoken`: keys from secrets, PEM files
//! and JWKS; minting with the claims every token should carry; a verify
//! that never skips the signature; and an unverified inspection with
//! warnings.

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD, URL_SAFE_NO_PAD_INDIFFERENT};
use jsonwebtoken::{Algorithm, AlgorithmFamily, DecodingKey, EncodingKey};
use serde_json::{Map, Value};

use crate::cli::JwtAlg;
use crate::error::{Error, Result};

impl From<JwtAlg> for Algorithm {
    fn from(a: JwtAlg) -> Self {
        match a {
            JwtAlg::Hs256 => Algorithm::HS256,
            JwtAlg::Hs384 => Algorithm::HS384,
            JwtAlg::Hs512 => Algorithm::HS512,
            JwtAlg::Rs256 => Algorithm::RS256,
            JwtAlg::Rs384 => Algorithm::RS384,
            JwtAlg::Rs512 => Algorithm::RS512,
            JwtAlg::Ps256 => Algorithm::PS256,
            JwtAlg::Es256 => Algorithm::ES256,
            JwtAlg::Es384 => Algorithm::ES384,
            JwtAlg::EdDsa => Algorithm::EdDSA,
        }
    }
}

/// RFC 7518 §3.2: an HMAC key at least as long as the hash output.
pub fn min_secret_len(alg: Algorithm) -> usize {
    match alg {
        Algorithm::HS384 => 48,
        Algorithm::HS512 => 64,
        _ => 32,
    }
}

/// The HS algorithms a secret of `len` bytes is long enough for
/// (HS256 alone when it is too short for any, so old tokens still verify).
pub fn hs_algs_for(len: usize) -> Vec<Algorithm> {
    let mut v = vec![Algorithm::HS256];
    if len >= 48 {
        v.push(Algorithm::HS384);
    }
    if len >= 64 {
        v.push(Algorithm::HS512);
    }
    v
}

/// The kind of key in a PEM file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PemKind {
    /// RSA, any size.
    Rsa,
    /// ECDSA on P-256.
    EcP256,
    /// ECDSA on P-384.
    EcP384,
    /// Ed25519.
    Ed25519,
}

impl PemKind {
    /// The algorithms this key can sign or verify.
    pub fn algorithms(self) -> Vec<Algorithm> {
        match self {
            PemKind::Rsa => AlgorithmFamily::Rsa.algorithms().to_vec(),
            PemKind::EcP256 => vec![Algorithm::ES256],
            PemKind::EcP384 => vec![Algorithm::ES384],
            PemKind::Ed25519 => vec![Algorithm::EdDSA],
        }
    }

    /// The algorithm used to mint when none is asked for.
    pub fn default_alg(self) -> Algorithm {
        self.algorithms()[0]
    }

    /// A name for messages.
    pub fn name(self) -> &'static str {
        match self {
            PemKind::Rsa => "RSA",
            PemKind::EcP256 => "ECDSA P-256",
            PemKind::EcP384 => "ECDSA P-384",
            PemKind::Ed25519 => "Ed25519",
        }
    }
}

const OID_RSA: &[u8] = &[
    0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01,
];
const OID_P256: &[u8] = &[0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07];
const OID_P384: &[u8] = &[0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22];
const OID_ED25519: &[u8] = &[0x06, 0x03, 0x2b, 0x65, 0x70];

/// The first PEM block's label and DER bytes.
pub fn pem_block(text: &str) -> Option<(String, Vec<u8>)> {
    let start = text.find("-----BEGIN ")?;
    let rest = &text[start + 11..];
    let label_end = rest.find("-----")?;
    let label = rest[..label_end].to_string();
    let body_start = label_end + 5;
    let end_marker = format!("-----END {label}-----");
    let body_end = body_start + rest.get(body_start..)?.find(&end_marker)?;
    let b64: String = rest[body_start..body_end]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let der = STANDARD.decode(b64).ok()?;
    Some((label, der))
}

/// Finds what key a PEM holds and whether it is private, from its label and
/// the algorithm identifiers inside (PKCS#1, SEC1, PKCS#8 and SPKI forms).
pub fn pem_kind(text: &str, path: &str) -> Result<(PemKind, bool)> {
    let (label, der) = pem_block(text).ok_or_else(|| {
        Error::bad_input(format!(
            "{path} is not a PEM file (no BEGIN/END block with base64 inside)"
        ))
    })?;
    let private = label.contains("PRIVATE");
    if label == "CERTIFICATE" {
        return Err(Error::bad_input(format!(
            "{path} holds a certificate; give its public key (openssl x509 -pubkey -noout)"
        )));
    }
    if label.contains("ENCRYPTED") {
        return Err(Error::bad_input(format!(
            "{path} is an encrypted private key; decrypt it first"
        )));
    }
    let has = |oid: &[u8]| der.windows(oid.len()).any(|w| w == oid);
    let kind = if label.starts_with("RSA ") || has(OID_RSA) {
        PemKind::Rsa
    } else if has(OID_P256) {
        PemKind::EcP256
    } else if has(OID_P384) {
        PemKind::EcP384
    } else if has(OID_ED25519) {
        PemKind::Ed25519
    } else {
        return Err(Error::bad_input(format!(
            "{path}: unsupported key ({label}); keyward signs with RSA, ECDSA P-256/P-384 and Ed25519"
        )));
    };
    Ok((kind, private))
}

/// A signing key from a private PEM.
pub fn encoding_key(pem: &str, kind: PemKind, path: &str) -> Result<EncodingKey> {
    let r = match kind {
        PemKind::Rsa => EncodingKey::from_rsa_pem(pem.as_bytes()),
        PemKind::EcP256 | PemKind::EcP384 => EncodingKey::from_ec_pem(pem.as_bytes()),
        PemKind::Ed25519 => EncodingKey::from_ed_pem(pem.as_bytes()),
    };
    r.map_err(|e| {
        Error::bad_input(format!(
            "{path}: not a usable {} private key ({e})",
            kind.name()
        ))
    })
}

/// A verifying key from a public (or private) PEM.
pub fn decoding_key(pem: &str, kind: PemKind, private: bool, path: &str) -> Result<DecodingKey> {
    if private {
        return Err(Error::bad_input(format!(
            "{path} is a private key; verify with the public key"
        ))
        .with_hint("openssl pkey -in KEY -pubout > public.pem"));
    }
    let r = match kind {
        PemKind::Rsa => DecodingKey::from_rsa_pem(pem.as_bytes()),
        PemKind::EcP256 | PemKind::EcP384 => DecodingKey::from_ec_pem(pem.as_bytes()),
        PemKind::Ed25519 => DecodingKey::from_ed_pem(pem.as_bytes()),
    };
    r.map_err(|e| {
        Error::bad_input(format!(
            "{path}: not a usable {} public key ({e})",
            kind.name()
        ))
    })
}

/// A random jti: 16 bytes, base64url.
pub fn new_jti() -> Result<String> {
    Ok(URL_SAFE_NO_PAD.encode(crate::crypto::random::array::<16>()?))
}

/// The claims `--claim` may not set, because a flag sets them.
pub const RESERVED: &[&str] = &["iat", "nbf", "exp", "jti", "sub", "aud", "iss", "scope"];

/// Parses `k=v`: v as JSON when it parses, else as a string.
pub fn parse_claim(s: &str) -> Result<(String, Value)> {
    let (k, v) = s
        .split_once('=')
        .ok_or_else(|| Error::usage(format!("--claim '{s}' is not k=v")))?;
    let k = k.trim();
    if k.is_empty() {
        return Err(Error::usage(format!("--claim '{s}' has no name")));
    }
    if RESERVED.contains(&k) {
        return Err(Error::usage(format!(
            "--claim cannot set '{k}'; use its own flag (--sub, --aud, --iss, --scope, --ttl)"
        )));
    }
    let value = serde_json::from_str(v).unwrap_or_else(|_| Value::String(v.to_string()));
    Ok((k.to_string(), value))
}

/// A token split into its decoded header and claims, not verified.
#[derive(Debug, Clone)]
pub struct Unverified {
    /// The header object.
    pub header: Map<String, Value>,
    /// The claims object.
    pub claims: Map<String, Value>,
}

/// Decodes header and claims without checking anything (`inspect`, and
/// `verify`'s precise messages for `alg: none`).
pub fn decode_unverified(token: &str) -> Result<Unverified> {
    let parts: Vec<&str> = token.split('.').collect();
    if parts.len() != 3 {
        return Err(Error::bad_input(format!(
            "not a JWT: {} dot-separated parts, expected 3 (header.claims.signature)",
            parts.len()
        )));
    }
    let part = |i: usize, name: &str| -> Result<Map<String, Value>> {
        let bytes = URL_SAFE_NO_PAD_INDIFFERENT
            .decode(parts[i])
            .map_err(|_| Error::bad_input(format!("not a JWT: the {name} is not base64url")))?;
        match serde_json::from_slice(&bytes) {
            Ok(Value::Object(m)) => Ok(m),
            _ => Err(Error::bad_input(format!(
                "not a JWT: the {name} is not a JSON object"
            ))),
        }
    };
    Ok(Unverified {
        header: part(0, "header")?,
        claims: part(1, "claims")?,
    })
}

/// Warnings about an unverified token at `now` (Unix seconds).
pub fn warnings(t: &Unverified, now: i64) -> Vec<String> {
    let mut w = Vec::new();
    let alg = t.header.get("alg").and_then(Value::as_str).unwrap_or("");
    if alg.eq_ignore_ascii_case("none") || alg.is_empty() {
        w.push("alg is none: the token is unsigned and anyone can forge it".into());
    }
    match t.claims.get("exp").and_then(Value::as_i64) {
        None => w.push("no exp: the token never expires".into()),
        Some(exp) if exp <= now => w.push(format!(
            "expired {} ago",
            crate::timeutil::human_duration(time::Duration::seconds(now.saturating_sub(exp)))
        )),
        Some(exp) if exp.saturating_sub(now) > 86_400 => w.push(format!(
            "exp is {} ahead, more than 24 h",
            crate::timeutil::human_duration(time::Duration::seconds(exp.saturating_sub(now)))
        )),
        _ => {}
    }
    if let Some(iat) = t.claims.get("iat").and_then(Value::as_i64)
        && iat > now.saturating_add(60)
    {
        w.push("iat is in the future".into());
    }
    if let Some(nbf) = t.claims.get("nbf").and_then(Value::as_i64)
        && nbf > now
    {
        w.push(format!(
            "not valid yet: nbf is {} ahead",
            crate::timeutil::human_duration(time::Duration::seconds(nbf.saturating_sub(now)))
        ));
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_claims_need_their_flags() {
        assert!(parse_claim("exp=1").is_err());
        assert_eq!(parse_claim("tier=3").unwrap().1, Value::from(3));
        assert_eq!(parse_claim("role=admin").unwrap().1, Value::from("admin"));
        assert_eq!(
            parse_claim("roles=[\"a\"]").unwrap().1,
            serde_json::json!(["a"])
        );
        assert!(parse_claim("novalue").is_err());
    }

    #[test]
    fn secret_lengths_follow_rfc7518() {
        assert_eq!(hs_algs_for(32), vec![Algorithm::HS256]);
        assert_eq!(hs_algs_for(64).len(), 3);
        assert_eq!(min_secret_len(Algorithm::HS384), 48);
    }

    #[test]
    fn inspect_warns() {
        let t = decode_unverified("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.").unwrap();
        let w = warnings(&t, 0);
        assert!(w.iter().any(|m| m.contains("unsigned")));
        assert!(w.iter().any(|m| m.contains("no exp")));
        assert!(decode_unverified("a.b").is_err());
        assert!(pem_block("-----BEGIN X-----END X-----").is_none());
        let t = decode_unverified("eyJhbGciOiJIUzI1NiJ9.eyJleHAiOi05MjIzMzcyMDM2ODU0Nzc1ODA4fQ.x")
            .unwrap();
        assert!(!warnings(&t, 1_700_000_000).is_empty());
    }
}
