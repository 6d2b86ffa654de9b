package org.dit.personaldata;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.dit.events.PersonalData;

/**
 * The event serializer with personal data encrypted: on the way into the log, each {@link PersonalData} field of an
 * event is sealed under the data key of the client the event is about ({@link DataSubjects}); on the way out it is
 * opened, or read as null once that client's key is destroyed, so the event still deserializes. Everything else
 * (the payload's shape, the metadata, other types) is the wrapped Jackson serializer's, unchanged; events stored in
 * clear before this existed read as they were written.
 */
public final class PersonalDataSerializer implements Serializer {

    private final JacksonSerializer delegate;
    private final ObjectMapper json;
    private final PersonalDataCipher cipher;
    private final DataSubjects subjects;
    private final Map<Class<?>, List<String>> personalFields = new ConcurrentHashMap<>();

    public PersonalDataSerializer(JacksonSerializer delegate, PersonalDataCipher cipher, DataSubjects subjects) {
        this.delegate = delegate;
        this.json = delegate.getObjectMapper();
        this.cipher = cipher;
        this.subjects = subjects;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        List<String> fields = object == null ? List.of() : fieldsOf(object.getClass());
        if (fields.isEmpty()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        ObjectNode tree = json.valueToTree(object);
        UUID subject = null;
        for (String field : fields) {
            JsonNode value = tree.get(field);
            if (value != null && !value.isNull()) {
                if (subject == null) {
                    subject = subjects.of(object);
                }
                tree.set(field, cipher.seal(subject, value));
            }
        }
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new IllegalStateException("event not serialisable: " + object.getClass().getName(), e);
        }
        SerializedType type = delegate.typeForClass(object.getClass());
        return new SimpleSerializedObject<>(getConverter().convert(bytes, byte[].class, expectedRepresentation),
                expectedRepresentation, type);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serialized) {
        Class<?> type = delegate.classForType(serialized.getType());
        List<String> fields = UnknownSerializedType.class.equals(type) ? List.of() : fieldsOf(type);
        if (fields.isEmpty()) {
            return delegate.deserialize(serialized);
        }
        JsonNode stored = getConverter().convert(serialized.getData(), serialized.getContentType(), JsonNode.class);
        if (!(stored instanceof ObjectNode tree)) {
            return delegate.deserialize(serialized);
        }
        ObjectNode opened = tree.deepCopy();
        for (String field : fields) {
            if (PersonalDataCipher.isSealed(opened.get(field))) {
                opened.set(field, cipher.open(opened.get(field)));
            }
        }
        return delegate.deserialize(new SimpleSerializedObject<>(opened, JsonNode.class, serialized.getType()));
    }

    /** The JSON names of the type's personal fields: its record components marked {@link PersonalData}. */
    private List<String> fieldsOf(Class<?> type) {
        return personalFields.computeIfAbsent(type, t -> t.isRecord()
                ? Arrays.stream(t.getRecordComponents()).filter(c -> c.isAnnotationPresent(PersonalData.class))
                        .map(RecordComponent::getName).toList()
                : List.of());
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
