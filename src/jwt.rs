//! JSON Web Tokens on top of `jsonwebtoken`: keys from secrets, PEM files
//! and JWKS; minting with the claims every token should carry; a verify
//! that never skips the signature; and an unverified inspection with
//! warnings.

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD, URL_SAFE_NO_PAD_INDIFFERENT};
use jsonwebtoken::{Algorithm, AlgorithmFamily, DecodingKey, EncodingKey};
use serde_json::{Map, Value};

use crate::error::{Error, Result};
use crate::secret::SecretBytes;

/// JWT signing algorithms keyward mints and verifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum JwtAlg {
    /// HMAC-SHA256 with a shared secret.
    #[value(name = "HS256")]
    Hs256,
    /// HMAC-SHA384.
    #[value(name = "HS384")]
    Hs384,
    /// HMAC-SHA512.
    #[value(name = "HS512")]
    Hs512,
    /// RSASSA-PKCS1-v1_5 with SHA-256.
    #[value(name = "RS256")]
    Rs256,
    /// RSASSA-PKCS1-v1_5 with SHA-384.
    #[value(name = "RS384")]
    Rs384,
    /// RSASSA-PKCS1-v1_5 with SHA-512.
    #[value(name = "RS512")]
    Rs512,
    /// RSASSA-PSS with SHA-256.
    #[value(name = "PS256")]
    Ps256,
    /// ECDSA P-256 with SHA-256.
    #[value(name = "ES256")]
    Es256,
    /// ECDSA P-384 with SHA-384.
    #[value(name = "ES384")]
    Es384,
    /// Ed25519.
    #[value(name = "EdDSA")]
    EdDsa,
}

/// How an HS secret's text is turned into the key's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum JwtSecretEncoding {
    /// The text's UTF-8 bytes (as PyJWT and most services use a secret).
    Text,
    /// Standard base64, padded or not.
    Base64,
    /// URL-safe base64, padded or not (a JWK's `k`).
    Base64url,
    /// Hexadecimal.
    Hex,
}

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

/// The HS key's bytes from the secret's text, per `--secret-encoding`.
/// Whitespace around an encoded secret is dropped; the text itself is
/// never put in a message.
pub fn hs_key_bytes(text: &str, encoding: JwtSecretEncoding) -> Result<SecretBytes> {
    use base64::engine::general_purpose::{
        STANDARD_NO_PAD_INDIFFERENT, URL_SAFE_NO_PAD_INDIFFERENT as URL,
    };
    let t = text.trim();
    let (decoded, name) = match encoding {
        JwtSecretEncoding::Text => return Ok(SecretBytes::new(text.as_bytes().to_vec())),
        JwtSecretEncoding::Base64 => (STANDARD_NO_PAD_INDIFFERENT.decode(t).ok(), "base64"),
        JwtSecretEncoding::Base64url => (URL.decode(t).ok(), "base64url"),
        JwtSecretEncoding::Hex => (hex::decode(t).ok(), "hex"),
    };
    let bytes = decoded.ok_or_else(|| {
        Error::bad_input(format!(
            "the JWT secret is not valid {name} (--secret-encoding {name})"
        ))
        .with_hint("--secret-encoding text takes the secret's text as it is")
    })?;
    if bytes.is_empty() {
        return Err(Error::bad_input(format!(
            "the JWT secret decodes ({name}) to nothing"
        )));
    }
    Ok(SecretBytes::new(bytes))
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
            "{path}: not a usable {} private key ({})",
            kind.name(),
            describe_error(&e)
        ))
    })
}

