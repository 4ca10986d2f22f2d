//! `${VAR}` references: a setting's value followed through the settings
//! it names to the literal the checks read.

use std::collections::HashMap;

use crate::config_check::{Kind, Setting};

/// A setting with its value after `${VAR}` resolution.
pub(super) struct Item<'a> {
    pub(super) s: &'a Setting,
    /// The value after resolution (the raw text when unresolved).
    pub(super) value: String,
    /// The kind of the resolved value.
    pub(super) kind: Kind,
    /// Index of the setting holding the literal (itself when the value is
    /// its own, or a `:-default` written here).
    pub(super) origin: usize,
    /// The variables followed, in order (`${A}` then `${B}`).
    pub(super) chain: Vec<String>,
    /// The value is a `:-default`.
    pub(super) defaulted: bool,
    /// A reference that could not be resolved: not checked at all.
    pub(super) unresolved: bool,
    /// The value has a reference inside (`postgresql://app:${PW}@db/app`):
    /// no literal secret and no file path, but its text is still checked
    /// (scheme, sslmode, ...).
    pub(super) inner_ref: bool,
}

/// A whole-value reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Ref<'a> {
    /// `${VAR}`, `$VAR`, or `${VAR<op>default}`.
    Var {
        name: &'a str,
        /// The operator between name and default (`:-`, `-`, `:=`, `=`,
        /// `:?`, `?`, `:+`, `+`), if any.
        op: Option<&'a str>,
        /// The default (or alternative or error text) after the operator.
        default: Option<&'a str>,
    },
    /// `$(command)`, `{{ template }}`: never resolved.
    Opaque,
}

fn is_var_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with(|c: char| c.is_ascii_digit())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
}

/// Parses a whole value that is one reference: `${VAR}`, `${VAR:-default}`
/// (the default may hold references itself), `$VAR`, `$(cmd)`,
/// `{{ template }}`.
pub(super) fn reference(v: &str) -> Option<Ref<'_>> {
    let t = v.trim();
    if let Some(inner) = t.strip_prefix("${") {
        // The brace that closes the opening one must be the last character.
        let mut depth = 1usize;
        let mut close = None;
        for (j, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(j);
                        break;
                    }
                }
                _ => {}
            }
        }
        let close = close?;
        if close + 1 != inner.len() {
            return None;
        }
        let body = &inner[..close];
        let name_len = body
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
            .unwrap_or(body.len());
        let name = &body[..name_len];
        if !is_var_name(name) {
            return None;
        }
        let rest = &body[name_len..];
        if rest.is_empty() {
            return Some(Ref::Var {
                name,
                op: None,
                default: None,
            });
        }
        for op in [":-", ":=", ":?", ":+", "-", "=", "?", "+"] {
            if let Some(d) = rest.strip_prefix(op) {
                return Some(Ref::Var {
                    name,
                    op: Some(op),
                    default: Some(d),
                });
            }
        }
        return None;
    }
    if let Some(name) = t.strip_prefix('$')
        && is_var_name(name)
        && !name.contains('.')
    {
        return Some(Ref::Var {
            name,
            op: None,
            default: None,
        });
    }
    if (t.starts_with("$(") && t.ends_with(')')) || (t.starts_with("{{") && t.ends_with("}}")) {
        return Some(Ref::Opaque);
    }
    None
}

/// True when `v` holds a reference somewhere inside it (`prefix-${VAR}`,
/// `$(cmd)/x`), not as the whole value.
fn has_inner_reference(v: &str) -> bool {
    v.contains("${") || v.contains("$(") || v.contains("{{")
}

/// Looks settings up by the name a reference uses.
pub(super) struct Lookup<'a> {
    all: &'a [Setting],
    live: usize,
    by_key: HashMap<&'a str, usize>,
    by_norm: HashMap<&'a str, usize>,
    /// Overridden settings by normalized key, the latest last.
    shadowed: HashMap<&'a str, Vec<usize>>,
}

