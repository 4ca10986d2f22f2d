//! `keygen master | jwt-secret | password | salt`.

use serde_json::Map;

use crate::cli::{
    CharClass, HmacSecretArgs, JwtSecretArgs, KeygenCommand, KeypairArgs, MasterArgs, PasswordArgs,
    SaltArgs,
};
use crate::commands::Ctx;
use crate::commands::sink::{Generated, deliver};
use crate::crypto::keys::Encoding;
use crate::crypto::random;
use crate::error::{Error, Outcome, Result};
use crate::output::Format;
use crate::secret::SecretString;

/// The shortest password keyward will generate.
pub const MIN_PASSWORD_LENGTH: u32 = 12;
/// RFC 7518 §3.2: an HS256 key must be at least 256 bits.
pub const MIN_JWT_SECRET_BYTES: u32 = 32;
/// The shortest HMAC request-signing secret keyward generates (the
/// SHA-256 output size, RFC 2104's advice for the key length).
pub const MIN_HMAC_SECRET_BYTES: u32 = 32;
/// RFC 8018: a salt of at least 64 bits.
pub const MIN_SALT_BYTES: u32 = 8;

/// Punctuation that is literal inside single quotes and dotenv values:
/// no quotes, backslash, backtick or space.
pub const SYMBOLS: &str = "!#$%&()*+,-./:;<=>?@[]^_{|}~";
/// Characters easily mistaken for one another (pwgen -B's set, plus | and o).
pub const AMBIGUOUS: &str = "B8G6I1l|0OoQDS5Z2";

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
    let values = random_values(a.count.count, a.bytes, a.encoding)?;
    deliver(
        ctx,
        &a.sink,
        Generated {
            kind: "master",
            encoding: a.encoding.name(),
            bits: a.bytes * 8,
            noun: "key",
            values,
            extra: Map::new(),
        },
    )
}

fn jwt_secret(ctx: &Ctx, a: JwtSecretArgs) -> Result<()> {
    if a.bytes < MIN_JWT_SECRET_BYTES {
        return Err(Error::usage(format!(
            "--bytes {} is too short for a JWT secret: HS256 needs at least 32 bytes (RFC 7518 section 3.2)",
            a.bytes
        )));
    }
    let encoding = Encoding::from(a.encoding);
    let values = random_values(a.count.count, a.bytes, encoding)?;
    let mut extra = Map::new();
    // An HS secret is used as the bytes of its text, so the text length is what counts.
    let text_len = values.first().map(|v| v.len()).unwrap_or(0);
    let strongest = if text_len >= 64 {
        "HS512"
    } else if text_len >= 48 {
        "HS384"
    } else {
        "HS256"
    };
    extra.insert("text_bytes".into(), text_len.into());
    extra.insert("strongest_alg".into(), strongest.into());
    deliver(
        ctx,
        &a.sink,
        Generated {
            kind: "jwt-secret",
            encoding: encoding.name(),
            bits: a.bytes * 8,
            noun: "JWT secret",
            values,
            extra,
        },
    )
}

fn salt(ctx: &Ctx, a: SaltArgs) -> Result<()> {
    if a.bytes < MIN_SALT_BYTES {
        return Err(Error::usage(format!(
            "--bytes {} is too short for a salt: RFC 8018 asks for at least 8 bytes (16 is usual)",
            a.bytes
        )));
    }
    let encoding = Encoding::from(a.encoding);
    let values = random_values(a.count.count, a.bytes, encoding)?;
    deliver(
        ctx,
        &a.sink,
        Generated {
            kind: "salt",
            encoding: encoding.name(),
            bits: a.bytes * 8,
            noun: "salt",
            values,
            extra: Map::new(),
        },
    )
}

