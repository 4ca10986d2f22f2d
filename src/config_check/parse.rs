//! Reading inputs into [`Setting`]s with the line of every value: dotenv
//! (a line scanner), YAML (serde-saphyr, spanned), TOML (toml's spanned
//! `DeTable`) and JSON (checked by serde_json, located through the YAML
//! parser, JSON being YAML's flow syntax). Compose `environment:` and
//! Kubernetes Secret and ConfigMap data are read as settings.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use base64::Engine;
use serde::Deserialize;
use serde::de::{self, MapAccess, SeqAccess, Visitor};

use super::{Kind, Setting, normalize};

/// The syntaxes keyward reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputType {
    /// `.env` files: `KEY=value`, `export`, quotes, comments.
    Dotenv,
    /// YAML (Compose files and Kubernetes manifests included).
    Yaml,
    /// TOML.
    Toml,
    /// JSON.
    Json,
}

/// A file that cannot be parsed, with where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong (no values quoted).
    pub message: String,
}

impl ParseError {
    fn new(line: usize, column: usize, message: impl Into<String>) -> Self {
        ParseError {
            line: line.max(1),
            column: column.max(1),
            message: message.into(),
        }
    }
}

/// Suffixes that mark a sample of a file (`config.yaml.example`).
const SAMPLE_SUFFIXES: &[&str] = &[
    ".example",
    ".sample",
    ".template",
    ".dist",
    ".tmpl",
    ".tpl",
    ".default",
    ".defaults",
    ".local",
    ".in",
    ".orig",
];

/// The type of a file by its name, if the name tells it.
pub fn type_by_name(path: &Path) -> Option<InputType> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let mut stem = name.as_str();
    loop {
        if stem.ends_with(".yaml") || stem.ends_with(".yml") {
            return Some(InputType::Yaml);
        }
        if stem.ends_with(".toml") {
            return Some(InputType::Toml);
        }
        if stem.ends_with(".json") {
            return Some(InputType::Json);
        }
        if stem == ".env"
            || stem == "env"
            || stem.starts_with(".env.")
            || stem.ends_with(".env")
            || stem.contains(".env.")
        {
            return Some(InputType::Dotenv);
        }
        match SAMPLE_SUFFIXES.iter().find(|s| stem.ends_with(*s)) {
            Some(s) => stem = &stem[..stem.len() - s.len()],
            None => return None,
        }
    }
}

/// Guesses the type of text without a name (stdin): JSON when it opens
/// with `{` or `[`, dotenv when its first setting line is `NAME=...`,
/// TOML when it opens with a `[table]`, YAML otherwise.
pub fn sniff(text: &str) -> InputType {
    for line in text.lines() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') || t == "---" {
            continue;
        }
        if t.starts_with('{') || t.starts_with('[') && t.contains('"') && !t.ends_with(']') {
            return InputType::Json;
        }
        if t.starts_with('[') && t.ends_with(']') {
            return InputType::Toml;
        }
        if let Some(eq) = t.find('=') {
            let name = t[..eq].trim_end();
            let name = name.strip_prefix("export ").unwrap_or(name).trim();
            if !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
            {
                return InputType::Dotenv;
            }
        }
        return InputType::Yaml;
    }
    InputType::Dotenv
}

/// Parses `text` of type `ty` from `file` into settings in file order.
pub fn parse(text: &str, file: &str, ty: InputType) -> Result<Vec<Setting>, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut settings = match ty {
        InputType::Dotenv => parse_dotenv(text, file)?,
        InputType::Yaml => from_documents(parse_yaml(text)?, file),
        InputType::Toml => from_documents(vec![parse_toml(text)?], file),
        InputType::Json => from_documents(vec![parse_json(text)?], file),
    };
    let ignores = ignore_comments(text);
    // Every comment's ids are checked, also those of a comment attached to
    // no setting: a typo must not pass silently.
    for list in ignores.values() {
        for (id, line, column) in list {
            if id.is_empty() {
                return Err(ParseError::new(
                    *line,
                    *column,
                    "keyward:ignore needs a rule id (KW001...)",
                ));
            }
            if super::rules::find(id).is_none() {
                return Err(ParseError::new(
                    *line,
                    *column,
                    format!("unknown rule id {id} in keyward:ignore"),
                ));
            }
        }
    }
    for s in &mut settings {
        if let Some(list) = ignores.get(&s.line) {
            s.ignore.extend(list.iter().map(|(id, _, _)| id.clone()));
        }
    }
    Ok(settings)
}

