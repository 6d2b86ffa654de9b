package org.dit.query.client;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** A page of GET /api/clients: the clients found, in the order they were registered. */
public record ClientPage(int page, int size, long total, List<Found> clients) {

    public ClientPage {
        clients = List.copyOf(clients);
    }

    /** The details are null when they cannot be read (the client was erased meanwhile), the NHS number when unknown. */
    @Schema(name = "ClientPageEntry")
    public record Found(UUID clientId, ClientStatus status,
                        @Schema(nullable = true, description = DETAIL + "; or when the NHS number is unavailable") String nhsNumber,
                        @Schema(nullable = true, description = DETAIL) String givenName,
                        @Schema(nullable = true, description = DETAIL) String familyName,
                        @Schema(nullable = true, description = DETAIL) LocalDate dateOfBirth) {

        static final String DETAIL = "null when the client's details cannot be read (erased)";
    }
}
