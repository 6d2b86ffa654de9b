package org.dit.security;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Whether a therapist is (or was) the allocated therapist of an episode, from the command side's caseload lookup. */
@Component
class EpisodeAccess {

    private final JdbcTemplate jdbc;

    EpisodeAccess(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean isAllocatedTo(UUID therapistId, String episodeId) {
        UUID episode;
        try {
            episode = UUID.fromString(episodeId);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM cmd_caseload WHERE episode_id = ? AND therapist_id = ?)", Boolean.class,
                episode, therapistId));
    }
}
