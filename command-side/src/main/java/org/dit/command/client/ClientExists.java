package org.dit.command.client;

import java.util.Map;

import org.dit.command.RuleViolation;
import org.dit.events.ClientId;

/** Refusal: another client is registered with that NHS number; the problem names them. */
public class ClientExists extends RuleViolation {

    private final ClientId existing;

    public ClientExists(ClientId existing) {
        super("client-exists", "A client with this NHS number is registered",
                "client " + existing + " is registered with this NHS number");
        this.existing = existing;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("clientId", existing.value());
    }
}