impl<'a> Lookup<'a> {
    pub(super) fn new(all: &'a [Setting], live: usize) -> Self {
        let mut by_key = HashMap::new();
        let mut by_norm = HashMap::new();
        for (i, s) in all[..live].iter().enumerate() {
            by_key.insert(s.key.as_str(), i);
            by_norm.insert(s.norm.as_str(), i);
        }
        let mut shadowed: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, s) in all.iter().enumerate().skip(live) {
            shadowed.entry(s.norm.as_str()).or_default().push(i);
        }
        Lookup {
            all,
            live,
            by_key,
            by_norm,
            shadowed,
        }
    }

    /// The setting `name` names, seen from setting `from`: a reference to
    /// a setting's own key (`JWT_SECRET: ${JWT_SECRET}` in a Compose file
    /// read after `.env`) reads the value it overrode.
    fn find(&self, name: &str, from: usize) -> Option<usize> {
        let norm = crate::config_check::normalize(name);
        if norm == self.all[from].norm {
            let earlier = self.shadowed.get(norm.as_str())?;
            // The latest overridden setting that came before `from`.
            return if from < self.live {
                earlier.last().copied()
            } else {
                earlier.iter().rev().find(|&&j| j < from).copied()
            };
        }
        self.by_key
            .get(name)
            .or_else(|| self.by_norm.get(norm.as_str()))
            .copied()
    }

    /// Resolves setting `i`'s value: whole-value references are followed
    /// (through chains, with `:-` defaults) to the setting that holds a
    /// literal; cycles and unknown names leave it unresolved.
    pub(super) fn resolve(&self, i: usize) -> Item<'a> {
        let s = &self.all[i];
        let mut chain = Vec::new();
        let mut seen = vec![i];
        let mut at = i;
        let mut text: String = s.value.clone();
        let mut kind = s.kind;
        let mut defaulted = false;
        let unresolved = |chain: Vec<String>| Item {
            s,
            value: s.value.clone(),
            kind: s.kind,
            origin: i,
            chain,
            defaulted: false,
            unresolved: true,
            inner_ref: false,
        };
        let mut literal = s.literal;
        for _ in 0..32 {
            let r = if literal { None } else { reference(&text) };
            let Some(r) = r else {
                return Item {
                    s,
                    inner_ref: !literal && has_inner_reference(&text),
                    value: text,
                    kind,
                    origin: at,
                    chain,
                    defaulted,
                    unresolved: false,
                };
            };
            let Ref::Var { name, op, default } = r else {
                return unresolved(chain);
            };
            chain.push(name.to_owned());
            let target = self.find(name, at).filter(|j| !seen.contains(j));
            let target_value = target.map(|j| self.all[j].value.as_str());
            let is_empty = target_value.is_some_and(|v| v.trim().is_empty());
            let use_default = match op {
                Some(":-" | ":=") => target.is_none() || is_empty,
                Some("-" | "=") => target.is_none(),
                // `:+`/`+` give their text only when the variable is set,
                // `:?`/`?` fail when it is not: neither is a value to check.
                Some(_) => return unresolved(chain),
                None => false,
            };
            if use_default {
                // The default is written in the setting being resolved.
                text = default.unwrap_or("").to_owned();
                kind = Kind::Text;
                defaulted = true;
                continue;
            }
            let Some(j) = target else {
                return unresolved(chain);
            };
            seen.push(j);
            at = j;
            text = self.all[j].value.clone();
            kind = self.all[j].kind;
            literal = self.all[j].literal;
        }
        unresolved(chain)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references() {
        let var = |name, op, default| Some(Ref::Var { name, op, default });
        assert_eq!(reference("${A}"), var("A", None, None));
        assert_eq!(reference(" $A "), var("A", None, None));
        assert_eq!(reference("${A:-x}"), var("A", Some(":-"), Some("x")));
        assert_eq!(reference("${A-x}"), var("A", Some("-"), Some("x")));
        assert_eq!(reference("${A:-${B}}"), var("A", Some(":-"), Some("${B}")));
        assert_eq!(
            reference("${A:?required}"),
            var("A", Some(":?"), Some("required"))
        );
        assert_eq!(reference("$(cat /run/secrets/x)"), Some(Ref::Opaque));
        assert_eq!(reference("{{ .Values.secret }}"), Some(Ref::Opaque));
        for not in [
            "plain", "${A}x", "x${A}", "${A}${B}", "$", "${}", "${1A}", "pa$word",
        ] {
            assert_eq!(reference(not), None, "{not}");
        }
        assert!(has_inner_reference("x${A}") && has_inner_reference("$(x)/y"));
    }

    fn env(lines: &[(&str, &str)]) -> Vec<Setting> {
        lines
            .iter()
            .enumerate()
            .map(|(i, (k, v))| Setting {
                key: (*k).to_owned(),
                norm: crate::config_check::normalize(k),
                value: (*v).to_owned(),
                kind: Kind::Text,
                file: "f".into(),
                line: i + 1,
                ignore: Vec::new(),
                literal: false,
                scope: String::new(),
            })
            .collect()
    }

    /// (value, origin, unresolved) of every setting.
    fn resolved(all: &[Setting], live: usize) -> Vec<(String, usize, bool)> {
        let l = Lookup::new(all, live);
        (0..live)
            .map(|i| {
                let r = l.resolve(i);
                (r.value, r.origin, r.unresolved)
            })
            .collect()
    }

    #[test]
    fn references_resolve_through_chains_defaults_and_cycles() {
        let s = env(&[
            ("A", "${B}"),
            ("B", "$C"),
            ("C", "lit"),
            ("D", "${NOPE:-dflt}"),
            ("E", "${NOPE}"),
            ("F", "${G}"),
            ("G", "${F}"),
            ("H", "${H}"),
            ("I", "${EMPTY:-x}"),
            ("EMPTY", ""),
            ("J", "${EMPTY-x}"),
            ("K", "${NOPE:-${C}}"),
            ("L", "pre-${C}"),
            ("M", "${F:-fallback}"),
        ]);
        let r = resolved(&s, s.len());
        let want = [
            ("lit", 2, false),
            ("lit", 2, false),
            ("lit", 2, false),
            ("dflt", 3, false),
            ("${NOPE}", 4, true),
            ("${G}", 5, true),
            ("${F}", 6, true),
            ("${H}", 7, true),
            ("x", 8, false),
            ("", 9, false),
            ("", 9, false),
            ("lit", 2, false),
            ("pre-${C}", 12, false),
            // F is set (to a cycle): no default, and unresolved.
            ("${F:-fallback}", 13, true),
        ];
        for (i, w) in want.iter().enumerate() {
            assert_eq!((r[i].0.as_str(), r[i].1, r[i].2), *w, "{}", s[i].key);
        }
    }

    #[test]
    fn a_reference_to_its_own_key_reads_the_value_it_overrode() {
        // .env then a Compose file: JWT_SECRET=lit, then JWT_SECRET=${JWT_SECRET}.
        let mut s = env(&[("JWT_SECRET", "${JWT_SECRET}"), ("JWT_SECRET", "lit")]);
        let r = resolved(&s, 1);
        assert_eq!(r[0], ("lit".into(), 1, false));
        s.truncate(1);
        assert!(resolved(&s, 1)[0].2, "nothing to read: unresolved");
    }

    use proptest::prelude::Strategy;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// Any web of references (chains, cycles, defaults, self-references,
        /// overridden values) resolves without a panic, and a resolved value
        /// is a literal written at its origin.
        #[test]
        fn references_always_resolve_or_stop(
            values in proptest::collection::vec(
                proptest::prop_oneof![
                    (0..6usize).prop_map(|k| format!("${{K{k}}}")),
                    (0..6usize).prop_map(|k| format!("$K{k}")),
                    (0..6usize, 0..6usize).prop_map(|(k, d)| format!("${{K{k}:-${{K{d}}}}}")),
                    (0..6usize).prop_map(|k| format!("${{K{k}-lit}}")),
                    (0..6usize).prop_map(|k| format!("x${{K{k}}}")),
                    "[a-z]{0,6}",
                ],
                1..12,
            ),
            keys in proptest::collection::vec(0..6usize, 12),
            live in 1..12usize,
        ) {
            let lines: Vec<(String, String)> = values
                .iter()
                .zip(&keys)
                .map(|(v, k)| (format!("K{k}"), v.clone()))
                .collect();
            let refs: Vec<(&str, &str)> =
                lines.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let all = env(&refs);
            let live = live.min(all.len());
            let l = Lookup::new(&all, live);
            for i in 0..live {
                let r = l.resolve(i);
                if !r.unresolved {
                    proptest::prop_assert!(reference(&r.value).is_none());
                    proptest::prop_assert!(r.origin < all.len());
                }
            }
        }
    }
}
