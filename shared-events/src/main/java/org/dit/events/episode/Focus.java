package org.dit.events.episode;

/** The interpersonal-affective focus (IPAF): the repeating pattern of relating that the therapy works on. */
public record Focus(String selfRepresentation, String otherRepresentation, String affect, String defensiveFunction) {
}
