package org.dit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import org.dit.support.Api;
import org.dit.support.ApiTest;
import org.dit.support.Clinic;
import org.dit.support.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a bearer token must say (issue 11 §5): an expiry within the lifetime bound, the configured issuer and audience,
 * a bounded subject, roles as a list; and whom it signs in as: never a configured user of the same name.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenRulesApiTest {

    /** Open to ADMIN, SUPERVISOR and REPORTING: 200 for a token with role ADMIN, 403 for one without roles. */
    private static final String PROTECTED = "/api/caseloads";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api lead;

    @BeforeAll
    void service() {
        lead = new Api(port);
    }

    private static JWTClaimsSet.Builder admin() {
        return TestTokens.claims("token-admin", List.of("ADMIN"), null);
    }

    private Api.Response call(JWTClaimsSet.Builder claims) {
        return lead.withBearer(TestTokens.sign(claims.build())).get(PROTECTED);
    }

    private static void assertUnauthenticated(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/unauthenticated");
    }

    @Test
    void givenATokenAsAnIdentityProviderIssuesIt_thenItIsAccepted() {
        assertThat(call(admin()).status()).isEqualTo(200);
    }

    @Test
    void givenATokenWithoutExpiry_then401() {
        assertUnauthenticated(call(admin().expirationTime(null)));
    }

    @Test
    void givenATokenLivingLongerThanTheBound_then401() {
        Instant now = Instant.now();
        assertUnauthenticated(call(admin().issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(12)).plusSeconds(120)))));
        assertUnauthenticated(call(admin().issueTime(null).expirationTime(Date.from(now.plus(Duration.ofDays(365))))));
        assertUnauthenticated(call(admin().issueTime(Date.from(now.minus(Duration.ofHours(13))))
                .expirationTime(Date.from(now.plusSeconds(600)))));

        assertThat(call(admin().issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(11)))))
                .status()).as("within the bound").isEqualTo(200);
    }

    @Test
    void givenATokenFromAnotherIssuerOrForAnotherAudience_then401() {
        assertUnauthenticated(call(admin().issuer("https://elsewhere.example.test")));
        assertUnauthenticated(call(admin().issuer(null)));
        assertUnauthenticated(call(admin().audience("another-service")));
        assertUnauthenticated(call(admin().audience((String) null)));

        assertThat(call(admin().audience(List.of("another-service", TestTokens.AUDIENCE))).status())
                .as("one of several audiences is this service").isEqualTo(200);
    }

    @Test
    void givenAMissingOverlongOrControlCharacterSubject_then401NotAServerError() {
        assertUnauthenticated(call(admin().subject(null)));
        assertUnauthenticated(call(admin().subject("")));
        assertUnauthenticated(call(admin().subject("s".repeat(TokenProperties.MAX_SUBJECT_LENGTH + 1))));
        assertUnauthenticated(call(admin().subject("s".repeat(5000))));
        assertUnauthenticated(call(admin().subject("line\nbreak")));
        // the actor is written into the event metadata: an overlong subject must not reach a command either
        Api.Response command = lead.withBearer(TestTokens.sign(admin().subject("s".repeat(5000)).build()))
                .post("/api/therapists", Map.of("name", "Pat Example", "accreditation", "QUALIFIED", "maxCaseload", 3));
        assertUnauthenticated(command);

        assertThat(call(admin().subject("s".repeat(TokenProperties.MAX_SUBJECT_LENGTH))).status()).isEqualTo(200);
    }

    @Test
    void givenRolesAsAStringRatherThanAList_thenTheTokenGrantsNoRole() {
        Api.Response asString = call(admin().claim("roles", "ADMIN"));
        assertThat(asString.status()).as(asString.toString()).isEqualTo(403);
        assertThat(asString.json().get("type").asText()).isEqualTo("/problems/forbidden");
        assertThat(call(admin().claim("roles", "ADMIN SUPERVISOR")).status()).isEqualTo(403);
        assertThat(call(admin().claim("roles", Map.of("ADMIN", true))).status()).isEqualTo(403);
        assertThat(call(admin().claim("roles", List.of("admin", "ROLE_ADMIN"))).status())
                .as("only the role names themselves").isEqualTo(403);
    }

    @Test
    void givenATokenWhoseSubjectIsAConfiguredUsersName_thenItActsAsADifferentActor() {
        Api configured = lead.as("admin");
        Api token = lead.withBearer(TestTokens.token("admin", List.of("ADMIN"), null));

        String byConfigured = new Clinic(configured).registerTherapist(3);
        String byToken = new Clinic(token).registerTherapist(3);

        assertThat(actorOf(byConfigured)).isEqualTo("admin");
        assertThat(actorOf(byToken)).isEqualTo(TestTokens.ISSUER + "#admin");
    }

    private String actorOf(String aggregateId) {
        return jdbc.queryForObject("""
                SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' FROM domain_event_entry
                 WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1""", String.class, aggregateId);
    }
}
