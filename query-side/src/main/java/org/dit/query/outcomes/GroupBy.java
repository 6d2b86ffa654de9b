package org.dit.query.outcomes;

import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;

import org.dit.events.client.EthnicCategory;
import org.dit.query.client.ClientDemographics;

/**
 * The equality breakdowns of the period report ({@code groupBy}): the client's broad ethnic group (as NHS statistics
 * publish them), gender, age band at referral, or the therapist. A client who is not registered or was erased falls
 * in {@link #UNKNOWN}.
 */
public enum GroupBy {
    ETHNICITY, GENDER, AGE_BAND, THERAPIST;

    public static final String UNKNOWN = "Not known";

    /** Groups with fewer episodes than this are suppressed, as published NHS statistics do. */
    public static final int SMALLEST_GROUP = 5;

    /** From the query parameter: ethnicity, gender, ageBand, therapist (any case). */
    public static GroupBy parse(String parameter) {
        return switch (parameter.toLowerCase(Locale.ROOT)) {
            case "ethnicity" -> ETHNICITY;
            case "gender" -> GENDER;
            case "ageband" -> AGE_BAND;
            case "therapist" -> THERAPIST;
            default -> throw new IllegalArgumentException("groupBy must be one of ethnicity, gender, ageBand, therapist");
        };
    }

    /** As the query parameter spells it. */
    public String parameter() {
        return switch (this) {
            case ETHNICITY -> "ethnicity";
            case GENDER -> "gender";
            case AGE_BAND -> "ageBand";
            case THERAPIST -> "therapist";
        };
    }

    public boolean demographic() {
        return this != THERAPIST;
    }

    /** The group of a client's episode referred on {@code referredOn}; the client's data may be absent. */
    public String groupOf(ClientDemographics client, LocalDate referredOn) {
        if (client == null) {
            return UNKNOWN;
        }
        return switch (this) {
            case ETHNICITY -> broadEthnicGroup(client.ethnicCategory());
            case GENDER -> client.gender() == null ? UNKNOWN : client.gender().name();
            case AGE_BAND -> ageBand(client.dateOfBirth(), referredOn);
            case THERAPIST -> throw new IllegalStateException("the therapist is not a client's demographic");
        };
    }

    static String broadEthnicGroup(EthnicCategory category) {
        if (category == null) {
            return UNKNOWN;
        }
        return switch (category) {
            case A, B, C -> "White";
            case D, E, F, G -> "Mixed";
            case H, J, K, L -> "Asian or Asian British";
            case M, N, P -> "Black or Black British";
            case R, S -> "Other ethnic groups";
            case Z -> "Not stated";
        };
    }

    /** The age bands of NHS Talking Therapies statistics, by age on the referral date. */
    static String ageBand(LocalDate dateOfBirth, LocalDate referredOn) {
        if (dateOfBirth == null || referredOn == null || dateOfBirth.isAfter(referredOn)) {
            return UNKNOWN;
        }
        int age = Period.between(dateOfBirth, referredOn).getYears();
        if (age < 18) {
            return "Under 18";
        }
        if (age <= 25) {
            return "18-25";
        }
        if (age <= 35) {
            return "26-35";
        }
        if (age <= 45) {
            return "36-45";
        }
        if (age <= 55) {
            return "46-55";
        }
        if (age <= 64) {
            return "56-64";
        }
        return "65 and over";
    }
}
