package org.dit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class CachedJwtDecoderTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private final List<String> decoded = new ArrayList<>();
    private Instant now = NOW;
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    /** Accepts "good-…" tokens valid for ten minutes, "eternal-…" tokens without exp; refuses anything else. */
    private final JwtDecoder signatureChecker = token -> {
        decoded.add(token);
        if (token.startsWith("eternal-")) {
            return Jwt.withTokenValue(token).header("alg", "EdDSA").subject("therapist-a").build();
        }
        if (!token.startsWith("good-")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token).header("alg", "EdDSA").subject("therapist-a")
                .issuedAt(NOW).expiresAt(NOW.plus(Duration.ofMinutes(10))).build();
    };

    private final CachedJwtDecoder decoder = new CachedJwtDecoder(signatureChecker, clock);

    @Test
    void givenAValidToken_whenItIsSentAgain_thenItsSignatureIsCheckedOnce() {
        Jwt first = decoder.decode("good-1");
        Jwt second = decoder.decode("good-1");

        assertThat(second).isSameAs(first);
        assertThat(decoded).containsExactly("good-1");
    }

    @Test
    void givenACachedToken_whenItExpires_thenTheDelegateDecidesAgain() {
        decoder.decode("good-1");
        now = NOW.plus(Duration.ofMinutes(10));

        decoder.decode("good-1");

        assertThat(decoded).containsExactly("good-1", "good-1");
    }

    @Test
    void givenARefusedToken_whenItIsSentAgain_thenItIsRefusedAgainAndNeverRemembered() {
        assertThatThrownBy(() -> decoder.decode("forged-1")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged-1")).isInstanceOf(BadJwtException.class);

        assertThat(decoded).containsExactly("forged-1", "forged-1");
        assertThat(decoder.size()).isZero();
    }

    @Test
    void givenATokenWithoutExpiry_whenDecoded_thenItIsNotRemembered() {
        decoder.decode("eternal-1");
        decoder.decode("eternal-1");

        assertThat(decoded).containsExactly("eternal-1", "eternal-1");
    }

    @Test
    void givenTwoTokens_whenEachIsSent_thenEachIsCheckedOnItsOwn() {
        decoder.decode("good-1");
        decoder.decode("good-2");
        decoder.decode("good-2");

        assertThat(decoded).containsExactly("good-1", "good-2");
        assertThat(decoder.size()).isEqualTo(2);
    }
}
