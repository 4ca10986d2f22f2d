//! The rule catalog and the checks, one module per family. Each check
//! reads the merged settings by normalized key (a key matches a name when
//! it equals it or ends with `_name`, so `MEMORIC_JWT_SECRET` and
//! `security.jwt_secret` both match `jwt_secret`) and reports [`Hit`]s;
//! [`super::validate`] turns them into findings after suppression.
//!
//! A rule is one line of [`catalog!`] below: its [`RuleId`] variant, id,
//! severity, profile, title, why and fix. Checks name rules by variant, so a
//! finding cannot name a rule the catalog lacks.

mod audit;
mod cors;
mod database;
mod jwt;
mod kdf;
mod ratelimit;
mod resolve;
mod secrets;
mod tls;

use serde::Serialize;

use super::{Profile, Setting, Severity};
use resolve::{Item, Lookup, reference};

pub use secrets::{is_secret_name, placeholder};

/// One rule of the catalog.
#[derive(Debug, Clone, Serialize)]
pub struct Rule {
    /// `KW001`...
    pub id: RuleId,
    /// Default severity.
    pub severity: Severity,
    /// Checked only under the production profile.
    pub production_only: bool,
    /// One line.
    pub title: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// What to do.
    pub fix: &'static str,
}

/// Defines [`RuleId`] (one variant per rule, in id order) and [`CATALOG`]
/// (one [`Rule`] per variant, in the same order) from one table.
macro_rules! catalog {
    ($($variant:ident = $id:ident, $sev:ident, $prod:literal, $title:literal, $why:literal, $fix:literal;)*) => {
        /// A rule of the catalog; serialized (and shown) as its id, `KW001`...
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum RuleId {
            $(
                #[doc = concat!(stringify!($id), ": ", $title)]
                $variant,
            )*
        }

        impl RuleId {
            /// The id, `KW001`...
            pub fn as_str(self) -> &'static str {
                match self {
                    $(RuleId::$variant => stringify!($id),)*
                }
            }
        }

        /// Every rule, in id order.
        pub static CATALOG: &[Rule] = &[
            $(
                Rule {
                    id: RuleId::$variant,
                    severity: Severity::$sev,
                    production_only: $prod,
                    title: $title,
                    why: $why,
                    fix: $fix,
                },
            )*
        ];
    };
}

