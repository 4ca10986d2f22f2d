//! `jwt mint | verify | inspect`.

use std::io::IsTerminal;
use std::path::Path;

use jsonwebtoken::errors::ErrorKind as JwtErrorKind;
use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{Algorithm, DecodingKey, Header, Validation};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::audit::Entry;
use crate::cli::{JwtCommand, JwtInspectArgs, JwtKeyArgs, JwtMintArgs, JwtVerifyArgs};
use crate::commands::Ctx;
use crate::error::{Error, Outcome, Result};
use crate::jwt::{self, PemKind};
use crate::output::{Format, Output, Report};
use crate::secret::{SecretBytes, SecretPrompt, SecretString, read_secret};
use crate::timeutil::{human_duration, parse_duration};

const SECRET_PROMPT: SecretPrompt = SecretPrompt {
    what: "JWT secret",
    env_flag: "--secret-env",
    file_flag: "--secret-file",
    confirm: false,
    private_file: true,
};

/// Runs a `jwt` subcommand.
pub fn run(ctx: &Ctx, cmd: JwtCommand) -> Result<Outcome> {
    match cmd {
        JwtCommand::Mint(a) => mint(ctx, a),
        JwtCommand::Verify(a) => verify(ctx, a),
        JwtCommand::Inspect(a) => inspect(ctx, a),
    }
}

fn alg_name(a: Algorithm) -> String {
    format!("{a:?}")
}

fn read_pem(path: &Path) -> Result<(String, PemKind, bool)> {
    let text = crate::fsutil::read_text_bounded(path, crate::fsutil::MAX_INPUT_BYTES)?;
    let (kind, private) = jwt::pem_kind(&text, &path.display().to_string())?;
    if private {
        crate::fsutil::ensure_private(path, "private key")?;
    }
    Ok((text, kind, private))
}

/// The HS secret's text, and the key's bytes from it (`--secret-encoding`).
fn read_hs_secret(k: &JwtKeyArgs) -> Result<(SecretString, SecretBytes)> {
    let text = read_secret(
        k.secret_env.as_deref(),
        k.secret_file.as_deref(),
        &SECRET_PROMPT,
    )?;
    let key = jwt::hs_key_bytes(text.expose(), k.secret_encoding)?;
    Ok((text, key))
}

