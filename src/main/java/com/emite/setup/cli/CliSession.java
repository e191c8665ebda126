package com.emite.setup.cli;

import com.emite.setup.app.Connection;
import com.emite.setup.app.DemoSandbox;
import com.emite.setup.app.SignInService;
import com.emite.setup.app.UpkeepSignInService;
import com.emite.setup.provision.UpkeepNeed;
import com.emite.setup.common.Secret;
import com.emite.setup.sandbox.SandboxConfig;
import com.emite.setup.genesys.GenesysClient;
import com.emite.setup.genesys.GenesysClientBuilder;
import com.emite.setup.genesys.SignInException;
import com.emite.setup.provision.GenesysOrgApi;
import com.emite.setup.provision.MemoryRunStore;
import com.emite.setup.provision.OrgApi;
import com.emite.setup.provision.RunStore;
import com.emite.setup.provision.VaultRunStore;
import com.emite.setup.region.Environment;
import com.emite.setup.vault.Vault;
import com.emite.setup.vault.DataFolder;
import com.emite.setup.vault.OrgRecord;
import com.emite.setup.vault.VaultException;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One command's connection: where (environment, maybe the embedded sandbox), who (sign-in, its options read by
 * {@link CliSignIn}), and the vault. Closing it locks the vault and stops the sandbox.
 */
final class CliSession implements AutoCloseable {
    final Path dataDir;
    final Connection connection;
    final Environment environment;
    final GenesysClient client;
    final GenesysOrgApi api;
    Vault vault;
    Path vaultFile;
    RunStore store;
    String storeNote;
    /** The admin client this session signed in with (for --remember-sign-in); null for other ways of signing in. */
    private String signInClientId;
    private Secret signInSecret;

    private CliSession(Path dataDir, Connection connection) {
        this.dataDir = dataDir;
        this.connection = connection;
        this.environment = connection.environment();
        this.client = connection.client();
        this.api = connection.api();
    }

    /** The data folder: {@code --data-dir} or the OS's per-user app-data folder. */
    static Path dataDir(CliOptions o) {
        Path dir = o.has("--data-dir") ? Paths.get(o.value("--data-dir")) : Vault.defaultFolder();
        try {
            DataFolder.prepare(dir);
        } catch (IOException e) {
            throw new UsageException("The data folder " + dir + " cannot be created (" + e.getMessage() + "). "
                    + "Choose another with --data-dir.");
        }
        return dir.toAbsolutePath().normalize();
    }

    /** Connects and signs in as the options say. */
    static CliSession connect(CliOptions o, CliIO io, Path dataDir) {
        boolean custom = o.has("--api-base") || o.has("--login-base");
        int targets = (o.has("--sandbox") ? 1 : 0) + (custom ? 1 : 0) + (o.has("--region") && !custom ? 1 : 0);
        if (targets == 0) {
            throw new UsageException("Say which org to work on: --region <your region or any Genesys Cloud address "
                    + "you see>, or --sandbox to try the built-in sandbox org.");
        }
        if (targets > 1) {
            throw new UsageException("Give only one of --region, --sandbox, or --api-base with --login-base.");
        }
        if (custom && !(o.has("--api-base") && o.has("--login-base"))) {
            throw new UsageException("A custom environment needs both --api-base and --login-base.");
        }
        if (!o.has("--sandbox") && (o.has("--sandbox-agents") || o.has("--sandbox-divisions")
                || o.has("--sandbox-no-wfm") || o.has("--sandbox-no-licence"))) {
            throw new UsageException("The --sandbox-… options shape the built-in sandbox: use them with --sandbox.");
        }
        UnaryOperator<GenesysClientBuilder> settings = CliSignIn.clientSettings(o); // --rate-limit read first
        SandboxConfig demo = DemoSandbox.shaped(o.intValue("--sandbox-divisions", 3),
                o.intValue("--sandbox-agents", o.command() == Command.DIAGNOSE ? CliDiagnose.SANDBOX_AGENTS : 40),
                !o.has("--sandbox-no-wfm"), !o.has("--sandbox-no-licence"));
        SignInService signIn = new SignInService(demo, settings).keepingSizeLimitsIn(dataDir);
        Connection c;
        if (o.has("--sandbox")) {
            CliSignIn.checkSignInOptions(o);
            if (o.has("--client-id") || o.has("--token-env") || o.has("--browser")) {
                throw new UsageException("The built-in sandbox signs in by itself: leave out --client-id, "
                        + "--token-env and --browser.");
            }
            c = signIn.demo();
        } else {
            Environment env = CliSignIn.environment(o, custom);
            Secret[] used = new Secret[1];
            c = CliSignIn.signIn(o, io, signIn, env, used);
            CliSession session = new CliSession(dataDir, c);
            if (used[0] != null) {
                session.signInClientId = o.value("--client-id");
                session.signInSecret = used[0];
            }
            return session;
        }
        return new CliSession(dataDir, c);
    }

