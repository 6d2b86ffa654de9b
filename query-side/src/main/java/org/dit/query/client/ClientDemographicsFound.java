package org.dit.query.client;

import java.util.Map;
import java.util.UUID;

/** The demographics found, by client id. */
public record ClientDemographicsFound(Map<UUID, ClientDemographics> byClient) {

    public ClientDemographicsFound {
        byClient = Map.copyOf(byClient);
    }
}
