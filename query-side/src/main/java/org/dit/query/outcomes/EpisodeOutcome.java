package org.dit.query.outcomes;

/**
 * The NHS Talking Therapies outcome of one episode (docs/design.md §3). The flags are null unless the episode is paired:
 * only paired episodes get flags.
 */
public record EpisodeOutcome(boolean ended, boolean finishedCourse, boolean paired, Boolean atCaseness, Boolean recovered,
                             Boolean reliableImprovement, Boolean reliableDeterioration, Boolean reliableRecovery,
                             Integer firstPhq9, Integer lastPhq9, Integer firstGad7, Integer lastGad7,
                             Long daysReferralToFirstSession, Long daysFirstToSecondSession) {
}
