package org.dit.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A signed statement about the hash chain at one moment, as stored and as exported to auditors: checkpoint
 * {@code sequence}, made at {@code createdAt}, saw the chain's head at {@code chainPosition} with {@code linkedEvents}
 * links and hash {@code headHash}; every event up to {@code coveredGlobalIndex} was linked at or before the head, and
 * no event above {@code highestGlobalIndex} was in the log. {@code keyId} names the Ed25519 key whose
 * {@code signature} (base64) covers {@link #signedBytes()}.
 */
record Checkpoint(long sequence, Instant createdAt, long chainPosition, long linkedEvents, String headHash,
                  long coveredGlobalIndex, long highestGlobalIndex, String keyId, String signature) {

    static final String COLUMNS = """
            sequence, created_at, chain_position, linked_events, head_hash, covered_global_index, highest_global_index,
            key_id, signature""";

    private static final byte[] DOMAIN = "dit-audit-checkpoint/1".getBytes(StandardCharsets.US_ASCII);

    static Checkpoint read(ResultSet rs) throws SQLException {
        return new Checkpoint(rs.getLong("sequence"), rs.getTimestamp("created_at").toInstant(), rs.getLong("chain_position"),
                rs.getLong("linked_events"), HexFormat.of().formatHex(rs.getBytes("head_hash")),
                rs.getLong("covered_global_index"), rs.getLong("highest_global_index"), rs.getString("key_id"),
                Base64.getEncoder().encodeToString(rs.getBytes("signature")));
    }

    /**
     * What the signature covers, each field in order: the text {@code dit-audit-checkpoint/1}, sequence, createdAt in
     * epoch milliseconds, chainPosition, linkedEvents, the head hash's 32 bytes, coveredGlobalIndex, highestGlobalIndex,
     * keyId. Integers are 8-byte big-endian; text and bytes are preceded by their length as a 4-byte big-endian integer
     * (as in {@link ChainLink}).
     */
    byte[] signedBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(160);
        bytes(out, DOMAIN);
        number(out, sequence);
        number(out, createdAt.toEpochMilli());
        number(out, chainPosition);
        number(out, linkedEvents);
        bytes(out, headHashBytes());
        number(out, coveredGlobalIndex);
        number(out, highestGlobalIndex);
        bytes(out, keyId.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    byte[] headHashBytes() {
        return HexFormat.of().parseHex(headHash);
    }

    byte[] signatureBytes() {
        return Base64.getDecoder().decode(signature);
    }

    Checkpoint signedWith(CheckpointKeys keys) {
        Checkpoint unsigned = new Checkpoint(sequence, createdAt, chainPosition, linkedEvents, headHash, coveredGlobalIndex,
                highestGlobalIndex, keys.signingKeyId(), "");
        return new Checkpoint(sequence, createdAt, chainPosition, linkedEvents, headHash, coveredGlobalIndex,
                highestGlobalIndex, keys.signingKeyId(), Base64.getEncoder().encodeToString(keys.sign(unsigned.signedBytes())));
    }

    CheckpointKeys.Check checkWith(CheckpointKeys keys) {
        return keys.verify(keyId, signedBytes(), signatureBytes());
    }

    /** The fields an auditor's copy must hold for verify to read it; the reason when it does not. */
    String unreadable() {
        if (createdAt == null || headHash == null || keyId == null || signature == null) {
            return "createdAt, headHash, keyId and signature are required";
        }
        if (!headHash.matches("[0-9a-fA-F]{64}")) {
            return "headHash must be 64 hexadecimal digits";
        }
        try {
            Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return "signature must be base64";
        }
        return null;
    }

    private static void number(ByteArrayOutputStream out, long value) {
        out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
    }

    private static void bytes(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(value.length).array());
        out.writeBytes(value);
    }
}
