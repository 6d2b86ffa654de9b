package org.dit.query.therapists;

import java.util.List;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.dit.events.episode.TherapistAllocated;
import org.dit.events.episode.TherapistReassigned;
import org.dit.events.episode.TherapyEnded;
import org.dit.events.therapist.Accreditation;
import org.dit.events.therapist.TherapistDeactivated;
import org.dit.events.therapist.TherapistMaxCaseloadChanged;
import org.dit.events.therapist.TherapistRegistered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The therapists: who they are, whether they take clients, their maximum caseload and the episodes they hold (allocated
 * or reassigned to them and not ended). An episode's row keeps the sequence of the last event applied, so a redelivered
 * event changes nothing.
 */
@Component
@ProcessingGroup(TherapistsProjection.NAME)
class TherapistsProjection {

    static final String NAME = "therapists";

    private final JdbcTemplate jdbc;

    TherapistsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TherapistRegistered event) {
        jdbc.update("""
                INSERT INTO therapist_directory (therapist_id, name, accreditation, supervisor_id, max_caseload, active)
                VALUES (?, ?, ?, ?, ?, TRUE) ON CONFLICT (therapist_id) DO NOTHING""",
                event.therapistId().value(), event.name(), event.accreditation().name(),
                event.supervisorId() == null ? null : event.supervisorId().value(), event.maxCaseload());
    }

    @EventHandler
    void on(TherapistMaxCaseloadChanged event) {
        jdbc.update("UPDATE therapist_directory SET max_caseload = ? WHERE therapist_id = ?", event.maxCaseload(),
                event.therapistId().value());
    }

    @EventHandler
    void on(TherapistDeactivated event) {
        jdbc.update("UPDATE therapist_directory SET active = FALSE WHERE therapist_id = ?", event.therapistId().value());
    }

    @EventHandler
    void on(TherapistAllocated event, @SequenceNumber long sequence) {
        jdbc.update("""
                INSERT INTO therapist_directory_episode (episode_id, therapist_id, active, last_sequence) VALUES (?, ?, TRUE, ?)
                ON CONFLICT (episode_id) DO NOTHING""", event.episodeId().value(), event.therapistId().value(), sequence);
    }

    @EventHandler
    void on(TherapistReassigned event, @SequenceNumber long sequence) {
        jdbc.update("""
                UPDATE therapist_directory_episode SET therapist_id = ?, last_sequence = ?
                 WHERE episode_id = ? AND last_sequence < ?""",
                event.therapistId().value(), sequence, event.episodeId().value(), sequence);
    }

    @EventHandler
    void on(TherapyEnded event, @SequenceNumber long sequence) {
        jdbc.update("""
                UPDATE therapist_directory_episode SET active = FALSE, last_sequence = ?
                 WHERE episode_id = ? AND last_sequence < ?""", sequence, event.episodeId().value(), sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM therapist_directory_episode");
        jdbc.update("DELETE FROM therapist_directory");
    }

    @QueryHandler
    List<TherapistSummary> handle(FindTherapists query) {
        return jdbc.query("""
                SELECT t.therapist_id, t.name, t.accreditation, t.supervisor_id, t.active, t.max_caseload,
                       (SELECT count(*) FROM therapist_directory_episode e WHERE e.therapist_id = t.therapist_id AND e.active)
                           AS active_episodes
                  FROM therapist_directory t
                 ORDER BY t.name, t.therapist_id""",
                (rs, i) -> new TherapistSummary(rs.getObject("therapist_id", UUID.class), rs.getString("name"),
                        Accreditation.valueOf(rs.getString("accreditation")), rs.getObject("supervisor_id", UUID.class),
                        rs.getBoolean("active"), rs.getInt("max_caseload"), rs.getInt("active_episodes")));
    }
}
