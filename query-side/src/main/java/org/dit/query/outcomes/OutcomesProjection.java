package org.dit.query.outcomes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.dit.events.client.ClientErased;
import org.dit.events.episode.EpisodeEvent;
import org.dit.query.history.EpisodeFacts;
import org.dit.query.history.FactsBatch;
import org.dit.query.history.FactsJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One row per episode with its NHS Talking Therapies outcome, recomputed from the episode's facts whenever one of
 * its events arrives; the period reports sum those rows over the episodes that ended in the period.
 */
@Component
@ProcessingGroup(OutcomesProjection.NAME)
class OutcomesProjection {

    static final String NAME = "outcomes";

    private static final String PERIOD_TOTALS = """
            count(*) AS ended,
            count(*) FILTER (WHERE finished) AS finished,
            count(*) FILTER (WHERE finished AND paired) AS paired_finished,
            count(*) FILTER (WHERE finished AND paired AND NOT at_caseness) AS not_at_caseness,
            count(*) FILTER (WHERE finished AND paired AND recovered) AS recovered,
            count(*) FILTER (WHERE finished AND paired AND reliable_improvement) AS reliably_improved,
            count(*) FILTER (WHERE finished AND paired AND reliable_recovery) AS reliably_recovered,
            count(*) FILTER (WHERE finished AND paired AND reliable_deterioration) AS reliably_deteriorated,
            count(*) FILTER (WHERE finished AND days_to_first_session <= %d) AS within_6_weeks,
            count(*) FILTER (WHERE finished AND days_to_first_session <= %d) AS within_18_weeks,
            count(*) FILTER (WHERE finished AND days_first_to_second > %d) AS over_28_days,
            count(*) FILTER (WHERE finished AND days_first_to_second > %d) AS over_90_days""".formatted(
            OutcomeRules.SIX_WEEKS_DAYS, OutcomeRules.EIGHTEEN_WEEKS_DAYS, OutcomeRules.HIDDEN_WAIT_DAYS,
            OutcomeRules.LONG_HIDDEN_WAIT_DAYS);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    OutcomesProjection(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The erased client's episodes keep their facts, without the focus wording. */
    @EventHandler
    void on(ClientErased event) {
        FactsBatch.forgetClient(jdbc, "outcome_episode", event.clientId().value());
    }

    @EventHandler
    void on(EpisodeEvent event, @SequenceNumber long sequence) {
        FactsBatch.advance(jdbc, "outcome_episode", UPSERT, this::row, event, sequence);
    }

    private static final String UPSERT = """
            INSERT INTO outcome_episode (episode_id, therapist_id, ended_on, finished, paired, at_caseness, recovered,
                   reliable_improvement, reliable_deterioration, reliable_recovery, first_phq9, last_phq9, first_gad7,
                   last_gad7, days_to_first_session, days_first_to_second, facts, last_sequence)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
            ON CONFLICT (episode_id) DO UPDATE SET therapist_id = excluded.therapist_id, ended_on = excluded.ended_on,
                   finished = excluded.finished, paired = excluded.paired, at_caseness = excluded.at_caseness,
                   recovered = excluded.recovered, reliable_improvement = excluded.reliable_improvement,
                   reliable_deterioration = excluded.reliable_deterioration,
                   reliable_recovery = excluded.reliable_recovery, first_phq9 = excluded.first_phq9,
                   last_phq9 = excluded.last_phq9, first_gad7 = excluded.first_gad7, last_gad7 = excluded.last_gad7,
                   days_to_first_session = excluded.days_to_first_session,
                   days_first_to_second = excluded.days_first_to_second, facts = excluded.facts,
                   last_sequence = excluded.last_sequence""";

    private Object[] row(EpisodeFacts facts) {
        EpisodeOutcome o = OutcomeRules.of(facts, clock.getZone());
        return new Object[] {facts.episodeId(), facts.therapistId(), facts.endedOn(), o.finishedCourse(), o.paired(),
                o.atCaseness(), o.recovered(), o.reliableImprovement(), o.reliableDeterioration(), o.reliableRecovery(),
                o.firstPhq9(), o.lastPhq9(), o.firstGad7(), o.lastGad7(), o.daysReferralToFirstSession(),
                o.daysFirstToSecondSession(), FactsJson.write(facts), facts.lastSequence()};
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM outcome_episode");
    }

    @QueryHandler
    Optional<EpisodeOutcome> handle(FindEpisodeOutcome query) {
        return FactsJson.load(jdbc, "outcome_episode", query.episodeId()).map(facts -> OutcomeRules.of(facts, clock.getZone()));
    }

    @QueryHandler
    OutcomeReport handle(FindOutcomes query) {
        List<Object> args = new ArrayList<>(List.of(query.from(), query.to()));
        String therapistFilter = "";
        if (query.therapistId() != null) {
            therapistFilter = " AND therapist_id = ?";
            args.add(query.therapistId());
        }
        return jdbc.queryForObject("SELECT " + PERIOD_TOTALS + "\n FROM outcome_episode WHERE ended_on BETWEEN ? AND ?"
                + therapistFilter, (rs, i) -> report(rs, null), args.toArray());
    }

    @QueryHandler
    List<OutcomeReport> handle(FindMonthlyOutcomes query) {
        return jdbc.query("SELECT to_char(date_trunc('month', ended_on), 'YYYY-MM') AS month, " + PERIOD_TOTALS + """

                 FROM outcome_episode WHERE ended_on BETWEEN ? AND ?
                 GROUP BY date_trunc('month', ended_on) ORDER BY date_trunc('month', ended_on)""",
                (rs, i) -> report(rs, rs.getString("month")), query.from(), query.to());
    }

    private static OutcomeReport report(ResultSet rs, String month) throws SQLException {
        return OutcomeReport.of(month, rs.getLong("ended"), rs.getLong("finished"), rs.getLong("paired_finished"),
                rs.getLong("not_at_caseness"), rs.getLong("recovered"), rs.getLong("reliably_improved"),
                rs.getLong("reliably_recovered"), rs.getLong("reliably_deteriorated"), rs.getLong("within_6_weeks"),
                rs.getLong("within_18_weeks"), rs.getLong("over_28_days"), rs.getLong("over_90_days"));
    }

}
