-- keyward store, schema version 1.

-- The tamper-evident audit log. Columns are a superset of seed 001's
-- audit_log (timestamp, user_id, action, resource_type, resource_id,
-- ip_address, details) with seed 002's risk levels. `hash` chains every row
-- to the one before it; see README "Audit log" for the exact encoding.
CREATE TABLE audit_log (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    ts            TEXT    NOT NULL,
    actor         TEXT    NOT NULL,
    action        TEXT    NOT NULL,
    resource_type TEXT,
    resource_id   TEXT,
    outcome       TEXT    NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
    risk          TEXT    NOT NULL CHECK (risk IN ('low', 'medium', 'high', 'critical')),
    host          TEXT,
    details       TEXT    NOT NULL DEFAULT '{}',
    prev_hash     TEXT    NOT NULL,
    hash          TEXT    NOT NULL
);
CREATE INDEX audit_log_ts ON audit_log (ts);
CREATE INDEX audit_log_action_ts ON audit_log (action, ts);
CREATE INDEX audit_log_actor_ts ON audit_log (actor, ts);

-- API keys: only a hash of each key is kept, with its prefix and last four
-- characters for display.
CREATE TABLE api_keys (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    name          TEXT    NOT NULL,
    prefix        TEXT    NOT NULL,
    hash          TEXT    NOT NULL UNIQUE,
    hash_alg      TEXT    NOT NULL CHECK (hash_alg IN ('sha256', 'hmac-sha256')),
    last4         TEXT    NOT NULL,
    scopes        TEXT    NOT NULL DEFAULT '',
    note          TEXT,
    created_at    TEXT    NOT NULL,
    expires_at    TEXT,
    revoked_at    TEXT,
    last_used_at  TEXT,
    rotated_from  INTEGER REFERENCES api_keys (id),
    replaced_by   INTEGER REFERENCES api_keys (id)
);
CREATE INDEX api_keys_name ON api_keys (name);