/// Whether byte `pos` of `line` lies inside a quoted string: a `"..."`
/// (backslash escapes) or `'...'` that opens a key or a value (at the start
/// of the line or after `=`, `:`, `-`, `[`, `,` and blanks), as a `#` in a
/// value does. An apostrophe inside an unquoted word (`it's`) opens nothing.
fn inside_quotes(line: &str, pos: usize) -> bool {
    let b = line.as_bytes();
    let (mut quote, mut can_open, mut i) = (None::<u8>, true, 0);
    while i < pos.min(b.len()) {
        let c = b[i];
        match quote {
            Some(q) => {
                if q == b'"' && c == b'\\' {
                    i += 2;
                    continue;
                }
                if c == q {
                    quote = None;
                }
                can_open = false;
            }
            None => {
                if (c == b'"' || c == b'\'') && can_open {
                    quote = Some(c);
                } else if matches!(c, b'=' | b':' | b'-' | b'[' | b',') {
                    can_open = true;
                } else if !matches!(c, b' ' | b'\t') {
                    // Blanks keep what came before them.
                    can_open = false;
                }
            }
        }
        i += 1;
    }
    quote.is_some()
}

/// Every `keyward:ignore` comment, by the line of the setting it applies
/// to: its own line, or the next line when the comment stands alone.
/// Ids are upper-cased, each with the comment's line and column; a comment
/// without ids yields an empty id (which [`parse`] reports). A
/// `keyward:ignore` inside a quoted value is no comment.
pub fn ignore_comments(text: &str) -> HashMap<usize, Vec<(String, usize, usize)>> {
    let mut out: HashMap<usize, Vec<(String, usize, usize)>> = HashMap::new();
    if !text.contains("keyward:ignore") {
        return out;
    }
    for (i, line) in text.lines().enumerate() {
        // The first `keyward:ignore` that follows a `#` outside quotes.
        let Some(pos) = line
            .match_indices("keyward:ignore")
            .map(|(p, _)| p)
            .find(|&p| {
                let before = line[..p].trim_end();
                before.ends_with('#') && !inside_quotes(line, before.len() - 1)
            })
        else {
            continue;
        };
        let before = line[..pos].trim_end();
        let column = before.len();
        let own_line = before.trim_start() == "#";
        let target = if own_line { i + 2 } else { i + 1 };
        let rest = &line[pos + "keyward:ignore".len()..];
        let mut ids = Vec::new();
        for word in rest.split(|c: char| c.is_whitespace() || c == ',') {
            if word.is_empty() {
                continue;
            }
            let upper = word.to_ascii_uppercase();
            if upper.starts_with("KW") && upper[2..].chars().all(|c| c.is_ascii_digit()) {
                ids.push((upper, i + 1, column));
            } else {
                break; // the reason starts
            }
        }
        if ids.is_empty() {
            ids.push((String::new(), i + 1, column));
        }
        out.entry(target).or_default().extend(ids);
    }
    out
}

fn setting(key: String, value: String, kind: Kind, file: &str, line: usize) -> Setting {
    Setting {
        norm: normalize(&key),
        key,
        value,
        kind,
        file: file.to_owned(),
        line,
        ignore: Vec::new(),
        literal: false,
        scope: String::new(),
    }
}

// ---------------------------------------------------------------- dotenv

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '.' || c == '-'
}

