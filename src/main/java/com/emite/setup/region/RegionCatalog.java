package com.emite.setup.region;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every Genesys Cloud region the app knows, read from the resource {@code regions.json} beside this class (a copy of
 * {@code shared/reference/regions.json}). Adding a region means editing that file, not code.
 */
public final class RegionCatalog {
    /** Resource name of the standard catalog, relative to this class. */
    public static final String RESOURCE = "regions.json";

    private static volatile RegionCatalog standard;

    private final List<Region> regions;

    private RegionCatalog(List<Region> regions) {
        this.regions = List.copyOf(regions);
    }

    /** The catalog shipped with the app (loaded once). */
    public static RegionCatalog standard() {
        RegionCatalog s = standard;
        if (s == null) {
            synchronized (RegionCatalog.class) {
                s = standard;
                if (s == null) {
                    try (InputStream in = RegionCatalog.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("The region list " + RESOURCE + " is missing from the app");
                        }
                        s = load(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    standard = s;
                }
            }
        }
        return s;
    }

    /** Reads a catalog in the format of {@code regions.json}; fails with a plain reason on a broken entry. */
    public static RegionCatalog load(InputStream json) {
        try (Reader reader = new InputStreamReader(json, StandardCharsets.UTF_8)) {
            return parse(JsonParser.parseReader(reader));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("The region list is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Builds a catalog from regions already made (tests, custom lists). */
    public static RegionCatalog of(List<Region> regions) {
        return new RegionCatalog(validate(regions));
    }

    private static RegionCatalog parse(JsonElement root) {
        if (!root.isJsonArray()) {
            throw new IllegalArgumentException("The region list must be a JSON array");
        }
        JsonArray array = root.getAsJsonArray();
        List<Region> regions = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String path = "$[" + i + "]";
            if (!array.get(i).isJsonObject()) {
                throw new IllegalArgumentException(path + ": must be an object");
            }
            JsonObject o = array.get(i).getAsJsonObject();
            String domain = text(o, "domain", path).toLowerCase(Locale.ROOT);
            JsonElement code = o.get("emiteCode");
            Optional<String> emiteCode = code == null || code.isJsonNull() || code.getAsString().isBlank()
                    ? Optional.empty() : Optional.of(code.getAsString().trim());
            JsonElement confirmed = o.get("confirmed");
            regions.add(new Region(text(o, "name", path), text(o, "genesysRegionId", path), domain,
                    text(o, "loginHost", path).toLowerCase(Locale.ROOT), text(o, "apiHost", path).toLowerCase(Locale.ROOT),
                    o.has("appsHost") ? text(o, "appsHost", path).toLowerCase(Locale.ROOT) : "apps." + domain,
                    emiteCode, confirmed != null && !confirmed.isJsonNull() && confirmed.getAsBoolean()));
        }
        return new RegionCatalog(validate(regions));
    }

    private static String text(JsonObject o, String field, String path) {
        JsonElement e = o.get(field);
        if (e == null || e.isJsonNull() || !e.isJsonPrimitive() || e.getAsString().isBlank()) {
            throw new IllegalArgumentException(path + "." + field + ": missing");
        }
        return e.getAsString().trim();
    }

    private static List<Region> validate(List<Region> regions) {
        Set<String> domains = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (Region r : regions) {
            if (!domains.add(r.domain())) {
                throw new IllegalArgumentException("The domain " + r.domain() + " is listed twice");
            }
            if (!ids.add(r.genesysRegionId())) {
                throw new IllegalArgumentException("The region id " + r.genesysRegionId() + " is listed twice");
            }
            for (String host : List.of(r.loginHost(), r.apiHost(), r.appsHost())) {
                if (!host.endsWith("." + r.domain())) {
                    throw new IllegalArgumentException(host + " is not under the domain " + r.domain());
                }
            }
        }
        return regions;
    }

    /** All regions in the order of the resource. */
    public List<Region> all() {
        return regions;
    }

    /** The regions that have an eMite code. */
    public List<Region> withEmiteCode() {
        return regions.stream().filter(Region::hasEmiteCode).toList();
    }

    public Optional<Region> byDomain(String domain) {
        String d = domain == null ? "" : domain.toLowerCase(Locale.ROOT);
        return regions.stream().filter(r -> r.domain().equals(d)).findFirst();
    }

    public Optional<Region> byGenesysRegionId(String id) {
        return regions.stream().filter(r -> r.genesysRegionId().equalsIgnoreCase(id)).findFirst();
    }

    public Optional<Region> byEmiteCode(String code) {
        return regions.stream().filter(r -> r.emiteCode().map(c -> c.equalsIgnoreCase(code)).orElse(false))
                .findFirst();
    }

    public Optional<Region> byName(String name) {
        return regions.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /**
     * The region whose domain is {@code host} itself or a parent of it (the longest such domain wins). Only a whole
     * label matches: {@code fakemypurecloud.com} is not under {@code mypurecloud.com}.
     */
    Optional<Region> owning(String host) {
        return regions.stream()
                .filter(r -> host.equals(r.domain()) || host.endsWith("." + r.domain()))
                .max(Comparator.comparingInt(r -> r.domain().length()));
    }
}
