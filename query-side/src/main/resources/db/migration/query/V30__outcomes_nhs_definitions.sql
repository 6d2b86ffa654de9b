-- Outcomes follow NHS England's published definitions (docs/design.md §3): an episode that is not paired is neither
-- recovered, nor improved, nor deteriorated (false, no longer null), caseness is known whenever the first scores tell
-- it, and each episode keeps the dates that place it in a period's populations (referral, first and second attended
-- session) and its ending's national code. The stored columns change meaning, so the read model is rebuilt from the
-- log: its rows and its processor's tokens are removed, and it starts again from the first event.
ALTER TABLE outcome_episode
    ADD COLUMN referred_on       DATE,
    ADD COLUMN first_session_on  DATE,
    ADD COLUMN second_session_on DATE,
    ADD COLUMN sessions_attended INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN end_reason        VARCHAR(30),
    ADD COLUMN national_end_code INTEGER;

CREATE INDEX outcome_episode_referred ON outcome_episode (referred_on, therapist_id);
CREATE INDEX outcome_episode_first_session ON outcome_episode (first_session_on, therapist_id)
    WHERE first_session_on IS NOT NULL;
CREATE INDEX outcome_episode_second_session ON outcome_episode (second_session_on, therapist_id)
    WHERE second_session_on IS NOT NULL;

-- The reporting view gains the same columns (appended, so existing queries keep working).
CREATE OR REPLACE VIEW reporting.episode_outcomes AS
SELECT episode_id, therapist_id, ended_on, finished AS finished_course, paired, at_caseness, recovered,
       reliable_improvement, reliable_deterioration, reliable_recovery, first_phq9, last_phq9, first_gad7, last_gad7,
       days_to_first_session AS days_referral_to_first_session, days_first_to_second AS days_first_to_second_session,
       referred_on, first_session_on, second_session_on, sessions_attended, end_reason, national_end_code
  FROM outcome_episode
 WHERE ended_on IS NOT NULL;

COMMENT ON VIEW reporting.episode_outcomes IS
    'NHS Talking Therapies outcome per ended episode (docs/design.md §3). Recovery and reliable change use the PHQ-9 '
    'and the GAD-7 only: for anxiety disorders measured nationally with a disorder-specific questionnaire, the GAD-7 '
    'stands in for it. An unpaired episode is neither recovered, improved nor deteriorated; at_caseness is null when '
    'a first score is missing and the other is below caseness.';

DELETE FROM outcome_episode;
DELETE FROM token_entry WHERE processor_name = 'outcomes';
