package com.emite.setup.provision;

import com.emite.setup.common.Secret;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A {@link RunStore} in memory: for plans without a vault, and for tests. */
public final class MemoryRunStore implements RunStore {
    private final Map<String, StoredSecret> clients = new LinkedHashMap<>();
    private String journal;

    @Override
    public synchronized String loadJournal() {
        return journal;
    }

    @Override
    public synchronized StoredSecret client(String name) {
        return clients.get(name);
    }

    @Override
    public synchronized void saveJournal(String json) {
        journal = json;
    }

    @Override
    public synchronized void saveClientAndJournal(String name, String clientId, Secret secret, String json) {
        clients.put(name, new StoredSecret(name, clientId, secret, Instant.now()));
        journal = json;
    }

    @Override
    public synchronized void forgetClientAndSaveJournal(String name, String json) {
        clients.remove(name);
        saveJournal(json);
    }

    public synchronized Map<String, StoredSecret> clients() {
        return Map.copyOf(clients);
    }
}
