package com.emite.setup.provision;

import com.emite.setup.blueprint.Blueprint;
import com.emite.setup.blueprint.ClientAppSpec;
import com.emite.setup.blueprint.GrantType;
import com.emite.setup.blueprint.GroupSpec;
import com.emite.setup.blueprint.OAuthClientSpec;
import com.emite.setup.blueprint.PermissionSpec;
import com.emite.setup.blueprint.ResolveHint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Makes the engine's {@link Needs} from the blueprint (the only place that knows the blueprint's model). */
public final class BlueprintNeeds {
    private BlueprintNeeds() {
    }

    /** The needs of the standard blueprint shipped with the app. */
    public static Needs standard() {
        return from(Blueprint.standard());
    }

    public static Needs from(Blueprint b) {
        String redirectTemplate = b.redirectUrlTemplate();
        List<Needs.GroupNeed> groups = new ArrayList<>();
        for (GroupSpec g : b.groups()) {
            // The API ignores a description on create (reference §6); eMite's groups need none.
            groups.add(new Needs.GroupNeed(g.name(), g.type(), g.visibility(), g.rulesVisible(), null));
        }
        List<Needs.PermissionNeed> permissions = new ArrayList<>();
        for (PermissionSpec p : b.role().permissions()) {
            List<String> hints = p.resolveHint().map(ResolveHint::entityContains).orElse(List.of());
            boolean wfm = p.domain().equals("wfm") || p.type().toUpperCase(Locale.ROOT).equals("WFM");
            permissions.add(new Needs.PermissionNeed(p.row(), p.type(), p.name(), p.level(), p.permission(), hints,
                    wfm));
        }
        Needs.RoleNeed role = new Needs.RoleNeed(b.role().name(), b.role().description(), permissions);
        List<ClientSpec> clients = new ArrayList<>();
        java.util.Map<String, List<String>> notes = new java.util.LinkedHashMap<>();
        for (OAuthClientSpec c : b.oauthClients()) {
            for (com.emite.setup.blueprint.ScopeSpec sc : c.scopes()) {
                if (sc.guideDiffers()) {
                    notes.computeIfAbsent(c.name(), k -> new ArrayList<>()).add("note: scope " + sc.api()
                            + " (the guide writes " + sc.guide() + ", which Genesys Cloud does not have)");
                }
            }
            List<String> redirects = c.redirectUriTemplates().stream()
                    .map(t -> t.equals(redirectTemplate) ? Needs.REDIRECT_URL : t).toList();
            String roleName = c.roleDivisions().isEmpty() ? null : c.roleDivisions().get(0).role();
            boolean wfm = c.optional() && c.feature().map(f -> f.equalsIgnoreCase("wfm")).orElse(true);
            clients.add(new ClientSpec(c.name(), c.description() == null ? "" : c.description(),
                    c.grantType() == GrantType.CLIENT_CREDENTIALS ? GrantType.CLIENT_CREDENTIALS.wire()
                            : c.grantType().wire(), c.accessTokenValiditySeconds(), redirects, c.apiScopes(),
                    roleName, wfm));
        }
        ClientAppSpec a = b.clientApp();
        Needs.AppNeed app = new Needs.AppNeed(a.name(), a.integrationType(),
                a.urlTemplate().equals(redirectTemplate) ? Needs.REDIRECT_URL : a.urlTemplate(), a.displayType(),
                a.featureCategory(), a.sandboxOptions(), a.groupFilter());
        Needs.LicenceNeed licence = new Needs.LicenceNeed(b.licenceRole().namePattern(), b.licenceRole().permission(),
                "eMite data onboarding licence for the agents of this division (created by eMite Setup).");
        return new Needs(groups, role, clients, app, licence, notes);
    }
}