/// Reads dotenv text: `NAME=value`, `export NAME=value`, `#` comments,
/// single quotes (literal), double quotes (escapes, `$` kept), backticks,
/// quoted values over several lines, and `NAME` alone (unset).
pub fn parse_dotenv(text: &str, file: &str) -> Result<Vec<Setting>, ParseError> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let lineno = i + 1;
        i += 1;
        let body = line.trim_start();
        let indent = line.len() - body.len();
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        let mut rest = body;
        let mut col = indent + 1;
        if let Some(r) = rest.strip_prefix("export")
            && r.starts_with([' ', '\t'])
        {
            let r2 = r.trim_start();
            col += rest.len() - r2.len();
            rest = r2;
        }
        let name_len = rest.find(|c: char| !is_name_char(c)).unwrap_or(rest.len());
        if name_len == 0 || rest.starts_with(|c: char| c.is_ascii_digit()) {
            return Err(ParseError::new(
                lineno,
                col,
                "expected a variable name (NAME=value)",
            ));
        }
        let name = &rest[..name_len];
        let after = &rest[name_len..];
        let trimmed = after.trim_start_matches([' ', '\t']);
        col += name_len + (after.len() - trimmed.len());
        if trimmed.is_empty() || trimmed.starts_with('#') {
            out.push(setting(
                name.into(),
                String::new(),
                Kind::Null,
                file,
                lineno,
            ));
            continue;
        }
        let Some(value_part) = trimmed.strip_prefix('=') else {
            return Err(ParseError::new(
                lineno,
                col,
                format!("expected `=` after {name}"),
            ));
        };
        col += 1;
        let v = value_part.trim_start_matches([' ', '\t']);
        col += value_part.len() - v.len();
        let quote = v.chars().next().filter(|c| matches!(c, '"' | '\'' | '`'));
        let value = match quote {
            None => {
                // Unquoted: up to a ` #` comment, trimmed.
                let end = v
                    .char_indices()
                    .find(|&(j, c)| c == '#' && (j == 0 || v[..j].ends_with([' ', '\t'])))
                    .map_or(v.len(), |(j, _)| j);
                v[..end].trim().to_owned()
            }
            Some(q) => {
                let (value, consumed_lines, tail) = read_quoted(&v[1..], q, &lines[i..])
                    .ok_or_else(|| {
                        ParseError::new(lineno, col, format!("unterminated {q} quote"))
                    })?;
                i += consumed_lines;
                let t = tail.trim_start();
                if !t.is_empty() && !t.starts_with('#') {
                    return Err(ParseError::new(
                        lineno + consumed_lines,
                        1,
                        "unexpected text after the closing quote",
                    ));
                }
                value
            }
        };
        let mut s = setting(name.into(), value, Kind::Text, file, lineno);
        // Single quotes keep `$` literal: no `${VAR}` to resolve.
        s.literal = quote == Some('\'');
        out.push(s);
    }
    Ok(out)
}

/// Reads a quoted value starting after its opening quote; may continue on
/// `more` lines. Returns the value, how many extra lines it took, and what
/// follows the closing quote on its line.
fn read_quoted<'a>(first: &'a str, q: char, more: &[&'a str]) -> Option<(String, usize, &'a str)> {
    let mut value = String::new();
    let mut segment = first;
    let mut used = 0;
    loop {
        let mut chars = segment.char_indices();
        while let Some((j, c)) = chars.next() {
            if q == '"' && c == '\\' {
                match chars.next() {
                    Some((_, 'n')) => value.push('\n'),
                    Some((_, 'r')) => value.push('\r'),
                    Some((_, 't')) => value.push('\t'),
                    Some((_, e @ ('"' | '\\' | '$' | '\''))) => value.push(e),
                    Some((_, other)) => {
                        value.push('\\');
                        value.push(other);
                    }
                    None => value.push('\\'),
                }
                continue;
            }
            if c == q {
                return Some((value, used, &segment[j + c.len_utf8()..]));
            }
            value.push(c);
        }
        let next = more.get(used)?;
        used += 1;
        value.push('\n');
        segment = next;
    }
}

// ---------------------------------------------------------------- trees

/// A parsed document: scalars, lists and maps, with the line of every value.
#[derive(Debug, Clone)]
pub enum Node {
    /// A scalar as text.
    Scalar(String, Kind),
    /// A list of (value, line).
    Seq(Vec<(Node, usize)>),
    /// A map of (key, value, line).
    Map(Vec<(String, Node, usize)>),
}

impl Node {
    fn get(&self, key: &str) -> Option<(&Node, usize)> {
        match self {
            Node::Map(entries) => entries
                .iter()
                .find(|(k, _, _)| k == key)
                .map(|(_, v, l)| (v, *l)),
            _ => None,
        }
    }

    fn scalar(&self) -> Option<&str> {
        match self {
            Node::Scalar(s, _) => Some(s),
            _ => None,
        }
    }
}

