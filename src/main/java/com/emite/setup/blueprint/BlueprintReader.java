package com.emite.setup.blueprint;

import com.google.gson.JsonElement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the sections of a parsed blueprint into its specs: one small reader per section, each naming the fields it
 * takes, so that a missing or unknown field is reported with its JSON path. Every problem is collected, then thrown
 * together as one {@link BlueprintException}.
 */
final class BlueprintReader {
    private static final Set<String> GROUP_TYPES = Set.of("official", "social");
    private static final Set<String> GROUP_VISIBILITIES = Set.of("public", "owners", "members");
    private static final Set<String> DISPLAY_TYPES = Set.of("standalone", "widget");

    private final List<BlueprintProblem> problems = new ArrayList<>();
    private final BlueprintChecks check = new BlueprintChecks(problems);

    Blueprint read(JsonElement root) {
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
        check.urlTemplate(f.path("redirectUrlTemplate"), redirect);
        List<GroupSpec> groups = f.objects("groups", this::group);
        if (f.has("groups") && groups.isEmpty()) {
            f.problem("groups", "must list at least one group");
        }
        check.unique(f.path("groups"), groups.stream().map(GroupSpec::name).toList(), "group name");
        RoleSpec role = role(f.object("role"));
        List<OAuthClientSpec> clients = f.objects("oauthClients", c -> oauthClient(c, role.name()));
        check.unique(f.path("oauthClients"), clients.stream().map(OAuthClientSpec::name).toList(), "client name");
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
        check.oneOf(g, "type", spec.type(), GROUP_TYPES);
        check.oneOf(g, "visibility", spec.visibility(), GROUP_VISIBILITIES);
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
        check.rowsNumbered(r.path("permissions"), permissions);
        check.unique(r.path("permissions"), permissions.stream().map(PermissionSpec::permission).toList(),
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
        if (c.has("accessTokenValiditySeconds")) {
            check.tokenSeconds(c, seconds);
        }
        List<String> redirects = c.optionalTexts("redirectUriTemplates");
        for (int i = 0; i < redirects.size(); i++) {
            check.urlTemplate(c.path("redirectUriTemplates") + "[" + i + "]", redirects.get(i));
        }
        List<ScopeSpec> scopes = c.optionalObjects("scopes", this::scope);
        check.unique(c.path("scopes"), scopes.stream().map(ScopeSpec::api).toList(), "scope");
        List<RoleDivisionSpec> roles = c.optionalObjects("roleDivisions", rd -> roleDivision(rd, roleName));
        GrantType type = grantType.orElse(GrantType.CODE);
        grantType.ifPresent(g -> check.grantShape(c, g, grantApi, !roles.isEmpty(), !scopes.isEmpty(),
                !redirects.isEmpty()));
        c.rejectUnknownFields();
        return new OAuthClientSpec(name, description, purpose, optional, feature, type, grantGuide, seconds,
                redirects, scopes, roles);
    }

    private ScopeSpec scope(JsonFields s) {
        ScopeSpec spec = new ScopeSpec(s.text("guide"), s.text("api"));
        check.scope(s, spec.api());
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
        check.urlTemplate(a.path("urlTemplate"), url);
        String display = a.text("displayType");
        check.oneOf(a, "displayType", display, DISPLAY_TYPES);
        String category = a.textMayBeEmpty("featureCategory");
        JsonFields sandbox = a.object("sandboxOptions");
        String guide = sandbox.text("guide");
        String api = sandbox.text("api");
        check.sandboxOptions(sandbox, guide, api);
        sandbox.rejectUnknownFields();
        List<String> filter = a.texts("groupFilter");
        check.groupFilter(a.path("groupFilter"), filter, groupNames);
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
}
