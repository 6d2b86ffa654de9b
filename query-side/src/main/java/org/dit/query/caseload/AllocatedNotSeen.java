package org.dit.query.caseload;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.dit.events.episode.Priority;

/**
 * GET /api/waiting-list/allocated-not-seen: who had been allocated a therapist by the end of {@code asOf} and had not
 * yet attended a session (nor ended), URGENT first, then the oldest referral.
 */
public record AllocatedNotSeen(LocalDate asOf, int count, List<Entry> entries) {

    public AllocatedNotSeen {
        entries = List.copyOf(entries);
    }

    /** The same list without episode ids: for callers who may see aggregates only. */
    public AllocatedNotSeen withoutIdentifiers() {
        return new AllocatedNotSeen(asOf, count, entries.stream().map(e -> new Entry(null, e.therapistId(), e.priority(),
                e.referredOn(), e.allocatedOn(), e.daysSinceReferral(), e.daysSinceAllocation())).toList());
    }

    @Schema(name = "AllocatedNotSeenEntry")
    public record Entry(@Schema(nullable = true, description = "null for callers who may see aggregates only (REPORTING)") UUID episodeId,
                        UUID therapistId, Priority priority, LocalDate referredOn, LocalDate allocatedOn,
                        long daysSinceReferral, long daysSinceAllocation) {
    }
}
