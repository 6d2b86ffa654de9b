-- Issue 16: the booking clash check looked at every earlier slot of the therapist (the index on starts_at bounds
-- only one side). No session is longer than 4 hours (EpisodePolicy.MAX_SESSION_MINUTES = 240), so a clashing slot
-- starts at most 4 hours before the new one ends: the table now holds that as a rule, and the check reads only
-- that window. A longer slot would be refused here rather than escape the check.
ALTER TABLE cmd_session_slot ADD CONSTRAINT cmd_session_slot_at_most_4_hours
    CHECK (ends_at - starts_at <= interval '4 hours');
