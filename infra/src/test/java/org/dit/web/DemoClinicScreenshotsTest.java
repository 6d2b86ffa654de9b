package org.dit.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.dit.DitApplication;
import org.dit.support.Api;
import org.dit.support.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The two pictures of the README (docs/web-dashboard.png, docs/web-episode.png), taken with the demo clinic loaded on
 * a service and database of their own. It takes a few minutes, so it runs only when asked:
 * {@code -Ddit.web.screenshots=true} (then it also copies them under docs/).
 */
class DemoClinicScreenshotsTest {

    private static final String DATABASE = "dit_web_demo";

    @Test
    void dashboardAndEpisodePageOfTheDemoClinic() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("dit.web.screenshots"),
                "the demo clinic's screenshots are taken only with -Ddit.web.screenshots=true");
        Browser.assumeInstalled();
        try (Connection connection = TestDatabase.postgres().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        try (ConfigurableApplicationContext service = new SpringApplication(DitApplication.class).run("--server.port=0",
                "--spring.profiles.active=test", "--dit.demo=true", "--logging.level.root=WARN",
                "--spring.datasource.url=" + TestDatabase.postgres().getJdbcUrl("postgres", DATABASE),
                "--spring.datasource.username=postgres", "--spring.datasource.password=")) {
            int port = ((WebServerApplicationContext) service).getWebServer().getPort();
            Api api = new Api(port);
            awaitDemoLoaded(api);
            String episode = aCourseWellUnderWay(api);
            try (Browser browser = new Browser(port, 1280, 1500)) {
                browser.signIn("clinic-lead", Api.PASSWORDS.get("clinic-lead"));
                browser.open("/dashboard");
                browser.ready();
                browser.assertAccessible("the demo clinic's dashboard");
                Path dashboard = browser.screenshot("docs-dashboard");
                browser.open("/episodes/" + episode);
                browser.ready();
                browser.find(By.id("scores-chart"));
                browser.assertAccessible("a demo episode");
                Path episodePage = browser.screenshot("docs-episode");
                Path docs = Path.of("..", "docs");
                if (Files.isDirectory(docs)) {
                    Files.copy(dashboard, docs.resolve("web-dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
                    Files.copy(episodePage, docs.resolve("web-episode.png"), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** The demo loads in the background: done when the log has stopped growing over three looks and every read model has caught up. */
    private static void awaitDemoLoaded(Api api) {
        long[] lastHead = {-1};
        int[] stable = {0};
        Awaitility.await("the demo clinic loaded").atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(3))
                .until(() -> {
                    JsonNode projections = api.get("/api/admin/projections").json();
                    long head = projections.findValues("headPosition").stream().mapToLong(JsonNode::asLong).max().orElse(0);
                    boolean caughtUp = projections.findValues("caughtUp").stream().allMatch(JsonNode::asBoolean);
                    stable[0] = head > 1000 && head == lastHead[0] && caughtUp ? stable[0] + 1 : 0;
                    lastHead[0] = head;
                    return stable[0] >= 3;
                });
    }

    /** An open episode in its middle phase with the most sessions attended: a chart worth showing. */
    private static String aCourseWellUnderWay(Api api) {
        List<JsonNode> entries = new ArrayList<>();
        for (JsonNode therapist : api.get("/api/caseloads").json()) {
            api.get("/api/caseloads/" + therapist.get("therapistId").asText()).json().get("entries").forEach(entries::add);
        }
        return entries.stream().filter(e -> "MIDDLE".equals(e.get("phase").asText()))
                .max(Comparator.comparingInt(e -> e.get("sessionsAttended").asInt()))
                .orElseThrow().get("episodeId").asText();
    }
}
