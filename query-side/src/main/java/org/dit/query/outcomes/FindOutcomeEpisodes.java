package org.dit.query.outcomes;

import java.time.LocalDate;
import java.util.UUID;

/** The episodes the report of [from, to] counts (referred, first or second session, or ended in it), with their clients. */
public record FindOutcomeEpisodes(LocalDate from, LocalDate to, UUID therapistId) {
}
