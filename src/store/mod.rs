//! keyward's own database: one SQLite file holding API keys and the audit
//! log (and, later, rotation progress).
//!
//! Location: `--store PATH` (or `KEYWARD_STORE`: both resolved by the
//! command line), else
//! `$XDG_DATA_HOME/keyward/keyward.db` (`~/.local/share/keyward/keyward.db`).
//! Created on first use with mode 0600 in a 0700 directory; WAL; foreign
//! keys on; a busy timeout (5 s; `--busy-timeout`/`KEYWARD_BUSY_TIMEOUT` in ms,
//! set once by the command line) so that
//! concurrent keyward processes queue instead of failing, and a lock that
//! outlasts it is exit 4, never a hang. Schema changes are numbered
//! migrations tracked in `PRAGMA user_version`; a store written by a newer
//! keyward is refused, never downgraded.

use std::fs::OpenOptions;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, ErrorCode, OpenFlags, Transaction, TransactionBehavior};

use crate::error::{Error, Result};

/// The numbered schema migrations; `user_version` is how many have run.
const MIGRATIONS: &[&str] = &[include_str!("schema_v1.sql"), include_str!("schema_v2.sql")];

/// The schema version this keyward writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Default time to wait for a lock held by another process.
pub const DEFAULT_BUSY_TIMEOUT_MS: u64 = 5_000;

/// Past this size, closing the store checkpoints its WAL and truncates it
/// (64 pages: about six audited commands), so that opening never reads
/// more than this and the cost of the checkpoint is shared among them.
const WAL_CHECKPOINT_BYTES: u64 = 64 * 4096;

/// An open store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Drop for Store {
    fn drop(&mut self) {
        let mut wal = self.path.clone().into_os_string();
        wal.push("-wal");
        if std::fs::metadata(&wal).is_ok_and(|m| m.len() > WAL_CHECKPOINT_BYTES) {
            // Best effort: a reader or writer in another process may hold
            // the WAL; then a later close does it.
            let _ = self
                .conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        }
    }
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Store({})", self.path.display())
    }
}

/// The store's path from `--store` (or `KEYWARD_STORE`, which the command
/// line resolves), or the XDG default.
pub fn resolve_path(flag: Option<&Path>) -> Result<PathBuf> {
    if let Some(p) = flag.filter(|p| !p.as_os_str().is_empty()) {
        return Ok(p.to_path_buf());
    }
    let base = match std::env::var_os("XDG_DATA_HOME").filter(|v| !v.is_empty()) {
        Some(d) => PathBuf::from(d),
        None => match std::env::var_os("HOME").filter(|v| !v.is_empty()) {
            Some(h) => PathBuf::from(h).join(".local").join("share"),
            None => {
                return Err(Error::environment(
                    "cannot place the store: neither XDG_DATA_HOME nor HOME is set",
                )
                .with_hint("pass --store PATH or set KEYWARD_STORE"));
            }
        },
    };
    Ok(base.join("keyward").join("keyward.db"))
}

/// `file:` URI of a path, for SQLite's URI parameters (`%`, `?`, `#` and
/// every other byte outside the unreserved set percent-encoded).
fn file_uri(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut uri = String::from("file:");
    for &b in path.as_os_str().as_bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri
}

/// The busy timeout of this process's store connections, set once by the
/// command line (`KEYWARD_BUSY_TIMEOUT`, resolved by clap) before any store
/// is opened.
static BUSY_TIMEOUT_MS: std::sync::atomic::AtomicU64 =
    std::sync::atomic::AtomicU64::new(DEFAULT_BUSY_TIMEOUT_MS);

/// Sets how long store connections wait for another process's lock.
pub fn set_busy_timeout(ms: u64) {
    BUSY_TIMEOUT_MS.store(ms, std::sync::atomic::Ordering::Relaxed);
}

fn busy_timeout() -> Duration {
    Duration::from_millis(BUSY_TIMEOUT_MS.load(std::sync::atomic::Ordering::Relaxed))
}

