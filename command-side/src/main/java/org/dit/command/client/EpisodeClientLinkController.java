package org.dit.command.client;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.dit.command.web.CommandRunner;
import org.dit.events.ClientId;
import org.dit.events.EpisodeId;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Links an episode referred before clients were registered to its registered client (a new event on the episode). */
@RestController
@Tag(name = "Client commands")
class EpisodeClientLinkController {

    private final CommandRunner runner;

    EpisodeClientLinkController(CommandRunner runner) {
        this.runner = runner;
    }

    @Schema(name = "ClientLink")
    record Link(@Schema(example = "5f0c7d5e-2b8a-4c61-9a57-3f1f2d3c4b5a") @NotNull UUID clientId) {
    }

    @PostMapping("/api/episodes/{episodeId}/client-link")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Link an episode of an unregistered client (referred before clients were registered) to a registered client")
    @ApiResponse(responseCode = "200", description = "Linked",
            content = @Content(schema = @Schema(implementation = ClientAnswers.Linked.class)))
    ResponseEntity<Object> link(@PathVariable UUID episodeId, @Valid @RequestBody Link body, HttpServletRequest request) {
        return runner.run(request, body, new LinkEpisodeToClient(new EpisodeId(episodeId), new ClientId(body.clientId())),
                result -> ResponseEntity.ok(new ClientAnswers.Linked(episodeId, body.clientId())));
    }
}
