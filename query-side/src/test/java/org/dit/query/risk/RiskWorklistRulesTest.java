package org.dit.query.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dit.query.facts.EpisodeHistories.referred;
import static org.dit.query.facts.EpisodeHistories.referredUrgentlyOn;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.dit.events.episode.Priority;
import org.dit.events.episode.RiskLevel;
import org.dit.query.facts.EpisodeFacts;
import org.dit.query.facts.EpisodeHistories.EpisodeHistory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Who is on the supervisor's risk worklist, why, and in which order (DESIGN §2, risk). */
class RiskWorklistRulesTest {

    private static final int SEVEN_DAYS = 7;
    private static final LocalDate REFERRED_ON = LocalDate.of(2026, 6, 1);
    private static final LocalDate SEVENTH_DAY = REFERRED_ON.plusDays(7);
    private static final LocalDate EIGHTH_DAY = REFERRED_ON.plusDays(8);
    private static final LocalDate MEASURED_ON = LocalDate.of(2026, 2, 2);
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    private static List<RiskReason> reasons(EpisodeHistory history, LocalDate today) {
        return RiskWorklistRules.entry(history.facts(), today, SEVEN_DAYS).map(RiskWorklist.Entry::reasons).orElse(List.of());
    }

    @Nested
    class UrgentReferrals {

        @Test
        void givenAnUrgentReferralNotAssessed_whenReadOnTheSeventhDay_thenNotOnTheList() {
            assertThat(reasons(referredUrgentlyOn(REFERRED_ON), SEVENTH_DAY)).isEmpty();
        }

        @Test
        void givenAnUrgentReferralNotAssessed_whenReadOnTheEighthDay_thenOnTheListSinceThatDay() {
            EpisodeFacts facts = referredUrgentlyOn(REFERRED_ON).facts();

            RiskWorklist.Entry entry = RiskWorklistRules.entry(facts, EIGHTH_DAY, SEVEN_DAYS).orElseThrow();

            assertThat(entry.reasons()).containsExactly(RiskReason.URGENT_REFERRAL_NOT_ASSESSED);
            assertThat(entry.since()).isEqualTo(EIGHTH_DAY);
            assertThat(entry.priority()).isEqualTo(Priority.URGENT);
        }

        @Test
        void givenARoutineReferralNotAssessed_whenReadMonthsLater_thenNotOnTheList() {
            assertThat(reasons(referred(), TODAY)).isEmpty();
        }

        @Test
        void givenAnUrgentReferralAssessed_whenReadOnTheEighthDay_thenNotOnTheList() {
            assertThat(reasons(referredUrgentlyOn(REFERRED_ON).assessedOn(REFERRED_ON.plusDays(3), 12, 9), EIGHTH_DAY)).isEmpty();
        }

        @Test
        void givenAnUrgentReferralWhoseRiskWasAssessed_whenReadOnTheEighthDay_thenNotOnTheList() {
            EpisodeHistory history = referredUrgentlyOn(REFERRED_ON)
                    .riskAssessedOn(REFERRED_ON.plusDays(2), RiskLevel.MODERATE, EIGHTH_DAY.plusDays(14));

            assertThat(reasons(history, EIGHTH_DAY)).isEmpty();
        }

        @Test
        void givenAnUrgentReferralWithdrawnUnassessed_whenReadOnTheEighthDay_thenNotOnTheList() {
            EpisodeHistory history = referredUrgentlyOn(REFERRED_ON)
                    .endedOn(REFERRED_ON.plusDays(1), org.dit.events.episode.EndReason.CLIENT_WITHDREW);

            assertThat(reasons(history, EIGHTH_DAY)).isEmpty();
        }
    }

    @Nested
    class Indications {

        @Test
        void givenAPhq9WithItem9Zero_whenRead_thenNotOnTheList() {
            assertThat(reasons(referred().assessed(14, 10).phq9WithItem9On(MEASURED_ON, 0), TODAY)).isEmpty();
        }

