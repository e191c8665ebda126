package com.emite.setup.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.mypurecloud.sdk.v2.ApiClient;
import com.mypurecloud.sdk.v2.ApiDateFormat;
import com.mypurecloud.sdk.v2.ApiRequest;
import com.mypurecloud.sdk.v2.Pair;
import io.swagger.annotations.ApiModelProperty;
import okhttp3.HttpUrl;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.Enumeration;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The official Java SDK ({@code platform-client-v2}, test scope) as an oracle of the wire contract: every operation's
 * method, path template, query parameter names (and whether a list is sent repeated or comma-joined), enum literals of
 * query parameters, and body model, read by reflection from the SDK's generated {@code *Request} classes. A request
 * our client really sent is checked against it with {@link #check}: a path, query parameter, body field or enum
 * literal the SDK does not know is a violation.
 */
// About 550 lines, over the ~400 guide on purpose: one oracle with three parts that only make sense together (the
// index of SDK operations, matching a wire request to one, checking its query, enums and body against the SDK
// models). Split, each part would need the others' internals.
public final class SdkOracle {
    private static final String REQUEST_PACKAGE = "com/mypurecloud/sdk/v2/api/request/";
    /**
     * Only the API areas eMite Setup and the sandbox use (by request class name): about 240 of the SDK's 2,266 operations, so building the
     * index takes a second instead of twenty. A call outside these areas is reported as "no SDK operation", never
     * passed silently; add its area here.
     */
    private static final java.util.regex.Pattern OUR_AREAS = java.util.regex.Pattern.compile(
            "(Get|Post|Put|Patch|Delete|Head)(User|Group|Authorization|Oauth|Integration|Organization|Token)"
                    + "[A-Za-z0-9]*Request\\.class");
    private static volatile SdkOracle instance;

    /** One SDK operation. */
    public record Op(String className, String method, String template, Map<String, Boolean> queryMulti,
                     Map<String, Set<String>> queryEnums, Class<?> bodyType, boolean bodyRequired) {
        public String key() {
            return method + " " + template;
        }
    }

    /** One request as it went over the wire. */
    public record Wire(String method, String url, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        public String path() {
            return HttpUrl.get(url).encodedPath();
        }

        @Override
        public String toString() {
            return method + " " + url;
        }
    }

    private final List<Op> ops;
    private final ObjectMapper strict;

    private SdkOracle(List<Op> ops) {
        this.ops = ops;
        this.strict = ApiClient.buildObjectMapper(new ApiDateFormat());
        this.strict.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    }

    /** The index of every operation of the SDK on the test class path (built once, about two seconds). */
    public static SdkOracle get() {
        SdkOracle o = instance;
        if (o == null) {
            synchronized (SdkOracle.class) {
                if (instance == null) {
                    instance = new SdkOracle(index());
                }
                o = instance;
            }
        }
        return o;
    }

    public ObjectMapper strictMapper() {
        return strict;
    }

    public int size() {
        return ops.size();
    }

    // ---- lookup ----

    /** The SDK operation for a method and a concrete {@code /api/v2/...} path; literal segments win, as in routing. */
    public Op find(String method, String path) {
        String[] segs = split(path);
        Op best = null;
        int bestScore = -1;
        for (Op op : ops) {
            if (!op.method().equals(method)) {
                continue;
            }
            String[] t = split(op.template());
            if (t.length != segs.length) {
                continue;
            }
            int score = 0;
            boolean ok = true;
            for (int i = 0; i < t.length && ok; i++) {
                if (t[i].startsWith("{") && t[i].endsWith("}")) {
                    continue;
                }
                if (t[i].equals(decode(segs[i]))) {
                    score++;
                } else {
                    ok = false;
                }
            }
            if (ok && score > bestScore) {
                best = op;
                bestScore = score;
            }
        }
        return best;
    }

    /** The operation with exactly this method and template, or null. */
    public Op op(String method, String template) {
        for (Op op : ops) {
            if (op.method().equals(method) && op.template().equals(template)) {
                return op;
            }
        }
        return null;
    }

    // ---- the check ----

    /**
     * Everything wrong with one {@code /api/v2} request: no such SDK operation; a query parameter the operation does
     * not have, repeated although it is single, comma-joined although the SDK repeats it, or an enum literal the SDK
     * does not list; a body where the operation has none, none where one is required, a body the SDK's model does not
     * read strictly (unknown field, unknown enum literal, a field it drops) or that lacks a field the model marks
     * required; missing Bearer, Accept or Content-Type headers. Empty when the request is right.
     */
    public List<String> check(Wire w) {
        List<String> out = new ArrayList<>();
        HttpUrl url = HttpUrl.get(w.url());
        String where = w.method() + " " + url.encodedPath() + (url.encodedQuery() == null ? "" : "?"
                + url.encodedQuery());
        Op op = find(w.method(), url.encodedPath());
        if (op == null) {
            out.add(where + ": no SDK operation has this method and path");
            return out;
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (int i = 0; i < url.querySize(); i++) {
            query.computeIfAbsent(url.queryParameterName(i), k -> new ArrayList<>()).add(url.queryParameterValue(i));
        }
        for (Map.Entry<String, List<String>> q : query.entrySet()) {
            Boolean multi = op.queryMulti().get(q.getKey());
            if (multi == null) {
                out.add(where + ": query parameter '" + q.getKey() + "' is not a parameter of " + op.className()
                        + " (it has " + op.queryMulti().keySet() + ")");
                continue;
            }
            if (!multi && q.getValue().size() > 1) {
                out.add(where + ": query parameter '" + q.getKey() + "' is sent " + q.getValue().size()
                        + " times; the SDK sends it once");
            }
            Set<String> literals = op.queryEnums().get(q.getKey());
            for (String v : q.getValue()) {
                if (multi && v != null && v.contains(",") && literals != null) {
                    out.add(where + ": '" + q.getKey() + "' is comma-joined; the SDK repeats the parameter");
                }
                if (literals != null && v != null && !literals.contains(v)) {
                    out.add(where + ": '" + q.getKey() + "=" + v + "' is not one of the SDK's literals " + literals);
                }
            }
        }
        String auth = w.header("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            out.add(where + ": no 'Authorization: Bearer …' header");
        }
        String accept = w.header("Accept");
        if (accept == null || !accept.contains("application/json")) {
            out.add(where + ": Accept is " + accept + ", not application/json");
        }
        boolean hasBody = w.body() != null && !w.body().isEmpty();
        if (op.bodyType() == null) {
            if (hasBody) {
                out.add(where + ": sends a body, but " + op.className() + " has none");
            }
            return out;
        }
        if (!hasBody) {
            if (op.bodyRequired()) {
                out.add(where + ": sends no body, but " + op.className() + " requires a "
                        + op.bodyType().getSimpleName());
            }
            return out;
        }
        String ct = w.header("Content-Type");
        if (ct == null || !ct.startsWith("application/json")) {
            out.add(where + ": Content-Type is " + ct + ", not application/json");
        }
        out.addAll(checkBody(where, w.body(), op.bodyType()));
        return out;
    }

    /**
     * Everything wrong with one {@code POST /oauth/token} (reference §2.1–§2.3, [SDK ApiClient]): the form content
     * type, the exact form fields of the grant, Basic authentication for confidential grants and none for PKCE, and
     * the verifier's alphabet and length.
     */
    public List<String> checkToken(Wire w) {
        List<String> out = new ArrayList<>();
        String where = w.method() + " " + w.path();
        if (!w.method().equals("POST") || !w.path().equals("/oauth/token")) {
            out.add(where + ": the token endpoint is POST /oauth/token");
            return out;
        }
        String ct = w.header("Content-Type");
        if (ct == null || !ct.startsWith("application/x-www-form-urlencoded")) {
            out.add(where + ": Content-Type is " + ct + ", not application/x-www-form-urlencoded");
        }
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : (w.body() == null ? "" : w.body()).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        String auth = w.header("Authorization");
        boolean basic = auth != null && auth.startsWith("Basic ");
        String grant = form.get("grant_type");
        Set<String> expected;
        boolean wantBasic;
        if ("client_credentials".equals(grant)) {
            expected = Set.of("grant_type");
            wantBasic = true;
        } else if ("authorization_code".equals(grant) && form.containsKey("code_verifier")) {
            expected = Set.of("grant_type", "code", "code_verifier", "client_id", "redirect_uri");
            wantBasic = false;
            String v = form.get("code_verifier");
            if (!v.matches("[A-Za-z0-9._~-]{43,128}")) {
                out.add(where + ": the PKCE verifier is not 43–128 characters of [A-Za-z0-9-._~]");
            }
        } else if ("authorization_code".equals(grant)) {
            expected = Set.of("grant_type", "code", "redirect_uri");
            wantBasic = true;
        } else if ("refresh_token".equals(grant)) {
            expected = Set.of("grant_type", "refresh_token");
            wantBasic = true;
        } else {
            out.add(where + ": grant_type " + grant + " is not one the reference describes");
            return out;
        }
        if (!form.keySet().equals(expected)) {
            out.add(where + " (" + grant + "): form fields " + form.keySet() + ", the reference says " + expected);
        }
        if (wantBasic != basic) {
            out.add(where + " (" + grant + "): " + (wantBasic ? "needs" : "must not have") + " Basic authentication");
        }
        return out;
    }

    /** A body read strictly by {@code model}: unknown fields or enum literals, dropped fields, missing required ones. */
    public List<String> checkBody(String where, String json, Class<?> model) {
        List<String> out = new ArrayList<>();
        Object sdk;
        try {
            sdk = strict.readValue(json, model);
        } catch (Exception e) {
            out.add(where + ": the body does not read as " + model.getSimpleName() + ": " + firstLine(e.getMessage()));
            return out;
        }
        if (!Collection.class.isAssignableFrom(model) && !model.isArray() && !model.getName().startsWith("java.")) {
            walk(sdk, where, out, Collections.newSetFromMap(new IdentityHashMap<>()));
            try {
                JsonElement mine = JsonParser.parseString(json);
                JsonElement back = JsonParser.parseString(strict.writeValueAsString(sdk));
                subset(mine, back, where + " body", out);
                required(mine, model, where + " body", out);
            } catch (Exception e) {
                out.add(where + ": " + e);
            }
        }
        return out;
    }

    private static void subset(JsonElement mine, JsonElement sdk, String where, List<String> out) {
        if (mine.isJsonObject()) {
            if (!sdk.isJsonObject()) {
                out.add(where + ": the SDK model reads an object as " + sdk);
                return;
            }
            for (Map.Entry<String, JsonElement> f : mine.getAsJsonObject().entrySet()) {
                JsonElement other = sdk.getAsJsonObject().get(f.getKey());
                if (other == null) {
                    if (!f.getValue().isJsonNull()) {
                        out.add(where + ": the SDK model drops '" + f.getKey() + "'");
                    }
                    continue;
                }
                subset(f.getValue(), other, where + "." + f.getKey(), out);
            }
        } else if (mine.isJsonArray()) {
            if (!sdk.isJsonArray() || sdk.getAsJsonArray().size() != mine.getAsJsonArray().size()) {
                out.add(where + ": the SDK model changes the array");
                return;
            }
            for (int i = 0; i < mine.getAsJsonArray().size(); i++) {
                subset(mine.getAsJsonArray().get(i), sdk.getAsJsonArray().get(i), where + "[" + i + "]", out);
            }
        } else if (!mine.equals(sdk) && !(mine.isJsonPrimitive() && sdk.isJsonPrimitive()
                && mine.getAsString().equals(sdk.getAsString()))) {
            out.add(where + ": the SDK model reads " + mine + " as " + sdk);
        }
    }

    /** Fields the model marks {@code required = true} that the body lacks (recursively into nested models). */
    private static void required(JsonElement mine, Class<?> model, String where, List<String> out) {
        if (mine == null || mine.isJsonNull() || !model.getName().startsWith("com.mypurecloud.sdk.v2.model.")) {
            return;
        }
        if (!mine.isJsonObject()) {
            return;
        }
        for (Method m : model.getMethods()) {
            JsonProperty jp = m.getAnnotation(JsonProperty.class);
            ApiModelProperty ap = m.getAnnotation(ApiModelProperty.class);
            if (jp == null || m.getParameterCount() != 0) {
                continue;
            }
            JsonElement v = mine.getAsJsonObject().get(jp.value());
            if (ap != null && ap.required() && !ap.readOnly() && (v == null || v.isJsonNull())) {
                out.add(where + ": lacks '" + jp.value() + "', which " + model.getSimpleName() + " marks required");
            }
            if (v != null && v.isJsonObject()) {
                required(v, m.getReturnType(), where + "." + jp.value(), out);
            } else if (v != null && v.isJsonArray() && m.getGenericReturnType()
                    instanceof java.lang.reflect.ParameterizedType pt
                    && pt.getActualTypeArguments()[0] instanceof Class<?> item) {
                for (JsonElement x : v.getAsJsonArray()) {
                    required(x, item, where + "." + jp.value() + "[]", out);
                }
            }
        }
    }

    private static void walk(Object o, String where, List<String> out, Set<Object> seen) {
        if (o == null || !seen.add(o)) {
            return;
        }
        if (o instanceof Enum<?> e) {
            if (e.name().equals("OUTDATEDSDKVERSION")) {
                out.add(where + ": an enum literal unknown to " + e.getDeclaringClass().getName());
            }
            return;
        }
        if (o instanceof Collection<?> c) {
            c.forEach(x -> walk(x, where, out, seen));
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.values().forEach(x -> walk(x, where, out, seen));
            return;
        }
        if (!o.getClass().getName().startsWith("com.mypurecloud.sdk.v2.")) {
            return;
        }
        for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    walk(f.get(o), where, out, seen);
                } catch (ReflectiveOperationException | RuntimeException ignored) {
                    // not readable: nothing to check
                }
            }
        }
    }

    // ---- the index ----

    private static List<Op> index() {
        List<Op> out = new ArrayList<>();
        File jar;
        try {
            jar = new File(ApiRequest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot find the SDK jar", e);
        }
        ClassLoader loader = SdkOracle.class.getClassLoader();
        try (JarFile jf = new JarFile(jar)) {
            Enumeration<JarEntry> entries = jf.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (!name.startsWith(REQUEST_PACKAGE) || name.contains("$")
                        || !OUR_AREAS.matcher(name.substring(REQUEST_PACKAGE.length())).matches()) {
                    continue;
                }
                String cls = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                Op op = describe(Class.forName(cls, false, loader));
                if (op != null) {
                    out.add(op);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot index the SDK", e);
        }
        return out;
    }

    /** Fills every parameter with a sample value and asks the request class what it would send. */
    private static Op describe(Class<?> c) {
        try {
            Object req = c.getDeclaredConstructor().newInstance();
            Class<?> bodyType = null;
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || Modifier.isFinal(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                if (f.getName().equals("body")) {
                    bodyType = f.getType();
                }
                f.set(req, sample(f));
            }
            ApiRequest<?> r = (ApiRequest<?>) c.getMethod("withHttpInfo").invoke(req);
            Map<String, Boolean> multi = new TreeMap<>();
            for (Pair p : r.getQueryParams()) {
                multi.merge(p.getName(), false, (a, b) -> true); // a list of two samples: repeated = multi
            }
            for (Pair p : r.getQueryParams()) {
                if (p.getValue() != null && p.getValue().equals("s1,s2")) {
                    multi.put(p.getName(), false);
                }
            }
            Map<String, Set<String>> enums = new TreeMap<>();
            for (Class<?> inner : c.getDeclaredClasses()) {
                if (inner.isEnum() && inner.getSimpleName().endsWith("Values")) {
                    String param = inner.getSimpleName().substring(0, inner.getSimpleName().length() - 6);
                    Set<String> literals = new LinkedHashSet<>();
                    for (Object k : inner.getEnumConstants()) {
                        literals.add(k.toString());
                    }
                    enums.put(param, literals);
                }
            }
            boolean bodyRequired = false;
            if (bodyType != null) {
                Field b = c.getDeclaredField("body");
                b.setAccessible(true);
                b.set(req, null);
                try {
                    c.getMethod("withHttpInfo").invoke(req);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    bodyRequired = e.getCause() instanceof IllegalStateException
                            && String.valueOf(e.getCause().getMessage()).contains("'body'");
                }
            }
            return new Op(c.getSimpleName(), r.getMethod(), r.getPath(), multi, enums, bodyType, bodyRequired);
        } catch (Throwable t) {
            return null;
        }
    }

    private static Object sample(Field f) throws ReflectiveOperationException {
        Class<?> t = f.getType();
        if (t == String.class) {
            return "s";
        }
        if (t == Integer.class || t == int.class) {
            return 1;
        }
        if (t == Long.class || t == long.class) {
            return 1L;
        }
        if (t == Boolean.class || t == boolean.class) {
            return Boolean.TRUE;
        }
        if (t == Double.class || t == Float.class) {
            return t == Double.class ? (Object) 1.0 : (Object) 1.0f;
        }
        if (t == BigDecimal.class) {
            return BigDecimal.ONE;
        }
        if (t == Date.class) {
            return new Date(0);
        }
        if (t == LocalDate.class) {
            return LocalDate.of(2020, 1, 1);
        }
        if (List.class.isAssignableFrom(t) || Collection.class.isAssignableFrom(t)) {
            return List.of("s1", "s2");
        }
        if (t.isEnum()) {
            return t.getEnumConstants()[0];
        }
        if (t == Object.class) {
            return "s";
        }
        if (Map.class.isAssignableFrom(t)) {
            return new LinkedHashMap<>();
        }
        return t.getDeclaredConstructor().newInstance();
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.split("/", -1);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
