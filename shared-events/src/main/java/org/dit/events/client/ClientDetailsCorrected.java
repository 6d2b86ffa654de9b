package org.dit.events.client;

import org.axonframework.serialization.Revision;
import org.dit.events.ClientId;
import org.dit.events.DataSubject;
import org.dit.events.PersonalData;

/** The client's details were found wrong or out of date and replaced as a whole; the earlier ones stay in the log. */
@Revision("1")
public record ClientDetailsCorrected(@DataSubject ClientId clientId, @PersonalData ClientDetails details,
                                     @PersonalData String reason) implements ClientEvent {
}