fn mint(ctx: &Ctx, a: JwtMintArgs) -> Result<Outcome> {
    ctx.out.require("jwt mint", &[Format::Text, Format::Json])?;
    let ttl = parse_duration(&a.ttl).map_err(|m| Error::usage(format!("--ttl: {m}")))?;
    if !ttl.is_positive() {
        return Err(Error::usage("--ttl must be positive"));
    }
    if ttl > time::Duration::hours(24) {
        ctx.out.warn(&format!(
            "--ttl {} is longer than 24 h: a stolen token stays useful that long",
            a.ttl
        ));
    }
    let minted = jwt::MintClaims {
        sub: &a.sub,
        aud: a.aud.as_deref(),
        iss: a.iss.as_deref(),
        scopes: &a.scope,
        scopes_claim: &a.scopes_claim,
        scopes_as: a.scopes_as,
        extra: &a.claim,
    }
    .assemble(crate::timeutil::now().unix_timestamp(), ttl)?;
    let (alg, key) = match &a.key.key_file {
        Some(path) => {
            let (pem, kind, private) = read_pem(path)?;
            if !private {
                return Err(Error::bad_input(format!(
                    "{} is a public key; minting needs the private key",
                    path.display()
                )));
            }
            let alg = a
                .alg
                .map(Algorithm::from)
                .unwrap_or_else(|| kind.default_alg());
            if !kind.algorithms().contains(&alg) {
                return Err(Error::usage(format!(
                    "--alg {} does not fit a {} key",
                    alg_name(alg),
                    kind.name()
                )));
            }
            (
                alg,
                jwt::encoding_key(&pem, kind, &path.display().to_string())?,
            )
        }
        None => {
            let alg = a.alg.map(Algorithm::from).unwrap_or(Algorithm::HS256);
            if !matches!(alg, Algorithm::HS256 | Algorithm::HS384 | Algorithm::HS512) {
                return Err(Error::usage(format!(
                    "--alg {} needs --key-file with a private key",
                    alg_name(alg)
                )));
            }
            let (text, secret) = read_hs_secret(&a.key)?;
            let min = jwt::min_secret_len(alg);
            let mut weak = Vec::new();
            if secret.len() < min {
                weak.push(format!(
                    "the secret is {} bytes; {} needs at least {min} (RFC 7518 section 3.2)",
                    secret.len(),
                    alg_name(alg)
                ));
            }
            // The config rules' own list of placeholder and sample secrets.
            if let Some(why) = crate::config_check::rules::placeholder(text.expose()) {
                weak.push(format!(
                    "the secret is a known placeholder ({why}): anyone who reads the same documentation can mint tokens"
                ));
            }
            if let Some(first) = weak.first()
                && !a.allow_weak
            {
                return Err(Error::bad_input(first.clone()).with_hint(
                    "generate one with `keyward keygen jwt-secret`, or pass --allow-weak",
                ));
            }
            for msg in &weak {
                ctx.out.warn(msg);
            }
            (alg, jsonwebtoken::EncodingKey::from_secret(secret.expose()))
        }
    };
    let mut header = Header::new(alg);
    header.kid = a.kid.clone();
    let token = jsonwebtoken::encode(&header, &minted.claims, &key).map_err(|e| {
        Error::bad_input(format!(
            "cannot sign the token: {}",
            jwt::describe_error(&e)
        ))
    })?;

    let details = crate::commands::sink::audit_details(&MintAudit {
        sub: &a.sub,
        aud: a.aud.as_deref(),
        iss: a.iss.as_deref(),
        alg: alg_name(alg),
        exp: minted.exp,
        scope: &minted.scopes,
    })?;
    let (mut store, auditor) = ctx.audited()?;
    store.write(|tx| {
        auditor.append(
            tx,
            &Entry::new("jwt.mint", "jwt", minted.jti.clone()).details(details),
        )
    })?;
    ctx.out.report(&MintReport {
        token: &token,
        alg: alg_name(alg),
        jti: &minted.jti,
        exp: minted.exp,
        claims: &minted.claims,
    })?;
    Ok(Outcome::Success)
}

/// The audit entry of `jwt.mint` (never the token).
#[derive(Serialize)]
struct MintAudit<'a> {
    sub: &'a str,
    aud: Option<&'a str>,
    iss: Option<&'a str>,
    alg: String,
    exp: i64,
    scope: &'a [String],
}

/// `jwt mint`'s answer: the token alone on a line, or the document.
#[derive(Serialize)]
struct MintReport<'a> {
    token: &'a str,
    alg: String,
    jti: &'a str,
    exp: i64,
    claims: &'a Map<String, Value>,
}

impl Report for MintReport<'_> {
    fn render_text(&self, out: &Output) -> Result<()> {
        out.line(self.token)
    }
}

fn token_input(ctx: &Ctx, arg: Option<&String>) -> Result<String> {
    let token = match arg {
        Some(t) => {
            if std::io::stderr().is_terminal() {
                ctx.out
                    .warn("a token given as an argument lands in shell history; prefer stdin");
            }
            t.clone()
        }
        None => {
            if std::io::stdin().is_terminal() {
                return Err(Error::usage("no token given")
                    .with_hint("pass it on stdin (or as an argument)"));
            }
            let buf = crate::secret::read_stdin(1 << 20, "the token")?;
            std::str::from_utf8(&buf)
                .map_err(|_| Error::bad_input("the token on stdin is not text"))?
                .to_string()
        }
    };
    let token = token.trim().to_string();
    if token.is_empty() {
        return Err(Error::bad_input("the token is empty"));
    }
    Ok(token)
}

/// The key to verify with and the algorithms it fits.
/// A key and the algorithms it fits, or why the token cannot be checked with the JWKS.
type KeyChoice = std::result::Result<(DecodingKey, Vec<Algorithm>), String>;

