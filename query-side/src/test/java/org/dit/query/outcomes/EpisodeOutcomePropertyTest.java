package org.dit.query.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dit.query.facts.EpisodeHistories.CLINIC_ZONE;
import static org.dit.query.facts.EpisodeHistories.referred;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.dit.events.episode.EndReason;
import org.dit.events.episode.EpisodeEvent;
import org.dit.events.episode.Instrument;
import org.dit.events.episode.Phase;
import org.dit.query.facts.EpisodeFacts;
import org.dit.query.facts.EpisodeHistories.EpisodeHistory;

/**
 * {@link OutcomeRules#of} on generated episodes: an assessment, up to a course of weekly sessions attended or missed,
 * questionnaires in sessions and by post, some entered in error, sometimes a questionnaire dated after a backdated
 * end. Each episode is told through real events and, alongside, through a plain model of which measures count.
 */
class EpisodeOutcomePropertyTest {

    /** docs/design.md §3, restated independently of the code under test. */
    private static final int PHQ9_CASENESS = 10;
    private static final int GAD7_CASENESS = 8;
    private static final int PHQ9_RELIABLE_CHANGE = 6;
    private static final int GAD7_RELIABLE_CHANGE = 4;
    private static final int MEASURES_FOR_A_PAIR = 2;
    private static final int SESSIONS_FOR_A_FINISHED_COURSE = 2;

    private static final int MIN_TOTAL = 0;
    private static final int LIKELY = 85;
    private static final int UNLIKELY = 15;
    private static final int CORRECT = 95;
    private static final int ENTERED_IN_ERROR = 5;
    private static final double NO_QUESTIONNAIRE_IN_SESSION = 0.3;
    private static final double NO_POSTAL_QUESTIONNAIRE = 0.85;
    private static final double NO_QUESTIONNAIRE_AFTER_THE_END = 0.5;
    private static final int SAME_DAY = 0;
    private static final int DAY_AFTER = 1;

    record MeasurePlan(int total, boolean enteredInError) {
    }

    record Questionnaire(Instrument instrument, MeasurePlan measure) {
    }

    /**
     * One weekly session; questionnaires are only completed when it is attended. A postal questionnaire arrives the day
     * after the session, or the same day (then it is recorded after the session's own).
     */
    record SessionPlan(boolean attended, MeasurePlan phq9, MeasurePlan gad7, Questionnaire postal, int postalDaysAfter) {
    }

    record EpisodePlan(MeasurePlan assessmentPhq9, MeasurePlan assessmentGad7, List<SessionPlan> sessions, boolean ended,
                       Questionnaire datedAfterTheEnd) {
    }

    /** The generated episode told twice: as events folded into facts, and as the scores that should count. */
    record Told(EpisodeFacts facts, List<EpisodeEvent> events, boolean ended, int attended, List<Integer> phq9,
                List<Integer> gad7, boolean anyEnteredInError, boolean measureDatedAfterTheEnd) {

        boolean paired() {
            return phq9.size() >= MEASURES_FOR_A_PAIR && gad7.size() >= MEASURES_FOR_A_PAIR;
        }

        Integer first(List<Integer> totals) {
            return totals.isEmpty() ? null : totals.get(0);
        }

        Integer last(List<Integer> totals) {
            return totals.isEmpty() ? null : totals.get(totals.size() - 1);
        }

        boolean atCaseness() {
            return first(phq9) >= PHQ9_CASENESS || first(gad7) >= GAD7_CASENESS;
        }

        boolean recovered() {
            return atCaseness() && last(phq9) < PHQ9_CASENESS && last(gad7) < GAD7_CASENESS;
        }

        boolean reliableDecrease() {
            return first(phq9) - last(phq9) >= PHQ9_RELIABLE_CHANGE || first(gad7) - last(gad7) >= GAD7_RELIABLE_CHANGE;
        }

        boolean reliableIncrease() {
            return last(phq9) - first(phq9) >= PHQ9_RELIABLE_CHANGE || last(gad7) - first(gad7) >= GAD7_RELIABLE_CHANGE;
        }
    }

