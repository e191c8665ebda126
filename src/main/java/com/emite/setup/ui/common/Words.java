package com.emite.setup.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every word the admin reads, from the resource bundle {@code com/emite/setup/ui/words} (English first). A missing
 * key shows as the key itself so a gap is visible rather than a crash.
 */
public final class Words {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("com.emite.setup.ui.words", Locale.ENGLISH);

    private Words() {
    }

    /** The text for {@code key}, with {@code {0}}, {@code {1}}, … replaced by {@code args}. */
    public static String get(String key, Object... args) {
        String pattern;
        try {
            pattern = BUNDLE.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ENGLISH).format(args);
    }

    /**
     * A count with its noun: {@code key.one} when {@code n} is 1, else {@code key.other}; {@code {0}} is {@code n}
     * written without grouping, {@code {1}}, … are {@code more}.
     */
    public static String count(String key, long n, Object... more) {
        Object[] args = new Object[more.length + 1];
        args[0] = String.valueOf(n);
        System.arraycopy(more, 0, args, 1, more.length);
        return get(key + (n == 1 ? ".one" : ".other"), args);
    }
}
