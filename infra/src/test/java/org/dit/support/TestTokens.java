package org.dit.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * A stand-in identity provider for the suite: an RSA key made at start, its public half given to the service
 * (spring.security.oauth2.resourceserver.jwt.public-key-location), and signed tokens on demand, with the issuer,
 * audience and lifetime a real provider's tokens carry.
 */
public final class TestTokens {

    public static final String ISSUER = "https://idp.example.test";
    public static final String AUDIENCE = "dit-service";

    private static KeyPair keys;
    private static Path publicKeyFile;

    private TestTokens() {
    }

    public static synchronized Path publicKeyFile() {
        if (keys == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                keys = generator.generateKeyPair();
                publicKeyFile = Files.createTempFile("dit-test-jwt", ".pem");
                publicKeyFile.toFile().deleteOnExit();
                String pem = "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n";
                Files.writeString(publicKeyFile, pem);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return publicKeyFile;
    }

    /** The properties that make the service trust this provider's tokens. */
    public static List<String> serviceProperties() {
        return List.of("spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKeyFile(),
                "dit.security.jwt.issuer=" + ISSUER, "dit.security.jwt.audience=" + AUDIENCE);
    }

    /** The same as command-line arguments of a SpringApplication. */
    public static String[] serviceArguments() {
        return serviceProperties().stream().map(p -> "--" + p).toArray(String[]::new);
    }

    /** A token for {@code subject} with the given roles and, for a therapist, the therapist id. */
    public static String token(String subject, List<String> roles, UUID therapistId) {
        return sign(claims(subject, roles, therapistId).build());
    }

    /** The claims of {@link #token}: issuer, audience, issued now, expiring in ten minutes; to alter before signing. */
    public static JWTClaimsSet.Builder claims(String subject, List<String> roles, UUID therapistId) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .claim("roles", roles);
        if (therapistId != null) {
            claims.claim("therapist_id", therapistId.toString());
        }
        return claims;
    }

    /** Signs any claims with the key the service trusts. */
    public static String sign(JWTClaimsSet claims) {
        publicKeyFile();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
