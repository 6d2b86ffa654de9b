package org.dit.fuzz;

import java.util.Map;

/**
 * One request of the corpus, as bytes on the wire would have it.
 *
 * @param target      path and query, already percent-encoded as the client sends them
 * @param body        raw bytes (null: no body)
 * @param chunked     sent without a Content-Length
 * @param tooLarge    the body is over the service's limit: the answer must be 413
 * @param description what was mutated, to reproduce a failure by eye
 */
record HostileRequest(String method, String target, String contentType, byte[] body, boolean chunked,
                      Map<String, String> headers, boolean tooLarge, String description) {

    @Override
    public String toString() {
        return method + " " + (target.length() > 200 ? target.substring(0, 200) + "…" : target) + " [" + description + "]";
    }
}
