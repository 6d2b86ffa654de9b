package org.dit.events.client;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.dit.events.ClientId;
import org.dit.events.DataSubject;

/**
 * The client's personal data was erased by destroying their data key (crypto-shredding): every personal field of
 * their events reads as null from then on. The reason and approver stay readable on purpose, as the record of the
 * erasure; they must not name the client.
 *
 * @param lastEpisodeEndedOn the end of the client's last episode (null when there was none)
 * @param approvedBy         the supervisor who approved an erasure of a record registered in error (null otherwise)
 */
@Revision("1")
public record ClientErased(@DataSubject ClientId clientId, ErasureGround ground, String reason, String approvedBy,
                           LocalDate lastEpisodeEndedOn) implements ClientEvent {
}
