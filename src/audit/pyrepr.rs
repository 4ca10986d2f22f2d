//! Python literals as JSON: what `repr()` (or `f"{entry}"`) writes for a
//! dict of plain values, `{'event_type': 'auth_failure', 'success': False,
//! 'user': None, 'details': {'ip': '1.2.3.4'}}`, which some services log
//! instead of JSON.
//!
//! A small recursive-descent parser, not text substitution: quotes inside
//! strings (`'it\'s'`, `"it's"`) stay text. It reads dicts, lists, tuples
//! (as arrays), strings in single or double quotes with Python's escapes,
//! `True`/`False`/`None`, ints and floats (`inf` and `nan` become null:
//! JSON has neither). Nesting deeper than [`MAX_DEPTH`] and anything else
//! (sets, bytes, objects such as `datetime.datetime(...)`) is refused.

use serde_json::{Map, Number, Value};

/// The deepest nesting read.
pub const MAX_DEPTH: usize = 64;

/// The Python literal `text` as JSON; None unless all of it is one literal.
pub fn parse(text: &str) -> Option<Value> {
    let mut p = Parser {
        s: text.as_bytes(),
        text,
        i: 0,
    };
    let v = p.value(0)?;
    p.ws();
    (p.i == p.s.len()).then_some(v)
}

