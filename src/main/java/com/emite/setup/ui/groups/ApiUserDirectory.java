package com.emite.setup.ui.groups;

import com.emite.setup.genesys.GenesysClient;
import com.emite.setup.genesys.model.SearchCriterion;
import com.emite.setup.genesys.model.SearchRequest;

import java.util.List;
import java.util.Objects;

/**
 * The org's user search ({@code POST /users/search}, CONTAINS on name and e-mail), one small page: the picker asks
 * again as the admin types, so it never reads a large org's whole user list.
 */
public final class ApiUserDirectory implements UserDirectory {
    private final GenesysClient client;

    public ApiUserDirectory(GenesysClient client) {
        this.client = Objects.requireNonNull(client);
    }

    @Override
    public List<Person> search(String text, int limit) {
        SearchCriterion contains = new SearchCriterion(SearchCriterion.CONTAINS, List.of("name", "email"),
                text.trim(), null, null, null, null, null, null);
        return client.searchUsers(SearchRequest.of(contains).withPage(limit, 1))
                .filter(u -> u.email() != null)
                .limit(limit)
                .map(u -> new Person(u.name(), u.email()))
                .toList();
    }
}
