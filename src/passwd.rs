//! Password hashes as services store them (seeds 001, 002 and 004): argon2id
//! (the default, with RFC 9106's low-memory parameters, or OWASP's minimum
//! as a preset), bcrypt, scrypt and
//! PBKDF2-HMAC-SHA256, written as PHC strings (bcrypt: its modular-crypt
//! form), and read back in the forms the common libraries write:
//! argon2-cffi and passlib PHC strings (argon2, scrypt), bcrypt
//! `$2a$`/`$2b$`/`$2y$`, and passlib's own `$pbkdf2-sha256$ROUNDS$…` form
//! (adapted base64).
//!
//! Every primitive and every string format comes from RustCrypto's
//! `argon2`, `scrypt`, `pbkdf2` (with `password-hash`/`phc`/`mcf`) and the
//! `bcrypt` crate; this module chooses parameters, enforces limits, and
//! decides whether a stored hash is below today's parameters.
//!
//! Parameters are checked before any work against the one set of
//! [`limits`] every KDF input meets: values that make no sense or would
//! take absurd memory or time are refused with the rule they break (a usage
//! error for flags, bad input for a stored hash), so that a hostile hash
//! cannot make `hash verify` allocate more than 1 GiB (argon2 m, scrypt's
//! 128·N·r·p) or run for more than seconds (argon2 t, PBKDF2 iterations).
//! bcrypt is bounded only by its format's cost of 31.

use argon2::Argon2;
use password_hash::phc::PasswordHash;
use password_hash::{PasswordHasher, PasswordVerifier};
use serde::Serialize;

use crate::crypto::kdf::{self, limits};
use crate::error::{Error, Result};

/// RFC 9106 §4's second recommended option, for memory-constrained
/// environments ("low-memory"): argon2id with 64 MiB. It is argon2-cffi's
/// default, so hashes keyward writes with it do not look out of date to a
/// service's `check_needs_rehash`. keyward's default.
pub const ARGON2_RFC9106_LOW_MEMORY_M_KIB: u32 = 64 * 1024;
/// RFC 9106 low-memory: 3 passes.
pub const ARGON2_RFC9106_LOW_MEMORY_T: u32 = 3;
/// RFC 9106 low-memory: 4 lanes.
pub const ARGON2_RFC9106_LOW_MEMORY_P: u32 = 4;
/// OWASP Password Storage Cheat Sheet's minimum: argon2id with 19 MiB
/// (`--preset owasp`).
pub const ARGON2_OWASP_M_KIB: u32 = 19 * 1024;
/// OWASP: 2 passes.
pub const ARGON2_OWASP_T: u32 = 2;
/// OWASP: 1 lane.
pub const ARGON2_OWASP_P: u32 = 1;
/// The most argon2 memory keyward uses or accepts (see [`limits`]).
pub const ARGON2_MAX_M_KIB: u32 = limits::ARGON2_MAX_M_KIB;
/// OWASP's equivalent argon2id configurations (m KiB, t), all with p=1:
/// a configuration at or above any of them meets the advice.
pub const ARGON2_OWASP: [(u32, u32); 5] =
    [(47104, 1), (19456, 2), (12288, 3), (9216, 4), (7168, 5)];

/// bcrypt cost keyward uses by default.
pub const BCRYPT_DEFAULT_COST: u32 = 12;
/// The lowest bcrypt cost keyward hashes with (OWASP's minimum).
pub const BCRYPT_MIN_COST: u32 = 10;
/// bcrypt's largest cost (2^31 rounds).
pub const BCRYPT_MAX_COST: u32 = limits::BCRYPT_MAX_COST;
/// bcrypt reads at most 72 bytes of a password.
pub const BCRYPT_MAX_PASSWORD: usize = 72;

/// scrypt log2(N) (OWASP: N=2^17), as keyward derives keys.
pub const SCRYPT_DEFAULT_LN: u8 = kdf::SCRYPT_DEFAULT_LOG_N;
/// scrypt block size r.
pub const SCRYPT_DEFAULT_R: u32 = kdf::SCRYPT_DEFAULT_R;
/// scrypt parallelism p.
pub const SCRYPT_DEFAULT_P: u32 = kdf::SCRYPT_DEFAULT_P;

