package com.emite.setup.live;

import com.emite.setup.blueprint.Blueprint;
import com.emite.setup.blueprint.BlueprintLoader;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The app's own blueprint with every object name carrying the live run's tag ({@code LiveOrg.runTag()}): the groups,
 * the role, the OAuth clients (and the role they hold), the client app (and the group it shows to) and the per-division
 * licence roles. A live run so never finds, changes or removes what a person or another run made.
 */
final class LiveBlueprint {
    private LiveBlueprint() {
    }

    static Blueprint tagged(String tag) {
        JsonObject b;
        try (InputStream in = BlueprintLoader.class.getResourceAsStream(BlueprintLoader.RESOURCE)) {
            b = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (JsonElement g : b.getAsJsonArray("groups")) {
            rename(g.getAsJsonObject(), "name", tag);
        }
        rename(b.getAsJsonObject("role"), "name", tag);
        for (JsonElement c : b.getAsJsonArray("oauthClients")) {
            JsonObject client = c.getAsJsonObject();
            rename(client, "name", tag);
            JsonArray roles = client.getAsJsonArray("roleDivisions");
            if (roles != null) {
                roles.forEach(r -> rename(r.getAsJsonObject(), "role", tag));
            }
        }
        JsonObject app = b.getAsJsonObject("clientApp");
        rename(app, "name", tag);
        JsonArray filter = new JsonArray();
        app.getAsJsonArray("groupFilter").forEach(g -> filter.add(named(tag, g.getAsString())));
        app.add("groupFilter", filter);
        rename(b.getAsJsonObject("licenceRole"), "namePattern", tag);
        return BlueprintLoader.parse(b.toString());
    }

    static String named(String tag, String name) {
        return tag + " " + name;
    }

    private static void rename(JsonObject o, String field, String tag) {
        o.addProperty(field, named(tag, o.get(field).getAsString()));
    }
}
