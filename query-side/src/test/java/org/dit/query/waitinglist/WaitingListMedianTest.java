package org.dit.query.waitinglist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The median days since referral shown on the waiting list. */
class WaitingListMedianTest {

    private static final long TWO_WEEKS = 14;
    private static final long SIX_WEEKS = 42;
    private static final long TEN_WEEKS = 70;
    private static final long NINETEEN_WEEKS = 133;
    private static final long SIX_WEEKS_AND_A_DAY = 43;

    @Test
    void givenAnOddNumberWaiting_whenMedianTaken_thenItIsTheMiddleWait() {
        assertThat(WaitingListProjection.median(new long[] {TWO_WEEKS, SIX_WEEKS, NINETEEN_WEEKS})).isEqualTo(SIX_WEEKS);
    }

    @Test
    void givenAnEvenNumberWaiting_whenMedianTaken_thenItIsTheMeanOfTheTwoMiddleWaits() {
        assertThat(WaitingListProjection.median(new long[] {TWO_WEEKS, SIX_WEEKS, TEN_WEEKS, NINETEEN_WEEKS}))
                .isEqualTo((SIX_WEEKS + TEN_WEEKS) / 2.0);
    }

    @Test
    void givenTwoWaitsADayApart_whenMedianTaken_thenItIsAHalfDay() {
        assertThat(WaitingListProjection.median(new long[] {SIX_WEEKS, SIX_WEEKS_AND_A_DAY}))
                .isEqualTo((SIX_WEEKS + SIX_WEEKS_AND_A_DAY) / 2.0);
    }

    @Test
    void givenOneClientWaiting_whenMedianTaken_thenItIsTheirWait() {
        assertThat(WaitingListProjection.median(new long[] {TEN_WEEKS})).isEqualTo(TEN_WEEKS);
    }

    @Test
    void givenNobodyWaiting_whenMedianTaken_thenThereIsNone() {
        assertThat(WaitingListProjection.median(new long[0])).isNull();
    }
}
