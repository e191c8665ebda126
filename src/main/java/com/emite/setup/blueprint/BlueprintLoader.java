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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and checks a blueprint. A broken or edited blueprint fails with a {@link BlueprintException} that lists every
 * problem with the JSON path of its field and the reason (missing field, unknown field, bad permission format,
 * duplicate name, unknown grant type, unsupported version, reference to a group or role that is not there, ...).
 */
// About 420 lines, just over the ~400 guide: one small reader per section of blueprint.json, each with the checks that
// make a bad file fail at load time with the JSON path in the message. Split further, a section's reading and its
// checking would live apart.
public final class BlueprintLoader {
    /** Resource name of the app's blueprint, relative to this class. */
    public static final String RESOURCE = "blueprint.json";

    private static final Set<String> GROUP_TYPES = Set.of("official", "social");
    private static final Set<String> GROUP_VISIBILITIES = Set.of("public", "owners", "members");
    private static final Set<String> DISPLAY_TYPES = Set.of("standalone", "widget");
    /** Iframe sandbox options the embedded-client-app type accepts (reference §11). */
    public static final Set<String> SANDBOX_OPTIONS = Set.of("allow-forms", "allow-modals", "allow-popups",
            "allow-presentation", "allow-same-origin", "allow-scripts", "allow-downloads");
    private static final Pattern SCOPE = Pattern.compile("[a-z][a-z\\-]*(:[a-z]+)?");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Set<String> URL_PLACEHOLDERS =
            Set.of(Blueprint.EMITE_CODE_PLACEHOLDER, Blueprint.SHORT_NAME_PLACEHOLDER);
    private static final int MIN_TOKEN_SECONDS = 300;
    private static final int MAX_TOKEN_SECONDS = 172_800;

    private static final Gson STRICT_GSON = new Gson();

    private static volatile Blueprint standard;