/// A map key of any scalar type, as text.
struct KeyText(String);

impl<'de> Deserialize<'de> for KeyText {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NodeVisitor).map(|n| match n {
            Node::Scalar(s, _) => KeyText(s),
            Node::Seq(_) | Node::Map(_) => KeyText("?".into()),
        })
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_string(), Kind::Bool))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_string(), Kind::Number))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_string(), Kind::Number))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_string(), Kind::Number))
    }
    fn visit_u128<E>(self, v: u128) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_string(), Kind::Number))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_string(), Kind::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_owned(), Kind::Text))
    }
    fn visit_string<E>(self, v: String) -> Result<Node, E> {
        Ok(Node::Scalar(v, Kind::Text))
    }
    fn visit_bytes<E>(self, v: &[u8]) -> Result<Node, E> {
        Ok(Node::Scalar(
            String::from_utf8_lossy(v).into_owned(),
            Kind::Text,
        ))
    }
    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Scalar(String::new(), Kind::Null))
    }
    fn visit_none<E>(self) -> Result<Node, E> {
        Ok(Node::Scalar(String::new(), Kind::Null))
    }
    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
    fn visit_newtype_struct<D: de::Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<serde_saphyr::Spanned<Node>>()? {
            items.push((item.value, item.referenced.line() as usize));
        }
        Ok(Node::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some(KeyText(k)) = map.next_key::<KeyText>()? {
            let v: serde_saphyr::Spanned<Node> = map.next_value()?;
            entries.push((k, v.value, v.referenced.line() as usize));
        }
        Ok(Node::Map(entries))
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

/// Parses every document of a YAML stream.
pub fn parse_yaml(text: &str) -> Result<Vec<Node>, ParseError> {
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    // YAML 1.2 booleans (`y`, `no` stay text) and numbers with leading
    // zeros or underscores kept as written.
    let mut options = serde_saphyr::Options::default();
    options.strict_booleans = true;
    options.leading_zero_numbers_as_strings = true;
    options.underscored_numbers_as_strings = true;
    options.with_snippet = false;
    serde_saphyr::from_multiple_with_options::<Node>(text, options).map_err(|e| {
        let (line, column) = e
            .location()
            .map_or((1, 1), |l| (l.line() as usize, l.column() as usize));
        // The first line of saphyr's message, without its snippet.
        let msg = e.to_string();
        let first = msg.lines().next().unwrap_or("invalid YAML").trim();
        let first = first.split(" at line ").next().unwrap_or(first);
        ParseError::new(line, column, format!("invalid YAML: {first}"))
    })
}

/// Line and column (1-based) of byte offset `at`.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let before = &text.as_bytes()[..at];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    (line, column)
}

/// Parses TOML into a tree with the line of every value.
pub fn parse_toml(text: &str) -> Result<Node, ParseError> {
    let table = toml::de::DeTable::parse(text).map_err(|e| {
        let (line, column) = e.span().map_or((1, 1), |s| line_col(text, s.start));
        ParseError::new(
            line,
            column,
            format!("invalid TOML: {}", e.message().lines().next().unwrap_or("")),
        )
    })?;
    let lines = LineIndex::new(text);
    Ok(toml_table(table.get_ref(), &lines))
}

struct LineIndex(Vec<usize>);

impl LineIndex {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex(starts)
    }
    fn line(&self, at: usize) -> usize {
        match self.0.binary_search(&at) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }
}

fn toml_table(table: &toml::de::DeTable<'_>, lines: &LineIndex) -> Node {
    Node::Map(
        table
            .iter()
            .map(|(k, v)| {
                (
                    k.get_ref().to_string(),
                    toml_value(v.get_ref(), lines),
                    lines.line(v.span().start),
                )
            })
            .collect(),
    )
}

fn toml_value(v: &toml::de::DeValue<'_>, lines: &LineIndex) -> Node {
    use toml::de::DeValue;
    match v {
        DeValue::String(s) => Node::Scalar(s.to_string(), Kind::Text),
        DeValue::Integer(i) => Node::Scalar(
            i64::from_str_radix(i.as_str(), i.radix())
                .map_or_else(|_| i.to_string(), |n| n.to_string()),
            Kind::Number,
        ),
        DeValue::Float(f) => Node::Scalar(f.as_str().to_owned(), Kind::Number),
        DeValue::Boolean(b) => Node::Scalar(b.to_string(), Kind::Bool),
        DeValue::Datetime(d) => Node::Scalar(d.to_string(), Kind::Text),
        DeValue::Array(a) => Node::Seq(
            a.iter()
                .map(|x| (toml_value(x.get_ref(), lines), lines.line(x.span().start)))
                .collect(),
        ),
        DeValue::Table(t) => toml_table(t, lines),
    }
}

