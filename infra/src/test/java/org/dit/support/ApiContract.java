package org.dit.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Holds every answer of the API to the document the service serves at /v3/api-docs: {@link Api} hands each exchange
 * with an /api path here, so every API test checks the contract as a side effect of whatever it tests. The check is
 * Atlassian's swagger-request-validator, which a client generator's or contract tester's reading agrees with:
 * <ul>
 * <li>the answer's status must be documented for the operation, with its media type, and its body must match the
 * schema (types, formats, required and nullable fields, no undocumented field);</li>
 * <li>a request the document refuses must not be accepted: a 2xx answer to a request that breaks the document means
 * the document is stricter than the service;</li>
 * <li>a 2xx answer on a path or method the document lacks is an undocumented endpoint.</li>
 * </ul>
 * A violation fails the test that made the request, naming the exchange and what the validator found.
 */
public final class ApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<Integer, Document> DOCUMENTS = new ConcurrentHashMap<>();
    private static final List<List<Exchange>> RECORDINGS = new CopyOnWriteArrayList<>();

    private ApiContract() {
    }

    /** One request and its answer, as the test client saw them. */
    public record Exchange(int port, String method, String uri, Map<String, List<String>> requestHeaders, String requestBody,
                           Api.Response response) {

        String path() {
            String path = URI.create(uri).getRawPath();
            return URLDecoder.decode(path, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return method + " " + uri + " -> " + response.status() + " " + abbreviated(response.text());
        }
    }

    /** The document served on a port, its validator, and its operations as (method, path template). */
    public record Document(String text, OpenApiInteractionValidator validator, List<Operation> operations) {

        public Optional<Operation> match(String method, String path) {
            return operations.stream().filter(o -> o.method().equals(method) && o.pattern().matcher(path).matches())
                    // a literal segment beats a variable one: /api/audit/checkpoints/keys is not /{id}
                    .min(Comparator.comparingInt(o -> o.template().split("\\{").length));
        }
    }

    public record Operation(String method, String template, Pattern pattern) {

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /** Exchanges from now on, until {@link Recording#close()}: what a test exercised. */
    public static Recording record() {
        Recording recording = new Recording(new CopyOnWriteArrayList<>());
        RECORDINGS.add(recording.exchanges);
        return recording;
    }

    public record Recording(List<Exchange> exchanges) implements AutoCloseable {

        @Override
        public void close() {
            RECORDINGS.remove(exchanges);
        }
    }

    /** Checks one exchange against the service's own document; fails with what is wrong. */
    static void check(Exchange exchange) {
        if (!exchange.path().startsWith("/api/")) {
            return;
        }
        RECORDINGS.forEach(recording -> recording.add(exchange));
        Document document = document(exchange);
        if (document == null) {
            return;
        }
        List<String> violations = violations(document, exchange);
        if (!violations.isEmpty()) {
            throw new AssertionError("The answer breaks the API document (/v3/api-docs): " + exchange + "\n  "
                    + String.join("\n  ", violations));
        }
    }

    /** What is wrong with an exchange against a document; empty when it keeps to it. */
    public static List<String> violations(Document document, Exchange exchange) {
        boolean accepted = exchange.response().status() / 100 == 2;
        ValidationReport requestReport = document.validator().validateRequest(request(exchange));
        boolean undocumented = requestReport.getMessages().stream().anyMatch(m -> m.getKey().equals("validation.request.path.missing")
                || m.getKey().equals("validation.request.operation.notAllowed"));
        List<String> violations = new ArrayList<>();
        if (undocumented) {
            if (accepted) {
                violations.add("an undocumented endpoint answered " + exchange.response().status());
            }
            return violations;
        }
        ValidationReport responseReport = document.validator().validateResponse(exchange.path(),
                Request.Method.valueOf(exchange.method()), response(exchange.response()));
        responseReport.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .forEach(m -> violations.add("answer: " + m.getKey() + ": " + m.getMessage()));
        if (accepted) {
            requestReport.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .forEach(m -> violations.add("the document refuses this request, which the service accepted: "
                            + m.getKey() + ": " + m.getMessage()));
        }
        return violations;
    }

    /** The document served on a port, fetched once. */
    public static Document document(int port) {
        return DOCUMENTS.computeIfAbsent(port, p -> {
            String text = fetch(p, basic("clinic-lead", Api.PASSWORDS.get("clinic-lead")));
            if (text == null) {
                throw new IllegalStateException("no API document on port " + p);
            }
            return parse(text);
        });
    }

    /** A document from its text: for a test that alters the served one, to see that the check notices. */
    public static Document parse(String text) {
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(text)
                .withLevelResolver(LevelResolver.create()
                        // a command answers JSON whatever the Accept header asks for (docs/http.md): by design
                        .withLevel("validation.request.accept.notAllowed", ValidationReport.Level.IGNORE)
                        .build())
                .build();
        List<Operation> operations = new ArrayList<>();
        try {
            JsonNode paths = JSON.readTree(text).get("paths");
            paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                if (List.of("get", "post", "put", "delete", "patch").contains(method)) {
                    operations.add(new Operation(method.toUpperCase(), path.getKey(),
                            Pattern.compile(path.getKey().replaceAll("\\{[^}]+}", "[^/]+"))));
                }
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Document(text, validator, Collections.unmodifiableList(operations));
    }

    /**
     * The document of the exchange's service. The suite's users sign in to read it; a service started with other users
     * is asked with the exchange's own credentials. Null when neither can read it (the database is down, say): such an
     * exchange goes unchecked.
     */
    private static Document document(Exchange exchange) {
        Document known = DOCUMENTS.get(exchange.port());
        if (known != null) {
            return known;
        }
        String text = fetch(exchange.port(), basic("clinic-lead", Api.PASSWORDS.get("clinic-lead")));
        if (text == null) {
            List<String> own = exchange.requestHeaders().getOrDefault("Authorization", List.of());
            text = own.isEmpty() ? null : fetch(exchange.port(), own.get(0));
        }
        if (text == null) {
            return null;
        }
        Document document = parse(text);
        DOCUMENTS.putIfAbsent(exchange.port(), document);
        return DOCUMENTS.get(exchange.port());
    }

    private static String fetch(int port, String authorization) {
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", authorization).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String basic(String username, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static Request request(Exchange exchange) {
        URI uri = URI.create(exchange.uri());
        SimpleRequest.Builder request = new SimpleRequest.Builder(exchange.method(), exchange.path());
        exchange.requestHeaders().forEach(request::withHeader);
        if (exchange.requestBody() != null) {
            request.withBody(exchange.requestBody());
        }
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                request.withQueryParam(name, value);
            }
        }
        return request.build();
    }

    private static com.atlassian.oai.validator.model.Response response(Api.Response answer) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.status());
        answer.headers().forEach((name, values) -> {
            if (name != null && !name.startsWith(":")) {
                response.withHeader(name, values);
            }
        });
        if (answer.text() != null && !answer.text().isEmpty()) {
            response.withBody(answer.text());
        }
        return response.build();
    }

    private static String abbreviated(String text) {
        return text == null ? "" : text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }
}
