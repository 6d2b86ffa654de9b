package org.dit.command.therapist;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.dit.command.web.CommandRunner;
import org.dit.events.EpisodeId;
import org.dit.events.TherapistId;
import org.dit.events.therapist.Accreditation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Registers therapists and changes how they work: their maximum caseload, and their leaving. The new therapist's id comes from {@link CommandRunner#newId}, so a repeat with the same
 * Idempotency-Key builds the same command and answers the same id.
 */
@RestController
@RequestMapping("/api/therapists")
@Tag(name = "Therapists")
class TherapistController {

    private final CommandRunner runner;

    TherapistController(CommandRunner runner) {
        this.runner = runner;
    }

    @Schema(name = "TherapistRegistration")
    record Registration(
            @Schema(example = "Alex Example") @NotBlank @Size(max = 200) String name,
            @Schema(example = "QUALIFIED") @NotNull Accreditation accreditation,
            @Schema(nullable = true, description = "Required for IN_TRAINING: a registered qualified therapist") UUID supervisorId,
            @Schema(example = "12") @NotNull @Min(1) @Max(Therapist.MAX_CASELOAD_LIMIT) Integer maxCaseload) {
    }

    @Schema(name = "TherapistAnswer", description = "The registered therapist")
    record Registered(UUID therapistId) {
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Register a therapist")
    @ApiResponse(responseCode = "201", description = "Registered",
            headers = @Header(name = "Location", required = true, description = "/api/therapists/{therapistId}", schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = Registered.class)))
    ResponseEntity<Object> register(@Valid @RequestBody Registration body, HttpServletRequest request) {
        TherapistId therapistId = new TherapistId(runner.newId(request, "therapistId"));
        return runner.run(request, body, new RegisterTherapist(therapistId, body.name(), body.accreditation(),
                        body.supervisorId() == null ? null : new TherapistId(body.supervisorId()), body.maxCaseload()),
                result -> ResponseEntity.created(URI.create("/api/therapists/" + therapistId))
                        .body(new Registered(therapistId.value())));
    }

    @Schema(name = "MaxCaseloadAnswer", description = "The new maximum and the episodes the therapist holds now")
    record CaseloadChanged(UUID therapistId, int maxCaseload, int activeEpisodes, boolean overCapacity,
                           @Schema(nullable = true, description = "null unless the therapist holds more active episodes "
                                   + "than the new maximum") String warning) {
    }

    @Schema(name = "DeactivationAnswer", description = "The deactivated therapist and the open episodes still to be "
            + "reassigned")
    record Deactivated(UUID therapistId, @Schema(allowableValues = "false") boolean active, List<UUID> episodesToReassign) {
    }

    record MaxCaseload(@Schema(example = "10") @NotNull @Min(1) @Max(Therapist.MAX_CASELOAD_LIMIT) Integer maxCaseload) {
    }

    record Leaving(@Schema(example = "Left the service") @Size(max = 4000) String reason) {
    }

    @PostMapping("/{therapistId}/max-caseload")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Change the maximum caseload; below the episodes held now is allowed, and the answer says so")
    @ApiResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = CaseloadChanged.class)))
    ResponseEntity<Object> maxCaseload(@PathVariable UUID therapistId, @Valid @RequestBody MaxCaseload body,
                                       HttpServletRequest request) {
        return runner.run(request, body, new ChangeMaxCaseload(new TherapistId(therapistId), body.maxCaseload()), result -> {
            CaseloadChange change = (CaseloadChange) result;
            return ResponseEntity.ok(new CaseloadChanged(therapistId, change.maxCaseload(), change.activeEpisodes(),
                    change.overCapacity(), change.overCapacity() ? "the therapist holds " + change.activeEpisodes()
                    + " active episodes, more than the new maximum of " + change.maxCaseload()
                    + "; none is taken away, and no new client is allocated until the caseload is below the maximum" : null));
        });
    }

    @PostMapping("/{therapistId}/deactivation")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Deactivate a therapist: no new allocations; answers the open episodes still to be reassigned")
    @ApiResponse(responseCode = "200", description = "Deactivated",
            content = @Content(schema = @Schema(implementation = Deactivated.class)))
    ResponseEntity<Object> deactivate(@PathVariable UUID therapistId, @Valid @RequestBody(required = false) Leaving body,
                                      HttpServletRequest request) {
        Leaving given = body == null ? new Leaving(null) : body;
        return runner.run(request, given, new DeactivateTherapist(new TherapistId(therapistId), given.reason()), result -> {
            Deactivation deactivation = (Deactivation) result;
            return ResponseEntity.ok(new Deactivated(therapistId, false,
                    deactivation.episodesToReassign().stream().map(EpisodeId::value).toList()));
        });
    }
}
