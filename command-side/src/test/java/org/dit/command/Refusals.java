package org.dit.command;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/** Matchers for refused commands, so a test states which field or rule refused it, not just the class. */
public final class Refusals {

    private Refusals() {
    }

    /** A 400 refusal naming the given input field. */
    public static Matcher<Throwable> invalidInput(String field) {
        return new TypeSafeDiagnosingMatcher<>() {

            @Override
            protected boolean matchesSafely(Throwable thrown, Description mismatch) {
                if (!(thrown instanceof InvalidInput invalid)) {
                    mismatch.appendText("was ").appendValue(thrown);
                    return false;
                }
                if (!field.equals(invalid.field())) {
                    mismatch.appendText("named field ").appendValue(invalid.field()).appendText(": ").appendText(invalid.getMessage());
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("InvalidInput on field ").appendValue(field);
            }
        };
    }
}
