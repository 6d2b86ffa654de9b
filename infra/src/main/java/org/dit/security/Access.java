package org.dit.security;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The access rules that depend on the record asked for, named in the {@code @PreAuthorize} of each endpoint as
 * {@code @access.<rule>(authentication, #id)}. Whether a therapist is (or was) the allocated therapist of an episode
 * comes from the command side's caseload lookup, which commits with the allocation's events; an episode's stage from
 * its stage lookup, likewise.
 */
@Component("access")
public class Access {

    private final JdbcTemplate jdbc;

    Access(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A supervisor on any episode; a therapist on an episode allocated to them. */
    public boolean clinicianOf(Authentication authentication, Object episodeId) {
        if (Callers.has(authentication, Role.SUPERVISOR)) {
            return true;
        }
        UUID therapistId = Callers.therapistId(authentication);
        return Callers.has(authentication, Role.THERAPIST) && therapistId != null && episodeId != null
                && isAllocatedTo(therapistId, episodeId.toString());
    }

    /** An administrator, or a clinician of the episode. */
    public boolean adminOrClinicianOf(Authentication authentication, Object episodeId) {
        return Callers.has(authentication, Role.ADMIN) || clinicianOf(authentication, episodeId);
    }

    /**
     * A clinician of the episode at any stage; an administrator while it awaits assessment (REFERRED), when the risk
     * is often first seen at the assessment and no therapist is allocated yet.
     */
    public boolean riskAssessorOf(Authentication authentication, Object episodeId) {
        if (clinicianOf(authentication, episodeId)) {
            return true;
        }
        UUID episode = episodeId == null ? null : uuid(episodeId.toString());
        return Callers.has(authentication, Role.ADMIN) && episode != null && "REFERRED".equals(stageOf(episode));
    }

    /** Administrators and supervisors see every caseload; a therapist their own. */
    public boolean ownCaseload(Authentication authentication, Object therapistId) {
        if (Callers.has(authentication, Role.ADMIN) || Callers.has(authentication, Role.SUPERVISOR)) {
            return true;
        }
        UUID own = Callers.therapistId(authentication);
        return Callers.has(authentication, Role.THERAPIST) && own != null && therapistId != null
                && own.toString().equalsIgnoreCase(therapistId.toString());
    }

    /** A therapist allocated (now or before) to one of the client's episodes. */
    public boolean therapistOfClient(Authentication authentication, Object clientId) {
        UUID therapistId = Callers.therapistId(authentication);
        UUID client = clientId == null ? null : uuid(clientId.toString());
        return Callers.has(authentication, Role.THERAPIST) && therapistId != null && client != null
                && Boolean.TRUE.equals(jdbc.queryForObject("""
                        SELECT EXISTS (SELECT 1 FROM cmd_episode_client e JOIN cmd_caseload c ON c.episode_id = e.episode_id
                                        WHERE e.client_id = ? AND c.therapist_id = ?)""", Boolean.class, client, therapistId));
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private boolean isAllocatedTo(UUID therapistId, String episodeId) {
        UUID episode = uuid(episodeId);
        if (episode == null) {
            return false;
        }
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM cmd_caseload WHERE episode_id = ? AND therapist_id = ?)", Boolean.class,
                episode, therapistId));
    }

    /** The stage of the episode in the command side's lookup, written with its events; null for an unknown episode. */
    private String stageOf(UUID episodeId) {
        return jdbc.queryForList("SELECT status FROM cmd_episode_stage WHERE episode_id = ?", String.class, episodeId)
                .stream().findFirst().orElse(null);
    }
}
