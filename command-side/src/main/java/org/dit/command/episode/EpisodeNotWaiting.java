package org.dit.command.episode;

import org.dit.command.RuleViolation;

/** Refusal: The client is not on the waiting list. */
public class EpisodeNotWaiting extends RuleViolation {

    public EpisodeNotWaiting(String detail) {
        super("episode-not-waiting", "The client is not on the waiting list", detail);
    }
}
