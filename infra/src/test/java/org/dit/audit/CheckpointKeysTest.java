package org.dit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the checkpoint key comes from, and which keys verify a checkpoint (rotation). No database involved. */
class CheckpointKeysTest {

    @TempDir
    Path dataDir;

    private static AuditProperties properties(String key, String keyFile, List<String> publicKeys) {
        return new AuditProperties(key, keyFile, publicKeys, Duration.ofMinutes(5), Duration.ofSeconds(60));
    }

    private CheckpointKeys embedded() {
        return new CheckpointKeys(properties(null, null, List.of()), "", dataDir.toString());
    }

    private static CheckpointKeys external(String key, List<String> publicKeys) {
        return new CheckpointKeys(properties(key, null, publicKeys), "jdbc:postgresql://db.example.test/dit", "/nonexistent");
    }

    private static KeyPair ed25519() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    private static String pem(KeyPair pair) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    private static String publicKey(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }

    @Test
    void givenTheEmbeddedDatabaseAndNoKey_whenStarted_thenAKeyIsGeneratedInTheDataDirectoryReadableByTheOwnerOnly_andKeptAcrossStarts()
            throws Exception {
        CheckpointKeys first = embedded();
        Path file = dataDir.resolve(CheckpointKeys.GENERATED_FILE);

        assertThat(first.canSign()).isTrue();
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(embedded().signingKeyId()).as("the second start reads the same key").isEqualTo(first.signingKeyId());
    }

    @Test
    void givenAnExternalDatabaseAndNoKey_whenStarted_thenNothingIsSignedOrVerified() {
        CheckpointKeys keys = external(null, List.of());

        assertThat(keys.canSign()).isFalse();
        assertThat(keys.canVerify()).isFalse();
    }

    @Test
    void givenAConfiguredKey_whenSigning_thenItsKeyIdIsThatOfItsPublicKey_andAVerifierHoldingOnlyThePublicKeyAcceptsIt()
            throws Exception {
        KeyPair pair = ed25519();
        CheckpointKeys signer = external(pem(pair), List.of());
        CheckpointKeys verifier = external(null, List.of(publicKey(pair)));
        byte[] data = "checkpoint".getBytes(StandardCharsets.US_ASCII);

        byte[] signature = signer.sign(data);

        assertThat(signer.signingKeyId()).isEqualTo(CheckpointKeys.keyId(pair.getPublic()));
        assertThat(verifier.canSign()).isFalse();
        assertThat(verifier.verify(signer.signingKeyId(), data, signature)).isEqualTo(CheckpointKeys.Check.VALID);
        assertThat(verifier.verify(signer.signingKeyId(), "checkpoinT".getBytes(StandardCharsets.US_ASCII), signature))
                .isEqualTo(CheckpointKeys.Check.INVALID);
        assertThat(verifier.verify("0123456789abcdef", data, signature)).isEqualTo(CheckpointKeys.Check.UNKNOWN_KEY);
    }

    @Test
    void givenARotatedKey_whenTheOldPublicKeyIsConfigured_thenCheckpointsOfBothKeysVerify() throws Exception {
        KeyPair old = ed25519();
        KeyPair current = ed25519();
        byte[] data = "checkpoint".getBytes(StandardCharsets.US_ASCII);
        CheckpointKeys before = external(Base64.getEncoder().encodeToString(old.getPrivate().getEncoded()), List.of());
        byte[] signedBefore = before.sign(data);

        CheckpointKeys after = external(pem(current), List.of(publicKey(old)));

        assertThat(after.verify(before.signingKeyId(), data, signedBefore)).isEqualTo(CheckpointKeys.Check.VALID);
        assertThat(after.verify(after.signingKeyId(), data, after.sign(data))).isEqualTo(CheckpointKeys.Check.VALID);
        assertThat(after.publicKeys()).extracting(CheckpointKeys.PublicKeyInfo::keyId)
                .containsExactly(after.signingKeyId(), before.signingKeyId());
    }

    @Test
    void givenAKeyFile_whenMissingOrNotAnEd25519Key_thenTheServiceRefusesToStart() throws Exception {
        Path missing = dataDir.resolve("absent.pem");
        Path rsa = dataDir.resolve("rsa.pem");
        Files.writeString(rsa, Base64.getEncoder().encodeToString(
                KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate().getEncoded()));

        assertThatThrownBy(() -> new CheckpointKeys(properties(null, missing.toString(), List.of()), "", dataDir.toString()))
                .hasMessageContaining("no such file");
        assertThatThrownBy(() -> new CheckpointKeys(properties(null, rsa.toString(), List.of()), "", dataDir.toString()))
                .hasMessageContaining("not an Ed25519 private key");
    }
}
