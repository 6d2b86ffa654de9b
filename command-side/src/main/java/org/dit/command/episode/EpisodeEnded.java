package org.dit.command.episode;

import org.dit.command.RuleViolation;

/** Refusal: The episode has ended. */
public class EpisodeEnded extends RuleViolation {

    public EpisodeEnded(String detail) {
        super("episode-ended", "The episode has ended", detail);
    }
}
