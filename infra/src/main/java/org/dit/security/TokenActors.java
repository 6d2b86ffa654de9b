package org.dit.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who a valid bearer token signs in as. Its name, the actor written into events and the access log, is
 * {@code <iss>#<sub>}: a token's subject is never taken for a configured user of the same name (configured names
 * cannot hold '#'). Its roles come from the {@code roles} claim when that is a list of role names; a single string, or
 * anything else, grants none.
 */
final class TokenActors implements Converter<Jwt, AbstractAuthenticationToken> {

    static final String ROLES_CLAIM = "roles";
    static final char SEPARATOR = '#';

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, roles(jwt), actor(jwt));
    }

    static String actor(Jwt jwt) {
        return jwt.getClaimAsString(JwtClaimNames.ISS) + SEPARATOR + jwt.getSubject();
    }

    static Collection<GrantedAuthority> roles(Jwt jwt) {
        if (!(jwt.getClaims().get(ROLES_CLAIM) instanceof Collection<?> claimed)) {
            return List.of();
        }
        return claimed.stream()
                .filter(Objects::nonNull)
                .flatMap(name -> Arrays.stream(Role.values()).filter(role -> role.name().equals(name)))
                .distinct()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
                .toList();
    }
}
