//! HMAC request signatures, as webhook senders and seed 003's servers make
//! them: HMAC-SHA256 or HMAC-SHA512 over the raw body, keyed by the bytes
//! of the secret's text, compared in constant time (`hmac`'s `verify_slice`).

use hmac::{Hmac, KeyInit, Mac};
use serde::Serialize;

/// The hash under the HMAC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MacAlgo {
    /// HMAC-SHA256 (32-byte signatures).
    Sha256,
    /// HMAC-SHA512 (64-byte signatures).
    Sha512,
}

impl MacAlgo {
    /// `hmac-sha256` or `hmac-sha512`.
    pub fn name(self) -> &'static str {
        match self {
            MacAlgo::Sha256 => "hmac-sha256",
            MacAlgo::Sha512 => "hmac-sha512",
        }
    }

    /// Signature length in bytes.
    pub fn output_len(self) -> usize {
        match self {
            MacAlgo::Sha256 => 32,
            MacAlgo::Sha512 => 64,
        }
    }

    /// The prefix GitHub-style headers put before the hex (`sha256=`).
    pub fn header_prefix(self) -> &'static str {
        match self {
            MacAlgo::Sha256 => "sha256=",
            MacAlgo::Sha512 => "sha512=",
        }
    }
}

/// The signature of `body` under `secret`.
pub fn sign(algo: MacAlgo, secret: &[u8], body: &[u8]) -> Vec<u8> {
    // HMAC takes keys of any length, so new_from_slice cannot fail.
    match algo {
        MacAlgo::Sha256 => {
            let mut m = <Hmac<sha2::Sha256> as KeyInit>::new_from_slice(secret)
                .expect("HMAC accepts any key length");
            m.update(body);
            m.finalize().into_bytes().to_vec()
        }
        MacAlgo::Sha512 => {
            let mut m = <Hmac<sha2::Sha512> as KeyInit>::new_from_slice(secret)
                .expect("HMAC accepts any key length");
            m.update(body);
            m.finalize().into_bytes().to_vec()
        }
    }
}

/// True when `signature` is `body`'s signature under `secret`, compared in
/// constant time.
pub fn verify(algo: MacAlgo, secret: &[u8], body: &[u8], signature: &[u8]) -> bool {
    match algo {
        MacAlgo::Sha256 => {
            let mut m = <Hmac<sha2::Sha256> as KeyInit>::new_from_slice(secret)
                .expect("HMAC accepts any key length");
            m.update(body);
            m.verify_slice(signature).is_ok()
        }
        MacAlgo::Sha512 => {
            let mut m = <Hmac<sha2::Sha512> as KeyInit>::new_from_slice(secret)
                .expect("HMAC accepts any key length");
            m.update(body);
            m.verify_slice(signature).is_ok()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // RFC 4231, test case 2.
    const KEY: &[u8] = b"Jefe";
    const DATA: &[u8] = b"what do ya want for nothing?";

    #[test]
    fn rfc4231_vectors() {
        assert_eq!(
            hex::encode(sign(MacAlgo::Sha256, KEY, DATA)),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        assert_eq!(
            hex::encode(sign(MacAlgo::Sha512, KEY, DATA)),
            "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554\
             9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"
        );
    }

    #[test]
    fn verify_is_exact() {
        let sig = sign(MacAlgo::Sha256, KEY, DATA);
        assert!(verify(MacAlgo::Sha256, KEY, DATA, &sig));
        assert!(!verify(
            MacAlgo::Sha256,
            KEY,
            b"what do ya want for nothing!",
            &sig
        ));
        assert!(!verify(MacAlgo::Sha256, KEY, DATA, &sig[..31]));
        assert!(!verify(MacAlgo::Sha512, KEY, DATA, &sig));
    }
}
