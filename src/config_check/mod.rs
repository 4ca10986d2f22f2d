//! `config validate`: a security linter for service configurations.
//!
//! Inputs (dotenv, YAML, TOML, JSON, Compose `environment:`, Kubernetes
//! Secrets and ConfigMaps) are flattened into [`Setting`]s, each with a
//! normalized key and the file and line its value came from; the rules of
//! [`rules::CATALOG`] run over the merged settings and produce
//! [`Finding`]s. Secret values never leave this module unmasked.

pub mod inputs;
pub mod parse;
pub mod policy;
pub mod rules;
pub mod sarif;
pub mod template;

use serde::Serialize;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing.
    Info,
    /// Weakens the service.
    Warning,
    /// Breaks its security.
    Error,
}

impl Severity {
    /// The lowercase name.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Parses `error`, `warning` or `info`.
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" | "note" => Some(Severity::Info),
            _ => None,
        }
    }
}

/// Which deployment the configuration is for; production is strict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Profile {
    /// Strict: every rule runs.
    Production,
    /// Rules marked production-only are skipped.
    Development,
}

/// What kind of scalar a setting holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A string (dotenv values are always strings).
    Text,
    /// A number.
    Number,
    /// A boolean.
    Bool,
    /// `null` / `~` / nothing.
    Null,
}

/// One setting read from an input: a key path and a scalar value.
#[derive(Clone)]
pub struct Setting {
    /// The key as written, dotted for nested keys (`security.jwt_secret`).
    pub key: String,
    /// The normalized key ([`normalize`]).
    pub norm: String,
    /// The value as text (lists of scalars are joined with `,`).
    pub value: String,
    /// What kind of scalar it was.
    pub kind: Kind,
    /// The file it came from (`-` for stdin, `(environment)` for `--env`).
    pub file: String,
    /// 1-based line of the value (0 when unknown).
    pub line: usize,
    /// Rule ids suppressed on this setting by `# keyward:ignore`.
    pub ignore: Vec<String>,
    /// The value is literal text even where it looks like a reference (a
    /// single-quoted dotenv value, a variable of the process environment).
    pub literal: bool,
    /// Where in its file the setting lives when one file holds several
    /// separate sets (`services.db` of a Compose file, `document 2` of a
    /// multi-document YAML file, an item of a Kubernetes List); empty for a
    /// file that is one set. Settings of different scopes never override
    /// each other: each is checked.
    pub scope: String,
}

impl std::fmt::Debug for Setting {
    // Values may be secrets: Debug shows only their mask.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Setting")
            .field("key", &self.key)
            .field("value", &mask(&self.value))
            .field("file", &self.file)
            .field("line", &self.line)
            .finish()
    }
}

/// Normalizes a key path for matching: lowercase, and `.`, `-`, `__` and
/// runs of `_` all become one `_` (`SECURITY__JWT_SECRET`,
/// `security.jwt_secret` and `security-jwt-secret` all give
/// `security_jwt_secret`).
pub fn normalize(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    for c in key.chars() {
        let c = if c == '.' || c == '-' || c == ' ' {
            '_'
        } else {
            c.to_ascii_lowercase()
        };
        if c == '_' && (out.is_empty() || out.ends_with('_')) {
            continue;
        }
        out.push(c);
    }
    while out.ends_with('_') {
        out.pop();
    }
    out
}

/// A secret value as it may be shown: at most its first 2 characters (only
/// for values of 12 characters or more) and its length.
pub fn mask(value: &str) -> String {
    let n = value.chars().count();
    if n == 0 {
        return "empty".into();
    }
    if n >= 12 {
        let head: String = value.chars().take(2).collect();
        format!("{head}…, {n} chars")
    } else {
        format!("{n} chars")
    }
}

/// One problem found.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// The rule (serialized as its id, `KW001`...).
    pub rule: rules::RuleId,
    /// Severity (after the policy's re-grading).
    pub severity: Severity,
    /// The rule's title.
    pub title: &'static str,
    /// What is wrong with this setting (never an unmasked secret).
    pub message: String,
    /// The key as written.
    pub key: String,
    /// The file the value came from.
    pub file: String,
    /// 1-based line (0 when unknown).
    pub line: usize,
    /// For a value reached through a `${VAR}` reference: where the setting
    /// that holds the reference is (`file` and `line` above are where the
    /// value is written).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<Location>,
    /// How to fix it: the rule's fix, or one naming this configuration's
    /// own settings and values.
    pub fix: std::borrow::Cow<'static, str>,
}

