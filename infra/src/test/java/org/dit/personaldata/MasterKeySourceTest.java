package org.dit.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class MasterKeySourceTest {

    @TempDir
    Path dataDir;

    private static CryptoProperties without() {
        return new CryptoProperties(null, List.of(), 60);
    }

    @Test
    void givenNoKeyAndTheEmbeddedDatabase_whenStarted_thenAKeyIsGeneratedOwnerOnlyAndKeptAcrossStarts() throws Exception {
        MockEnvironment embedded = new MockEnvironment().withProperty("dit.embedded-db.data-dir", dataDir.toString());

        MasterKeys first = new PersonalDataConfig().masterKeySource(without(), embedded).keys();
        MasterKeys again = new PersonalDataConfig().masterKeySource(without(), embedded).keys();

        Path file = dataDir.resolve("master-key");
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        assertThat(again.current().id()).isEqualTo(first.current().id());
        assertThat(first.source()).isEqualTo(file.toString());
    }

    @Test
    void givenNoKeyAndAnExternalDatabase_whenStarted_thenRefusedNamingTheSetting() {
        MockEnvironment external = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/dit");

        assertThatThrownBy(() -> new PersonalDataConfig().masterKeySource(without(), external))
                .hasMessageContaining("dit.crypto.master-key");
        assertThat(Files.exists(dataDir.resolve("master-key"))).isFalse();
    }

    @Test
    void givenAConfiguredKey_whenStarted_thenItIsCurrentAndThePreviousOnesStillUnwrap() {
        byte[] old = MasterKeys.generate();
        byte[] current = MasterKeys.generate();
        MasterKeys before = new MasterKeys(old, List.of(), "configuration");
        byte[] wrapped = before.wrap(new byte[32], "data-key|x");

        MasterKeys keys = new PersonalDataConfig().masterKeySource(new CryptoProperties(
                Base64.getEncoder().encodeToString(current), List.of(Base64.getEncoder().encodeToString(old)), 60),
                new MockEnvironment()).keys();

        assertThat(keys.current().id()).isEqualTo(MasterKeys.of(current).id());
        assertThat(keys.unwrap(wrapped, before.current().id(), "data-key|x")).isEqualTo(new byte[32]);
        assertThat(keys.ids()).isEqualTo(Set.of(MasterKeys.of(current).id(), MasterKeys.of(old).id()));
    }

    @Test
    void givenAKeyOfTheWrongLength_whenStarted_thenRefused() {
        assertThatThrownBy(() -> MasterKeySource.configured(Base64.getEncoder().encodeToString(new byte[16]), List.of()))
                .hasMessageContaining("32 bytes");
    }

    @Test
    void givenAKeyWrappedForOneClient_whenUnwrappedAsAnothers_thenRefused() {
        MasterKeys keys = new MasterKeys(MasterKeys.generate(), List.of(), "configuration");
        byte[] wrapped = keys.wrap(MasterKeys.generate(), "data-key|a");

        assertThatThrownBy(() -> keys.unwrap(wrapped, keys.current().id(), "data-key|b")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void givenAGeneratedKeyFile_whenRotated_thenANewKeyIsCurrentAndTheOldOneIsDroppedOnlyAtTheEnd() {
        MasterKeySource source = MasterKeySource.generatedIn(dataDir);
        String old = source.keys().current().id();
        byte[] wrapped = source.keys().wrap(new byte[32], "data-key|y");

        source.beginRotation();

        String next = source.keys().current().id();
        assertThat(next).isNotEqualTo(old);
        assertThat(new KeyFile(dataDir.resolve("master-key")).read()).hasSize(2);
        assertThat(source.keys().unwrap(wrapped, old, "data-key|y")).as("the old key still unwraps").isEqualTo(new byte[32]);

        source.finishRotation();

        assertThat(new KeyFile(dataDir.resolve("master-key")).read()).hasSize(1);
        assertThat(MasterKeySource.generatedIn(dataDir).keys().current().id()).isEqualTo(next);
        assertThat(source.keys().knows(old)).isFalse();
    }
}
