//! Passphrase to key: scrypt and PBKDF2-HMAC-SHA256, as the seeds' services
//! derive their keys (seed 000: scrypt; seed 002: PBKDF2 with 100,000
//! iterations). Parameters are validated with the rule they break, and
//! weak-but-valid ones produce warnings naming today's advice (OWASP
//! Password Storage Cheat Sheet: scrypt N=2^17, r=8, p=1; PBKDF2-SHA256
//! 600,000 iterations).

use serde::Serialize;

use crate::crypto::keys::{KEY_LEN, Key256};
use crate::error::{Error, Result};

/// OWASP's scrypt cost today.
pub const SCRYPT_DEFAULT_LOG_N: u8 = 17;
/// scrypt block size.
pub const SCRYPT_DEFAULT_R: u32 = 8;
/// scrypt parallelism.
pub const SCRYPT_DEFAULT_P: u32 = 1;
/// OWASP's PBKDF2-HMAC-SHA256 iteration count today.
pub const PBKDF2_DEFAULT_ITERATIONS: u32 = 600_000;

/// The one set of limits on every KDF input keyward takes: flags
/// (`key derive`, `key import`, `hash password`, `hash verify
/// --needs-rehash`), stored password hashes (`hash verify`) and keyring
/// headers. Each is checked before any work is done, so that no value, from
/// a flag or from a hostile file, makes keyward allocate more than 1 GiB or
/// compute for more than a few seconds. Callers turn a broken limit into a
/// usage error (a flag, exit 2) or bad input (a stored value, exit 3).
///
/// The limits sit well above every published recommendation: OWASP's
/// scrypt N=2^17, r=8, p=1 (128 MiB) and PBKDF2-HMAC-SHA256 600,000
/// iterations; RFC 7914's largest test vector, N=2^20, r=8, p=1 (1 GiB);
/// RFC 9106's argon2id m=64 MiB, t=3, p=4 (its first choice, m=2 GiB, is
/// over the memory limit) and libsodium's SENSITIVE m=1 GiB, t=4.
pub mod limits {
    /// scrypt's largest N: 2^20 (RFC 7914's largest test vector).
    pub const SCRYPT_MAX_LOG_N: u32 = 20;
    /// scrypt's largest block size r (the usual is 8).
    pub const SCRYPT_MAX_R: u32 = 32;
    /// scrypt's largest parallelism p (the usual is 1).
    pub const SCRYPT_MAX_P: u32 = 16;
    /// The most 128·N·r·p may be: 1 GiB. That is scrypt's memory when its
    /// p lanes run at once, and it bounds the work when they run one after
    /// the other (as the `scrypt` crate runs them: 128·N·r bytes at a time).
    pub const SCRYPT_MAX_BYTES: u64 = 1 << 30;
    /// PBKDF2's most iterations: 10,000,000 (about 17 times OWASP's 600,000
    /// for HMAC-SHA256; a few seconds).
    pub const PBKDF2_MAX_ITERATIONS: u32 = 10_000_000;
    /// argon2's most memory: 1 GiB, in KiB.
    pub const ARGON2_MAX_M_KIB: u32 = 1 << 20;
    /// argon2's most passes.
    pub const ARGON2_MAX_T: u32 = 64;
    /// argon2's most lanes.
    pub const ARGON2_MAX_P: u32 = 16;
    /// The most argon2 memory times passes (m·t, KiB): 4 GiB, libsodium's
    /// SENSITIVE (1 GiB, t=4); it bounds the work as 128·N·r·p does scrypt's.
    pub const ARGON2_MAX_M_T_KIB: u64 = 4 << 20;
    /// bcrypt's largest cost keyward writes or checks: 2^18 rounds, 64
    /// times cost 12 (about 16 s; the format itself allows 31, which takes
    /// about 36 hours, so a hostile stored hash could hold keyward for a
    /// day and a half).
    pub const BCRYPT_MAX_COST: u32 = 18;

    fn pow2(n: u64) -> String {
        if n.is_power_of_two() {
            format!("{n} (2^{})", n.trailing_zeros())
        } else {
            n.to_string()
        }
    }

