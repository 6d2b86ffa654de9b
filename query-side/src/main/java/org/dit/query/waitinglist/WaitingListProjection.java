package org.dit.query.waitinglist;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.dit.events.episode.ClientReferred;
import org.dit.events.episode.ClientWaitlisted;
import org.dit.events.episode.Priority;
import org.dit.events.episode.TherapistAllocated;
import org.dit.events.episode.TherapyEnded;
import org.dit.query.outcomes.OutcomeRules;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The waiting list: who was referred, when they joined the list and when they left it (allocation or ending), so the
 * list, and the referrals still awaiting assessment, can be shown as they stood on any date.
 */
@Component
@ProcessingGroup(WaitingListProjection.NAME)
class WaitingListProjection {

    static final String NAME = "waiting-list";

    private final JdbcTemplate jdbc;

    WaitingListProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ClientReferred event, @SequenceNumber long sequence) {
        jdbc.update("""
                INSERT INTO waiting_list_entry (episode_id, client_id, priority, referred_on, last_sequence)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (episode_id) DO NOTHING""",
                event.episodeId().value(), event.clientId().value(), event.priority().name(), event.referredOn(), sequence);
    }

    @EventHandler
    void on(ClientWaitlisted event, @SequenceNumber long sequence) {
        jdbc.update("UPDATE waiting_list_entry SET waitlisted_on = ?, last_sequence = ? WHERE episode_id = ? AND last_sequence < ?",
                event.waitlistedOn(), sequence, event.episodeId().value(), sequence);
    }

    @EventHandler
    void on(TherapistAllocated event, @SequenceNumber long sequence) {
        leave(event.episodeId().value(), event.allocatedOn(), sequence);
    }

    @EventHandler
    void on(TherapyEnded event, @SequenceNumber long sequence) {
        leave(event.episodeId().value(), event.endedOn(), sequence);
    }

    private void leave(UUID episodeId, LocalDate on, long sequence) {
        jdbc.update("""
                UPDATE waiting_list_entry SET left_on = coalesce(left_on, ?), last_sequence = ?
                 WHERE episode_id = ? AND last_sequence < ?""", on, sequence, episodeId, sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM waiting_list_entry");
    }

    @QueryHandler
    WaitingList handle(FindWaitingList query) {
        LocalDate asOf = query.asOf();
        List<WaitingList.Entry> entries = jdbc.query("""
                SELECT episode_id, client_id, priority, referred_on, waitlisted_on FROM waiting_list_entry
                 WHERE waitlisted_on IS NOT NULL AND waitlisted_on <= ? AND (left_on IS NULL OR left_on > ?)
                 ORDER BY CASE priority WHEN 'URGENT' THEN 0 ELSE 1 END, referred_on, episode_id""",
                (rs, i) -> {
                    LocalDate referredOn = rs.getObject("referred_on", LocalDate.class);
                    LocalDate waitlistedOn = rs.getObject("waitlisted_on", LocalDate.class);
                    return new WaitingList.Entry(rs.getObject("episode_id", UUID.class), rs.getObject("client_id", UUID.class),
                            Priority.valueOf(rs.getString("priority")), referredOn, waitlistedOn,
                            ChronoUnit.DAYS.between(referredOn, asOf), ChronoUnit.DAYS.between(waitlistedOn, asOf),
                            WaitRules.breaches6WeeksOn(referredOn), WaitRules.breaches18WeeksOn(referredOn), null, null);
                }, asOf, asOf);
        long over6 = entries.stream().filter(e -> !OutcomeRules.withinSixWeeks(e.daysSinceReferral())).count();
        long over18 = entries.stream().filter(e -> !OutcomeRules.withinEighteenWeeks(e.daysSinceReferral())).count();
        long breaching6 = entries.stream()
                .filter(e -> WaitRules.breachingWithinWarning(e.daysSinceReferral(), OutcomeRules.SIX_WEEKS_DAYS)).count();
        long breaching18 = entries.stream()
                .filter(e -> WaitRules.breachingWithinWarning(e.daysSinceReferral(), OutcomeRules.EIGHTEEN_WEEKS_DAYS)).count();
        return new WaitingList(asOf, entries.size(), over6, over18, share(over6, entries.size()), share(over18, entries.size()),
                median(entries.stream().mapToLong(WaitingList.Entry::daysSinceReferral).sorted().toArray()), breaching6,
                breaching18, entries);
    }

    /**
     * Referred by the end of the date and neither assessed (waitlisted, or ended as not suitable on the assessment
     * date) nor ended by then. An episode that is not waitlisted leaves this table only by ending, so {@code left_on} is
     * its ending.
     */
    @QueryHandler
    AwaitingAssessment handle(FindAwaitingAssessment query) {
        LocalDate asOf = query.asOf();
        List<AwaitingAssessment.Entry> entries = jdbc.query("""
                SELECT episode_id, priority, referred_on FROM waiting_list_entry
                 WHERE referred_on <= ? AND (waitlisted_on IS NULL OR waitlisted_on > ?) AND (left_on IS NULL OR left_on > ?)
                 ORDER BY CASE priority WHEN 'URGENT' THEN 0 ELSE 1 END, referred_on, episode_id""",
                (rs, i) -> {
                    LocalDate referredOn = rs.getObject("referred_on", LocalDate.class);
                    return new AwaitingAssessment.Entry(rs.getObject("episode_id", UUID.class),
                            Priority.valueOf(rs.getString("priority")), referredOn, ChronoUnit.DAYS.between(referredOn, asOf));
                }, asOf, asOf, asOf);
        return new AwaitingAssessment(asOf, entries.size(), entries);
    }

    private static Double share(long part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    static Double median(long[] sorted) {
        if (sorted.length == 0) {
            return null;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}
