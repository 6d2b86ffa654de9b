package org.dit.command.client;

import java.util.Map;

import org.dit.command.RuleViolation;
import org.dit.events.ClientId;

/** Refusal: the client's personal data was erased; nothing more can be recorded about them. */
public class ClientForgotten extends RuleViolation {

    private final ClientId clientId;

    public ClientForgotten(ClientId clientId) {
        super("client-forgotten", "The client was erased", "client " + clientId + " was erased (forgotten)");
        this.clientId = clientId;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("clientId", clientId.value());
    }
}
