//! `rotate run --update-env FILE --var NAME [--var-salt NAME]`: the whole
//! key change of a service that keeps one key (or passphrase, and salt) in
//! its dotenv file. The old key is read from the file, a new one is
//! minted in the form the service reads, every value is rotated to it and
//! verified under it alone, and only then is the file's variable (and the
//! salt's) replaced, in one atomic write that keeps every other byte.
//!
//! This module is the domain part: the file, the new key's form, the
//! derivations of the old and new keys, the key sets of the rotation and
//! of its verification, and the verdict on a table's survey. Sealing the
//! new key in the keyring meanwhile is `commands::rotate_env`'s.

use std::path::{Path, PathBuf};

use zeroize::Zeroizing;

use crate::crypto::ValueFormat;
use crate::crypto::kdf::Kdf;
use crate::crypto::keys::{Encoding, Key256};
use crate::error::{Error, Result};
use crate::formats::FormatName;
use crate::formats::derive::{DeriveSpec, Salt};
use crate::rotate::Status;
use crate::rotate::codec::Keys;
use crate::rotate::keyset::{self, Formats, GivenKey, RotationKeys};
use crate::secret::{SecretBytes, SecretString};

/// The service's dotenv file as the run found it: where it is, which
/// variables it changes, and what they held.
pub struct EnvFile {
    /// The path as given, for messages.
    shown: PathBuf,
    /// The file itself (a symlink resolved): what the pending key is bound
    /// to and what is written.
    canonical: PathBuf,
    /// The variable holding the key or passphrase.
    var: String,
    /// The variable holding the salt (hex), if any.
    salt_var: Option<String>,
    /// `var`'s value when the run started (None: not defined).
    key: Option<SecretString>,
    /// `salt_var`'s value, as text, when the run started.
    salt_text: Option<SecretString>,
}

impl std::fmt::Debug for EnvFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "EnvFile {{ file: {:?}, var: {:?}, salt_var: {:?}, values: [redacted] }}",
            self.canonical, self.var, self.salt_var
        )
    }
}

/// Refuses a name no dotenv loader reads as one variable.
fn check_name(flag: &str, name: &str) -> Result<()> {
    let ok = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
    if ok {
        Ok(())
    } else {
        Err(Error::usage(format!(
            "{flag} '{name}' is not a variable name (letters, digits and _, not starting with a digit)"
        )))
    }
}

/// The text of one variable in dotenv `text`.
fn value_of(text: &str, var: &str, path: &Path) -> Result<Option<SecretString>> {
    Ok(crate::fsutil::env_value(text, var, path)?
        .map(|(_, v)| SecretString::new(v.as_str().to_string())))
}

impl EnvFile {
    /// Reads the dotenv file at `path`: refused (exit 4) when it is a
    /// symlink into another directory or others may access it, as every
    /// dotenv edit of keyward's is, before anything is rotated.
    pub fn open(path: &Path, var: &str, salt_var: Option<&str>) -> Result<EnvFile> {
        check_name("--var", var)?;
        if let Some(s) = salt_var {
            check_name("--var-salt", s)?;
            if s == var {
                return Err(Error::usage(format!(
                    "--var and --var-salt both name {var}; the key and its salt need a variable each"
                )));
            }
        }
        if !path.exists() {
            return Err(Error::environment(format!(
                "cannot read {}: no such file",
                path.display()
            ))
            .with_hint("--update-env names the service's existing dotenv file"));
        }
        crate::fsutil::check_env_file(path)?;
        let canonical = std::fs::canonicalize(path).map_err(|e| Error::io("read", path, &e))?;
        let text = Zeroizing::new(crate::fsutil::read_text_bounded(
            &canonical,
            crate::fsutil::MAX_INPUT_BYTES,
        )?);
        let key = value_of(&text, var, path)?;
        let salt_text = match salt_var {
            Some(s) => value_of(&text, s, path)?,
            None => None,
        };
        Ok(EnvFile {
            shown: path.to_path_buf(),
            canonical,
            var: var.to_string(),
            salt_var: salt_var.map(str::to_string),
            key,
            salt_text,
        })
    }

    /// The file (canonical), which the pending key is bound to.
    pub fn canonical(&self) -> &Path {
        &self.canonical
    }

