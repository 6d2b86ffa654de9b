package org.dit.events.therapist;

import org.axonframework.serialization.Revision;
import org.dit.events.TherapistId;

/** The most episodes the therapist may hold at once was changed; a maximum below the current load takes no one away. */
@Revision("1")
public record TherapistMaxCaseloadChanged(TherapistId therapistId, int maxCaseload, int previousMaxCaseload)
        implements TherapistEvent {
}