/// Parses JSON: serde_json decides validity (and where it fails); the
/// YAML parser supplies the lines.
pub fn parse_json(text: &str) -> Result<Node, ParseError> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        ParseError::new(
            e.line(),
            e.column(),
            format!("invalid JSON: {}", strip_json_pos(&e.to_string())),
        )
    })?;
    if let Ok(mut docs) = parse_yaml(text)
        && docs.len() == 1
    {
        return Ok(docs.remove(0));
    }
    Ok(json_node(&value))
}

fn strip_json_pos(msg: &str) -> &str {
    msg.split(" at line ").next().unwrap_or(msg)
}

fn json_node(v: &serde_json::Value) -> Node {
    use serde_json::Value as J;
    match v {
        J::Null => Node::Scalar(String::new(), Kind::Null),
        J::Bool(b) => Node::Scalar(b.to_string(), Kind::Bool),
        J::Number(n) => Node::Scalar(n.to_string(), Kind::Number),
        J::String(s) => Node::Scalar(s.clone(), Kind::Text),
        J::Array(a) => Node::Seq(a.iter().map(|x| (json_node(x), 0)).collect()),
        J::Object(o) => Node::Map(
            o.iter()
                .map(|(k, x)| (k.clone(), json_node(x), 0))
                .collect(),
        ),
    }
}

// ---------------------------------------------------------------- flattening

fn from_documents(docs: Vec<Node>, file: &str) -> Vec<Setting> {
    let mut out = Vec::new();
    let several = docs.len() > 1;
    for (d, doc) in docs.iter().enumerate() {
        let start = out.len();
        if !compose(doc, file, &mut out) && !kubernetes(doc, file, &mut out) {
            flatten("", doc, 1, file, &mut out);
        }
        // The documents of one file are separate sets (two Secrets).
        if several {
            scope_from(&mut out, start, &format!("document {}", d + 1));
        }
    }
    out
}

/// Puts the settings from `start` on in `scope` (inside any scope they have).
fn scope_from(out: &mut [Setting], start: usize, scope: &str) {
    for s in &mut out[start..] {
        s.scope = if s.scope.is_empty() {
            scope.to_owned()
        } else {
            format!("{scope} {}", s.scope)
        };
    }
}

/// A Compose file: each service's `environment:` (a map, or a list of
/// `KEY=value`). Returns false when `doc` is not one.
fn compose(doc: &Node, file: &str, out: &mut Vec<Setting>) -> bool {
    let Some((Node::Map(services), _)) = doc.get("services") else {
        return false;
    };
    let mut any = false;
    for (name, service, _) in services {
        let Some((env, env_line)) = service.get("environment") else {
            continue;
        };
        any = true;
        let start = out.len();
        match env {
            // A key without a value passes the variable through from the
            // environment Compose runs in: a reference to it.
            Node::Map(entries) => {
                for (k, v, line) in entries {
                    let (value, kind) = match v {
                        Node::Scalar(_, Kind::Null) => (format!("${{{k}}}"), Kind::Text),
                        Node::Scalar(s, kind) => (s.clone(), *kind),
                        _ => continue,
                    };
                    out.push(setting(k.clone(), value, kind, file, *line));
                }
            }
            Node::Seq(items) => {
                for (item, line) in items {
                    let Some(s) = item.scalar() else { continue };
                    let (k, v) = match s.split_once('=') {
                        Some((k, v)) => (k.trim(), v.to_owned()),
                        None => (s.trim(), format!("${{{}}}", s.trim())),
                    };
                    out.push(setting(
                        k.to_owned(),
                        v,
                        Kind::Text,
                        file,
                        if *line == 0 { env_line } else { *line },
                    ));
                }
            }
            Node::Scalar(..) => {}
        }
        // Each service is its own environment.
        scope_from(out, start, &format!("services.{name}"));
    }
    any
}

