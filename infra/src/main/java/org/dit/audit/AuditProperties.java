package org.dit.audit;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Signed checkpoints of the hash chain (docs/security-and-audit.md, "Checkpoints").
 *
 * @param checkpointKey        the Ed25519 private key that signs checkpoints, PKCS#8 as PEM or base64
 *                             ({@code DIT_AUDIT_CHECKPOINT_KEY}); never stored in the database
 * @param checkpointKeyFile    a file holding that key instead ({@code DIT_AUDIT_CHECKPOINT_KEY_FILE}); with neither,
 *                             the embedded database's first start generates one in its data directory, and a service
 *                             on an external database writes no checkpoints
 * @param checkpointPublicKeys public keys (X.509, PEM or base64) of earlier signing keys, so that checkpoints signed
 *                             before a rotation still verify
 * @param checkpointInterval   how often a checkpoint is written, when the chain has grown since the last one
 * @param checkpointGrace      longer than any transaction that appends events may stay open, plus the clock skew
 *                             between nodes: a hole in the global index older than this no longer fills, and an event
 *                             that appears after a checkpoint cannot legitimately be older than it by more than this
 */
@ConfigurationProperties("dit.audit")
record AuditProperties(String checkpointKey, String checkpointKeyFile, @DefaultValue List<String> checkpointPublicKeys,
                       @DefaultValue("5m") Duration checkpointInterval, @DefaultValue("60s") Duration checkpointGrace) {
}
