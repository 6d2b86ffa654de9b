package org.dit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dit.support.Api;
import org.dit.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web application's sign-in over plain HTTP (no browser needed): a session cookie with CSRF tokens beside the
 * API's Basic and bearer sign-in, which stay exactly as they were; security headers on the pages.
 */
@ApiTest
class WebSecurityApiTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");
    private static final Pattern FORM_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    private HttpClient browserLike() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    /** Signs in with the form as that user; answers the page's CSRF token for the API. */
    private String signIn(HttpClient client, String username) throws Exception {
        HttpResponse<String> page = send(client, at("/sign-in"));
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher token = FORM_CSRF.matcher(page.body());
        assertThat(token.find()).as("the sign-in form carries a CSRF token").isTrue();
        String form = "username=" + username + "&password=" + URLEncoder.encode(Api.PASSWORDS.get(username), StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = send(client, at("/sign-in").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        HttpResponse<String> dashboard = send(client, at("/dashboard"));
        assertThat(dashboard.statusCode()).isEqualTo(200);
        Matcher meta = CSRF.matcher(dashboard.body());
        assertThat(meta.find()).isTrue();
        return meta.group(1);
    }

    @Test
    void pagesAskForSignInAndTheApiStillAnswers401() throws Exception {
        HttpClient client = browserLike();
        HttpResponse<String> home = send(client, at("/"));
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in");

        Api.Response api = new Api(port).anonymous().get("/api/caseloads");
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.contentType()).startsWith("application/problem+json");
        assertThat(api.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(api.header("Set-Cookie")).as("an API call makes no session").isNull();
        assertThat(new Api(port).anonymous().post("/api/therapists", Map.of("name", "X")).status()).isEqualTo(401);
    }

    @Test
    void aSessionCallsTheApiOnlyWithItsCsrfToken() throws Exception {
        HttpClient client = browserLike();
        String csrf = signIn(client, "clinic-lead");
        String therapist = "{\"name\":\"Web Session\",\"accreditation\":\"QUALIFIED\",\"maxCaseload\":3}";

        HttpResponse<String> read = send(client, at("/api/caseloads").header("Accept", "application/json"));
        assertThat(read.statusCode()).as("the session reads the API").isEqualTo(200);

        HttpResponse<String> withoutToken = send(client, at("/api/therapists").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(therapist)));
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");

        HttpResponse<String> wrongToken = send(client, at("/api/therapists").header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", "not-the-token").POST(HttpRequest.BodyPublishers.ofString(therapist)));
        assertThat(wrongToken.statusCode()).isEqualTo(403);

        HttpResponse<String> withToken = send(client, at("/api/therapists").header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", csrf).POST(HttpRequest.BodyPublishers.ofString(therapist)));
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(201);

        // Basic needs no token, as before
        assertThat(new Api(port).post("/api/therapists", Map.of("name", "Web Basic", "accreditation", "QUALIFIED",
                "maxCaseload", 3)).status()).isEqualTo(201);

        // signing out ends the session: the cookie reads nothing any more
        HttpResponse<String> signOut = send(client, at("/sign-out").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8))));
        assertThat(signOut.statusCode()).isEqualTo(302);
        assertThat(signOut.headers().firstValue("Location").orElseThrow()).contains("/sign-in?signed-out");
        assertThat(send(client, at("/api/caseloads")).statusCode()).isEqualTo(401);
    }

    @Test
    void pagesCarryTheSecurityHeadersAndARefusedRoleGetsThe403Page() throws Exception {
        HttpClient client = browserLike();
        signIn(client, "reporting");
        HttpResponse<String> dashboard = send(client, at("/dashboard"));
        String csp = dashboard.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(dashboard.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(dashboard.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        HttpResponse<String> reception = send(client, at("/reception"));
        assertThat(reception.statusCode()).isEqualTo(403);
        assertThat(reception.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(reception.body()).contains("You cannot open this page");

        HttpResponse<String> episode = send(client, at("/episodes/" + java.util.UUID.randomUUID()));
        assertThat(episode.statusCode()).isEqualTo(403);

        HttpResponse<String> api = send(client, at("/api/audit/verify"));
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void aWrongPasswordGoesBackToTheFormWithAMessage() throws Exception {
        HttpClient client = browserLike();
        HttpResponse<String> page = send(client, at("/sign-in"));
        Matcher token = FORM_CSRF.matcher(page.body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> failed = send(client, at("/sign-in").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=reporting&password=wrong&_csrf="
                        + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8))));
        assertThat(failed.statusCode()).isEqualTo(302);
        assertThat(failed.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in?error=failed");
        assertThat(send(client, at("/sign-in?error=failed")).body()).contains("do not match");

        HttpResponse<String> noToken = send(browserLike(), at("/sign-in").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=reporting&password=" + Api.PASSWORDS.get("reporting"))));
        assertThat(noToken.headers().firstValue("Location").orElse("")).as("no sign-in without the form's token")
                .contains("/sign-in?expired");
    }
}
