package com.emite.setup.genesys;

import com.emite.setup.common.Secret;
import com.emite.setup.contract.ApiContract;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Browser sign-in with Authorization Code + PKCE (RFC 7636 S256, RFC 8252 loopback redirect; reference §2.3).
 *
 * <p>{@link GenesysClient#startBrowserSignIn} binds a one-shot HTTP listener on 127.0.0.1 (a free port, or the fixed
 * port registered on the PKCE OAuth client), opens the browser at {@code /oauth/authorize} through the
 * {@link BrowserOpener}, and {@link #await()} waits for the redirect, checks {@code state}, shows the browser a small
 * "you can close this window" page, exchanges code + verifier and signs the client in. The listener closes after the
 * callback that carries this sign-in's {@code state}, on timeout and on {@link #cancel()}.
 *
 * <p>Any local process or web page can reach the loopback port, so nothing it sends may end or stall the sign-in: a
 * callback with a wrong or missing {@code state} is answered 400 and the listener keeps waiting for the right one; the
 * {@link LoopbackListener} reads each request within a short deadline on several threads.
 */
public final class BrowserSignIn implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String VERIFIER_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    /**
     * Settings of one browser sign-in.
     *
     * @param clientId     id of a PKCE OAuth client of the org (the sandbox has one)
     * @param port         listener port on 127.0.0.1: the port registered on the PKCE client (reference §2.3 expects
     *                     an exact match); 0 picks a free one, which only a lenient login service accepts
     * @param redirectHost host written into the redirect URI: {@code 127.0.0.1} or {@code localhost}, as registered
     * @param callbackPath path of the redirect URI (default {@link ApiContract#PKCE_REDIRECT_PATH})
     * @param timeout      how long to wait for the browser
     */
    public record Options(String clientId, int port, String redirectHost, String callbackPath, Duration timeout) {
        public Options {
            Objects.requireNonNull(clientId, "clientId");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port");
            }
            redirectHost = redirectHost == null ? "127.0.0.1" : redirectHost;
            if (!redirectHost.equals("127.0.0.1") && !redirectHost.equals("localhost")) {
                throw new IllegalArgumentException("The redirect host must be 127.0.0.1 or localhost");
            }
            callbackPath = callbackPath == null || callbackPath.isEmpty() ? ApiContract.PKCE_REDIRECT_PATH
                    : callbackPath.startsWith("/") ? callbackPath : "/" + callbackPath;
            timeout = timeout == null ? Duration.ofMinutes(5) : timeout;
        }

        /**
         * A free port, {@code http://127.0.0.1:<port>/callback}, 5 minutes: only for a login service that accepts any
         * loopback port ({@link ApiContract#LOOPBACK_REDIRECT_ANY_PORT}, e.g. the sandbox). Use {@link #standard}
         * against Genesys Cloud.
         */
        public static Options of(String clientId) {
            return new Options(clientId, 0, null, null, null);
        }

        /**
         * The registered redirect URI {@code http://127.0.0.1:}{@link ApiContract#PKCE_REDIRECT_PORT}{@code /callback}
         * (reference §2.3: exact match, a fixed port), 5 minutes.
         */
        public static Options standard(String clientId) {
            return new Options(clientId, ApiContract.PKCE_REDIRECT_PORT, null, null, null);
        }

        /** A fixed port (what the PKCE client registered), {@code /callback}, 5 minutes. */
        public static Options onPort(String clientId, int port) {
            return new Options(clientId, port, null, null, null);
        }
    }

    private record Callback(Secret code) {
    }

    private final GenesysClient client;
    private final Options options;
    private final LoopbackListener listener;
    private final CompletableFuture<Callback> callback = new CompletableFuture<>();
    private final Secret verifier;
    private final String state;
    private final String redirectUri;
    private final URI authorizeUri;
    private volatile boolean closed;

    private BrowserSignIn(GenesysClient client, Options options) throws IOException {
        this.client = client;
        this.options = options;
        this.verifier = newVerifier();
        this.state = randomToken(24);
        this.listener = new LoopbackListener(options.port(), this::handle);
        int port = listener.port();
        this.redirectUri = "http://" + options.redirectHost() + ":" + port + options.callbackPath();
        this.authorizeUri = client.authorizeUrl(options.clientId(), redirectUri, challenge(verifier), state).uri();
    }

    static BrowserSignIn start(GenesysClient client, Options options, BrowserOpener opener) {
        BrowserSignIn s;
        try {
            s = new BrowserSignIn(client, options);
        } catch (IOException e) {
            throw new SignInException(0, null, null, "Cannot listen on 127.0.0.1:" + options.port() + ": "
                    + e.getMessage(), options.port() == 0
                    ? "Could not open a local port for the browser sign-in."
                    : "Port " + options.port() + " on this computer is in use, so the browser sign-in cannot "
                    + "receive its answer. Close the program using it, or use another port.", null, e);
        }
        s.listener.start();
        Transport.LOG.info(() -> "Browser sign-in: waiting for the browser on " + s.redirectUri);
        try {
            opener.open(s.authorizeUri);
        } catch (Exception e) {
            s.close();
            throw new SignInException(0, null, null, "Could not open the browser: " + e.getClass().getSimpleName(),
                    "The browser could not be opened for sign-in. Open it yourself and sign in, or use another "
                            + "sign-in method.", null, e);
        }
        return s;
    }

    /** The address the browser is sent to (holds the challenge and state, no secret). */
    public URI authorizeUri() {
        return authorizeUri;
    }

    /** The redirect URI the listener answers on; it must be registered on the PKCE OAuth client. */
    public String redirectUri() {
        return redirectUri;
    }

    /**
     * Waits for the browser (up to the timeout), exchanges the code and signs the client in. Closes the listener.
     *
     * @throws SignInException    on refusal, timeout or a refused code (a callback with a foreign state is ignored)
     * @throws CancelledException when {@link #cancel()} was called or the thread was interrupted
     */
    public AccessToken await() {
        Callback cb;
        try {
            cb = callback.get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new SignInException(0, "timeout", null, "No answer from the browser within " + options.timeout(),
                    "No answer came back from the browser within " + minutes(options.timeout())
                            + ". Try signing in again.", null, null);
        } catch (CancellationException e) {
            throw new CancelledException(0, null, null, "Browser sign-in cancelled", "Sign-in was cancelled.", null,
                    null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException(0, null, null, "Browser sign-in interrupted", "Sign-in was cancelled.",
                    null, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GenesysApiException g) {
                throw g;
            }
            throw new SignInException(0, null, null, "Browser sign-in failed", "Sign-in failed.", null, e);
        } finally {
            close();
        }
        return client.exchangePkceCode(options.clientId(), cb.code(), verifier, redirectUri);
    }

    /** Stops waiting: {@link #await()} throws {@link CancelledException} and the listener closes. */
    public void cancel() {
        callback.cancel(false);
        close();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        callback.cancel(false);
        listener.close();
    }

    /**
     * One request to the listener. Only a callback carrying this sign-in's {@code state} settles the sign-in; anything
     * else is answered and ignored, so a stray or hostile request can neither end nor spoil it.
     */
    private LoopbackListener.Reply handle(String method, URI target) {
        if (callback.isDone()) {
            return page(400, "Sign-in already answered", "This sign-in has already received its answer. "
                    + "You can close this window.");
        }
        if (!"GET".equals(method) || !options.callbackPath().equals(target.getPath())) {
            return page(404, "Not found", "This address is only for the eMite Setup sign-in.");
        }
        Map<String, String> q = query(target.getRawQuery());
        String error = q.get("error");
        String code = q.get("code");
        if (error == null && code == null) {
            return page(400, "Waiting for sign-in", "This page expects an answer from Genesys Cloud.");
        }
        if (!constantTimeEquals(state, q.get("state"))) {
            Transport.LOG.info("Browser sign-in: ignored a callback that did not carry this sign-in's state");
            return page(400, "Not this sign-in", "This answer does not belong to the sign-in eMite Setup is "
                    + "waiting for, so it was ignored. If you are signing in, finish in the browser window eMite "
                    + "Setup opened.");
        }
        if (error != null) {
            String description = q.getOrDefault("error_description", error);
            callback.completeExceptionally(new SignInException(0, error, null,
                    "Browser sign-in refused: " + error, "Genesys Cloud did not complete the sign-in ("
                    + Redaction.text(description) + ")" + ("access_denied".equals(error)
                    ? ". Access was denied." : ". Check the OAuth client id and its redirect URI."), null, null));
            return page(200, "Sign-in did not complete",
                    "Genesys Cloud said: " + description + ". You can close this window.");
        }
        if (!callback.complete(new Callback(Secret.of(code)))) {
            return page(400, "Sign-in already answered", "This sign-in has already received its answer.");
        }
        return page(200, "Signed in", "You are signed in to Genesys Cloud. You can close this window and "
                + "return to eMite Setup.");
    }

    private static LoopbackListener.Reply page(int status, String title, String text) {
        String html = "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head><body style=\"font-family:sans-serif;margin:3em\"><h1>" + escape(title)
                + "</h1><p>" + escape(text) + "</p></body></html>";
        return new LoopbackListener.Reply(status, html);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int i = pair.indexOf('=');
            String k = URLDecoder.decode(i < 0 ? pair : pair.substring(0, i), StandardCharsets.UTF_8);
            String v = i < 0 ? "" : URLDecoder.decode(pair.substring(i + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    private static boolean constantTimeEquals(String a, String b) {
        return b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String minutes(Duration d) {
        long m = d.toMinutes();
        return m >= 1 ? m + (m == 1 ? " minute" : " minutes") : d.toSeconds() + " seconds";
    }

    /** A 64-character verifier from the unreserved set (RFC 7636 §4.1: 43–128). */
    static Secret newVerifier() {
        char[] c = new char[64];
        for (int i = 0; i < c.length; i++) {
            c[i] = VERIFIER_CHARS.charAt(RANDOM.nextInt(VERIFIER_CHARS.length()));
        }
        return Secret.of(c);
    }

    /** BASE64URL(SHA-256(verifier)) without padding (RFC 7636 §4.2, S256). */
    static String challenge(Secret verifier) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(verifier.reveal().getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
