-- The access log records every request for client-level data, allowed or refused, and which records it returned.
-- Any actor a caller can present fits (TEXT): a row that cannot be written stops the answer instead (fail closed).
ALTER TABLE audit_access_log ALTER COLUMN actor TYPE TEXT;
ALTER TABLE audit_access_log ALTER COLUMN endpoint TYPE TEXT;
ALTER TABLE audit_access_log ALTER COLUMN correlation_id TYPE TEXT;
ALTER TABLE audit_access_log ALTER COLUMN episode_id DROP NOT NULL;
ALTER TABLE audit_access_log ADD COLUMN request TEXT;
ALTER TABLE audit_access_log ADD COLUMN outcome VARCHAR(10) NOT NULL DEFAULT 'ALLOWED';
ALTER TABLE audit_access_log ADD COLUMN episodes UUID[] NOT NULL DEFAULT '{}';
ALTER TABLE audit_access_log ADD COLUMN clients UUID[] NOT NULL DEFAULT '{}';
CREATE INDEX audit_access_log_episodes ON audit_access_log USING gin (episodes);
CREATE INDEX audit_access_log_clients ON audit_access_log USING gin (clients);
