package com.emite.setup.genesys;

import com.emite.setup.genesys.model.ErrorBody;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns HTTP failures into typed exceptions with plain-language messages. Never puts a body into a message. */
final class ErrorMapper {
    private static final Pattern PERMISSION = Pattern.compile("\\b[A-Za-z][\\w-]*:[A-Za-z*][\\w*-]*:[A-Za-z*][\\w*-]*\\b");
    private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");
    private static final String VERSION_MISMATCH = "does not match the current version";
    private static final String ASK_ADMIN = "ask a Genesys Cloud admin to give you the Master Admin role, or a role that has ";

    private final Gson gson;

    ErrorMapper(Gson gson) {
        this.gson = gson;
    }

    /** An error answer from {@code /api/v2}. */
    GenesysApiException map(int status, String body, String contentType, String correlationId, String operation,
                            SignInMethod method) {
        if (looksLikeHtml(body, contentType) && status < 500) {
            return proxyPage(status, body, correlationId, operation);
        }
        ErrorBody eb = parseErrorBody(body);
        String code = eb == null ? null : eb.code();
        String contextId = eb != null && eb.contextId() != null ? eb.contextId() : correlationId;
        String apiMessage = eb == null || eb.message() == null ? null : Redaction.text(eb.message());
        String tech = "Failed to " + operation + (apiMessage == null ? "" : ": " + apiMessage);
        String what = operation;
        switch (status) {
            case 401:
                return new NotSignedInException(status, code, contextId, tech,
                        "You are not signed in to Genesys Cloud, or your sign-in has expired. Sign in again.", eb,
                        null);
            case 403:
                return missingPermission(status, code, contextId, tech, eb, apiMessage, method);
            case 404:
                return new NotFoundException(status, code, contextId, tech,
                        "Genesys Cloud could not find what was asked for while trying to " + what
                                + ". It may have been deleted in the meantime.", eb, null);
            case 409:
                return new ConflictException(status, code, contextId, tech,
                        "Genesys Cloud reported a conflict while trying to " + what
                                + (apiMessage == null ? "" : ": " + apiMessage)
                                + ". Someone may have changed the same object at the same time; try again.", eb,
                        (code != null && code.toLowerCase(Locale.ROOT).contains("version"))
                                || (apiMessage != null && apiMessage.toLowerCase(Locale.ROOT).contains("version")));
            case 429:
                return rateLimited(code, contextId, tech, eb, Duration.ZERO);
            default:
                break;
        }
        if (status == 400 && apiMessage != null && apiMessage.toLowerCase(Locale.ROOT).contains(VERSION_MISMATCH)) {
            return new ConflictException(status, code, contextId, tech,
                    "Someone changed this object in Genesys Cloud while we were trying to " + what + "; try again.",
                    eb, true);
        }
        if (status >= 500) {
            String proxy = looksLikeHtml(body, contentType) ? proxyNote(body) : "";
            return new ServerUnavailableException(status, code, contextId, tech + proxy,
                    "Genesys Cloud is not answering properly right now (HTTP " + status + proxy
                            + "). Try again in a few minutes.", eb, null);
        }
        if (status >= 300 && status < 400) {
            return new MalformedResponseException(status, code, contextId, tech + " (redirected)",
                    "Something between this computer and Genesys Cloud redirected the request (HTTP " + status
                            + "), as a proxy or a network login page does. Check the network, or ask IT.", eb, null);
        }
        return new BadRequestException(status, code, contextId, tech,
                "Genesys Cloud refused to " + what + (apiMessage == null ? " (HTTP " + status + ")" : ": "
                        + apiMessage), eb, null);
    }

    GenesysApiException rateLimited(String code, String contextId, String tech, ErrorBody eb, Duration retryAfter) {
        return new RateLimitedException(code == null ? "too.many.requests" : code, contextId, tech,
                "Genesys Cloud asked us to slow down and kept doing so. Wait a minute or two and try again; "
                        + "work already done is kept.", eb, retryAfter);
    }

    private GenesysApiException missingPermission(int status, String code, String contextId, String tech,
                                                  ErrorBody eb, String apiMessage, SignInMethod method) {
        List<String> perms = permissionsOf(eb);
        String who = method == SignInMethod.CLIENT_CREDENTIALS ? "The OAuth client you signed in with" : "Your account";
        String fix = method == SignInMethod.CLIENT_CREDENTIALS
                ? "give that OAuth client the Master Admin role, or a role that has "
                : ASK_ADMIN;
        String user;
        if ("missing.any.permissions".equals(code) && !perms.isEmpty()) {
            user = who + " needs at least one of the permissions " + String.join(", ", perms) + " — " + fix
                    + "one of them.";
        } else if (perms.size() == 1) {
            user = who + " lacks the permission " + perms.get(0) + " — " + fix + "it.";
        } else if (!perms.isEmpty()) {
            user = who + " lacks the permissions " + String.join(", ", perms) + " — " + fix + "them.";
        } else {
            user = "Genesys Cloud did not allow this (" + (code == null ? "HTTP 403" : code) + ")"
                    + (apiMessage == null ? "" : ": " + apiMessage) + ". Ask a Genesys Cloud admin to check "
                    + (method == SignInMethod.CLIENT_CREDENTIALS ? "the OAuth client's roles." : "your roles.");
        }
        return new MissingPermissionException(status, code, contextId, tech, user, eb, perms);
    }

