package org.dit.http;

import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.std.BeanSerializerBase;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * Makes the schemas say what the service really sends and takes.
 * <ul>
 * <li>An answer carries every field Jackson always writes: those are {@code required} (a field written only when set,
 * such as an outcome report's {@code month}, is not). Which fields may be null each answer record says itself, with
 * {@code @Schema(nullable = true)}.</li>
 * <li>A request field that is not required may also be sent as null: it is {@code nullable}.</li>
 * <li>OpenAPI 3.0 lets {@code nullable} admit null only beside a {@code type}: a nullable field whose schema is a
 * reference to another is given that schema inline, and a nullable enum lists null among its values.</li>
 * <li>A bean validation {@code @Pattern} must match the whole value, a JSON Schema {@code pattern} anywhere in it: each
 * pattern is anchored, so the document refuses what the service refuses.</li>
 * <li>Schemas no operation uses are left out.</li>
 * </ul>
 */
final class ApiSchemas {

    private static final String REF = "#/components/schemas/";

    private ApiSchemas() {
    }

    static void tighten(OpenAPI openApi, SchemaNames names, ObjectMapper json) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        Set<String> answers = reachable(schemas, roots(openApi, true));
        Set<String> requests = reachable(schemas, roots(openApi, false));
        for (String name : answers) {
            names.classOf(name).flatMap(type -> alwaysWritten(json, type)).ifPresent(written -> {
                Schema<?> schema = schemas.get(name);
                if (schema.getProperties() != null) {
                    schema.setRequired(schema.getProperties().keySet().stream().filter(written::contains).toList());
                }
            });
        }
        for (String name : requests) {
            Schema<?> schema = schemas.get(name);
            Class<?> type = names.classOf(name).orElse(null);
            if (answers.contains(name) || schema.getProperties() == null || type == null || !type.isRecord()) {
                continue;
            }
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            for (RecordComponent component : type.getRecordComponents()) {
                Schema<?> property = schema.getProperties().get(component.getName());
                if (property != null && !required.contains(component.getName()) && !component.getType().isPrimitive()) {
                    property.setNullable(true);
                }
            }
        }
        // swagger-core drops nullable beside a reference: the record component's annotation (on its accessor) says it
        schemas.forEach((name, named) -> names.classOf(name).filter(Class::isRecord).ifPresent(type -> {
            Schema<?> schema = named;
            for (RecordComponent component : type.getRecordComponents()) {
                io.swagger.v3.oas.annotations.media.Schema annotation =
                        component.getAccessor().getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
                Schema<?> property = schema.getProperties() == null ? null : (Schema<?>) schema.getProperties().get(component.getName());
                if (annotation != null && annotation.nullable() && property != null) {
                    property.setNullable(true);
                    if (property.getDescription() == null && !annotation.description().isEmpty()) {
                        property.setDescription(annotation.description());
                    }
                }
            }
        }));
        for (Schema<?> schema : schemas.values()) {
            anchorPatterns(schema);
            if (schema.getProperties() != null) {
                schema.getProperties().replaceAll((property, value) -> nullable(value, schemas));
            }
        }
        Set<String> used = reachable(schemas, Stream.concat(roots(openApi, true).stream(), roots(openApi, false).stream())
                .toList());
        schemas.keySet().removeIf(name -> !used.contains(name));
    }

    /** Anchors each pattern of the schema, its properties and its items: {@code ^(?:p)$}. */
    private static void anchorPatterns(Schema<?> schema) {
        if (schema == null) {
            return;
        }
        String pattern = schema.getPattern();
        if (pattern != null && !(pattern.startsWith("^") && pattern.endsWith("$"))) {
            schema.setPattern("^(?:" + pattern + ")$");
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> anchorPatterns((Schema<?>) property));
        }
        anchorPatterns(schema.getItems());
    }

    /** A nullable field's schema as OpenAPI 3.0 reads it: null among an enum's values; a referenced schema inline. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema nullable(Schema property, Map<String, Schema> schemas) {
        if (!Boolean.TRUE.equals(property.getNullable())) {
            return property;
        }
        String ref = property.get$ref();
        if (ref == null && property.getAllOf() != null && property.getAllOf().size() == 1) {
            ref = ((Schema<?>) property.getAllOf().get(0)).get$ref();
        }
        if (ref != null && ref.startsWith(REF)) {
            Schema<?> target = schemas.get(ref.substring(REF.length()));
            ObjectSchema inline = new ObjectSchema();
            inline.setProperties(target.getProperties());
            inline.setRequired(target.getRequired());
            inline.setNullable(true);
            inline.setDescription(property.getDescription() != null ? property.getDescription() : target.getDescription());
            return inline;
        }
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            List values = new ArrayList<>(property.getEnum());
            values.add(null);
            property.setEnum(values);
        }
        return property;
    }

    /** The names of the properties Jackson writes in every answer of this class, null or not. */
    private static Optional<Set<String>> alwaysWritten(ObjectMapper json, Class<?> type) {
        try {
            JsonSerializer<Object> serializer = json.getSerializerProviderInstance().findValueSerializer(type);
            if (!(serializer instanceof BeanSerializerBase bean)) {
                return Optional.empty();
            }
            Set<String> written = new LinkedHashSet<>();
            bean.properties().forEachRemaining(property -> {
                if (property instanceof BeanPropertyWriter writer
                        && (!writer.willSuppressNulls() || writer.getType().isPrimitive())) {
                    written.add(writer.getName());
                }
            });
            return Optional.of(written);
        } catch (JsonMappingException e) {
            return Optional.empty();
        }
    }

    /** The schemas of the operations' successful answers, or of their request bodies. */
    private static List<Schema<?>> roots(OpenAPI openApi, boolean answers) {
        List<Schema<?>> roots = new ArrayList<>();
        Consumer<Content> collect = content -> {
            if (content != null) {
                content.values().stream().map(media -> (Schema<?>) media.getSchema()).filter(Objects::nonNull).forEach(roots::add);
            }
        };
        if (openApi.getPaths() == null) {
            return roots;
        }
        for (PathItem path : openApi.getPaths().values()) {
            for (Operation operation : path.readOperations()) {
                if (!answers && operation.getRequestBody() != null) {
                    collect.accept(operation.getRequestBody().getContent());
                }
                if (answers && operation.getResponses() != null) {
                    for (Map.Entry<String, ApiResponse> response : operation.getResponses().entrySet()) {
                        if (response.getKey().startsWith("2")) {
                            collect.accept(response.getValue().getContent());
                        }
                    }
                }
            }
        }
        if (answers && openApi.getComponents().getResponses() != null) {
            openApi.getComponents().getResponses().values().forEach(response -> collect.accept(response.getContent()));
        }
        return roots;
    }

    /** The component schemas these schemas use, directly or through others. */
    private static Set<String> reachable(Map<String, Schema> schemas, List<Schema<?>> roots) {
        Set<String> found = new LinkedHashSet<>();
        Deque<Schema<?>> pending = new ArrayDeque<>(roots);
        while (!pending.isEmpty()) {
            Schema<?> schema = pending.pop();
            if (schema.get$ref() != null && schema.get$ref().startsWith(REF)) {
                String name = schema.get$ref().substring(REF.length());
                if (found.add(name) && schemas.get(name) != null) {
                    pending.push(schemas.get(name));
                }
            }
            List<Schema> next = new ArrayList<>();
            if (schema.getProperties() != null) {
                next.addAll(schema.getProperties().values());
            }
            Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()).filter(Objects::nonNull).forEach(next::addAll);
            if (schema.getItems() != null) {
                next.add(schema.getItems());
            }
            if (schema.getAdditionalProperties() instanceof Schema<?> extra) {
                next.add(extra);
            }
            next.forEach(s -> pending.push((Schema<?>) s));
        }
        return found;
    }
}
