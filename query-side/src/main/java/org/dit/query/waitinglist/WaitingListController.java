package org.dit.query.waitinglist;

import java.time.Clock;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.dit.query.web.ReadModelHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
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
    @Operation(summary = "The waiting list as it stood on a clinic date: URGENT first, then oldest referral")
    WaitingList waitingList(@Parameter(description = "clinic date, default today in DIT_ZONE", example = "2026-06-01")
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                            HttpServletResponse response, Authentication caller) {
        headers.describe(response, WaitingListProjection.NAME);
        LocalDate date = asOf == null ? LocalDate.now(clock) : asOf;
        WaitingList list = queries.query(new FindWaitingList(date), ResponseTypes.instanceOf(WaitingList.class)).join();
        return mayIdentifyClients(caller) ? list : list.withoutIdentifiers();
    }

    /** Reporting sees aggregates only: the rows stay (waits, priorities), the ids that lead to a client do not. */
    private static boolean mayIdentifyClients(Authentication caller) {
        return caller != null && caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(role -> role.equals("ROLE_ADMIN") || role.equals("ROLE_SUPERVISOR"));
    }
}