    static List<String> permissionsOf(ErrorBody eb) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (eb == null) {
            return List.of();
        }
        Map<String, String> params = eb.messageParams();
        if (params != null) {
            for (String v : params.values()) {
                collect(v, out);
            }
        }
        if (out.isEmpty()) {
            collect(eb.message(), out);
        }
        return new ArrayList<>(out);
    }

    private static void collect(String text, LinkedHashSet<String> out) {
        if (text == null) {
            return;
        }
        Matcher m = PERMISSION.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
    }

    ErrorBody parseErrorBody(String body) {
        if (body == null || body.isBlank() || !body.trim().startsWith("{")) {
            return null;
        }
        try {
            return gson.fromJson(body, ErrorBody.class);
        } catch (JsonParseException | IllegalStateException e) {
            return null;
        }
    }

    /** An OAuth-style error from {@code /oauth/token}: {@code {"error":…,"description"|"error_description":…}}. */
    SignInException tokenError(int status, String body, String contentType, String grant) {
        String error = null;
        String description = null;
        if (body != null && body.trim().startsWith("{")) {
            try {
                JsonObject o = gson.fromJson(body, JsonObject.class);
                error = string(o, "error");
                description = string(o, "error_description");
                if (description == null) {
                    description = string(o, "description");
                }
                if (description == null) {
                    description = string(o, "message");
                }
                if (error == null) {
                    error = string(o, "code");
                }
            } catch (RuntimeException e) {
                // not JSON after all
            }
        }
        description = Redaction.text(description);
        String user;
        if (looksLikeHtml(body, contentType) && error == null) {
            user = "Sign-in failed: something between this computer and Genesys Cloud answered instead (HTTP "
                    + status + proxyNote(body) + "). Check the network or proxy.";
        } else if ("invalid_client".equals(error) || (status == 401 && "client_credentials".equals(grant))) {
            user = "Genesys Cloud did not accept the client id and secret. Check both, and that the OAuth client "
                    + "uses the Client Credentials grant and is active.";
        } else if ("invalid_grant".equals(error)) {
            user = "Genesys Cloud refused the sign-in code (it may have expired or been used already). "
                    + "Sign in again.";
        } else if ("unauthorized_client".equals(error)) {
            user = "This OAuth client may not use this kind of sign-in. Check its grant type in Admin > OAuth.";
        } else {
            user = "Sign-in to Genesys Cloud failed" + (description == null ? " (HTTP " + status + ")" : ": "
                    + description) + ".";
        }
        return new SignInException(status, error, null, "Token request (" + grant + ") failed"
                + (description == null ? "" : ": " + description), user, null, null);
    }

    private static String string(JsonObject o, String name) {
        return o.has(name) && o.get(name).isJsonPrimitive() ? o.get(name).getAsString() : null;
    }

    NetworkException network(IOException e, String host, String operation) {
        String reason;
        if (e instanceof UnknownHostException) {
            reason = "the address " + host + " could not be found (check the region and your network)";
        } else if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            reason = "no connection could be made to " + host;
        } else if (e instanceof SocketTimeoutException) {
            reason = host + " did not answer in time";
        } else if (e instanceof javax.net.ssl.SSLException) {
            reason = "the secure connection to " + host + " failed (a proxy may be intercepting it)";
        } else {
            reason = "the connection to " + host + " broke off";
        }
        return new NetworkException(0, null, null, "Failed to " + operation + ": " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + Redaction.text(e.getMessage())),
                "Could not reach Genesys Cloud: " + reason + ". Check your internet connection or proxy, then try "
                        + "again.", null, e);
    }

    MalformedResponseException malformed(int status, String body, String contentType, String correlationId,
                                          String operation, Throwable cause) {
        if (looksLikeHtml(body, contentType)) {
            return proxyPage(status, body, correlationId, operation);
        }
        String shape = body == null || body.isBlank() ? "an empty answer" : "an answer that is not valid JSON";
        return new MalformedResponseException(status, null, correlationId,
                "Failed to " + operation + ": " + shape + " (" + (body == null ? 0 : body.length()) + " characters, "
                        + (contentType == null ? "no content type" : contentType) + ")",
                "Genesys Cloud's answer could not be read (" + shape + "; it may have been cut off). Try again; if "
                        + "it keeps happening, a proxy may be interfering.", null, cause);
    }

    private MalformedResponseException proxyPage(int status, String body, String correlationId, String operation) {
        String note = proxyNote(body);
        return new MalformedResponseException(status, null, correlationId,
                "Failed to " + operation + ": an HTML page instead of JSON" + note,
                "Something between this computer and Genesys Cloud answered instead of Genesys Cloud (HTTP " + status
                        + note + "), as a proxy or firewall does. Check the network, or ask your IT team.", null,
                null);
    }

    /** {@code , page "title"} for an HTML body, else empty. */
    static String proxyNote(String body) {
        if (body == null) {
            return "";
        }
        Matcher m = TITLE.matcher(body);
        if (m.find()) {
            String t = m.group(1).replaceAll("\\s+", " ").trim();
            if (t.length() > 80) {
                t = t.substring(0, 80) + "…";
            }
            return t.isEmpty() ? ", an HTML page" : ", page \"" + Redaction.text(t) + "\"";
        }
        return ", an HTML page";
    }

    static boolean looksLikeHtml(String body, String contentType) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html")) {
            return true;
        }
        return body != null && body.stripLeading().startsWith("<");
    }

    static boolean isInterruption(IOException e) {
        return e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException);
    }
}
