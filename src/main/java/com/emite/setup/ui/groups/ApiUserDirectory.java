package com.emite.setup.ui.groups;

import com.emite.setup.app.OrgDirectory;

import java.util.List;
import java.util.Objects;

/**
 * The org's user search through the app layer's {@link OrgDirectory} (CONTAINS on name and e-mail, first page): the
 * picker asks again as the admin types, so it never reads a large org's whole user list.
 */
public final class ApiUserDirectory implements UserDirectory {
    private final OrgDirectory directory;

    public ApiUserDirectory(OrgDirectory directory) {
        this.directory = Objects.requireNonNull(directory);
    }

    @Override
    public List<Person> search(String text, int limit) {
        return directory.searchPeople(text, 1).people().stream()
                .filter(p -> p.email() != null)
                .limit(limit)
                .map(p -> new Person(p.name(), p.email()))
                .toList();
    }
}
