package com.emite.setup.diagnose;

import com.emite.setup.genesys.ProbeCalls;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Takes away what a probe run made, as its journal lists it; when a create's answer was lost, also finds objects by
 * the run's tag in their names (the only way to find them). Each delete's status is kept: they are the observation
 * of {@code STATUS_DELETED}. An object already gone (404) counts as removed.
 */
final class ProbeCleanup {
    private final ProbeCalls calls;
    private final List<Integer> deleteStatuses = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private int removed;

    ProbeCleanup(ProbeCalls calls) {
        this.calls = calls;
    }

    /** Removes everything the journal still lists; returns true when nothing is left (the journal is then deleted). */
    boolean clean(ProbeJournal journal) {
        if (journal.unanswered()) {
            sweepByTag(journal);
        }
        for (ProbeJournal.Made m : journal.left()) {
            if (take(m)) {
                journal.removed(m.kind(), m.id());
            }
        }
        boolean clean = journal.left().isEmpty();
        if (clean) {
            journal.close();
        }
        return clean;
    }

    List<Integer> deleteStatuses() {
        return deleteStatuses;
    }

    /** What could not be removed (kind and id, never a name), for the admin to remove by hand. */
    List<String> problems() {
        return problems;
    }

    int removed() {
        return removed;
    }

    private boolean take(ProbeJournal.Made m) {
        ProbeCalls.Answer a = switch (m.kind()) {
            case OAUTH_CLIENT -> deleteClient(m.id());
            case INTEGRATION -> calls.write("DELETE", "integrations/" + m.id(), Map.of(), null);
            case GRANT -> ungrant(m.id());
            case ROLE -> calls.write("DELETE", "authorization/roles/" + m.id(), Map.of(), null);
            case GROUP -> calls.write("DELETE", "groups/" + m.id(), Map.of(), null);
        };
        if (a.ok() || a.status() == 404) {
            // DELETE /integrations/{id} answers the integration (SDK): not one of the bodiless deletes in question.
            if (a.ok() && m.kind() != ProbeJournal.Kind.GRANT && m.kind() != ProbeJournal.Kind.INTEGRATION) {
                deleteStatuses.add(a.status());
            }
            if (a.ok()) {
                removed++; // a 404 is gone already: not counted as removed by this run
            }
            return true;
        }
        problems.add(m.kind() + " " + m.id().split(" ")[0] + ": " + a.said());
        return false;
    }

    /** An OAuth client is set inactive before it can be deleted (reference §10). */
    private ProbeCalls.Answer deleteClient(String id) {
        ProbeCalls.Answer read = calls.get("oauth/clients/" + id, Map.of());
        if (!read.ok()) {
            return read;
        }
        if (!"inactive".equals(read.field("state"))) {
            com.google.gson.JsonObject body = new com.google.gson.JsonObject();
            // Without its roles: a client going away needs none, and the org refuses to re-give a role the caller
            // does not hold (the probe role it may have been granted).
            for (String k : List.of("name", "description", "accessTokenValiditySeconds", "authorizedGrantType",
                    "registeredRedirectUri", "scope")) {
                JsonElement v = read.object().get(k);
                if (v != null && !v.isJsonNull()) {
                    body.add(k, v.deepCopy());
                }
            }
            body.add("roleDivisions", new JsonArray());
            body.addProperty("state", "inactive");
            ProbeCalls.Answer off = calls.write("PUT", "oauth/clients/" + id, Map.of(), body);
            if (!off.ok()) {
                return off;
            }
        }
        return calls.write("DELETE", "oauth/clients/" + id, Map.of(), null);
    }

    /** "roleId userId,userId,…": the users given the probe role are taken out of it again. */
    private ProbeCalls.Answer ungrant(String grant) {
        String[] w = grant.split(" ", 2);
        JsonArray ids = new JsonArray();
        for (String id : w.length < 2 ? new String[0] : w[1].split(",")) {
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        return calls.write("PUT", "authorization/roles/" + w[0] + "/users/remove", Map.of(), ids);
    }

    /** Lists each kind once and records every object whose name carries the tag as made, so it is removed. */
    private void sweepByTag(ProbeJournal journal) {
        String tag = journal.tag();
        sweep(journal, "oauth/clients", Map.of(), ProbeJournal.Kind.OAUTH_CLIENT, tag);
        sweep(journal, "integrations", Map.of("pageSize", "100"), ProbeJournal.Kind.INTEGRATION, tag);
        sweep(journal, "authorization/roles", Map.of("pageSize", "100"), ProbeJournal.Kind.ROLE, tag);
        sweep(journal, "groups", Map.of("pageSize", "100"), ProbeJournal.Kind.GROUP, tag);
    }

    private void sweep(ProbeJournal journal, String path, Map<String, String> query, ProbeJournal.Kind kind,
                       String tag) {
        List<String> known = journal.left().stream().map(ProbeJournal.Made::id).toList();
        int page = 1;
        while (true) {
            Map<String, String> q = new java.util.HashMap<>(query);
            if (query.containsKey("pageSize")) {
                q.put("pageNumber", Integer.toString(page));
            }
            ProbeCalls.Answer a = calls.get(path, q);
            if (!a.ok()) {
                problems.add("listing " + path + " to find what the run tagged " + tag + " made: " + a.said());
                return;
            }
            JsonElement entities = a.object().get("entities");
            if (entities == null || !entities.isJsonArray() || entities.getAsJsonArray().isEmpty()) {
                return;
            }
            for (JsonElement e : entities.getAsJsonArray()) {
                String name = e.getAsJsonObject().has("name") ? e.getAsJsonObject().get("name").getAsString() : "";
                String id = e.getAsJsonObject().get("id").getAsString();
                if (name.contains(tag) && !known.contains(id)) {
                    journal.made(kind, id);
                }
            }
            JsonElement next = a.object().get("nextUri");
            if (!query.containsKey("pageSize") || next == null || next.isJsonNull()) {
                return;
            }
            page++;
        }
    }
}
