package org.dit.command.client;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.dit.command.InvalidInput;
import org.dit.events.ClientId;
import org.dit.events.EpisodeId;
import org.dit.events.client.ClientDetails;
import org.dit.events.client.NhsNumber;

/**
 * The rules of a client's record, side by side. Details are checked and put in one canonical form here (NHS number
 * as ten digits, postcode and ODS code in capitals), so that equal details compare, index and search equally. The
 * request bodies check the shape of each field first; these rules hold for a command from any sender.
 */
final class ClientPolicy {

    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    static final Pattern POSTCODE = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}");
    static final Pattern ODS_PRACTICE = Pattern.compile("[A-Z][0-9]{5}");

    private final ClientId clientId;
    private final boolean erased;
    private final Instant registeredAt;
    private final String erasureApprovedBy;

    ClientPolicy(ClientId clientId, boolean erased) {
        this(clientId, erased, null, null);
    }

    ClientPolicy(ClientId clientId, boolean erased, Instant registeredAt, String erasureApprovedBy) {
        this.clientId = clientId;
        this.erased = erased;
        this.registeredAt = registeredAt;
        this.erasureApprovedBy = erasureApprovedBy;
    }

    /**
     * The retention period has passed since the client's last episode ended (or, with no episode, since they were
     * registered), and none is open.
     *
     * @throws RetentionNotReached otherwise
     */
    void requireRetentionPassed(Optional<EpisodeId> open, Optional<LocalDate> lastEnded, RetentionPeriod retention,
                                Clock clock) {
        if (open.isPresent()) {
            throw new RetentionNotReached("episode " + open.get() + " of client " + clientId + " has not ended");
        }
        LocalDate since = lastEnded.orElseGet(() -> LocalDate.ofInstant(registeredAt, clock.getZone()));
        if (!retention.hasPassedSince(since, clock)) {
            throw new RetentionNotReached("client " + clientId + "'s record is kept until " + retention.endsAfter(since) + ", "
                    + retention.years() + " years after " + (lastEnded.isPresent() ? "their last episode ended" : "registration")
                    + " (dit.retention.years); a record registered in error is erased with a supervisor's approval");
        }
    }

    /**
     * A supervisor approved the erasure, and the one who carries it out is someone else.
     *
     * @return the approving supervisor
     * @throws ErasureNotApproved otherwise
     */
    String requireApprovalByAnother(String requester) {
        if (erasureApprovedBy == null) {
            throw new ErasureNotApproved("erasing client " + clientId + " as registered in error needs a supervisor's "
                    + "approval first (POST /api/clients/" + clientId + "/erasure-approval)");
        }
        if (erasureApprovedBy.equals(requester)) {
            throw new ErasureNotApproved("the erasure of client " + clientId + " was approved by " + requester
                    + ", who cannot also carry it out");
        }
        return erasureApprovedBy;
    }

    void requireNotErased() {
        if (erased) {
            throw new ClientForgotten(clientId);
        }
    }

    /** @throws ClientExists when another client holds the NHS number */
    void requireNhsNumberFree(ClientDetails details, ClientRegistry registry) {
        if (details.nhsNumber() != null) {
            registry.holderOfNhsNumber(details.nhsNumber())
                    .filter(holder -> !holder.equals(clientId))
                    .ifPresent(holder -> {
                        throw new ClientExists(holder);
                    });
        }
    }

    /** The details in canonical form, or a refusal naming the first field at fault. */
    static ClientDetails requireValid(ClientDetails given, Clock clock) {
        ClientDetails details = InvalidInput.require("details", given);
        String nhsNumber = blankToNull(NhsNumber.normalise(details.nhsNumber()));
        String unavailable = blankToNull(details.nhsNumberUnavailableReason());
        if (nhsNumber == null && unavailable == null) {
            throw new InvalidInput("nhsNumber", "is required, or nhsNumberUnavailableReason saying why there is none");
        }
        if (nhsNumber != null && unavailable != null) {
            throw new InvalidInput("nhsNumberUnavailableReason", "must be absent when nhsNumber is given");
        }
        if (nhsNumber != null && !NhsNumber.isValid(nhsNumber)) {
            throw new InvalidNhsNumber();
        }
        LocalDate born = InvalidInput.require("dateOfBirth", details.dateOfBirth());
        if (born.isBefore(EARLIEST_BIRTH) || born.isAfter(LocalDate.now(clock))) {
            throw new InvalidInput("dateOfBirth", "must lie between " + EARLIEST_BIRTH + " and today");
        }
        return new ClientDetails(nhsNumber, unavailable,
                InvalidInput.requireText("givenName", details.givenName()),
                InvalidInput.requireText("familyName", details.familyName()),
                born,
                InvalidInput.require("gender", details.gender()),
                InvalidInput.require("ethnicCategory", details.ethnicCategory()),
                postcode(details.postcode()),
                blankToNull(details.phone()),
                blankToNull(details.email()),
                matching("gpPracticeCode", details.gpPracticeCode(), ODS_PRACTICE),
                blankToNull(details.preferredLanguage()),
                Boolean.TRUE.equals(details.interpreterNeeded()),
                details.contactConsent().stream().distinct().sorted().toList());
    }

    /** Capitals, one space before the inward code: {@code ls1 4ap} is {@code LS1 4AP}. */
    private static String postcode(String given) {
        String text = blankToNull(given);
        if (text == null) {
            return null;
        }
        String compact = text.replace(" ", "").toUpperCase(Locale.ROOT);
        String spaced = compact.length() <= 3 ? compact
                : compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
        if (!POSTCODE.matcher(spaced).matches()) {
            throw new InvalidInput("postcode", "is not a UK postcode");
        }
        return spaced;
    }

    private static String matching(String field, String given, Pattern pattern) {
        String value = blankToNull(given) == null ? null : given.strip().toUpperCase(Locale.ROOT);
        if (value != null && !pattern.matcher(value).matches()) {
            throw new InvalidInput(field, "is not valid");
        }
        return value;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
