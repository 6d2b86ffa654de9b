package org.dit.command.client;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dit.events.ClientId;

/** A supervisor approves erasing a client registered in error (the approver is the signed-in supervisor). */
public record ApproveClientErasure(@TargetAggregateIdentifier ClientId clientId, String reason) {
}
