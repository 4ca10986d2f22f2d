//! Key derivations: how a service turns the secret text in its
//! environment into the key its format uses. Written as
//! `NAME[:param=value,...]` on the command line (`--from-derive`,
//! `--to-derive`, `key import --derive`) and as a `[key]` table in a
//! format spec:
//!
//! - `none`: the text is the key itself (64 hex digits, base64, a Fernet key);
//! - `sha256`: SHA-256 of the text (the common `urlsafe_b64(sha256(SECRET_KEY))`
//!   Fernet key);
//! - `pbkdf2-sha256:iterations=N,salt-hex=HEX|salt-file=PATH`;
//! - `scrypt:n=N,r=R,p=P,salt-hex=HEX|salt-file=PATH` (r defaults to 8, p to 1);
//! - `hkdf-sha256[:salt-hex=HEX,info=TEXT]`.
//!
//! A salt file holds the salt's raw bytes, as services keep them (`keygen
//! salt --encoding raw`). In a format spec, `salt = "record"` takes the
//! salt from each value instead. Parameters are checked against
//! [`crate::crypto::kdf::limits`] when parsed, before any work.

use std::path::{Path, PathBuf};

use aws_lc_rs::hkdf;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::crypto::kdf::Kdf;
use crate::crypto::keys::{KEY_LEN, Key256};
use crate::error::{Error, Result};

/// Where a derivation's salt comes from.
#[derive(Clone, PartialEq, Eq)]
pub enum Salt {
    /// Given bytes (from `salt-hex`, or read from `salt-file`).
    Bytes(Vec<u8>),
    /// The file named by `salt-file`, read by [`DeriveSpec::resolve`].
    File(PathBuf),
    /// Each value's own salt part (format specs only).
    Record,
    /// The hex value of `--var-salt` in the dotenv file of `rotate run
    /// --update-env` (`salt=env`), which that command puts in place of it.
    Env,
}

impl std::fmt::Debug for Salt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            // A salt is not secret, but it is not the reader's business either.
            Salt::Bytes(b) => write!(f, "Bytes({} bytes)", b.len()),
            Salt::File(p) => write!(f, "File({})", p.display()),
            Salt::Record => f.write_str("Record"),
            Salt::Env => f.write_str("Env"),
        }
    }
}

/// A derivation as written, before its salt file is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeriveSpec {
    /// The secret text is the key.
    None,
    /// SHA-256 of the secret text's bytes.
    Sha256,
    /// PBKDF2-HMAC-SHA256 or scrypt with a salt.
    Kdf {
        /// The function and its cost.
        kdf: Kdf,
        /// The salt.
        salt: Salt,
    },
    /// HKDF-SHA256 (RFC 5869) with an optional salt and info.
    Hkdf {
        /// The extract step's salt (none: zeros, as RFC 5869 says).
        salt: Option<Salt>,
        /// The expand step's info.
        info: Vec<u8>,
    },
}

/// The names `NAME` may take, for messages.
pub const NAMES: &str = "none, sha256, pbkdf2-sha256, scrypt, hkdf-sha256";

impl std::str::FromStr for DeriveSpec {
    type Err = String;

