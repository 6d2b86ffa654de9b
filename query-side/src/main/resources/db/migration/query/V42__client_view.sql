-- The client read model (issue 12): each client's details, sealed under the client's own data key (so a copy of the
-- table shows no name), the blind indexes they are found by, and their episodes. A client id that only episodes name
-- (referred before clients were registered) has episodes here and no client row.
CREATE TABLE client_view (
    client_id      UUID        PRIMARY KEY,
    status         VARCHAR(20) NOT NULL,
    details        BYTEA,
    nhs_index      BYTEA,
    name_dob_index BYTEA,
    registered_at  TIMESTAMPTZ NOT NULL,
    last_sequence  BIGINT      NOT NULL
);
CREATE INDEX client_view_nhs ON client_view (nhs_index);
CREATE INDEX client_view_name_dob ON client_view (name_dob_index);

CREATE TABLE client_episode (
    episode_id    UUID        PRIMARY KEY,
    client_id     UUID        NOT NULL,
    status        VARCHAR(20) NOT NULL,
    referred_on   DATE        NOT NULL,
    therapist_id  UUID,
    ended_on      DATE,
    end_reason    VARCHAR(30),
    last_sequence BIGINT      NOT NULL
);
CREATE INDEX client_episode_client ON client_episode (client_id, referred_on);
CREATE INDEX client_episode_therapist ON client_episode (therapist_id);
