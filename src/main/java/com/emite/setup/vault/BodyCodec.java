package com.emite.setup.vault;

import com.emite.setup.common.Secret;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The encrypted body's plaintext: UTF-8 JSON, written field by field (no reflection) so the format does not change
 * when a Java field is renamed.
 * <pre>
 * {"format":1,"orgs":[{"orgId":"…","shortName":"…","region":"…",
 *   "clients":[{"name":"…","clientId":"…","secret":"…","createdAt":"2025-…Z","secretUnknown":false,"resetAt":null}],
 *   "adminClient":{"clientId":"…","secret":"…"},"journal":"…opaque JSON text…"}]}
 * </pre>
 */
final class BodyCodec {
    static final int FORMAT = 1;

    private BodyCodec() {
    }

    static byte[] encode(VaultContents contents) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        synchronized (contents) {
            contents.checkAttached();
            try (JsonWriter w = new JsonWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8))) {
                w.setSerializeNulls(false);
                w.beginObject();
                w.name("format").value(FORMAT);
                w.name("orgs").beginArray();
                for (OrgRecord org : contents.orgs()) {
                    w.beginObject();
                    w.name("orgId").value(org.orgId());
                    w.name("shortName").value(org.shortName());
                    w.name("region").value(org.region());
                    w.name("clients").beginArray();
                    for (StoredClient c : org.clients()) {
                        w.beginObject();
                        w.name("name").value(c.name());
                        w.name("clientId").value(c.clientId());
                        if (c.secret() != null) {
                            w.name("secret").value(c.secret().reveal());
                        }
                        w.name("createdAt").value(c.createdAt().toString());
                        w.name("secretUnknown").value(c.secretUnknown());
                        if (c.resetAt() != null) {
                            w.name("resetAt").value(c.resetAt().toString());
                        }
                        w.endObject();
                    }
                    w.endArray();
                    if (org.adminClient().isPresent()) {
                        AdminClient a = org.adminClient().get();
                        w.name("adminClient").beginObject();
                        w.name("clientId").value(a.clientId());
                        w.name("secret").value(a.secret().reveal());
                        w.endObject();
                    }
                    w.name("journal").value(org.journal());
                    w.endObject();
                }
                w.endArray();
                w.endObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bytes.toByteArray();
    }

    /** Thrown when the JSON is from a newer body format. */
    static final class NewerFormatException extends Exception {
        NewerFormatException(int format) {
            super("body format " + format + " is newer than " + FORMAT);
        }
    }

    static VaultContents decode(byte[] utf8) throws NewerFormatException {
        JsonObject root;
        try {
            root = JsonParser.parseString(new String(utf8, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            // Never include the parser's message: it may quote the decrypted text.
            throw new IllegalArgumentException("body is not valid JSON");
        }
        int format = root.get("format").getAsInt();
        if (format > FORMAT) {
            throw new NewerFormatException(format);
        }
        VaultContents contents = new VaultContents();
        for (JsonElement e : root.getAsJsonArray("orgs")) {
            JsonObject o = e.getAsJsonObject();
            OrgRecord org = contents.org(o.get("orgId").getAsString());
            org.setShortName(string(o, "shortName"));
            org.setRegion(string(o, "region"));
            JsonArray clients = o.getAsJsonArray("clients");
            if (clients != null) {
                for (JsonElement ce : clients) {
                    JsonObject c = ce.getAsJsonObject();
                    String secret = string(c, "secret");
                    String resetAt = string(c, "resetAt");
                    org.putClient(new StoredClient(c.get("name").getAsString(), c.get("clientId").getAsString(),
                            secret == null ? null : Secret.of(secret), Instant.parse(c.get("createdAt").getAsString()),
                            c.has("secretUnknown") && c.get("secretUnknown").getAsBoolean(),
                            resetAt == null ? null : Instant.parse(resetAt)));
                }
            }
            JsonObject admin = o.getAsJsonObject("adminClient");
            if (admin != null) {
                org.rememberAdminClient(admin.get("clientId").getAsString(),
                        Secret.of(admin.get("secret").getAsString()));
            }
            org.setJournal(string(o, "journal"));
        }
        return contents;
    }

    private static String string(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
