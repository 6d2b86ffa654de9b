package org.dit.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one kind of password hash sign-in accepts: {@code {bcrypt}$2a$NN$} and 53 characters of salt and hash. */
final class BcryptHash {

    static final String PREFIX = "{bcrypt}";
    /** The cost of the first admin's hash, which Spring's BCryptPasswordEncoder makes by default. */
    static final int DEFAULT_COST = 10;
    private static final Pattern SHAPE = Pattern.compile("\\{bcrypt}\\$2[aby]?\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");

    private BcryptHash() {
    }

    /** The hash's cost (log2 of its rounds), or -1 when it is not a bcrypt hash in that form. */
    static int cost(String hash) {
        if (hash == null) {
            return -1;
        }
        Matcher matcher = SHAPE.matcher(hash);
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
    }
}
