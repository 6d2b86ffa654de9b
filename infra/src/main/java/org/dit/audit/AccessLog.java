package org.dit.audit;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dit.command.web.Actors;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Records every successful read of a client's record: who, which episode, when, through which endpoint. */
@Configuration(proxyBeanMethods = false)
class AccessLog implements WebMvcConfigurer, HandlerInterceptor {

    private final JdbcTemplate jdbc;

    AccessLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/episodes/*", "/api/outcomes/episodes/*",
                "/api/audit/episodes/**");
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!"GET".equals(request.getMethod()) || response.getStatus() >= 300) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (variables == null || variables.get("episodeId") == null || pattern == null) {
            return;
        }
        UUID episodeId = UUID.fromString(variables.get("episodeId"));
        String actor = Actors.of(request);
        jdbc.update("""
                INSERT INTO audit_access_log (actor, episode_id, endpoint, status, correlation_id) VALUES (?, ?, ?, ?, ?)""",
                actor, episodeId, "GET " + pattern, response.getStatus(), response.getHeader("X-Correlation-Id"));
    }
}
