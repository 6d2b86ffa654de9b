package org.dit.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Ed25519 keys of the checkpoints, all from outside the database. The signing key is, in this order:
 * {@code dit.audit.checkpoint-key}; the file {@code dit.audit.checkpoint-key-file}; for the embedded database only,
 * {@code checkpoint-key.pem} in its data directory, generated (mode 0600) on the first start. A service on an external
 * database without a configured key signs nothing: several nodes must share one key, which only the operator can
 * hand them. Verification uses the signing key's public half and the public keys of earlier keys
 * ({@code dit.audit.checkpoint-public-keys}); each checkpoint names its key by id.
 */
@Component
class CheckpointKeys {

    private static final Logger log = LoggerFactory.getLogger(CheckpointKeys.class);
    static final String ALGORITHM = "Ed25519";
    static final String GENERATED_FILE = "checkpoint-key.pem";

    enum Check { VALID, INVALID, UNKNOWN_KEY }

    record PublicKeyInfo(String keyId, String algorithm, String publicKey, boolean signing) {
    }

    private final PrivateKey signingKey;
    private final String signingKeyId;
    private final Map<String, PublicKey> verificationKeys = new LinkedHashMap<>();

    CheckpointKeys(AuditProperties properties, @Value("${spring.datasource.url:}") String datasourceUrl,
                   @Value("${dit.embedded-db.data-dir:./data}") String dataDir) {
        KeyPair pair = signingKey(properties, datasourceUrl == null || datasourceUrl.isBlank(), Path.of(dataDir));
        if (pair != null) {
            signingKey = pair.getPrivate();
            signingKeyId = keyId(pair.getPublic());
            verificationKeys.put(signingKeyId, pair.getPublic());
            log.info("Checkpoints are signed with Ed25519 key {}; its public key (for the auditor's records): {}", signingKeyId,
                    Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        } else {
            signingKey = null;
            signingKeyId = null;
            log.warn("No checkpoint key is configured (dit.audit.checkpoint-key or dit.audit.checkpoint-key-file): no "
                    + "checkpoints are written, and the hash chain vouches only for itself. Configure the same key on every node.");
        }
        for (String text : properties.checkpointPublicKeys()) {
            PublicKey key = publicKey(text);
            verificationKeys.putIfAbsent(keyId(key), key);
        }
    }

    boolean canSign() {
        return signingKey != null;
    }

    boolean canVerify() {
        return !verificationKeys.isEmpty();
    }

    String signingKeyId() {
        return signingKeyId;
    }

    byte[] sign(byte[] data) {
        if (signingKey == null) {
            throw new IllegalStateException("no checkpoint key is configured");
        }
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(signingKey);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    Check verify(String keyId, byte[] data, byte[] signatureBytes) {
        PublicKey key = verificationKeys.get(keyId);
        if (key == null) {
            return Check.UNKNOWN_KEY;
        }
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(data);
            return signature.verify(signatureBytes) ? Check.VALID : Check.INVALID;
        } catch (GeneralSecurityException e) {
            return Check.INVALID;
        }
    }

    List<PublicKeyInfo> publicKeys() {
        List<PublicKeyInfo> keys = new ArrayList<>();
        verificationKeys.forEach((id, key) -> keys.add(new PublicKeyInfo(id, ALGORITHM,
                Base64.getEncoder().encodeToString(key.getEncoded()), id.equals(signingKeyId))));
        return keys;
    }

    /** The first 8 bytes of SHA-256 over the public key's X.509 encoding, in hex. */
    static String keyId(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static KeyPair signingKey(AuditProperties properties, boolean embedded, Path dataDir) {
        if (properties.checkpointKey() != null && !properties.checkpointKey().isBlank()) {
            return pairOf(privateKey(properties.checkpointKey(), "dit.audit.checkpoint-key"));
        }
        if (properties.checkpointKeyFile() != null && !properties.checkpointKeyFile().isBlank()) {
            Path file = Path.of(properties.checkpointKeyFile());
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("dit.audit.checkpoint-key-file: no such file " + file.toAbsolutePath());
            }
            return pairOf(privateKey(read(file), file.toString()));
        }
        if (!embedded) {
            return null;
        }
        Path file = dataDir.toAbsolutePath().resolve(GENERATED_FILE);
        if (!Files.exists(file)) {
            generate(file);
        }
        return pairOf(privateKey(read(file), file.toString()));
    }

    private static void generate(Path file) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
            Files.createDirectories(file.getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            log.warn("Generated a checkpoint signing key in {} (mode 0600). That suits a trial only: production must supply its "
                    + "own key (dit.audit.checkpoint-key or dit.audit.checkpoint-key-file), kept apart from the database and "
                    + "its backups, and give its public key to the auditor.", file);
        } catch (FileAlreadyExistsException raced) {
            // another start made it first: read theirs
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the checkpoint key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JRE since 15", e);
        }
    }

    private static String read(Path file) {
        try {
            try {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                    log.warn("The checkpoint key {} can be read by others ({}): restrict it to the service's user (chmod 600)",
                            file, PosixFilePermissions.toString(permissions));
                }
            } catch (UnsupportedOperationException notPosix) {
                // no POSIX permissions to check
            }
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the checkpoint key " + file, e);
        }
    }

    /** PEM or bare base64: the armour lines and white space are dropped. */
    private static byte[] der(String text, String where) {
        StringBuilder base64 = new StringBuilder();
        for (String line : text.split("\\R")) {
            if (!line.startsWith("-----")) {
                base64.append(line.strip());
            }
        }
        try {
            return Base64.getDecoder().decode(base64.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": not PEM or base64", e);
        }
    }

    private static PrivateKey privateKey(String text, String where) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der(text, where)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(where + ": not an Ed25519 private key in PKCS#8 (openssl genpkey -algorithm ed25519)", e);
        }
    }

    static PublicKey publicKey(String text) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(text, "dit.audit.checkpoint-public-keys")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("dit.audit.checkpoint-public-keys: not an Ed25519 public key in X.509 "
                    + "(openssl pkey -pubout)", e);
        }
    }

    /**
     * The public half of a private key. The JDK has no call for it, but its generator derives the public key from 32
     * random bytes, which are exactly an Ed25519 private key: handed the key's own bytes, it derives that key's public
     * half. A signature made and checked once proves the two belong together.
     */
    private static KeyPair pairOf(PrivateKey privateKey) {
        try {
            byte[] seed = ((EdECPrivateKey) privateKey).getBytes().orElseThrow();
            SecureRandom replay = new SecureRandom() {
                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
                }
            };
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, replay);
            PublicKey publicKey = generator.generateKeyPair().getPublic();
            byte[] probe = "dit checkpoint key probe".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] signed = signer.sign();
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            if (!verifier.verify(signed)) {
                throw new IllegalStateException("could not derive the checkpoint key's public half with this JRE");
            }
            return new KeyPair(publicKey, privateKey);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("the checkpoint key is not an Ed25519 private key", e);
        }
    }
}
