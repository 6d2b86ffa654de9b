package org.dit.query.risk;

import java.time.Clock;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.dit.query.web.ReadModelHeaders;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Risk", description = "The supervisor's worklist of clients whose risk needs attention")
class RiskWorklistController {

    private final QueryGateway queries;
    private final ReadModelHeaders headers;
    private final Clock clock;
    private final int urgentAssessmentDays;

    RiskWorklistController(QueryGateway queries, ReadModelHeaders headers, Clock clock,
                           @Value("${dit.urgent.assessment-days:7}") int urgentAssessmentDays) {
        if (urgentAssessmentDays < 0) {
            throw new IllegalArgumentException("dit.urgent.assessment-days must be 0 or more, not " + urgentAssessmentDays);
        }
        this.queries = queries;
        this.headers = headers;
        this.clock = clock;
        this.urgentAssessmentDays = urgentAssessmentDays;
    }

    @GetMapping("/api/risk")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @Operation(summary = "Open PHQ-9 item-9 indications, overdue risk reviews and URGENT referrals not assessed in time; most urgent first")
    RiskWorklist worklist(HttpServletResponse response) {
        headers.describe(response, RiskWorklistProjection.NAME);
        return queries.query(new FindRiskWorklist(LocalDate.now(clock), urgentAssessmentDays),
                ResponseTypes.instanceOf(RiskWorklist.class)).join();
    }
}