        @Test
        void givenAPhq9WithItem9One_whenRead_thenOnTheListSinceTheMeasure() {
            EpisodeFacts facts = referred().assessed(14, 10).phq9WithItem9On(MEASURED_ON, 1).facts();

            RiskWorklist.Entry entry = RiskWorklistRules.entry(facts, TODAY, SEVEN_DAYS).orElseThrow();

            assertThat(entry.reasons()).containsExactly(RiskReason.PHQ9_ITEM9_POSITIVE);
            assertThat(entry.since()).isEqualTo(MEASURED_ON);
        }

        @Test
        void givenAnIndicationOnAnEndedEpisode_whenRead_thenStillOnTheList() {
            EpisodeHistory history = referred().assessed(14, 10).phq9WithItem9On(MEASURED_ON, 2)
                    .endedOn(MEASURED_ON.plusDays(1), org.dit.events.episode.EndReason.CLIENT_WITHDREW);

            assertThat(reasons(history, TODAY)).containsExactly(RiskReason.PHQ9_ITEM9_POSITIVE);
        }

        @Test
        void givenAnUrgentReferralWithAnIndicationOnTheEighthDay_whenRead_thenBothReasonsIndicationFirst() {
            EpisodeHistory history = referredUrgentlyOn(REFERRED_ON).phq9WithItem9On(REFERRED_ON.plusDays(1), 1);

            assertThat(reasons(history, EIGHTH_DAY))
                    .containsExactly(RiskReason.PHQ9_ITEM9_POSITIVE, RiskReason.URGENT_REFERRAL_NOT_ASSESSED);
        }
    }

    @Nested
    class Reviews {

        @Test
        void givenAReviewDueToday_whenRead_thenNotOnTheList_andTomorrowItIs() {
            EpisodeHistory history = referred().assessed(14, 10).riskAssessedOn(MEASURED_ON, RiskLevel.LOW, TODAY);

            assertThat(reasons(history, TODAY)).isEmpty();
            assertThat(reasons(history, TODAY.plusDays(1))).containsExactly(RiskReason.RISK_REVIEW_OVERDUE);
        }
    }

    @Nested
    class Order {

        private RiskWorklist.Entry entry(UUID id, List<RiskReason> reasons, RiskLevel level, LocalDate since) {
            return new RiskWorklist.Entry(id, UUID.randomUUID(), null, Priority.ROUTINE, level, null, reasons, since);
        }

        @Test
        void givenEntriesOfEveryKind_whenSorted_thenMostUrgentReasonThenHighestLevelThenLongestStandingFirst() {
            UUID a = UUID.fromString("00000000-0000-4000-8000-00000000000a");
            UUID b = UUID.fromString("00000000-0000-4000-8000-00000000000b");
            RiskWorklist.Entry overdueHigh = entry(a, List.of(RiskReason.RISK_REVIEW_OVERDUE), RiskLevel.HIGH, MEASURED_ON);
            RiskWorklist.Entry urgentReferral = entry(a, List.of(RiskReason.URGENT_REFERRAL_NOT_ASSESSED), null, TODAY);
            RiskWorklist.Entry indicationNeverAssessed = entry(a, List.of(RiskReason.PHQ9_ITEM9_POSITIVE), null, MEASURED_ON);
            RiskWorklist.Entry indicationHighRecent = entry(a, List.of(RiskReason.PHQ9_ITEM9_POSITIVE), RiskLevel.HIGH, TODAY);
            RiskWorklist.Entry indicationHighOlder = entry(b, List.of(RiskReason.PHQ9_ITEM9_POSITIVE), RiskLevel.HIGH, MEASURED_ON);
            RiskWorklist.Entry indicationHighOlderSecond = entry(a, List.of(RiskReason.PHQ9_ITEM9_POSITIVE,
                    RiskReason.RISK_REVIEW_OVERDUE), RiskLevel.HIGH, MEASURED_ON);
            List<RiskWorklist.Entry> entries = new ArrayList<>(List.of(overdueHigh, urgentReferral, indicationNeverAssessed,
                    indicationHighRecent, indicationHighOlder, indicationHighOlderSecond));

            entries.sort(RiskWorklistRules.MOST_URGENT_FIRST);

            assertThat(entries).containsExactly(indicationHighOlderSecond, indicationHighOlder, indicationHighRecent,
                    indicationNeverAssessed, urgentReferral, overdueHigh);
        }
    }
}
