-- Every read model now runs in one processor, "read-models" (one read, one deserialisation and one commit per batch
-- for all of them), where each had a processor of its own. The read models are emptied and rebuilt from the log,
-- as a replay: the new processor's four segments start with replay tokens up to the head of the log, so that every
-- answer says Read-Model-Status: REBUILDING until the rebuild has reached it. The old processors' tokens go, and so
-- do their parked events: the rebuild applies every event again (as a replay of a read model does).
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

-- Axon's ReplayToken as its Jackson serialiser writes it; no node runs during an upgrade, so the head has no gaps
INSERT INTO token_entry (processor_name, segment, token, token_type, timestamp, owner)
SELECT 'read-models', segment,
       convert_to(json_build_object(
           'tokenAtReset', json_build_object('@class', 'org.axonframework.eventhandling.GapAwareTrackingToken',
                                             'index', head.global_index, 'gaps', json_build_array()),
           'currentToken', NULL,
           'context', NULL)::text, 'UTF8'),
       'org.axonframework.eventhandling.ReplayToken',
       to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
       NULL
  FROM generate_series(0, 3) AS segment,
       (SELECT max(global_index) AS global_index FROM domain_event_entry) AS head
 WHERE head.global_index IS NOT NULL;
