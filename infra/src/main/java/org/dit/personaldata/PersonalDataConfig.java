package org.dit.personaldata;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.dit.events.client.BlindIndex;
import org.dit.query.client.ClientDetailsVault;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The keys that protect personal data, and what is built on them (docs/clients-and-personal-data.md). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CryptoProperties.class)
class PersonalDataConfig {

    /**
     * A configured master key wins. Without one, the embedded database's data directory holds a generated key (with a
     * warning); an external database is refused, since nodes sharing it must share one key that no node may invent.
     */
    @Bean
    MasterKeySource masterKeySource(CryptoProperties properties, Environment environment) {
        if (properties.masterKey() != null && !properties.masterKey().isBlank()) {
            return MasterKeySource.configured(properties.masterKey(), properties.previousMasterKeys());
        }
        if (environment.getProperty("spring.datasource.url", "").isBlank()) {
            return MasterKeySource.generatedIn(Path.of(environment.getProperty("dit.embedded-db.data-dir", "./data")));
        }
        throw new IllegalStateException("dit.crypto.master-key (DIT_CRYPTO_MASTER_KEY) is required with an external "
                + "database: every node must use the same master key, from outside the database (base64 of 32 random "
                + "bytes, e.g. `openssl rand -base64 32`); see docs/clients-and-personal-data.md");
    }

    @Bean
    MasterKeys masterKeys(MasterKeySource source) {
        return source.keys();
    }

    @Bean
    KeyStore keyStore(JdbcTemplate jdbc, MasterKeys masterKeys, PlatformTransactionManager transactions,
                      CryptoProperties properties) {
        return new KeyStore(jdbc, masterKeys, transactions, Duration.ofSeconds(properties.keyCacheSeconds()));
    }

    @Bean
    BlindIndex blindIndex(KeyStore keys) {
        return new HmacBlindIndex(keys);
    }

    @Bean
    ClientDetailsVault clientDetailsVault(KeyStore keys) {
        return new SealedClientDetails(keys);
    }

    @Bean
    KeyRotation keyRotation(MasterKeySource source, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new KeyRotation(source, jdbc, transactions);
    }

    /** A node that cannot unwrap the database's keys (a wrong or missing master key) does not start. */
    @Bean
    ApplicationRunner masterKeyCheck(KeyRotation rotation, MasterKeys keys) {
        return arguments -> {
            List<String> unknown = rotation.unknownMasterKeys();
            if (!unknown.isEmpty()) {
                throw new IllegalStateException("the database's keys are wrapped by master key(s) " + unknown + ", which "
                        + "this node does not know (its current one is " + keys.current().id() + "): configure that key as "
                        + "dit.crypto.master-key, or as one of dit.crypto.previous-master-keys until a rotation");
            }
        };
    }

    @Bean
    PersonalDataCipher personalDataCipher(KeyStore keys) {
        return new PersonalDataCipher(keys, new ObjectMapper());
    }

    @Bean
    DataSubjects dataSubjects(JdbcTemplate jdbc) {
        return new DataSubjects(jdbc);
    }
}
