package org.dit.http;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.NestedTransactionNotSupportedException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The database cannot serve the request right now: it cannot be reached (stopped, restarting, unreachable, or the
 * pool found no connection within its timeout), or it is busy or cannot take writes (a statement or lock timeout, a
 * transaction timeout, exhausted resources such as a full disk, a read-only server after a fail-over). Such a request is answered 503 with {@code Retry-After}, and may be sent again once the database is back
 * (with its Idempotency-Key, in case the connection broke while a commit was under way). Told apart from other failures
 * by the cause chain, because Spring, Hikari and Axon each wrap the driver's error differently.
 */
public final class DatabaseUnavailable {

    public static final String TYPE = "service-unavailable";
    /** How long a client should wait before trying again; a PostgreSQL restart or fail-over takes seconds. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private DatabaseUnavailable() {
    }

    /** True when the failure, or anything it wraps or suppressed, says the database could not be reached. */
    public static boolean isCause(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(failure);
        while (!pending.isEmpty() && seen.size() < 100) {
            Throwable t = pending.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof CannotGetJdbcConnectionException
                    || t instanceof CannotCreateTransactionException && !(t instanceof NestedTransactionNotSupportedException)
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && (isConnectionState(sql.getSQLState()) || isBusyState(sql.getSQLState())
                    || isClosedByPool(sql))) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                pending.add(sql.getNextException());
            }
            if (t instanceof TransactionSystemException tx && tx.getApplicationException() != null) {
                pending.add(tx.getApplicationException());
            }
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            pending.addAll(List.of(t.getSuppressed()));
        }
        return false;
    }

    /**
     * Hikari closes a connection once the driver reports it broken; a rollback on it then fails with a bare "Connection
     * is closed" and no SQLState, and Axon's transaction helper throws that instead of the driver's error.
     */
    private static boolean isClosedByPool(SQLException sql) {
        StackTraceElement[] trace = sql.getStackTrace();
        return sql.getSQLState() == null && trace.length > 0
                && trace[0].getClassName().startsWith("com.zaxxer.hikari.pool.ProxyConnection");
    }

    /**
     * SQLState class 08 is a connection exception; 57P01 to 57P03 are the server shutting down, crashed, or not yet
     * accepting connections (starting up or in recovery).
     */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }

    /**
     * 57014 a statement cancelled (statement or lock-wait timeout), 55P03 a lock not available, 25P03 and 25P04 an
     * idle-in-transaction or transaction timeout, 25006 a read-only server (a replica after a fail-over), class 53
     * insufficient resources (disk full, out of memory, too many connections). The request changed nothing and may
     * succeed a moment later; the database itself stays up, so readiness is not affected.
     */
    private static boolean isBusyState(String state) {
        return state != null && (state.equals("57014") || state.equals("55P03") || state.equals("25P03")
                || state.equals("25P04") || state.equals("25006") || state.startsWith("53"));
    }

    public static ProblemDetail problem() {
        return Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, TYPE, "Service unavailable",
                "the database cannot serve the request right now (unreachable, busy or read-only); retry after " + RETRY_AFTER.toSeconds()
                        + " seconds (with the same Idempotency-Key, a retry never records a command twice)");
    }

    /** Writes the 503 problem document; for filters and entry points that answer outside Spring MVC. */
    public static void write(HttpServletResponse response, ObjectMapper json) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()));
        Problems.write(response, json, problem());
    }
}
