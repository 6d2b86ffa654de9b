package org.dit.query.client;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Clients by NHS number, or by family name and date of birth, a page at a time; only those with an episode allocated
 * to {@code therapistId} when it is given.
 */
public record FindClients(String nhsNumber, String familyName, LocalDate dateOfBirth, UUID therapistId, int page, int size) {
}