fn verify_key(ctx: &Ctx, a: &JwtVerifyArgs, header: &Map<String, Value>) -> Result<KeyChoice> {
    if let Some(path) = &a.jwks {
        let text = crate::fsutil::read_text_bounded(path, crate::fsutil::MAX_INPUT_BYTES)?;
        let set: JwkSet = serde_json::from_str(&text).map_err(|e| {
            Error::bad_input(format!("{} is not a JWKS document: {e}", path.display()))
        })?;
        let kid = header.get("kid").and_then(Value::as_str);
        let jwk = match kid {
            Some(k) => match set.find(k) {
                Some(j) => j,
                // The token names a key this JWKS does not have: the token fails.
                None => return Ok(Err(format!("no key with kid '{k}' in {}", path.display()))),
            },
            None if set.keys.len() == 1 => &set.keys[0],
            None => {
                return Ok(Err(format!(
                    "the token has no kid and {} holds {} keys",
                    path.display(),
                    set.keys.len()
                )));
            }
        };
        let key = DecodingKey::from_jwk(jwk).map_err(|e| {
            Error::bad_input(format!(
                "unusable JWK in {}: {}",
                path.display(),
                jwt::describe_error(&e)
            ))
        })?;
        let algs = match jwk
            .common
            .key_algorithm
            .and_then(|k| Algorithm::try_from(k).ok())
        {
            Some(alg) => vec![alg],
            None => key.family().algorithms().to_vec(),
        };
        return Ok(Ok((key, algs)));
    }
    if let Some(path) = &a.key.key_file {
        let (pem, kind, private) = read_pem(path)?;
        return Ok(Ok((
            jwt::decoding_key(&pem, kind, private, &path.display().to_string())?,
            kind.algorithms(),
        )));
    }
    let (_text, secret) = read_hs_secret(&a.key)?;
    // RFC 7518 §3.2: too short a secret still verifies (old tokens), with
    // a warning, measured against the token's HS algorithm.
    let alg = match header.get("alg").and_then(Value::as_str) {
        Some("HS384") => Algorithm::HS384,
        Some("HS512") => Algorithm::HS512,
        _ => Algorithm::HS256,
    };
    let min = jwt::min_secret_len(alg);
    if secret.len() < min {
        ctx.out.warn(&format!(
            "the secret is {} bytes; {} needs at least {min} (RFC 7518 section 3.2): anyone who guesses it can mint tokens",
            secret.len(),
            alg_name(alg)
        ));
    }
    Ok(Ok((
        DecodingKey::from_secret(secret.expose()),
        jwt::hs_algs_for(secret.len()),
    )))
}

/// The claim `--aud` or `--iss` expects that the token lacks (absent or null).
fn missing_expected_claim(a: &JwtVerifyArgs, claims: &Map<String, Value>) -> Option<&'static str> {
    let absent = |name: &str| claims.get(name).is_none_or(Value::is_null);
    if a.aud.is_some() && absent("aud") {
        Some("aud")
    } else if a.iss.is_some() && absent("iss") {
        Some("iss")
    } else {
        None
    }
}

/// The signature (by jsonwebtoken), then the times and `--aud`/`--iss`:
/// why the token fails, if it does. Exp, nbf and iat are checked here, not
/// by jsonwebtoken, which calls a non-numeric exp missing and reads no iat.
fn check_signed_token(
    a: &JwtVerifyArgs,
    token: &str,
    key: &DecodingKey,
    allowed: &[Algorithm],
    unverified: &jwt::Unverified,
    leeway: time::Duration,
    at: time::OffsetDateTime,
) -> Result<Option<String>> {
    let mut v = Validation::new(allowed[0]);
    v.algorithms = allowed.to_vec();
    v.validate_nbf = false;
    v.validate_exp = false;
    let mut required: Vec<&str> = Vec::new();
    if a.aud.is_some() {
        required.push("aud");
    }
    if a.iss.is_some() {
        required.push("iss");
    }
    v.set_required_spec_claims(&required);
    match &a.aud {
        Some(aud) => v.set_audience(&[aud]),
        None => v.validate_aud = false,
    }
    if let Some(iss) = &a.iss {
        v.set_issuer(&[iss]);
    }
    let checked = jsonwebtoken::decode::<Value>(token, key, &v);
    let claims_failure = match &checked {
        Err(e)
            if matches!(
                e.kind(),
                JwtErrorKind::InvalidAudience | JwtErrorKind::InvalidIssuer
            ) =>
        {
            Some(e)
        }
        Err(e) if jwt::is_malformed(e) => {
            return Err(Error::bad_input(format!(
                "not a JWT: {}",
                jwt::describe_error(e)
            )));
        }
        Err(e) => return Ok(Some(jwt::describe_error(e))),
        Ok(_) => None,
    };
    // The signature matches: the times come before the audience and issuer.
    let now = at.unix_timestamp_nanos() as f64 / 1e9;
    let leeway = leeway.as_seconds_f64().max(0.0);
    if let Some(reason) = jwt::check_times(&unverified.claims, now, leeway, a.allow_no_exp) {
        return Ok(Some(reason));
    }
    Ok(claims_failure.map(|e| match e.kind() {
        JwtErrorKind::InvalidAudience => format!(
            "the audience is not {}",
            a.aud.as_deref().unwrap_or("accepted")
        ),
        _ => format!(
            "the issuer is not {}",
            a.iss.as_deref().unwrap_or("accepted")
        ),
    }))
}

