package org.dit.query.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

/**
 * The projections' parked events, read and retried through Axon's dead-letter API. One entry per parked sequence (an
 * episode), oldest first: the letter that failed, why, and how many of the episode's later events wait behind it.
 */
@Component
public class DeadLetterAdmin {

    /** Diagnostics key under which the dead-letter policy counts failed retries of a letter. */
    public static final String RETRIES = "retries";

    private final EventProcessingConfiguration processing;
    private final EventPositions positions;
    private final Projections projections;

    DeadLetterAdmin(EventProcessingConfiguration processing, EventPositions positions, Projections projections) {
        this.projections = projections;
        this.processing = processing;
        this.positions = positions;
    }

    public record ParkedEvent(String id, String processingGroup, String sequence,
                              @Schema(nullable = true, description = "null when the event has no position in the log") Long globalIndex,
                              String eventType,
                              @Schema(nullable = true, description = "null for an event of no aggregate") String aggregateId,
                              @Schema(nullable = true, description = "null for an event of no aggregate") Long aggregateSequenceNumber,
                              @Schema(nullable = true, description = "null when no cause was recorded") String causeType,
                              @Schema(nullable = true, description = "null when no cause was recorded") String causeMessage,
                              Instant enqueuedAt, Instant lastTouched, int retries, long waitingBehind) {
    }

    public record RetryOutcome(String id, String processingGroup, String sequence, boolean processed, long stillParked) {
    }

    public List<ParkedEvent> parked() {
        List<ParkedEvent> parked = new ArrayList<>();
        for (String group : projections.names()) {
            queue(group).ifPresent(queue -> {
                for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                    Iterator<DeadLetter<? extends EventMessage<?>>> letters = sequence.iterator();
                    if (letters.hasNext() && letters.next() instanceof JdbcDeadLetter<?> head) {
                        parked.add(view(group, head, queue.sequenceSize(head.getSequenceIdentifier()) - 1));
                    }
                }
            });
        }
        parked.sort(Comparator.comparing(ParkedEvent::enqueuedAt).thenComparing(ParkedEvent::processingGroup));
        return parked;
    }

    /** Whether the projection holds a parked event of this sequence (an episode's id). */
    public boolean isParked(String group, String sequence) {
        return queue(group).map(queue -> queue.contains(sequence)).orElse(false);
    }

    public long count(String group) {
        return queue(group).map(SequencedDeadLetterQueue::size).orElse(0L);
    }

    /**
     * Processes the parked sequence of the letter with this id, from its first letter on, in order; empty for an
     * unknown id. Not processed means a letter failed again (it stays parked, with the new cause) or another node is
     * retrying that sequence right now.
     */
    public Optional<RetryOutcome> retry(String id) {
        return parked().stream().filter(p -> p.id().equals(id)).findFirst().map(p -> {
            boolean processed = processing.sequencedDeadLetterProcessor(p.processingGroup())
                    .map(processor -> processor.process(letter -> letter instanceof JdbcDeadLetter<?> jdbc
                            && jdbc.getSequenceIdentifier().equals(p.sequence())))
                    .orElse(false);
            long stillParked = queue(p.processingGroup()).map(q -> q.sequenceSize(p.sequence())).orElse(0L);
            return new RetryOutcome(id, p.processingGroup(), p.sequence(), processed && stillParked == 0, stillParked);
        });
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String group) {
        return processing.deadLetterQueue(group);
    }

    private ParkedEvent view(String group, JdbcDeadLetter<?> letter, long waitingBehind) {
        EventMessage<?> event = letter.message();
        Long globalIndex = positions.globalIndexOf(event.getIdentifier()).orElse(null);
        DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
        Optional<Cause> cause = letter.cause();
        Object retries = letter.diagnostics().get(RETRIES);
        return new ParkedEvent(letter.getIdentifier(), group, letter.getSequenceIdentifier(), globalIndex,
                event.getPayloadType().getSimpleName(), domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(), cause.map(Cause::type).orElse(null),
                cause.map(Cause::message).orElse(null), letter.enqueuedAt(), letter.lastTouched(),
                retries instanceof Number n ? n.intValue() : 0, waitingBehind);
    }
}
