package org.dit.command.therapist;

import java.util.Iterator;
import java.util.stream.Stream;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the roster's lookups again from the log: empties them and applies every stored event through
 * {@link RosterUpdater}, the handler that keeps them live, in one transaction.
 * <p>
 * While it runs, the lookups keep their old rows for readers, and commands that check or write them wait (a check
 * waits at most the 15 s statement timeout, then fails and appends nothing); a command that commits before the rebuild
 * takes its locks is in the log it reads, one that commits after applies its own change on top. The rebuild lifts the
 * 25 s transaction bound for its own transaction only (it appends no event, so it opens no gap in the log); run it
 * while the clinic is quiet.
 */
@Component
public class RosterRebuild {

    private static final String LIFT_TRANSACTION_TIMEOUT = """
            DO $$ BEGIN IF current_setting('server_version_num')::int >= 170000 THEN
            PERFORM set_config('transaction_timeout', '0', true); END IF; END $$""";

    private final EventStorageEngine log;
    private final RosterWriter roster;
    private final RosterUpdater updater;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;

    RosterRebuild(EventStorageEngine log, RosterWriter roster, RosterUpdater updater,
                  PlatformTransactionManager transactions, JdbcTemplate jdbc) {
        this.log = log;
        this.roster = roster;
        this.updater = updater;
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
    }

    /** @return how many events the lookups were rebuilt from */
    public long rebuild() {
        Long applied = transaction.execute(status -> {
            jdbc.execute(LIFT_TRANSACTION_TIMEOUT);
            roster.clear();
            return replayLog(new AnnotationEventHandlerAdapter(updater));
        });
        return applied == null ? 0 : applied;
    }

    private long replayLog(AnnotationEventHandlerAdapter handler) {
        long applied = 0;
        try (Stream<? extends TrackedEventMessage<?>> events = log.readEvents(null, false)) {
            for (Iterator<? extends TrackedEventMessage<?>> it = events.iterator(); it.hasNext(); ) {
                EventMessage<?> event = it.next();
                if (handler.canHandle(event)) {
                    apply(handler, event);
                    applied++;
                }
            }
        }
        return applied;
    }

    private static void apply(AnnotationEventHandlerAdapter handler, EventMessage<?> event) {
        try {
            handler.handle(event);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the roster could not apply event " + event.getIdentifier(), e);
        }
    }
}
