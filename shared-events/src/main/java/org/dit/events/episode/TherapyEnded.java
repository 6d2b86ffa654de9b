package org.dit.events.episode;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.dit.events.EpisodeId;

/** The episode of care ended. */
@Revision("1")
public record TherapyEnded(EpisodeId episodeId, LocalDate endedOn, EndReason reason) implements EpisodeEvent {
}