/// PBKDF2-HMAC-SHA256 iterations (OWASP), as keyward derives keys.
pub const PBKDF2_DEFAULT_ITERATIONS: u32 = kdf::PBKDF2_DEFAULT_ITERATIONS;
/// The fewest PBKDF2 iterations the `pbkdf2` crate's password hashes allow.
pub const PBKDF2_MIN_ITERATIONS: u32 = 1000;
/// The most PBKDF2 iterations keyward accepts (see [`limits`]).
pub const PBKDF2_MAX_ITERATIONS: u32 = limits::PBKDF2_MAX_ITERATIONS;

/// Salt length for argon2, scrypt and PBKDF2 (bcrypt's is fixed at 16).
pub const SALT_LEN: usize = 16;

/// Named argon2id parameter sets: what `hash password` writes and what
/// `hash verify --needs-rehash` takes as current, unless flags say otherwise.
/// The other algorithms have one set of defaults, whatever the preset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, Serialize)]
pub enum Preset {
    /// RFC 9106's low-memory choice, argon2id m=64 MiB, t=3, p=4: argon2-cffi's default (keyward's default).
    #[default]
    #[value(name = "rfc9106-low-memory")]
    #[serde(rename = "rfc9106-low-memory")]
    Rfc9106LowMemory,
    /// OWASP's minimum, argon2id m=19 MiB, t=2, p=1: less memory per login, but argon2-cffi's check_needs_rehash flags it.
    #[value(name = "owasp")]
    #[serde(rename = "owasp")]
    Owasp,
}

impl Preset {
    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Preset::Rfc9106LowMemory => "rfc9106-low-memory",
            Preset::Owasp => "owasp",
        }
    }

    /// Its argon2id parameters: memory (KiB), passes, lanes.
    fn argon2(self) -> (u32, u32, u32) {
        match self {
            Preset::Rfc9106LowMemory => (
                ARGON2_RFC9106_LOW_MEMORY_M_KIB,
                ARGON2_RFC9106_LOW_MEMORY_T,
                ARGON2_RFC9106_LOW_MEMORY_P,
            ),
            Preset::Owasp => (ARGON2_OWASP_M_KIB, ARGON2_OWASP_T, ARGON2_OWASP_P),
        }
    }
}

/// The password-hashing algorithms keyward writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Serialize)]
pub enum Algo {
    /// argon2id (RFC 9106): m=64 MiB, t=3, p=4 (RFC 9106 low-memory) by default; --preset owasp for m=19 MiB, t=2, p=1.
    #[value(name = "argon2id")]
    #[serde(rename = "argon2id")]
    Argon2id,
    /// bcrypt ($2b$), cost 12 by default; passwords of at most 72 bytes.
    #[value(name = "bcrypt")]
    #[serde(rename = "bcrypt")]
    Bcrypt,
    /// scrypt in its PHC form ($scrypt$ln=17,r=8,p=1$...).
    #[value(name = "scrypt")]
    #[serde(rename = "scrypt")]
    Scrypt,
    /// PBKDF2-HMAC-SHA256 in its PHC form ($pbkdf2-sha256$i=600000,l=32$...).
    #[value(name = "pbkdf2-sha256")]
    #[serde(rename = "pbkdf2-sha256")]
    Pbkdf2Sha256,
}

impl Algo {
    /// The name used on the command line and in reports.
    pub fn name(self) -> &'static str {
        match self {
            Algo::Argon2id => "argon2id",
            Algo::Bcrypt => "bcrypt",
            Algo::Scrypt => "scrypt",
            Algo::Pbkdf2Sha256 => "pbkdf2-sha256",
        }
    }
}

/// Parameters for one algorithm; also what "current" means for
/// `--needs-rehash`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "algorithm")]
pub enum Params {
    /// argon2 (the variant is kept with the parsed hash).
    #[serde(rename = "argon2")]
    Argon2 {
        /// Memory in KiB.
        m: u32,
        /// Passes.
        t: u32,
        /// Lanes.
        p: u32,
    },
    /// bcrypt.
    #[serde(rename = "bcrypt")]
    Bcrypt {
        /// log2 of the rounds.
        cost: u32,
    },
    /// scrypt.
    #[serde(rename = "scrypt")]
    Scrypt {
        /// log2(N).
        ln: u8,
        /// Block size.
        r: u32,
        /// Parallelism.
        p: u32,
    },
    /// PBKDF2-HMAC-SHA256 (or -SHA512 when read from a hash).
    #[serde(rename = "pbkdf2")]
    Pbkdf2 {
        /// Iteration count.
        iterations: u32,
    },
}

impl Params {
    /// Today's defaults for `algo` (argon2id: the default preset).
    pub fn default_for(algo: Algo) -> Params {
        Params::preset(algo, Preset::default())
    }

