package org.dit.events.episode;

import org.axonframework.serialization.Revision;
import org.dit.events.EpisodeId;
import org.dit.events.PersonalData;

/** A supervisor approved extra sessions beyond the planned course. */
@Revision("1")
public record CourseExtended(EpisodeId episodeId, int additionalSessions, int courseLength, String approvedBy, @PersonalData String reason) implements EpisodeEvent {
}
