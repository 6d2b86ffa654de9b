-- The episode view now keeps each episode's folded facts, like the other read models; sessions and measures are
-- part of them. The read model is rebuilt from the log: its processor's tokens are removed, so it starts again
-- from the first event.
DROP TABLE episode_view_measure;
DROP TABLE episode_view_session;
DROP TABLE episode_view;

CREATE TABLE episode_view (
    episode_id    UUID        PRIMARY KEY,
    status        VARCHAR(20) NOT NULL,
    therapist_id  UUID,
    facts         JSONB       NOT NULL,
    last_sequence BIGINT      NOT NULL
);

DELETE FROM token_entry WHERE processor_name = 'episode-view';
