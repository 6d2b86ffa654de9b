package org.dit.command.episode;

import static org.dit.command.Refusals.invalidInput;
import static org.dit.command.episode.Episodes.*;
import static org.dit.command.therapist.Therapists.SINGLE_CLIENT_THERAPIST;
import static org.dit.command.therapist.Therapists.SUPERVISOR;
import static org.dit.command.therapist.Therapists.THERAPIST;
import static org.dit.command.therapist.Therapists.UNREGISTERED;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.dit.command.episode.EpisodePolicy.AlreadyAssessed;
import org.dit.command.episode.EpisodePolicy.CompletionRequirementsNotMet;
import org.dit.command.episode.EpisodePolicy.CourseFull;
import org.dit.command.episode.EpisodePolicy.CourseLengthExceeded;
import org.dit.command.episode.EpisodePolicy.DateBeforeReferral;
import org.dit.command.episode.EpisodePolicy.EarlierSessionUnresolved;
import org.dit.command.episode.EpisodePolicy.EndingPhaseNotReached;
import org.dit.command.episode.EpisodePolicy.EndingPhaseReached;
import org.dit.command.episode.EpisodePolicy.EpisodeEnded;
import org.dit.command.episode.EpisodePolicy.EpisodeNotInTherapy;
import org.dit.command.episode.EpisodePolicy.EpisodeNotReferred;
import org.dit.command.episode.EpisodePolicy.EpisodeNotWaiting;
import org.dit.command.episode.EpisodePolicy.FocusNotAgreed;
import org.dit.command.episode.EpisodePolicy.GoodbyeLetterAlreadyShared;
import org.dit.command.episode.EpisodePolicy.NoSessionAttended;
import org.dit.command.episode.EpisodePolicy.NothingToCorrect;
import org.dit.command.episode.EpisodePolicy.RevisionReasonRequired;
import org.dit.command.episode.EpisodePolicy.SessionInFuture;
import org.dit.command.episode.EpisodePolicy.SessionNotBooked;
import org.dit.command.episode.EpisodePolicy.SessionOutOfOrder;
import org.dit.command.therapist.InMemoryTherapistRoster;
import org.dit.command.therapist.TherapistAtCapacity;
import org.dit.command.therapist.TherapistDoubleBooked;
import org.dit.command.therapist.TherapistInactive;
import org.dit.command.therapist.TherapistUnknown;
import org.dit.command.therapist.Therapists;
import org.dit.events.episode.AssessmentCompleted;
import org.dit.events.episode.CancelledBy;
import org.dit.events.episode.ClientReferred;
import org.dit.events.episode.ClientWaitlisted;
import org.dit.events.episode.CourseExtended;
import org.dit.events.episode.EndReason;
import org.dit.events.episode.Focus;
import org.dit.events.episode.FocusAgreed;
import org.dit.events.episode.FocusRevised;
import org.dit.events.episode.GoodbyeLetterShared;
import org.dit.events.episode.Instrument;
import org.dit.events.episode.MeasureEnteredInError;
import org.dit.events.episode.OutcomeMeasureRecorded;
import org.dit.events.episode.Phase;
import org.dit.events.episode.SessionAttended;
import org.dit.events.episode.SessionCancelled;
import org.dit.events.episode.SessionMissed;
import org.dit.events.episode.SessionOutcome;
import org.dit.events.episode.SessionOutcomeCorrected;
import org.dit.events.episode.SessionRescheduled;
import org.dit.events.episode.TherapistAllocated;
import org.dit.events.episode.TherapyEnded;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every success and every refusal of docs/design.md §2, one scenario each; nested by the command under test. */
class EpisodeTest {

    private static final Duration HALF_SESSION = Duration.ofMinutes(SESSION_MINUTES / 2);
    private static final Duration ONE_DAY = Duration.ofDays(1);

    private FixtureConfiguration<Episode> fixture;
    private InMemoryTherapistRoster roster;

    @BeforeEach
    void setUp() {
        roster = Therapists.clinicRoster();
        fixture = new AggregateTestFixture<>(Episode.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(roster);
        fixture.registerInjectableResource(Episodes.clientRegistry());
    }

    @Nested
    class Referral {

        @Test
        void givenNoPriorActivity_whenClientReferred_thenEpisodeOpens() {
            fixture.givenNoPriorActivity()
                    .when(referral())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ClientReferred(EPISODE, CLIENT, REFERRAL_SOURCE, REFERRED_ON, PROBLEM, PRIORITY));
        }

        @Test
        void givenNoPriorActivity_whenReferredTodayWithPaddedSource_thenEpisodeOpensWithSourceTrimmed() {
            fixture.givenNoPriorActivity()
                    .when(new ReferClient(EPISODE, CLIENT, "  " + REFERRAL_SOURCE + " ", TODAY, PROBLEM, PRIORITY))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ClientReferred(EPISODE, CLIENT, REFERRAL_SOURCE, TODAY, PROBLEM, PRIORITY));
        }

