//! The command line of `audit`: the audit log and the services' logs.

use std::path::PathBuf;

use clap::{Args, Subcommand};

pub use crate::audit::Risk;
pub use crate::audit::source::{GroupBy, Order};

/// `audit` subcommands.
#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Verify the hash chain (and anchors): exit 0 intact, 1 broken, naming the first bad row.
    Verify(AuditVerifyArgs),
    /// Find entries: filters, counts and groupings over keyward's log or a service's.
    Query(AuditQueryArgs),
    /// Show the newest entries, and with --follow those that arrive.
    Tail(AuditTailArgs),
    /// Stream entries as NDJSON or CSV (oldest first), for archives and SIEMs.
    Export(AuditExportArgs),
    /// Print an anchor (last id, hash, count, time) for `verify --anchor`.
    Checkpoint(AuditCheckpointArgs),
    /// Delete entries older than a cutoff, leaving a chained record of it (keyward's log, or a service's PostgreSQL table with --source).
    Prune(AuditPruneArgs),
}

// `audit verify`.
#[derive(Debug, Args)]
pub struct AuditVerifyArgs {
    /// Prove the log still reaches an anchor: a file written by `audit checkpoint --append-to`, or ID:HASH (repeatable).
    #[arg(long, value_name = "FILE|ID:HASH")]
    pub anchor: Vec<String>,
}

// Which log to read.
#[derive(Debug, Args)]
#[command(next_help_heading = "Source")]
pub struct AuditSourceArgs {
    /// The log: keyward's store (default), sqlite:PATH (a service's table, with --table), jsonl:PATH (a file or a quoted glob; .gz files are read too), or a service's PostgreSQL table: postgres://USER@HOST/DB (or a libpq key=value string; sslmode, PGPASSWORD and .pgpass as for rotate).
    #[arg(long, value_name = "SOURCE", conflicts_with = "source_env")]
    pub source: Option<String>,

    /// Read --source from this environment variable: keeps a PostgreSQL password off the command line.
    #[arg(long, value_name = "NAME")]
    pub source_env: Option<String>,

    /// The table of a sqlite: or PostgreSQL source (SCHEMA.TABLE in PostgreSQL).
    #[arg(long, value_name = "TABLE", default_value = "audit_log")]
    pub table: String,

    /// Read a source's column (or JSON key, dotted for nested keys) as a field: ip_address=host (repeatable).
    #[arg(long = "map", value_name = "COLUMN=FIELD")]
    pub map: Vec<String>,

    /// The zone of a sqlite:, jsonl: or PostgreSQL source's times written without one (Python's datetime.now().isoformat(), '2026-11-20 10:00:00', a PostgreSQL timestamp without time zone): UTC (the default), local (the zone of TZ or /etc/localtime, as tables show it), an IANA zone name from the system's zone database (Europe/Berlin), or an offset: +02:00, -0530. Times with Z or an offset, and epoch numbers, are read as written; --since and --until without an offset stay UTC.
    #[arg(long, value_name = "ZONE", allow_hyphen_values = true)]
    pub tz: Option<String>,
}

// Which entries.
#[derive(Debug, Args)]
#[command(next_help_heading = "Filters")]
pub struct AuditFilterArgs {
    /// At or after: 24h, 7d (ago), today, yesterday, 2026-11-01, or RFC 3339.
    #[arg(long, value_name = "WHEN")]
    pub since: Option<String>,

    /// Before (same forms as --since).
    #[arg(long, value_name = "WHEN")]
    pub until: Option<String>,

    /// Who acted (globs: 'svc-*').
    #[arg(long, value_name = "ACTOR")]
    pub actor: Option<String>,

    /// What was done (globs: 'apikey.*').
    #[arg(long, value_name = "ACTION")]
    pub action: Option<String>,

    /// On what: TYPE or TYPE:ID (api_key:12).
    #[arg(long, value_name = "TYPE[:ID]")]
    pub resource: Option<String>,

    /// success, failure or denied (comma-separated for several).
    #[arg(long, value_name = "OUTCOME", value_delimiter = ',')]
    pub outcome: Vec<String>,

    /// This risk or above: low, medium, high, critical.
    #[arg(long, value_enum, value_name = "RISK")]
    pub risk: Option<Risk>,

    /// Where (globs: 'web-*').
    #[arg(long, value_name = "HOST")]
    pub host: Option<String>,

    /// Text inside the details (ASCII case-insensitive).
    #[arg(long, value_name = "TEXT")]
    pub grep: Option<String>,

    /// A condition on a field or a details path: 'details.tier = "short_term"', 'details.score >= 75', 'actor ~ "svc-*"' (repeatable; all must hold).
    #[arg(long = "where", value_name = "EXPR")]
    pub wheres: Vec<String>,
}

