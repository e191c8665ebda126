package com.emite.setup.app;

import com.emite.setup.common.Secret;
import com.emite.setup.genesys.MissingPermissionException;
import com.emite.setup.provision.RunCancelledException;
import com.emite.setup.provision.ProvisionException;
import com.emite.setup.vault.Vault;
import com.emite.setup.vault.VaultException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every failure becomes one plain message with a stable code; details never hold a stack trace. */
class ProblemsTest {
    @TempDir
    Path dir;

    @Test
    void theVaultsOwnMessageAndCode() throws Exception {
        Path file = dir.resolve("not-a-vault.emitevault");
        Files.writeString(file, "hello");
        VaultException e = assertThrows(VaultException.class, () -> Vault.open(file, Secret.of("x")));
        Problem p = Problems.of(e);
        assertEquals("VAULT-02", p.code());
        assertEquals(e.getMessage(), p.message());
        assertTrue(p.details().startsWith("vault: NOT_A_VAULT"));
    }

    @Test
    void theClientsUserMessageWithTheTechnicalFactsInTheDetails() {
        MissingPermissionException e = new MissingPermissionException(403, "missing.permissions", "ctx-1",
                "Forbidden", "Your account lacks the permission oauth:client:add.", null,
                List.of("oauth:client:add"));
        Problem p = Problems.of(new CompletionException(e));
        assertEquals("GC-03", p.code());
        assertEquals("Your account lacks the permission oauth:client:add.", p.message());
        assertTrue(p.details().contains("HTTP 403") && p.details().contains("ctx-1"), p.details());
    }

    @Test
    void theEnginesPlainMessageKeepsTheGenesysCode() {
        MissingPermissionException cause = new MissingPermissionException(403, "missing.permissions", null,
                "Forbidden", "Your account lacks the permission x.", null, List.of());
        Problem p = Problems.of(new ProvisionException("Your account lacks the permission x.", cause));
        assertEquals("GC-03", p.code());
        assertEquals("SETUP-01", Problems.of(new ProvisionException("The role was not applied in time.")).code());
        assertEquals("SETUP-02", Problems.of(new RunCancelledException()).code());
    }

    @Test
    void filesSandboxAndTheUnexpected() {
        Problem file = Problems.of(new UncheckedIOException(new IOException("No space left on device")));
        assertEquals("FILE-01", file.code());
        assertTrue(file.message().contains("No space left on device"));
        assertEquals("SANDBOX-01", Problems.of(new SandboxStartException(new IllegalStateException())).code());

        Problem unexpected = Problems.of(new NullPointerException());
        assertEquals("APP-99", unexpected.code());
        assertTrue(unexpected.message().contains("Copy details"));
        assertFalse(unexpected.details().contains("\tat "), "no stack trace");
        assertTrue(unexpected.report().contains("eMite Setup problem APP-99"));
    }

    @Test
    void codesAreUniqueAndStable() {
        long distinct = java.util.Arrays.stream(ErrorCode.values()).map(ErrorCode::code).distinct().count();
        assertEquals(ErrorCode.values().length, distinct);
        assertEquals("GC-01", ErrorCode.GC_NOT_SIGNED_IN.code());
        assertEquals("APP-99", ErrorCode.UNEXPECTED.code());
    }
}
