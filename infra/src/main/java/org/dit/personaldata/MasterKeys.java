package org.dit.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master keys this node knows: the current one, which wraps every key written or re-wrapped, and earlier ones,
 * which only unwrap keys not yet re-wrapped. A wrapped key is {@code nonce (12 bytes) || AES-256-GCM ciphertext and
 * tag}, with associated data naming what the key is for, so a wrapped key cannot be passed off as another's.
 */
public final class MasterKeys {

    static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A master key and its id: a fingerprint that names it in the database without revealing it. */
    public record MasterKey(String id, SecretKey key) {

        @Override
        public String toString() {
            return "MasterKey[" + id + "]";
        }
    }

    private final Map<String, MasterKey> known = new ConcurrentHashMap<>();
    private final String source;
    private volatile MasterKey current;

    MasterKeys(byte[] current, List<byte[]> previous, String source) {
        this.current = of(current);
        known.put(this.current.id(), this.current);
        previous.stream().map(MasterKeys::of).forEach(key -> known.putIfAbsent(key.id(), key));
        this.source = source;
    }

    /** From now on the given key wraps; the one before still unwraps until {@link #forget}. */
    void makeCurrent(byte[] key) {
        MasterKey next = of(key);
        known.putIfAbsent(next.id(), next);
        current = next;
    }

    /** Drops the master keys other than the current one, once nothing is wrapped by them. */
    void forgetAllButCurrent() {
        known.keySet().removeIf(id -> !id.equals(current.id()));
    }

    /** The ids of the master keys this node knows, the current one included. */
    Set<String> ids() {
        return Set.copyOf(known.keySet());
    }

    public MasterKey current() {
        return current;
    }

    public boolean knows(String id) {
        return known.containsKey(id);
    }

    /** Where the current key came from: {@code configuration} or the key file's path. */
    public String source() {
        return source;
    }

    public static byte[] generate() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    public static byte[] decode(String base64, String name) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not base64", e);
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException(name + " must be " + KEY_BYTES + " bytes (base64 of 32 random bytes), not "
                    + key.length);
        }
        return key;
    }

    static MasterKey of(byte[] key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update("dit-master-key-id".getBytes(StandardCharsets.UTF_8));
            String id = HexFormat.of().formatHex(Arrays.copyOf(digest.digest(key), 8));
            return new MasterKey(id, new SecretKeySpec(key, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** Wraps key bytes under the current master key. */
    byte[] wrap(byte[] key, String purpose) {
        return seal(current.key(), key, aad(purpose));
    }

    /** Unwraps key bytes wrapped under a known master key. */
    byte[] unwrap(byte[] wrapped, String masterKeyId, String purpose) {
        MasterKey master = known.get(masterKeyId);
        if (master == null) {
            throw new IllegalStateException("a key for " + purpose + " is wrapped by master key " + masterKeyId
                    + ", which this node does not know (dit.crypto.master-key, dit.crypto.previous-master-keys)");
        }
        return open(master.key(), wrapped, aad(purpose));
    }

    private static byte[] aad(String purpose) {
        return ("dit-key-wrap-v1|" + purpose).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] seal(SecretKey key, byte[] plain, byte[] aad) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    static byte[] open(SecretKey key, byte[] sealed, byte[] aad) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(aad);
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed: wrong key, or the ciphertext was altered", e);
        }
    }
}
