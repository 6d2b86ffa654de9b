package org.dit.query.client;

import java.time.LocalDate;

import org.dit.events.client.EthnicCategory;
import org.dit.events.client.Gender;

/** What the equality breakdowns need to know of a client: nothing else of their record leaves the client read model. */
public record ClientDemographics(Gender gender, EthnicCategory ethnicCategory, LocalDate dateOfBirth) {
}
