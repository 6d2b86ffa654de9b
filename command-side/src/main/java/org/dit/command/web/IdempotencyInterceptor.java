package org.dit.command.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Makes a command with an Idempotency-Key run at most once per (actor, key). It works inside the command's unit of
 * work, so the key's record commits with the command's events or not at all: a refused or failed command leaves no
 * record and may be sent again with its key.
 * <p>
 * The key, the request's fingerprint and the actor come from the command message's metadata (put there by
 * {@link CommandRunner}), because the message is all that reaches the handler when the bus runs it on another thread
 * or another node. A key belongs to the user who sent it: another user's same key is another record.
 * <p>
 * The key is claimed before the handler runs, so a concurrent repeat waits on the key's row until the first commits
 * (then it is answered from the record) or rolls back (then it runs). The handler's result is stored with the key,
 * serialised as Axon would send it between nodes; a repeat gets that result back, marked as a replay, without
 * reaching the handler, so it appends nothing. A repeat with another fingerprint is refused (422).
 * <p>
 * Axon's Spring Boot support registers this bean on the command bus (every MessageHandlerInterceptor bean of command
 * messages goes there); registering it once more by hand would run it twice per command.
 */
@Component
class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** On a result message: the result is the stored one of an earlier command with the same key. */
    private static final String REPLAYED = "idempotentReplay";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    IdempotencyInterceptor(JdbcTemplate jdbc, @Qualifier("messageSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /**
     * The HTTP answer itself, as records written before V9 (idempotency keys per actor) kept it: those commands
     * invented random ids, so their answer cannot be rebuilt from the command and has to be given back as stored.
     */
    record StoredAnswer(int status, String location, String body) {

        ResponseEntity<Object> response() {
            HttpHeaders headers = new HttpHeaders();
            if (location != null) {
                headers.setLocation(URI.create(location));
            }
            return new ResponseEntity<>(body, headers, HttpStatus.valueOf(status));
        }
    }

    static boolean isReplay(CommandResultMessage<?> result) {
        return Boolean.TRUE.equals(result.getMetaData().get(REPLAYED));
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        MetaData metaData = unitOfWork.getMessage().getMetaData();
        if (!(metaData.get(CommandRunner.KEY) instanceof String key)) {
            return chain.proceed();
        }
        String actor = required(metaData, CommandRunner.ACTOR);
        String fingerprint = required(metaData, CommandRunner.FINGERPRINT);
        int claimed = jdbc.update("""
                INSERT INTO idempotency_record (actor, idempotency_key, fingerprint) VALUES (?, ?, ?)
                ON CONFLICT (actor, idempotency_key) DO NOTHING""", actor, key, fingerprint);
        if (claimed == 0) {
            return replay(actor, key, fingerprint);
        }
        Object result = chain.proceed();
        SerializedObject<String> stored = serializer.serialize(result, String.class);
        jdbc.update("UPDATE idempotency_record SET result_type = ?, result = ? WHERE actor = ? AND idempotency_key = ?",
                stored.getType().getName(), stored.getData(), actor, key);
        return result;
    }

    private CommandResultMessage<Object> replay(String actor, String key, String fingerprint) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT fingerprint, result_type, result, status, location, body FROM idempotency_record
                 WHERE actor = ? AND idempotency_key = ?""", actor, key);
        if (rows.isEmpty()) {
            throw new ConcurrencyException("idempotency record " + key + " vanished");
        }
        Map<String, Object> row = rows.get(0);
        if (!fingerprint.equals(row.get("fingerprint"))) {
            throw new IdempotencyKeyReused("Idempotency-Key " + key + " was first used with another request");
        }
        Object result;
        if (row.get("result_type") instanceof String type) {
            result = serializer.deserialize(new SimpleSerializedObject<>((String) row.get("result"), String.class, type, null));
        } else if (row.get("status") instanceof Integer status) {
            result = new StoredAnswer(status, (String) row.get("location"), (String) row.get("body"));
        } else {
            // only this unit of work can see its own claim before the result is written: the key is claimed twice
            throw new IllegalStateException("Idempotency-Key " + key + " claimed twice by one command");
        }
        return new GenericCommandResultMessage<>(result, MetaData.with(REPLAYED, true));
    }

    private static String required(MetaData metaData, String name) {
        if (metaData.get(name) instanceof String value) {
            return value;
        }
        throw new IllegalStateException("a command with an Idempotency-Key carries no " + name);
    }
}
