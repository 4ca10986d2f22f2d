//! All of keyward's output: values and reports on stdout, notes, warnings
//! and errors on stderr. Commands build data; this module renders it as
//! text (tables via comfy-table, colour only on a TTY and never under
//! `NO_COLOR`) or JSON.

use std::io::{IsTerminal, Write};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ContentArrangement, Table};
use serde::Serialize;

use crate::error::{Error, Result};

/// The output formats of DESIGN.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Human-readable text; a bare value (key, token) alone on one line.
    Text,
    /// One JSON document on stdout.
    Json,
    /// One JSON object per line, for lists of records.
    Ndjson,
    /// Comma-separated values, for lists of records.
    Csv,
    /// SARIF 2.1.0, for `config validate`.
    Sarif,
}

impl Format {
    /// The flag value, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Ndjson => "ndjson",
            Format::Csv => "csv",
            Format::Sarif => "sarif",
        }
    }
}

/// When to colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

impl ColorChoice {
    fn enabled(self, is_tty: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                is_tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }
}

const RED: &str = "\x1b[1;31m";
const YELLOW: &str = "\x1b[1;33m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

/// The renderer every command writes through.
#[derive(Debug, Clone)]
pub struct Output {
    format: Format,
    color_out: bool,
    color_err: bool,
    quiet: bool,
}

impl Output {
    /// Decides colour for stdout and stderr separately, each by its own TTY.
    pub fn new(format: Format, color: ColorChoice, quiet: bool) -> Self {
        Output {
            format,
            color_out: color.enabled(std::io::stdout().is_terminal()),
            color_err: color.enabled(std::io::stderr().is_terminal()),
            quiet,
        }
    }

    /// The format asked for.
    pub fn format(&self) -> Format {
        self.format
    }

    /// `--quiet` was given (commands may print only problems).
    pub fn quiet(&self) -> bool {
        self.quiet
    }

    /// Whether stdout gets colour.
    pub fn color(&self) -> bool {
        self.color_out
    }

    /// Fails with a usage error unless the format is one the command offers.
    pub fn require(&self, command: &str, allowed: &[Format]) -> Result<()> {
        if allowed.contains(&self.format) {
            return Ok(());
        }
        let names: Vec<&str> = allowed.iter().map(|f| f.name()).collect();
        Err(Error::usage(format!(
            "{command} does not support --format {}; it offers {}",
            self.format.name(),
            names.join(", ")
        )))
    }

