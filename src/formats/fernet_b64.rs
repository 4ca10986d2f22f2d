//! Seed 000's stored form: `base64.b64encode(fernet.encrypt(data))`, the
//! Fernet token's text (itself urlsafe base64) base64-encoded once more,
//! standard alphabet, padded. Its key is a Fernet key, usually derived from
//! a passphrase with scrypt (see [`super::derive`]).

use zeroize::Zeroizing;

use crate::crypto::b64::{self, Alphabet};
use crate::crypto::fernet::FernetKey;
use crate::error::Result;

use super::Open;

/// The Fernet token inside a stored value, or why there is none.
pub fn unwrap(value: &str) -> std::result::Result<String, Open> {
    let t = value.trim();
    // A Fernet token's text starts "gAAAAA" (0x80 and a 64-bit timestamp
    // whose high bytes are zero), whose base64 is "Z0FBQUFB".
    if !t.starts_with("Z0FBQUFB") {
        return Err(Open::NotThisFormat);
    }
    let inner = b64::decode(Alphabet::Standard, t)
        .ok_or_else(|| Open::Malformed("not standard base64".into()))?;
    String::from_utf8(inner).map_err(|_| Open::Malformed("the inner token is not text".into()))
}

/// The stored form of a token.
pub fn wrap(token: &str) -> String {
    b64::encode(Alphabet::Standard, token.as_bytes())
}

/// Decrypts a stored value with a Fernet key (no TTL: stored data does not expire).
pub fn open(key: &FernetKey, value: &str) -> std::result::Result<Zeroizing<Vec<u8>>, Open> {
    let token = unwrap(value)?;
    key.decrypt(&token, None).map_err(|e| match e {
        crate::crypto::fernet::FernetError::AuthFailed => Open::WrongKey,
        other => Open::Malformed(other.to_string()),
    })
}

/// Encrypts into the stored form.
pub fn seal(key: &FernetKey, plaintext: &[u8]) -> Result<String> {
    Ok(wrap(&key.encrypt(plaintext)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::keys::Key256;

    fn vector() -> serde_json::Value {
        let v: serde_json::Value =
            serde_json::from_str(include_str!("testdata/vectors.json")).unwrap();
        v["seed000"].clone()
    }

    #[test]
    fn reads_and_writes_what_the_service_writes() {
        let v = vector();
        let (k, _) = Key256::parse(v["fernet_key"].as_str().unwrap()).unwrap();
        let key = FernetKey::new(&k);
        let stored = v["stored"].as_str().unwrap();
        assert_eq!(&open(&key, stored).unwrap()[..], b"remember the milk");
        let again = seal(&key, b"new value").unwrap();
        assert!(again.starts_with("Z0FBQUFB"));
        assert_eq!(&open(&key, &again).unwrap()[..], b"new value");
        let other = FernetKey::new(&Key256::from_bytes([7; 32]));
        assert_eq!(open(&other, stored), Err(Open::WrongKey));
    }

    #[test]
    fn other_values_are_not_this_format() {
        assert_eq!(unwrap("gAAAAABl..."), Err(Open::NotThisFormat));
        assert_eq!(unwrap("hello"), Err(Open::NotThisFormat));
        assert!(matches!(unwrap("Z0FBQUFB!!"), Err(Open::Malformed(_))));
    }
}
