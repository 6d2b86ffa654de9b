package org.dit.security;

import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;

/**
 * A password sign-in not even checked: too many failures for the user or from the address (429), or no password check
 * free in time (503). Either way the answer says when to try again ({@code Retry-After}), and the password is not looked
 * at, so the answer says nothing about it.
 */
final class SignInRefused extends AuthenticationException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final Duration retryAfter;

    private SignInRefused(HttpStatus status, String type, String title, String detail, Duration retryAfter) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.retryAfter = retryAfter;
    }

    static SignInRefused tooManyFailures(Duration retryAfter) {
        return new SignInRefused(HttpStatus.TOO_MANY_REQUESTS, "too-many-sign-in-failures", "Too many failed sign-ins",
                "too many failed sign-ins for this user or from this address; try again after Retry-After seconds",
                retryAfter);
    }

    static SignInRefused busy(Duration retryAfter) {
        return new SignInRefused(HttpStatus.SERVICE_UNAVAILABLE, "sign-in-busy", "Sign-in busy",
                "too many sign-ins are being checked at once; try again after Retry-After seconds", retryAfter);
    }

    HttpStatus status() {
        return status;
    }

    String type() {
        return type;
    }

    String title() {
        return title;
    }

    /** Whole seconds, rounded up, at least one. */
    long retryAfterSeconds() {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
