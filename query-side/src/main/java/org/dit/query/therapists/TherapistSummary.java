package org.dit.query.therapists;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.dit.events.therapist.Accreditation;

/** GET /api/therapists: one therapist as the clinic runs them. */
public record TherapistSummary(UUID therapistId, String name, Accreditation accreditation, @Schema(nullable = true, description = "the supervising therapist of one IN_TRAINING; null for a QUALIFIED therapist")
                               UUID supervisorId, boolean active,
                               int maxCaseload, int activeEpisodes) {
}
