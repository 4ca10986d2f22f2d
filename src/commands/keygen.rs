//! `keygen master | jwt-secret | password | salt | keypair | hmac-secret`.

use std::path::PathBuf;

use serde::Serialize;
use serde_json::Map;

use crate::cli::{
    HmacSecretArgs, JwtSecretArgs, KeygenCommand, KeypairArgs, MasterArgs, PasswordArgs, SaltArgs,
    SinkArgs,
};
use crate::commands::Ctx;
use crate::commands::sink::{Generated, deliver};
use crate::crypto::keys::Encoding;
use crate::crypto::password::Alphabet;
use crate::crypto::random;
use crate::error::{Error, Outcome, Result};
use crate::keypair::KeyKdf;
use crate::output::{Format, Output, Report};
use crate::secret::SecretString;

/// RFC 7518 §3.2: an HS256 key must be at least 256 bits.
pub const MIN_JWT_SECRET_BYTES: u32 = 32;
/// The shortest HMAC request-signing secret keyward generates (the
/// SHA-256 output size, RFC 2104's advice for the key length).
pub const MIN_HMAC_SECRET_BYTES: u32 = 32;
/// RFC 8018: a salt of at least 64 bits.
pub const MIN_SALT_BYTES: u32 = 8;

/// Runs a `keygen` subcommand.
pub fn run(ctx: &Ctx, cmd: KeygenCommand) -> Result<Outcome> {
    ctx.out.require("keygen", &[Format::Text, Format::Json])?;
    match cmd {
        KeygenCommand::Master(a) => master(ctx, a),
        KeygenCommand::JwtSecret(a) => jwt_secret(ctx, a),
        KeygenCommand::Password(a) => password(ctx, a),
        KeygenCommand::Salt(a) => salt(ctx, a),
        KeygenCommand::Keypair(a) => keypair(ctx, a),
        KeygenCommand::HmacSecret(a) => hmac_secret(ctx, a),
    }?;
    Ok(Outcome::Success)
}

fn random_values(count: u32, bytes: u32, encoding: Encoding) -> Result<Vec<SecretString>> {
    (0..count)
        .map(|_| random::bytes(bytes as usize).map(|b| encoding.encode(b.expose())))
        .collect()
}

/// What one random secret of `keygen` is (every kind but password and keypair).
struct RandomKind {
    kind: &'static str,
    noun: &'static str,
}

/// Generates `count` secrets of `bytes` random bytes in `encoding` and
/// delivers them; `extra` adds fields to the JSON report from the values.
fn random_secret(
    ctx: &Ctx,
    sink: &SinkArgs,
    what: RandomKind,
    (count, bytes, encoding): (u32, u32, Encoding),
    extra: impl FnOnce(&[SecretString]) -> Map<String, serde_json::Value>,
) -> Result<()> {
    let values = random_values(count, bytes, encoding)?;
    let extra = extra(&values);
    deliver(
        ctx,
        sink,
        Generated {
            kind: what.kind,
            encoding: encoding.name(),
            bits: bytes * 8,
            noun: what.noun,
            values,
            extra,
        },
    )
}

/// An HS or HMAC secret is used as the bytes of its text, so the text
/// length is what counts.
fn text_bytes(values: &[SecretString]) -> usize {
    values.first().map(|v| v.len()).unwrap_or(0)
}

fn master(ctx: &Ctx, a: MasterArgs) -> Result<()> {
    if a.encoding == Encoding::Fernet && a.bytes != 32 {
        return Err(Error::usage(format!(
            "a Fernet key is always 32 bytes; --bytes {} does not fit --encoding fernet",
            a.bytes
        )));
    }
    if a.bytes < 32 {
        ctx.out.warn(&format!(
            "a {}-bit key is weaker than AES-256's 256 bits; services such as seed 002's expect 32 bytes",
            a.bytes * 8
        ));
    }
    let what = RandomKind {
        kind: "master",
        noun: "key",
    };
    random_secret(
        ctx,
        &a.sink,
        what,
        (a.count.count, a.bytes, a.encoding),
        |_| Map::new(),
    )
}

