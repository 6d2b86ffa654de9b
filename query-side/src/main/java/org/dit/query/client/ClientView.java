package org.dit.query.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.dit.events.client.ClientDetails;
import org.dit.events.client.ContactMethod;
import org.dit.events.client.EthnicCategory;
import org.dit.events.client.Gender;
import org.dit.events.episode.EndReason;
import org.dit.events.episode.EpisodeStatus;

/**
 * GET /api/clients/{id}: the client's details (null when unregistered or forgotten) and every episode, open and
 * ended, oldest referral first.
 */
public record ClientView(UUID clientId, ClientStatus status, String nhsNumber, String nhsNumberUnavailableReason,
                         String givenName, String familyName, LocalDate dateOfBirth, Gender gender,
                         EthnicCategory ethnicCategory, String postcode, String phone, String email, String gpPracticeCode,
                         String preferredLanguage, Boolean interpreterNeeded, List<ContactMethod> contactConsent,
                         Instant registeredAt, List<Episode> episodes) {

    public ClientView {
        contactConsent = contactConsent == null ? null : List.copyOf(contactConsent);
        episodes = List.copyOf(episodes);
    }

    static ClientView of(UUID clientId, ClientStatus status, ClientDetails d, Instant registeredAt, List<Episode> episodes) {
        if (d == null) {
            return new ClientView(clientId, status, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, registeredAt, episodes);
        }
        return new ClientView(clientId, status, d.nhsNumber(), d.nhsNumberUnavailableReason(), d.givenName(),
                d.familyName(), d.dateOfBirth(), d.gender(), d.ethnicCategory(), d.postcode(), d.phone(), d.email(),
                d.gpPracticeCode(), d.preferredLanguage(), d.interpreterNeeded(), d.contactConsent(), registeredAt, episodes);
    }

    /** One of the client's episodes; {@code therapistId} is the therapist allocated, if any. */
    public record Episode(UUID episodeId, EpisodeStatus status, LocalDate referredOn, UUID therapistId, LocalDate endedOn,
                          EndReason endReason) {
    }
}
