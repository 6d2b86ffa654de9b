-- Every read model now runs in one processor, "read-models" (one read, one deserialisation and one commit per batch
-- for all of them), where each had a processor of its own. The new processor starts from the first event, so the
-- read models are emptied and rebuilt from the log; the old processors' tokens go. Their parked events go too: the
-- rebuild applies every event again (as a replay of a read model does).
DELETE FROM token_entry WHERE processor_name IN
    ('episode-view', 'caseload', 'waiting-list', 'outcomes', 'client-view', 'risk-worklist', 'therapists');
DELETE FROM dead_letter_entry WHERE processing_group IN
    ('episode-view', 'caseload', 'waiting-list', 'outcomes', 'client-view', 'risk-worklist', 'therapists');
DELETE FROM episode_view;
DELETE FROM caseload_episode;
DELETE FROM caseload_therapist;
DELETE FROM waiting_list_entry;
DELETE FROM outcome_episode;
DELETE FROM client_view;
DELETE FROM client_episode;
DELETE FROM risk_worklist_episode;
DELETE FROM therapist_directory_episode;
DELETE FROM therapist_directory;
