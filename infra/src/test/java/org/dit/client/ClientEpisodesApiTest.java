package org.dit.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.dit.events.ClientId;
import org.dit.events.EpisodeId;
import org.dit.events.episode.ClientReferred;
import org.dit.events.episode.PresentingProblem;
import org.dit.events.episode.Priority;
import org.dit.support.Api;
import org.dit.support.ApiTest;
import org.dit.support.Clinic;
import org.dit.support.EventLog;
import org.dit.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A referral names a registered client with no open episode; a client's history lists every episode. */
@ApiTest
class ClientEpisodesApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;

    Api lead;
    Clinic clinic;
    EventLog log;

    @BeforeEach
    void setUp() {
        lead = new Api(port);
        clinic = new Clinic(lead);
        log = new EventLog(jdbc);
    }

    @Test
    void givenNoClientRecord_whenReferred_then404ClientNotFoundAndNothingAppended() {
        long before = log.size();

        Api.Response response = lead.post("/api/episodes", Clinic.referral(UUID.randomUUID().toString()));

        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/client-not-found");
        assertThat(log.size()).isEqualTo(before);
    }

    @Test
    void givenAnOpenEpisode_whenTheClientIsReferredAgain_then409NamingTheOpenEpisode() {
        String clientId = clinic.registerClient();
        String open = clinic.referClient(clientId);
        long before = log.size();

        Api.Response response = lead.post("/api/episodes", Clinic.referral(clientId));

        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/open-episode-exists");
        assertThat(response.json().get("episodeId").asText()).isEqualTo(open);
        assertThat(log.size()).isEqualTo(before);
    }

    @Test
    void givenConcurrentReferralsOfOneClient_whenSent_thenOneOpensAndTheOthersNameIt() throws Exception {
        String clientId = clinic.registerClient();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Callable<Api.Response>> referrals = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                referrals.add(() -> lead.post("/api/episodes", Clinic.referral(clientId)));
            }
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> f : pool.invokeAll(referrals)) {
                responses.add(f.get());
            }
            List<Api.Response> created = responses.stream().filter(r -> r.status() == 201).toList();
            assertThat(created).hasSize(1);
            String winner = created.get(0).json().get("episodeId").asText();
            assertThat(responses).filteredOn(r -> r.status() != 201).allSatisfy(r -> {
                assertThat(r.status()).as(r.toString()).isEqualTo(409);
                assertThat(r.json().get("episodeId").asText()).isEqualTo(winner);
            });
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenAnEndedEpisode_whenTheClientIsReferredAgain_thenANewEpisodeOpensAndTheHistoryShowsBoth() {
        String clientId = clinic.registerClient();
        String first = clinic.referClient(clientId);
        Map<String, Object> notSuitable = new java.util.HashMap<>(Clinic.suitableAssessment());
        notSuitable.put("suitable", false);
        Clinic.accepted(lead.post("/api/episodes/" + first + "/assessment", notSuitable));

        String second = clinic.referClient(clientId);

        // both were referred on the same day: the history lists them in no particular order between them
        JsonNode client = clinic.clientWhen(clientId, c -> c.get("episodes").size() == 2
                && c.get("episodes").findParents("episodeId").stream().anyMatch(e -> e.get("episodeId").asText()
                        .equals(first) && "ENDED".equals(e.get("status").asText())));
        List<String> episodes = new ArrayList<>();
        client.get("episodes").forEach(e -> episodes.add(e.get("episodeId").asText() + " " + e.get("status").asText()));
        assertThat(episodes).containsExactlyInAnyOrder(first + " ENDED", second + " REFERRED");
        JsonNode ended = client.get("episodes").findParents("episodeId").stream()
                .filter(e -> e.get("episodeId").asText().equals(first)).findFirst().orElseThrow();
        assertThat(ended.get("endReason").asText()).isEqualTo("NOT_SUITABLE");
        assertThat(ended.get("endedOn").asText()).isEqualTo(Clinic.ASSESSED_ON.toString());
    }

    @Test
    void givenAnEpisodeReferredBeforeClientsWereRegistered_whenLinkedToItsClient_thenItJoinsTheirHistory() {
        String unregistered = UUID.randomUUID().toString();
        String episodeId = referredBeforeClientsWereRegistered(unregistered);
        JsonNode asFound = clinic.clientWhen(unregistered, c -> c.get("episodes").size() == 1);
        assertThat(asFound.get("status").asText()).isEqualTo("UNREGISTERED");
        assertThat(asFound.get("familyName").isNull()).isTrue();
        String clientId = clinic.registerClient();

        Api.Response linked = lead.post("/api/episodes/" + episodeId + "/client-link", Map.of("clientId", clientId));

        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
        assertThat(log.typesOf(episodeId)).containsExactly("ClientReferred", "EpisodeClientLinked");
        clinic.clientWhen(clientId, c -> c.get("episodes").size() == 1
                && episodeId.equals(c.get("episodes").get(0).get("episodeId").asText()));
        clinic.episodeWhen(episodeId, e -> clientId.equals(e.get("clientId").asText()));
        assertThat(lead.post("/api/episodes", Clinic.referral(clientId)).json().get("type").asText())
                .as("the linked episode is open").isEqualTo("/problems/open-episode-exists");

        Api.Response again = lead.post("/api/episodes/" + episodeId + "/client-link", Map.of("clientId", clinic.registerClient()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asText()).isEqualTo("/problems/episode-client-registered");
    }

    @Test
    void givenAnEpisodeOfARegisteredClient_whenLinkedToAnother_then409() {
        String episodeId = clinic.referClient();

        Api.Response response = lead.post("/api/episodes/" + episodeId + "/client-link", Map.of("clientId", clinic.registerClient()));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/episode-client-registered");
    }

    @Test
    void givenAnEpisodeOfAnUnregisteredClient_whenLinkedToAnUnknownClient_then404() {
        String episodeId = referredBeforeClientsWereRegistered(UUID.randomUUID().toString());

        Api.Response response = lead.post("/api/episodes/" + episodeId + "/client-link",
                Map.of("clientId", UUID.randomUUID().toString()));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/client-not-found");
    }

    @Test
    void givenANonAdmin_whenLinking_then403() {
        String episodeId = referredBeforeClientsWereRegistered(UUID.randomUUID().toString());
        String clientId = clinic.registerClient();
        for (String user : List.of("supervisor", "reporting", "auditor")) {
            assertThat(lead.as(user).post("/api/episodes/" + episodeId + "/client-link", Map.of("clientId", clientId)).status())
                    .isEqualTo(403);
        }
    }

    /** A referral as stores written before clients were registered hold it: a client id with no client record. */
    private String referredBeforeClientsWereRegistered(String clientId) {
        EpisodeId episodeId = EpisodeId.random();
        eventStore.publish(new GenericDomainEventMessage<>("Episode", episodeId.toString(), 0,
                new ClientReferred(episodeId, ClientId.of(clientId), "GP", LocalDate.of(2025, 11, 3), PresentingProblem.MIXED,
                        Priority.ROUTINE), MetaData.with("actor", "before-issue-12")));
        return episodeId.toString();
    }

    @Test
    void givenARegisteredClient_whenStaffReadTheirEpisodeCaseloadOrWaitingList_thenTheClientIsNamed_butNeverToReporting() {
        Map<String, Object> waitingDetails = Clinic.inventedClient();
        String waitingClient = clinic.registerClient(waitingDetails);
        String waiting = clinic.referClient(waitingClient);
        Clinic.accepted(lead.post("/api/episodes/" + waiting + "/assessment", Clinic.suitableAssessment()));
        Map<String, Object> treatedDetails = Clinic.inventedClient();
        String treatedClient = clinic.registerClient(treatedDetails);
        String therapistId = clinic.registerTherapist(3);
        String treated = clinic.referClient(treatedClient);
        Clinic.accepted(lead.post("/api/episodes/" + treated + "/assessment", Clinic.suitableAssessment()));
        Clinic.accepted(lead.post("/api/episodes/" + treated + "/allocation",
                Map.of("therapistId", therapistId, "allocatedOn", Clinic.ALLOCATED_ON.toString())));
        String treatedName = treatedDetails.get("familyName") + ", " + treatedDetails.get("givenName");
        Api therapist = lead.withBearer(TestTokens.token("therapist-named", List.of("THERAPIST"),
                UUID.fromString(therapistId)));

        JsonNode episode = clinic.episodeWhen(treated, e -> "IN_THERAPY".equals(e.get("status").asText()));
        assertThat(episode.get("clientName").asText()).isEqualTo(treatedName);
        assertThat(episode.get("nhsNumber").asText()).isEqualTo(treatedDetails.get("nhsNumber"));
        JsonNode ownEpisode = therapist.get("/api/episodes/" + treated).json();
        assertThat(ownEpisode.get("clientName").asText()).isEqualTo(treatedName);
        JsonNode caseloadEntry = eventually(() -> therapist.get("/api/caseloads/" + therapistId).json().get("entries"))
                .get(0);
        assertThat(caseloadEntry.get("clientName").asText()).isEqualTo(treatedName);
        assertThat(caseloadEntry.get("nhsNumber").asText()).isEqualTo(treatedDetails.get("nhsNumber"));

        String asOf = "/api/waiting-list?asOf=" + Clinic.ALLOCATED_ON;
        JsonNode entry = eventually(() -> entryOf(lead.as("supervisor").get(asOf).json(), waiting));
        assertThat(entry.get("clientName").asText())
                .isEqualTo(waitingDetails.get("familyName") + ", " + waitingDetails.get("givenName"));
        assertThat(entry.get("nhsNumber").asText()).isEqualTo(waitingDetails.get("nhsNumber"));
        String reporting = lead.as("reporting").get(asOf).text();
        for (Object datum : List.of(waitingDetails.get("familyName"), waitingDetails.get("nhsNumber"),
                treatedDetails.get("familyName"), treatedDetails.get("nhsNumber"))) {
            assertThat(reporting).doesNotContain(datum.toString());
        }
    }

    private JsonNode eventually(Callable<JsonNode> read) {
        JsonNode[] last = new JsonNode[1];
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
            last[0] = read.call();
            return last[0] != null && last[0].size() > 0;
        });
        return last[0];
    }

    /** The episode's entry, or null while the waiting list does not show it yet. */
    private static JsonNode entryOf(JsonNode waitingList, String episodeId) {
        for (JsonNode entry : waitingList.get("entries")) {
            if (episodeId.equals(entry.path("episodeId").asText())) {
                return entry;
            }
        }
        return null;
    }
}
