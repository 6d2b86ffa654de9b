package org.dit.episode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.dit.support.Api;
import org.dit.support.ApiTest;
import org.dit.support.Clinic;
import org.dit.support.EventLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Idempotency-Key: a repeat returns the first response and appends nothing; a reuse with another body is a 422. */
@ApiTest
class IdempotencyApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    Clinic clinic;
    EventLog log;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        clinic = new Clinic(api);
        log = new EventLog(jdbc);
    }

    @Test
    void givenAnAcceptedReferral_whenRepeatedWithTheSameKey_thenTheFirstResponseReturnsAndNothingIsAppended() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> referral = Clinic.referral(api);

        Api.Response first = api.post("/api/episodes", referral, "Idempotency-Key", key);
        long afterFirst = log.size();
        Api.Response repeat = api.post("/api/episodes", referral, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.json()).isEqualTo(first.json());
        assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(log.size()).isEqualTo(afterFirst);
    }

    @Test
    void givenAnAcceptedReferral_whenRepeatedWithTheSameKey_thenItNamesTheSameEpisodeWhoseStreamHoldsOneReferral() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> referral = Clinic.referral(api);

        String first = api.post("/api/episodes", referral, "Idempotency-Key", key).json().get("episodeId").asText();
        long afterFirst = log.size();
        String repeated = api.post("/api/episodes", referral, "Idempotency-Key", key).json().get("episodeId").asText();

        assertThat(repeated).isEqualTo(first);
        assertThat(log.typesOf(first)).hasSize(1);
        assertThat(log.size()).isEqualTo(afterFirst);
    }

    @Test
    void givenAnAcceptedAssessmentAndBooking_whenRepeated_thenTheMeasureIdsAndTheSessionNumberAreTheFirstOnes() {
        String therapistId = clinic.registerTherapist(3);
        String referred = clinic.referClient();
        String key = UUID.randomUUID().toString();
        Api.Response assessed = api.post("/api/episodes/" + referred + "/assessment", Clinic.suitableAssessment(),
                "Idempotency-Key", key);
        String inTherapy = clinic.clientInTherapyWith(therapistId);
        Map<String, Object> booking = Map.of("startsAt", Clinic.week(1).toString(), "mode", "VIDEO");
        String bookingKey = UUID.randomUUID().toString();
        Api.Response booked = api.post("/api/episodes/" + inTherapy + "/sessions", booking, "Idempotency-Key", bookingKey);
        long before = log.size();

        Api.Response assessedAgain = api.post("/api/episodes/" + referred + "/assessment", Clinic.suitableAssessment(),
                "Idempotency-Key", key);
        Api.Response bookedAgain = api.post("/api/episodes/" + inTherapy + "/sessions", booking, "Idempotency-Key", bookingKey);

        assertThat(assessed.status()).isEqualTo(200);
        assertThat(assessedAgain.status()).isEqualTo(200);
        assertThat(assessedAgain.json()).isEqualTo(assessed.json());
        assertThat(booked.status()).isEqualTo(201);
        assertThat(bookedAgain.status()).isEqualTo(201);
        assertThat(bookedAgain.json()).isEqualTo(booked.json());
        assertThat(bookedAgain.json().get("sessionNumber").asInt()).isEqualTo(1);
        assertThat(bookedAgain.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(log.size()).isEqualTo(before);
    }

    @Test
    void givenAKeyUsedByOneUser_whenAnotherUserSendsItWithTheirOwnBody_thenTheyGetTheirOwnFreshAnswer() {
        String key = UUID.randomUUID().toString();
        Api admin = api.as("admin");
        Api.Response lead = api.post("/api/episodes", Clinic.referral(api), "Idempotency-Key", key);
        Map<String, Object> ownReferral = Clinic.referral(api);
        long afterLead = log.size();

        Api.Response other = admin.post("/api/episodes", ownReferral, "Idempotency-Key", key);
        Api.Response otherRepeated = admin.post("/api/episodes", ownReferral, "Idempotency-Key", key);

        assertThat(other.status()).isEqualTo(201);
        assertThat(other.header("Idempotent-Replayed")).isNull();
        assertThat(other.json().get("episodeId").asText()).isNotEqualTo(lead.json().get("episodeId").asText());
        assertThat(log.size()).isEqualTo(afterLead + 1);
        assertThat(otherRepeated.json()).isEqualTo(other.json());
        assertThat(otherRepeated.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(log.size()).isEqualTo(afterLead + 1);
    }

    @Test
    void givenAKeyUsedByOneUser_whenAnotherUserSendsTheSameRequestWithIt_thenItIsTheirOwnCommand() {
        String key = UUID.randomUUID().toString();
        // one client has one open episode, so the same request twice is a therapist's registration
        Map<String, Object> registration = Map.of("name", "Sam Testwell", "accreditation", "QUALIFIED", "maxCaseload", 3);
        Api.Response lead = api.post("/api/therapists", registration, "Idempotency-Key", key);

        Api.Response other = api.as("admin").post("/api/therapists", registration, "Idempotency-Key", key);

        assertThat(other.status()).isEqualTo(201);
        assertThat(other.header("Idempotent-Replayed")).isNull();
        assertThat(other.json().get("therapistId").asText()).isNotEqualTo(lead.json().get("therapistId").asText());
    }

    @Test
    void givenARecordWrittenBeforeResultsWereStored_whenRepeated_thenItsStoredAnswerReturns() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> referral = Clinic.referral(api);
        api.post("/api/episodes", referral, "Idempotency-Key", key);
        String earlier = UUID.randomUUID().toString();
        jdbc.update("""
                UPDATE idempotency_record SET result_type = NULL, result = NULL, status = 201, location = ?, body = ?
                 WHERE actor = 'clinic-lead' AND idempotency_key = ?""",
                "/api/episodes/" + earlier, "{\"episodeId\":\"" + earlier + "\"}", key);
        long before = log.size();

        Api.Response repeat = api.post("/api/episodes", referral, "Idempotency-Key", key, "Accept", "text/plain");

        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.contentType()).startsWith("application/json");
        assertThat(repeat.json().get("episodeId").asText()).isEqualTo(earlier);
        assertThat(repeat.header("Location")).endsWith("/api/episodes/" + earlier);
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(log.size()).isEqualTo(before);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"key with space", "two  spaces"})
    void givenAKeyThatIsNotVisibleAscii_whenSent_thenA400NamesTheHeaderAndNothingIsAppended(String key) {
        Map<String, Object> referral = Clinic.referral(api);
        long before = log.size();

        Api.Response response = api.post("/api/episodes", referral, "Idempotency-Key", key);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("invalidParams").get(0).get("name").asText()).isEqualTo("Idempotency-Key");
        assertThat(log.size()).isEqualTo(before);
    }

    @Test
    void givenAUsedKey_whenSentWithAnotherBody_then422AndNothingIsAppended() {
        String key = UUID.randomUUID().toString();
        api.post("/api/episodes", Clinic.referral(api), "Idempotency-Key", key);
        Map<String, Object> another = Clinic.referral(api);
        long before = log.size();

        Api.Response reuse = api.post("/api/episodes", another, "Idempotency-Key", key);

        assertThat(reuse.status()).isEqualTo(422);
        assertThat(reuse.contentType()).startsWith("application/problem+json");
        assertThat(reuse.json().get("type").asText()).isEqualTo("/problems/idempotency-key-reused");
        assertThat(log.size()).isEqualTo(before);
    }

    @Test
    void givenARefusedCommand_whenRepeatedWithTheSameKeyAfterTheRuleIsMet_thenItRunsAgain() {
        String therapistId = clinic.registerTherapist(3);
        String episodeId = clinic.clientInTherapyWith(therapistId);
        String key = UUID.randomUUID().toString();

        Api.Response refused = api.post("/api/episodes/" + episodeId + "/focus", Clinic.FOCUS, "Idempotency-Key", key);
        clinic.book(episodeId, Clinic.week(1));
        clinic.attend(episodeId, 1, Clinic.PHQ9_MODERATELY_SEVERE, Clinic.GAD7_MODERATE);
        Api.Response accepted = api.post("/api/episodes/" + episodeId + "/focus", Clinic.FOCUS, "Idempotency-Key", key);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(accepted.status()).isEqualTo(200);
    }

    @Test
    void givenTenConcurrentRepeats_whenTheyRace_thenOneEpisodeIsCreatedAndAllSeeTheSameAnswer() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> referral = Clinic.referral(api);
        long before = log.size();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Api.Response>> calls = IntStream.range(0, 10)
                    .<Callable<Api.Response>>mapToObj(i -> () -> api.post("/api/episodes", referral, "Idempotency-Key", key))
                    .toList();
            List<Api.Response> responses = pool.invokeAll(calls).stream().map(IdempotencyApiTest::get).toList();

            assertThat(responses).extracting(Api.Response::status).containsOnly(201);
            assertThat(responses).extracting(r -> r.json().get("episodeId").asText()).containsOnly(
                    responses.get(0).json().get("episodeId").asText());
            assertThat(log.size()).isEqualTo(before + 1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Api.Response get(Future<Api.Response> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
