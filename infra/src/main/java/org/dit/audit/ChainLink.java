package org.dit.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One link of the hash chain: SHA-256 over the previous link and the stored event, identity and bytes as the
 * database holds them. Each field is length-prefixed, so no two different events can hash alike by shifting bytes
 * from one field to the next.
 */
final class ChainLink {

    static final String EVENT_COLUMNS = """
            global_index, event_identifier, aggregate_identifier, sequence_number, type, payload_type, payload_revision,
            time_stamp, meta_data, payload""";

    private ChainLink() {
    }

    /** An event row exactly as stored. */
    record StoredEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber, String type,
                       String payloadType, String payloadRevision, String timestamp, byte[] metaData, byte[] payload) {

        static StoredEvent read(ResultSet rs) throws SQLException {
            return new StoredEvent(rs.getLong("global_index"), rs.getString("event_identifier"),
                    rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("type"),
                    rs.getString("payload_type"), rs.getString("payload_revision"), rs.getString("time_stamp"),
                    rs.getBytes("meta_data"), rs.getBytes("payload"));
        }
    }

    static byte[] next(byte[] previous, StoredEvent event) {
        MessageDigest sha = sha256();
        sha.update(previous == null ? new byte[0] : previous);
        sha.update(ByteBuffer.allocate(Long.BYTES).putLong(event.globalIndex()).array());
        text(sha, event.eventIdentifier());
        text(sha, event.aggregateIdentifier());
        sha.update(ByteBuffer.allocate(Long.BYTES).putLong(event.sequenceNumber()).array());
        text(sha, event.type());
        text(sha, event.payloadType());
        text(sha, event.payloadRevision());
        text(sha, event.timestamp());
        bytes(sha, event.metaData());
        bytes(sha, event.payload());
        return sha.digest();
    }

    private static void text(MessageDigest sha, String value) {
        bytes(sha, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(MessageDigest sha, byte[] value) {
        if (value == null) {
            sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(-1).array());
            return;
        }
        sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(value.length).array());
        sha.update(value);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
