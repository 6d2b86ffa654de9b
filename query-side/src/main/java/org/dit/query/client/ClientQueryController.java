package org.dit.query.client;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.dit.events.client.NhsNumber;
import org.dit.query.InvalidQuery;
import org.dit.query.NotFound;
import org.dit.query.web.ReadModelHeaders;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Finding clients and reading one; every answer names the clients it holds, so the access log records them. */
@RestController
@RequestMapping("/api/clients")
@Tag(name = "Client queries", description = "Search by NHS number or by family name and date of birth; one client with their episodes")
class ClientQueryController {

    static final int MAX_PAGE_SIZE = 100;

    private final QueryGateway queryGateway;
    private final ReadModelHeaders headers;
    private final ClientReadScope scope;

    ClientQueryController(QueryGateway queryGateway, ReadModelHeaders headers, ClientReadScope scope) {
        this.queryGateway = queryGateway;
        this.headers = headers;
        this.scope = scope;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'THERAPIST')")
    @Operation(summary = "Find clients by NHS number, or by family name and date of birth (a therapist finds only the "
            + "clients of episodes allocated to them)")
    ClientPage search(@Parameter(example = "9434765919") @RequestParam(required = false) String nhsNumber,
                      @Parameter(example = "Example") @RequestParam(required = false) String familyName,
                      @Parameter(example = "1990-05-17") @RequestParam(required = false)
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateOfBirth,
                      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                      Authentication authentication, HttpServletResponse response) {
        boolean byNhsNumber = nhsNumber != null && !nhsNumber.isBlank();
        boolean byName = (familyName != null && !familyName.isBlank()) || dateOfBirth != null;
        if (byNhsNumber == byName) {
            throw new InvalidQuery("nhsNumber", "give nhsNumber, or familyName and dateOfBirth (not both)");
        }
        if (byNhsNumber && !NhsNumber.isValid(NhsNumber.normalise(nhsNumber))) {
            throw new InvalidQuery("nhsNumber", "is not a valid NHS number (ten digits, the last a modulus-11 check digit)");
        }
        if (byName && (familyName == null || familyName.isBlank())) {
            throw new InvalidQuery("familyName", "is required with dateOfBirth");
        }
        if (byName && dateOfBirth == null) {
            throw new InvalidQuery("dateOfBirth", "is required with familyName");
        }
        if (page < 0) {
            throw new InvalidQuery("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidQuery("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        headers.describe(response, ClientViewProjection.NAME);
        UUID therapist = scope.allocatedTherapist(authentication).orElse(null);
        return queryGateway.query(new FindClients(byNhsNumber ? nhsNumber : null, byName ? familyName : null,
                dateOfBirth, therapist, page, size), ResponseTypes.instanceOf(ClientPage.class)).join();
    }

    @GetMapping("/{clientId}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR') or @access.therapistOfClient(authentication, #clientId)")
    @Operation(summary = "One client: details (null when unregistered or forgotten) and every episode, open and ended")
    ClientView client(@PathVariable UUID clientId, HttpServletResponse response) {
        headers.describe(response, ClientViewProjection.NAME);
        Optional<ClientView> view = queryGateway.query(new FindClient(clientId),
                ResponseTypes.optionalInstanceOf(ClientView.class)).join();
        return view.orElseThrow(() -> new NotFound("No such client",
                "no client " + clientId + " in the read model (a registration just made may take a moment to appear)"));
    }
}
