package org.dit.events.client;

/**
 * The NHS number's format: ten digits whose last is a modulus-11 check digit over the first nine (weights 10 to 2).
 * Numbers starting 999 are never issued to people and are used for tests and the demo.
 */
public final class NhsNumber {

    private NhsNumber() {
    }

    /** The digits alone: spaces and hyphens, as people write it ({@code 943 476 5919}), are dropped. */
    public static String normalise(String text) {
        return text == null ? null : text.replace(" ", "").replace("-", "");
    }

    /** Whether the normalised text is ten digits with a right check digit. */
    public static boolean isValid(String digits) {
        if (digits == null || digits.length() != 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        Integer check = checkDigit(digits.substring(0, 9));
        return check != null && check == digits.charAt(9) - '0';
    }

    /** The check digit of nine digits, or null when none exists (a remainder of 1: such numbers are never issued). */
    public static Integer checkDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            return 0;
        }
        return check == 10 ? null : check;
    }
}
