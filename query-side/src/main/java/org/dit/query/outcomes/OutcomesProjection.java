package org.dit.query.outcomes;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.dit.events.client.ClientErased;
import org.dit.events.episode.EpisodeEvent;
import org.dit.query.facts.EpisodeFacts;
import org.dit.query.facts.FactsBatch;
import org.dit.query.facts.FactsJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One row per episode with its NHS Talking Therapies outcome and the dates that place it in a period (referral, first
 * and second attended session, ending), recomputed from the episode's facts whenever one of its events arrives; the
 * period reports count those rows, each count over its own population (docs/design.md §3).
 */
@Component
@ProcessingGroup(OutcomesProjection.NAME)
class OutcomesProjection {

    static final String NAME = "outcomes";

    /**
     * The counts of docs/design.md §3 per period and group. Each episode that touches a period (referred, first or
     * second attended session, or ended in it) is joined to it once, and each count takes its own population of those.
     * A period that nothing touches still gives its row, of zeros. The {@code %s} are, in order: a query giving rows
     * (month, p_from, p_to); the group of a breakdown (null for none); a filter of the join; a join supplying the group.
     */
    private static final String PERIOD_TOTALS = """
            WITH period AS (%s),
            hit AS (
                SELECT %s AS grp, o.episode_id, p.month, p.p_from, p.p_to, o.finished, o.paired, o.at_caseness, o.recovered,
                       o.reliable_improvement, o.reliable_recovery, o.reliable_deterioration, o.sessions_attended,
                       o.days_to_first_session, o.days_first_to_second,
                       o.referred_on BETWEEN p.p_from AND p.p_to AS referred_in,
                       o.first_session_on BETWEEN p.p_from AND p.p_to AS first_in,
                       o.second_session_on BETWEEN p.p_from AND p.p_to AS second_in,
                       o.ended_on BETWEEN p.p_from AND p.p_to AS ended_in
                  FROM period p LEFT JOIN outcome_episode o
                    ON (o.ended_on BETWEEN p.p_from AND p.p_to OR o.referred_on BETWEEN p.p_from AND p.p_to
                        OR o.first_session_on BETWEEN p.p_from AND p.p_to
                        OR o.second_session_on BETWEEN p.p_from AND p.p_to)%s%s
            )
            SELECT grp, month, p_from, p_to, count(episode_id) AS episodes,
                   count(*) FILTER (WHERE referred_in) AS referrals_received,
                   count(*) FILTER (WHERE first_in) AS first_treatments,
                   count(*) FILTER (WHERE ended_in) AS ended,
                   count(*) FILTER (WHERE ended_in AND sessions_attended = 0) AS ended_before_treatment,
                   count(*) FILTER (WHERE ended_in AND sessions_attended = 1) AS ended_after_one_session,
                   count(*) FILTER (WHERE ended_in AND finished) AS finished,
                   count(*) FILTER (WHERE ended_in AND finished AND paired) AS paired_finished,
                   count(*) FILTER (WHERE ended_in AND finished AND at_caseness IS FALSE) AS not_at_caseness,
                   count(*) FILTER (WHERE ended_in AND finished AND recovered) AS recovered,
                   count(*) FILTER (WHERE ended_in AND finished AND reliable_improvement) AS reliably_improved,
                   count(*) FILTER (WHERE ended_in AND finished AND reliable_recovery) AS reliably_recovered,
                   count(*) FILTER (WHERE ended_in AND finished AND reliable_deterioration) AS reliably_deteriorated,
                   count(*) FILTER (WHERE ended_in AND finished AND days_to_first_session <= %d) AS within_6_weeks,
                   count(*) FILTER (WHERE ended_in AND finished AND days_to_first_session <= %d) AS within_18_weeks,
                   count(*) FILTER (WHERE second_in) AS second_treatments,
                   count(*) FILTER (WHERE second_in AND days_first_to_second > %d) AS over_28_days,
                   count(*) FILTER (WHERE second_in AND days_first_to_second > %d) AS over_90_days
              FROM hit GROUP BY grp, month, p_from, p_to ORDER BY p_from, grp""";

