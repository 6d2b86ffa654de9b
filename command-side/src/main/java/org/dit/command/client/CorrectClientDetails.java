package org.dit.command.client;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dit.events.ClientId;
import org.dit.events.client.ClientDetails;

/** Replace the client's details with corrected ones, saying why. */
public record CorrectClientDetails(@TargetAggregateIdentifier ClientId clientId, ClientDetails details, String reason) {
}
