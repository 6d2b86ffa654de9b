package org.dit.eventstore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.tracing.Span;
import org.axonframework.tracing.SpanFactory;

/**
 * Axon's JDBC storage engine with one change: a hole below a visible event is always remembered as a gap.
 * <p>
 * Axon records no gap (and drops the gaps it holds) when the visible event's message timestamp is older than the gap
 * timeout (AxonFramework issue #4829, closed without a fix). That timestamp is taken when the command handler applies
 * the event, before its transaction commits, and a processor that lags behind reads every event "late". Either way
 * an event whose transaction commits after its neighbour's looks like a rolled-back hole and is skipped for ever.
 * <p>
 * Here a gap is given up only by distance ({@code maxGapOffset} positions behind the token) or by Axon's gap cleaning,
 * which needs more than {@code gapCleaningThreshold} outstanding gaps and a following event older than the gap
 * timeout. Both bounds sit far beyond the longest transaction PostgreSQL lets live (statement and idle-in-transaction
 * timeouts), so only holes that can never fill are given up.
 * <p>
 * Besides, each append is a span of its own ({@value #APPEND_SPAN}) when tracing is on (docs/operations.md "Traces"):
 * Axon's own spans around it ({@code EventBus.commitEvents}) also hold the subscribing processors and the commit.
 */
final class GapSafeJdbcEventStorageEngine extends JdbcEventStorageEngine {

    static final String APPEND_SPAN = "EventStore.appendEvents";

    private final int maxGapOffset;
    private final long lowestGlobalSequence;
    private final SpanFactory spanFactory;

    private GapSafeJdbcEventStorageEngine(JdbcEventStorageEngine.Builder builder, int maxGapOffset,
                                          long lowestGlobalSequence, SpanFactory spanFactory) {
        super(builder);
        this.maxGapOffset = maxGapOffset;
        this.lowestGlobalSequence = lowestGlobalSequence;
        this.spanFactory = spanFactory;
    }

    /** The builder must have been given the same {@code maxGapOffset}; {@code lowestGlobalSequence} stays Axon's 1. */
    static JdbcEventStorageEngine build(JdbcEventStorageEngine.Builder builder, int maxGapOffset, SpanFactory spanFactory) {
        return new GapSafeJdbcEventStorageEngine(builder.maxGapOffset(maxGapOffset), maxGapOffset, 1L, spanFactory);
    }

    /** The insert of a command's events into the event table, within the command's transaction. */
    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        Span span = spanFactory.createInternalSpan(() -> APPEND_SPAN)
                .addAttribute("dit.event_count", Integer.toString(events.size()));
        span.run(() -> super.appendEvents(events));
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        TrackedDomainEventData<?> axons = (TrackedDomainEventData<?>) super.getTrackedEventData(resultSet, previousToken);
        long globalIndex = resultSet.getLong(schema().globalIndexColumn());
        GapAwareTrackingToken token = previousToken == null
                ? GapAwareTrackingToken.newInstance(globalIndex,
                        LongStream.range(Math.min(lowestGlobalSequence, globalIndex), globalIndex).boxed()
                                .collect(Collectors.toCollection(TreeSet::new)))
                : previousToken.advanceTo(globalIndex, maxGapOffset);
        return new TrackedDomainEventData<>(token, axons);
    }
}
