package org.dit.query.facts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.jdbc.core.JdbcTemplate;

/** The stored form of {@link EpisodeFacts} in read-model tables; its own mapper, so web settings cannot change it. */
public final class FactsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private FactsJson() {
    }

    public static Optional<EpisodeFacts> load(JdbcTemplate jdbc, String table, UUID episodeId) {
        List<String> stored = jdbc.queryForList("SELECT facts FROM " + table + " WHERE episode_id = ?", String.class,
                episodeId);
        return stored.stream().findFirst().map(json -> read(json, episodeId));
    }

    /** Within a batch of the read models' processor, the same facts are serialised once for every table. */
    public static String write(EpisodeFacts facts) {
        return FactsBatch.json(facts, FactsJson::serialise);
    }

    private static String serialise(EpisodeFacts facts) {
        try {
            return MAPPER.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("episode facts not serialisable", e);
        }
    }

    public static EpisodeFacts read(String json, UUID episodeId) {
        if (json == null) {
            return EpisodeFacts.none(episodeId);
        }
        try {
            return MAPPER.readValue(json, EpisodeFacts.class);
        } catch (IOException e) {
            throw new UncheckedIOException("stored facts of episode " + episodeId + " unreadable", e);
        }
    }
}
