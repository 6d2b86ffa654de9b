package org.dit.http;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reach a controller (Tomcat and Spring Security refusing a request, a sendError from a filter) go
 * to {@code /error}; this answers them as problem documents, like every other error of the API, instead of Spring
 * Boot's default JSON or HTML.
 */
@RestController
@RequestMapping("${server.error.path:/error}")
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // asked for directly, not forwarded here by the container: there is nothing at this address
            return Problems.respond(Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not Found", "no resource here"));
        }
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null && value >= 400
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status.is5xxServerError()) {
            log.error("Unexpected error on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
            return Problems.respond(Problems.problem(status, slug(status),
                    status == HttpStatus.INTERNAL_SERVER_ERROR ? "Internal error" : status.getReasonPhrase(),
                    "the request could not be completed; quote the X-Correlation-Id when reporting it"));
        }
        return Problems.respond(Problems.problem(status, slug(status), status.getReasonPhrase(),
                "the request was refused: " + status.getReasonPhrase().toLowerCase()));
    }

    /** The problem type of a status with no more specific rule: the same names the rest of the API uses. */
    static String slug(HttpStatus status) {
        return switch (status) {
            case INTERNAL_SERVER_ERROR -> "internal-error";
            case UNAUTHORIZED -> "unauthenticated";
            case PAYLOAD_TOO_LARGE -> "payload-too-large";
            default -> status.name().toLowerCase().replace('_', '-');
        };
    }
}