catalog! {
    SecretEmpty = KW001, Warning, false,
        "Secret is empty or unset",
        "A secret setting without a value makes the service refuse to start or, worse, run with a built-in default.",
        "Generate a value (keyward keygen jwt-secret / master / password) and set it.";
    SecretShort = KW002, Error, false,
        "Secret shorter than 32 characters",
        "Short secrets can be brute-forced offline (HMAC-signed tokens, password hashes, leaked ciphertexts).",
        "Use at least 32 random characters: keyward keygen jwt-secret or keyward keygen password --length 32.";
    SecretLowEntropy = KW003, Warning, false,
        "Secret has low estimated entropy",
        "A long value made of few distinct characters (under 3 bits per character) is far weaker than its length suggests.",
        "Replace it with output of keyward keygen.";
    SecretPlaceholder = KW004, Error, false,
        "Secret is a known placeholder or default",
        "Sample values (changeme, your-...-here, the docs' example keys) are public: anyone can sign tokens or decrypt with them.",
        "Generate a fresh secret with keyward keygen and never reuse documentation values.";
    KeyRepeating = KW005, Error, false,
        "Key is all zeros or a repeating pattern",
        "A key of the right length but repeating content has almost no entropy.",
        "Generate a random key: keyward keygen master.";
    SecretReused = KW006, Warning, false,
        "One secret value used for two purposes",
        "Reusing a value (say the JWT secret as the encryption key) means one leak breaks both, and rotation of one breaks the other.",
        "Give every purpose its own freshly generated secret.";
    KeyFormat = KW010, Error, false,
        "Encryption key has the wrong length or encoding",
        "The service expects a 256-bit key (64 hex digits, or a 44-character Fernet key); anything else fails at start or is stretched insecurely.",
        "keyward keygen master (hex) or keyward keygen master --encoding fernet.";
    EncryptionOff = KW011, Error, true,
        "Encryption turned off in production",
        "Data at rest is stored in the clear.",
        "Enable encryption and set its key.";
    MasterKeyHex = KW012, Warning, false,
        "ENCRYPTION_MASTER_KEY in hex where base64 is read",
        "Seed 002 (Tiger MCP) base64-decodes ENCRYPTION_MASTER_KEY and requires 32 bytes: the 64 hex digits its document asks for decode to 48 bytes, and the service refuses the key.",
        "Set it to standard base64 of 32 random bytes: keyward keygen master --encoding base64 (mark the line keyward:ignore KW012 if your service reads hex).";
    Pbkdf2Under600k = KW020, Warning, false,
        "PBKDF2 iterations under 600,000",
        "OWASP (2023) recommends at least 600,000 iterations of PBKDF2-HMAC-SHA256.",
        "Set the iteration count to 600000 or more; where it derives an encryption key, re-encrypt the stored values under the new count in the same change (keyward rotate run --from OLD --to NEW), or raising it alone makes them all unreadable.";
    Pbkdf2Under100k = KW021, Error, false,
        "PBKDF2 iterations under 100,000",
        "Under 100,000 iterations a GPU tests passphrases very cheaply.",
        "Set the iteration count to 600000 or more (or move to scrypt/argon2id); where it derives an encryption key, re-encrypt the stored values under the new count in the same change (keyward rotate run --from OLD --to NEW), or raising it alone makes them all unreadable.";
    ScryptCostLow = KW022, Warning, false,
        "scrypt cost N under 2^17",
        "N = 2^17 (r=8, p=1) is the interactive minimum recommended today.",
        "Set N to 131072 (2^17) or more.";
    BcryptCostLow = KW023, Warning, false,
        "bcrypt cost under 10",
        "Each step below 10 halves the attacker's work; OWASP asks for at least 10.",
        "Set the bcrypt cost (rounds) to 12.";
    Argon2MemoryLow = KW024, Warning, false,
        "argon2 memory under 19 MiB",
        "OWASP's minimum for argon2id is 19 MiB (19456 KiB) with t=2.",
        "Set the memory cost to 19456 KiB or more.";
    JwtAlgNone = KW030, Error, false,
        "JWT algorithm is none",
        "Unsigned tokens: anyone can forge any identity.",
        "Use HS256 with a strong secret, or an asymmetric algorithm.";
    JwtExpiryLong = KW031, Warning, false,
        "JWT expiry over 24 hours",
        "A stolen token stays valid for its whole lifetime.",
        "Keep access tokens at 24 hours or less (an hour is common) and use refresh tokens.";
    JwtNoExpiry = KW032, Warning, false,
        "JWT without expiry",
        "A token that never expires can only be stopped by rotating the signing secret.",
        "Set an expiry of 24 hours or less.";
    TlsOff = KW040, Error, true,
        "TLS turned off in production",
        "Credentials and data travel in the clear.",
        "Enable TLS (or terminate it at a proxy and say so with keyward:ignore).";
    TlsVerifyOff = KW041, Error, false,
        "Certificate verification turned off",
        "Without verification any man in the middle can impersonate the server.",
        "Turn verification on; trust a private CA with its bundle instead.";
    PlainHttp = KW042, Warning, true,
        "Plain http:// endpoint or origin in production",
        "Requests to or from a non-loopback http:// address are not encrypted.",
        "Use https:// (loopback addresses are exempt).";
    TlsFileUnreadable = KW043, Error, false,
        "TLS certificate or key file missing or unreadable",
        "The service cannot start TLS, or falls back to plain text.",
        "Point the setting at an existing, readable file (keyward cert create makes one).";
    TlsCertInvalid = KW044, Error, false,
        "TLS certificate expired or not valid",
        "Clients refuse the connection, or are trained to ignore errors.",
        "Renew the certificate (keyward cert check to watch expiry).";
    TlsCertExpiring = KW045, Warning, false,
        "TLS certificate expires within 30 days",
        "An expiry inside a month needs a renewal now.",
        "Renew it, and run keyward cert check in monitoring.";
    TlsKeyReadable = KW046, Error, false,
        "TLS private key readable by other users",
        "Group- or world-readable private keys leak to every local account.",
        "chmod 600 the key file.";
    CorsAnyOrigin = KW050, Error, true,
        "CORS allows any origin",
        "Any website can call the API from a visitor's browser.",
        "List the exact https:// origins that need access.";
    CorsCredentialsAnyOrigin = KW051, Error, false,
        "CORS credentials with a wildcard origin",
        "Credentialed requests from every origin expose logged-in users to any site.",
        "List exact origins when credentials are allowed.";
    AllowListOpen = KW052, Error, true,
        "Allow-list open to every address",
        "0.0.0.0/0, ::/0 or * in an allow-list (trusted proxies included) lets anyone in or spoof client addresses.",
        "List the networks that need access.";
    PostgresNoTls = KW060, Warning, true,
        "PostgreSQL connection without sslmode=require or verify-full",
        "libpq's default (prefer) silently falls back to plain text.",
        "Add ?sslmode=verify-full (or require) to the URL.";
    RedisNoTls = KW061, Warning, true,
        "Redis without TLS (redis:// rather than rediss://)",
        "Redis passwords and cached data travel in the clear.",
        "Use rediss:// and enable TLS on the server.";
    RedisNoPassword = KW062, Warning, false,
        "Redis without a password",
        "Anyone who reaches the port reads and writes the cache (sessions, rate limits).",
        "Set requirepass on the server and REDIS_PASSWORD (or the URL's password).";
    UrlCredentials = KW063, Warning, false,
        "Credentials inline in a URL",
        "URLs are logged, shown in process lists and error messages.",
        "Pass the password in its own setting or a secret file, and reference it.";
    RateLimitOff = KW070, Warning, true,
        "Rate limiting turned off in production",
        "Credential stuffing and scraping go unchecked.",
        "Enable rate limiting.";
    RateLimitFailsOpen = KW071, Warning, true,
        "Rate limiter fails open",
        "When its store (Redis) is down, every limit is off.",
        "Set fail-open to false.";
    NoLockout = KW072, Warning, false,
        "No lockout threshold",
        "Without a failure limit a password can be guessed forever.",
        "Set a lockout threshold (5-10 failures).";
    DebugOn = KW073, Error, true,
        "Debug mode on in production",
        "Debug pages leak stack traces, settings and sometimes a shell.",
        "Turn debug off in production.";
    AuditOff = KW074, Warning, false,
        "Audit logging turned off",
        "Without an audit trail incidents cannot be investigated.",
        "Enable audit logging.";
    AuditRetentionShort = KW075, Warning, false,
        "Audit retention under 365 days",
        "Breaches are often found months later; a year of logs is the usual minimum.",
        "Keep audit logs for at least 365 days.";
}

