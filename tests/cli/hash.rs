//! `hash password` and `hash verify`: every algorithm end to end, every
//! password source, bad parameters and malformed hashes, `--needs-rehash`,
//! and interop both ways with argon2-cffi, bcrypt, passlib and hashlib.

use crate::util::*;

const PW: &str = "correct horse battery staple";

/// `hash password` with the password in $PW and `args`, returning the hash.
fn hash(args: &[&str]) -> String {
    let out = kw()
        .args(["hash", "password", "--password-env", "PW"])
        .args(args)
        .env("PW", PW)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", all_output(&out));
    assert!(!all_output(&out).contains(PW));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 1, "only the hash on stdout: {text}");
    text.trim_end().to_string()
}

/// `hash verify HASH` with `password` in $PW; returns (exit code, stdout, stderr).
fn verify(hash: &str, password: &str, args: &[&str]) -> (i32, String, String) {
    let out = kw()
        .args(["hash", "verify", hash, "--password-env", "PW"])
        .args(args)
        .env("PW", password)
        .output()
        .unwrap();
    assert!(!all_output(&out).contains(password) || password.len() < 4);
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn default_is_argon2id_with_rfc9106_low_memory_parameters() {
    let h = hash(&[]);
    assert!(h.starts_with("$argon2id$v=19$m=65536,t=3,p=4$"), "{h}");
    let (code, out, _) = verify(&h, PW, &[]);
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("match"), "{out}");
    let (code, out, _) = verify(&h, "correct horse battery stapler", &[]);
    assert_eq!(code, 1);
    assert!(out.starts_with("mismatch"), "{out}");
    // Two hashes of one password differ: the salt is random.
    assert_ne!(h, hash(&[]));
}

#[test]
fn every_algorithm_round_trips() {
    let cases: [(&[&str], &str); 5] = [
        (&["--algo", "bcrypt"], "$2b$12$"),
        (&["--algo", "bcrypt", "--cost", "10"], "$2b$10$"),
        (
            &["--algo", "scrypt", "--cost", "10"],
            "$scrypt$ln=10,r=8,p=1$",
        ),
        (
            &["--algo", "pbkdf2-sha256", "--iterations", "1000"],
            "$pbkdf2-sha256$i=1000,l=32$",
        ),
        (
            &["--memory", "64", "--iterations", "1"],
            "$argon2id$v=19$m=64,t=1,p=4$",
        ),
    ];
    for (args, prefix) in cases {
        let h = hash(args);
        assert!(h.starts_with(prefix), "{h}");
        assert_eq!(verify(&h, PW, &[]).0, 0, "{h}");
        assert_eq!(verify(&h, "Correct horse battery staple", &[]).0, 1, "{h}");
    }
}

#[test]
fn defaults_of_scrypt_and_pbkdf2_are_owasps() {
    let s = hash(&["--algo", "scrypt"]);
    assert!(s.starts_with("$scrypt$ln=17,r=8,p=1$"), "{s}");
    let p = hash(&["--algo", "pbkdf2-sha256"]);
    assert!(p.starts_with("$pbkdf2-sha256$i=600000,l=32$"), "{p}");
}

#[test]
fn below_owasp_is_accepted_with_a_warning() {
    let out = kw()
        .args([
            "hash",
            "password",
            "--password-env",
            "PW",
            "--memory",
            "4MiB",
            "--iterations",
            "1",
        ])
        .env("PW", PW)
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning") && err.contains("below OWASP"),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("$argon2id$v=19$m=4096,t=1,p=4$"));
}