    /// Parses `NAME[:param=value,...]`; the error names the parameter.
    fn from_str(text: &str) -> std::result::Result<Self, String> {
        let (name, rest) = text.split_once(':').unwrap_or((text, ""));
        let mut params: Vec<(&str, &str)> = Vec::new();
        for item in rest.split(',').filter(|s| !s.is_empty()) {
            let (k, v) = item
                .split_once('=')
                .ok_or_else(|| format!("'{item}' is not param=value"))?;
            if params.iter().any(|(seen, _)| *seen == k) {
                return Err(format!("{k} is given twice"));
            }
            params.push((k, v));
        }
        let mut p = Params { name, params };
        let spec = match name {
            "none" => DeriveSpec::None,
            "sha256" => DeriveSpec::Sha256,
            "pbkdf2-sha256" | "pbkdf2" => {
                let iterations = p
                    .number("iterations")?
                    .ok_or("pbkdf2-sha256 needs iterations=N")?;
                let kdf = Kdf::Pbkdf2 {
                    iterations: u32::try_from(iterations)
                        .map_err(|_| format!("iterations={iterations} is too large"))?,
                };
                DeriveSpec::Kdf {
                    kdf,
                    salt: p
                        .salt()?
                        .ok_or("pbkdf2-sha256 needs salt-hex=HEX or salt-file=PATH")?,
                }
            }
            "scrypt" => {
                let n = p
                    .number("n")?
                    .ok_or("scrypt needs n=N (a power of two, such as 16384)")?;
                let small = |v: u64, what: &str| {
                    u32::try_from(v).map_err(|_| format!("{what}={v} is too large"))
                };
                let r = small(p.number("r")?.unwrap_or(8), "r")?;
                let pp = small(p.number("p")?.unwrap_or(1), "p")?;
                DeriveSpec::Kdf {
                    kdf: Kdf::Scrypt { n, r, p: pp },
                    salt: p
                        .salt()?
                        .ok_or("scrypt needs salt-hex=HEX or salt-file=PATH")?,
                }
            }
            "hkdf-sha256" | "hkdf" => DeriveSpec::Hkdf {
                salt: p.salt()?,
                info: p
                    .take("info")
                    .map(|s| s.as_bytes().to_vec())
                    .unwrap_or_default(),
            },
            other => return Err(format!("unknown derivation '{other}'; use one of {NAMES}")),
        };
        if let Some((k, _)) = p.params.first() {
            return Err(format!("{name} takes no parameter '{k}'"));
        }
        if let DeriveSpec::Kdf { kdf, .. } = &spec {
            kdf.validate().map_err(|e| e.message().to_string())?;
        }
        Ok(spec)
    }
}

/// The parameters left to take.
struct Params<'a> {
    name: &'a str,
    params: Vec<(&'a str, &'a str)>,
}

impl<'a> Params<'a> {
    fn take(&mut self, key: &str) -> Option<&'a str> {
        let i = self.params.iter().position(|(k, _)| *k == key)?;
        Some(self.params.remove(i).1)
    }

    fn number(&mut self, key: &str) -> std::result::Result<Option<u64>, String> {
        self.take(key)
            .map(|v| {
                v.replace('_', "")
                    .parse::<u64>()
                    .map_err(|_| format!("{key} must be a whole number, not '{v}'"))
            })
            .transpose()
    }

    fn salt(&mut self) -> std::result::Result<Option<Salt>, String> {
        let hex_salt = self.take("salt-hex");
        let file = self.take("salt-file");
        let record = self.take("salt");
        match (hex_salt, file, record) {
            (None, None, None) => Ok(None),
            (Some(h), None, None) => hex::decode(h)
                .map(|b| Some(Salt::Bytes(b)))
                .map_err(|_| format!("salt-hex is not hex ({} characters)", h.len())),
            (None, Some(f), None) if !f.is_empty() => Ok(Some(Salt::File(PathBuf::from(f)))),
            (None, None, Some("record")) => Ok(Some(Salt::Record)),
            (None, None, Some("env")) => Ok(Some(Salt::Env)),
            (None, None, Some(v)) => Err(format!(
                "salt='{v}': the values are \"record\" and \"env\" (use salt-hex or salt-file for a fixed salt)"
            )),
            _ => Err(format!(
                "{}: give one of salt-hex, salt-file, salt=record",
                self.name
            )),
        }
    }
}

impl DeriveSpec {
    /// Reads a `salt-file` (raw bytes, at most 1 MiB), so the derivation
    /// is ready to run.
    pub fn resolve(self) -> Result<DeriveSpec> {
        let read = |s: Salt| -> Result<Salt> {
            match s {
                Salt::File(p) => Ok(Salt::Bytes(read_salt(&p)?)),
                other => Ok(other),
            }
        };
        Ok(match self {
            DeriveSpec::Kdf { kdf, salt } => DeriveSpec::Kdf {
                kdf,
                salt: read(salt)?,
            },
            DeriveSpec::Hkdf { salt, info } => DeriveSpec::Hkdf {
                salt: salt.map(read).transpose()?,
                info,
            },
            other => other,
        })
    }

    /// The derivation's salt, if it takes one.
    pub fn salt(&self) -> Option<&Salt> {
        match self {
            DeriveSpec::Kdf { salt, .. } => Some(salt),
            DeriveSpec::Hkdf { salt, .. } => salt.as_ref(),
            _ => None,
        }
    }

    /// Whether the derivation can take a salt (PBKDF2, scrypt, HKDF).
    pub fn takes_salt(&self) -> bool {
        matches!(self, DeriveSpec::Kdf { .. } | DeriveSpec::Hkdf { .. })
    }

