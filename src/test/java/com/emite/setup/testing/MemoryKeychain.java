package com.emite.setup.testing;

import com.emite.setup.common.Secret;
import com.emite.setup.vault.Keychain;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A keychain in memory: the tests never touch the real user's keychain. */
public final class MemoryKeychain implements Keychain {
    /** What is stored, by account: tests count and inspect it. */
    public final Map<String, String> values = new ConcurrentHashMap<>();

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public Optional<Secret> load(String account) {
        return Optional.ofNullable(values.get(account)).map(Secret::of);
    }

    @Override
    public boolean store(String account, Secret value) {
        values.put(account, value.reveal());
        return true;
    }

    @Override
    public boolean delete(String account) {
        return values.remove(account) != null;
    }
}
