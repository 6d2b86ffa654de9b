package org.dit.query.episode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.dit.events.episode.EndReason;
import org.dit.events.episode.EpisodeStatus;
import org.dit.events.episode.Instrument;
import org.dit.events.episode.Phase;
import org.dit.events.episode.RiskLevel;
import org.dit.events.episode.SessionMode;
import org.dit.events.episode.SessionState;
import org.dit.events.episode.Severity;
import org.dit.query.client.ClientLabel;
import org.dit.query.facts.EpisodeFacts;

/** GET /api/episodes/{id} (docs/design.md §5). */
public record EpisodeView(UUID episodeId, UUID clientId, EpisodeStatus status, Phase phase, int courseLength,
                          @Schema(nullable = true, description = "null until a therapist is allocated") UUID therapistId,
                          List<SessionView> sessions,
                          @Schema(nullable = true, description = "null until a focus is agreed") FocusView focus,
                          @Schema(nullable = true, description = "null until the letter is shared") LocalDate goodbyeLetterSharedOn,
                          List<MeasureView> measures,
                          @Schema(nullable = true, description = "null until the episode ends") LocalDate endedOn,
                          @Schema(nullable = true, description = "null until the episode ends") EndReason endReason,
                          List<RiskAssessmentView> riskAssessments, List<RiskIndicationView> riskIndications,
                          @Schema(nullable = true, description = "null until a follow-up is booked") FollowUpView followUp,
                          @Schema(nullable = true, description = "the client's name, \"Family, Given\"; null when "
                                  + "unregistered or forgotten, and in the audit views") String clientName,
                          @Schema(nullable = true, description = "the client's NHS number; null when they have none, are "
                                  + "unregistered or forgotten, and in the audit views") String nhsNumber) {

    public EpisodeView {
        sessions = List.copyOf(sessions);
        measures = List.copyOf(measures);
        riskAssessments = List.copyOf(riskAssessments);
        riskIndications = List.copyOf(riskIndications);
    }

    /** The same view, folded from an episode's facts (used to show an episode as it stood at a past moment). */
    public static EpisodeView of(EpisodeFacts facts) {
        return new EpisodeView(facts.episodeId(), facts.clientId(), facts.status(), facts.phase(), facts.courseLength(),
                facts.therapistId(),
                facts.sessions().stream().map(s -> new SessionView(s.number(), s.startsAt(), s.durationMinutes(), s.mode(),
                        s.state(), s.note())).toList(),
                facts.focus() == null ? null : new FocusView(facts.focus().selfRepresentation(),
                        facts.focus().otherRepresentation(), facts.focus().affect(), facts.focus().defensiveFunction()),
                facts.goodbyeLetterSharedOn(),
                facts.measures().stream().map(EpisodeView::measure).toList(),
                facts.endedOn(), facts.endReason(),
                facts.riskAssessments().stream().map(r -> new RiskAssessmentView(r.riskAssessmentId(), r.assessedOn(), r.level(),
                        r.riskToSelf(), r.riskToOthers(), r.riskFromOthers(), r.safetyPlan(), r.actions(), r.reviewBy())).toList(),
                facts.riskIndications().stream().map(r -> new RiskIndicationView(r.measureId(), r.item9(), r.recordedOn(),
                        r.open(), r.clearedBy(), r.enteredInError())).toList(),
                facts.followUp() == null ? null : new FollowUpView(facts.followUp().startsAt(),
                        facts.followUp().durationMinutes(), facts.followUp().mode(), facts.followUp().state(),
                        facts.followUp().measures().stream().map(EpisodeView::measure).toList()),
                null, null);
    }

    /** The same view naming its client, for staff who may read the client's record. */
    public EpisodeView withClient(ClientLabel label) {
        return label == null ? this : new EpisodeView(episodeId, clientId, status, phase, courseLength, therapistId, sessions,
                focus, goodbyeLetterSharedOn, measures, endedOn, endReason, riskAssessments, riskIndications, followUp,
                label.name(), label.nhsNumber());
    }

    private static MeasureView measure(EpisodeFacts.MeasureFact m) {
        return new MeasureView(m.measureId(), m.instrument(), m.total(), m.instrument().severity(m.total()), m.recordedOn(),
                m.enteredInError());
    }

    public record SessionView(int number, Instant startsAt, int durationMinutes, SessionMode mode, SessionState state,
                              @Schema(nullable = true, description = "null until a note is written, and after the client "
                                      + "is erased") String note) {
    }

    public record FocusView(String selfRepresentation, String otherRepresentation, String affect, String defensiveFunction) {
    }

    public record MeasureView(UUID measureId, Instrument instrument, int total, Severity severity, LocalDate recordedOn,
                              boolean enteredInError) {
    }

    public record RiskAssessmentView(UUID riskAssessmentId, LocalDate assessedOn, RiskLevel level, RiskLevel riskToSelf,
                                     RiskLevel riskToOthers, RiskLevel riskFromOthers,
                                     @Schema(nullable = true, description = "null after the client is erased") String safetyPlan,
                                     @Schema(nullable = true, description = "null after the client is erased") String actions,
                                     LocalDate reviewBy) {
    }

    /** @param clearedBy the risk assessment that cleared it, or null */
    public record RiskIndicationView(UUID measureId, int item9, LocalDate recordedOn, boolean open,
                                     @Schema(nullable = true, description = "the risk assessment that cleared it; null "
                                             + "while open") UUID clearedBy,
                                     boolean enteredInError) {
    }

    /** The follow-up after the ending: its scores are its own and change no outcome of treatment. */
    public record FollowUpView(Instant startsAt, int durationMinutes, SessionMode mode, SessionState state,
                               List<MeasureView> measures) {
    }
}
