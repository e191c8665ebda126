package com.emite.setup.provision;

import com.emite.setup.common.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The planner's pure rules and the form files (no org needed). */
class ProvisionLogicTest {

    @Test
    void unconfirmedPermissionsGetCandidatesByTheBlueprintsHintAndAllPermissionsMatchAnyAction() {
        Set<String> catalog = Set.of("wfm:agentScheduleNotifications:view", "wfm:shortTermForecast:view",
                "wfm:adhocForecasting:view", "analytics:conversationProperties:index");
        Needs.PermissionNeed notif = new Needs.PermissionNeed(37, "WFM", "Agent Schedule Notification", "View",
                "wfm:agentScheduleNotification:view", List.of("notification"), true);
        assertEquals(List.of("wfm:agentScheduleNotifications:view"), PermissionRows.candidates(notif, catalog));
        assertFalse(PermissionRows.exact(notif, catalog), "a candidate is never taken as the permission");
        Needs.PermissionNeed adhoc = new Needs.PermissionNeed(34, "WFM", "Adhoc Forecast", "View",
                "wfm:adhocForecast:view", List.of("forecast"), true);
        assertEquals(List.of("wfm:adhocForecasting:view", "wfm:shortTermForecast:view"),
                PermissionRows.candidates(adhoc, catalog), "the one naming more words ranks first");
        Needs.PermissionNeed props = new Needs.PermissionNeed(3, "Analytics", "Conversation properties",
                "All Permissions", "analytics:conversationProperties:*", List.of(), false);
        assertTrue(PermissionRows.exact(props, catalog));
        Needs.PermissionNeed absent = new Needs.PermissionNeed(30, "WFM", "Agent", "View", "wfm:agent:view",
                List.of(), true);
        assertFalse(PermissionRows.exact(absent, catalog));
        assertTrue(PermissionRows.candidates(absent, catalog).isEmpty());
    }

    @Test
    void mergingAddsMissingPermissionsAndNeverRemovesOthers() {
        List<RolePolicy> existing = List.of(new RolePolicy("routing", "queue", List.of("view")),
                new RolePolicy("custom", "thing", List.of("edit")));
        List<RolePolicy> merged = Policies.merge(existing, List.of("routing:queue:join", "routing:queue:view",
                "analytics:userDetail:view"));
        assertEquals(3, merged.size());
        assertEquals(List.of("view", "join"), merged.get(0).actions());
        assertEquals(new RolePolicy("custom", "thing", List.of("edit")), merged.get(1));
        assertTrue(Policies.covers(merged, "analytics:userDetail:view"));
        assertTrue(Policies.covers(List.of(new RolePolicy("*", "*", List.of("*"))), "oauth:client:add"));
        assertFalse(Policies.covers(merged, "routing:queue:search"));
        assertTrue(Permissions.covers(List.of("oauth:*:*"), "oauth:client:edit"));
        assertFalse(Permissions.covers(List.of("oauth:client:view"), "oauth:client:edit"));
    }

    @Test
    void theFormSaysOnTopWhenItHoldsSecretsAndMasksThemOtherwise(@TempDir Path dir) throws Exception {
        Secret secret = Secret.of("s3cr3t-value-0123456789");
        IntegrationForm.ClientEntry c = new IntegrationForm.ClientEntry("emite_APIdata", "API", "id-1", secret);
        IntegrationForm.ClientEntry lost = new IntegrationForm.ClientEntry("emite_SSO", "SSO", "id-2", null);
        IntegrationForm masked = new IntegrationForm("Acme", "org-1", "acme", "Asia Pacific (Sydney)",
                "ap-southeast-2", "au", "https://au-cloud.emite.com/emite/acme/Auth/OAuthPureCloud?org=acme",
                "eMite Advanced Analytics", List.of(new IntegrationForm.GroupEntry("emite_Access", "g1")),
                List.of(c, lost), false, "2026-01-01T00:00:00Z");
        FormWriter.write(dir, masked, null);
        String html = Files.readString(dir.resolve(FormWriter.FORM_HTML));
        String json = Files.readString(dir.resolve(FormWriter.FORM_JSON));
        assertFalse(html.contains("s3cr3t") || json.contains("s3cr3t"));
        assertTrue(json.contains("(unknown: not in the vault; reset this client's secret to issue a new one)"));
        IntegrationForm clear = new IntegrationForm(masked.orgName(), masked.orgId(), masked.shortName(),
                masked.regionName(), masked.regionId(), masked.emiteCode(), masked.redirectUrl(),
                masked.clientAppName(), masked.groups(), masked.clients(), true, masked.generatedAt());
        FormWriter.write(dir, clear, null);
        html = Files.readString(dir.resolve(FormWriter.FORM_HTML));
        json = Files.readString(dir.resolve(FormWriter.FORM_JSON));
        assertTrue(json.trim().startsWith("{\n  \"warning\": \"THIS FILE CONTAINS CLIENT SECRETS"));
        assertTrue(html.indexOf("CONTAINS CLIENT SECRETS") < html.indexOf("<h1>"));
        assertTrue(html.contains("s3cr3t-value-0123456789") && json.contains("s3cr3t-value-0123456789"));
    }
}
