package org.dit.query.caseload;

import java.util.UUID;

/** One therapist's caseload with its entries. */
public record FindCaseload(UUID therapistId) {
}