    @Provide
    Arbitrary<EpisodePlan> episodes() {
        Arbitrary<MeasurePlan> phq9 = measure(Instrument.PHQ9);
        Arbitrary<MeasurePlan> gad7 = measure(Instrument.GAD7);
        Arbitrary<Questionnaire> postal = Arbitraries.of(Instrument.class)
                .flatMap(instrument -> measure(instrument).map(measure -> new Questionnaire(instrument, measure)));
        Arbitrary<SessionPlan> session = Combinators.combine(likely(), phq9.injectNull(NO_QUESTIONNAIRE_IN_SESSION),
                gad7.injectNull(NO_QUESTIONNAIRE_IN_SESSION), postal.injectNull(NO_POSTAL_QUESTIONNAIRE),
                Arbitraries.of(SAME_DAY, DAY_AFTER)).as(SessionPlan::new);
        return Combinators.combine(phq9, gad7, session.list().ofMaxSize(Phase.DEFAULT_COURSE_LENGTH), Arbitraries.of(true, false),
                postal.injectNull(NO_QUESTIONNAIRE_AFTER_THE_END)).as(EpisodePlan::new);
    }

    private static Arbitrary<MeasurePlan> measure(Instrument instrument) {
        Arbitrary<Boolean> enteredInError = Arbitraries.frequency(Tuple.of(ENTERED_IN_ERROR, true), Tuple.of(CORRECT, false));
        return Combinators.combine(Arbitraries.integers().between(MIN_TOTAL, instrument.maxTotal()), enteredInError)
                .as(MeasurePlan::new);
    }

    private static Arbitrary<Boolean> likely() {
        return Arbitraries.frequency(Tuple.of(LIKELY, true), Tuple.of(UNLIKELY, false));
    }

    /** One questionnaire as the fold should see it. */
    private record Recorded(Instrument instrument, int total, boolean enteredInError) {
    }

    /** Tells the plan as the command side would let it happen. */
    private static Told tell(EpisodePlan plan) {
        List<Recorded> recorded = new ArrayList<>();
        EpisodeHistory history = referred().assessed(plan.assessmentPhq9().total(), plan.assessmentGad7().total());
        recorded.add(new Recorded(Instrument.PHQ9, plan.assessmentPhq9().total(), plan.assessmentPhq9().enteredInError()));
        recorded.add(new Recorded(Instrument.GAD7, plan.assessmentGad7().total(), plan.assessmentGad7().enteredInError()));
        int attended = 0;
        for (SessionPlan session : plan.sessions()) {
            LocalDate on = history.nextWeeklySession();
            int number = history.facts().liveSessions().size() + 1;
            // a middle-phase session cannot be attended before the focus is agreed, and that needs an attended session
            boolean canAttend = number <= Phase.LAST_INITIAL_SESSION || history.facts().focus() != null;
            if (!session.attended() || !canAttend) {
                history.missedOn(on);
                continue;
            }
            history.attendedOn(on);
            attended++;
            for (Questionnaire given : sessionMeasures(session)) {
                history.completedInSession(given.instrument(), given.measure().total());
                recorded.add(new Recorded(given.instrument(), given.measure().total(), given.measure().enteredInError()));
            }
            if (history.facts().focus() == null) {
                history.focusAgreed();
            }
            Questionnaire postal = session.postal();
            if (postal != null) {
                history.measureRecordedOn(on.plusDays(session.postalDaysAfter()), postal.instrument(), postal.measure().total());
                recorded.add(new Recorded(postal.instrument(), postal.measure().total(), postal.measure().enteredInError()));
            }
        }
        int[] ordinals = new int[Instrument.values().length];
        for (Recorded measure : recorded) {
            int ordinal = ++ordinals[measure.instrument().ordinal()];
            if (measure.enteredInError()) {
                history.measureEnteredInError(measure.instrument(), ordinal);
            }
        }
        if (plan.ended()) {
            LocalDate endedOn = history.nextWeeklySession();
            Questionnaire late = plan.datedAfterTheEnd();
            if (late != null) {
                history.measureRecordedOn(endedOn.plusDays(DAY_AFTER), late.instrument(), late.measure().total());
            }
            history.endedOn(endedOn, EndReason.DROPPED_OUT);
        }
        return new Told(history.facts(), history.events(), plan.ended(), attended, validTotals(recorded, Instrument.PHQ9),
                validTotals(recorded, Instrument.GAD7), recorded.stream().anyMatch(Recorded::enteredInError),
                plan.ended() && plan.datedAfterTheEnd() != null);
    }

