package com.emite.setup.genesys.model;

/** A reference to another object: {@code {id, name, selfUri}} (the SDK's DomainEntityRef). */
public record NamedEntity(String id, String name, String selfUri) {
    public static NamedEntity of(String id) {
        return new NamedEntity(id, null, null);
    }
}
