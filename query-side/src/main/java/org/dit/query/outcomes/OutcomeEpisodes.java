package org.dit.query.outcomes;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The episodes a period report counts: whose client, referred when (for the age band at referral). */
public record OutcomeEpisodes(List<Episode> episodes) {

    public OutcomeEpisodes {
        episodes = List.copyOf(episodes);
    }

    public record Episode(UUID episodeId, UUID clientId, LocalDate referredOn) {
    }
}
