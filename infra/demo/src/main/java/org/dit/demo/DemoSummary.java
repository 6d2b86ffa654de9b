package org.dit.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dit.events.EpisodeId;
import org.dit.events.episode.EpisodeStatus;

/** What the demo created: the therapists, and every episode with the state it was left in. */
record DemoSummary(LocalDate today, List<DemoTherapist> therapists, List<DemoEpisode> episodes, int commands,
                   Duration elapsed) {

    DemoSummary {
        therapists = List.copyOf(therapists);
        episodes = List.copyOf(episodes);
    }

    Map<EpisodeStatus, List<EpisodeId>> episodeIdsByStatus() {
        return episodes.stream().collect(Collectors.groupingBy(DemoEpisode::status, () -> new EnumMap<>(EpisodeStatus.class),
                Collectors.mapping(DemoEpisode::id, Collectors.toList())));
    }

    <K> Map<K, Long> count(Function<DemoEpisode, K> key) {
        return episodes.stream().filter(e -> key.apply(e) != null)
                .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    String describe() {
        return "%d therapists, %d episodes by status %s; in therapy by phase %s; endings %s; %d commands in %.1f s".formatted(
                therapists.size(), episodes.size(), count(DemoEpisode::status),
                count(e -> e.status() == EpisodeStatus.IN_THERAPY ? e.phase() : null), count(DemoEpisode::endReason),
                commands, elapsed.toMillis() / 1000.0);
    }
}
