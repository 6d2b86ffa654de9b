-- The read models keep each episode's folded facts as the JSON text the service writes and reads whole, not as jsonb.
-- No query looks inside them: PostgreSQL parsed every write into jsonb and printed every read back to text, measured
-- at about 330 µs per write and 100 µs per read of an 8 KB course (docs/performance.md), the largest part of the
-- database's work per event in a replay, and of every caseload and risk worklist answer. The client of an episode,
-- which an erasure and the equality breakdowns look for, gets a column of its own where the table had none.
ALTER TABLE episode_view ADD COLUMN client_id UUID;
ALTER TABLE outcome_episode ADD COLUMN client_id UUID;
ALTER TABLE risk_worklist_episode ADD COLUMN client_id UUID;

UPDATE episode_view SET client_id = (facts ->> 'clientId')::uuid;
UPDATE outcome_episode SET client_id = (facts ->> 'clientId')::uuid;
UPDATE risk_worklist_episode SET client_id = (facts ->> 'clientId')::uuid;

ALTER TABLE episode_view ALTER COLUMN facts TYPE TEXT USING facts::text;
ALTER TABLE caseload_episode ALTER COLUMN facts TYPE TEXT USING facts::text;
ALTER TABLE outcome_episode ALTER COLUMN facts TYPE TEXT USING facts::text;
ALTER TABLE risk_worklist_episode ALTER COLUMN facts TYPE TEXT USING facts::text;
