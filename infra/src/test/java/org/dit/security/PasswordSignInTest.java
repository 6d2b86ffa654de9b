package org.dit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Password sign-in on its own (issue 11 §6): one bcrypt check whatever the user name, throttling, the bulkhead. */
@ExtendWith(OutputCaptureExtension.class)
class PasswordSignInTest {

    /** "lead-test-pw" and "admin-test-pw" at cost 4, as the suite's users of application-test.yml. */
    static final String LEAD_HASH = "{bcrypt}$2a$04$EWqEZFCrDj/bcpMyCWV.uujNJUoBGvihJkBLFTBEujVurGMvrnfxu";
    static final String ADMIN_HASH = "{bcrypt}$2a$04$oIC7a12YUYFZx75yBS7h4eWwtotBrvAsa4Nske3J2Zp0NTaLAy9Ge";
    static final String HERE = "192.0.2.1";
    static final String ELSEWHERE = "198.51.100.7";

    /** Counts the password checks and remembers the hashes they were made against. */
    static final class CountingEncoder implements PasswordEncoder {
        final PasswordEncoder real = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        final List<String> checkedHashes = new ArrayList<>();
        volatile CountDownLatch hold;
        final CountDownLatch entered = new CountDownLatch(1);

        @Override
        public String encode(CharSequence raw) {
            return real.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String hash) {
            synchronized (checkedHashes) {
                checkedHashes.add(hash);
            }
            entered.countDown();
            if (hold != null) {
                try {
                    hold.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return real.matches(raw, hash);
        }

        int checks() {
            synchronized (checkedHashes) {
                return checkedHashes.size();
            }
        }
    }

    static final class Clock implements TimeMeter {
        long nanos;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    final CountingEncoder encoder = new CountingEncoder();
    final Clock clock = new Clock();
    ExecutorService background;

    @AfterEach
    void stop() {
        if (background != null) {
            background.shutdownNow();
        }
    }

    static SignInProperties limits(int perUser, int perAddress, int concurrentChecks, Duration checkWait) {
        return new SignInProperties(perUser, perAddress, Duration.ofMinutes(15), concurrentChecks, checkWait, 12);
    }

    PasswordSignIn signIn(SignInProperties properties) {
        UserStore users = new UserStore(new SecurityUsersProperties(List.of(
                new SecurityUsersProperties.User("clinic-lead", LEAD_HASH, List.of(Role.ADMIN, Role.SUPERVISOR), null),
                new SecurityUsersProperties.User("admin", ADMIN_HASH, List.of(Role.ADMIN), null))),
                properties.maxBcryptCost(), null, encoder);
        return new PasswordSignIn(users, encoder, new SignInThrottle(properties, clock), properties);
    }

    PasswordSignIn signIn() {
        return signIn(limits(3, 5, 2, Duration.ofSeconds(2)));
    }

    static Authentication attempt(String username, String password, String address) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        attempt.setDetails(new WebAuthenticationDetails(address, null));
        return attempt;
    }

    @Test
    void givenAnUnknownUserOrAWrongPassword_thenEachRunsExactlyOneBcryptCheckOfTheSameCost() {
        PasswordSignIn signIn = signIn();

        Throwable unknown = catchThrowableOfType(BadCredentialsException.class,
                () -> signIn.authenticate(attempt("nobody", "guess", HERE)));
        assertThat(encoder.checks()).as("an unknown user still costs one check").isEqualTo(1);
        String dummy = encoder.checkedHashes.get(0);

        Throwable wrong = catchThrowableOfType(BadCredentialsException.class,
                () -> signIn.authenticate(attempt("admin", "guess", HERE)));
        assertThat(encoder.checks()).as("a wrong password costs one check").isEqualTo(2);
        String real = encoder.checkedHashes.get(1);

        assertThat(real).isEqualTo(ADMIN_HASH);
        assertThat(dummy).isNotEqualTo(ADMIN_HASH).isEqualTo(signIn.dummyHash());
        assertThat(BcryptHash.cost(dummy)).as("the dummy hash costs what the users' hashes cost").isEqualTo(BcryptHash.cost(real));
        assertThat(unknown).hasMessage(wrong.getMessage());
    }

    @Test
    void givenTheRightPassword_thenSignedInAfterOneCheckWithoutTheHashInThePrincipal() {
        Authentication signedIn = signIn().authenticate(attempt("clinic-lead", "lead-test-pw", HERE));

        assertThat(signedIn.isAuthenticated()).isTrue();
        assertThat(signedIn.getName()).isEqualTo("clinic-lead");
        assertThat(signedIn.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN", "ROLE_SUPERVISOR");
        assertThat(((DitUser) signedIn.getPrincipal()).passwordHash()).isNull();
        assertThat(signedIn.getCredentials()).isNull();
        assertThat(encoder.checks()).isEqualTo(1);
    }

    @Test
    void givenTooManyFailuresForAUser_thenItsSignInsAreRefusedUnchecked_evenWithTheRightPassword_untilTimeRefillsOne() {
        PasswordSignIn signIn = signIn();
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> signIn.authenticate(attempt("admin", "guess", HERE)))
                    .isInstanceOf(BadCredentialsException.class);
        }
        int checks = encoder.checks();

        SignInRefused refused = catchThrowableOfType(SignInRefused.class,
                () -> signIn.authenticate(attempt("admin", "admin-test-pw", ELSEWHERE)));

        assertThat(refused.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.type()).isEqualTo("too-many-sign-in-failures");
        // three failures refill over 15 minutes: one every five
        assertThat(refused.retryAfterSeconds()).isBetween(299L, 300L);
        assertThat(encoder.checks()).as("a refused sign-in is not checked").isEqualTo(checks);
        assertThat(catchThrowableOfType(SignInRefused.class,
                () -> signIn.authenticate(attempt("ADMIN", "admin-test-pw", ELSEWHERE))))
                .as("a user name in other letter case is the same user to the throttle").isNotNull();

        clock.nanos += Duration.ofMinutes(5).toNanos();
        assertThat(signIn.authenticate(attempt("admin", "admin-test-pw", ELSEWHERE)).isAuthenticated()).isTrue();
    }

