package org.dit.query.admin;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dit.query.NotFound;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/dead-letters")
@Tag(name = "Projection administration")
class DeadLetterController {

    private final DeadLetterAdmin admin;

    DeadLetterController(DeadLetterAdmin admin) {
        this.admin = admin;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Events a projection could not apply, parked with their cause; one entry per parked episode")
    List<DeadLetterAdmin.ParkedEvent> parked() {
        return admin.parked();
    }

    @PostMapping("/{id}/retry")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Apply the parked episode's events again, in order, after the fault is fixed")
    DeadLetterAdmin.RetryOutcome retry(@PathVariable String id) {
        return admin.retry(id).orElseThrow(() -> new NotFound("No such dead letter",
                "no parked event with id " + id + " (GET /api/admin/dead-letters lists them)"));
    }
}
