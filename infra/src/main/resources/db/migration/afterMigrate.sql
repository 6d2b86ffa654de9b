-- Flyway runs this after every migration run (as the owner of the tables, or one of its members). Where the runtime
-- role dit_app exists (docs/database-roles.md, dba/database-roles.sql), it may read and write the rows of every table
-- of the service and nothing more: not Flyway's history, and no UPDATE or DELETE on the append-only tables (their
-- triggers refuse those anyway). With a single database user for everything this does nothing.
DO $$
DECLARE
    schema_name text := current_schema();
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dit_app') OR current_user = 'dit_app'
       OR NOT EXISTS (SELECT FROM pg_tables WHERE schemaname = schema_name AND tablename = 'flyway_schema_history'
                                              AND pg_has_role(tableowner, 'USAGE')) THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO dit_app', schema_name);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO dit_app', schema_name);
    EXECUTE format('REVOKE ALL ON %I.flyway_schema_history FROM dit_app', schema_name);
    EXECUTE format('REVOKE UPDATE, DELETE ON %1$I.domain_event_entry, %1$I.audit_access_log, %1$I.audit_hash_chain FROM dit_app',
                   schema_name);
END
$$;
