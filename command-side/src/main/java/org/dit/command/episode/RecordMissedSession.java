package org.dit.command.episode;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dit.events.EpisodeId;

/** Record that the client did not attend a booked session. */
public record RecordMissedSession(@TargetAggregateIdentifier EpisodeId episodeId, int sessionNumber) {
}
