package org.dit.command.episode;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.dit.command.web.CommandRunner;
import org.dit.events.ClientId;
import org.dit.events.EpisodeId;
import org.dit.events.MeasureId;
import org.dit.events.RiskAssessmentId;
import org.dit.events.TherapistId;
import org.dit.events.episode.Focus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The episode commands of docs/design.md §5: every POST is idempotent under an Idempotency-Key. Ids a command introduces come
 * from {@link CommandRunner#newId}, never from a random source here, so that a repeat with the same key builds the
 * same command and receives the same answer. Each method's {@code @ApiResponse} is its success answer in the API document;
 * the refusals every command shares are added there by org.dit.http.ApiDocument.
 */
@RestController
@RequestMapping("/api/episodes")
@Tag(name = "Episode commands", description = "Referral to ending: each call appends events or is refused and appends nothing")
class EpisodeController {

    private final CommandRunner runner;

    EpisodeController(CommandRunner runner) {
        this.runner = runner;
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Refer a client (opens an episode)")
    @ApiResponse(responseCode = "404", description = "The client is not registered (`/problems/client-not-found`, with "
            + "its `clientId`)")
    @ApiResponse(responseCode = "201", description = "Referred: the new episode",
            headers = @Header(name = "Location", required = true, description = "/api/episodes/{episodeId}", schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = EpisodeAnswers.Recorded.class)))
    ResponseEntity<Object> refer(@Valid @RequestBody EpisodeRequests.Referral body, HttpServletRequest request) {
        EpisodeId episodeId = new EpisodeId(runner.newId(request, "episodeId"));
        return runner.run(request, body, new ReferClient(episodeId, new ClientId(body.clientId()), body.referralSource(),
                        body.referredOn(), body.presentingProblem(), body.priority()),
                result -> ResponseEntity.created(URI.create("/api/episodes/" + episodeId))
                        .body(new EpisodeAnswers.Recorded(episodeId.value())));
    }

    @PostMapping("/{episodeId}/assessment")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Record the assessment; suitable clients join the waiting list, others' episodes end")
    @ApiResponse(responseCode = "200", description = "Assessed",
            content = @Content(schema = @Schema(implementation = EpisodeAnswers.Assessed.class)))
    ResponseEntity<Object> assess(@PathVariable UUID episodeId, @Valid @RequestBody EpisodeRequests.Assessment body,
                                  HttpServletRequest request) {
        MeasureId phq9 = new MeasureId(runner.newId(request, "phq9MeasureId"));
        MeasureId gad7 = new MeasureId(runner.newId(request, "gad7MeasureId"));
        return runner.run(request, body, new RecordAssessment(new EpisodeId(episodeId), body.assessedOn(), body.suitable(),
                        body.phq9(), body.gad7(), body.notes(), phq9, gad7),
                result -> ResponseEntity.ok(new EpisodeAnswers.Assessed(episodeId, phq9.value(), gad7.value())));
    }

    @PostMapping("/{episodeId}/allocation")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Allocate a therapist to a waiting client")
    @ApiResponse(responseCode = "200", description = "Recorded",
            content = @Content(schema = @Schema(implementation = EpisodeAnswers.Recorded.class)))
    ResponseEntity<Object> allocate(@PathVariable UUID episodeId, @Valid @RequestBody EpisodeRequests.Allocation body,
                                    HttpServletRequest request) {
        return send(request, body, episodeId,
                new AllocateTherapist(new EpisodeId(episodeId), new TherapistId(body.therapistId()), body.allocatedOn()));
    }

    @PostMapping("/{episodeId}/sessions")
    @PreAuthorize("@access.adminOrClinicianOf(authentication, #episodeId)")
    @Operation(summary = "Book the next session; answers its number in the course")
    @ApiResponse(responseCode = "201", description = "Booked",
            content = @Content(schema = @Schema(implementation = EpisodeAnswers.Booked.class)))
    ResponseEntity<Object> book(@PathVariable UUID episodeId, @Valid @RequestBody EpisodeRequests.Booking body,
                                HttpServletRequest request) {
        int duration = body.durationMinutes() == null ? 50 : body.durationMinutes();
        return runner.run(request, body, new BookSession(new EpisodeId(episodeId), body.startsAt(), duration, body.mode()),
                number -> ResponseEntity.status(201).body(new EpisodeAnswers.Booked(episodeId, (Integer) number)));
    }

    @PostMapping("/{episodeId}/sessions/{number}/reschedule")
    @PreAuthorize("@access.adminOrClinicianOf(authentication, #episodeId)")
    @Operation(summary = "Move a booked session")
    @ApiResponse(responseCode = "200", description = "Recorded",
            content = @Content(schema = @Schema(implementation = EpisodeAnswers.Recorded.class)))
    ResponseEntity<Object> reschedule(@PathVariable UUID episodeId, @PathVariable int number,
                                      @Valid @RequestBody EpisodeRequests.Reschedule body, HttpServletRequest request) {
        return send(request, body, episodeId, new RescheduleSession(new EpisodeId(episodeId), number, body.startsAt()));
    }

    @PostMapping("/{episodeId}/sessions/{number}/cancellation")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Cancel a booked session; its number is free again")
    @ApiResponse(responseCode = "200", description = "Recorded",
            content = @Content(schema = @Schema(implementation = EpisodeAnswers.Recorded.class)))
    ResponseEntity<Object> cancel(@PathVariable UUID episodeId, @PathVariable int number,
                                  @Valid @RequestBody EpisodeRequests.Cancellation body, HttpServletRequest request) {
        return send(request, body, episodeId,
                new CancelSession(new EpisodeId(episodeId), number, body.cancelledBy(), body.reason()));
    }

    @PostMapping("/{episodeId}/sessions/{number}/attendance")
    @PreAuthorize("@access.clinicianOf(authentication, #episodeId)")
    @Operation(summary = "Record attendance, with the PHQ-9 and GAD-7 completed in the session")
    @ApiResponse(responseCode = "200", description = "Attended",
            content = @Content(schema = @Schema(implementation = EpisodeAnswers.Attended.class)))
    ResponseEntity<Object> attend(@PathVariable UUID episodeId, @PathVariable int number,
                                  @Valid @RequestBody(required = false) EpisodeRequests.Attendance body,
                                  HttpServletRequest request) {
        EpisodeRequests.Attendance given = body == null ? new EpisodeRequests.Attendance(null, null) : body;
        MeasureId phq9 = given.phq9() == null ? null : new MeasureId(runner.newId(request, "phq9MeasureId"));
        MeasureId gad7 = given.gad7() == null ? null : new MeasureId(runner.newId(request, "gad7MeasureId"));
        EpisodeAnswers.Attended answer = new EpisodeAnswers.Attended(episodeId, number, phq9 == null ? null : phq9.value(),
                gad7 == null ? null : gad7.value());
        return runner.run(request, given, new RecordAttendance(new EpisodeId(episodeId), number, given.phq9(), given.gad7(),
                phq9, gad7), result -> ResponseEntity.ok(answer));
    }

    @PostMapping("/{episodeId}/sessions/{number}/missed")
    @PreAuthorize("@access.clinicianOf(authentication, #episodeId)")
    @Operation(summary = "Record that the client did not attend")
    @ApiResponse(responseCode = "200", description = "Recorded",
            content = @Content(schema = @Schema(implementation = EpisodeAnswers.Recorded.class)))
    ResponseEntity<Object> missed(@PathVariable UUID episodeId, @PathVariable int number, HttpServletRequest request) {
        return send(request, Map.of(), episodeId, new RecordMissedSession(new EpisodeId(episodeId), number));
    }

    @PostMapping("/{episodeId}/sessions/{number}/note")
    @PreAuthorize("@access.clinicianOf(authentication, #episodeId)")
    @Operation(summary = "Write the short note of an attended session (at most 4,000 characters)")
    @ApiResponse(responseCode = "200", description = "Written",
            content = @Content(schema = @Schema(implementation = EpisodeAnswers.Noted.class)))
    ResponseEntity<Object> note(@PathVariable UUID episodeId, @PathVariable int number,
                                @Valid @RequestBody EpisodeRequests.Note body, HttpServletRequest request) {
        return runner.run(request, body, new WriteSessionNote(new EpisodeId(episodeId), number, body.text()),
                result -> ResponseEntity.ok(new EpisodeAnswers.Noted(episodeId, number)));
    }

    @PostMapping("/{episodeId}/sessions/{number}/correction")
    @PreAuthorize("@access.clinicianOf(authentication, #episodeId)")
    @Operation(summary = "Correct a recorded session outcome (a new event; the original stays in the history)")
    @ApiResponse(responseCode = "200", description = "Recorded",
            content = @Content(schema = @Schema(implementation = EpisodeAnswers.Recorded.class)))
    ResponseEntity<Object> correct(@PathVariable UUID episodeId, @PathVariable int number,
                                   @Valid @RequestBody EpisodeRequests.Correction body, HttpServletRequest request) {
        return send(request, body, episodeId,
                new CorrectSessionOutcome(new EpisodeId(episodeId), number, body.outcome(), body.reason()));
    }

    @PostMapping("/{episodeId}/focus")
    @PreAuthorize("@access.clinicianOf(authentication, #episodeId)")
    @Operation(summary = "Agree the interpersonal-affective focus, or revise it with a reason")
    @ApiResponse(responseCode = "200", description = "Recorded",
            content = @Content(schema = @Schema(implementation = EpisodeAnswers.Recorded.class)))
    ResponseEntity<Object> focus(@PathVariable UUID episodeId, @Valid @RequestBody EpisodeRequests.FocusProposal body,
                                 HttpServletRequest request) {
        Focus focus = new Focus(body.selfRepresentation(), body.otherRepresentation(), body.affect(), body.defensiveFunction());
        return send(request, body, episodeId, new AgreeFocus(new EpisodeId(episodeId), focus, body.reason()));
    }

    @PostMapping("/{episodeId}/measures")
    @PreAuthorize("@access.clinicianOf(authentication, #episodeId)")
    @Operation(summary = "Record a PHQ-9 or GAD-7 outside a session")
    @ApiResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = EpisodeAnswers.Measured.class)))
    ResponseEntity<Object> measure(@PathVariable UUID episodeId, @Valid @RequestBody EpisodeRequests.Measure body,
                                   HttpServletRequest request) {
        MeasureId measureId = new MeasureId(runner.newId(request, "measureId"));
        return runner.run(request, body, new RecordOutcomeMeasure(new EpisodeId(episodeId), measureId, body.instrument(),
                        body.items(), body.recordedOn()),
                result -> ResponseEntity.status(201).body(new EpisodeAnswers.Measured(episodeId, measureId.value())));
    }

    @PostMapping("/{episodeId}/measures/{measureId}/entered-in-error")
    @PreAuthorize("@access.clinicianOf(authentication, #episodeId)")
    @Operation(summary = "Mark a measure as entered in error; metrics ignore it from then on")
    @ApiResponse(responseCode = "200", description = "Recorded",
            content = @Content(schema = @Schema(implementation = EpisodeAnswers.Recorded.class)))
    ResponseEntity<Object> enteredInError(@PathVariable UUID episodeId, @PathVariable UUID measureId,
                                          @Valid @RequestBody EpisodeRequests.EnteredInError body, HttpServletRequest request) {
        return send(request, body, episodeId,
                new MarkMeasureEnteredInError(new EpisodeId(episodeId), new MeasureId(measureId), body.reason()));
    }

    @PostMapping("/{episodeId}/goodbye-letter")
    @PreAuthorize("@access.clinicianOf(authentication, #episodeId)")
    @Operation(summary = "Record that the goodbye letter was shared (ending phase)")
    @ApiResponse(responseCode = "200", description = "Recorded",
            content = @Content(schema = @Schema(implementation = EpisodeAnswers.Recorded.class)))
    ResponseEntity<Object> goodbyeLetter(@PathVariable UUID episodeId, @Valid @RequestBody EpisodeRequests.GoodbyeLetter body,
                                         HttpServletRequest request) {
        return send(request, body, episodeId, new ShareGoodbyeLetter(new EpisodeId(episodeId), body.sharedOn()));
    }

    @PostMapping("/{episodeId}/extension")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Extend the course (a supervisor approves; at most 20 sessions in all)")
    @ApiResponse(responseCode = "200", description = "Recorded",
            content = @Content(schema = @Schema(implementation = EpisodeAnswers.Recorded.class)))
    ResponseEntity<Object> extend(@PathVariable UUID episodeId, @Valid @RequestBody EpisodeRequests.Extension body,
                                  HttpServletRequest request) {
        return send(request, body, episodeId,
                new ExtendCourse(new EpisodeId(episodeId), body.additionalSessions(), body.approvedBy(), body.reason()));
    }

    @PostMapping("/{episodeId}/course-length")
    @PreAuthorize("@access.clinicianOf(authentication, #episodeId)")
    @Operation(summary = "Agree a shorter course (at least 8 sessions; a supervisor approves below 12); phases follow the new length")
    @ApiResponse(responseCode = "200", description = "Recorded",
            content = @Content(schema = @Schema(implementation = EpisodeAnswers.Shortened.class)))
    ResponseEntity<Object> shorten(@PathVariable UUID episodeId, @Valid @RequestBody EpisodeRequests.CourseLength body,
                                   HttpServletRequest request) {
        return runner.run(request, body, new ShortenCourse(new EpisodeId(episodeId), body.courseLength(), body.reason(),
                body.approvedBy()), result -> ResponseEntity.ok(new EpisodeAnswers.Shortened(episodeId, body.courseLength())));
    }

    @PostMapping("/{episodeId}/follow-up")
    @PreAuthorize("@access.adminOrClinicianOf(authentication, #episodeId)")
    @Operation(summary = "Book the follow-up appointment after the ending (not a treatment session; the episode stays ended)")
    @ApiResponse(responseCode = "201", description = "Booked",
            content = @Content(schema = @Schema(implementation = EpisodeAnswers.FollowUpBooked.class)))
    ResponseEntity<Object> bookFollowUp(@PathVariable UUID episodeId, @Valid @RequestBody EpisodeRequests.FollowUp body,
                                        HttpServletRequest request) {
        int duration = body.durationMinutes() == null ? 50 : body.durationMinutes();
        return runner.run(request, body, new BookFollowUp(new EpisodeId(episodeId), body.startsAt(), duration, body.mode()),
                result -> ResponseEntity.status(201).body(new EpisodeAnswers.FollowUpBooked(episodeId, body.startsAt())));
    }

    @PostMapping("/{episodeId}/follow-up/attendance")
    @PreAuthorize("@access.clinicianOf(authentication, #episodeId)")
    @Operation(summary = "Record the follow-up with its PHQ-9 and GAD-7, reported apart from the scores of treatment")
    @ApiResponse(responseCode = "200", description = "Attended",
            content = @Content(schema = @Schema(implementation = EpisodeAnswers.FollowUpAttended.class)))
    ResponseEntity<Object> attendFollowUp(@PathVariable UUID episodeId,
                                          @Valid @RequestBody(required = false) EpisodeRequests.Attendance body,
                                          HttpServletRequest request) {
        EpisodeRequests.Attendance given = body == null ? new EpisodeRequests.Attendance(null, null) : body;
        MeasureId phq9 = given.phq9() == null ? null : new MeasureId(runner.newId(request, "phq9MeasureId"));
        MeasureId gad7 = given.gad7() == null ? null : new MeasureId(runner.newId(request, "gad7MeasureId"));
        EpisodeAnswers.FollowUpAttended answer = new EpisodeAnswers.FollowUpAttended(episodeId,
                phq9 == null ? null : phq9.value(), gad7 == null ? null : gad7.value());
        return runner.run(request, given, new RecordFollowUpAttendance(new EpisodeId(episodeId), given.phq9(), given.gad7(),
                phq9, gad7), result -> ResponseEntity.ok(answer));
    }

    @PostMapping("/{episodeId}/ending")
    @PreAuthorize("@access.adminOrClinicianOf(authentication, #episodeId)")
    @Operation(summary = "End therapy; open bookings are cancelled")
    @ApiResponse(responseCode = "200", description = "Recorded",
            content = @Content(schema = @Schema(implementation = EpisodeAnswers.Recorded.class)))
    ResponseEntity<Object> end(@PathVariable UUID episodeId, @Valid @RequestBody EpisodeRequests.Ending body,
                               HttpServletRequest request) {
        return send(request, body, episodeId, new EndTherapy(new EpisodeId(episodeId), body.endedOn(), body.reason()));
    }

    @PostMapping("/{episodeId}/reassignment")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Move the episode to another active therapist with room; future bookings follow where they are free, else are cancelled")
    @ApiResponse(responseCode = "200", description = "Reassigned",
            content = @Content(schema = @Schema(implementation = EpisodeAnswers.Reassigned.class)))
    ResponseEntity<Object> reassign(@PathVariable UUID episodeId, @Valid @RequestBody EpisodeRequests.Reassignment body,
                                    HttpServletRequest request) {
        return runner.run(request, body, new ReassignTherapist(new EpisodeId(episodeId), new TherapistId(body.therapistId()),
                body.reason()), result -> {
                    Reassignment reassignment = (Reassignment) result;
                    return ResponseEntity.ok(new EpisodeAnswers.Reassigned(episodeId, reassignment.therapistId().value(),
                            reassignment.movedSessions(), reassignment.cancelledSessions()));
                });
    }

    @PostMapping("/{episodeId}/risk-assessments")
    @PreAuthorize("@access.riskAssessorOf(authentication, #episodeId)")
    @Operation(summary = "Record a risk assessment; it clears the risk indications raised before it")
    @ApiResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = EpisodeAnswers.RiskAssessed.class)))
    ResponseEntity<Object> assessRisk(@PathVariable UUID episodeId, @Valid @RequestBody EpisodeRequests.RiskAssessment body,
                                      HttpServletRequest request) {
        RiskAssessmentId id = new RiskAssessmentId(runner.newId(request, "riskAssessmentId"));
        return runner.run(request, body, new RecordRiskAssessment(new EpisodeId(episodeId), id, body.assessedOn(), body.level(),
                        body.riskToSelf(), body.riskToOthers(), body.riskFromOthers(), body.safetyPlan(), body.actions(),
                        body.reviewBy()),
                result -> ResponseEntity.status(201).body(new EpisodeAnswers.RiskAssessed(episodeId, id.value())));
    }

    private ResponseEntity<Object> send(HttpServletRequest request, Object body, UUID episodeId, Object command) {
        return runner.run(request, body, command, result -> ResponseEntity.ok(new EpisodeAnswers.Recorded(episodeId)));
    }
}
