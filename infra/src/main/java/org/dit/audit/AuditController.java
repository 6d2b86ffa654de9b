package org.dit.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dit.events.episode.EpisodeEvent;
import org.dit.personaldata.PersonalDataCipher;
import org.dit.query.episode.EpisodeView;
import org.dit.query.facts.EpisodeFacts;
import org.dit.query.InvalidQuery;
import org.dit.query.NotFound;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** What auditors read: the log itself, any episode as it stood at any moment, who read what, and the chain check. */
@RestController
@RequestMapping("/api/audit")
@PreAuthorize("hasRole('AUDITOR')")
@Tag(name = "Audit", description = "The event log, as-of reconstruction, access log, tamper evidence and its signed checkpoints")
class AuditController {

    static final int EXPORT_PAGE = 500;

    private final JdbcTemplate jdbc;
    private final EventStore eventStore;
    private final ChainVerifier verifier;
    private final ObjectMapper json;
    private final AccessLog accessLog;
    private final PersonalDataCipher personalData;

    AuditController(JdbcTemplate jdbc, EventStore eventStore, ChainVerifier verifier, ObjectMapper json, AccessLog accessLog,
                    PersonalDataCipher personalData) {
        this.accessLog = accessLog;
        this.personalData = personalData;
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.verifier = verifier;
        this.json = json;
    }

    record AuditedEvent(long globalIndex, long sequenceNumber, String type,
                        @Schema(nullable = true, description = "null for an event stored without a revision") String revision,
                        Instant timestamp,
                        @Schema(nullable = true, description = "null when the event's metadata lacks it") String actor,
                        @Schema(nullable = true, description = "null when the event's metadata lacks it") String correlationId,
                        @Schema(nullable = true, description = "null when the event's metadata lacks it") String commandName,
                        @Schema(implementation = Object.class, type = "object", description = "the event as stored",
                                additionalProperties = Schema.AdditionalPropertiesValue.TRUE) JsonNode payload) {
    }

    record Access(Instant accessedAt, String actor, UUID episodeId, String endpoint, int status,
                  @Schema(nullable = true, description = "null for reads recorded before correlation ids were") String correlationId,
                  String outcome,
                  @Schema(nullable = true, description = "null for reads recorded before requests were") String request) {
    }

    @GetMapping("/episodes/{episodeId}/events")
    @Operation(summary = "Every event of one episode, in order, with who caused it and the stored payload, its personal "
            + "fields decrypted (null once the client was erased)")
    List<AuditedEvent> events(@PathVariable UUID episodeId) {
        List<AuditedEvent> events = jdbc.query("""
                SELECT global_index, sequence_number, payload_type, payload_revision, time_stamp,
                       convert_from(meta_data, 'UTF8') AS meta, convert_from(payload, 'UTF8') AS body
                  FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number""",
                (rs, i) -> {
                    JsonNode meta = read(rs.getString("meta"));
                    String type = rs.getString("payload_type");
                    return new AuditedEvent(rs.getLong("global_index"), rs.getLong("sequence_number"),
                            type.substring(type.lastIndexOf('.') + 1), rs.getString("payload_revision"),
                            Instant.parse(rs.getString("time_stamp")), text(meta, "actor"), text(meta, "correlationId"),
                            text(meta, "commandName"), personalData.reveal(read(rs.getString("body"))));
                }, episodeId.toString());
        if (events.isEmpty()) {
            throw new NotFound("No such episode", "no events for episode " + episodeId);
        }
        return events;
    }

    @GetMapping("/episodes/{episodeId}/state")
    @Operation(summary = "The episode as it stood at an instant, rebuilt from its events up to then (same shape as GET /api/episodes/{id})")
    EpisodeView state(@PathVariable UUID episodeId,
                      @Parameter(example = "2026-04-01T12:00:00Z") @RequestParam
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        EpisodeFacts facts = EpisodeFacts.none(episodeId);
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(episodeId.toString()).asStream().toList();
        for (DomainEventMessage<?> event : events) {
            if (event.getTimestamp().isAfter(asOf)) {
                break;
            }
            if (event.getPayload() instanceof EpisodeEvent episodeEvent) {
                facts = facts.apply(episodeEvent, event.getSequenceNumber());
            }
        }
        if (!facts.exists()) {
            throw new NotFound("No such episode at that time", "episode " + episodeId + " had not been referred by " + asOf);
        }
        return EpisodeView.of(facts);
    }

