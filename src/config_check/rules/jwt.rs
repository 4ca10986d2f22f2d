//! JWT: the none algorithm, long or missing expiry (KW030-KW032).

use super::{Checker, Hits, RuleId, ends, list, number};

/// Settings that switch off the check of a token's expiry when false.
const EXPIRY_CHECKS: &[&str] = &[
    "verify_exp",
    "verify_expiration",
    "verify_expiry",
    "require_exp",
    "require_expiration",
    "check_exp",
    "validate_lifetime",
    "validate_exp",
];

/// Runs the JWT rules on settings about JWTs or tokens.
pub(super) fn check(cx: &Checker, hits: &mut Hits) {
    for s in cx.views {
        let (i, norm, key, value) = (s.index, s.norm, s.key, s.value);
        if !(norm.contains("jwt") || norm.contains("token")) {
            continue;
        }
        if ends(norm, &["algorithm", "alg", "algorithms"])
            && list(value).any(|a| a.eq_ignore_ascii_case("none"))
        {
            hits.add(RuleId::JwtAlgNone, i, format!("{key} is none"));
        }
        let never = || format!("{key} is {value}: tokens never expire");
        if let Some(secs) = expiry_seconds(norm, value) {
            if secs <= 0 {
                hits.add(RuleId::JwtNoExpiry, i, never());
            } else if secs > 86_400 {
                hits.add(
                    RuleId::JwtExpiryLong,
                    i,
                    format!(
                        "{key} is {value} ({} hours); keep it at 24 or less",
                        secs / 3600
                    ),
                );
            }
        } else if is_expiry_key(norm)
            && matches!(
                value.to_ascii_lowercase().as_str(),
                "never" | "none" | "false" | "off" | "infinite"
            )
        {
            hits.add(RuleId::JwtNoExpiry, i, never());
        }
        if s.flag == Some(false) && ends(norm, EXPIRY_CHECKS) {
            hits.add(
                RuleId::JwtNoExpiry,
                i,
                format!("{key} is {value}: expired tokens are accepted"),
            );
        }
    }
}

/// Settings that say how long something lives.
pub(super) fn is_expiry_key(norm: &str) -> bool {
    norm.contains("expir")
        || norm.contains("ttl")
        || norm.contains("lifetime")
        || norm.contains("expire")
}

/// A JWT expiry in seconds, from the key's unit suffix or a `24h` value.
fn expiry_seconds(norm: &str, value: &str) -> Option<i64> {
    if !is_expiry_key(norm) || norm.contains("refresh") {
        return None;
    }
    let unit = if norm.ends_with("milliseconds") || norm.ends_with("millis") || norm.ends_with("ms")
    {
        0.001
    } else if norm.ends_with("seconds")
        || norm.ends_with("secs")
        || norm.ends_with("_s")
        || norm.ends_with("_sec")
    {
        1.0
    } else if norm.ends_with("minutes")
        || norm.ends_with("mins")
        || norm.ends_with("_min")
        || norm.ends_with("_m")
    {
        60.0
    } else if norm.ends_with("hours") || norm.ends_with("_h") || norm.ends_with("hrs") {
        3600.0
    } else if norm.ends_with("days") || norm.ends_with("_d") {
        86_400.0
    } else {
        if let Ok(duration) = crate::timeutil::parse_duration(value)
            && value.ends_with(|c: char| c.is_ascii_alphabetic())
        {
            return Some(duration.whole_seconds());
        }
        1.0
    };
    let amount = number(value)?;
    Some((amount * unit) as i64)
}
