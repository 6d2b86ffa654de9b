package org.dit.personaldata;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Key administration: rotating the master key. Nothing in the event log changes. */
@RestController
@RequestMapping("/api/admin/keys")
@Tag(name = "Administration")
class KeyAdminController {

    private static final Logger log = LoggerFactory.getLogger(KeyAdminController.class);

    private final KeyRotation rotation;

    KeyAdminController(KeyRotation rotation) {
        this.rotation = rotation;
    }

    @PostMapping("/rotation")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Re-wrap every data key and index key under the current master key (a generated key file gets a "
            + "new one first); the data keys, and so the log, stay as they are")
    KeyRotation.Rotation rotate() {
        KeyRotation.Rotation done = rotation.rotate();
        log.info("Master key rotation: every key now under master key {} ({} data keys and {} index keys re-wrapped, "
                + "{} still under another)", done.masterKeyId(), done.dataKeysRewrapped(), done.indexKeysRewrapped(),
                done.underOtherMasterKeys());
        return done;
    }
}
