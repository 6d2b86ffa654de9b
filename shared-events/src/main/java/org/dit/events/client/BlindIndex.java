package org.dit.events.client;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Keyed one-way indexes of what clients are searched by, so that the database can find a client without holding
 * the NHS number or the name in clear. Equal inputs (after the normalisation here) give equal indexes; without the
 * index key nobody can compute one, so a copy of the database cannot be searched by guessing NHS numbers.
 */
public interface BlindIndex {

    byte[] ofNhsNumber(String nhsNumber);

    byte[] ofFamilyNameAndBirthDate(String familyName, LocalDate dateOfBirth);

    /** The NHS number's ten digits. */
    static String normaliseNhsNumber(String nhsNumber) {
        return NhsNumber.normalise(nhsNumber);
    }

    /**
     * Letters only, accents dropped, lower case: {@code O'Brien-Núñez} and {@code obrien nunez} match. Spelling is
     * not forgiven; the date of birth narrows the search.
     */
    static String normaliseFamilyName(String familyName) {
        String decomposed = Normalizer.normalize(familyName, Normalizer.Form.NFKD);
        StringBuilder letters = new StringBuilder();
        decomposed.codePoints().filter(Character::isLetter).forEach(letters::appendCodePoint);
        return letters.toString().toLowerCase(Locale.ROOT);
    }
}