    /// The variable holding the key.
    pub fn var(&self) -> &str {
        &self.var
    }

    /// The variable holding the salt.
    pub fn salt_var(&self) -> Option<&str> {
        self.salt_var.as_deref()
    }

    /// The variables the run writes, the key's first.
    pub fn vars(&self) -> Vec<String> {
        std::iter::once(self.var.clone())
            .chain(self.salt_var.clone())
            .collect()
    }

    /// The old key's text: `var`'s value.
    pub fn old_key(&self) -> Result<GivenKey> {
        match &self.key {
            Some(k) if !k.expose().trim().is_empty() => Ok(GivenKey::Text(k.clone())),
            Some(_) => Err(Error::bad_input(format!(
                "{}: {} is empty; there is no old key to read",
                self.shown.display(),
                self.var
            ))),
            None => Err(Error::bad_input(format!(
                "{} has no {} to read the old key from",
                self.shown.display(),
                self.var
            ))
            .with_hint(
                "name the variable the service reads, or give the old key with --from-key-env/--from-key-file",
            )),
        }
    }

    /// The old salt: `salt_var`'s value, hex.
    fn old_salt(&self) -> Result<Vec<u8>> {
        let Some(name) = &self.salt_var else {
            return Err(Error::usage(
                "salt=env reads the salt from --var-salt NAME; give it",
            ));
        };
        let text = self.salt_text.as_ref().ok_or_else(|| {
            Error::bad_input(format!(
                "{} has no {name} to read the salt from (salt=env)",
                self.shown.display()
            ))
            .with_hint("give the old salt in --from-derive (salt-hex=... or salt-file=...) the first time; the run then writes it")
        })?;
        match hex::decode(text.expose().trim()) {
            Ok(b) if !b.is_empty() => Ok(b),
            _ => Err(Error::bad_input(format!(
                "{}: {name} is not a salt in hex ({} characters)",
                self.shown.display(),
                text.len()
            ))),
        }
    }

    /// Refuses (exit 4) to write when a variable was changed by someone
    /// else since the run read the file: it must still hold what it held,
    /// or already the new value (a run that wrote it and stopped before
    /// clearing the keyring).
    pub fn check_unchanged(&self, new: &SecretString, new_salt: Option<&[u8]>) -> Result<()> {
        let text = Zeroizing::new(crate::fsutil::read_text_bounded(
            &self.canonical,
            crate::fsutil::MAX_INPUT_BYTES,
        )?);
        let changed = |name: &str| {
            Error::environment(format!(
                "{}: {name} was changed by something else during the rotation; keyward did not write it",
                self.shown.display()
            ))
            .with_hint("rerun: the values are under the new key, which stays pending in the keyring")
        };
        let now = value_of(&text, &self.var, &self.shown)?;
        let same = |a: &Option<SecretString>, b: &Option<SecretString>| match (a, b) {
            (Some(a), Some(b)) => a.expose() == b.expose(),
            (None, None) => true,
            _ => false,
        };
        if !same(&now, &self.key) && now.as_ref().is_none_or(|v| v.expose() != new.expose()) {
            return Err(changed(&self.var));
        }
        if let Some(name) = &self.salt_var {
            let now = value_of(&text, name, &self.shown)?;
            let is_new = match (&now, new_salt) {
                (Some(v), Some(s)) => hex::decode(v.expose().trim()).is_ok_and(|b| b == s),
                _ => false,
            };
            if !same(&now, &self.salt_text) && !is_new {
                return Err(changed(name));
            }
        }
        Ok(())
    }

    /// Writes the new key (and salt, in lower-case hex) in one atomic
    /// write: every other byte of the file, its mode and owner kept.
    pub fn write(&self, new: &SecretString, new_salt: Option<&[u8]>) -> Result<()> {
        let salt_hex = Zeroizing::new(new_salt.map(hex::encode).unwrap_or_default());
        let mut vars: Vec<(&str, &str)> = vec![(&self.var, new.expose())];
        if let Some(name) = &self.salt_var {
            if new_salt.is_none() {
                return Err(Error::internal("a salt variable without a new salt"));
            }
            vars.push((name, salt_hex.as_str()));
        }
        crate::fsutil::set_env_vars(&self.canonical, &vars, true, false)?;
        Ok(())
    }
}

