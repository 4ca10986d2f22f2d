//! Secret values and where they come from.
//!
//! Every secret keyward holds lives in a type that zeroizes its memory on
//! drop and prints `[redacted]` through `Debug`; none implements `Display`,
//! so a secret cannot end up in a message by accident. `expose()` marks each
//! place where the value is really used.
//!
//! A secret enters through an environment variable, a file, or a hidden
//! prompt on a terminal, never as a plain argument (shell history and `ps`
//! would keep it). Without a terminal the prompt is an error, never a hang.

use std::fmt;
use std::io::IsTerminal;
use std::path::Path;

use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::fsutil;

/// Secret bytes, zeroized on drop.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretBytes(Zeroizing<Vec<u8>>);

impl SecretBytes {
    /// Takes ownership of `bytes`; they are wiped when this value drops.
    pub fn new(bytes: Vec<u8>) -> Self {
        SecretBytes(Zeroizing::new(bytes))
    }

    /// `len` zero bytes, to be filled in place.
    pub fn zeroed(len: usize) -> Self {
        SecretBytes::new(vec![0u8; len])
    }

    /// The secret itself; call only where it is used.
    pub fn expose(&self) -> &[u8] {
        &self.0
    }

    /// Mutable access, for filling the buffer in place.
    pub fn expose_mut(&mut self) -> &mut [u8] {
        &mut self.0
    }

    /// Number of bytes.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for SecretBytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretBytes([redacted])")
    }
}

/// Secret text, zeroized on drop.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretString(Zeroizing<String>);

impl SecretString {
    /// Takes ownership of `text`; it is wiped when this value drops.
    pub fn new(text: String) -> Self {
        SecretString(Zeroizing::new(text))
    }

    /// The secret itself; call only where it is used.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Number of bytes of UTF-8.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretString([redacted])")
    }
}

/// How to ask for one secret: its name in messages and the flags that give it.
#[derive(Debug, Clone, Copy)]
pub struct SecretPrompt {
    /// What the secret is, for messages: "key", "passphrase".
    pub what: &'static str,
    /// The flag naming an environment variable, e.g. `--key-env`.
    pub env_flag: &'static str,
    /// The flag naming a file, e.g. `--key-file`.
    pub file_flag: &'static str,
    /// Ask twice on a terminal (for a new passphrase).
    pub confirm: bool,
    /// Refuse files that group or others can access, as ssh does for keys.
    pub private_file: bool,
}

/// Reads a secret from the environment variable `env`, the file `file`, or
/// (when neither is given) a hidden prompt on the terminal.
pub fn read_secret(
    env: Option<&str>,
    file: Option<&Path>,
    prompt: &SecretPrompt,
) -> Result<SecretString> {
    let secret = match (env, file) {
        (Some(name), _) => from_env(name, prompt)?,
        (None, Some(path)) => from_file(path, prompt)?,
        (None, None) => from_terminal(prompt)?,
    };
    if secret.is_empty() {
        return Err(Error::bad_input(format!("the {} is empty", prompt.what)));
    }
    Ok(secret)
}

/// A secret from the environment variable `name`, or `None` when it is
/// unset or empty (optional keys such as `KEYWARD_AUDIT_KEY`).
pub fn optional_env_secret(name: &str) -> Result<Option<SecretString>> {
    match std::env::var_os(name) {
        None => Ok(None),
        Some(v) if v.is_empty() => Ok(None),
        Some(v) => v
            .into_string()
            .map(|s| Some(SecretString::new(s)))
            .map_err(|os| {
                drop(Zeroizing::new(os.into_encoded_bytes()));
                Error::bad_input(format!("environment variable {name} is not valid UTF-8"))
            }),
    }
}

fn from_env(name: &str, prompt: &SecretPrompt) -> Result<SecretString> {
    match std::env::var_os(name) {
        None => Err(Error::bad_input(format!(
            "environment variable {name} is not set ({})",
            prompt.env_flag
        ))),
        Some(value) => match value.into_string() {
            Ok(s) if s.is_empty() => Err(Error::bad_input(format!(
                "environment variable {name} is empty ({})",
                prompt.env_flag
            ))),
            Ok(s) => Ok(SecretString::new(s)),
            Err(os) => {
                drop(Zeroizing::new(os.into_encoded_bytes()));
                Err(Error::bad_input(format!(
                    "environment variable {name} is not valid UTF-8 ({})",
                    prompt.env_flag
                )))
            }
        },
    }
}

fn from_file(path: &Path, prompt: &SecretPrompt) -> Result<SecretString> {
    if prompt.private_file {
        fsutil::ensure_private(path, prompt.what)?;
    }
    let bytes = Zeroizing::new(fsutil::read_bounded(path, fsutil::MAX_SECRET_FILE_BYTES)?);
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        Error::bad_input(format!(
            "{} is not UTF-8 text (invalid byte at offset {}) ({})",
            path.display(),
            e.valid_up_to(),
            prompt.file_flag
        ))
    })?;
    // One trailing newline is the file's, not the secret's (`echo x > file`).
    let text = text
        .strip_suffix("\r\n")
        .or_else(|| text.strip_suffix('\n'))
        .unwrap_or(text);
    Ok(SecretString::new(text.to_owned()))
}

fn from_terminal(prompt: &SecretPrompt) -> Result<SecretString> {
    if !std::io::stderr().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(Error::usage(format!(
            "no {} given, and no terminal to ask for it on",
            prompt.what
        ))
        .with_hint(format!(
            "pass {} NAME (an environment variable) or {} PATH",
            prompt.env_flag, prompt.file_flag
        )));
    }
    let mut input = dialoguer::Password::new().with_prompt(capitalize(prompt.what));
    if prompt.confirm {
        input = input.with_confirmation(
            format!("Repeat the {}", prompt.what),
            "the two entries differ",
        );
    }
    let text = input
        .interact()
        .map_err(|e| Error::environment(format!("cannot read the {}: {e}", prompt.what)))?;
    Ok(SecretString::new(text))
}

/// Reads all of stdin, at most `limit` bytes (more is bad input, never a
/// silent truncation), into a buffer wiped on drop: it may hold a secret.
pub fn read_stdin(limit: u64, what: &str) -> Result<Zeroizing<Vec<u8>>> {
    use std::io::Read;
    let mut buf = Zeroizing::new(Vec::new());
    std::io::stdin()
        .lock()
        .take(limit + 1)
        .read_to_end(&mut buf)
        .map_err(|e| Error::stdio("read stdin", &e))?;
    if buf.len() as u64 > limit {
        return Err(Error::bad_input(format!(
            "{what} on stdin is longer than {limit} bytes"
        )));
    }
    Ok(buf)
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_secret() {
        let b = SecretBytes::new(b"hunter2-bytes".to_vec());
        let s = SecretString::new("hunter2-text".into());
        assert_eq!(format!("{b:?}"), "SecretBytes([redacted])");
        assert_eq!(format!("{s:?}"), "SecretString([redacted])");
        assert!(!format!("{b:#?}{s:#?}").contains("hunter2"));
    }

    #[test]
    fn file_secret_drops_one_trailing_newline() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("pass");
        std::fs::write(&p, "correct horse\n\n").unwrap();
        let prompt = SecretPrompt {
            what: "passphrase",
            env_flag: "--passphrase-env",
            file_flag: "--passphrase-file",
            confirm: false,
            private_file: false,
        };
        let s = read_secret(None, Some(&p), &prompt).unwrap();
        assert_eq!(s.expose(), "correct horse\n");
    }
}
