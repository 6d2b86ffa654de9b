package org.dit.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the tokens it has decoded and validated, until each one expires: a client sends the same bearer token with
 * every request, and checking its signature and claims again each time was a large share of an API request's CPU.
 * Only a token the delegate accepted is kept, keyed by its exact text, so a hit is the very token that passed every
 * check; it is forgotten at its {@code exp} (without the clock skew the delegate allows, so a cached token is never
 * taken later than the delegate would take it). Who the token's subject is, and what they may do, is still decided
 * on every request after decoding. Bounded in size: the oldest entries go first.
 */
final class CachedJwtDecoder implements JwtDecoder {

    static final int MAX_TOKENS = 10_000;

    private final JwtDecoder delegate;
    private final Clock clock;
    private final Cache<String, Jwt> decoded;

    CachedJwtDecoder(JwtDecoder delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
        this.decoded = Caffeine.newBuilder()
                .maximumSize(MAX_TOKENS)
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> untilExpiry(jwt)))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt cached = decoded.getIfPresent(token);
        if (cached != null && cached.getExpiresAt() != null && clock.instant().isBefore(cached.getExpiresAt())) {
            return cached;
        }
        Jwt jwt = delegate.decode(token);
        if (jwt.getExpiresAt() != null) {
            decoded.put(token, jwt);
        }
        return jwt;
    }

    long size() {
        decoded.cleanUp();
        return decoded.estimatedSize();
    }

    private Duration untilExpiry(Jwt jwt) {
        Instant expires = jwt.getExpiresAt();
        Duration left = expires == null ? Duration.ZERO : Duration.between(clock.instant(), expires);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
