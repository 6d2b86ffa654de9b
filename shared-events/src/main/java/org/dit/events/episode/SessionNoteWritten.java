package org.dit.events.episode;

import org.axonframework.serialization.Revision;
import org.dit.events.EpisodeId;
import org.dit.events.PersonalData;

/** The clinician's short note of an attended session; a later note of the same session replaces it in the record shown. */
@Revision("1")
public record SessionNoteWritten(EpisodeId episodeId, int sessionNumber, @PersonalData String text) implements EpisodeEvent {
}