/// The derivations of a rotation with `--update-env`: the old key's, with
/// its salt read, and the new key's, whose salt is minted when
/// `--var-salt` is given.
pub struct Derivations {
    /// The old key's derivation, ready.
    pub old: DeriveSpec,
    /// The new key's derivation; with `mints_salt`, its salt is a stand-in
    /// until [`Derivations::new_with`] puts the new salt in.
    target: DeriveSpec,
    /// Whether the new key comes with a new salt (`--var-salt`).
    pub mints_salt: bool,
}

impl Derivations {
    /// From the flags: `--from-derive` (`salt=env`: the salt variable's
    /// value), and `--to-derive`, which defaults to `--from-derive` (the
    /// service derives its key from the variable the same way after the
    /// change). With `--var-salt`, the new derivation must take a salt
    /// and, when given, say `salt=env`: the run mints the salt.
    pub fn new(
        from: Option<&DeriveSpec>,
        to: Option<&DeriveSpec>,
        env: &EnvFile,
    ) -> Result<Derivations> {
        let old = match from {
            None => DeriveSpec::None,
            Some(d) if d.salt() == Some(&Salt::Env) => {
                d.clone().with_salt(Salt::Bytes(env.old_salt()?))
            }
            Some(d) => d.clone().resolve()?,
        };
        let explicit = to.is_some();
        let new = to.or(from).cloned().unwrap_or(DeriveSpec::None);
        if env.salt_var.is_some() {
            if !new.takes_salt() {
                return Err(Error::usage(format!(
                    "--var-salt: the new key's derivation ({new}) takes no salt; give --to-derive (or --from-derive) a salted one such as scrypt:n=16384,r=8,p=1,salt=env, or drop --var-salt"
                )));
            }
            if explicit && new.salt() != Some(&Salt::Env) {
                return Err(Error::usage(
                    "--to-derive gives a salt, but --var-salt mints the new one: write salt=env in --to-derive",
                ));
            }
            return Ok(Derivations {
                old,
                target: new,
                mints_salt: true,
            });
        }
        if new.salt() == Some(&Salt::Env) {
            return Err(Error::usage(
                "salt=env reads the salt from --var-salt NAME; give it",
            ));
        }
        Ok(Derivations {
            old,
            target: new.resolve()?,
            mints_salt: false,
        })
    }

    /// The new key's derivation, with `salt` when it mints one.
    pub fn new_with(&self, salt: Option<&SecretBytes>) -> Result<DeriveSpec> {
        match (self.mints_salt, salt) {
            (true, Some(s)) => Ok(self
                .target
                .clone()
                .with_salt(Salt::Bytes(s.expose().to_vec()))),
            (true, None) => Err(Error::internal("a minted salt is missing")),
            (false, _) => Ok(self.target.clone()),
        }
    }

    /// How long a new salt is: as long as the old one (16 to 64 bytes),
    /// else 32 bytes.
    pub fn salt_len(&self) -> usize {
        match self.old.salt() {
            Some(Salt::Bytes(b)) if (16..=64).contains(&b.len()) => b.len(),
            _ => 32,
        }
    }

    /// The new derivation without its salt, for the pending key's record
    /// and messages: `none`, `scrypt:n=16384,r=8,p=1`.
    pub fn shape(&self) -> String {
        match &self.target {
            DeriveSpec::Kdf {
                kdf: Kdf::Scrypt { n, r, p },
                ..
            } => format!("scrypt:n={n},r={r},p={p}"),
            DeriveSpec::Kdf {
                kdf: Kdf::Pbkdf2 { iterations },
                ..
            } => format!("pbkdf2-sha256:iterations={iterations}"),
            DeriveSpec::Hkdf { .. } => "hkdf-sha256".to_string(),
            other => other.to_string(),
        }
    }

    /// Whether the new key is a key (the variable's text is the key
    /// itself) rather than a passphrase or secret a key is derived from.
    fn new_is_key(&self) -> bool {
        matches!(self.target, DeriveSpec::None)
    }
}

