package com.emite.setup.provision;

import com.emite.setup.testing.ConcurrentMethods;
import com.emite.setup.common.Secret;
import com.emite.setup.genesys.GenesysApiException;
import com.emite.setup.genesys.GenesysClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rotating secrets on purpose, against the sandbox over HTTP (issue 17). */
@ConcurrentMethods
class ProvisionRotationTest {
    @TempDir
    Path dir;

    static final Set<String> CORE = Set.of("emite_SSO", "emite_APIdata", "emite_RealtimeData");

    static void assertTokenRefused(TestOrg org, String clientId, Secret secret) {
        GenesysClient c = GenesysClient.forSingleBase(org.sandbox.baseUrl());
        assertThrows(GenesysApiException.class, () -> c.signInWithClientCredentials(clientId, secret));
    }

    static void assertTokenIssued(TestOrg org, String clientId, Secret secret) {
        GenesysClient c = GenesysClient.forSingleBase(org.sandbox.baseUrl());
        c.signInWithClientCredentials(clientId, secret);
        assertTrue(c.isSignedIn());
    }

    @Test
    void rotatingOneClientIssuesANewSecretThatWorksAndKillsTheOldOne() throws Exception {
        try (TestOrg org = TestOrg.start(dir)) {
            assertTrue(org.apply(Choices.defaults()).finished());
            TestOrg.settle();
            RunStore.StoredSecret old = org.store.client("emite_APIdata");
            RunStore.StoredSecret realtime = org.store.client("emite_RealtimeData");

            Plan rotation = SecretRotation.plan(org.plan(Choices.defaults()), List.of("emite_APIdata"));
            assertEquals(1, rotation.toApply().size());
            PlanItem item = rotation.toApply().get(0);
            assertEquals("emite_APIdata", item.target());
            assertTrue(item.differences().get(0).contains("eMite stops reading data"), item.differences().toString());

            ApplyResult result = org.apply(rotation, null, null);
            assertTrue(result.finished(), result::error);
            RunStore.StoredSecret now = org.store.client("emite_APIdata");
            assertEquals(old.clientId(), now.clientId());
            assertNotEquals(old.secret(), now.secret());
            assertTokenRefused(org, old.clientId(), old.secret());
            assertTokenIssued(org, now.clientId(), now.secret());
            assertEquals(realtime.secret(), org.store.client("emite_RealtimeData").secret(), "others untouched");

            IntegrationForm form = FormBuilder.afterRotation(org.plan(Choices.defaults()), result, org.needs,
                    org.store);
            assertEquals(3, form.clients().stream().filter(c -> c.secret() != null).count(), "a whole form");
            assertEquals(List.of("emite_APIdata"), form.newSecrets().stream().map(IntegrationForm.ClientEntry::name)
                    .toList());
            assertTrue(FormWriter.html(form, null).contains(IntegrationForm.SEND_NOW));
            assertTrue(FormWriter.json(form).contains("\"newSecret\": true"));
            assertTrue(result.changes().stream().anyMatch(c -> c.toString().contains("secret reset")),
                    result.changes().toString());
        }
    }

    /**
     * A rotation reads the org with the WFM clients on (so it rotates them where they exist); on an org without them
     * its form must not list them as clients still to create, and on an org with them it lists them with their ids.
     */
    @Test
    void theFormAfterARotationListsTheWfmClientsOnlyWhereTheOrgHasThem() throws Exception {
        try (TestOrg org = TestOrg.start(dir)) {
            assertTrue(org.apply(Choices.defaults()).finished());
            TestOrg.settle();
            Plan withWfm = org.plan(Choices.defaults().withWfm(true));
            ApplyResult result = org.apply(SecretRotation.plan(withWfm, List.of("emite_APIdata")), null, null);
            assertTrue(result.finished(), result::error);
            IntegrationForm form = FormBuilder.afterRotation(withWfm, result, org.needs, org.store);
            assertEquals(CORE, form.clients().stream().map(IntegrationForm.ClientEntry::name)
                    .collect(Collectors.toSet()), "no WFM client the org lacks");

            assertTrue(org.apply(Choices.defaults().withWfm(true)).finished());
            TestOrg.settle();
            Plan now = org.plan(Choices.defaults().withWfm(true));
            ApplyResult again = org.apply(SecretRotation.plan(now, List.of("emite_WFMActivity")), null, null);
            assertTrue(again.finished(), again::error);
            IntegrationForm withThem = FormBuilder.afterRotation(now, again, org.needs, org.store);
            assertEquals(5, withThem.clients().size(), withThem.clients().toString());
            assertTrue(withThem.clients().stream().allMatch(c -> c.clientId() != null), "each with its id");
        }
    }

