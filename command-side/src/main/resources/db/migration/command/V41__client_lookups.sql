-- Clients and their episodes, as the command side's rules need them (issue 12); written from the events by
-- ClientLookups in the transaction that appends them. No personal data: the NHS number only as its blind index
-- (HMAC-SHA-256 under the index key, which the database does not hold in clear).
CREATE TABLE cmd_client (
    client_id UUID    PRIMARY KEY,
    -- one client per NHS number: the unique key decides between concurrent registrations
    nhs_index BYTEA   UNIQUE,
    erased    BOOLEAN NOT NULL DEFAULT FALSE
);

-- Each episode's client: the one it belongs to now (client_id, changed by a link) and the one its referral named.
CREATE TABLE cmd_episode_client (
    episode_id         UUID    PRIMARY KEY,
    client_id          UUID    NOT NULL,
    referred_client_id UUID    NOT NULL,
    open               BOOLEAN NOT NULL,
    ended_on           DATE,
    -- referred before clients were registered: not held to one open episode per client by the key below
    legacy             BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX cmd_episode_client_client ON cmd_episode_client (client_id);
-- one open episode per client: the unique key decides between concurrent referrals
CREATE UNIQUE INDEX cmd_episode_client_one_open ON cmd_episode_client (client_id) WHERE open AND NOT legacy;

-- Episodes already in the log, from their stored events (written in clear before this version).
INSERT INTO cmd_episode_client (episode_id, client_id, referred_client_id, open, ended_on, legacy)
SELECT r.aggregate_identifier::uuid,
       (convert_from(r.payload, 'UTF8')::jsonb ->> 'clientId')::uuid,
       (convert_from(r.payload, 'UTF8')::jsonb ->> 'clientId')::uuid,
       ended.ended_on IS NULL,
       ended.ended_on,
       TRUE
  FROM domain_event_entry r
  LEFT JOIN LATERAL (SELECT (convert_from(e.payload, 'UTF8')::jsonb ->> 'endedOn')::date AS ended_on
                       FROM domain_event_entry e
                      WHERE e.aggregate_identifier = r.aggregate_identifier
                        AND e.payload_type = 'org.dit.events.episode.TherapyEnded'
                      ORDER BY e.sequence_number LIMIT 1) ended ON TRUE
 WHERE r.payload_type = 'org.dit.events.episode.ClientReferred';