    private final List<BlueprintProblem> problems = new ArrayList<>();

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
        return new BlueprintLoader().read(root);
    }

    private Blueprint read(JsonElement root) {
        JsonFields f = JsonFields.of(root, "$", problems);
        if (!problems.isEmpty()) {
            throw new BlueprintException(problems);
        }
        int version = f.integer("blueprintVersion");
        if (f.has("blueprintVersion") && version != Blueprint.SUPPORTED_VERSION && problems.isEmpty()) {
            // A different version may mean anything; stop here rather than report its fields as wrong.
            throw new BlueprintException(List.of(new BlueprintProblem("$.blueprintVersion", "this app reads version "
                    + Blueprint.SUPPORTED_VERSION + ", the file is version " + version)));
        }
        String source = f.textMayBeEmpty("source");
        String redirect = f.text("redirectUrlTemplate");
        checkUrlTemplate(f.path("redirectUrlTemplate"), redirect);
        List<GroupSpec> groups = f.objects("groups", this::group);
        if (f.has("groups") && groups.isEmpty()) {
            f.problem("groups", "must list at least one group");
        }
        checkUnique(f.path("groups"), groups.stream().map(GroupSpec::name).toList(), "group name");
        RoleSpec role = role(f.object("role"));
        List<OAuthClientSpec> clients = f.objects("oauthClients", c -> oauthClient(c, role.name()));
        checkUnique(f.path("oauthClients"), clients.stream().map(OAuthClientSpec::name).toList(), "client name");
        Set<String> groupNames = new HashSet<>(groups.stream().map(GroupSpec::name).toList());
        ClientAppSpec app = clientApp(f.object("clientApp"), groupNames);
        LicenceRoleSpec licence = licenceRole(f.object("licenceRole"));
        f.rejectUnknownFields();
        if (!problems.isEmpty()) {
            throw new BlueprintException(problems);
        }
        return new Blueprint(version, source, redirect, groups, role, clients, app, licence);
    }

    private GroupSpec group(JsonFields g) {
        GroupSpec spec = new GroupSpec(g.text("name"), g.text("type"), g.text("visibility"), g.bool("rulesVisible"),
                g.textMayBeEmpty("purpose"));
        oneOf(g, "type", spec.type(), GROUP_TYPES);
        oneOf(g, "visibility", spec.visibility(), GROUP_VISIBILITIES);
        g.rejectUnknownFields();
        return spec;
    }

    private RoleSpec role(JsonFields r) {
        String name = r.text("name");
        String description = r.textMayBeEmpty("description");
        List<PermissionSpec> permissions = r.objects("permissions", this::permission);
        if (r.has("permissions") && permissions.isEmpty()) {
            r.problem("permissions", "must list at least one permission");
        }
        for (int i = 0; i < permissions.size(); i++) {
            if (permissions.get(i).row() != i + 1) {
                problems.add(new BlueprintProblem(r.path("permissions") + "[" + i + "].row",
                        "rows must be numbered 1, 2, 3… in order: expected " + (i + 1) + ", found "
                                + permissions.get(i).row()));
            }
        }
        checkUnique(r.path("permissions"), permissions.stream().map(PermissionSpec::permission).toList(),
                "permission");
        r.rejectUnknownFields();
        return new RoleSpec(name, description, permissions);
    }

    private PermissionSpec permission(JsonFields p) {
        int row = p.integer("row");
        String type = p.text("type");
        String name = p.text("name");
        String level = p.text("level");
        String permission = p.text("permission");
        boolean confirmed = p.bool("confirmed");
        Optional<PermissionPolicy> parsed = PermissionPolicy.of(permission);
        if (p.has("permission") && !permission.isBlank() && parsed.isEmpty()) {
            p.problem("permission", "\"" + permission + "\" is not in the form domain:entity:action "
                    + "(for example analytics:conversationDetail:view)");
        }
        PermissionPolicy policy = policy(p.object("policy"));
        if (parsed.isPresent() && !parsed.get().equals(policy) && !policy.domain().isEmpty()) {
            p.problem("policy", "does not match the permission " + permission + " (expected domain "
                    + parsed.get().domain() + ", entityName " + parsed.get().entityName() + ", actionSet "
                    + parsed.get().actionSet() + ")");
        }
        if (level.equals("All Permissions") && parsed.isPresent() && !parsed.get().actionSet().equals(List.of("*"))) {
            p.problem("permission", "level \"All Permissions\" needs the action *");
        }
        Optional<ResolveHint> hint = p.optionalObject("resolveHint").map(this::resolveHint);
        if (!confirmed && hint.isEmpty() && p.has("confirmed")) {
            p.problem("resolveHint", "missing: an unconfirmed permission needs a hint to find it in the org's "
                    + "permission catalog");
        }
        if (confirmed && hint.isPresent()) {
            p.problem("resolveHint", "only an unconfirmed permission (\"confirmed\": false) has a hint");
        }
        if (hint.isPresent() && parsed.isPresent() && !hint.get().domain().equals(parsed.get().domain())) {
            p.problem("resolveHint.domain", "must be the permission's domain " + parsed.get().domain());
        }
        Optional<String> note = p.optionalText("note");
        p.rejectUnknownFields();
        return new PermissionSpec(row, type, name, level, permission, confirmed,
                parsed.orElse(policy), hint, note);
    }

    private PermissionPolicy policy(JsonFields p) {
        String domain = p.text("domain");
        String entity = p.text("entityName");
        List<String> actions = p.texts("actionSet");
        if (p.has("actionSet") && actions.isEmpty()) {
            p.problem("actionSet", "must list at least one action");
        }
        p.rejectUnknownFields();
        return new PermissionPolicy(domain, entity, actions);
    }

    private ResolveHint resolveHint(JsonFields h) {
        ResolveHint hint = new ResolveHint(h.text("domain"), h.texts("entityContains"), h.text("action"),
                h.textMayBeEmpty("note"));
        if (h.has("entityContains") && hint.entityContains().isEmpty()) {
            h.problem("entityContains", "must list at least one part of an entity name");
        }
        h.rejectUnknownFields();
        return hint;
    }

    private OAuthClientSpec oauthClient(JsonFields c, String roleName) {
        String name = c.text("name");
        String description = c.textMayBeEmpty("description");
        String purpose = c.textMayBeEmpty("purpose");
        boolean optional = c.bool("optional");
        Optional<String> feature = c.optionalText("feature");
        JsonFields grant = c.object("grantType");
        String grantGuide = grant.text("guide");
        String grantApi = grant.text("api");
        grant.rejectUnknownFields();
        Optional<GrantType> grantType = GrantType.fromWire(grantApi);
        if (grantType.isEmpty() && c.has("grantType") && !grantApi.isBlank()) {
            grant.problem("api", "unknown grant type \"" + grantApi + "\"; use one of "
                    + Arrays.stream(GrantType.values()).map(GrantType::wire).toList());
        }
        int seconds = c.integer("accessTokenValiditySeconds");
        if (c.has("accessTokenValiditySeconds") && (seconds < MIN_TOKEN_SECONDS || seconds > MAX_TOKEN_SECONDS)) {
            c.problem("accessTokenValiditySeconds", "must be between " + MIN_TOKEN_SECONDS + " and "
                    + MAX_TOKEN_SECONDS + " seconds, found " + seconds);
        }
        List<String> redirects = c.optionalTexts("redirectUriTemplates");
        for (int i = 0; i < redirects.size(); i++) {
            checkUrlTemplate(c.path("redirectUriTemplates") + "[" + i + "]", redirects.get(i));
        }
        List<ScopeSpec> scopes = c.optionalObjects("scopes", this::scope);
        checkUnique(c.path("scopes"), scopes.stream().map(ScopeSpec::api).toList(), "scope");
        List<RoleDivisionSpec> roles = c.optionalObjects("roleDivisions", rd -> roleDivision(rd, roleName));
        GrantType type = grantType.orElse(GrantType.CODE);
        if (grantType.isPresent()) {
            switch (type) {
                case CLIENT_CREDENTIALS -> {
                    if (roles.isEmpty()) {
                        c.problem("roleDivisions", "missing: a CLIENT-CREDENTIALS client needs a role");
                    }
                    if (!scopes.isEmpty()) {
                        c.problem("scopes", "a CLIENT-CREDENTIALS client has no scopes (its role decides)");
                    }
                    if (!redirects.isEmpty()) {
                        c.problem("redirectUriTemplates", "a CLIENT-CREDENTIALS client has no redirect");
                    }
                }
                case CODE, TOKEN -> {
                    if (redirects.isEmpty()) {
                        c.problem("redirectUriTemplates", "missing: a " + grantApi + " client needs a redirect");
                    }
                    if (!roles.isEmpty()) {
                        c.problem("roleDivisions", "only a CLIENT-CREDENTIALS client has roles");
                    }
                }
                default -> c.problem("grantType.api", "eMite uses only CODE and CLIENT-CREDENTIALS clients");
            }
        }
        c.rejectUnknownFields();
        return new OAuthClientSpec(name, description, purpose, optional, feature, type, grantGuide, seconds,
                redirects, scopes, roles);
    }

    private ScopeSpec scope(JsonFields s) {
        ScopeSpec spec = new ScopeSpec(s.text("guide"), s.text("api"));
        if (!spec.api().isEmpty() && !SCOPE.matcher(spec.api()).matches()) {
            s.problem("api", "\"" + spec.api() + "\" is not a scope name (for example users:readonly)");
        }
        s.rejectUnknownFields();
        return spec;
    }

    private RoleDivisionSpec roleDivision(JsonFields rd, String roleName) {
        RoleDivisionSpec spec = new RoleDivisionSpec(rd.text("role"), rd.text("divisionId"));
        if (!spec.role().isEmpty() && !spec.role().equals(roleName)) {
            rd.problem("role", "no role named \"" + spec.role() + "\" in this blueprint (the role is \"" + roleName
                    + "\")");
        }
        rd.rejectUnknownFields();
        return spec;
    }

    private ClientAppSpec clientApp(JsonFields a, Set<String> groupNames) {
        String name = a.text("name");
        String type = a.text("integrationType");
        String url = a.text("urlTemplate");
        checkUrlTemplate(a.path("urlTemplate"), url);
        String display = a.text("displayType");
        oneOf(a, "displayType", display, DISPLAY_TYPES);
        String category = a.textMayBeEmpty("featureCategory");
        JsonFields sandbox = a.object("sandboxOptions");
        String guide = sandbox.text("guide");
        String api = sandbox.text("api");
        if (!api.isEmpty()) {
            if (api.contains(" ")) {
                sandbox.problem("api", "must be comma-separated without spaces");
            }
            List<String> options = Arrays.asList(api.split(",", -1));
            for (String option : options) {
                if (!SANDBOX_OPTIONS.contains(option.trim())) {
                    sandbox.problem("api", "unknown sandbox option \"" + option.trim() + "\"; known: "
                            + SANDBOX_OPTIONS.stream().sorted().toList());
                }
            }
            checkUnique(sandbox.path("api"), options, "sandbox option");
            List<String> guideOptions = Arrays.stream(guide.split(",")).map(String::trim).toList();
            if (!guide.isEmpty() && !guideOptions.equals(options.stream().map(String::trim).toList())) {
                sandbox.problem("api", "must list the same options as \"guide\", in the same order");
            }
        }
        sandbox.rejectUnknownFields();
        List<String> filter = a.texts("groupFilter");
        for (int i = 0; i < filter.size(); i++) {
            if (!groupNames.contains(filter.get(i))) {
                problems.add(new BlueprintProblem(a.path("groupFilter") + "[" + i + "]", "no group named \""
                        + filter.get(i) + "\" in this blueprint's groups"));
            }
        }
        boolean enabled = a.bool("enabled");
        a.rejectUnknownFields();
        return new ClientAppSpec(name, type, url, display, category, guide, api, filter, enabled);
    }

    private LicenceRoleSpec licenceRole(JsonFields l) {
        String pattern = l.text("namePattern");
        if (!pattern.isEmpty() && !pattern.contains(LicenceRoleSpec.DIVISION_PLACEHOLDER)) {
            l.problem("namePattern", "must contain " + LicenceRoleSpec.DIVISION_PLACEHOLDER);
        }
        String permission = l.text("permission");
        Optional<PermissionPolicy> parsed = PermissionPolicy.of(permission);
        if (!permission.isEmpty() && parsed.isEmpty()) {
            l.problem("permission", "\"" + permission + "\" is not in the form domain:entity:action");
        }
        PermissionPolicy policy = policy(l.object("policy"));
        if (parsed.isPresent() && !parsed.get().equals(policy) && !policy.domain().isEmpty()) {
            l.problem("policy", "does not match the permission " + permission);
        }
        boolean confirmed = l.bool("confirmed");
        String purpose = l.textMayBeEmpty("purpose");
        Optional<String> note = l.optionalText("note");
        l.rejectUnknownFields();
        return new LicenceRoleSpec(pattern, permission, parsed.orElse(policy), confirmed, purpose, note);
    }

    private void checkUrlTemplate(String path, String template) {
        if (template == null || template.isEmpty()) {
            return;
        }
        if (!template.startsWith("https://")) {
            problems.add(new BlueprintProblem(path, "must start with https://"));
        }
        Matcher m = PLACEHOLDER.matcher(template);
        Set<String> found = new HashSet<>();
        while (m.find()) {
            if (!URL_PLACEHOLDERS.contains(m.group())) {
                problems.add(new BlueprintProblem(path, "unknown placeholder " + m.group() + "; use "
                        + Blueprint.EMITE_CODE_PLACEHOLDER + " and " + Blueprint.SHORT_NAME_PLACEHOLDER));
            }
            found.add(m.group());
        }
        for (String needed : URL_PLACEHOLDERS) {
            if (!found.contains(needed)) {
                problems.add(new BlueprintProblem(path, "must contain " + needed));
            }
        }
    }

    private void oneOf(JsonFields f, String field, String value, Set<String> allowed) {
        if (!value.isEmpty() && !allowed.contains(value)) {
            f.problem(field, "\"" + value + "\" is not one of " + allowed.stream().sorted().toList());
        }
    }

    private void checkUnique(String path, List<String> values, String what) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            String key = values.get(i).toLowerCase(Locale.ROOT);
            if (key.isEmpty()) {
                continue;
            }
            Integer first = seen.putIfAbsent(key, i);
            if (first != null) {
                problems.add(new BlueprintProblem(path + "[" + i + "]", "duplicate " + what + " \"" + values.get(i)
                        + "\" (already at [" + first + "])"));
            }
        }
    }
}
