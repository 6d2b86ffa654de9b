package org.dit.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Security settings the service will not start with; the start-up report shows the message and what to do. */
final class SecurityConfigurationRefused extends IllegalStateException {

    private final String action;

    SecurityConfigurationRefused(String message, String action) {
        super(message);
        this.action = action;
    }

    /** Turns the refusal into Spring Boot's "APPLICATION FAILED TO START" report (registered in spring.factories). */
    static final class Analyzer extends AbstractFailureAnalyzer<SecurityConfigurationRefused> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, SecurityConfigurationRefused cause) {
            return new FailureAnalysis(cause.getMessage(), cause.action, cause);
        }
    }
}
