package org.dit.command.therapist;

import org.dit.events.TherapistId;
import org.dit.events.therapist.Accreditation;
import org.dit.events.therapist.TherapistRegistered;

/** Therapists of the test clinic, and the roster that knows them. */
public final class Therapists {

    public static final TherapistId THERAPIST = TherapistId.of("7d3f8b52-1c4e-4a0b-9d5e-0a1b2c3d4e01");
    public static final String THERAPIST_NAME = "Alex Morgan";
    public static final int THERAPIST_CASELOAD = 12;

    public static final TherapistId SUPERVISOR = TherapistId.of("7d3f8b52-1c4e-4a0b-9d5e-0a1b2c3d4e02");
    public static final int SUPERVISOR_CASELOAD = 8;

    public static final TherapistId TRAINEE = TherapistId.of("7d3f8b52-1c4e-4a0b-9d5e-0a1b2c3d4e03");
    public static final String TRAINEE_NAME = "Sam Patel";
    public static final int TRAINEE_CASELOAD = 4;

    /** Registered, qualified, with room for exactly one client. */
    public static final TherapistId SINGLE_CLIENT_THERAPIST = TherapistId.of("7d3f8b52-1c4e-4a0b-9d5e-0a1b2c3d4e04");

    public static final TherapistId UNREGISTERED = TherapistId.of("7d3f8b52-1c4e-4a0b-9d5e-0a1b2c3d4eff");

    private Therapists() {
    }

    /** The clinic's roster: the therapist, the supervisor and the trainee registered; a single-client therapist too. */
    public static InMemoryTherapistRoster clinicRoster() {
        InMemoryTherapistRoster roster = new InMemoryTherapistRoster();
        roster.register(THERAPIST, Accreditation.QUALIFIED, THERAPIST_CASELOAD);
        roster.register(SUPERVISOR, Accreditation.QUALIFIED, SUPERVISOR_CASELOAD);
        roster.register(TRAINEE, Accreditation.IN_TRAINING, TRAINEE_CASELOAD);
        roster.register(SINGLE_CLIENT_THERAPIST, Accreditation.QUALIFIED, 1);
        return roster;
    }

    public static TherapistRegistered qualifiedTherapistRegistered() {
        return new TherapistRegistered(THERAPIST, THERAPIST_NAME, Accreditation.QUALIFIED, null, THERAPIST_CASELOAD);
    }
}
