package org.dit.query.client;

import java.util.UUID;

/** One client with their episodes. */
public record FindClient(UUID clientId) {
}
