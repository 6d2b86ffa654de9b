package org.dit.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.dit.events.client.BlindIndex;

/**
 * HMAC-SHA-256 under the index key: one key for every client, since a search must reach them all; an erasure drops
 * the client's index values from the lookups instead. The input names what it indexes, so an NHS number and a name
 * never share an index value.
 */
final class HmacBlindIndex implements BlindIndex {

    static final String PURPOSE = "blind-index";

    private final KeyStore keys;
    private volatile SecretKeySpec key;

    HmacBlindIndex(KeyStore keys) {
        this.keys = keys;
    }

    @Override
    public byte[] ofNhsNumber(String nhsNumber) {
        return mac("nhs-number", BlindIndex.normaliseNhsNumber(nhsNumber));
    }

    @Override
    public byte[] ofFamilyNameAndBirthDate(String familyName, LocalDate dateOfBirth) {
        return mac("family-name+date-of-birth", BlindIndex.normaliseFamilyName(familyName) + "|" + dateOfBirth);
    }

    private byte[] mac(String what, String normalised) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            mac.update(what.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every JRE", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec known = key;
        if (known == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(keys.indexKey(PURPOSE), "HmacSHA256");
                }
                known = key;
            }
        }
        return known;
    }
}
