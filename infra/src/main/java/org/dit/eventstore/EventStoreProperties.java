package org.dit.eventstore;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the event store's readers wait for a hole in the global index to fill. A hole is an event whose
 * transaction has not committed yet, or one that rolled back and never will.
 *
 * @param gapTimeout           (positive; in production far above the 25 s transaction bound, only gap tests use
 *                             seconds) a hole is old enough for gap cleaning once the event after it is older than this;
 *                             must stay well above the longest transaction PostgreSQL allows (statement and
 *                             idle-in-transaction timeouts of 15 s)
 * @param gapCleaningThreshold gap cleaning runs only when a reader holds more gaps than this
 * @param maxGapOffset         a hole further than this many positions behind the newest event read is given up
 * @param wakeWindow           commits within this long of the first wake each processor once (0 to 1 s)
 */
@ConfigurationProperties("dit.event-store")
@Validated
record EventStoreProperties(@DefaultValue("60s") @NotNull @DurationMin(millis = 1) Duration gapTimeout,
                            @DefaultValue("250") @Min(1) int gapCleaningThreshold,
                            @DefaultValue("100000") @Min(1000) int maxGapOffset,
                            @DefaultValue("5ms") @NotNull @DurationMax(seconds = 1) Duration wakeWindow) {
}
