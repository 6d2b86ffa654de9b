package org.dit.command.episode;

import static org.dit.command.Refusals.invalidInput;
import static org.dit.command.episode.Episodes.*;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.dit.command.episode.EpisodePolicy.DateBeforeReferral;
import org.dit.command.therapist.Therapists;
import org.dit.events.episode.AssessmentCompleted;
import org.dit.events.episode.ClientWaitlisted;
import org.dit.events.episode.Instrument;
import org.dit.events.episode.OutcomeMeasureRecorded;
import org.dit.events.episode.RiskAssessed;
import org.dit.events.episode.RiskIndicated;
import org.dit.events.episode.RiskLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Risk (DESIGN §2): a PHQ-9 whose item 9 is 1 or more raises a risk indication wherever it is recorded, and risk
 * assessments are recorded at any stage. Kept apart from {@link EpisodeTest}, which covers the course itself.
 */
class EpisodeRiskTest {

    private static final List<Integer> PHQ9_ITEM9_ZERO = PHQ9_IN_SESSION;
    /** Item 9 at its highest, at assessment. */
    private static final List<Integer> PHQ9_ITEM9_THREE = List.of(2, 2, 2, 2, 1, 2, 1, 0, 3);

    private FixtureConfiguration<Episode> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Episode.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(Therapists.clinicRoster());
    }

    @Nested
    class Item9Indication {

        @Test
        void givenSessionBooked_whenAttendedWithPhq9Item9Zero_thenNoRiskIndication() {
            LocalDate sessionDate = LocalDate.ofInstant(startOf(1), LONDON);
            fixture.given(withSessionsBooked(1))
                    .when(new RecordAttendance(EPISODE, 1, PHQ9_ITEM9_ZERO, null, SESSION_PHQ9, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(attended(1), new OutcomeMeasureRecorded(EPISODE, SESSION_PHQ9, Instrument.PHQ9, PHQ9_ITEM9_ZERO,
                            PHQ9_IN_SESSION_TOTAL, sessionDate, 1));
        }

        @Test
        void givenSessionBooked_whenAttendedWithPhq9Item9One_thenRiskIndicatedFromThatMeasure() {
            LocalDate sessionDate = LocalDate.ofInstant(startOf(1), LONDON);
            fixture.given(withSessionsBooked(1))
                    .when(new RecordAttendance(EPISODE, 1, PHQ9_ITEM9_ONE, GAD7_IN_SESSION, SESSION_PHQ9, SESSION_GAD7))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(attended(1),
                            new OutcomeMeasureRecorded(EPISODE, SESSION_PHQ9, Instrument.PHQ9, PHQ9_ITEM9_ONE,
                                    PHQ9_ITEM9_ONE_TOTAL, sessionDate, 1),
                            new RiskIndicated(EPISODE, SESSION_PHQ9, 1, sessionDate),
                            new OutcomeMeasureRecorded(EPISODE, SESSION_GAD7, Instrument.GAD7, GAD7_IN_SESSION,
                                    GAD7_IN_SESSION_TOTAL, sessionDate, 1));
        }

        @Test
        void givenReferred_whenAssessedWithPhq9Item9Three_thenRiskIndicatedAtAssessment() {
            fixture.given(referred())
                    .when(assessmentScoring(PHQ9_ITEM9_THREE, GAD7_AT_ASSESSMENT))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new AssessmentCompleted(EPISODE, ASSESSED_ON, true, ASSESSMENT_NOTES),
                            new OutcomeMeasureRecorded(EPISODE, ASSESSMENT_PHQ9, Instrument.PHQ9, PHQ9_ITEM9_THREE, 15,
                                    ASSESSED_ON, null),
                            new RiskIndicated(EPISODE, ASSESSMENT_PHQ9, 3, ASSESSED_ON),
                            gad7AtAssessment(),
                            new ClientWaitlisted(EPISODE, ASSESSED_ON));
        }

        @Test
        void givenWaiting_whenSeparatePhq9HasItem9One_thenRiskIndicated() {
            fixture.given(waiting())
                    .when(new RecordOutcomeMeasure(EPISODE, NEW_MEASURE, Instrument.PHQ9, PHQ9_ITEM9_ONE, TODAY))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OutcomeMeasureRecorded(EPISODE, NEW_MEASURE, Instrument.PHQ9, PHQ9_ITEM9_ONE,
                                    PHQ9_ITEM9_ONE_TOTAL, TODAY, null),
                            new RiskIndicated(EPISODE, NEW_MEASURE, 1, TODAY));
        }

        @Test
        void givenWaiting_whenSeparateGad7Recorded_thenNoRiskIndicationWhateverItsLastItem() {
            List<Integer> gad7LastItemThree = List.of(1, 1, 1, 0, 1, 1, 3);
            fixture.given(waiting())
                    .when(new RecordOutcomeMeasure(EPISODE, NEW_MEASURE, Instrument.GAD7, gad7LastItemThree, TODAY))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OutcomeMeasureRecorded(EPISODE, NEW_MEASURE, Instrument.GAD7, gad7LastItemThree, 8,
                            TODAY, null));
        }
    }

    @Nested
    class RiskAssessment {

        @Test
        void givenReferred_whenRiskAssessed_thenRecordedWithTextsTrimmed() {
            fixture.given(referred())
                    .when(new RecordRiskAssessment(EPISODE, RISK_ASSESSMENT, TODAY, RiskLevel.HIGH, RiskLevel.HIGH,
                            RiskLevel.LOW, RiskLevel.MODERATE, " " + SAFETY_PLAN + " ", RISK_ACTIONS + "\n", REVIEW_BY))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new RiskAssessed(EPISODE, RISK_ASSESSMENT, TODAY, RiskLevel.HIGH, RiskLevel.HIGH,
                            RiskLevel.LOW, RiskLevel.MODERATE, SAFETY_PLAN, RISK_ACTIONS, REVIEW_BY));
        }

        @Test
        void givenEnded_whenRiskAssessed_thenRecorded() {
            fixture.given(droppedOut())
                    .when(riskAssessment(RiskLevel.LOW, TODAY, REVIEW_BY))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(riskAssessed(RiskLevel.LOW, TODAY));
        }

        @Test
        void givenInTherapy_whenReviewDateIsTheAssessmentDate_thenRecorded() {
            fixture.given(inTherapy())
                    .when(riskAssessment(RiskLevel.MODERATE, TODAY, TODAY))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new RiskAssessed(EPISODE, RISK_ASSESSMENT, TODAY, RiskLevel.MODERATE, RiskLevel.MODERATE,
                            RiskLevel.LOW, RiskLevel.LOW, SAFETY_PLAN, RISK_ACTIONS, TODAY));
        }

        @Test
        void givenInTherapy_whenReviewDateBeforeTheAssessment_thenRefused() {
            fixture.given(inTherapy())
                    .when(riskAssessment(RiskLevel.MODERATE, TODAY, TODAY.minusDays(1)))
                    .expectNoEvents()
                    .expectException(invalidInput("reviewBy"));
        }

        @Test
        void givenInTherapy_whenAssessedTomorrow_thenRefused() {
            fixture.given(inTherapy())
                    .when(riskAssessment(RiskLevel.MODERATE, TOMORROW, REVIEW_BY))
                    .expectNoEvents()
                    .expectException(invalidInput("assessedOn"));
        }

        @Test
        void givenInTherapy_whenAssessedBeforeTheReferral_thenRefused() {
            fixture.given(inTherapy())
                    .when(riskAssessment(RiskLevel.MODERATE, BEFORE_REFERRAL, REVIEW_BY))
                    .expectNoEvents()
                    .expectException(DateBeforeReferral.class);
        }

        @Test
        void givenInTherapy_whenNoSafetyPlan_thenRefused() {
            fixture.given(inTherapy())
                    .when(new RecordRiskAssessment(EPISODE, RISK_ASSESSMENT, TODAY, RiskLevel.LOW, RiskLevel.LOW,
                            RiskLevel.LOW, RiskLevel.LOW, "  ", RISK_ACTIONS, REVIEW_BY))
                    .expectNoEvents()
                    .expectException(invalidInput("safetyPlan"));
        }

        @Test
        void givenInTherapy_whenNoRiskToOthersGiven_thenRefused() {
            fixture.given(inTherapy())
                    .when(new RecordRiskAssessment(EPISODE, RISK_ASSESSMENT, TODAY, RiskLevel.LOW, RiskLevel.LOW, null,
                            RiskLevel.LOW, SAFETY_PLAN, RISK_ACTIONS, REVIEW_BY))
                    .expectNoEvents()
                    .expectException(invalidInput("riskToOthers"));
        }
    }
}