fn hmac_secret(ctx: &Ctx, a: HmacSecretArgs) -> Result<()> {
    if a.bytes < MIN_HMAC_SECRET_BYTES {
        return Err(Error::usage(format!(
            "--bytes {} is too short for a request-signing secret: keyward makes at least {MIN_HMAC_SECRET_BYTES} bytes (HMAC-SHA256's output size)",
            a.bytes
        )));
    }
    let encoding = Encoding::from(a.encoding);
    let values = random_values(a.count.count, a.bytes, encoding)?;
    let mut extra = Map::new();
    // As for JWT secrets, the HMAC key is the bytes of the text.
    extra.insert(
        "text_bytes".into(),
        values.first().map(|v| v.len()).unwrap_or(0).into(),
    );
    deliver(
        ctx,
        &a.sink,
        Generated {
            kind: "hmac-secret",
            encoding: encoding.name(),
            bits: a.bytes * 8,
            noun: "HMAC secret",
            values,
            extra,
        },
    )
}

fn keypair(ctx: &Ctx, a: KeypairArgs) -> Result<()> {
    use crate::fsutil::{all_or_nothing, check_destinations};
    use crate::keypair::Keypair;
    use crate::secret::{SecretPrompt, read_secret};

    let pub_out = a.pub_out.clone().unwrap_or_else(|| {
        let mut p = a.out.clone().into_os_string();
        p.push(".pub");
        std::path::PathBuf::from(p)
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
    let kdf = a.kdf.unwrap_or(crate::keypair::KeyKdf::Scrypt);
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
    // files are written and fsynced under temporary names; only when the
    // store is open do they move into place, so a store that cannot be
    // opened leaves every destination untouched.
    let format_name = if a.der { "der" } else { "pem" };
    let (public, fingerprint) = std::thread::scope(|s| -> Result<(Vec<u8>, String)> {
        let opening = s.spawn(|| -> Result<_> { ctx.audited() });
        let kp = Keypair::generate(a.key_type)?;
        let private = kp.private_bytes(
            a.der,
            passphrase.as_ref().map(|p| (p.expose().as_bytes(), kdf)),
        )?;
        let public = kp.public_bytes(a.der)?;
        let fingerprint = kp.fingerprint();
        // The two files are written and fsynced at once, on two threads:
        // the file system can commit both in one journal transaction.
        let pub_path = &pub_out;
        let staging_public = s.spawn(move || {
            let staged = crate::fsutil::stage(pub_path, &public, 0o644);
            (staged, public)
        });
        let staged_private = crate::fsutil::stage(&a.out, &private, 0o600);
        let (staged_public, public) = staging_public
            .join()
            .map_err(|_| Error::internal("writing the public key panicked"))?;
        let (staged_private, staged_public) = (staged_private?, staged_public?);
        let (mut store, auditor) = opening
            .join()
            .map_err(|_| Error::internal("opening the store panicked"))??;
        all_or_nothing(|w| {
            // Both files, then one fsync per directory (usually one in all).
            w.place(staged_private, a.force)?;
            w.place(staged_public, a.force)?;
            crate::fsutil::sync_parent_dir(&a.out);
            if a.out.parent() != pub_out.parent() {
                crate::fsutil::sync_parent_dir(&pub_out);
            }
            let canon = |p: &std::path::Path| {
                std::fs::canonicalize(p)
                    .map(|c| c.display().to_string())
                    .unwrap_or_else(|_| p.display().to_string())
            };
            store.write(|tx| {
                auditor.append(
                    tx,
                    &crate::audit::Entry::new("key.generate", "file", canon(&a.out)).details(
                        serde_json::json!({
                            "kind": "keypair",
                            "type": a.key_type.name(),
                            "bits": a.key_type.bits(),
                            "public_key": canon(&pub_out),
                            "fingerprint": fingerprint,
                            "encrypted": encrypt,
                        }),
                    ),
                )
            })?;
            Ok(())
        })?;
        Ok((public, fingerprint))
    })?;
    drop(passphrase);
    match ctx.out.format() {
        Format::Json => ctx.out.json(&serde_json::json!({
            "kind": "keypair",
            "type": a.key_type.name(),
            "bits": a.key_type.bits(),
            "fingerprint": fingerprint,
            "encrypted": encrypt,
            "kdf": if encrypt { Some(kdf) } else { None },
            "format": format_name,
            "files": {"private": a.out, "public": pub_out},
            "public_key_pem": if a.der { None } else { Some(String::from_utf8_lossy(&public).into_owned()) },
        })),
        _ => {
            let enc = if encrypt {
                format!(", encrypted with a passphrase ({:?})", kdf).to_lowercase()
            } else {
                String::new()
            };
            ctx.out.note(&format!(
                "wrote {} {}-bit private key to {} (PKCS#8 {}, mode 0600{enc}) and public key to {}, {fingerprint}",
                a.key_type.name(),
                a.key_type.bits(),
                a.out.display(),
                format_name.to_uppercase(),
                pub_out.display(),
            ));
            Ok(())
        }
    }
}

/// The alphabet for the chosen classes, each class's characters kept apart
/// so that every class can be required once.
pub fn password_classes(classes: &[CharClass], no_ambiguous: bool) -> Vec<Vec<u8>> {
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for c in classes {
        if seen.contains(c) {
            continue;
        }
        seen.push(*c);
        let chars: Vec<u8> = match c {
            CharClass::Lower => (b'a'..=b'z').collect(),
            CharClass::Upper => (b'A'..=b'Z').collect(),
            CharClass::Digits => (b'0'..=b'9').collect(),
            CharClass::Symbols => SYMBOLS.bytes().collect(),
        };
        let chars: Vec<u8> = chars
            .into_iter()
            .filter(|ch| !no_ambiguous || !AMBIGUOUS.as_bytes().contains(ch))
            .collect();
        out.push(chars);
    }
    out
}

/// A password of `length` characters from `classes`, every class present.
/// Drawing uniformly and retrying until each class appears keeps every
/// valid password equally likely.
pub fn generate_password(length: usize, classes: &[Vec<u8>]) -> Result<SecretString> {
    let alphabet: Vec<u8> = classes.iter().flatten().copied().collect();
    loop {
        let candidate = random::string_from(&alphabet, length)?;
        let bytes = candidate.expose().as_bytes();
        if classes
            .iter()
            .all(|class| bytes.iter().any(|b| class.contains(b)))
        {
            return Ok(candidate);
        }
    }
}

fn password(ctx: &Ctx, a: PasswordArgs) -> Result<()> {
    if a.length < MIN_PASSWORD_LENGTH {
        return Err(Error::usage(format!(
            "--length {} is below keyward's minimum of {MIN_PASSWORD_LENGTH} characters",
            a.length
        )));
    }
    let classes = password_classes(&a.classes, a.no_ambiguous);
    if classes.len() as u32 > a.length {
        return Err(Error::usage(
            "--length is shorter than the number of --classes",
        ));
    }
    let alphabet_len: usize = classes.iter().map(Vec::len).sum();
    let bits = (a.length as f64 * (alphabet_len as f64).log2()).floor() as u32;
    let values = (0..a.count.count)
        .map(|_| generate_password(a.length as usize, &classes))
        .collect::<Result<Vec<_>>>()?;
    let mut extra = Map::new();
    extra.insert("length".into(), a.length.into());
    extra.insert("alphabet_size".into(), alphabet_len.into());
    deliver(
        ctx,
        &a.sink,
        Generated {
            kind: "password",
            encoding: "text",
            bits,
            noun: "password",
            values,
            extra,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ambiguous_characters_are_left_out() {
        let classes = password_classes(
            &[
                CharClass::Lower,
                CharClass::Upper,
                CharClass::Digits,
                CharClass::Symbols,
            ],
            true,
        );
        let all: Vec<u8> = classes.concat();
        for c in AMBIGUOUS.bytes() {
            assert!(!all.contains(&c), "{}", c as char);
        }
        let pw = generate_password(64, &classes).unwrap();
        assert!(pw.expose().bytes().all(|b| all.contains(&b)));
    }

    #[test]
    fn every_class_appears() {
        let classes = password_classes(
            &[CharClass::Lower, CharClass::Digits, CharClass::Lower],
            false,
        );
        assert_eq!(classes.len(), 2);
        for _ in 0..200 {
            let pw = generate_password(12, &classes).unwrap();
            assert!(pw.expose().bytes().any(|b| b.is_ascii_digit()));
            assert!(pw.expose().bytes().any(|b| b.is_ascii_lowercase()));
        }
    }

    #[test]
    fn symbols_need_no_quoting_inside_single_quotes() {
        assert!(!SYMBOLS.contains(['\'', '"', '\\', '`', ' ']));
    }
}
