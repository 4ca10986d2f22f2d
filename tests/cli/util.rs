//! Helpers shared by the end-to-end tests.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The keyward binary with a clean environment: no KEYWARD_* variables, no
/// NO_COLOR, stdin empty (so no test ever waits on a prompt).
pub fn kw() -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("keyward");
    for (k, _) in std::env::vars_os() {
        let k = k.to_string_lossy().to_string();
        if k.starts_with("KEYWARD_") || k == "NO_COLOR" {
            cmd.env_remove(&k);
        }
    }
    cmd.write_stdin(Vec::<u8>::new());
    cmd
}

/// Path of the built binary, for shell pipelines.
pub fn kw_path() -> PathBuf {
    assert_cmd::cargo::cargo_bin!("keyward").to_path_buf()
}

/// stdout of a successful run, as text.
pub fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

/// Writes `text` to `dir/name` with `mode`.
pub fn write_file(dir: &Path, name: &str, text: &str, mode: u32) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode)).unwrap();
    p
}

/// The mode bits of a file.
pub fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// A fixed 256-bit key in hex, for tests.
pub const KEY_HEX: &str = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
/// The Fernet spec's key (fernet/spec generate.json).
pub const SPEC_FERNET_KEY: &str = "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=";
/// The Fernet spec's token for "hello" at 1985-10-26T01:20:00-07:00.
pub const SPEC_FERNET_TOKEN: &str = "gAAAAAAdwJ6wAAECAwQFBgcICQoLDA0ODy021cpGVWKZ_eEwCGM4BLLF_5CV9dOPmrhuVUPgJobwOz7JcbmrR64jVmpU4IwqDA==";

/// Parses stdout as JSON.
pub fn json_of(cmd: &mut Command) -> serde_json::Value {
    serde_json::from_str(&stdout_of(cmd)).expect("stdout is one JSON document")
}
