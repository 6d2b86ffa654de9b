package org.dit.events.episode;

import org.dit.events.EpisodeId;

/** Every fact of one episode of care, from referral to the end of therapy. */
public sealed interface EpisodeEvent permits ClientReferred, AssessmentCompleted, ClientWaitlisted, TherapistAllocated,
        SessionBooked, SessionRescheduled, SessionCancelled, SessionAttended, SessionMissed, SessionOutcomeCorrected,
        OutcomeMeasureRecorded, MeasureEnteredInError, FocusAgreed, FocusRevised, GoodbyeLetterShared, CourseExtended,
        TherapyEnded, EpisodeClientLinked, RiskAssessed, RiskIndicated, TherapistReassigned,
        CourseShortened, FollowUpBooked, FollowUpAttended, FollowUpMeasureRecorded,
        SessionNoteWritten {

    EpisodeId episodeId();
}
