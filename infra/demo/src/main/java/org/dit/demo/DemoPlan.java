package org.dit.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the demo will send, worked out before the first command: the therapists' registrations, then each
 * episode's commands stamped with the clinic time at which they happen.
 */
record DemoPlan(LocalDate today, List<DemoTherapist> therapists, List<Step> registrations, List<EpisodePlan> episodes) {

    DemoPlan {
        therapists = List.copyOf(therapists);
        registrations = List.copyOf(registrations);
        episodes = List.copyOf(episodes);
    }

    /** One command, when it happens in the story, and the session number a booking must answer (null otherwise). */
    record Step(Instant at, Object command, Integer sessionNumber) {

        Step(Instant at, Object command) {
            this(at, command, null);
        }
    }

    record EpisodePlan(DemoEpisode episode, List<Step> steps) {

        EpisodePlan {
            steps = List.copyOf(steps);
        }
    }

    int commandCount() {
        return registrations.size() + episodes.stream().mapToInt(e -> e.steps().size()).sum();
    }
}
