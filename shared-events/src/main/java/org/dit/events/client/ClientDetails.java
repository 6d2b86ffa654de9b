package org.dit.events.client;

import java.time.LocalDate;
import java.util.List;

/**
 * Who the client is and how to reach them: all of it personal data. Either {@code nhsNumber} (ten digits, no
 * spaces) or {@code nhsNumberUnavailableReason} is present.
 *
 * @param gpPracticeCode  the ODS code of the client's GP practice
 * @param preferredLanguage a language tag such as {@code en} or {@code pl}
 * @param contactConsent  the ways the client agreed to be contacted, possibly none
 */
public record ClientDetails(String nhsNumber, String nhsNumberUnavailableReason, String givenName, String familyName,
                            LocalDate dateOfBirth, Gender gender, EthnicCategory ethnicCategory, String postcode,
                            String phone, String email, String gpPracticeCode, String preferredLanguage,
                            Boolean interpreterNeeded, List<ContactMethod> contactConsent) {

    public ClientDetails {
        contactConsent = contactConsent == null ? List.of() : List.copyOf(contactConsent);
    }
}
