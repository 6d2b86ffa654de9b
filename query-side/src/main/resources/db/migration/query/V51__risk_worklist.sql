-- The risk worklist (GET /api/risk): every episode's folded facts, with the columns that find today's candidates.
-- Whether a review date or an URGENT referral's days have passed is decided when the list is read. The processor
-- starts from the first event, so the list covers the episodes already in the log.
CREATE TABLE risk_worklist_episode (
    episode_id         UUID    PRIMARY KEY,
    -- a PHQ-9 item-9 indication no risk assessment has cleared
    open_indication    BOOLEAN NOT NULL,
    -- the latest risk assessment's review date, while the episode is open
    review_by          DATE,
    -- the referral date of an URGENT referral not yet assessed (for suitability or for risk)
    urgent_referred_on DATE,
    facts              JSONB   NOT NULL,
    last_sequence      BIGINT  NOT NULL
);
CREATE INDEX risk_worklist_open ON risk_worklist_episode (episode_id) WHERE open_indication;
CREATE INDEX risk_worklist_review ON risk_worklist_episode (review_by) WHERE review_by IS NOT NULL;
CREATE INDEX risk_worklist_urgent ON risk_worklist_episode (urgent_referred_on) WHERE urgent_referred_on IS NOT NULL;
