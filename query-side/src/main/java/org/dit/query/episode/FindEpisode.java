package org.dit.query.episode;

import java.util.UUID;

/** The episode read model of one episode. */
public record FindEpisode(UUID episodeId) {
}