fn jwt_secret(ctx: &Ctx, a: JwtSecretArgs) -> Result<()> {
    if a.bytes < MIN_JWT_SECRET_BYTES {
        return Err(Error::usage(format!(
            "--bytes {} is too short for a JWT secret: HS256 needs at least 32 bytes (RFC 7518 section 3.2)",
            a.bytes
        )));
    }
    let what = RandomKind {
        kind: "jwt-secret",
        noun: "JWT secret",
    };
    let shape = (a.count.count, a.bytes, Encoding::from(a.encoding));
    random_secret(ctx, &a.sink, what, shape, |values| {
        let text_len = text_bytes(values);
        let strongest = if text_len >= 64 {
            "HS512"
        } else if text_len >= 48 {
            "HS384"
        } else {
            "HS256"
        };
        let mut extra = Map::new();
        extra.insert("text_bytes".into(), text_len.into());
        extra.insert("strongest_alg".into(), strongest.into());
        extra
    })
}

/// Refuses `--bytes` below `min` for a salt or an HMAC secret.
fn checked_bytes(bytes: u32, min: u32, why: &str) -> Result<()> {
    if bytes < min {
        return Err(Error::usage(format!(
            "--bytes {bytes} is too short for {why}"
        )));
    }
    Ok(())
}

fn salt(ctx: &Ctx, a: SaltArgs) -> Result<()> {
    checked_bytes(
        a.bytes,
        MIN_SALT_BYTES,
        "a salt: RFC 8018 asks for at least 8 bytes (16 is usual)",
    )?;
    let Some(encoding) = a.encoding.text() else {
        return raw_salt(ctx, &a);
    };
    let what = RandomKind {
        kind: "salt",
        noun: "salt",
    };
    let shape = (a.count.count, a.bytes, encoding);
    random_secret(ctx, &a.sink, what, shape, |_| Map::new())
}

/// `keygen salt --encoding raw`'s report when the bytes went to a file:
/// the shape of every `keygen` secret written to a file (its fingerprint,
/// never the salt).
#[derive(Serialize)]
struct RawSaltWritten<'a> {
    kind: &'static str,
    encoding: &'static str,
    bits: u32,
    count: usize,
    secrets: [RawSaltFingerprint<'a>; 1],
    destination: RawSaltFile,
}

#[derive(Serialize)]
struct RawSaltFingerprint<'a> {
    fingerprint: &'a str,
}

#[derive(Serialize)]
struct RawSaltFile {
    #[serde(rename = "type")]
    kind: &'static str,
    path: String,
}

impl Report for RawSaltWritten<'_> {
    /// Nothing on stdout: the note on stderr says what was written where.
    fn render_text(&self, _out: &Output) -> Result<()> {
        Ok(())
    }
}

/// The audit entry of a raw salt written to a file (as for text secrets).
#[derive(Serialize)]
struct RawSaltAudit<'a> {
    kind: &'static str,
    encoding: &'static str,
    bits: u32,
    count: usize,
    fingerprints: [&'a str; 1],
}

