package org.dit.command.therapist;

/** The outcome of {@link ChangeMaxCaseload}: the new maximum and the episodes the therapist holds now. */
public record CaseloadChange(int maxCaseload, int activeEpisodes) {

    public boolean overCapacity() {
        return activeEpisodes > maxCaseload;
    }
}
