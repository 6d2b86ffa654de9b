package org.dit.query.therapists;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.dit.query.web.ReadModelHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Therapists")
class TherapistsController {

    private final QueryGateway queries;
    private final ReadModelHeaders headers;

    TherapistsController(QueryGateway queries, ReadModelHeaders headers) {
        this.queries = queries;
        this.headers = headers;
    }

    @GetMapping("/api/therapists")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    @Operation(summary = "Every therapist: accreditation, whether active, maximum caseload and the episodes held now")
    List<TherapistSummary> therapists(HttpServletResponse response) {
        headers.describe(response, TherapistsProjection.NAME);
        return queries.query(new FindTherapists(), ResponseTypes.multipleInstancesOf(TherapistSummary.class)).join();
    }
}
