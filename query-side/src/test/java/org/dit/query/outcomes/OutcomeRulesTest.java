package org.dit.query.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.stream.Stream;

import org.dit.events.episode.EndReason;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The pure definitions of docs/design.md §3, at and around every threshold. */
class OutcomeRulesTest {

    static final int PHQ9_AT_CASENESS = 10;
    static final int PHQ9_BELOW_CASENESS = 9;
    static final int GAD7_AT_CASENESS = 8;
    static final int GAD7_BELOW_CASENESS = 7;
    static final int PHQ9_MINIMAL = 3;
    static final int GAD7_MINIMAL = 2;
    static final int GAD7_NONE = 0;
    static final int PHQ9_MODERATE = 13;
    static final int GAD7_MODERATE = 10;
    static final int PHQ9_MODERATELY_SEVERE = 16;
    static final int GAD7_SEVERE = 16;
    static final int PHQ9_RELIABLE_CHANGE = 6;
    static final int PHQ9_CHANGE_SHORT_OF_RELIABLE = 5;
    static final int GAD7_RELIABLE_CHANGE = 4;
    static final int GAD7_CHANGE_SHORT_OF_RELIABLE = 3;
    static final int SIX_WEEKS_IN_DAYS = 42;
    static final int EIGHTEEN_WEEKS_IN_DAYS = 126;

    @Nested
    class Caseness {

        @Test
        void givenFirstPhq9Of10AndGad7BelowCaseness_whenCasenessJudged_thenAtCaseness() {
            assertThat(OutcomeRules.atCaseness(PHQ9_AT_CASENESS, GAD7_BELOW_CASENESS)).isTrue();
        }

        @Test
        void givenFirstPhq9Of9AndGad7BelowCaseness_whenCasenessJudged_thenNotAtCaseness() {
            assertThat(OutcomeRules.atCaseness(PHQ9_BELOW_CASENESS, GAD7_BELOW_CASENESS)).isFalse();
        }

        @Test
        void givenFirstGad7Of8AndPhq9BelowCaseness_whenCasenessJudged_thenAtCaseness() {
            assertThat(OutcomeRules.atCaseness(PHQ9_BELOW_CASENESS, GAD7_AT_CASENESS)).isTrue();
        }

        @Test
        void givenFirstGad7Of7AndPhq9Minimal_whenCasenessJudged_thenNotAtCaseness() {
            assertThat(OutcomeRules.atCaseness(PHQ9_MINIMAL, GAD7_BELOW_CASENESS)).isFalse();
        }

        @Test
        void givenBothInstrumentsAtCaseness_whenCasenessJudged_thenAtCaseness() {
            assertThat(OutcomeRules.atCaseness(PHQ9_AT_CASENESS, GAD7_AT_CASENESS)).isTrue();
        }

        static Stream<Arguments> firstScoresMaybeMissing() {
            return Stream.of(
                    argumentSet("both below: not at caseness", PHQ9_BELOW_CASENESS, GAD7_BELOW_CASENESS, false),
                    argumentSet("PHQ-9 at caseness, GAD-7 below: at caseness", PHQ9_AT_CASENESS, GAD7_BELOW_CASENESS, true),
                    argumentSet("PHQ-9 at caseness, no GAD-7: at caseness", PHQ9_AT_CASENESS, null, true),
                    argumentSet("no PHQ-9, GAD-7 at caseness: at caseness", null, GAD7_AT_CASENESS, true),
                    argumentSet("PHQ-9 below, no GAD-7: unknown", PHQ9_BELOW_CASENESS, null, null),
                    argumentSet("no PHQ-9, GAD-7 below: unknown", null, GAD7_BELOW_CASENESS, null),
                    argumentSet("neither: unknown", null, null, null));
        }

