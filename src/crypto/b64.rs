//! Base64 on the hot path of a rotation: SIMD (`base64-simd`) for the
//! common, well-formed case, with the `base64` crate as the authority on
//! everything else, so what is accepted and what it decodes to never
//! depend on which path ran.
//!
//! Decoding is padding-indifferent (padded or not, as Python's and Go's
//! encoders write it) and rejects non-canonical trailing bits, exactly as
//! `base64`'s `*_NO_PAD_INDIFFERENT` engines do: the SIMD decoder is tried
//! first and any input it refuses is handed to those engines.

use base64::Engine;
use base64::engine::general_purpose;

/// Which alphabet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Alphabet {
    /// `+/` (the envelope's text form).
    Standard,
    /// `-_` (Fernet).
    UrlSafe,
}

/// Encodes with padding.
pub fn encode(alphabet: Alphabet, data: &[u8]) -> String {
    match alphabet {
        Alphabet::Standard => base64_simd::STANDARD.encode_to_string(data),
        Alphabet::UrlSafe => base64_simd::URL_SAFE.encode_to_string(data),
    }
}

/// Decodes padded or unpadded text; `None` when it is not base64 of that
/// alphabet (or has non-canonical trailing bits).
pub fn decode(alphabet: Alphabet, text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    // Canonical padding: the SIMD padded decoder; no padding at all: the
    // SIMD unpadded one. Anything else (partial padding, bad characters)
    // goes to the reference engine below.
    let fast = if bytes.len().is_multiple_of(4) {
        match alphabet {
            Alphabet::Standard => base64_simd::STANDARD.decode_to_vec(bytes),
            Alphabet::UrlSafe => base64_simd::URL_SAFE.decode_to_vec(bytes),
        }
    } else {
        match alphabet {
            Alphabet::Standard => base64_simd::STANDARD_NO_PAD.decode_to_vec(bytes),
            Alphabet::UrlSafe => base64_simd::URL_SAFE_NO_PAD.decode_to_vec(bytes),
        }
    };
    if let Ok(v) = fast {
        return Some(v);
    }
    let engine = match alphabet {
        Alphabet::Standard => &general_purpose::STANDARD_NO_PAD_INDIFFERENT,
        Alphabet::UrlSafe => &general_purpose::URL_SAFE_NO_PAD_INDIFFERENT,
    };
    engine.decode(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn reference(alphabet: Alphabet, text: &str) -> Option<Vec<u8>> {
        match alphabet {
            Alphabet::Standard => general_purpose::STANDARD_NO_PAD_INDIFFERENT.decode(text),
            Alphabet::UrlSafe => general_purpose::URL_SAFE_NO_PAD_INDIFFERENT.decode(text),
        }
        .ok()
    }

    #[test]
    fn encodes_as_the_reference() {
        for n in 0..70usize {
            let data: Vec<u8> = (0..n as u8).map(|i| i.wrapping_mul(37)).collect();
            assert_eq!(
                encode(Alphabet::Standard, &data),
                general_purpose::STANDARD.encode(&data)
            );
            assert_eq!(
                encode(Alphabet::UrlSafe, &data),
                general_purpose::URL_SAFE.encode(&data)
            );
        }
    }

    #[test]
    fn padding_is_optional_and_trailing_bits_must_be_canonical() {
        for a in [Alphabet::Standard, Alphabet::UrlSafe] {
            assert_eq!(decode(a, "aGk=").unwrap(), b"hi");
            assert_eq!(decode(a, "aGk").unwrap(), b"hi");
            assert_eq!(decode(a, "aQ==").unwrap(), b"i");
            assert_eq!(decode(a, "aQ").unwrap(), b"i");
            assert_eq!(decode(a, "aR=="), None, "non-canonical trailing bits");
            assert_eq!(decode(a, "a"), None);
            assert_eq!(decode(a, "aGk=aGk="), None);
        }
        assert_eq!(decode(Alphabet::Standard, "-_-_"), None);
        assert_eq!(decode(Alphabet::UrlSafe, "+/+/"), None);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn decodes_exactly_as_the_reference(text in "[A-Za-z0-9+/_=-]{0,40}") {
            for a in [Alphabet::Standard, Alphabet::UrlSafe] {
                prop_assert_eq!(decode(a, &text), reference(a, &text), "{}", text);
            }
        }

        #[test]
        fn round_trips(data in proptest::collection::vec(any::<u8>(), 0..200)) {
            for a in [Alphabet::Standard, Alphabet::UrlSafe] {
                let text = encode(a, &data);
                prop_assert_eq!(decode(a, &text), Some(data.clone()));
                prop_assert_eq!(decode(a, text.trim_end_matches('=')), Some(data.clone()));
            }
        }
    }
}
