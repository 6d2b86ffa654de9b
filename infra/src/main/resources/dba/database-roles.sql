-- The roles of the DIT service (docs/database-roles.md). Run it as a superuser, connected to the service's database:
--
--     psql --host=<host> --username=postgres --dbname=<db> --file=database-roles.sql
--
-- before the first start with two roles, and again after a restore or whenever in doubt: it changes nothing that is
-- already right. The embedded database runs it at every start. It sets no password: set them with psql's
-- \password dit_owner and \password dit_app (those send a SCRAM verifier, never the password itself).
--
--   dit_owner      owns the schema and every table, view, sequence and function of the service; the migrations run
--                  as it (SPRING_FLYWAY_USER) and nothing else does.
--   dit_app        the running service (SPRING_DATASOURCE_USERNAME): reads and writes rows (afterMigrate.sql grants
--                  exactly that after every migration run), owns nothing, can change no table, trigger or privilege.
--   dit_reporting  no login: may read the reporting views; dashboards log in as members of it (README).
-- None of them is a superuser or may create roles or databases: the migrations need no such right.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dit_owner') THEN
        CREATE ROLE dit_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dit_app') THEN
        CREATE ROLE dit_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dit_reporting') THEN
        CREATE ROLE dit_reporting NOLOGIN;
    END IF;
END
$$;

-- Roles made by hand before may be more than they should: then stop here rather than run the service through them.
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname IN ('dit_owner', 'dit_app')
                  AND (rolsuper OR rolcreaterole OR rolcreatedb OR rolreplication OR rolbypassrls)) THEN
        RAISE EXCEPTION 'dit_owner and dit_app must not be superusers nor have CREATEROLE, CREATEDB, REPLICATION or BYPASSRLS';
    END IF;
    IF pg_has_role('dit_app', 'dit_owner', 'MEMBER')
       OR pg_has_role('dit_app', 'pg_execute_server_program', 'MEMBER')
       OR pg_has_role('dit_app', 'pg_read_server_files', 'MEMBER')
       OR pg_has_role('dit_app', 'pg_write_server_files', 'MEMBER') THEN
        RAISE EXCEPTION 'dit_app must not be a member of dit_owner nor of a role that reaches the server''s files or programs';
    END IF;
END
$$;

-- dit_owner owns the schema the migrations fill and may create schemas (reporting); no one else may create anything.
DO $$
BEGIN
    EXECUTE format('GRANT CREATE ON DATABASE %I TO dit_owner', current_database());
END
$$;
ALTER SCHEMA public OWNER TO dit_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO dit_app;

-- A store made with a single user (every object owned by it, or by postgres on an embedded database of an earlier
-- version) is handed over to dit_owner: the tables (with their indexes, triggers and serial sequences), views,
-- other sequences, functions and the reporting schema. Objects of extensions stay as they are.
DO $$
DECLARE
    item record;
BEGIN
    FOR item IN
        SELECT n.nspname FROM pg_namespace n
         WHERE n.nspname = 'reporting' AND n.nspowner <> 'dit_owner'::regrole
    LOOP
        EXECUTE format('ALTER SCHEMA %I OWNER TO dit_owner', item.nspname);
    END LOOP;
    FOR item IN
        SELECT c.oid::regclass AS name,
               CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE'
                              WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS kind
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname IN ('public', 'reporting') AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
           AND c.relowner <> 'dit_owner'::regrole
           AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
         -- tables first: a serial column's sequence goes with its table
         ORDER BY c.relkind = 'S'
    LOOP
        IF item.kind <> 'SEQUENCE'
           OR (SELECT relowner FROM pg_class WHERE oid = item.name) <> 'dit_owner'::regrole THEN
            EXECUTE format('ALTER %s %s OWNER TO dit_owner', item.kind, item.name);
        END IF;
    END LOOP;
    FOR item IN
        SELECT p.oid::regprocedure AS name, CASE p.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END AS kind
          FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
         WHERE n.nspname IN ('public', 'reporting') AND p.proowner <> 'dit_owner'::regrole
           AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
    LOOP
        EXECUTE format('ALTER %s %s OWNER TO dit_owner', item.kind, item.name);
    END LOOP;
END
$$;
