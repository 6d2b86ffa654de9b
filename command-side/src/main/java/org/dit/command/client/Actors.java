package org.dit.command.client;

/** Who sent a command, as CommandRunner puts it in the command's metadata. */
final class Actors {

    /** The metadata key CommandRunner writes the signed-in user under. */
    static final String ACTOR = "actor";
    static final String UNKNOWN = "unknown";

    private Actors() {
    }

    static String named(String actor) {
        return actor == null || actor.isBlank() ? UNKNOWN : actor;
    }
}
