package org.dit.query.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
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
public record ClientView(UUID clientId, ClientStatus status,
                         @Schema(nullable = true, description = DETAIL) String nhsNumber,
                         @Schema(nullable = true, description = DETAIL) String nhsNumberUnavailableReason,
                         @Schema(nullable = true, description = DETAIL) String givenName,
                         @Schema(nullable = true, description = DETAIL) String familyName,
                         @Schema(nullable = true, description = DETAIL) LocalDate dateOfBirth,
                         @Schema(nullable = true, description = DETAIL) Gender gender,
                         @Schema(nullable = true, description = DETAIL) EthnicCategory ethnicCategory,
                         @Schema(nullable = true, description = DETAIL) String postcode,
                         @Schema(nullable = true, description = DETAIL) String phone,
                         @Schema(nullable = true, description = DETAIL) String email,
                         @Schema(nullable = true, description = DETAIL) String gpPracticeCode,
                         @Schema(nullable = true, description = DETAIL) String preferredLanguage,
                         @Schema(nullable = true, description = DETAIL) Boolean interpreterNeeded,
                         @Schema(nullable = true, description = DETAIL) List<ContactMethod> contactConsent,
                         @Schema(nullable = true, description = "null for an unregistered client") Instant registeredAt,
                         List<Episode> episodes) {

    static final String DETAIL = "null when not given, and every detail when the client is unregistered or forgotten";

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
    @Schema(name = "ClientEpisode")
    public record Episode(UUID episodeId, EpisodeStatus status, LocalDate referredOn,
                          @Schema(nullable = true, description = "null until a therapist is allocated") UUID therapistId,
                          @Schema(nullable = true, description = "null until the episode ends") LocalDate endedOn,
                          @Schema(nullable = true, description = "null until the episode ends") EndReason endReason) {
    }
}
