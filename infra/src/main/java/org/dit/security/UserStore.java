package org.dit.security;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password users: those declared in configuration when there are any; otherwise the users stored in the
 * database, where the first start creates one ADMIN with a random password and prints it once.
 */
class UserStore implements UserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(UserStore.class);
    static final String FIRST_ADMIN = "admin";

    private final Map<String, DitUser> configured;
    private final JdbcTemplate jdbc;

    UserStore(SecurityUsersProperties properties, JdbcTemplate jdbc, PasswordEncoder encoder) {
        this.configured = properties.users().stream()
                .map(u -> new DitUser(u.username(), u.passwordHash(), u.roles(), u.therapistId()))
                .collect(Collectors.toUnmodifiableMap(DitUser::username, Function.identity()));
        this.jdbc = jdbc;
        if (configured.isEmpty()) {
            createFirstAdminIfNone(encoder);
        }
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        if (!configured.isEmpty()) {
            DitUser user = configured.get(username);
            if (user == null) {
                throw new UsernameNotFoundException("no such user");
            }
            return user;
        }
        List<DitUser> stored = jdbc.query("SELECT username, password_hash, roles, therapist_id FROM security_user WHERE username = ?",
                (rs, i) -> new DitUser(rs.getString(1), rs.getString(2),
                        Arrays.stream(rs.getString(3).split(",")).map(Role::valueOf).toList(),
                        rs.getObject(4, UUID.class)), username);
        if (stored.isEmpty()) {
            throw new UsernameNotFoundException("no such user");
        }
        return stored.get(0);
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