    /// The same derivation with `salt` (for one that takes a salt).
    pub fn with_salt(self, salt: Salt) -> DeriveSpec {
        match self {
            DeriveSpec::Kdf { kdf, .. } => DeriveSpec::Kdf { kdf, salt },
            DeriveSpec::Hkdf { info, .. } => DeriveSpec::Hkdf {
                salt: Some(salt),
                info,
            },
            other => other,
        }
    }

    /// Whether the derivation takes each value's own salt (a per-value KDF).
    pub fn per_record(&self) -> bool {
        matches!(
            self,
            DeriveSpec::Kdf {
                salt: Salt::Record,
                ..
            } | DeriveSpec::Hkdf {
                salt: Some(Salt::Record),
                ..
            }
        )
    }

    /// Derives the key from the secret's text (and a value's salt, for
    /// `salt = "record"`).
    pub fn derive(&self, secret: &[u8], record_salt: Option<&[u8]>) -> Result<Key256> {
        let salt_of = |s: &Salt| -> Result<Vec<u8>> {
            match s {
                Salt::Bytes(b) => Ok(b.clone()),
                Salt::Record => record_salt.map(<[u8]>::to_vec).ok_or_else(|| {
                    Error::bad_input("the value has no salt part to derive its key with")
                }),
                Salt::File(p) => read_salt(p),
                Salt::Env => Err(Error::usage(
                    "salt=env takes the salt from --var-salt of `rotate run --update-env`; elsewhere give salt-hex or salt-file",
                )),
            }
        };
        match self {
            DeriveSpec::None => {
                let text = std::str::from_utf8(secret).map_err(|_| {
                    Error::bad_input("the key is not text (hex, base64 or a Fernet key)")
                })?;
                Ok(Key256::parse(text)?.0)
            }
            DeriveSpec::Sha256 => Ok(Key256::from_bytes(Sha256::digest(secret).into())),
            DeriveSpec::Kdf { kdf, salt } => kdf.derive_key(secret, &salt_of(salt)?),
            DeriveSpec::Hkdf { salt, info } => {
                let salt = salt.as_ref().map(salt_of).transpose()?;
                let salt = match &salt {
                    Some(s) => hkdf::Salt::new(hkdf::HKDF_SHA256, s),
                    None => hkdf::Salt::new(hkdf::HKDF_SHA256, &[0u8; 32]),
                };
                let mut out = Zeroizing::new([0u8; KEY_LEN]);
                salt.extract(secret)
                    .expand(&[info], Len)
                    .and_then(|okm| okm.fill(&mut out[..]))
                    .map_err(|_| Error::internal("HKDF expand of 32 bytes"))?;
                Ok(Key256::from_bytes(*out))
            }
        }
    }
}

impl std::fmt::Display for DeriveSpec {
    /// The spec as it would be written, with a salt shown by its length
    /// (reports name the derivation, not its salt).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let salt = |s: &Salt| match s {
            Salt::Bytes(b) => format!("salt={} bytes", b.len()),
            Salt::File(p) => format!("salt-file={}", p.display()),
            Salt::Record => "salt=record".to_string(),
            Salt::Env => "salt=env".to_string(),
        };
        match self {
            DeriveSpec::None => f.write_str("none"),
            DeriveSpec::Sha256 => f.write_str("sha256"),
            DeriveSpec::Kdf {
                kdf: Kdf::Pbkdf2 { iterations },
                salt: s,
            } => write!(f, "pbkdf2-sha256:iterations={iterations},{}", salt(s)),
            DeriveSpec::Kdf {
                kdf: Kdf::Scrypt { n, r, p },
                salt: s,
            } => write!(f, "scrypt:n={n},r={r},p={p},{}", salt(s)),
            DeriveSpec::Hkdf { salt: s, .. } => match s {
                Some(s) => write!(f, "hkdf-sha256:{}", salt(s)),
                None => f.write_str("hkdf-sha256"),
            },
        }
    }
}

/// HKDF's output length: one 256-bit key.
struct Len;

impl hkdf::KeyType for Len {
    fn len(&self) -> usize {
        KEY_LEN
    }
}

