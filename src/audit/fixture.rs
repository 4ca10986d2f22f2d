//! Synthetic audit logs for tests and benchmarks: a valid chain of `n`
//! entries spread over a time span, with a known, reproducible mix of
//! actors, actions, risks, outcomes, hosts and details.

use time::{Duration, OffsetDateTime};

use super::{Auditor, GENESIS, INSERT_ROW, Row};
use crate::error::Result;
use crate::store::{Store, query_error};

/// Actors cycled through; `actor-0` ... `actor-49`.
pub const ACTORS: u64 = 50;
/// Hosts cycled through; `host-0` ... `host-4`.
pub const HOSTS: u64 = 5;
/// Actions cycled through.
pub const ACTIONS: [&str; 8] = [
    "apikey.issue",
    "apikey.verify",
    "apikey.revoke",
    "jwt.mint",
    "key.generate",
    "rotate.start",
    "rotate.finish",
    "memory.create",
];

/// A small deterministic generator (SplitMix64).
fn mix(i: u64) -> u64 {
    let mut z = i.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The risk of entry `i`: mostly low, then medium, high, critical.
pub fn risk_of(i: u64) -> &'static str {
    match mix(i) % 100 {
        0..=79 => "low",
        80..=93 => "medium",
        94..=98 => "high",
        _ => "critical",
    }
}

/// Appends `n` chained entries to the store, evenly spaced so the last is
/// at `end` and the first `span` before it, in transactions of 50,000.
pub fn generate(
    store: &mut Store,
    auditor: &Auditor,
    n: u64,
    end: OffsetDateTime,
    span: Duration,
) -> Result<()> {
    let step_ns = if n > 1 {
        span.whole_nanoseconds() / (n as i128 - 1)
    } else {
        0
    };
    let start = end - span;
    let mut done = 0u64;
    while done < n {
        let batch = (n - done).min(50_000);
        store.write(|tx| {
            let mut prev: String = tx
                .query_row(
                    "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1",
                    [],
                    |r| r.get(0),
                )
                .unwrap_or_else(|_| GENESIS.to_string());
            let mut stmt = tx.prepare_cached(INSERT_ROW).map_err(query_error)?;
            for i in done..done + batch {
                let r = mix(i ^ 0x5eed);
                let ts = start + Duration::nanoseconds((step_ns * i as i128) as i64);
                let tier = ["short_term", "long_term", "archive"][(r % 3) as usize];
                let mut row = Row {
                    id: 0,
                    ts: crate::timeutil::format_ms(ts),
                    actor: format!("actor-{}", i % ACTORS),
                    action: ACTIONS[(i % ACTIONS.len() as u64) as usize].to_string(),
                    resource_type: Some("memory".into()),
                    resource_id: Some((r % 100_000).to_string()),
                    outcome: if r.is_multiple_of(20) {
                        "failure"
                    } else {
                        "success"
                    }
                    .into(),
                    risk: risk_of(i).into(),
                    host: Some(format!("host-{}", i % HOSTS)),
                    details: serde_json::json!({"tier": tier, "score": r % 101, "seq": i})
                        .to_string(),
                    prev_hash: prev,
                    hash: String::new(),
                };
                row.hash = auditor.hash(&row.prev_hash, &row.canonical());
                row.insert(&mut stmt).map_err(query_error)?;
                prev = row.hash;
            }
            Ok(())
        })?;
        done += batch;
    }
    Ok(())
}
