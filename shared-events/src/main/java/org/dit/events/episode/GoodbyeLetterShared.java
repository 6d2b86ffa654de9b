package org.dit.events.episode;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.dit.events.EpisodeId;

/** The therapist shared the goodbye letter with the client. */
@Revision("1")
public record GoodbyeLetterShared(EpisodeId episodeId, LocalDate sharedOn) implements EpisodeEvent {
}