    @Test
    void rotatingAllClientsRenewsEverySecret() throws Exception {
        try (TestOrg org = TestOrg.start(dir)) {
            assertTrue(org.apply(Choices.defaults()).finished());
            TestOrg.settle();
            Plan rotation = SecretRotation.plan(org.plan(Choices.defaults()), List.of());
            assertEquals(CORE, rotation.toApply().stream().map(PlanItem::target).collect(Collectors.toSet()));
            List<RunStore.StoredSecret> before = CORE.stream().map(org.store::client).toList();

            ApplyResult result = org.apply(rotation, null, null);
            assertTrue(result.finished(), result::error);
            for (RunStore.StoredSecret old : before) {
                assertNotEquals(old.secret(), org.store.client(old.name()).secret(), old.name());
                if (!old.name().equals("emite_SSO")) {
                    assertTokenRefused(org, old.clientId(), old.secret());
                }
            }
            assertEquals(3, FormBuilder.afterRotation(org.plan(Choices.defaults()), result, org.needs, org.store)
                    .newSecrets().size());
            Plan after = org.plan(Choices.defaults());
            assertTrue(after.toApply().isEmpty(), "rotation leaves nothing to do: " + after.toApply());
        }
    }

    @Test
    void aRunCutBetweenTheResetAndTheSaveLeavesTheSecretUnknownNeverSilentlyLost() throws Exception {
        try (TestOrg org = TestOrg.start(dir)) {
            assertTrue(org.apply(Choices.defaults()).finished());
            TestOrg.settle();
            RunStore.StoredSecret old = org.store.client("emite_APIdata");
            // What a kill right after Genesys answered the reset leaves: the new secret never reached the vault.
            RunStore cut = new RunStore() {
                public String loadJournal() {
                    return org.store.loadJournal();
                }

                public StoredSecret client(String name) {
                    return org.store.client(name);
                }

                public void saveJournal(String json) {
                    org.store.saveJournal(json);
                }

                public void saveClientAndJournal(String name, String clientId, Secret secret, String json) {
                    throw new ProvisionException("killed");
                }

                @Override
                public void forgetClientAndSaveJournal(String name, String json) {
                    org.store.forgetClientAndSaveJournal(name, json);
                }
            };
            Plan rotation = SecretRotation.plan(org.plan(Choices.defaults()), List.of("emite_APIdata"));
            ApplyResult broken = new Executor(org.api, cut, null, null, null).apply(rotation);
            assertFalse(broken.finished());
            assertTokenRefused(org, old.clientId(), old.secret());

            Plan next = org.plan(Choices.defaults());
            PlanItem secret = next.item(ItemKind.CLIENT_SECRET, "emite_APIdata");
            assertEquals(ItemState.SECRET_UNKNOWN, secret.state(), "the vault's secret is dead: never reported as held");
            assertTrue(secret.blocker().reason().contains("stopped before it was saved"), secret.blocker().reason());
            IntegrationForm form = FormBuilder.fromPlan(next, org.needs, org.store, false);
            assertTrue(form.clients().stream().filter(c -> c.name().equals("emite_APIdata"))
                    .allMatch(c -> c.secret() == null), "the form does not offer the dead secret");

            ApplyResult reset = org.apply(Choices.defaults().withResetUnknownSecrets(true));
            assertTrue(reset.finished(), reset::error);
            assertTokenIssued(org, old.clientId(), org.store.client("emite_APIdata").secret());
            assertTrue(org.plan(Choices.defaults()).toApply().isEmpty());
        }
    }

    @Test
    void anUnknownNameIsBlockedAndAgesCountFromTheLastIssue() throws Exception {
        try (TestOrg org = TestOrg.start(dir)) {
            assertTrue(org.apply(Choices.defaults()).finished());
            TestOrg.settle();
            Plan plan = org.plan(Choices.defaults());
            Plan rotation = SecretRotation.plan(plan, List.of("emite_Nope"));
            assertTrue(rotation.toApply().isEmpty());
            assertEquals(ItemState.BLOCKED, rotation.item(ItemKind.CLIENT_SECRET, "emite_Nope").state());

            Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(400)), ZoneOffset.UTC);
            List<SecretAge> ages = SecretAge.of(plan, org.store, later);
            assertEquals(CORE, ages.stream().map(SecretAge::clientName).collect(Collectors.toSet()));
            assertTrue(ages.stream().allMatch(a -> a.days() >= 399 && a.days() <= 400), ages.toString());
            assertEquals(3, SecretAge.olderThan(ages, 365).size());
            assertEquals(0, SecretAge.olderThan(ages, 400).size());
            assertEquals(0, SecretAge.olderThan(SecretAge.of(plan, org.store, Clock.systemUTC()), 0).size());
        }
    }
}
