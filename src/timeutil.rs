//! Times as keyward stores and reads them: RFC 3339 UTC with milliseconds
//! (`2026-11-25T14:00:57.123Z`, which sorts as text), durations such as
//! `90d` or `12h`, and expiry dates given as a duration, a date or a time.

use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Date, Duration, OffsetDateTime, UtcOffset};

use crate::error::{Error, Result};

/// The current time in UTC.
pub fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

/// `2026-11-25T14:00:57.123Z`.
pub fn format_ms(t: OffsetDateTime) -> String {
    let fmt =
        format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z");
    t.to_offset(UtcOffset::UTC)
        .format(&fmt)
        .unwrap_or_else(|_| t.unix_timestamp().to_string())
}

/// `2026-11-25 14:00 UTC`, for tables.
pub fn format_short(t: OffsetDateTime) -> String {
    let fmt = format_description!("[year]-[month]-[day] [hour]:[minute] UTC");
    t.to_offset(UtcOffset::UTC)
        .format(&fmt)
        .unwrap_or_else(|_| t.unix_timestamp().to_string())
}

/// Parses a stored timestamp (any RFC 3339).
pub fn parse_stored(s: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(s, &Rfc3339).ok()
}

/// Parses `30s`, `15m`, `12h`, `90d`, `2w` (a number and one unit).
pub fn parse_duration(s: &str) -> std::result::Result<Duration, String> {
    let s = s.trim();
    let split = s
        .find(|c: char| !c.is_ascii_digit())
        .ok_or_else(|| format!("'{s}' has no unit: use s, m, h, d or w (for example 90d)"))?;
    let (num, unit) = s.split_at(split);
    let n: i64 = num
        .parse()
        .map_err(|_| format!("'{s}' does not start with a number (for example 90d)"))?;
    let unit_secs: i64 = match unit {
        "s" => 1,
        "m" => 60,
        "h" => 3_600,
        "d" => 86_400,
        "w" => 604_800,
        _ => {
            return Err(format!(
                "'{s}': unknown unit '{unit}' (use s, m, h, d or w)"
            ));
        }
    };
    // A thousand years is past any sensible TTL, grace or threshold, and
    // keeps every later date computation in range.
    const MAX_SECS: i64 = 1000 * 366 * 86_400;
    match n.checked_mul(unit_secs) {
        Some(secs) if secs <= MAX_SECS => Ok(Duration::seconds(secs)),
        _ => Err(format!("'{s}' is too long (at most 1000 years)")),
    }
}

/// A human duration: `3d 4h`, `59m 58s`.
pub fn human_duration(d: Duration) -> String {
    let secs = d.whole_seconds().unsigned_abs();
    let (days, hours, mins, s) = (secs / 86_400, secs / 3600 % 24, secs / 60 % 60, secs % 60);
    let text = if days > 0 {
        format!("{days}d {hours}h")
    } else if hours > 0 {
        format!("{hours}h {mins}m")
    } else if mins > 0 {
        format!("{mins}m {s}s")
    } else {
        format!("{s}s")
    };
    if d.is_negative() {
        format!("-{text}")
    } else {
        text
    }
}

/// An expiry given as a duration from `now` (`90d`), a date (`2027-01-01`,
/// midnight UTC) or an RFC 3339 time. The flag name is used in errors.
pub fn parse_expiry(s: &str, now: OffsetDateTime, flag: &str) -> Result<OffsetDateTime> {
    let s = s.trim();
    let t = if s.starts_with(|c: char| c.is_ascii_digit()) && s.len() <= 6 {
        now + parse_duration(s).map_err(|m| Error::usage(format!("{flag}: {m}")))?
    } else if let Ok(t) = OffsetDateTime::parse(s, &Rfc3339) {
        t
    } else if let Ok(d) = Date::parse(s, format_description!("[year]-[month]-[day]")) {
        d.midnight().assume_utc()
    } else {
        return Err(Error::usage(format!(
            "{flag} '{s}' is neither a duration (90d, 12h), a date (2027-01-01) nor an RFC 3339 time"
        )));
    };
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn formats_sort_as_text() {
        let t = datetime!(2026-11-25 14:00:57.123456 UTC);
        assert_eq!(format_ms(t), "2026-11-25T14:00:57.123Z");
        assert_eq!(
            parse_stored("2026-11-25T14:00:57.123Z")
                .unwrap()
                .unix_timestamp(),
            t.unix_timestamp()
        );
    }

    #[test]
    fn expiries() {
        let now = datetime!(2026-11-25 00:00 UTC);
        assert_eq!(
            parse_expiry("90d", now, "--expires").unwrap(),
            datetime!(2027-02-23 00:00 UTC)
        );
        assert_eq!(
            parse_expiry("2027-01-01", now, "--expires").unwrap(),
            datetime!(2027-01-01 00:00 UTC)
        );
        assert_eq!(
            parse_expiry("2027-01-01T12:00:00+02:00", now, "--expires").unwrap(),
            datetime!(2027-01-01 10:00 UTC)
        );
        assert!(parse_expiry("soon", now, "--expires").is_err());
        assert!(parse_expiry("5y", now, "--expires").is_err());
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("12h").unwrap(), Duration::hours(12));
        assert!(parse_duration("12").is_err());
        assert!(parse_duration("9999999999999999d").is_err());
        assert!(parse_duration("999999999999999999w").is_err());
        assert_eq!(human_duration(Duration::seconds(3598)), "59m 58s");
        assert_eq!(human_duration(Duration::hours(76)), "3d 4h");
    }
}
