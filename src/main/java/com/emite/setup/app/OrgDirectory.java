package com.emite.setup.app;

import com.emite.setup.provision.Needs;
import com.emite.setup.provision.OrgApi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the member picker and the licence checklist show: people found by name or e-mail, a group's members, and the
 * divisions with their agents. Reads only; every method blocks on the network, so call it in a background task.
 */
public final class OrgDirectory {
    /** Page size of the people search (the API allows up to 100). */
    public static final int PAGE_SIZE = 25;

    private final OrgApi api;
    private final Needs needs;

    public OrgDirectory(OrgApi api, Needs needs) {
        this.api = Objects.requireNonNull(api);
        this.needs = Objects.requireNonNull(needs);
    }

    /** A person of the org. */
    public record Person(String id, String name, String email) {
    }

    /**
     * One page of a people search.
     *
     * @param people      the people on it, in the API's order
     * @param pageNumber  which page (from 1)
     * @param mayHaveMore true when the page is full (ask for the next one)
     */
    public record PeoplePage(List<Person> people, int pageNumber, boolean mayHaveMore) {
        public PeoplePage {
            people = List.copyOf(people);
        }
    }

    /**
     * A division for the licence checklist.
     *
     * @param agents     active users whose division is this one (who counts as an agent for eMite's licence)
     * @param licensed   how many of them hold the division's eMite licence role
     * @param roleExists whether the division's licence role exists yet
     */
    public record DivisionAgents(String id, String name, int agents, int licensed, boolean roleExists) {
    }

    /**
     * Active users whose name or e-mail contains {@code text} (at least 2 characters), page {@code pageNumber} from
     * 1. Search lags a few seconds behind changes in Genesys Cloud.
     */
    public PeoplePage searchPeople(String text, int pageNumber) {
        if (text == null || text.strip().length() < 2) {
            return new PeoplePage(List.of(), 1, false);
        }
        int page = Math.max(1, pageNumber);
        List<Person> people = api.searchUsers(text.strip(), page, PAGE_SIZE).stream().map(OrgDirectory::person)
                .toList();
        return new PeoplePage(people, page, people.size() == PAGE_SIZE);
    }

    /** The people individually added to the group named {@code groupName} (empty when there is no such group). */
    public List<Person> groupMembers(String groupName) {
        return api.groups().stream().filter(g -> g.name().equals(groupName)).findFirst()
                .map(g -> api.groupIndividuals(g.id()).stream().map(OrgDirectory::person)
                        .sorted(Comparator.comparing(p -> p.name() == null ? "" : p.name())).toList())
                .orElse(List.of());
    }

    /** Every division with its active agents and how many hold its eMite licence role (one pass over the users). */
    public List<DivisionAgents> divisions() {
        List<OrgApi.DivisionInfo> divisions = api.divisions();
        Map<String, String> roleIdByName = new HashMap<>();
        api.roles().forEach(r -> roleIdByName.put(r.name(), r.id()));
        Map<String, String> licenceRoleByDivision = new HashMap<>();
        for (OrgApi.DivisionInfo d : divisions) {
            String id = roleIdByName.get(needs.licence().roleName(d.name()));
            if (id != null) {
                licenceRoleByDivision.put(d.id(), id);
            }
        }
        Map<String, int[]> counts = new HashMap<>();
        api.forEachActiveUserPage(page -> {
            for (OrgApi.UserInfo u : page) {
                if (u.divisionId() == null) {
                    continue;
                }
                int[] c = counts.computeIfAbsent(u.divisionId(), k -> new int[2]);
                c[0]++;
                String role = licenceRoleByDivision.get(u.divisionId());
                if (role != null && u.roleIds().contains(role)) {
                    c[1]++;
                }
            }
        });
        List<DivisionAgents> out = new ArrayList<>();
        for (OrgApi.DivisionInfo d : divisions) {
            int[] c = counts.getOrDefault(d.id(), new int[2]);
            out.add(new DivisionAgents(d.id(), d.name(), c[0], c[1], licenceRoleByDivision.containsKey(d.id())));
        }
        out.sort(Comparator.comparing(DivisionAgents::name));
        return out;
    }

    private static Person person(OrgApi.UserInfo u) {
        return new Person(u.id(), u.name(), u.email());
    }
}