/// The public key (SPKI, as PEM) of a private PEM: PKCS#8, PKCS#1
/// (`RSA PRIVATE KEY`) or SEC1 (`EC PRIVATE KEY`).
pub fn public_pem_of_private(pem: &str, kind: PemKind, path: &str) -> Result<String> {
    use aws_lc_rs::encoding::{AsDer, PublicKeyX509Der};
    use aws_lc_rs::signature::KeyPair as _;
    let unusable = || Error::bad_input(format!("{path}: not a usable {} private key", kind.name()));
    let (label, der) = pem_block(pem).ok_or_else(unusable)?;
    let spki: PublicKeyX509Der<'static> = match kind {
        PemKind::Rsa => {
            let kp = if label == "RSA PRIVATE KEY" {
                aws_lc_rs::rsa::KeyPair::from_der(&der)
            } else {
                aws_lc_rs::rsa::KeyPair::from_pkcs8(&der)
            }
            .map_err(|_| unusable())?;
            kp.public_key().as_der()
        }
        PemKind::EcP256 | PemKind::EcP384 => {
            let alg = if kind == PemKind::EcP256 {
                &aws_lc_rs::signature::ECDSA_P256_SHA256_ASN1_SIGNING
            } else {
                &aws_lc_rs::signature::ECDSA_P384_SHA384_ASN1_SIGNING
            };
            aws_lc_rs::signature::EcdsaKeyPair::from_private_key_der(alg, &der)
                .map_err(|_| unusable())?
                .public_key()
                .as_der()
        }
        PemKind::Ed25519 => aws_lc_rs::signature::Ed25519KeyPair::from_pkcs8_maybe_unchecked(&der)
            .map_err(|_| unusable())?
            .public_key()
            .as_der(),
    }
    .map_err(|_| unusable())?;
    pkcs8::der::pem::encode_string("PUBLIC KEY", pkcs8::LineEnding::LF, spki.as_ref())
        .map_err(|_| unusable())
}