    /// Writes one line to stdout.
    pub fn line(&self, text: &str) -> Result<()> {
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())
            .and_then(|_| out.write_all(b"\n"))
            .and_then(|_| out.flush())
            .map_err(|e| Error::stdio("write to stdout", &e))
    }

    /// Writes bytes to stdout as they are (decrypted values).
    pub fn raw(&self, bytes: &[u8]) -> Result<()> {
        let mut out = std::io::stdout().lock();
        out.write_all(bytes)
            .and_then(|_| out.flush())
            .map_err(|e| Error::stdio("write to stdout", &e))
    }

    /// Writes `value` as one pretty-printed JSON document.
    pub fn json<T: Serialize + ?Sized>(&self, value: &T) -> Result<()> {
        let text = serde_json::to_string_pretty(value)
            .map_err(|e| Error::internal(format!("cannot encode JSON: {e}")))?;
        self.line(&text)
    }

    /// Renders a list of records in the chosen format: a table for text,
    /// a JSON array, one JSON object per line, or CSV (the table's columns).
    pub fn records<T: Serialize>(
        &self,
        items: &[T],
        header: &[&str],
        row: impl Fn(&T) -> Vec<String>,
    ) -> Result<()> {
        match self.format {
            Format::Json => self.json(items),
            Format::Ndjson => {
                let mut text = String::new();
                for item in items {
                    let line = serde_json::to_string(item)
                        .map_err(|e| Error::internal(format!("cannot encode JSON: {e}")))?;
                    text.push_str(&line);
                    text.push('\n');
                }
                self.raw(text.as_bytes())
            }
            Format::Csv => {
                let mut text = csv_line(header.iter().map(|h| h.to_string()));
                for item in items {
                    text.push_str(&csv_line(row(item)));
                }
                self.raw(text.as_bytes())
            }
            Format::Text | Format::Sarif => {
                let rows: Vec<Vec<String>> = items.iter().map(row).collect();
                self.table(header, &rows)
            }
        }
    }

    /// Renders a table with a header row.
    pub fn table(&self, header: &[&str], rows: &[Vec<String>]) -> Result<()> {
        self.line(&render_table(header, rows, self.color_out))
    }

    /// An informational note on stderr ("wrote ..."), silenced by `--quiet`.
    pub fn note(&self, message: &str) {
        if self.quiet {
            return;
        }
        let mut err = std::io::stderr().lock();
        let _ = if self.color_err {
            writeln!(err, "{DIM}keyward:{RESET} {message}")
        } else {
            writeln!(err, "keyward: {message}")
        };
    }

    /// A note that must not be lost (a generated salt): like `note`, but
    /// printed even under `--quiet`.
    pub fn notice(&self, message: &str) {
        let mut err = std::io::stderr().lock();
        let _ = writeln!(err, "keyward: {message}");
    }

    /// A warning on stderr; `--quiet` does not silence it (cron should hear it).
    pub fn warn(&self, message: &str) {
        let mut err = std::io::stderr().lock();
        let _ = if self.color_err {
            writeln!(err, "{YELLOW}keyward: warning:{RESET} {message}")
        } else {
            writeln!(err, "keyward: warning: {message}")
        };
    }
}

/// Builds the text of a table (no colour in the cells themselves).
pub fn render_table(header: &[&str], rows: &[Vec<String>], color: bool) -> String {
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header.iter().copied());
    if !color {
        table.force_no_tty();
    }
    for row in rows {
        table.add_row(row.iter().map(String::as_str));
    }
    table.to_string()
}

/// One CSV record (RFC 4180): fields with a comma, quote or line break are
/// quoted, quotes doubled.
pub fn csv_line(fields: impl IntoIterator<Item = String>) -> String {
    let mut out = String::new();
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if f.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&f.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&f);
        }
    }
    out.push_str("\r\n");
    out
}

/// Prints an error as DESIGN.md asks: `keyward: error: <what> (<where>)`,
/// then a hint line where one helps.
pub fn print_error(err: &Error, color: ColorChoice) {
    let color = color.enabled(std::io::stderr().is_terminal());
    let mut e = std::io::stderr().lock();
    let (red, yellow, reset) = if color {
        (RED, YELLOW, RESET)
    } else {
        ("", "", "")
    };
    let _ = writeln!(e, "{red}keyward: error:{reset} {}", err.message());
    if let Some(hint) = err.hint() {
        let _ = writeln!(e, "{yellow}  hint:{reset} {hint}");
    }
    if err.kind() == crate::error::ErrorKind::Internal {
        let _ = writeln!(
            e,
            "  this is a bug in keyward {}; please report it with the command that caused it",
            env!("CARGO_PKG_VERSION")
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_render_headers_and_cells() {
        let t = render_table(
            &["id", "state"],
            &[vec!["1".into(), "primary".into()]],
            false,
        );
        assert!(t.contains("id") && t.contains("primary"));
        assert!(!t.contains('\x1b'));
    }

    #[test]
    fn csv_quotes_only_when_needed() {
        let line = csv_line(["a".to_string(), "b,c".into(), "say \"hi\"".into()]);
        assert_eq!(line, "a,\"b,c\",\"say \"\"hi\"\"\"\r\n");
    }

    #[test]
    fn unsupported_format_is_a_usage_error() {
        let out = Output::new(Format::Csv, ColorChoice::Never, false);
        let e = out
            .require("keygen master", &[Format::Text, Format::Json])
            .unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert_eq!(
            e.message(),
            "keygen master does not support --format csv; it offers text, json"
        );
    }
}
