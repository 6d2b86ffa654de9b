package org.dit.query.caseload;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.dit.query.NotFound;
import org.dit.query.client.ClientLabels;
import org.dit.query.web.ReadModelHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/caseloads")
@Tag(name = "Caseloads", description = "Therapists' active episodes with progress and flags")
class CaseloadController {

    private final QueryGateway queries;
    private final ReadModelHeaders headers;

    CaseloadController(QueryGateway queries, ReadModelHeaders headers) {
        this.queries = queries;
        this.headers = headers;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'REPORTING')")
    @Operation(summary = "Every therapist's caseload in summary")
    List<CaseloadSummary> caseloads(HttpServletResponse response) {
        headers.describe(response, CaseloadProjection.NAME);
        return queries.query(new FindCaseloads(), ResponseTypes.multipleInstancesOf(CaseloadSummary.class)).join();
    }

    @GetMapping("/{therapistId}")
    @PreAuthorize("@access.ownCaseload(authentication, #therapistId)")
    @Operation(summary = "One therapist's active episodes: phase, sessions, next session, focus, latest scores, flags")
    Caseload caseload(@PathVariable UUID therapistId, HttpServletResponse response) {
        headers.describe(response, CaseloadProjection.NAME);
        Optional<Caseload> caseload = queries.query(new FindCaseload(therapistId),
                ResponseTypes.optionalInstanceOf(Caseload.class)).join();
        Caseload found = caseload.orElseThrow(() -> new NotFound("No such therapist", "no therapist " + therapistId));
        return found.withClients(ClientLabels.find(queries, found.entries().stream().map(Caseload.Entry::clientId).toList()));
    }
}
