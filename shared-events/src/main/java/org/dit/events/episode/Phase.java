package org.dit.events.episode;

/**
 * The phase of a course, from the number of the last attended session n and the course length L:
 * not started (n = 0), initial (1-4), middle (5 to L-4), ending (L-3 to L).
 */
public enum Phase {
    NOT_STARTED, INITIAL, MIDDLE, ENDING;

    public static final int DEFAULT_COURSE_LENGTH = 16;
    public static final int MAX_COURSE_LENGTH = 20;
    /** The shortest course a therapist and client may agree: the initial phase and the ending phase, nothing less. */
    public static final int MIN_COURSE_LENGTH = 8;
    public static final int LAST_INITIAL_SESSION = 4;
    public static final int ENDING_SESSIONS = 4;

    public static Phase of(int lastAttendedSession, int courseLength) {
        if (lastAttendedSession <= 0) {
            return NOT_STARTED;
        }
        if (lastAttendedSession <= LAST_INITIAL_SESSION) {
            return INITIAL;
        }
        if (lastAttendedSession <= courseLength - ENDING_SESSIONS) {
            return MIDDLE;
        }
        return ENDING;
    }
}
