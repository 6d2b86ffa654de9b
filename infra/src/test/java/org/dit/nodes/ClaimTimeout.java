package org.dit.nodes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.convert.DurationStyle;
import org.yaml.snakeyaml.Yaml;

/** The hand-over settings as application.yml configures them, so a test's expectation follows the configuration. */
final class ClaimTimeout {

    private ClaimTimeout() {
    }

    /** {@code axon.eventhandling.tokenstore.claim-timeout}: a dead node's segments are free after this long. */
    @SuppressWarnings("unchecked")
    static Duration configured() {
        try (InputStream in = ClaimTimeout.class.getResourceAsStream("/application.yml")) {
            Map<String, Object> yaml = new Yaml().load(in);
            Map<String, Object> tokenStore = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) yaml
                    .get("axon")).get("eventhandling")).get("tokenstore");
            return DurationStyle.detectAndParse(String.valueOf(tokenStore.get("claim-timeout")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