    private static List<Integer> validTotals(List<Recorded> recorded, Instrument instrument) {
        return recorded.stream().filter(m -> m.instrument() == instrument && !m.enteredInError()).map(Recorded::total).toList();
    }

    private static List<Questionnaire> sessionMeasures(SessionPlan session) {
        List<Questionnaire> given = new ArrayList<>();
        if (session.phq9() != null) {
            given.add(new Questionnaire(Instrument.PHQ9, session.phq9()));
        }
        if (session.gad7() != null) {
            given.add(new Questionnaire(Instrument.GAD7, session.gad7()));
        }
        return given;
    }

    @Property
    void givenAnyEpisode_whenOutcomeComputed_thenNoFlagIsRaisedUnlessPaired(@ForAll("episodes") EpisodePlan plan) {
        Told told = tell(plan);
        EpisodeOutcome outcome = OutcomeRules.of(told.facts(), CLINIC_ZONE);
        Statistics.label("paired").collect(told.paired())
                .coverage(coverage -> {
                    coverage.check(true).percentage(share -> share > 10);
                    coverage.check(false).percentage(share -> share > 10);
                });
        Statistics.label("a measure entered in error").collect(told.anyEnteredInError())
                .coverage(coverage -> {
                    coverage.check(true).percentage(share -> share > 10);
                    coverage.check(false).percentage(share -> share > 10);
                });
        Statistics.label("a measure dated after the end").collect(told.measureDatedAfterTheEnd())
                .coverage(coverage -> coverage.check(true).percentage(share -> share > 5));

        assertThat(outcome.paired()).isEqualTo(told.paired());
        if (!told.paired()) {
            assertThat(List.of(outcome.recovered(), outcome.reliableImprovement(), outcome.reliableDeterioration(),
                    outcome.reliableRecovery())).containsOnly(false);
        }
    }

    @Property
    void givenAnyEpisode_whenOutcomeComputed_thenCasenessIsKnownExactlyWhenTheFirstScoresTellIt(
            @ForAll("episodes") EpisodePlan plan) {
        Told told = tell(plan);
        EpisodeOutcome outcome = OutcomeRules.of(told.facts(), CLINIC_ZONE);
        Integer firstPhq9 = told.first(told.phq9());
        Integer firstGad7 = told.first(told.gad7());
        boolean atCaseness = firstPhq9 != null && firstPhq9 >= PHQ9_CASENESS || firstGad7 != null && firstGad7 >= GAD7_CASENESS;
        boolean notAtCaseness = firstPhq9 != null && firstGad7 != null && !atCaseness;
        Statistics.label("caseness").collect(atCaseness ? "at caseness" : notAtCaseness ? "not at caseness" : "unknown")
                .coverage(coverage -> {
                    coverage.check("at caseness").count(count -> count > 0);
                    coverage.check("not at caseness").count(count -> count > 0);
                });

        assertThat(outcome.atCaseness()).isEqualTo(atCaseness ? Boolean.TRUE : notAtCaseness ? Boolean.FALSE : null);
        assertThat(outcome.notAtCaseness()).isEqualTo(notAtCaseness);
    }