impl RuleId {
    /// The rule's catalog entry.
    pub fn rule(self) -> &'static Rule {
        // CATALOG holds one rule per variant, in variant order.
        &CATALOG[self as usize]
    }
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for RuleId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// The rule with `id`, if it exists.
pub fn find(id: &str) -> Option<&'static Rule> {
    CATALOG.iter().find(|r| r.id.as_str() == id)
}

/// A rule that fired on one setting.
#[derive(Debug, Clone)]
pub struct Hit {
    /// The rule.
    pub rule: RuleId,
    /// Index into the merged settings: the setting the finding is about.
    pub setting: usize,
    /// Index of the setting whose literal value made the rule fire: the
    /// same as `setting`, or (for a `${VAR}` reference) where the value is
    /// defined, possibly a setting a later input overrode.
    pub at: usize,
    /// The message (masked).
    pub message: String,
    /// The fix for this finding when it says more than the rule's (a
    /// command with the configuration's own names and values).
    pub fix: Option<String>,
}

/// The hits of one run, as the families report them.
#[derive(Default)]
struct Hits(Vec<Hit>);

impl Hits {
    /// `rule` fired on setting `setting`.
    fn add(&mut self, rule: RuleId, setting: usize, message: String) {
        self.0.push(Hit {
            rule,
            setting,
            at: setting,
            message,
            fix: None,
        });
    }

