package org.dit.eventstore;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Listens on its own connection (not one of the pool's) for the {@code dit_events} notification that every commit of
 * events sends (V60), on this node or any other, and signals {@link EventsAvailable}. If the connection drops it
 * reconnects, and signals once it is back, so nothing committed meanwhile waits longer than the reconnection.
 */
final class CommitListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CommitListener.class);
    static final String CHANNEL = "dit_events";
    private static final int POLL_MILLIS = 1_000;

    private final HikariDataSource dataSource;
    private final EventsAvailable available;
    private volatile boolean running;
    private Thread thread;

    CommitListener(HikariDataSource dataSource, EventsAvailable available) {
        this.dataSource = dataSource;
        this.available = available;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::listen, "commit-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Starts after Axon's event processors (phase 1024) and stops before them, and after the web server has let its
     * last requests finish (Spring's graceful shutdown stops at {@code Integer.MAX_VALUE - 2048}).
     */
    @Override
    public int getPhase() {
        return 4_096;
    }

    private void listen() {
        boolean warned = false;
        long backOff = 500;
        while (running) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (warned) {
                    log.info("Listening for committed events again");
                }
                warned = false;
                backOff = 500;
                // whatever was committed while not listening is looked at now
                available.signal();
                PGConnection listening = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = listening.getNotifications(POLL_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        available.signal();
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                if (!warned) {
                    log.warn("Not listening for committed events ({}); processors look again every claim interval "
                            + "until the connection is back", e.getMessage());
                    warned = true;
                }
                try {
                    Thread.sleep(backOff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backOff = Math.min(backOff * 2, 10_000);
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (dataSource.getUsername() != null) {
            properties.setProperty("user", dataSource.getUsername());
        }
        if (dataSource.getPassword() != null) {
            properties.setProperty("password", dataSource.getPassword());
        }
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("loginTimeout", "5");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "dit-commit-listener");
        return DriverManager.getConnection(dataSource.getJdbcUrl(), properties);
    }
}
