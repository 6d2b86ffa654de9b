package org.dit.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Random;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.dit.support.ApiTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo's course scripts re-create the clinic's ordering rules to plan commands that the service will accept; the
 * rules themselves live in the command side. Playing plans of other seeds and days through the real command bus
 * catches any drift between the two: one refused command fails the plan (populate throws on the first refusal).
 */
@ApiTest
class CourseScriptRulesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired
    CommandGateway commands;

    @ParameterizedTest(name = "seed {0}, clinic day {1}")
    @CsvSource({"11, 2026-02-27T18:00", "29, 2026-06-15T12:30", "73, 2026-10-31T23:45"})
    void givenAPlanOfAnotherSeedAndDay_whenEveryCommandIsSent_thenNoneIsRefused(long seed, String day) {
        Clock clock = Clock.fixed(ZonedDateTime.of(java.time.LocalDateTime.parse(day), LONDON).toInstant(), LONDON);
        DemoClinic clinic = new DemoClinic(commands, clock, new Random(seed), 30);

        DemoSummary[] played = new DemoSummary[1];
        assertThatCode(() -> played[0] = clinic.populate()).doesNotThrowAnyException();
        assertThat(played[0].episodes()).hasSize(30);
    }
}
