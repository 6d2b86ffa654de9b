package org.dit.command.therapist;

import java.util.List;

import org.dit.events.EpisodeId;

/** The outcome of {@link DeactivateTherapist}: the open episodes still with the therapist, to be reassigned. */
public record Deactivation(List<EpisodeId> episodesToReassign) {

    public Deactivation {
        episodesToReassign = List.copyOf(episodesToReassign);
    }
}
