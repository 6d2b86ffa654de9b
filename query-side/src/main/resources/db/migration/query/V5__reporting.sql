-- Reporting for BI tools: views in their own schema, and a role that can read those views and nothing else
-- (no event table, no read-model table, no command-side table). Logins for dashboards are members of it.
CREATE SCHEMA reporting;

CREATE VIEW reporting.caseload AS
SELECT e.therapist_id, t.name AS therapist_name, t.max_caseload, e.episode_id, e.client_id, e.phase,
       e.sessions_attended, e.sessions_missed, e.course_length, e.next_session_at, e.focus_agreed,
       e.latest_phq9, e.latest_gad7, e.flags
  FROM caseload_episode e JOIN caseload_therapist t ON t.therapist_id = e.therapist_id
 WHERE e.active;

CREATE VIEW reporting.waiting_list AS
SELECT episode_id, client_id, priority, referred_on, waitlisted_on,
       current_date - referred_on AS days_since_referral,
       current_date - waitlisted_on AS days_on_list,
       current_date - referred_on > 42 AS over_6_weeks,
       current_date - referred_on > 126 AS over_18_weeks
  FROM waiting_list_entry
 WHERE waitlisted_on IS NOT NULL AND waitlisted_on <= current_date AND (left_on IS NULL OR left_on > current_date);

CREATE VIEW reporting.episode_outcomes AS
SELECT episode_id, therapist_id, ended_on, finished AS finished_course, paired, at_caseness, recovered,
       reliable_improvement, reliable_deterioration, reliable_recovery, first_phq9, last_phq9, first_gad7, last_gad7,
       days_to_first_session AS days_referral_to_first_session, days_first_to_second AS days_first_to_second_session
  FROM outcome_episode
 WHERE ended_on IS NOT NULL;

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dit_reporting') THEN
        CREATE ROLE dit_reporting NOLOGIN;
    END IF;
END
$$;
REVOKE ALL ON SCHEMA public FROM dit_reporting;
GRANT USAGE ON SCHEMA reporting TO dit_reporting;
GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO dit_reporting;
