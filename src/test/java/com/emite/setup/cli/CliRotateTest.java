package com.emite.setup.cli;

import com.emite.setup.testing.ConcurrentMethods;
import com.emite.setup.common.Secret;
import com.emite.setup.genesys.GenesysApiException;
import com.emite.setup.genesys.GenesysClient;
import com.emite.setup.provision.FormWriter;
import com.emite.setup.provision.IntegrationForm;
import com.emite.setup.vault.OrgRecord;
import com.emite.setup.vault.StoredClient;
import com.emite.setup.vault.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** rotate-secrets and verify --max-secret-age on the command line, against a sandbox org over HTTP (issue 17). */
@ConcurrentMethods
class CliRotateTest {
    @TempDir
    Path dir;

    static StoredClient stored(CliSandboxTest.Org org, String name) throws Exception {
        try (Vault v = Vault.open(org.vault, Secret.of("vault-pw-Kx9#q2"))) {
            return v.contents().findOrg(org.sandbox.orgId()).flatMap(r -> r.client(name)).orElseThrow();
        }
    }

    @Test
    void rotateOneClientAfterConfirmingThenTheFormMarksItsNewSecret() throws Exception {
        try (CliSandboxTest.Org org = new CliSandboxTest.Org(dir, b -> b)) {
            assertEquals(0, org.run("apply", "--yes").code());
            CliSandboxTest.settle();
            StoredClient before = stored(org, "emite_APIdata");

            CliSandboxTest.Result refused = org.run("rotate-secrets", "--client", "emite_APIdata");
            assertEquals(1, refused.code(), refused.err());
            assertTrue(refused.err().contains("Nothing was changed"), refused.err());
            assertEquals(before.secret(), stored(org, "emite_APIdata").secret());

            CliSandboxTest.Result r = org.withInput("yes\n", "rotate-secrets", "--client", "emite_APIdata");
            assertEquals(0, r.code(), r.err() + r.out());
            assertTrue(r.out().contains("emite_APIdata: new secret; eMite stops reading data until they have the new "
                    + "secret"), r.out());
            assertTrue(r.out().contains("Send the new secrets to eMite now"), r.out());
            StoredClient after = stored(org, "emite_APIdata");
            assertNotEquals(before.secret(), after.secret());
            assertTrue(after.resetAt() != null);
            GenesysClient c = GenesysClient.forSingleBase(org.sandbox.baseUrl());
            assertThrows(GenesysApiException.class,
                    () -> c.signInWithClientCredentials(before.clientId(), before.secret()));
            c.signInWithClientCredentials(after.clientId(), after.secret());

            Path form = org.data.resolve("forms").resolve(org.sandbox.orgShortName()).resolve(FormWriter.FORM_HTML);
            String html = Files.readString(form);
            assertTrue(html.contains(IntegrationForm.SEND_NOW), html);
            assertTrue(html.contains("<strong>NEW</strong> secret"), html);
            assertTrue(!html.contains(after.secret().reveal()), "the kept form is masked");
        }
    }

    @Test
    void anUnknownClientNameIsBlockedAndNothingChanges() throws Exception {
        try (CliSandboxTest.Org org = new CliSandboxTest.Org(dir, b -> b)) {
            assertEquals(0, org.run("apply", "--yes").code());
            long writes = org.sandbox.stats().writes();
            CliSandboxTest.Result r = org.run("rotate-secrets", "--client", "emite_Nope", "--yes");
            assertEquals(2, r.code(), r.out() + r.err());
            assertTrue(r.out().contains("emite_Nope: not rotated. eMite has no OAuth client of this name."), r.out());
            assertEquals(writes, org.sandbox.stats().writes());
        }
    }

    @Test
    void verifySaysHowOldEachSecretIsAndExits3PastTheLimit() throws Exception {
        try (CliSandboxTest.Org org = new CliSandboxTest.Org(dir, b -> b)) {
            assertEquals(0, org.run("apply", "--yes").code());
            CliSandboxTest.settle();
            CliSandboxTest.Result fresh = org.run("verify", "--max-secret-age", "365");
            assertEquals(0, fresh.code(), fresh.out());
            assertTrue(fresh.out().contains("emite_APIdata: 0 days old"), fresh.out());

            // The secret as a vault a year and a bit older would hold it.
            try (Vault v = Vault.open(org.vault, Secret.of("vault-pw-Kx9#q2"))) {
                OrgRecord r = v.contents().findOrg(org.sandbox.orgId()).orElseThrow();
                StoredClient c = r.client("emite_APIdata").orElseThrow();
                r.putClient(StoredClient.of(c.name(), c.clientId(), c.secret(),
                        Instant.now().minus(Duration.ofDays(400))));
                v.save();
            }
            CliSandboxTest.Result old = org.run("verify", "--max-secret-age", "365");
            assertEquals(3, old.code(), old.out());
            assertTrue(old.out().contains("emite_APIdata: 400 days old"), old.out());
            assertTrue(old.out().contains("older than 365 days: rotate-secrets --client emite_APIdata"), old.out());
            assertEquals(0, org.run("verify", "--max-secret-age", "400").code(), "400 days is not older than 400");
        }
    }
}
