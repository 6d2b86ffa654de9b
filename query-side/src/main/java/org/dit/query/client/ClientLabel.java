package org.dit.query.client;

/**
 * How an answer about an episode names its client for staff who may read the client's record: the display name
 * ("Family, Given") and the NHS number (null when the client has none). Absent for a client never registered or
 * forgotten after erasure.
 */
public record ClientLabel(String name, String nhsNumber) {
}
