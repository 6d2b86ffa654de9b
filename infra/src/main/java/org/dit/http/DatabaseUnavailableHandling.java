package org.dit.http;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers 503 problem+json with Retry-After whenever the database is unreachable, for commands and queries alike.
 * A resolver ahead of every {@code @ExceptionHandler} catches it in Spring MVC (the catch-all 500 of
 * {@link ApiProblemHandler} would otherwise win), and a filter catches it where it escapes the security filters (an
 * access rule that reads the database). A failed Basic-auth lookup is handled by the entry point in SecurityConfig.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseUnavailableHandling {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableHandling.class);

    @Bean
    HandlerExceptionResolver databaseUnavailableResolver(ObjectMapper json) {
        return new Resolver(json);
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> databaseUnavailableFilter(ObjectMapper json) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                try {
                    chain.doFilter(request, response);
                } catch (ServletException | IOException | RuntimeException e) {
                    if (!DatabaseUnavailable.isCause(e) || response.isCommitted()) {
                        throw e;
                    }
                    answer(request, response, e, json);
                }
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        // inside the correlation id filter (so the 503 still echoes it) and the request size limit, outside Spring
        // Security's chain
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response, Throwable e, ObjectMapper json)
            throws IOException {
        log.warn("Database unavailable or busy: {} {} answered 503 ({}, caused by {})", request.getMethod(),
                request.getRequestURI(), e.getClass().getName(), NestedExceptionUtils.getMostSpecificCause(e).toString());
        response.resetBuffer();
        DatabaseUnavailable.write(response, json);
    }

    private static final class Resolver implements HandlerExceptionResolver, Ordered {

        private final ObjectMapper json;

        private Resolver(ObjectMapper json) {
            this.json = json;
        }

        @Override
        public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                             Exception ex) {
            if (!DatabaseUnavailable.isCause(ex) || response.isCommitted()) {
                return null;
            }
            try {
                answer(request, response, ex, json);
            } catch (IOException e) {
                return null;
            }
            return new ModelAndView();
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
