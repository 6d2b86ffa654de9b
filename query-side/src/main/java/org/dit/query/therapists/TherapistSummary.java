package org.dit.query.therapists;

import java.util.UUID;

import org.dit.events.therapist.Accreditation;

/** GET /api/therapists: one therapist as the clinic runs them. */
public record TherapistSummary(UUID therapistId, String name, Accreditation accreditation, UUID supervisorId, boolean active,
                               int maxCaseload, int activeEpisodes) {
}
