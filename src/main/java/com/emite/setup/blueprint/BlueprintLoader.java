package com.emite.setup.blueprint;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.Gson;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.MalformedJsonException;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Reads and checks a blueprint. A broken or edited blueprint fails with a {@link BlueprintException} that lists every
 * problem with the JSON path of its field and the reason (missing field, unknown field, bad permission format,
 * duplicate name, unknown grant type, unsupported version, reference to a group or role that is not there, ...).
 * This class finds the text and parses it as strict JSON; {@link BlueprintReader} reads the sections and
 * {@link BlueprintChecks} holds the rules that span fields.
 */
public final class BlueprintLoader {
    /** Resource name of the app's blueprint, relative to this class. */
    public static final String RESOURCE = "blueprint.json";

    /** Iframe sandbox options the embedded-client-app type accepts (reference §11). */
    public static final Set<String> SANDBOX_OPTIONS = Set.of("allow-forms", "allow-modals", "allow-popups",
            "allow-presentation", "allow-same-origin", "allow-scripts", "allow-downloads");

    private static final Gson STRICT_GSON = new Gson();

    private static volatile Blueprint standard;

    private BlueprintLoader() {
    }

    /** The app's blueprint, read once from the resource. */
    public static Blueprint standard() {
        Blueprint b = standard;
        if (b == null) {
            synchronized (BlueprintLoader.class) {
                b = standard;
                if (b == null) {
                    try (InputStream in = BlueprintLoader.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("The blueprint " + RESOURCE + " is missing from the app");
                        }
                        b = load(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    standard = b;
                }
            }
        }
        return b;
    }

    public static Blueprint load(InputStream in) {
        return load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    public static Blueprint load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Blueprint parse(String json) {
        return load(new StringReader(json));
    }

    public static Blueprint load(Reader reader) {
        JsonElement root;
        try {
            // Strict JSON: no comments or unquoted text, so what the file says is what every JSON tool reads.
            JsonReader json = new JsonReader(reader);
            json.setStrictness(Strictness.STRICT);
            root = STRICT_GSON.getAdapter(JsonElement.class).read(json);
            if (json.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonParseException("text after the end of the JSON document");
            }
        } catch (MalformedJsonException | EOFException | JsonParseException | IllegalStateException e) {
            throw new BlueprintException(List.of(new BlueprintProblem("$", "not valid JSON: " + e.getMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BlueprintReader().read(root);
    }
}
