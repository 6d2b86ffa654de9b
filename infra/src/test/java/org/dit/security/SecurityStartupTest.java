package org.dit.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.dit.DitApplication;
import org.dit.support.TestDatabase;
import org.dit.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service refuses to start with security settings it cannot honour, and says which: a configured user without a
 * password hash or with {noop}; bearer tokens without the audience they must carry.
 */
class SecurityStartupTest {

    private static ConfigurableApplicationContext start(List<String> settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + TestDatabase.jdbcUrl(),
                "--spring.datasource.username=postgres", "--spring.datasource.password=", "--logging.level.root=OFF",
                "--dit.crypto.master-key=" + org.dit.support.TestMasterKey.BASE64));
        settings.forEach(setting -> args.add("--" + setting));
        return new SpringApplication(DitApplication.class).run(args.toArray(String[]::new));
    }

    @Test
    void givenAConfiguredUserWithNoopOrWithoutAHash_thenTheStartFailsNamingTheUser() {
        assertThatThrownBy(() -> start(List.of(
                "dit.security.users[0].username=reception", "dit.security.users[0].password-hash=" + PasswordSignInTest.ADMIN_HASH,
                "dit.security.users[0].roles=ADMIN",
                "dit.security.users[1].username=bob", "dit.security.users[1].password-hash={noop}secret",
                "dit.security.users[1].roles=ADMIN",
                "dit.security.users[2].username=carol", "dit.security.users[2].roles=ADMIN")).close())
                .rootCause()
                .isInstanceOf(SecurityConfigurationRefused.class)
                .hasMessageContaining("dit.security.users[1] ('bob') has a {noop} password-hash")
                .hasMessageContaining("dit.security.users[2] ('carol') has no password-hash");
    }

    @Test
    void givenBearerTokensWithoutAnAudience_thenTheStartFailsSayingSo() {
        List<String> settings = new ArrayList<>(TestTokens.serviceProperties());
        settings.removeIf(setting -> setting.startsWith("dit.security.jwt.audience="));

        assertThatThrownBy(() -> start(settings).close())
                .rootCause()
                .isInstanceOf(SecurityConfigurationRefused.class)
                .hasMessageContaining("dit.security.jwt.audience");
    }
}