    /// scrypt N, r, p: valid for RFC 7914 and within keyward's limits. The
    /// message names the parameter and the rule.
    pub fn check_scrypt(n: u64, r: u32, p: u32) -> Result<(), String> {
        if n < 2 || !n.is_power_of_two() {
            return Err(format!(
                "scrypt N must be a power of two of at least 2; got {n}"
            ));
        }
        if r == 0 || p == 0 {
            return Err(format!(
                "scrypt r and p must be at least 1; got r={r}, p={p}"
            ));
        }
        if u64::from(r) * u64::from(p) >= 1 << 30 {
            return Err(format!(
                "scrypt needs r*p < 2^30 (RFC 7914); got r*p={}",
                u64::from(r) * u64::from(p)
            ));
        }
        if n > 1 << SCRYPT_MAX_LOG_N {
            return Err(format!(
                "scrypt N={} is over keyward's limit of 2^{SCRYPT_MAX_LOG_N}",
                pow2(n)
            ));
        }
        if r > SCRYPT_MAX_R {
            return Err(format!(
                "scrypt r={r} is over keyward's limit of {SCRYPT_MAX_R}"
            ));
        }
        if p > SCRYPT_MAX_P {
            return Err(format!(
                "scrypt p={p} is over keyward's limit of {SCRYPT_MAX_P}"
            ));
        }
        let bytes = 128 * n * u64::from(r) * u64::from(p);
        if bytes > SCRYPT_MAX_BYTES {
            return Err(format!(
                "scrypt with N={}, r={r}, p={p} needs {} MiB of memory and work (128*N*r*p bytes); keyward allows at most {} MiB",
                pow2(n),
                bytes >> 20,
                SCRYPT_MAX_BYTES >> 20
            ));
        }
        Ok(())
    }

    /// A PBKDF2 iteration count: at least 1, at most the limit.
    pub fn check_pbkdf2(iterations: u32) -> Result<(), String> {
        if iterations == 0 {
            return Err("PBKDF2 needs at least 1 iteration; got 0".into());
        }
        if iterations > PBKDF2_MAX_ITERATIONS {
            return Err(format!(
                "PBKDF2 with {iterations} iterations is over keyward's limit of 10,000,000"
            ));
        }
        Ok(())
    }

    /// argon2 m (KiB), t, p: valid for RFC 9106 and within keyward's limits.
    pub fn check_argon2(m: u32, t: u32, p: u32) -> Result<(), String> {
        if p == 0 || p > ARGON2_MAX_P {
            return Err(format!(
                "argon2 parallelism must be 1-{ARGON2_MAX_P}; got p={p}"
            ));
        }
        if t == 0 || t > ARGON2_MAX_T {
            return Err(format!(
                "argon2 iterations must be 1-{ARGON2_MAX_T}; got t={t}"
            ));
        }
        if u64::from(m) < 8 * u64::from(p) {
            return Err(format!(
                "argon2 memory must be at least 8 KiB per lane (8*p = {} KiB); got m={m} KiB",
                8 * p
            ));
        }
        if m > ARGON2_MAX_M_KIB {
            return Err(format!(
                "argon2 memory m={m} KiB is over keyward's limit of 1 GiB ({ARGON2_MAX_M_KIB} KiB)"
            ));
        }
        if u64::from(m) * u64::from(t) > ARGON2_MAX_M_T_KIB {
            return Err(format!(
                "argon2 with m={m} KiB and t={t} is over keyward's limit of m*t = 4 GiB ({ARGON2_MAX_M_T_KIB} KiB, such as 1 GiB with t=4)"
            ));
        }
        Ok(())
    }

    /// A bcrypt cost: 4-18 (the format allows up to 31; see
    /// [`BCRYPT_MAX_COST`]).
    pub fn check_bcrypt(cost: u32) -> Result<(), String> {
        if !(4..=BCRYPT_MAX_COST).contains(&cost) {
            return Err(format!(
                "bcrypt cost must be 4-{BCRYPT_MAX_COST} (keyward's limit; 2^{cost} rounds would take too long); got {cost}"
            ));
        }
        Ok(())
    }
}

