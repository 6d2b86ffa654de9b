package org.dit.query.admin;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dit.query.NotFound;
import org.dit.query.QueryRefused;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/projections")
@Tag(name = "Projection administration")
class ProjectionAdminController {

    private final ProjectionAdmin admin;

    ProjectionAdminController(ProjectionAdmin admin) {
        this.admin = admin;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Each projection's position against the head of the log")
    List<ProjectionAdmin.ProjectionStatus> projections() {
        return admin.statuses();
    }

    @Schema(name = "ReplayAnswer", description = "The rebuild has started; GET /api/admin/projections shows its progress")
    record ReplayStarted(String projection, @Schema(allowableValues = "started") String replay) {
    }

    @PostMapping("/{name}/replay")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Rebuild a read model from the whole event log (answers at once; the rebuild runs in the background)")
    @ApiResponse(responseCode = "202", description = "Started",
            headers = @Header(name = "Location", required = true, description = "/api/admin/projections", schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = ReplayStarted.class)))
    @ApiResponse(responseCode = "409", description = "Another node holds segments of the projection (projection-claimed-elsewhere)")
    ResponseEntity<Object> replay(@PathVariable String name) {
        switch (admin.replay(name)) {
            case UNKNOWN_PROJECTION -> throw new NotFound("No such projection",
                    "no projection named " + name + "; known: " + admin.names());
            case SEGMENTS_CLAIMED_ELSEWHERE -> throw new QueryRefused(409, "projection-claimed-elsewhere",
                    "The projection is running on another node",
                    "another node holds segments of " + name + "; a rebuild needs all of them: send the request to the "
                            + "node that holds them (GET /api/admin/projections shows segmentsClaimed per node)");
            case STARTED -> {
            }
        }
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections"))
                .body(new ReplayStarted(name, "started"));
    }
}
