-- Command-side consistency lookups: written by command handlers in the same transaction as the events they guard.
CREATE TABLE cmd_therapist (
    therapist_id  UUID        PRIMARY KEY,
    accreditation VARCHAR(20) NOT NULL,
    max_caseload  INTEGER     NOT NULL,
    active        BOOLEAN     NOT NULL
);

-- One row per episode a therapist was allocated; ended rows no longer count against the caseload.
CREATE TABLE cmd_caseload (
    episode_id   UUID    PRIMARY KEY,
    therapist_id UUID    NOT NULL REFERENCES cmd_therapist (therapist_id),
    ended        BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX cmd_caseload_active ON cmd_caseload (therapist_id) WHERE NOT ended;

-- The therapist's diary: one row per booked (or held) session, to refuse overlapping bookings.
CREATE TABLE cmd_session_slot (
    episode_id     UUID        NOT NULL,
    session_number INTEGER     NOT NULL,
    therapist_id   UUID        NOT NULL REFERENCES cmd_therapist (therapist_id),
    starts_at      TIMESTAMPTZ NOT NULL,
    ends_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (episode_id, session_number),
    CHECK (ends_at > starts_at)
);
CREATE INDEX cmd_session_slot_therapist ON cmd_session_slot (therapist_id, starts_at);

-- Idempotency-Key records: the first response to a key, committed with the command's events.
CREATE TABLE idempotency_record (
    idempotency_key VARCHAR(255) PRIMARY KEY,
    fingerprint     VARCHAR(64)  NOT NULL,
    actor           VARCHAR(255) NOT NULL,
    status          INTEGER,
    location        TEXT,
    body            TEXT,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
