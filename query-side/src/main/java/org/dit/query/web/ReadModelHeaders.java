package org.dit.query.web;

import jakarta.servlet.http.HttpServletResponse;
import org.dit.query.admin.ProjectionAdmin;
import org.springframework.stereotype.Component;

/**
 * Says in every query answer whether its read model is being rebuilt: {@code Read-Model-Status: REBUILDING} while a
 * replay has not reached the position where it started, {@code CURRENT} otherwise; {@code Read-Model-Position} is the
 * last event position the model reflects. Dashboards must not take a rebuilding model for a complete one.
 */
@Component
public class ReadModelHeaders {

    public static final String STATUS = "Read-Model-Status";
    public static final String POSITION = "Read-Model-Position";

    private final ProjectionAdmin admin;

    ReadModelHeaders(ProjectionAdmin admin) {
        this.admin = admin;
    }

    public void describe(HttpServletResponse response, String projection) {
        admin.status(projection).ifPresent(status -> {
            response.setHeader(STATUS, status.replaying() ? "REBUILDING" : "CURRENT");
            response.setHeader(POSITION, String.valueOf(status.position()));
        });
    }
}
