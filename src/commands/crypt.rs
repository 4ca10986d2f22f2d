//! `encrypt` and `decrypt`: one value, for scripts and debugging.

use std::io::IsTerminal;
use std::path::Path;

use serde::Serialize;
use zeroize::Zeroizing;

use crate::cli::{DecryptArgs, EncryptArgs, IoArgs};
use crate::commands::Ctx;
use crate::crypto::envelope::{self, EnvelopeError, EnvelopeKey};
use crate::crypto::fernet::{self, FernetError, FernetKey};
use crate::crypto::keys::read_key;
use crate::crypto::{ValueFormat, detect};
use crate::error::{Error, Outcome, Result};
use crate::fsutil::{self, Overwrite};
use crate::output::{Format, Output, Report};

/// The largest value keyward reads for one encrypt or decrypt: 64 MiB.
pub const MAX_VALUE_BYTES: u64 = 64 << 20;

fn read_input(io: &IoArgs, ctx: &Ctx) -> Result<Zeroizing<Vec<u8>>> {
    let buf = match &io.input {
        Some(path) => Zeroizing::new(crate::fsutil::read_bounded(path, MAX_VALUE_BYTES + 1)?),
        None => {
            if std::io::stdin().is_terminal() {
                ctx.out
                    .note("reading the value from the terminal; end it with Ctrl-D");
            }
            crate::secret::read_stdin(MAX_VALUE_BYTES + 1, "the value")?
        }
    };
    if buf.len() as u64 > MAX_VALUE_BYTES {
        return Err(Error::bad_input(format!(
            "the value is larger than {} MiB; encrypt and decrypt handle one value, not files",
            MAX_VALUE_BYTES >> 20
        )));
    }
    Ok(buf)
}

fn write_output(ctx: &Ctx, io: &IoArgs, bytes: &[u8]) -> Result<()> {
    match &io.out {
        Some(path) => {
            let overwrite = if io.force {
                Overwrite::Replace
            } else {
                Overwrite::Refuse
            };
            fsutil::write_atomic(path, bytes, 0o600, overwrite)?;
            ctx.out.note(&format!(
                "wrote {} bytes to {} (mode 0600)",
                bytes.len(),
                path.display()
            ));
            Ok(())
        }
        None => ctx.out.raw(bytes),
    }
}

fn input_name(io: &IoArgs) -> String {
    io.input
        .as_deref()
        .map(Path::display)
        .map(|d| d.to_string())
        .unwrap_or_else(|| "stdin".into())
}

/// What `encrypt` produced: the ciphertext (printed in text), or where
/// it was written.
#[derive(Serialize)]
struct Encrypted {
    scheme: ValueFormat,
    /// Envelope only.
    #[serde(skip_serializing_if = "Option::is_none")]
    key_id: Option<u32>,
    /// Envelope only (null when none was bound).
    #[serde(skip_serializing_if = "Option::is_none")]
    context: Option<Option<String>>,
    plaintext_bytes: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    ciphertext: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    written_to: Option<String>,
}

impl Report for Encrypted {
    fn render_text(&self, out: &Output) -> Result<()> {
        match &self.ciphertext {
            Some(text) => out.raw(format!("{text}\n").as_bytes()),
            None => Ok(()),
        }
    }
}

/// `keyward encrypt`.
pub fn encrypt(ctx: &Ctx, a: EncryptArgs) -> Result<Outcome> {
    ctx.out.require("encrypt", &[Format::Text, Format::Json])?;
    if a.scheme == ValueFormat::Fernet && (a.context.is_some() || a.key_id != 1) {
        return Err(Error::usage(
            "--context and --key-id apply to the envelope scheme; Fernet has neither",
        ));
    }
    let key = read_key(a.key.key_env.as_deref(), a.key.key_file.as_deref())?;
    let plaintext = read_input(&a.io, ctx)?;
    let text = match a.scheme {
        ValueFormat::Envelope => {
            let k = EnvelopeKey::new(&key, a.key_id);
            let ctx_bytes = a.context.as_deref().map(str::as_bytes);
            k.seal_base64(&plaintext, ctx_bytes)?
        }
        ValueFormat::Fernet => FernetKey::new(&key).encrypt(&plaintext)?,
    };
    let envelope = a.scheme == ValueFormat::Envelope;
    let mut report = Encrypted {
        scheme: a.scheme,
        key_id: envelope.then_some(a.key_id),
        context: envelope.then(|| a.context.clone()),
        plaintext_bytes: plaintext.len(),
        ciphertext: None,
        written_to: None,
    };
    match &a.io.out {
        Some(path) => {
            write_output(ctx, &a.io, format!("{text}\n").as_bytes())?;
            report.written_to = Some(path.display().to_string());
        }
        None => report.ciphertext = Some(text),
    }
    ctx.out.report(&report)?;
    Ok(Outcome::Success)
}

fn envelope_error(e: EnvelopeError, source: &str) -> Error {
    let err = Error::bad_input(format!("{e} ({source})"));
    match e {
        EnvelopeError::AuthFailed => {
            err.with_hint("check the key, and --context if the value was sealed with one")
        }
        _ => err,
    }
}