fn read_salt(path: &Path) -> Result<Vec<u8>> {
    let bytes = crate::fsutil::read_bounded(path, crate::fsutil::MAX_SECRET_FILE_BYTES)?;
    if bytes.is_empty() {
        return Err(Error::bad_input(format!(
            "the salt file {} is empty",
            path.display()
        )));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vectors() -> serde_json::Value {
        serde_json::from_str(include_str!("testdata/vectors.json")).unwrap()
    }

    #[test]
    fn seed000_scrypt_passphrase_gives_the_services_fernet_key() {
        let v = &vectors()["seed000"];
        let spec: DeriveSpec = format!(
            "scrypt:n=16384,r=8,p=1,salt-hex={}",
            v["salt_hex"].as_str().unwrap()
        )
        .parse()
        .unwrap();
        let key = spec
            .derive(v["passphrase"].as_str().unwrap().as_bytes(), None)
            .unwrap();
        let (want, _) = Key256::parse(v["fernet_key"].as_str().unwrap()).unwrap();
        assert!(key == want);
    }

    #[test]
    fn sha256_and_none() {
        let k = DeriveSpec::Sha256.derive(b"my app secret", None).unwrap();
        assert_eq!(
            hex::encode(k.expose()),
            hex::encode(Sha256::digest(b"my app secret"))
        );
        let hexkey = "11".repeat(32);
        let k = DeriveSpec::None.derive(hexkey.as_bytes(), None).unwrap();
        assert_eq!(k.expose(), &[0x11; 32]);
    }

    #[test]
    fn hkdf_matches_rfc5869_case_1_prefix() {
        // RFC 5869 A.1: IKM 22 x 0x0b, salt 000102..0c, info f0..f9, L=42.
        let spec: DeriveSpec = "hkdf-sha256:salt-hex=000102030405060708090a0b0c,info=x"
            .parse()
            .unwrap();
        // info must be the bytes f0..f9, which are not text: build it directly.
        let spec = match spec {
            DeriveSpec::Hkdf { salt, .. } => DeriveSpec::Hkdf {
                salt,
                info: (0xf0..=0xf9).collect(),
            },
            _ => unreachable!(),
        };
        let k = spec.derive(&[0x0b; 22], None).unwrap();
        assert_eq!(
            hex::encode(k.expose()),
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
        );
    }

    #[test]
    fn bad_specs_name_the_parameter() {
        for (text, want) in [
            ("argon9", "unknown derivation 'argon9'"),
            ("pbkdf2-sha256:salt-hex=00", "needs iterations"),
            (
                "pbkdf2-sha256:iterations=ten,salt-hex=00",
                "iterations must be a whole number",
            ),
            ("pbkdf2-sha256:iterations=1000", "needs salt-hex"),
            (
                "pbkdf2-sha256:iterations=99999999999,salt-hex=00",
                "too large",
            ),
            (
                "pbkdf2-sha256:iterations=20000000,salt-hex=00",
                "10,000,000",
            ),
            ("scrypt:n=1000,salt-hex=00", "power of two"),
            ("scrypt:n=16384,salt-hex=zz", "salt-hex is not hex"),
            ("scrypt:n=16384,salt-hex=00,salt-file=x", "give one of"),
            ("sha256:n=1", "sha256 takes no parameter 'n'"),
            ("scrypt:n=16384,n=2,salt-hex=00", "n is given twice"),
            ("scrypt:n", "'n' is not param=value"),
            (
                "scrypt:n=16384,salt=mine",
                "the values are \"record\" and \"env\"",
            ),
        ] {
            let err = text.parse::<DeriveSpec>().unwrap_err();
            assert!(err.contains(want), "{text}: {err}");
        }
    }

    #[test]
    fn salt_files_are_read_raw_and_display_hides_salts() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("salt.bin");
        std::fs::write(&p, [0u8, 1, 2, 255]).unwrap();
        let spec: DeriveSpec = format!("pbkdf2-sha256:iterations=1000,salt-file={}", p.display())
            .parse()
            .unwrap();
        let ready = spec.clone().resolve().unwrap();
        assert!(
            matches!(&ready, DeriveSpec::Kdf { salt: Salt::Bytes(b), .. } if b == &[0u8, 1, 2, 255])
        );
        assert!(ready.derive(b"pw", None).unwrap() == spec.derive(b"pw", None).unwrap());
        assert_eq!(
            ready.to_string(),
            "pbkdf2-sha256:iterations=1000,salt=4 bytes"
        );
        assert!(!format!("{ready:?}").contains("255"));
        let empty = dir.path().join("empty");
        std::fs::write(&empty, b"").unwrap();
        let spec: DeriveSpec = format!("scrypt:n=1024,salt-file={}", empty.display())
            .parse()
            .unwrap();
        assert!(spec.resolve().unwrap_err().message().contains("empty"));
    }
}
