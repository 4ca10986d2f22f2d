//! SQL text keyward builds for the databases it reads (SQLite and
//! PostgreSQL): identifiers are quoted here, values are always bound.

/// Quotes an SQL identifier (a table or column name), doubling any `"`.
pub fn quote_ident(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}
