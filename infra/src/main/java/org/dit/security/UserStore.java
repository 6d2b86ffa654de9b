package org.dit.security;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password users: those declared in configuration when there are any; otherwise the users stored in the
 * database, where the first start creates one ADMIN with a random password and prints it once.
 * <p>
 * Configured users are checked at start: a name of 1 to {@value #MAX_NAME_LENGTH} characters without '#' (which
 * marks a token's actor), ':' (which HTTP Basic cannot carry), spaces or control characters, given once; and a bcrypt
 * password hash of at most the allowed cost. Anything else stops the start with a message naming the user, rather than
 * failing at sign-in.
 */
class UserStore {

    private static final Logger log = LoggerFactory.getLogger(UserStore.class);
    static final String FIRST_ADMIN = "admin";
    static final int MAX_NAME_LENGTH = 64;
    /** The width of security_user.username: no longer name is looked up. */
    private static final int MAX_STORED_NAME_LENGTH = 100;

    private final Map<String, DitUser> configured;
    private final int hashCost;
    private final JdbcTemplate jdbc;

    UserStore(SecurityUsersProperties properties, int maxBcryptCost, JdbcTemplate jdbc, PasswordEncoder encoder) {
        this.configured = check(properties.users(), maxBcryptCost);
        TreeSet<Integer> costs = new TreeSet<>();
        configured.values().forEach(user -> costs.add(BcryptHash.cost(user.passwordHash())));
        if (costs.size() > 1) {
            log.warn("The configured users' password hashes have different bcrypt costs {}: give them all the same cost, "
                    + "or the time a wrong password takes tells which user names exist", costs);
        }
        this.hashCost = costs.isEmpty() ? BcryptHash.DEFAULT_COST : costs.last();
        this.jdbc = jdbc;
        if (configured.isEmpty()) {
            createFirstAdminIfNone(encoder);
        }
    }

    /** The user of that name, or null when there is none. */
    DitUser find(String username) {
        if (!configured.isEmpty()) {
            return configured.get(username);
        }
        if (username.isEmpty() || username.length() > MAX_STORED_NAME_LENGTH || username.chars().anyMatch(c -> c == 0)) {
            return null;
        }
        List<DitUser> stored = jdbc.query("SELECT username, password_hash, roles, therapist_id FROM security_user WHERE username = ?",
                (rs, i) -> new DitUser(rs.getString(1), rs.getString(2),
                        Arrays.stream(rs.getString(3).split(",")).map(Role::valueOf).toList(),
                        rs.getObject(4, UUID.class)), username);
        return stored.isEmpty() ? null : stored.get(0);
    }

    /** The bcrypt cost of the users' hashes (the highest, should they differ): the cost of a check for a user nobody is. */
    int hashCost() {
        return hashCost;
    }

    static Map<String, DitUser> check(List<SecurityUsersProperties.User> users, int maxBcryptCost) {
        List<String> problems = new ArrayList<>();
        Map<String, DitUser> byName = new LinkedHashMap<>();
        for (int i = 0; i < users.size(); i++) {
            SecurityUsersProperties.User user = users.get(i);
            String name = user.username();
            String which = "dit.security.users[" + i + "]" + (isValidName(name) ? " ('" + name + "')" : "");
            if (name == null || name.isBlank()) {
                problems.add(which + " has no username");
            } else if (!isValidName(name)) {
                problems.add(which + " has the username '" + PasswordSignIn.loggable(name) + "': a username is 1 to "
                        + MAX_NAME_LENGTH + " characters, none of them '#', ':', a space or a control character");
            } else if (byName.containsKey(name)) {
                problems.add(which + ": the username '" + name + "' is configured more than once");
            }
            String hash = user.passwordHash();
            int cost = BcryptHash.cost(hash);
            if (hash == null || hash.isBlank()) {
                problems.add(which + " has no password-hash");
            } else if (hash.startsWith("{noop}")) {
                problems.add(which + " has a {noop} password-hash, which is the password itself in clear");
            } else if (cost < 0) {
                problems.add(which + " has a password-hash that is not a bcrypt hash of the form {bcrypt}$2a$NN$…");
            } else if (cost > maxBcryptCost) {
                problems.add(which + " has a password-hash of bcrypt cost " + cost + ", above the limit of " + maxBcryptCost
                        + " (dit.security.sign-in.max-bcrypt-cost): every sign-in would cost too much processor time");
            }
            if (isValidName(name)) {
                byName.putIfAbsent(name, new DitUser(name, hash, user.roles(), user.therapistId()));
            }
        }
        if (!problems.isEmpty()) {
            throw new SecurityConfigurationRefused(String.join("\n", problems),
                    "Give every configured user a name and a bcrypt password hash of cost " + maxBcryptCost + " at most, "
                            + "such as {bcrypt}$2a$10$… (htpasswd -bnBC 10 \"\" 'the password' | tr -d ':\\n' prints one).");
        }
        return Map.copyOf(byName);
    }

    private static boolean isValidName(String name) {
        return name != null && !name.isEmpty() && name.length() <= MAX_NAME_LENGTH
                && name.codePoints().noneMatch(c -> c == '#' || c == ':' || Character.isWhitespace(c)
                || Character.isSpaceChar(c) || Character.isISOControl(c));
    }

    /** Several nodes may start at once on an empty database: one of them creates the user, the others find it. */
    private void createFirstAdminIfNone(PasswordEncoder encoder) {
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        int created = jdbc.update("""
                INSERT INTO security_user (username, password_hash, roles)
                SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM security_user)
                ON CONFLICT (username) DO NOTHING""",
                FIRST_ADMIN, encoder.encode(password), Role.ADMIN.name());
        if (created == 1) {
            log.warn("No users are configured: created user '{}' with role ADMIN and password '{}'. This is the only time "
                    + "the password is shown; configure dit.security.users (or an OAuth2 issuer) for real use.",
                    FIRST_ADMIN, password);
        }
    }
}
