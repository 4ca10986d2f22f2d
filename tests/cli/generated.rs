//! completions/ and man/ are generated from the clap definitions and
//! committed; this test fails when they are stale. To refresh them:
//! `KEYWARD_BLESS=1 cargo test --test cli generated` (or `bash scripts/regen.sh`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::util::*;

const SHELLS: &[(&str, &str)] = &[
    ("bash", "keyward.bash"),
    ("zsh", "_keyward"),
    ("fish", "keyward.fish"),
    ("powershell", "_keyward.ps1"),
    ("elvish", "keyward.elv"),
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn bless() -> bool {
    std::env::var_os("KEYWARD_BLESS").is_some()
}

fn read_dir(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut m = BTreeMap::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries {
            let e = e.unwrap();
            m.insert(
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            );
        }
    }
    m
}

#[test]
fn completions_are_fresh() {
    let dir = root().join("completions");
    let mut stale = Vec::new();
    for (shell, file) in SHELLS {
        let fresh = kw()
            .args(["completions", shell])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let path = dir.join(file);
        if std::fs::read(&path).ok().as_deref() != Some(&fresh[..]) {
            if bless() {
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(&path, &fresh).unwrap();
            } else {
                stale.push(file.to_string());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "stale completions {stale:?}: run `bash scripts/regen.sh` and commit"
    );
}

#[test]
fn man_pages_are_fresh() {
    let tmp = tempfile::tempdir().unwrap();
    kw().arg("manpages").arg(tmp.path()).assert().success();
    let fresh = read_dir(tmp.path());
    assert!(fresh.contains_key("keyward.1") && fresh.contains_key("keyward-keygen-master.1"));
    assert!(
        !fresh
            .keys()
            .any(|k| k.contains("completions") || k.contains("manpages"))
    );
    let dir = root().join("man");
    if read_dir(&dir) != fresh {
        if bless() {
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            for (name, bytes) in &fresh {
                std::fs::write(dir.join(name), bytes).unwrap();
            }
        } else {
            panic!("man/ is stale: run `bash scripts/regen.sh` and commit");
        }
    }
}
