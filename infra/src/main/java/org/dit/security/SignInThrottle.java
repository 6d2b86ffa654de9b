package org.dit.security;

import java.time.Duration;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;

/**
 * Counts failed password sign-ins in token buckets (Bucket4j): one per user name and one per client address, each
 * holding the allowed failures and refilling them evenly over the failure window. A failure takes a token from both; a
 * success takes none. While either bucket is empty, sign-ins for that user or from that address are refused unchecked.
 * <p>
 * The buckets live in this node's memory (several nodes each count their own), at most {@value #TRACKED} of each
 * kind; one unused for a whole window is full again, so it is dropped.
 */
final class SignInThrottle {

    static final int TRACKED = 100_000;
    /** Longer user names count as their first this-many characters: a name cannot be varied beyond it to escape. */
    static final int USER_KEY_LENGTH = 128;

    private final SignInProperties properties;
    private final TimeMeter time;
    private final Cache<String, Bucket> users;
    private final Cache<String, Bucket> addresses;

    SignInThrottle(SignInProperties properties) {
        this(properties, TimeMeter.SYSTEM_NANOTIME);
    }

    SignInThrottle(SignInProperties properties, TimeMeter time) {
        this.properties = properties;
        this.time = time;
        this.users = Caffeine.newBuilder().maximumSize(TRACKED).expireAfterAccess(properties.failureWindow()).build();
        this.addresses = Caffeine.newBuilder().maximumSize(TRACKED).expireAfterAccess(properties.failureWindow()).build();
    }

    /** How long to wait before the next sign-in for this user or from this address, or null when it may go ahead. */
    Duration refusal(String username, String address) {
        Duration user = wait(users.getIfPresent(userKey(username)));
        Duration from = wait(addresses.getIfPresent(address));
        if (user == null) {
            return from;
        }
        return from == null || user.compareTo(from) >= 0 ? user : from;
    }

    /** Counts a failed sign-in for the user and from the address. */
    void failed(String username, String address) {
        users.get(userKey(username), key -> bucket(properties.failuresPerUser())).tryConsume(1);
        addresses.get(address, key -> bucket(properties.failuresPerAddress())).tryConsume(1);
    }

    static String userKey(String username) {
        String key = username.toLowerCase(Locale.ROOT);
        return key.length() <= USER_KEY_LENGTH ? key : key.substring(0, USER_KEY_LENGTH);
    }

    private Bucket bucket(int failures) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(failures).refillGreedy(failures, properties.failureWindow()))
                .withCustomTimePrecision(time)
                .build();
    }

    private static Duration wait(Bucket bucket) {
        if (bucket == null) {
            return null;
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? null : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }
}
