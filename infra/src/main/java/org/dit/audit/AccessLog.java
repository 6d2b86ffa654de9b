package org.dit.audit;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dit.command.web.Actors;
import org.dit.http.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Who asked for client-level data, when, through which request, whether it was allowed, and which episodes and
 * clients the answer held. Every GET of the API is recorded: single records, lists (caseloads, the waiting list),
 * the audit views and the export. An allowed answer is recorded before its body is written, in its own
 * transaction; if the row cannot be written the caller gets 503 and none of the data (the log fails closed).
 * A refused or failed request is recorded as it ends; nothing was served to it.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AccessLog implements WebMvcConfigurer, HandlerInterceptor, ResponseBodyAdvice<Object> {

    private static final Logger log = LoggerFactory.getLogger(AccessLog.class);
    private static final String RECORDED = AccessLog.class.getName() + ".recorded";
    /** Query parameters that carry personal data (the client search), in lower case. */
    private static final Set<String> SEARCH_TERMS = Set.of("nhsnumber", "familyname", "dateofbirth");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    AccessLog(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The access could not be recorded, so the data is not served. */
    static final class AccessNotRecorded extends RuntimeException {
        AccessNotRecorded(Throwable cause) {
            super("the access log could not be written", cause);
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (request instanceof ServletServerHttpRequest servletRequest
                && response instanceof ServletServerHttpResponse servletResponse
                && isRead(servletRequest.getServletRequest())
                && servletResponse.getServletResponse().getStatus() < 300) {
            Set<UUID> episodes = new LinkedHashSet<>();
            Set<UUID> clients = new LinkedHashSet<>();
            collect(json.valueToTree(body), episodes, clients);
            record(servletRequest.getServletRequest(), servletResponse.getServletResponse(),
                    servletResponse.getServletResponse().getStatus(), "ALLOWED", episodes, clients);
        }
        return body;
    }

    /** For answers written outside the message converters (the NDJSON export): record before the first byte. */
    void recordStream(HttpServletRequest request, HttpServletResponse response) {
        record(request, response, HttpStatus.OK.value(), "ALLOWED", new LinkedHashSet<>(), new LinkedHashSet<>());
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!isRead(request) || request.getAttribute(RECORDED) != null) {
            return;
        }
        boolean refused = ex instanceof AccessDeniedException || response.getStatus() == 403;
        int status = ex instanceof AccessDeniedException ? 403 : response.getStatus();
        if (!refused && status < 400) {
            return;
        }
        try {
            record(request, response, status, refused ? "REFUSED" : "FAILED", new LinkedHashSet<>(), new LinkedHashSet<>());
        } catch (AccessNotRecorded e) {
            // nothing was served to this request; the failure is the operator's to see
            log.error("A refused read of {} could not be recorded in the access log", request.getRequestURI(), e);
        }
    }

    @ExceptionHandler(AccessNotRecorded.class)
    ResponseEntity<Object> notRecorded(AccessNotRecorded e) {
        log.error("Access log unavailable: the answer was withheld", e);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "access-log-unavailable",
                        "The read could not be recorded",
                        "every read of client data is recorded before it is answered, and the record could not be "
                                + "written; nothing was served. Try again shortly"));
    }

    private static boolean isRead(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) && request.getRequestURI().startsWith("/api/");
    }

    private void record(HttpServletRequest request, HttpServletResponse response, int status, String outcome,
                        Set<UUID> episodes, Set<UUID> clients) {
        request.setAttribute(RECORDED, Boolean.TRUE);
        UUID episodeId = pathVariable(request, "episodeId");
        if (episodeId != null) {
            episodes.add(episodeId);
        }
        UUID clientId = pathVariable(request, "clientId");
        if (clientId != null) {
            clients.add(clientId);
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String query = withoutPersonalData(request.getQueryString());
        String actor = Actors.of(request);
        try {
            jdbc.update("""
                    INSERT INTO audit_access_log (actor, episode_id, endpoint, status, correlation_id, request, outcome,
                                                  episodes, clients)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?::uuid[], ?::uuid[])""",
                    actor, episodeId, "GET " + (pattern == null ? request.getRequestURI() : pattern), status,
                    correlationId(response), request.getRequestURI() + (query == null ? "" : "?" + query), outcome,
                    array(episodes), array(clients));
        } catch (RuntimeException e) {
            throw new AccessNotRecorded(e);
        }
    }

    /**
     * The query string with the values of client search terms left out: the log records who searched and which
     * clients the answer held, never an NHS number, name or date of birth in clear.
     */
    static String withoutPersonalData(String query) {
        if (query == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder();
        for (String parameter : query.split("&", -1)) {
            String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
            if (!kept.isEmpty()) {
                kept.append('&');
            }
            kept.append(SEARCH_TERMS.contains(name.toLowerCase(Locale.ROOT)) ? name + "=(withheld)" : parameter);
        }
        return kept.toString();
    }

    /** As the correlation filter echoed it to the caller. */
    private static String correlationId(HttpServletResponse response) {
        return response.getHeader("X-Correlation-Id");
    }

    private static String array(Set<UUID> ids) {
        StringBuilder text = new StringBuilder("{");
        for (UUID id : ids) {
            if (text.length() > 1) {
                text.append(',');
            }
            text.append(id);
        }
        return text.append('}').toString();
    }

    @SuppressWarnings("unchecked")
    private static UUID pathVariable(HttpServletRequest request, String name) {
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables == null ? null : uuid(variables.get(name));
    }

    private static void collect(JsonNode node, Set<UUID> episodes, Set<UUID> clients) {
        if (node == null) {
            return;
        }
        for (JsonNode value : node.findValues("episodeId")) {
            add(value, episodes);
        }
        for (JsonNode value : node.findValues("clientId")) {
            add(value, clients);
        }
    }

    private static void add(JsonNode value, Set<UUID> ids) {
        UUID id = value.isTextual() ? uuid(value.asText()) : null;
        if (id != null) {
            ids.add(id);
        }
    }

    private static UUID uuid(String text) {
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
