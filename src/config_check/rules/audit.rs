//! Operations: debug mode in production, audit logging off or kept too
//! briefly (KW073-KW075).

use super::{Checker, Hits, RuleId, ends};

/// Runs the debug and audit rules.
pub(super) fn check(cx: &Checker, hits: &mut Hits) {
    for s in cx.views {
        let (i, norm, key, value) = (s.index, s.norm, s.key, s.value);
        if cx.production
            && s.flag == Some(true)
            && ends(norm, &["debug", "debug_mode", "app_debug"])
            && !norm.contains("log")
        {
            hits.add(RuleId::DebugOn, i, format!("{key} is {value}"));
        }
        if !norm.contains("audit") {
            continue;
        }
        if s.flag == Some(false) && ends(norm, &["enabled", "log", "logging", "audit"]) {
            hits.add(RuleId::AuditOff, i, format!("{key} is {value}"));
        }
        if ends(norm, &["retention_days", "retention"]) && s.number.is_some_and(|x| x < 365.0) {
            hits.add(
                RuleId::AuditRetentionShort,
                i,
                format!("{key} is {value} days; keep at least 365"),
            );
        }
    }
}
