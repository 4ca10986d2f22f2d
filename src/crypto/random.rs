//! Randomness from the operating system's CSPRNG (getrandom), and unbiased
//! choices from an alphabet for passwords and API keys.

use crate::error::{Error, Result};
use crate::secret::{SecretBytes, SecretString};

/// Fills `buf` from the OS CSPRNG.
pub fn fill(buf: &mut [u8]) -> Result<()> {
    getrandom::fill(buf)
        .map_err(|e| Error::environment(format!("the OS random number generator failed: {e}")))
}

/// `n` fresh random bytes.
pub fn bytes(n: usize) -> Result<SecretBytes> {
    let mut out = SecretBytes::zeroed(n);
    fill(out.expose_mut())?;
    Ok(out)
}

/// A fixed-size random array (nonces, IVs: not secret).
pub fn array<const N: usize>() -> Result<[u8; N]> {
    let mut out = [0u8; N];
    fill(&mut out)?;
    Ok(out)
}

/// A fixed-size random array for values that are public but must never
/// repeat (AES-GCM nonces, CBC IVs), from a per-thread buffer refilled from
/// the OS CSPRNG 4 KiB at a time: one system call per few hundred values
/// instead of one each, which matters when a rotation seals millions of
/// them. Never used for keys. (A buffer copied by `fork` could repeat
/// nonces; keyward never forks without `exec`.)
pub fn nonce<const N: usize>() -> Result<[u8; N]> {
    use std::cell::RefCell;
    thread_local! {
        static POOL: RefCell<(Box<[u8; 4096]>, usize)> = RefCell::new((Box::new([0u8; 4096]), 4096));
    }
    POOL.with(|pool| {
        let mut pool = pool.borrow_mut();
        let (buf, used) = &mut *pool;
        if *used + N > buf.len() {
            fill(&mut buf[..])?;
            *used = 0;
        }
        let mut out = [0u8; N];
        out.copy_from_slice(&buf[*used..*used + N]);
        // Each byte is handed out once.
        buf[*used..*used + N].fill(0);
        *used += N;
        Ok(out)
    })
}

/// `len` characters drawn uniformly from `alphabet` (at most 256 distinct
/// ASCII characters). Rejection sampling keeps every character equally
/// likely: a byte is used only below the largest multiple of the alphabet
/// size, so no modulo bias.
pub fn string_from(alphabet: &[u8], len: usize) -> Result<SecretString> {
    assert!(!alphabet.is_empty() && alphabet.len() <= 256 && alphabet.is_ascii());
    let n = alphabet.len();
    let limit = 256 - (256 % n);
    let mut out = String::with_capacity(len);
    let mut pool = SecretBytes::zeroed(len.max(16) * 2);
    let mut used = pool.len();
    while out.len() < len {
        if used == pool.len() {
            fill(pool.expose_mut())?;
            used = 0;
        }
        let b = pool.expose()[used] as usize;
        used += 1;
        if b < limit {
            out.push(alphabet[b % n] as char);
        }
    }
    Ok(SecretString::new(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_use_only_the_alphabet_and_every_symbol() {
        let alpha = b"abc";
        let s = string_from(alpha, 3000).unwrap();
        assert_eq!(s.len(), 3000);
        for c in alpha {
            let count = s.expose().bytes().filter(|b| b == c).count();
            // 1000 expected each; a 6-sigma band is about +-160.
            assert!(
                (800..1200).contains(&count),
                "{} appears {count} times",
                *c as char
            );
        }
        assert!(s.expose().bytes().all(|b| alpha.contains(&b)));
    }

    #[test]
    fn nonces_never_repeat() {
        let mut seen = std::collections::HashSet::new();
        for _ in 0..10_000 {
            assert!(seen.insert(nonce::<12>().unwrap()));
        }
    }

    #[test]
    fn bytes_differ_between_calls() {
        assert_ne!(bytes(32).unwrap().expose(), bytes(32).unwrap().expose());
    }
}