struct Parser<'a> {
    s: &'a [u8],
    text: &'a str,
    i: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        self.ws();
        if self.peek() == Some(b) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        if depth >= MAX_DEPTH {
            return None;
        }
        self.ws();
        match self.peek()? {
            b'{' => self.dict(depth),
            b'[' => self.seq(b']', depth),
            b'(' => self.seq(b')', depth),
            b'\'' | b'"' => self.string().map(Value::String),
            b'-' | b'+' | b'.' | b'0'..=b'9' => self.number(),
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                let start = self.i;
                while matches!(self.peek(), Some(b) if b.is_ascii_alphanumeric() || b == b'_') {
                    self.i += 1;
                }
                match &self.text[start..self.i] {
                    "True" => Some(Value::Bool(true)),
                    "False" => Some(Value::Bool(false)),
                    "None" | "inf" | "nan" => Some(Value::Null),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// `{key: value, ...}`; keys that are not strings are written as
    /// `json.dumps` writes them (1 → "1", True → "true", None → "null").
    fn dict(&mut self, depth: usize) -> Option<Value> {
        self.i += 1;
        let mut map = Map::new();
        loop {
            if self.eat(b'}') {
                return Some(Value::Object(map));
            }
            let key = match self.value(depth + 1)? {
                Value::String(s) => s,
                Value::Bool(b) => b.to_string(),
                Value::Null => "null".to_string(),
                Value::Number(n) => n.to_string(),
                _ => return None,
            };
            if !self.eat(b':') {
                return None;
            }
            let v = self.value(depth + 1)?;
            map.insert(key, v);
            if !self.eat(b',') {
                return self.eat(b'}').then_some(Value::Object(map));
            }
        }
    }

    /// A list up to `close`, or a tuple (`(1,)`, `()`), as an array.
    fn seq(&mut self, close: u8, depth: usize) -> Option<Value> {
        self.i += 1;
        let mut items = Vec::new();
        loop {
            if self.eat(close) {
                return Some(Value::Array(items));
            }
            items.push(self.value(depth + 1)?);
            if !self.eat(b',') {
                return self.eat(close).then_some(Value::Array(items));
            }
        }
    }

    fn hex(&mut self, n: usize) -> Option<u32> {
        let digits = self.text.get(self.i..self.i + n)?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.i += n;
        u32::from_str_radix(digits, 16).ok()
    }

    /// A quoted string with Python's escapes. An escape Python does not
    /// know keeps its backslash, as Python does (`'\d'` is `\d`).
    fn string(&mut self) -> Option<String> {
        let quote = self.s[self.i];
        self.i += 1;
        let mut out = String::new();
        loop {
            let start = self.i;
            while matches!(self.peek(), Some(b) if b != quote && b != b'\\' && b != b'\n') {
                self.i += 1;
            }
            out.push_str(&self.text[start..self.i]);
            match self.peek()? {
                b'\n' => return None,
                b if b == quote => {
                    self.i += 1;
                    return Some(out);
                }
                _ => {}
            }
            // A backslash.
            self.i += 1;
            let c = self.peek()?;
            self.i += 1;
            match c {
                b'\\' => out.push('\\'),
                b'\'' => out.push('\''),
                b'"' => out.push('"'),
                b'n' => out.push('\n'),
                b'r' => out.push('\r'),
                b't' => out.push('\t'),
                b'a' => out.push('\x07'),
                b'b' => out.push('\x08'),
                b'f' => out.push('\x0c'),
                b'v' => out.push('\x0b'),
                b'\n' => {}
                b'0'..=b'7' => {
                    let mut n = u32::from(c - b'0');
                    for _ in 0..2 {
                        match self.peek() {
                            Some(d @ b'0'..=b'7') => {
                                n = n * 8 + u32::from(d - b'0');
                                self.i += 1;
                            }
                            _ => break,
                        }
                    }
                    out.push(char::from_u32(n)?);
                }
                b'x' | b'u' | b'U' => {
                    let n = self.hex(match c {
                        b'x' => 2,
                        b'u' => 4,
                        _ => 8,
                    })?;
                    // A lone surrogate (Python can hold one) has no UTF-8.
                    out.push(char::from_u32(n).unwrap_or(char::REPLACEMENT_CHARACTER));
                }
                _ => {
                    out.push('\\');
                    // Back up so a multi-byte character is copied whole.
                    self.i -= 1;
                }
            }
        }
    }

    /// An int (any size: past 64 bits it is read as a float) or a float,
    /// `-inf` included.
    fn number(&mut self) -> Option<Value> {
        let start = self.i;
        if matches!(self.peek(), Some(b'-' | b'+')) {
            self.i += 1;
        }
        if self.text[self.i..].starts_with("inf") || self.text[self.i..].starts_with("nan") {
            self.i += 3;
            return Some(Value::Null);
        }
        while matches!(self.peek(), Some(b) if b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'_')
            || (matches!(b, b'+' | b'-') && matches!(self.s[self.i - 1], b'e' | b'E')))
        {
            self.i += 1;
        }
        let raw: String = self.text[start..self.i]
            .chars()
            .filter(|c| *c != '_')
            .collect();
        let raw = raw.strip_prefix('+').unwrap_or(&raw);
        if let Ok(n) = raw.parse::<i64>() {
            return Some(Value::Number(n.into()));
        }
        if let Ok(n) = raw.parse::<u64>() {
            return Some(Value::Number(n.into()));
        }
        // Rust accepts forms Python would not write ("1." is fine in both;
        // "inf" was handled above): require a digit.
        if !raw.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        let x: f64 = raw.parse().ok()?;
        Some(Number::from_f64(x).map_or(Value::Null, Value::Number))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn hardening_10_a_python_entry_reads_as_json() {
        let line = "{'event_type': 'auth_failure', 'success': False, 'user': None, \
                    'details': {'ip': '1.2.3.4', 'tries': (1, 2.5, -3), 'ok': True}, \
                    'ts': '2026-11-20T10:00:00.000001'}";
        assert_eq!(
            parse(line).unwrap(),
            json!({"event_type": "auth_failure", "success": false, "user": null,
                   "details": {"ip": "1.2.3.4", "tries": [1, 2.5, -3], "ok": true},
                   "ts": "2026-11-20T10:00:00.000001"})
        );
    }

    #[test]
    fn hardening_10_quotes_and_escapes_inside_strings() {
        assert_eq!(parse(r"'it\'s'").unwrap(), json!("it's"));
        assert_eq!(parse(r#""it's""#).unwrap(), json!("it's"));
        assert_eq!(parse(r#"'say "hi"'"#).unwrap(), json!("say \"hi\""));
        assert_eq!(parse(r#""a\"b""#).unwrap(), json!("a\"b"));
        assert_eq!(
            parse(r"{'msg': 'a, b: c}', 'k': 'x'}").unwrap(),
            json!({"msg": "a, b: c}", "k": "x"})
        );
        assert_eq!(
            parse(r"'tab\there\nnl \\ back \x41 \101 \0'").unwrap(),
            json!("tab\there\nnl \\ back A A \u{0}")
        );
        assert_eq!(parse(r"'caf\u00e9'").unwrap(), json!("café"));
        assert_eq!(parse(r"'\U0001f600'").unwrap(), json!("😀"));
        assert_eq!(parse("'déjà vu ✓'").unwrap(), json!("déjà vu ✓"));
        assert_eq!(parse(r"'C:\dir\é'").unwrap(), json!("C:\\dir\\é"));
        assert_eq!(parse(r"'\ud800'").unwrap(), json!("\u{fffd}"));
    }

    #[test]
    fn hardening_10_containers_and_numbers() {
        assert_eq!(parse("()").unwrap(), json!([]));
        assert_eq!(parse("(1,)").unwrap(), json!([1]));
        assert_eq!(
            parse("[1, [2, (3, {})], ]").unwrap(),
            json!([1, [2, [3, {}]]])
        );
        assert_eq!(parse("{}").unwrap(), json!({}));
        assert_eq!(
            parse("{1: 'a', True: 'b', None: 'c', 'x': 1e-05}").unwrap(),
            json!({"1": "a", "true": "b", "null": "c", "x": 1e-05})
        );
        assert_eq!(
            parse("[18446744073709551615, -9223372036854775808, 1.5E3, 1_000]").unwrap(),
            json!([
                18446744073709551615u64,
                -9223372036854775808i64,
                1500.0,
                1000
            ])
        );
        assert_eq!(
            parse("[123456789012345678901234567890]").unwrap(),
            json!([1.2345678901234568e29])
        );
        assert_eq!(
            parse("[inf, -inf, nan]").unwrap(),
            json!([null, null, null])
        );
    }

    #[test]
    fn hardening_10_bad_input_is_none() {
        for bad in [
            "",
            "{",
            "{'a': 1",
            "{'a' 1}",
            "{'a': 1,, }",
            "{'a': 'unterminated}",
            "{'a': 'x'} trailing",
            "{'a': datetime.datetime(2026, 1, 1)}",
            "{'a': {1, 2}}",
            "{'a': b'bytes'}",
            "{'a': true}",
            "{'a': null}",
            "{'a': 'x\\x4'}",
            "{'a': 'line\nbreak'}",
            "{('t',): 1}",
            "{'a': -}",
            "{'a': .}",
            "{'a': 1.2.3}",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn hardening_10_depth_is_bounded() {
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(parse(&deep(MAX_DEPTH)).is_some());
        assert_eq!(parse(&deep(MAX_DEPTH + 1)), None);
        // Far deeper than the stack would take without the bound.
        assert_eq!(parse(&deep(1 << 20)), None);
        assert_eq!(parse(&"{'a': ".repeat(100_000)), None);
    }
}
