package org.dit.query.waitinglist;

import java.time.Clock;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.dit.query.client.ClientLabels;
import org.dit.query.web.ClientIdentifiers;
import org.dit.query.web.ReadModelHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Waiting list")
class WaitingListController {

    private final QueryGateway queries;
    private final ReadModelHeaders headers;
    private final Clock clock;

    WaitingListController(QueryGateway queries, ReadModelHeaders headers, Clock clock) {
        this.queries = queries;
        this.headers = headers;
        this.clock = clock;
    }

    @GetMapping("/api/waiting-list")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'REPORTING')")
    @Operation(summary = "The waiting list as it stood on a clinic date: URGENT first, then oldest referral",
            description = "With each client's 6- and 18-week breach dates, and how many breach within 14 days. "
                    + "Reporting gets the same figures without episode or client ids.")
    WaitingList waitingList(@Parameter(description = "clinic date, default today in DIT_ZONE", example = "2026-06-01")
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                            HttpServletResponse response, Authentication caller) {
        headers.describe(response, WaitingListProjection.NAME);
        WaitingList list = queries.query(new FindWaitingList(dateOrToday(asOf)), ResponseTypes.instanceOf(WaitingList.class))
                .join();
        return ClientIdentifiers.mayBeShownTo(caller)
                ? list.withClients(ClientLabels.find(queries, list.entries().stream().map(WaitingList.Entry::clientId).toList()))
                : list.withoutIdentifiers();
    }

    @GetMapping("/api/referrals/awaiting-assessment")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'REPORTING')")
    @Operation(summary = "Referrals not yet assessed at the end of a clinic date: URGENT first, then oldest referral",
            description = "Nobody waits unseen. Reporting gets the same rows without episode ids.")
    AwaitingAssessment awaitingAssessment(@Parameter(description = "clinic date, default today in DIT_ZONE",
                                                     example = "2026-06-01")
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                          LocalDate asOf, HttpServletResponse response, Authentication caller) {
        headers.describe(response, WaitingListProjection.NAME);
        AwaitingAssessment list = queries.query(new FindAwaitingAssessment(dateOrToday(asOf)),
                ResponseTypes.instanceOf(AwaitingAssessment.class)).join();
        return ClientIdentifiers.mayBeShownTo(caller) ? list : list.withoutIdentifiers();
    }

    private LocalDate dateOrToday(LocalDate asOf) {
        return asOf == null ? LocalDate.now(clock) : asOf;
    }
}
