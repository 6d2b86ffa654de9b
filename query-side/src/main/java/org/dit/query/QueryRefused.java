package org.dit.query;

/**
 * A query the read models cannot answer as asked. The {@link #type()} is the stable slug of the reason; the HTTP layer
 * answers {@code /problems/<type>} with the status given here.
 */
public class QueryRefused extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;

    public QueryRefused(int status, String type, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }
}
