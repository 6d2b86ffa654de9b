package org.dit.security;


import java.io.IOException;
import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.dit.http.Problems;
import org.dit.http.DatabaseUnavailable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Who may do what (README "Access control"). Two ways in: HTTP Basic with the users of {@link UserStore}, and
 * bearer JWTs when an issuer, JWK set or public key is configured ({@link TokenRules} on what a token must say,
 * {@link TokenActors} on whom it signs in as, the therapist from {@code therapist_id}). A therapist reaches only the
 * episodes allocated to them.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties({SecurityUsersProperties.class, TokenProperties.class, SignInProperties.class})
class SecurityConfig {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserStore userStore(SecurityUsersProperties properties, SignInProperties signIn, JdbcTemplate jdbc, PasswordEncoder encoder) {
        return new UserStore(properties, signIn.maxBcryptCost(), jdbc, encoder);
    }

    /** The one AuthenticationProvider bean: Spring Security makes it the provider of every password sign-in. */
    @Bean
    PasswordSignIn passwordSignIn(UserStore users, PasswordEncoder encoder, SignInProperties signIn) {
        return new PasswordSignIn(users, encoder, new SignInThrottle(signIn), signIn);
    }

    /** Spring Boot adds every such validator to the JwtDecoder it configures. */
    @Bean
    OAuth2TokenValidator<Jwt> tokenRules(TokenProperties tokens) {
        return new TokenRules(tokens, Clock.systemUTC());
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectProvider<JwtDecoder> jwtDecoder, TokenProperties tokens,
                            ObjectMapper json) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            if (DatabaseUnavailable.isCause(e)) {
                // the stored users could not be read: not a wrong password, so no 401
                DatabaseUnavailable.write(response, json);
                return;
            }
            if (e instanceof SignInRefused refused) {
                // too many failures (429) or no password check free (503): not a wrong password, so no 401
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
                problem(response, json, refused.status(), refused.type(), refused.title(), refused.getMessage());
                return;
            }
            if (e instanceof InvalidBearerTokenException) {
                // an expired token is everyday; a password guess is what PasswordSignIn logs at WARN
                log.info("Bearer token refused from {}: {}", request.getRemoteAddr(),
                        PasswordSignIn.loggable(String.valueOf(e.getMessage()), 200));
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"dit\"");
            problem(response, json, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                    "sign in with HTTP Basic or a bearer token");
        };
        AccessDeniedHandler forbidden = (request, response, e) -> problem(response, json, HttpStatus.FORBIDDEN, "forbidden",
                "Not allowed", "your role does not allow this, or the record is not yours");

        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        // who may call an endpoint is declared beside it (@PreAuthorize); here only: signed in
                        .anyRequest().authenticated());
        if (jwtDecoder.getIfAvailable() != null) {
            tokens.requireComplete();
            http.oauth2ResourceServer(o -> o.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden)
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(new TokenActors())));
        }
        return http.build();
    }

    private static void problem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String type, String title,
                                String detail) throws IOException {
        Problems.write(response, json, Problems.problem(status, type, title, detail));
    }
}
