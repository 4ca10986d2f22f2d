//! The frame: help, version, usage errors, formats, colour, broken pipes.

use predicates::prelude::*;

use crate::util::*;

#[test]
fn version_and_help_exit_zero() {
    kw().arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("keyward "));
    kw().arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("keygen").and(predicate::str::contains("Exit codes")));
    kw().args(["keygen", "master", "--help"]).assert().success();
}

#[test]
fn hidden_commands_stay_out_of_help() {
    kw().arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("completions").not())
        .stdout(predicate::str::contains("manpages").not());
}

#[test]
fn usage_errors_exit_2() {
    kw().arg("--no-such-flag").assert().code(2);
    kw().arg("frobnicate").assert().code(2);
    kw().assert().code(2);
    kw().args(["keygen"]).assert().code(2);
    kw().args(["keygen", "master", "--encoding", "rot13"])
        .assert()
        .code(2);
    kw().args(["keygen", "master", "--count", "0"])
        .assert()
        .code(2);
}

#[test]
fn unsupported_format_is_a_usage_error() {
    kw().args(["--format", "csv", "keygen", "master"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("keyward: error: keygen does not support --format csv; it offers text, json\n");
    kw().args(["keygen", "salt", "--format", "sarif"])
        .assert()
        .code(2);
}

#[test]
fn errors_are_one_line_plus_hint_without_colour_when_piped() {
    let dir = tempfile::tempdir().unwrap();
    let p = write_file(dir.path(), "k", "x", 0o600);
    let out = kw()
        .args(["keygen", "master", "--out"])
        .arg(&p)
        .assert()
        .code(4)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(lines[0].starts_with("keyward: error: ") && lines[0].ends_with("already exists"));
    assert!(lines[1].starts_with("  hint: "));
    assert!(!err.contains('\x1b'));
}

#[test]
fn colour_can_be_forced_and_no_color_is_respected() {
    kw().args(["--color", "always", "keygen", "password", "--length", "3"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("\x1b[1;31mkeyward: error:"));
    kw().args(["--color", "auto", "keygen", "password", "--length", "3"])
        .env("NO_COLOR", "1")
        .assert()
        .code(2)
        .stderr(predicate::str::contains('\x1b').not());
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let script = format!(
        "set -o pipefail; '{}' keygen password --count 5000 | head -n 1 >/dev/null",
        kw_path().display()
    );
    let status = std::process::Command::new("bash")
        .args(["-c", &script])
        .status()
        .unwrap();
    assert!(status.success(), "{status:?}");
}

#[test]
fn quiet_silences_notes_but_not_warnings() {
    let dir = tempfile::tempdir().unwrap();
    kw().args(["-q", "keygen", "master", "--bytes", "16", "--out"])
        .arg(dir.path().join("k"))
        .assert()
        .success()
        .stderr(predicate::str::contains("warning:").and(predicate::str::contains("wrote").not()));
}