/// A new key in the form the service reads from its variable. A key
/// (no derivation) is 256 random bits in the old key's encoding (hex,
/// base64, base64url, a Fernet key), or, without an old key to copy,
/// the target format's usual one: base64 for `tiger` (seed 002's
/// `ENCRYPTION_MASTER_KEY`), a Fernet key for `fernet` and `fernet-b64`,
/// hex for the envelope. A passphrase or secret (a derivation given) is
/// 256 random bits as 43 characters of unpadded base64url: no dotenv
/// quoting, and the whole entropy of a key.
pub fn mint_key(d: &Derivations, old_text: Option<&str>, to: &FormatName) -> Result<SecretString> {
    let fernet_family = matches!(
        to,
        FormatName::FernetB64 | FormatName::Native(ValueFormat::Fernet)
    );
    let encoding = if d.new_is_key() {
        let old = old_text.map(str::trim).unwrap_or_default();
        match Key256::parse(old).ok().map(|(_, e)| e) {
            Some(Encoding::Base64url) if old.ends_with('=') => Encoding::Fernet,
            // Base64 with none of + / - _ in it: either alphabet; the
            // format's own then, padded as the old key was.
            Some(Encoding::Base64) if !old.contains(['+', '/']) && fernet_family => {
                Encoding::Fernet
            }
            Some(e) => e,
            None => match to {
                FormatName::Tiger(_) => Encoding::Base64,
                _ if fernet_family => Encoding::Fernet,
                FormatName::Native(_) => Encoding::Hex,
                _ => Encoding::Base64url,
            },
        }
    } else {
        Encoding::Base64url
    };
    Ok(Key256::generate()?.encode(encoding))
}

/// A new salt of `len` random bytes.
pub fn mint_salt(len: usize) -> Result<SecretBytes> {
    crate::crypto::random::bytes(len)
}

/// The rotation's keys: the old ones (from the file, or given by flag) to
/// read, the new one as the target, in the formats named.
pub fn rotation_keys(
    old: &[GivenKey],
    new: &SecretString,
    to_id: u32,
    from: &[FormatName],
    to: &FormatName,
    old_derive: DeriveSpec,
    new_derive: DeriveSpec,
) -> Result<RotationKeys> {
    let formats = Formats {
        from,
        to: Some(to),
        from_derive: old_derive,
        to_derive: new_derive,
    };
    if let FormatName::Native(f) = to
        && formats.native_only()
        && from.is_empty()
    {
        let target = Key256::parse(new.expose())
            .map_err(|e| e.context("the new key"))?
            .0;
        let old = old
            .iter()
            .map(|g| match g {
                GivenKey::Text(t) => Key256::parse(t.expose())
                    .map(|(k, _)| k)
                    .map_err(|e| e.context("the old key")),
                GivenKey::Pem(p) => Err(Error::usage(format!(
                    "{}: an RSA key is for spec formats; envelope and fernet take a 256-bit key",
                    p.display()
                ))),
            })
            .collect::<Result<Vec<_>>>()?;
        return Ok(keyset::given(&target, to_id, *f, &old));
    }
    keyset::given_formats(&GivenKey::Text(new.clone()), to_id, old, &formats)
}

/// Keys that read with the new key alone, to verify a rotated table: the
/// target format and every format the rotation read (keyward's envelope
/// and Fernet when none was named), so a value left in an old format or
/// under an old key is undecryptable, not plaintext.
pub fn verify_keys(
    new: &SecretString,
    from: &[FormatName],
    to: &FormatName,
    new_derive: &DeriveSpec,
) -> Result<Keys> {
    if matches!(to, FormatName::Native(_))
        && from.is_empty()
        && matches!(new_derive, DeriveSpec::None)
    {
        let key = Key256::parse(new.expose())
            .map_err(|e| e.context("the new key"))?
            .0;
        return keyset::readers(&[key]);
    }
    let mut read = vec![to.clone()];
    let rest: Vec<FormatName> = if from.is_empty() {
        ValueFormat::ALL
            .iter()
            .map(|f| FormatName::Native(*f))
            .collect()
    } else {
        from.to_vec()
    };
    for f in rest {
        if !read.iter().any(|r| r.to_string() == f.to_string()) {
            read.push(f);
        }
    }
    let formats = Formats {
        from: &read,
        to: None,
        from_derive: new_derive.clone(),
        to_derive: DeriveSpec::None,
    };
    keyset::readers_formats(Some(&[GivenKey::Text(new.clone())]), None, &formats)
}

