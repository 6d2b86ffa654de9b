package org.dit.command.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one HTTP command: the Idempotency-Key record, the command's events and its lookups commit in one
 * transaction; a conflict with a concurrent command on the same record is retried once on fresh state.
 */
@Component
public class CommandRunner {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 255;

    private final CommandGateway commandGateway;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    CommandRunner(CommandGateway commandGateway, TransactionTemplate transaction, JdbcTemplate jdbc, ObjectMapper json) {
        this.commandGateway = commandGateway;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The context a command's events record: who asked, and which request it belongs to. */
    public record Caller(String actor, String correlationId) {
    }

    public interface Action {
        ResponseEntity<Object> run(Caller caller);
    }

    public ResponseEntity<Object> run(HttpServletRequest request, Object body, Action action) {
        Caller caller = new Caller(Actors.of(request), CorrelationIdFilter.of(request));
        String key = request.getHeader(IDEMPOTENCY_KEY);
        if (key != null && (key.isBlank() || key.length() > MAX_KEY_LENGTH)) {
            throw new org.dit.command.InvalidInput(IDEMPOTENCY_KEY, "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String fingerprint = fingerprint(request, body);
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(key, fingerprint, caller, () -> action.run(caller));
            } catch (RuntimeException e) {
                if (!isConflict(e)) {
                    throw e;
                }
                if (attempt >= 2) {
                    throw new ConcurrentModification("the record was changed by another request while this one ran; "
                            + "read it again and retry");
                }
            }
        }
    }

    /** Sends a command with the caller's identity in its metadata and waits for its result. */
    public <R> R send(Caller caller, Object command) {
        return commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.with("actor", caller.actor()).and("correlationId", caller.correlationId())));
    }

    private ResponseEntity<Object> attempt(String key, String fingerprint, Caller caller, Supplier<ResponseEntity<Object>> action) {
        ResponseEntity<Object> response = transaction.execute(status -> {
            if (key != null) {
                int claimed = jdbc.update("""
                        INSERT INTO idempotency_record (idempotency_key, fingerprint, actor) VALUES (?, ?, ?)
                        ON CONFLICT (idempotency_key) DO NOTHING""", key, fingerprint, caller.actor());
                if (claimed == 0) {
                    return null;
                }
            }
            ResponseEntity<Object> result = action.get();
            if (key != null) {
                String location = result.getHeaders().getLocation() == null ? null : result.getHeaders().getLocation().toString();
                jdbc.update("UPDATE idempotency_record SET status = ?, location = ?, body = ? WHERE idempotency_key = ?",
                        result.getStatusCode().value(), location, toJson(result.getBody()), key);
            }
            return result;
        });
        return response != null ? response : replay(key, fingerprint);
    }

    private ResponseEntity<Object> replay(String key, String fingerprint) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT fingerprint, status, location, body FROM idempotency_record WHERE idempotency_key = ?", key);
        if (rows.isEmpty()) {
            throw new ConcurrencyException("idempotency record " + key + " vanished");
        }
        Map<String, Object> row = rows.get(0);
        if (!fingerprint.equals(row.get("fingerprint"))) {
            throw new IdempotencyKeyReused("Idempotency-Key " + key + " was first used with another request");
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotent-Replayed", "true");
        if (row.get("location") != null) {
            headers.setLocation(URI.create(row.get("location").toString()));
        }
        return new ResponseEntity<>(row.get("body"), headers, HttpStatus.valueOf((Integer) row.get("status")));
    }

    private String fingerprint(HttpServletRequest request, Object body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(toJson(body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private String toJson(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response body not serialisable", e);
        }
    }

    private static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof DuplicateKeyException
                    || t instanceof PessimisticLockingFailureException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
