package org.dit.query.waitinglist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.dit.query.outcomes.OutcomeRules;
import org.junit.jupiter.api.Test;

/** Breach dates and the 14-day warning of the waiting list, at their edges. */
class WaitRulesTest {

    private static final LocalDate REFERRED_ON = LocalDate.of(2026, 1, 5);
    private static final int SIX_WEEKS = 42;
    private static final int EIGHTEEN_WEEKS = 126;

    @Test
    void givenAReferral_whenItsBreachDatesAreTold_thenTheyAreTheFirstDaysOverFortyTwoAndOverOneHundredTwentySix() {
        LocalDate sixWeeks = WaitRules.breaches6WeeksOn(REFERRED_ON);
        LocalDate eighteenWeeks = WaitRules.breaches18WeeksOn(REFERRED_ON);

        assertThat(sixWeeks).isEqualTo(LocalDate.of(2026, 2, 17));
        assertThat(OutcomeRules.withinSixWeeks(ChronoUnit.DAYS.between(REFERRED_ON, sixWeeks.minusDays(1))))
                .as("the day before, the 42nd, is still within 6 weeks").isTrue();
        assertThat(OutcomeRules.withinSixWeeks(ChronoUnit.DAYS.between(REFERRED_ON, sixWeeks))).as("the 43rd day").isFalse();
        assertThat(eighteenWeeks).isEqualTo(LocalDate.of(2026, 5, 12));
        assertThat(OutcomeRules.withinEighteenWeeks(ChronoUnit.DAYS.between(REFERRED_ON, eighteenWeeks.minusDays(1)))).isTrue();
        assertThat(OutcomeRules.withinEighteenWeeks(ChronoUnit.DAYS.between(REFERRED_ON, eighteenWeeks))).isFalse();
    }

    @Test
    void givenTheFortySecondDay_whenWarned_thenBreachingWithinFourteenDays() {
        assertThat(WaitRules.breachingWithinWarning(SIX_WEEKS, SIX_WEEKS)).isTrue();
    }

    @Test
    void givenTheFortyThirdDay_whenWarned_thenAlreadyOverSoNotAmongThoseAboutToBreach() {
        assertThat(WaitRules.breachingWithinWarning(SIX_WEEKS + 1, SIX_WEEKS)).isFalse();
    }

    @Test
    void givenFourteenDaysToTheBreach_whenWarned_thenCounted_butFifteenDaysAreNot() {
        assertThat(WaitRules.breachingWithinWarning(SIX_WEEKS + 1 - 14, SIX_WEEKS)).as("day 29").isTrue();
        assertThat(WaitRules.breachingWithinWarning(SIX_WEEKS - 14, SIX_WEEKS)).as("day 28").isFalse();
    }

    @Test
    void givenTheEighteenWeekEdges_whenWarned_thenTheSameRule() {
        assertThat(WaitRules.breachingWithinWarning(EIGHTEEN_WEEKS, EIGHTEEN_WEEKS)).isTrue();
        assertThat(WaitRules.breachingWithinWarning(EIGHTEEN_WEEKS + 1, EIGHTEEN_WEEKS)).isFalse();
        assertThat(WaitRules.breachingWithinWarning(EIGHTEEN_WEEKS - 13, EIGHTEEN_WEEKS)).isTrue();
        assertThat(WaitRules.breachingWithinWarning(EIGHTEEN_WEEKS - 14, EIGHTEEN_WEEKS)).isFalse();
    }
}
