package org.dit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.dit.support.Api;
import org.dit.support.ApiTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web application's journeys in headless Chromium (docs/web.md "Tests in a browser"): every page is checked with
 * axe-core and photographed under target/web-screenshots. Skipped, saying why, where Chromium is not installed.
 */
@ApiTest
class WebJourneyTest {

    @LocalServerPort
    int port;

    @BeforeAll
    static void browserInstalled() {
        Browser.assumeInstalled();
    }

    @Test
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
}
