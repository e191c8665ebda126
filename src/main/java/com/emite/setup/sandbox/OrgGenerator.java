package com.emite.setup.sandbox;

import com.emite.setup.contract.ApiContract;
import com.emite.setup.sandbox.OrgRecords.Client;
import com.emite.setup.sandbox.OrgRecords.Division;
import com.emite.setup.sandbox.OrgRecords.Group;
import com.emite.setup.sandbox.OrgRecords.Integration;
import com.emite.setup.sandbox.OrgRecords.IntegrationType;
import com.emite.setup.sandbox.OrgRecords.Policy;
import com.emite.setup.sandbox.OrgRecords.Role;
import com.emite.setup.sandbox.OrgRecords.SubjectType;
import com.emite.setup.sandbox.OrgRecords.User;
import com.emite.setup.sandbox.OrgRecords.UserState;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/** Builds a seeded org: same seed and options, same ids, names and e-mail addresses. */
final class OrgGenerator {
    private static final String[] FIRST = {"Aaliyah", "Aaron", "Abigail", "Adam", "Aisha", "Alan", "Alejandro",
            "Alice", "Amara", "Amelia", "Andre", "Angela", "Anika", "Arjun", "Ava", "Ben", "Bianca", "Brandon",
            "Carla", "Carlos", "Charlotte", "Chen", "Chloe", "Daniel", "David", "Diego", "Elena", "Eli", "Emily",
            "Emma", "Ethan", "Fatima", "Felix", "Fiona", "Gabriel", "Grace", "Hannah", "Hiro", "Isabella", "Ivan",
            "Jack", "James", "Jasmine", "Javier", "Jin", "John", "Julia", "Kai", "Karen", "Kevin", "Laura", "Leo",
            "Liam", "Lucas", "Lucy", "Maria", "Mark", "Maya", "Mei", "Mia", "Mohammed", "Nadia", "Naomi", "Noah",
            "Olivia", "Omar", "Patrick", "Priya", "Rachel", "Rahul", "Rosa", "Ryan", "Samuel", "Sara", "Sofia",
            "Sophie", "Tariq", "Thomas", "Tom", "Valentina", "Victor", "William", "Yusuf", "Zara", "Zoe"};
    private static final String[] LAST = {"Adams", "Ahmed", "Ali", "Anderson", "Baker", "Bennett", "Brown",
            "Campbell", "Carter", "Chen", "Clark", "Collins", "Cook", "Cooper", "Davies", "Diaz", "Edwards", "Evans",
            "Fernandez", "Fischer", "Garcia", "Gonzalez", "Gray", "Green", "Gupta", "Hall", "Harris", "Hernandez",
            "Hill", "Hughes", "Ito", "Jackson", "Johnson", "Jones", "Kaur", "Kelly", "Khan", "Kim", "King", "Kumar",
            "Lee", "Lewis", "Lopez", "Martin", "Martinez", "Meyer", "Miller", "Mitchell", "Moore", "Morgan",
            "Murphy", "Nguyen", "Novak", "O'Brien", "Okafor", "Parker", "Patel", "Perez", "Phillips", "Ramirez",
            "Reed", "Roberts", "Robinson", "Rossi", "Sanchez", "Santos", "Schmidt", "Scott", "Silva", "Singh",
            "Smith", "Stewart", "Suzuki", "Taylor", "Thomas", "Thompson", "Torres", "Turner", "Walker", "Wang",
            "Ward", "Watson", "White", "Williams", "Wilson", "Wood", "Wright", "Young", "Zhang"};
    private static final String[] DIVISIONS = {"Sales", "Customer Care", "Billing", "Technical Support",
            "Retentions", "Collections", "Claims", "Onboarding", "Premium Accounts", "Field Services", "Returns",
            "Loyalty", "Partner Desk", "Escalations", "Back Office", "Quality Assurance", "Workforce Planning",
            "Digital Channels", "Outbound Campaigns", "Service Desk", "North America", "Latin America", "EMEA",
            "APAC", "UK and Ireland", "DACH", "Nordics", "Benelux", "France", "Iberia", "Italy", "India",
            "Japan", "Australia", "New Zealand", "Canada", "Brazil", "Mexico", "South Africa", "Middle East"};
    private static final String[] COMPANIES = {"Northwind Traders", "Contoso Health", "Fabrikam Energy",
            "Tailspin Travel", "Woodgrove Bank", "Adventure Works", "Litware Telecom", "Proseware Insurance",
            "Lucerne Publishing", "Wingtip Toys", "Alpine Ski House", "Blue Yonder Airlines"};
    private static final String[] TITLES = {"Contact Centre Agent", "Senior Agent", "Customer Service Advisor",
            "Support Specialist", "Sales Representative", "Team Leader"};
    private static final String[] DEPARTMENTS = {"Customer Service", "Sales", "Support", "Operations"};

    private OrgGenerator() {
    }

