package com.emite.setup.provision;

import com.emite.setup.contract.ApiContract;
import com.emite.setup.provision.OrgApi.ClientInfo;
import com.emite.setup.provision.OrgApi.DivisionInfo;
import com.emite.setup.provision.OrgApi.GroupInfo;
import com.emite.setup.provision.OrgApi.IntegrationInfo;
import com.emite.setup.provision.OrgApi.RoleInfo;

import com.emite.setup.region.EmiteRedirectUrl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static com.emite.setup.provision.Compare.eq;
import static com.emite.setup.provision.Compare.orEmpty;
import static com.emite.setup.provision.Compare.show;
import static com.emite.setup.provision.Compare.union;
import static com.emite.setup.provision.Compare.sandboxSet;
import static com.emite.setup.provision.Policies.covers;
import static com.emite.setup.provision.Policies.merge;
import static com.emite.setup.provision.Policies.policiesOf;

/** Step 5 of the guide: the OAuth clients, each compared in full (grant type, token, redirects, scopes, roles). */
final class ClientStep {
    private ClientStep() {
    }

    static List<PlanItem> items(OrgSnapshot s, Needs needs, RunStore store, String roleId, Choices choices) {
        List<PlanItem> out = new ArrayList<>();
        for (ClientSpec raw : needs.clients()) {
            if (!raw.wfm() || choices.withWfm()) {
                out.addAll(items(raw, s, store, roleId, choices, needs.notesFor(raw.name())));
            }
        }
        return out;
    }

    static List<PlanItem> items(ClientSpec raw, OrgSnapshot s, RunStore store, String roleId, Choices choices,
                                List<String> guideNotes) {
        String redirectUrl = s.redirectUrl();
        EmiteRedirectUrl.Result redirect = s.redirect();
        Journal journal = s.journal();
        boolean needsRedirect = raw.redirectUris().contains(Needs.REDIRECT_URL);
        if (needsRedirect && redirectUrl == null) {
            return List.of(PlanItem.blocked(ItemKind.OAUTH_CLIENT, raw.name(), null,
                    Blocker.required(Fix.ASK_EMITE_REGION_CODE, "This client needs the eMite redirect URL, which cannot be made: "
                            + redirect.text(), "Ask eMite support for your region's eMite code.")));
        }
        ClientSpec spec = needsRedirect ? new ClientSpec(raw.name(), raw.description(), raw.grantType(),
                raw.tokenSeconds(), raw.redirectUris().stream().map(u -> u.equals(Needs.REDIRECT_URL)
                ? redirectUrl : u).toList(), raw.scopes(), raw.roleName(), raw.wfm()) : raw;
        List<ClientInfo> same = s.clients().stream().filter(c -> c.name().equals(spec.name())).toList();
        if (same.isEmpty()) {
            List<String> notes = new ArrayList<>(List.of(spec.clientCredentials() ? "client credentials, role "
                    + spec.roleName() + " in all divisions" : "code authorization, redirect " + redirectUrl));
            notes.addAll(guideNotes);
            return List.of(PlanItem.missing(ItemKind.OAUTH_CLIENT, spec.name(), new Action.CreateClient(spec),
                    notes.toArray(String[]::new)));
        }
        RunStore.StoredSecret stored = store.client(spec.name());
        ClientInfo listed = s.emiteClient(spec.name(), store);
        // The listing has no grant type (SDK OAuthClientListing): the whole client was read to compare it.
        ClientInfo c = s.fullClients().getOrDefault(listed.id(), listed);
        List<PlanItem> out = new ArrayList<>();
        List<String> diffs = new ArrayList<>();
        if (same.size() > 1) {
            diffs.add(same.size() + " OAuth clients have this name; eMite uses " + c.id());
        }
        List<String> fixes = new ArrayList<>();
        if (c.grantType() != null && !c.grantType().equals(spec.grantType())) {
            fixes.add("grant type is " + c.grantType() + ", eMite needs " + spec.grantType());
        }
        if (c.tokenSeconds() != null && c.tokenSeconds() != spec.tokenSeconds()) {
            fixes.add("token duration is " + c.tokenSeconds() + " s, eMite needs " + spec.tokenSeconds() + " s");
        }
        if (!spec.clientCredentials()) {
            if (!new HashSet<>(c.redirectUris()).containsAll(spec.redirectUris())) {
                fixes.add("redirect URL " + String.join(", ", spec.redirectUris()) + " is missing");
            }
            Set<String> missingScopes = new TreeSet<>(spec.scopes());
            missingScopes.removeAll(c.scopes());
            if (!missingScopes.isEmpty()) {
                fixes.add("scopes missing: " + String.join(", ", missingScopes));
            }
        } else if (spec.roleName() != null) {
            boolean hasRole = roleId != null && c.roleDivisions().getOrDefault(roleId, Set.of())
                    .contains(ApiContract.ALL_DIVISIONS);
            if (!hasRole) {
                fixes.add("does not have the role " + spec.roleName() + " in all divisions");
            }
        }
        if (c.state() != null && !c.state().equalsIgnoreCase("active")) {
            fixes.add("state is " + c.state() + ", eMite needs active");
        }
        diffs.addAll(fixes);
        if (fixes.isEmpty()) {
            diffs.addAll(guideNotes);
            out.add(new PlanItem(ItemKind.OAUTH_CLIENT, spec.name(), ItemState.PRESENT, diffs, null, c.id(), null));
        } else {
            // PUT replaces the whole client (reference §10): keep what eMite does not ask for.
            ClientSpec merged = new ClientSpec(spec.name(), c.description() != null ? c.description()
                    : spec.description(), spec.grantType(), spec.tokenSeconds(),
                    union(c.redirectUris(), spec.redirectUris()), union(c.scopes(), spec.scopes()), spec.roleName(),
                    spec.wfm());
            out.add(PlanItem.different(ItemKind.OAUTH_CLIENT, spec.name(), c.id(), diffs,
                    new Action.UpdateClient(c.id(), merged, c.roleDivisions())));
        }
        // A reset that was sent but never saved (the run was killed in between) killed the secret the vault holds.
        Journal.Step resetCut = journal.unfinishedStep(ItemKind.CLIENT_SECRET.name() + ":" + spec.name());
        boolean secretKnown = stored != null && stored.clientId().equals(c.id()) && resetCut == null;
        if (!secretKnown) {
            Journal.Step interrupted = journal.unfinishedStep(ItemKind.OAUTH_CLIENT.name() + ":" + spec.name());
            String reason = resetCut != null
                    ? "An earlier run (" + resetCut.at() + ") asked Genesys for a new secret but stopped before it "
                    + "was saved: the old secret no longer works and the new one was shown only once."
                    : interrupted != null
                    ? "An earlier apply (" + interrupted.at() + ") created this client but stopped before its secret "
                    + "was saved, and Genesys shows a secret only once."
                    : "The client exists, but its secret is not in the vault (Genesys shows a secret only when it "
                    + "is made).";
            Blocker b = Blocker.required(Fix.RESET_UNKNOWN_SECRETS, reason, SecretRotation.isUpkeep(spec.name())
                    ? "Issue a new secret (rotate it): it goes into the vault, and keep-licences signs in with it."
                    : "Issue a new secret (the old one stops working), then give eMite the new one.");
            Action reset = choices.resetUnknownSecrets() ? new Action.ResetSecret(c.id(), spec.name()) : null;
            out.add(new PlanItem(ItemKind.CLIENT_SECRET, spec.name(), ItemState.SECRET_UNKNOWN,
                    List.of(reset != null ? "will be reset" : "needs a reset"), b, c.id(), reset));
        }
        return out;
    }
}
