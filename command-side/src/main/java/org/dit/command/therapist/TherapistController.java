package org.dit.command.therapist;

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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.dit.command.web.CommandRunner;
import org.dit.events.TherapistId;
import org.dit.events.therapist.Accreditation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Registers therapists. The new therapist's id comes from {@link CommandRunner#newId}, so a repeat with the same
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
}
