package org.dit.command.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who is asking: the authenticated user's name, or {@code anonymous} while the service runs without access control.
 * For a bearer token that name is {@code <issuer>#<subject>}, so a token's subject is never taken for a configured user
 * of the same name. An actor is at most {@value #MAX_LENGTH} characters, the width the event metadata's readers and
 * the audit tables keep.
 */
public final class Actors {

    public static final String ANONYMOUS = "anonymous";
    public static final int MAX_LENGTH = 255;
    private static final int DIGEST_HEX = 32;

    private Actors() {
    }

    public static String of(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        return principal != null && principal.getName() != null ? bounded(principal.getName()) : ANONYMOUS;
    }

    /**
     * The name itself when it fits, as every name sign-in accepts does. A longer one (which sign-in should have
     * refused) keeps its head and a digest of the whole, so that two long names stay two actors.
     */
    static String bounded(String name) {
        if (name.length() <= MAX_LENGTH) {
            return name;
        }
        int head = MAX_LENGTH - DIGEST_HEX - 1;
        if (Character.isHighSurrogate(name.charAt(head - 1))) {
            head--;
        }
        return name.substring(0, head) + "~" + digest(name);
    }

    private static String digest(String name) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha, 0, DIGEST_HEX / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
