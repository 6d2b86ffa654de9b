package org.dit.command.client;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.dit.command.web.CommandRunner;
import org.dit.events.ClientId;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The client commands. A new client's id comes from {@link CommandRunner#newId}, so a repeat with the same
 * Idempotency-Key names the same client.
 */
@RestController
@RequestMapping("/api/clients")
@Tag(name = "Client commands", description = "Register clients, correct their details, erase them")
class ClientController {

    private final CommandRunner runner;

    ClientController(CommandRunner runner) {
        this.runner = runner;
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "registerClient", summary = "Register a client (409 client-exists, naming them, when the NHS number is registered)")
    @ApiResponse(responseCode = "201", description = "Registered: the new client's id",
            headers = @Header(name = "Location", required = true, description = "/api/clients/{clientId}", schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = ClientAnswers.Recorded.class)))
    ResponseEntity<Object> register(@Valid @RequestBody ClientRequests.Registration body, HttpServletRequest request) {
        ClientId clientId = new ClientId(runner.newId(request, "clientId"));
        return runner.run(request, body, new RegisterClient(clientId, body.details()),
                result -> ResponseEntity.created(URI.create("/api/clients/" + clientId))
                        .body(new ClientAnswers.Recorded(clientId.value())));
    }

    @PostMapping("/{clientId}/details")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "correctClientDetails", summary = "Correct the client's details (they replace the earlier ones; a new event, the old stays in the log)")
    @ApiResponse(responseCode = "200", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ClientAnswers.Recorded.class)))
    ResponseEntity<Object> correct(@PathVariable UUID clientId, @Valid @RequestBody ClientRequests.Correction body,
                                   HttpServletRequest request) {
        return runner.run(request, body, new CorrectClientDetails(new ClientId(clientId), body.details(), body.reason()),
                result -> ResponseEntity.ok(new ClientAnswers.Recorded(clientId)));
    }

    @PostMapping("/{clientId}/erasure-approval")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Approve erasing a client registered in error (an administrator other than the approver erases)")
    @ApiResponse(responseCode = "200", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ClientAnswers.Recorded.class)))
    ResponseEntity<Object> approveErasure(@PathVariable UUID clientId, @Valid @RequestBody ClientRequests.ErasureApproval body,
                                          HttpServletRequest request) {
        return runner.run(request, body, new ApproveClientErasure(new ClientId(clientId), body.reason()),
                result -> ResponseEntity.ok(new ClientAnswers.Recorded(clientId)));
    }

    @PostMapping("/{clientId}/erasure")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Erase the client's personal data by destroying their data key: after the retention period "
            + "(409 retention-not-reached before), or at once for a record registered in error with a supervisor's approval")
    @ApiResponse(responseCode = "200", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ClientAnswers.Recorded.class)))
    ResponseEntity<Object> erase(@PathVariable UUID clientId, @Valid @RequestBody ClientRequests.Erasure body,
                                 HttpServletRequest request) {
        return runner.run(request, body, new EraseClient(new ClientId(clientId), body.reason(), body.registeredInError()),
                result -> ResponseEntity.ok(new ClientAnswers.Recorded(clientId)));
    }
}