    /// The parameters of `preset` for `algo` (only argon2id's differ).
    pub fn preset(algo: Algo, preset: Preset) -> Params {
        match algo {
            Algo::Argon2id => {
                let (m, t, p) = preset.argon2();
                Params::Argon2 { m, t, p }
            }
            Algo::Bcrypt => Params::Bcrypt {
                cost: BCRYPT_DEFAULT_COST,
            },
            Algo::Scrypt => Params::Scrypt {
                ln: SCRYPT_DEFAULT_LN,
                r: SCRYPT_DEFAULT_R,
                p: SCRYPT_DEFAULT_P,
            },
            Algo::Pbkdf2Sha256 => Params::Pbkdf2 {
                iterations: PBKDF2_DEFAULT_ITERATIONS,
            },
        }
    }

    /// The parameters as `name=value` text for messages.
    pub fn describe(&self) -> String {
        match *self {
            Params::Argon2 { m, t, p } => format!("m={m},t={t},p={p}"),
            Params::Bcrypt { cost } => format!("cost={cost}"),
            Params::Scrypt { ln, r, p } => format!("ln={ln},r={r},p={p}"),
            Params::Pbkdf2 { iterations } => format!("i={iterations}"),
        }
    }

    /// Checks the parameters against what the algorithm allows and what
    /// keyward will spend (the one set of [`limits`] every KDF input
    /// meets); the message names the rule.
    pub fn check_limits(&self) -> std::result::Result<(), String> {
        match *self {
            Params::Argon2 { m, t, p } => limits::check_argon2(m, t, p),
            Params::Bcrypt { cost } => limits::check_bcrypt(cost),
            Params::Scrypt { ln, r, p } => {
                if ln == 0 || ln >= 64 {
                    return Err(format!("scrypt ln (log2 N) must be 1-63; got {ln}"));
                }
                limits::check_scrypt(1u64 << ln, r, p)
            }
            Params::Pbkdf2 { iterations } => limits::check_pbkdf2(iterations),
        }
    }

    /// Valid parameters below today's advice, each with the advice.
    pub fn weaknesses(&self) -> Vec<String> {
        match *self {
            Params::Argon2 { m, t, .. } => {
                if ARGON2_OWASP.iter().any(|&(om, ot)| m >= om && t >= ot) {
                    vec![]
                } else {
                    vec![format!(
                        "argon2id with m={m} KiB, t={t} is below OWASP's advice (m=19456 KiB with t=2, or an equivalent such as m=47104 with t=1)"
                    )]
                }
            }
            Params::Bcrypt { cost } if cost < BCRYPT_MIN_COST => {
                vec![format!("bcrypt cost {cost} is below OWASP's minimum of 10")]
            }
            Params::Bcrypt { .. } => vec![],
            Params::Scrypt { ln, r, p } => {
                if ln < SCRYPT_DEFAULT_LN || (r < SCRYPT_DEFAULT_R && p == 1) {
                    vec![format!(
                        "scrypt ln={ln}, r={r}, p={p} is below OWASP's advice of N=2^17 (ln=17), r=8, p=1"
                    )]
                } else {
                    vec![]
                }
            }
            Params::Pbkdf2 { iterations } if iterations < PBKDF2_DEFAULT_ITERATIONS => {
                vec![format!(
                    "PBKDF2-HMAC-SHA256 with {iterations} iterations is below OWASP's advice of 600,000"
                )]
            }
            Params::Pbkdf2 { .. } => vec![],
        }
    }
}