fn fernet_error(e: FernetError, source: &str) -> Error {
    let err = Error::bad_input(format!("{e} ({source})"));
    match e {
        FernetError::AuthFailed => {
            err.with_hint("check the key: a Fernet key is 32 bytes of URL-safe base64")
        }
        _ => err,
    }
}

/// What `decrypt` recovered: the plaintext (raw bytes in text; UTF-8 or
/// base64 in JSON), or where it was written.
#[derive(Serialize)]
struct Decrypted<'a> {
    scheme: ValueFormat,
    /// Envelope only.
    #[serde(skip_serializing_if = "Option::is_none")]
    key_id: Option<u32>,
    /// Fernet only.
    #[serde(skip_serializing_if = "Option::is_none")]
    issued_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    plaintext: Option<&'a str>,
    /// Encoded as it is serialized: no unzeroized copy of the plaintext.
    #[serde(skip_serializing_if = "Option::is_none")]
    plaintext_base64: Option<Base64<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    written_to: Option<String>,
    plaintext_bytes: usize,
    /// The plaintext for stdout (None when written to a file).
    #[serde(skip)]
    raw: Option<&'a [u8]>,
}

/// Bytes serialized as standard base64, written straight into the output.
struct Base64<'a>(&'a [u8]);

impl Serialize for Base64<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(&base64::display::Base64Display::new(
            self.0,
            &base64::engine::general_purpose::STANDARD,
        ))
    }
}

impl Report for Decrypted<'_> {
    fn render_text(&self, out: &Output) -> Result<()> {
        match self.raw {
            Some(bytes) => out.raw(bytes),
            None => Ok(()),
        }
    }
}

/// `keyward decrypt`.
pub fn decrypt(ctx: &Ctx, a: DecryptArgs) -> Result<Outcome> {
    ctx.out.require("decrypt", &[Format::Text, Format::Json])?;
    let source = input_name(&a.io);
    let input = read_input(&a.io, ctx)?;
    let text = std::str::from_utf8(&input).map_err(|_| {
        Error::bad_input(format!(
            "the input is not text, so neither a base64 envelope nor a Fernet token ({source})"
        ))
    })?;
    let (scheme, data) = detect(text).map_err(|m| Error::bad_input(format!("{m} ({source})")))?;
    if let Some(want) = a.scheme
        && want != scheme
    {
        return Err(Error::bad_input(format!(
            "expected a {} but the input is a {} ({source})",
            want.noun(),
            scheme.noun()
        )));
    }
    if scheme == ValueFormat::Fernet && (a.context.is_some() || a.key_id.is_some()) {
        return Err(Error::usage(
            "--context and --key-id apply to envelopes; the input is a Fernet token",
        ));
    }
    if scheme == ValueFormat::Envelope && a.ttl.is_some() {
        return Err(Error::usage(
            "--ttl applies to Fernet tokens; the input is a keyward envelope",
        ));
    }
    let key = read_key(a.key.key_env.as_deref(), a.key.key_file.as_deref())?;
    let (mut key_id, mut issued_at) = (None, None);
    let plaintext = match scheme {
        ValueFormat::Envelope => {
            let header = envelope::parse_header(&data).map_err(|e| envelope_error(e, &source))?;
            if let Some(want) = a.key_id
                && want != header.key_id
            {
                return Err(Error::bad_input(format!(
                    "the envelope was sealed under key id {}, not {want} ({source})",
                    header.key_id
                )));
            }
            key_id = Some(header.key_id);
            EnvelopeKey::new(&key, header.key_id)
                .open(&data, a.context.as_deref().map(str::as_bytes))
                .map_err(|e| envelope_error(e, &source))?
        }
        ValueFormat::Fernet => {
            let ttl = a.ttl.map(|t| (t, fernet::unix_now()));
            let pt = FernetKey::new(&key)
                .decrypt_raw(&data, ttl)
                .map_err(|e| fernet_error(e, &source))?;
            let ts = u64::from_be_bytes(data[1..9].try_into().expect("checked by decrypt"));
            issued_at = Some(rfc3339(ts));
            pt
        }
    };
    let mut report = Decrypted {
        scheme,
        key_id,
        issued_at,
        plaintext: None,
        plaintext_base64: None,
        written_to: None,
        plaintext_bytes: plaintext.len(),
        raw: None,
    };
    match &a.io.out {
        Some(path) => {
            write_output(ctx, &a.io, &plaintext)?;
            report.written_to = Some(path.display().to_string());
        }
        None => {
            report.raw = Some(&plaintext);
            match std::str::from_utf8(&plaintext) {
                Ok(s) => report.plaintext = Some(s),
                Err(_) => report.plaintext_base64 = Some(Base64(&plaintext)),
            }
        }
    }
    ctx.out.report(&report)?;
    Ok(Outcome::Success)
}

/// A Fernet timestamp as RFC 3339; one past year 9999 (a forged or
/// damaged token: the field is 64 bits) as the number with a note.
fn rfc3339(unix: u64) -> String {
    i64::try_from(unix)
        .ok()
        .and_then(|t| time::OffsetDateTime::from_unix_timestamp(t).ok())
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_else(|| format!("{unix} (Unix seconds, past year 9999)"))
}
