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

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.dit.events.TherapistId;
import org.dit.events.therapist.Accreditation;
import org.dit.events.therapist.TherapistRegistered;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TherapistTest {

    /** A trainee joining the service, to be supervised. */
    private static final TherapistId NEW_TRAINEE = TherapistId.of("7d3f8b52-1c4e-4a0b-9d5e-0a1b2c3d4e10");

    private FixtureConfiguration<Therapist> fixture;
    private InMemoryTherapistRoster roster;

    @BeforeEach
    void setUp() {
        roster = new InMemoryTherapistRoster();
        roster.register(SUPERVISOR, Accreditation.QUALIFIED, Therapists.SUPERVISOR_CASELOAD);
        roster.register(TRAINEE, Accreditation.IN_TRAINING, TRAINEE_CASELOAD);
        fixture = new AggregateTestFixture<>(Therapist.class);
        fixture.registerInjectableResource(roster);
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
