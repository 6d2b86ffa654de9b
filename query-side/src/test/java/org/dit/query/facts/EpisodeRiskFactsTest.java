package org.dit.query.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dit.query.facts.EpisodeHistories.ASSESSED_ON;
import static org.dit.query.facts.EpisodeHistories.referred;

import java.time.LocalDate;

import org.dit.events.episode.EndReason;
import org.dit.events.episode.Instrument;
import org.dit.events.episode.RiskLevel;
import org.dit.query.facts.EpisodeHistories.EpisodeHistory;
import org.junit.jupiter.api.Test;

/** Risk indications and assessments as the facts fold them (DESIGN §2, risk). */
class EpisodeRiskFactsTest {

    private static final int MODERATE_PHQ9 = 14;
    private static final int MODERATE_GAD7 = 11;
    private static final LocalDate MEASURED_ON = ASSESSED_ON.plusDays(10);
    private static final LocalDate REVIEW_BY = MEASURED_ON.plusDays(14);

    private static EpisodeHistory waiting() {
        return referred().assessed(MODERATE_PHQ9, MODERATE_GAD7);
    }

    @Test
    void givenAPhq9WithItem9One_whenFolded_thenOneOpenIndicationFromThatMeasure() {
        EpisodeFacts facts = waiting().phq9WithItem9On(MEASURED_ON, 1).facts();

        assertThat(facts.openRiskIndications()).singleElement().satisfies(indication -> {
            assertThat(indication.item9()).isEqualTo(1);
            assertThat(indication.recordedOn()).isEqualTo(MEASURED_ON);
            assertThat(indication.measureId()).isEqualTo(facts.measures().get(facts.measures().size() - 1).measureId());
        });
    }

    @Test
    void givenAnOpenIndication_whenRiskIsAssessedThatDay_thenItIsCleared() {
        EpisodeFacts facts = waiting().phq9WithItem9On(MEASURED_ON, 2).riskAssessedOn(MEASURED_ON, RiskLevel.MODERATE, REVIEW_BY)
                .facts();

        assertThat(facts.openRiskIndications()).isEmpty();
        assertThat(facts.riskIndications()).singleElement()
                .satisfies(i -> assertThat(i.clearedBy()).isEqualTo(facts.riskAssessments().get(0).riskAssessmentId()));
    }

    @Test
    void givenAnOpenIndication_whenRiskIsRecordedAsAssessedBeforeTheMeasure_thenItStaysOpen() {
        EpisodeFacts facts = waiting().phq9WithItem9On(MEASURED_ON, 1)
                .riskAssessedOn(MEASURED_ON.minusDays(1), RiskLevel.LOW, REVIEW_BY).facts();

        assertThat(facts.openRiskIndications()).hasSize(1);
    }

    @Test
    void givenARiskAssessment_whenALaterPhq9HasItem9One_thenTheNewIndicationIsOpen() {
        EpisodeFacts facts = waiting().riskAssessedOn(MEASURED_ON, RiskLevel.LOW, REVIEW_BY).phq9WithItem9On(MEASURED_ON, 1)
                .facts();

        assertThat(facts.openRiskIndications()).hasSize(1);
    }

    @Test
    void givenAnOpenIndication_whenItsMeasureIsMarkedEnteredInError_thenItVanishes() {
        EpisodeFacts facts = waiting().phq9WithItem9On(MEASURED_ON, 3).latestMeasureEnteredInError(Instrument.PHQ9).facts();

        assertThat(facts.openRiskIndications()).isEmpty();
        assertThat(facts.riskIndications()).singleElement().satisfies(i -> assertThat(i.enteredInError()).isTrue());
    }

    @Test
    void givenAPhq9WithItem9Zero_whenFolded_thenNoIndication() {
        assertThat(waiting().phq9WithItem9On(MEASURED_ON, 0).facts().riskIndications()).isEmpty();
    }

    @Test
    void givenTwoAssessments_whenTheLaterOneIsDatedEarlier_thenTheLatestIsTheOneWithTheLaterDate() {
        EpisodeFacts facts = waiting().riskAssessedOn(MEASURED_ON, RiskLevel.HIGH, REVIEW_BY)
                .riskAssessedOn(MEASURED_ON.minusDays(3), RiskLevel.LOW, REVIEW_BY).facts();

        assertThat(facts.latestRiskAssessment()).get().extracting(EpisodeFacts.RiskAssessmentFact::level)
                .isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void givenAReviewDate_whenItIsToday_thenNotOverdue_andTheDayAfterItIs() {
        EpisodeFacts facts = waiting().riskAssessedOn(MEASURED_ON, RiskLevel.MODERATE, REVIEW_BY).facts();

        assertThat(facts.riskReviewOverdue(REVIEW_BY)).isFalse();
        assertThat(facts.riskReviewOverdue(REVIEW_BY.plusDays(1))).isTrue();
    }

    @Test
    void givenAPassedReviewDate_whenTheEpisodeHasEnded_thenNoReviewIsOverdue() {
        EpisodeFacts facts = waiting().riskAssessedOn(MEASURED_ON, RiskLevel.MODERATE, REVIEW_BY)
                .endedOn(MEASURED_ON.plusDays(1), EndReason.CLIENT_WITHDREW).facts();

        assertThat(facts.riskReviewOverdue(REVIEW_BY.plusDays(30))).isFalse();
    }

    @Test
    void givenFactsStoredBeforeRiskWasFolded_whenRead_thenTheyHaveNoAssessmentsAndNoIndications() {
        EpisodeFacts facts = waiting().facts();
        String stored = FactsJson.write(facts).replaceAll(",\"risk(Assessments|Indications)\":\\[]", "");

        EpisodeFacts read = FactsJson.read(stored, facts.episodeId());

        assertThat(stored).doesNotContain("risk");
        assertThat(read).isEqualTo(facts);
    }
}