        @ParameterizedTest
        @MethodSource("firstScoresMaybeMissing")
        void givenFirstScoresOneMaybeMissing_whenCasenessJudged_thenNotAtCasenessOnlyWhenBothArePresentAndBelow(
                Integer firstPhq9, Integer firstGad7, Boolean atCaseness) {
            assertThat(OutcomeRules.casenessAtStart(firstPhq9, firstGad7)).isEqualTo(atCaseness);
            assertThat(OutcomeRules.notAtCaseness(firstPhq9, firstGad7)).isEqualTo(Boolean.FALSE.equals(atCaseness));
        }
    }

    @Nested
    class Recovery {

        static Stream<Arguments> recoveries() {
            return Stream.of(
                    argumentSet("at caseness on PHQ-9 only, last PHQ-9 9 and GAD-7 7: recovered",
                            PHQ9_AT_CASENESS, GAD7_BELOW_CASENESS, PHQ9_BELOW_CASENESS, GAD7_BELOW_CASENESS, true),
                    argumentSet("at caseness on GAD-7 only, last PHQ-9 9 and GAD-7 7: recovered",
                            PHQ9_BELOW_CASENESS, GAD7_AT_CASENESS, PHQ9_BELOW_CASENESS, GAD7_BELOW_CASENESS, true),
                    argumentSet("at caseness, last PHQ-9 still 10: not recovered",
                            PHQ9_MODERATELY_SEVERE, GAD7_SEVERE, PHQ9_AT_CASENESS, GAD7_MINIMAL, false),
                    argumentSet("at caseness, last GAD-7 still 8: not recovered",
                            PHQ9_MODERATELY_SEVERE, GAD7_SEVERE, PHQ9_MINIMAL, GAD7_AT_CASENESS, false),
                    argumentSet("at caseness, both last scores minimal: recovered",
                            PHQ9_MODERATELY_SEVERE, GAD7_SEVERE, PHQ9_MINIMAL, GAD7_MINIMAL, true),
                    argumentSet("not at caseness (PHQ-9 9, GAD-7 7), both last scores minimal: never recovered",
                            PHQ9_BELOW_CASENESS, GAD7_BELOW_CASENESS, PHQ9_MINIMAL, GAD7_MINIMAL, false),
                    argumentSet("not at caseness, scores unchanged: never recovered",
                            PHQ9_BELOW_CASENESS, GAD7_BELOW_CASENESS, PHQ9_BELOW_CASENESS, GAD7_BELOW_CASENESS, false));
        }

        @ParameterizedTest
        @MethodSource("recoveries")
        void givenFirstAndLastScores_whenRecoveryJudged_thenRecoveredOnlyFromCasenessToBelowItOnBoth(
                int firstPhq9, int firstGad7, int lastPhq9, int lastGad7, boolean recovered) {
            assertThat(OutcomeRules.recovered(firstPhq9, firstGad7, lastPhq9, lastGad7)).isEqualTo(recovered);
        }
    }

    @Nested
    class ReliableChange {

