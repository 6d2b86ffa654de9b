package org.dit.query.risk;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.dit.events.client.ClientErased;
import org.dit.events.episode.EpisodeEvent;
import org.dit.events.episode.EpisodeStatus;
import org.dit.events.episode.Priority;
import org.dit.query.facts.EpisodeFacts;
import org.dit.query.facts.FactsBatch;
import org.dit.query.facts.FactsJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The risk worklist: every episode's facts, with the columns that find today's candidates (an open indication, a
 * review date, an URGENT referral awaiting assessment). Whether a date has passed is decided when the list is read,
 * so the list is right on any day without an event to prompt it.
 */
@Component
@ProcessingGroup(RiskWorklistProjection.NAME)
class RiskWorklistProjection {

    static final String NAME = "risk-worklist";

    private static final String UPSERT = """
            INSERT INTO risk_worklist_episode (episode_id, open_indication, review_by, urgent_referred_on, facts, last_sequence,
                   client_id)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (episode_id) DO UPDATE SET open_indication = excluded.open_indication, client_id = excluded.client_id,
                   review_by = excluded.review_by, urgent_referred_on = excluded.urgent_referred_on,
                   facts = excluded.facts, last_sequence = excluded.last_sequence""";

    private final JdbcTemplate jdbc;

    RiskWorklistProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The erased client's episodes keep their facts, without their personal data. */
    @EventHandler
    void on(ClientErased event) {
        FactsBatch.forgetClient(jdbc, "risk_worklist_episode", event.clientId().value());
    }

    @EventHandler
    void on(EpisodeEvent event, @SequenceNumber long sequence) {
        FactsBatch.advance(jdbc, "risk_worklist_episode", UPSERT, RiskWorklistProjection::row, event, sequence);
    }

    private static Object[] row(EpisodeFacts facts) {
        LocalDate reviewBy = facts.status() == EpisodeStatus.ENDED ? null
                : facts.latestRiskAssessment().map(EpisodeFacts.RiskAssessmentFact::reviewBy).orElse(null);
        LocalDate urgentReferredOn = facts.priority() == Priority.URGENT && RiskWorklistRules.awaitingAnyAssessment(facts)
                ? facts.referredOn() : null;
        return new Object[] {facts.episodeId(), !facts.openRiskIndications().isEmpty(), reviewBy, urgentReferredOn,
                FactsJson.write(facts), facts.lastSequence(), facts.clientId()};
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM risk_worklist_episode");
    }

    @QueryHandler
    RiskWorklist handle(FindRiskWorklist query) {
        LocalDate today = query.asOf();
        int days = query.urgentAssessmentDays();
        List<RiskWorklist.Entry> entries = jdbc.query("""
                SELECT episode_id, facts FROM risk_worklist_episode
                 WHERE open_indication OR review_by < ? OR urgent_referred_on < ?""",
                (rs, i) -> RiskWorklistRules.entry(FactsJson.read(rs.getString("facts"), rs.getObject("episode_id", UUID.class)),
                        today, days), today, today.minusDays(days))
                .stream().flatMap(Optional::stream).sorted(RiskWorklistRules.MOST_URGENT_FIRST).toList();
        return new RiskWorklist(today, days, entries.size(), entries);
    }
}
