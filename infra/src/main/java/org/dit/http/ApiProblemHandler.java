package org.dit.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the HTTP API as application/problem+json: bad input is a 400 naming the fields, anything
 * unexpected a 500 with no internals in it (the details go to the log under the correlation id).
 */
@RestControllerAdvice
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return Problems.respond(Problems.invalid(List.of(unreadable(ex))));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> params = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(error -> params.add(Problems.param(error.getField(),
                error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors().forEach(error -> params.add(Problems.param(error.getObjectName(),
                error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage())));
        return Problems.respond(Problems.invalid(params));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, String>> params = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                params.add(Problems.param(result.getMethodParameter().getParameterName(),
                        error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage()))));
        return Problems.respond(Problems.invalid(params));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
        String expected = ex.getRequiredType() == null ? "another type" : ex.getRequiredType().getSimpleName();
        return Problems.respond(Problems.invalid(List.of(Problems.param(ex.getName(), "is not a valid " + expected))));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            String slug = HttpStatus.resolve(statusCode.value()) == null ? "error"
                    : HttpStatus.resolve(statusCode.value()).name().toLowerCase().replace('_', '-');
            problem.setType(java.net.URI.create("/problems/" + slug));
        }
        if (response != null && response.getBody() instanceof ProblemDetail) {
            // a set content type skips negotiation: a problem is written even when the Accept header is unusable
            return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(response.getBody());
        }
        return response;
    }

    /**
     * An endpoint's {@code @PreAuthorize} refused the caller: thrown on to Spring Security, which answers it as it
     * answers every refusal (401 for an anonymous caller, otherwise 403), instead of the catch-all 500 below.
     */
    @ExceptionHandler(AccessDeniedException.class)
    void denied(AccessDeniedException ex) {
        throw ex;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        log.error("Unexpected error", ex);
        return Problems.respond(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the request could not be completed; quote the X-Correlation-Id when reporting it"));
    }

    private static Map<String, String> unreadable(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        while (cause != null && !(cause instanceof JsonMappingException) && !(cause instanceof JsonParseException)
                && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof StrictJson.UnstorableText text) {
            return Problems.param(path(text), text.getOriginalMessage());
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return Problems.param(path(unknown), "is not a known field");
        }
        if (cause instanceof InvalidFormatException format) {
            String expected = format.getTargetType() == null ? "value" : format.getTargetType().getSimpleName();
            if (format.getTargetType() != null && format.getTargetType().isEnum()) {
                return Problems.param(path(format), "must be one of " + java.util.Arrays.toString(format.getTargetType().getEnumConstants()));
            }
            return Problems.param(path(format), "is not a valid " + expected);
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return Problems.param(path(mismatch), "has the wrong type");
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return Problems.param(path(mapping), "is invalid");
        }
        if (cause instanceof JsonParseException) {
            return Problems.param("body", "is not well-formed JSON");
        }
        if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            return Problems.param("body", "is required");
        }
        return Problems.param("body", "could not be read");
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
