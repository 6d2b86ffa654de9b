package org.dit.query.outcomes;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.dit.query.InvalidQuery;
import org.dit.query.NotFound;
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
@Tag(name = "Outcomes", description = "NHS Talking Therapies metrics over episodes that ended in a period (docs/design.md §3)")
class OutcomesController {

    private final QueryGateway queries;
    private final ReadModelHeaders headers;

    OutcomesController(QueryGateway queries, ReadModelHeaders headers) {
        this.queries = queries;
        this.headers = headers;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'REPORTING')")
    @Operation(summary = "Counts and rates over episodes that ended in [from, to], both inclusive")
    OutcomeReport outcomes(@Parameter(example = "2026-01-01") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @Parameter(example = "2026-12-31") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                           @RequestParam(required = false) UUID therapistId, HttpServletResponse response) {
        requireOrdered(from, to);
        headers.describe(response, OutcomesProjection.NAME);
        return queries.query(new FindOutcomes(from, to, therapistId), ResponseTypes.instanceOf(OutcomeReport.class)).join();
    }

    @GetMapping("/monthly")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'REPORTING')")
    @Operation(summary = "One row per month of ending with the counts and rates")
    List<OutcomeReport> monthly(@Parameter(example = "2026-01-01") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @Parameter(example = "2026-12-31") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                HttpServletResponse response) {
        requireOrdered(from, to);
        headers.describe(response, OutcomesProjection.NAME);
        return queries.query(new FindMonthlyOutcomes(from, to), ResponseTypes.multipleInstancesOf(OutcomeReport.class)).join();
    }

    @GetMapping("/episodes/{episodeId}")
    @PreAuthorize("@access.clinicianOf(authentication, #episodeId)")
    @Operation(summary = "One episode's outcome: finished, paired, caseness, recovery, reliable change, waits")
    EpisodeOutcome episode(@PathVariable UUID episodeId, HttpServletResponse response) {
        headers.describe(response, OutcomesProjection.NAME);
        Optional<EpisodeOutcome> outcome = queries.query(new FindEpisodeOutcome(episodeId),
                ResponseTypes.optionalInstanceOf(EpisodeOutcome.class)).join();
        return outcome.orElseThrow(() -> new NotFound("No such episode", "no episode " + episodeId));
    }

    private static void requireOrdered(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidQuery("to", "is before from");
        }
    }
}
