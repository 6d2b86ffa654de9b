package org.dit.personaldata;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.dit.events.ClientId;
import org.dit.events.DataSubject;
import org.dit.events.episode.EpisodeEvent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whom an event's personal data is about: the client its {@link DataSubject} component names, or for an episode
 * event the client its episode belongs to (the command side's cmd_episode_client, written when the referral is
 * appended). Events appended together with their episode's referral come before that row exists, so the referrals
 * this node has just written are remembered for a while.
 */
public final class DataSubjects {

    private static final int RECENT = 4096;

    private final JdbcTemplate jdbc;
    private final Map<Class<?>, Optional<RecordComponent>> subjectComponents = new ConcurrentHashMap<>();
    private final Map<UUID, UUID> recent = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, UUID> eldest) {
            return size() > RECENT;
        }
    };

    DataSubjects(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The client whom the event is about. */
    UUID of(Object event) {
        UUID named = named(event);
        if (event instanceof EpisodeEvent episodeEvent) {
            UUID episodeId = episodeEvent.episodeId().value();
            if (named != null) {
                synchronized (recent) {
                    recent.put(episodeId, named);
                }
                return named;
            }
            List<UUID> stored = jdbc.queryForList("SELECT client_id FROM cmd_episode_client WHERE episode_id = ?", UUID.class,
                    episodeId);
            if (!stored.isEmpty()) {
                return stored.get(0);
            }
            synchronized (recent) {
                named = recent.get(episodeId);
            }
            if (named == null) {
                throw new IllegalStateException("no client known for episode " + episodeId
                        + ": its personal data cannot be encrypted, so it is not written");
            }
            return named;
        }
        if (named == null) {
            throw new IllegalStateException(event.getClass().getSimpleName() + " holds personal data and names no @DataSubject");
        }
        return named;
    }

    private UUID named(Object event) {
        Optional<RecordComponent> subject = subjectComponents.computeIfAbsent(event.getClass(), type -> type.isRecord()
                ? Arrays.stream(type.getRecordComponents()).filter(c -> c.isAnnotationPresent(DataSubject.class)).findFirst()
                : Optional.empty());
        if (subject.isEmpty()) {
            return null;
        }
        try {
            Object value = subject.get().getAccessor().invoke(event);
            return value instanceof ClientId client ? client.value() : null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + subject.get(), e);
        }
    }
}
