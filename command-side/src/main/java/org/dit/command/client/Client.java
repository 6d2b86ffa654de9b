package org.dit.command.client;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dit.command.InvalidInput;
import org.dit.events.ClientId;
import org.dit.events.client.ClientDetails;
import org.dit.events.client.ClientDetailsCorrected;
import org.dit.events.client.ClientErased;
import org.dit.events.client.ClientErasureApproved;
import org.dit.events.client.ClientRegistered;
import org.dit.events.client.ErasureGround;

/**
 * A client of the service: who they are. Their care is in their episodes, which name them by id. The aggregate keeps
 * no personal data in its state: after an erasure its events read without it.
 */
@Aggregate(cache = "aggregateCache")
class Client {

    @AggregateIdentifier
    private ClientId clientId;
    private Instant registeredAt;
    private String erasureApprovedBy;
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

    @CommandHandler
    void handle(ApproveClientErasure command, @MetaDataValue(Actors.ACTOR) String actor) {
        policy().requireNotErased();
        String reason = InvalidInput.requireText("reason", command.reason());
        apply(new ClientErasureApproved(clientId, Actors.named(actor), reason));
    }

    /** Destroys the client's data key (ClientErased, then the key shredder in the same transaction). */
    @CommandHandler
    void handle(EraseClient command, ClientRegistry registry, RetentionPeriod retention, Clock clock,
                @MetaDataValue(Actors.ACTOR) String actor) {
        ClientPolicy policy = policy();
        policy.requireNotErased();
        String reason = InvalidInput.requireText("reason", command.reason());
        Optional<LocalDate> lastEnded = registry.lastEpisodeEnded(clientId);
        if (Boolean.TRUE.equals(command.registeredInError())) {
            String approver = policy.requireApprovalByAnother(Actors.named(actor));
            registry.openEpisode(clientId).ifPresent(open -> {
                throw new OpenEpisodeExists(clientId, open);
            });
            apply(new ClientErased(clientId, ErasureGround.REGISTERED_IN_ERROR, reason, approver, lastEnded.orElse(null)));
        } else {
            policy.requireRetentionPassed(registry.openEpisode(clientId), lastEnded, retention, clock);
            apply(new ClientErased(clientId, ErasureGround.RETENTION_PERIOD_ENDED, reason, null, lastEnded.orElse(null)));
        }
    }

    @EventSourcingHandler
    void on(ClientRegistered event, @Timestamp Instant at) {
        clientId = event.clientId();
        registeredAt = at;
    }

    @EventSourcingHandler
    void on(ClientErasureApproved event) {
        erasureApprovedBy = event.approvedBy();
    }

    @EventSourcingHandler
    void on(ClientErased event) {
        erased = true;
    }

    private ClientPolicy policy() {
        return new ClientPolicy(clientId, erased, registeredAt, erasureApprovedBy);
    }
}
