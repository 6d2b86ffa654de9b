package org.dit.events.therapist;

import org.dit.events.TherapistId;

public sealed interface TherapistEvent permits TherapistRegistered, TherapistMaxCaseloadChanged, TherapistDeactivated {

    TherapistId therapistId();
}
