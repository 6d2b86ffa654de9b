package org.dit.command.therapist;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dit.command.InvalidInput;
import org.dit.events.TherapistId;
import org.dit.events.therapist.Accreditation;
import org.dit.events.therapist.TherapistRegistered;

/** A therapist of the service. */
@Aggregate(cache = "aggregateCache")
class Therapist {

    static final int MAX_CASELOAD_LIMIT = 200;

    @AggregateIdentifier
    private TherapistId therapistId;

    Therapist() {
    }

    @CommandHandler
    Therapist(RegisterTherapist command, TherapistRoster roster) {
        String name = InvalidInput.requireText("name", command.name());
        Accreditation accreditation = InvalidInput.require("accreditation", command.accreditation());
        int maxCaseload = InvalidInput.require("maxCaseload", command.maxCaseload());
        if (maxCaseload < 1 || maxCaseload > MAX_CASELOAD_LIMIT) {
            throw new InvalidInput("maxCaseload", "must be between 1 and " + MAX_CASELOAD_LIMIT);
        }
        if (accreditation == Accreditation.IN_TRAINING && command.supervisorId() == null) {
            throw new InvalidInput("supervisorId", "is required for a therapist in training");
        }
        if (command.supervisorId() != null) {
            roster.requireQualifiedSupervisor(command.supervisorId());
        }
        apply(new TherapistRegistered(command.therapistId(), name, accreditation, command.supervisorId(), maxCaseload));
    }

    @EventSourcingHandler
    void on(TherapistRegistered event) {
        this.therapistId = event.therapistId();
    }
}
