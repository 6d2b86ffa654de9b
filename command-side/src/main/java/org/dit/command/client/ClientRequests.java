package org.dit.command.client;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dit.events.client.ClientDetails;
import org.dit.events.client.ContactMethod;
import org.dit.events.client.EthnicCategory;
import org.dit.events.client.Gender;

/** The bodies of the client commands. Shape is checked here; the record's rules in {@link ClientPolicy}. */
final class ClientRequests {

    static final int NAME = 100;
    static final int REASON = 4000;
    // written without Java-only syntax such as (?i): the API document carries them to clients as ECMA 262 patterns
    private static final String POSTCODE = "[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}";
    private static final String PHONE = "\\+?[0-9][0-9 ()-]{5,22}[0-9]";
    private static final String ODS_PRACTICE = "[A-Za-z][0-9]{5}";
    private static final String LANGUAGE = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*";

    private ClientRequests() {
    }

    @Schema(name = "ClientRegistration")
    record Registration(
            @Schema(example = "9434765919", description = "Ten digits; or leave out and give nhsNumberUnavailableReason")
            @Size(max = 20) String nhsNumber,
            @Schema(example = "Overseas visitor, not yet registered with a GP") @Size(max = 200) String nhsNumberUnavailableReason,
            @Schema(example = "Alex") @NotBlank @Size(max = NAME) String givenName,
            @Schema(example = "Example") @NotBlank @Size(max = NAME) String familyName,
            @Schema(example = "1990-05-17") @NotNull LocalDate dateOfBirth,
            @Schema(example = "NOT_STATED") @NotNull Gender gender,
            @Schema(example = "Z", description = "NHS data dictionary ethnic category code (Z: not stated)") @NotNull EthnicCategory ethnicCategory,
            @Schema(example = "LS1 4AP") @Pattern(regexp = POSTCODE, message = "is not a UK postcode") String postcode,
            @Schema(example = "0113 496 0000") @Pattern(regexp = PHONE, message = "is not a phone number") String phone,
            @Schema(example = "alex@example.org") @Email(message = "is not an email address") @Size(max = 254) String email,
            @Schema(example = "B86001", description = "ODS code of the GP practice") @Pattern(regexp = ODS_PRACTICE, message = "is not an ODS practice code") String gpPracticeCode,
            @Schema(example = "en") @Pattern(regexp = LANGUAGE, message = "is not a language tag such as en or pl") String preferredLanguage,
            @Schema(example = "false") Boolean interpreterNeeded,
            @Schema(example = "[\"LETTER\", \"EMAIL\"]") List<ContactMethod> contactConsent) {

        ClientDetails details() {
            return new ClientDetails(nhsNumber, nhsNumberUnavailableReason, givenName, familyName, dateOfBirth, gender,
                    ethnicCategory, postcode, phone, email, gpPracticeCode, preferredLanguage, interpreterNeeded, contactConsent);
        }
    }

    /** The corrected details as a whole (they replace the earlier ones), and why. */
    @Schema(name = "ClientCorrection")
    record Correction(
            @Size(max = 20) String nhsNumber,
            @Size(max = 200) String nhsNumberUnavailableReason,
            @NotBlank @Size(max = NAME) String givenName,
            @NotBlank @Size(max = NAME) String familyName,
            @NotNull LocalDate dateOfBirth,
            @NotNull Gender gender,
            @NotNull EthnicCategory ethnicCategory,
            @Pattern(regexp = POSTCODE, message = "is not a UK postcode") String postcode,
            @Pattern(regexp = PHONE, message = "is not a phone number") String phone,
            @Email(message = "is not an email address") @Size(max = 254) String email,
            @Pattern(regexp = ODS_PRACTICE, message = "is not an ODS practice code") String gpPracticeCode,
            @Pattern(regexp = LANGUAGE, message = "is not a language tag such as en or pl") String preferredLanguage,
            Boolean interpreterNeeded,
            List<ContactMethod> contactConsent,
            @Schema(example = "Moved house") @NotBlank @Size(max = REASON) String reason) {

        ClientDetails details() {
            return new ClientDetails(nhsNumber, nhsNumberUnavailableReason, givenName, familyName, dateOfBirth, gender,
                    ethnicCategory, postcode, phone, email, gpPracticeCode, preferredLanguage, interpreterNeeded, contactConsent);
        }
    }

    /** Why the record may go; it stays readable after the erasure, so it must not name the client. */
    @Schema(name = "ClientErasure")
    record Erasure(
            @Schema(example = "Retention period ended") @NotBlank @Size(max = REASON) String reason,
            @Schema(description = "Erase at once a record registered in error; needs a supervisor's approval given by "
                    + "someone else") Boolean registeredInError) {
    }

    @Schema(name = "ClientErasureApproval")
    record ErasureApproval(
            @Schema(example = "Registered twice; the other record is the right one") @NotBlank @Size(max = REASON) String reason) {
    }
}
