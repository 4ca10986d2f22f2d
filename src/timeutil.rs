//! Times as keyward stores and reads them: RFC 3339 UTC with milliseconds
//! (`2026-11-25T14:00:57.123Z`, which sorts as text), durations such as
//! `90d` or `12h`, and expiry dates given as a duration, a date or a time.

use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Date, Duration, OffsetDateTime, PrimitiveDateTime, UtcOffset};

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

/// The moment a check judges at: `--at TIME` (any form [`parse_expiry`]
/// reads: an RFC 3339 time, a date, or a duration from now) or else `now`.
/// `cert check`, `jwt verify` and `apikey verify` share it.
pub fn parse_at(at: Option<&str>, now: OffsetDateTime) -> Result<OffsetDateTime> {
    match at {
        Some(s) => parse_expiry(s, now, "--at"),
        None => Ok(now),
    }
}

/// The UTC offset of local time at `t` (TZ or /etc/localtime, DST
/// included), as the C library gives it; UTC when it cannot tell.
pub fn local_offset(t: OffsetDateTime) -> UtcOffset {
    let secs: libc::time_t = t.unix_timestamp() as libc::time_t;
    // SAFETY: localtime_r writes only into `tm`, which we own; a zeroed tm
    // is a valid value of that plain C struct.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    let ok = unsafe { !libc::localtime_r(&secs, &mut tm).is_null() };
    if !ok {
        return UtcOffset::UTC;
    }
    UtcOffset::from_whole_seconds(tm.tm_gmtoff as i32).unwrap_or(UtcOffset::UTC)
}

/// The zone in which a source's times without an offset are read
/// (`audit --tz`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Zone {
    /// UTC, the default.
    #[default]
    Utc,
    /// A fixed offset such as +02:00.
    Fixed(UtcOffset),
    /// The machine's local zone, as tables show it (TZ or /etc/localtime).
    Local,
    /// An IANA zone (`Europe/Berlin`) from the system's zone database,
    /// daylight saving time included (one per process, kept for its life).
    Named(&'static jiff::tz::TimeZone),
}

impl Zone {
    /// True for UTC (or an offset of zero).
    pub fn is_utc(self) -> bool {
        match self {
            Zone::Utc => true,
            Zone::Fixed(o) => o.is_utc(),
            Zone::Local | Zone::Named(_) => false,
        }
    }

    /// The instant a wall-clock time in this zone names. In local time a
    /// time repeated when clocks go back is the first of the two, and one
    /// skipped when they go forward is read with the offset before the
    /// change (as Python does with `fold=0`).
    pub fn assume(self, wall: PrimitiveDateTime) -> OffsetDateTime {
        match self {
            Zone::Utc => wall.assume_utc(),
            Zone::Fixed(o) => wall.assume_offset(o),
            Zone::Named(tz) => named_instant(tz, wall),
            Zone::Local => {
                let probe = wall.assume_utc();
                let before = local_offset(probe - Duration::days(1));
                let after = local_offset(probe + Duration::days(1));
                let fits = |o: UtcOffset| {
                    let t = wall.assume_offset(o);
                    (local_offset(t) == o).then_some(t)
                };
                match (fits(before), fits(after)) {
                    (Some(a), Some(b)) => a.min(b),
                    (Some(a), None) => a,
                    (None, Some(b)) => b,
                    (None, None) => {
                        // Neither neighbour's offset (a change of rules, not
                        // a DST switch): the offset at that instant.
                        let o = local_offset(probe);
                        fits(o).unwrap_or_else(|| wall.assume_offset(before))
                    }
                }
            }
        }
    }
}

/// A wall-clock time in an IANA zone as an instant: a time skipped when
/// clocks go forward is read with the offset before the change, a repeated
/// one as the first (RFC 5545's "compatible", Python's `fold=0`).
fn named_instant(tz: &jiff::tz::TimeZone, wall: PrimitiveDateTime) -> OffsetDateTime {
    let civil = jiff::civil::DateTime::new(
        wall.year() as i16,
        wall.month() as i8,
        wall.day() as i8,
        wall.hour() as i8,
        wall.minute() as i8,
        wall.second() as i8,
        wall.nanosecond() as i32,
    );
    let zoned = civil
        .ok()
        .and_then(|c| tz.to_ambiguous_zoned_datetime(c).compatible().ok());
    match zoned {
        Some(z) => {
            let offset =
                UtcOffset::from_whole_seconds(z.offset().seconds()).unwrap_or(UtcOffset::UTC);
            OffsetDateTime::from_unix_timestamp_nanos(z.timestamp().as_nanosecond())
                .map(|t| t.to_offset(offset))
                .unwrap_or_else(|_| wall.assume_utc())
        }
        // Outside jiff's range (years before -9999 or after 9999): UTC.
        None => wall.assume_utc(),
    }
}

