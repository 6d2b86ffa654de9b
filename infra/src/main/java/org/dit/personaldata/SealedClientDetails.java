package org.dit.personaldata;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import org.dit.query.client.ClientDetailsVault;

/** The client read model's details, AES-256-GCM under the client's data key: gone with the key. */
final class SealedClientDetails implements ClientDetailsVault {

    private final KeyStore keys;

    SealedClientDetails(KeyStore keys) {
        this.keys = keys;
    }

    @Override
    public byte[] seal(UUID clientId, byte[] plain) {
        return MasterKeys.seal(new SecretKeySpec(keys.dataKeyForWriting(clientId), "AES"), plain, aad(clientId));
    }

    @Override
    public Optional<byte[]> open(UUID clientId, byte[] sealed) {
        return keys.dataKey(clientId).map(key -> MasterKeys.open(new SecretKeySpec(key, "AES"), sealed, aad(clientId)));
    }

    private static byte[] aad(UUID clientId) {
        return ("dit-read-model-v1|" + clientId).getBytes(StandardCharsets.UTF_8);
    }
}
