//! `hash password | verify`.

use std::io::IsTerminal;

use serde::Serialize;

use crate::cli::{HashCommand, HashParamArgs, HashPasswordArgs, HashVerifyArgs, PasswordSource};
use crate::commands::Ctx;
use crate::error::{Error, Outcome, Result};
use crate::output::{Format, Output, Report};
use crate::passwd::{self, Algo, HashInfo, Params};
use crate::secret::{SecretBytes, SecretPrompt, read_secret, read_stdin};

/// The most a password read from stdin may be.
const PASSWORD_STDIN_LIMIT: u64 = 64 * 1024;

/// Runs a `hash` subcommand.
pub fn run(ctx: &Ctx, cmd: HashCommand) -> Result<Outcome> {
    ctx.out.require("hash", &[Format::Text, Format::Json])?;
    match cmd {
        HashCommand::Password(a) => password(ctx, a),
        HashCommand::Verify(a) => verify(ctx, a),
    }
}

/// Reads the password from the flag that names it, stdin, or a hidden
/// prompt (asked twice when `confirm`).
pub fn read_password(src: &PasswordSource, confirm: bool) -> Result<SecretBytes> {
    if src.password_stdin {
        let buf = read_stdin(PASSWORD_STDIN_LIMIT, "the password")?;
        let mut bytes: &[u8] = &buf;
        // One trailing newline is the pipe's (`echo pw |`), not the password's.
        if let Some(b) = bytes.strip_suffix(b"\n") {
            bytes = b.strip_suffix(b"\r").unwrap_or(b);
        }
        if bytes.is_empty() {
            return Err(Error::bad_input("the password on stdin is empty"));
        }
        return Ok(SecretBytes::new(bytes.to_vec()));
    }
    if src.password_env.is_none()
        && src.password_file.is_none()
        && (!std::io::stderr().is_terminal() || !std::io::stdin().is_terminal())
    {
        return Err(
            Error::usage("no password given, and no terminal to ask for it on")
                .with_hint("pass --password-env NAME, --password-file PATH or --password-stdin"),
        );
    }
    let prompt = SecretPrompt {
        what: "password",
        env_flag: "--password-env",
        file_flag: "--password-file",
        confirm,
        private_file: true,
    };
    let text = read_secret(
        src.password_env.as_deref(),
        src.password_file.as_deref(),
        &prompt,
    )?;
    Ok(SecretBytes::new(text.expose().as_bytes().to_vec()))
}

fn not_for(flag: &str, algo: Algo, what: &str) -> Error {
    Error::usage(format!("{flag} does not apply to {} ({what})", algo.name()))
}

/// Refuses the first flag given that `algo` has no use for.
fn refuse_flags(algo: Algo, flags: &[(bool, &str)], what: &str) -> Result<()> {
    match flags.iter().find(|(given, _)| *given) {
        Some((_, flag)) => Err(not_for(flag, algo, what)),
        None => Ok(()),
    }
}

fn any_param(f: &HashParamArgs) -> bool {
    f.preset.is_some()
        || f.memory.is_some()
        || f.iterations.is_some()
        || f.parallelism.is_some()
        || f.cost.is_some()
        || f.block_size.is_some()
}

/// The parameters for `algo`: the preset's (the default one unless
/// `--preset` names another), overridden by the flags that apply to it; a
/// flag that does not apply is a usage error.
fn params_from_flags(algo: Algo, f: &HashParamArgs) -> Result<Params> {
    if let Some(preset) = f.preset
        && algo != Algo::Argon2id
    {
        return Err(not_for(
            "--preset",
            algo,
            &format!(
                "the presets are argon2id parameter sets; {} has one set of defaults",
                algo.name()
            ),
        )
        .with_hint(format!(
            "drop --preset {}, or give --algo argon2id",
            preset.name()
        )));
    }
    let d = Params::preset(algo, f.preset.unwrap_or_default());
    let params = match (algo, d) {
        (Algo::Argon2id, Params::Argon2 { m, t, p }) => {
            if f.cost.is_some() {
                return Err(not_for(
                    "--cost",
                    algo,
                    "it sets bcrypt's cost or scrypt's log2 N",
                ));
            }
            if f.block_size.is_some() {
                return Err(not_for("--block-size", algo, "it sets scrypt's r"));
            }
            Params::Argon2 {
                m: f.memory.unwrap_or(m),
                t: f.iterations.unwrap_or(t),
                p: f.parallelism.unwrap_or(p),
            }
        }
        (Algo::Bcrypt, Params::Bcrypt { cost }) => {
            refuse_flags(
                algo,
                &[
                    (f.memory.is_some(), "--memory"),
                    (f.iterations.is_some(), "--iterations"),
                    (f.parallelism.is_some(), "--parallelism"),
                    (f.block_size.is_some(), "--block-size"),
                ],
                "bcrypt has only --cost",
            )?;
            Params::Bcrypt {
                cost: f.cost.unwrap_or(cost),
            }
        }
        (Algo::Scrypt, Params::Scrypt { ln, r, p }) => {
            if f.memory.is_some() {
                return Err(not_for(
                    "--memory",
                    algo,
                    "scrypt's memory is 128*N*r bytes: set --cost (log2 N) and --block-size (r)",
                ));
            }
            if f.iterations.is_some() {
                return Err(not_for(
                    "--iterations",
                    algo,
                    "set scrypt's cost with --cost (log2 N)",
                ));
            }
            let ln = match f.cost {
                None => ln,
                Some(c) if (1..=63).contains(&c) => c as u8,
                Some(c) => {
                    return Err(Error::usage(format!(
                        "--cost for scrypt is log2(N) and must be 1-63; got {c}"
                    )));
                }
            };
            Params::Scrypt {
                ln,
                r: f.block_size.unwrap_or(r),
                p: f.parallelism.unwrap_or(p),
            }
        }
        (Algo::Pbkdf2Sha256, Params::Pbkdf2 { iterations }) => {
            refuse_flags(
                algo,
                &[
                    (f.memory.is_some(), "--memory"),
                    (f.parallelism.is_some(), "--parallelism"),
                    (f.cost.is_some(), "--cost"),
                    (f.block_size.is_some(), "--block-size"),
                ],
                "PBKDF2 has only --iterations",
            )?;
            Params::Pbkdf2 {
                iterations: f.iterations.unwrap_or(iterations),
            }
        }
        _ => return Err(Error::internal("defaults do not fit the algorithm")),
    };
    params.check_limits().map_err(Error::usage)?;
    Ok(params)
}

