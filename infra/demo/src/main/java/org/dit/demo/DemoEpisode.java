package org.dit.demo;

import java.time.LocalDate;

import org.dit.events.ClientId;
import org.dit.events.EpisodeId;
import org.dit.events.TherapistId;
import org.dit.events.episode.EndReason;
import org.dit.events.episode.EpisodeStatus;
import org.dit.events.episode.Phase;

/**
 * One demo episode as the plan left it today: what was intended ({@code fate}) and where the commands take it
 * (status, phase, end reason, sessions attended), which the read models should show once they have caught up.
 */
record DemoEpisode(EpisodeId id, ClientId clientId, Fate fate, EpisodeStatus status, Phase phase, EndReason endReason,
                   LocalDate endedOn, TherapistId therapistId, int courseLength, int sessionsAttended) {
}