/// `keygen salt --encoding raw`: one salt's bytes, as a service keeps them
/// (seed 000 keeps 32 random bytes in a file). To `--out FILE` (mode 0600,
/// atomic, never replacing a file without `--force`, audited, as every
/// secret `keygen` writes) or to a pipe; never to a terminal (bytes there
/// are noise, and may be control sequences), a dotenv file or a JSON
/// document, which hold text.
fn raw_salt(ctx: &Ctx, a: &SaltArgs) -> Result<()> {
    use std::io::IsTerminal;

    use crate::fsutil::{all_or_nothing, canonical_display};

    if a.sink.env_file.is_some() {
        return Err(
            Error::usage("--encoding raw writes bytes, which a dotenv file cannot hold").with_hint(
                "use --encoding hex or base64 with --env-file, or --out FILE for the bytes",
            ),
        );
    }
    if a.count.count != 1 {
        return Err(Error::usage(format!(
            "--encoding raw writes one salt, not --count {}",
            a.count.count
        ))
        .with_hint("write each salt to its own file, or use a text encoding for one per line"));
    }
    let Some(path) = &a.sink.out else {
        if ctx.out.format() != Format::Text {
            return Err(Error::usage(format!(
                "--format {} cannot carry raw salt bytes on stdout",
                ctx.out.format().name()
            ))
            .with_hint("write them with --out FILE (the JSON then describes the file)"));
        }
        if std::io::stdout().is_terminal() {
            return Err(
                Error::usage("refusing to write raw salt bytes to a terminal").with_hint(
                    "write them to a file with --out FILE, or pipe them to where they go",
                ),
            );
        }
        return ctx.out.raw(random::bytes(a.bytes as usize)?.expose());
    };
    let bits = a.bytes * 8;
    let (mut store, auditor) = ctx.audited()?;
    let salt = random::bytes(a.bytes as usize)?;
    let fingerprint = crate::crypto::fingerprint(salt.expose());
    all_or_nothing(|w| {
        w.write(path, salt.expose(), 0o600, a.sink.force)?;
        let details = crate::commands::sink::audit_details(&RawSaltAudit {
            kind: "salt",
            encoding: "raw",
            bits,
            count: 1,
            fingerprints: [&fingerprint],
        })?;
        let entry = crate::audit::Entry::new("key.generate", "file", canonical_display(path))
            .details(details);
        store.write(|tx| auditor.append(tx, &entry))
    })?;
    ctx.out.note(&format!(
        "wrote {bits}-bit raw salt ({} bytes) to {} (mode 0600), {fingerprint}",
        a.bytes,
        path.display()
    ));
    ctx.out.report(&RawSaltWritten {
        kind: "salt",
        encoding: "raw",
        bits,
        count: 1,
        secrets: [RawSaltFingerprint {
            fingerprint: &fingerprint,
        }],
        destination: RawSaltFile {
            kind: "file",
            path: path.display().to_string(),
        },
    })
}

fn hmac_secret(ctx: &Ctx, a: HmacSecretArgs) -> Result<()> {
    checked_bytes(
        a.bytes,
        MIN_HMAC_SECRET_BYTES,
        &format!(
            "a request-signing secret: keyward makes at least {MIN_HMAC_SECRET_BYTES} bytes (HMAC-SHA256's output size)"
        ),
    )?;
    let what = RandomKind {
        kind: "hmac-secret",
        noun: "HMAC secret",
    };
    let shape = (a.count.count, a.bytes, Encoding::from(a.encoding));
    random_secret(ctx, &a.sink, what, shape, |values| {
        let mut extra = Map::new();
        extra.insert("text_bytes".into(), text_bytes(values).into());
        extra
    })
}

/// `keygen keypair`'s report: the files written and the key's fingerprint.
#[derive(Serialize)]
struct KeypairReport {
    kind: &'static str,
    #[serde(rename = "type")]
    key_type: &'static str,
    bits: u32,
    fingerprint: String,
    encrypted: bool,
    kdf: Option<KeyKdf>,
    format: &'static str,
    files: KeypairFiles,
    public_key_pem: Option<String>,
}

#[derive(Serialize)]
struct KeypairFiles {
    private: PathBuf,
    public: PathBuf,
}

impl Report for KeypairReport {
    fn render_text(&self, out: &Output) -> Result<()> {
        let enc = match self.kdf {
            Some(kdf) => format!(", encrypted with a passphrase ({kdf:?})").to_lowercase(),
            None => String::new(),
        };
        out.note(&format!(
            "wrote {} {}-bit private key to {} (PKCS#8 {}, mode 0600{enc}) and public key to {}, {}",
            self.key_type,
            self.bits,
            self.files.private.display(),
            self.format.to_uppercase(),
            self.files.public.display(),
            self.fingerprint,
        ));
        Ok(())
    }
}

/// The audit entry's details for a key pair written to files.
#[derive(Serialize)]
struct KeypairAudit<'a> {
    kind: &'static str,
    #[serde(rename = "type")]
    key_type: &'static str,
    bits: u32,
    public_key: String,
    fingerprint: &'a str,
    encrypted: bool,
}

