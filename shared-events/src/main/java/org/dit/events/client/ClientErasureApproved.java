package org.dit.events.client;

import org.axonframework.serialization.Revision;
import org.dit.events.ClientId;
import org.dit.events.DataSubject;

/**
 * A supervisor approved the immediate erasure of a client registered in error; an administrator other than the
 * approver carries it out. Kept readable after the erasure, as its record: the reason must not name the client.
 */
@Revision("1")
public record ClientErasureApproved(@DataSubject ClientId clientId, String approvedBy, String reason) implements ClientEvent {
}
