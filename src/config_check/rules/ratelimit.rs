//! Abuse: rate limiting off or failing open, and no lockout after failed
//! logins (KW070-KW072).

use super::{Checker, Hits, RuleId, ends};

/// Settings that say how long a lockout lasts.
const LOCKOUT_DURATIONS: &[&str] = &[
    "lockout_minutes",
    "lockout_duration",
    "lockout_seconds",
    "lockout_time",
    "lockout_period",
];

/// Runs the rate-limit and lockout rules.
pub(super) fn check(cx: &Checker, hits: &mut Hits) {
    for s in cx.views {
        let (i, norm, key, value) = (s.index, s.norm, s.key, s.value);
        let rate = norm.contains("rate_limit") || norm.contains("ratelimit");
        if cx.production
            && rate
            && s.flag == Some(false)
            && (norm.ends_with("enabled")
                || norm.ends_with("rate_limit")
                || norm.ends_with("rate_limiting")
                || norm.ends_with("enable"))
        {
            hits.add(RuleId::RateLimitOff, i, format!("{key} is {value}"));
        }
        if cx.production && rate && s.flag == Some(true) && norm.ends_with("fail_open") {
            hits.add(RuleId::RateLimitFailsOpen, i, format!("{key} is {value}"));
        }
        if is_lockout_threshold(norm) {
            if s.number.is_some_and(|x| x <= 0.0) {
                hits.add(
                    RuleId::NoLockout,
                    i,
                    format!("{key} is {value}: no lockout"),
                );
            }
            if s.number.is_some_and(|x| x > 100.0) {
                hits.add(
                    RuleId::NoLockout,
                    i,
                    format!("{key} is {value}: that many guesses per lockout is no limit"),
                );
            }
        }
        // A lockout duration with no threshold anywhere: the lockout never
        // triggers (or the service's default is silently relied on).
        if ends(norm, LOCKOUT_DURATIONS)
            && !cx.items.iter().any(|o| is_lockout_threshold(&o.s.norm))
        {
            hits.add(
                RuleId::NoLockout,
                i,
                format!(
                    "{key} sets how long a lockout lasts, but no setting says after how many failures"
                ),
            );
        }
        if s.flag == Some(false)
            && ends(
                norm,
                &["lockout_enabled", "account_lockout", "enable_lockout"],
            )
        {
            hits.add(RuleId::NoLockout, i, format!("{key} is {value}"));
        }
    }
}

/// Settings that say after how many failures an account or client is locked out.
fn is_lockout_threshold(norm: &str) -> bool {
    ends(
        norm,
        &[
            "max_auth_failures",
            "lockout_threshold",
            "max_login_attempts",
            "max_failed_attempts",
            "max_failed_logins",
            "lockout_attempts",
            "max_failed_login_attempts",
            "max_auth_attempts",
            "login_attempts_limit",
        ],
    )
}