/// A Kubernetes Secret (`stringData`, base64 `data`) or ConfigMap (`data`).
fn kubernetes(doc: &Node, file: &str, out: &mut Vec<Setting>) -> bool {
    let kind = doc.get("kind").and_then(|(n, _)| n.scalar()).unwrap_or("");
    if doc.get("apiVersion").is_none() {
        return false;
    }
    // `kubectl get secrets -o yaml`: a List whose items are separate sets.
    if kind == "List" || kind.ends_with("List") {
        let Some((Node::Seq(items), _)) = doc.get("items") else {
            return false;
        };
        let mut any = false;
        for (i, (item, _)) in items.iter().enumerate() {
            let start = out.len();
            if kubernetes(item, file, out) {
                any = true;
                let name = item
                    .get("metadata")
                    .and_then(|(m, _)| m.get("name"))
                    .and_then(|(n, _)| n.scalar())
                    .map_or_else(|| format!("items.{i}"), str::to_owned);
                scope_from(out, start, &name);
            }
        }
        return any;
    }
    if !matches!(kind, "Secret" | "ConfigMap") {
        return false;
    }
    let mut read = |section: &str, base64: bool| {
        if let Some((Node::Map(entries), _)) = doc.get(section) {
            for (k, v, line) in entries {
                let Some(raw) = v.scalar() else { continue };
                let value = if base64 {
                    base64::engine::general_purpose::STANDARD
                        .decode(raw.split_whitespace().collect::<String>())
                        .ok()
                        .and_then(|b| String::from_utf8(b).ok())
                        .unwrap_or_else(|| raw.to_owned())
                } else {
                    raw.to_owned()
                };
                out.push(setting(k.clone(), value, Kind::Text, file, *line));
            }
        }
    };
    if kind == "Secret" {
        read("data", true);
        read("stringData", false);
    } else {
        read("data", false);
    }
    true
}

