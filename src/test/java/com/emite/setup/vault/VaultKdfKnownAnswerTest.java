package com.emite.setup.vault;

import com.emite.setup.common.Secret;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Known-answer tests: the KDFs compute what the standards say. */
class VaultKdfKnownAnswerTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }

    /** RFC 9106 §5.3: Argon2id, version 0x13, m=32 KiB, t=3, p=4, with secret and associated data. */
    @Test
    void argon2idRfc9106Vector() {
        byte[] tag = Kdf.argon2id(filled(32, 0x01), filled(16, 0x02), filled(8, 0x03), filled(12, 0x04),
                32, 3, 4, 32);
        assertArrayEquals(hex("0d 64 0d f5 8d 78 76 6c 08 c0 37 a3 4a 8b 53 c9"
                + "d0 1e f0 45 2d 75 b6 5e b5 25 20 e9 6b 01 e6 59"), tag);
    }

    /** RFC 7914 §11 (scrypt's RFC lists PBKDF2-HMAC-SHA256 vectors): P="passwd", S="salt", c=1, dkLen=64. */
    @Test
    void pbkdf2Rfc7914VectorOneIteration() {
        byte[] dk = Kdf.pbkdf2(1, "passwd".toCharArray(), "salt".getBytes(StandardCharsets.US_ASCII), 64);
        assertArrayEquals(hex("55 ac 04 6e 56 e3 08 9f ec 16 91 c2 25 44 b6 05"
                + "f9 41 85 21 6d de 04 65 e6 8b 9d 57 c2 0d ac bc"
                + "49 ca 9c cc f1 79 b6 45 99 16 64 b3 9d 77 ef 31"
                + "7c 71 b8 45 b1 e3 0b d5 09 11 20 41 d3 a1 97 83"), dk);
    }

    /** RFC 7914 §11: P="Password", S="NaCl", c=80000, dkLen=64. */
    @Test
    void pbkdf2Rfc7914Vector80000Iterations() {
        byte[] dk = Kdf.pbkdf2(80000, "Password".toCharArray(), "NaCl".getBytes(StandardCharsets.US_ASCII), 64);
        assertArrayEquals(hex("4d dc d8 f6 0b 98 be 21 83 0c ee 5e f2 27 01 f9"
                + "64 1a 44 18 d0 4c 04 14 ae ff 08 87 6b 34 ab 56"
                + "a1 d4 25 a1 22 58 33 54 9a db 84 1b 51 c9 b3 17"
                + "6a 27 2b de bb a1 d0 78 47 8f 62 b3 97 f3 3c 8d"), dk);
    }

    /** The vault's own path: Kdf.derive gives the same bytes as the raw functions (UTF-8 password, no extras). */
    @Test
    void deriveUsesUtf8PasswordAndParameters() {
        byte[] salt = filled(32, 7);
        assertArrayEquals(Kdf.argon2id("pässword".getBytes(StandardCharsets.UTF_8), salt, null, null, 64, 2, 1, 32),
                Kdf.derive(KdfParams.argon2id(64, 2, 1), Secret.of("pässword"), salt));
        assertArrayEquals(Kdf.pbkdf2(1000, "pässword".toCharArray(), salt, 32),
                Kdf.derive(KdfParams.pbkdf2(1000), Secret.of("pässword"), salt));
    }

    /** A password typed with a decomposed accent (macOS) opens what was made with a composed one (Windows). */
    @Test
    void passwordsAreNfcNormalised() {
        byte[] salt = filled(32, 9);
        KdfParams p = KdfParams.argon2id(64, 1, 1);
        assertArrayEquals(Kdf.derive(p, Secret.of("caf\u00e9"), salt), Kdf.derive(p, Secret.of("cafe\u0301"), salt));
        assertNotEquals(HexFormat.of().formatHex(Kdf.derive(p, Secret.of("cafe"), salt)),
                HexFormat.of().formatHex(Kdf.derive(p, Secret.of("caf\u00e9"), salt)));
    }

    @Test
    void defaultsAndLimits() {
        KdfParams a = KdfParams.argon2idDefault();
        assertEquals(65536, a.memoryKib());
        assertEquals(3, a.iterations());
        assertEquals(1, a.parallelism());
        assertTrue(a.meetsRecommendedMinimum());
        assertEquals(600_000, KdfParams.pbkdf2Default().iterations());
        assertTrue(KdfParams.pbkdf2Default().meetsRecommendedMinimum());
        assertFalse(KdfParams.argon2id(64, 1, 1).meetsRecommendedMinimum());
        assertFalse(KdfParams.pbkdf2(1000).meetsRecommendedMinimum());
        assertTrue(KdfParams.argon2id(19 * 1024, 2, 1).meetsRecommendedMinimum());   // OWASP's minimum
        assertThrows(IllegalArgumentException.class, () -> KdfParams.argon2id(4 * 1024 * 1024, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> KdfParams.argon2id(256 * 1024, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> KdfParams.argon2id(64, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> KdfParams.argon2id(64, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> KdfParams.argon2id(4, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> KdfParams.pbkdf2(0));
        assertThrows(IllegalArgumentException.class, () -> KdfParams.pbkdf2(50_000_000));
    }
}
