package org.dit.command.episode;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.dit.command.RuleViolation;
import org.junit.jupiter.api.Test;

/** The problem type of each refusal is the API's contract: clients tell the rules apart by it. */
class EpisodeRefusalsTest {

    private record Problem(String type, String title, int status) {
    }

    private static final Map<String, Problem> PUBLISHED = Map.ofEntries(
            Map.entry("AlreadyAssessed", new Problem("already-assessed", "The client has already been assessed", 409)),
            Map.entry("CompletionRequirementsNotMet",
                    new Problem("completion-requirements-not-met", "A completed course needs the ending phase and a shared goodbye letter", 409)),
            Map.entry("CourseFull", new Problem("course-full", "The course is full", 409)),
            Map.entry("CourseLengthBelowMinimum",
                    new Problem("course-length-below-minimum", "A course may not be shorter than 8 sessions", 409)),
            Map.entry("CourseNotShortened", new Problem("course-not-shortened", "The new course length is not shorter", 409)),
            Map.entry("SessionsBeyondCourseLength", new Problem("sessions-beyond-course-length",
                    "Sessions already booked or held exceed the new course length", 409)),
            Map.entry("CourseLengthExceeded",
                    new Problem("course-length-exceeded", "A course may not exceed 20 sessions", 409)),
            Map.entry("DateBeforeReferral",
                    new Problem("date-before-referral", "The date is before the referral", 409)),
            Map.entry("EarlierSessionUnresolved",
                    new Problem("earlier-session-unresolved", "An earlier session is still unresolved", 409)),
            Map.entry("EndingPhaseNotReached",
                    new Problem("ending-phase-not-reached", "The ending phase has not been reached", 409)),
            Map.entry("EndingPhaseReached",
                    new Problem("ending-phase-reached", "The ending phase has been reached", 409)),
            Map.entry("EpisodeEnded", new Problem("episode-ended", "The episode has ended", 409)),
            Map.entry("EpisodeNotInTherapy",
                    new Problem("episode-not-in-therapy", "The episode is not in therapy", 409)),
            Map.entry("EpisodeNotReferred",
                    new Problem("episode-not-referred", "The episode is not awaiting assessment", 409)),
            Map.entry("EpisodeNotWaiting",
                    new Problem("episode-not-waiting", "The client is not on the waiting list", 409)),
            Map.entry("EpisodeNotEnded", new Problem("episode-not-ended", "The episode has not ended", 409)),
            Map.entry("FollowUpAlreadyBooked",
                    new Problem("follow-up-already-booked", "The follow-up is already booked", 409)),
            Map.entry("FollowUpBeforeEnding",
                    new Problem("follow-up-before-ending", "The follow-up must fall after the ending", 409)),
            Map.entry("FollowUpNotBooked", new Problem("follow-up-not-booked", "No follow-up is booked", 409)),
            Map.entry("FocusNotAgreed",
                    new Problem("focus-not-agreed", "The IPAF focus must be agreed before session 5", 409)),
            Map.entry("GoodbyeLetterAlreadyShared",
                    new Problem("goodbye-letter-already-shared", "The goodbye letter has already been shared", 409)),
            Map.entry("SameTherapist", new Problem("same-therapist", "The episode is already with that therapist", 409)),
            Map.entry("NoSessionAttended", new Problem("no-session-attended", "No session has been attended yet", 409)),
            Map.entry("NothingToCorrect", new Problem("nothing-to-correct", "There is nothing to correct", 409)),
            Map.entry("RevisionReasonRequired",
                    new Problem("revision-reason-required", "Revising the agreed focus needs a reason", 409)),
            Map.entry("SessionInFuture", new Problem("session-in-future", "The session has not started yet", 409)),
            Map.entry("SessionNotAttended", new Problem("session-not-attended", "The session was not attended", 409)),
            Map.entry("SessionNotBooked", new Problem("session-not-booked", "The session is not booked", 409)),
            Map.entry("SessionOutOfOrder",
                    new Problem("session-out-of-order", "Sessions must follow one another in time", 409)));

    @Test
    void givenThePolicysRefusals_whenRaised_thenEachAnswersWithItsPublishedProblemTypeTitleAndStatus() {
        Map<String, Problem> raised = Arrays.stream(EpisodePolicy.class.getDeclaredClasses())
                .filter(RuleViolation.class::isAssignableFrom)
                .collect(Collectors.toMap(Class::getSimpleName, EpisodeRefusalsTest::raise));

        assertThat(raised).isEqualTo(PUBLISHED);
    }

    private static Problem raise(Class<?> refusal) {
        try {
            Constructor<?> constructor = refusal.getDeclaredConstructor(String.class);
            RuleViolation violation = (RuleViolation) constructor.newInstance("detail");
            return new Problem(violation.type(), violation.title(), violation.status());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(refusal + " cannot be raised with a detail", e);
        }
    }
}
