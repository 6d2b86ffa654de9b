package org.dit.personaldata;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where this node's master keys come from, and how a rotation changes them: a configured key is changed by its
 * operator (a new {@code dit.crypto.master-key}, the old one in {@code dit.crypto.previous-master-keys}, then a
 * rotation re-wraps); a generated key file is changed here, a new key first added and the old one dropped once
 * everything is re-wrapped.
 */
final class MasterKeySource {

    private static final Logger log = LoggerFactory.getLogger(MasterKeySource.class);

    private final MasterKeys keys;
    private final KeyFile file;

    private MasterKeySource(MasterKeys keys, KeyFile file) {
        this.keys = keys;
        this.file = file;
    }

    static MasterKeySource configured(String masterKey, List<String> previous) {
        List<byte[]> earlier = new ArrayList<>();
        for (int i = 0; i < previous.size(); i++) {
            if (previous.get(i).isBlank()) {
                continue;
            }
            earlier.add(MasterKeys.decode(previous.get(i), "dit.crypto.previous-master-keys[" + i + "]"));
        }
        return new MasterKeySource(new MasterKeys(MasterKeys.decode(masterKey, "dit.crypto.master-key"), earlier,
                "configuration"), null);
    }

    /** The key file in the embedded database's data directory, generated on first start. */
    static MasterKeySource generatedIn(Path dataDir) {
        KeyFile file = new KeyFile(dataDir.toAbsolutePath().resolve("master-key"));
        if (!file.exists()) {
            file.write(List.of(MasterKeys.generate()));
            log.warn("No master key configured (dit.crypto.master-key): generated one in {}. It protects every client's "
                    + "personal data and sits beside the database it protects: production must supply its own master key "
                    + "from outside the database (DIT_CRYPTO_MASTER_KEY) and back it up apart from it", file.path());
        } else {
            log.warn("Master key read from {}, beside the embedded database: production must supply its own "
                    + "(DIT_CRYPTO_MASTER_KEY)", file.path());
        }
        List<byte[]> stored = file.read();
        return new MasterKeySource(new MasterKeys(stored.get(0), stored.subList(1, stored.size()), file.path().toString()), file);
    }

    MasterKeys keys() {
        return keys;
    }

    /** Before a rotation re-wraps: a generated key file gets a new current key (the old one kept until the end). */
    void beginRotation() {
        if (file != null) {
            byte[] next = MasterKeys.generate();
            List<byte[]> stored = new ArrayList<>();
            stored.add(next);
            stored.addAll(file.read());
            file.write(stored);
            keys.makeCurrent(next);
        }
    }

    /** After every key is re-wrapped and committed: a generated key file keeps the current key alone. */
    void finishRotation() {
        if (file != null) {
            file.write(List.of(file.read().get(0)));
            keys.forgetAllButCurrent();
        }
    }
}
