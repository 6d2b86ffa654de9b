package org.dit.query.outcomes;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * GET /api/outcomes, and one row of /monthly with its {@code month}: the counts and rates of docs/design.md §3 over the period
 * [from, to]. Each count is over its own population: referrals by referral date, first and second treatments by the
 * date of that session, everything else over the episodes that ended in the period. The flag rates are over finished
 * courses (recovery over those not "not at caseness"), whether paired or not. A rate is a fraction, null when its
 * denominator is 0.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutcomeReport(@Schema(description = "the month of a row of /monthly; absent from /api/outcomes",
                                    example = "2026-04") String month,
                            LocalDate from, LocalDate to, long referralsReceived, long firstTreatments,
                            long ended, long endedBeforeTreatment, long endedAfterOneSession, long finishedCourse,
                            long pairedFinished, long notAtCaseness, long recovered, long reliablyImproved,
                            long reliablyRecovered, long reliablyDeteriorated,
                            @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true, description = RATE)
                            Double recoveryRate,
                            @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true, description = RATE)
                            Double reliableRecoveryRate,
                            @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true, description = RATE)
                            Double reliableImprovementRate,
                            @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true, description = RATE)
                            Double reliableDeteriorationRate,
                            @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true, description = RATE)
                            Double pairedRate,
                            long firstTreatmentWithin6Weeks, long firstTreatmentWithin18Weeks,
                            @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true, description = RATE)
                            Double within6WeeksRate,
                            @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true, description = RATE)
                            Double within18WeeksRate,
                            long secondTreatments, long firstToSecondOver28Days, long firstToSecondOver90Days,
                            @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true, description = RATE)
                            Double firstToSecondOver90DaysRate,
                            @Schema(description = "with ?groupBy=: the grouping (ethnicity, gender, ageBand, therapist)")
                            String groupBy,
                            @Schema(description = "with ?groupBy=: one entry per group, sorted by group")
                            List<OutcomeGroup> groups) {

    static final String RATE = "a fraction; null when its denominator is 0";

    /**
     * The counts of one period, each over its population (docs/design.md §3, a period).
     *
     * @param referralsReceived episodes referred in the period
     * @param firstTreatments episodes whose first attended session falls in the period (access)
     * @param ended episodes ended in the period; the counts that follow, up to the waits, are among them
     * @param endedBeforeTreatment ended with no attended session
     * @param endedAfterOneSession ended with exactly one attended session
     * @param notAtCaseness finished, both first scores present and below caseness
     * @param secondTreatments episodes whose second attended session falls in the period, ended or not; the two
     *                         counts that follow are among them
     */
    public record Counts(long referralsReceived, long firstTreatments, long ended, long endedBeforeTreatment,
                         long endedAfterOneSession, long finishedCourse, long pairedFinished, long notAtCaseness,
                         long recovered, long reliablyImproved, long reliablyRecovered, long reliablyDeteriorated,
                         long firstTreatmentWithin6Weeks, long firstTreatmentWithin18Weeks, long secondTreatments,
                         long firstToSecondOver28Days, long firstToSecondOver90Days) {
    }

    public static OutcomeReport of(String month, LocalDate from, LocalDate to, Counts c) {
        long casenessDenominator = c.finishedCourse() - c.notAtCaseness();
        return new OutcomeReport(month, from, to, c.referralsReceived(), c.firstTreatments(), c.ended(),
                c.endedBeforeTreatment(), c.endedAfterOneSession(), c.finishedCourse(), c.pairedFinished(),
                c.notAtCaseness(), c.recovered(), c.reliablyImproved(), c.reliablyRecovered(), c.reliablyDeteriorated(),
                rate(c.recovered(), casenessDenominator), rate(c.reliablyRecovered(), casenessDenominator),
                rate(c.reliablyImproved(), c.finishedCourse()), rate(c.reliablyDeteriorated(), c.finishedCourse()),
                rate(c.pairedFinished(), c.finishedCourse()), c.firstTreatmentWithin6Weeks(),
                c.firstTreatmentWithin18Weeks(), rate(c.firstTreatmentWithin6Weeks(), c.finishedCourse()),
                rate(c.firstTreatmentWithin18Weeks(), c.finishedCourse()), c.secondTreatments(),
                c.firstToSecondOver28Days(), c.firstToSecondOver90Days(),
                rate(c.firstToSecondOver90Days(), c.secondTreatments()), null, null);
    }

    /** The same report with its equality breakdown. */
    public OutcomeReport withGroups(GroupBy by, List<OutcomeGroup> breakdown) {
        return new OutcomeReport(month, from, to, referralsReceived, firstTreatments, ended, endedBeforeTreatment,
                endedAfterOneSession, finishedCourse, pairedFinished, notAtCaseness, recovered, reliablyImproved,
                reliablyRecovered, reliablyDeteriorated, recoveryRate, reliableRecoveryRate, reliableImprovementRate,
                reliableDeteriorationRate, pairedRate, firstTreatmentWithin6Weeks, firstTreatmentWithin18Weeks,
                within6WeeksRate, within18WeeksRate, secondTreatments, firstToSecondOver28Days, firstToSecondOver90Days,
                firstToSecondOver90DaysRate, by.parameter(), List.copyOf(breakdown));
    }

    /** Wherever recovery is reported, it says that the GAD-7 stands in for the anxiety-disorder-specific measures. */
    @JsonProperty("note")
    public String note() {
        return OutcomeRules.GAD7_NOTE;
    }

    static Double rate(long numerator, long denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }
}
