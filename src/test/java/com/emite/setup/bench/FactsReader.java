package com.emite.setup.bench;

import com.emite.setup.provision.Needs;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads {@link MeasuredOrg} from a sandbox over the public API, with a token of its own (the sandbox limits each token
 * separately, so this never eats into the measured command's window). The benchmark resets the sandbox's counters
 * after reading, so these requests are not counted against any workload. Plain JDK HTTP and Gson: independent of
 * the client under test.
 */
final class FactsReader {
    private static final int PAGE = 100;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String clientId;
    private final String secret;

    FactsReader(String base, String clientId, String secret) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.clientId = clientId;
        this.secret = secret;
    }

    MeasuredOrg read(Needs needs) throws Exception {
        String token = token();
        List<JsonObject> divisions = all(token, "/api/v2/authorization/divisions", "");
        List<JsonObject> roles = all(token, "/api/v2/authorization/roles", "&userCount=false");
        List<JsonObject> groups = all(token, "/api/v2/groups", "");
        List<JsonObject> clients = entities(get(token, "/api/v2/oauth/clients"));
        List<JsonObject> integrations = all(token, "/api/v2/integrations", "");
        Set<String> domains = new TreeSet<>();
        needs.role().permissions().forEach(p -> domains.add(p.permission().split(":")[0]));
        domains.add(needs.licence().permission().split(":")[0]);
        List<JsonObject> catalog = all(token, "/api/v2/authorization/permissions",
                "&queryType=domain&query=" + URLEncoder.encode(String.join(",", domains), StandardCharsets.UTF_8));
        String[] licence = needs.licence().permission().split(":");
        boolean licenceOffered = false;
        for (JsonObject d : catalog) {
            JsonObject map = d.has("permissionMap") ? d.getAsJsonObject("permissionMap") : new JsonObject();
            if (map.has(licence[1])) {
                for (JsonElement p : map.getAsJsonArray(licence[1])) {
                    JsonObject po = p.getAsJsonObject();
                    if (licence[0].equals(str(po, "domain")) && licence[2].equals(str(po, "action"))) {
                        licenceOffered = true;
                    }
                }
            }
        }

        Map<String, String> roleIdByName = new HashMap<>();
        roles.forEach(r -> roleIdByName.putIfAbsent(str(r, "name"), str(r, "id")));
        Set<String> groupNames = new HashSet<>();
        groups.forEach(g -> groupNames.add(str(g, "name")));
        Set<String> clientNames = new HashSet<>();
        clients.forEach(c -> clientNames.add(str(c, "name")));
        boolean appExists = false;
        boolean appEnabled = false;
        for (JsonObject i : integrations) {
            String name = str(i, "name");
            if (name == null && i.has("config") && i.getAsJsonObject("config").has("current")) {
                name = str(i.getAsJsonObject("config").getAsJsonObject("current"), "name");
            }
            String type = i.has("integrationType") ? str(i.getAsJsonObject("integrationType"), "id") : null;
            if (needs.app().name().equals(name) && needs.app().typeId().equals(type)) {
                appExists = true;
                appEnabled |= "ENABLED".equalsIgnoreCase(str(i, "intendedState"));
            }
        }
        String roleId = roleIdByName.get(needs.role().name());
        boolean holds = false;
        if (roleId != null) {
            JsonObject subject = get(token, "/api/v2/authorization/subjects/" + clientId);
            JsonArray grants = subject.has("grants") ? subject.getAsJsonArray("grants") : new JsonArray();
            for (JsonElement g : grants) {
                JsonObject go = g.getAsJsonObject();
                if (go.has("role") && roleId.equals(str(go.getAsJsonObject("role"), "id"))) {
                    holds = true;
                }
            }
        }

        // Active users with their roles: the licence state per division.
        Map<String, String> licenceRoleByDivision = new HashMap<>();
        for (JsonObject d : divisions) {
            String r = roleIdByName.get(needs.licence().roleName(str(d, "name")));
            if (r != null) {
                licenceRoleByDivision.put(str(d, "id"), r);
            }
        }
        Map<String, int[]> counts = new HashMap<>(); // division id -> {active, unlicensed}
        int[] active = {0};
        for (JsonObject u : allParallel(token, "/api/v2/users", "&state=active&expand=authorization")) {
            active[0]++;
            String div = u.has("division") ? str(u.getAsJsonObject("division"), "id") : null;
            if (div == null) {
                continue;
            }
            int[] c = counts.computeIfAbsent(div, k -> new int[2]);
            c[0]++;
            String need = licenceRoleByDivision.get(div);
            boolean has = false;
            if (need != null && u.has("authorization") && u.getAsJsonObject("authorization").has("roles")) {
                for (JsonElement r : u.getAsJsonObject("authorization").getAsJsonArray("roles")) {
                    if (need.equals(str(r.getAsJsonObject(), "id"))) {
                        has = true;
                    }
                }
            }
            if (!has) {
                c[1]++;
            }
        }
        List<MeasuredOrg.Division> divs = new ArrayList<>();
        for (JsonObject d : divisions) {
            int[] c = counts.getOrDefault(str(d, "id"), new int[2]);
            divs.add(new MeasuredOrg.Division(str(d, "id"), str(d, "name"), c[0], c[1],
                    licenceRoleByDivision.containsKey(str(d, "id"))));
        }
        return new MeasuredOrg(active[0], divs, roles.size(), groups.size(), clients.size(), integrations.size(),
                catalog.size(), licenceOffered, roleIdByName.keySet(), groupNames, clientNames, appExists,
                appEnabled, holds);
    }

    private String token() throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/oauth/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("token: HTTP " + r.statusCode() + " " + r.body());
        }
        return JsonParser.parseString(r.body()).getAsJsonObject().get("access_token").getAsString();
    }

    private JsonObject get(String token, String pathAndQuery) throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 429 && attempt < 5) {
                long s = Long.parseLong(r.headers().firstValue("Retry-After").orElse("3"));
                Thread.sleep(s * 1000);
                continue;
            }
            if (r.statusCode() != 200) {
                throw new IOException("GET " + pathAndQuery + ": HTTP " + r.statusCode() + " " + r.body());
            }
            return JsonParser.parseString(r.body()).getAsJsonObject();
        }
    }

    private List<JsonObject> all(String token, String path, String query) throws IOException, InterruptedException {
        List<JsonObject> out = new ArrayList<>();
        for (int n = 1; ; n++) {
            JsonObject page = get(token, path + "?pageSize=" + PAGE + "&pageNumber=" + n + query);
            out.addAll(entities(page));
            int pageCount = page.has("pageCount") ? page.get("pageCount").getAsInt() : n;
            if (n >= pageCount || !page.has("nextUri") || page.get("nextUri").isJsonNull()) {
                return out;
            }
        }
    }

    /** All pages of a listing, page 1 first (for the page count), the rest four at a time. */
    private List<JsonObject> allParallel(String token, String path, String query) throws Exception {
        JsonObject first = get(token, path + "?pageSize=" + PAGE + "&pageNumber=1" + query);
        List<JsonObject> out = new ArrayList<>(entities(first));
        int pageCount = first.has("pageCount") ? first.get("pageCount").getAsInt() : 1;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<JsonObject>> pages = new ArrayList<>();
            for (int n = 2; n <= pageCount; n++) {
                String q = path + "?pageSize=" + PAGE + "&pageNumber=" + n + query;
                pages.add(pool.submit(() -> get(token, q)));
            }
            for (Future<JsonObject> f : pages) {
                out.addAll(entities(f.get()));
            }
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    private static List<JsonObject> entities(JsonObject page) {
        List<JsonObject> out = new ArrayList<>();
        if (page.has("entities") && page.get("entities").isJsonArray()) {
            page.getAsJsonArray("entities").forEach(e -> out.add(e.getAsJsonObject()));
        }
        return out;
    }

    private static String str(JsonObject o, String key) {
        JsonElement e = o == null ? null : o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
