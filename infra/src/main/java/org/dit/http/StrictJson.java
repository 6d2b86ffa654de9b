package org.dit.http;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The web layer reads one JSON document per request, and nothing in it that the record could not keep. A duplicate key
 * (which of the two did the sender mean?), a token after the document and a second document are a 400. So is text
 * holding a C0 control character other than tab, newline and carriage return, or half of a surrogate pair: PostgreSQL
 * cannot store NUL in text or JSON, and an event is kept for ever, so such text would sit in the log and stop every
 * projection that tries to apply it. Headers and URLs are checked by Spring Security's firewall. Only the web layer's
 * ObjectMapper is affected; the event store has its own.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer oneStorableDocument() {
        SimpleModule text = new SimpleModule("storable-text");
        text.addDeserializer(String.class, new StorableText());
        return builder -> builder
                .featuresToEnable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .modulesToInstall(modules -> modules.add(text));
    }

    /** Why a text field was refused: named in the 400's invalidParams. */
    static final class UnstorableText extends JsonMappingException {

        UnstorableText(JsonParser parser, String reason) {
            super(parser, reason);
        }
    }

    static final class StorableText extends StdScalarDeserializer<String> {

        StorableText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            String fault = fault(value);
            if (fault != null) {
                throw new UnstorableText(parser, fault);
            }
            return value;
        }

        /** What makes the text unstorable, or null when it can be kept. */
        static String fault(String value) {
            if (value == null) {
                return null;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                    return "contains a control character (U+%04X)".formatted((int) c);
                }
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                        i++;
                        continue;
                    }
                    return "contains half of a surrogate pair";
                }
                if (Character.isLowSurrogate(c)) {
                    return "contains half of a surrogate pair";
                }
            }
            return null;
        }
    }
}
