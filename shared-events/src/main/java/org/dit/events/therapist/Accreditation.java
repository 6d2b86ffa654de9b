package org.dit.events.therapist;

public enum Accreditation {
    QUALIFIED, IN_TRAINING
}