        static Stream<Arguments> singleInstrumentChanges() {
            return Stream.of(
                    argumentSet("PHQ-9 falls by 6: reliable improvement", -PHQ9_RELIABLE_CHANGE, 0, true, false),
                    argumentSet("PHQ-9 falls by 5: no reliable change", -PHQ9_CHANGE_SHORT_OF_RELIABLE, 0, false, false),
                    argumentSet("PHQ-9 rises by 5: no reliable change", PHQ9_CHANGE_SHORT_OF_RELIABLE, 0, false, false),
                    argumentSet("PHQ-9 rises by 6: reliable deterioration", PHQ9_RELIABLE_CHANGE, 0, false, true),
                    argumentSet("GAD-7 falls by 4: reliable improvement", 0, -GAD7_RELIABLE_CHANGE, true, false),
                    argumentSet("GAD-7 falls by 3: no reliable change", 0, -GAD7_CHANGE_SHORT_OF_RELIABLE, false, false),
                    argumentSet("GAD-7 rises by 3: no reliable change", 0, GAD7_CHANGE_SHORT_OF_RELIABLE, false, false),
                    argumentSet("GAD-7 rises by 4: reliable deterioration", 0, GAD7_RELIABLE_CHANGE, false, true),
                    argumentSet("PHQ-9 falls by 6 while GAD-7 rises by 4: neither", -PHQ9_RELIABLE_CHANGE,
                            GAD7_RELIABLE_CHANGE, false, false),
                    argumentSet("PHQ-9 rises by 6 while GAD-7 falls by 4: neither", PHQ9_RELIABLE_CHANGE,
                            -GAD7_RELIABLE_CHANGE, false, false),
                    argumentSet("PHQ-9 falls by 6 while GAD-7 rises by 3: reliable improvement", -PHQ9_RELIABLE_CHANGE,
                            GAD7_CHANGE_SHORT_OF_RELIABLE, true, false),
                    argumentSet("GAD-7 rises by 4 while PHQ-9 falls by 5: reliable deterioration",
                            -PHQ9_CHANGE_SHORT_OF_RELIABLE, GAD7_RELIABLE_CHANGE, false, true),
                    argumentSet("both fall reliably: reliable improvement", -PHQ9_RELIABLE_CHANGE, -GAD7_RELIABLE_CHANGE,
                            true, false),
                    argumentSet("both rise reliably: reliable deterioration", PHQ9_RELIABLE_CHANGE, GAD7_RELIABLE_CHANGE,
                            false, true));
        }

        @ParameterizedTest
        @MethodSource("singleInstrumentChanges")
        void givenChangesFromModerateScores_whenReliableChangeJudged_thenImprovementOrDeteriorationAsDefined(
                int phq9Change, int gad7Change, boolean improvement, boolean deterioration) {
            int lastPhq9 = PHQ9_MODERATE + phq9Change;
            int lastGad7 = GAD7_MODERATE + gad7Change;

            assertThat(OutcomeRules.reliableImprovement(PHQ9_MODERATE, GAD7_MODERATE, lastPhq9, lastGad7))
                    .as("reliable improvement").isEqualTo(improvement);
            assertThat(OutcomeRules.reliableDeterioration(PHQ9_MODERATE, GAD7_MODERATE, lastPhq9, lastGad7))
                    .as("reliable deterioration").isEqualTo(deterioration);
        }

        @Test
        void givenPhq9FallsReliablyAndGad7RisesReliably_whenChangeJudged_thenBothADecreaseAndAnIncrease() {
            int lastPhq9 = PHQ9_MODERATE - PHQ9_RELIABLE_CHANGE;
            int lastGad7 = GAD7_MODERATE + GAD7_RELIABLE_CHANGE;

            assertThat(OutcomeRules.reliableDecrease(PHQ9_MODERATE, GAD7_MODERATE, lastPhq9, lastGad7)).isTrue();
            assertThat(OutcomeRules.reliableIncrease(PHQ9_MODERATE, GAD7_MODERATE, lastPhq9, lastGad7)).isTrue();
        }
    }

    @Nested
    class ReliableRecovery {

        static Stream<Arguments> reliableRecoveries() {
            return Stream.of(
                    argumentSet("from caseness to minimal on both: reliable recovery",
                            PHQ9_MODERATELY_SEVERE, GAD7_SEVERE, PHQ9_MINIMAL, GAD7_MINIMAL, true),
                    argumentSet("recovered by one point on PHQ-9 (10 to 9), no reliable change: not reliable recovery",
                            PHQ9_AT_CASENESS, GAD7_BELOW_CASENESS, PHQ9_BELOW_CASENESS, GAD7_BELOW_CASENESS, false),
                    argumentSet("recovered, PHQ-9 falls reliably, GAD-7 rises by 4 (still below caseness): not reliable recovery",
                            PHQ9_MODERATELY_SEVERE, GAD7_NONE, PHQ9_MINIMAL, GAD7_NONE + GAD7_RELIABLE_CHANGE, false),
                    argumentSet("reliable improvement but still at caseness: not reliable recovery",
                            PHQ9_MODERATELY_SEVERE, GAD7_SEVERE, PHQ9_AT_CASENESS, GAD7_SEVERE - GAD7_RELIABLE_CHANGE, false),
                    argumentSet("reliable improvement from below caseness: not reliable recovery",
                            PHQ9_BELOW_CASENESS, GAD7_BELOW_CASENESS, PHQ9_BELOW_CASENESS - PHQ9_RELIABLE_CHANGE,
                            GAD7_BELOW_CASENESS, false));
        }

