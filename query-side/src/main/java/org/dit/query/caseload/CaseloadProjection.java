package org.dit.query.caseload;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.dit.events.client.ClientErased;
import org.dit.events.episode.EpisodeEvent;
import org.dit.events.episode.EpisodeStatus;
import org.dit.events.episode.Instrument;
import org.dit.events.episode.Phase;
import org.dit.events.episode.Priority;
import org.dit.events.therapist.TherapistMaxCaseloadChanged;
import org.dit.events.therapist.TherapistRegistered;
import org.dit.query.facts.EpisodeFacts;
import org.dit.query.facts.FactsBatch;
import org.dit.query.facts.FactsJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Therapists' caseloads: every allocated, not-ended episode with its progress and flags; and, with the dates of
 * allocation, first attended session and ending, who was allocated and not yet seen on any date.
 */
@Component
@ProcessingGroup(CaseloadProjection.NAME)
class CaseloadProjection {

    static final String NAME = "caseload";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CaseloadProjection(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventHandler
    void on(TherapistRegistered event) {
        jdbc.update("""
                INSERT INTO caseload_therapist (therapist_id, name, max_caseload) VALUES (?, ?, ?)
                ON CONFLICT (therapist_id) DO NOTHING""",
                event.therapistId().value(), event.name(), event.maxCaseload());
    }

    /** The erased client's episodes keep their facts, without their personal data. */
    @EventHandler
    void on(ClientErased event) {
        FactsBatch.forgetClient(jdbc, "caseload_episode", event.clientId().value());
    }

    @EventHandler
    void on(TherapistMaxCaseloadChanged event) {
        jdbc.update("UPDATE caseload_therapist SET max_caseload = ? WHERE therapist_id = ?", event.maxCaseload(),
                event.therapistId().value());
    }

    @EventHandler
    void on(EpisodeEvent event, @SequenceNumber long sequence) {
        FactsBatch.advance(jdbc, "caseload_episode", UPSERT, this::row, event, sequence);
    }

    private static final String UPSERT = """
            INSERT INTO caseload_episode (episode_id, therapist_id, client_id, active, phase, sessions_attended,
                   sessions_missed, course_length, next_session_at, focus_agreed, latest_phq9, latest_gad7, flags,
                   priority, referred_on, allocated_on, first_seen_on, ended_on, facts, last_sequence)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (episode_id) DO UPDATE SET therapist_id = excluded.therapist_id, client_id = excluded.client_id,
                   active = excluded.active, phase = excluded.phase, sessions_attended = excluded.sessions_attended,
                   sessions_missed = excluded.sessions_missed, course_length = excluded.course_length,
                   next_session_at = excluded.next_session_at, focus_agreed = excluded.focus_agreed,
                   latest_phq9 = excluded.latest_phq9, latest_gad7 = excluded.latest_gad7, flags = excluded.flags,
                   priority = excluded.priority, referred_on = excluded.referred_on,
                   allocated_on = excluded.allocated_on, first_seen_on = excluded.first_seen_on,
                   ended_on = excluded.ended_on, facts = excluded.facts, last_sequence = excluded.last_sequence""";

    private Object[] row(EpisodeFacts facts) {
        List<Integer> phq9 = facts.validMeasures(Instrument.PHQ9).stream().map(EpisodeFacts.MeasureFact::total).toList();
        List<Integer> gad7 = facts.validMeasures(Instrument.GAD7).stream().map(EpisodeFacts.MeasureFact::total).toList();
        Instant next = facts.nextBookedSession().map(EpisodeFacts.SessionFact::startsAt).orElse(null);
        String flags = CaseloadRules.flags(facts, clock.getZone()).stream().map(Enum::name)
                .collect(Collectors.joining(",", "{", "}"));
        return new Object[] {facts.episodeId(), facts.therapistId(), facts.clientId(), facts.status() == EpisodeStatus.IN_THERAPY,
                facts.phase().name(), facts.attendedSessions().size(), (int) facts.missedSessions(), facts.courseLength(),
                next == null ? null : Timestamp.from(next), facts.focus() != null,
                phq9.isEmpty() ? null : phq9.get(phq9.size() - 1), gad7.isEmpty() ? null : gad7.get(gad7.size() - 1), flags,
                facts.priority() == null ? null : facts.priority().name(), facts.referredOn(), facts.allocatedOn(),
                facts.attendedSessionDate(1, clock.getZone()).orElse(null), facts.endedOn(), FactsJson.write(facts),
                facts.lastSequence()};
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM caseload_episode");
        jdbc.update("DELETE FROM caseload_therapist");
    }

    @QueryHandler
    List<CaseloadSummary> handle(FindCaseloads query) {
        return jdbc.query("""
                SELECT t.therapist_id, t.name, t.max_caseload, count(e.episode_id) AS active_episodes
                  FROM caseload_therapist t LEFT JOIN caseload_episode e ON e.therapist_id = t.therapist_id AND e.active
                 GROUP BY t.therapist_id, t.name, t.max_caseload
                 ORDER BY t.name, t.therapist_id""",
                (rs, i) -> new CaseloadSummary(rs.getObject("therapist_id", UUID.class), rs.getString("name"),
                        rs.getInt("active_episodes"), rs.getInt("max_caseload")));
    }

    @QueryHandler
    Optional<Caseload> handle(FindCaseload query) {
        List<CaseloadSummary> therapist = jdbc.query("""
                SELECT t.therapist_id, t.name, t.max_caseload,
                       (SELECT count(*) FROM caseload_episode e WHERE e.therapist_id = t.therapist_id AND e.active) AS active
                  FROM caseload_therapist t WHERE t.therapist_id = ?""",
                (rs, i) -> new CaseloadSummary(rs.getObject("therapist_id", UUID.class), rs.getString("name"),
                        rs.getInt("active"), rs.getInt("max_caseload")), query.therapistId());
        if (therapist.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        List<Caseload.Entry> entries = jdbc.query("""
                SELECT episode_id, client_id, phase, sessions_attended, sessions_missed, course_length, next_session_at,
                       focus_agreed, latest_phq9, latest_gad7, array_to_string(flags, ',') AS flags, facts
                  FROM caseload_episode WHERE therapist_id = ? AND active
                 ORDER BY next_session_at NULLS LAST, episode_id""",
                (rs, i) -> new Caseload.Entry(rs.getObject("episode_id", UUID.class), rs.getObject("client_id", UUID.class),
                        Phase.valueOf(rs.getString("phase")), rs.getInt("sessions_attended"), rs.getInt("sessions_missed"),
                        rs.getInt("course_length"),
                        rs.getTimestamp("next_session_at") == null ? null : rs.getTimestamp("next_session_at").toInstant(),
                        rs.getBoolean("focus_agreed"), (Integer) rs.getObject("latest_phq9"),
                        (Integer) rs.getObject("latest_gad7"), CaseloadRules.flagsAsOf(parseFlags(rs.getString("flags")),
                                FactsJson.read(rs.getString("facts"), rs.getObject("episode_id", UUID.class)), today),
                        null, null),
                query.therapistId());
        CaseloadSummary summary = therapist.get(0);
        return Optional.of(new Caseload(summary.therapistId(), summary.name(), summary.activeEpisodes(),
                summary.maxCaseload(), entries));
    }

    /**
     * Allocated by the end of the date, with no attended session (after corrections) and no ending by then. Sessions
     * count on their clinic date.
     */
    @QueryHandler
    AllocatedNotSeen handle(FindAllocatedNotSeen query) {
        LocalDate asOf = query.asOf();
        List<AllocatedNotSeen.Entry> entries = jdbc.query("""
                SELECT episode_id, therapist_id, priority, referred_on, allocated_on FROM caseload_episode
                 WHERE allocated_on <= ? AND (first_seen_on IS NULL OR first_seen_on > ?) AND (ended_on IS NULL OR ended_on > ?)
                 ORDER BY CASE priority WHEN 'URGENT' THEN 0 ELSE 1 END, referred_on, episode_id""",
                (rs, i) -> {
                    LocalDate referredOn = rs.getObject("referred_on", LocalDate.class);
                    LocalDate allocatedOn = rs.getObject("allocated_on", LocalDate.class);
                    return new AllocatedNotSeen.Entry(rs.getObject("episode_id", UUID.class),
                            rs.getObject("therapist_id", UUID.class), Priority.valueOf(rs.getString("priority")), referredOn,
                            allocatedOn, ChronoUnit.DAYS.between(referredOn, asOf), ChronoUnit.DAYS.between(allocatedOn, asOf));
                }, asOf, asOf, asOf);
        return new AllocatedNotSeen(asOf, entries.size(), entries);
    }

    private static List<CaseloadFlag> parseFlags(String flags) {
        if (flags == null || flags.isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(flags.split(",")).map(CaseloadFlag::valueOf).toList();
    }
}
