package org.dit.command.episode;

import org.dit.command.RuleViolation;

/** Refusal: An earlier session is still unresolved. */
public class EarlierSessionUnresolved extends RuleViolation {

    public EarlierSessionUnresolved(String detail) {
        super("earlier-session-unresolved", "An earlier session is still unresolved", detail);
    }
}
