package org.dit.http;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Which class each named schema of the API document was made from, so that {@link ApiSchemas} can ask Jackson what an
 * answer of that class always carries. Two classes of the service under one schema name (two records named
 * {@code Entry}, say) would silently share one schema, the first one's: that is refused here, and the document is not
 * served until one of them is given its own {@code @Schema(name = ...)}.
 */
class SchemaNames implements ModelConverter {

    /**
     * Shared by every instance: swagger-core's converters are a JVM-wide singleton, so a document can be resolved
     * through the instance of another application context in the same JVM (tests start several); the names and
     * classes of this service are the same in all of them.
     */
    private static final Map<String, Class<?>> classes = new ConcurrentHashMap<>();

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Schema<?> schema = chain.next().resolve(type, context, chain);
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        if (schema != null && raw.getName().startsWith("org.dit.") && !raw.isEnum()) {
            String name = schema.get$ref() != null ? schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1)
                    : schema.getName();
            if (name != null && context.getDefinedModels().containsKey(name)) {
                Class<?> first = classes.putIfAbsent(name, raw);
                if (first != null && !first.equals(raw)) {
                    throw new IllegalStateException("the API document names two classes " + name + ": " + first.getName()
                            + " and " + raw.getName() + "; give one of them @Schema(name = ...)");
                }
            }
        }
        return schema;
    }

    Optional<Class<?>> classOf(String schemaName) {
        return Optional.ofNullable(classes.get(schemaName));
    }
}
