package org.dit.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How password sign-in resists guessing ({@code dit.security.sign-in}).
 *
 * @param failuresPerUser    failed sign-ins allowed for one user name within {@code failureWindow}; then 429
 * @param failuresPerAddress failed sign-ins allowed from one client address within {@code failureWindow}, whatever the
 *                           user names; then 429
 * @param failureWindow      the time in which a used-up allowance refills, a little at a time
 * @param concurrentChecks   password checks (bcrypt) running at once; by default half the processors, at least one
 * @param checkWait          how long a sign-in waits for a check to be free before it is answered 503
 * @param maxBcryptCost      the highest bcrypt cost a configured password hash may have
 */
@ConfigurationProperties("dit.security.sign-in")
record SignInProperties(@DefaultValue("5") int failuresPerUser, @DefaultValue("20") int failuresPerAddress,
                        @DefaultValue("15m") Duration failureWindow, Integer concurrentChecks,
                        @DefaultValue("2s") Duration checkWait, @DefaultValue("12") int maxBcryptCost) {

    SignInProperties {
        if (concurrentChecks == null) {
            concurrentChecks = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        }
        require(failuresPerUser > 0, "failures-per-user must be positive");
        require(failuresPerAddress > 0, "failures-per-address must be positive");
        require(failureWindow != null && failureWindow.compareTo(Duration.ofSeconds(1)) >= 0, "failure-window must be 1s or more");
        require(concurrentChecks > 0, "concurrent-checks must be positive");
        require(checkWait != null && !checkWait.isNegative(), "check-wait must not be negative");
        require(maxBcryptCost >= 4 && maxBcryptCost <= 31, "max-bcrypt-cost must be between 4 and 31");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("dit.security.sign-in." + message);
        }
    }
}
