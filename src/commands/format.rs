//! `format list | test`: the value formats keyward reads and writes, and a
//! check that a service's stored values parse and decrypt in one of them
//! before a rotation touches them.

use serde::Serialize;
use zeroize::Zeroizing;

use crate::cli::{FormatCommand, FormatTestArgs};
use crate::commands::Ctx;
use crate::error::{Error, Outcome, Result};
use crate::formats::{BUILTINS, Codec, Open, ValueKey, tiger};
use crate::output::{Format, Output, Record, Report, Style, Styled};
use crate::rotate::keyset;
use crate::secret::read_stdin;

/// Runs a `format` subcommand.
pub fn run(ctx: &Ctx, cmd: FormatCommand) -> Result<Outcome> {
    match cmd {
        FormatCommand::List => list(ctx),
        FormatCommand::Test(a) => test(ctx, a),
    }
}

/// One built-in format, as `format list` prints it.
#[derive(Debug, Serialize)]
struct Builtin {
    name: &'static str,
    layout: &'static str,
    key: &'static str,
}

impl Record for Builtin {
    const HEADER: &'static [&'static str] = &["format", "layout", "key"];

    fn row(&self) -> Vec<String> {
        vec![self.name.into(), self.layout.into(), self.key.into()]
    }
}

fn list(ctx: &Ctx) -> Result<Outcome> {
    ctx.out.require(
        "format list",
        &[Format::Text, Format::Json, Format::Ndjson, Format::Csv],
    )?;
    let items: Vec<Builtin> = BUILTINS
        .iter()
        .map(|&(name, layout, key)| Builtin { name, layout, key })
        .collect();
    ctx.out.list(&items)?;
    Ok(Outcome::Success)
}

/// The values read: one per non-empty line, at most this many bytes in all.
const INPUT_LIMIT: u64 = 64 << 20;

/// What `format test` found for one value.
#[derive(Debug, Serialize)]
struct Tested {
    line: usize,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    plaintext_bytes: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    plaintext: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    plaintext_base64: Option<String>,
}

/// `format test`'s report.
#[derive(Debug, Serialize)]
struct TestReport {
    format: String,
    values: usize,
    ok: usize,
    failed: usize,
    results: Vec<Tested>,
}

impl Report for TestReport {
    fn render_text(&self, out: &Output) -> Result<()> {
        let mut b = Styled::new(out.color());
        for r in &self.results {
            b.text(&format!("line {}: ", r.line));
            match r.status {
                "ok" => b.paint(Style::Bold, "ok"),
                other => b.paint(Style::Red, other),
            };
            if let Some(n) = r.plaintext_bytes {
                b.text(&format!(" ({n} bytes)"));
            }
            if let Some(why) = &r.reason {
                b.text(&format!(": {why}"));
            }
            if let Some(p) = &r.plaintext {
                b.text(": ").text(p);
            } else if let Some(p) = &r.plaintext_base64 {
                b.text(": base64 ").text(p);
            }
            b.newline();
        }
        b.text(&format!(
            "{}: {} of {} values decrypted",
            self.format, self.ok, self.values
        ))
        .newline();
        out.styled(b)
    }
}

fn status(why: &Open) -> &'static str {
    match why {
        Open::NotThisFormat => "not-this-format",
        Open::Malformed(_) => "malformed",
        Open::WrongKey => "wrong-key",
    }
}

/// The key for `codec`: an RSA PEM file, a spec's secret text, or a
/// 256-bit key (derived from the text with `--derive`).
fn value_key(a: &FormatTestArgs, codec: &Codec) -> Result<ValueKey> {
    let given = keyset::given_key(a.key_env.as_deref(), a.key_file.as_deref())?;
    let derive = match &a.derive {
        Some(d) => d.clone().resolve()?,
        None => crate::formats::derive::DeriveSpec::None,
    };
    keyset::value_key(&given, codec, &derive, "--derive")
}

fn test(ctx: &Ctx, a: FormatTestArgs) -> Result<Outcome> {
    ctx.out
        .require("format test", &[Format::Text, Format::Json])?;
    let codec = a.from.load()?;
    let key = value_key(&a, &codec)?;
    let input = match &a.input {
        Some(path) => Zeroizing::new(crate::fsutil::read_bounded(path, INPUT_LIMIT)?),
        None => read_stdin(INPUT_LIMIT, "the values")?,
    };
    let cache = tiger::KeyCache::default();
    let mut results = Vec::new();
    for (i, line) in input.split(|&b| b == b'\n').enumerate() {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let mut t = Tested {
            line: i + 1,
            status: "ok",
            reason: None,
            plaintext_bytes: None,
            plaintext: None,
            plaintext_base64: None,
        };
        match codec.open(&key, line, &cache) {
            Ok(pt) => {
                t.plaintext_bytes = Some(pt.len());
                if a.show {
                    match std::str::from_utf8(&pt) {
                        Ok(s) => t.plaintext = Some(s.to_string()),
                        Err(_) => {
                            t.plaintext_base64 = Some(crate::crypto::b64::encode(
                                crate::crypto::b64::Alphabet::Standard,
                                &pt,
                            ))
                        }
                    }
                }
            }
            Err(why) => {
                t.status = status(&why);
                t.reason = Some(match &why {
                    Open::NotThisFormat if crate::formats::looks_encrypted(line) => {
                        "not in this format, though it looks encrypted (another format, or another spec)".into()
                    }
                    Open::NotThisFormat => "not in this format (it may be plaintext)".into(),
                    other => other.to_string(),
                });
            }
        }
        results.push(t);
    }
    if results.is_empty() {
        return Err(Error::bad_input(
            "no values to test: the input has no non-empty line",
        ));
    }
    let ok = results.iter().filter(|r| r.status == "ok").count();
    let report = TestReport {
        format: a.from.to_string(),
        values: results.len(),
        ok,
        failed: results.len() - ok,
        results,
    };
    ctx.out.report(&report)?;
    Ok(Outcome::passed(report.failed == 0))
}