    /// `rule` fired on setting `setting`, with its own `fix`.
    fn add_with_fix(&mut self, rule: RuleId, setting: usize, message: String, fix: String) {
        self.add(rule, setting, message);
        if let Some(h) = self.0.last_mut() {
            h.fix = Some(fix);
        }
    }
}

/// A resolved setting as the per-setting checks read it.
struct View<'a> {
    /// Index into the merged settings.
    index: usize,
    /// The normalized key.
    norm: &'a str,
    /// The key as written.
    key: &'a str,
    /// The resolved value, trimmed.
    value: &'a str,
    /// The value read as a boolean (`true`, `off`, `1`...).
    flag: Option<bool>,
    /// The value read as a number.
    number: Option<f64>,
}

/// What every family reads.
struct Checker<'a> {
    /// The merged settings (those in force, then those overridden).
    all: &'a [Setting],
    /// Every setting in force, its value resolved.
    items: &'a [Item<'a>],
    /// The settings in force whose value resolved, in order.
    views: &'a [View<'a>],
    /// The production profile: production-only checks run.
    production: bool,
    /// Now, Unix seconds.
    now: i64,
}

/// True when `norm` is `name` or ends with `_name`.
fn ends(norm: &str, names: &[&str]) -> bool {
    let last = norm.as_bytes().last();
    // The last byte first: most names differ there, and this runs for every
    // setting against every list.
    names.iter().any(|n| {
        n.as_bytes().last() == last
            && (norm == *n
                || (norm.len() > n.len()
                    && norm.ends_with(n)
                    && norm.as_bytes()[norm.len() - n.len() - 1] == b'_'))
    })
}

/// The value as a boolean, for the spellings configurations use.
fn truthy(value: &str) -> Option<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" | "on" | "1" | "y" | "enabled" | "enable" => Some(true),
        "false" | "no" | "off" | "0" | "n" | "disabled" | "disable" => Some(false),
        _ => None,
    }
}

/// The value as a number (`600_000` too).
fn number(value: &str) -> Option<f64> {
    value.trim().replace('_', "").parse::<f64>().ok()
}

/// The items of a list value: comma- or space-separated, or a JSON array
/// (`["*"]`, `['https://a', 'https://b']`).
fn list(value: &str) -> impl Iterator<Item = &str> {
    value
        .split([',', ' '])
        .map(|item| {
            item.trim()
                .trim_matches(['[', ']'])
                .trim()
                .trim_matches(['"', '\''])
        })
        .filter(|item| !item.is_empty())
}

