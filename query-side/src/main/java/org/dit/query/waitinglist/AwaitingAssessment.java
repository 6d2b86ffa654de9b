package org.dit.query.waitinglist;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.dit.events.episode.Priority;

/**
 * GET /api/referrals/awaiting-assessment: who had been referred and not yet assessed at the end of {@code asOf}
 * (assessed means put on the waiting list, or ended as not suitable; a referral withdrawn before assessment leaves the
 * list on its ending), URGENT first, then the oldest referral.
 */
public record AwaitingAssessment(LocalDate asOf, int count, List<Entry> entries) {

    public AwaitingAssessment {
        entries = List.copyOf(entries);
    }

    /** The same list without episode ids: for callers who may see aggregates only. */
    public AwaitingAssessment withoutIdentifiers() {
        return new AwaitingAssessment(asOf, count,
                entries.stream().map(e -> new Entry(null, e.priority(), e.referredOn(), e.daysWaiting())).toList());
    }

    @Schema(name = "AwaitingAssessmentEntry")
    public record Entry(@Schema(nullable = true, description = "null for callers who may see aggregates only (REPORTING)") UUID episodeId,
                        Priority priority, LocalDate referredOn, long daysWaiting) {
    }
}