/// Why a table's survey under the new key alone does not let the file be
/// written (None: every value reads under it, in the target format):
/// values no key decrypts, values in another format (written meanwhile by
/// a service still on the old key, say), or unrecognized values without
/// `allow_unrecognized`.
pub fn verdict(st: &Status, table: &str, target: &str, allow_unrecognized: bool) -> Option<String> {
    let listed = |keys: &[String], total: u64| {
        let more = if total > keys.len() as u64 {
            ", ..."
        } else {
            ""
        };
        format!("{}{more}", keys.join(", "))
    };
    if st.undecryptable > 0 {
        return Some(format!(
            "{} values of {table} do not decrypt under the new key: {}",
            st.undecryptable,
            listed(&st.undecryptable_keys, st.undecryptable)
        ));
    }
    let other: u64 = st
        .by_key
        .iter()
        .filter(|(h, _)| &*h.format != target)
        .map(|(_, n)| n)
        .sum();
    if other > 0 {
        let formats: Vec<String> = st
            .by_key
            .keys()
            .filter(|h| &*h.format != target)
            .map(|h| h.format.to_string())
            .collect();
        return Some(format!(
            "{other} values of {table} read under the new key but in {}, not {target}",
            formats.join(", ")
        ));
    }
    if st.unrecognized > 0 && !allow_unrecognized {
        return Some(format!(
            "{} values of {table} are in no format given: {}",
            st.unrecognized,
            listed(&st.unrecognized_keys, st.unrecognized)
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn env_file(dir: &Path, text: &str) -> PathBuf {
        let p = dir.join(".env");
        std::fs::write(&p, text).unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
        p
    }

    #[test]
    fn reads_the_old_key_and_salt_and_writes_both_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let p = env_file(
            dir.path(),
            "# the service\nexport PASS='old pass' # keep\nOTHER=1\nSALT=00ff\n",
        );
        let e = EnvFile::open(&p, "PASS", Some("SALT")).unwrap();
        let GivenKey::Text(old) = e.old_key().unwrap() else {
            panic!("text")
        };
        assert_eq!(old.expose(), "old pass");
        assert_eq!(e.old_salt().unwrap(), vec![0, 255]);
        assert!(!format!("{e:?}").contains("old pass"));
        let new = SecretString::new("n3w".into());
        e.check_unchanged(&new, Some(&[1, 2])).unwrap();
        e.write(&new, Some(&[1, 2])).unwrap();
        assert_eq!(
            std::fs::read_to_string(&p).unwrap(),
            "# the service\nexport PASS='n3w' # keep\nOTHER=1\nSALT=0102\n"
        );
        // Written already: still fine (a rerun after a crash).
        e.check_unchanged(&new, Some(&[1, 2])).unwrap();
        std::fs::write(&p, "PASS=someone else\nSALT=0102\n").unwrap();
        let err = e.check_unchanged(&new, Some(&[1, 2])).unwrap_err();
        assert_eq!(err.exit_code(), 4);
        assert!(
            err.message().contains("PASS was changed"),
            "{}",
            err.message()
        );
    }

    #[test]
    fn missing_and_doubled_variables_are_bad_input() {
        let dir = tempfile::tempdir().unwrap();
        let p = env_file(dir.path(), "A=1\nA=2\nB=\n");
        let err = EnvFile::open(&p, "A", None).unwrap_err();
        assert_eq!(err.exit_code(), 3);
        assert!(err.message().contains("defines A 2 times"));
        let e = EnvFile::open(&p, "C", None).unwrap();
        let err = e.old_key().err().unwrap();
        assert!(err.message().contains("has no C"), "{}", err.message());
        let e = EnvFile::open(&p, "B", None).unwrap();
        assert!(e.old_key().err().unwrap().message().contains("B is empty"));
        assert_eq!(
            EnvFile::open(&p, "1X", None).unwrap_err().exit_code(),
            2,
            "a bad name"
        );
        assert_eq!(
            EnvFile::open(&p, "B", Some("B")).unwrap_err().exit_code(),
            2
        );
    }

    #[test]
    fn new_keys_keep_the_old_encoding_or_follow_the_format() {
        let dir = tempfile::tempdir().unwrap();
        let p = env_file(dir.path(), "K=x\n");
        let e = EnvFile::open(&p, "K", None).unwrap();
        let none = Derivations::new(None, None, &e).unwrap();
        let tiger: FormatName = "tiger".parse().unwrap();
        let fernet: FormatName = "fernet".parse().unwrap();
        let hex_old = "11".repeat(32);
        let k = mint_key(&none, Some(&hex_old), &fernet).unwrap();
        assert!(matches!(Key256::parse(k.expose()), Ok((_, Encoding::Hex))));
        let k = mint_key(&none, None, &tiger).unwrap();
        assert!(k.expose().contains('=') && !k.expose().contains(['-', '_']));
        assert_eq!(Key256::parse(k.expose()).unwrap().1, Encoding::Base64);
        let k = mint_key(&none, None, &fernet).unwrap();
        assert_eq!(k.len(), 44);
        let fernet_old = Key256::generate().unwrap().encode(Encoding::Fernet);
        let k = mint_key(&none, Some(fernet_old.expose()), &tiger).unwrap();
        assert!(k.expose().ends_with('='));
        let scrypt: DeriveSpec = "scrypt:n=1024,salt-hex=00112233445566778899aabbccddeeff"
            .parse()
            .unwrap();
        let d = Derivations::new(Some(&scrypt), None, &e).unwrap();
        assert!(!d.mints_salt);
        assert_eq!(d.shape(), "scrypt:n=1024,r=8,p=1");
        let pass = mint_key(&d, Some("old"), &fernet).unwrap();
        assert_eq!(pass.len(), 43);
    }

    #[test]
    fn the_verdict_names_what_does_not_read_under_the_new_key() {
        use crate::rotate::codec::Holder;
        let held = |format: &str, n: u64| {
            let mut st = Status::default();
            st.by_key.insert(
                Holder {
                    format: std::sync::Arc::from(format),
                    key_id: None,
                },
                n,
            );
            st.rows = n;
            st
        };
        assert_eq!(verdict(&held("fernet", 3), "t", "fernet", false), None);
        let why = verdict(&held("envelope", 3), "t", "fernet", false).unwrap();
        assert!(
            why.contains("3 values of t") && why.contains("in envelope, not fernet"),
            "{why}"
        );
        let mut st = held("fernet", 3);
        st.undecryptable = 7;
        st.undecryptable_keys = vec!["id 1 (c)".into()];
        let why = verdict(&st, "t", "fernet", true).unwrap();
        assert!(
            why.contains("7 values of t do not decrypt") && why.ends_with("id 1 (c), ..."),
            "{why}"
        );
        let mut st = held("fernet", 3);
        st.unrecognized = 1;
        st.unrecognized_keys = vec!["id 2 (c)".into()];
        assert!(
            verdict(&st, "t", "fernet", false)
                .unwrap()
                .contains("no format given")
        );
        assert_eq!(verdict(&st, "t", "fernet", true), None);
    }

    #[test]
    fn salt_rules() {
        let dir = tempfile::tempdir().unwrap();
        let p = env_file(dir.path(), "K=x\nS=000102030405060708090a0b0c0d0e0f10\n");
        let with_salt = EnvFile::open(&p, "K", Some("S")).unwrap();
        let without = EnvFile::open(&p, "K", None).unwrap();
        let env: DeriveSpec = "scrypt:n=1024,salt=env".parse().unwrap();
        let fixed: DeriveSpec = "scrypt:n=1024,salt-hex=00".parse().unwrap();
        let d = Derivations::new(Some(&env), None, &with_salt).unwrap();
        assert!(d.mints_salt);
        assert_eq!(d.salt_len(), 17);
        let salt = mint_salt(d.salt_len()).unwrap();
        let new = d.new_with(Some(&salt)).unwrap();
        assert!(matches!(new.salt(), Some(Salt::Bytes(b)) if b.len() == 17));
        // From a salt file to the variable: the old salt as given.
        assert!(
            Derivations::new(Some(&fixed), None, &with_salt)
                .unwrap()
                .mints_salt
        );
        let usage = |r: Result<Derivations>| r.err().unwrap().exit_code();
        assert_eq!(usage(Derivations::new(Some(&env), None, &without)), 2);
        assert_eq!(usage(Derivations::new(None, None, &with_salt)), 2);
        assert_eq!(usage(Derivations::new(None, Some(&fixed), &with_salt)), 2);
        assert_eq!(usage(Derivations::new(None, Some(&env), &without)), 2);
    }
}
