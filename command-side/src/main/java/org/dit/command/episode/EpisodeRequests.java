package org.dit.command.episode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.dit.events.episode.CancelledBy;
import org.dit.events.episode.EndReason;
import org.dit.events.episode.Instrument;
import org.dit.events.episode.Phase;
import org.dit.events.episode.PresentingProblem;
import org.dit.events.episode.Priority;
import org.dit.events.episode.RiskLevel;
import org.dit.events.episode.SessionMode;
import org.dit.events.episode.SessionOutcome;

/** The bodies of the episode commands (docs/design.md §5). Shape is checked here; clinical rules in {@link Episode}. */
final class EpisodeRequests {

    static final int SHORT_TEXT = 200;
    static final int LONG_TEXT = 4000;
    static final String PHQ9 = "The 9 PHQ-9 answers in questionnaire order, each 0 to 3";
    static final String GAD7 = "The 7 GAD-7 answers in questionnaire order, each 0 to 3";

    private EpisodeRequests() {
    }

    record Referral(
            @Schema(example = "5f0c7d5e-2b8a-4c61-9a57-3f1f2d3c4b5a") @NotNull UUID clientId,
            @Schema(example = "GP") @NotBlank @Size(max = SHORT_TEXT) String referralSource,
            @Schema(example = "2026-03-02") @NotNull LocalDate referredOn,
            @Schema(example = "DEPRESSION") @NotNull PresentingProblem presentingProblem,
            @Schema(example = "ROUTINE") @NotNull Priority priority) {
    }

    record Assessment(
            @Schema(example = "2026-03-09") @NotNull LocalDate assessedOn,
            @Schema(example = "true") @NotNull Boolean suitable,
            @ArraySchema(arraySchema = @Schema(description = PHQ9, example = "[2, 2, 1, 2, 1, 2, 1, 1, 0]"), minItems = 9,
                    maxItems = 9, schema = @Schema(minimum = "0", maximum = "3")) @NotNull List<Integer> phq9,
            @ArraySchema(arraySchema = @Schema(description = GAD7, example = "[2, 1, 2, 1, 1, 2, 1]"), minItems = 7,
                    maxItems = 7, schema = @Schema(minimum = "0", maximum = "3")) @NotNull List<Integer> gad7,
            @Schema(example = "Low mood since a separation; motivated for a relational focus.") @Size(max = LONG_TEXT) String notes) {
    }

    record Allocation(
            @Schema(example = "0e3a1f0a-7b7e-4a3c-8f1e-2d7c9b6a5e41") @NotNull UUID therapistId,
            @Schema(example = "2026-03-16") @NotNull LocalDate allocatedOn) {
    }

    record Booking(
            @Schema(example = "2026-03-23T09:00:00Z") @NotNull Instant startsAt,
            @Schema(example = "50", defaultValue = "50") @Min(1) @Max(EpisodePolicy.MAX_SESSION_MINUTES) Integer durationMinutes,
            @Schema(example = "IN_PERSON") @NotNull SessionMode mode) {
    }

    record Reschedule(@Schema(example = "2026-03-24T10:00:00Z") @NotNull Instant startsAt) {
    }

    record Cancellation(
            @Schema(example = "CLIENT") @NotNull CancelledBy cancelledBy,
            @Schema(example = "Unwell") @Size(max = LONG_TEXT) String reason) {
    }

    record Attendance(
            @ArraySchema(arraySchema = @Schema(description = PHQ9 + "; none when not completed in the session",
                    example = "[1, 2, 1, 1, 1, 1, 0, 1, 0]"), minItems = 9, maxItems = 9,
                    schema = @Schema(minimum = "0", maximum = "3")) List<Integer> phq9,
            @ArraySchema(arraySchema = @Schema(description = GAD7 + "; none when not completed in the session",
                    example = "[1, 1, 1, 0, 1, 1, 0]"), minItems = 7, maxItems = 7,
                    schema = @Schema(minimum = "0", maximum = "3")) List<Integer> gad7) {
    }

    record Correction(
            @Schema(example = "MISSED") @NotNull SessionOutcome outcome,
            @Schema(example = "Recorded against the wrong client") @NotBlank @Size(max = LONG_TEXT) String reason) {
    }