    /**
     * Signs in with no person present: opens the vault (password from {@code --vault-password-env} or the OS
     * keychain), picks the org ({@code --org SHORTNAME} when the vault holds several) and signs in with the admin
     * client remembered for it. The region is the org's own unless {@code --region} or {@code --api-base} says
     * otherwise. The org that answers must be the org of the record, else nothing is done.
     */
    static CliSession connectRemembered(CliOptions o, CliIO io, Path dataDir) {
        if (o.has("--sandbox")) {
            throw new UsageException("The built-in sandbox lives only as long as one command: it cannot be kept up "
                    + "to date. Use --api-base with a running sandbox (java -jar emite-setup.jar sandbox).");
        }
        if (o.has("--client-id") || o.has("--token-env") || o.has("--browser")) {
            CliSession s = connect(o, io, dataDir);
            s.openVault(o, io, false);
            return s;
        }
        boolean custom = CliSignIn.customEnvironment(o);
        Path file = vaultFile(o, dataDir);
        if (!Vault.exists(file)) {
            throw new UsageException("No vault at " + file + ": run apply with --remember-sign-in first (or the app "
                    + "with \"Remember sign-in\"), or name the vault with --vault.");
        }
        Vault vault;
        try {
            Secret password = CliVaultPassword.read(o, io, false, file);
            vault = Vault.open(file, password);
            CliVaultPassword.remember(o, io, file, password);
        } catch (VaultException e) {
            throw new UsageException("Vault " + file + ": " + CliVaultPassword.words(e) + " [" + e.code() + "]");
        }
        try {
            if (vault.isReadOnly()) {
                throw new UsageException("The vault " + file + " can only be read (its folder is read-only or "
                        + "another eMite Setup has it open, for example the window), so this run could not record "
                        + "what it does. Nothing was done: close the other one, or let it finish, and run again.");
            }
            OrgRecord record = OrgChoice.pick(vault.contents().orgs(), o.value("--org"));
            UpkeepSignInService.SignInChoice which = CliSignIn.signInChoice(o);
            // Only keep-licences does its work with the upkeep sign-in's few rights: the other commands (plan, apply,
            // rotate-secrets with --org alone) take the admin's remembered client first when the vault keeps one.
            boolean adminFirst = o.command() != Command.KEEP_LICENCES && !o.has("--sign-in");
            UpkeepSignInService.Credentials remembered = (adminFirst ? UpkeepSignInService.signIn(record,
                    UpkeepSignInService.SignInChoice.ADMIN) : Optional.<UpkeepSignInService.Credentials>empty())
                    .or(() -> UpkeepSignInService.signIn(record, which)).orElseThrow(() ->
                    new UsageException(which == UpkeepSignInService.SignInChoice.UPKEEP
                            ? "The vault keeps no upkeep sign-in (" + UpkeepNeed.CLIENT_NAME + ") for "
                            + OrgChoice.label(record) + ". Make it once with apply --with-upkeep-client (or the "
                            + "app's \"Create the upkeep sign-in\"), or leave out --sign-in upkeep."
                            : "The vault keeps no sign-in client for " + OrgChoice.label(record) + ". Make the "
                            + "upkeep sign-in once with apply --with-upkeep-client, or run apply once with "
                            + "--client-id ID --client-secret-env VAR --remember-sign-in (or tick \"Remember "
                            + "sign-in\" in the app), or give --client-id here."));
            Environment env = CliSignIn.rememberedEnvironment(o, custom, record);
            Connection c;
            try {
                c = new SignInService(DemoSandbox.shaped(3, 40, true, true), CliSignIn.clientSettings(o))
                        .keepingSizeLimitsIn(dataDir)
                        .clientCredentials(env, remembered.clientId(), remembered.secret());
            } catch (SignInException e) {
                if (!remembered.upkeep() || !(e.status() == 401 || "invalid_client".equals(e.code()))) {
                    throw e;
                }
                // Its secret was renewed elsewhere (Admin > OAuth, another vault) or a rotation was cut off.
                throw new UsageException("Genesys Cloud did not accept the secret the vault keeps for the upkeep "
                        + "sign-in (" + UpkeepNeed.CLIENT_NAME + ") of " + OrgChoice.label(record) + ": it was "
                        + "renewed elsewhere, or a rotation stopped before the new one was saved. Nothing was done. "
                        + "Issue a new one into this vault, as the admin: rotate-secrets --upkeep-client.");
            }
            CliSession s = new CliSession(dataDir, c);
            s.vault = vault;
            s.vaultFile = file;
            if (!c.org().id().equals(record.orgId())) {
                s.close();
                throw new UsageException("The remembered sign-in client of " + OrgChoice.label(record) + " signed in "
                        + "to another org (" + c.org().name() + "). Nothing was changed. Check --region or "
                        + "--api-base, or remember the right client again.");
            }
            s.store = new VaultRunStore(vault, record.orgId());
            return s;
        } catch (RuntimeException e) {
            if (!vault.isLocked()) {
                try {
                    vault.close();
                } catch (VaultException ignored) {
                    // nothing was changed in it
                }
            }
            throw e;
        }
    }

