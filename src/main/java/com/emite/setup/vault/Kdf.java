package com.emite.setup.vault;

import com.emite.setup.common.Secret;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * The two key-derivation functions. Argon2id comes from Bouncy Castle's lightweight API (pure Java; not registered as
 * a JCE provider, because the shaded jar strips BC's signature files). PBKDF2 comes from the JDK.
 *
 * <p>Passwords are Unicode-normalised to NFC before encoding as UTF-8, so a password typed on a keyboard that
 * produces decomposed accents (macOS) opens a vault made where they are composed (Windows).
 */
final class Kdf {
    static final int KEY_BYTES = 32;
    /** How many times the vault ran a KDF; tests use it to prove a damaged header is refused before the KDF. */
    static final java.util.concurrent.atomic.AtomicLong RUNS = new java.util.concurrent.atomic.AtomicLong();

    private Kdf() {
    }

    /** Derives a 32-byte key. The caller zeroes the result when done. Parameters must already be checked. */
    static byte[] derive(KdfParams params, Secret password, byte[] salt) {
        RUNS.incrementAndGet();
        char[] chars = normalised(password);
        try {
            return switch (params.algorithm()) {
                case ARGON2ID -> argon2id(params, chars, salt);
                case PBKDF2_HMAC_SHA256 -> pbkdf2(params.iterations(), chars, salt);
            };
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    private static byte[] argon2id(KdfParams p, char[] password, byte[] salt) {
        byte[] pw = utf8(password);
        try {
            return argon2id(pw, salt, null, null, p.memoryKib(), p.iterations(), p.parallelism(), KEY_BYTES);
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
    }

    /** Raw Argon2id (version 0x13), exposed to tests for the RFC 9106 known-answer test. */
    static byte[] argon2id(byte[] password, byte[] salt, byte[] secret, byte[] associatedData,
                           int memoryKib, int iterations, int parallelism, int tagLength) {
        Argon2Parameters.Builder b = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt);
        if (secret != null) {
            b.withSecret(secret);
        }
        if (associatedData != null) {
            b.withAdditional(associatedData);
        }
        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        gen.init(b.build());
        byte[] out = new byte[tagLength];
        gen.generateBytes(password, out);
        return out;
    }

    /** Raw PBKDF2-HMAC-SHA256 from the JDK (which encodes the chars as UTF-8); exposed to tests. */
    static byte[] pbkdf2(int iterations, char[] password, byte[] salt) {
        return pbkdf2(iterations, password, salt, KEY_BYTES);
    }

    static byte[] pbkdf2(int iterations, char[] password, byte[] salt, int length) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, length * 8);
        try {
            SecretKey key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec);
            return key.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable in this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static char[] normalised(Secret password) {
        char[] chars = password.revealChars();
        boolean ascii = true;
        for (char c : chars) {
            if (c > 0x7f) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return chars;
        }
        // Normalizer needs a String, which Java cannot wipe; the UI's password field hands us one anyway.
        char[] nfc = Normalizer.normalize(CharBuffer.wrap(chars), Normalizer.Form.NFC).toCharArray();
        Arrays.fill(chars, '\0');
        return nfc;
    }

    static byte[] utf8(char[] chars) {
        try {
            ByteBuffer bb = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .encode(CharBuffer.wrap(chars));
            byte[] out = Arrays.copyOfRange(bb.array(), bb.position(), bb.limit());
            Arrays.fill(bb.array(), (byte) 0);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