fn keypair(ctx: &Ctx, a: KeypairArgs) -> Result<()> {
    use crate::fsutil::{
        FileOut, all_or_nothing, canonical_display, check_destinations, stage_all,
    };
    use crate::keypair::Keypair;
    use crate::secret::{SecretPrompt, read_secret};

    let pub_out = a.pub_out.clone().unwrap_or_else(|| {
        let mut p = a.out.clone().into_os_string();
        p.push(".pub");
        PathBuf::from(p)
    });
    // Every destination is checked, and the passphrase read, before the
    // (possibly slow) generation and before anything is written.
    check_destinations(&[a.out.as_path(), pub_out.as_path()], a.force)?;
    let encrypt = a.passphrase_env.is_some() || a.passphrase_file.is_some() || a.passphrase_prompt;
    if a.kdf.is_some() && !encrypt {
        return Err(Error::usage(
            "--kdf only applies to an encrypted key: add --passphrase-env, --passphrase-file or --passphrase-prompt",
        ));
    }
    let kdf = a.kdf.unwrap_or(KeyKdf::Scrypt);
    let passphrase = if encrypt {
        Some(read_secret(
            a.passphrase_env.as_deref(),
            a.passphrase_file.as_deref(),
            &SecretPrompt {
                what: "passphrase",
                env_flag: "--passphrase-env",
                file_flag: "--passphrase-file",
                confirm: true,
                private_file: true,
            },
        )?)
    } else {
        None
    };
    // The store opens on a second thread while the key is generated and its
    // files are staged (written and fsynced under temporary names, both at
    // once); they move into place only once the store is open, so a store
    // that cannot be opened leaves every destination untouched. Then both
    // files and the audit entry are one all-or-nothing step: a failure on
    // the public key removes the private key written just before (or puts
    // back the one `--force` replaced).
    let (public, fingerprint, staged, (mut store, auditor)) =
        std::thread::scope(|s| -> Result<_> {
            let opening = s.spawn(|| ctx.audited());
            let kp = Keypair::generate(a.key_type)?;
            let private = kp.private_bytes(
                a.der,
                passphrase.as_ref().map(|p| (p.expose().as_bytes(), kdf)),
            )?;
            let public = kp.public_bytes(a.der)?;
            let staged = stage_all(&[
                FileOut {
                    path: &a.out,
                    bytes: &private,
                    mode: 0o600,
                },
                FileOut {
                    path: &pub_out,
                    bytes: &public,
                    mode: 0o644,
                },
            ])?;
            let opened = opening
                .join()
                .map_err(|_| Error::internal("opening the store panicked"))??;
            Ok((public, kp.fingerprint(), staged, opened))
        })?;
    all_or_nothing(|w| {
        w.place_all(staged, a.force)?;
        let details = KeypairAudit {
            kind: "keypair",
            key_type: a.key_type.name(),
            bits: a.key_type.bits(),
            public_key: canonical_display(&pub_out),
            fingerprint: &fingerprint,
            encrypted: encrypt,
        };
        let entry = crate::audit::Entry::new("key.generate", "file", canonical_display(&a.out))
            .details(crate::commands::sink::audit_details(&details)?);
        store.write(|tx| auditor.append(tx, &entry))
    })?;
    drop(passphrase);
    ctx.out.report(&KeypairReport {
        kind: "keypair",
        key_type: a.key_type.name(),
        bits: a.key_type.bits(),
        fingerprint,
        encrypted: encrypt,
        kdf: encrypt.then_some(kdf),
        format: if a.der { "der" } else { "pem" },
        files: KeypairFiles {
            private: a.out.clone(),
            public: pub_out,
        },
        public_key_pem: (!a.der).then(|| String::from_utf8_lossy(&public).into_owned()),
    })
}

fn password(ctx: &Ctx, a: PasswordArgs) -> Result<()> {
    let alphabet = Alphabet::new(&a.classes, a.no_ambiguous);
    alphabet.check_length(a.length)?;
    let values = (0..a.count.count)
        .map(|_| alphabet.generate(a.length as usize))
        .collect::<Result<Vec<_>>>()?;
    let mut extra = Map::new();
    extra.insert("length".into(), a.length.into());
    extra.insert("alphabet_size".into(), alphabet.size().into());
    deliver(
        ctx,
        &a.sink,
        Generated {
            kind: "password",
            encoding: "text",
            bits: alphabet.bits(a.length),
            noun: "password",
            values,
            extra,
        },
    )
}
