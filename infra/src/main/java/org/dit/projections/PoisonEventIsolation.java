package org.dit.projections;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.dit.query.facts.FactsBatch;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a projection's failing event attributable, so that the dead-letter queue can park it. Projections write once
 * per batch, at commit, where a failure belongs to no single event; and on PostgreSQL a failed statement poisons the
 * whole transaction, so even a failure inside a handler would leave the dead-letter queue unable to write its letter.
 * Hence two modes per processor segment:
 * <ul>
 * <li>normally nothing changes: batched writes, no savepoints (the replay speed measured with batch 100);</li>
 * <li>after a batch of that segment rolled back, and until the segment has committed past that batch's last event,
 * each event's handler runs inside a savepoint and writes its read-model rows at once ({@link FactsBatch#PER_EVENT}).
 * The failing event then fails in its own handler call, the savepoint undoes just its writes, the dead-letter
 * queue parks it in a healthy transaction, and the rest of the batch commits.</li>
 * </ul>
 * A dead letter being retried always runs in the second mode. In the first mode a handler that throws without touching
 * the database (unreadable facts, a fold that refuses the event) is parked at once, in the same transaction; that is
 * safe because no handler here writes before it can fail: each either folds and leaves the write to the batch, or
 * writes one statement. The mode is kept in memory per node: another node taking the segment over finds the failure
 * itself, one batch later.
 */
final class PoisonEventIsolation implements HandlerEnhancerDefinition {

    private static final String MODE = PoisonEventIsolation.class.getName() + ".perEvent";

    private final Set<String> processingGroups;
    private final String processor;
    private final ObjectProvider<PlatformTransactionManager> transactions;
    /** Processor and segment ("read-models#1") of a failed batch, with the position of that batch's last event. */
    private final Map<String, Long> suspectUpTo = new ConcurrentHashMap<>();

    /** @param processor the one processor all these processing groups are assigned to */
    PoisonEventIsolation(Set<String> processingGroups, String processor, ObjectProvider<PlatformTransactionManager> transactions) {
        this.processingGroups = Set.copyOf(processingGroups);
        this.processor = processor;
        this.transactions = transactions;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        ProcessingGroup group = original.declaringClass().getAnnotation(ProcessingGroup.class);
        if (group == null || !processingGroups.contains(group.value())
                || !original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        return new Isolated<>(original);
    }

    private final class Isolated<T> extends WrappedMessageHandlingMember<T> {

        private Isolated(MessageHandlingMember<T> delegate) {
            super(delegate);
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            if (!CurrentUnitOfWork.isStarted()) {
                return super.handle(message, target);
            }
            UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
            if (!perEvent(unitOfWork)) {
                return super.handle(message, target);
            }
            unitOfWork.resources().put(FactsBatch.PER_EVENT, Boolean.TRUE);
            return inSavepoint(() -> super.handle(message, target));
        }
    }

    private boolean perEvent(UnitOfWork<?> unitOfWork) {
        if (unitOfWork.resources().containsKey(DeadLetter.class.getName())) {
            return true;
        }
        UnitOfWork<?> batch = unitOfWork.root();
        Boolean mode = batch.getResource(MODE);
        if (mode == null) {
            Integer segment = batch.getResource("Processor[" + processor + "]/SegmentId");
            if (segment == null) {
                return false;
            }
            String key = processor + "#" + segment;
            boolean careful = suspectUpTo.containsKey(key);
            batch.resources().put(MODE, careful);
            batch.onRollback(u -> suspectUpTo.merge(key, lastPosition(batch), Math::max));
            if (careful) {
                batch.afterCommit(u -> suspectUpTo.computeIfPresent(key,
                        (k, upTo) -> lastPosition(batch) >= upTo ? null : upTo));
            }
            mode = careful;
        }
        return mode;
    }

    private long lastPosition(UnitOfWork<?> batch) {
        TrackingToken token = batch.getResource("Processor[" + processor + "]/Token");
        return token == null ? 0 : token.position().orElse(0);
    }

    private interface Call {
        Object run() throws Exception;
    }

    /** The handler's writes in a savepoint of the processor's transaction, so that its failure leaves the rest intact. */
    private Object inSavepoint(Call call) throws Exception {
        TransactionTemplate savepoint = new TransactionTemplate(transactions.getObject());
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        try {
            return savepoint.execute(status -> {
                try {
                    return call.run();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new Checked(e);
                }
            });
        } catch (Checked e) {
            throw (Exception) e.getCause();
        }
    }

    private static final class Checked extends RuntimeException {
        private Checked(Exception cause) {
            super(cause);
        }
    }
}
