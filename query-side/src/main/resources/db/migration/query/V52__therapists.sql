-- The therapists read model (GET /api/therapists): each therapist as the clinic runs them, and the episodes each holds.
-- Its processor starts from the first event, so therapists and allocations already in the log are included.
CREATE TABLE therapist_directory (
    therapist_id  UUID        PRIMARY KEY,
    name          TEXT        NOT NULL,
    accreditation VARCHAR(20) NOT NULL,
    supervisor_id UUID,
    max_caseload  INTEGER     NOT NULL,
    active        BOOLEAN     NOT NULL
);

-- One row per allocated episode: its therapist now (after any reassignment) and whether it is still open.
CREATE TABLE therapist_directory_episode (
    episode_id    UUID    PRIMARY KEY,
    therapist_id  UUID    NOT NULL,
    active        BOOLEAN NOT NULL,
    last_sequence BIGINT  NOT NULL
);
CREATE INDEX therapist_directory_episode_active ON therapist_directory_episode (therapist_id) WHERE active;
