package org.dit.demo;

import java.time.LocalDate;
import java.util.List;

import org.dit.events.ClientId;
import org.dit.events.EpisodeId;
import org.dit.demo.DemoPlan.Step;

/**
 * An episode before a therapist is found for it: its referral and assessment (the {@code front} steps), the day it
 * should be allocated, and the seed from which its course is drawn, so trying another therapist or slot replays
 * the same client's story.
 *
 * @param sessionsBeforeToday for a course meant to be running today: how many weekly sessions should lie in the past
 * @param leaveAfter          for a course that ends early: the sessions attended before the client stops coming
 */
record EpisodeDraft(EpisodeId id, ClientId clientId, Fate fate, long seed, Scores scores, LocalDate referredOn,
                    LocalDate assessedOn, LocalDate plannedAllocation, int sessionsBeforeToday, int leaveAfter, List<Step> front) {

    EpisodeDraft {
        front = List.copyOf(front);
    }
}
