package org.dit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.dit.support.Api;
import org.dit.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web application's journeys in headless Chromium (docs/web.md "Tests in a browser"): every page is checked with
 * axe-core and photographed under target/web-screenshots. Skipped, saying why, where Chromium is not installed.
 */
@ApiTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebJourneyTest {

    /** The therapist user of application-test.yml acts as the therapist this key registers (CommandRunner.newId). */
    static final String THERAPIST_KEY = "web-journey-therapist";
    static final String THERAPIST_ID = "c997b273-a92b-8011-b022-e2bec9fc60ae";
    static String episodeId;

    @LocalServerPort
    int port;

    /** Per test, so each is reported as skipped with the reason (an aborted class would count no test at all). */
    @BeforeEach
    void browserInstalled() {
        Browser.assumeInstalled();
    }

    @Test
    @Order(3)
    void reportingSeesTheDashboardIsRefusedAClientPageAndSignsOut() {
        try (Browser browser = new Browser(port)) {
            browser.signIn("reporting", Api.PASSWORDS.get("reporting"));
            assertThat(browser.path()).isEqualTo("/dashboard");
            browser.ready();
            assertThat(browser.byId("tile-waiting").getText()).contains("On the waiting list");
            assertThat(browser.script("return Chart.getChart(document.getElementById('outcomes-chart')).data.datasets"
                    + ".map(d => d.label)").toString()).contains("Recovery", "National recovery target (50%)");
            assertThat(browser.script("return Chart.getChart(document.getElementById('waits-chart')) !== undefined"))
                    .isEqualTo(true);
            assertThat(browser.byId("read-model-status").getText()).isNotBlank();
            browser.assertAccessible("the dashboard");
            browser.screenshot("reporting-dashboard");
            browser.saveTimings("dashboard");

            browser.open("/episodes/" + UUID.randomUUID());
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("You cannot open this page");
            browser.assertAccessible("the 403 page");
            browser.screenshot("reporting-forbidden");

            browser.open("/dashboard");
            browser.ready();
            browser.signOut();
            assertThat(browser.find(By.cssSelector("[role=status]")).getText()).contains("signed out");
            browser.assertAccessible("the sign-in page");
            browser.open("/dashboard");
            assertThat(browser.path()).as("the session has ended").startsWith("/sign-in");
        }
    }

    private static final int[][] PHQ9 = {{1, 1, 2, 1, 1, 1, 1, 1, 0}, {1, 1, 1, 1, 1, 1, 0, 1, 0}, {1, 1, 1, 0, 1, 0, 0, 1, 0},
            {1, 0, 1, 0, 0, 0, 0, 1, 0}};
    private static final int[][] GAD7 = {{2, 1, 1, 1, 1, 1, 1}, {1, 1, 1, 1, 1, 1, 0}, {1, 1, 1, 0, 1, 0, 0}, {1, 0, 1, 0, 0, 0, 0}};

    private LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/London"));
    }

    @Test
    @Order(1)
    void aReceptionistRegistersAClientRefersAssessesAllocatesAndBooks() {
        Api.Response therapist = new Api(port).post("/api/therapists", Map.of("name", "Robin Web (test)", "accreditation",
                "QUALIFIED", "maxCaseload", 20), "Idempotency-Key", THERAPIST_KEY);
        assertThat(therapist.json().get("therapistId").asText()).as(therapist.toString()).isEqualTo(THERAPIST_ID);
        try (Browser browser = new Browser(port)) {
            browser.signIn("admin", Api.PASSWORDS.get("admin"));
            assertThat(browser.path()).isEqualTo("/reception");
            browser.ready();
            browser.assertAccessible("reception");

            browser.byId("new-referral").click();
            browser.ready();
            browser.set("reg-nhs", nhsNumber(new Random()));
            browser.set("reg-given", "Sam");
            browser.set("reg-family", "Webtest");
            browser.set("reg-dob", "1988-04-12");
            browser.byId("register-client").click();
            browser.waitForText(By.id("chosen-client"), "Sam Webtest");
            browser.set("refer-date", today().minusDays(60).toString());
            browser.assertAccessible("new referral");
            browser.screenshot("reception-referral");
            browser.byId("refer-client-button").click();

            browser.wait.until(d -> browser.path().endsWith("/assessment"));
            episodeId = browser.path().split("/")[2];
            browser.ready();
            browser.set("assessed-on", today().minusDays(50).toString());
            int[] phq9 = {2, 2, 2, 2, 2, 2, 1, 1, 0};
            int[] gad7 = {2, 2, 2, 2, 1, 1, 1};
            for (int i = 0; i < phq9.length; i++) {
                browser.set("assessment-phq9-" + i, String.valueOf(phq9[i]));
            }
            assertThat(browser.byId("assessment-phq9-total").getText()).as("the live total").isEqualTo("14 of 27: moderate");
            for (int i = 0; i < gad7.length; i++) {
                browser.set("assessment-gad7-" + i, String.valueOf(gad7[i]));
            }
            assertThat(browser.byId("assessment-gad7-total").getText()).isEqualTo("11 of 21: moderate");
            browser.assertAccessible("assessment");
            browser.screenshot("reception-assessment");
            browser.byId("record-assessment").click();

            browser.wait.until(d -> browser.path().endsWith("/allocation"));
            browser.ready();
            browser.find(By.cssSelector("#allocation-therapist option[value='" + THERAPIST_ID + "']"));
            browser.set("allocation-therapist", THERAPIST_ID);
            browser.set("allocation-date", today().minusDays(45).toString());
            browser.byId("allocate").click();
            browser.waitForText(By.id("episode-summary"), "in therapy");
            browser.set("booking-date", today().minusDays(35).toString());
            browser.set("booking-weeks", "6");
            browser.byId("book").click();
            browser.waitForText(By.id("page-message"), "Booked sessions 1, 2, 3, 4, 5, 6");
            browser.waitForText(By.id("booked"), "Session 6");

            // rebooking the last session a day later
            browser.set("rebook-session", "6");
            browser.set("rebook-date", today().minusDays(0).plusDays(1).toString());
            browser.byId("rebook").click();
            browser.waitForText(By.id("page-message"), "Session rebooked");
            browser.assertAccessible("allocation and booking");
            browser.screenshot("reception-allocation");
        }
    }

    @Test
    @Order(2)
    void aTherapistRecordsFourSessionsIsToldToAgreeTheFocusAgreesItAndSeesTheChart() {
        assertThat(episodeId).as("the reception journey ran first").isNotNull();
        try (Browser browser = new Browser(port)) {
            browser.signIn("therapist", Api.PASSWORDS.get("therapist"));
            assertThat(browser.path()).isEqualTo("/diary");
            browser.ready();
            browser.assertAccessible("my diary");
            browser.open("/caseload");
            browser.ready();
            browser.waitForText(By.id("caseload"), episodeId.substring(0, 8));
            browser.assertAccessible("my caseload");

            browser.open("/episodes/" + episodeId);
            browser.ready();
            for (int n = 1; n <= 4; n++) {
                browser.set("attendance-session", String.valueOf(n));
                for (int i = 0; i < 9; i++) {
                    browser.set("attendance-phq9-" + i, String.valueOf(PHQ9[n - 1][i]));
                }
                for (int i = 0; i < 7; i++) {
                    browser.set("attendance-gad7-" + i, String.valueOf(GAD7[n - 1][i]));
                }
                browser.byId("record-attended").click();
                browser.waitForText(By.id("sessions-attended"), n + " of 16");
            }
            // session 5 before the focus: the refusal beside the session it concerns, in the clinic's words
            browser.set("attendance-session", "5");
            browser.byId("record-attended").click();
            browser.waitForText(By.id("attendance-error"), "Agree the focus before recording session 5.");
            assertThat(browser.byId("attendance-session").getAttribute("aria-invalid")).isEqualTo("true");
            browser.screenshot("therapist-refusal");

            browser.set("focus-self", "Overlooked, not worth the trouble");
            browser.set("focus-other", "Busy and dismissive");
            browser.set("focus-affect", "Quiet anger, then shame");
            browser.set("focus-defence", "Withdraws first so as not to be dropped");
            browser.byId("agree-focus").click();
            browser.waitForText(By.id("page-message"), "Focus agreed");
            browser.waitForText(By.id("timeline"), "Focus agreed with the client.");
            browser.set("attendance-session", "5");
            browser.byId("record-attended").click();
            browser.waitForText(By.id("sessions-attended"), "5 of 16");

            Object phq9 = browser.script("return Chart.getChart(document.getElementById('scores-chart')).data.datasets[0].data");
            assertThat(phq9.toString()).as("assessment and four sessions with scores").startsWith("[14, 9, 7, 5, 3");
            assertThat(browser.script("return Chart.getChart(document.getElementById('scores-chart')).data.datasets"
                    + ".map(d => d.label)").toString()).contains("PHQ-9 caseness (10)", "GAD-7 caseness (8)");
            assertThat(browser.byId("timeline").getText()).contains("Session 1 attended", "Scores at assessment");
            browser.assertAccessible("the episode page");
            browser.screenshot("therapist-episode");
            browser.open("/episodes/" + episodeId);
            browser.ready();
            browser.saveTimings("episode-page");
            browser.signOut();
        }
    }

    @Test
    @Order(4)
    void supervisorAndAuditorPagesShowTheEpisode() {
        assertThat(episodeId).isNotNull();
        try (Browser browser = new Browser(port)) {
            browser.signIn("supervisor", Api.PASSWORDS.get("supervisor"));
            assertThat(browser.path()).isEqualTo("/supervision");
            browser.ready();
            browser.assertAccessible("supervision");
            browser.screenshot("supervisor-supervision");
            browser.open("/episodes/" + episodeId);
            browser.ready();
            browser.byId("extension-form");
            browser.assertAccessible("the episode page, as supervisor");
            browser.signOut();

            browser.signIn("auditor", Api.PASSWORDS.get("auditor"));
            assertThat(browser.path()).isEqualTo("/audit");
            browser.ready();
            browser.waitForText(By.id("verify"), "events verified");
            browser.assertAccessible("audit");
            browser.set("audit-episode", episodeId);
            browser.byId("open-history").click();
            browser.wait.until(d -> browser.path().startsWith("/audit/episodes/"));
            browser.ready();
            browser.waitForText(By.id("events"), "Client referred");
            assertThat(browser.byId("events").getText()).contains("admin", "therapist");
            browser.set("asof-date", today().toString());
            browser.set("asof-time", "23:59");
            browser.byId("show-state").click();
            browser.waitForText(By.id("state-status"), "In therapy");
            browser.assertAccessible("an episode's history");
            browser.screenshot("auditor-history");
        }
    }

    /** A valid NHS number: nine digits and the modulus-11 check digit. */
    static String nhsNumber(Random random) {
        while (true) {
            int[] digits = new int[9];
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                digits[i] = i == 0 ? 4 + random.nextInt(5) : random.nextInt(10);
                sum += digits[i] * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check == 10) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            for (int d : digits) {
                text.append(d);
            }
            return text.append(check).toString();
        }
    }
}