/// A key-derivation function with its parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kdf", rename_all = "lowercase")]
pub enum Kdf {
    /// scrypt (RFC 7914).
    Scrypt {
        /// CPU/memory cost N (a power of two).
        n: u64,
        /// Block size.
        r: u32,
        /// Parallelism.
        p: u32,
    },
    /// PBKDF2 with HMAC-SHA256 (RFC 8018).
    Pbkdf2 {
        /// Iteration count.
        iterations: u32,
    },
}

impl Kdf {
    /// scrypt with OWASP's parameters.
    pub fn scrypt_default() -> Self {
        Kdf::Scrypt {
            n: 1 << SCRYPT_DEFAULT_LOG_N,
            r: SCRYPT_DEFAULT_R,
            p: SCRYPT_DEFAULT_P,
        }
    }

    /// Checks the parameters against [`limits`]; the error (bad input, for
    /// a stored value: callers map it to a usage error for flags) names the
    /// rule that was broken.
    pub fn validate(&self) -> Result<()> {
        match *self {
            Kdf::Scrypt { n, r, p } => limits::check_scrypt(n, r, p),
            Kdf::Pbkdf2 { iterations } => limits::check_pbkdf2(iterations),
        }
        .map_err(Error::bad_input)
    }

    /// Valid but weak parameters, each with the advice it falls short of.
    pub fn warnings(&self) -> Vec<String> {
        let mut w = Vec::new();
        match *self {
            Kdf::Scrypt { n, r, p } => {
                if n < 1 << SCRYPT_DEFAULT_LOG_N {
                    w.push(format!(
                        "scrypt N={n} is below today's advice of N=2^17 (131072) with r=8, p=1 (OWASP)"
                    ));
                } else if r < SCRYPT_DEFAULT_R && p == 1 {
                    w.push(format!("scrypt r={r} is below the usual r=8"));
                }
            }
            Kdf::Pbkdf2 { iterations } => {
                if iterations < PBKDF2_DEFAULT_ITERATIONS {
                    w.push(format!(
                        "PBKDF2-HMAC-SHA256 with {iterations} iterations is below today's advice of 600,000 (OWASP)"
                    ));
                }
            }
        }
        w
    }

    /// Derives `out.len()` bytes from `passphrase` and `salt`.
    pub fn derive_into(&self, passphrase: &[u8], salt: &[u8], out: &mut [u8]) -> Result<()> {
        self.validate()?;
        match *self {
            Kdf::Scrypt { n, r, p } => {
                let log_n = n.trailing_zeros() as u8;
                let params = scrypt::Params::new(log_n, r, p).map_err(|_| {
                    Error::bad_input(format!("invalid scrypt parameters N={n}, r={r}, p={p}"))
                })?;
                scrypt::scrypt(passphrase, salt, &params, out)
                    .map_err(|_| Error::internal("scrypt output length"))?;
            }
            Kdf::Pbkdf2 { iterations } => {
                pbkdf2::pbkdf2_hmac::<sha2::Sha256>(passphrase, salt, iterations, out);
            }
        }
        Ok(())
    }

    /// Derives a 256-bit key.
    pub fn derive_key(&self, passphrase: &[u8], salt: &[u8]) -> Result<Key256> {
        let mut out = [0u8; KEY_LEN];
        self.derive_into(passphrase, salt, &mut out)?;
        let key = Key256::from_bytes(out);
        zeroize::Zeroize::zeroize(&mut out);
        Ok(key)
    }
}

