package org.dit.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.dit.events.ClientId;
import org.dit.events.EpisodeId;
import org.dit.events.client.ClientDetails;
import org.dit.events.client.ClientRegistered;
import org.dit.events.client.ContactMethod;
import org.dit.events.client.EthnicCategory;
import org.dit.events.client.Gender;
import org.dit.events.episode.AssessmentCompleted;
import org.dit.events.episode.ClientReferred;
import org.dit.events.episode.Focus;
import org.dit.events.episode.FocusAgreed;
import org.dit.events.episode.PresentingProblem;
import org.dit.events.episode.Priority;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class PersonalDataSerializerTest {

    private static final ClientId CLIENT = ClientId.of("6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    private static final EpisodeId EPISODE = EpisodeId.of("7b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e");
    private static final ClientDetails DETAILS = new ClientDetails("9990000018", null, "Quillon", "Snorrowbright (test)",
            LocalDate.of(1987, 2, 23), Gender.NOT_STATED, EthnicCategory.Z, "LS6 9QZ", "01632 960123",
            "quillon@example.org", "V81999", "en", false, List.of(ContactMethod.LETTER));
    private static final Focus FOCUS = new Focus("Overlooked and outshone", "Brilliant and careless", "Envy, then shame",
            "Stays small so as not to compete");

    private final Map<UUID, byte[]> keys = new HashMap<>();
    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private PersonalDataSerializer serializer;

    @BeforeEach
    void setUp() {
        DataKeys inMemory = new DataKeys() {
            @Override
            public byte[] forWriting(UUID clientId) {
                return keys.computeIfAbsent(clientId, id -> MasterKeys.generate());
            }

            @Override
            public Optional<byte[]> find(UUID clientId) {
                return Optional.ofNullable(keys.get(clientId));
            }
        };
        when(jdbc.queryForList(anyString(), eq(UUID.class), any(Object[].class))).thenReturn(List.of());
        serializer = new PersonalDataSerializer(identifiers(), new PersonalDataCipher(inMemory, new ObjectMapper()),
                new DataSubjects(jdbc));
    }

    /** As the event store's mapper: typed ids as bare UUIDs. */
    private static JacksonSerializer identifiers() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        com.fasterxml.jackson.databind.module.SimpleModule ids = new com.fasterxml.jackson.databind.module.SimpleModule();
        ids.addSerializer(org.dit.events.Identifier.class, new com.fasterxml.jackson.databind.JsonSerializer<>() {
            @Override
            public void serialize(org.dit.events.Identifier id, com.fasterxml.jackson.core.JsonGenerator gen,
                                  com.fasterxml.jackson.databind.SerializerProvider provider) throws java.io.IOException {
                gen.writeString(id.value().toString());
            }
        });
        ids.addDeserializer(ClientId.class, new com.fasterxml.jackson.databind.JsonDeserializer<>() {
            @Override
            public ClientId deserialize(com.fasterxml.jackson.core.JsonParser p,
                                        com.fasterxml.jackson.databind.DeserializationContext c) throws java.io.IOException {
                return ClientId.of(p.getValueAsString());
            }
        });
        ids.addDeserializer(EpisodeId.class, new com.fasterxml.jackson.databind.JsonDeserializer<>() {
            @Override
            public EpisodeId deserialize(com.fasterxml.jackson.core.JsonParser p,
                                         com.fasterxml.jackson.databind.DeserializationContext c) throws java.io.IOException {
                return EpisodeId.of(p.getValueAsString());
            }
        });
        return JacksonSerializer.builder().objectMapper(mapper.registerModule(ids)).build();
    }

    private static String text(SerializedObject<byte[]> stored) {
        return new String(stored.getData(), StandardCharsets.UTF_8);
    }

    @Test
    void givenARegistration_whenStored_thenNoDetailIsInClearAndItReadsBackEqual() {
        ClientRegistered registered = new ClientRegistered(CLIENT, DETAILS);

        SerializedObject<byte[]> stored = serializer.serialize(registered, byte[].class);

        assertThat(text(stored)).contains(CLIENT.toString()).doesNotContain("9990000018", "Quillon", "Snorrowbright",
                "1987-02-23", "LS6 9QZ", "01632", "quillon@example.org");
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(registered);
    }

    @Test
    void givenAFocusAgreedRightAfterItsReferral_whenStored_thenSealedForTheReferredClient() {
        serializer.serialize(new ClientReferred(EPISODE, CLIENT, "Dr Elsewhere's surgery", LocalDate.of(2026, 3, 2),
                PresentingProblem.MIXED, Priority.ROUTINE), byte[].class);

        SerializedObject<byte[]> stored = serializer.serialize(new FocusAgreed(EPISODE, FOCUS, 4), byte[].class);

        assertThat(text(stored)).doesNotContain("Overlooked", "Envy").contains("\"subject\":\"" + CLIENT + "\"");
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(new FocusAgreed(EPISODE, FOCUS, 4));
    }

    @Test
    void givenTheClientsKeyDestroyed_whenRead_thenThePersonalFieldsAreNullAndTheRestIntact() {
        SerializedObject<byte[]> registration = serializer.serialize(new ClientRegistered(CLIENT, DETAILS), byte[].class);
        SerializedObject<byte[]> referral = serializer.serialize(new ClientReferred(EPISODE, CLIENT, "Self-referral",
                LocalDate.of(2026, 3, 2), PresentingProblem.MIXED, Priority.ROUTINE), byte[].class);

        keys.remove(CLIENT.value());

        assertThat((Object) serializer.deserialize(registration)).isEqualTo(new ClientRegistered(CLIENT, null));
        assertThat((Object) serializer.deserialize(referral)).isEqualTo(new ClientReferred(EPISODE, CLIENT, null,
                LocalDate.of(2026, 3, 2), PresentingProblem.MIXED, Priority.ROUTINE));
    }

    @Test
    void givenAnEventStoredInClearBeforeEncryption_whenRead_thenAsWritten() {
        SerializedObject<byte[]> legacy = plainBytes(new AssessmentCompleted(EPISODE, LocalDate.of(2026, 3, 9), true,
                "Low mood since the move"));

        assertThat((Object) serializer.deserialize(legacy))
                .isEqualTo(new AssessmentCompleted(EPISODE, LocalDate.of(2026, 3, 9), true, "Low mood since the move"));
    }

    @Test
    void givenNoPersonalValue_whenStored_thenNoClientIsNeeded() {
        AssessmentCompleted withoutNotes = new AssessmentCompleted(EpisodeId.random(), LocalDate.of(2026, 3, 9), true, null);

        assertThat((Object) serializer.deserialize(serializer.serialize(withoutNotes, byte[].class))).isEqualTo(withoutNotes);
    }

    @Test
    void givenAnEpisodeWhoseClientIsUnknown_whenPersonalDataIsStored_thenRefusedRatherThanWrittenInClear() {
        AssessmentCompleted notes = new AssessmentCompleted(EpisodeId.random(), LocalDate.of(2026, 3, 9), true, "Notes");

        assertThatThrownBy(() -> serializer.serialize(notes, byte[].class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no client known");
    }

    private SerializedObject<byte[]> plainBytes(Object event) {
        SerializedObject<byte[]> stored = identifiers().serialize(event, byte[].class);
        return new SimpleSerializedObject<>(stored.getData(), byte[].class, stored.getType());
    }
}
