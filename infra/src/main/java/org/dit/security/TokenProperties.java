package org.dit.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a bearer token must say to be accepted ({@code dit.security.jwt}): the issuer it names ({@code iss}), an audience
 * it is meant for ({@code aud}), and how long it may live at most ({@code exp} after {@code iat}, and after now). The
 * issuer and audience are required once bearer tokens are on; the issuer defaults to the OIDC issuer-uri when that is
 * how tokens are verified.
 */
@ConfigurationProperties("dit.security.jwt")
record TokenProperties(String issuer, String audience, @DefaultValue("12h") Duration maxLifetime) {

    /** The longest {@code sub} accepted; with the issuer it makes the actor, which the event metadata keeps. */
    static final int MAX_SUBJECT_LENGTH = 128;
    /** The longest issuer that may be configured: issuer, '#' and subject stay within an actor's 255 characters. */
    static final int MAX_ISSUER_LENGTH = 120;

    TokenProperties {
        issuer = issuer == null || issuer.isBlank() ? null : issuer.strip();
        audience = audience == null || audience.isBlank() ? null : audience.strip();
        if (maxLifetime == null || maxLifetime.isNegative() || maxLifetime.isZero()) {
            throw new IllegalArgumentException("dit.security.jwt.max-lifetime must be a positive duration, such as 12h");
        }
    }

    /** Stops the start when bearer tokens are on but the service has not been told which tokens to trust. */
    void requireComplete() {
        String action = "Set dit.security.jwt.issuer and dit.security.jwt.audience to what your identity provider's tokens "
                + "for this service carry, or configure no bearer tokens.";
        String on = "Bearer tokens are on (spring.security.oauth2.resourceserver.jwt.issuer-uri, jwk-set-uri or "
                + "public-key-location is set)";
        if (issuer == null) {
            throw new SecurityConfigurationRefused(on + ", but dit.security.jwt.issuer (DIT_SECURITY_JWT_ISSUER) is not: "
                    + "the 'iss' every accepted token must name", action);
        }
        if (issuer.length() > MAX_ISSUER_LENGTH) {
            throw new SecurityConfigurationRefused("dit.security.jwt.issuer is longer than " + MAX_ISSUER_LENGTH
                    + " characters", action);
        }
        if (audience == null) {
            throw new SecurityConfigurationRefused(on + ", but dit.security.jwt.audience (DIT_SECURITY_JWT_AUDIENCE) is not: "
                    + "an 'aud' every accepted token must carry", action);
        }
    }
}
