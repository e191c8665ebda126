package com.emite.setup.genesys;

import com.emite.setup.common.Secret;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;

import java.io.IOException;

/** The one Gson of the package: wire names as declared, nulls left out, {@link Secret} as a plain JSON string. */
public final class Json {
    private Json() {
    }

    /** Reads and writes {@link Secret} as a JSON string; writing reveals it, which only a request body does. */
    static final TypeAdapter<Secret> SECRET_ADAPTER = new TypeAdapter<>() {
        @Override
        public void write(JsonWriter out, Secret value) throws IOException {
            if (value == null) {
                out.nullValue();
            } else {
                out.value(value.reveal());
            }
        }

        @Override
        public Secret read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            return Secret.of(in.nextString());
        }
    };

    private static final Gson GSON = new GsonBuilder()
            .registerTypeAdapter(Secret.class, SECRET_ADAPTER)
            .disableHtmlEscaping()
            .setStrictness(com.google.gson.Strictness.STRICT)
            .create();

    /** The shared Gson (thread-safe). */
    public static Gson gson() {
        return GSON;
    }
}
