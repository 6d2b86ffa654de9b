package org.dit.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.ServletException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.dit.http.DatabaseUnavailable;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.NestedTransactionNotSupportedException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean "the database cannot be reached" (503), in the wrappings observed with the database stopped. */
class DatabaseUnavailableTest {

    private static SQLTransientConnectionException poolTimedOut() {
        return new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 5000ms",
                "08001", new PSQLException("Connection to localhost:5432 refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new ConnectException("Connection refused")));
    }

    @Test
    void givenNoConnectionWithinThePoolTimeout_whenATransactionOrQueryStarts_thenUnavailable() {
        assertThat(DatabaseUnavailable.isCause(new CannotCreateTransactionException("Could not open JDBC Connection", poolTimedOut()))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", poolTimedOut()))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new ServletException("dispatch failed", new CommandExecutionException("failed", poolTimedOut())))).isTrue();
    }

    @Test
    void givenAConnectionTheServerClosed_whenUsed_thenUnavailable() {
        PSQLException io = new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE);
        assertThat(DatabaseUnavailable.isCause(new DataAccessResourceFailureException("PreparedStatementCallback", io))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new EventStoreException("Failed to read events", io))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new SQLException("terminating connection due to administrator command",
                "57P01"))).isTrue();
    }

    @Test
    void givenARollbackOnAConnectionThePoolClosed_thenUnavailable() {
        SQLException closed = new SQLException("Connection is closed");
        closed.setStackTrace(new StackTraceElement[] {new StackTraceElement(
                "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection", "lambda$getClosedConnection$0", "ProxyConnection.java", 562)});
        assertThat(DatabaseUnavailable.isCause(new TransactionSystemException("JDBC rollback failed", closed))).isTrue();
    }

    @Test
    void givenABusyOrReadOnlyDatabase_thenUnavailableForTheMoment() {
        assertThat(DatabaseUnavailable.isCause(new QueryTimeoutException("PreparedStatementCallback",
                new PSQLException("canceling statement due to statement timeout", PSQLState.QUERY_CANCELED)))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new SQLException("could not obtain lock on row", "55P03"))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new SQLException("terminating connection due to transaction timeout", "25P04"))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new SQLException("cannot execute INSERT in a read-only transaction", "25006"))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new SQLException("could not extend file: No space left on device", "53100"))).isTrue();
    }

    @Test
    void givenOtherFailures_thenNotUnavailable() {
        assertThat(DatabaseUnavailable.isCause(new DuplicateKeyException("unique", new PSQLException("duplicate key", PSQLState.UNIQUE_VIOLATION)))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new NestedTransactionNotSupportedException("savepoints not supported"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new TransactionSystemException("commit failed", new SQLException("could not serialize", "40001")))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException("a bug"))).isFalse();
    }
}