/// Hashes `password` with `algo` and `params` (already checked) under a
/// fresh random salt, returning the PHC or modular-crypt string.
pub fn hash_password(algo: Algo, params: Params, password: &[u8]) -> Result<String> {
    params.check_limits().map_err(Error::usage)?;
    let salt = crate::crypto::random::array::<SALT_LEN>()?;
    let failed = |e: password_hash::Error| Error::internal(format!("{} failed: {e}", algo.name()));
    match (algo, params) {
        (Algo::Argon2id, Params::Argon2 { m, t, p }) => {
            let p = argon2::Params::new(m, t, p, None)
                .map_err(|e| Error::usage(format!("argon2 parameters: {e}")))?;
            let hasher = Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, p);
            Ok(hasher
                .hash_password_with_salt(password, &salt)
                .map_err(failed)?
                .to_string())
        }
        (Algo::Bcrypt, Params::Bcrypt { cost }) => {
            check_bcrypt_password(password).map_err(Error::bad_input)?;
            let parts = bcrypt::hash_with_salt(password, cost, salt)
                .map_err(|e| Error::internal(format!("bcrypt failed: {e}")))?;
            Ok(parts.format_for_version(bcrypt::Version::TwoB))
        }
        (Algo::Scrypt, Params::Scrypt { ln, r, p }) => {
            let p = scrypt::Params::new(ln, r, p)
                .map_err(|e| Error::usage(format!("scrypt parameters: {e}")))?;
            let h: PasswordHash = scrypt::Scrypt::new_with_params(p)
                .hash_password_with_salt(password, &salt)
                .map_err(failed)?;
            Ok(h.to_string())
        }
        (Algo::Pbkdf2Sha256, Params::Pbkdf2 { iterations }) => {
            let p = pbkdf2::Params::new_with_output_len(iterations, 32).map_err(|_| {
                Error::usage(format!(
                    "PBKDF2 password hashes need at least {PBKDF2_MIN_ITERATIONS} iterations; got {iterations}"
                ))
            })?;
            let h: PasswordHash = pbkdf2::Pbkdf2::new(pbkdf2::Algorithm::Pbkdf2Sha256, p)
                .hash_password_with_salt(password, &salt)
                .map_err(failed)?;
            Ok(h.to_string())
        }
        _ => Err(Error::internal("parameters do not fit the algorithm")),
    }
}

/// bcrypt reads a C string of at most 72 bytes: a longer password, or one
/// with a NUL byte, would be silently cut by some implementation.
pub fn check_bcrypt_password(password: &[u8]) -> std::result::Result<(), String> {
    if password.len() > BCRYPT_MAX_PASSWORD {
        return Err(format!(
            "the password is {} bytes; bcrypt uses only the first 72, so keyward refuses it rather than truncate (use argon2id)",
            password.len()
        ));
    }
    if password.contains(&0) {
        return Err(
            "the password contains a NUL byte, where C bcrypt implementations stop reading".into(),
        );
    }
    Ok(())
}

/// What a stored hash says about itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HashInfo {
    /// `argon2id`, `argon2i`, `argon2d`, `bcrypt`, `scrypt`, `pbkdf2-sha256`, `pbkdf2-sha512`.
    pub algorithm: String,
    /// The form: `phc`, `modular-crypt` (bcrypt), `passlib` (passlib's own PBKDF2 form).
    pub form: &'static str,
    /// bcrypt's prefix (`2a`, `2b`, `2y`) or argon2's version (`19`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The parameters.
    pub params: Params,
    /// Salt length in bytes.
    pub salt_bytes: usize,
    /// Hash (output) length in bytes.
    pub hash_bytes: usize,
}

/// A stored hash, parsed and checked against keyward's limits.
#[derive(Debug)]
pub struct StoredHash {
    /// What it says about itself.
    pub info: HashInfo,
    kind: Kind,
}

#[derive(Debug)]
enum Kind {
    Phc(Box<PasswordHash>),
    Bcrypt(String),
    PasslibPbkdf2(String),
}

