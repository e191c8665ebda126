package com.emite.setup.cli;

/** How the command line shows text it was given: quoted, cut, and with control and direction characters made visible. */
final class CliText {
    /** Characters of raw input shown at most. */
    static final int MAX_SHOWN = 60;

    private CliText() {
    }

    /** {@code "text"}, at most {@link #MAX_SHOWN} characters, controls and bidi marks as {@code \\u....}. */
    static String quote(String raw) {
        if (raw == null) {
            return "\"\"";
        }
        StringBuilder sb = new StringBuilder("\"");
        int shown = 0;
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (shown == MAX_SHOWN) {
                sb.append("…");
                break;
            }
            int type = Character.getType(cp);
            boolean hidden = Character.isISOControl(cp) || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.SURROGATE || type == Character.PRIVATE_USE;
            if (hidden) {
                sb.append(String.format("\\u%04x", cp));
            } else if (cp == '"' || cp == '\\') {
                sb.append('\\').appendCodePoint(cp);
            } else {
                sb.appendCodePoint(cp);
            }
            shown++;
        }
        return sb.append('"').toString();
    }
}
