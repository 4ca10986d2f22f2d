//! CORS and allow-lists: any origin, credentials with any origin, a list
//! open to every address (KW050-KW052).

use super::{Checker, Hits, RuleId, ends, list};

/// Settings that allow credentialed cross-origin requests when true.
const CREDENTIALS: &[&str] = &[
    "allow_credentials",
    "cors_credentials",
    "credentials",
    "cors_allow_credentials",
];

/// Runs the CORS and allow-list rules.
pub(super) fn check(cx: &Checker, hits: &mut Hits) {
    let any_origin = |value: &str| list(value).any(|x| x == "*");
    let wildcard_origin = cx
        .items
        .iter()
        .any(|it| is_origin_key(&it.s.norm) && any_origin(&it.value));
    for s in cx.views {
        let (i, norm, key, value) = (s.index, s.norm, s.key, s.value);
        if is_origin_key(norm) && any_origin(value) && cx.production {
            hits.add(RuleId::CorsAnyOrigin, i, format!("{key} is *"));
        }
        if wildcard_origin && s.flag == Some(true) && ends(norm, CREDENTIALS) {
            hits.add(
                RuleId::CorsCredentialsAnyOrigin,
                i,
                format!("{key} is {value} while an origin is *"),
            );
        }
        if cx.production
            && is_allowlist_key(norm)
            && let Some(x) =
                list(value).find(|x| matches!(*x, "0.0.0.0/0" | "::/0" | "*" | "0.0.0.0"))
        {
            hits.add(RuleId::AllowListOpen, i, format!("{key} contains {x}"));
        }
    }
}

/// Settings that list allowed origins.
fn is_origin_key(norm: &str) -> bool {
    norm.contains("origin")
}

/// Settings that list addresses or networks let in or trusted.
fn is_allowlist_key(norm: &str) -> bool {
    [
        "allowed_ips",
        "allowlist",
        "allow_list",
        "whitelist",
        "trusted_proxies",
        "trusted_proxy",
        "trusted_hosts",
        "trusted_ips",
        "ip_allow",
        "allowed_cidrs",
        "allowed_networks",
        "allowed_subnets",
        "trusted_networks",
        "allowed_hosts",
        "forwarded_allow_ips",
    ]
    .iter()
    .any(|name| norm.contains(name))
}
