package com.emite.setup.genesys.model;

/** A division (reference §7). */
public record AuthzDivision(String id, String name, String description, Boolean homeDivision, String selfUri) {
}
