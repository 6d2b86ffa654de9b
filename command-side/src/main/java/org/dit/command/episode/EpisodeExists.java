package org.dit.command.episode;

import org.dit.command.RuleViolation;

/** Refusal: The episode already exists. */
public class EpisodeExists extends RuleViolation {

    public EpisodeExists(String detail) {
        super("episode-exists", "The episode already exists", detail);
    }
}