fn verify(ctx: &Ctx, a: JwtVerifyArgs) -> Result<Outcome> {
    ctx.out
        .require("jwt verify", &[Format::Text, Format::Json])?;
    let leeway = parse_duration(&a.leeway).map_err(|m| Error::usage(format!("--leeway: {m}")))?;
    // The moment the token's times are judged at: now, or --at for an
    // operator asking "was it valid then / will it be at 9:00?".
    let at = crate::timeutil::parse_at(a.at.as_deref(), crate::timeutil::now())?;
    let token = token_input(ctx, a.token.as_ref())?;
    let unverified = jwt::decode_unverified(&token)?;
    jwt::check_compact(&token)?;
    jwt::check_header(&unverified.header)?;
    let (key, fits) = match verify_key(ctx, &a, &unverified.header)? {
        Ok(k) => k,
        Err(reason) => {
            ctx.out.report(&VerifyReport {
                valid: false,
                alg: None,
                reason: Some(reason),
                token: None,
            })?;
            return Ok(Outcome::ChecksFailed);
        }
    };
    let allowed: Vec<Algorithm> = if a.alg.is_empty() {
        fits.clone()
    } else {
        let wanted: Vec<Algorithm> = a.alg.iter().map(|x| Algorithm::from(*x)).collect();
        if let Some(bad) = wanted
            .iter()
            .find(|w| !fits.contains(w) && w.family() != key.family())
        {
            return Err(Error::usage(format!(
                "--alg {} does not fit the key given",
                alg_name(*bad)
            )));
        }
        wanted
    };
    let header_alg = unverified
        .header
        .get("alg")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    let failure = if header_alg.eq_ignore_ascii_case("none") || header_alg.is_empty() {
        Some("the token is unsigned (alg none), which keyward never accepts".to_string())
    } else if let Some(reason) = jwt::critical_extensions(&unverified.header) {
        Some(reason)
    } else if !allowed.iter().any(|x| alg_name(*x) == header_alg) {
        Some(format!(
            "algorithm {header_alg} is not accepted here (accepted: {})",
            allowed
                .iter()
                .map(|x| alg_name(*x))
                .collect::<Vec<_>>()
                .join(", ")
        ))
    } else if let Some(c) = missing_expected_claim(&a, &unverified.claims) {
        // RFC 7519 §4.1.3: a recipient that expects an audience (or an
        // issuer) rejects a token that does not name one.
        Some(format!("the token has no {c} claim, and --{c} was given"))
    } else {
        check_signed_token(&a, &token, &key, &allowed, &unverified, leeway, at)?
    };
    let now = at.unix_timestamp();
    // A valid token's exp is a number (perhaps with a fraction) or absent.
    let exp = jwt::numeric_date(&unverified.claims, "exp")
        .ok()
        .flatten()
        .map(|e| (e - now as f64).floor() as i64);
    let valid = failure.is_none();
    ctx.out.report(&VerifyReport {
        valid,
        alg: Some(&header_alg),
        token: valid.then_some(ValidToken {
            claims: &unverified.claims,
            header: &unverified.header,
            expires_in_seconds: exp,
        }),
        reason: failure,
    })?;
    Ok(Outcome::passed(valid))
}

