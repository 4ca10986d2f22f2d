//! Which tables a rotation (or a survey) works on: one table named by
//! flags, or a rotation plan file (docs/rotation.md) naming several tables
//! of one database.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::rotate::Target;

/// One table: its encrypted columns and JSON fields, key and filter. A
/// plan's `[[table]]` has this shape; so do the flags.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableSpec {
    /// The table (`schema.table` on PostgreSQL).
    pub name: String,
    /// Columns rotated whole.
    #[serde(default)]
    pub columns: Vec<String>,
    /// `COLUMN:field.sub` JSON fields.
    #[serde(default)]
    pub json_fields: Vec<String>,
    /// The key columns, comma-separated.
    pub pk: Option<String>,
    /// An extra SQL condition limiting the rows.
    #[serde(rename = "where")]
    pub filter: Option<String>,
    /// Bind `table/column/pk` as envelope context.
    #[serde(default)]
    pub context_from_row: bool,
}

/// The tables to work on.
#[derive(Debug, Clone)]
pub enum Tables {
    /// One table, from flags.
    One(TableSpec),
    /// A plan file.
    Plan(PathBuf),
}

/// A rotation plan: several tables of one database.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Plan {
    table: Vec<TableSpec>,
}

impl TableSpec {
    /// The target in `db` (a SQLite path, or a PostgreSQL connection
    /// string already stripped of its password).
    fn target(&self, db: &Path) -> Result<Target> {
        let mut target = Target::simple(db.to_path_buf(), self.name.clone(), self.columns.clone());
        target.pk = self.pk.clone();
        target.filter = self.filter.clone();
        target.context_from_row = self.context_from_row;
        for j in &self.json_fields {
            target.add_json_field(j)?;
        }
        if target.columns.is_empty() {
            return Err(Error::usage(format!(
                "table {}: give --column or --json-field",
                self.name
            )));
        }
        Ok(target)
    }
}

/// The targets `tables` names in the database `db`.
pub fn targets(tables: &Tables, db: &str) -> Result<Vec<Target>> {
    // Only SQLite uses the path; a PostgreSQL URL is kept without its password.
    let db = PathBuf::from(if super::is_postgres(db) {
        super::pg::redact(db)
    } else {
        db.to_string()
    });
    match tables {
        Tables::One(spec) => Ok(vec![spec.target(&db)?]),
        Tables::Plan(path) => read_plan(path)?
            .table
            .iter()
            .map(|spec| {
                spec.target(&db)
                    .map_err(|e| Error::bad_input(format!("{}: {}", path.display(), e.message())))
            })
            .collect(),
    }
}

/// Reads and checks a plan file.
fn read_plan(path: &Path) -> Result<Plan> {
    let text = crate::fsutil::read_text_bounded(path, crate::fsutil::MAX_INPUT_BYTES)?;
    let plan: Plan = toml::from_str(&text).map_err(|e| {
        Error::bad_input(format!(
            "{}: {}",
            path.display(),
            e.to_string().lines().next().unwrap_or("invalid plan")
        ))
    })?;
    if plan.table.is_empty() {
        return Err(Error::bad_input(format!(
            "{}: the plan names no [[table]]",
            path.display()
        )));
    }
    Ok(plan)
}
