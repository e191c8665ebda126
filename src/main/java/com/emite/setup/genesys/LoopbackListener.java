package com.emite.setup.genesys;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The small HTTP/1.1 listener on 127.0.0.1 that receives the browser's redirect. Written for this one job instead of
 * the JDK's {@code HttpServer} because any local process or web page can reach a loopback port, and:
 * <ul>
 * <li>every connection gets a short overall deadline to send its request line and headers ({@link #REQUEST_DEADLINE})
 *     and is then closed, so a connection that sends nothing, or one byte a second, cannot hold a thread;</li>
 * <li>several threads read requests, so a few such connections at once cannot block the real callback either;</li>
 * <li>only the request line and headers are read (at most {@link #MAX_HEAD} bytes), one request per connection.</li>
 * </ul>
 * The request line carries the authorization code: nothing here logs it.
 */
final class LoopbackListener implements AutoCloseable {
    /** How long one connection may take to send its request line and headers. */
    static final Duration REQUEST_DEADLINE = Duration.ofSeconds(2);
    static final int MAX_HEAD = 16 * 1024;
    static final int THREADS = 8;
    private static final int QUEUED_CONNECTIONS = 64;
    /** How long closing waits for the acceptor to let go of the port; it takes microseconds on an idle machine. */
    private static final long ACCEPTOR_EXIT_WAIT_MS = 2000;

    /** What the listener hands to its owner: one parsed request, answered through {@link Reply}. */
    interface Handler {
        Reply handle(String method, URI target);
    }

    /** One answer: status and a small HTML page. */
    record Reply(int status, String html) {
    }

    private final ServerSocket socket;
    private final Handler handler;
    private final ThreadPoolExecutor readers;
    private final Thread acceptor;
    private final long deadlineMillis;
    private volatile boolean closed;

    LoopbackListener(int port, Handler handler) throws IOException {
        this(port, handler, REQUEST_DEADLINE);
    }

    LoopbackListener(int port, Handler handler, Duration requestDeadline) throws IOException {
        this.handler = handler;
        this.deadlineMillis = Math.max(1, requestDeadline.toMillis());
        // The platform's default address reuse: on Linux and macOS a fixed port can be bound again at once although
        // the last sign-in's connections linger in TIME_WAIT; on Windows the JDK binds exclusively, so no other
        // process can bind the same port beside us.
        this.socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 50);
        this.readers = new ThreadPoolExecutor(THREADS, THREADS, 1, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUED_CONNECTIONS), r -> daemon(r, "genesys-sign-in-reader"));
        readers.allowCoreThreadTimeOut(true);
        this.acceptor = daemon(this::acceptLoop, "genesys-sign-in-listener");
    }

    void start() {
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = socket.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            try {
                readers.execute(() -> serve(s));
            } catch (RejectedExecutionException e) {
                // A flood of connections: drop the extra ones rather than queue without end.
                closeQuietly(s);
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            long deadline = System.currentTimeMillis() + deadlineMillis;
            String requestLine = readHead(s, deadline);
            if (requestLine == null) {
                return;
            }
            Reply reply = parseAndHandle(requestLine);
            write(s.getOutputStream(), reply);
        } catch (IOException | RuntimeException e) {
            // A connection that timed out, broke or sent garbage: nothing to do but close it.
        }
    }

    private Reply parseAndHandle(String requestLine) {
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            return new Reply(400, "");
        }
        URI target;
        try {
            target = new URI(parts[1]);
        } catch (URISyntaxException e) {
            return new Reply(400, "");
        }
        return handler.handle(parts[0], target);
    }

    /**
     * Reads up to the empty line that ends the headers, within the deadline. Returns the request line, or null when
     * the connection sent nothing useful in time.
     */
    private static String readHead(Socket s, long deadline) throws IOException {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        while (head.size() < MAX_HEAD) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return null;
            }
            s.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException | SocketException e) {
                return null;
            }
            if (b < 0) {
                return null;
            }
            head.write(b);
            if (b == '\n' && endsHead(head)) {
                break;
            }
        }
        if (head.size() >= MAX_HEAD) {
            return null;
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int eol = text.indexOf('\n');
        return (eol < 0 ? text : text.substring(0, eol)).strip();
    }

    /** The headers end with an empty line: CRLF CRLF, or a bare LF LF from a lax client. */
    private static boolean endsHead(ByteArrayOutputStream head) {
        String tail = head.toString(StandardCharsets.ISO_8859_1);
        return tail.endsWith("\r\n\r\n") || tail.endsWith("\n\n");
    }

    private static void write(OutputStream out, Reply reply) throws IOException {
        byte[] body = reply.html().getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + reply.status() + " " + reason(reply.status()) + "\r\n"
                + "Content-Type: text/html; charset=utf-8\r\n"
                + "Cache-Control: no-store\r\n"
                + "Referrer-Policy: no-referrer\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            default -> "Error";
        };
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        // While the acceptor is blocked in accept(), the JDK only releases the port once that thread has woken up
        // (Linux): without this wait a sign-in started at once on the same fixed port could find it still in use
        // (seen in a loop of test runs on a busy machine).
        if (Thread.currentThread() != acceptor && acceptor.isAlive()) {
            try {
                acceptor.join(ACCEPTOR_EXIT_WAIT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // Requests being read or answered finish on their own within the deadline, so the page that says
        // "signed in" is not cut off by the sign-in closing the listener as soon as it has the code.
        readers.shutdown();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing useful to do
        }
    }
}
