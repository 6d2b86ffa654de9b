package org.dit.eventstore;

import java.io.IOException;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.dit.events.ClientId;
import org.dit.events.EpisodeId;
import org.dit.events.Identifier;
import org.dit.events.MeasureId;
import org.dit.events.RiskAssessmentId;
import org.dit.events.TherapistId;

/** Typed ids travel as bare UUID strings, so stored events read {@code "episodeId":"0b6c…"}. */
final class IdentifierModule {

    private IdentifierModule() {
    }

    static SimpleModule create() {
        SimpleModule module = new SimpleModule("dit-identifiers");
        module.addSerializer(Identifier.class, new JsonSerializer<>() {
            @Override
            public void serialize(Identifier id, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(id.value().toString());
            }
        });
        module.addDeserializer(EpisodeId.class, deserializer(EpisodeId::new));
        module.addDeserializer(TherapistId.class, deserializer(TherapistId::new));
        module.addDeserializer(ClientId.class, deserializer(ClientId::new));
        module.addDeserializer(MeasureId.class, deserializer(MeasureId::new));
        module.addDeserializer(RiskAssessmentId.class, deserializer(RiskAssessmentId::new));
        return module;
    }

    private static <T extends Identifier> JsonDeserializer<T> deserializer(Function<UUID, T> factory) {
        return new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return factory.apply(UUID.fromString(p.getValueAsString()));
            }
        };
    }
}
