package org.dit.command.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.dit.command.InvalidInput;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Runs one HTTP command: the controller builds the command and says how its result becomes the answer; this class
 * sends it once (twice on a conflict) and builds that answer once.
 * <p>
 * Everything the command's unit of work needs about the request travels in the command message's metadata (who
 * asked, which request, and for an Idempotency-Key the key and the request's fingerprint), never in a thread-local:
 * the message is the one thing that reaches the handler on any command bus, including an asynchronous or a
 * distributed one. {@link IdempotencyInterceptor} reads the key from there and answers a repeat with the first
 * result, so a repeat goes through exactly the same steps here as the first request. That only gives the first
 * answer back because the ids a controller invents are derived from the key ({@link #newId}): a repeat builds the
 * identical command, and the answer built from (command, result) is the identical answer.
 * <p>
 * The command's unit of work owns the only transaction: the key's record, the command-side lookups and the events
 * commit together or not at all. A conflict with a concurrent command on the same record is retried once, with the
 * same message, on fresh state.
 */
@Component
public class CommandRunner {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    /** Command metadata; only the actor and the correlation id are copied onto the events (MessageContextConfig). */
    static final String ACTOR = "actor";
    static final String CORRELATION_ID = "correlationId";
    static final String KEY = "idempotencyKey";
    static final String FINGERPRINT = "requestFingerprint";

    private static final int MAX_KEY_LENGTH = 255;
    private static final String UNIQUE_VIOLATION = "23505";

    private final CommandGateway commandGateway;
    private final ObjectMapper json;

    CommandRunner(CommandGateway commandGateway, ObjectMapper json) {
        this.commandGateway = commandGateway;
        this.json = json;
    }

    /**
     * A new id for what the request creates ({@code purpose} tells apart several ids of one request). With an
     * Idempotency-Key it is a name-based UUID (version 8, from SHA-256) of (actor, key, purpose), so that a repeat of
     * the request names the same episode or measure and its answer repeats the first; without a key it is random.
     */
    public UUID newId(HttpServletRequest request, String purpose) {
        String key = idempotencyKey(request);
        if (key == null) {
            return UUID.randomUUID();
        }
        MessageDigest digest = sha256();
        for (String part : new String[] {"dit-command-id", Actors.of(request), key, purpose}) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            digest.update(bytes);
        }
        ByteBuffer hash = ByteBuffer.wrap(digest.digest());
        long high = (hash.getLong() & ~0xF000L) | 0x8000L;
        long low = (hash.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /**
     * Sends {@code command} and answers with {@code answer} applied to the handler's result (the first result, on an
     * idempotent repeat). The answer must depend only on the command and the result.
     */
    public ResponseEntity<Object> run(HttpServletRequest request, Object body, Object command,
                                      Function<Object, ResponseEntity<Object>> answer) {
        MetaData metaData = MetaData.with(ACTOR, Actors.of(request)).and(CORRELATION_ID, CorrelationIdFilter.of(request));
        String key = idempotencyKey(request);
        if (key != null) {
            metaData = metaData.and(KEY, key).and(FINGERPRINT, fingerprint(request, body));
        }
        CommandResultMessage<?> result = sendRetryingOnce(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        ResponseEntity<Object> response = result.getPayload() instanceof IdempotencyInterceptor.StoredAnswer stored
                ? stored.response() : answer.apply(result.getPayload());
        return asJson(response, IdempotencyInterceptor.isReplay(result));
    }

    private CommandResultMessage<?> sendRetryingOnce(CommandMessage<?> message) {
        for (int attempt = 1; ; attempt++) {
            try {
                return send(message);
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

    /** As the gateway's sendAndWait, but keeping the result's metadata, which tells a replay from a first answer. */
    private CommandResultMessage<?> send(CommandMessage<?> message) {
        FutureCallback<Object, Object> callback = new FutureCallback<>();
        commandGateway.send(message, callback);
        CommandResultMessage<?> result = callback.getResult();
        if (!result.isExceptional()) {
            return result;
        }
        Throwable failure = result.exceptionResult();
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new CommandExecutionException("the command failed", failure);
    }

    /**
     * The answer is JSON whatever the Accept header asks for: the events are committed by now, and a 406 would tell
     * the client its command was refused.
     */
    private static ResponseEntity<Object> asJson(ResponseEntity<Object> response, boolean replayed) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(response.getHeaders());
        if (headers.getContentType() == null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        if (replayed) {
            headers.set(IDEMPOTENT_REPLAYED, "true");
        }
        return new ResponseEntity<>(response.getBody(), headers, response.getStatusCode());
    }

    private static String idempotencyKey(HttpServletRequest request) {
        String key = request.getHeader(IDEMPOTENCY_KEY);
        // visible ASCII only: Tomcat reads header bytes as ISO-8859-1, so any other byte is a guess at the sender's text
        if (key != null && (key.isBlank() || key.length() > MAX_KEY_LENGTH
                || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7E))) {
            throw new InvalidInput(IDEMPOTENCY_KEY, "must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters");
        }
        return key;
    }

    /** What a key's repeat must match: the same method and path, and the same body. */
    private String fingerprint(HttpServletRequest request, Object body) {
        MessageDigest digest = sha256();
        digest.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            digest.update(json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request body not serialisable", e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
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