/// Maps a SQLite error on `path` to keyward's exit codes: a lock that
/// outlasted the busy timeout, I/O and permissions are the environment's
/// (4); a file that is not a database is bad input (3).
pub fn sql_error(path: &Path, e: rusqlite::Error) -> Error {
    if let rusqlite::Error::SqliteFailure(f, ref msg) = e {
        return match f.code {
            ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => Error::environment(format!(
                "the store {} is locked by another process (waited {} ms)",
                path.display(),
                busy_timeout().as_millis()
            ))
            .with_hint("retry later, or raise KEYWARD_BUSY_TIMEOUT (milliseconds)"),
            ErrorCode::NotADatabase => Error::bad_input(format!(
                "{} is not a keyward store (not an SQLite database)",
                path.display()
            )),
            ErrorCode::DatabaseCorrupt => {
                Error::bad_input(format!("the store {} is corrupt", path.display()))
            }
            ErrorCode::CannotOpen | ErrorCode::PermissionDenied | ErrorCode::ReadOnly => {
                Error::environment(format!(
                    "cannot open the store {}: {}",
                    path.display(),
                    msg.as_deref()
                        .unwrap_or("permission denied or missing directory")
                ))
            }
            ErrorCode::SystemIoFailure | ErrorCode::DiskFull => Error::environment(format!(
                "I/O error on the store {}: {}",
                path.display(),
                msg.as_deref().unwrap_or("disk error")
            )),
            _ => Error::internal(format!("SQLite error on {}: {e}", path.display())),
        };
    }
    Error::internal(format!("SQLite error on {}: {e}", path.display()))
}

/// Maps a SQLite error met inside keyward's own queries: locks, I/O and a
/// full disk are the environment's (exit 4); anything else is a bug.
pub fn query_error(e: rusqlite::Error) -> Error {
    if let rusqlite::Error::SqliteFailure(f, _) = &e {
        return match f.code {
            ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => {
                Error::environment("the store is locked by another process")
                    .with_hint("retry later, or raise KEYWARD_BUSY_TIMEOUT (milliseconds)")
            }
            ErrorCode::DiskFull
            | ErrorCode::SystemIoFailure
            | ErrorCode::ReadOnly
            | ErrorCode::PermissionDenied
            | ErrorCode::CannotOpen => Error::environment(format!("cannot write the store: {e}")),
            ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase => {
                Error::bad_input(format!("the store is damaged: {e}"))
            }
            _ => Error::internal(format!("SQLite error: {e}")),
        };
    }
    Error::internal(format!("SQLite error: {e}"))
}

