package org.dit.audit;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dit.query.InvalidQuery;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed checkpoints of the hash chain: exported for auditors to keep elsewhere, and written on demand. */
@RestController
@RequestMapping("/api/audit/checkpoints")
@Tag(name = "Audit", description = "The event log, as-of reconstruction, access log, tamper evidence and its signed checkpoints")
class CheckpointController {

    static final int MAX_PAGE = 10_000;

    private final Checkpoints checkpoints;
    private final CheckpointKeys keys;

    CheckpointController(Checkpoints checkpoints, CheckpointKeys keys) {
        this.checkpoints = checkpoints;
        this.keys = keys;
    }

    @GetMapping
    @PreAuthorize("hasRole('AUDITOR')")
    @Operation(summary = "The signed checkpoints in sequence order, to keep outside the service; resume with after = the last sequence read")
    List<Checkpoint> list(@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "1000") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidQuery("limit", "must be between 1 and " + MAX_PAGE);
        }
        return checkpoints.list(after, limit);
    }

    @PostMapping
    @PreAuthorize("hasRole('AUDITOR') or hasRole('ADMIN')")
    @Operation(summary = "Sign the chain's head now: 201 with the checkpoint; 409 when the chain does not check out or no key is configured")
    @ApiResponse(responseCode = "201", description = "Signed: the new checkpoint")
    @ApiResponse(responseCode = "409", description = "The chain does not check out, nothing is linked yet, the latest "
            + "checkpoint does not verify, no key is configured, or checkpoints are being written elsewhere: nothing signed")
    ResponseEntity<Checkpoint> write() {
        return ResponseEntity.status(HttpStatus.CREATED).body(checkpoints.write(false));
    }

    @GetMapping("/keys")
    @PreAuthorize("hasRole('AUDITOR')")
    @Operation(summary = "The public keys checkpoints are verified with (keyId, Ed25519, X.509 in base64), the signing key marked")
    List<CheckpointKeys.PublicKeyInfo> keys() {
        return keys.publicKeys();
    }
}
