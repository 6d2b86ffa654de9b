package org.dit.query.outcomes;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One group of an equality breakdown: its report, or {@code suppressed} with no figures at all when fewer than
 * {@link GroupBy#SMALLEST_GROUP} episodes fall in it (not even how many).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OutcomeGroup(@Schema(example = "White") String group, boolean suppressed,
                           @Schema(nullable = true, description = "episodes counted in the group; null when suppressed")
                           Long episodes,
                           @Schema(nullable = true, description = "the group's report; null when suppressed")
                           OutcomeReport outcomes) {

    static OutcomeGroup of(String group, long episodes, OutcomeReport outcomes) {
        return episodes < GroupBy.SMALLEST_GROUP ? new OutcomeGroup(group, true, null, null)
                : new OutcomeGroup(group, false, episodes, outcomes);
    }
}
