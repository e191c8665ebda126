package com.emite.setup.genesys;

import okhttp3.HttpUrl;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Removes secrets from text that may reach a log or an exception message. */
final class Redaction {
    static final String MASK = "[REDACTED]";
    /** Names whose values are secret, in JSON, form bodies and query strings. */
    static final Set<String> SECRET_NAMES = Set.of("authorization", "client_secret", "access_token", "secret",
            "code_verifier", "refresh_token", "code", "password", "id_token", "token");

    private static final Pattern JSON_FIELD = Pattern.compile(
            "\"(authorization|client_secret|access_token|secret|code_verifier|refresh_token|code|password|id_token|token)\""
                    + "\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*\"?", Pattern.CASE_INSENSITIVE);
    private static final Pattern FORM_FIELD = Pattern.compile(
            "(?<=^|[?&\\s])(authorization|client_secret|access_token|secret|code_verifier|refresh_token|code|password|id_token|token)=[^&\\s]*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer|basic)\\s+[A-Za-z0-9._~+/=-]+");

    private Redaction() {
    }

    static boolean isSecretName(String name) {
        return name != null && SECRET_NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    /** A URL for the log: sensitive query values masked. */
    static String url(HttpUrl url) {
        if (url.querySize() == 0) {
            return url.toString();
        }
        HttpUrl.Builder b = url.newBuilder().query(null);
        for (int i = 0; i < url.querySize(); i++) {
            String name = url.queryParameterName(i);
            b.addQueryParameter(name, isSecretName(name) ? "REDACTED" : url.queryParameterValue(i));
        }
        return b.build().toString();
    }

    /** Free text (a body excerpt, an error message): JSON fields, form fields and auth headers masked. */
    static String text(String s) {
        if (s == null) {
            return null;
        }
        Matcher m = JSON_FIELD.matcher(s);
        String out = m.replaceAll(r -> Matcher.quoteReplacement("\"" + r.group(1) + "\":\"" + MASK + "\""));
        out = FORM_FIELD.matcher(out).replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "=" + MASK));
        out = BEARER.matcher(out).replaceAll(r -> Matcher.quoteReplacement(r.group(1) + " " + MASK));
        return out;
    }
}
