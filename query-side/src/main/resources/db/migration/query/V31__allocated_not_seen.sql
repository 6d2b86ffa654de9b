-- Nobody waits unseen (issue 13): the caseload read model keeps, per episode, the dates that tell who was allocated a
-- therapist and not yet seen on any date (allocation, first attended session on its clinic date, ending), with the
-- referral's date and priority for the order of the list. The read model is rebuilt from the log to fill them: its
-- rows and its processor's tokens are removed, and it starts again from the first event.
ALTER TABLE caseload_episode
    ADD COLUMN priority      VARCHAR(10),
    ADD COLUMN referred_on   DATE,
    ADD COLUMN allocated_on  DATE,
    ADD COLUMN first_seen_on DATE,
    ADD COLUMN ended_on      DATE;

CREATE INDEX caseload_episode_allocated ON caseload_episode (allocated_on) WHERE allocated_on IS NOT NULL;

DELETE FROM caseload_episode;
DELETE FROM caseload_therapist;
DELETE FROM token_entry WHERE processor_name = 'caseload';
