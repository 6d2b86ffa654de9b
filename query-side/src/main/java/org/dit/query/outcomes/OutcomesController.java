package org.dit.query.outcomes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.dit.query.InvalidQuery;
import org.dit.query.NotFound;
import org.dit.query.client.ClientDemographics;
import org.dit.query.client.ClientDemographicsFound;
import org.dit.query.client.FindClientDemographics;
import org.dit.query.web.ReadModelHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/outcomes")
@Tag(name = "Outcomes", description = "NHS Talking Therapies metrics over a period (docs/design.md §3)")
class OutcomesController {

    private final QueryGateway queries;
    private final ReadModelHeaders headers;
    private final Clock clock;

    OutcomesController(QueryGateway queries, ReadModelHeaders headers, Clock clock) {
        this.queries = queries;
        this.headers = headers;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'REPORTING')")
    @Operation(summary = "Counts and rates over [from, to], both inclusive; by default the last 12 calendar months up to today",
            description = "Referrals, first and second treatments by their dates; endings, finished courses, recovery, "
                    + "reliable change and waits over the episodes that ended in the period. " + OutcomeRules.GAD7_NOTE)
    OutcomeReport outcomes(@Parameter(description = "default: the first day of the month 11 months before to's",
                                      example = "2026-01-01")
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @Parameter(description = "default: today in DIT_ZONE", example = "2026-12-31")
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                           @RequestParam(required = false) UUID therapistId,
                           @Parameter(description = "an equality breakdown: ethnicity (broad groups), gender, ageBand "
                                   + "(age at referral) or therapist; a group of fewer than 5 episodes is suppressed",
                                   example = "ethnicity")
                           @RequestParam(required = false) String groupBy, HttpServletResponse response) {
        ReportPeriod period = ReportPeriod.resolve(from, to, LocalDate.now(clock));
        GroupBy by = groupBy == null ? null : parse(groupBy);
        headers.describe(response, OutcomesProjection.NAME);
        Map<UUID, String> groupOfEpisode = by != null && by.demographic()
                ? groupsOfEpisodes(by, period, therapistId) : Map.of();
        return queries.query(new FindOutcomes(period.from(), period.to(), therapistId, by, groupOfEpisode),
                ResponseTypes.instanceOf(OutcomeReport.class)).join();
    }

    private static GroupBy parse(String groupBy) {
        try {
            return GroupBy.parse(groupBy);
        } catch (IllegalArgumentException e) {
            throw new InvalidQuery("groupBy", "must be one of ethnicity, gender, ageBand, therapist");
        }
    }

    /** Each counted episode's group, from its client's demographics (opened in the client read model, never stored here). */
    private Map<UUID, String> groupsOfEpisodes(GroupBy by, ReportPeriod period, UUID therapistId) {
        OutcomeEpisodes episodes = queries.query(new FindOutcomeEpisodes(period.from(), period.to(), therapistId),
                ResponseTypes.instanceOf(OutcomeEpisodes.class)).join();
        Set<UUID> clients = episodes.episodes().stream().map(OutcomeEpisodes.Episode::clientId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<UUID, ClientDemographics> demographics = clients.isEmpty() ? Map.of()
                : queries.query(new FindClientDemographics(clients), ResponseTypes.instanceOf(ClientDemographicsFound.class))
                        .join().byClient();
        Map<UUID, String> groups = new HashMap<>();
        episodes.episodes().forEach(e -> groups.put(e.episodeId(),
                by.groupOf(e.clientId() == null ? null : demographics.get(e.clientId()), e.referredOn())));
        return groups;
    }

    @GetMapping("/monthly")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'REPORTING')")
    @Operation(summary = "One row per calendar month of [from, to] (at most 240), months without endings included",
            description = "Each row is the report of its month cut to [from, to]; by default the last 12 calendar months "
                    + "up to today. " + OutcomeRules.GAD7_NOTE)
    List<OutcomeReport> monthly(@Parameter(description = "default: the first day of the month 11 months before to's",
                                           example = "2026-01-01")
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @Parameter(description = "default: today in DIT_ZONE", example = "2026-12-31")
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                HttpServletResponse response) {
        ReportPeriod period = ReportPeriod.resolve(from, to, LocalDate.now(clock)).requireMonthsAtMost(ReportPeriod.MAX_MONTHS);
        headers.describe(response, OutcomesProjection.NAME);
        return queries.query(new FindMonthlyOutcomes(period.from(), period.to()),
                ResponseTypes.multipleInstancesOf(OutcomeReport.class)).join();
    }

    @GetMapping("/episodes/{episodeId}")
    @PreAuthorize("@access.clinicianOf(authentication, #episodeId)")
    @Operation(operationId = "episodeOutcome",
            summary = "One episode's outcome: finished, paired, caseness, recovery, reliable change, waits, end code",
            description = OutcomeRules.GAD7_NOTE)
    EpisodeOutcome episode(@PathVariable UUID episodeId, HttpServletResponse response) {
        headers.describe(response, OutcomesProjection.NAME, episodeId);
        Optional<EpisodeOutcome> outcome = queries.query(new FindEpisodeOutcome(episodeId),
                ResponseTypes.optionalInstanceOf(EpisodeOutcome.class)).join();
        return outcome.orElseThrow(() -> new NotFound("No such episode", "no episode " + episodeId));
    }

}
