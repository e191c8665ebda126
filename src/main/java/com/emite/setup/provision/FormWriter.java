package com.emite.setup.provision;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the Integration Details Form as printable HTML and as JSON, and the change report beside it. A form with
 * secrets says so on its first line and is readable by its owner only (where the file system allows).
 */
public final class FormWriter {
    public static final String FORM_HTML = "emite-integration-form.html";
    public static final String FORM_JSON = "emite-integration-form.json";
    public static final String REPORT_JSON = "emite-change-report.json";
    public static final String REPORT_TEXT = "emite-change-report.txt";

    private FormWriter() {
    }

    /** Writes the form (HTML + JSON) and, if given, the change report into {@code dir}; returns the files written. */
    public static List<Path> write(Path dir, IntegrationForm form, ChangeReport report) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        boolean secret = form.includeSecrets();
        written.add(writeFile(dir.resolve(FORM_HTML), html(form, report), secret));
        written.add(writeFile(dir.resolve(FORM_JSON), json(form), secret));
        if (report != null) {
            written.add(writeFile(dir.resolve(REPORT_JSON), reportJson(report), false));
            written.add(writeFile(dir.resolve(REPORT_TEXT), report.toText(), false));
        }
        return written;
    }

    /** The form as JSON; with secrets, the first member is the warning. */
    public static String json(IntegrationForm f) {
        JsonObject o = new JsonObject();
        if (f.includeSecrets()) {
            o.addProperty("warning", IntegrationForm.SECRETS_WARNING);
        }
        if (!f.newSecrets().isEmpty()) {
            o.addProperty("sendNow", IntegrationForm.SEND_NOW);
        }
        o.addProperty("title", "Genesys Cloud Integration Details Form");
        o.addProperty("generatedAt", f.generatedAt());
        o.addProperty("includesSecrets", f.includeSecrets());
        o.addProperty("organizationName", f.orgName());
        o.addProperty("organizationId", f.orgId());
        o.addProperty("organizationShortName", f.shortName());
        o.addProperty("region", f.regionName());
        o.addProperty("regionId", f.regionId());
        o.addProperty("regionCode", f.emiteCode());
        o.addProperty("redirectUrl", f.redirectUrl());
        o.addProperty("clientAppName", f.clientAppName());
        JsonArray groups = new JsonArray();
        for (IntegrationForm.GroupEntry g : f.groups()) {
            JsonObject go = new JsonObject();
            go.addProperty("name", g.name());
            go.addProperty("id", g.id());
            groups.add(go);
        }
        o.add("groups", groups);
        JsonArray notes = new JsonArray();
        f.notes().forEach(notes::add);
        o.add("notes", notes);
        JsonArray clients = new JsonArray();
        for (IntegrationForm.ClientEntry c : f.clients()) {
            JsonObject co = new JsonObject();
            co.addProperty("name", c.name());
            co.addProperty("purpose", c.purpose());
            co.addProperty("clientId", c.clientId());
            co.addProperty("clientSecret", c.secretText(f.includeSecrets()));
            co.addProperty("secretInVault", c.secret() != null);
            co.addProperty("secretIssuedAt", c.issuedAt() == null ? null : c.issuedAt().toString());
            co.addProperty("newSecret", c.newSecret());
            clients.add(co);
        }
        o.add("oauthClients", clients);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(o) + "\n";
    }

    /** Under a secret: when it was issued, and NEW when this run issued it. */
    private static String issued(IntegrationForm.ClientEntry c) {
        if (c.issuedAt() == null) {
            return "";
        }
        String when = c.issuedAt().truncatedTo(ChronoUnit.MINUTES).toString();
        return "<br><small>" + (c.newSecret() ? "<strong>NEW</strong> secret, issued " : "issued ") + esc(when)
                + "</small>";
    }

    public static String reportJson(ChangeReport r) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(r) + "\n";
    }

    /** The form as a printable HTML page (with the change report at the end, if given). */
    public static String html(IntegrationForm f, ChangeReport report) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
        sb.append("<title>Genesys Cloud Integration Details Form: ").append(esc(f.shortName())).append("</title>\n");
        sb.append("<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
                + "table{border-collapse:collapse;margin:1em 0;width:100%}"
                + "th,td{border:1px solid #999;padding:.4em .6em;text-align:left;vertical-align:top}"
                + "th{background:#eee;width:30%}code{font-family:monospace;word-break:break-all}"
                + ".warn{border:3px solid #b00;color:#b00;padding:.8em;font-weight:bold}"
                + "@media print{.warn{border-color:#000;color:#000}}</style></head><body>\n");
        if (f.includeSecrets()) {
            sb.append("<p class=\"warn\">").append(esc(IntegrationForm.SECRETS_WARNING)).append("</p>\n");
        }
        if (!f.newSecrets().isEmpty()) {
            sb.append("<p class=\"warn\">").append(esc(IntegrationForm.SEND_NOW)).append("</p>\n");
        }
        sb.append("<h1>Genesys Cloud Integration Details Form</h1>\n");
        sb.append("<p>Prepared by eMite Setup on ").append(esc(f.generatedAt())).append(".</p>\n");
        sb.append("<h2>Generic integration information</h2>\n<table>\n");
        row(sb, "Organization", f.orgName());
        row(sb, "Organization id", f.orgId());
        row(sb, "Organization short name", f.shortName());
        row(sb, "Genesys Cloud region", f.regionName() + (f.regionId() == null ? "" : " (" + f.regionId() + ")"));
        row(sb, "Region code", f.emiteCode() == null ? "(eMite has no code for this region yet: ask eMite)"
                : f.emiteCode());
        row(sb, "Application redirect URL", f.redirectUrl() == null ? "(needs the region code)" : f.redirectUrl());
        row(sb, "Custom client application", f.clientAppName());
        sb.append("</table>\n<h2>OAuth clients</h2>\n<table>\n<tr><th>Name</th><th>Client ID</th>"
                + "<th>Client secret</th></tr>\n");
        for (IntegrationForm.ClientEntry c : f.clients()) {
            sb.append("<tr><td>").append(esc(c.name())).append("<br><small>").append(esc(c.purpose()))
                    .append("</small></td><td><code>").append(esc(c.clientId() == null ? "" : c.clientId()))
                    .append("</code></td><td><code>").append(esc(c.secretText(f.includeSecrets())))
                    .append("</code>").append(issued(c)).append("</td></tr>\n");
        }
        sb.append("</table>\n");
        if (!f.includeSecrets()) {
            sb.append("<p>Secrets are masked. They are kept in your eMite Setup vault; export the form again with "
                    + "the secrets included to send them to eMite.</p>\n");
        }
        sb.append("<h2>Groups</h2>\n<table>\n");
        for (IntegrationForm.GroupEntry g : f.groups()) {
            row(sb, g.name(), g.id() == null ? "(not created yet)" : g.id());
        }
        sb.append("</table>\n");
        if (!f.notes().isEmpty()) {
            sb.append("<h2>Notes</h2>\n<ul>\n");
            f.notes().forEach(n -> sb.append("<li>").append(esc(n)).append("</li>\n"));
            sb.append("</ul>\n");
        }
        if (report != null) {
            sb.append("<h2>Changes made</h2>\n");
            if (report.changes().isEmpty()) {
                sb.append("<p>No changes were made: everything was already in place.</p>\n");
            } else {
                sb.append("<table>\n<tr><th>When</th><th>Change</th><th>Id</th><th>By</th></tr>\n");
                for (Change c : report.changes()) {
                    sb.append("<tr><td>").append(esc(c.at())).append("</td><td>").append(esc(c.action()))
                            .append(' ').append(esc(c.kind().noun())).append(" <b>")
                            .append(esc(c.target())).append("</b>")
                            .append(c.detail() == null ? "" : ": " + esc(c.detail())).append("</td><td><code>")
                            .append(esc(c.id() == null ? "" : c.id())).append("</code></td><td>")
                            .append(esc(c.account())).append("</td></tr>\n");
                }
                sb.append("</table>\n");
            }
        }
        sb.append("</body></html>\n");
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, String value) {
        sb.append("<tr><th>").append(esc(name)).append("</th><td>").append(esc(value == null ? "" : value))
                .append("</td></tr>\n");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Writes atomically (temp file + move); owner-only permissions for files with secrets. */
    private static Path writeFile(Path target, String text, boolean ownerOnly) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
        try {
            if (ownerOnly && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }
}
