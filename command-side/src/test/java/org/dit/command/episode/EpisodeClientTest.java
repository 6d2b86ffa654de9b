package org.dit.command.episode;

import static org.dit.command.episode.Episodes.CLIENT;
import static org.dit.command.episode.Episodes.CLOCK;
import static org.dit.command.episode.Episodes.EPISODE;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.dit.command.client.ClientForgotten;
import org.dit.command.client.ClientNotFound;
import org.dit.command.client.EpisodeClientRegistered;
import org.dit.command.client.InMemoryClientRegistry;
import org.dit.command.client.LinkEpisodeToClient;
import org.dit.command.client.OpenEpisodeExists;
import org.dit.command.therapist.Therapists;
import org.dit.events.ClientId;
import org.dit.events.EpisodeId;
import org.dit.events.episode.ClientReferred;
import org.dit.events.episode.EpisodeClientLinked;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A referral names a registered client with no open episode; an episode of an unregistered client can be linked. */
class EpisodeClientTest {

    /** A client id from before clients were registered: episodes name it, no client record exists. */
    private static final ClientId UNREGISTERED = ClientId.of("0f0e0d0c-0b0a-4909-8807-060504030201");
    private static final EpisodeId OTHER_EPISODE = EpisodeId.of("c3d4e5f6-0718-4293-a4b5-c6d7e8f90a1b");

    private FixtureConfiguration<Episode> fixture;
    private InMemoryClientRegistry clients;

    @BeforeEach
    void setUp() {
        clients = Episodes.clientRegistry();
        fixture = new AggregateTestFixture<>(Episode.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(Therapists.clinicRoster());
        fixture.registerInjectableResource(clients);
    }

    private static ClientReferred referredAsUnregistered() {
        ClientReferred referred = (ClientReferred) Episodes.referred().get(0);
        return new ClientReferred(referred.episodeId(), UNREGISTERED, referred.referralSource(), referred.referredOn(),
                referred.presentingProblem(), referred.priority());
    }

    @Test
    void givenAnUnregisteredClient_whenReferred_thenRefusedAsClientNotFound() {
        ReferClient referral = Episodes.referral();
        fixture.givenNoPriorActivity()
                .when(new ReferClient(EPISODE, UNREGISTERED, referral.referralSource(), referral.referredOn(),
                        referral.presentingProblem(), referral.priority()))
                .expectNoEvents()
                .expectException(ClientNotFound.class);
    }

    @Test
    void givenTheClientInAnotherOpenEpisode_whenReferred_thenRefusedNamingIt() {
        clients.inEpisode(CLIENT, OTHER_EPISODE);
        fixture.givenNoPriorActivity()
                .when(Episodes.referral())
                .expectNoEvents()
                .expectException(OpenEpisodeExists.class);
    }

    @Test
    void givenTheClientsEarlierEpisodeEnded_whenReferredAgain_thenANewEpisodeOpens() {
        clients.inEpisode(CLIENT, OTHER_EPISODE).episodeEnded(CLIENT, Episodes.TODAY.minusDays(30));
        fixture.givenNoPriorActivity()
                .when(Episodes.referral())
                .expectSuccessfulHandlerExecution()
                .expectEvents(Episodes.referred().get(0));
    }

    @Test
    void givenAnErasedClient_whenReferred_thenRefused() {
        clients.erased(CLIENT);
        fixture.givenNoPriorActivity()
                .when(Episodes.referral())
                .expectNoEvents()
                .expectException(ClientForgotten.class);
    }

    @Test
    void givenAnEpisodeOfAnUnregisteredClient_whenLinkedToARegisteredClient_thenLinked() {
        fixture.given(referredAsUnregistered())
                .when(new LinkEpisodeToClient(EPISODE, CLIENT))
                .expectEvents(new EpisodeClientLinked(EPISODE, UNREGISTERED, CLIENT));
    }

    @Test
    void givenAnEpisodeOfARegisteredClient_whenLinkedToAnother_thenRefused() {
        fixture.given(Episodes.referred())
                .when(new LinkEpisodeToClient(EPISODE, CLIENT))
                .expectNoEvents()
                .expectException(EpisodeClientRegistered.class);
    }

    @Test
    void givenAnOpenEpisodeOfAnUnregisteredClient_whenLinkedToAClientInAnotherOpenEpisode_thenRefused() {
        clients.inEpisode(CLIENT, OTHER_EPISODE);
        fixture.given(referredAsUnregistered())
                .when(new LinkEpisodeToClient(EPISODE, CLIENT))
                .expectNoEvents()
                .expectException(OpenEpisodeExists.class);
    }

    @Test
    void givenAnEpisodeOfAnUnregisteredClient_whenLinkedToAnUnknownClient_thenRefused() {
        fixture.given(referredAsUnregistered())
                .when(new LinkEpisodeToClient(EPISODE, ClientId.of("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d")))
                .expectNoEvents()
                .expectException(ClientNotFound.class);
    }
}
