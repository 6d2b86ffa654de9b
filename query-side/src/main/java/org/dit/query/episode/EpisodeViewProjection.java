package org.dit.query.episode;

import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.dit.events.client.ClientErased;
import org.dit.events.episode.EpisodeEvent;
import org.dit.query.facts.EpisodeFacts;
import org.dit.query.facts.FactsBatch;
import org.dit.query.facts.FactsJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The episode read model: each episode's folded facts, from which GET /api/episodes/{id} answers. A redelivered event
 * changes nothing (the facts remember the last sequence number applied); writes join the processor's transaction, so
 * the read model and the processor's token commit together.
 */
@Component
@ProcessingGroup(EpisodeViewProjection.NAME)
class EpisodeViewProjection {

    static final String NAME = "episode-view";

    private static final String UPSERT = """
            INSERT INTO episode_view (episode_id, status, therapist_id, facts, last_sequence, client_id) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (episode_id) DO UPDATE SET status = excluded.status, therapist_id = excluded.therapist_id,
                   client_id = excluded.client_id,
                   facts = excluded.facts, last_sequence = excluded.last_sequence""";

    private final JdbcTemplate jdbc;

    EpisodeViewProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The erased client's episodes keep their facts, without their personal data. */
    @EventHandler
    void on(ClientErased event) {
        FactsBatch.forgetClient(jdbc, "episode_view", event.clientId().value());
    }

    @EventHandler
    void on(EpisodeEvent event, @SequenceNumber long sequence) {
        FactsBatch.advance(jdbc, "episode_view", UPSERT, EpisodeViewProjection::row, event, sequence);
    }

    private static Object[] row(EpisodeFacts facts) {
        return new Object[] {facts.episodeId(), facts.status().name(), facts.therapistId(), FactsJson.write(facts),
                facts.lastSequence(), facts.clientId()};
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM episode_view");
    }

    @QueryHandler
    Optional<EpisodeView> handle(FindEpisode query) {
        return FactsJson.load(jdbc, "episode_view", query.episodeId()).map(EpisodeView::of);
    }
}
