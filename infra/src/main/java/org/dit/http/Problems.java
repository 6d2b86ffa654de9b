package org.dit.http;

import java.net.URI;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** RFC 9457 problem documents with a stable {@code /problems/<rule>} type. */
public final class Problems {

    public static final String INVALID_INPUT = "invalid-input";
    public static final String NOT_FOUND = "not-found";

    private Problems() {
    }

    public static ProblemDetail problem(HttpStatusCode status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        return problem;
    }

    /** A 400 that names each invalid field: {@code invalidParams: [{name, reason}]}. */
    public static ProblemDetail invalid(List<Map<String, String>> invalidParams) {
        String detail = invalidParams.size() == 1
                ? invalidParams.get(0).get("name") + ": " + invalidParams.get(0).get("reason")
                : invalidParams.size() + " fields are invalid";
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, INVALID_INPUT, "Invalid input", detail);
        problem.setProperty("invalidParams", invalidParams);
        return problem;
    }

    public static Map<String, String> param(String name, String reason) {
        return Map.of("name", name, "reason", reason);
    }

    public static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Writes the problem document where no Spring MVC handler answers: filters, entry points, rejection handlers. */
    public static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
