//! `config template`: a `.env` with every setting the rules read, fresh
//! secrets and secure defaults, one comment per line. The result is
//! validated before it is returned: `config validate` on it reports nothing.

use base64::Engine;
use zeroize::Zeroizing;

use super::parse::{InputType, parse};
use super::policy::Policy;
use super::{Profile, validate};
use crate::crypto::random;
use crate::error::{Error, Result};

/// The services a template is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Service {
    /// Common names (JWT_SECRET, ENCRYPTION_MASTER_KEY, DATABASE_URL, ...).
    Generic,
    /// The AI memory server of seed 001 (MEMORIC_*, a Fernet key).
    Memoric,
    /// The MCP server of seed 002 (a base64 master key, PBKDF2).
    Tiger,
    /// The mem0 integration of seed 003 (MEM0AI_*).
    Mem0,
}

const ALNUM: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

fn hex_secret(bytes: usize) -> Result<String> {
    Ok(hex::encode(random::bytes(bytes)?.expose()))
}

fn password(len: usize) -> Result<String> {
    Ok(random::string_from(ALNUM, len)?.expose().to_owned())
}

/// Standard base64 of 32 random bytes: seed 002 base64-decodes its
/// `ENCRYPTION_MASTER_KEY` and requires 32 bytes (KW012).
fn base64_key() -> Result<String> {
    Ok(base64::engine::general_purpose::STANDARD.encode(random::bytes(32)?.expose()))
}

fn fernet_key() -> Result<String> {
    Ok(base64::engine::general_purpose::URL_SAFE.encode(random::bytes(32)?.expose()))
}

/// One `NAME=value  # comment` line.
fn line(out: &mut String, name: &str, value: &str, comment: &str) {
    let assign = format!("{name}={value}");
    out.push_str(&format!("{assign:<40} # {comment}\n"));
}

