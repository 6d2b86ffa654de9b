-- Query side: the episode read model behind GET /api/episodes/{id}.
CREATE TABLE episode_view (
    episode_id              UUID        PRIMARY KEY,
    client_id               UUID        NOT NULL,
    status                  VARCHAR(20) NOT NULL,
    referral_source         TEXT        NOT NULL,
    referred_on             DATE        NOT NULL,
    presenting_problem      VARCHAR(20) NOT NULL,
    priority                VARCHAR(20) NOT NULL,
    course_length           INTEGER     NOT NULL,
    therapist_id            UUID,
    focus_self              TEXT,
    focus_other             TEXT,
    focus_affect            TEXT,
    focus_defensive         TEXT,
    goodbye_letter_shared_on DATE,
    ended_on                DATE,
    end_reason              VARCHAR(30),
    -- the aggregate sequence number of the last event applied: a redelivered event changes nothing
    last_sequence           BIGINT      NOT NULL
);

CREATE TABLE episode_view_session (
    episode_id       UUID        NOT NULL REFERENCES episode_view (episode_id),
    booking_sequence BIGINT      NOT NULL,
    number           INTEGER     NOT NULL,
    starts_at        TIMESTAMPTZ NOT NULL,
    duration_minutes INTEGER     NOT NULL,
    mode             VARCHAR(20) NOT NULL,
    state            VARCHAR(20) NOT NULL,
    PRIMARY KEY (episode_id, booking_sequence)
);

CREATE TABLE episode_view_measure (
    measure_id       UUID        PRIMARY KEY,
    episode_id       UUID        NOT NULL REFERENCES episode_view (episode_id),
    instrument       VARCHAR(10) NOT NULL,
    total            INTEGER     NOT NULL,
    severity         VARCHAR(30) NOT NULL,
    recorded_on      DATE        NOT NULL,
    session_number   INTEGER,
    entered_in_error BOOLEAN     NOT NULL DEFAULT FALSE,
    record_sequence  BIGINT      NOT NULL
);
CREATE INDEX episode_view_measure_episode ON episode_view_measure (episode_id, record_sequence);
