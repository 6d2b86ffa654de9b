package org.dit.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;

/**
 * The rules a bearer token must meet beyond its signature and Spring's default checks (not expired, not before
 * {@code nbf}). Spring Boot adds this validator to the JwtDecoder it builds from the resource-server properties. A token
 * that breaks one is answered 401, like a bad signature.
 * <ul>
 * <li>{@code exp} is present, at most {@code max-lifetime} after {@code iat} (when given) and after now;</li>
 * <li>{@code iss} is the configured issuer; {@code aud} names the configured audience;</li>
 * <li>{@code sub} is present, 1 to {@value TokenProperties#MAX_SUBJECT_LENGTH} characters, no control characters.</li>
 * </ul>
 */
final class TokenRules implements OAuth2TokenValidator<Jwt> {

    /** Clock skew allowed between the identity provider and this service, as Spring's timestamp check allows. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final OAuth2TokenValidator<Jwt> rules;

    TokenRules(TokenProperties properties, Clock clock) {
        List<OAuth2TokenValidator<Jwt>> all = new ArrayList<>();
        all.add(jwt -> lifetime(jwt, properties.maxLifetime(), clock.instant()));
        all.add(properties.issuer() == null ? unconfigured("issuer") : new JwtIssuerValidator(properties.issuer()));
        all.add(properties.audience() == null ? unconfigured("audience") : new JwtAudienceValidator(properties.audience()));
        all.add(new JwtClaimValidator<Object>(JwtClaimNames.SUB, TokenRules::isBoundedSubject));
        this.rules = new DelegatingOAuth2TokenValidator<>(all);
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        return rules.validate(token);
    }

    static boolean isBoundedSubject(Object sub) {
        if (!(sub instanceof String subject) || subject.isEmpty() || subject.length() > TokenProperties.MAX_SUBJECT_LENGTH) {
            return false;
        }
        return subject.codePoints().noneMatch(Character::isISOControl) && !subject.isBlank();
    }

    private static OAuth2TokenValidatorResult lifetime(Jwt jwt, Duration max, Instant now) {
        Instant expires = jwt.getExpiresAt();
        if (expires == null) {
            return invalid("The token has no expiry (exp)");
        }
        Instant issued = jwt.getIssuedAt();
        if (issued != null && Duration.between(issued, expires).compareTo(max) > 0) {
            return invalid("The token lives longer than " + max + " (exp - iat)");
        }
        if (Duration.between(now, expires).compareTo(max.plus(CLOCK_SKEW)) > 0) {
            return invalid("The token expires more than " + max + " from now");
        }
        return OAuth2TokenValidatorResult.success();
    }

    /** Bearer tokens on without the setting: the start is refused (TokenProperties), and no token passes meanwhile. */
    private static OAuth2TokenValidator<Jwt> unconfigured(String what) {
        return jwt -> invalid("No " + what + " is configured for bearer tokens");
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
