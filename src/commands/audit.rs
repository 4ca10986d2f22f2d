//! `audit verify` and a basic `audit query`.

use crate::audit::{self, Row};
use crate::cli::{AuditCommand, AuditQueryArgs};
use crate::commands::Ctx;
use crate::error::{Outcome, Result};
use crate::output::Format;

/// Runs an `audit` subcommand.
pub fn run(ctx: &Ctx, cmd: AuditCommand) -> Result<Outcome> {
    match cmd {
        AuditCommand::Verify => verify(ctx),
        AuditCommand::Query(a) => query(ctx, a),
    }
}

fn verify(ctx: &Ctx) -> Result<Outcome> {
    ctx.out
        .require("audit verify", &[Format::Text, Format::Json])?;
    let auditor = ctx.auditor()?;
    let store = ctx.store()?;
    let report = audit::verify(store.conn(), &auditor)?;
    let mode = match report.mode {
        audit::HashMode::HmacSha256 => "HMAC-SHA256 (KEYWARD_AUDIT_KEY)",
        audit::HashMode::Sha256 => {
            "plain SHA-256 (KEYWARD_AUDIT_KEY is not set: a forger who rehashes would not be caught)"
        }
    };
    if ctx.out.format() == Format::Json {
        ctx.out.json(&report)?;
    } else if let Some(b) = &report.broken {
        ctx.out
            .line(&format!("BROKEN at row {}: {}", b.id, b.message))?;
        ctx.out
            .line(&format!("checked {} rows with {mode}", report.rows))?;
        if let Some(h) = &report.hint {
            ctx.out.line(&format!("hint: {h}"))?;
        }
    } else {
        ctx.out.line(&format!(
            "intact: {} rows, chain verified with {mode}",
            report.rows
        ))?;
        if let (Some(id), Some(h)) = (report.last_id, &report.last_hash) {
            ctx.out.line(&format!("last row {id}, hash {h}"))?;
        }
    }
    Ok(if report.intact {
        Outcome::Success
    } else {
        Outcome::ChecksFailed
    })
}

fn query(ctx: &Ctx, a: AuditQueryArgs) -> Result<Outcome> {
    ctx.out.require(
        "audit query",
        &[Format::Text, Format::Json, Format::Ndjson, Format::Csv],
    )?;
    let store = ctx.store()?;
    let rows = audit::latest(store.conn(), a.limit, a.action.as_deref())?;
    if rows.is_empty() && ctx.out.format() == Format::Text {
        ctx.out.note("no audit entries match");
        return Ok(Outcome::Success);
    }
    ctx.out.records(
        &rows,
        &[
            "id",
            "time (UTC)",
            "actor",
            "action",
            "resource",
            "outcome",
            "risk",
            "details",
        ],
        |r: &Row| {
            vec![
                r.id.to_string(),
                r.ts.clone(),
                r.actor.clone(),
                r.action.clone(),
                match (&r.resource_type, &r.resource_id) {
                    (Some(t), Some(i)) => format!("{t}:{i}"),
                    (Some(t), None) => t.clone(),
                    _ => "-".into(),
                },
                r.outcome.clone(),
                r.risk.clone(),
                r.details.clone(),
            ]
        },
    )?;
    Ok(Outcome::Success)
}
