//! Envelope and Fernet throughput on 1 KiB values, one core.
//! Run: `cargo bench --bench envelope`. Throughput is plaintext bytes per
//! second for one seal plus one open (the work of re-encrypting a value).

#![allow(clippy::print_stdout, clippy::print_stderr)] // a test or bench prints its own report

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use keyward::crypto::envelope::EnvelopeKey;
use keyward::crypto::fernet::FernetKey;
use keyward::crypto::keys::Key256;

fn main() {
    divan::main();
}

const SIZES: &[usize] = &[64, 1024, 16 * 1024];

#[divan::bench(args = SIZES)]
fn envelope_seal_open(bencher: Bencher, size: usize) {
    let key = EnvelopeKey::new(&Key256::from_bytes([7; 32]), 1);
    let value = vec![0x61u8; size];
    bencher.counter(BytesCount::new(size)).bench(|| {
        let sealed = key.seal(black_box(&value), None).unwrap();
        let opened = key.open(black_box(&sealed), None).unwrap();
        black_box(opened.len())
    });
}

#[divan::bench(args = SIZES)]
fn envelope_seal_open_base64(bencher: Bencher, size: usize) {
    let key = EnvelopeKey::new(&Key256::from_bytes([7; 32]), 1);
    let value = vec![0x61u8; size];
    bencher.counter(BytesCount::new(size)).bench(|| {
        let sealed = key.seal_base64(black_box(&value), None).unwrap();
        let opened = key.open_base64(black_box(&sealed), None).unwrap();
        black_box(opened.len())
    });
}

#[divan::bench(args = SIZES)]
fn fernet_encrypt_decrypt(bencher: Bencher, size: usize) {
    let key = FernetKey::new(&Key256::from_bytes([7; 32]));
    let value = vec![0x61u8; size];
    bencher.counter(BytesCount::new(size)).bench(|| {
        let token = key.encrypt(black_box(&value)).unwrap();
        let opened = key.decrypt(black_box(&token), None).unwrap();
        black_box(opened.len())
    });
}
