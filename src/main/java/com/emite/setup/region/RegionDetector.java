package com.emite.setup.region;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the Genesys Cloud region in whatever the admin pasted: a login, apps or API address, with or without scheme,
 * port, path, query or fragment, in any case, with surrounding spaces or a trailing dot, or just the region's domain.
 * Only whole domain labels count, so {@code fakemypurecloud.com} and {@code mypurecloud.com.evil.io} are rejected.
 */
public final class RegionDetector {
    /** First labels under a region's domain that identify it: the login page, the web app and the API. */
    private static final Set<String> REGION_HOST_PREFIXES = Set.of("login", "api", "apps");
    /** Domains Genesys uses for its regions; an unknown region under one of these is reported as such. */
    private static final List<String> GENESYS_REGION_DOMAINS = List.of("pure.cloud", "us-gov-pure.cloud");
    /** Genesys sites that are not an org's region (help pages, developer centre, company site). */
    private static final List<String> GENESYS_OTHER_DOMAINS = List.of("genesys.cloud", "genesys.com", "inin.com",
            "genesyscloud.com", "purecloud.com");
    private static final List<String> EMITE_DOMAINS = List.of("emite.com", "emitecloud.com");

    private static final Pattern SCHEME_WITH_SLASHES = Pattern.compile("^([a-z][a-z0-9+.\\-]*)://");
    private static final Pattern SCHEME_WITHOUT_SLASHES = Pattern.compile("^([a-z][a-z0-9+\\-]*):(?![0-9]+(?:[/?#]|$))");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    /** Characters that may stand around a pasted address: quotes, angle brackets, invisible spaces. */
    private static final String SURROUNDING = "\"'<>`\u00a0\u200b\u200c\u200d\u2060\ufeff";

    private final RegionCatalog catalog;

    public RegionDetector(RegionCatalog catalog) {
        this.catalog = catalog;
    }

    /** Detects the region in {@code anything} with the app's standard region list. */
    public static Detection detect(String anything) {
        return new RegionDetector(RegionCatalog.standard()).detectIn(anything);
    }

    /** Detects the region in {@code anything} with this detector's region list. */
    public Detection detectIn(String anything) {
        String text = strip(anything);
        if (text.isEmpty()) {
            return notRecognised(Detection.Reason.EMPTY);
        }
        if (text.chars().anyMatch(Character::isWhitespace)) {
            return notRecognised(Detection.Reason.CONTAINS_SPACES);
        }
        text = text.toLowerCase(Locale.ROOT);

        var withSlashes = SCHEME_WITH_SLASHES.matcher(text);
        if (withSlashes.find()) {
            String scheme = withSlashes.group(1);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                return notRecognised(Detection.Reason.UNSUPPORTED_SCHEME);
            }
            text = text.substring(withSlashes.end());
        } else if (text.startsWith("//")) {
            text = text.substring(2);
        } else {
            var withoutSlashes = SCHEME_WITHOUT_SLASHES.matcher(text);
            if (withoutSlashes.find()) {
                return notRecognised(withoutSlashes.group(1).equals("mailto")
                        ? Detection.Reason.EMAIL_ADDRESS : Detection.Reason.UNSUPPORTED_SCHEME);
            }
        }

        int end = indexOfAny(text, "/?#\\");
        String authority = end < 0 ? text : text.substring(0, end);
        if (authority.isEmpty()) {
            return notRecognised(Detection.Reason.NOT_AN_ADDRESS);
        }
        if (authority.contains("@")) {
            return notRecognised(Detection.Reason.EMAIL_ADDRESS);
        }
        if (authority.startsWith("[")) {
            return notRecognised(Detection.Reason.IP_ADDRESS);
        }
        String host = authority;
        int colon = authority.lastIndexOf(':');
        if (colon >= 0) {
            String port = authority.substring(colon + 1);
            host = authority.substring(0, colon);
            if (host.contains(":")) {
                return notRecognised(looksLikeIpv6(authority)
                        ? Detection.Reason.IP_ADDRESS : Detection.Reason.NOT_AN_ADDRESS);
            }
            if (!port.isEmpty() && (!DIGITS.matcher(port).matches() || port.length() > 5
                    || Integer.parseInt(port) > 65535)) {
                return notRecognised(Detection.Reason.NOT_AN_ADDRESS);
            }
        }
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty() || host.length() > 253) {
            return notRecognised(Detection.Reason.NOT_AN_ADDRESS);
        }
        String[] labels = host.split("\\.", -1);
        boolean allLabelsValid = true;
        boolean nonAscii = false;
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                allLabelsValid = false;
                nonAscii |= label.chars().anyMatch(c -> c > 127);
            }
        }
        if (!allLabelsValid) {
            // A host with letters from other alphabets is a lookalike at best, never a Genesys host.
            return notRecognised(nonAscii && labels.length > 1
                    ? Detection.Reason.NOT_GENESYS : Detection.Reason.NOT_AN_ADDRESS);
        }
        if (isIpv4(labels)) {
            return notRecognised(Detection.Reason.IP_ADDRESS);
        }
        if (labels.length < 2) {
            return notRecognised(Detection.Reason.NOT_AN_ADDRESS);
        }
        if (DIGITS.matcher(labels[labels.length - 1]).matches()) {
            return notRecognised(Detection.Reason.NOT_AN_ADDRESS);
        }
        if (under(host, EMITE_DOMAINS)) {
            return notRecognised(Detection.Reason.EMITE_SITE);
        }
        var owner = catalog.owning(host);
        if (owner.isPresent()) {
            Region region = owner.get();
            if (host.equals(region.domain())) {
                return new Detection.Found(region, host);
            }
            String prefix = host.substring(0, host.length() - region.domain().length() - 1);
            if (REGION_HOST_PREFIXES.contains(prefix)) {
                return new Detection.Found(region, host);
            }
            return notRecognised(Detection.Reason.GENESYS_SITE_WITHOUT_REGION);
        }
        for (String genesysDomain : GENESYS_REGION_DOMAINS) {
            if (host.endsWith("." + genesysDomain)) {
                return notRecognised(Detection.Reason.UNKNOWN_GENESYS_REGION);
            }
        }
        if (under(host, GENESYS_OTHER_DOMAINS) || host.equals("pure.cloud") || host.equals("us-gov-pure.cloud")) {
            return notRecognised(Detection.Reason.GENESYS_SITE_WITHOUT_REGION);
        }
        return notRecognised(Detection.Reason.NOT_GENESYS);
    }

    private static Detection notRecognised(Detection.Reason reason) {
        return new Detection.NotRecognised(reason);
    }

    private static String strip(String s) {
        if (s == null) {
            return "";
        }
        int start = 0;
        int end = s.length();
        while (start < end && (Character.isWhitespace(s.charAt(start)) || SURROUNDING.indexOf(s.charAt(start)) >= 0)) {
            start++;
        }
        while (end > start && (Character.isWhitespace(s.charAt(end - 1)) || SURROUNDING.indexOf(s.charAt(end - 1)) >= 0)) {
            end--;
        }
        return s.substring(start, end);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean under(String host, List<String> domains) {
        return domains.stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
    }

    private static boolean isIpv4(String[] labels) {
        if (labels.length != 4) {
            return false;
        }
        for (String label : labels) {
            if (!DIGITS.matcher(label).matches() || label.length() > 3 || Integer.parseInt(label) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeIpv6(String authority) {
        return authority.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0);
    }
}
