package com.emite.setup.vault;

import com.emite.setup.common.Secret;
import com.emite.setup.vault.VaultException.Reason;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The vault file format, version 1: pure functions from bytes to bytes, no I/O. Big-endian throughout.
 *
 * <pre>
 * offset len  field
 *   0     8   signature 89 45 4D 56 0D 0A 1A 0A  ("\x89EMV\r\n\x1a\n": like PNG's, it catches text-mode mangling)
 *   8     2   format version (1)                  } the "envelope": every future version keeps these 12 bytes and
 *  10     2   header length H (195 in v1)         } ends its header with the SHA-256 checksum, so an old app can
 *  12     1   KDF id (1 Argon2id, 2 PBKDF2-HMAC-SHA256)  tell "newer version" from "damaged"
 *  13     1   Argon2 lanes (0 for PBKDF2)
 *  14     4   Argon2 memory KiB (0 for PBKDF2)
 *  18     4   passes / iterations
 *  22     1   salt length (32)
 *  23    32   salt
 *  55    12   key-wrap nonce
 *  67    48   data key wrapped with AES-256-GCM under the key-encryption key (32 + 16 tag)
 * 115    12   body nonce (fresh on every save)
 * 127     4   body length B (ciphertext + 16-byte tag)
 * 131    32   header MAC: HMAC-SHA256(header-MAC key, bytes 0..130)
 * 163    32   header checksum: SHA-256(bytes 0..162)
 * 195     B   body: AES-256-GCM(data key, body nonce, UTF-8 JSON), associated data = the whole header (0..194)
 * </pre>
 *
 * <p>Keys (as KeePassXC's KDBX 4 and Cryptomator's masterkey file): master = KDF(password, salt, params);
 * header-MAC key = HMAC-SHA256(master, "emite-vault v1 header mac"); key-encryption key = HMAC-SHA256(master,
 * "emite-vault v1 key wrap"); the random 256-bit data key encrypts the body. Changing the password rewraps a fresh
 * data key; saving never runs the KDF.
 *
 * <p>Order of checks when opening, so each failure has exactly one name: signature → envelope bounds → checksum
 * (damage anywhere in the header, including the KDF parameters, is caught here, before the KDF runs) → version →
 * KDF parameter limits → KDF → header MAC (the only place "wrong password" comes from, and only for a header whose
 * checksum is intact) → key unwrap → body length → body tag.
 */
final class VaultFormat {
    static final byte[] MAGIC = {(byte) 0x89, 'E', 'M', 'V', 0x0D, 0x0A, 0x1A, 0x0A};
    static final int VERSION = 1;
    static final int PREFIX_LENGTH = 12;
    static final int CHECKSUM_LENGTH = 32;
    static final int MAC_LENGTH = 32;
    static final int SALT_LENGTH = 32;
    static final int NONCE_LENGTH = 12;
    static final int TAG_LENGTH = 16;
    static final int DATA_KEY_LENGTH = 32;

    static final int OFF_KDF_ID = 12;
    static final int OFF_LANES = 13;
    static final int OFF_MEMORY = 14;
    static final int OFF_ITERATIONS = 18;
    static final int OFF_SALT_LENGTH = 22;
    static final int OFF_SALT = 23;
    static final int OFF_WRAP_NONCE = OFF_SALT + SALT_LENGTH;                   // 55
    static final int OFF_WRAPPED_KEY = OFF_WRAP_NONCE + NONCE_LENGTH;           // 67
    static final int OFF_BODY_NONCE = OFF_WRAPPED_KEY + DATA_KEY_LENGTH + TAG_LENGTH; // 115
    static final int OFF_BODY_LENGTH = OFF_BODY_NONCE + NONCE_LENGTH;           // 127
    static final int OFF_MAC = OFF_BODY_LENGTH + 4;                             // 131
    static final int OFF_CHECKSUM = OFF_MAC + MAC_LENGTH;                       // 163
    static final int HEADER_LENGTH = OFF_CHECKSUM + CHECKSUM_LENGTH;            // 195

    /** A vault body larger than this is not something we wrote (the real thing is a few KiB). */
    static final int MAX_BODY_LENGTH = 32 * 1024 * 1024;