#[test]
fn password_sources() {
    let dir = tempfile::tempdir().unwrap();
    // stdin: one trailing newline is the pipe's.
    let h = stdout_of(
        kw().args([
            "hash",
            "password",
            "--password-stdin",
            "--memory",
            "64",
            "--iterations",
            "1",
        ])
        .write_stdin(format!("{PW}\n")),
    );
    assert_eq!(verify(h.trim(), PW, &[]).0, 0);
    // A private file.
    let f = write_file(dir.path(), "pw", &format!("{PW}\n"), 0o600);
    let h = stdout_of(
        kw().args([
            "hash",
            "password",
            "--memory",
            "64",
            "--iterations",
            "1",
            "--password-file",
        ])
        .arg(&f),
    );
    assert_eq!(verify(h.trim(), PW, &[]).0, 0);
    let out = kw()
        .args(["hash", "verify", h.trim(), "--password-stdin"])
        .write_stdin(PW)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    // A file others can read is refused, as ssh refuses a key.
    let open = write_file(dir.path(), "open", PW, 0o644);
    let out = kw()
        .args(["hash", "password", "--password-file"])
        .arg(&open)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&out.stderr).contains("chmod 600"));
    // No source and no terminal: a usage error naming the flags, never a hang.
    let out = kw().args(["hash", "password"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--password-stdin"));
    // An unset variable and an empty password are bad input.
    let out = kw()
        .args(["hash", "password", "--password-env", "NOPE_UNSET"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let out = kw()
        .args(["hash", "password", "--password-stdin"])
        .write_stdin("\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    // The hash and the password cannot both be on stdin.
    let out = kw()
        .args(["hash", "verify", "-", "--password-stdin"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_hash_can_come_from_stdin() {
    let h = hash(&["--memory", "64", "--iterations", "1"]);
    let out = kw()
        .args(["hash", "verify", "-", "--password-env", "PW"])
        .env("PW", PW)
        .write_stdin(format!("{h}\n"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", all_output(&out));
}

#[test]
fn bcrypt_refuses_to_truncate() {
    let long = "x".repeat(73);
    let out = kw()
        .args([
            "hash",
            "password",
            "--algo",
            "bcrypt",
            "--cost",
            "10",
            "--password-env",
            "PW",
        ])
        .env("PW", &long)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let all = all_output(&out);
    assert!(all.contains("73 bytes") && all.contains("72"), "{all}");
    assert!(!all.contains(&long));
    assert!(out.stdout.is_empty());
    // 72 bytes is bcrypt's whole input, and fine.
    let h = hash_with(&"y".repeat(72), &["--algo", "bcrypt", "--cost", "10"]);
    assert!(h.starts_with("$2b$10$"));
    // Verifying a longer password against a bcrypt hash is refused too,
    // rather than matching on its first 72 bytes.
    let (code, _, err) = verify(&h, &"y".repeat(80), &[]);
    assert_eq!(code, 3, "{err}");
}

fn hash_with(password: &str, args: &[&str]) -> String {
    let out = kw()
        .args(["hash", "password", "--password-env", "PW"])
        .args(args)
        .env("PW", password)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", all_output(&out));
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

#[test]
fn absurd_parameters_are_usage_errors() {
    let cases: [(&[&str], &str); 13] = [
        (&["--algo", "bcrypt", "--cost", "9"], "below 10"),
        (&["--algo", "bcrypt", "--cost", "32"], "4-18"),
        (&["--algo", "bcrypt", "--cost", "19"], "4-18"),
        (&["--memory", "5GiB"], "limit of 1 GiB"),
        (&["--memory", "7"], "at least 8 KiB per lane"),
        (&["--memory", "16", "--parallelism", "4"], "8 KiB per lane"),
        (&["--iterations", "0"], "iterations must be"),
        (&["--parallelism", "0"], "parallelism must be"),
        (&["--memory", "lots"], "not a size"),
        (
            &["--algo", "pbkdf2-sha256", "--iterations", "0"],
            "at least 1 iteration",
        ),
        (&["--algo", "scrypt", "--cost", "40"], "limit of 2^20"),
        (&["--cost", "12"], "does not apply to argon2id"),
        (&["--algo", "md5"], "invalid value"),
    ];
    for (args, expect) in cases {
        let out = kw()
            .args(["hash", "password", "--password-env", "PW"])
            .args(args)
            .env("PW", PW)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(expect), "{args:?}: {err}");
        assert!(out.stdout.is_empty());
        assert!(!err.contains(PW));
    }
}

#[test]
fn malformed_and_unknown_hashes_are_bad_input() {
    let cases = [
        ("not-a-hash", "does not start with '$'"),
        ("$argon2id$garbage", "malformed password hash"),
        (
            "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ",
            "malformed password hash",
        ),
        (
            "$argon2id$v=19$m=8000000,t=3,p=4$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaA",
            "beyond keyward's limits",
        ),
        ("$2b$12$short", "bcrypt"),
        (
            "$2b$99$CCCCCCCCCCCCCCCCCCCCC.FXJHjF.8tyWAsIeGLxC7hC/nyX4QxgC",
            "bcrypt",
        ),
        (
            "$2x$10$CCCCCCCCCCCCCCCCCCCCC.FXJHjF.8tyWAsIeGLxC7hC/nyX4QxgC",
            "legacy variant",
        ),
        (
            "$1$saltsalt$hash",
            "unsupported password hash algorithm '1'",
        ),
        (
            "$md5$rounds=1$x$y",
            "unsupported password hash algorithm 'md5'",
        ),
        (
            "$pbkdf2-sha256$abc$salt$hash",
            "rounds field is not a number",
        ),
        ("$scrypt$ln=99,r=8,p=1$c2FsdA$aGFzaA", "scrypt"),
    ];
    for (h, expect) in cases {
        let (code, out, err) = verify(h, PW, &[]);
        assert_eq!(code, 3, "{h}: {err}");
        assert!(err.contains(expect), "{h}: {err}");
        assert!(out.is_empty(), "{h}: {out}");
        assert!(!err.contains(PW));
    }
}

/// Hardening #4: a stored hash whose parameters are over keyward's KDF
/// limits is bad input (exit 3), refused before any work: each case ends in
/// well under a second. Before, scrypt's p=2^30-1 aborted on a 137 GB
/// allocation, argon2 took m=4 GiB, t=100, p=255 and PBKDF2 100,000,000
/// iterations.
#[test]
fn hardening_4_hostile_stored_hashes_are_refused_before_any_work() {
    const SALT: &str = "c2FsdHNhbHRzYWx0c2FsdA";
    const HASH: &str = "aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";
    let cases = [
        (
            "scrypt$ln=1,r=1,p=1073741823",
            "scrypt p=1073741823 is over keyward's limit of 16",
        ),
        ("scrypt$ln=10,r=8,p=17", "scrypt p=17"),
        ("scrypt$ln=21,r=1,p=1", "scrypt N=2097152 (2^21) is over"),
        ("scrypt$ln=10,r=33,p=1", "scrypt r=33"),
        ("scrypt$ln=20,r=8,p=2", "128*N*r*p"),
        ("argon2id$v=19$m=4194304,t=1,p=1", "limit of 1 GiB"),
        ("argon2id$v=19$m=1048577,t=1,p=1", "limit of 1 GiB"),
        ("argon2id$v=19$m=1048576,t=5,p=1", "m*t"),
        ("argon2id$v=19$m=64,t=65,p=1", "t=65"),
        ("argon2i$v=19$m=4096,t=1,p=17", "p=17"),
        ("pbkdf2-sha256$i=10000001,l=32", "limit of 10,000,000"),
        ("pbkdf2-sha512$i=50000000,l=32", "limit of 10,000,000"),
    ];
    let mut hashes: Vec<(String, &str)> = cases
        .iter()
        .map(|(params, expect)| (format!("${params}${SALT}${HASH}"), *expect))
        .collect();
    // passlib's own PBKDF2 form.
    hashes.push((
        "$pbkdf2-sha256$50000000$MDEyMzQ1Njc4OWFiY2RlZg$hRRjgXWkW8ResfIvBP99J/T4vkgEmMRV/0tJTOjR59I"
            .to_string(),
        "limit of 10,000,000",
    ));
    for (h, expect) in &hashes {
        for extra in [&[][..], &["--needs-rehash"][..]] {
            let start = std::time::Instant::now();
            let (code, out, err) = verify(h, PW, extra);
            let took = start.elapsed();
            assert_eq!(code, 3, "{h}: {err}");
            assert!(err.contains("beyond keyward's limits"), "{h}: {err}");
            assert!(err.contains(expect), "{h}: {err}");
            assert!(out.is_empty(), "{h}: {out}");
            assert!(
                took < std::time::Duration::from_secs(1),
                "{h} took {took:?}"
            );
        }
    }
}

/// Hardening #4: flags over the same limits are usage errors (exit 2),
/// before any work, in `hash password` and `hash verify --needs-rehash`.
#[test]
fn hardening_4_hostile_hash_flags_are_usage_errors() {
    let cases: &[(&[&str], &str)] = &[
        (&["--parallelism", "17"], "1-16"),
        (&["--memory", "2GiB"], "limit of 1 GiB"),
        (&["--memory", "1GiB", "--iterations", "5"], "m*t"),
        (&["--iterations", "65"], "1-64"),
        (&["--algo", "scrypt", "--parallelism", "17"], "scrypt p=17"),
        (&["--algo", "scrypt", "--block-size", "33"], "scrypt r=33"),
        (&["--algo", "scrypt", "--cost", "21"], "limit of 2^20"),
        (
            &["--algo", "pbkdf2-sha256", "--iterations", "4000000000"],
            "limit of 10,000,000",
        ),
    ];
    let stored = "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$Wb9DOLKUgwlL5fjad9tfCPU0SBAo0PEY/evJRhwtUR0";
    for (args, expect) in cases {
        for cmd in [
            &["hash", "password"][..],
            &["hash", "verify", stored, "--needs-rehash"][..],
        ] {
            let start = std::time::Instant::now();
            let out = kw()
                .args(cmd)
                .args(["--password-env", "PW"])
                .args(*args)
                .env("PW", PW)
                .output()
                .unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{cmd:?} {args:?}: {err}");
            assert!(err.contains(expect), "{cmd:?} {args:?}: {err}");
            assert!(out.stdout.is_empty());
            assert!(start.elapsed() < std::time::Duration::from_secs(1));
        }
    }
}

#[test]
fn needs_rehash_compares_with_the_current_parameters() {
    let weak = hash(&["--memory", "4096", "--iterations", "1"]);
    let (code, out, _) = verify(&weak, PW, &["--needs-rehash"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("needs rehash") && out.contains("m=4096 KiB is below 65536"),
        "{out}"
    );
    // Stronger-than-default flags define "current" for a service with its own policy.
    let fine = hash(&[]);
    let (code, out, _) = verify(&fine, PW, &["--needs-rehash"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("parameters current"), "{out}");
    let (code, _, _) = verify(&fine, PW, &["--needs-rehash", "--memory", "128MiB"]);
    assert_eq!(code, 1);
    // A mismatch is a mismatch whatever the parameters.
    assert_eq!(verify(&fine, "wrong password!", &["--needs-rehash"]).0, 1);
    // bcrypt: below the default cost 12; and migrating to argon2id.
    let b10 = hash(&["--algo", "bcrypt", "--cost", "10"]);
    let (code, out, _) = verify(&b10, PW, &["--needs-rehash"]);
    assert_eq!(code, 1);
    assert!(out.contains("cost 10 is below 12"), "{out}");
    let (code, out, _) = verify(&b10, PW, &["--needs-rehash", "--algo", "argon2id"]);
    assert_eq!(code, 1);
    assert!(out.contains("the current algorithm is argon2id"), "{out}");
    // Parameter flags without --needs-rehash mean nothing, so they are refused.
    assert_eq!(verify(&fine, PW, &["--memory", "64MiB"]).0, 2);
    assert_eq!(verify(&fine, PW, &["--needs-rehash", "--cost", "12"]).0, 2);
}

/// Hardening #21: `hash password` defaults to RFC 9106's low-memory
/// argon2id (m=64 MiB, t=3, p=4), keeps OWASP's minimum as `--preset
/// owasp`, and `hash verify --needs-rehash` judges against the chosen
/// preset, which the parameter flags adjust.
#[test]
fn hardening_21_presets_for_hashing_and_needs_rehash() {
    let default = hash(&[]);
    assert!(
        default.starts_with("$argon2id$v=19$m=65536,t=3,p=4$"),
        "{default}"
    );
    let owasp = hash(&["--preset", "owasp"]);
    assert!(
        owasp.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{owasp}"
    );
    let adjusted = hash(&["--preset", "owasp", "--memory", "32MiB"]);
    assert!(
        adjusted.starts_with("$argon2id$v=19$m=32768,t=2,p=1$"),
        "{adjusted}"
    );
    // The default preset is current for itself; an OWASP-preset hash is
    // below it in m, t and p, and current for --preset owasp.
    let (code, out, _) = verify(&default, PW, &["--needs-rehash"]);
    assert_eq!(code, 0, "{out}");
    let (code, out, _) = verify(&owasp, PW, &["--needs-rehash"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("m=19456 KiB is below 65536 KiB")
            && out.contains("t=2 is below 3")
            && out.contains("p=1 is below 4"),
        "{out}"
    );
    let (code, out, _) = verify(&owasp, PW, &["--needs-rehash", "--preset", "owasp"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("parameters current"), "{out}");
    let (code, _, _) = verify(&default, PW, &["--needs-rehash", "--preset", "owasp"]);
    assert_eq!(code, 0);
    let (code, out, _) = verify(
        &owasp,
        PW,
        &["--needs-rehash", "--preset", "owasp", "--iterations", "3"],
    );
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("t=2 is below 3"), "{out}");
    // --preset names argon2id parameter sets: with another algorithm, and
    // without --needs-rehash, it is a usage error.
    let out = kw()
        .args(["hash", "password", "--password-env", "PW"])
        .args(["--algo", "bcrypt", "--preset", "owasp"])
        .env("PW", PW)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(all_output(&out).contains("--preset does not apply to bcrypt"));
    assert_eq!(verify(&owasp, PW, &["--preset", "owasp"]).0, 2);
    let b10 = hash(&["--algo", "bcrypt", "--cost", "10"]);
    assert_eq!(
        verify(&b10, PW, &["--needs-rehash", "--preset", "owasp"]).0,
        2
    );
    // Migrating to argon2id under a preset: a bcrypt hash is out of date.
    let (code, out, _) = verify(
        &b10,
        PW,
        &["--needs-rehash", "--algo", "argon2id", "--preset", "owasp"],
    );
    assert_eq!(code, 1);
    assert!(out.contains("the current algorithm is argon2id"), "{out}");
    // --help names both presets and their parameters.
    let help = stdout_of(kw().args(["hash", "password", "--help"]));
    assert!(
        help.contains("rfc9106-low-memory") && help.contains("m=64 MiB, t=3, p=4"),
        "{help}"
    );
    assert!(
        help.contains("owasp") && help.contains("m=19 MiB, t=2, p=1"),
        "{help}"
    );
}

#[test]
fn verify_reports_json() {
    let weak = hash(&["--memory", "4096", "--iterations", "1"]);
    let doc = json_with_code(
        kw().args([
            "--format",
            "json",
            "hash",
            "verify",
            &weak,
            "--password-env",
            "PW",
            "--needs-rehash",
        ])
        .env("PW", PW),
        1,
    );
    assert_eq!(doc["match"], true);
    assert_eq!(doc["algorithm"], "argon2id");
    assert_eq!(doc["form"], "phc");
    assert_eq!(doc["params"]["m"], 4096);
    assert_eq!(doc["needs_rehash"], true);
    // m and t below RFC 9106 low-memory's m=65536, t=3 (p=4 is the preset's).
    assert_eq!(doc["rehash_reasons"].as_array().unwrap().len(), 2);
    let doc = json_with_code(
        kw().args([
            "--format",
            "json",
            "hash",
            "verify",
            &weak,
            "--password-env",
            "PW",
        ])
        .env("PW", "nope-nope"),
        1,
    );
    assert_eq!(doc["match"], false);
    assert!(doc.get("needs_rehash").is_none());
    let doc = json_of(
        kw().args([
            "--format",
            "json",
            "hash",
            "password",
            "--password-env",
            "PW",
            "--algo",
            "bcrypt",
            "--cost",
            "10",
        ])
        .env("PW", PW),
    );
    assert!(doc["hash"].as_str().unwrap().starts_with("$2b$10$"));
    assert_eq!(doc["params"]["cost"], 10);
    let out = kw()
        .args([
            "--format",
            "csv",
            "hash",
            "password",
            "--password-env",
            "PW",
        ])
        .env("PW", PW)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

// ---- interop ----

#[test]
fn argon2_cffi_reads_keywards_hashes_and_keyward_reads_its() {
    let Some(py) = python_with("argon2") else {
        return;
    };
    // keyward's OWASP preset is what argon2-cffi judges with those parameters.
    let h = hash(&["--preset", "owasp"]);
    let out = python_out(
        &py,
        "import os,sys,argon2\nph=argon2.PasswordHasher()\nprint(ph.verify(sys.argv[1], os.environ['PW']))\ntry:\n    ph.verify(sys.argv[1], 'wrong')\n    print('bad')\nexcept argon2.exceptions.VerifyMismatchError:\n    print('mismatch')\nprint(argon2.PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1).check_needs_rehash(sys.argv[1]))",
        &[&h],
        &[("PW", PW)],
    );
    assert_eq!(out, "True\nmismatch\nFalse\n");
    // argon2-cffi's own defaults (RFC 9106 low-memory: m=64 MiB, t=3, p=4),
    // argon2i, and a weak one that needs rehashing.
    let theirs = python_out(
        &py,
        "import os,argon2\nfrom argon2.low_level import Type\npw=os.environ['PW']\nprint(argon2.PasswordHasher().hash(pw))\nprint(argon2.PasswordHasher(type=Type.I, memory_cost=1024, time_cost=2).hash(pw))\nprint(argon2.PasswordHasher(memory_cost=1024, time_cost=1, parallelism=1).hash(pw))",
        &[],
        &[("PW", PW)],
    );
    let lines: Vec<&str> = theirs.lines().collect();
    assert!(lines[0].starts_with("$argon2id$v=19$m=65536,t=3,p=4$"));
    let (code, out, _) = verify(lines[0], PW, &["--needs-rehash"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(verify(lines[0], "wrong horse", &[]).0, 1);
    let (code, out, _) = verify(lines[1], PW, &["--needs-rehash"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("argon2i; argon2id is today's variant"),
        "{out}"
    );
    assert_eq!(verify(lines[1], PW, &[]).0, 0);
    assert_eq!(verify(lines[2], PW, &["--needs-rehash"]).0, 1);
}

/// Hardening #21: a keyward hash with the defaults is one argon2-cffi
/// verifies and whose `check_needs_rehash`, with argon2-cffi's own defaults
/// (RFC 9106 low-memory), is False; before, keyward wrote m=19456, t=2,
/// p=1, which it flagged, so a service rehashed at every login.
#[test]
fn hardening_21_default_hashes_are_current_for_argon2_cffi() {
    let Some(py) = python_with("argon2") else {
        return;
    };
    let h = hash(&[]);
    let out = python_out(
        &py,
        "import os,sys,argon2\nph=argon2.PasswordHasher()\nprint(ph.verify(sys.argv[1], os.environ['PW']))\nprint(ph.check_needs_rehash(sys.argv[1]))",
        &[&h],
        &[("PW", PW)],
    );
    assert_eq!(out, "True\nFalse\n", "{h}");
    // The same in keyward with the explicit preset name.
    assert_eq!(
        hash(&["--preset", "rfc9106-low-memory"])[..31],
        h[..31],
        "{h}"
    );
}

#[test]
fn python_bcrypt_reads_keywards_hashes_and_keyward_reads_2a_2b_2y() {
    let Some(py) = python_with("bcrypt") else {
        return;
    };
    let h = hash(&["--algo", "bcrypt", "--cost", "10"]);
    let out = python_out(
        &py,
        "import os,sys,bcrypt\nh=sys.argv[1].encode()\nprint(bcrypt.checkpw(os.environ['PW'].encode(), h), bcrypt.checkpw(b'wrong', h))",
        &[&h],
        &[("PW", PW)],
    );
    assert_eq!(out, "True False\n");
    let theirs = python_out(
        &py,
        "import os,bcrypt\npw=os.environ['PW'].encode()\nb=bcrypt.hashpw(pw, bcrypt.gensalt(10)).decode()\nprint(b)\nprint(bcrypt.hashpw(pw, bcrypt.gensalt(10, prefix=b'2a')).decode())\nprint('$2y$'+b[4:])",
        &[],
        &[("PW", PW)],
    );
    for line in theirs.lines() {
        assert_eq!(verify(line, PW, &[]).0, 0, "{line}");
        assert_eq!(
            verify(line, "Correct horse battery staple", &[]).0,
            1,
            "{line}"
        );
        let (code, out, _) = verify(line, PW, &["--needs-rehash"]);
        assert_eq!(code, 1, "cost 10 < 12: {out}");
    }
}

#[test]
fn passlib_hashes_verify_in_keyward() {
    let Some(py) = python_with("passlib.hash") else {
        return;
    };
    let theirs = python_out(
        &py,
        "import os,warnings\nwarnings.simplefilter('ignore')\nfrom passlib.hash import pbkdf2_sha256, scrypt, argon2\npw=os.environ['PW']\nprint(pbkdf2_sha256.hash(pw))\nprint(pbkdf2_sha256.using(rounds=600000).hash(pw))\nprint(scrypt.using(rounds=12).hash(pw))\nprint(argon2.using(memory_cost=1024, rounds=2).hash(pw))",
        &[],
        &[("PW", PW)],
    );
    let lines: Vec<&str> = theirs.lines().collect();
    assert!(
        lines[0].starts_with("$pbkdf2-sha256$29000$"),
        "{}",
        lines[0]
    );
    for line in &lines {
        assert_eq!(verify(line, PW, &[]).0, 0, "{line}");
        assert_eq!(verify(line, "wrong horse", &[]).0, 1, "{line}");
    }
    // passlib's default 29,000 rounds are far below today's 600,000.
    let (code, out, _) = verify(lines[0], PW, &["--needs-rehash"]);
    assert_eq!(code, 1);
    assert!(out.contains("29000 iterations is below 600000"), "{out}");
    assert_eq!(verify(lines[1], PW, &["--needs-rehash"]).0, 0);
    let doc = json_of(
        kw().args([
            "--format",
            "json",
            "hash",
            "verify",
            lines[0],
            "--password-env",
            "PW",
        ])
        .env("PW", PW),
    );
    assert_eq!(doc["form"], "passlib");
}

#[test]
fn hashlib_recomputes_keywards_scrypt_and_pbkdf2_hashes() {
    let Some(py) = python_with("hashlib") else {
        return;
    };
    // PHC: $id$params$salt$hash, both in unpadded standard base64.
    let code = "import base64,hashlib,os,sys\nh=sys.argv[1].split('$')\nb=lambda s: base64.b64decode(s+'='*(-len(s)%4))\np=dict(kv.split('=') for kv in h[2].split(','))\npw=os.environ['PW'].encode()\nif h[1]=='scrypt':\n    d=hashlib.scrypt(pw, salt=b(h[3]), n=2**int(p['ln']), r=int(p['r']), p=int(p['p']), dklen=len(b(h[4])))\nelse:\n    d=hashlib.pbkdf2_hmac('sha256', pw, b(h[3]), int(p['i']), int(p['l']))\nprint(d==b(h[4]))";
    for args in [
        &["--algo", "scrypt", "--cost", "12"][..],
        &["--algo", "pbkdf2-sha256", "--iterations", "2000"][..],
    ] {
        let h = hash(args);
        assert_eq!(python_out(&py, code, &[&h], &[("PW", PW)]), "True\n", "{h}");
    }
}

/// Hardening #4: a stored bcrypt hash's cost is bounded too: `$2b$31$`
/// would take about 36 hours; it is refused at once (exit 3).
#[test]
fn hardening_4_a_hostile_bcrypt_cost_is_refused_at_once() {
    let real = stdout_of(
        kw().args([
            "hash",
            "password",
            "--algo",
            "bcrypt",
            "--cost",
            "10",
            "--password-env",
            "PW",
        ])
        .env("PW", PW),
    );
    let started = std::time::Instant::now();
    for cost in ["31", "19"] {
        let hash = real.trim().replacen("$10$", &format!("${cost}$"), 1);
        kw().args(["hash", "verify", &hash, "--password-env", "PW"])
            .env("PW", PW)
            .assert()
            .code(3)
            .stderr(predicates::str::contains("4-18"));
    }
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}
