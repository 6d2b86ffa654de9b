package org.dit.command.episode;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dit.events.EpisodeId;
import org.dit.events.episode.SessionMode;

/** Book the next treatment session. */
public record BookSession(@TargetAggregateIdentifier EpisodeId episodeId, Instant startsAt, int durationMinutes, SessionMode mode) {
}
