package org.dit.query.admin;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
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
    @Operation(summary = "Each projection's position against the head of the log")
    List<ProjectionAdmin.ProjectionStatus> projections() {
        return admin.statuses();
    }

    @PostMapping("/{name}/replay")
    @Operation(summary = "Rebuild a read model from the whole event log (answers at once; the rebuild runs in the background)")
    ResponseEntity<Object> replay(@PathVariable String name) {
        switch (admin.replay(name)) {
            case UNKNOWN_PROJECTION -> throw problem(HttpStatus.NOT_FOUND, "/problems/not-found", "No such projection",
                    "no projection named " + name + "; known: " + ProjectionAdmin.PROJECTIONS);
            case SEGMENTS_CLAIMED_ELSEWHERE -> throw problem(HttpStatus.CONFLICT, "/problems/projection-claimed-elsewhere",
                    "The projection is running on another node",
                    "another node holds segments of " + name + "; a rebuild needs all of them: send the request to the "
                            + "node that holds them (GET /api/admin/projections shows segmentsClaimed per node)");
            case STARTED -> {
            }
        }
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections"))
                .body(Map.of("projection", name, "replay", "started"));
    }

    private static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(type));
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