fn render_once(service: Service, profile: Profile) -> Result<String> {
    let prod = profile == Profile::Production;
    let mut o = String::new();
    let name = match service {
        Service::Generic => "generic",
        Service::Memoric => "memoric",
        Service::Tiger => "tiger",
        Service::Mem0 => "mem0",
    };
    o.push_str(&format!(
        "# Written by keyward config template --profile {} --service {name}.\n\
         # Every secret below is fresh: keep this file private (mode 0600) and out of version control.\n\
         # Check it with: keyward config validate <this file>\n\n",
        if prod { "production" } else { "development" }
    ));
    line(
        &mut o,
        "ENVIRONMENT",
        if prod { "production" } else { "development" },
        "the profile keyward and the service read",
    );
    line(
        &mut o,
        "DEBUG",
        if prod { "false" } else { "true" },
        "debug pages leak internals",
    );
    o.push('\n');
    match service {
        Service::Generic | Service::Tiger => {
            line(
                &mut o,
                "ENCRYPTION_MASTER_KEY",
                &base64_key()?,
                "256-bit master key, base64 (keyward keygen master --encoding base64)",
            );
            line(&mut o, "ENCRYPTION_ENABLED", "true", "encrypt data at rest");
            line(
                &mut o,
                "JWT_SECRET",
                &hex_secret(64)?,
                "HS256 signing secret, 512 bits (keyward keygen jwt-secret)",
            );
            line(&mut o, "JWT_ALGORITHM", "HS256", "never none");
            line(&mut o, "JWT_EXPIRATION_HOURS", "1", "24 or less");
            line(
                &mut o,
                "PBKDF2_ITERATIONS",
                "600000",
                "OWASP 2023 minimum for PBKDF2-HMAC-SHA256",
            );
            line(
                &mut o,
                "PASSWORD_HASH_ALGORITHM",
                "argon2",
                "argon2id for user passwords",
            );
            line(
                &mut o,
                "ARGON2_MEMORY_COST",
                "19456",
                "KiB; OWASP minimum 19 MiB",
            );
            line(
                &mut o,
                "BCRYPT_ROUNDS",
                "12",
                "if bcrypt is used: 10 or more",
            );
            line(
                &mut o,
                "SCRYPT_N",
                "131072",
                "if scrypt derives keys: 2^17 or more (r=8, p=1)",
            );
        }
        Service::Memoric => {
            line(
                &mut o,
                "MEMORIC_ENCRYPTION_KEY",
                &fernet_key()?,
                "Fernet key (keyward keygen master --encoding fernet)",
            );
            line(
                &mut o,
                "MEMORIC_ENCRYPT_CONTENT",
                "true",
                "encrypt memories at rest",
            );
            line(
                &mut o,
                "MEMORIC_JWT_SECRET",
                &hex_secret(64)?,
                "as secrets.token_hex(64)",
            );
            line(&mut o, "MEMORIC_JWT_ALGORITHM", "HS256", "never none");
            line(&mut o, "MEMORIC_TOKEN_EXPIRY_SECONDS", "3600", "one hour");
        }
        Service::Mem0 => {
            line(
                &mut o,
                "MEM0AI_API_KEY",
                &password(48)?,
                "API key for the mem0 service",
            );
            line(&mut o, "MEM0AI_HOST", "localhost", "service host");
            line(&mut o, "MEM0AI_PORT", "8002", "service port");
            line(
                &mut o,
                "MEM0AI_USE_TLS",
                if prod { "true" } else { "false" },
                "HTTPS to the service",
            );
            line(
                &mut o,
                "MEM0AI_VERIFY_SSL",
                "true",
                "verify its certificate",
            );
            line(
                &mut o,
                "MEM0AI_MAX_AUTH_FAILURES",
                "5",
                "failures before lockout",
            );
            line(
                &mut o,
                "MEM0AI_AUTH_LOCKOUT_MINUTES",
                "15",
                "lockout duration",
            );
        }
    }
    o.push('\n');
    let sslmode = if prod { "verify-full" } else { "prefer" };
    line(
        &mut o,
        "DATABASE_URL",
        &format!("postgresql://app@db:5432/app?sslmode={sslmode}"),
        "no password inline; sslmode=verify-full",
    );
    line(
        &mut o,
        "DATABASE_PASSWORD",
        &password(32)?,
        "the database role's password",
    );
    line(
        &mut o,
        "REDIS_URL",
        if prod {
            "rediss://redis:6380/0"
        } else {
            "redis://redis:6379/0"
        },
        "rediss:// is Redis over TLS",
    );
    line(
        &mut o,
        "REDIS_PASSWORD",
        &password(32)?,
        "requirepass on the Redis server",
    );
    o.push('\n');
    line(
        &mut o,
        "TLS_ENABLED",
        if prod { "true" } else { "false" },
        "serve HTTPS",
    );
    line(&mut o, "TLS_VERIFY", "true", "verify upstream certificates");
    o.push_str("# TLS_CERT_FILE=/etc/ssl/service/cert.pem   # set when the service terminates TLS itself\n");
    o.push_str("# TLS_KEY_FILE=/etc/ssl/service/key.pem     # mode 0600\n");
    line(
        &mut o,
        "ALLOWED_ORIGINS",
        "https://app.example.com",
        "exact origins, never *",
    );
    line(
        &mut o,
        "CORS_ALLOW_CREDENTIALS",
        "false",
        "true only with exact origins",
    );
    line(&mut o, "TRUSTED_PROXIES", "10.0.0.0/8", "never 0.0.0.0/0");
    o.push('\n');
    line(&mut o, "RATE_LIMIT_ENABLED", "true", "throttle clients");
    line(
        &mut o,
        "RATE_LIMIT_FAIL_OPEN",
        "false",
        "fail closed when the limiter's store is down",
    );
    line(&mut o, "RATE_LIMIT_REQUESTS", "100", "per window");
    line(&mut o, "RATE_LIMIT_WINDOW", "60", "seconds");
    line(&mut o, "MAX_LOGIN_ATTEMPTS", "5", "lockout threshold");
    line(&mut o, "LOCKOUT_MINUTES", "15", "how long a lockout lasts");
    line(&mut o, "AUDIT_ENABLED", "true", "keep an audit trail");
    line(&mut o, "AUDIT_RETENTION_DAYS", "365", "at least a year");
    Ok(o)
}

/// Renders a template and checks it: a render that any rule would flag
/// (a random value that happens to spell a placeholder word) is drawn again.
pub fn render(service: Service, profile: Profile) -> Result<Zeroizing<String>> {
    let mut last: Vec<String> = Vec::new();
    for _ in 0..16 {
        let text = Zeroizing::new(render_once(service, profile)?);
        let settings = parse(&text, "template", InputType::Dotenv)
            .map_err(|e| Error::internal(format!("template does not parse: {}", e.message)))?;
        let report = validate(vec![settings], &Policy::default(), Some(profile), 0)
            .map_err(Error::internal)?;
        if report.findings.is_empty() {
            return Ok(text);
        }
        last = report
            .findings
            .iter()
            .map(|f| format!("{} {}", f.rule, f.key))
            .collect();
    }
    Err(Error::internal(format!(
        "could not draw a template that passes its own rules ({})",
        last.join(", ")
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_pass_validation_and_differ() {
        for s in [
            Service::Generic,
            Service::Memoric,
            Service::Tiger,
            Service::Mem0,
        ] {
            for p in [Profile::Production, Profile::Development] {
                let a = render(s, p).unwrap();
                let b = render(s, p).unwrap();
                assert_ne!(*a, *b, "fresh secrets each time");
                let settings = parse(&a, "t", InputType::Dotenv).unwrap();
                assert!(settings.len() >= 20);
                for l in a.lines().filter(|l| !l.is_empty()) {
                    assert!(l.contains('#'), "every line has a comment: {l}");
                }
            }
        }
    }
}