/// `jwt verify`'s answer: valid with the token's claims, or why not.
#[derive(Serialize)]
struct VerifyReport<'a> {
    valid: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    alg: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
    #[serde(flatten)]
    token: Option<ValidToken<'a>>,
}

/// What a valid token holds.
#[derive(Serialize)]
struct ValidToken<'a> {
    claims: &'a Map<String, Value>,
    header: &'a Map<String, Value>,
    expires_in_seconds: Option<i64>,
}

impl Report for VerifyReport<'_> {
    fn render_text(&self, out: &Output) -> Result<()> {
        let Some(t) = &self.token else {
            let reason = self.reason.as_deref().unwrap_or("not valid");
            return out.line(&format!("invalid: {reason}"));
        };
        let sub = t.claims.get("sub").and_then(Value::as_str).unwrap_or("-");
        let left = t
            .expires_in_seconds
            .map(|secs| {
                format!(
                    "expires in {}",
                    human_duration(time::Duration::seconds(secs))
                )
            })
            .unwrap_or_else(|| "never expires".into());
        out.line(&format!(
            "valid: {}, sub {sub}, {left}",
            self.alg.unwrap_or("")
        ))
    }
}

/// A NumericDate (seconds, perhaps with a fraction) as a date and how far.
fn readable_time(v: &Value, now: i64) -> Option<String> {
    let t = v.as_f64()?;
    let when = jwt::datetime_of(t)?;
    let secs = (t - now as f64) as i64;
    let rel = if secs >= 0 {
        format!("in {}", human_duration(time::Duration::seconds(secs)))
    } else {
        format!(
            "{} ago",
            human_duration(time::Duration::seconds(secs.saturating_neg()))
        )
    };
    Some(format!("{} ({rel})", crate::timeutil::format_ms(when)))
}

fn inspect(ctx: &Ctx, a: JwtInspectArgs) -> Result<Outcome> {
    ctx.out
        .require("jwt inspect", &[Format::Text, Format::Json])?;
    let token = token_input(ctx, a.token.as_ref())?;
    let t = jwt::decode_unverified(&token)?;
    let now = crate::timeutil::now().unix_timestamp();
    let warnings = jwt::warnings(&t, now);
    let times: Map<String, Value> = ["iat", "nbf", "exp"]
        .iter()
        .filter_map(|k| {
            let when = jwt::datetime_of(t.claims.get(*k)?.as_f64()?)?;
            Some((k.to_string(), crate::timeutil::format_ms(when).into()))
        })
        .collect();
    ctx.out.report(&Inspected {
        verified: false,
        label: "UNVERIFIED",
        header: &t.header,
        claims: &t.claims,
        times,
        warnings,
        now,
    })?;
    Ok(Outcome::Success)
}

/// `jwt inspect`'s answer: the token decoded, never verified.
#[derive(Serialize)]
struct Inspected<'a> {
    verified: bool,
    label: &'static str,
    header: &'a Map<String, Value>,
    claims: &'a Map<String, Value>,
    times: Map<String, Value>,
    warnings: Vec<String>,
    /// The moment the times are shown relative to.
    #[serde(skip)]
    now: i64,
}

impl Report for Inspected<'_> {
    fn render_text(&self, out: &Output) -> Result<()> {
        out.line("UNVERIFIED: decoded without checking the signature")?;
        out.line(&format!("header: {}", Value::Object(self.header.clone())))?;
        let rows: Vec<Vec<String>> = self
            .claims
            .iter()
            .map(|(k, v)| {
                let shown = if ["iat", "nbf", "exp"].contains(&k.as_str()) {
                    readable_time(v, self.now).unwrap_or_else(|| v.to_string())
                } else {
                    match v {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    }
                };
                vec![k.clone(), shown]
            })
            .collect();
        out.table(&["claim (UNVERIFIED)", "value"], &rows)?;
        for w in &self.warnings {
            out.line(&format!("warning: {w}"))?;
        }
        Ok(())
    }
}
