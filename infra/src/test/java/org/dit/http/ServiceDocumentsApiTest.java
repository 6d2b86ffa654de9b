package org.dit.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.dit.support.Api;
import org.dit.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What operators and integrators read: health, info and the OpenAPI document with Swagger UI. */
@ApiTest
class ServiceDocumentsApiTest {

    @LocalServerPort
    int port;

    @Test
    void givenTheService_whenHealthIsAsked_thenItIsUpWithTheDatabase() {
        Api.Response health = new Api(port).get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("components").get("db").get("status").asText()).isEqualTo("UP");
    }

    @Test
    void givenAnAnonymousProbe_whenHealthIsAsked_thenItGetsTheStatusOnly() {
        Api.Response health = new Api(port).anonymous().get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(health.json().has("components")).isFalse();
        assertThat(health.json().has("details")).isFalse();
    }

    @Test
    void givenTheService_whenInfoIsAsked_thenItNamesItself() {
        Api.Response info = new Api(port).get("/actuator/info");

        assertThat(info.status()).isEqualTo(200);
        assertThat(info.json().get("service").get("name").asText()).isEqualTo("DIT clinical workflow service");
    }

    @Test
    void givenTheService_whenTheOpenApiDocumentIsAsked_thenEveryCommandPathIsDocumentedWithExamples() {
        Api.Response docs = new Api(port).get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.fieldNames()).toIterable().contains("/api/therapists", "/api/episodes",
                "/api/episodes/{episodeId}/assessment", "/api/episodes/{episodeId}/allocation",
                "/api/episodes/{episodeId}/sessions", "/api/episodes/{episodeId}/sessions/{number}/reschedule",
                "/api/episodes/{episodeId}/sessions/{number}/cancellation",
                "/api/episodes/{episodeId}/sessions/{number}/attendance",
                "/api/episodes/{episodeId}/sessions/{number}/missed", "/api/episodes/{episodeId}/sessions/{number}/correction",
                "/api/episodes/{episodeId}/focus", "/api/episodes/{episodeId}/measures",
                "/api/episodes/{episodeId}/measures/{measureId}/entered-in-error", "/api/episodes/{episodeId}/goodbye-letter",
                "/api/episodes/{episodeId}/extension", "/api/episodes/{episodeId}/ending", "/api/episodes/{episodeId}");
        assertThat(docs.text()).contains("\"example\"");
        assertThat(new Api(port).get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void givenCommandsAndProjections_whenMetricsAreScraped_thenAxonAndPerProjectionMetricsAreThere() {
        Api api = new Api(port);
        new org.dit.support.Clinic(api).referClient();

        Api.Response metrics = api.get("/actuator/prometheus");

        assertThat(metrics.status()).isEqualTo(200);
        for (String projection : new String[] {"episode-view", "caseload", "waiting-list", "outcomes"}) {
            for (String metric : new String[] {"dit_projection_position", "dit_projection_head", "dit_projection_lag_events",
                    "dit_projection_lag_ms", "dit_projection_replaying"}) {
                assertThat(metrics.text()).contains(metric + "{projection=\"" + projection + "\"}");
            }
        }
        assertThat(metrics.text()).contains("commandBus_successCounter_total{payloadType=\"ReferClient\"}")
                .contains("eventProcessor_processedCounter_total{processorName=\"read-models\"}")
                .doesNotContain("eventProcessor_capacity");
        assertThat(api.as("reporting").get("/actuator/prometheus").status()).isEqualTo(403);
    }
}