        @ParameterizedTest
        @MethodSource("reliableRecoveries")
        void givenFirstAndLastScores_whenReliableRecoveryJudged_thenItNeedsRecoveryAndReliableImprovement(
                int firstPhq9, int firstGad7, int lastPhq9, int lastGad7, boolean reliableRecovery) {
            assertThat(OutcomeRules.reliableRecovery(firstPhq9, firstGad7, lastPhq9, lastGad7)).isEqualTo(reliableRecovery);
        }
    }

    @Nested
    class Waits {

        @Test
        void givenFirstSession42DaysAfterReferral_whenWaitJudged_thenWithinSixWeeks() {
            assertThat(OutcomeRules.withinSixWeeks(SIX_WEEKS_IN_DAYS)).isTrue();
        }

        @Test
        void givenFirstSession43DaysAfterReferral_whenWaitJudged_thenNotWithinSixWeeksButWithinEighteen() {
            assertThat(OutcomeRules.withinSixWeeks(SIX_WEEKS_IN_DAYS + 1)).isFalse();
            assertThat(OutcomeRules.withinEighteenWeeks(SIX_WEEKS_IN_DAYS + 1)).isTrue();
        }

        @Test
        void givenFirstSession126DaysAfterReferral_whenWaitJudged_thenWithinEighteenWeeks() {
            assertThat(OutcomeRules.withinEighteenWeeks(EIGHTEEN_WEEKS_IN_DAYS)).isTrue();
        }

        @Test
        void givenFirstSession127DaysAfterReferral_whenWaitJudged_thenNotWithinEighteenWeeks() {
            assertThat(OutcomeRules.withinEighteenWeeks(EIGHTEEN_WEEKS_IN_DAYS + 1)).isFalse();
        }
    }

    @Nested
    class NationalEndCodes {

        static Stream<Arguments> codes() {
            return Stream.of(
                    argumentSet("not suitable before treatment", EndReason.NOT_SUITABLE, false, 10),
                    argumentSet("not suitable after treatment started", EndReason.NOT_SUITABLE, true, 10),
                    argumentSet("withdrew before treatment: declined", EndReason.CLIENT_WITHDREW, false, 14),
                    argumentSet("withdrew after treatment started: ended early", EndReason.CLIENT_WITHDREW, true, 47),
                    argumentSet("completed before treatment", EndReason.COMPLETED, false, 46),
                    argumentSet("completed", EndReason.COMPLETED, true, 46),
                    argumentSet("dropped out before treatment", EndReason.DROPPED_OUT, false, 47),
                    argumentSet("dropped out", EndReason.DROPPED_OUT, true, 47),
                    argumentSet("referred on before treatment", EndReason.REFERRED_ON, false, 13),
                    argumentSet("referred on after treatment started", EndReason.REFERRED_ON, true, 46),
                    argumentSet("other before treatment", EndReason.OTHER, false, 95),
                    argumentSet("other after treatment started", EndReason.OTHER, true, 96));
        }

        @ParameterizedTest
        @MethodSource("codes")
        void givenAnEndReason_whenCoded_thenTheNationalEndCodeOfDesign3(EndReason reason, boolean treated, int code) {
            assertThat(OutcomeRules.nationalEndCode(reason, treated)).isEqualTo(code);
        }
    }
}
