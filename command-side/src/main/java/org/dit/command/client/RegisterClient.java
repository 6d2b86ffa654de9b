package org.dit.command.client;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dit.events.ClientId;
import org.dit.events.client.ClientDetails;

/** Register a client: who they are, identified by NHS number or the reason there is none. */
public record RegisterClient(@TargetAggregateIdentifier ClientId clientId, ClientDetails details) {
}
