package org.dit.query.caseload;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.dit.events.episode.Phase;

/** GET /api/caseloads/{therapistId}. */
public record Caseload(UUID therapistId, String name, int activeEpisodes, int maxCaseload, List<Entry> entries) {

    public Caseload {
        entries = List.copyOf(entries);
    }

    public record Entry(UUID episodeId, UUID clientId, Phase phase, int sessionsAttended, int sessionsMissed, int courseLength,
                        Instant nextSessionAt, boolean focusAgreed, Integer latestPhq9, Integer latestGad7,
                        List<CaseloadFlag> flags) {

        public Entry {
            flags = List.copyOf(flags);
        }
    }
}
