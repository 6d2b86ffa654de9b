package org.dit.query.outcomes;

import java.util.UUID;

public record FindEpisodeOutcome(UUID episodeId) {
}
