package org.dit.command.episode;

import org.dit.command.RuleViolation;

/** Refusal: The episode is not awaiting assessment. */
public class EpisodeNotReferred extends RuleViolation {

    public EpisodeNotReferred(String detail) {
        super("episode-not-referred", "The episode is not awaiting assessment", detail);
    }
}
