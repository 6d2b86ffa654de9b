package org.dit.query.caseload;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

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

    public record Entry(UUID episodeId, UUID clientId, Phase phase, int sessionsAttended, int sessionsMissed, int courseLength,
                        Instant nextSessionAt, boolean focusAgreed, Integer latestPhq9, Integer latestGad7,
                        List<CaseloadFlag> flags, String clientName, String nhsNumber) {

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
