//! What still uses a keyring's keys: a survey of the tables that hold
//! values under them (`key list --db`, `key retire --db`).

use serde::Serialize;

use crate::error::Result;
use crate::formats::FormatName;
use crate::keyring::Keyring;
use crate::rotate::{Opened, Status, Target, keyset, survey};

/// Values per key over several tables.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Usage {
    /// The counts, summed over the tables.
    pub status: Status,
    /// The tables, comma-separated, for messages.
    pub tables: String,
}

impl Usage {
    /// Values under key `id` (in either format).
    pub fn values_under(&self, id: u32) -> u64 {
        self.status
            .by_key
            .iter()
            .filter(|(h, _)| h.key_id == Some(id))
            .map(|(_, n)| *n)
            .sum()
    }
}

/// Surveys `targets` in `db` through every key of `ring`, in keyward's
/// formats and the `from` formats.
pub fn keyring_usage(
    ring: &Keyring,
    db: &str,
    targets: &[Target],
    from: &[FormatName],
) -> Result<Usage> {
    let keys = keyset::keyring_all(ring, from)?;
    let mut total = Status::default();
    let mut names = Vec::new();
    for target in targets {
        let mut opened = Opened::open(db, target, false)?;
        let st = survey(opened.rows(), &keys, 10)?;
        total.rows += st.rows;
        total.null += st.null;
        total.plaintext += st.plaintext;
        total.undecryptable += st.undecryptable;
        total.unrecognized += st.unrecognized;
        for (k, n) in st.by_key {
            *total.by_key.entry(k).or_default() += n;
        }
        names.push(target.table.clone());
    }
    Ok(Usage {
        status: total,
        tables: names.join(", "),
    })
}
