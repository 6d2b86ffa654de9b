package org.dit.query.caseload;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.dit.events.episode.Phase;
import org.dit.query.client.ClientLabel;
import org.dit.query.client.ClientLabels;

/** GET /api/caseloads/{therapistId}. */
public record Caseload(UUID therapistId, String name, int activeEpisodes, int maxCaseload, List<Entry> entries) {

    public Caseload {
        entries = List.copyOf(entries);
    }

    /** The same caseload naming each client, for staff who may read the clients' records. */
    public Caseload withClients(ClientLabels labels) {
        return new Caseload(therapistId, name, activeEpisodes, maxCaseload,
                entries.stream().map(e -> e.withClient(labels.of(e.clientId()))).toList());
    }

    @Schema(name = "CaseloadEntry")
    public record Entry(UUID episodeId, UUID clientId, Phase phase, int sessionsAttended, int sessionsMissed, int courseLength,
                        @Schema(nullable = true, description = "null when no session is booked") Instant nextSessionAt,
                        boolean focusAgreed,
                        @Schema(nullable = true, description = "null before the first PHQ-9") Integer latestPhq9,
                        @Schema(nullable = true, description = "null before the first GAD-7") Integer latestGad7,
                        List<CaseloadFlag> flags,
                        @Schema(nullable = true, description = CLIENT_NAME) String clientName,
                        @Schema(nullable = true, description = NHS_NUMBER) String nhsNumber) {

        static final String CLIENT_NAME = "the client's name, \"Family, Given\"; null when unregistered or forgotten";
        static final String NHS_NUMBER = "the client's NHS number; null when they have none, are unregistered or forgotten";

        public Entry {
            flags = List.copyOf(flags);
        }

        Entry withClient(ClientLabel label) {
            return label == null ? this : new Entry(episodeId, clientId, phase, sessionsAttended, sessionsMissed,
                    courseLength, nextSessionAt, focusAgreed, latestPhq9, latestGad7, flags, label.name(),
                    label.nhsNumber());
        }
    }
}