/// The profile the settings declare (`ENVIRONMENT=production`, ...).
/// `all[..live]` are the settings in force (as for [`check`]); a value
/// may be a reference (`ENVIRONMENT=${APP_ENV:-production}`).
///
/// The exact names (`ENVIRONMENT`, `APP_ENV`, `NODE_ENV`, ...) decide; a
/// name that only ends in `_environment` (`SENTRY_ENVIRONMENT`, often a
/// label for another service) counts only when none is set. When the
/// deciding settings disagree, production wins: the strict reading.
pub fn declared_profile(all: &[Setting], live: usize) -> Option<Profile> {
    // [exact names, suffix matches]
    let mut found: [Option<Profile>; 2] = [None, None];
    let mut lookup = None;
    for (i, s) in all[..live].iter().enumerate() {
        let n = s.norm.as_str();
        let exact = matches!(
            n,
            "environment"
                | "env"
                | "app_env"
                | "node_env"
                | "rails_env"
                | "flask_env"
                | "django_env"
                | "app_environment"
                | "runtime_env"
                | "deploy_env"
        );
        if !exact && !n.ends_with("_environment") {
            continue;
        }
        let slot = &mut found[usize::from(!exact)];
        let value = if reference(&s.value).is_some() {
            lookup
                .get_or_insert_with(|| Lookup::new(all, live))
                .resolve(i)
                .value
        } else {
            s.value.clone()
        };
        match value.trim().to_ascii_lowercase().as_str() {
            "production" | "prod" | "live" | "staging" | "stage" => {
                *slot = Some(Profile::Production)
            }
            "development" | "dev" | "local" | "test" | "testing" | "ci"
                if *slot != Some(Profile::Production) =>
            {
                *slot = Some(Profile::Development)
            }
            _ => {}
        }
    }
    found[0].or(found[1])
}

/// Options for a run.
pub struct RunOptions {
    /// The profile.
    pub profile: Profile,
    /// Now, Unix seconds (certificate expiry).
    pub now: i64,
}

/// Runs every check over the merged settings: `all[..live]` are the
/// settings in force, `all[live..]` those later inputs overrode (read only
/// when a reference names its own key).
pub fn check(all: &[Setting], live: usize, opts: &RunOptions) -> Vec<Hit> {
    let lookup = Lookup::new(all, live);
    let items: Vec<Item> = (0..live).map(|i| lookup.resolve(i)).collect();
    let views: Vec<View> = items
        .iter()
        .enumerate()
        .filter(|(_, item)| !item.unresolved)
        .map(|(index, item)| {
            let value = item.value.trim();
            View {
                index,
                norm: &item.s.norm,
                key: &item.s.key,
                value,
                flag: truthy(value),
                number: number(value),
            }
        })
        .collect();
    let cx = Checker {
        all,
        items: &items,
        views: &views,
        production: opts.profile == Profile::Production,
        now: opts.now,
    };
    // The order of the families is the order of hits of one rule at one
    // line (the findings are sorted stably by file, line and rule).
    let mut hits = Hits::default();
    let weak = secrets::check(&cx, &mut hits);
    kdf::check(&cx, &weak, &mut hits);
    jwt::check(&cx, &mut hits);
    tls::check(&cx, &mut hits);
    cors::check(&cx, &mut hits);
    database::check(&cx, &mut hits);
    ratelimit::check(&cx, &mut hits);
    audit::check(&cx, &mut hits);
    tls::check_files(&cx, &mut hits);
    let mut hits = hits.0;
    // A value reached through a reference is reported where it is written.
    for h in &mut hits {
        let it = &items[h.setting];
        if it.origin != h.setting {
            h.at = it.origin;
        }
        if !it.chain.is_empty() {
            let through: Vec<String> = it.chain.iter().map(|n| format!("${{{n}}}")).collect();
            let through = through.join(" -> ");
            let note = match (it.origin != h.setting, it.defaulted) {
                (true, false) => format!(" (set at {}:{} as {through})", it.s.file, it.s.line),
                (true, true) => format!(
                    " (set at {}:{} as the default of {through})",
                    it.s.file, it.s.line
                ),
                (false, _) => format!(" (the default of {through})"),
            };
            h.message.push_str(&note);
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_ids_are_unique_and_ordered() {
        let ids: Vec<&str> = CATALOG.iter().map(|r| r.id.as_str()).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(ids, sorted);
        // Variant order is id order (findings sort by rule), and each
        // variant finds its own entry.
        for (i, r) in CATALOG.iter().enumerate() {
            assert_eq!(r.id as usize, i);
            assert_eq!(r.id.rule().id, r.id);
            assert_eq!(find(r.id.as_str()).map(|f| f.id), Some(r.id));
        }
        assert_eq!(
            serde_json::to_string(&RuleId::SecretEmpty).unwrap(),
            "\"KW001\""
        );
    }
}
