package com.emite.setup.app;

import com.emite.setup.common.Secret;
import com.emite.setup.contract.ApiContract;
import com.emite.setup.genesys.BrowserOpener;
import com.emite.setup.genesys.BrowserSignIn;
import com.emite.setup.genesys.GenesysClient;
import com.emite.setup.genesys.GenesysClientBuilder;
import com.emite.setup.genesys.SizeLimitsStore;
import com.emite.setup.provision.GenesysOrgApi;
import com.emite.setup.provision.OrgApi;
import com.emite.setup.region.Environment;
import com.emite.setup.region.Region;
import com.emite.setup.sandbox.Sandbox;
import com.emite.setup.sandbox.SandboxConfig;
import com.emite.setup.vault.DataFolder;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Signs in, as the command line's {@code Session} does: the built-in sandbox with its admin client, client
 * credentials, a pasted token, or the browser (PKCE). Every method blocks on the network: call it in a background
 * task. Each returns a {@link Connection} whose org has been read ({@code organizations/me}).
 */
public final class SignInService {
    /**
     * The loopback port of browser sign-in. Genesys Cloud matches redirect URIs exactly, so the admin's PKCE client
     * must name this one: {@code http://127.0.0.1:8765/callback}.
     */
    public static final int BROWSER_PORT = ApiContract.PKCE_REDIRECT_PORT;

    /** What the PKCE OAuth client must have as its redirect URI. */
    public static final String BROWSER_REDIRECT_URI = "http://127.0.0.1:" + BROWSER_PORT
            + ApiContract.PKCE_REDIRECT_PATH;

    /** The offline demo (the same for both faces): see {@link DemoSandbox}. */
    public static final SandboxConfig DEMO_SANDBOX = DemoSandbox.CONFIG;

    private final SandboxConfig sandboxConfig;
    private final UnaryOperator<GenesysClientBuilder> clientSettings;
    private volatile SizeLimitsStore sizeLimits;

    public SignInService(SandboxConfig sandboxConfig) {
        this(sandboxConfig, UnaryOperator.identity());
    }

    /**
     * @param clientSettings adjusts every API client before it is built (the command line's {@code --rate-limit})
     */
    public SignInService(SandboxConfig sandboxConfig, UnaryOperator<GenesysClientBuilder> clientSettings) {
        this.sandboxConfig = Objects.requireNonNull(sandboxConfig);
        this.clientSettings = Objects.requireNonNull(clientSettings);
    }

    /**
     * Every connection from now on starts from the page size and grant batch its org taught an earlier session, and
     * keeps what it learns, in {@code <dataDir>/limits/} (plain: sizes are not secrets). The built-in sandbox's org
     * lives for one session and is left out.
     */
    public SignInService keepingSizeLimitsIn(Path dataDir) {
        Path dir = dataDir.resolve("limits");
        try {
            DataFolder.prepare(dir);
        } catch (IOException e) {
            // Keeping sizes is a saving, never a reason not to sign in: the store tries again when it writes.
        }
        this.sizeLimits = new SizeLimitsStore(dir, Clock.systemUTC());
        return this;
    }

    /** Starts the demo sandbox (standing for {@link DemoSandbox#region()}) and signs in with its admin client. */
    public Connection demo() {
        return sandbox(Optional.of(DemoSandbox.region()));
    }

    /** Starts the sandbox (standing for {@code region}) and signs in with its admin client. */
    public Connection sandbox(Optional<Region> region) {
        Sandbox sb;
        try {
            sb = Sandbox.start(sandboxConfig);
        } catch (RuntimeException | OutOfMemoryError e) {
            throw new SandboxStartException(e);
        }
        try {
            Environment env = Environment.sandbox(URI.create(sb.baseUrl()), region);
            GenesysClient client = clientFor(env);
            client.signInWithClientCredentials(sb.adminClientId(), sb.adminClientSecret());
            return connect(env, client, sb, "with the sandbox's admin client");
        } catch (RuntimeException e) {
            sb.close();
            throw e;
        }
    }

    /** Signs in with an admin OAuth client's id and secret. */
    public Connection clientCredentials(Environment env, String clientId, Secret secret) {
        GenesysClient client = clientFor(env);
        client.signInWithClientCredentials(clientId.trim(), secret);
        return connect(env, client, null, "with the OAuth client " + clientId.trim());
    }

    /** Signs in with a pasted access token (checked before it is kept). */
    public Connection token(Environment env, Secret token) {
        GenesysClient client = clientFor(env);
        client.signInWithToken(token);
        return connect(env, client, null, "with a pasted token");
    }

    /** Starts browser sign-in: the browser opens; {@link PendingBrowserSignIn#await()} waits for it. */
    public PendingBrowserSignIn startBrowser(Environment env, String pkceClientId, BrowserOpener opener) {
        return startBrowser(env, BrowserSignIn.Options.onPort(pkceClientId.trim(), BROWSER_PORT), opener);
    }

    /** Starts browser sign-in with explicit options (the command line's {@code --pkce-port}). */
    public PendingBrowserSignIn startBrowser(Environment env, BrowserSignIn.Options options, BrowserOpener opener) {
        GenesysClient client = clientFor(env);
        BrowserSignIn signIn = client.startBrowserSignIn(options, opener);
        return new PendingBrowserSignIn(this, env, client, signIn);
    }

    Connection connect(Environment env, GenesysClient client, Sandbox sandbox, String how) {
        GenesysOrgApi api = new GenesysOrgApi(client);
        OrgApi.OrgInfo org = api.organization();
        SizeLimitsStore store = sizeLimits;
        if (store != null && sandbox == null) {
            store.attach(org.id(), client.sizeLimits());
        }
        return new Connection(env, client, api, sandbox, org, how);
    }

    private GenesysClient clientFor(Environment env) {
        return clientSettings.apply(GenesysClient.builder(env.apiBaseUrl().toString(),
                env.loginBaseUrl().toString())).build();
    }

    /** A browser sign-in waiting for the browser. */
    public static final class PendingBrowserSignIn {
        private final SignInService service;
        private final Environment env;
        private final GenesysClient client;
        private final BrowserSignIn signIn;

        PendingBrowserSignIn(SignInService service, Environment env, GenesysClient client, BrowserSignIn signIn) {
            this.service = service;
            this.env = env;
            this.client = client;
            this.signIn = signIn;
        }

        /** The address the browser was sent to (no secret in it), for "open it yourself". */
        public URI authorizeUri() {
            return signIn.authorizeUri();
        }

        /** Blocks until the browser comes back (or the timeout, or {@link #cancel()}). */
        public Connection await() {
            signIn.await();
            return service.connect(env, client, null, "in the browser");
        }

        /** From any thread: {@link #await()} then throws a cancellation. */
        public void cancel() {
            signIn.cancel();
        }
    }
}
