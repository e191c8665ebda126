package com.emite.setup.common;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Which hosts are this computer: the one rule behind "plain http only for loopback" (region and client alike). */
public final class Loopback {
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.[0-9]{1,3}){3}");

    private Loopback() {
    }

    /** Whether {@code host} is a loopback address: 127.0.0.0/8, ::1 or localhost. Never resolves names. */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.equals("localhost.")) {
            return true;
        }
        if (IPV4_LOOPBACK.matcher(h).matches()) {
            for (String part : h.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return false;
                }
            }
            return true;
        }
        if (h.contains(":") && h.chars().allMatch(c -> c == ':' || Character.digit(c, 16) >= 0)) {
            try {
                // A literal IPv6 address: parsed without any name lookup.
                return InetAddress.getByName(h).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }
}
