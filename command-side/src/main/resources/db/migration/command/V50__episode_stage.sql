-- Each episode's stage (REFERRED, WAITING, IN_THERAPY, ENDED), written from its events in the command's transaction
-- like the other lookups: an access rule that depends on the stage (an administrator records a risk assessment only
-- while the episode awaits assessment) reads committed facts, never the eventually consistent read models.
CREATE TABLE cmd_episode_stage (
    episode_id UUID        PRIMARY KEY,
    status     VARCHAR(20) NOT NULL
);

-- The stages of the episodes already in the log, as RosterUpdater would have written them.
INSERT INTO cmd_episode_stage (episode_id, status)
SELECT aggregate_identifier::uuid,
       CASE WHEN bool_or(payload_type = 'org.dit.events.episode.TherapyEnded') THEN 'ENDED'
            WHEN bool_or(payload_type = 'org.dit.events.episode.TherapistAllocated') THEN 'IN_THERAPY'
            WHEN bool_or(payload_type = 'org.dit.events.episode.ClientWaitlisted') THEN 'WAITING'
            ELSE 'REFERRED' END
  FROM domain_event_entry
 GROUP BY aggregate_identifier
HAVING bool_or(payload_type = 'org.dit.events.episode.ClientReferred');
