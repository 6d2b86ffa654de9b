package org.dit.command.client;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long a client's record is kept after their last episode ended ({@code dit.retention.years}, 20 by default: the
 * retention of mental-health records in England), after which it may be erased.
 */
@Component
public class RetentionPeriod {

    private final int years;

    public RetentionPeriod(@Value("${dit.retention.years:20}") int years) {
        if (years < 1) {
            throw new IllegalArgumentException("dit.retention.years must be 1 or more, not " + years);
        }
        this.years = years;
    }

    public int years() {
        return years;
    }

    /** The first clinic day on which a record kept since {@code since} may be erased. */
    LocalDate endsAfter(LocalDate since) {
        return since.plusYears(years);
    }

    boolean hasPassedSince(LocalDate since, Clock clock) {
        return !LocalDate.now(clock).isBefore(endsAfter(since));
    }
}
