package com.emite.setup.genesys.model;

/** {@code GET /api/v2/oauth/scopes} entity; {@code id} is the scope string, e.g. {@code users:readonly} (§10). */
public record OAuthScope(String id, String description, String selfUri) {
}
