//! `key derive`: passphrase to key with scrypt or PBKDF2.

use std::io::IsTerminal;

use serde_json::Map;

use crate::cli::{DeriveArgs, KdfName, KeyCommand};
use crate::commands::Ctx;
use crate::commands::sink::{Generated, deliver};
use crate::crypto::kdf::{
    Kdf, PBKDF2_DEFAULT_ITERATIONS, SCRYPT_DEFAULT_LOG_N, SCRYPT_DEFAULT_P, SCRYPT_DEFAULT_R,
};
use crate::crypto::random;
use crate::error::{Error, Outcome, Result};
use crate::output::Format;
use crate::secret::{SecretPrompt, read_secret};

const PASSPHRASE_PROMPT: SecretPrompt = SecretPrompt {
    what: "passphrase",
    env_flag: "--passphrase-env",
    file_flag: "--passphrase-file",
    confirm: true,
    private_file: true,
};

/// Runs a `key` subcommand.
pub fn run(ctx: &Ctx, cmd: KeyCommand) -> Result<Outcome> {
    match cmd {
        KeyCommand::Derive(a) => derive(ctx, a),
        other => crate::commands::keyring::run(ctx, other),
    }
}

/// The KDF the flags describe; flags of the other KDF are a usage error.
pub(crate) fn kdf_from_args(a: &crate::cli::KdfParams) -> Result<Kdf> {
    let kdf = match a.kdf {
        KdfName::Scrypt => {
            if a.iterations.is_some() {
                return Err(Error::usage(
                    "--iterations applies to --kdf pbkdf2; scrypt takes --scrypt-n, --scrypt-r, --scrypt-p",
                ));
            }
            Kdf::Scrypt {
                n: a.scrypt_n.unwrap_or(1 << SCRYPT_DEFAULT_LOG_N),
                r: a.scrypt_r.unwrap_or(SCRYPT_DEFAULT_R),
                p: a.scrypt_p.unwrap_or(SCRYPT_DEFAULT_P),
            }
        }
        KdfName::Pbkdf2 => {
            if a.scrypt_n.is_some() || a.scrypt_r.is_some() || a.scrypt_p.is_some() {
                return Err(Error::usage(
                    "--scrypt-n, --scrypt-r and --scrypt-p apply to --kdf scrypt; PBKDF2 takes --iterations",
                ));
            }
            Kdf::Pbkdf2 {
                iterations: a.iterations.unwrap_or(PBKDF2_DEFAULT_ITERATIONS),
            }
        }
    };
    // The parameters came from flags, so a bad one is a usage error.
    kdf.validate()
        .map_err(|e| Error::usage(e.message().to_string()))?;
    Ok(kdf)
}

fn salt_from_args(a: &DeriveArgs) -> Result<(Vec<u8>, bool)> {
    if let Some(h) = &a.salt_hex {
        let bytes = hex::decode(h.trim())
            .map_err(|e| Error::usage(format!("--salt-hex is not valid hex ({e})")))?;
        if bytes.is_empty() {
            return Err(Error::usage("--salt-hex is empty"));
        }
        return Ok((bytes, false));
    }
    if let Some(path) = &a.salt_file {
        let bytes = crate::fsutil::read_bounded(path, crate::fsutil::MAX_SECRET_FILE_BYTES)?;
        if bytes.is_empty() {
            return Err(Error::bad_input(format!(
                "salt file {} is empty",
                path.display()
            )));
        }
        return Ok((bytes, false));
    }
    Ok((
        random::bytes(a.salt_bytes as usize)?.expose().to_vec(),
        true,
    ))
}

fn derive(ctx: &Ctx, a: DeriveArgs) -> Result<Outcome> {
    ctx.out
        .require("key derive", &[Format::Text, Format::Json])?;
    let kdf = kdf_from_args(&a.kdf)?;
    let (salt, generated) = salt_from_args(&a)?;
    for w in kdf.warnings() {
        ctx.out.warn(&w);
    }
    if salt.len() < 16 {
        ctx.out.warn(&format!(
            "a {}-byte salt is shorter than the usual 16 bytes",
            salt.len()
        ));
    }
    let passphrase = read_secret(
        a.passphrase_env.as_deref(),
        a.passphrase_file.as_deref(),
        &PASSPHRASE_PROMPT,
    )?;
    let slow = matches!(kdf, Kdf::Scrypt { n, .. } if n >= 1 << 17)
        || matches!(kdf, Kdf::Pbkdf2 { iterations } if iterations >= 200_000);
    if slow && std::io::stderr().is_terminal() {
        ctx.out
            .note("deriving the key (this takes a moment by design)...");
    }
    let key = kdf.derive_key(passphrase.expose().as_bytes(), &salt)?;
    drop(passphrase);

    let salt_hex = hex::encode(&salt);
    if generated {
        // Not secret, but without it the key cannot be derived again: never silenced.
        ctx.out.notice(&format!(
            "generated salt (hex) {salt_hex}: keep it with the service's config; another salt gives another key"
        ));
    }
    let mut extra = Map::new();
    extra.insert(
        "kdf".into(),
        serde_json::to_value(kdf).map_err(|e| Error::internal(e.to_string()))?,
    );
    extra.insert("salt_hex".into(), salt_hex.into());
    extra.insert("salt_generated".into(), generated.into());
    deliver(
        ctx,
        &a.sink,
        Generated {
            kind: "derived",
            encoding: a.encoding.name(),
            bits: 256,
            noun: "key",
            values: vec![key.encode(a.encoding)],
            extra,
        },
    )?;
    Ok(Outcome::Success)
}