    record FocusProposal(
            @Schema(example = "Unwanted, easily pushed aside") @NotBlank @Size(max = LONG_TEXT) String selfRepresentation,
            @Schema(example = "Critical and preoccupied with themselves") @NotBlank @Size(max = LONG_TEXT) String otherRepresentation,
            @Schema(example = "Resentment, then guilt") @NotBlank @Size(max = LONG_TEXT) String affect,
            @Schema(example = "Keeps quiet to avoid being rejected outright") @NotBlank @Size(max = LONG_TEXT) String defensiveFunction,
            @Schema(description = "Required to revise an agreed focus") @Size(max = LONG_TEXT) String reason) {
    }

    record Measure(
            @Schema(example = "PHQ9") @NotNull Instrument instrument,
            @ArraySchema(arraySchema = @Schema(description = "The answers in questionnaire order, each 0 to 3: 9 for PHQ9, 7 for GAD7",
                    example = "[1, 1, 1, 0, 1, 1, 0, 1, 0]"), minItems = 7, maxItems = 9,
                    schema = @Schema(minimum = "0", maximum = "3")) @NotNull List<Integer> items,
            @Schema(example = "2026-04-01") @NotNull LocalDate recordedOn) {
    }

    record EnteredInError(@Schema(example = "Scores belonged to another client") @NotBlank @Size(max = LONG_TEXT) String reason) {
    }

    record GoodbyeLetter(@Schema(example = "2026-06-15") @NotNull LocalDate sharedOn) {
    }

    record Extension(
            @Schema(example = "2") @NotNull @Min(1) @Max(4) Integer additionalSessions,
            @Schema(example = "Dr A. Supervisor") @NotBlank @Size(max = SHORT_TEXT) String approvedBy,
            @Schema(example = "Bereavement during the middle phase") @NotBlank @Size(max = LONG_TEXT) String reason) {
    }

    record Ending(
            @Schema(example = "2026-07-06") @NotNull LocalDate endedOn,
            @Schema(example = "COMPLETED") @NotNull EndReason reason) {
    }

    record RiskAssessment(
            @Schema(example = "2026-04-06") @NotNull LocalDate assessedOn,
            @Schema(example = "MODERATE") @NotNull RiskLevel level,
            @Schema(example = "MODERATE") @NotNull RiskLevel riskToSelf,
            @Schema(example = "LOW") @NotNull RiskLevel riskToOthers,
            @Schema(example = "LOW") @NotNull RiskLevel riskFromOthers,
            @Schema(example = "Calls her sister when the thoughts come; crisis line number agreed") @NotBlank @Size(max = LONG_TEXT) String safetyPlan,
            @Schema(example = "GP informed; reviewed in supervision") @NotBlank @Size(max = LONG_TEXT) String actions,
            @Schema(example = "2026-04-20") @NotNull LocalDate reviewBy) {
    }

    record Reassignment(
            @Schema(example = "0e3a1f0a-7b7e-4a3c-8f1e-2d7c9b6a5e41") @NotNull UUID therapistId,
            @Schema(example = "Therapist leaving the service") @NotBlank @Size(max = LONG_TEXT) String reason) {
    }

    record CourseLength(
            @Schema(example = "12") @NotNull @Min(1) @Max(Phase.MAX_COURSE_LENGTH) Integer courseLength,
            @Schema(example = "Client and therapist agreed the focus is resolved; ending early") @NotBlank @Size(max = LONG_TEXT) String reason,
            @Schema(description = "The approving supervisor; required below 12 sessions", example = "Dr A. Supervisor") @Size(max = SHORT_TEXT) String approvedBy) {
    }

    record Note(@Schema(example = "Talked about her sister's visit; noticed the familiar pull to keep quiet.") @NotBlank
                @Size(max = EpisodePolicy.MAX_NOTE_LENGTH) String text) {
    }

    record FollowUp(
            @Schema(example = "2026-09-07T09:00:00Z") @NotNull Instant startsAt,
            @Schema(example = "50", defaultValue = "50") @Min(1) @Max(EpisodePolicy.MAX_SESSION_MINUTES) Integer durationMinutes,
            @Schema(example = "VIDEO") @NotNull SessionMode mode) {
    }
}
