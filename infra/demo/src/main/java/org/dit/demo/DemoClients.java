package org.dit.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.dit.events.ClientId;
import org.dit.events.client.ClientDetails;
import org.dit.events.client.ContactMethod;
import org.dit.events.client.EthnicCategory;
import org.dit.events.client.Gender;
import org.dit.events.client.NhsNumber;

/**
 * The demo's clients: invented names marked "(demo)", NHS numbers from the 999 range (never issued to a person) with a
 * right check digit, drama-reserved phone numbers, example.org addresses. A plan numbers its clients from a start of
 * its own in the upper half of the range (tests use the lower half), so plans of other seeds rarely share a number.
 * Each client's details come from a random of their own id, leaving the plan's random untouched.
 */
final class DemoClients {

    private static final int UPPER_HALF = 500_000;
    private static final int SPREAD = 400_000;

    private int next = -1;

    /** The next NHS number of this plan: {@code 999} and six digits, and the check digit. */
    String nextNhsNumber(ClientId first) {
        if (next < 0) {
            next = UPPER_HALF + Math.floorMod(first.value().hashCode(), SPREAD);
        }
        while (true) {
            String nine = String.format(Locale.ROOT, "999%06d", next++);
            Integer check = NhsNumber.checkDigit(nine);
            if (check != null) {
                return nine + check;
            }
        }
    }

    static ClientDetails details(ClientId client, String nhsNumber, LocalDate referredOn) {
        Random r = new Random(client.value().getMostSignificantBits() ^ client.value().getLeastSignificantBits());
        String given = DemoTexts.pick(DemoTexts.CLIENT_GIVEN_NAMES, r);
        String family = DemoTexts.pick(DemoTexts.CLIENT_FAMILY_NAMES, r);
        LocalDate born = referredOn.minusYears(18 + r.nextInt(55)).minusDays(r.nextInt(365));
        Gender gender = List.of(Gender.FEMALE, Gender.FEMALE, Gender.MALE, Gender.MALE, Gender.NON_BINARY, Gender.NOT_STATED)
                .get(r.nextInt(6));
        EthnicCategory ethnicity = EthnicCategory.values()[r.nextInt(EthnicCategory.values().length)];
        String phone = String.format(Locale.ROOT, "01632 960%03d", r.nextInt(1000));
        String email = given.toLowerCase(Locale.ROOT) + "." + r.nextInt(1000) + "@example.org";
        List<ContactMethod> consent = r.nextBoolean() ? List.of(ContactMethod.LETTER, ContactMethod.EMAIL)
                : List.of(ContactMethod.PHONE);
        return new ClientDetails(nhsNumber, null, given, family, born, gender, ethnicity, "ZZ99 3VZ", phone, email, "V81999",
                r.nextInt(10) == 0 ? "pl" : "en", r.nextInt(20) == 0, consent);
    }
}
