//! `encrypt` and `decrypt`: one value, for scripts and debugging.

use std::io::IsTerminal;
use std::path::Path;

use serde::Serialize;
use zeroize::Zeroizing;

use crate::cli::{DecryptArgs, EncryptArgs, IoArgs, KeyArgs};
use crate::commands::Ctx;
use crate::crypto::envelope::{self, EnvelopeError, EnvelopeKey};
use crate::crypto::fernet::{self, FernetError, FernetKey};
use crate::crypto::keys::{Key256, read_key};
use crate::crypto::{ValueFormat, detect};
use crate::error::{Error, Outcome, Result};
use crate::formats::derive::DeriveSpec;
use crate::formats::{Codec, FormatName, ValueKey};
use crate::fsutil::{self, Overwrite};
use crate::output::{Format, Output, Report};
use crate::rotate::foreign::{Foreign, Reader, ReaderKey};
use crate::rotate::keyset;

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
    scheme: String,
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
    let scheme = match &a.scheme {
        FormatName::Native(f) => *f,
        other => return encrypt_foreign(ctx, &a, other),
    };
    if scheme == ValueFormat::Fernet && (a.context.is_some() || a.key_id != 1) {
        return Err(Error::usage(
            "--context and --key-id apply to the envelope scheme; Fernet has neither",
        ));
    }
    let key = native_key(&a.key, &a.derive)?;
    let plaintext = read_input(&a.io, ctx)?;
    let text = match scheme {
        ValueFormat::Envelope => {
            let k = EnvelopeKey::new(&key, a.key_id);
            let ctx_bytes = a.context.as_deref().map(str::as_bytes);
            k.seal_base64(&plaintext, ctx_bytes)?
        }
        ValueFormat::Fernet => FernetKey::new(&key).encrypt(&plaintext)?,
    };
    let envelope = scheme == ValueFormat::Envelope;
    let mut report = Encrypted {
        scheme: scheme.to_string(),
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

/// The 256-bit key of `--key-env`/`--key-file`, derived from its text
/// with `--derive`.
fn native_key(k: &KeyArgs, derive: &Option<DeriveSpec>) -> Result<Key256> {
    match derive {
        None => read_key(k.key_env.as_deref(), k.key_file.as_deref()),
        Some(d) => {
            let given = keyset::given_key(k.key_env.as_deref(), k.key_file.as_deref())?;
            let codec = Codec::Native(ValueFormat::Envelope);
            match keyset::value_key(&given, &codec, &d.clone().resolve()?, "--derive")? {
                ValueKey::Key(k) => Ok(k),
                ValueKey::Spec(_) => Err(Error::internal("a 256-bit format took a spec key")),
            }
        }
    }
}

/// The key of a service's format, from `--key-env`/`--key-file` and
/// `--derive`.
fn format_key(k: &KeyArgs, derive: &Option<DeriveSpec>, codec: &Codec) -> Result<ValueKey> {
    let given = keyset::given_key(k.key_env.as_deref(), k.key_file.as_deref())?;
    let derive = match derive {
        Some(d) => d.clone().resolve()?,
        None => DeriveSpec::None,
    };
    keyset::value_key(&given, codec, &derive, "--derive")
}

/// `encrypt --scheme` in a service's format.
fn encrypt_foreign(ctx: &Ctx, a: &EncryptArgs, name: &FormatName) -> Result<Outcome> {
    if a.context.is_some() || a.key_id != 1 {
        return Err(Error::usage(format!(
            "--context and --key-id apply to the envelope scheme, not {name}"
        )));
    }
    let codec = name.load()?;
    let key = format_key(&a.key, &a.derive, &codec)?;
    let plaintext = read_input(&a.io, ctx)?;
    let target = Reader::new(codec, name.to_string(), vec![ReaderKey::new(key, None)]);
    let (bytes, text) = Foreign::new(Some(target), Vec::new())
        .seal(&plaintext, None)
        .map_err(|e| Error::bad_input(format!("{name}: {e}")))?;
    let mut report = Encrypted {
        scheme: name.to_string(),
        key_id: None,
        context: None,
        plaintext_bytes: plaintext.len(),
        ciphertext: None,
        written_to: None,
    };
    match (&a.io.out, text) {
        (Some(path), _) => {
            let mut out = bytes;
            if text {
                out.push(b'\n');
            }
            write_output(ctx, &a.io, &out)?;
            report.written_to = Some(path.display().to_string());
        }
        (None, true) => {
            report.ciphertext =
                Some(String::from_utf8(bytes).map_err(|_| {
                    Error::internal("a text format wrote bytes that are not UTF-8")
                })?);
        }
        (None, false) => {
            return Err(Error::usage(format!(
                "{name} writes raw bytes (encoding = \"raw\"): give --out FILE"
            )));
        }
    }
    ctx.out.report(&report)?;
    Ok(Outcome::Success)
}

/// `decrypt --scheme` in a service's format.
fn decrypt_foreign(ctx: &Ctx, a: &DecryptArgs, name: &FormatName) -> Result<Outcome> {
    if a.context.is_some() || a.key_id.is_some() || a.ttl.is_some() {
        return Err(Error::usage(format!(
            "--context, --key-id and --ttl apply to envelopes and Fernet tokens, not {name}"
        )));
    }
    let source = input_name(&a.io);
    let codec = name.load()?;
    let key = format_key(&a.key, &a.derive, &codec)?;
    let input = read_input(&a.io, ctx)?;
    // A text format's value ends at its line; raw bytes are taken whole.
    let raw = matches!(&codec, Codec::Spec(s) if s.encoding == crate::formats::spec::Encoding::Raw);
    let mut value: &[u8] = &input;
    if !raw {
        while let [rest @ .., b'\n' | b'\r'] = value {
            value = rest;
        }
    }
    let plaintext = codec
        .open(&key, value, &crate::formats::tiger::KeyCache::default())
        .map_err(|why| Error::bad_input(format!("{name}: {why} ({source})")))?;
    finish_decrypt(ctx, &a.io, name.to_string(), None, None, &plaintext)
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
    scheme: String,
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
    if let Some(name) = a
        .scheme
        .as_ref()
        .filter(|f| !matches!(f, FormatName::Native(_)))
    {
        return decrypt_foreign(ctx, &a, name);
    }
    let source = input_name(&a.io);
    let input = read_input(&a.io, ctx)?;
    let text = std::str::from_utf8(&input).map_err(|_| {
        Error::bad_input(format!(
            "the input is not text, so neither a base64 envelope nor a Fernet token ({source})"
        ))
    })?;
    let (scheme, data) = detect(text).map_err(|m| Error::bad_input(format!("{m} ({source})")))?;
    if let Some(want) = a.scheme.as_ref().and_then(|f| match f {
        FormatName::Native(f) => Some(*f),
        _ => None,
    }) && want != scheme
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
    let key = native_key(&a.key, &a.derive)?;
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
    finish_decrypt(
        ctx,
        &a.io,
        scheme.to_string(),
        key_id,
        issued_at,
        &plaintext,
    )
}

/// Writes a decrypted value (to `--out`, or stdout) and its report.
fn finish_decrypt(
    ctx: &Ctx,
    io: &IoArgs,
    scheme: String,
    key_id: Option<u32>,
    issued_at: Option<String>,
    plaintext: &[u8],
) -> Result<Outcome> {
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
    match &io.out {
        Some(path) => {
            write_output(ctx, io, plaintext)?;
            report.written_to = Some(path.display().to_string());
        }
        None => {
            report.raw = Some(plaintext);
            match std::str::from_utf8(plaintext) {
                Ok(s) => report.plaintext = Some(s),
                Err(_) => report.plaintext_base64 = Some(Base64(plaintext)),
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
