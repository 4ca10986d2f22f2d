//! `encrypt` and `decrypt`: one value, for scripts and debugging.

use std::io::IsTerminal;
use std::path::Path;

use base64::Engine;
use serde_json::{Map, Value};
use zeroize::Zeroizing;

use crate::cli::{DecryptArgs, EncryptArgs, IoArgs, Scheme as SchemeArg};
use crate::commands::Ctx;
use crate::crypto::envelope::{self, EnvelopeError, EnvelopeKey};
use crate::crypto::fernet::{self, FernetError, FernetKey};
use crate::crypto::keys::read_key;
use crate::crypto::{Scheme, detect};
use crate::error::{Error, Outcome, Result};
use crate::fsutil::{self, Overwrite};
use crate::output::Format;

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

/// `keyward encrypt`.
pub fn encrypt(ctx: &Ctx, a: EncryptArgs) -> Result<Outcome> {
    ctx.out.require("encrypt", &[Format::Text, Format::Json])?;
    if a.scheme == SchemeArg::Fernet && (a.context.is_some() || a.key_id != 1) {
        return Err(Error::usage(
            "--context and --key-id apply to the envelope scheme; Fernet has neither",
        ));
    }
    let key = read_key(a.key.key_env.as_deref(), a.key.key_file.as_deref())?;
    let plaintext = read_input(&a.io, ctx)?;
    let (scheme, text) = match a.scheme {
        SchemeArg::Envelope => {
            let k = EnvelopeKey::new(&key, a.key_id);
            let ctx_bytes = a.context.as_deref().map(str::as_bytes);
            (Scheme::Envelope, k.seal_base64(&plaintext, ctx_bytes)?)
        }
        SchemeArg::Fernet => (Scheme::Fernet, FernetKey::new(&key).encrypt(&plaintext)?),
    };
    match ctx.out.format() {
        Format::Json => {
            let mut doc = Map::new();
            doc.insert(
                "scheme".into(),
                serde_json::to_value(scheme).unwrap_or(Value::Null),
            );
            if scheme == Scheme::Envelope {
                doc.insert("key_id".into(), a.key_id.into());
                doc.insert("context".into(), a.context.clone().into());
            }
            doc.insert("plaintext_bytes".into(), plaintext.len().into());
            if a.io.out.is_none() {
                doc.insert("ciphertext".into(), text.clone().into());
            } else {
                write_output(ctx, &a.io, format!("{text}\n").as_bytes())?;
                doc.insert(
                    "written_to".into(),
                    a.io.out.as_ref().map(|p| p.display().to_string()).into(),
                );
            }
            ctx.out.json(&Value::Object(doc))?;
        }
        _ => write_output(ctx, &a.io, format!("{text}\n").as_bytes())?,
    }
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
    if let Some(expected) = a.scheme {
        let want = match expected {
            SchemeArg::Envelope => Scheme::Envelope,
            SchemeArg::Fernet => Scheme::Fernet,
        };
        if want != scheme {
            return Err(Error::bad_input(format!(
                "expected a {} but the input is a {} ({source})",
                scheme_name(want),
                scheme_name(scheme)
            )));
        }
    }
    if scheme == Scheme::Fernet && (a.context.is_some() || a.key_id.is_some()) {
        return Err(Error::usage(
            "--context and --key-id apply to envelopes; the input is a Fernet token",
        ));
    }
    if scheme == Scheme::Envelope && a.ttl.is_some() {
        return Err(Error::usage(
            "--ttl applies to Fernet tokens; the input is a keyward envelope",
        ));
    }
    let key = read_key(a.key.key_env.as_deref(), a.key.key_file.as_deref())?;
    let mut doc = Map::new();
    doc.insert(
        "scheme".into(),
        serde_json::to_value(scheme).unwrap_or(Value::Null),
    );
    let plaintext = match scheme {
        Scheme::Envelope => {
            let header = envelope::parse_header(&data).map_err(|e| envelope_error(e, &source))?;
            if let Some(want) = a.key_id
                && want != header.key_id
            {
                return Err(Error::bad_input(format!(
                    "the envelope was sealed under key id {}, not {want} ({source})",
                    header.key_id
                )));
            }
            doc.insert("key_id".into(), header.key_id.into());
            EnvelopeKey::new(&key, header.key_id)
                .open(&data, a.context.as_deref().map(str::as_bytes))
                .map_err(|e| envelope_error(e, &source))?
        }
        Scheme::Fernet => {
            let ttl = a.ttl.map(|t| (t, fernet::unix_now()));
            let pt = FernetKey::new(&key)
                .decrypt_raw(&data, ttl)
                .map_err(|e| fernet_error(e, &source))?;
            let ts = u64::from_be_bytes(data[1..9].try_into().expect("checked by decrypt"));
            doc.insert("issued_at".into(), rfc3339(ts).into());
            pt
        }
    };
    match ctx.out.format() {
        Format::Json => {
            match std::str::from_utf8(&plaintext) {
                Ok(s) => doc.insert("plaintext".into(), s.into()),
                Err(_) => doc.insert(
                    "plaintext_base64".into(),
                    base64::engine::general_purpose::STANDARD
                        .encode(&*plaintext)
                        .into(),
                ),
            };
            if let Some(path) = &a.io.out {
                write_output(ctx, &a.io, &plaintext)?;
                doc.remove("plaintext");
                doc.remove("plaintext_base64");
                doc.insert("written_to".into(), path.display().to_string().into());
            }
            doc.insert("plaintext_bytes".into(), plaintext.len().into());
            ctx.out.json(&Value::Object(doc))?;
        }
        _ => write_output(ctx, &a.io, &plaintext)?,
    }
    Ok(Outcome::Success)
}

fn scheme_name(s: Scheme) -> &'static str {
    match s {
        Scheme::Envelope => "keyward envelope",
        Scheme::Fernet => "Fernet token",
    }
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
