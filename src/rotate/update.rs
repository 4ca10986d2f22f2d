//! The rotation's compare-and-swap UPDATE, prepared through SQLite's C API
//! so its values are bound in place (`SQLITE_STATIC`): rusqlite binds every
//! text and blob as `SQLITE_TRANSIENT`, which makes SQLite allocate and copy
//! each one, and a rotation binds two values of a kilobyte or more per row
//! (the new one and the old one it compares against). The bindings are
//! cleared after every execution, before the values they point to can go.

use std::ffi::{CStr, c_int};
use std::marker::PhantomData;

use rusqlite::Connection;
use rusqlite::ffi;
use rusqlite::types::Value;

/// A prepared statement that borrows its connection.
pub(crate) struct StaticUpdate<'c> {
    stmt: *mut ffi::sqlite3_stmt,
    db: *mut ffi::sqlite3,
    _conn: PhantomData<&'c Connection>,
}

impl<'c> StaticUpdate<'c> {
    /// Prepares `sql` (the new value, the key's values, the old value) on `conn`.
    pub(crate) fn prepare(conn: &'c Connection, sql: &str) -> rusqlite::Result<Self> {
        // SAFETY: the handle is valid while `conn` is borrowed, and the
        // statement is finalized (on drop) before that borrow ends.
        let db = unsafe { conn.handle() };
        let mut stmt = std::ptr::null_mut();
        let len = c_int::try_from(sql.len()).map_err(|_| rusqlite::Error::InvalidQuery)?;
        let rc = unsafe {
            ffi::sqlite3_prepare_v2(
                db,
                sql.as_ptr().cast(),
                len,
                &mut stmt,
                std::ptr::null_mut(),
            )
        };
        if rc != ffi::SQLITE_OK || stmt.is_null() {
            return Err(errmsg(db));
        }
        Ok(StaticUpdate {
            stmt,
            db,
            _conn: PhantomData,
        })
    }

    /// Runs the statement with the new value, the key and the old value
    /// as its parameters; the number of rows it changed.
    pub(crate) fn execute(
        &mut self,
        new: &Value,
        key: &[Value],
        old: &Value,
    ) -> rusqlite::Result<u64> {
        let params = std::iter::once(new).chain(key).chain(std::iter::once(old));
        let result = self.bind_and_step(params);
        // SAFETY: `stmt` is valid; after these calls it holds no pointer
        // into `params`.
        unsafe {
            ffi::sqlite3_reset(self.stmt);
            ffi::sqlite3_clear_bindings(self.stmt);
        }
        result
    }

    fn bind_and_step<'v>(
        &mut self,
        params: impl Iterator<Item = &'v Value>,
    ) -> rusqlite::Result<u64> {
        for (i, v) in params.enumerate() {
            let idx = i as c_int + 1;
            // SAFETY: SQLITE_STATIC (None) makes SQLite read the bytes in
            // place until the bindings are cleared, which `execute` does
            // before `params` (borrowed for its whole call) can be dropped.
            let rc = unsafe {
                match v {
                    Value::Null => ffi::sqlite3_bind_null(self.stmt, idx),
                    Value::Integer(n) => ffi::sqlite3_bind_int64(self.stmt, idx, *n),
                    Value::Real(r) => ffi::sqlite3_bind_double(self.stmt, idx, *r),
                    Value::Text(t) => ffi::sqlite3_bind_text64(
                        self.stmt,
                        idx,
                        t.as_ptr().cast(),
                        t.len() as u64,
                        ffi::SQLITE_STATIC(),
                        ffi::SQLITE_UTF8 as u8,
                    ),
                    Value::Blob(b) => ffi::sqlite3_bind_blob64(
                        self.stmt,
                        idx,
                        // A zero-length blob needs a non-NULL pointer, or
                        // SQLite binds NULL; an empty Vec's is dangling but
                        // non-NULL, and nothing is read through it.
                        b.as_ptr().cast(),
                        b.len() as u64,
                        ffi::SQLITE_STATIC(),
                    ),
                }
            };
            if rc != ffi::SQLITE_OK {
                return Err(errmsg(self.db));
            }
        }
        // SAFETY: a prepared, fully bound statement on a live connection.
        match unsafe { ffi::sqlite3_step(self.stmt) } {
            ffi::SQLITE_DONE => Ok(unsafe { ffi::sqlite3_changes64(self.db) } as u64),
            _ => Err(errmsg(self.db)),
        }
    }
}

impl Drop for StaticUpdate<'_> {
    fn drop(&mut self) {
        // SAFETY: finalized once, while the connection is still borrowed.
        unsafe {
            ffi::sqlite3_finalize(self.stmt);
        }
    }
}

/// The connection's last error, as rusqlite reports errors.
fn errmsg(db: *mut ffi::sqlite3) -> rusqlite::Error {
    // SAFETY: sqlite3_errmsg returns a NUL-terminated string owned by the
    // connection, valid until the next call on it; it is copied at once.
    unsafe {
        let code = ffi::sqlite3_extended_errcode(db);
        let p = ffi::sqlite3_errmsg(db);
        let msg = (!p.is_null()).then(|| CStr::from_ptr(p).to_string_lossy().into_owned());
        rusqlite::Error::SqliteFailure(ffi::Error::new(code), msg)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn updates_in_place_with_every_value_type_and_compares() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (id INTEGER PRIMARY KEY, c); INSERT INTO t VALUES (1, 'old'), (2, x'00ff'), (3, NULL)")
            .unwrap();
        let mut up =
            StaticUpdate::prepare(&conn, "UPDATE t SET c = ?1 WHERE id = ?2 AND c IS ?3").unwrap();
        let n = |v: i64| Value::Integer(v);
        assert_eq!(
            up.execute(
                &Value::Text("new".into()),
                &[n(1)],
                &Value::Text("old".into())
            )
            .unwrap(),
            1
        );
        // The compare fails: nothing changes.
        assert_eq!(
            up.execute(
                &Value::Text("x".into()),
                &[n(1)],
                &Value::Text("old".into())
            )
            .unwrap(),
            0
        );
        assert_eq!(
            up.execute(&Value::Blob(vec![]), &[n(2)], &Value::Blob(vec![0, 255]))
                .unwrap(),
            1
        );
        assert_eq!(
            up.execute(&Value::Real(1.5), &[n(3)], &Value::Null)
                .unwrap(),
            1
        );
        let rows: Vec<Value> = conn
            .prepare("SELECT c FROM t ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        assert_eq!(
            rows,
            vec![
                Value::Text("new".into()),
                Value::Blob(vec![]),
                Value::Real(1.5)
            ]
        );
        // A bad statement is an error message, not a crash.
        let err = StaticUpdate::prepare(&conn, "UPDATE nope SET c = ?1")
            .err()
            .unwrap();
        assert!(err.to_string().contains("nope"), "{err}");
    }
}
