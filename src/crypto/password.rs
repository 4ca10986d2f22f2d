//! Random passwords from chosen character classes (`keygen password`).

use crate::crypto::random;
use crate::error::{Error, Result};
use crate::secret::SecretString;

/// The shortest password keyward will generate.
pub const MIN_LENGTH: u32 = 12;

/// Punctuation that is literal inside single quotes and dotenv values:
/// no quotes, backslash, backtick or space.
pub const SYMBOLS: &str = "!#$%&()*+,-./:;<=>?@[]^_{|}~";
/// Characters easily mistaken for one another (pwgen -B's set, plus | and o).
pub const AMBIGUOUS: &str = "B8G6I1l|0OoQDS5Z2";

/// Character classes for passwords.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CharClass {
    /// a-z
    Lower,
    /// A-Z
    Upper,
    /// 0-9
    Digits,
    /// Punctuation that needs no escaping in shells' single quotes or dotenv files.
    Symbols,
}

impl CharClass {
    fn chars(self) -> Vec<u8> {
        match self {
            CharClass::Lower => (b'a'..=b'z').collect(),
            CharClass::Upper => (b'A'..=b'Z').collect(),
            CharClass::Digits => (b'0'..=b'9').collect(),
            CharClass::Symbols => SYMBOLS.bytes().collect(),
        }
    }
}

/// The characters a password is drawn from, each class's kept apart so
/// that every class can be required once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alphabet {
    classes: Vec<Vec<u8>>,
}

impl Alphabet {
    /// The alphabet for `classes` (repeats ignored), without the
    /// look-alike characters when `no_ambiguous`.
    pub fn new(classes: &[CharClass], no_ambiguous: bool) -> Self {
        let mut seen = Vec::new();
        let mut out = Vec::new();
        for c in classes {
            if seen.contains(c) {
                continue;
            }
            seen.push(*c);
            let chars: Vec<u8> = c
                .chars()
                .into_iter()
                .filter(|ch| !no_ambiguous || !AMBIGUOUS.as_bytes().contains(ch))
                .collect();
            out.push(chars);
        }
        Alphabet { classes: out }
    }

    /// How many distinct classes it holds.
    pub fn class_count(&self) -> usize {
        self.classes.len()
    }

    /// How many characters it holds.
    pub fn size(&self) -> usize {
        self.classes.iter().map(Vec::len).sum()
    }

    /// The entropy of a `length`-character password, in whole bits.
    pub fn bits(&self, length: u32) -> u32 {
        (length as f64 * (self.size() as f64).log2()).floor() as u32
    }

    /// Fails unless `length` is at least [`MIN_LENGTH`] and leaves room
    /// for one character of every class.
    pub fn check_length(&self, length: u32) -> Result<()> {
        if length < MIN_LENGTH {
            return Err(Error::usage(format!(
                "--length {length} is below keyward's minimum of {MIN_LENGTH} characters"
            )));
        }
        if self.class_count() as u32 > length {
            return Err(Error::usage(
                "--length is shorter than the number of --classes",
            ));
        }
        Ok(())
    }

    /// A password of `length` characters, every class present. Drawing
    /// uniformly and retrying until each class appears keeps every valid
    /// password equally likely.
    pub fn generate(&self, length: usize) -> Result<SecretString> {
        let alphabet: Vec<u8> = self.classes.iter().flatten().copied().collect();
        loop {
            let candidate = random::string_from(&alphabet, length)?;
            let bytes = candidate.expose().as_bytes();
            if self
                .classes
                .iter()
                .all(|class| bytes.iter().any(|b| class.contains(b)))
            {
                return Ok(candidate);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [CharClass; 4] = [
        CharClass::Lower,
        CharClass::Upper,
        CharClass::Digits,
        CharClass::Symbols,
    ];

    #[test]
    fn ambiguous_characters_are_left_out() {
        let alphabet = Alphabet::new(&ALL, true);
        let all: Vec<u8> = alphabet.classes.concat();
        for c in AMBIGUOUS.bytes() {
            assert!(!all.contains(&c), "{}", c as char);
        }
        let pw = alphabet.generate(64).unwrap();
        assert!(pw.expose().bytes().all(|b| all.contains(&b)));
    }

    #[test]
    fn every_class_appears() {
        let alphabet = Alphabet::new(
            &[CharClass::Lower, CharClass::Digits, CharClass::Lower],
            false,
        );
        assert_eq!(alphabet.class_count(), 2);
        assert_eq!(alphabet.size(), 36);
        for _ in 0..200 {
            let pw = alphabet.generate(12).unwrap();
            assert!(pw.expose().bytes().any(|b| b.is_ascii_digit()));
            assert!(pw.expose().bytes().any(|b| b.is_ascii_lowercase()));
        }
    }

    #[test]
    fn lengths_are_checked_and_bits_counted() {
        let alphabet = Alphabet::new(&ALL, false);
        assert_eq!(alphabet.size(), 26 + 26 + 10 + SYMBOLS.len());
        assert!(alphabet.check_length(MIN_LENGTH - 1).is_err());
        assert!(alphabet.check_length(MIN_LENGTH).is_ok());
        assert_eq!(Alphabet::new(&[CharClass::Digits], false).bits(12), 39);
    }

    #[test]
    fn symbols_need_no_quoting_inside_single_quotes() {
        assert!(!SYMBOLS.contains(['\'', '"', '\\', '`', ' ']));
    }
}
