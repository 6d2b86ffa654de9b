package org.dit.command.client;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dit.events.ClientId;

/**
 * Erase the client's personal data by destroying their data key: once the retention period has passed since their
 * last episode ended, or at once for a record registered in error that a supervisor approved.
 */
public record EraseClient(@TargetAggregateIdentifier ClientId clientId, String reason, Boolean registeredInError) {
}
