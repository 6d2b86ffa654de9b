package org.dit.command.episode;

import org.dit.command.RuleViolation;

/** Refusal: The episode is not in therapy. */
public class EpisodeNotInTherapy extends RuleViolation {

    public EpisodeNotInTherapy(String detail) {
        super("episode-not-in-therapy", "The episode is not in therapy", detail);
    }
}