/// Parses a stored hash. Errors are bad input (exit 3) and never quote the
/// hash beyond its algorithm identifier.
pub fn parse_hash(text: &str) -> Result<StoredHash> {
    let text = text.trim();
    let bad = |m: String| Error::bad_input(format!("malformed password hash: {m}"));
    if !text.starts_with('$') {
        return Err(bad(
            "it does not start with '$' (a PHC or modular-crypt string is expected)".into(),
        ));
    }
    let id = text[1..].split('$').next().unwrap_or("");
    let shown_id: String = id.chars().take(24).collect();
    match id {
        "2a" | "2b" | "2y" => parse_bcrypt(text, id),
        "2x" | "2" => Err(Error::bad_input(format!(
            "unsupported password hash: bcrypt ${id}$ (a legacy variant; keyward reads $2a$, $2b$ and $2y$)"
        ))),
        "argon2id" | "argon2i" | "argon2d" => {
            let phc = PasswordHash::new(text).map_err(|e| bad(format!("{id}: {e}")))?;
            let p = argon2::Params::try_from(&phc).map_err(|e| bad(format!("{id}: {e}")))?;
            let version = phc.version.map(|v| v.to_string());
            if let Some(v) = phc.version
                && v != 0x13
                && v != 0x10
            {
                return Err(bad(format!(
                    "{id}: unknown version v={v} (19 or 16 expected)"
                )));
            }
            let params = Params::Argon2 {
                m: p.m_cost(),
                t: p.t_cost(),
                p: p.p_cost(),
            };
            finish_phc(phc, id, version, params)
        }
        "scrypt" => {
            // passlib's scrypt strings are this same PHC form.
            let phc = PasswordHash::new(text).map_err(|e| bad(format!("scrypt: {e}")))?;
            // The scrypt crate (0.12) multiplies r by p in u32 before it
            // checks them: r*p >= 2^32 overflows there (a panic where
            // overflow checks are on). keyward's limits on r and p first.
            let r = phc.params.get_decimal("r");
            let p = phc.params.get_decimal("p");
            limits::check_scrypt(
                2,
                r.unwrap_or(scrypt::Params::RECOMMENDED_R),
                p.unwrap_or(scrypt::Params::RECOMMENDED_P),
            )
            .map_err(|m| {
                Error::bad_input(format!(
                    "the scrypt hash's parameters are beyond keyward's limits: {m}"
                ))
            })?;
            let p = scrypt::Params::try_from(&phc).map_err(|e| bad(format!("scrypt: {e}")))?;
            let params = Params::Scrypt {
                ln: p.log_n(),
                r: p.r(),
                p: p.p(),
            };
            finish_phc(phc, id, None, params)
        }
        "pbkdf2-sha256" | "pbkdf2-sha512" => {
            let params_field = text[1..].split('$').nth(1).unwrap_or("");
            if params_field.contains('=') {
                let phc = PasswordHash::new(text).map_err(|e| bad(format!("{id}: {e}")))?;
                let p = pbkdf2::Params::try_from(&phc).map_err(|e| bad(format!("{id}: {e}")))?;
                let params = Params::Pbkdf2 {
                    iterations: p.rounds(),
                };
                finish_phc(phc, id, None, params)
            } else {
                parse_passlib_pbkdf2(text, id)
            }
        }
        "" => Err(bad("no algorithm identifier after '$'".into())),
        _ => Err(Error::bad_input(format!(
            "unsupported password hash algorithm '{shown_id}' (keyward reads argon2id/argon2i/argon2d, bcrypt $2a$/$2b$/$2y$, scrypt, pbkdf2-sha256 and pbkdf2-sha512)"
        ))),
    }
}

fn finish_phc(
    phc: PasswordHash,
    id: &str,
    version: Option<String>,
    params: Params,
) -> Result<StoredHash> {
    let salt_bytes = phc.salt.as_ref().map(|s| s.len()).unwrap_or(0);
    let hash_bytes = phc.hash.as_ref().map(|h| h.len()).unwrap_or(0);
    if salt_bytes == 0 || hash_bytes == 0 {
        return Err(Error::bad_input(format!(
            "malformed password hash: {id}: the salt or hash field is missing"
        )));
    }
    params.check_limits().map_err(|m| {
        Error::bad_input(format!(
            "the {id} hash's parameters are beyond keyward's limits: {m}"
        ))
    })?;
    Ok(StoredHash {
        info: HashInfo {
            algorithm: id.to_string(),
            form: "phc",
            version,
            params,
            salt_bytes,
            hash_bytes,
        },
        kind: Kind::Phc(Box::new(phc)),
    })
}

fn parse_bcrypt(text: &str, id: &str) -> Result<StoredHash> {
    let parts: bcrypt::HashParts = text.parse().map_err(|e: bcrypt::BcryptError| {
        Error::bad_input(format!("malformed password hash: bcrypt: {e}"))
    })?;
    let params = Params::Bcrypt {
        cost: parts.get_cost(),
    };
    params
        .check_limits()
        .map_err(|m| Error::bad_input(format!("malformed password hash: bcrypt: {m}")))?;
    Ok(StoredHash {
        info: HashInfo {
            algorithm: "bcrypt".into(),
            form: "modular-crypt",
            version: Some(id.to_string()),
            params,
            salt_bytes: 16,
            hash_bytes: 23,
        },
        kind: Kind::Bcrypt(text.to_string()),
    })
}

