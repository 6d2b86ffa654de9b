package org.dit.query.outcomes;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.dit.events.episode.EndReason;

/**
 * The NHS Talking Therapies outcome of one episode (docs/design.md §3), GET /api/outcomes/episodes/{id}. An episode that is not
 * paired is neither recovered, nor improved, nor deteriorated. {@code atCaseness} is null when it cannot be told (a first
 * score missing and the other below caseness); {@code endReason} and {@code nationalEndCode} are null until the episode
 * ends.
 */
public record EpisodeOutcome(boolean ended, boolean finishedCourse, boolean paired,
                             @Schema(nullable = true, description = "null when it cannot be told") Boolean atCaseness,
                             boolean recovered, boolean reliableImprovement, boolean reliableDeterioration,
                             boolean reliableRecovery,
                             @Schema(nullable = true, description = "null without a PHQ-9") Integer firstPhq9,
                             @Schema(nullable = true, description = "null without a PHQ-9") Integer lastPhq9,
                             @Schema(nullable = true, description = "null without a GAD-7") Integer firstGad7,
                             @Schema(nullable = true, description = "null without a GAD-7") Integer lastGad7,
                             @Schema(nullable = true, description = "null before the first attended session")
                             Long daysReferralToFirstSession,
                             @Schema(nullable = true, description = "null before the second attended session")
                             Long daysFirstToSecondSession,
                             @Schema(nullable = true, description = "null until the episode ends") EndReason endReason,
                             @Schema(nullable = true, description = "null until the episode ends") Integer nationalEndCode) {

    /** Both first scores present and below caseness: left out of the recovery denominators. */
    public boolean notAtCaseness() {
        return Boolean.FALSE.equals(atCaseness);
    }

    /** Wherever recovery is reported, it says that the GAD-7 stands in for the anxiety-disorder-specific measures. */
    @JsonProperty("note")
    public String note() {
        return OutcomeRules.GAD7_NOTE;
    }
}
