package org.dit.command.client;

import static org.dit.command.Refusals.invalidInput;
import static org.dit.command.client.Clients.CLIENT;
import static org.dit.command.client.Clients.NHS_NUMBER;
import static org.dit.command.client.Clients.OTHER_CLIENT;
import static org.dit.command.client.Clients.OTHER_NHS_NUMBER;

import java.time.LocalDate;
import java.util.Map;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.dit.events.EpisodeId;
import org.dit.events.client.ClientDetailsCorrected;
import org.dit.events.client.ClientErasureApproved;
import org.dit.events.client.ClientErased;
import org.dit.events.client.ClientRegistered;
import org.dit.events.client.ErasureGround;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientTest {

    private FixtureConfiguration<Client> fixture;
    private InMemoryClientRegistry registry;

    @BeforeEach
    void setUp() {
        registry = new InMemoryClientRegistry();
        fixture = new AggregateTestFixture<>(Client.class);
        fixture.registerInjectableResource(Clients.CLOCK);
        fixture.registerInjectableResource(registry);
        fixture.registerInjectableResource(new RetentionPeriod(20));
    }

    @Test
    void givenNoPriorActivity_whenRegisteredAsTyped_thenRegisteredInCanonicalForm() {
        fixture.givenNoPriorActivity()
                .when(new RegisterClient(CLIENT, Clients.typed()))
                .expectEvents(new ClientRegistered(CLIENT, Clients.canonical()));
    }

    @Test
    void givenAnotherClientWithTheNhsNumber_whenRegistered_thenRefusedNamingThem() {
        registry.registered(OTHER_CLIENT, NHS_NUMBER);
        fixture.givenNoPriorActivity()
                .when(new RegisterClient(CLIENT, Clients.typed()))
                .expectNoEvents()
                .expectException(ClientExists.class);
    }

    @Test
    void givenAWrongCheckDigit_whenRegistered_thenRefusedAsAnInvalidNhsNumber() {
        fixture.givenNoPriorActivity()
                .when(new RegisterClient(CLIENT, Clients.withNhsNumber(Clients.typed(), "9434765918", null)))
                .expectNoEvents()
                .expectException(InvalidNhsNumber.class);
    }

    @Test
    void givenNeitherNhsNumberNorReason_whenRegistered_thenRefusedNamingTheNhsNumber() {
        fixture.givenNoPriorActivity()
                .when(new RegisterClient(CLIENT, Clients.withNhsNumber(Clients.typed(), " ", null)))
                .expectNoEvents()
                .expectException(invalidInput("nhsNumber"));
    }

    @Test
    void givenNoNhsNumberAndAReason_whenRegistered_thenRegisteredWithoutOne() {
        fixture.givenNoPriorActivity()
                .when(new RegisterClient(CLIENT, Clients.withNhsNumber(Clients.typed(), null, "Visitor from abroad")))
                .expectEvents(new ClientRegistered(CLIENT,
                        Clients.withNhsNumber(Clients.canonical(), null, "Visitor from abroad")));
    }

    @Test
    void givenABirthDateTomorrow_whenRegistered_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterClient(CLIENT, Clients.bornOn(Clients.typed(), LocalDate.of(2026, 6, 16))))
                .expectNoEvents()
                .expectException(invalidInput("dateOfBirth"));
    }

    @Test
    void givenNotAPostcode_whenRegistered_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterClient(CLIENT, Clients.withPostcode(Clients.typed(), "12345")))
                .expectNoEvents()
                .expectException(invalidInput("postcode"));
    }

    @Test
    void givenARegisteredClient_whenDetailsCorrected_thenTheCorrectionWithItsReason() {
        fixture.given(Clients.registered())
                .when(new CorrectClientDetails(CLIENT, Clients.withPostcode(Clients.typed(), "ls2 7ea"), "Moved house"))
                .expectEvents(new ClientDetailsCorrected(CLIENT, Clients.withPostcode(Clients.canonical(), "LS2 7EA"),
                        "Moved house"));
    }

    @Test
    void givenARegisteredClient_whenCorrectedWithoutAReason_thenRefused() {
        fixture.given(Clients.registered())
                .when(new CorrectClientDetails(CLIENT, Clients.typed(), " "))
                .expectNoEvents()
                .expectException(invalidInput("reason"));
    }

    @Test
    void givenAnotherClientWithTheNewNhsNumber_whenCorrected_thenRefusedNamingThem() {
        registry.registered(CLIENT, NHS_NUMBER).registered(OTHER_CLIENT, OTHER_NHS_NUMBER);
        fixture.given(Clients.registered())
                .when(new CorrectClientDetails(CLIENT, Clients.withNhsNumber(Clients.typed(), OTHER_NHS_NUMBER, null),
                        "Typing error"))
                .expectNoEvents()
                .expectException(ClientExists.class);
    }

    @Test
    void givenTheClientHoldsTheNhsNumber_whenCorrectedKeepingIt_thenAccepted() {
        registry.registered(CLIENT, NHS_NUMBER);
        fixture.given(Clients.registered())
                .when(new CorrectClientDetails(CLIENT, Clients.typed(), "Spelling of the family name"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void givenAnErasedClient_whenCorrected_thenRefused() {
        fixture.given(Clients.registered(),
                        new ClientErased(CLIENT, ErasureGround.REGISTERED_IN_ERROR, "Duplicate record", "supervisor", null))
                .when(new CorrectClientDetails(CLIENT, Clients.typed(), "Late correction"))
                .expectNoEvents()
                .expectException(ClientForgotten.class);
    }

    private static final Map<String, String> BY_SUPERVISOR = Map.of("actor", "supervisor");
    private static final Map<String, String> BY_ADMIN = Map.of("actor", "admin");
    private static final EpisodeId EPISODE = EpisodeId.of("4c5d6e7f-8091-4a2b-8c3d-4e5f6a7b8c9d");

    private static ClientErasureApproved approvedBySupervisor() {
        return new ClientErasureApproved(CLIENT, "supervisor", "Registered twice");
    }

    @Test
    void givenARegisteredClient_whenASupervisorApprovesTheirErasure_thenTheApprovalNamesThem() {
        fixture.given(Clients.registered())
                .when(new ApproveClientErasure(CLIENT, "Registered twice"), BY_SUPERVISOR)
                .expectEvents(approvedBySupervisor());
    }

    @Test
    void givenNoApproval_whenErasedAsRegisteredInError_thenRefused() {
        fixture.given(Clients.registered())
                .when(new EraseClient(CLIENT, "Registered twice", true), BY_ADMIN)
                .expectNoEvents()
                .expectException(ErasureNotApproved.class);
    }

    @Test
    void givenTheirOwnApproval_whenTheApproverErases_thenRefused() {
        fixture.given(Clients.registered(), approvedBySupervisor())
                .when(new EraseClient(CLIENT, "Registered twice", true), BY_SUPERVISOR)
                .expectNoEvents()
                .expectException(ErasureNotApproved.class);
    }

    @Test
    void givenASupervisorsApproval_whenAnAdministratorErasesAsRegisteredInError_thenErasedNamingTheApprover() {
        fixture.given(Clients.registered(), approvedBySupervisor())
                .when(new EraseClient(CLIENT, "Registered twice", true), BY_ADMIN)
                .expectEvents(new ClientErased(CLIENT, ErasureGround.REGISTERED_IN_ERROR, "Registered twice", "supervisor", null));
    }

    @Test
    void givenAnOpenEpisode_whenErasedAsRegisteredInError_thenRefusedNamingIt() {
        registry.registered(CLIENT, NHS_NUMBER).inEpisode(CLIENT, EPISODE);
        fixture.given(Clients.registered(), approvedBySupervisor())
                .when(new EraseClient(CLIENT, "Registered twice", true), BY_ADMIN)
                .expectNoEvents()
                .expectException(OpenEpisodeExists.class);
    }

    @Test
    void givenTheLastEpisodeEndedMoreThanTheRetentionPeriodAgo_whenErased_thenErased() {
        registry.registered(CLIENT, NHS_NUMBER).inEpisode(CLIENT, EPISODE).episodeEnded(CLIENT, LocalDate.of(2006, 6, 15));
        fixture.given(Clients.registered())
                .when(new EraseClient(CLIENT, "Retention period ended", null), BY_ADMIN)
                .expectEvents(new ClientErased(CLIENT, ErasureGround.RETENTION_PERIOD_ENDED, "Retention period ended", null,
                        LocalDate.of(2006, 6, 15)));
    }

    @Test
    void givenTheLastEpisodeEndedADayShortOfTheRetentionPeriod_whenErased_thenRefused() {
        registry.registered(CLIENT, NHS_NUMBER).inEpisode(CLIENT, EPISODE).episodeEnded(CLIENT, LocalDate.of(2006, 6, 16));
        fixture.given(Clients.registered())
                .when(new EraseClient(CLIENT, "Retention period ended", false), BY_ADMIN)
                .expectNoEvents()
                .expectException(RetentionNotReached.class);
    }

    @Test
    void givenAnOpenEpisode_whenErasedForRetention_thenRefused() {
        registry.registered(CLIENT, NHS_NUMBER).inEpisode(CLIENT, EPISODE);
        fixture.given(Clients.registered())
                .when(new EraseClient(CLIENT, "Retention period ended", false), BY_ADMIN)
                .expectNoEvents()
                .expectException(RetentionNotReached.class);
    }

    @Test
    void givenNoEpisodeAndARecentRegistration_whenErasedForRetention_thenRefused() {
        fixture.given(Clients.registered())
                .when(new EraseClient(CLIENT, "Retention period ended", false), BY_ADMIN)
                .expectNoEvents()
                .expectException(RetentionNotReached.class);
    }

    @Test
    void givenAnErasedClient_whenErasedAgain_thenRefused() {
        fixture.given(Clients.registered(), approvedBySupervisor(),
                        new ClientErased(CLIENT, ErasureGround.REGISTERED_IN_ERROR, "Registered twice", "supervisor", null))
                .when(new EraseClient(CLIENT, "Again", true), BY_ADMIN)
                .expectNoEvents()
                .expectException(ClientForgotten.class);
    }

    @Test
    void givenNoReason_whenErased_thenRefused() {
        fixture.given(Clients.registered(), approvedBySupervisor())
                .when(new EraseClient(CLIENT, " ", true), BY_ADMIN)
                .expectNoEvents()
                .expectException(invalidInput("reason"));
    }
}