/// passlib's `$pbkdf2-sha256$ROUNDS$SALT$HASH` (adapted base64), read by
/// the `pbkdf2` crate's modular-crypt support.
fn parse_passlib_pbkdf2(text: &str, id: &str) -> Result<StoredHash> {
    let bad = |m: &str| Error::bad_input(format!("malformed password hash: {id}: {m}"));
    let fields: Vec<&str> = text[1..].split('$').collect();
    if fields.len() != 4 {
        return Err(bad(
            "expected $ID$ROUNDS$SALT$HASH or the PHC form $ID$i=…,l=…$SALT$HASH",
        ));
    }
    let iterations: u32 = fields[1]
        .parse()
        .map_err(|_| bad("the rounds field is not a number"))?;
    if iterations < PBKDF2_MIN_ITERATIONS {
        return Err(bad("fewer than 1000 rounds"));
    }
    pbkdf2::mcf::PasswordHashRef::new(text).map_err(|_| bad("not a modular-crypt string"))?;
    let params = Params::Pbkdf2 { iterations };
    params.check_limits().map_err(|m| {
        Error::bad_input(format!(
            "the {id} hash's parameters are beyond keyward's limits: {m}"
        ))
    })?;
    let b64len = |s: &str| s.len() * 3 / 4;
    Ok(StoredHash {
        info: HashInfo {
            algorithm: id.to_string(),
            form: "passlib",
            version: None,
            params,
            salt_bytes: b64len(fields[2]),
            hash_bytes: b64len(fields[3]),
        },
        kind: Kind::PasslibPbkdf2(text.to_string()),
    })
}

impl StoredHash {
    /// True when `password` matches (compared in constant time by each
    /// algorithm's crate). A password bcrypt cannot take whole is bad input.
    pub fn verify(&self, password: &[u8]) -> Result<bool> {
        let outcome = match &self.kind {
            Kind::Bcrypt(text) => {
                check_bcrypt_password(password).map_err(Error::bad_input)?;
                return bcrypt::verify(password, text)
                    .map_err(|e| Error::bad_input(format!("bcrypt: {e}")));
            }
            Kind::Phc(phc) => {
                let phc: &PasswordHash = phc;
                match self.info.algorithm.as_str() {
                    "argon2id" | "argon2i" | "argon2d" => {
                        Argon2::default().verify_password(password, phc)
                    }
                    "scrypt" => scrypt::Scrypt::default().verify_password(password, phc),
                    _ => pbkdf2::Pbkdf2::SHA256.verify_password(password, phc),
                }
            }
            Kind::PasslibPbkdf2(text) => {
                let r = pbkdf2::mcf::PasswordHashRef::new(text)
                    .map_err(|_| Error::bad_input("malformed password hash"))?;
                pbkdf2::Pbkdf2::SHA256.verify_password(password, r)
            }
        };
        match outcome {
            Ok(()) => Ok(true),
            Err(password_hash::Error::PasswordInvalid) => Ok(false),
            Err(e) => Err(Error::bad_input(format!(
                "cannot check the {} hash: {e}",
                self.info.algorithm
            ))),
        }
    }

    /// Why this hash falls below `current` (empty when it does not). With
    /// `algo` given, a hash of another algorithm is out of date too.
    pub fn rehash_reasons(&self, algo: Option<Algo>, current: Params) -> Vec<String> {
        let mut why = Vec::new();
        let own = self.info.algorithm.as_str();
        if let Some(a) = algo
            && a.name() != own
        {
            why.push(format!(
                "it is {own}; the current algorithm is {}",
                a.name()
            ));
            return why;
        }
        match (self.info.params, current) {
            (
                Params::Argon2 { m, t, p },
                Params::Argon2 {
                    m: cm,
                    t: ct,
                    p: cp,
                },
            ) => {
                if own != "argon2id" {
                    why.push(format!("it is {own}; argon2id is today's variant"));
                }
                if self.info.version.as_deref() == Some("16") {
                    why.push("it uses argon2 version 16; version 19 is current".into());
                }
                if m < cm {
                    why.push(format!("memory m={m} KiB is below {cm} KiB"));
                }
                if t < ct {
                    why.push(format!("iterations t={t} is below {ct}"));
                }
                if p < cp {
                    why.push(format!("parallelism p={p} is below {cp}"));
                }
            }
            (Params::Bcrypt { cost }, Params::Bcrypt { cost: cc }) if cost < cc => {
                why.push(format!("cost {cost} is below {cc}"));
            }
            (
                Params::Scrypt { ln, r, p },
                Params::Scrypt {
                    ln: cl,
                    r: cr,
                    p: cp,
                },
            ) => {
                if ln < cl {
                    why.push(format!("ln={ln} (N=2^{ln}) is below ln={cl}"));
                }
                if r < cr {
                    why.push(format!("r={r} is below {cr}"));
                }
                if p < cp {
                    why.push(format!("p={p} is below {cp}"));
                }
            }
            (Params::Pbkdf2 { iterations }, Params::Pbkdf2 { iterations: ci })
                if iterations < ci =>
            {
                why.push(format!("{iterations} iterations is below {ci}"));
            }
            _ => {}
        }
        if self.info.hash_bytes < 16 && matches!(self.info.params, Params::Argon2 { .. }) {
            why.push(format!(
                "the hash is {} bytes; 32 is usual",
                self.info.hash_bytes
            ));
        }
        why
    }