/// A verifying key from a public or private PEM (a private key's public
/// half is derived from it).
pub fn decoding_key(pem: &str, kind: PemKind, private: bool, path: &str) -> Result<DecodingKey> {
    let public;
    let pem = if private {
        public = public_pem_of_private(pem, kind, path)?;
        public.as_str()
    } else {
        pem
    };
    let r = match kind {
        PemKind::Rsa => DecodingKey::from_rsa_pem(pem.as_bytes()),
        PemKind::EcP256 | PemKind::EcP384 => DecodingKey::from_ec_pem(pem.as_bytes()),
        PemKind::Ed25519 => DecodingKey::from_ed_pem(pem.as_bytes()),
    };
    r.map_err(|e| {
        Error::bad_input(format!(
            "{path}: not a usable {} public key ({})",
            kind.name(),
            describe_error(&e)
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

/// A JSON object's members in order, duplicates kept (a `Map` would keep
/// the last silently, while another parser may take the first).
struct Members(Vec<(String, Value)>);

impl<'de> serde::Deserialize<'de> for Members {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Members;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<Members, A::Error> {
                let mut v = Vec::new();
                while let Some(entry) = map.next_entry::<String, Value>()? {
                    v.push(entry);
                }
                Ok(Members(v))
            }
        }
        d.deserialize_map(V)
    }
}

/// How `jwt mint` writes the scopes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum JwtScopesAs {
    /// One string, the scopes separated by spaces: "a b".
    String,
    /// A JSON list of strings: ["a", "b"].
    List,
}

/// What a minted token claims, before its times and jti are added.
#[derive(Debug, Clone)]
pub struct MintClaims<'a> {
    /// Subject.
    pub sub: &'a str,
    /// Audience.
    pub aud: Option<&'a str>,
    /// Issuer.
    pub iss: Option<&'a str>,
    /// Scopes, as given (validated and sorted here).
    pub scopes: &'a [String],
    /// The claim the scopes go in.
    pub scopes_claim: &'a str,
    /// How the scopes are written.
    pub scopes_as: JwtScopesAs,
    /// `--claim k=v`, as given.
    pub extra: &'a [String],
}

/// The claims of a token about to be minted.
#[derive(Debug, Clone)]
pub struct Minted {
    /// Every claim, the extra ones first.
    pub claims: Map<String, Value>,
    /// Its jti.
    pub jti: String,
    /// Its exp (seconds since the epoch).
    pub exp: i64,
    /// Its scopes, validated and sorted.
    pub scopes: Vec<String>,
}

impl MintClaims<'_> {
    /// Checks the extra claims and the scopes' claim, then assembles every
    /// claim: the extra ones, then sub, iat, nbf (both `now`), exp (`now +
    /// ttl`), a random jti, aud, iss and the scopes.
    pub fn assemble(&self, now: i64, ttl: time::Duration) -> Result<Minted> {
        let mut claims = Map::new();
        for c in self.extra {
            let (k, v) = parse_claim(c)?;
            claims.insert(k, v);
        }
        let scopes = crate::apikey::validate_scopes(self.scopes)?;
        let scopes_claim = self.scopes_claim.trim();
        if scopes_claim.is_empty() {
            return Err(Error::usage("--scopes-claim needs a claim name"));
        }
        if scopes_claim != "scope" && RESERVED.contains(&scopes_claim) {
            return Err(Error::usage(format!(
                "--scopes-claim cannot be '{scopes_claim}', a registered claim with its own flag"
            )));
        }
        if !scopes.is_empty() && claims.contains_key(scopes_claim) {
            return Err(Error::usage(format!(
                "--claim sets '{scopes_claim}', which --scope fills (--scopes-claim {scopes_claim})"
            )));
        }
        let exp = now + ttl.whole_seconds();
        let jti = new_jti()?;
        claims.insert("sub".into(), self.sub.into());
        claims.insert("iat".into(), now.into());
        claims.insert("nbf".into(), now.into());
        claims.insert("exp".into(), exp.into());
        claims.insert("jti".into(), jti.clone().into());
        if let Some(aud) = self.aud {
            claims.insert("aud".into(), aud.into());
        }
        if let Some(iss) = self.iss {
            claims.insert("iss".into(), iss.into());
        }
        if !scopes.is_empty() {
            let value: Value = match self.scopes_as {
                JwtScopesAs::String => scopes.join(" ").into(),
                JwtScopesAs::List => scopes.clone().into(),
            };
            claims.insert(scopes_claim.to_string(), value);
        }
        Ok(Minted {
            claims,
            jti,
            exp,
            scopes,
        })
    }
}

/// Decodes header and claims without checking anything (`inspect`, and
/// `verify`'s precise messages before the signature is checked). A token
/// that is not three base64url parts, with a JSON object in the first two
/// (each name once), is malformed: exit 3.
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
        let members = match serde_json::from_slice::<Members>(&bytes) {
            Ok(m) => m.0,
            Err(_) => {
                return Err(Error::bad_input(format!(
                    "not a JWT: the {name} is not a JSON object"
                )));
            }
        };
        let mut map = Map::new();
        for (k, v) in members {
            if map.contains_key(&k) {
                return Err(Error::bad_input(format!(
                    "not a JWT: the {name} has the member {} twice (RFC 7515 section 5.2)",
                    Value::String(k)
                )));
            }
            map.insert(k, v);
        }
        Ok(map)
    };
    let header = part(0, "header")?;
    let claims = part(1, "claims")?;
    URL_SAFE_NO_PAD_INDIFFERENT
        .decode(parts[2])
        .map_err(|_| Error::bad_input("not a JWT: the signature is not base64url"))?;
    Ok(Unverified { header, claims })
}

/// The stricter form `verify` needs: RFC 7515 §2 base64url has no `=`
/// padding (`inspect` reads a padded token all the same).
pub fn check_compact(token: &str) -> Result<()> {
    for (part, name) in token.split('.').zip(["header", "claims", "signature"]) {
        if URL_SAFE_NO_PAD.decode(part).is_err() {
            return Err(Error::bad_input(format!(
                "not a JWT: the {name} is padded base64url; a JWT's parts have no '=' padding (RFC 7515 section 2)"
            )));
        }
    }
    Ok(())
}

