package org.dit.query.outcomes;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * The report of the period [from, to], both inclusive (docs/design.md §3); therapistId optional. With {@code groupBy},
 * the report carries one report per group too; for a demographic grouping {@code groupOfEpisode} gives each episode's
 * group (those missing are "Not known").
 */
public record FindOutcomes(LocalDate from, LocalDate to, UUID therapistId, GroupBy groupBy,
                           Map<UUID, String> groupOfEpisode) {

    public FindOutcomes {
        groupOfEpisode = groupOfEpisode == null ? Map.of() : Map.copyOf(groupOfEpisode);
    }

    public FindOutcomes(LocalDate from, LocalDate to, UUID therapistId) {
        this(from, to, therapistId, null, Map.of());
    }
}