        @Test
        void givenNoPriorActivity_whenReferralDatedTomorrow_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(new ReferClient(EPISODE, CLIENT, REFERRAL_SOURCE, TOMORROW, PROBLEM, PRIORITY))
                    .expectNoEvents()
                    .expectException(invalidInput("referredOn"))
                    .expectExceptionMessage("referredOn: is in the future");
        }

        @Test
        void givenNoPriorActivity_whenReferralDatedBefore1900_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(new ReferClient(EPISODE, CLIENT, REFERRAL_SOURCE, LocalDate.MIN, PROBLEM, PRIORITY))
                    .expectNoEvents()
                    .expectException(invalidInput("referredOn"))
                    .expectExceptionMessage("referredOn: is before 1900-01-01");
        }

        @Test
        void givenNoPriorActivity_whenReferralUndated_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(new ReferClient(EPISODE, CLIENT, REFERRAL_SOURCE, null, PROBLEM, PRIORITY))
                    .expectNoEvents()
                    .expectException(invalidInput("referredOn"));
        }

        @Test
        void givenNoPriorActivity_whenClientMissing_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(new ReferClient(EPISODE, null, REFERRAL_SOURCE, REFERRED_ON, PROBLEM, PRIORITY))
                    .expectNoEvents()
                    .expectException(invalidInput("clientId"));
        }

        @Test
        void givenNoPriorActivity_whenReferralSourceBlank_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(new ReferClient(EPISODE, CLIENT, " ", REFERRED_ON, PROBLEM, PRIORITY))
                    .expectNoEvents()
                    .expectException(invalidInput("referralSource"));
        }

        @Test
        void givenNoPriorActivity_whenPresentingProblemMissing_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(new ReferClient(EPISODE, CLIENT, REFERRAL_SOURCE, REFERRED_ON, null, PRIORITY))
                    .expectNoEvents()
                    .expectException(invalidInput("presentingProblem"));
        }

        @Test
        void givenNoPriorActivity_whenPriorityMissing_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(new ReferClient(EPISODE, CLIENT, REFERRAL_SOURCE, REFERRED_ON, PROBLEM, null))
                    .expectNoEvents()
                    .expectException(invalidInput("priority"));
        }

        @Test
        void givenNoReferral_whenAssessed_thenEpisodeNotFound() {
            fixture.givenNoPriorActivity()
                    .when(assessment(true))
                    .expectNoEvents()
                    .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    class Assessment {

        @Test
        void givenReferred_whenAssessedSuitable_thenMeasuresRecordedAndClientWaitlisted() {
            fixture.given(referred())
                    .when(assessment(true))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new AssessmentCompleted(EPISODE, ASSESSED_ON, true, ASSESSMENT_NOTES),
                            phq9AtAssessment(),
                            gad7AtAssessment(),
                            new ClientWaitlisted(EPISODE, ASSESSED_ON));
        }

        @Test
        void givenReferred_whenAssessedNotSuitable_thenMeasuresRecordedAndTherapyEnded() {
            fixture.given(referred())
                    .when(assessment(false))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new AssessmentCompleted(EPISODE, ASSESSED_ON, false, ASSESSMENT_NOTES),
                            phq9AtAssessment(),
                            gad7AtAssessment(),
                            new TherapyEnded(EPISODE, ASSESSED_ON, EndReason.NOT_SUITABLE));
        }

        @Test
        void givenReferred_whenAssessedWithBlankNotes_thenAssessmentHasNoNotes() {
            fixture.given(referred())
                    .when(new RecordAssessment(EPISODE, ASSESSED_ON, true, PHQ9_AT_ASSESSMENT, GAD7_AT_ASSESSMENT, "  ",
                            ASSESSMENT_PHQ9, ASSESSMENT_GAD7))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new AssessmentCompleted(EPISODE, ASSESSED_ON, true, null),
                            phq9AtAssessment(),
                            gad7AtAssessment(),
                            new ClientWaitlisted(EPISODE, ASSESSED_ON));
        }

        @Test
        void givenWaiting_whenAssessedAgain_thenRefused() {
            fixture.given(waiting())
                    .when(assessment(true))
                    .expectNoEvents()
                    .expectException(AlreadyAssessed.class);
        }

        @Test
        void givenAssessedNotSuitable_whenAssessedAgain_thenRefused() {
            fixture.given(assessedNotSuitable())
                    .when(assessment(true))
                    .expectNoEvents()
                    .expectException(AlreadyAssessed.class);
        }

        @Test
        void givenWithdrawnBeforeAssessment_whenAssessed_thenRefused() {
            fixture.given(withdrawnBeforeAssessment())
                    .when(assessment(true))
                    .expectNoEvents()
                    .expectException(EpisodeNotReferred.class);
        }

        @Test
        void givenReferred_whenPhq9MissesAnItem_thenRefused() {
            fixture.given(referred())
                    .when(assessmentScoring(PHQ9_MISSING_AN_ITEM, GAD7_AT_ASSESSMENT))
                    .expectNoEvents()
                    .expectException(invalidInput("phq9"))
                    .expectExceptionMessage("phq9: PHQ9 has 9 items, 8 given");
        }

        @Test
        void givenReferred_whenGad7ItemScoresFour_thenRefused() {
            fixture.given(referred())
                    .when(assessmentScoring(PHQ9_AT_ASSESSMENT, GAD7_WITH_AN_ITEM_OF_FOUR))
                    .expectNoEvents()
                    .expectException(invalidInput("gad7"))
                    .expectExceptionMessage("gad7: item 4 is 4; each item scores 0 to 3");
        }

        @Test
        void givenReferred_whenGad7Missing_thenRefused() {
            fixture.given(referred())
                    .when(assessmentScoring(PHQ9_AT_ASSESSMENT, null))
                    .expectNoEvents()
                    .expectException(invalidInput("gad7"));
        }

        @Test
        void givenReferred_whenSuitabilityMissing_thenRefused() {
            fixture.given(referred())
                    .when(new RecordAssessment(EPISODE, ASSESSED_ON, null, PHQ9_AT_ASSESSMENT, GAD7_AT_ASSESSMENT,
                            ASSESSMENT_NOTES, ASSESSMENT_PHQ9, ASSESSMENT_GAD7))
                    .expectNoEvents()
                    .expectException(invalidInput("suitable"));
        }

        @Test
        void givenReferred_whenAssessedBeforeReferral_thenRefused() {
            fixture.given(referred())
                    .when(new RecordAssessment(EPISODE, BEFORE_REFERRAL, true, PHQ9_AT_ASSESSMENT, GAD7_AT_ASSESSMENT,
                            ASSESSMENT_NOTES, ASSESSMENT_PHQ9, ASSESSMENT_GAD7))
                    .expectNoEvents()
                    .expectException(DateBeforeReferral.class);
        }

        @Test
        void givenReferred_whenAssessmentDatedTomorrow_thenRefused() {
            fixture.given(referred())
                    .when(new RecordAssessment(EPISODE, TOMORROW, true, PHQ9_AT_ASSESSMENT, GAD7_AT_ASSESSMENT,
                            ASSESSMENT_NOTES, ASSESSMENT_PHQ9, ASSESSMENT_GAD7))
                    .expectNoEvents()
                    .expectException(invalidInput("assessedOn"));
        }

        @Test
        void givenReferred_whenAssessmentMeasureHasNoId_thenRefused() {
            fixture.given(referred())
                    .when(new RecordAssessment(EPISODE, ASSESSED_ON, true, PHQ9_AT_ASSESSMENT, GAD7_AT_ASSESSMENT,
                            ASSESSMENT_NOTES, ASSESSMENT_PHQ9, null))
                    .expectNoEvents()
                    .expectException(invalidInput("gad7MeasureId"));
        }
    }

    @Nested
    class Allocation {

        private final AllocateTherapist allocation = new AllocateTherapist(EPISODE, THERAPIST, ALLOCATED_ON);

        @Test
        void givenWaiting_whenTherapistAllocated_thenInTherapy() {
            fixture.given(waiting())
                    .when(allocation)
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new TherapistAllocated(EPISODE, THERAPIST, ALLOCATED_ON));
        }

        @Test
        void givenReferred_whenTherapistAllocated_thenRefused() {
            fixture.given(referred())
                    .when(allocation)
                    .expectNoEvents()
                    .expectException(EpisodeNotWaiting.class);
        }

        @Test
        void givenInTherapy_whenTherapistAllocatedAgain_thenRefused() {
            fixture.given(inTherapy())
                    .when(allocation)
                    .expectNoEvents()
                    .expectException(EpisodeNotWaiting.class);
        }

        @Test
        void givenWaiting_whenUnregisteredTherapistAllocated_thenRefused() {
            fixture.given(waiting())
                    .when(new AllocateTherapist(EPISODE, UNREGISTERED, ALLOCATED_ON))
                    .expectNoEvents()
                    .expectException(TherapistUnknown.class);
        }

        @Test
        void givenTherapistInactive_whenAllocated_thenRefused() {
            roster.deactivate(THERAPIST);
            fixture.given(waiting())
                    .when(allocation)
                    .expectNoEvents()
                    .expectException(TherapistInactive.class);
        }

        @Test
        void givenTherapistCaseloadFull_whenAllocated_thenRefused() {
            roster.allocate(SINGLE_CLIENT_THERAPIST, ANOTHER_EPISODE);
            fixture.given(waiting())
                    .when(new AllocateTherapist(EPISODE, SINGLE_CLIENT_THERAPIST, ALLOCATED_ON))
                    .expectNoEvents()
                    .expectException(TherapistAtCapacity.class);
        }

        @Test
        void givenTherapistsOtherClientEnded_whenAllocated_thenInTherapy() {
            roster.allocate(SINGLE_CLIENT_THERAPIST, ANOTHER_EPISODE);
            roster.release(ANOTHER_EPISODE);
            fixture.given(waiting())
                    .when(new AllocateTherapist(EPISODE, SINGLE_CLIENT_THERAPIST, ALLOCATED_ON))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new TherapistAllocated(EPISODE, SINGLE_CLIENT_THERAPIST, ALLOCATED_ON));
        }

        @Test
        void givenWaiting_whenAllocationDatedBeforeReferral_thenRefused() {
            fixture.given(waiting())
                    .when(new AllocateTherapist(EPISODE, THERAPIST, BEFORE_REFERRAL))
                    .expectNoEvents()
                    .expectException(DateBeforeReferral.class);
        }

        @Test
        void givenWaiting_whenAllocationDatedTomorrow_thenRefused() {
            fixture.given(waiting())
                    .when(new AllocateTherapist(EPISODE, THERAPIST, TOMORROW))
                    .expectNoEvents()
                    .expectException(invalidInput("allocatedOn"));
        }

        @Test
        void givenWaiting_whenNoTherapistNamed_thenRefused() {
            fixture.given(waiting())
                    .when(new AllocateTherapist(EPISODE, null, ALLOCATED_ON))
                    .expectNoEvents()
                    .expectException(invalidInput("therapistId"));
        }
    }

    @Nested
    class Booking {

        @Test
        void givenInTherapy_whenFirstSessionBooked_thenItIsSessionOne() {
            fixture.given(inTherapy())
                    .when(bookingAt(startOf(1)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(booked(1))
                    .expectResultMessagePayload(1);
        }

        @Test
        void givenThreeSessionsAttended_whenSessionBooked_thenItIsSessionFour() {
            fixture.given(withSessionsAttended(3))
                    .when(bookingAt(startOf(4)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(booked(4))
                    .expectResultMessagePayload(4);
        }

        @Test
        void givenWaiting_whenSessionBooked_thenRefused() {
            fixture.given(waiting())
                    .when(bookingAt(startOf(1)))
                    .expectNoEvents()
                    .expectException(EpisodeNotInTherapy.class);
        }

        @Test
        void givenDroppedOut_whenSessionBooked_thenRefused() {
            fixture.given(droppedOut())
                    .when(bookingAt(startOf(3)))
                    .expectNoEvents()
                    .expectException(EpisodeNotInTherapy.class);
        }

        @Test
        void givenSixteenSessionsAttendedMissedOrBooked_whenSessionBooked_thenCourseFull() {
            fixture.given(and(withSessionsAttended(12), booked(13), missed(13), booked(14), missed(14), booked(15), booked(16)))
                    .when(bookingAt(startOf(17)))
                    .expectNoEvents()
                    .expectException(CourseFull.class);
        }

        @Test
        void givenFifteenSessionsAttendedMissedOrBooked_whenSessionBooked_thenSixteenthBooked() {
            fixture.given(and(withSessionsAttended(12), booked(13), missed(13), booked(14), missed(14), booked(15)))
                    .when(bookingAt(startOf(16)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(booked(16))
                    .expectResultMessagePayload(16);
        }

        @Test
        void givenCourseExtendedAfterSixteenSessions_whenSessionBooked_thenSeventeenthBooked() {
            fixture.given(and(withSessionsAttended(Phase.DEFAULT_COURSE_LENGTH), extendedBy(2, 18)))
                    .when(bookingAt(startOf(17)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(booked(17))
                    .expectResultMessagePayload(17);
        }

        @Test
        void givenTherapistBusyWithAnotherClient_whenBookedIntoThatTime_thenRefused() {
            roster.reserve(THERAPIST, ANOTHER_EPISODE, 1, startOf(1).plus(HALF_SESSION), endOf(1).plus(HALF_SESSION));
            fixture.given(inTherapy())
                    .when(bookingAt(startOf(1)))
                    .expectNoEvents()
                    .expectException(TherapistDoubleBooked.class);
        }

        @Test
        void givenTherapistsPreviousClientEndsAsThisStarts_whenBooked_thenBooked() {
            roster.reserve(THERAPIST, ANOTHER_EPISODE, 1, startOf(1).minus(Duration.ofMinutes(SESSION_MINUTES)), startOf(1));
            fixture.given(inTherapy())
                    .when(bookingAt(startOf(1)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(booked(1));
        }

        @Test
        void givenAnotherTherapistBusyAtThatTime_whenBooked_thenBooked() {
            roster.reserve(SUPERVISOR, ANOTHER_EPISODE, 1, startOf(1), endOf(1));
            fixture.given(inTherapy())
                    .when(bookingAt(startOf(1)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(booked(1));
        }

        @Test
        void givenSessionsBooked_whenBookedBeforeTheLastOneEnds_thenRefused() {
            fixture.given(withSessionsBooked(3))
                    .when(bookingAt(startOf(3).plus(HALF_SESSION)))
                    .expectNoEvents()
                    .expectException(SessionOutOfOrder.class);
        }

        @Test
        void givenSessionsBooked_whenBookedBeforeAnEarlierSession_thenRefused() {
            fixture.given(withSessionsBooked(3))
                    .when(bookingAt(startOf(2).minus(ONE_DAY)))
                    .expectNoEvents()
                    .expectException(SessionOutOfOrder.class);
        }

        @Test
        void givenSessionTwoCancelled_whenSessionBooked_thenNumberTwoIsReused() {
            Instant replacement = startOf(2).plus(ONE_DAY);
            fixture.given(and(withSessionsBooked(3), cancelledByClient(2)))
                    .when(bookingAt(replacement))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(bookedAt(2, replacement))
                    .expectResultMessagePayload(2);
        }

        @Test
        void givenSessionTwoCancelled_whenReplacementBookedAfterSessionThree_thenRefused() {
            fixture.given(and(withSessionsBooked(3), cancelledByClient(2)))
                    .when(bookingAt(startOf(4)))
                    .expectNoEvents()
                    .expectException(SessionOutOfOrder.class);
        }

        @Test
        void givenInTherapy_whenDurationIsZero_thenRefused() {
            fixture.given(inTherapy())
                    .when(new BookSession(EPISODE, startOf(1), 0, MODE))
                    .expectNoEvents()
                    .expectException(invalidInput("durationMinutes"));
        }

        @Test
        void givenInTherapy_whenSessionStartsBeyondTheYear9999_thenRefusedRatherThanOverflowing() {
            fixture.given(inTherapy())
                    .when(new BookSession(EPISODE, Instant.MAX, SESSION_MINUTES, MODE))
                    .expectNoEvents()
                    .expectException(invalidInput("startsAt"));
        }

        @Test
        void givenInTherapy_whenModeMissing_thenRefused() {
            fixture.given(inTherapy())
                    .when(new BookSession(EPISODE, startOf(1), SESSION_MINUTES, null))
                    .expectNoEvents()
                    .expectException(invalidInput("mode"));
        }
    }

    @Nested
    class Rescheduling {

        @Test
        void givenSessionsBooked_whenLastSessionMovedADayLater_thenRescheduled() {
            Instant nextDay = startOf(3).plus(ONE_DAY);
            fixture.given(withSessionsBooked(3))
                    .when(new RescheduleSession(EPISODE, 3, nextDay))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new SessionRescheduled(EPISODE, 3, startOf(3), nextDay));
        }

        @Test
        void givenSessionHoldsItsSlot_whenMovedWithinIt_thenRescheduled() {
            roster.reserve(THERAPIST, EPISODE, 1, startOf(1), endOf(1));
            Instant later = startOf(1).plus(HALF_SESSION);
            fixture.given(withSessionsBooked(1))
                    .when(new RescheduleSession(EPISODE, 1, later))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new SessionRescheduled(EPISODE, 1, startOf(1), later));
        }

        @Test
        void givenSessionAttended_whenRescheduled_thenRefused() {
            fixture.given(withSessionsAttended(1))
                    .when(new RescheduleSession(EPISODE, 1, startOf(1).plus(ONE_DAY)))
                    .expectNoEvents()
                    .expectException(SessionNotBooked.class);
        }

        @Test
        void givenSessionNeverBooked_whenRescheduled_thenRefused() {
            fixture.given(withSessionsBooked(1))
                    .when(new RescheduleSession(EPISODE, 2, startOf(2)))
                    .expectNoEvents()
                    .expectException(SessionNotBooked.class);
        }

        @Test
        void givenTherapistBusyWithAnotherClient_whenRescheduledIntoThatTime_thenRefused() {
            Instant busy = startOf(3).plus(ONE_DAY);
            roster.reserve(THERAPIST, ANOTHER_EPISODE, 1, busy, busy.plus(Duration.ofMinutes(SESSION_MINUTES)));
            fixture.given(withSessionsBooked(3))
                    .when(new RescheduleSession(EPISODE, 3, busy.plus(HALF_SESSION)))
                    .expectNoEvents()
                    .expectException(TherapistDoubleBooked.class);
        }

        @Test
        void givenSessionsBooked_whenMiddleSessionMovedPastTheNext_thenRefused() {
            fixture.given(withSessionsBooked(3))
                    .when(new RescheduleSession(EPISODE, 2, startOf(3)))
                    .expectNoEvents()
                    .expectException(SessionOutOfOrder.class);
        }

        @Test
        void givenSessionsBooked_whenMovedBeforeThePreviousEnds_thenRefused() {
            fixture.given(withSessionsBooked(3))
                    .when(new RescheduleSession(EPISODE, 2, startOf(1).plus(HALF_SESSION)))
                    .expectNoEvents()
                    .expectException(SessionOutOfOrder.class);
        }
    }

    @Nested
    class Cancellation {

        @Test
        void givenSessionBooked_whenClientCancels_thenSessionCancelled() {
            fixture.given(withSessionsBooked(2))
                    .when(new CancelSession(EPISODE, 2, CancelledBy.CLIENT, " " + CANCELLATION_REASON + " "))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(cancelledByClient(2));
        }

        @Test
        void givenSessionBooked_whenTherapistCancelsWithoutReason_thenCancelledWithNoReason() {
            fixture.given(withSessionsBooked(2))
                    .when(new CancelSession(EPISODE, 2, CancelledBy.THERAPIST, ""))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new SessionCancelled(EPISODE, 2, CancelledBy.THERAPIST, null));
        }

        @Test
        void givenSessionAttended_whenCancelled_thenRefused() {
            fixture.given(withSessionsAttended(1))
                    .when(new CancelSession(EPISODE, 1, CancelledBy.CLIENT, CANCELLATION_REASON))
                    .expectNoEvents()
                    .expectException(SessionNotBooked.class);
        }

        @Test
        void givenSessionCancelled_whenCancelledAgain_thenRefused() {
            fixture.given(and(withSessionsBooked(2), cancelledByClient(2)))
                    .when(new CancelSession(EPISODE, 2, CancelledBy.CLIENT, CANCELLATION_REASON))
                    .expectNoEvents()
                    .expectException(SessionNotBooked.class);
        }

        @Test
        void givenSessionBooked_whenCancelledByNobody_thenRefused() {
            fixture.given(withSessionsBooked(2))
                    .when(new CancelSession(EPISODE, 2, null, CANCELLATION_REASON))
                    .expectNoEvents()
                    .expectException(invalidInput("cancelledBy"));
        }
    }

    @Nested
    class Attendance {

        @Test
        void givenSessionBooked_whenAttendedWithMeasures_thenAttendedAndMeasuresRecordedOnTheSessionDate() {
            LocalDate sessionDate = LocalDate.ofInstant(startOf(1), LONDON);
            fixture.given(withSessionsBooked(1))
                    .when(attendanceWithMeasures(1))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(attended(1),
                            new OutcomeMeasureRecorded(EPISODE, SESSION_PHQ9, Instrument.PHQ9, PHQ9_IN_SESSION,
                                    PHQ9_IN_SESSION_TOTAL, sessionDate, 1),
                            new OutcomeMeasureRecorded(EPISODE, SESSION_GAD7, Instrument.GAD7, GAD7_IN_SESSION,
                                    GAD7_IN_SESSION_TOTAL, sessionDate, 1));
        }

        @Test
        void givenSessionBooked_whenAttendedWithoutMeasures_thenOnlyAttended() {
            fixture.given(withSessionsBooked(1))
                    .when(attendance(1))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(attended(1));
        }

        @Test
        void givenSessionAfterLondonMidnight_whenAttendedWithMeasure_thenMeasureDatedTheLondonDay() {
            Instant halfPastMidnightInLondon = Instant.parse("2026-06-14T23:30:00Z");
            fixture.given(and(inTherapy(), bookedAt(1, halfPastMidnightInLondon)))
                    .when(new RecordAttendance(EPISODE, 1, PHQ9_IN_SESSION, null, SESSION_PHQ9, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new SessionAttended(EPISODE, 1, halfPastMidnightInLondon),
                            new OutcomeMeasureRecorded(EPISODE, SESSION_PHQ9, Instrument.PHQ9, PHQ9_IN_SESSION,
                                    PHQ9_IN_SESSION_TOTAL, TODAY, 1));
        }

        @Test
        void givenSessionAttended_whenAttendedAgain_thenRefused() {
            fixture.given(withSessionsAttended(1))
                    .when(attendance(1))
                    .expectNoEvents()
                    .expectException(SessionNotBooked.class);
        }

        @Test
        void givenNothingBooked_whenAttended_thenRefused() {
            fixture.given(inTherapy())
                    .when(attendance(1))
                    .expectNoEvents()
                    .expectException(SessionNotBooked.class);
        }

        @Test
        void givenEarlierSessionStillBooked_whenLaterSessionAttended_thenRefused() {
            fixture.given(withSessionsBooked(2))
                    .when(attendance(2))
                    .expectNoEvents()
                    .expectException(EarlierSessionUnresolved.class);
        }

        @Test
        void givenEarlierSessionCancelledAndNotRebooked_whenLaterSessionAttended_thenRefused() {
            fixture.given(and(withSessionsBooked(2), cancelledByClient(1)))
                    .when(attendance(2))
                    .expectNoEvents()
                    .expectException(EarlierSessionUnresolved.class);
        }

        @Test
        void givenEarlierSessionMissed_whenLaterSessionAttended_thenAttended() {
            fixture.given(and(withSessionsBooked(2), missed(1)))
                    .when(attendance(2))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(attended(2));
        }

        @Test
        void givenFocusNotAgreed_whenSessionFiveAttended_thenRefused() {
            fixture.given(and(withSessionsAttended(4), booked(5)))
                    .when(attendance(5))
                    .expectNoEvents()
                    .expectException(FocusNotAgreed.class);
        }

        @Test
        void givenFocusAgreed_whenSessionFiveAttended_thenAttended() {
            fixture.given(and(withSessionsAttended(4), focusAgreed(4), booked(5)))
                    .when(attendance(5))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(attended(5));
        }

        @Test
        void givenSessionLaterToday_whenAttended_thenRefused() {
            fixture.given(and(inTherapy(), bookedAt(1, LATER_TODAY)))
                    .when(attendance(1))
                    .expectNoEvents()
                    .expectException(SessionInFuture.class);
        }

        @Test
        void givenSessionStartingNow_whenAttended_thenAttended() {
            fixture.given(and(inTherapy(), bookedAt(1, NOW)))
                    .when(attendance(1))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new SessionAttended(EPISODE, 1, NOW));
        }

        @Test
        void givenSessionBooked_whenPhq9MissesAnItem_thenRefused() {
            fixture.given(withSessionsBooked(1))
                    .when(new RecordAttendance(EPISODE, 1, PHQ9_MISSING_AN_ITEM, null, SESSION_PHQ9, null))
                    .expectNoEvents()
                    .expectException(invalidInput("phq9"));
        }

        @Test
        void givenSessionBooked_whenGad7ItemScoresFour_thenRefused() {
            fixture.given(withSessionsBooked(1))
                    .when(new RecordAttendance(EPISODE, 1, null, GAD7_WITH_AN_ITEM_OF_FOUR, null, SESSION_GAD7))
                    .expectNoEvents()
                    .expectException(invalidInput("gad7"));
        }

        @Test
        void givenSessionBooked_whenMeasureGivenWithoutId_thenRefused() {
            fixture.given(withSessionsBooked(1))
                    .when(new RecordAttendance(EPISODE, 1, PHQ9_IN_SESSION, null, null, null))
                    .expectNoEvents()
                    .expectException(invalidInput("phq9MeasureId"));
        }
    }

    @Nested
    class MissedSession {

        @Test
        void givenSessionBooked_whenMissed_thenSessionMissed() {
            fixture.given(withSessionsBooked(1))
                    .when(new RecordMissedSession(EPISODE, 1))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new SessionMissed(EPISODE, 1, startOf(1)));
        }

        @Test
        void givenSessionAttended_whenMissed_thenRefused() {
            fixture.given(withSessionsAttended(1))
                    .when(new RecordMissedSession(EPISODE, 1))
                    .expectNoEvents()
                    .expectException(SessionNotBooked.class);
        }

        @Test
        void givenNothingBooked_whenMissed_thenRefused() {
            fixture.given(inTherapy())
                    .when(new RecordMissedSession(EPISODE, 1))
                    .expectNoEvents()
                    .expectException(SessionNotBooked.class);
        }

        @Test
        void givenSessionLaterToday_whenMissed_thenRefused() {
            fixture.given(and(inTherapy(), bookedAt(1, LATER_TODAY)))
                    .when(new RecordMissedSession(EPISODE, 1))
                    .expectNoEvents()
                    .expectException(SessionInFuture.class);
        }
    }

    @Nested
    class OutcomeCorrection {

        @Test
        void givenSessionAttended_whenCorrectedToMissed_thenCorrected() {
            fixture.given(withSessionsAttended(1))
                    .when(new CorrectSessionOutcome(EPISODE, 1, SessionOutcome.MISSED, CORRECTION_REASON))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new SessionOutcomeCorrected(EPISODE, 1, SessionOutcome.ATTENDED, SessionOutcome.MISSED,
                            CORRECTION_REASON));
        }

        @Test
        void givenSessionMissed_whenCorrectedToAttended_thenCorrected() {
            fixture.given(and(withSessionsBooked(1), missed(1)))
                    .when(new CorrectSessionOutcome(EPISODE, 1, SessionOutcome.ATTENDED, CORRECTION_REASON))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new SessionOutcomeCorrected(EPISODE, 1, SessionOutcome.MISSED, SessionOutcome.ATTENDED,
                            CORRECTION_REASON));
        }

        @Test
        void givenSessionAttended_whenCorrectedToAttended_thenNothingToCorrect() {
            fixture.given(withSessionsAttended(1))
                    .when(new CorrectSessionOutcome(EPISODE, 1, SessionOutcome.ATTENDED, CORRECTION_REASON))
                    .expectNoEvents()
                    .expectException(NothingToCorrect.class);
        }

        @Test
        void givenSessionOnlyBooked_whenCorrected_thenNothingToCorrect() {
            fixture.given(withSessionsBooked(1))
                    .when(new CorrectSessionOutcome(EPISODE, 1, SessionOutcome.MISSED, CORRECTION_REASON))
                    .expectNoEvents()
                    .expectException(NothingToCorrect.class);
        }

        @Test
        void givenSessionNeverBooked_whenCorrected_thenNothingToCorrect() {
            fixture.given(withSessionsAttended(1))
                    .when(new CorrectSessionOutcome(EPISODE, 2, SessionOutcome.MISSED, CORRECTION_REASON))
                    .expectNoEvents()
                    .expectException(NothingToCorrect.class);
        }

        @Test
        void givenSessionAttended_whenCorrectedWithoutReason_thenRefused() {
            fixture.given(withSessionsAttended(1))
                    .when(new CorrectSessionOutcome(EPISODE, 1, SessionOutcome.MISSED, " "))
                    .expectNoEvents()
                    .expectException(invalidInput("reason"));
        }

        @Test
        void givenSessionAttended_whenCorrectedWithoutOutcome_thenRefused() {
            fixture.given(withSessionsAttended(1))
                    .when(new CorrectSessionOutcome(EPISODE, 1, null, CORRECTION_REASON))
                    .expectNoEvents()
                    .expectException(invalidInput("outcome"));
        }
    }

    @Nested
    class FocusAgreement {

        @Test
        void givenTwoSessionsAttended_whenFocusAgreed_thenAgreedAfterSessionTwo() {
            fixture.given(withSessionsAttended(2))
                    .when(new AgreeFocus(EPISODE, FOCUS, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new FocusAgreed(EPISODE, FOCUS, 2));
        }

        @Test
        void givenSessionAttended_whenPaddedFocusAgreed_thenAgreedTrimmed() {
            Focus padded = new Focus(" " + FOCUS.selfRepresentation(), FOCUS.otherRepresentation() + " ",
                    "\t" + FOCUS.affect(), FOCUS.defensiveFunction() + "\n");
            fixture.given(withSessionsAttended(1))
                    .when(new AgreeFocus(EPISODE, padded, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new FocusAgreed(EPISODE, FOCUS, 1));
        }

        @Test
        void givenFocusAgreed_whenRevisedWithReason_thenRevised() {
            fixture.given(withSessionsAttended(6))
                    .when(new AgreeFocus(EPISODE, REVISED_FOCUS, REVISION_REASON))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new FocusRevised(EPISODE, REVISED_FOCUS, REVISION_REASON, 6));
        }

        @Test
        void givenLastMiddlePhaseSessionAttended_whenFocusRevised_thenRevised() {
            int lastMiddleSession = Phase.DEFAULT_COURSE_LENGTH - Phase.ENDING_SESSIONS;
            fixture.given(withSessionsAttended(lastMiddleSession))
                    .when(new AgreeFocus(EPISODE, REVISED_FOCUS, REVISION_REASON))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new FocusRevised(EPISODE, REVISED_FOCUS, REVISION_REASON, lastMiddleSession));
        }

        @Test
        void givenFocusAgreed_whenRevisedWithoutReason_thenRefused() {
            fixture.given(withSessionsAttended(6))
                    .when(new AgreeFocus(EPISODE, REVISED_FOCUS, null))
                    .expectNoEvents()
                    .expectException(RevisionReasonRequired.class);
        }

        @Test
        void givenFocusAgreed_whenRevisedWithBlankReason_thenRefused() {
            fixture.given(withSessionsAttended(6))
                    .when(new AgreeFocus(EPISODE, REVISED_FOCUS, "  "))
                    .expectNoEvents()
                    .expectException(RevisionReasonRequired.class);
        }

        @Test
        void givenNoSessionAttended_whenFocusAgreed_thenRefused() {
            fixture.given(withSessionsBooked(1))
                    .when(new AgreeFocus(EPISODE, FOCUS, null))
                    .expectNoEvents()
                    .expectException(NoSessionAttended.class);
        }

        @Test
        void givenEndingPhase_whenFocusRevised_thenRefused() {
            fixture.given(inEndingPhase())
                    .when(new AgreeFocus(EPISODE, REVISED_FOCUS, REVISION_REASON))
                    .expectNoEvents()
                    .expectException(EndingPhaseReached.class);
        }

        @Test
        void givenDroppedOut_whenFocusAgreed_thenRefused() {
            fixture.given(droppedOut())
                    .when(new AgreeFocus(EPISODE, FOCUS, null))
                    .expectNoEvents()
                    .expectException(EpisodeEnded.class);
        }

        @Test
        void givenSessionAttended_whenFocusHasNoAffect_thenRefused() {
            fixture.given(withSessionsAttended(1))
                    .when(new AgreeFocus(EPISODE, new Focus(FOCUS.selfRepresentation(), FOCUS.otherRepresentation(), " ",
                            FOCUS.defensiveFunction()), null))
                    .expectNoEvents()
                    .expectException(invalidInput("affect"));
        }

        @Test
        void givenSessionAttended_whenNoFocusGiven_thenRefused() {
            fixture.given(withSessionsAttended(1))
                    .when(new AgreeFocus(EPISODE, null, null))
                    .expectNoEvents()
                    .expectException(invalidInput("focus"));
        }
    }

    @Nested
    class OutcomeMeasures {

        @Test
        void givenWaiting_whenPhq9Recorded_thenRecordedOutsideASession() {
            fixture.given(waiting())
                    .when(new RecordOutcomeMeasure(EPISODE, NEW_MEASURE, Instrument.PHQ9, PHQ9_IN_SESSION, TODAY))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OutcomeMeasureRecorded(EPISODE, NEW_MEASURE, Instrument.PHQ9, PHQ9_IN_SESSION,
                            PHQ9_IN_SESSION_TOTAL, TODAY, null));
        }

        @Test
        void givenWaiting_whenPhq9MissesAnItem_thenRefused() {
            fixture.given(waiting())
                    .when(new RecordOutcomeMeasure(EPISODE, NEW_MEASURE, Instrument.PHQ9, PHQ9_MISSING_AN_ITEM, TODAY))
                    .expectNoEvents()
                    .expectException(invalidInput("items"));
        }

        @Test
        void givenWaiting_whenGad7ItemScoresFour_thenRefused() {
            fixture.given(waiting())
                    .when(new RecordOutcomeMeasure(EPISODE, NEW_MEASURE, Instrument.GAD7, GAD7_WITH_AN_ITEM_OF_FOUR, TODAY))
                    .expectNoEvents()
                    .expectException(invalidInput("items"));
        }

        @Test
        void givenWaiting_whenPhq9ItemsGivenAsGad7_thenRefused() {
            fixture.given(waiting())
                    .when(new RecordOutcomeMeasure(EPISODE, NEW_MEASURE, Instrument.GAD7, PHQ9_IN_SESSION, TODAY))
                    .expectNoEvents()
                    .expectException(invalidInput("items"));
        }

        @Test
        void givenWaiting_whenInstrumentMissing_thenRefused() {
            fixture.given(waiting())
                    .when(new RecordOutcomeMeasure(EPISODE, NEW_MEASURE, null, PHQ9_IN_SESSION, TODAY))
                    .expectNoEvents()
                    .expectException(invalidInput("instrument"));
        }

        @Test
        void givenWaiting_whenMeasureHasNoId_thenRefused() {
            fixture.given(waiting())
                    .when(new RecordOutcomeMeasure(EPISODE, null, Instrument.PHQ9, PHQ9_IN_SESSION, TODAY))
                    .expectNoEvents()
                    .expectException(invalidInput("measureId"));
        }

        @Test
        void givenWaiting_whenMeasureDatedTomorrow_thenRefused() {
            fixture.given(waiting())
                    .when(new RecordOutcomeMeasure(EPISODE, NEW_MEASURE, Instrument.PHQ9, PHQ9_IN_SESSION, TOMORROW))
                    .expectNoEvents()
                    .expectException(invalidInput("recordedOn"));
        }

        @Test
        void givenWaiting_whenMeasureDatedBeforeReferral_thenRefused() {
            fixture.given(waiting())
                    .when(new RecordOutcomeMeasure(EPISODE, NEW_MEASURE, Instrument.PHQ9, PHQ9_IN_SESSION, BEFORE_REFERRAL))
                    .expectNoEvents()
                    .expectException(DateBeforeReferral.class);
        }

        @Test
        void givenDroppedOut_whenMeasureRecorded_thenRefused() {
            fixture.given(droppedOut())
                    .when(new RecordOutcomeMeasure(EPISODE, NEW_MEASURE, Instrument.PHQ9, PHQ9_IN_SESSION, TODAY))
                    .expectNoEvents()
                    .expectException(EpisodeEnded.class);
        }
    }

    @Nested
    class MeasuresEnteredInError {

        @Test
        void givenAssessmentMeasures_whenPhq9MarkedEnteredInError_thenMarked() {
            fixture.given(waiting())
                    .when(new MarkMeasureEnteredInError(EPISODE, ASSESSMENT_PHQ9, ERROR_REASON))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new MeasureEnteredInError(EPISODE, ASSESSMENT_PHQ9, ERROR_REASON));
        }

        @Test
        void givenDroppedOut_whenAssessmentMeasureMarkedEnteredInError_thenMarked() {
            fixture.given(droppedOut())
                    .when(new MarkMeasureEnteredInError(EPISODE, ASSESSMENT_GAD7, ERROR_REASON))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new MeasureEnteredInError(EPISODE, ASSESSMENT_GAD7, ERROR_REASON));
        }

        @Test
        void givenAssessmentMeasures_whenUnknownMeasureMarked_thenNothingToCorrect() {
            fixture.given(waiting())
                    .when(new MarkMeasureEnteredInError(EPISODE, UNKNOWN_MEASURE, ERROR_REASON))
                    .expectNoEvents()
                    .expectException(NothingToCorrect.class);
        }

        @Test
        void givenMeasureAlreadyMarked_whenMarkedAgain_thenNothingToCorrect() {
            fixture.given(and(waiting(), new MeasureEnteredInError(EPISODE, ASSESSMENT_PHQ9, ERROR_REASON)))
                    .when(new MarkMeasureEnteredInError(EPISODE, ASSESSMENT_PHQ9, ERROR_REASON))
                    .expectNoEvents()
                    .expectException(NothingToCorrect.class);
        }

        @Test
        void givenAssessmentMeasures_whenMarkedWithoutReason_thenRefused() {
            fixture.given(waiting())
                    .when(new MarkMeasureEnteredInError(EPISODE, ASSESSMENT_PHQ9, null))
                    .expectNoEvents()
                    .expectException(invalidInput("reason"));
        }
    }

    @Nested
    class GoodbyeLetter {

        @Test
        void givenEndingPhase_whenLetterShared_thenShared() {
            fixture.given(inEndingPhase())
                    .when(new ShareGoodbyeLetter(EPISODE, TODAY))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new GoodbyeLetterShared(EPISODE, TODAY));
        }

        @Test
        void givenMiddlePhase_whenLetterShared_thenRefused() {
            fixture.given(withSessionsAttended(Phase.DEFAULT_COURSE_LENGTH - Phase.ENDING_SESSIONS))
                    .when(new ShareGoodbyeLetter(EPISODE, TODAY))
                    .expectNoEvents()
                    .expectException(EndingPhaseNotReached.class);
        }

        @Test
        void givenCourseExtendedInEndingPhase_whenLetterShared_thenRefused() {
            fixture.given(and(inEndingPhase(), extendedBy(4, Phase.MAX_COURSE_LENGTH)))
                    .when(new ShareGoodbyeLetter(EPISODE, TODAY))
                    .expectNoEvents()
                    .expectException(EndingPhaseNotReached.class);
        }

        @Test
        void givenLetterShared_whenSharedAgain_thenRefused() {
            fixture.given(inEndingPhaseWithLetterShared())
                    .when(new ShareGoodbyeLetter(EPISODE, TODAY))
                    .expectNoEvents()
                    .expectException(GoodbyeLetterAlreadyShared.class);
        }

        @Test
        void givenEndingPhase_whenLetterDatedTomorrow_thenRefused() {
            fixture.given(inEndingPhase())
                    .when(new ShareGoodbyeLetter(EPISODE, TOMORROW))
                    .expectNoEvents()
                    .expectException(invalidInput("sharedOn"));
        }

        @Test
        void givenDroppedOut_whenLetterShared_thenRefused() {
            fixture.given(droppedOut())
                    .when(new ShareGoodbyeLetter(EPISODE, TODAY))
                    .expectNoEvents()
                    .expectException(EpisodeEnded.class);
        }
    }

    @Nested
    class Extension {

        private static final int TO_THE_LIMIT = Phase.MAX_COURSE_LENGTH - Phase.DEFAULT_COURSE_LENGTH;

        @Test
        void givenInTherapy_whenExtendedToTheLimit_thenExtended() {
            fixture.given(withSessionsAttended(10))
                    .when(new ExtendCourse(EPISODE, TO_THE_LIMIT, SUPERVISOR_NAME, EXTENSION_REASON))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new CourseExtended(EPISODE, TO_THE_LIMIT, Phase.MAX_COURSE_LENGTH, SUPERVISOR_NAME,
                            EXTENSION_REASON));
        }

        @Test
        void givenInTherapy_whenExtendedBeyondTheLimit_thenRefused() {
            fixture.given(withSessionsAttended(10))
                    .when(new ExtendCourse(EPISODE, TO_THE_LIMIT + 1, SUPERVISOR_NAME, EXTENSION_REASON))
                    .expectNoEvents()
                    .expectException(CourseLengthExceeded.class);
        }

        @Test
        void givenCourseAlreadyExtended_whenExtendedBeyondTheLimit_thenRefused() {
            fixture.given(and(withSessionsAttended(10), extendedBy(2, 18)))
                    .when(new ExtendCourse(EPISODE, 3, SUPERVISOR_NAME, EXTENSION_REASON))
                    .expectNoEvents()
                    .expectException(CourseLengthExceeded.class);
        }

        @Test
        void givenInTherapy_whenNoApprovingSupervisor_thenRefused() {
            fixture.given(withSessionsAttended(10))
                    .when(new ExtendCourse(EPISODE, TO_THE_LIMIT, null, EXTENSION_REASON))
                    .expectNoEvents()
                    .expectException(invalidInput("approvedBy"));
        }

        @Test
        void givenInTherapy_whenNoReason_thenRefused() {
            fixture.given(withSessionsAttended(10))
                    .when(new ExtendCourse(EPISODE, TO_THE_LIMIT, SUPERVISOR_NAME, " "))
                    .expectNoEvents()
                    .expectException(invalidInput("reason"));
        }

        @Test
        void givenInTherapy_whenExtendedByNoSessions_thenRefused() {
            fixture.given(withSessionsAttended(10))
                    .when(new ExtendCourse(EPISODE, 0, SUPERVISOR_NAME, EXTENSION_REASON))
                    .expectNoEvents()
                    .expectException(invalidInput("additionalSessions"));
        }

        @Test
        void givenDroppedOut_whenExtended_thenRefused() {
            fixture.given(droppedOut())
                    .when(new ExtendCourse(EPISODE, TO_THE_LIMIT, SUPERVISOR_NAME, EXTENSION_REASON))
                    .expectNoEvents()
                    .expectException(EpisodeEnded.class);
        }
    }

    @Nested
    class Ending {

        @Test
        void givenCourseCompletedAndLetterShared_whenEndedAsCompleted_thenEnded() {
            fixture.given(courseCompleted())
                    .when(new EndTherapy(EPISODE, TODAY, EndReason.COMPLETED))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new TherapyEnded(EPISODE, TODAY, EndReason.COMPLETED));
        }

        @Test
        void givenLetterSharedWithSessionsStillBooked_whenEndedAsCompleted_thenEndedAndEachBookingCancelled() {
            fixture.given(and(inEndingPhaseWithLetterShared(), booked(14), booked(15), booked(16)))
                    .when(new EndTherapy(EPISODE, TODAY, EndReason.COMPLETED))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new TherapyEnded(EPISODE, TODAY, EndReason.COMPLETED),
                            cancelledAtEnding(14), cancelledAtEnding(15), cancelledAtEnding(16));
        }

        @Test
        void givenSessionsBooked_whenClientDropsOut_thenEndedAndBookingsCancelled() {
            fixture.given(and(withSessionsAttended(2), booked(3), missed(3), booked(4), booked(5)))
                    .when(new EndTherapy(EPISODE, TODAY, EndReason.DROPPED_OUT))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new TherapyEnded(EPISODE, TODAY, EndReason.DROPPED_OUT),
                            cancelledAtEnding(4), cancelledAtEnding(5));
        }

        @Test
        void givenWaiting_whenClientWithdraws_thenEnded() {
            fixture.given(waiting())
                    .when(new EndTherapy(EPISODE, TODAY, EndReason.CLIENT_WITHDREW))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new TherapyEnded(EPISODE, TODAY, EndReason.CLIENT_WITHDREW));
        }

        @Test
        void givenDroppedOut_whenEndedAgain_thenRefused() {
            fixture.given(droppedOut())
                    .when(new EndTherapy(EPISODE, TODAY, EndReason.OTHER))
                    .expectNoEvents()
                    .expectException(EpisodeEnded.class);
        }

        @Test
        void givenAssessedNotSuitable_whenEnded_thenRefused() {
            fixture.given(assessedNotSuitable())
                    .when(new EndTherapy(EPISODE, TODAY, EndReason.REFERRED_ON))
                    .expectNoEvents()
                    .expectException(EpisodeEnded.class);
        }

        @Test
        void givenMiddlePhase_whenEndedAsCompleted_thenRefused() {
            fixture.given(withSessionsAttended(Phase.DEFAULT_COURSE_LENGTH - Phase.ENDING_SESSIONS))
                    .when(new EndTherapy(EPISODE, TODAY, EndReason.COMPLETED))
                    .expectNoEvents()
                    .expectException(CompletionRequirementsNotMet.class);
        }

        @Test
        void givenEndingPhaseWithoutLetter_whenEndedAsCompleted_thenRefused() {
            fixture.given(withSessionsAttended(Phase.DEFAULT_COURSE_LENGTH))
                    .when(new EndTherapy(EPISODE, TODAY, EndReason.COMPLETED))
                    .expectNoEvents()
                    .expectException(CompletionRequirementsNotMet.class);
        }

        @Test
        void givenLetterSharedThenCourseExtended_whenEndedAsCompleted_thenRefused() {
            fixture.given(and(inEndingPhaseWithLetterShared(), extendedBy(4, Phase.MAX_COURSE_LENGTH)))
                    .when(new EndTherapy(EPISODE, TODAY, EndReason.COMPLETED))
                    .expectNoEvents()
                    .expectException(CompletionRequirementsNotMet.class);
        }

        @Test
        void givenInTherapy_whenEndedWithoutReason_thenRefused() {
            fixture.given(withSessionsAttended(2))
                    .when(new EndTherapy(EPISODE, TODAY, null))
                    .expectNoEvents()
                    .expectException(invalidInput("reason"));
        }

        @Test
        void givenInTherapy_whenEndingDatedTomorrow_thenRefused() {
            fixture.given(withSessionsAttended(2))
                    .when(new EndTherapy(EPISODE, TOMORROW, EndReason.DROPPED_OUT))
                    .expectNoEvents()
                    .expectException(invalidInput("endedOn"));
        }
    }
}
