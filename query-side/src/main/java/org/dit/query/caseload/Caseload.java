package org.dit.query.caseload;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.dit.events.episode.Phase;

/** GET /api/caseloads/{therapistId}. */
public record Caseload(UUID therapistId, String name, int activeEpisodes, int maxCaseload, List<Entry> entries) {

    public Caseload {
        entries = List.copyOf(entries);
    }

    @Schema(name = "CaseloadEntry")
    public record Entry(UUID episodeId, UUID clientId, Phase phase, int sessionsAttended, int sessionsMissed, int courseLength,
                        @Schema(nullable = true, description = "null when no session is booked") Instant nextSessionAt,
                        boolean focusAgreed,
                        @Schema(nullable = true, description = "null before the first PHQ-9") Integer latestPhq9,
                        @Schema(nullable = true, description = "null before the first GAD-7") Integer latestGad7,
                        List<CaseloadFlag> flags) {

        public Entry {
            flags = List.copyOf(flags);
        }
    }
}
