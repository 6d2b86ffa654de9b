package org.dit.command.episode;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dit.events.EpisodeId;
import org.dit.events.episode.SessionMode;

/** Book the follow-up appointment some weeks after the ending, with the episode's therapist. */
public record BookFollowUp(@TargetAggregateIdentifier EpisodeId episodeId, Instant startsAt, int durationMinutes,
                           SessionMode mode) {
}
