package org.dit.events.episode;

import org.axonframework.serialization.Revision;
import org.dit.events.EpisodeId;
import org.dit.events.PersonalData;

/**
 * The therapist and client agreed a shorter course; phases follow the new length. approvedBy names the supervisor
 * who approved a course shorter than 12 sessions (null when none was needed).
 */
@Revision("1")
public record CourseShortened(EpisodeId episodeId, int courseLength, int previousCourseLength, @PersonalData String reason,
                              String approvedBy)
        implements EpisodeEvent {
}