    static OrgState generate(SandboxConfig config, java.util.function.LongSupplier clock) {
        OrgState s = new OrgState(config, clock);
        Random r = new Random(config.seed());
        long now = clock.getAsLong();
        s.orgCreated = now;
        s.orgId = s.newId();
        s.orgName = COMPANIES[Math.floorMod(config.seed(), COMPANIES.length)];
        s.shortName = s.orgName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        s.emailDomain = s.shortName + ".example.com";

        // Divisions: Home plus the requested number, realistic names, numbered once the list runs out.
        addDivision(s, "Home", "The home division of the organization", true);
        List<String> names = new ArrayList<>(List.of(DIVISIONS));
        java.util.Collections.shuffle(names, r);
        for (int i = 0; i < config.divisions(); i++) {
            String base = names.get(i % names.size());
            String name = i < names.size() ? base : base + " " + (i / names.size() + 1);
            addDivision(s, name, name + " division", false);
        }

        // Roles.
        List<Policy> admin = new ArrayList<>();
        for (String domain : s.catalog.domainNames()) {
            admin.add(new Policy(domain, "*", List.of("*"), false));
        }
        Role master = addRole(s, "Master Admin", "Master Admin has every permission of the organization", admin,
                "admin", true);
        s.masterAdminRoleId = master.id;
        Role employee = addRole(s, "Employee", "Basic permissions every user has", policies(s,
                "directory:userProfile:view", "directory:group:view", "directory:location:view",
                "directory:skill:view", "directory:team:view", "presence:userPresence:edit",
                "conversation:communication:view", "routing:queue:view"), "employee", true);
        s.employeeRoleId = employee.id;
        addRole(s, "Supervisor", "Monitors queues and agents", policies(s, "analytics:queueObservation:view",
                "analytics:userObservation:view", "analytics:conversationDetail:view", "routing:queue:view",
                "directory:user:view", "quality:evaluation:view", "conversation:communication:view"),
                "supervisor", true);
        addRole(s, "User", "Can use Genesys Cloud", policies(s, "directory:userProfile:view",
                "directory:user:view", "conversation:communication:view"), "user", true);

        // Users: the admin, then the agents spread over the divisions, a few inactive and deleted.
        User adminUser = s.addUser("Sandbox Admin", "admin@" + s.emailDomain, 0, "Genesys Cloud Administrator",
                "IT", UserState.ACTIVE, 0);
        s.emailCounts.put("admin", 1);
        s.adminUserId = adminUser.id;
        s.seedGrant(adminUser.id, SubjectType.PC_USER, master.id, ApiContract.ALL_DIVISIONS);
        s.seedGrant(adminUser.id, SubjectType.PC_USER, employee.id, s.home().id());
        addAgents(s, config.agents(), 0, true);
        int extra = Math.max(2, config.agents() / 200);
        for (int i = 0; i < extra; i++) {
            User u = newAgent(s, UserState.INACTIVE, 0);
            s.seedGrant(u.id, SubjectType.PC_USER, employee.id, s.home().id());
        }
        for (int i = 0; i < extra; i++) {
            newAgent(s, UserState.DELETED, 0);
        }
        s.sortUsers();

        // Existing groups.
        List<User> active = s.users.stream().filter(u -> u.state == UserState.ACTIVE && !u.id.equals(s.adminUserId))
                .toList();
        addGroup(s, "Supervisors", "Team leaders and supervisors", active.subList(0, Math.min(5, active.size())),
                now);
        addGroup(s, "All Agents", "Every contact centre agent", active.subList(0, Math.min(40, active.size())), now);
        addGroup(s, "Quality Team", "Evaluators", active.subList(Math.min(5, active.size()),
                Math.min(8, active.size())), now);

        // OAuth clients: the admin client-credentials client and the PKCE client for browser sign-in.
        Client adminClient = new Client(s.newId(), false, now, adminUser.id);
        adminClient.name = "Sandbox Admin Client";
        adminClient.description = "Client credentials holding Master Admin in all divisions";
        adminClient.grantType = "CLIENT-CREDENTIALS";
        adminClient.validitySeconds = 86400;
        adminClient.redirectUris = List.of();
        adminClient.scope = List.of();
        adminClient.state = "active";
        adminClient.secret = s.newSecret(32);
        s.clients.put(adminClient.id, adminClient);
        s.adminClientId = adminClient.id;
        s.adminClientSecret = adminClient.secret;
        s.seedGrant(adminClient.id, SubjectType.PC_OAUTH_CLIENT, master.id, ApiContract.ALL_DIVISIONS);

        Client pkce = new Client(s.newId(), true, now, adminUser.id);
        pkce.name = "eMite Setup (browser sign-in)";
        pkce.description = "Public client for Authorization Code with PKCE on a loopback redirect";
        pkce.grantType = ApiContract.PKCE_GRANT_TYPE;
        pkce.validitySeconds = 86400;
        // The exact URI the admin is told to register (§2.3), and the port-less ones the lenient loopback rule serves.
        pkce.redirectUris = List.of("http://127.0.0.1:" + ApiContract.PKCE_REDIRECT_PORT + ApiContract.PKCE_REDIRECT_PATH,
                "http://127.0.0.1/callback", "http://localhost/callback");
        pkce.scope = List.of("authorization", "groups", "integrations", "oauth", "organization:readonly",
                "users:readonly");
        pkce.state = "active";
        s.clients.put(pkce.id, pkce);
        s.pkceClientId = pkce.id;

        // Scopes (reference §10).
        for (String base : List.of("analytics", "architect", "authorization", "conversations", "external-contacts",
                "groups", "integrations", "oauth", "organization", "outbound", "quality", "routing", "users",
                "workforce-management", "presence")) {
            s.scopes.put(base, "Full access to " + base.replace('-', ' '));
            s.scopes.put(base + ":readonly", "Read-only access to " + base.replace('-', ' '));
        }
        s.scopes.put("notifications", "Subscribe to notifications");
        s.scopes.put("user-basic-info", "Basic information of the signed-in user");

        // Integration types and one installed integration.
        Set<String> clientAppKeys = new LinkedHashSet<>(List.of("url", "displayType", "featureCategory", "sandbox",
                "permissions", ApiContract.CLIENT_APP_GROUPS_PROPERTY));
        addType(s, new IntegrationType(ApiContract.CLIENT_APP_TYPE_ID, "Custom Client Application",
                "Embeds a third-party web application in Genesys Cloud.", "clientapps", "Client Apps", null,
                List.of(), clientAppKeys));
        addType(s, new IntegrationType("embedded-client-app-interaction-widget", "Interaction Widget",
                "Embeds a web application in the interaction panel.", "clientapps", "Client Apps", null, List.of(),
                new LinkedHashSet<>(List.of("url", "sandbox", "permissions", "iconVectorSource",
                        "communicationTypeFilter",
                        ApiContract.CLIENT_APP_GROUPS_PROPERTY, "queueIdFilter"))));
        addType(s, new IntegrationType("purecloud-data-actions", "Genesys Cloud Data Actions",
                "Actions that call the Genesys Cloud Platform API.", "genesys", "Data Actions", 1, List.of(),
                Set.of()));
        addType(s, new IntegrationType("custom-rest-actions", "Web Services Data Actions",
                "Actions that call a web service.", "genesys", "Data Actions", null, List.of(), Set.of()));
        Integration dataActions = new Integration(s.newId(), "purecloud-data-actions");
        dataActions.name = "Genesys Cloud Data Actions";
        dataActions.notes = "";
        dataActions.intendedState = "ENABLED";
        dataActions.lastUpdated = now;
        s.integrations.put(dataActions.id, dataActions);
        return s;
    }

