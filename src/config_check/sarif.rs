//! SARIF 2.1.0 for code-scanning upload.

use serde_json::{Value, json};

use super::rules::CATALOG;
use super::{Finding, Severity};

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A SARIF log with one run: the whole catalog as rules, one result per finding.
pub fn render(findings: &[Finding]) -> Value {
    let rules: Vec<Value> = CATALOG
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "name": r.title,
                "shortDescription": { "text": r.title },
                "fullDescription": { "text": r.why },
                "help": { "text": r.fix },
                "defaultConfiguration": { "level": level(r.severity) },
                "properties": { "productionOnly": r.production_only },
            })
        })
        .collect();
    let results: Vec<Value> = findings
        .iter()
        .map(|f| {
            // CATALOG holds the rules in RuleId order.
            let index = f.rule as usize;
            let mut result = json!({
                "ruleId": f.rule,
                "ruleIndex": index,
                "level": level(f.severity),
                "message": { "text": format!("{} Fix: {}", f.message, f.fix) },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&f.file) },
                        "region": { "startLine": f.line.max(1) },
                    }
                }],
            });
            // The setting that reached the value through a reference.
            if let Some(via) = &f.via {
                result["relatedLocations"] = json!([{
                    "id": 1,
                    "message": { "text": format!("{} takes this value through a reference", f.key) },
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&via.file) },
                        "region": { "startLine": via.line.max(1) },
                    }
                }]);
            }
            result
        })
        .collect();
    json!({
        "version": "2.1.0",
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "keyward",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "results": results,
        }]
    })
}

/// A relative URI for a file path (percent-encoding spaces and `%`).
fn uri(file: &str) -> String {
    let f = file.strip_prefix("./").unwrap_or(file);
    f.replace('%', "%25").replace(' ', "%20")
}
