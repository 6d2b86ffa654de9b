package org.dit.command.web;

import java.util.List;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.dit.command.InvalidInput;
import org.dit.command.RuleViolation;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused commands as problem documents: 409 naming the rule, 400 naming the field, 404 for an unknown record. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandProblems {

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<Object> invalid(InvalidInput e) {
        return Problems.respond(Problems.invalid(List.of(Problems.param(e.field(), e.reason()))));
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<Object> refused(RuleViolation e) {
        return Problems.respond(Problems.problem(HttpStatus.valueOf(e.status()), e.type(), e.title(), e.getMessage()));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> notFound(AggregateNotFoundException e) {
        return Problems.respond(Problems.problem(HttpStatus.NOT_FOUND, "not-found", "No such record",
                "no record with id " + e.getAggregateIdentifier()));
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<Object> exists(AggregateStreamCreationException e) {
        return Problems.respond(Problems.problem(HttpStatus.CONFLICT, "episode-exists", "The record already exists",
                "a record with this id already exists"));
    }
}
