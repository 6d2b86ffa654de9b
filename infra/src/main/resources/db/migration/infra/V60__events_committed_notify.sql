-- Issue 16, lag: every transaction that appends events says so at its commit (NOTIFY is delivered on commit, once per
-- transaction however many rows it inserted), so each node's processors wake at once instead of polling. A node that
-- misses a notification (its listening connection down) still looks again within the processors' claim interval.
CREATE FUNCTION dit_events_committed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('dit_events', '');
    RETURN NULL;
END $$;

CREATE TRIGGER domain_event_entry_notify AFTER INSERT ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION dit_events_committed();
