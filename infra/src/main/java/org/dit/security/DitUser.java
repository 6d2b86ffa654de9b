package org.dit.security;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.dit.web.ActsAsTherapist;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A user signing in with a password; a therapist's user carries the therapist id it acts as. */
record DitUser(String username, String passwordHash, List<Role> roles, UUID therapistId)
        implements UserDetails, ActsAsTherapist {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }
}
