package org.dit.query.risk;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.dit.events.episode.Priority;
import org.dit.events.episode.RiskLevel;

/**
 * GET /api/risk: the episodes a supervisor should look at today, most urgent first.
 *
 * @param urgentAssessmentDays the days an URGENT referral may wait for its assessment (dit.urgent.assessment-days)
 */
public record RiskWorklist(LocalDate asOf, int urgentAssessmentDays, int count, List<Entry> entries) {

    public RiskWorklist {
        entries = List.copyOf(entries);
    }

    /**
     * @param riskLevel the latest risk assessment's level, or null when risk was never assessed
     * @param reasons   most urgent first
     * @param since     the clinic date the most urgent reason began: the earliest open indication's measure, the
     *                  day the urgent referral fell overdue, or the missed review date
     */
    @Schema(name = "RiskWorklistEntry")
    public record Entry(UUID episodeId, UUID clientId,
                        @Schema(nullable = true, description = "null until a therapist is allocated") UUID therapistId,
                        Priority priority,
                        @Schema(nullable = true, description = "the latest risk assessment's level; null when risk was "
                                + "never assessed") RiskLevel riskLevel,
                        @Schema(nullable = true, description = "the latest risk assessment's review date; null when "
                                + "risk was never assessed") LocalDate reviewBy,
                        List<RiskReason> reasons, LocalDate since) {

        public Entry {
            reasons = List.copyOf(reasons);
        }
    }
}
