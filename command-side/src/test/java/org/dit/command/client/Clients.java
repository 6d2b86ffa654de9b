package org.dit.command.client;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.dit.events.ClientId;
import org.dit.events.client.ClientDetails;
import org.dit.events.client.ClientRegistered;
import org.dit.events.client.ContactMethod;
import org.dit.events.client.EthnicCategory;
import org.dit.events.client.Gender;

/** Invented clients as the tests tell them; NHS numbers from the 999 range, which is never issued to people. */
public final class Clients {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T09:00:00Z"), ZoneId.of("Europe/London"));
    public static final ClientId CLIENT = ClientId.of("3b9f2c1e-8d47-4a6b-9e2f-1c0d5a7b8e01");
    public static final ClientId OTHER_CLIENT = ClientId.of("3b9f2c1e-8d47-4a6b-9e2f-1c0d5a7b8e02");
    /** 999 000 0018: a test number with a right check digit. */
    public static final String NHS_NUMBER = "9990000018";
    public static final String OTHER_NHS_NUMBER = "9990000026";

    private Clients() {
    }

    /** The details as a clinic would type them: spaces in the NHS number, lower-case postcode and practice code. */
    public static ClientDetails typed() {
        return new ClientDetails("999 000 0018", null, " Testa ", "Clientson (test)", LocalDate.of(1990, 5, 17),
                Gender.NOT_STATED, EthnicCategory.Z, "ls1 4ap", "0113 496 0000", "testa@example.org", "b86001", "en", null,
                List.of(ContactMethod.LETTER, ContactMethod.EMAIL, ContactMethod.LETTER));
    }

    /** The same details in canonical form. */
    public static ClientDetails canonical() {
        return new ClientDetails(NHS_NUMBER, null, "Testa", "Clientson (test)", LocalDate.of(1990, 5, 17),
                Gender.NOT_STATED, EthnicCategory.Z, "LS1 4AP", "0113 496 0000", "testa@example.org", "B86001", "en", false,
                List.of(ContactMethod.LETTER, ContactMethod.EMAIL));
    }

    public static ClientDetails withNhsNumber(ClientDetails d, String nhsNumber, String unavailableReason) {
        return new ClientDetails(nhsNumber, unavailableReason, d.givenName(), d.familyName(), d.dateOfBirth(), d.gender(),
                d.ethnicCategory(), d.postcode(), d.phone(), d.email(), d.gpPracticeCode(), d.preferredLanguage(),
                d.interpreterNeeded(), d.contactConsent());
    }

    public static ClientDetails withPostcode(ClientDetails d, String postcode) {
        return new ClientDetails(d.nhsNumber(), d.nhsNumberUnavailableReason(), d.givenName(), d.familyName(),
                d.dateOfBirth(), d.gender(), d.ethnicCategory(), postcode, d.phone(), d.email(), d.gpPracticeCode(),
                d.preferredLanguage(), d.interpreterNeeded(), d.contactConsent());
    }

    public static ClientDetails bornOn(ClientDetails d, LocalDate dateOfBirth) {
        return new ClientDetails(d.nhsNumber(), d.nhsNumberUnavailableReason(), d.givenName(), d.familyName(), dateOfBirth,
                d.gender(), d.ethnicCategory(), d.postcode(), d.phone(), d.email(), d.gpPracticeCode(),
                d.preferredLanguage(), d.interpreterNeeded(), d.contactConsent());
    }

    public static ClientRegistered registered() {
        return new ClientRegistered(CLIENT, canonical());
    }
}
