package org.dit.query.client;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/** The labels found, by client id; a client with no label (unregistered, forgotten) is not in the map. */
public record ClientLabels(Map<UUID, ClientLabel> byClient) {

    public ClientLabels {
        byClient = Map.copyOf(byClient);
    }

    /** The labels of the clients with these ids (nulls ignored), through the query bus. */
    public static ClientLabels find(QueryGateway queries, Collection<UUID> clientIds) {
        Set<UUID> ids = clientIds.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        return ids.isEmpty() ? new ClientLabels(Map.of())
                : queries.query(new FindClientLabels(ids), ResponseTypes.instanceOf(ClientLabels.class)).join();
    }

    public ClientLabel of(UUID clientId) {
        return clientId == null ? null : byClient.get(clientId);
    }
}