    private static final String NO_GROUP = "CAST(NULL AS text)";

    /** The whole period as one row. */
    private static final String WHOLE_PERIOD = "SELECT CAST(NULL AS text) AS month, ?::date AS p_from, ?::date AS p_to";

    /** One row per calendar month the period touches, each cut to the period. */
    private static final String MONTHS_OF_PERIOD = """
            SELECT to_char(m, 'YYYY-MM') AS month, greatest(m::date, ?::date) AS p_from,
                   least((m + interval '1 month' - interval '1 day')::date, ?::date) AS p_to
              FROM generate_series(date_trunc('month', ?::timestamp), ?::timestamp, interval '1 month') m""";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    OutcomesProjection(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The erased client's episodes keep their facts, without their personal data. */
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
                   last_gad7, days_to_first_session, days_first_to_second, referred_on, first_session_on,
                   second_session_on, sessions_attended, end_reason, national_end_code, facts, last_sequence, client_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (episode_id) DO UPDATE SET therapist_id = excluded.therapist_id, ended_on = excluded.ended_on,
                   finished = excluded.finished, paired = excluded.paired, at_caseness = excluded.at_caseness,
                   recovered = excluded.recovered, reliable_improvement = excluded.reliable_improvement,
                   reliable_deterioration = excluded.reliable_deterioration,
                   reliable_recovery = excluded.reliable_recovery, first_phq9 = excluded.first_phq9,
                   last_phq9 = excluded.last_phq9, first_gad7 = excluded.first_gad7, last_gad7 = excluded.last_gad7,
                   days_to_first_session = excluded.days_to_first_session,
                   days_first_to_second = excluded.days_first_to_second, referred_on = excluded.referred_on,
                   first_session_on = excluded.first_session_on, second_session_on = excluded.second_session_on,
                   sessions_attended = excluded.sessions_attended, end_reason = excluded.end_reason,
                   national_end_code = excluded.national_end_code, facts = excluded.facts,
                   last_sequence = excluded.last_sequence, client_id = excluded.client_id""";

    private Object[] row(EpisodeFacts facts) {
        ZoneId zone = clock.getZone();
        EpisodeOutcome o = OutcomeRules.of(facts, zone);
        return new Object[] {facts.episodeId(), facts.therapistId(), facts.endedOn(), o.finishedCourse(), o.paired(),
                o.atCaseness(), o.recovered(), o.reliableImprovement(), o.reliableDeterioration(), o.reliableRecovery(),
                o.firstPhq9(), o.lastPhq9(), o.firstGad7(), o.lastGad7(), o.daysReferralToFirstSession(),
                o.daysFirstToSecondSession(), facts.referredOn(), facts.attendedSessionDate(1, zone).orElse(null),
                facts.attendedSessionDate(2, zone).orElse(null), facts.attendedSessions().size(),
                o.endReason() == null ? null : o.endReason().name(), o.nationalEndCode(), FactsJson.write(facts),
                facts.lastSequence(), facts.clientId()};
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
            therapistFilter = " AND o.therapist_id = ?";
            args.add(query.therapistId());
        }
        OutcomeReport whole = jdbc.queryForObject(totals(WHOLE_PERIOD, therapistFilter, NO_GROUP, ""),
                OutcomesProjection::report, args.toArray());
        if (query.groupBy() == null) {
            return whole;
        }
        String group;
        String join = "";
        if (query.groupBy().demographic()) {
            group = "coalesce(g.grp, '" + GroupBy.UNKNOWN + "')";
            join = " LEFT JOIN unnest(?::uuid[], ?::text[]) AS g(episode_id, grp) ON g.episode_id = o.episode_id";
            List<UUID> episodes = new ArrayList<>(query.groupOfEpisode().keySet());
            args.add(episodes.toArray(UUID[]::new));
            args.add(episodes.stream().map(query.groupOfEpisode()::get).toArray(String[]::new));
        } else {
            group = "coalesce(o.therapist_id::text, 'Not allocated')";
        }
        String sql = totals(WHOLE_PERIOD, therapistFilter, group, join);
        List<OutcomeGroup> groups = jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            for (int i = 0; i < args.size(); i++) {
                Object arg = args.get(i);
                if (arg instanceof UUID[] ids) {
                    statement.setArray(i + 1, connection.createArrayOf("uuid", ids));
                } else if (arg instanceof String[] texts) {
                    statement.setArray(i + 1, connection.createArrayOf("text", texts));
                } else {
                    statement.setObject(i + 1, arg);
                }
            }
            return statement;
        }, (rs, row) -> rs.getLong("episodes") == 0 ? null
                : OutcomeGroup.of(rs.getString("grp"), rs.getLong("episodes"), report(rs, row)));
        return whole.withGroups(query.groupBy(), groups.stream().filter(Objects::nonNull)
                .sorted(Comparator.comparing(OutcomeGroup::group)).toList());
    }

    @QueryHandler
    OutcomeEpisodes handle(FindOutcomeEpisodes query) {
        List<Object> args = new ArrayList<>(List.of(query.from(), query.to(), query.from(), query.to(), query.from(),
                query.to(), query.from(), query.to()));
        String therapistFilter = "";
        if (query.therapistId() != null) {
            therapistFilter = " AND therapist_id = ?";
            args.add(query.therapistId());
        }
        return new OutcomeEpisodes(jdbc.query("""
                SELECT episode_id, client_id, referred_on FROM outcome_episode
                 WHERE (ended_on BETWEEN ? AND ? OR referred_on BETWEEN ? AND ? OR first_session_on BETWEEN ? AND ?
                        OR second_session_on BETWEEN ? AND ?)""" + therapistFilter,
                (rs, row) -> new OutcomeEpisodes.Episode(rs.getObject("episode_id", UUID.class),
                        rs.getObject("client_id", UUID.class), rs.getObject("referred_on", LocalDate.class)),
                args.toArray()));
    }

    @QueryHandler
    List<OutcomeReport> handle(FindMonthlyOutcomes query) {
        return jdbc.query(totals(MONTHS_OF_PERIOD, "", NO_GROUP, ""), OutcomesProjection::report, query.from(), query.to(),
                query.from(), query.to());
    }

    private static String totals(String periods, String therapistFilter, String group, String join) {
        return PERIOD_TOTALS.formatted(periods, group, therapistFilter, join, OutcomeRules.SIX_WEEKS_DAYS,
                OutcomeRules.EIGHTEEN_WEEKS_DAYS, OutcomeRules.HIDDEN_WAIT_DAYS, OutcomeRules.LONG_HIDDEN_WAIT_DAYS);
    }

    private static OutcomeReport report(ResultSet rs, int row) throws SQLException {
        OutcomeReport.Counts counts = new OutcomeReport.Counts(rs.getLong("referrals_received"),
                rs.getLong("first_treatments"), rs.getLong("ended"), rs.getLong("ended_before_treatment"),
                rs.getLong("ended_after_one_session"), rs.getLong("finished"), rs.getLong("paired_finished"),
                rs.getLong("not_at_caseness"), rs.getLong("recovered"), rs.getLong("reliably_improved"),
                rs.getLong("reliably_recovered"), rs.getLong("reliably_deteriorated"), rs.getLong("within_6_weeks"),
                rs.getLong("within_18_weeks"), rs.getLong("second_treatments"), rs.getLong("over_28_days"),
                rs.getLong("over_90_days"));
        return OutcomeReport.of(rs.getString("month"), rs.getObject("p_from", LocalDate.class),
                rs.getObject("p_to", LocalDate.class), counts);
    }

}
