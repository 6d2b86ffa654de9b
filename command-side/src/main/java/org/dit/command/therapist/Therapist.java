package org.dit.command.therapist;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dit.command.InvalidInput;
import org.dit.events.TherapistId;
import org.dit.events.therapist.Accreditation;
import org.dit.events.therapist.TherapistDeactivated;
import org.dit.events.therapist.TherapistMaxCaseloadChanged;
import org.dit.events.therapist.TherapistRegistered;

/**
 * A therapist of the service. Capacity and diary checks across episodes read the roster's lookups, which follow this
 * aggregate's events (RosterUpdater); the rules about the therapist alone are decided here.
 */
@Aggregate(cache = "aggregateCache")
class Therapist {

    static final int MAX_CASELOAD_LIMIT = 200;

    @AggregateIdentifier
    private TherapistId therapistId;
    private int maxCaseload;
    private boolean active;

    Therapist() {
    }

    @CommandHandler
    Therapist(RegisterTherapist command, TherapistRoster roster) {
        String name = InvalidInput.requireText("name", command.name());
        Accreditation accreditation = InvalidInput.require("accreditation", command.accreditation());
        int maxCaseload = requireCaseloadInRange(command.maxCaseload());
        if (accreditation == Accreditation.IN_TRAINING && command.supervisorId() == null) {
            throw new InvalidInput("supervisorId", "is required for a therapist in training");
        }
        if (command.supervisorId() != null) {
            roster.requireQualifiedSupervisor(command.supervisorId());
        }
        apply(new TherapistRegistered(command.therapistId(), name, accreditation, command.supervisorId(), maxCaseload));
    }

    /** A maximum below the episodes held now is accepted: no one is taken away, and no one is allocated until below it. */
    @CommandHandler
    CaseloadChange handle(ChangeMaxCaseload command, TherapistRoster roster) {
        int changed = requireCaseloadInRange(command.maxCaseload());
        requireActive();
        if (changed == maxCaseload) {
            throw new MaxCaseloadUnchanged("therapist " + therapistId + " already has a maximum caseload of " + maxCaseload);
        }
        int held = roster.openEpisodes(therapistId).size();
        apply(new TherapistMaxCaseloadChanged(therapistId, changed, maxCaseload));
        return new CaseloadChange(changed, held);
    }

    @CommandHandler
    Deactivation handle(DeactivateTherapist command, TherapistRoster roster, Clock clock) {
        requireActive();
        String reason = command.reason() == null || command.reason().isBlank() ? null : command.reason().strip();
        apply(new TherapistDeactivated(therapistId, LocalDate.now(clock), reason));
        return new Deactivation(roster.openEpisodes(therapistId));
    }

    private void requireActive() {
        if (!active) {
            throw new TherapistInactive("therapist " + therapistId + " is no longer active");
        }
    }

    private static int requireCaseloadInRange(Integer maxCaseload) {
        int max = InvalidInput.require("maxCaseload", maxCaseload);
        if (max < 1 || max > MAX_CASELOAD_LIMIT) {
            throw new InvalidInput("maxCaseload", "must be between 1 and " + MAX_CASELOAD_LIMIT);
        }
        return max;
    }

    @EventSourcingHandler
    void on(TherapistRegistered event) {
        this.therapistId = event.therapistId();
        this.maxCaseload = event.maxCaseload();
        this.active = true;
    }

    @EventSourcingHandler
    void on(TherapistMaxCaseloadChanged event) {
        this.maxCaseload = event.maxCaseload();
    }

    @EventSourcingHandler
    void on(TherapistDeactivated event) {
        this.active = false;
    }
}
