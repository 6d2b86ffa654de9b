package org.dit.personaldata;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the master key comes from (docs/clients-and-personal-data.md). It wraps every data key and index key kept in
 * the database, so it must come from outside it.
 *
 * @param masterKey          the master key, 32 bytes in base64 ({@code DIT_CRYPTO_MASTER_KEY}); without it the embedded
 *                           database's data directory holds a generated one, and an external database refuses to start
 * @param previousMasterKeys earlier master keys, kept only until a rotation has re-wrapped every key under the current one
 *                           ({@code DIT_CRYPTO_PREVIOUS_MASTER_KEYS}, comma-separated)
 * @param keyCacheSeconds    how long a node keeps a client's unwrapped data key in memory; another node notices an
 *                           erasure within this time
 */
@ConfigurationProperties("dit.crypto")
record CryptoProperties(String masterKey, @DefaultValue List<String> previousMasterKeys,
                        @DefaultValue("60") int keyCacheSeconds) {
}