    /// The algorithm family, to pick the defaults `--needs-rehash` compares with.
    pub fn family(&self) -> Algo {
        match self.info.params {
            Params::Argon2 { .. } => Algo::Argon2id,
            Params::Bcrypt { .. } => Algo::Bcrypt,
            Params::Scrypt { .. } => Algo::Scrypt,
            Params::Pbkdf2 { .. } => Algo::Pbkdf2Sha256,
        }
    }
}

/// Parses an argon2 memory size: KiB as a plain number, or with a unit
/// (`19MiB`, `19456KiB`, `1GiB`; `K`, `M`, `G` also accepted).
pub fn parse_memory_kib(s: &str) -> std::result::Result<u32, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: u64 = num
        .parse()
        .map_err(|_| format!("'{s}' is not a size (use KiB as a number, or 19MiB, 1GiB)"))?;
    let mult: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "k" | "kib" | "kb" => 1,
        "m" | "mib" | "mb" => 1024,
        "g" | "gib" | "gb" => 1024 * 1024,
        _ => return Err(format!("'{s}': unknown unit (KiB, MiB or GiB)")),
    };
    let kib = n
        .checked_mul(mult)
        .ok_or_else(|| format!("'{s}' is too large"))?;
    u32::try_from(kib).map_err(|_| format!("'{s}' is too large (keyward's limit is 1 GiB)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quick(algo: Algo) -> Params {
        match algo {
            Algo::Argon2id => Params::Argon2 { m: 64, t: 1, p: 1 },
            Algo::Bcrypt => Params::Bcrypt { cost: 4 },
            Algo::Scrypt => Params::Scrypt { ln: 4, r: 8, p: 1 },
            Algo::Pbkdf2Sha256 => Params::Pbkdf2 { iterations: 1000 },
        }
    }

    /// Found by the fuzz target (tests/fuzz.rs): r*p of 2^32 overflowed
    /// inside the scrypt crate, a panic in debug builds.
    #[test]
    fn scrypt_r_times_p_beyond_u32_is_refused_not_a_panic() {
        for text in [
            "$scrypt$ln=0,r=4194304,p=1024$AAAAAAAAAAA$AAAAAAAAAAAAAA",
            "$scrypt$ln=4,r=65536,p=65536$AAAAAAAAAAA$AAAAAAAAAAAAAA",
            "$scrypt$ln=4,p=536870912$AAAAAAAAAAA$AAAAAAAAAAAAAA",
            "$scrypt$ln=4,r=4294967295,p=4294967295$AAAAAAAAAAA$AAAAAAAAAAAAAA",
        ] {
            let e = parse_hash(text).unwrap_err();
            assert!(e.message().contains("limits"), "{text}: {}", e.message());
        }
    }

    #[test]
    fn every_algorithm_round_trips() {
        for algo in [
            Algo::Argon2id,
            Algo::Bcrypt,
            Algo::Scrypt,
            Algo::Pbkdf2Sha256,
        ] {
            let h = hash_password(algo, quick(algo), b"correct horse").unwrap();
            let parsed = parse_hash(&h).unwrap();
            assert_eq!(parsed.info.params, quick(algo), "{h}");
            assert!(parsed.verify(b"correct horse").unwrap(), "{h}");
            assert!(!parsed.verify(b"correct horsf").unwrap(), "{h}");
        }
    }

    #[test]
    fn known_vectors_verify() {
        // Written by passlib 1.7.4, argon2-cffi 25.1 and bcrypt 5.0 for "password".
        let vectors = [
            (
                "$pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg$hRRjgXWkW8ResfIvBP99J/T4vkgEmMRV/0tJTOjR59I",
                "passlib",
            ),
            (
                "$scrypt$ln=4,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$5f/Vi+XRWGUNGScbsma6KJ4zLFIke/NJsrvr7lQLAyA",
                "phc",
            ),
            (
                "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$Wb9DOLKUgwlL5fjad9tfCPU0SBAo0PEY/evJRhwtUR0",
                "phc",
            ),
            (
                "$2b$04$CCCCCCCCCCCCCCCCCCCCC.FXJHjF.8tyWAsIeGLxC7hC/nyX4QxgC",
                "modular-crypt",
            ),
        ];
        for (text, form) in vectors {
            let h = parse_hash(text).unwrap();
            assert_eq!(h.info.form, form, "{text}");
            assert!(h.verify(b"password").unwrap(), "{text}");
            assert!(!h.verify(b"passwore").unwrap(), "{text}");
        }
    }

    #[test]
    fn absurd_and_malformed_hashes_are_refused() {
        for bad in [
            "",
            "plain",
            "$",
            "$md5$abc",
            "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ",
            "$argon2id$v=19$m=99999999,t=3,p=4$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
            "$2b$12$tooshort",
            "$2x$12$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
            "$scrypt$ln=40,r=8,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
            // Hardening #4: each would have been worked on (or aborted on a
            // 137 GB allocation, for scrypt's p) before.
            "$scrypt$ln=1,r=1,p=1073741823$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
            "$scrypt$ln=21,r=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
            "$argon2id$v=19$m=4194304,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
            "$argon2id$v=19$m=64,t=100,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
            "$argon2id$v=19$m=4096,t=1,p=255$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
            "$pbkdf2-sha256$i=50000000,l=32$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
            "$pbkdf2-sha256$50000000$MDEyMzQ1Njc4OWFiY2RlZg$hRRjgXWkW8ResfIvBP99J/T4vkgEmMRV/0tJTOjR59I",
        ] {
            let e = parse_hash(bad).unwrap_err();
            assert_eq!(e.exit_code(), 3, "{bad}: {}", e.message());
        }
    }

    #[test]
    fn limits_and_weaknesses() {
        assert!(Params::Argon2 { m: 7, t: 1, p: 1 }.check_limits().is_err());
        assert!(Params::Argon2 { m: 16, t: 1, p: 4 }.check_limits().is_err());
        assert!(
            Params::Argon2 {
                m: ARGON2_MAX_M_KIB + 1,
                t: 1,
                p: 1
            }
            .check_limits()
            .is_err()
        );
        assert!(
            Params::Argon2 {
                m: 19456,
                t: 0,
                p: 1
            }
            .check_limits()
            .is_err()
        );
        assert!(Params::Bcrypt { cost: 32 }.check_limits().is_err());
        assert!(Params::Pbkdf2 { iterations: 0 }.check_limits().is_err());
        assert!(Params::default_for(Algo::Argon2id).weaknesses().is_empty());
        assert!(
            Params::Argon2 {
                m: 47104,
                t: 1,
                p: 1
            }
            .weaknesses()
            .is_empty()
        );
        assert!(
            !Params::Argon2 {
                m: 19455,
                t: 2,
                p: 1
            }
            .weaknesses()
            .is_empty()
        );
    }

    #[test]
    fn bcrypt_refuses_what_it_would_truncate() {
        assert!(check_bcrypt_password(&[b'a'; 72]).is_ok());
        assert!(check_bcrypt_password(&[b'a'; 73]).is_err());
        assert!(check_bcrypt_password(b"a\0b").is_err());
        let e = hash_password(Algo::Bcrypt, quick(Algo::Bcrypt), &[b'a'; 73]).unwrap_err();
        assert_eq!(e.exit_code(), 3);
        assert!(!e.message().contains("aaaa"));
    }

    #[test]
    fn memory_sizes_parse() {
        assert_eq!(parse_memory_kib("19456"), Ok(19456));
        assert_eq!(parse_memory_kib("19MiB"), Ok(19456));
        assert_eq!(parse_memory_kib("1GiB"), Ok(1 << 20));
        assert!(parse_memory_kib("5TiB").is_err());
        assert!(parse_memory_kib("lots").is_err());
    }

    #[test]
    fn rehash_reasons_name_the_parameter() {
        let h = hash_password(Algo::Argon2id, Params::Argon2 { m: 64, t: 1, p: 1 }, b"pw").unwrap();
        let parsed = parse_hash(&h).unwrap();
        let why = parsed.rehash_reasons(None, Params::default_for(Algo::Argon2id));
        assert_eq!(why.len(), 3, "{why:?}");
        assert!(why[0].contains("m=64"));
        assert!(why[2].contains("p=1 is below 4"), "{why:?}");
        let owasp = parsed.rehash_reasons(None, Params::preset(Algo::Argon2id, Preset::Owasp));
        assert_eq!(owasp.len(), 2, "{owasp:?}");
        let other = parsed.rehash_reasons(Some(Algo::Bcrypt), Params::default_for(Algo::Bcrypt));
        assert!(other[0].contains("current algorithm is bcrypt"));
    }
}
