package org.dit.query.caseload;

import java.util.UUID;

/** GET /api/caseloads: one row per therapist. */
public record CaseloadSummary(UUID therapistId, String name, int activeEpisodes, int maxCaseload) {
}