    private static final byte[] LABEL_MAC = "emite-vault v1 header mac".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LABEL_KEK = "emite-vault v1 key wrap".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private VaultFormat() {
    }

    /** The key material of an unlocked vault. Holds no password; {@link #wipe()} zeroes it. */
    static final class Keys {
        final KdfParams params;
        final byte[] salt;
        final byte[] wrapNonce;
        final byte[] wrappedKey;
        final byte[] macKey;
        final byte[] dataKey;

        Keys(KdfParams params, byte[] salt, byte[] wrapNonce, byte[] wrappedKey, byte[] macKey, byte[] dataKey) {
            this.params = params;
            this.salt = salt;
            this.wrapNonce = wrapNonce;
            this.wrappedKey = wrappedKey;
            this.macKey = macKey;
            this.dataKey = dataKey;
        }

        void wipe() {
            Arrays.fill(macKey, (byte) 0);
            Arrays.fill(dataKey, (byte) 0);
        }

        @Override
        public String toString() {
            return "Keys[" + params + "]";
        }
    }

    /** What the header says, after the structural checks (no password needed). */
    record Header(int version, KdfParams params, byte[] salt, long bodyLength) {
    }

    record Opened(Keys keys, byte[] plaintext) {
    }

    /** New random salt and data key; runs the KDF once. */
    static Keys newKeys(Secret password, KdfParams params) {
        String problem = params.hardLimitProblem();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        byte[] salt = random(SALT_LENGTH);
        byte[] dataKey = random(DATA_KEY_LENGTH);
        byte[] wrapNonce = random(NONCE_LENGTH);
        byte[] master = Kdf.derive(params, password, salt);
        byte[] kek = hmac(master, LABEL_KEK);
        byte[] macKey = hmac(master, LABEL_MAC);
        Arrays.fill(master, (byte) 0);
        try {
            byte[] prefix = headerPrefix(params, salt, wrapNonce);
            byte[] wrapped = gcm(Cipher.ENCRYPT_MODE, kek, wrapNonce, dataKey, Arrays.copyOf(prefix, OFF_WRAPPED_KEY));
            return new Keys(params, salt, wrapNonce, wrapped, macKey, dataKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    /** The complete file: header then encrypted body, with a fresh body nonce. */
    static byte[] seal(Keys keys, byte[] plaintext) {
        if (plaintext.length > MAX_BODY_LENGTH - TAG_LENGTH) {
            throw new IllegalArgumentException("vault contents too large: " + plaintext.length + " bytes");
        }
        byte[] bodyNonce = random(NONCE_LENGTH);
        int bodyLength = plaintext.length + TAG_LENGTH;
        byte[] header = Arrays.copyOf(headerPrefix(keys.params, keys.salt, keys.wrapNonce), HEADER_LENGTH);
        System.arraycopy(keys.wrappedKey, 0, header, OFF_WRAPPED_KEY, keys.wrappedKey.length);
        System.arraycopy(bodyNonce, 0, header, OFF_BODY_NONCE, NONCE_LENGTH);
        ByteBuffer.wrap(header).putInt(OFF_BODY_LENGTH, bodyLength);
        System.arraycopy(hmac(keys.macKey, Arrays.copyOf(header, OFF_MAC)), 0, header, OFF_MAC, MAC_LENGTH);
        System.arraycopy(sha256(header, 0, OFF_CHECKSUM), 0, header, OFF_CHECKSUM, CHECKSUM_LENGTH);
        try {
            byte[] body = gcm(Cipher.ENCRYPT_MODE, keys.dataKey, bodyNonce, plaintext, header);
            byte[] file = Arrays.copyOf(header, HEADER_LENGTH + body.length);
            System.arraycopy(body, 0, file, HEADER_LENGTH, body.length);
            return file;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** Opens a vault file's bytes. The caller wipes the plaintext and, eventually, the keys. */
    static Opened unseal(byte[] file, Secret password) throws VaultException {
        Header h = parseHeader(file);
        byte[] master = Kdf.derive(h.params(), password, h.salt());
        byte[] macKey = hmac(master, LABEL_MAC);
        byte[] kek = hmac(master, LABEL_KEK);
        Arrays.fill(master, (byte) 0);
        boolean ok = false;
        byte[] dataKey = null;
        try {
            byte[] expectedMac = hmac(macKey, Arrays.copyOf(file, OFF_MAC));
            if (!MessageDigest.isEqual(expectedMac, Arrays.copyOfRange(file, OFF_MAC, OFF_CHECKSUM))) {
                throw new VaultException(Reason.WRONG_PASSWORD, "header MAC does not match the password");
            }
            byte[] wrapNonce = Arrays.copyOfRange(file, OFF_WRAP_NONCE, OFF_WRAPPED_KEY);
            byte[] wrapped = Arrays.copyOfRange(file, OFF_WRAPPED_KEY, OFF_BODY_NONCE);
            try {
                dataKey = gcm(Cipher.DECRYPT_MODE, kek, wrapNonce, wrapped, Arrays.copyOf(file, OFF_WRAPPED_KEY));
            } catch (AEADBadTagException e) {
                throw new VaultException(Reason.CORRUPT_HEADER, "data key does not unwrap although the MAC matches");
            }
            long actualBody = (long) file.length - HEADER_LENGTH;
            if (actualBody < h.bodyLength()) {
                throw new VaultException(Reason.DAMAGED_BODY,
                        "file truncated: body is " + actualBody + " of " + h.bodyLength() + " bytes");
            }
            if (actualBody > h.bodyLength()) {
                throw new VaultException(Reason.DAMAGED_BODY,
                        (actualBody - h.bodyLength()) + " unexpected bytes after the end of the vault");
            }
            byte[] bodyNonce = Arrays.copyOfRange(file, OFF_BODY_NONCE, OFF_BODY_LENGTH);
            byte[] plaintext;
            try {
                plaintext = gcm(Cipher.DECRYPT_MODE, dataKey, bodyNonce,
                        Arrays.copyOfRange(file, HEADER_LENGTH, file.length), Arrays.copyOf(file, HEADER_LENGTH));
            } catch (AEADBadTagException e) {
                throw new VaultException(Reason.DAMAGED_BODY, "body authentication tag does not match");
            }
            Keys keys = new Keys(h.params(), h.salt(), wrapNonce, wrapped, macKey, dataKey);
            ok = true;
            return new Opened(keys, plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        } finally {
            Arrays.fill(kek, (byte) 0);
            if (!ok) {
                Arrays.fill(macKey, (byte) 0);
                if (dataKey != null) {
                    Arrays.fill(dataKey, (byte) 0);
                }
            }
        }
    }

    /** True if {@code password} opens the header (runs the KDF; does not decrypt the body). */
    static boolean passwordMatches(byte[] file, Secret password) throws VaultException {
        Header h = parseHeader(file);
        byte[] master = Kdf.derive(h.params(), password, h.salt());
        byte[] macKey = hmac(master, LABEL_MAC);
        Arrays.fill(master, (byte) 0);
        try {
            return MessageDigest.isEqual(hmac(macKey, Arrays.copyOf(file, OFF_MAC)),
                    Arrays.copyOfRange(file, OFF_MAC, OFF_CHECKSUM));
        } finally {
            Arrays.fill(macKey, (byte) 0);
        }
    }

    /**
     * The structural checks that need no password: signature, envelope, checksum, version, KDF limits. Cheap, and
     * never runs the KDF.
     */
    static Header parseHeader(byte[] f) throws VaultException {
        if (f.length == 0) {
            throw new VaultException(Reason.NOT_A_VAULT, "the file is empty");
        }
        if (!Arrays.equals(f, 0, Math.min(f.length, MAGIC.length), MAGIC, 0, Math.min(f.length, MAGIC.length))) {
            if (isOursWithDamagedSignature(f)) {
                throw new VaultException(Reason.CORRUPT_HEADER, "file signature damaged (checksum otherwise valid)");
            }
            throw new VaultException(Reason.NOT_A_VAULT, "no vault signature at the start of the file");
        }
        if (f.length < PREFIX_LENGTH) {
            throw new VaultException(Reason.CORRUPT_HEADER, "file ends inside the header (" + f.length + " bytes)");
        }
        ByteBuffer b = ByteBuffer.wrap(f);
        int version = Short.toUnsignedInt(b.getShort(8));
        int headerLength = Short.toUnsignedInt(b.getShort(10));
        if (headerLength < PREFIX_LENGTH + CHECKSUM_LENGTH) {
            throw new VaultException(Reason.CORRUPT_HEADER, "header length field " + headerLength + " too small");
        }
        if (headerLength > f.length) {
            throw new VaultException(Reason.CORRUPT_HEADER,
                    "file ends inside the header (" + f.length + " of " + headerLength + " bytes)");
        }
        int sumAt = headerLength - CHECKSUM_LENGTH;
        if (!MessageDigest.isEqual(sha256(f, 0, sumAt), Arrays.copyOfRange(f, sumAt, headerLength))) {
            throw new VaultException(Reason.CORRUPT_HEADER, "header checksum mismatch");
        }
        if (version > VERSION) {
            throw new VaultException(Reason.UNSUPPORTED_VERSION,
                    "file format version " + version + "; this app reads version " + VERSION);
        }
        if (version < 1) {
            throw new VaultException(Reason.CORRUPT_HEADER, "file format version " + version + " does not exist");
        }
        if (headerLength != HEADER_LENGTH) {
            throw new VaultException(Reason.CORRUPT_HEADER, "version 1 header length " + headerLength);
        }
        KdfParams.Algorithm alg = KdfParams.Algorithm.byId(f[OFF_KDF_ID] & 0xff);
        if (alg == null) {
            throw new VaultException(Reason.UNSUPPORTED_VERSION, "unknown key derivation id " + (f[OFF_KDF_ID] & 0xff));
        }
        KdfParams params = KdfParams.unchecked(alg, b.getInt(OFF_MEMORY), b.getInt(OFF_ITERATIONS),
                f[OFF_LANES] & 0xff);
        String problem = params.hardLimitProblem();
        if (problem != null) {
            throw new VaultException(Reason.UNSAFE_KDF_SETTINGS, problem);
        }
        if ((f[OFF_SALT_LENGTH] & 0xff) != SALT_LENGTH) {
            throw new VaultException(Reason.CORRUPT_HEADER, "salt length " + (f[OFF_SALT_LENGTH] & 0xff));
        }
        long bodyLength = Integer.toUnsignedLong(b.getInt(OFF_BODY_LENGTH));
        if (bodyLength < TAG_LENGTH || bodyLength > MAX_BODY_LENGTH) {
            throw new VaultException(Reason.CORRUPT_HEADER, "body length field " + bodyLength + " out of range");
        }
        return new Header(version, params, Arrays.copyOfRange(f, OFF_SALT, OFF_SALT + SALT_LENGTH), bodyLength);
    }

    /** A file whose first 8 bytes are not our signature but whose header checksum matches with the signature put back. */
    private static boolean isOursWithDamagedSignature(byte[] f) {
        if (f.length < PREFIX_LENGTH) {
            return false;
        }
        int headerLength = Short.toUnsignedInt(ByteBuffer.wrap(f).getShort(10));
        if (headerLength < PREFIX_LENGTH + CHECKSUM_LENGTH || headerLength > f.length) {
            return false;
        }
        byte[] repaired = Arrays.copyOf(f, headerLength);
        System.arraycopy(MAGIC, 0, repaired, 0, MAGIC.length);
        int sumAt = headerLength - CHECKSUM_LENGTH;
        return MessageDigest.isEqual(sha256(repaired, 0, sumAt), Arrays.copyOfRange(repaired, sumAt, headerLength));
    }

    private static byte[] headerPrefix(KdfParams p, byte[] salt, byte[] wrapNonce) {
        ByteBuffer b = ByteBuffer.allocate(OFF_WRAPPED_KEY);
        b.put(MAGIC);
        b.putShort((short) VERSION);
        b.putShort((short) HEADER_LENGTH);
        b.put((byte) p.algorithm().id);
        b.put((byte) p.parallelism());
        b.putInt(p.memoryKib());
        b.putInt(p.iterations());
        b.put((byte) salt.length);
        b.put(salt);
        b.put(wrapNonce);
        return b.array();
    }

    static byte[] gcm(int mode, byte[] key, byte[] nonce, byte[] input, byte[] aad) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_LENGTH * 8, nonce));
        c.updateAAD(aad);
        return c.doFinal(input);
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    static byte[] sha256(byte[] data, int from, int to) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(data, from, to - from);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
