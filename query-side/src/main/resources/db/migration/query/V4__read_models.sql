-- Query side: caseload, waiting list and outcomes. Each row keeps the episode's folded facts (JSON) next to the
-- columns derived from them, and the last applied sequence number of the episode.
CREATE TABLE caseload_therapist (
    therapist_id UUID    PRIMARY KEY,
    name         TEXT    NOT NULL,
    max_caseload INTEGER NOT NULL
);

CREATE TABLE caseload_episode (
    episode_id        UUID        PRIMARY KEY,
    therapist_id      UUID,
    client_id         UUID,
    active            BOOLEAN     NOT NULL,
    phase             VARCHAR(20) NOT NULL,
    sessions_attended INTEGER     NOT NULL,
    sessions_missed   INTEGER     NOT NULL,
    course_length     INTEGER     NOT NULL,
    next_session_at   TIMESTAMPTZ,
    focus_agreed      BOOLEAN     NOT NULL,
    latest_phq9       INTEGER,
    latest_gad7       INTEGER,
    flags             TEXT[]      NOT NULL,
    facts             JSONB       NOT NULL,
    last_sequence     BIGINT      NOT NULL
);
CREATE INDEX caseload_episode_active ON caseload_episode (therapist_id, next_session_at) WHERE active;

CREATE TABLE waiting_list_entry (
    episode_id    UUID        PRIMARY KEY,
    client_id     UUID        NOT NULL,
    priority      VARCHAR(10) NOT NULL,
    referred_on   DATE        NOT NULL,
    waitlisted_on DATE,
    left_on       DATE,
    last_sequence BIGINT      NOT NULL
);
CREATE INDEX waiting_list_entry_window ON waiting_list_entry (waitlisted_on, left_on) WHERE waitlisted_on IS NOT NULL;

CREATE TABLE outcome_episode (
    episode_id             UUID    PRIMARY KEY,
    therapist_id           UUID,
    ended_on               DATE,
    finished               BOOLEAN NOT NULL,
    paired                 BOOLEAN NOT NULL,
    at_caseness            BOOLEAN,
    recovered              BOOLEAN,
    reliable_improvement   BOOLEAN,
    reliable_deterioration BOOLEAN,
    reliable_recovery      BOOLEAN,
    first_phq9             INTEGER,
    last_phq9              INTEGER,
    first_gad7             INTEGER,
    last_gad7              INTEGER,
    days_to_first_session  BIGINT,
    days_first_to_second   BIGINT,
    facts                  JSONB   NOT NULL,
    last_sequence          BIGINT  NOT NULL
);
CREATE INDEX outcome_episode_ended ON outcome_episode (ended_on, therapist_id) WHERE ended_on IS NOT NULL;