/// Parses `--tz`: `UTC`, `local`, an offset (`+02:00`, `-0530`, `+02`), or
/// an IANA zone name from the system's zone database (`Europe/Berlin`).
pub fn parse_zone(s: &str, flag: &str) -> Result<Zone> {
    let t = s.trim();
    if t.eq_ignore_ascii_case("utc") || t.eq_ignore_ascii_case("z") || t.eq_ignore_ascii_case("gmt")
    {
        return Ok(Zone::Utc);
    }
    if t.eq_ignore_ascii_case("local") {
        return Ok(Zone::Local);
    }
    if let Some(rest) = t.strip_prefix(['+', '-']) {
        let digits: String = rest.chars().filter(|c| *c != ':').collect();
        let colon_ok = match rest.find(':') {
            None => true,
            Some(i) => i == 2 && rest.len() == 5,
        };
        if colon_ok
            && (digits.len() == 2 || digits.len() == 4)
            && digits.bytes().all(|b| b.is_ascii_digit())
        {
            let h: i8 = digits[..2].parse().unwrap_or(99);
            let m: i8 = digits.get(2..4).map_or(Ok(0), str::parse).unwrap_or(99);
            if h <= 23 && m <= 59 {
                let sign = if t.starts_with('-') { -1 } else { 1 };
                if let Ok(o) = UtcOffset::from_hms(sign * h, sign * m, 0) {
                    return Ok(if o.is_utc() {
                        Zone::Utc
                    } else {
                        Zone::Fixed(o)
                    });
                }
            }
        }
        return Err(Error::usage(format!(
            "{flag} '{t}': an offset is written +HH:MM or -HHMM (for example +02:00 or -0530), under 24 hours"
        )));
    }
    if t.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return match jiff::tz::TimeZone::get(t) {
            Ok(tz) => Ok(Zone::Named(Box::leak(Box::new(tz)))),
            Err(_) => Err(Error::usage(format!(
                "{flag} '{t}': not a zone in the system's zone database (/usr/share/zoneinfo); give a name such as Europe/Berlin, UTC, local, or an offset such as +01:00"
            ))),
        };
    }
    Err(Error::usage(format!(
        "{flag} '{t}': use UTC, local, or an offset such as +02:00 or -0530"
    )))
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
    fn hardening_10_zones() {
        use time::macros::offset;
        assert_eq!(parse_zone("UTC", "--tz").unwrap(), Zone::Utc);
        assert_eq!(parse_zone("local", "--tz").unwrap(), Zone::Local);
        assert_eq!(parse_zone("+00:00", "--tz").unwrap(), Zone::Utc);
        for (s, want) in [
            ("+02:00", offset!(+2)),
            ("-0530", offset!(-5:30)),
            ("+05", offset!(+5)),
            ("+23:59", offset!(+23:59)),
        ] {
            assert_eq!(parse_zone(s, "--tz").unwrap(), Zone::Fixed(want), "{s}");
        }
        for bad in [
            "+24:00",
            "+2",
            "+02:5",
            "+0260",
            "+02:00:00",
            "Mars/Olympus_Mons",
            "",
            "2h",
        ] {
            let e = parse_zone(bad, "--tz").unwrap_err();
            assert_eq!(e.exit_code(), 2, "{bad}");
        }
        let e = parse_zone("Mars/Olympus_Mons", "--tz")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("zone database") && e.contains("Europe/Berlin"),
            "{e}"
        );
        // An IANA zone, daylight saving time included.
        let berlin = parse_zone("Europe/Berlin", "--tz").unwrap();
        assert!(matches!(berlin, Zone::Named(_)));
        for (wall, utc) in [
            (datetime!(2026-01-15 12:00), datetime!(2026-01-15 11:00 UTC)),
            (datetime!(2026-07-15 12:00), datetime!(2026-07-15 10:00 UTC)),
            // Skipped (02:30 on 29 March): the offset before the change.
            (datetime!(2026-03-29 02:30), datetime!(2026-03-29 01:30 UTC)),
            // Repeated (02:30 on 25 October): the first.
            (datetime!(2026-10-25 02:30), datetime!(2026-10-25 00:30 UTC)),
        ] {
            assert_eq!(berlin.assume(wall), utc, "{wall}");
        }
        let ny = parse_zone("America/New_York", "--tz").unwrap();
        assert_eq!(
            ny.assume(datetime!(2026-11-20 10:00)),
            datetime!(2026-11-20 15:00 UTC)
        );
        let wall = datetime!(2026-11-20 10:00);
        assert_eq!(Zone::Utc.assume(wall), datetime!(2026-11-20 10:00 UTC));
        assert_eq!(
            Zone::Fixed(offset!(+2)).assume(wall),
            datetime!(2026-11-20 08:00 UTC)
        );
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
