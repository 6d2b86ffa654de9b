package org.dit.query.admin;

import java.util.Optional;

/**
 * Where an event sits in the log. A parked event's tracking token cannot tell: for an event that committed after a
 * later one (it filled a gap), the token points at the later event. The event store's owner answers from the log.
 */
public interface EventPositions {

    Optional<Long> globalIndexOf(String eventIdentifier);
}
