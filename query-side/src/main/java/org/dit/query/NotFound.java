package org.dit.query;

/** A read model has no record for the id asked about: 404 {@code /problems/not-found}. */
public class NotFound extends QueryRefused {

    public NotFound(String title, String detail) {
        super(404, "not-found", title, detail);
    }
}
