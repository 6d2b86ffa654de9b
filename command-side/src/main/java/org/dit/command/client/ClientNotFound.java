package org.dit.command.client;

import java.util.Map;

import org.dit.command.RuleViolation;
import org.dit.events.ClientId;

/** Refusal: the client named is not registered (404). */
public class ClientNotFound extends RuleViolation {

    private final ClientId clientId;

    public ClientNotFound(ClientId clientId) {
        super("client-not-found", "No such client", "no client is registered with id " + clientId
                + "; register the client first (POST /api/clients)");
        this.clientId = clientId;
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("clientId", clientId.value());
    }
}
