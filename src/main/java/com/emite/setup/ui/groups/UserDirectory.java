package com.emite.setup.ui.groups;

import java.util.List;

/** Searches the org's users by name or e-mail (blocking: call it in a task). */
@FunctionalInterface
public interface UserDirectory {
    /** At most {@code limit} users whose name or e-mail contains {@code text}. */
    List<Person> search(String text, int limit);
}
