package org.dit.query.client;

import java.util.Set;
import java.util.UUID;

/** The demographics of these clients (absent for a client never registered or forgotten). */
public record FindClientDemographics(Set<UUID> clientIds) {

    public FindClientDemographics {
        clientIds = Set.copyOf(clientIds);
    }
}
