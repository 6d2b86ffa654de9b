package org.dit.security;

import java.util.List;
import java.util.UUID;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Users declared in configuration ({@code dit.security.users}); passwords only as hashes
 * ({@code {bcrypt}$2a$10$…}). A therapist's user names the therapist id it acts as.
 */
@ConfigurationProperties("dit.security")
record SecurityUsersProperties(List<User> users) {

    SecurityUsersProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    record User(String username, String passwordHash, List<Role> roles, UUID therapistId) {

        User {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
