package org.dit.command.episode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What an accepted episode command answers (docs/design.md §5), as the API document shows it. An idempotent repeat
 * answers the same, since it builds the same command ({@link org.dit.command.web.CommandRunner}).
 */
final class EpisodeAnswers {

    private EpisodeAnswers() {
    }

    @Schema(name = "EpisodeAnswer", description = "The episode the command was recorded against")
    record Recorded(UUID episodeId) {
    }

    @Schema(name = "AssessmentAnswer", description = "The episode and the ids of the two measures taken at assessment")
    record Assessed(UUID episodeId, UUID phq9MeasureId, UUID gad7MeasureId) {
    }

    @Schema(name = "BookingAnswer", description = "The booked session's number in the course")
    record Booked(UUID episodeId, int sessionNumber) {
    }

    @Schema(name = "AttendanceAnswer", description = "The attended session, and the ids of the measures it recorded")
    record Attended(UUID episodeId, int sessionNumber,
                    @Schema(nullable = true, description = "null when no PHQ-9 was given") UUID phq9MeasureId,
                    @Schema(nullable = true, description = "null when no GAD-7 was given") UUID gad7MeasureId) {
    }

    @Schema(name = "MeasureAnswer", description = "The id of the recorded measure")
    record Measured(UUID episodeId, UUID measureId) {
    }

    @Schema(name = "SessionNoteAnswer", description = "The session whose note was written")
    record Noted(UUID episodeId, int sessionNumber) {
    }

    @Schema(name = "CourseLengthAnswer", description = "The course's new length in sessions")
    record Shortened(UUID episodeId, int courseLength) {
    }

    @Schema(name = "FollowUpAnswer", description = "The booked follow-up appointment")
    record FollowUpBooked(UUID episodeId, Instant startsAt) {
    }

    @Schema(name = "FollowUpAttendanceAnswer", description = "The ids of the measures the follow-up recorded")
    record FollowUpAttended(UUID episodeId,
                            @Schema(nullable = true, description = "null when no PHQ-9 was given") UUID phq9MeasureId,
                            @Schema(nullable = true, description = "null when no GAD-7 was given") UUID gad7MeasureId) {
    }

    @Schema(name = "ReassignmentAnswer", description = "The new therapist, the future bookings that moved to them and "
            + "those cancelled because they are busy at that time")
    record Reassigned(UUID episodeId, UUID therapistId, List<Integer> movedSessions, List<Integer> cancelledSessions) {
    }

    @Schema(name = "RiskAssessmentAnswer", description = "The id of the recorded risk assessment")
    record RiskAssessed(UUID episodeId, UUID riskAssessmentId) {
    }
}