impl Store {
    /// Opens (creating if needed) the store at `path` and brings its
    /// schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent() {
            crate::fsutil::create_private_dir(dir)?;
        }
        // Create the file ourselves so it is 0600 from its first byte; SQLite
        // gives its -wal and -shm files the same mode.
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)
        {
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(Error::io("create the store", path, &e)),
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| sql_error(path, e))?;
        conn.busy_timeout(busy_timeout())
            .map_err(|e| sql_error(path, e))?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
        };
        store.pragmas()?;
        store.migrate()?;
        Ok(store)
    }

    /// Opens the store for a command that only reads it (`audit verify`,
    /// `audit query`, `apikey list`, ...): as [`Store::open`] where the
    /// store can be written, else read-only — a store on a read-only mount,
    /// or one an auditor may read but not write. A missing store is created
    /// as by [`Store::open`].
    pub fn open_for_reading(path: &Path) -> Result<Store> {
        match Store::open(path) {
            Ok(s) => Ok(s),
            Err(e) if e.kind() == crate::error::ErrorKind::Environment && path.is_file() => {
                Store::open_read_only(path).map_err(|_| e)
            }
            Err(e) => Err(e),
        }
    }

    fn open_read_only(path: &Path) -> Result<Store> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let uri = file_uri(path);
        // With its -shm and -wal files present, a WAL database opens
        // read-only as it is; without them, in a directory nobody may
        // write, no writer can be running (it would need them), so the file
        // is read as immutable.
        let conn = Connection::open_with_flags(format!("{uri}?mode=ro"), flags)
            .and_then(|c| {
                c.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))
                    .map(|_| c)
            })
            .or_else(|_| Connection::open_with_flags(format!("{uri}?mode=ro&immutable=1"), flags))
            .map_err(|e| sql_error(path, e))?;
        conn.busy_timeout(busy_timeout())
            .map_err(|e| sql_error(path, e))?;
        let store = Store {
            conn,
            path: path.to_path_buf(),
        };
        // An older schema is read as it is (what a migration adds is
        // optional to readers); a newer one is refused as always.
        let version = store.user_version()?;
        if !(1..=SCHEMA_VERSION).contains(&version) {
            return Err(Error::bad_input(format!(
                "the store {} has schema version {version}; this keyward reads versions 1 to {SCHEMA_VERSION}",
                path.display()
            )));
        }
        Ok(store)
    }

    fn pragmas(&self) -> Result<()> {
        // journal_mode returns a row; the others do not.
        let mode: String = self
            .conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(|e| sql_error(&self.path, e))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::environment(format!(
                "the store {} cannot use WAL (journal mode {mode})",
                self.path.display()
            )));
        }
        // Every commit is durable when it returns (one fsync of the WAL), and
        // closing does not checkpoint every time: the WAL stays for the next
        // process, which saves a short-lived command the checkpoint's writes
        // and fsyncs and SQLite's re-creation of the WAL (a directory
        // fsync). Each process reads the whole WAL when it opens the store
        // (SQLite rebuilds its index), so `Drop` checkpoints and truncates
        // it once it passes WAL_CHECKPOINT_BYTES.
        self.conn
            .set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)
            .map_err(|e| sql_error(&self.path, e))?;
        self.conn
            .execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;")
            .map_err(|e| sql_error(&self.path, e))
    }

    fn migrate(&mut self) -> Result<()> {
        let version = self.user_version()?;
        if version == SCHEMA_VERSION {
            return Ok(());
        }
        if version > SCHEMA_VERSION {
            return Err(Error::bad_input(format!(
                "the store {} has schema version {version}, newer than this keyward's {SCHEMA_VERSION}",
                self.path.display()
            ))
            .with_hint("upgrade keyward; it never downgrades a store"));
        }
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| sql_error(&path, e))?;
        // Another process may have migrated while we waited for the lock.
        let now: i64 = tx
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| sql_error(&path, e))?;
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(now.max(0) as usize) {
            tx.execute_batch(sql).map_err(|e| sql_error(&path, e))?;
            tx.execute_batch(&format!("PRAGMA user_version = {}", i + 1))
                .map_err(|e| sql_error(&path, e))?;
        }
        tx.commit().map_err(|e| sql_error(&path, e))?;
        if let Ok(meta) = std::fs::metadata(&path)
            && meta.permissions().mode() & 0o077 != 0
        {
            let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600));
        }
        Ok(())
    }

    /// `PRAGMA user_version`.
    pub fn user_version(&self) -> Result<i64> {
        self.conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| sql_error(&self.path, e))
    }

    /// The connection, for reads.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Where the store lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` in one write transaction (`BEGIN IMMEDIATE`, so concurrent
    /// writers queue on the lock rather than fork the audit chain), and
    /// commits only if `f` succeeds.
    pub fn write<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| sql_error(&path, e))?;
        let value = f(&tx)?;
        tx.commit().map_err(|e| sql_error(&path, e))?;
        Ok(value)
    }

    /// [`Store::write`] for bookkeeping whose loss in a power cut harms
    /// nothing (an API key's last use): the commit is not fsynced; the
    /// next durable commit or checkpoint makes it durable. Never for the
    /// audit log or keys.
    pub fn write_relaxed<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let path = self.path.clone();
        self.conn
            .execute_batch("PRAGMA synchronous = NORMAL")
            .map_err(|e| sql_error(&path, e))?;
        let result = self.write(f);
        let restored = self
            .conn
            .execute_batch("PRAGMA synchronous = FULL")
            .map_err(|e| sql_error(&path, e));
        let value = result?;
        restored?;
        Ok(value)
    }

    /// Maps a SQLite error on this store.
    pub fn err(&self, e: rusqlite::Error) -> Error {
        sql_error(&self.path, e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creates_a_private_wal_store_with_the_schema() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub").join("keyward.db");
        let s = Store::open(&p).unwrap();
        assert_eq!(s.user_version().unwrap(), SCHEMA_VERSION);
        assert_eq!(
            std::fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o600
        );
        assert_eq!(
            std::fs::metadata(p.parent().unwrap())
                .unwrap()
                .permissions()
                .mode()
                & 0o777,
            0o700
        );
        let mode: String = s
            .conn()
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let fk: i64 = s
            .conn()
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
        drop(s);
        // Reopening is a no-op.
        assert_eq!(
            Store::open(&p).unwrap().user_version().unwrap(),
            SCHEMA_VERSION
        );
    }

    #[test]
    fn a_newer_store_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("k.db");
        let s = Store::open(&p).unwrap();
        s.conn().execute_batch("PRAGMA user_version = 99").unwrap();
        drop(s);
        let e = Store::open(&p).unwrap_err();
        assert_eq!(e.exit_code(), 3);
        assert!(e.message().contains("schema version 99"));
    }

    #[test]
    fn a_non_database_is_bad_input() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("k.db");
        std::fs::write(&p, vec![b'x'; 4096]).unwrap();
        assert_eq!(Store::open(&p).unwrap_err().exit_code(), 3);
    }
}