    @Test
    void givenManySuccesses_thenNoneIsCounted() {
        PasswordSignIn signIn = signIn();
        for (int i = 0; i < 20; i++) {
            signIn.authenticate(attempt("clinic-lead", "lead-test-pw", HERE));
        }
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> signIn.authenticate(attempt("clinic-lead", "guess", HERE)))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(signIn.authenticate(attempt("clinic-lead", "lead-test-pw", HERE)).isAuthenticated()).isTrue();
    }

    @Test
    void givenUnknownUserNames_thenTheirFailuresAreCountedLikeAnyUsers() {
        PasswordSignIn signIn = signIn();
        for (int i = 0; i < 3; i++) {
            String address = "203.0.113." + i;
            assertThatThrownBy(() -> signIn.authenticate(attempt("nobody", "guess", address)))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> signIn.authenticate(attempt("nobody", "guess", HERE))).isInstanceOf(SignInRefused.class);
    }

    @Test
    void givenFailuresFromOneAddress_thenAnotherUserFromThereIsRefusedOnceTheAddressHasUsedItsOwnLimit() {
        PasswordSignIn signIn = signIn();
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> signIn.authenticate(attempt("admin", "guess", HERE)))
                    .isInstanceOf(BadCredentialsException.class);
        }
        // clinic-lead has failed twice, below its own limit of three; the address has now failed five times
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> signIn.authenticate(attempt("clinic-lead", "guess", HERE)))
                    .isInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> signIn.authenticate(attempt("clinic-lead", "lead-test-pw", HERE)))
                .isInstanceOf(SignInRefused.class);
        assertThat(signIn.authenticate(attempt("clinic-lead", "lead-test-pw", ELSEWHERE)).isAuthenticated())
                .as("the same user from another address").isTrue();
    }

    @Test
    void givenEveryPasswordCheckBusy_thenASignInIsAnswered503WithinTheWaitRatherThanQueueing() throws Exception {
        PasswordSignIn signIn = signIn(limits(3, 5, 1, Duration.ofMillis(200)));
        encoder.hold = new CountDownLatch(1);
        background = Executors.newSingleThreadExecutor();
        Future<Authentication> first = background.submit(() -> signIn.authenticate(attempt("admin", "admin-test-pw", HERE)));
        assertThat(encoder.entered.await(10, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        SignInRefused busy = catchThrowableOfType(SignInRefused.class,
                () -> signIn.authenticate(attempt("clinic-lead", "lead-test-pw", ELSEWHERE)));
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(busy.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(busy.type()).isEqualTo("sign-in-busy");
        assertThat(busy.retryAfterSeconds()).isPositive();
        assertThat(waited).isLessThan(Duration.ofSeconds(5));
        encoder.hold.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).isAuthenticated()).isTrue();
        assertThat(signIn.authenticate(attempt("clinic-lead", "lead-test-pw", ELSEWHERE)).isAuthenticated())
                .as("not counted as a failure, and the check is free again").isTrue();
    }

    @Test
    void givenAFailedSignIn_thenItIsLoggedWithUserAndAddressButNeverThePassword(CapturedOutput output) {
        PasswordSignIn signIn = signIn();
        assertThatThrownBy(() -> signIn.authenticate(attempt("admin", "Secret-Guess-1", HERE)))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn.authenticate(attempt("eve\nforged", "Secret-Guess-2", HERE)))
                .isInstanceOf(BadCredentialsException.class);

        assertThat(output).contains("WARN").contains("Sign-in failed for user 'admin' from " + HERE)
                .contains("Sign-in failed for user 'eve?forged' from " + HERE + " (no such user)")
                .doesNotContain("Secret-Guess");
    }

    @Test
    void givenAUserNameFullOfControlCharacters_thenTheLogLineGetsAPrintableShortForm() {
        assertThat(PasswordSignIn.loggable("eve\r\nINFO forged line")).isEqualTo("eve??INFO forged line");
        assertThat(PasswordSignIn.loggable("u".repeat(3000))).hasSize(65).endsWith("…");
        assertThat(PasswordSignIn.loggable("o'brien")).isEqualTo("o?brien");
    }
}
