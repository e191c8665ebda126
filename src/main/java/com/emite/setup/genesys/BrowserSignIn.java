package com.emite.setup.genesys;

import com.emite.setup.common.Secret;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Browser sign-in with Authorization Code + PKCE (RFC 7636 S256, RFC 8252 loopback redirect; reference §2.3).
 *
 * <p>{@link GenesysClient#startBrowserSignIn} binds a one-shot HTTP listener on 127.0.0.1 (a free port, or the fixed
 * port registered on the PKCE OAuth client), opens the browser at {@code /oauth/authorize} through the
 * {@link BrowserOpener}, and {@link #await()} waits for the redirect, checks {@code state}, shows the browser a small
 * "you can close this window" page, exchanges code + verifier and signs the client in. The listener closes after one
 * callback, on timeout and on {@link #cancel()}.
 */
public final class BrowserSignIn implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * The JDK's HTTP server logs each request line at FINE, and ours carries the authorization code: that logger is
     * capped at INFO (held here so the setting is not garbage-collected).
     */
    private static final java.util.logging.Logger JDK_SERVER_LOG = java.util.logging.Logger.getLogger(
            "com.sun.net.httpserver");
    private static final String VERIFIER_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    /**
     * Settings of one browser sign-in.
     *
     * @param clientId     id of a PKCE OAuth client of the org (the sandbox has one)
     * @param port         listener port on 127.0.0.1; 0 picks a free one (then the client must accept any port)
     * @param redirectHost host written into the redirect URI: {@code 127.0.0.1} or {@code localhost}, as registered
     * @param callbackPath path of the redirect URI, e.g. {@code /callback}
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
            callbackPath = callbackPath == null || callbackPath.isEmpty() ? "/callback"
                    : callbackPath.startsWith("/") ? callbackPath : "/" + callbackPath;
            timeout = timeout == null ? Duration.ofMinutes(5) : timeout;
        }

        /** A free port, {@code http://127.0.0.1:<port>/callback}, 5 minutes. */
        public static Options of(String clientId) {
            return new Options(clientId, 0, null, null, null);
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
    private final HttpServer server;
    private final ExecutorService executor;
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
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), options.port()), 4);
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "genesys-sign-in-listener");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        int port = server.getAddress().getPort();
        this.redirectUri = "http://" + options.redirectHost() + ":" + port + options.callbackPath();
        this.authorizeUri = client.authorizeUrl(options.clientId(), redirectUri, challenge(verifier), state).uri();
    }

    static BrowserSignIn start(GenesysClient client, Options options, BrowserOpener opener) {
        java.util.logging.Level l = JDK_SERVER_LOG.getLevel();
        if (l == null || l.intValue() < java.util.logging.Level.INFO.intValue()) {
            JDK_SERVER_LOG.setLevel(java.util.logging.Level.INFO);
        }
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
        s.server.start();
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
     * @throws SignInException    on refusal, state mismatch, timeout or a refused code
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
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            if (!"GET".equals(ex.getRequestMethod()) || !options.callbackPath().equals(ex.getRequestURI().getPath())) {
                respond(ex, 404, "Not found", "This address is only for the eMite Setup sign-in.");
                return;
            }
            Map<String, String> q = query(ex.getRequestURI().getRawQuery());
            String error = q.get("error");
            String code = q.get("code");
            if (error == null && code == null) {
                respond(ex, 400, "Waiting for sign-in", "This page expects an answer from Genesys Cloud.");
                return;
            }
            if (!constantTimeEquals(state, q.get("state"))) {
                respond(ex, 400, "Sign-in failed",
                        "The answer did not belong to this sign-in. Go back to eMite Setup and try again.");
                callback.completeExceptionally(new SignInException(0, "state_mismatch", null,
                        "Browser sign-in: state mismatch", "The browser's answer did not belong to this sign-in "
                        + "(state mismatch). Try again.", null, null));
                return;
            }
            if (error != null) {
                String description = q.getOrDefault("error_description", error);
                respond(ex, 200, "Sign-in did not complete",
                        "Genesys Cloud said: " + description + ". You can close this window.");
                callback.completeExceptionally(new SignInException(0, error, null,
                        "Browser sign-in refused: " + error, "Genesys Cloud did not complete the sign-in ("
                        + Redaction.text(description) + ")" + ("access_denied".equals(error)
                        ? ". Access was denied." : ". Check the OAuth client id and its redirect URI."), null, null));
                return;
            }
            respond(ex, 200, "Signed in", "You are signed in to Genesys Cloud. You can close this window and "
                    + "return to eMite Setup.");
            callback.complete(new Callback(Secret.of(code)));
        } catch (RuntimeException e) {
            respond(ex, 500, "Sign-in failed", "Something went wrong. Go back to eMite Setup.");
        }
    }

    private static void respond(HttpExchange ex, int status, String title, String text) throws IOException {
        String html = "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head><body style=\"font-family:sans-serif;margin:3em\"><h1>" + escape(title)
                + "</h1><p>" + escape(text) + "</p></body></html>";
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
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
