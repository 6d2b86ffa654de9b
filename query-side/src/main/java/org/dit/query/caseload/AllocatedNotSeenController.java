package org.dit.query.caseload;

import java.time.Clock;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.dit.query.web.ClientIdentifiers;
import org.dit.query.web.ReadModelHeaders;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Allocated but not yet seen: answered from the caseload read model, which knows allocations and attendance. */
@RestController
@Tag(name = "Waiting list")
class AllocatedNotSeenController {

    private final QueryGateway queries;
    private final ReadModelHeaders headers;
    private final Clock clock;

    AllocatedNotSeenController(QueryGateway queries, ReadModelHeaders headers, Clock clock) {
        this.queries = queries;
        this.headers = headers;
        this.clock = clock;
    }

    @GetMapping("/api/waiting-list/allocated-not-seen")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'REPORTING')")
    @Operation(summary = "Clients allocated a therapist and not yet seen at the end of a clinic date: URGENT first, then "
            + "oldest referral", description = "Nobody waits unseen. Reporting gets the same rows without episode ids.")
    AllocatedNotSeen allocatedNotSeen(@Parameter(description = "clinic date, default today in DIT_ZONE", example = "2026-06-01")
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                      LocalDate asOf, HttpServletResponse response, Authentication caller) {
        headers.describe(response, CaseloadProjection.NAME);
        AllocatedNotSeen list = queries.query(new FindAllocatedNotSeen(asOf == null ? LocalDate.now(clock) : asOf),
                ResponseTypes.instanceOf(AllocatedNotSeen.class)).join();
        return ClientIdentifiers.mayBeShownTo(caller) ? list : list.withoutIdentifiers();
    }
}
