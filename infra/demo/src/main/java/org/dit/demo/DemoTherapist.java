package org.dit.demo;

import org.dit.events.TherapistId;
import org.dit.events.therapist.Accreditation;

/** A therapist of the demo clinic; {@code approver} is who signs off a course extension for them. */
record DemoTherapist(TherapistId id, String name, Accreditation accreditation, TherapistId supervisorId, int maxCaseload,
                     String approver) {
}
