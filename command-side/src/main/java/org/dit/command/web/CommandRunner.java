package org.dit.command.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.dit.command.InvalidInput;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs one HTTP command. The command's unit of work owns the only transaction: the Idempotency-Key record (written by
 * {@link IdempotencyInterceptor}), the command-side lookups and the events commit together or not at all. A conflict
 * with a concurrent command on the same record is retried once on fresh state.
 */
@Component
public class CommandRunner {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 255;
    private static final String UNIQUE_VIOLATION = "23505";

    private final CommandGateway commandGateway;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    CommandRunner(CommandGateway commandGateway, JdbcTemplate jdbc, ObjectMapper json) {
        this.commandGateway = commandGateway;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The context a command's events record: who asked, and which request it belongs to. */
    public record Caller(String actor, String correlationId) {
    }

    /** What to send, and how its result becomes the HTTP answer (also stored for an idempotent repeat). */
    public record Dispatch(Object command, Function<Object, ResponseEntity<Object>> response) {
    }

    public interface Plan {
        Dispatch plan(Caller caller);
    }

    public ResponseEntity<Object> run(HttpServletRequest request, Object body, Plan plan) {
        Caller caller = new Caller(Actors.of(request), CorrelationIdFilter.of(request));
        String key = request.getHeader(IDEMPOTENCY_KEY);
        if (key != null && (key.isBlank() || key.length() > MAX_KEY_LENGTH)) {
            throw new InvalidInput(IDEMPOTENCY_KEY, "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String fingerprint = fingerprint(request, body);
        for (int attempt = 1; ; attempt++) {
            Dispatch dispatch = plan.plan(caller);
            IdempotencyInterceptor.Pending pending = new IdempotencyInterceptor.Pending(key, fingerprint, caller.actor(),
                    result -> stored(dispatch.response().apply(result)));
            try {
                Object result = IdempotencyInterceptor.during(pending, () -> send(caller, dispatch.command()));
                return asJson(dispatch.response().apply(result));
            } catch (IdempotencyInterceptor.AlreadyAnswered e) {
                return replay(key, fingerprint);
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

    /**
     * The answer is JSON whatever the Accept header asks for: the events are committed by now, and a 406 would tell
     * the client its command was refused.
     */
    private static ResponseEntity<Object> asJson(ResponseEntity<Object> response) {
        if (response.getHeaders().getContentType() != null) {
            return response;
        }
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .contentType(MediaType.APPLICATION_JSON).body(response.getBody());
    }

    private <R> R send(Caller caller, Object command) {
        return commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.with("actor", caller.actor()).and("correlationId", caller.correlationId())));
    }

    private IdempotencyInterceptor.StoredResponse stored(ResponseEntity<Object> response) {
        URI location = response.getHeaders().getLocation();
        return new IdempotencyInterceptor.StoredResponse(response.getStatusCode().value(),
                location == null ? null : location.toString(), toJson(response.getBody()));
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

    /**
     * A batch append that hits the (aggregate, sequence) unique key reaches us as Axon's EventStoreException around a
     * BatchUpdateException, not always as a ConcurrencyException: PostgreSQL's unique_violation is the fact to look for.
     */
    private static boolean isUniqueViolation(Throwable t) {
        for (SQLException sql = t instanceof SQLException s ? s : null; sql != null; sql = sql.getNextException()) {
            if (UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof DuplicateKeyException
                    || t instanceof PessimisticLockingFailureException || isUniqueViolation(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
