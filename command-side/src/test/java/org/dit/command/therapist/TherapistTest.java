package org.dit.command.therapist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dit.command.Refusals.invalidInput;
import static org.dit.command.therapist.Therapists.SUPERVISOR;
import static org.dit.command.therapist.Therapists.THERAPIST;
import static org.dit.command.therapist.Therapists.THERAPIST_CASELOAD;
import static org.dit.command.therapist.Therapists.THERAPIST_NAME;
import static org.dit.command.therapist.Therapists.TRAINEE;
import static org.dit.command.therapist.Therapists.TRAINEE_CASELOAD;
import static org.dit.command.therapist.Therapists.TRAINEE_NAME;
import static org.dit.command.therapist.Therapists.UNREGISTERED;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.dit.events.EpisodeId;
import org.dit.events.TherapistId;
import org.dit.events.therapist.Accreditation;
import org.dit.events.therapist.TherapistDeactivated;
import org.dit.events.therapist.TherapistMaxCaseloadChanged;
import org.dit.events.therapist.TherapistRegistered;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TherapistTest {

    /** A trainee joining the service, to be supervised. */
    private static final TherapistId NEW_TRAINEE = TherapistId.of("7d3f8b52-1c4e-4a0b-9d5e-0a1b2c3d4e10");

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T09:00:00Z"), ZoneId.of("Europe/London"));
    private static final EpisodeId FIRST_CLIENT = EpisodeId.of("3b9e6a2c-5d1f-4e8a-b7c2-9f0e1d2c3b01");
    private static final EpisodeId SECOND_CLIENT = EpisodeId.of("3b9e6a2c-5d1f-4e8a-b7c2-9f0e1d2c3b02");
    private static final EpisodeId THIRD_CLIENT = EpisodeId.of("3b9e6a2c-5d1f-4e8a-b7c2-9f0e1d2c3b03");
    private static final String LEAVING = "Left the service";

    private FixtureConfiguration<Therapist> fixture;
    private InMemoryTherapistRoster roster;

    @BeforeEach
    void setUp() {
        roster = new InMemoryTherapistRoster();
        roster.register(SUPERVISOR, Accreditation.QUALIFIED, Therapists.SUPERVISOR_CASELOAD);
        roster.register(TRAINEE, Accreditation.IN_TRAINING, TRAINEE_CASELOAD);
        fixture = new AggregateTestFixture<>(Therapist.class);
        fixture.registerInjectableResource(roster);
        fixture.registerInjectableResource(CLOCK);
    }

    /** The therapist holds three open episodes, as the roster's lookups record them. */
    private void holdingThreeClients() {
        roster.register(THERAPIST, Accreditation.QUALIFIED, THERAPIST_CASELOAD);
        for (EpisodeId client : new EpisodeId[] {THIRD_CLIENT, FIRST_CLIENT, SECOND_CLIENT}) {
            roster.allocate(THERAPIST, client);
        }
    }

    @Test
    void givenThreeClients_whenMaxCaseloadLoweredToTwo_thenChangedAndTheAnswerSaysItIsOverCapacity() {
        holdingThreeClients();
        fixture.given(Therapists.qualifiedTherapistRegistered())
                .when(new ChangeMaxCaseload(THERAPIST, 2))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TherapistMaxCaseloadChanged(THERAPIST, 2, THERAPIST_CASELOAD))
                .expectResultMessagePayload(new CaseloadChange(2, 3));
        assertThat(new CaseloadChange(2, 3).overCapacity()).isTrue();
        assertThat(new CaseloadChange(3, 3).overCapacity()).isFalse();
    }

    @Test
    void givenRegistered_whenMaxCaseloadUnchanged_thenRefused() {
        fixture.given(Therapists.qualifiedTherapistRegistered())
                .when(new ChangeMaxCaseload(THERAPIST, THERAPIST_CASELOAD))
                .expectNoEvents()
                .expectException(MaxCaseloadUnchanged.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, Therapist.MAX_CASELOAD_LIMIT + 1})
    void givenRegistered_whenMaxCaseloadOutOfRange_thenRefused(int maxCaseload) {
        fixture.given(Therapists.qualifiedTherapistRegistered())
                .when(new ChangeMaxCaseload(THERAPIST, maxCaseload))
                .expectNoEvents()
                .expectException(invalidInput("maxCaseload"));
    }

    @Test
    void givenDeactivated_whenMaxCaseloadChanged_thenRefused() {
        fixture.given(Therapists.qualifiedTherapistRegistered(), new TherapistDeactivated(THERAPIST, TODAY, LEAVING))
                .when(new ChangeMaxCaseload(THERAPIST, 4))
                .expectNoEvents()
                .expectException(TherapistInactive.class);
    }

    @Test
    void givenThreeClients_whenDeactivated_thenDeactivatedTodayAndTheAnswerNamesTheEpisodesToReassign() {
        holdingThreeClients();
        fixture.given(Therapists.qualifiedTherapistRegistered())
                .when(new DeactivateTherapist(THERAPIST, " " + LEAVING + " "))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TherapistDeactivated(THERAPIST, TODAY, LEAVING))
                .expectResultMessagePayload(new Deactivation(java.util.List.of(FIRST_CLIENT, SECOND_CLIENT, THIRD_CLIENT)));
    }

    @Test
    void givenDeactivated_whenDeactivatedAgain_thenRefused() {
        fixture.given(Therapists.qualifiedTherapistRegistered(), new TherapistDeactivated(THERAPIST, TODAY, null))
                .when(new DeactivateTherapist(THERAPIST, null))
                .expectNoEvents()
                .expectException(TherapistInactive.class);
    }

    @Test
    void givenNoPriorActivity_whenQualifiedTherapistRegistered_thenRegistered() {
        fixture.givenNoPriorActivity()
                .when(new RegisterTherapist(THERAPIST, THERAPIST_NAME, Accreditation.QUALIFIED, null, THERAPIST_CASELOAD))
                .expectSuccessfulHandlerExecution()
                .expectEvents(Therapists.qualifiedTherapistRegistered());
    }

    @Test
    void givenNoPriorActivity_whenTraineeRegisteredWithQualifiedSupervisor_thenRegistered() {
        fixture.givenNoPriorActivity()
                .when(new RegisterTherapist(NEW_TRAINEE, " " + TRAINEE_NAME + " ", Accreditation.IN_TRAINING, SUPERVISOR,
                        TRAINEE_CASELOAD))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TherapistRegistered(NEW_TRAINEE, TRAINEE_NAME, Accreditation.IN_TRAINING, SUPERVISOR,
                        TRAINEE_CASELOAD));
    }

    @Test
    void givenNoPriorActivity_whenTraineeRegisteredWithoutSupervisor_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterTherapist(NEW_TRAINEE, TRAINEE_NAME, Accreditation.IN_TRAINING, null, TRAINEE_CASELOAD))
                .expectNoEvents()
                .expectException(invalidInput("supervisorId"));
        assertThat(roster.isRegistered(NEW_TRAINEE)).isFalse();
    }

    @Test
    void givenSupervisorInTraining_whenTraineeRegistered_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterTherapist(NEW_TRAINEE, TRAINEE_NAME, Accreditation.IN_TRAINING, TRAINEE, TRAINEE_CASELOAD))
                .expectNoEvents()
                .expectException(SupervisorNotQualified.class);
        assertThat(roster.isRegistered(NEW_TRAINEE)).isFalse();
    }

    @Test
    void givenSupervisorUnregistered_whenTraineeRegistered_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterTherapist(NEW_TRAINEE, TRAINEE_NAME, Accreditation.IN_TRAINING, UNREGISTERED,
                        TRAINEE_CASELOAD))
                .expectNoEvents()
                .expectException(SupervisorNotQualified.class);
    }

    @Test
    void givenSupervisorInactive_whenTraineeRegistered_thenRefused() {
        roster.deactivate(SUPERVISOR);
        fixture.givenNoPriorActivity()
                .when(new RegisterTherapist(NEW_TRAINEE, TRAINEE_NAME, Accreditation.IN_TRAINING, SUPERVISOR, TRAINEE_CASELOAD))
                .expectNoEvents()
                .expectException(SupervisorNotQualified.class);
    }

    @Test
    void givenSupervisorInTraining_whenQualifiedTherapistRegisteredUnderThem_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterTherapist(THERAPIST, THERAPIST_NAME, Accreditation.QUALIFIED, TRAINEE, THERAPIST_CASELOAD))
                .expectNoEvents()
                .expectException(SupervisorNotQualified.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Therapist.MAX_CASELOAD_LIMIT + 1})
    void givenNoPriorActivity_whenCaseloadOutOfRange_thenRefused(int maxCaseload) {
        fixture.givenNoPriorActivity()
                .when(new RegisterTherapist(THERAPIST, THERAPIST_NAME, Accreditation.QUALIFIED, null, maxCaseload))
                .expectNoEvents()
                .expectException(invalidInput("maxCaseload"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, Therapist.MAX_CASELOAD_LIMIT})
    void givenNoPriorActivity_whenCaseloadAtABound_thenRegistered(int maxCaseload) {
        fixture.givenNoPriorActivity()
                .when(new RegisterTherapist(THERAPIST, THERAPIST_NAME, Accreditation.QUALIFIED, null, maxCaseload))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TherapistRegistered(THERAPIST, THERAPIST_NAME, Accreditation.QUALIFIED, null, maxCaseload));
    }

    @Test
    void givenNoPriorActivity_whenCaseloadMissing_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterTherapist(THERAPIST, THERAPIST_NAME, Accreditation.QUALIFIED, null, null))
                .expectNoEvents()
                .expectException(invalidInput("maxCaseload"));
    }

    @Test
    void givenNoPriorActivity_whenNameBlank_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterTherapist(THERAPIST, "  ", Accreditation.QUALIFIED, null, THERAPIST_CASELOAD))
                .expectNoEvents()
                .expectException(invalidInput("name"));
    }

    @Test
    void givenNoPriorActivity_whenAccreditationMissing_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterTherapist(THERAPIST, THERAPIST_NAME, null, null, THERAPIST_CASELOAD))
                .expectNoEvents()
                .expectException(invalidInput("accreditation"));
    }
}