    /** Adds {@code count} active agents spread over the divisions; they hold Employee in Home. */
    static List<String> addAgents(OrgState s, int count, long searchVisibleAt, boolean initial) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            User u = newAgent(s, UserState.ACTIVE, searchVisibleAt);
            if (initial) {
                s.seedGrant(u.id, SubjectType.PC_USER, s.employeeRoleId, s.home().id());
            } else {
                s.addGrant(u.id, SubjectType.PC_USER, s.employeeRoleId, s.home().id(), s.now());
            }
            ids.add(u.id);
        }
        if (!initial) {
            s.sortUsers();
        }
        return ids;
    }

    private static User newAgent(OrgState s, UserState state, long searchVisibleAt) {
        Random r = s.agentRandom;
        String first = FIRST[r.nextInt(FIRST.length)];
        String last = LAST[r.nextInt(LAST.length)];
        String local = (first + "." + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "");
        int n = s.emailCounts.merge(local, 1, Integer::sum);
        String email = (n == 1 ? local : local + n) + "@" + s.emailDomain;
        int division = r.nextInt(s.divisions.size());
        return s.addUser(first + " " + last, email, division, TITLES[r.nextInt(TITLES.length)],
                DEPARTMENTS[r.nextInt(DEPARTMENTS.length)], state, searchVisibleAt);
    }

    private static void addDivision(OrgState s, String name, String description, boolean home) {
        Division d = new Division(s.newId(), name, description, home);
        s.divisions.add(d);
        s.divisionsById.put(d.id(), d);
    }

    private static Role addRole(OrgState s, String name, String description, List<Policy> policies,
                                String defaultRoleId, boolean isDefault) {
        Role role = new Role(s.newId(), name, description, policies, defaultRoleId, isDefault);
        s.roles.put(role.id, role);
        return role;
    }

    /** Policies for the permissions the catalog has (others are skipped, e.g. without a licence). */
    private static List<Policy> policies(OrgState s, String... permissions) {
        List<Policy> out = new ArrayList<>();
        for (String p : permissions) {
            String[] x = p.split(":");
            if (s.catalog.hasPermission(x[0], x[1], x[2])) {
                out.add(new Policy(x[0], x[1], List.of(x[2]), false));
            }
        }
        return out;
    }

    private static void addGroup(OrgState s, String name, String description, List<User> members, long now) {
        Group g = new Group(s.newId());
        g.name = name;
        g.description = description;
        g.type = "official";
        g.visibility = "public";
        g.rulesVisible = true;
        g.dateModified = now;
        members.forEach(u -> g.individuals.add(u.id));
        g.indexed = g.doc();
        s.groups.put(g.id, g);
    }

    private static void addType(OrgState s, IntegrationType t) {
        s.integrationTypes.put(t.id(), t);
    }
}
