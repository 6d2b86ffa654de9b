package org.dit.query.outcomes;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One group of an equality breakdown: its report, or {@code suppressed} with no figures at all when fewer than
 * {@link GroupBy#SMALLEST_GROUP} episodes fall in it (not even how many).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OutcomeGroup(String group, boolean suppressed, Long episodes, OutcomeReport outcomes) {

    static OutcomeGroup of(String group, long episodes, OutcomeReport outcomes) {
        return episodes < GroupBy.SMALLEST_GROUP ? new OutcomeGroup(group, true, null, null)
                : new OutcomeGroup(group, false, episodes, outcomes);
    }
}