    /** The vault file: {@code --vault} or {@code default.emitevault} in the data folder. */
    static Path vaultFile(CliOptions o, Path dataDir) {
        return o.has("--vault") ? Paths.get(o.value("--vault")).toAbsolutePath().normalize()
                : dataDir.resolve("default" + Vault.EXTENSION);
    }

    /**
     * Keeps the admin client this session signed in with in the org's vault record (--remember-sign-in), so that an
     * unattended run can sign in later. False when this session did not sign in with a client id and secret.
     */
    boolean rememberSignIn() {
        if (vault == null || signInSecret == null) {
            return false;
        }
        vault.contents().org(connection.org().id()).rememberAdminClient(signInClientId, signInSecret);
        try {
            vault.save();
        } catch (VaultException e) {
            throw new UsageException("Vault " + vaultFile + ": " + CliVaultPassword.words(e) + " [" + e.code() + "]");
        }
        return true;
    }

    /**
     * Opens the vault for the signed-in org: an existing vault is unlocked; a missing one is created when
     * {@code create}, otherwise the run goes on without it (every existing client's secret then counts as unknown).
     */
    void openVault(CliOptions o, CliIO io, boolean create) {
        if (o.has("--org") && !o.value("--org").trim().equalsIgnoreCase(connection.org().shortName())) {
            throw new UsageException("You signed in to " + connection.org().name() + " (short name "
                    + connection.org().shortName() + "), not to --org " + o.value("--org").trim() + ". Nothing was "
                    + "done. Leave out the sign-in options to use the org's remembered sign-in client.");
        }
        if (vault != null) {
            return; // opened already, by the sign-in with the org's remembered client
        }
        Path file = vaultFile(o, dataDir);
        vaultFile = file;
        boolean exists = Vault.exists(file);
        if (!exists && !create) {
            store = new MemoryRunStore();
            storeNote = "No vault at " + file + " yet: apply creates it. Until then every existing client's secret "
                    + "counts as unknown.";
            return;
        }
        Secret password = CliVaultPassword.read(o, io, !exists, file);
        try {
            if (o.has("--restore-backup") && exists) {
                vault = Vault.restoreBackup(file, password);
                io.err().println("Restored the vault " + file + " from its backup copy (the damaged file is kept "
                        + "beside it for support).");
            } else {
                vault = exists ? Vault.open(file, password)
                        : Vault.create(file, password, io.newVaultKdf());
            }
        } catch (VaultException e) {
            throw new UsageException("Vault " + file + ": " + CliVaultPassword.words(e) + " [" + e.code() + "]");
        }
        CliVaultPassword.remember(o, io, file, password);
        if (vault.isReadOnly()) {
            throw new UsageException("The vault " + file + " can only be read (its folder is read-only or another "
                    + "eMite Setup has it open), so no secret could be kept. Close the other one or choose a "
                    + "vault you can write with --vault.");
        }
        store = new VaultRunStore(vault, () -> api.organization().id());
        if (!exists) {
            storeNote = "Created the vault " + file + ".";
        }
    }

    OrgApi.CallCount calls() {
        return api.calls();
    }

    @Override
    public void close() {
        if (vault != null) {
            try {
                vault.close();
            } catch (VaultException e) {
                // Every save already happened; closing only drops keys and the lock.
            }
        }
        connection.closeKeepingToken();
    }
}
