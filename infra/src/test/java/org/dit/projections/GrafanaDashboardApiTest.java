package org.dit.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dit.support.Api;
import org.dit.support.ApiTest;
import org.dit.support.Clinic;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The Grafana dashboard shipped with the service asks only for metrics the service exports. */
@ApiTest
class GrafanaDashboardApiTest {

    static final Path DASHBOARD = Path.of("src/main/grafana/dit-service-dashboard.json");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> PROMQL = Set.of("sum", "max", "min", "avg", "count", "rate", "irate", "increase", "by",
            "without", "histogram_quantile", "and", "or", "unless", "on", "ignoring", "group_left", "group_right", "topk",
            "bottomk", "offset");

    @LocalServerPort
    int port;

    @Test
    void givenTheDashboard_whenEveryQueryIsRead_thenEachMetricItNamesIsExportedByTheService() throws IOException {
        Api api = new Api(port);
        Clinic clinic = new Clinic(api);
        clinic.registerTherapist(3);
        assertThat(api.post("/api/episodes/" + java.util.UUID.randomUUID() + "/assessment", Clinic.suitableAssessment())
                .status()).as("a refused command, so that failures are counted too").isEqualTo(404);
        Set<String> exported = exportedMetrics(api.as("admin").get("/actuator/prometheus").text());

        Set<String> asked = new TreeSet<>();
        for (JsonNode panel : new ObjectMapper().readTree(Files.readString(DASHBOARD)).get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                asked.addAll(metricsIn(target.get("expr").asText()));
            }
        }

        assertThat(asked).isNotEmpty();
        assertThat(asked).allSatisfy(metric -> assertThat(exported).as(metric).contains(metric));
    }

    private static Set<String> exportedMetrics(String scrape) {
        Set<String> names = new HashSet<>();
        scrape.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
        return names;
    }

    /** The metric names of a PromQL expression: names outside label matchers, ranges and groupings, not functions. */
    static Set<String> metricsIn(String expr) {
        String bare = expr.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher matcher = NAME.matcher(bare);
        while (matcher.find()) {
            String name = matcher.group();
            if (!PROMQL.contains(name) && !name.matches("\\d.*")) {
                names.add(name);
            }
        }
        return names;
    }

    @Test
    void givenAnExpression_whenItsMetricsAreRead_thenFunctionsLabelsAndRangesAreNotTakenForMetrics() {
        assertThat(metricsIn("sum by (method, uri) (rate(http_server_requests_seconds_sum{status=~\"5..\"}[5m]))"))
                .containsExactly("http_server_requests_seconds_sum");
        assertThat(metricsIn("max by (projection) (dit_projection_lag_ms) / dit_projection_head"))
                .isEqualTo(new TreeSet<>(List.of("dit_projection_head", "dit_projection_lag_ms")));
    }
}
