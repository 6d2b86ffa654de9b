package org.dit.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A plain HTTP client for the service under test: requests go over loopback like any client's. Every answer on an /api
 * path is held to the API document the service serves ({@link ApiContract}).
 */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Invented test users of application-test.yml and their passwords. */
    public static final java.util.Map<String, String> PASSWORDS = java.util.Map.of(
            "clinic-lead", "lead-test-pw", "admin", "admin-test-pw", "supervisor", "sup-test-pw",
            "auditor", "audit-test-pw", "reporting", "report-test-pw", "therapist", "therapist-test-pw");

    private final String base;
    private final String authorization;

    /** Signed in as {@code clinic-lead} (ADMIN, SUPERVISOR and REPORTING): the clinic's whole workflow. */
    public Api(int port) {
        this(port, basic("clinic-lead"));
    }

    private Api(int port, String authorization) {
        this.base = "http://localhost:" + port;
        this.authorization = authorization;
    }

    public int port() {
        return Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
    }

    /** The same service as another configured user. */
    public Api as(String username) {
        return new Api(port(), basic(username));
    }

    public Api withPassword(String username, String password) {
        return new Api(port(), "Basic " + java.util.Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    public Api withBearer(String token) {
        return new Api(port(), "Bearer " + token);
    }

    public Api anonymous() {
        return new Api(port(), null);
    }

    private static String basic(String username) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                (username + ":" + PASSWORDS.get(username)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public record Response(int status, Map<String, java.util.List<String>> headers, String text) {

        public JsonNode json() {
            try {
                return text == null || text.isBlank() ? MissingNode.getInstance() : JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + text, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    public Response post(String path, Object body, String... headerPairs) {
        String text = body == null ? null : body instanceof String s ? s : write(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .POST(text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
        if (text != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i < headerPairs.length; i += 2) {
            request.header(headerPairs[i], headerPairs[i + 1]);
        }
        return send(request.build(), text);
    }

    public Response get(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build(), null);
    }

    private Response send(HttpRequest request, String body) {
        Response answer;
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            answer = new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        ApiContract.check(new ApiContract.Exchange(port(), request.method(), request.uri().toString(),
                request.headers().map(), body, answer));
        return answer;
    }

    static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
