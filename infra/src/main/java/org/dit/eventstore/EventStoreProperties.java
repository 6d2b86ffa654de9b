package org.dit.eventstore;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the event store's readers wait for a hole in the global index to fill. A hole is an event whose
 * transaction has not committed yet, or one that rolled back and never will.
 *
 * @param gapTimeout           a hole is old enough for gap cleaning once the event after it is older than this;
 *                             must stay well above the longest transaction PostgreSQL allows (statement and
 *                             idle-in-transaction timeouts of 15 s)
 * @param gapCleaningThreshold gap cleaning runs only when a reader holds more gaps than this
 * @param maxGapOffset         a hole further than this many positions behind the newest event read is given up
 */
@ConfigurationProperties("dit.event-store")
record EventStoreProperties(@DefaultValue("60s") Duration gapTimeout,
                            @DefaultValue("250") int gapCleaningThreshold,
                            @DefaultValue("100000") int maxGapOffset) {
}
