package com.emite.setup.diagnose;

import com.emite.setup.contract.ApiContract;
import com.emite.setup.genesys.ProbeCalls;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.List;

/** Small JSON helpers of the probes, which build their bodies and read their answers as plain JSON. */
final class ProbeJson {
    private ProbeJson() {
    }

    static JsonArray array(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    static boolean isNull(JsonElement e) {
        return e == null || e.isJsonNull();
    }

    /** How many entities a listing answered on its page. */
    static int count(ProbeCalls.Answer a) {
        JsonElement e = a.object().get("entities");
        return e != null && e.isJsonArray() ? e.getAsJsonArray().size() : 0;
    }

    /**
     * A client app's configuration as read, ready to PUT back with {@code groupId} as its group filter: name, version
     * and notes kept, the property objects copied (an absent one sent empty).
     */
    static JsonObject configWithGroupFilter(JsonObject config, String groupId) {
        JsonObject put = new JsonObject();
        for (String k : List.of("name", "version", "notes")) {
            if (config.has(k)) {
                put.add(k, config.get(k));
            }
        }
        for (String k : List.of("properties", "advanced", "credentials")) {
            JsonElement e = config.get(k);
            put.add(k, e == null || !e.isJsonObject() ? new JsonObject() : e.deepCopy());
        }
        if (!put.has("notes")) {
            put.addProperty("notes", "");
        }
        put.getAsJsonObject("properties").add(ApiContract.CLIENT_APP_GROUPS_PROPERTY, array(List.of(groupId)));
        return put;
    }
}
