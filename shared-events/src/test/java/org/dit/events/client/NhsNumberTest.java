package org.dit.events.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NhsNumberTest {

    @Test
    void givenTheDataDictionaryExample_whenChecked_thenValid() {
        assertThat(NhsNumber.isValid("9434765919")).isTrue();
    }

    @Test
    void givenAWrongCheckDigit_whenChecked_thenInvalid() {
        assertThat(NhsNumber.isValid("9434765918")).isFalse();
    }

    @Test
    void givenSpacesOrHyphens_whenNormalised_thenTheDigitsAlone() {
        assertThat(NhsNumber.normalise("943 476-5919")).isEqualTo("9434765919");
    }

    @Test
    void givenNotTenDigits_whenChecked_thenInvalid() {
        assertThat(NhsNumber.isValid("943476591")).isFalse();
        assertThat(NhsNumber.isValid("94347659190")).isFalse();
        assertThat(NhsNumber.isValid("94347659a9")).isFalse();
        assertThat(NhsNumber.isValid(null)).isFalse();
    }

    @Test
    void givenNineDigitsWithRemainderOne_whenAskedForTheCheckDigit_thenNone() {
        String noCheck = null;
        for (int n = 0; n < 1000 && noCheck == null; n++) {
            String nine = String.format("999000%03d", n);
            if (NhsNumber.checkDigit(nine) == null) {
                noCheck = nine;
            }
        }
        assertThat(noCheck).isNotNull();
        for (int d = 0; d <= 9; d++) {
            assertThat(NhsNumber.isValid(noCheck + d)).isFalse();
        }
    }

    @Test
    void givenFamilyNamesThatDifferInAccentsCaseAndPunctuation_whenNormalised_thenEqual() {
        assertThat(BlindIndex.normaliseFamilyName("O'Brien-Núñez")).isEqualTo(BlindIndex.normaliseFamilyName("obrien nunez"));
    }
}