/// Parses scrypt's N as a number (`131072`) or a power (`2^17`).
pub fn parse_scrypt_n(s: &str) -> std::result::Result<u64, String> {
    let s = s.trim();
    if let Some(exp) = s.strip_prefix("2^").or_else(|| s.strip_prefix("2**")) {
        let e: u32 = exp
            .parse()
            .map_err(|_| format!("'{s}' is not a power of two such as 2^17"))?;
        if e == 0 || e > 62 {
            return Err(format!("'{s}': the exponent must be between 1 and 62"));
        }
        return Ok(1u64 << e);
    }
    s.parse::<u64>()
        .map_err(|_| format!("'{s}' is not a number (use 131072 or 2^17)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scrypt_hex(pass: &str, salt: &str, n: u64, r: u32, p: u32, len: usize) -> String {
        let mut out = vec![0u8; len];
        Kdf::Scrypt { n, r, p }
            .derive_into(pass.as_bytes(), salt.as_bytes(), &mut out)
            .unwrap();
        hex::encode(out)
    }

    // RFC 7914 section 12.
    #[test]
    fn rfc7914_vector_1() {
        assert_eq!(
            scrypt_hex("", "", 16, 1, 1, 64),
            "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442\
             fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906"
        );
    }

    #[test]
    fn rfc7914_vector_2() {
        assert_eq!(
            scrypt_hex("password", "NaCl", 1024, 8, 16, 64),
            "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162\
             2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640"
        );
    }

    #[test]
    fn rfc7914_vector_3() {
        assert_eq!(
            scrypt_hex("pleaseletmein", "SodiumChloride", 16384, 8, 1, 64),
            "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2\
             d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887"
        );
    }

    // 1 GiB of memory and a few seconds: run with `cargo test -- --ignored`.
    #[test]
    #[ignore]
    fn rfc7914_vector_4() {
        assert_eq!(
            scrypt_hex("pleaseletmein", "SodiumChloride", 1 << 20, 8, 1, 64),
            "2101cb9b6a511aaeaddbbe09cf70f881ec568d574a2ffd4dabe5ee9820adaa47\
             8e56fd8f4ba5d09ffa1c6d927c40f4c337304049e8a952fbcbf45c6fa77a41a4"
        );
    }

    // RFC 7914 section 11 (PBKDF2-HMAC-SHA256) and Wycheproof's vectors.
    #[test]
    fn pbkdf2_rfc7914_section_11() {
        let mut out = [0u8; 64];
        Kdf::Pbkdf2 { iterations: 1 }
            .derive_into(b"passwd", b"salt", &mut out)
            .unwrap();
        assert_eq!(
            hex::encode(out),
            "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc\
             49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"
        );
    }

    #[test]
    fn pbkdf2_wycheproof_vectors() {
        let path = format!(
            "{}/tests/data/vectors/kdf/wycheproof_pbkdf2_hmacsha256_test.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let doc: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let mut checked = 0;
        for group in doc["testGroups"].as_array().unwrap() {
            for t in group["tests"].as_array().unwrap() {
                let iterations = t["iterationCount"].as_u64().unwrap() as u32;
                let password = hex::decode(t["password"].as_str().unwrap()).unwrap();
                let salt = hex::decode(t["salt"].as_str().unwrap()).unwrap();
                let expected = t["dk"].as_str().unwrap();
                let mut out = vec![0u8; t["dkLen"].as_u64().unwrap() as usize];
                Kdf::Pbkdf2 { iterations }
                    .derive_into(&password, &salt, &mut out)
                    .unwrap();
                let ok = hex::encode(&out) == expected;
                assert_eq!(ok, t["result"] == "valid", "tcId {}", t["tcId"]);
                checked += 1;
            }
        }
        assert_eq!(checked, 60);
    }

    #[test]
    fn invalid_parameters_name_the_rule() {
        let e = Kdf::Scrypt {
            n: 1000,
            r: 8,
            p: 1,
        }
        .validate()
        .unwrap_err();
        assert!(e.message().contains("power of two"));
        let e = Kdf::Scrypt {
            n: 1024,
            r: 1 << 16,
            p: 1 << 15,
        }
        .validate()
        .unwrap_err();
        assert!(e.message().contains("r*p < 2^30"), "{}", e.message());
        let e = Kdf::Scrypt {
            n: 1 << 22,
            r: 8,
            p: 1,
        }
        .validate()
        .unwrap_err();
        assert!(e.message().contains("limit of 2^20"), "{}", e.message());
        let e = Kdf::Scrypt {
            n: 1 << 20,
            r: 8,
            p: 2,
        }
        .validate()
        .unwrap_err();
        assert!(e.message().contains("2048 MiB"), "{}", e.message());
        let e = Kdf::Pbkdf2 { iterations: 0 }.validate().unwrap_err();
        assert!(e.message().contains("at least 1 iteration"));
        assert_eq!(e.exit_code(), 3);
    }

    /// Hardening #4: every limit, at and just over it.
    #[test]
    fn hardening_4_limits_hold_at_their_edges() {
        use limits::*;
        // The published parameter sets all fit.
        assert!(check_scrypt(1 << 17, 8, 1).is_ok()); // OWASP
        assert!(check_scrypt(1 << 20, 8, 1).is_ok()); // RFC 7914's largest vector
        assert!(check_scrypt(1024, 8, 16).is_ok()); // RFC 7914's second vector
        assert!(check_argon2(65536, 3, 4).is_ok()); // RFC 9106 low-memory
        assert!(check_argon2(1 << 20, 4, 1).is_ok()); // libsodium SENSITIVE
        assert!(check_pbkdf2(PBKDF2_MAX_ITERATIONS).is_ok());
        // One step over each.
        assert!(
            check_scrypt(1 << 21, 1, 1)
                .unwrap_err()
                .contains("N=2097152 (2^21)")
        );
        assert!(check_scrypt(2, 33, 1).unwrap_err().contains("r=33"));
        assert!(check_scrypt(2, 1, 17).unwrap_err().contains("p=17"));
        assert!(
            check_scrypt(2, 1, (1 << 30) - 1)
                .unwrap_err()
                .contains("p=1073741823")
        );
        assert!(
            check_scrypt(1 << 20, 8, 2)
                .unwrap_err()
                .contains("128*N*r*p")
        );
        assert!(check_pbkdf2(PBKDF2_MAX_ITERATIONS + 1).is_err());
        assert!(check_pbkdf2(u32::MAX).is_err());
        assert!(
            check_argon2(ARGON2_MAX_M_KIB + 1, 1, 1)
                .unwrap_err()
                .contains("1 GiB")
        );
        assert!(check_argon2(1 << 20, 5, 1).unwrap_err().contains("m*t"));
        assert!(check_argon2(64, 65, 1).unwrap_err().contains("t=65"));
        assert!(check_argon2(256, 1, 17).unwrap_err().contains("p=17"));
        assert!(check_bcrypt(32).is_err());
        assert!(check_bcrypt(31).is_err(), "36 hours of a hostile hash");
        assert!(check_bcrypt(19).is_err());
        assert!(check_bcrypt(18).is_ok());
        // A stored value over a limit is bad input, exit 3.
        let e = Kdf::Pbkdf2 {
            iterations: 4_000_000_000,
        }
        .validate()
        .unwrap_err();
        assert_eq!(e.exit_code(), 3);
        assert!(e.message().contains("10,000,000"), "{}", e.message());
    }

    #[test]
    fn weak_parameters_warn() {
        assert!(
            Kdf::Pbkdf2 {
                iterations: 100_000
            }
            .warnings()[0]
                .contains("600,000")
        );
        assert!(
            Kdf::Pbkdf2 {
                iterations: 600_000
            }
            .warnings()
            .is_empty()
        );
        assert!(
            Kdf::Scrypt {
                n: 16384,
                r: 8,
                p: 1
            }
            .warnings()[0]
                .contains("2^17")
        );
        assert!(Kdf::scrypt_default().warnings().is_empty());
    }

    #[test]
    fn scrypt_n_parses_both_forms() {
        assert_eq!(parse_scrypt_n("2^17"), Ok(131072));
        assert_eq!(parse_scrypt_n("131072"), Ok(131072));
        assert!(parse_scrypt_n("2^x").is_err());
        assert!(parse_scrypt_n("abc").is_err());
    }
}
