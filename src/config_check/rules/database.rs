//! Databases and caches: PostgreSQL without TLS, Redis without TLS or a
//! password, credentials inline in a URL (KW060-KW063, and KW004 for a
//! sample password in a URL).

use std::collections::HashSet;

use super::secrets::placeholder;
use super::{Checker, Hits, RuleId, ends};
use crate::config_check::mask;

/// `sslmode` values (and asyncpg's `ssl`) that insist on TLS.
const PG_TLS_REQUIRED: &[&str] = &[
    "sslmode=require",
    "sslmode=verify-full",
    "sslmode=verify-ca",
    "ssl=require",
    "ssl=verify-full",
    "ssl=verify-ca",
    "ssl=true",
];

/// Runs the database and cache rules.
pub(super) fn check(cx: &Checker, hits: &mut Hits) {
    // Where a Redis password is set: per scope (a Compose service's password
    // is not another's), an unscoped one counting for all.
    let redis_password_scopes: HashSet<&str> = cx
        .items
        .iter()
        .filter(|it| {
            let lower = it.value.trim().to_ascii_lowercase();
            (ends(&it.s.norm, &["redis_password", "redis_pass", "requirepass"])
                && !it.value.trim().is_empty())
                || ((lower.starts_with("redis://") || lower.starts_with("rediss://"))
                    && url_password(&it.value).is_some())
        })
        .map(|it| it.s.scope.as_str())
        .collect();
    for s in cx.views {
        let (i, norm, key, value) = (s.index, s.norm, s.key, s.value);
        let scope = cx.items[i].s.scope.as_str();
        let redis_password_set =
            redis_password_scopes.contains("") || redis_password_scopes.contains(scope);
        let lower = value.to_ascii_lowercase();
        // postgresql://, and SQLAlchemy's postgresql+asyncpg:// and the like
        // (asyncpg spells it ssl=require).
        let pg_url = lower.split_once("://").is_some_and(|(scheme, _)| {
            matches!(scheme.split('+').next(), Some("postgres" | "postgresql"))
        });
        if cx.production && pg_url && !PG_TLS_REQUIRED.iter().any(|m| lower.contains(m)) {
            hits.add(
                RuleId::PostgresNoTls,
                i,
                format!("{key} has no sslmode=require or verify-full"),
            );
        }
        if cx.production
            && ends(norm, &["sslmode", "ssl_mode", "pgsslmode"])
            && matches!(lower.as_str(), "disable" | "allow" | "prefer")
            && !norm.contains("redis")
        {
            hits.add(RuleId::PostgresNoTls, i, format!("{key} is {value}"));
        }
        let redis_url = lower.starts_with("redis://");
        if redis_url && cx.production {
            hits.add(RuleId::RedisNoTls, i, format!("{key} uses redis://"));
        }
        if (redis_url || lower.starts_with("rediss://"))
            && url_password(value).is_none()
            && !redis_password_set
        {
            hits.add(
                RuleId::RedisNoPassword,
                i,
                format!("{key} has no password and no Redis password is set"),
            );
        }
        // Redis configured by host (REDIS_HOST=cache) with no password anywhere.
        if ends(norm, &["redis_host"]) && !value.is_empty() && !redis_password_set {
            hits.add(
                RuleId::RedisNoPassword,
                i,
                format!("{key} is set and no Redis password is"),
            );
        }
        if let Some(password) = url_password(value)
            && !password.contains('$')
        {
            hits.add(
                RuleId::UrlCredentials,
                i,
                format!("{key} carries a password ({})", mask(password)),
            );
            // postgresql://postgres:postgres@db/app: the sample's password.
            if let Some(why) = placeholder(password) {
                hits.add(
                    RuleId::SecretPlaceholder,
                    i,
                    format!("the password in {key} is {why} ({})", mask(password)),
                );
            }
        }
    }
}

/// The password of `scheme://user:password@host`, if one is inline.
fn url_password(url: &str) -> Option<&str> {
    let (scheme, rest) = url.trim().split_once("://")?;
    if scheme.is_empty()
        || !scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
    {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    let (userinfo, _) = authority.rsplit_once('@')?;
    let (_, pw) = userinfo.split_once(':')?;
    (!pw.is_empty()).then_some(pw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_passwords() {
        assert_eq!(url_password("postgresql://u:pw@h/db"), Some("pw"));
        assert_eq!(url_password("redis://h:6379"), None);
        assert_eq!(url_password("redis://:pw@h:6379"), Some("pw"));
    }
}