fn password(ctx: &Ctx, a: HashPasswordArgs) -> Result<Outcome> {
    let params = params_from_flags(a.algo, &a.params)?;
    match params {
        Params::Bcrypt { cost } if cost < passwd::BCRYPT_MIN_COST => {
            return Err(Error::usage(format!(
                "bcrypt cost {cost} is below 10, OWASP's minimum: each step down halves an attacker's work, and keyward will not write such a hash"
            ))
            .with_hint("use the default --cost 12 (or more), or --algo argon2id"));
        }
        Params::Pbkdf2 { iterations } if iterations < passwd::PBKDF2_MIN_ITERATIONS => {
            return Err(Error::usage(format!(
                "PBKDF2 password hashes need at least {} iterations; got {iterations} (today's advice is 600,000)",
                passwd::PBKDF2_MIN_ITERATIONS
            )));
        }
        _ => {}
    }
    for w in params.weaknesses() {
        ctx.out.warn(&format!("{w}; accepted to match a service"));
    }
    let pw = read_password(&a.password, true)?;
    let hash = passwd::hash_password(a.algo, params, pw.expose())?;
    drop(pw);
    ctx.out.report(&Hashed {
        hash: &hash,
        algorithm: a.algo.name(),
        params,
    })?;
    Ok(Outcome::Success)
}

/// `hash password`'s answer: the hash alone on a line, or the document.
#[derive(Serialize)]
struct Hashed<'a> {
    hash: &'a str,
    algorithm: &'static str,
    params: Params,
}

impl Report for Hashed<'_> {
    fn render_text(&self, out: &Output) -> Result<()> {
        out.line(self.hash)
    }
}

/// `hash verify`'s answer: whether the password matches, what the hash
/// says about itself, and (with `--needs-rehash`) whether it is current.
#[derive(Serialize)]
struct Checked<'a> {
    #[serde(rename = "match")]
    matched: bool,
    algorithm: &'a str,
    form: &'static str,
    version: &'a Option<String>,
    params: &'a Params,
    salt_bytes: usize,
    hash_bytes: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    needs_rehash: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rehash_reasons: Option<&'a [String]>,
}

impl Checked<'_> {
    fn of<'a>(info: &'a HashInfo, matched: bool, rehash: Option<&'a [String]>) -> Checked<'a> {
        Checked {
            matched,
            algorithm: &info.algorithm,
            form: info.form,
            version: &info.version,
            params: &info.params,
            salt_bytes: info.salt_bytes,
            hash_bytes: info.hash_bytes,
            needs_rehash: rehash.map(|r| !r.is_empty()),
            rehash_reasons: rehash,
        }
    }
}

impl Report for Checked<'_> {
    fn render_text(&self, out: &Output) -> Result<()> {
        let what = format!("{} {}", self.algorithm, self.params.describe());
        let line = match (self.matched, self.rehash_reasons) {
            (false, _) => format!("mismatch ({what})"),
            (true, Some(r)) if !r.is_empty() => {
                format!("match, needs rehash ({what}): {}", r.join("; "))
            }
            (true, Some(_)) => format!("match, parameters current ({what})"),
            (true, None) => format!("match ({what})"),
        };
        out.line(&line)
    }
}

fn verify(ctx: &Ctx, a: HashVerifyArgs) -> Result<Outcome> {
    if any_param(&a.params) && !a.needs_rehash {
        return Err(Error::usage(
            "--preset, --memory, --iterations, --parallelism, --cost and --block-size only matter with --needs-rehash",
        ));
    }
    let hash_text = if a.hash == "-" {
        if a.password.password_stdin {
            return Err(Error::usage(
                "the hash and the password cannot both come from stdin",
            ));
        }
        let buf = read_stdin(64 * 1024, "the hash")?;
        String::from_utf8(buf.to_vec())
            .map_err(|_| Error::bad_input("the hash on stdin is not UTF-8 text"))?
    } else {
        a.hash.clone()
    };
    let stored = passwd::parse_hash(&hash_text)?;
    // The current parameters are checked before the password is read, so a
    // bad flag fails fast.
    let rehash = if a.needs_rehash {
        let family = a.algo.unwrap_or_else(|| stored.family());
        let current = params_from_flags(family, &a.params)?;
        Some(stored.rehash_reasons(a.algo, current))
    } else {
        None
    };
    let pw = read_password(&a.password, false)?;
    let matched = stored.verify(pw.expose())?;
    drop(pw);
    let needs = rehash.as_ref().map(|r| !r.is_empty());
    let ok = matched && needs != Some(true);
    ctx.out
        .report(&Checked::of(&stored.info, matched, rehash.as_deref()))?;
    Ok(Outcome::passed(ok))
}
