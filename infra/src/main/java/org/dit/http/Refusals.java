package org.dit.http;

import java.util.List;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.dit.command.InvalidInput;
import org.dit.command.RuleViolation;
import org.dit.personaldata.PersonalDataErased;
import org.dit.query.InvalidQuery;
import org.dit.query.QueryRefused;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The domain's refusals as problem documents: a rule that refused a command (409 naming the rule), a field the
 * command side found invalid (400), a record that does not exist (404), whether the command or the query side said so.
 * The modules throw plain exceptions; only this class knows how they look on the wire.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class Refusals {

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<Object> invalid(InvalidInput e) {
        return Problems.respond(Problems.invalid(List.of(Problems.param(e.field(), e.reason()))));
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<Object> refused(RuleViolation e) {
        ProblemDetail problem = Problems.problem(HttpStatus.valueOf(e.status()), e.type(), e.title(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        return Problems.respond(problem);
    }

    /** Anything written about an erased client would need their destroyed key (found as the cause of a failed append). */
    @ExceptionHandler(PersonalDataErased.class)
    ResponseEntity<Object> erased(PersonalDataErased e) {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "client-forgotten", "The client was erased",
                e.getMessage());
        problem.setProperty("clientId", e.clientId());
        return Problems.respond(problem);
    }

    @ExceptionHandler(InvalidQuery.class)
    ResponseEntity<Object> invalid(InvalidQuery e) {
        return Problems.respond(Problems.invalid(List.of(Problems.param(e.field(), e.reason()))));
    }

    @ExceptionHandler(QueryRefused.class)
    ResponseEntity<Object> refused(QueryRefused e) {
        return Problems.respond(Problems.problem(HttpStatus.valueOf(e.status()), e.type(), e.title(), e.getMessage()));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> notFound(AggregateNotFoundException e) {
        return Problems.respond(Problems.problem(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "No such record",
                "no record with id " + e.getAggregateIdentifier()));
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<Object> exists(AggregateStreamCreationException e) {
        return Problems.respond(Problems.problem(HttpStatus.CONFLICT, "episode-exists", "The record already exists",
                "a record with this id already exists"));
    }
}
