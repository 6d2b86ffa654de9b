package org.dit.events.client;

import org.axonframework.serialization.Revision;
import org.dit.events.ClientId;
import org.dit.events.DataSubject;
import org.dit.events.PersonalData;

/** A client was registered with the service, identified by NHS number (or the reason there is none). */
@Revision("1")
public record ClientRegistered(@DataSubject ClientId clientId, @PersonalData ClientDetails details) implements ClientEvent {
}
