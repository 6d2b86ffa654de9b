package org.dit.query.episode;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.dit.events.EpisodeId;
import org.dit.events.episode.AssessmentCompleted;
import org.dit.events.episode.ClientReferred;
import org.dit.events.episode.ClientWaitlisted;
import org.dit.events.episode.CourseExtended;
import org.dit.events.episode.EndReason;
import org.dit.events.episode.EpisodeStatus;
import org.dit.events.episode.FocusAgreed;
import org.dit.events.episode.FocusRevised;
import org.dit.events.episode.GoodbyeLetterShared;
import org.dit.events.episode.Instrument;
import org.dit.events.episode.MeasureEnteredInError;
import org.dit.events.episode.OutcomeMeasureRecorded;
import org.dit.events.episode.Phase;
import org.dit.events.episode.SessionAttended;
import org.dit.events.episode.SessionBooked;
import org.dit.events.episode.SessionCancelled;
import org.dit.events.episode.SessionMissed;
import org.dit.events.episode.SessionMode;
import org.dit.events.episode.SessionOutcome;
import org.dit.events.episode.SessionOutcomeCorrected;
import org.dit.events.episode.SessionRescheduled;
import org.dit.events.episode.SessionState;
import org.dit.events.episode.Severity;
import org.dit.events.episode.TherapistAllocated;
import org.dit.events.episode.TherapyEnded;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The episode read model. Each handler first advances the episode's last applied sequence number and does
 * nothing when the event is not newer: a redelivered event changes nothing. Writes join the processor's
 * transaction, so the read model and the processor's token commit together.
 */
@Component
@ProcessingGroup(EpisodeViewProjection.NAME)
class EpisodeViewProjection {

    static final String NAME = "episode-view";

    private final JdbcTemplate jdbc;

    EpisodeViewProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ClientReferred event, @SequenceNumber long sequence) {
        jdbc.update("""
                INSERT INTO episode_view (episode_id, client_id, status, referral_source, referred_on, presenting_problem,
                                          priority, course_length, last_sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (episode_id) DO NOTHING""",
                id(event.episodeId()), event.clientId().value(), EpisodeStatus.REFERRED.name(), event.referralSource(),
                event.referredOn(), event.presentingProblem().name(), event.priority().name(), Phase.DEFAULT_COURSE_LENGTH,
                sequence);
    }

    @EventHandler
    void on(AssessmentCompleted event, @SequenceNumber long sequence) {
        advance(event.episodeId(), sequence);
    }

    @EventHandler
    void on(ClientWaitlisted event, @SequenceNumber long sequence) {
        if (advance(event.episodeId(), sequence)) {
            jdbc.update("UPDATE episode_view SET status = ? WHERE episode_id = ?", EpisodeStatus.WAITING.name(),
                    id(event.episodeId()));
        }
    }

    @EventHandler
    void on(TherapistAllocated event, @SequenceNumber long sequence) {
        if (advance(event.episodeId(), sequence)) {
            jdbc.update("UPDATE episode_view SET status = ?, therapist_id = ? WHERE episode_id = ?",
                    EpisodeStatus.IN_THERAPY.name(), event.therapistId().value(), id(event.episodeId()));
        }
    }

    @EventHandler
    void on(SessionBooked event, @SequenceNumber long sequence) {
        if (advance(event.episodeId(), sequence)) {
            jdbc.update("""
                    INSERT INTO episode_view_session (episode_id, booking_sequence, number, starts_at, duration_minutes, mode, state)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    id(event.episodeId()), sequence, event.sessionNumber(), Timestamp.from(event.startsAt()),
                    event.durationMinutes(), event.mode().name(), SessionState.BOOKED.name());
        }
    }

    @EventHandler
    void on(SessionRescheduled event, @SequenceNumber long sequence) {
        if (advance(event.episodeId(), sequence)) {
            jdbc.update("UPDATE episode_view_session SET starts_at = ? WHERE episode_id = ? AND number = ? AND state = ?",
                    Timestamp.from(event.startsAt()), id(event.episodeId()), event.sessionNumber(), SessionState.BOOKED.name());
        }
    }

    @EventHandler
    void on(SessionCancelled event, @SequenceNumber long sequence) {
        if (advance(event.episodeId(), sequence)) {
            setSessionState(event.episodeId(), event.sessionNumber(), SessionState.BOOKED, SessionState.CANCELLED);
        }
    }

    @EventHandler
    void on(SessionAttended event, @SequenceNumber long sequence) {
        if (advance(event.episodeId(), sequence)) {
            setSessionState(event.episodeId(), event.sessionNumber(), SessionState.BOOKED, SessionState.ATTENDED);
        }
    }

    @EventHandler
    void on(SessionMissed event, @SequenceNumber long sequence) {
        if (advance(event.episodeId(), sequence)) {
            setSessionState(event.episodeId(), event.sessionNumber(), SessionState.BOOKED, SessionState.MISSED);
        }
    }

    @EventHandler
    void on(SessionOutcomeCorrected event, @SequenceNumber long sequence) {
        if (advance(event.episodeId(), sequence)) {
            setSessionState(event.episodeId(), event.sessionNumber(), state(event.previousOutcome()), state(event.outcome()));
        }
    }

    @EventHandler
    void on(OutcomeMeasureRecorded event, @SequenceNumber long sequence) {
        if (advance(event.episodeId(), sequence)) {
            jdbc.update("""
                    INSERT INTO episode_view_measure (measure_id, episode_id, instrument, total, severity, recorded_on,
                                                      session_number, record_sequence)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (measure_id) DO NOTHING""",
                    event.measureId().value(), id(event.episodeId()), event.instrument().name(), event.total(),
                    event.instrument().severity(event.total()).name(), event.recordedOn(), event.sessionNumber(), sequence);
        }
    }

    @EventHandler
    void on(MeasureEnteredInError event, @SequenceNumber long sequence) {
        if (advance(event.episodeId(), sequence)) {
            jdbc.update("UPDATE episode_view_measure SET entered_in_error = TRUE WHERE measure_id = ?", event.measureId().value());
        }
    }

    @EventHandler
    void on(FocusAgreed event, @SequenceNumber long sequence) {
        if (advance(event.episodeId(), sequence)) {
            setFocus(event.episodeId(), event.focus());
        }
    }

    @EventHandler
    void on(FocusRevised event, @SequenceNumber long sequence) {
        if (advance(event.episodeId(), sequence)) {
            setFocus(event.episodeId(), event.focus());
        }
    }

    @EventHandler
    void on(GoodbyeLetterShared event, @SequenceNumber long sequence) {
        if (advance(event.episodeId(), sequence)) {
            jdbc.update("UPDATE episode_view SET goodbye_letter_shared_on = ? WHERE episode_id = ?", event.sharedOn(),
                    id(event.episodeId()));
        }
    }

    @EventHandler
    void on(CourseExtended event, @SequenceNumber long sequence) {
        if (advance(event.episodeId(), sequence)) {
            jdbc.update("UPDATE episode_view SET course_length = ? WHERE episode_id = ?", event.courseLength(),
                    id(event.episodeId()));
        }
    }

    @EventHandler
    void on(TherapyEnded event, @SequenceNumber long sequence) {
        if (advance(event.episodeId(), sequence)) {
            jdbc.update("UPDATE episode_view SET status = ?, ended_on = ?, end_reason = ? WHERE episode_id = ?",
                    EpisodeStatus.ENDED.name(), event.endedOn(), event.reason().name(), id(event.episodeId()));
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM episode_view_measure");
        jdbc.update("DELETE FROM episode_view_session");
        jdbc.update("DELETE FROM episode_view");
    }

    @QueryHandler
    Optional<EpisodeView> handle(FindEpisode query) {
        List<EpisodeRow> rows = jdbc.query("""
                SELECT client_id, status, course_length, therapist_id, focus_self, focus_other, focus_affect, focus_defensive,
                       goodbye_letter_shared_on, ended_on, end_reason
                  FROM episode_view WHERE episode_id = ?""",
                (rs, i) -> new EpisodeRow(rs.getObject("client_id", UUID.class), EpisodeStatus.valueOf(rs.getString("status")),
                        rs.getInt("course_length"), rs.getObject("therapist_id", UUID.class),
                        rs.getString("focus_self") == null ? null : new EpisodeView.FocusView(rs.getString("focus_self"),
                                rs.getString("focus_other"), rs.getString("focus_affect"), rs.getString("focus_defensive")),
                        rs.getObject("goodbye_letter_shared_on", java.time.LocalDate.class),
                        rs.getObject("ended_on", java.time.LocalDate.class),
                        rs.getString("end_reason") == null ? null : EndReason.valueOf(rs.getString("end_reason"))),
                query.episodeId());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        EpisodeRow row = rows.get(0);
        List<EpisodeView.SessionView> sessions = jdbc.query("""
                SELECT number, starts_at, duration_minutes, mode, state FROM episode_view_session
                 WHERE episode_id = ? ORDER BY booking_sequence""",
                (rs, i) -> new EpisodeView.SessionView(rs.getInt("number"), rs.getTimestamp("starts_at").toInstant(),
                        rs.getInt("duration_minutes"), SessionMode.valueOf(rs.getString("mode")),
                        SessionState.valueOf(rs.getString("state"))),
                query.episodeId());
        List<EpisodeView.MeasureView> measures = jdbc.query("""
                SELECT measure_id, instrument, total, severity, recorded_on, entered_in_error FROM episode_view_measure
                 WHERE episode_id = ? ORDER BY record_sequence""",
                (rs, i) -> new EpisodeView.MeasureView(rs.getObject("measure_id", UUID.class),
                        Instrument.valueOf(rs.getString("instrument")), rs.getInt("total"),
                        Severity.valueOf(rs.getString("severity")), rs.getObject("recorded_on", java.time.LocalDate.class),
                        rs.getBoolean("entered_in_error")),
                query.episodeId());
        int lastAttended = sessions.stream().filter(s -> s.state() == SessionState.ATTENDED)
                .mapToInt(EpisodeView.SessionView::number).max().orElse(0);
        return Optional.of(new EpisodeView(query.episodeId(), row.clientId(), row.status(),
                Phase.of(lastAttended, row.courseLength()), row.courseLength(), row.therapistId(), sessions, row.focus(),
                row.goodbyeLetterSharedOn(), measures, row.endedOn(), row.endReason()));
    }

    /** Records that the episode has seen this event; false when it had seen it (or a later one) already. */
    private boolean advance(EpisodeId episodeId, long sequence) {
        return jdbc.update("UPDATE episode_view SET last_sequence = ? WHERE episode_id = ? AND last_sequence < ?",
                sequence, id(episodeId), sequence) == 1;
    }

    private void setSessionState(EpisodeId episodeId, int number, SessionState from, SessionState to) {
        jdbc.update("UPDATE episode_view_session SET state = ? WHERE episode_id = ? AND number = ? AND state = ?",
                to.name(), id(episodeId), number, from.name());
    }

    private void setFocus(EpisodeId episodeId, org.dit.events.episode.Focus focus) {
        jdbc.update("""
                UPDATE episode_view SET focus_self = ?, focus_other = ?, focus_affect = ?, focus_defensive = ?
                 WHERE episode_id = ?""",
                focus.selfRepresentation(), focus.otherRepresentation(), focus.affect(), focus.defensiveFunction(),
                id(episodeId));
    }

    private static SessionState state(SessionOutcome outcome) {
        return outcome == SessionOutcome.ATTENDED ? SessionState.ATTENDED : SessionState.MISSED;
    }

    private static UUID id(EpisodeId episodeId) {
        return episodeId.value();
    }

    private record EpisodeRow(UUID clientId, EpisodeStatus status, int courseLength, UUID therapistId,
                              EpisodeView.FocusView focus, java.time.LocalDate goodbyeLetterSharedOn,
                              java.time.LocalDate endedOn, EndReason endReason) {
    }
}
