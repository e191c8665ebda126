package com.emite.setup.diagnose;

import com.emite.setup.blueprint.Blueprint;
import com.emite.setup.genesys.GenesysClient;
import com.emite.setup.genesys.model.GroupCreate;
import com.emite.setup.genesys.model.RoleRequest;
import com.emite.setup.sandbox.Sandbox;
import com.emite.setup.sandbox.SandboxConfig;
import com.emite.setup.sandbox.SandboxInspector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * diagnose with probes against the sandbox over HTTP: every choice a write can show is observed, the org ends as it
 * was, a probe sees an org that behaves otherwise, and a run cut off half-way is cleaned up by the next one.
 */
@Timeout(60)
class DiagnoseProbeSandboxTest {
    /** The entries even a probe cannot settle (DiagnoseProbeSandboxTest and docs/LIVE.md list the same). */
    // GRANT_NEEDS_GRANTED_PERMISSIONS: the probe signs in as the admin, who holds every permission a role could be
    // given, so no probe of it can be refused for lacking one.
    static final Set<String> EVEN_A_PROBE_CANNOT_TELL = Set.of("MAX_RESPONSE_BYTES", "AUTH_CODE_TTL_SECONDS",
            "GRANT_NEEDS_GRANTED_PERMISSIONS");

    @TempDir
    Path dir;
    Sandbox sb;
    GenesysClient client;

    @BeforeEach
    void start() {
        sb = Sandbox.start(SandboxConfig.builder().divisions(2).agents(60).searchLagMs(0).grantLagMs(0)
                .unlimitedRate().build());
        client = GenesysClient.forSingleBase(sb.baseUrl());
        client.signInWithClientCredentials(sb.adminClientId(), sb.adminClientSecret());
    }

    @AfterEach
    void stop() {
        sb.close();
    }

    Diagnosis probe() {
        return new Diagnoser(Blueprint.standard(), Clock.systemUTC()).run(client, dir);
    }

    /** Everything a probe could leave: the ids of each kind of object and every active user's grants. */
    Map<String, Object> orgState() {
        SandboxInspector in = sb.inspect();
        Map<String, Object> state = new TreeMap<>();
        state.put("groups", client.listGroups().map(g -> g.id()).sorted().toList());
        state.put("roles", client.listRoles().map(r -> r.id()).sorted().toList());
        state.put("clients", client.listOAuthClients().map(c -> c.id()).sorted().toList());
        state.put("integrations", client.listIntegrations().map(i -> i.id()).sorted().toList());
        state.put("grants", in.activeUserIds().stream().collect(Collectors.toMap(u -> u, u -> in.grantsOf(u)
                .stream().map(SandboxInspector.GrantInfo::roleId).sorted().toList(), (a, b) -> a, TreeMap::new)));
        return state;
    }

    @Test
    void everyChoiceAProbeCanShowHoldsAndTheOrgEndsAsItWas() throws Exception {
        Map<String, Object> before = orgState();

        Diagnosis d = probe();

        String report = String.join("\n", DiagnosisReport.lines(d));
        for (Finding f : d.findings()) {
            Verdict expected = EVEN_A_PROBE_CANNOT_TELL.contains(f.entry()) ? Verdict.CANNOT_TELL : Verdict.HELD;
            assertEquals(expected, f.verdict(), f.entry() + "\n" + report);
        }
        assertTrue(d.probed() && d.probe().clean(), report);
        assertTrue(d.probe().made() >= 6, report);
        assertEquals(d.probe().made(), d.probe().removed(), report);
        assertTrue(d.probe().otherRequests() >= 8, "the probe client's own requests are counted: " + report);
        assertEquals(before, orgState(), "the probes leave the org as it was");
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".journal")), "the journal goes when all is gone");
        }
        String json = DiagnosisReport.json(d);
        assertTrue(json.contains("\"probe\"") && json.contains("\"clean\": true"), json);
        assertFalse(json.contains("@") || json.toLowerCase().contains("secret"), "no address, no secret: " + json);
        assertFalse(json.contains(sb.adminClientSecret().reveal()));
    }

    @Test
    void aProbeSeesAnOrgThatTakesSmallerBatches() {
        sb.limits(100, 10);

        Diagnosis d = probe();

        Map<String, Finding> by = d.findings().stream().collect(Collectors.toMap(Finding::entry, f -> f));
        Finding batch = by.get("MAX_SUBJECTS_PER_GRANT_CALL");
        assertEquals(Verdict.DIFFERS, batch.verdict(), batch.toString());
        assertTrue(batch.detail().contains("50 subjects in one bulk grant were refused with HTTP 400"),
                batch.detail());
        assertTrue(d.probe().clean(), "removed all the same: " + d.probe());
    }

    @Test
    void whatACutOffRunLeftIsRemovedByTheNextRun() throws Exception {
        String tag = "emite-probe-cutoff-1";
        String group = client.createGroup(GroupCreate.officialPublic(tag + " group")).id();
        String role = client.createRole(new RoleRequest(tag + " role", null, List.of())).id();
        ProbeJournal cutOff = ProbeJournal.begin(dir, tag, client.getOrganization().id());
        ProbeJournal otherOrgs = ProbeJournal.begin(dir, "emite-probe-elsewhere-1", "another-org");
        otherOrgs.made(ProbeJournal.Kind.GROUP, group); // never acted on: it names another org's objects
        cutOff.intend(ProbeJournal.Kind.GROUP);
        cutOff.made(ProbeJournal.Kind.GROUP, group);
        cutOff.intend(ProbeJournal.Kind.ROLE); // the create's answer was lost: only the tag finds the role
        Map<String, Object> before = orgState();

        Diagnosis d = probe();

        assertEquals(2, d.probe().earlierRemoved(), String.join("\n", DiagnosisReport.lines(d)));
        assertTrue(sb.inspect().groupIdsNamed(tag + " group").isEmpty());
        assertTrue(sb.inspect().roleIdsNamed(tag + " role").isEmpty());
        assertFalse(Files.exists(cutOff.file()));
        assertTrue(Files.exists(otherOrgs.file()), "another org's journal is kept for that org");
        Map<String, Object> after = orgState();
        before.put("groups", ((List<?>) before.get("groups")).stream().filter(g -> !g.equals(group)).toList());
        before.put("roles", ((List<?>) before.get("roles")).stream().filter(r -> !r.equals(role)).toList());
        assertEquals(before, after);
        assertTrue(DiagnosisReport.lines(d).stream().anyMatch(l -> l.contains("left by an interrupted earlier")));
    }

    @Test
    void aStopRequestEndsTheProbesAndWhatTheyMadeIsStillRemoved() {
        Map<String, Object> before = orgState();
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();

        // Asked before each probe: the reads and the group probe run, then Ctrl-C.
        Diagnosis d = new Diagnoser(Blueprint.standard(), Clock.systemUTC()).run(client, dir,
                () -> asked.incrementAndGet() > 2);

        String report = String.join("\n", DiagnosisReport.lines(d));
        assertTrue(d.probe().stoppedEarly() && d.probe().clean(), report);
        assertEquals(2, d.probe().made(), "the two probe groups, no role, no client: " + report);
        assertEquals(Verdict.HELD, d.findings().stream().filter(f -> f.entry().equals("STATUS_GROUP_CREATED"))
                .findFirst().orElseThrow().verdict());
        assertEquals(before, orgState(), "removed all the same");
        assertTrue(report.contains("stopped at your request"), report);
    }
}
