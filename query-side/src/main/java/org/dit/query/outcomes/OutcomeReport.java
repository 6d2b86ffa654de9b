package org.dit.query.outcomes;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * GET /api/outcomes (and one row of /monthly, with its {@code month}). Flag counts are over paired finished courses;
 * waits over finished courses. A rate is null when its denominator is 0; rates are fractions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutcomeReport(String month, long ended, long finishedCourse, long pairedFinished, long notAtCaseness,
                            long recovered, long reliablyImproved, long reliablyRecovered, long reliablyDeteriorated,
                            @JsonInclude(JsonInclude.Include.ALWAYS) Double recoveryRate,
                            @JsonInclude(JsonInclude.Include.ALWAYS) Double reliableRecoveryRate,
                            @JsonInclude(JsonInclude.Include.ALWAYS) Double reliableImprovementRate,
                            @JsonInclude(JsonInclude.Include.ALWAYS) Double reliableDeteriorationRate,
                            @JsonInclude(JsonInclude.Include.ALWAYS) Double pairedRate,
                            long firstTreatmentWithin6Weeks, long firstTreatmentWithin18Weeks,
                            @JsonInclude(JsonInclude.Include.ALWAYS) Double within6WeeksRate,
                            @JsonInclude(JsonInclude.Include.ALWAYS) Double within18WeeksRate,
                            long firstToSecondOver28Days, long firstToSecondOver90Days) {

    public static OutcomeReport of(String month, long ended, long finished, long pairedFinished, long notAtCaseness,
                                   long recovered, long reliablyImproved, long reliablyRecovered, long reliablyDeteriorated,
                                   long within6Weeks, long within18Weeks, long over28Days, long over90Days) {
        long casenessDenominator = pairedFinished - notAtCaseness;
        return new OutcomeReport(month, ended, finished, pairedFinished, notAtCaseness, recovered, reliablyImproved,
                reliablyRecovered, reliablyDeteriorated, rate(recovered, casenessDenominator),
                rate(reliablyRecovered, casenessDenominator), rate(reliablyImproved, pairedFinished),
                rate(reliablyDeteriorated, pairedFinished), rate(pairedFinished, finished), within6Weeks, within18Weeks,
                rate(within6Weeks, finished), rate(within18Weeks, finished), over28Days, over90Days);
    }

    static Double rate(long numerator, long denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }
}
