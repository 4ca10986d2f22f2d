-- keyward store, schema version 2.

-- Facts about the store itself. `audit_chain` is how the audit log's
-- hashes are made (`sha256` or `hmac-sha256`) and `audit_key_id` a
-- fingerprint of the HMAC key (never the key): a writer whose key does not
-- fit is refused before it breaks the chain.
CREATE TABLE store_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