/// A place in an input.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Location {
    /// The file.
    pub file: String,
    /// 1-based line (0 when unknown).
    pub line: usize,
}

/// Counts of findings, for the summary line and JSON.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    /// Files read.
    pub files: usize,
    /// Settings read.
    pub settings: usize,
    /// Findings at error.
    pub errors: usize,
    /// Findings at warning.
    pub warnings: usize,
    /// Findings at info.
    pub infos: usize,
    /// Findings suppressed by `keyward:ignore` or the policy.
    pub suppressed: usize,
}

impl Summary {
    /// Counts `findings`.
    pub fn of(findings: &[Finding], files: usize, settings: usize, suppressed: usize) -> Self {
        let mut s = Summary {
            files,
            settings,
            suppressed,
            ..Summary::default()
        };
        for f in findings {
            match f.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.infos += 1,
            }
        }
        s
    }
}

/// The result of a run.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The profile the rules ran under.
    pub profile: Profile,
    /// Where the profile came from: `flag`, `config` or `default`.
    pub profile_source: &'static str,
    /// Findings, by file (in input order) and line.
    pub findings: Vec<Finding>,
    /// Counts.
    pub summary: Summary,
}

/// Checks the settings of every input (in order; a later value for the
/// same normalized key wins) and applies suppressions and the policy.
/// Errors (unknown rule ids in `keyward:ignore`) are messages for exit 3.
pub fn validate(
    inputs: Vec<Vec<Setting>>,
    policy: &policy::Policy,
    profile: Option<Profile>,
    now: i64,
) -> Result<Report, String> {
    let files = inputs.len();
    let mut merged: Vec<Setting> = Vec::new();
    // Settings a later input overrode: a reference to a setting's own key
    // (`JWT_SECRET: ${JWT_SECRET}`) reads them.
    let mut shadowed: Vec<Setting> = Vec::new();
    let mut at: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut file_order: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut read = 0;
    for settings in inputs {
        for mut s in settings {
            read += 1;
            for id in &s.ignore {
                if id.is_empty() {
                    return Err(format!(
                        "{}:{}: keyward:ignore needs a rule id (KW001...)",
                        s.file, s.line
                    ));
                }
                if rules::find(id).is_none() {
                    return Err(format!(
                        "{}:{}: unknown rule id {id} in keyward:ignore",
                        s.file, s.line
                    ));
                }
            }
            if let Some(alias) = policy.aliases.get(&s.norm) {
                s.norm = alias.clone();
            }
            if !file_order.contains_key(&s.file) {
                let n = file_order.len();
                file_order.insert(s.file.clone(), n);
            }
            // A setting overrides the one of the same key in its own scope;
            // a scoped one (a Compose service's) also overrides an unscoped
            // one read before (the .env it is loaded after), but never one
            // of another scope: two services' settings are both checked.
            let scoped = (!s.scope.is_empty()).then(|| format!("{}\u{0}{}", s.scope, s.norm));
            let existing = match &scoped {
                Some(slot) => at.get(slot).copied().or_else(|| {
                    at.get(&s.norm)
                        .copied()
                        .filter(|&i| merged[i].scope.is_empty())
                }),
                // An unscoped setting overrides only an unscoped one: never
                // one service's value among several.
                None => at
                    .get(&s.norm)
                    .copied()
                    .filter(|&i| merged[i].scope.is_empty()),
            };
            let norm = s.norm.clone();
            let i = match existing {
                Some(i) => {
                    shadowed.push(std::mem::replace(&mut merged[i], s));
                    i
                }
                None => {
                    merged.push(s);
                    merged.len() - 1
                }
            };
            match scoped {
                Some(slot) => {
                    at.insert(slot, i);
                    // The unscoped slot keeps pointing at an unscoped setting.
                    at.entry(norm).or_insert(i);
                }
                None => {
                    at.insert(norm, i);
                }
            }
        }
    }
    let live = merged.len();
    merged.extend(shadowed);
    let (profile, profile_source) = match profile {
        Some(p) => (p, "flag"),
        None => match rules::declared_profile(&merged, live) {
            Some(p) => (p, "config"),
            None => (Profile::Production, "default"),
        },
    };
    let hits = rules::check(&merged, live, &rules::RunOptions { profile, now });
    let mut findings = Vec::new();
    let mut suppressed = 0;
    for h in hits {
        let rule = h.rule.rule();
        if rule.production_only && profile != Profile::Production {
            continue;
        }
        let s = &merged[h.setting];
        let src = &merged[h.at];
        let id = rule.id.as_str();
        if policy.disable.iter().any(|d| d == id)
            || s.ignore.iter().any(|d| d == id)
            || src.ignore.iter().any(|d| d == id)
        {
            suppressed += 1;
            continue;
        }
        findings.push(Finding {
            rule: rule.id,
            severity: policy.severity.get(id).copied().unwrap_or(rule.severity),
            title: rule.title,
            message: h.message,
            key: s.key.clone(),
            file: src.file.clone(),
            line: src.line,
            via: (h.at != h.setting).then(|| Location {
                file: s.file.clone(),
                line: s.line,
            }),
            fix: h.fix.map_or(
                std::borrow::Cow::Borrowed(rule.fix),
                std::borrow::Cow::Owned,
            ),
        });
    }
    findings.sort_by_key(|f| {
        (
            file_order.get(&f.file).copied().unwrap_or(usize::MAX),
            f.line,
            f.rule,
        )
    });
    let summary = Summary::of(&findings, files, read, suppressed);
    Ok(Report {
        profile,
        profile_source,
        findings,
        summary,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_normalize_across_styles() {
        for k in [
            "security.jwt_secret",
            "SECURITY__JWT_SECRET",
            "security-jwt-secret",
            "Security.JWT_Secret",
        ] {
            assert_eq!(normalize(k), "security_jwt_secret", "{k}");
        }
        assert_eq!(normalize("MEMORIC_JWT_SECRET"), "memoric_jwt_secret");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

        /// No setting makes a rule panic, in either profile: names the
        /// rules read, any Unicode value (multi-byte characters where a
        /// rule slices), and the whole secret never in a message.
        #[test]
        fn rules_never_panic_and_never_print_a_whole_value(
            settings in proptest::collection::vec(
                (
                    proptest::sample::select(vec![
                        "JWT_SECRET", "DB_PASSWORD", "FERNET_KEY", "MASTER_KEY", "API_URL",
                        "CALLBACK_URL", "CORS_ORIGINS", "DATABASE_URL", "REDIS_URL", "TLS_KEY_FILE",
                        "SSL_CERT", "JWT_ALGORITHM", "JWT_EXPIRATION", "PBKDF2_ITERATIONS",
                        "SCRYPT_N", "BCRYPT_ROUNDS", "ARGON2_MEMORY", "TRUSTED_PROXIES",
                        "RATE_LIMIT_ENABLED", "DEBUG", "AUDIT_RETENTION_DAYS", "ENVIRONMENT",
                    ]),
                    "[ -~é漢ö€🔑]{0,60}",
                ),
                0..12,
            )
        ) {
            let text: String = settings
                .iter()
                .map(|(k, v)| format!("{k}='{}'\n", v.replace(['\'', '\n'], "")))
                .collect();
            let Ok(parsed) = parse::parse(&text, "f.env", parse::InputType::Dotenv) else {
                return Ok(());
            };
            for profile in [Profile::Production, Profile::Development] {
                let report = validate(vec![parsed.clone()], &policy::Policy::default(), Some(profile), 0)
                    .expect("no policy error");
                for f in &report.findings {
                    for s in &parsed {
                        let v = s.value.trim();
                        if v.chars().count() >= 24 && is_secret_like(&s.key) {
                            proptest::prop_assert!(!f.message.contains(v), "{} in {}", v, f.message);
                        }
                    }
                }
            }
        }
    }

    fn is_secret_like(key: &str) -> bool {
        ["SECRET", "PASSWORD", "KEY"]
            .iter()
            .any(|w| key.contains(w))
            && !key.ends_with("_FILE")
    }

    #[test]
    fn masks_show_at_most_two_chars() {
        assert_eq!(mask("abcdefghijklmnop"), "ab…, 16 chars");
        assert_eq!(mask("short"), "5 chars");
        assert_eq!(mask(""), "empty");
    }
}
