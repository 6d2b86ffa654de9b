package org.dit.security;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Signs in with a user name and password, for HTTP Basic and any later form sign-in alike:
 * <ol>
 * <li>refused unchecked (429) while the user or the client address has used up its failures ({@link SignInThrottle});</li>
 * <li>exactly one bcrypt check, against the user's hash, or, for a user name nobody has, against a dummy hash of the same
 * cost, so a wrong password and an unknown user take the same time;</li>
 * <li>at most {@code concurrent-checks} checks at once: a sign-in that finds none free within {@code check-wait} is
 * answered 503, so a flood of passwords cannot take every processor;</li>
 * <li>a failure is counted for the user and the address, and logged at WARN (user name and address, never the
 * password).</li>
 * </ol>
 */
final class PasswordSignIn implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(PasswordSignIn.class);
    static final String UNKNOWN_ADDRESS = "unknown";
    private static final int LOGGED_NAME_LENGTH = 64;
    /** Refusals for want of a free check come in floods: one WARN line per this long says how many there were. */
    private static final long BUSY_WARNING_EVERY = Duration.ofSeconds(10).toNanos();

    private final UserStore users;
    private final PasswordEncoder encoder;
    private final SignInThrottle throttle;
    private final Semaphore checks;
    private final int permits;
    private final Duration checkWait;
    private final int maxCost;
    private final String dummyHash;
    private final LongAdder busyRefusals = new LongAdder();
    private final AtomicLong lastBusyWarning = new AtomicLong(System.nanoTime() - BUSY_WARNING_EVERY);

    PasswordSignIn(UserStore users, PasswordEncoder encoder, SignInThrottle throttle, SignInProperties properties) {
        this.users = users;
        this.encoder = encoder;
        this.throttle = throttle;
        this.permits = properties.concurrentChecks();
        this.checks = new Semaphore(permits, true);
        this.checkWait = properties.checkWait();
        this.maxCost = properties.maxBcryptCost();
        this.dummyHash = dummyHash(Math.min(users.hashCost(), maxCost));
    }

    /** A hash of a password nobody knows, checked for user names nobody has. */
    private static String dummyHash(int cost) {
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        return BcryptHash.PREFIX + BCrypt.hashpw(Base64.getEncoder().encodeToString(secret), BCrypt.gensalt(cost));
    }

    String dummyHash() {
        return dummyHash;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName() == null ? "" : attempt.getName();
        String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        String address = addressOf(attempt);
        refuseWhileThrottled(username, address);

        DitUser user = find(username);
        boolean matches = check(password, user == null ? dummyHash : usableHash(user), username, address);
        if (user == null || !matches) {
            throttle.failed(username, address);
            log.warn("Sign-in failed for user '{}' from {}{}", loggable(username), address,
                    user == null ? " (no such user)" : "");
            throw new BadCredentialsException("Bad credentials");
        }
        DitUser signedIn = new DitUser(user.username(), null, user.roles(), user.therapistId());
        UsernamePasswordAuthenticationToken authenticated =
                UsernamePasswordAuthenticationToken.authenticated(signedIn, null, signedIn.getAuthorities());
        authenticated.setDetails(attempt.getDetails());
        return authenticated;
    }

    private void refuseWhileThrottled(String username, String address) {
        Duration wait = throttle.refusal(username, address);
        if (wait != null) {
            log.debug("Sign-in refused unchecked for user '{}' from {}: too many failures", loggable(username), address);
            throw SignInRefused.tooManyFailures(wait);
        }
    }

    private DitUser find(String username) {
        try {
            return users.find(username);
        } catch (RuntimeException e) {
            // the stored users could not be read (SecurityConfig answers 503 when the database is the cause)
            throw new InternalAuthenticationServiceException("the users could not be read", e);
        }
    }

    /** A stored hash that is not bcrypt, or costs more than allowed, is not checked: that user cannot sign in. */
    private String usableHash(DitUser user) {
        int cost = BcryptHash.cost(user.passwordHash());
        if (cost < 0 || cost > maxCost) {
            log.error("User '{}' cannot sign in: the stored password hash is not a {}$2a$NN$… hash of cost at most {}",
                    loggable(user.username()), BcryptHash.PREFIX, maxCost);
            return dummyHash;
        }
        return user.passwordHash();
    }

    private boolean check(String password, String hash, String username, String address) {
        boolean permitted;
        try {
            permitted = checks.tryAcquire(checkWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SignInRefused.busy(checkWait);
        }
        if (!permitted) {
            warnBusy();
            throw SignInRefused.busy(checkWait);
        }
        try {
            // failures counted while this one waited for its turn count against it too
            refuseWhileThrottled(username, address);
            return encoder.matches(password, hash);
        } finally {
            checks.release();
        }
    }

    private void warnBusy() {
        busyRefusals.increment();
        long now = System.nanoTime();
        long last = lastBusyWarning.get();
        if (now - last >= BUSY_WARNING_EVERY && lastBusyWarning.compareAndSet(last, now)) {
            log.warn("{} sign-in(s) answered 503: no password check free within {} (at most {} at once, "
                    + "dit.security.sign-in.concurrent-checks)", busyRefusals.sumThenReset(), checkWait, permits);
        }
    }

    static String addressOf(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                ? details.getRemoteAddress() : UNKNOWN_ADDRESS;
    }

    /** The user name as it may appear in a log line: printable ASCII only, and cut short. */
    static String loggable(String username) {
        return loggable(username, LOGGED_NAME_LENGTH);
    }

    static String loggable(String text, int maxLength) {
        StringBuilder safe = new StringBuilder();
        text.codePoints().limit(maxLength).forEach(c -> safe.append(c >= 0x20 && c < 0x7f && c != '\'' ? (char) c : '?'));
        return text.codePointCount(0, text.length()) > maxLength ? safe + "…" : safe.toString();
    }
}
