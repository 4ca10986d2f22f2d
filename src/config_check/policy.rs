//! `--policy keyward-policy.toml`: disable or re-grade rules, add key aliases.
//!
//! ```toml
//! disable = ["KW042"]
//! [severity]
//! KW020 = "error"
//! [aliases]
//! MY_APP_SIGNER = "jwt_secret"   # read MY_APP_SIGNER as if it were JWT_SECRET
//! ```

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;

use super::{Severity, normalize, rules};

/// A parsed policy.
#[derive(Debug, Clone, Default)]
pub struct Policy {
    /// Rules that do not run.
    pub disable: Vec<String>,
    /// New severities by rule id.
    pub severity: HashMap<String, Severity>,
    /// Normalized key → normalized name it stands for.
    pub aliases: HashMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    disable: Vec<String>,
    #[serde(default)]
    severity: BTreeMap<String, String>,
    #[serde(default)]
    aliases: BTreeMap<String, String>,
}

impl Policy {
    /// Parses policy text; unknown rule ids and severities are errors.
    pub fn parse(text: &str) -> Result<Policy, String> {
        let raw: Raw = toml::from_str(text).map_err(|e| {
            let msg = e.message().to_owned();
            match e.span() {
                Some(s) => {
                    let line = text[..s.start.min(text.len())].matches('\n').count() + 1;
                    format!("line {line}: {msg}")
                }
                None => msg,
            }
        })?;
        let mut p = Policy::default();
        for id in raw.disable {
            let id = id.to_ascii_uppercase();
            if rules::find(&id).is_none() {
                return Err(format!("unknown rule id {id} in disable"));
            }
            p.disable.push(id);
        }
        for (id, sev) in raw.severity {
            let id = id.to_ascii_uppercase();
            if rules::find(&id).is_none() {
                return Err(format!("unknown rule id {id} in [severity]"));
            }
            let s = Severity::parse(&sev.to_ascii_lowercase()).ok_or_else(|| {
                format!("{id}: severity must be error, warning or info, not {sev}")
            })?;
            p.severity.insert(id, s);
        }
        for (key, name) in raw.aliases {
            p.aliases.insert(normalize(&key), normalize(&name));
        }
        Ok(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects_unknown_ids() {
        let p = Policy::parse("disable = [\"kw042\"]\n[severity]\nKW020 = \"error\"\n[aliases]\nMY_SIGNER = \"JWT_SECRET\"\n").unwrap();
        assert_eq!(p.disable, vec!["KW042"]);
        assert_eq!(p.severity["KW020"], Severity::Error);
        assert_eq!(p.aliases["my_signer"], "jwt_secret");
        assert!(
            Policy::parse("disable = [\"KW999\"]")
                .unwrap_err()
                .contains("KW999")
        );
        assert!(Policy::parse("[severity]\nKW001 = \"fatal\"").is_err());
    }
}
