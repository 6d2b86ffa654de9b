-- Signed checkpoints of the hash chain's head (docs/security-and-audit.md, "Checkpoints"). The key that signs them
-- comes from outside the database (configuration, a file or the environment) and is never stored here; a row vouches
-- for the chain only through its signature, which verify checks.
CREATE TABLE audit_checkpoint (
    sequence             BIGINT       PRIMARY KEY,   -- 1, 2, 3, … without gaps
    created_at           TIMESTAMPTZ  NOT NULL,      -- whole milliseconds (signed as epoch milliseconds)
    chain_position       BIGINT       NOT NULL,      -- the head link's chain_position
    linked_events        BIGINT       NOT NULL,      -- links up to and including the head
    head_hash            BYTEA        NOT NULL,      -- the head link's hash
    covered_global_index BIGINT       NOT NULL,      -- every event up to this global index is linked at or before the head
    highest_global_index BIGINT       NOT NULL,      -- the highest global index in the log when the checkpoint was made
    key_id               VARCHAR(64)  NOT NULL,      -- which key signed it (rotation)
    signature            BYTEA        NOT NULL       -- Ed25519 over the canonical bytes of the fields above
);

CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite();

-- V6 refused UPDATE and DELETE on the chain but not TRUNCATE.
CREATE TRIGGER audit_hash_chain_no_truncate BEFORE TRUNCATE ON audit_hash_chain
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite();
