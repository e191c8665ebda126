package com.emite.setup.reliability;

import com.emite.setup.sandbox.Sandbox;
import com.emite.setup.sandbox.SandboxInspector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an org looks like after eMite Setup, by name (ids differ between orgs; names and settings must not), and
 * which eMite names exist more than once. The same view as {@code CliKillTest}'s, read only through the sandbox's
 * inspector so it does not depend on the API client.
 */
final class OrgShape {
    static final List<String> GROUPS = List.of("emite_Access", "emite_DashboardViewer", "emite_DashboardCreator");
    static final List<String> CLIENTS = List.of("emite_SSO", "emite_APIdata", "emite_RealtimeData",
            "emite_WFMLookback", "emite_WFMActivity");
    static final String ROLE = "eMite Data Integration";
    static final String APP = "eMite Advanced Analytics";

    private OrgShape() {
    }

    static Map<String, String> of(Sandbox s) {
        SandboxInspector in = s.inspect();
        Map<String, String> shape = new TreeMap<>();
        for (String g : GROUPS) {
            shape.put("group " + g, String.valueOf(in.groupIdsNamed(g).size()));
        }
        List<String> role = in.roleIdsNamed(ROLE);
        shape.put("role", role.size() + " " + (role.isEmpty() ? "" : in.rolePermissions(role.get(0))));
        shape.put("admin grant", String.valueOf(in.grantsOf(s.adminClientId()).stream()
                .filter(g -> ROLE.equals(g.roleName()) && g.divisionId().equals("*")).count()));
        for (String c : CLIENTS) {
            List<String> ids = in.clientIdsNamed(c);
            shape.put("client " + c, ids.size() + " " + (ids.isEmpty() ? "" : new TreeMap<>(in.client(ids.get(0)))));
        }
        List<String> apps = in.integrationIdsNamed(APP);
        String access = in.groupIdsNamed("emite_Access").isEmpty() ? "?" : in.groupIdsNamed("emite_Access").get(0);
        shape.put("app", apps.size() + " " + (apps.isEmpty() ? "" : in.integration(apps.get(0)).get("intendedState")
                + " " + in.integration(apps.get(0)).get("properties").replace(access, "<emite_Access>")));
        for (String d : s.divisionIds()) {
            List<String> users = in.activeUserIdsIn(d);
            long licensed = users.stream().filter(u -> in.grantsOf(u).stream()
                    .anyMatch(g -> g.divisionId().equals(d) && g.roleName() != null
                            && g.roleName().startsWith("eMite_"))).count();
            String roleNames = users.isEmpty() ? "[]" : new TreeSet<>(in.grantsOf(users.get(0)).stream()
                    .map(SandboxInspector.GrantInfo::roleName).toList()).toString();
            shape.put("licences " + d, licensed + "/" + users.size() + " " + roleNames);
        }
        return shape;
    }

    /** eMite names that exist more than once (groups, clients, the role, the per-division roles, the app). */
    static List<String> duplicates(Sandbox s) {
        SandboxInspector in = s.inspect();
        List<String> dup = new ArrayList<>();
        GROUPS.stream().filter(g -> in.groupIdsNamed(g).size() > 1).forEach(dup::add);
        CLIENTS.stream().filter(c -> in.clientIdsNamed(c).size() > 1).forEach(dup::add);
        TreeSet<String> roles = new TreeSet<>(List.of(ROLE));
        for (String u : in.activeUserIds()) {
            in.grantsOf(u).stream().map(SandboxInspector.GrantInfo::roleName)
                    .filter(n -> n != null && n.startsWith("eMite_")).forEach(roles::add);
        }
        roles.stream().filter(r -> in.roleIdsNamed(r).size() > 1).forEach(dup::add);
        if (in.integrationIdsNamed(APP).size() > 1) {
            dup.add(APP);
        }
        return dup;
    }
}
