package org.dit.query.waitinglist;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.dit.events.episode.Priority;
import org.dit.query.client.ClientLabel;
import org.dit.query.client.ClientLabels;

/**
 * GET /api/waiting-list. {@code over6Weeks} and {@code over18Weeks} count clients waiting more than 42 and 126 days
 * since referral; the {@code …Share} fields give the same as fractions of {@code count} (null for an empty list).
 * {@code breaching6WeeksWithin14Days} and {@code breaching18WeeksWithin14Days} count those not over yet who will be
 * within 14 days if still waiting; each entry's {@code breaches6WeeksOn} and {@code breaches18WeeksOn} are the dates its
 * wait exceeds 42 and 126 days.
 */
public record WaitingList(LocalDate asOf, int count, long over6Weeks, long over18Weeks,
                          @Schema(nullable = true, description = "null for an empty list") Double over6WeeksShare,
                          @Schema(nullable = true, description = "null for an empty list") Double over18WeeksShare,
                          @Schema(nullable = true, description = "null for an empty list") Double medianDaysSinceReferral,
                          long breaching6WeeksWithin14Days,
                          long breaching18WeeksWithin14Days, List<Entry> entries) {

    public WaitingList {
        entries = List.copyOf(entries);
    }

    /** The same list without episode or client ids: for callers who may see aggregates only. */
    public WaitingList withoutIdentifiers() {
        return new WaitingList(asOf, count, over6Weeks, over18Weeks, over6WeeksShare, over18WeeksShare,
                medianDaysSinceReferral, breaching6WeeksWithin14Days, breaching18WeeksWithin14Days,
                entries.stream().map(e -> new Entry(null, null, e.priority(), e.referredOn(), e.waitlistedOn(),
                        e.daysSinceReferral(), e.daysOnList(), e.breaches6WeeksOn(), e.breaches18WeeksOn(), null, null))
                        .toList());
    }

    /** The same list naming each client, for staff who may read the clients' records. */
    public WaitingList withClients(ClientLabels labels) {
        return new WaitingList(asOf, count, over6Weeks, over18Weeks, over6WeeksShare, over18WeeksShare,
                medianDaysSinceReferral, breaching6WeeksWithin14Days, breaching18WeeksWithin14Days,
                entries.stream().map(e -> e.withClient(labels.of(e.clientId()))).toList());
    }

    @Schema(name = "WaitingListEntry")
    public record Entry(@Schema(nullable = true, description = "null for callers who may see aggregates only (REPORTING)") UUID episodeId,
                        @Schema(nullable = true, description = "null for callers who may see aggregates only (REPORTING)") UUID clientId,
                        Priority priority, LocalDate referredOn, LocalDate waitlistedOn,
                        long daysSinceReferral, long daysOnList, LocalDate breaches6WeeksOn, LocalDate breaches18WeeksOn,
                        @Schema(nullable = true, description = "the client's name, \"Family, Given\"; null when unregistered "
                                + "or forgotten, and for REPORTING") String clientName,
                        @Schema(nullable = true, description = "the client's NHS number; null when they have none, are "
                                + "unregistered or forgotten, and for REPORTING") String nhsNumber) {

        Entry withClient(ClientLabel label) {
            return label == null ? this : new Entry(episodeId, clientId, priority, referredOn, waitlistedOn,
                    daysSinceReferral, daysOnList, breaches6WeeksOn, breaches18WeeksOn, label.name(), label.nhsNumber());
        }
    }
}