    @GetMapping(value = "/events", produces = "application/x-ndjson")
    @Operation(summary = "The whole log from a global position, one JSON object per line, as stored (personal fields "
            + "encrypted, as the hash chain covers them); resume with after = the last globalIndex read")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "0") long after,
                                                 @RequestParam(required = false) Long limit, HttpServletRequest request,
                                                 HttpServletResponse response) {
        accessLog.recordStream(request, response);
        long max = limit == null ? Long.MAX_VALUE : Math.max(0, limit);
        StreamingResponseBody body = out -> stream(out, after, max);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson")).body(body);
    }

    @GetMapping("/verify")
    @Operation(summary = "Recompute the hash chain over the log and hold it against the signed checkpoints: verified events, the first "
            + "broken global index (null when intact), the head hash, the checkpoints verified and what they cannot vouch for")
    ChainVerifier.Verification verify() {
        return verifier.verify();
    }

    /** Checkpoints as GET /api/audit/checkpoints exported them, kept by the auditor outside the service. */
    record AuditorCopy(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Checkpoint> checkpoints) {
    }

    @PostMapping("/verify")
    @Operation(operationId = "verifyAgainstCopy",
            summary = "Verify as GET /api/audit/verify does, and against checkpoints the auditor kept (the export of GET "
            + "/api/audit/checkpoints): a checkpoint deleted or rewritten in the database is reported")
    ChainVerifier.Verification verify(@RequestBody AuditorCopy copy) {
        if (copy == null || copy.checkpoints() == null) {
            throw new InvalidQuery("checkpoints", "the list of checkpoints is required");
        }
        for (int i = 0; i < copy.checkpoints().size(); i++) {
            Checkpoint checkpoint = copy.checkpoints().get(i);
            String reason = checkpoint == null ? "a checkpoint is required" : checkpoint.unreadable();
            if (reason != null) {
                throw new InvalidQuery("checkpoints[" + i + "]", reason);
            }
        }
        return verifier.verify(copy.checkpoints());
    }

    @GetMapping("/access")
    @Operation(summary = "Who asked for an episode's data, when, through which request, and whether it was allowed: reads of "
            + "the record itself and of every list whose answer held it")
    List<Access> access(@RequestParam UUID episodeId) {
        return jdbc.query("""
                SELECT accessed_at, actor, ?::uuid AS episode_id, endpoint, status, correlation_id, outcome, request
                  FROM audit_access_log
                 WHERE episode_id = ? OR episodes @> ARRAY[?]::uuid[] ORDER BY id""",
                (rs, i) -> new Access(rs.getTimestamp("accessed_at").toInstant(), rs.getString("actor"),
                        rs.getObject("episode_id", UUID.class), rs.getString("endpoint"), rs.getInt("status"),
                        rs.getString("correlation_id"), rs.getString("outcome"), rs.getString("request")),
                episodeId, episodeId, episodeId);
    }

    /** Keyset pages of the log: memory stays constant however long the export, and no transaction stays open. */
    private void stream(OutputStream out, long after, long max) throws IOException {
        long position = after;
        long written = 0;
        while (written < max) {
            int page = (int) Math.min(EXPORT_PAGE, max - written);
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT e.global_index, e.aggregate_identifier,"
                    + " e.sequence_number, e.type, e.event_identifier, e.payload_type, e.payload_revision, e.time_stamp,"
                    + " e.meta_data, e.payload, c.chain_position, c.link_hash FROM domain_event_entry e"
                    + " LEFT JOIN audit_hash_chain c ON c.global_index = e.global_index"
                    + " WHERE e.global_index > ? ORDER BY e.global_index LIMIT ?", position, page);
            if (rows.isEmpty()) {
                break;
            }
            for (Map<String, Object> row : rows) {
                writeLine(out, row);
                position = ((Number) row.get("global_index")).longValue();
                written++;
            }
            out.flush();
        }
    }

    private void writeLine(OutputStream out, Map<String, Object> row) throws IOException {
        JsonGenerator line = json.getFactory().createGenerator(out);
        line.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        line.writeStartObject();
        line.writeNumberField("globalIndex", ((Number) row.get("global_index")).longValue());
        line.writeStringField("aggregateIdentifier", (String) row.get("aggregate_identifier"));
        line.writeNumberField("sequenceNumber", ((Number) row.get("sequence_number")).longValue());
        line.writeStringField("aggregateType", (String) row.get("type"));
        line.writeStringField("eventIdentifier", (String) row.get("event_identifier"));
        line.writeStringField("payloadType", (String) row.get("payload_type"));
        line.writeStringField("revision", (String) row.get("payload_revision"));
        line.writeStringField("timestamp", (String) row.get("time_stamp"));
        line.writeFieldName("metaData");
        line.writeRawValue(new String((byte[]) row.get("meta_data"), StandardCharsets.UTF_8));
        line.writeFieldName("payload");
        line.writeRawValue(new String((byte[]) row.get("payload"), StandardCharsets.UTF_8));
        // the chain links events in the order it met them (a late-committed event where it arrived), not always in
        // global order: chainPosition gives that order, null until the event is linked
        Object chainPosition = row.get("chain_position");
        if (chainPosition == null) {
            line.writeNullField("chainPosition");
            line.writeNullField("linkHash");
        } else {
            line.writeNumberField("chainPosition", ((Number) chainPosition).longValue());
            line.writeStringField("linkHash", HexFormat.of().formatHex((byte[]) row.get("link_hash")));
        }
        line.writeEndObject();
        line.flush();
        out.write('\n');
    }

    private JsonNode read(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("stored JSON unreadable", e);
        }
    }

    private static String text(JsonNode node, String field) {
        return node == null || node.get(field) == null ? null : node.get(field).asText();
    }

}
