package org.dit.personaldata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Personal data inside stored JSON: a value (any JSON: text, a date, a whole object) is replaced by an envelope
 * {@code {"$pd": "v1", "subject": <client id>, "ct": <base64 of nonce, AES-256-GCM ciphertext and tag>}} under the
 * subject's data key, the associated data binding it to that subject. Opening gives the value back, or JSON null once
 * the subject's key is destroyed. Anything else (values stored in clear before this existed) passes through as it is.
 */
public final class PersonalDataCipher {

    static final String MARK = "$pd";
    static final String VERSION = "v1";

    private final DataKeys keys;
    private final ObjectMapper json;

    PersonalDataCipher(DataKeys keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    public static boolean isSealed(JsonNode value) {
        return value != null && value.isObject() && VERSION.equals(value.path(MARK).asText(null));
    }

    /** The value sealed under the subject's data key. */
    public ObjectNode seal(UUID subject, JsonNode value) {
        byte[] plain;
        try {
            plain = json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("personal data not serialisable", e);
        }
        byte[] sealed = MasterKeys.seal(new SecretKeySpec(keys.forWriting(subject), "AES"), plain, aad(subject));
        ObjectNode envelope = json.createObjectNode();
        envelope.put(MARK, VERSION);
        envelope.put("subject", subject.toString());
        envelope.put("ct", Base64.getEncoder().encodeToString(sealed));
        return envelope;
    }

    /** The sealed value, or JSON null once the subject's key is gone; a value not sealed is given back as it is. */
    public JsonNode open(JsonNode value) {
        if (!isSealed(value)) {
            return value;
        }
        UUID subject = UUID.fromString(value.path("subject").asText());
        Optional<byte[]> key = keys.find(subject);
        if (key.isEmpty()) {
            return NullNode.getInstance();
        }
        byte[] plain = MasterKeys.open(new SecretKeySpec(key.get(), "AES"), Base64.getDecoder().decode(value.path("ct").asText()),
                aad(subject));
        try {
            return json.readTree(plain);
        } catch (IOException e) {
            throw new IllegalStateException("personal data of " + subject + " unreadable after decryption", e);
        }
    }

    /** A stored payload with every sealed field opened (for the auditors' view of the log). */
    public JsonNode reveal(JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            return payload;
        }
        ObjectNode revealed = payload.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> fields = payload.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (isSealed(field.getValue())) {
                revealed.set(field.getKey(), open(field.getValue()));
            }
        }
        return revealed;
    }

    private static byte[] aad(UUID subject) {
        return ("dit-personal-data-v1|" + subject).getBytes(StandardCharsets.UTF_8);
    }
}
