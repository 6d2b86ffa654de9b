package org.dit.query.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.dit.query.admin.DeadLetterAdmin;
import org.dit.query.admin.ProjectionAdmin;
import org.springframework.stereotype.Component;

/**
 * Says in every query answer how far to trust its read model: {@code Read-Model-Status: REBUILDING} while a replay has
 * not reached the position where it started; {@code INCOMPLETE} when the model has parked events it could not apply
 * (for a one-episode answer: events of that episode; for a list or a report: any) — later events of a parked episode
 * wait behind them, so the answer may lack them; {@code CURRENT} otherwise. {@code Read-Model-Position} is the last
 * event position the model reflects. Dashboards must not take a rebuilding or incomplete model for a complete one.
 */
@Component
public class ReadModelHeaders {

    public static final String STATUS = "Read-Model-Status";
    public static final String POSITION = "Read-Model-Position";

    private final ProjectionAdmin admin;
    private final DeadLetterAdmin deadLetters;

    ReadModelHeaders(ProjectionAdmin admin, DeadLetterAdmin deadLetters) {
        this.admin = admin;
        this.deadLetters = deadLetters;
    }

    /** For a list or a report: incomplete while the projection holds any parked event. */
    public void describe(HttpServletResponse response, String projection) {
        admin.status(projection).ifPresent(status -> set(response, status, status.deadLetters() > 0));
    }

    /** For one episode's answer: incomplete while the projection holds a parked event of that episode. */
    public void describe(HttpServletResponse response, String projection, UUID episodeId) {
        admin.status(projection).ifPresent(status -> set(response, status,
                status.deadLetters() > 0 && deadLetters.isParked(projection, episodeId.toString())));
    }

    private static void set(HttpServletResponse response, ProjectionAdmin.ProjectionStatus status, boolean parked) {
        response.setHeader(STATUS, status.replaying() ? "REBUILDING" : parked ? "INCOMPLETE" : "CURRENT");
        response.setHeader(POSITION, String.valueOf(status.position()));
    }
}
