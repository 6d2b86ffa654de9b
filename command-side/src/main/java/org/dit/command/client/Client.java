package org.dit.command.client;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dit.command.InvalidInput;
import org.dit.events.ClientId;
import org.dit.events.client.ClientDetails;
import org.dit.events.client.ClientDetailsCorrected;
import org.dit.events.client.ClientErased;
import org.dit.events.client.ClientRegistered;

/**
 * A client of the service: who they are. Their care is in their episodes, which name them by id. The aggregate keeps
 * no personal data in its state: after an erasure its events read without it.
 */
@Aggregate(cache = "aggregateCache")
class Client {

    @AggregateIdentifier
    private ClientId clientId;
    private Instant registeredAt;
    private boolean erased;

    Client() {
    }

    @CommandHandler
    Client(RegisterClient command, ClientRegistry registry, Clock clock) {
        ClientId id = InvalidInput.require("clientId", command.clientId());
        ClientDetails details = ClientPolicy.requireValid(command.details(), clock);
        new ClientPolicy(id, false).requireNhsNumberFree(details, registry);
        apply(new ClientRegistered(id, details));
    }

    @CommandHandler
    void handle(CorrectClientDetails command, ClientRegistry registry, Clock clock) {
        ClientPolicy policy = policy();
        policy.requireNotErased();
        ClientDetails details = ClientPolicy.requireValid(command.details(), clock);
        String reason = InvalidInput.requireText("reason", command.reason());
        policy.requireNhsNumberFree(details, registry);
        apply(new ClientDetailsCorrected(clientId, details, reason));
    }

    @EventSourcingHandler
    void on(ClientRegistered event, @Timestamp Instant at) {
        clientId = event.clientId();
        registeredAt = at;
    }

    @EventSourcingHandler
    void on(ClientErased event) {
        erased = true;
    }

    private ClientPolicy policy() {
        return new ClientPolicy(clientId, erased);
    }
}
