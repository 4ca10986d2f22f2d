//! `hmac sign | verify`: request-body signatures as seed 003's servers and
//! webhook senders compute them.

use base64::Engine;
use base64::engine::general_purpose::{
    STANDARD, STANDARD_NO_PAD_INDIFFERENT, URL_SAFE_NO_PAD_INDIFFERENT,
};
use serde::Serialize;
use zeroize::Zeroizing;

use crate::cli::{HmacCommand, HmacCommon, HmacSignArgs, HmacVerifyArgs, SigEncoding};
use crate::commands::Ctx;
use crate::crypto::mac;
use crate::error::{Error, Outcome, Result};
use crate::output::{Format, Output, Report};
use crate::secret::{SecretPrompt, SecretString, read_secret, read_stdin};

/// The largest body keyward signs (as `encrypt`'s values).
const BODY_LIMIT: u64 = 64 << 20;
/// Shorter secrets get a warning: `keygen hmac-secret` makes 32 bytes.
const MIN_SECRET_BYTES: usize = 32;

const SECRET_PROMPT: SecretPrompt = SecretPrompt {
    what: "HMAC secret",
    env_flag: "--secret-env",
    file_flag: "--secret-file",
    confirm: false,
    private_file: true,
};

/// Runs an `hmac` subcommand.
pub fn run(ctx: &Ctx, cmd: HmacCommand) -> Result<Outcome> {
    ctx.out.require("hmac", &[Format::Text, Format::Json])?;
    match cmd {
        HmacCommand::Sign(a) => sign(ctx, a),
        HmacCommand::Verify(a) => verify(ctx, a),
    }
}

fn secret_and_body(ctx: &Ctx, c: &HmacCommon) -> Result<(SecretString, Zeroizing<Vec<u8>>)> {
    let secret = read_secret(
        c.secret_env.as_deref(),
        c.secret_file.as_deref(),
        &SECRET_PROMPT,
    )?;
    if secret.len() < MIN_SECRET_BYTES {
        ctx.out.warn(&format!(
            "the secret is {} bytes; a request-signing secret should have at least {MIN_SECRET_BYTES} (keyward keygen hmac-secret)",
            secret.len()
        ));
    }
    let body = match &c.input {
        Some(path) => Zeroizing::new(crate::fsutil::read_bounded(path, BODY_LIMIT)?),
        None => read_stdin(BODY_LIMIT, "the body")?,
    };
    Ok((secret, body))
}

fn encode(sig: &[u8], enc: SigEncoding) -> String {
    match enc {
        SigEncoding::Hex => hex::encode(sig),
        SigEncoding::Base64 => STANDARD.encode(sig),
    }
}

/// Decodes a signature given on the command line (a usage error when it is
/// not in the encoding).
fn decode(text: &str, algo: mac::MacAlgo, enc: SigEncoding) -> Result<Vec<u8>> {
    let t = text.trim();
    let t = t.strip_prefix(algo.header_prefix()).unwrap_or(t);
    match enc {
        SigEncoding::Hex => hex::decode(t).map_err(|_| {
            Error::usage(format!(
                "--signature is not hex ({} characters); pass --encoding base64 for a base64 signature",
                t.len()
            ))
        }),
        SigEncoding::Base64 => {
            let engine = if t.contains(['-', '_']) {
                &URL_SAFE_NO_PAD_INDIFFERENT
            } else {
                &STANDARD_NO_PAD_INDIFFERENT
            };
            engine
                .decode(t)
                .map_err(|_| Error::usage("--signature is not base64"))
        }
    }
}

fn sign(ctx: &Ctx, a: HmacSignArgs) -> Result<Outcome> {
    let c = &a.common;
    let (secret, body) = secret_and_body(ctx, c)?;
    let sig = mac::sign(c.algo, secret.expose().as_bytes(), &body);
    let text = encode(&sig, c.encoding);
    ctx.out.report(&Signed {
        algorithm: c.algo.name(),
        encoding: match c.encoding {
            SigEncoding::Hex => "hex",
            SigEncoding::Base64 => "base64",
        },
        signature: text,
        body_bytes: body.len(),
    })?;
    Ok(Outcome::Success)
}

/// `hmac sign`'s answer: the signature alone on a line, or the document.
#[derive(Serialize)]
struct Signed {
    algorithm: &'static str,
    encoding: &'static str,
    signature: String,
    body_bytes: usize,
}

impl Report for Signed {
    fn render_text(&self, out: &Output) -> Result<()> {
        out.line(&self.signature)
    }
}

/// `hmac verify`'s answer.
#[derive(Serialize)]
struct Verified {
    valid: bool,
    algorithm: &'static str,
    body_bytes: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
}

impl Report for Verified {
    fn render_text(&self, out: &Output) -> Result<()> {
        match &self.reason {
            None => out.line(&format!("valid ({})", self.algorithm)),
            Some(r) => out.line(&format!("invalid: {r}")),
        }
    }
}

fn verify(ctx: &Ctx, a: HmacVerifyArgs) -> Result<Outcome> {
    let c = &a.common;
    let given = decode(&a.signature, c.algo, c.encoding)?;
    let (secret, body) = secret_and_body(ctx, c)?;
    let reason = if given.len() != c.algo.output_len() {
        Some(format!(
            "the signature is {} bytes; {} gives {}",
            given.len(),
            c.algo.name(),
            c.algo.output_len()
        ))
    } else if mac::verify(c.algo, secret.expose().as_bytes(), &body, &given) {
        None
    } else {
        Some("the signature does not match the body and secret".to_string())
    };
    let valid = reason.is_none();
    ctx.out.report(&Verified {
        valid,
        algorithm: c.algo.name(),
        body_bytes: body.len(),
        reason,
    })?;
    Ok(Outcome::passed(valid))
}