/// Generic flattening: nested keys joined with `.`; a list of scalars is
/// one setting (joined with `,`); other lists are indexed.
fn flatten(prefix: &str, node: &Node, line: usize, file: &str, out: &mut Vec<Setting>) {
    match node {
        Node::Scalar(s, kind) => {
            if !prefix.is_empty() {
                out.push(setting(prefix.to_owned(), s.clone(), *kind, file, line));
            }
        }
        Node::Map(entries) => {
            for (k, v, l) in entries {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, v, if *l == 0 { line } else { *l }, file, out);
            }
        }
        Node::Seq(items) => {
            if items.iter().all(|(n, _)| matches!(n, Node::Scalar(..))) {
                if !prefix.is_empty() {
                    let joined: Vec<&str> = items.iter().filter_map(|(n, _)| n.scalar()).collect();
                    let first = items.first().map_or(line, |(_, l)| *l).max(line);
                    out.push(setting(
                        prefix.to_owned(),
                        joined.join(","),
                        Kind::Text,
                        file,
                        if items.is_empty() { line } else { first },
                    ));
                }
            } else {
                for (i, (n, l)) in items.iter().enumerate() {
                    flatten(
                        &format!("{prefix}.{i}"),
                        n,
                        if *l == 0 { line } else { *l },
                        file,
                        out,
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kv(s: &[Setting]) -> Vec<(String, String, usize)> {
        s.iter()
            .map(|x| (x.key.clone(), x.value.clone(), x.line))
            .collect()
    }

    #[test]
    fn dotenv_quotes_export_comments_multiline() {
        let text = "# c\nexport A=1\nB = 'x # y'\nC=\"a\\nb\" # note\nD=plain # trailing\nE=\"line1\nline2\"\nF\nG=\n";
        let s = parse_dotenv(text, "f").unwrap();
        assert_eq!(
            kv(&s),
            vec![
                ("A".into(), "1".into(), 2),
                ("B".into(), "x # y".into(), 3),
                ("C".into(), "a\nb".into(), 4),
                ("D".into(), "plain".into(), 5),
                ("E".into(), "line1\nline2".into(), 6),
                ("F".into(), "".into(), 8),
                ("G".into(), "".into(), 9),
            ]
        );
    }

    #[test]
    fn dotenv_errors_have_positions() {
        let e = parse_dotenv("A=1\nB=\"open\n", "f").unwrap_err();
        assert_eq!((e.line, e.column), (2, 3));
        let e = parse_dotenv("A=1\n  = x\n", "f").unwrap_err();
        assert_eq!((e.line, e.column), (2, 3));
    }

    #[test]
    fn yaml_values_keep_their_lines() {
        let s = parse("a:\n  b: 1\n  c: [x, y]\nd: \"q\"\n", "f", InputType::Yaml).unwrap();
        assert_eq!(
            kv(&s),
            vec![
                ("a.b".into(), "1".into(), 2),
                ("a.c".into(), "x,y".into(), 3),
                ("d".into(), "q".into(), 4),
            ]
        );
    }

    #[test]
    fn toml_and_json_values_keep_their_lines() {
        let s = parse("[a]\nb = 1\n\nc = \"x\"\n", "f", InputType::Toml).unwrap();
        assert_eq!(
            kv(&s),
            vec![("a.b".into(), "1".into(), 2), ("a.c".into(), "x".into(), 4)]
        );
        let s = parse("{\n \"a\": {\n  \"b\": true\n }\n}\n", "f", InputType::Json).unwrap();
        assert_eq!(kv(&s), vec![("a.b".into(), "true".into(), 3)]);
    }

    #[test]
    fn ignore_comments_apply_to_their_line_or_the_next() {
        let m = ignore_comments(
            "A=1 # keyward:ignore KW004 demo\n# keyward:ignore kw002, KW003 why\nB=2\n",
        );
        let ids = |l: usize| {
            m[&l]
                .iter()
                .map(|(id, _, _)| id.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(1), vec!["KW004"]);
        assert_eq!(ids(3), vec!["KW002", "KW003"]);
        assert_eq!(m[&3][0].1, 2, "the comment's own line");
        let quoted =
            ignore_comments("A=\"x # keyward:ignore KW004 y\"\nB='# keyward:ignore KW004'\n");
        assert!(quoted.is_empty(), "{quoted:?}");
        // An apostrophe inside a word opens no quote.
        let m = ignore_comments("DB_PASSWORD: it's-changeme # keyward:ignore KW004 sample\n");
        assert_eq!(m[&1][0].0, "KW004");
        let m = ignore_comments("\"key\": \"v # keyward:ignore KW004\", # keyward:ignore KW002\n");
        assert_eq!(
            m[&1].iter().map(|x| x.0.as_str()).collect::<Vec<_>>(),
            ["KW002"]
        );
    }

    #[test]
    fn names_tell_types() {
        for (n, t) in [
            (".env", InputType::Dotenv),
            (".env.production.sample", InputType::Dotenv),
            ("app.env", InputType::Dotenv),
            ("config.yaml.example", InputType::Yaml),
            ("x.toml", InputType::Toml),
            ("x.json", InputType::Json),
        ] {
            assert_eq!(type_by_name(Path::new(n)), Some(t), "{n}");
        }
        assert_eq!(type_by_name(Path::new("README.md")), None);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// No input makes a parser panic: it parses or reports where it fails.
        #[test]
        fn parsers_never_panic(text in "(?s)[ -~\\n\\t\"'#=:\\[\\]{}$,.\\-é]{0,200}") {
            for ty in [InputType::Dotenv, InputType::Yaml, InputType::Toml, InputType::Json] {
                if let Err(e) = parse(&text, "f", ty) {
                    proptest::prop_assert!(e.line >= 1 && e.column >= 1);
                }
            }
            let _ = sniff(&text);
            let _ = ignore_comments(&text);
        }

        /// Config-shaped input (lines of key/value pairs) in every syntax.
        #[test]
        fn config_shaped_inputs_never_panic(
            lines in proptest::collection::vec(
                ("[A-Za-z_][A-Za-z0-9_.]{0,12}", "[ :=]{1,2}", "[ -~]{0,20}", "(\\n|\\n  |\\n- )"),
                0..20,
            )
        ) {
            let text: String = lines.iter().map(|(k, sep, v, nl)| format!("{k}{sep}{v}{nl}")).collect();
            for ty in [InputType::Dotenv, InputType::Yaml, InputType::Toml, InputType::Json] {
                let _ = parse(&text, "f", ty);
            }
        }
    }
}