/// The header members `verify` reads have the types RFC 7515 gives them;
/// a header that breaks this is malformed (exit 3). `crit` is checked by
/// [`critical_extensions`], and an unknown `alg` by the allow-list.
pub fn check_header(header: &Map<String, Value>) -> Result<()> {
    if header.get("alg").is_some_and(|a| !a.is_string()) {
        return Err(Error::bad_input(
            "not a JWT: the header's alg is not a string",
        ));
    }
    for (name, value) in header {
        if name == "alg" || name == "crit" {
            continue;
        }
        let mut one = Map::new();
        one.insert("alg".into(), "HS256".into());
        one.insert(name.clone(), value.clone());
        // Only the members jsonwebtoken knows can fail here, so `name` is
        // one of RFC 7515's.
        if let Err(e) = serde_json::from_value::<jsonwebtoken::Header>(Value::Object(one)) {
            return Err(Error::bad_input(format!(
                "not a JWT: the header's {name} is malformed ({e})"
            )));
        }
    }
    Ok(())
}

/// RFC 7515 §4.1.11: a token whose header lists a critical extension the
/// recipient does not understand is invalid; keyward understands none.
/// Why the token fails, if it does.
pub fn critical_extensions(header: &Map<String, Value>) -> Option<String> {
    let crit = header.get("crit")?;
    let names: Option<Vec<&str>> = crit
        .as_array()
        .filter(|a| !a.is_empty())
        .and_then(|a| a.iter().map(Value::as_str).collect());
    match names {
        None => Some(
            "the token's header has a malformed crit (it must be a non-empty array of extension names, RFC 7515 section 4.1.11)"
                .into(),
        ),
        Some(names) => Some(format!(
            "the token's header lists critical extension(s) keyward does not understand: {}",
            names
                .iter()
                .map(|n| Value::String((*n).to_string()).to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// A NumericDate claim (RFC 7519 section 2: seconds since 1970, perhaps
/// with a fraction): `Ok(None)` when absent or null, `Err` with the
/// reason when it is not a number.
pub fn numeric_date(
    claims: &Map<String, Value>,
    name: &str,
) -> std::result::Result<Option<f64>, String> {
    match claims.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => n
            .as_f64()
            .filter(|f| f.is_finite())
            .map(Some)
            .ok_or_else(|| format!("the {name} claim is not a usable number")),
        Some(_) => Err(format!(
            "the {name} claim is not a number (RFC 7519 NumericDate: seconds since 1970)"
        )),
    }
}

/// The instant `secs` after 1970 (a NumericDate), when `time` can hold it.
pub fn datetime_of(secs: f64) -> Option<time::OffsetDateTime> {
    let whole = secs.floor();
    // The fraction alone, so that its nanoseconds keep their precision.
    let nanos = ((secs - whole) * 1e9).round() as i64;
    time::OffsetDateTime::from_unix_timestamp(whole as i64)
        .ok()?
        .checked_add(time::Duration::nanoseconds(nanos))
}

/// Whole seconds of `secs`, saturating, for durations.
fn duration_of(secs: f64) -> time::Duration {
    time::Duration::seconds(secs as i64)
}

/// Checks exp, nbf and iat at `now` (Unix seconds, with a fraction):
/// why the token fails, if it does. `exp` is required unless `allow_no_exp`;
/// `leeway` (seconds) applies to exp and nbf.
pub fn check_times(
    claims: &Map<String, Value>,
    now: f64,
    leeway: f64,
    allow_no_exp: bool,
) -> Option<String> {
    let (exp, nbf) = match (
        numeric_date(claims, "exp"),
        numeric_date(claims, "nbf"),
        numeric_date(claims, "iat"),
    ) {
        (Err(m), _, _) | (_, Err(m), _) | (_, _, Err(m)) => return Some(m),
        (Ok(exp), Ok(nbf), Ok(_)) => (exp, nbf),
    };
    match exp {
        None if !allow_no_exp => {
            return Some("the token has no exp (pass --allow-no-exp to accept that)".into());
        }
        // RFC 7519 §4.1.4: the current time must be before exp.
        Some(e) if now >= e + leeway => {
            return Some(format!(
                "the token has expired ({} ago)",
                crate::timeutil::human_duration(duration_of(now - e))
            ));
        }
        _ => {}
    }
    match nbf {
        Some(n) if now + leeway < n => Some(format!(
            "the token is not valid yet (nbf is {} ahead)",
            crate::timeutil::human_duration(duration_of(n - now))
        )),
        _ => None,
    }
}

/// A jsonwebtoken error in words (its own Display prints some kinds as
/// Rust debug output).
pub fn describe_error(e: &jsonwebtoken::errors::Error) -> String {
    use jsonwebtoken::errors::ErrorKind as K;
    match e.kind() {
        K::InvalidToken => "not a JWT (it is not header.claims.signature)".into(),
        K::InvalidSignature => "the signature does not match the key".into(),
        K::InvalidEcdsaKey => "the key is not a usable ECDSA key".into(),
        K::InvalidEddsaKey => "the key is not a usable Ed25519 key".into(),
        K::InvalidRsaKey(m) => format!("the key is not a usable RSA key ({m})"),
        K::RsaFailedSigning => "RSA signing failed".into(),
        K::Signing(m) => format!("signing failed ({m})"),
        K::InvalidAlgorithmName => "the algorithm name is not one keyward knows".into(),
        K::UnsupportedAlgorithm => "the algorithm is not supported".into(),
        K::InvalidKeyFormat => "the key is not in a format this algorithm can use".into(),
        K::MissingRequiredClaim(c) => format!("the token has no {c} claim"),
        K::InvalidClaimFormat(c) => format!("the {c} claim is not of the type RFC 7519 gives it"),
        K::ExpiredSignature => "the token has expired".into(),
        K::InvalidIssuer => "the issuer is not the one expected".into(),
        K::InvalidAudience => "the audience is not the one expected".into(),
        K::InvalidSubject => "the subject is not the one expected".into(),
        K::ImmatureSignature => "the token is not valid yet (nbf)".into(),
        K::InvalidAlgorithm => {
            "the token's algorithm does not fit the key (algorithm confusion refused)".into()
        }
        K::MissingAlgorithm => "no algorithm is accepted".into(),
        K::Base64(e) => format!("a part is not base64url ({e})"),
        K::Json(e) => format!("a part is not the JSON a JWT holds ({e})"),
        K::Utf8(e) => format!("a part is not UTF-8 text ({e})"),
        K::Provider(m) => format!("the crypto provider failed ({m})"),
        _ => "the token cannot be checked".into(),
    }
}

/// True for the jsonwebtoken errors that mean the token is malformed
/// (exit 3), not that a valid-looking token failed a check.
pub fn is_malformed(e: &jsonwebtoken::errors::Error) -> bool {
    use jsonwebtoken::errors::ErrorKind as K;
    matches!(
        e.kind(),
        K::InvalidToken | K::Base64(_) | K::Json(_) | K::Utf8(_)
    )
}

/// Warnings about an unverified token at `now` (Unix seconds).
pub fn warnings(t: &Unverified, now: i64) -> Vec<String> {
    let mut w = Vec::new();
    let alg = t.header.get("alg").and_then(Value::as_str).unwrap_or("");
    if alg.eq_ignore_ascii_case("none") || alg.is_empty() {
        w.push("alg is none: the token is unsigned and anyone can forge it".into());
    }
    if let Some(reason) = critical_extensions(&t.header) {
        w.push(format!("{reason}; verify refuses it"));
    }
    // RFC 7519 NumericDate: a number of seconds, perhaps with a fraction.
    let now = now as f64;
    let human = |secs: f64| crate::timeutil::human_duration(duration_of(secs));
    match numeric_date(&t.claims, "exp") {
        Err(m) => w.push(format!("{m}: verify refuses the token")),
        Ok(None) => w.push("no exp: the token never expires".into()),
        Ok(Some(exp)) if exp <= now => w.push(format!("expired {} ago", human(now - exp))),
        Ok(Some(exp)) if exp - now > 86_400.0 => {
            w.push(format!("exp is {} ahead, more than 24 h", human(exp - now)))
        }
        Ok(Some(_)) => {}
    }
    match numeric_date(&t.claims, "iat") {
        Err(m) => w.push(format!("{m}: verify refuses the token")),
        Ok(Some(iat)) if iat > now + 60.0 => w.push("iat is in the future".into()),
        _ => {}
    }
    match numeric_date(&t.claims, "nbf") {
        Err(m) => w.push(format!("{m}: verify refuses the token")),
        Ok(Some(nbf)) if nbf > now => {
            w.push(format!("not valid yet: nbf is {} ahead", human(nbf - now)))
        }
        _ => {}
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
        let t = decode_unverified("eyJhbGciOiJIUzI1NiJ9.eyJleHAiOi05MjIzMzcyMDM2ODU0Nzc1ODA4fQ.AA")
            .unwrap();
        assert!(!warnings(&t, 1_700_000_000).is_empty());
        // Hardening #14: a signature that is not base64url is malformed.
        assert!(
            decode_unverified("eyJhbGciOiJIUzI1NiJ9.eyJleHAiOi05MjIzMzcyMDM2ODU0Nzc1ODA4fQ.x")
                .is_err()
        );
    }

    #[test]
    fn hardening_15_crit_is_understood_by_nobody() {
        let header = |v: Value| v.as_object().unwrap().clone();
        assert!(critical_extensions(&header(serde_json::json!({"alg": "HS256"}))).is_none());
        let r = critical_extensions(&header(serde_json::json!({"crit": ["x"]}))).unwrap();
        assert!(r.ends_with("does not understand: \"x\""), "{r}");
        for bad in [
            serde_json::json!([]),
            serde_json::json!("x"),
            serde_json::json!([2]),
        ] {
            let r = critical_extensions(&header(serde_json::json!({"crit": bad}))).unwrap();
            assert!(r.contains("malformed crit"), "{r}");
        }
    }

    #[test]
    fn hardening_15_numeric_dates_may_have_fractions() {
        let claims = |v: Value| v.as_object().unwrap().clone();
        let c = claims(serde_json::json!({"exp": 1.9e9, "iat": 1_700_000_000.5}));
        assert_eq!(numeric_date(&c, "exp"), Ok(Some(1.9e9)));
        assert_eq!(
            datetime_of(1_700_000_000.25)
                .unwrap()
                .unix_timestamp_nanos(),
            1_700_000_000_250_000_000
        );
        assert!(check_times(&c, 1_800_000_000.0, 0.0, false).is_none());
        assert!(
            check_times(&c, 1.9e9 + 0.5, 0.0, false)
                .unwrap()
                .contains("expired")
        );
        assert!(check_times(&c, 1.9e9 - 0.5, 0.0, false).is_none());
        let c = claims(serde_json::json!({"exp": "tomorrow"}));
        let r = check_times(&c, 0.0, 0.0, true).unwrap();
        assert!(r.contains("exp claim is not a number"), "{r}");
        let c = claims(serde_json::json!({"nbf": 100.5}));
        assert!(
            check_times(&c, 100.0, 0.0, true)
                .unwrap()
                .contains("not valid yet")
        );
        assert!(check_times(&c, 100.0, 1.0, true).is_none());
        assert!(
            check_times(&c, 100.0, 0.0, false)
                .unwrap()
                .contains("no exp")
        );
    }
}
