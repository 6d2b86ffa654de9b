-- Password users kept in the database when none are configured (the first start creates one ADMIN).
CREATE TABLE security_user (
    username      VARCHAR(100) PRIMARY KEY,
    password_hash VARCHAR(200) NOT NULL,
    roles         VARCHAR(200) NOT NULL,
    therapist_id  UUID,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Who read which client's record, when and through which endpoint.
CREATE TABLE audit_access_log (
    id          BIGSERIAL    PRIMARY KEY,
    accessed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    actor       VARCHAR(255) NOT NULL,
    episode_id  UUID         NOT NULL,
    endpoint    VARCHAR(200) NOT NULL,
    status      INTEGER      NOT NULL,
    correlation_id VARCHAR(128)
);
CREATE INDEX audit_access_log_episode ON audit_access_log (episode_id, id);

-- Tamper evidence: link n = SHA-256(link n-1 || the event's identity and stored bytes), in the order the chain
-- processor met the events (the global order, late-committed events where they arrived).
CREATE TABLE audit_hash_chain (
    chain_position BIGSERIAL PRIMARY KEY,
    global_index   BIGINT    NOT NULL UNIQUE,
    link_hash      BYTEA     NOT NULL
);

-- History is corrected by new events, never by rewriting old ones: the database itself refuses.
CREATE FUNCTION refuse_history_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on % refused: the table is append-only', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER domain_event_entry_append_only BEFORE UPDATE OR DELETE ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();
CREATE TRIGGER domain_event_entry_no_truncate BEFORE TRUNCATE ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite();
CREATE TRIGGER audit_access_log_append_only BEFORE UPDATE OR DELETE ON audit_access_log
    FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();
CREATE TRIGGER audit_access_log_no_truncate BEFORE TRUNCATE ON audit_access_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite();
CREATE TRIGGER audit_hash_chain_append_only BEFORE UPDATE OR DELETE ON audit_hash_chain
    FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();
