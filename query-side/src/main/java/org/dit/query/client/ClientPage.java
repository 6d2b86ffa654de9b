package org.dit.query.client;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A page of GET /api/clients: the clients found, in the order they were registered. */
public record ClientPage(int page, int size, long total, List<Found> clients) {

    public ClientPage {
        clients = List.copyOf(clients);
    }

    public record Found(UUID clientId, ClientStatus status, String nhsNumber, String givenName, String familyName,
                        LocalDate dateOfBirth) {
    }
}
