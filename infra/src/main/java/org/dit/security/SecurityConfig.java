package org.dit.security;


import java.io.IOException;
import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.core.annotation.Order;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.HeaderWriterLogoutHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ClearSiteDataHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Who may do what (README "Access control"). Three ways in: HTTP Basic with the users of {@link UserStore}, the web
 * application's sign-in form with the same users (a session cookie and CSRF tokens, docs/web.md), and
 * bearer JWTs when an issuer, JWK set or public key is configured ({@link TokenRules} on what a token must say,
 * {@link TokenActors} on whom it signs in as, the therapist from {@code therapist_id}). A therapist reaches only the
 * episodes allocated to them.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties({SecurityUsersProperties.class, TokenProperties.class, SignInProperties.class})
class SecurityConfig {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    /**
     * Spring Security neither observes nor wraps each filter, authentication and authorisation (issue 16's HTTP
     * profile; the observations were already switched off in application.yml, but every filter was still wrapped).
     * The request's own observation (http.server.requests), its span and its metrics stay.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

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

    /**
     * Requests that sign in with an {@code Authorization} header (HTTP Basic or a bearer token): the API as it always was,
     * stateless and without CSRF tokens, which a browser cannot be tricked into sending such a header with.
     */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectProvider<JwtDecoder> jwtDecoder, TokenProperties tokens,
                            ObjectMapper json) throws Exception {
        AuthenticationEntryPoint unauthenticated = apiUnauthenticated(json);
        AccessDeniedHandler forbidden = apiForbidden(json);

        http.securityMatcher(SecurityConfig::signsInWithHeader)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        // who may call an endpoint is declared beside it (@PreAuthorize); here only: signed in
                        .anyRequest().authenticated());
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            tokens.requireComplete();
            http.oauth2ResourceServer(o -> o.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden)
                    .jwt(jwt -> jwt.decoder(new CachedJwtDecoder(decoder, Clock.systemUTC()))
                            .jwtAuthenticationConverter(new TokenActors())));
        }
        return http.build();
    }

    /**
     * Everything else: the web application's form sign-in with a session cookie (docs/web.md), and requests that carry
     * no credentials at all. A session may call the API too, with a CSRF token in the {@code X-CSRF-TOKEN} header on
     * every unsafe request. Without a session, an API request is answered as before: 401, a problem document.
     */
    @Bean
    @Order(2)
    SecurityFilterChain browser(HttpSecurity http, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint api = apiUnauthenticated(json);
        AuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint(SIGN_IN);
        AccessDeniedHandler apiForbidden = apiForbidden(json);
        AccessDeniedHandlerImpl pageForbidden = new AccessDeniedHandlerImpl();
        pageForbidden.setErrorPage("/forbidden");
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        // only a page asked for before signing in is returned to afterwards; an API call never makes a session
        requestCache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && isPage(request));
        requestCache.setMatchingRequestParameterName(null);

        http.csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfig::needsCsrfToken))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .requestCache(cache -> cache.requestCache(requestCache))
                .formLogin(form -> form.loginPage(SIGN_IN).permitAll()
                        .failureHandler((request, response, e) -> response.sendRedirect(
                                request.getContextPath() + SIGN_IN + "?error=" + signInFailure(e))))
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl(SIGN_IN + "?signed-out")
                        .deleteCookies(SESSION_COOKIE)
                        .addLogoutHandler(new HeaderWriterLogoutHandler(new ClearSiteDataHeaderWriter(
                                ClearSiteDataHeaderWriter.Directive.CACHE, ClearSiteDataHeaderWriter.Directive.COOKIES,
                                ClearSiteDataHeaderWriter.Directive.STORAGE))))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> {
                            if (isPage(request)) {
                                signIn.commence(request, response, e);
                            } else {
                                api.commence(request, response, e);
                            }
                        })
                        .accessDeniedHandler((request, response, e) -> {
                            if (e instanceof CsrfException && isPage(request)) {
                                // a sign-in or sign-out form older than its session: start again
                                response.sendRedirect(request.getContextPath() + SIGN_IN + "?expired");
                            } else if (isPage(request)) {
                                pageForbidden.handle(request, response, e);
                            } else {
                                apiForbidden.handle(request, response, e);
                            }
                        }))
                .authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .requestMatchers(SIGN_IN, "/forbidden", "/css/**", "/js/**", "/webjars/**", "/favicon.ico").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        // who may open a page or call an endpoint is declared beside it (@PreAuthorize)
                        .anyRequest().authenticated());
        return http.build();
    }

    static final String SIGN_IN = "/sign-in";
    static final String SESSION_COOKIE = "DIT_SESSION";
    /** Scripts and styles only from the service itself: no inline script, no CDN, no framing. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** Basic or Bearer: the header a script on another site cannot make a browser send. */
    static boolean signsInWithHeader(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && !authorization.isBlank();
    }

    /** Not the API, the actuator, the error path or the API document: one of the web application's pages. */
    static boolean isPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/api/") || path.equals("/api") || path.startsWith("/actuator") || path.startsWith("/error")
                || path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui"));
    }

    /**
     * An unsafe request needs the session's CSRF token when it could ride on a session cookie: every unsafe request
     * of a session, and every form of the pages (so the sign-in form too). An API call without a session has no cookie
     * to abuse and is answered 401 as before.
     */
    static boolean needsCsrfToken(HttpServletRequest request) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || "TRACE".equals(method)) {
            return false;
        }
        return request.getSession(false) != null || isPage(request);
    }

    private static String signInFailure(AuthenticationException e) {
        if (e instanceof SignInRefused refused) {
            return refused.status() == HttpStatus.TOO_MANY_REQUESTS ? "throttled" : "busy";
        }
        return DatabaseUnavailable.isCause(e) ? "unavailable" : "failed";
    }

    private AuthenticationEntryPoint apiUnauthenticated(ObjectMapper json) {
        return (request, response, e) -> {
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
            if (request.getHeader("X-Requested-With") == null) {
                // the web application's scripts say who they are: a lapsed session goes back to the sign-in page
                // instead of the browser's own password dialog
                response.setHeader("WWW-Authenticate", "Basic realm=\"dit\"");
            }
            problem(response, json, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                    "sign in with HTTP Basic or a bearer token");
        };
    }

    private static AccessDeniedHandler apiForbidden(ObjectMapper json) {
        return (request, response, e) -> problem(response, json, HttpStatus.FORBIDDEN, "forbidden",
                "Not allowed", "your role does not allow this, or the record is not yours");
    }

    private static void problem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String type, String title,
                                String detail) throws IOException {
        Problems.write(response, json, Problems.problem(status, type, title, detail));
    }
}
