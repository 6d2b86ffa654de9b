package org.dit.command.web;

import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the Idempotency-Key record inside the command's unit of work, so it commits with the command's events. The
 * key is claimed first: a request with a key already answered stops here and appends nothing; a concurrent request
 * with the same key waits on the key's row until the first commits or rolls back. The command bus handles commands
 * on the sending thread, which is how the HTTP request's key reaches this interceptor.
 */
@Component
class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final ThreadLocal<Pending> PENDING = new ThreadLocal<>();

    private final CommandBus commandBus;
    private final JdbcTemplate jdbc;

    IdempotencyInterceptor(CommandBus commandBus, JdbcTemplate jdbc) {
        this.commandBus = commandBus;
        this.jdbc = jdbc;
    }

    record StoredResponse(int status, String location, String body) {
    }

    record Pending(String key, String fingerprint, String actor, Function<Object, StoredResponse> response) {
    }

    /** The key was answered before: the caller returns the stored answer. */
    static final class AlreadyAnswered extends RuntimeException {
        AlreadyAnswered() {
            super("Idempotency-Key already answered", null, false, false);
        }
    }

    static <R> R during(Pending pending, Supplier<R> send) {
        PENDING.set(pending);
        try {
            return send.get();
        } finally {
            PENDING.remove();
        }
    }

    @PostConstruct
    void register() {
        commandBus.registerHandlerInterceptor(this);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Pending pending = PENDING.get();
        if (pending == null || pending.key() == null) {
            return chain.proceed();
        }
        // claimed once: commands a handler sends on (none today) must not claim the key again
        PENDING.remove();
        int claimed = jdbc.update("""
                INSERT INTO idempotency_record (idempotency_key, fingerprint, actor) VALUES (?, ?, ?)
                ON CONFLICT (idempotency_key) DO NOTHING""", pending.key(), pending.fingerprint(), pending.actor());
        if (claimed == 0) {
            throw new AlreadyAnswered();
        }
        Object result = chain.proceed();
        StoredResponse response = pending.response().apply(result);
        jdbc.update("UPDATE idempotency_record SET status = ?, location = ?, body = ? WHERE idempotency_key = ?",
                response.status(), response.location(), response.body(), pending.key());
        return result;
    }
}
