package org.dit.query.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.dit.events.episode.Instrument;

/** The definitions of docs/design.md §3 hold together for every pair of first and last scores. */
class OutcomeRulesPropertyTest {

    private static final int MIN_TOTAL = 0;

    /** First and last totals of one client; any valid total of each questionnaire. */
    record Scores(int firstPhq9, int firstGad7, int lastPhq9, int lastGad7) {

        boolean atCaseness() {
            return OutcomeRules.atCaseness(firstPhq9, firstGad7);
        }

        boolean recovered() {
            return OutcomeRules.recovered(firstPhq9, firstGad7, lastPhq9, lastGad7);
        }

        boolean reliableImprovement() {
            return OutcomeRules.reliableImprovement(firstPhq9, firstGad7, lastPhq9, lastGad7);
        }

        boolean reliableDeterioration() {
            return OutcomeRules.reliableDeterioration(firstPhq9, firstGad7, lastPhq9, lastGad7);
        }

        boolean reliableRecovery() {
            return OutcomeRules.reliableRecovery(firstPhq9, firstGad7, lastPhq9, lastGad7);
        }

        /** The same client seen backwards in time: the last scores first. */
        Scores reversed() {
            return new Scores(lastPhq9, lastGad7, firstPhq9, firstGad7);
        }
    }

    @Provide
    Arbitrary<Scores> scores() {
        Arbitrary<Integer> phq9 = Arbitraries.integers().between(MIN_TOTAL, Instrument.PHQ9.maxTotal());
        Arbitrary<Integer> gad7 = Arbitraries.integers().between(MIN_TOTAL, Instrument.GAD7.maxTotal());
        return Combinators.combine(phq9, gad7, phq9, gad7).as(Scores::new);
    }

    @Property
    void givenAnyScores_whenRecovered_thenAtCasenessAtStart(@ForAll("scores") Scores scores) {
        Statistics.label("recovered").collect(scores.recovered())
                .coverage(coverage -> coverage.check(true).count(count -> count > 0));

        if (scores.recovered()) {
            assertThat(scores.atCaseness()).isTrue();
        }
    }

    @Property
    void givenAnyScores_whenReliablyRecovered_thenRecoveredAndReliablyImproved(@ForAll("scores") Scores scores) {
        Statistics.label("reliable recovery").collect(scores.reliableRecovery())
                .coverage(coverage -> coverage.check(true).count(count -> count > 0));

        if (scores.reliableRecovery()) {
            assertThat(scores.recovered()).isTrue();
            assertThat(scores.reliableImprovement()).isTrue();
        }
    }

    @Property
    void givenAnyScores_whenReliableChangeJudged_thenNeverBothImprovedAndDeteriorated(@ForAll("scores") Scores scores) {
        Statistics.label("change").collect(scores.reliableImprovement() ? "improved"
                : scores.reliableDeterioration() ? "deteriorated" : "neither")
                .coverage(coverage -> {
                    coverage.check("improved").count(count -> count > 0);
                    coverage.check("deteriorated").count(count -> count > 0);
                    coverage.check("neither").count(count -> count > 0);
                });

        assertThat(scores.reliableImprovement() && scores.reliableDeterioration()).isFalse();
    }

    @Property
    void givenAnyScores_whenSeenBackwards_thenImprovementAndDeteriorationSwap(@ForAll("scores") Scores scores) {
        assertThat(scores.reversed().reliableImprovement()).isEqualTo(scores.reliableDeterioration());
        assertThat(scores.reversed().reliableDeterioration()).isEqualTo(scores.reliableImprovement());
    }
}
