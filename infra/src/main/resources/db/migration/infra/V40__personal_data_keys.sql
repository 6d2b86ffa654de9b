-- Keys for personal data (issue 12, docs/clients-and-personal-data.md). Each is stored wrapped (AES-256-GCM) by the
-- master key, which never enters the database; master_key_id names the master key that wrapped it.

-- One data key per client: the personal fields of their events are encrypted under it. Destroying it (erasure)
-- sets wrapped_key to NULL for good; the row stays as the record that the key existed and when it was destroyed.
CREATE TABLE crypto_data_key (
    client_id     UUID        PRIMARY KEY,
    wrapped_key   BYTEA,
    master_key_id VARCHAR(32),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    destroyed_at  TIMESTAMPTZ,
    CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL)),
    CHECK ((wrapped_key IS NULL) = (master_key_id IS NULL))
);

-- The keys of the blind indexes (HMAC-SHA-256) by which clients are found without their data in clear.
CREATE TABLE crypto_index_key (
    purpose       VARCHAR(40) PRIMARY KEY,
    wrapped_key   BYTEA       NOT NULL,
    master_key_id VARCHAR(32) NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A destroyed key stays destroyed, and no key row is ever deleted.
CREATE FUNCTION refuse_key_revival() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.wrapped_key IS NULL THEN
        RAISE EXCEPTION '% of a % row refused: keys are destroyed, never deleted or revived', TG_OP, TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER crypto_data_key_no_revival BEFORE UPDATE OR DELETE ON crypto_data_key
    FOR EACH ROW EXECUTE FUNCTION refuse_key_revival();
CREATE TRIGGER crypto_index_key_no_revival BEFORE UPDATE OR DELETE ON crypto_index_key
    FOR EACH ROW EXECUTE FUNCTION refuse_key_revival();