    @Property
    void givenAnyEpisode_whenOutcomeComputed_thenFirstAndLastScoresAreTheValidMeasuresUpToTheEnd(
            @ForAll("episodes") EpisodePlan plan) {
        Told told = tell(plan);
        EpisodeOutcome outcome = OutcomeRules.of(told.facts(), CLINIC_ZONE);

        assertThat(outcome.firstPhq9()).isEqualTo(told.first(told.phq9()));
        assertThat(outcome.lastPhq9()).isEqualTo(told.last(told.phq9()));
        assertThat(outcome.firstGad7()).isEqualTo(told.first(told.gad7()));
        assertThat(outcome.lastGad7()).isEqualTo(told.last(told.gad7()));
    }

    @Property
    void givenAnyPairedEpisode_whenOutcomeComputed_thenTheFlagsFollowTheDefinitions(@ForAll("episodes") EpisodePlan plan) {
        Told told = tell(plan);
        EpisodeOutcome outcome = OutcomeRules.of(told.facts(), CLINIC_ZONE);
        if (!told.paired()) {
            return;
        }
        Statistics.label("recovered").collect(told.recovered());

        assertThat(outcome.atCaseness()).isEqualTo(told.atCaseness());
        assertThat(outcome.recovered()).isEqualTo(told.recovered());
        assertThat(outcome.reliableImprovement()).isEqualTo(told.reliableDecrease() && !told.reliableIncrease());
        assertThat(outcome.reliableDeterioration()).isEqualTo(told.reliableIncrease() && !told.reliableDecrease());
        assertThat(outcome.reliableRecovery())
                .isEqualTo(told.recovered() && told.reliableDecrease() && !told.reliableIncrease());
    }

    @Property
    void givenAnyEpisode_whenOutcomeComputed_thenRecoveredOnlyFromCaseness(@ForAll("episodes") EpisodePlan plan) {
        EpisodeOutcome outcome = OutcomeRules.of(tell(plan).facts(), CLINIC_ZONE);

        if (outcome.recovered()) {
            assertThat(outcome.atCaseness()).isTrue();
        }
    }

    @Property
    void givenAnyEpisode_whenReliablyRecovered_thenRecoveredAndReliablyImproved(@ForAll("episodes") EpisodePlan plan) {
        EpisodeOutcome outcome = OutcomeRules.of(tell(plan).facts(), CLINIC_ZONE);

        if (outcome.reliableRecovery()) {
            assertThat(outcome.recovered()).isTrue();
            assertThat(outcome.reliableImprovement()).isTrue();
        }
    }

    @Property
    void givenAnyEpisode_whenOutcomeComputed_thenNeverBothReliablyImprovedAndDeteriorated(
            @ForAll("episodes") EpisodePlan plan) {
        EpisodeOutcome outcome = OutcomeRules.of(tell(plan).facts(), CLINIC_ZONE);

        assertThat(outcome.reliableImprovement()
                && outcome.reliableDeterioration()).isFalse();
    }

    @Property
    void givenAnyEpisode_whenOutcomeComputed_thenAFinishedCourseIsAnEndingWithTwoAttendedSessions(
            @ForAll("episodes") EpisodePlan plan) {
        Told told = tell(plan);
        EpisodeOutcome outcome = OutcomeRules.of(told.facts(), CLINIC_ZONE);

        assertThat(outcome.ended()).isEqualTo(told.ended());
        assertThat(outcome.finishedCourse()).isEqualTo(told.ended() && told.attended() >= SESSIONS_FOR_A_FINISHED_COURSE);
    }

    @Property
    void givenAnyEpisode_whenItsEventsAreDeliveredAgain_thenTheFactsAreUnchanged(@ForAll("episodes") EpisodePlan plan) {
        Told told = tell(plan);

        EpisodeFacts redelivered = told.facts();
        for (int sequence = 0; sequence < told.events().size(); sequence++) {
            redelivered = redelivered.apply(told.events().get(sequence), sequence);
        }

        assertThat(redelivered).isSameAs(told.facts());
    }
}
