package org.dit.events.episode;

import org.axonframework.serialization.Revision;
import org.dit.events.EpisodeId;

/** A supervisor approved extra sessions beyond the planned course. */
@Revision("1")
public record CourseExtended(EpisodeId episodeId, int additionalSessions, int courseLength, String approvedBy, String reason) implements EpisodeEvent {
}
