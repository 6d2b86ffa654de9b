package org.dit.query.client;

import java.util.Set;
import java.util.UUID;

/** The labels of these clients, for the episode, caseload and waiting-list answers. */
public record FindClientLabels(Set<UUID> clientIds) {

    public FindClientLabels {
        clientIds = Set.copyOf(clientIds);
    }
}
