package org.dit.http;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.http.HttpServletResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;

/**
 * The API document served at /v3/api-docs (and the Swagger page over it) is the contract, exact enough for contract
 * testers and client generators: OpenAPI 3.0 (the version they read best; {@code nullable} says which fields may be
 * null), each operation's real success status and media type, the problem documents it can answer with, and the two
 * ways to sign in. What varies per endpoint is declared beside it (its {@code @ApiResponse} success answer, a refusal of
 * its own, {@code @Schema(nullable = true)} on answer fields); what all endpoints share is added here, from what the
 * handler method shows: a command (org.dit.command) takes an Idempotency-Key and may be refused (409, 422), a path
 * variable names a record that may not exist (404), a body may be too large or not JSON (413, 415). The API tests
 * check every answer they receive against this document (ApiContract), so it cannot drift from what is served.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocument {

    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
    static final String NDJSON = "application/x-ndjson";

    private static final String CORRELATION_ID = "X-Correlation-Id";
    private static final String RETRY_AFTER = "Retry-After";
    private static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
    private static final String READ_MODEL_STATUS = "Read-Model-Status";
    private static final String READ_MODEL_POSITION = "Read-Model-Position";

    static final String DESCRIPTION = """
            The clinical record of a Dynamic Interpersonal Therapy clinic: every command (POST) appends events to an \
            append-only log, and the read models (GET) follow within moments.

            **Signing in.** Every call needs a signed-in user: choose **Authorize** and give one of

            * *basicAuth*: the username and password of a user configured for the service (`dit.security.users`, or \
            `DIT_SECURITY_USERS_<n>_USERNAME`, `_PASSWORD_HASH`, `_ROLES`, `_THERAPIST_ID`). When none is configured, the \
            first start creates `admin` and prints its password once in the log. Repeated failures are answered 429 for a \
            while.
            * *bearerAuth*: a JWT from the clinic's identity provider, when the service is configured for one \
            (`SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI` and `DIT_SECURITY_JWT_AUDIENCE`): its `iss` and `aud` \
            name them, its `exp` is at most 12 hours ahead, its roles are the list in its `roles` claim, and a \
            therapist's id is its `therapist_id` claim.

            Roles: `ADMIN` (referral to ending), `THERAPIST` (the episodes allocated to them), `SUPERVISOR` (any episode; \
            caseloads, outcomes, course extensions), `REPORTING` (lists and outcomes, without client identifiers), \
            `AUDITOR` (the log and its tamper evidence). docs/security-and-audit.md has the whole matrix.

            **Conventions.** JSON in camelCase; dates `2026-03-02`, instants `2026-03-02T09:00:00Z`. An \
            `Idempotency-Key` on a command makes a repeat answer the first response (`Idempotent-Replayed: true`) and \
            append nothing. Errors are RFC 9457 `application/problem+json` documents with a stable `type` per rule; a \
            refused command appends nothing. Query answers carry `Read-Model-Status` and `Read-Model-Position`.""";

    /** Problem responses by status: the name under components/responses and when it is answered. */
    private static final Map<String, String[]> PROBLEMS = new LinkedHashMap<>();

    static {
        PROBLEMS.put("400", new String[] {"BadRequest", "Invalid input (`/problems/invalid-input`, each invalid field in "
                + "`invalidParams`: unknown fields, wrong types or enum values, malformed dates, wrong item counts, "
                + "out-of-range items, an empty body), or a request that could not be read (`/problems/bad-request`)"});
        PROBLEMS.put("401", new String[] {"Unauthorized", "Not signed in, or the password or token was refused "
                + "(`/problems/unauthenticated`)"});
        PROBLEMS.put("403", new String[] {"Forbidden", "The caller's role does not allow this, or the record is not theirs "
                + "(`/problems/forbidden`)"});
        PROBLEMS.put("404", new String[] {"NotFound", "No such record (`/problems/not-found`)"});
        PROBLEMS.put("409", new String[] {"Conflict", "Refused by the rule its `type` names (docs/design.md §2), or the "
                + "record changed meanwhile (`/problems/concurrent-modification`): nothing was appended"});
        PROBLEMS.put("413", new String[] {"PayloadTooLarge", "The body is over the service's limit, 128 KB by default "
                + "(`/problems/payload-too-large`)"});
        PROBLEMS.put("415", new String[] {"UnsupportedMediaType", "The body is not `application/json` "
                + "(`/problems/unsupported-media-type`)"});
        PROBLEMS.put("422", new String[] {"UnprocessableEntity", "The Idempotency-Key was first used with another request "
                + "(`/problems/idempotency-key-reused`)"});
        PROBLEMS.put("429", new String[] {"TooManyRequests", "Too many failed sign-ins for this user or address "
                + "(`/problems/too-many-sign-in-failures`); retry after `Retry-After` seconds"});
        PROBLEMS.put("503", new String[] {"ServiceUnavailable", "The database cannot serve the request right now "
                + "(`/problems/service-unavailable`), no password check is free (`/problems/sign-in-busy`), or a read "
                + "could not be recorded in the access log (`/problems/access-log-unavailable`); retry after "
                + "`Retry-After` seconds (a command with its Idempotency-Key is never recorded twice)"});
    }

    @Bean
    SchemaNames schemaNames() {
        return new SchemaNames();
    }

    @Bean
    OperationCustomizer apiOperations() {
        return (operation, handler) -> {
            describe(operation, handler);
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer apiContract(SchemaNames names, ObjectMapper json,
                                  @Value("${info.service.version:unknown}") String version) {
        return openApi -> {
            openApi.info(new Info().title("DIT clinical workflow service").version(version).description(DESCRIPTION));
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.components(components);
            components.addSecuritySchemes("basicAuth", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                    .description("A user configured for the service: username and password"));
            components.addSecuritySchemes("bearerAuth", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                    .bearerFormat("JWT").description("A token from the clinic's identity provider, when the service is "
                            + "configured to accept them"));
            openApi.security(List.of(new SecurityRequirement().addList("basicAuth"),
                    new SecurityRequirement().addList("bearerAuth")));
            addProblems(components);
            ApiSchemas.tighten(openApi, names, json);
        };
    }

    /** What every operation shares, from what its handler method shows. */
    static void describe(Operation operation, HandlerMethod handler) {
        String module = handler.getBeanType().getPackageName();
        boolean command = module.startsWith("org.dit.command");
        boolean readModel = module.startsWith("org.dit.query") && !module.startsWith("org.dit.query.admin")
                && Arrays.stream(handler.getMethod().getParameterTypes()).anyMatch(HttpServletResponse.class::equals);
        boolean body = Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
        boolean path = Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(PathVariable.class));

        operation.addParametersItem(new Parameter().in("header").name(CORRELATION_ID).required(false)
                .description("Traces the request: echoed in the answer and written to every event it causes. Kept when it "
                        + "is 1 to 128 of A-Z a-z 0-9 . _ : -, replaced by a new id otherwise")
                .schema(new StringSchema()));
        if (command) {
            operation.addParametersItem(new Parameter().in("header").name("Idempotency-Key").required(false)
                    .description("Makes the command run at most once for this user: a repeat answers the first "
                            + "response and appends nothing; the same key with another request is a 422")
                    .schema(new StringSchema().minLength(1).maxLength(255).pattern("^[\\x21-\\x7E]+$")));
        }

        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.responses(responses);
        responses.forEach((status, response) -> {
            if (!status.startsWith("2")) {
                return;
            }
            if (response.getContent() != null) {
                response.getContent().forEach((mediaType, media) -> {
                    if (NDJSON.equals(mediaType)) {
                        media.schema(new StringSchema().description("One JSON object per line"));
                    }
                });
            }
            response.addHeaderObject(CORRELATION_ID, header(CORRELATION_ID));
            if (command) {
                response.addHeaderObject(IDEMPOTENT_REPLAYED, header(IDEMPOTENT_REPLAYED));
            }
            if (readModel) {
                response.addHeaderObject(READ_MODEL_STATUS, header(READ_MODEL_STATUS));
                response.addHeaderObject(READ_MODEL_POSITION, header(READ_MODEL_POSITION));
            }
        });
        List<String> problems = new java.util.ArrayList<>(List.of("400", "401", "403", "429", "503"));
        if (path) {
            problems.add("404");
        }
        if (command) {
            problems.addAll(List.of("409", "422"));
        }
        if (body) {
            problems.addAll(List.of("413", "415"));
        }
        for (String status : problems) {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, new ApiResponse().$ref("#/components/responses/" + PROBLEMS.get(status)[0]));
            }
        }
        // a refusal an endpoint declares itself ({@code @ApiResponse(responseCode = "409", description = ...)}) keeps its
        // description and is answered as every other problem is
        responses.forEach((status, response) -> {
            if (!status.startsWith("2") && response.get$ref() == null) {
                response.content(problemContent());
                response.addHeaderObject(CORRELATION_ID, header(CORRELATION_ID));
            }
        });
        // in the order a reader looks for them: success first, then by status
        ApiResponses sorted = new ApiResponses();
        responses.keySet().stream().sorted().forEach(status -> sorted.addApiResponse(status, responses.get(status)));
        operation.responses(sorted);
    }

    private static Header header(String name) {
        return new Header().$ref("#/components/headers/" + name);
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")));
    }

    private static void addProblems(Components components) {
        components.addSchemas("InvalidParam", new ObjectSchema()
                .addProperty("name", new StringSchema().description("the field, as a path into the body: phq9, focus.affect, "
                        + "items[3]"))
                .addProperty("reason", new StringSchema())
                .required(List.of("name", "reason")));
        components.addSchemas("Problem", new ObjectSchema()
                .description("An RFC 9457 problem document")
                .addProperty("type", new StringSchema().format("uri-reference").example("/problems/invalid-input")
                        .description("Stable, one per rule: /problems/<rule>"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference").description("The request's path"))
                .addProperty("invalidParams", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/InvalidParam"))
                        .description("In a 400 /problems/invalid-input: each invalid field and why"))
                .addProperty("clientId", new StringSchema().format("uuid").description("The client the refusal concerns: "
                        + "the registered holder (client-exists), the one not found (client-not-found), the erased one "
                        + "(client-forgotten), the one already linked (episode-client-registered)"))
                .addProperty("episodeId", new StringSchema().format("uuid").description("The client's open episode "
                        + "(open-episode-exists)"))
                .required(List.of("type", "title", "status", "detail")));

        components.addHeaders(CORRELATION_ID, new Header().required(true)
                .description("The request's correlation id: the one it gave, or a new one")
                .schema(new StringSchema().pattern("^[A-Za-z0-9._:\\-]{1,128}$")));
        components.addHeaders(IDEMPOTENT_REPLAYED, new Header().required(false)
                .description("true when this is the first answer to an earlier request with the same Idempotency-Key")
                .schema(new StringSchema()._enum(List.of("true"))));
        components.addHeaders(READ_MODEL_STATUS, new Header().required(true)
                .description("REBUILDING while the read model is replayed from the log and has not reached where the replay "
                        + "began; INCOMPLETE while it holds a parked event it could not apply (of the episode asked about, "
                        + "or any for a list or report); CURRENT otherwise")
                .schema(new StringSchema()._enum(List.of("CURRENT", "REBUILDING", "INCOMPLETE"))));
        components.addHeaders(READ_MODEL_POSITION, new Header().required(true)
                .description("The last position in the event log that the read model reflects")
                .schema(new StringSchema().pattern("^[0-9]+$")));
        components.addHeaders(RETRY_AFTER, new Header().required(true).description("Seconds to wait before trying again")
                .schema(new StringSchema().pattern("^[0-9]+$")));
        components.addHeaders("WWW-Authenticate", new Header().required(false).description("How to sign in")
                .schema(new StringSchema()));

        PROBLEMS.forEach((status, problem) -> {
            ApiResponse response = new ApiResponse().description(problem[1]).content(problemContent())
                    .addHeaderObject(CORRELATION_ID, header(CORRELATION_ID));
            if (status.equals("429") || status.equals("503")) {
                response.addHeaderObject(RETRY_AFTER, header(RETRY_AFTER));
            }
            if (status.equals("401")) {
                response.addHeaderObject("WWW-Authenticate", header("WWW-Authenticate"));
            }
            components.addResponses(problem[0], response);
        });
    }
}
