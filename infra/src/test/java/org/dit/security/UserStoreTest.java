package org.dit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Configured users are checked at start: a bad one stops the start with a message naming it (issue 11 §5, §6). */
class UserStoreTest {

    static final String COST_4 = PasswordSignInTest.ADMIN_HASH;
    static final String COST_13 = "{bcrypt}$2a$13$" + "a".repeat(53);

    private static SecurityUsersProperties.User user(String name, String hash) {
        return new SecurityUsersProperties.User(name, hash, List.of(Role.ADMIN), null);
    }

    private static void check(SecurityUsersProperties.User... users) {
        UserStore.check(List.of(users), 12);
    }

    @Test
    void givenWellFormedUsers_thenTheyAreAccepted() {
        assertThat(UserStore.check(List.of(user("reception", COST_4), user("dr.example@clinic.test", COST_4)), 12))
                .containsOnlyKeys("reception", "dr.example@clinic.test");
    }

    @Test
    void givenAUserWithoutAHashOrWithNoop_thenTheStartIsRefusedNamingIt() {
        assertThatThrownBy(() -> check(user("ok", COST_4), user("bob", "{noop}secret"), user("carol", null), user("dave", " ")))
                .isInstanceOf(SecurityConfigurationRefused.class)
                .hasMessageContaining("dit.security.users[1] ('bob') has a {noop} password-hash")
                .hasMessageContaining("dit.security.users[2] ('carol') has no password-hash")
                .hasMessageContaining("dit.security.users[3] ('dave') has no password-hash")
                .hasMessageNotContaining("'ok'");
    }

    @Test
    void givenAHashThatIsNotBcryptOrCostsTooMuch_thenTheStartIsRefusedNamingIt() {
        assertThatThrownBy(() -> check(user("heavy", COST_13)))
                .hasMessageContaining("('heavy') has a password-hash of bcrypt cost 13, above the limit of 12");
        assertThatThrownBy(() -> check(user("bare", COST_4.substring("{bcrypt}".length()))))
                .hasMessageContaining("('bare') has a password-hash that is not a bcrypt hash");
        assertThatThrownBy(() -> check(user("sha", "{sha256}abcdef")))
                .hasMessageContaining("('sha') has a password-hash that is not a bcrypt hash");
    }

    @Test
    void givenANameATokenCouldShareOrBasicCannotCarry_thenTheStartIsRefused() {
        assertThatThrownBy(() -> check(user("https://idp.example.test#admin", COST_4)))
                .hasMessageContaining("dit.security.users[0] has the username 'https://idp.example.test#admin'");
        assertThatThrownBy(() -> check(user("a:b", COST_4))).hasMessageContaining("'a:b'");
        assertThatThrownBy(() -> check(user("two words", COST_4))).hasMessageContaining("'two words'");
        assertThatThrownBy(() -> check(user("x".repeat(65), COST_4))).hasMessageContaining("1 to 64 characters");
        assertThatThrownBy(() -> check(user(null, COST_4))).hasMessageContaining("dit.security.users[0] has no username");
        assertThatThrownBy(() -> check(user("twice", COST_4), user("twice", COST_4)))
                .hasMessageContaining("dit.security.users[1] ('twice'): the username 'twice' is configured more than once");
    }
}
