package org.aula.settings;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts stored secrets (the BBB shared secret) with AES-256-GCM under a key derived from the configuration value
 * {@code aula.secret-key} (environment AULA_SECRET_KEY), and derives purpose-bound keys from it (e.g. for callback
 * tokens). Values look like {@code v1:<base64(iv | ciphertext+tag)>}; the setting name is bound in as associated data
 * so an encrypted value cannot be moved to another setting.
 */
@Component
public class SecretBox {

    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final byte[] masterKey;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(@Value("${aula.secret-key:}") String configuredKey) {
        // SHA-256 turns any configured text into a 256-bit AES key; the text itself should be long and random.
        this.masterKey = configuredKey == null || configuredKey.isBlank() ? null : sha256("aula-master|" + configuredKey);
    }

    /** False when {@code aula.secret-key} is not configured: nothing can be encrypted or decrypted. */
    public boolean isConfigured() {
        return masterKey != null;
    }

    public String encrypt(String name, String plain) {
        byte[] key = requireKey();
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt setting " + name, e);
        }
    }

    public String decrypt(String name, String stored) {
        byte[] key = requireKey();
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new IllegalStateException("Setting " + name + " is not in the encrypted format");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Deliberately without the cause's details: they could hint at the key or the plaintext.
            throw new IllegalStateException("Setting " + name + " cannot be decrypted: was aula.secret-key changed?");
        }
    }

    /**
     * A key for one purpose (e.g. "callback-tokens"), derived from the master key so that leaking one derived key
     * reveals neither the master key nor the others.
     */
    public byte[] derive(String purpose) {
        byte[] key = requireKey();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private byte[] requireKey() {
        if (masterKey == null) {
            throw new MissingSecretKeyException();
        }
        return masterKey;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Thrown when a secret must be stored or read but no key is configured. */
    public static final class MissingSecretKeyException extends IllegalStateException {
        public MissingSecretKeyException() {
            super("aula.secret-key is not set: set the environment variable AULA_SECRET_KEY to a long random value "
                    + "(e.g. `openssl rand -base64 32`) so that Aula can store the BBB shared secret encrypted");
        }
    }
}