// `audit query`.
#[derive(Debug, Args)]
pub struct AuditQueryArgs {
    #[command(flatten)]
    pub filters: AuditFilterArgs,

    #[command(flatten)]
    pub source: AuditSourceArgs,

    /// Show at most N entries (1 or more), or all [default: 50 in a table, all otherwise].
    #[arg(long, value_name = "N|all", value_parser = parse_limit)]
    pub limit: Option<Limit>,

    /// Newest (desc, the default) or oldest (asc) first.
    #[arg(long, value_enum, default_value_t = Order::Desc)]
    pub order: Order,

    /// Print how many entries match, not the entries.
    #[arg(long)]
    pub count: bool,

    /// Count matching entries per actor, action, risk, outcome, host, resource, day or hour.
    #[arg(long, value_enum, value_name = "KEY")]
    pub group_by: Option<GroupBy>,

    /// Show times in UTC (default: local time) in tables.
    #[arg(long)]
    pub utc: bool,

    /// Exit 1 when nothing matches (otherwise no match is exit 0).
    #[arg(long)]
    pub fail_if_empty: bool,
}

// `audit tail`.
#[derive(Debug, Args)]
pub struct AuditTailArgs {
    #[command(flatten)]
    pub filters: AuditFilterArgs,

    #[command(flatten)]
    pub source: AuditSourceArgs,

    /// How many of the newest entries to show first.
    #[arg(short = 'n', long, value_name = "N", default_value_t = 10)]
    pub lines: u64,

    /// Keep printing entries as they arrive (Ctrl-C stops); a followed log file is reopened when it is rotated.
    #[arg(short, long)]
    pub follow: bool,

    /// How often --follow looks for new entries.
    #[arg(long, value_name = "DURATION", default_value = "1s", value_parser = parse_poll_interval)]
    pub interval: std::time::Duration,

    /// Show times in UTC (default: local time).
    #[arg(long)]
    pub utc: bool,
}

fn parse_poll_interval(s: &str) -> std::result::Result<std::time::Duration, String> {
    let s = s.trim();
    let ms: u64 = if let Some(v) = s.strip_suffix("ms") {
        v.parse()
            .map_err(|_| format!("'{s}' is not a number of milliseconds"))?
    } else {
        let d = crate::timeutil::parse_duration(s)?;
        (d.whole_milliseconds().max(0) as u64).min(3_600_000)
    };
    if !(10..=3_600_000).contains(&ms) {
        return Err(format!("'{s}': use 10ms to 1h"));
    }
    Ok(std::time::Duration::from_millis(ms))
}

// `audit export`.
#[derive(Debug, Args)]
pub struct AuditExportArgs {
    #[command(flatten)]
    pub filters: AuditFilterArgs,

    #[command(flatten)]
    pub source: AuditSourceArgs,

    /// Oldest (asc, the default) or newest (desc) first.
    #[arg(long, value_enum, default_value_t = Order::Asc)]
    pub order: Order,

    /// At most N entries (1 or more) [default: all].
    #[arg(long, value_name = "N", value_parser = parse_limit)]
    pub limit: Option<Limit>,
}

/// `--limit`: a count of 1 or more, or all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// No limit.
    All,
    /// At most this many (1..=i64::MAX, what SQLite's LIMIT takes).
    At(u64),
}

impl Limit {
    /// The count, None for all.
    pub fn count(self) -> Option<u64> {
        match self {
            Limit::All => None,
            Limit::At(n) => Some(n),
        }
    }
}

fn parse_limit(s: &str) -> Result<Limit, String> {
    if s.eq_ignore_ascii_case("all") {
        return Ok(Limit::All);
    }
    match s.parse::<u64>() {
        Ok(0) => Err("0 entries is no query: give 1 or more, or all".into()),
        Ok(n) if n <= i64::MAX as u64 => Ok(Limit::At(n)),
        _ => Err(format!("not a count from 1 to {}, or all", i64::MAX)),
    }
}

// `audit checkpoint`.
#[derive(Debug, Args)]
pub struct AuditCheckpointArgs {
    /// Also append the anchor line to FILE (kept elsewhere: another host, a WORM bucket).
    #[arg(long, value_name = "FILE")]
    pub append_to: Option<PathBuf>,
}

// `audit prune`.
#[derive(Debug, Args)]
pub struct AuditPruneArgs {
    #[command(flatten)]
    pub source: AuditSourceArgs,

    /// Delete entries older than this: 365d, 52w, or a date/time.
    #[arg(long, value_name = "AGE|DATE")]
    pub older_than: String,

    /// Say what would be deleted; change nothing.
    #[arg(long)]
    pub dry_run: bool,

    /// Prune keyward's log even when the chain does not verify (the broken rows may be deleted with it).
    #[arg(long)]
    pub force: bool,
}
