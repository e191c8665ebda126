package com.emite.setup.blueprint;

/** One thing wrong in a blueprint: where ({@code path}, e.g. {@code $.role.permissions[4].permission}) and why. */
public record BlueprintProblem(String path, String reason) {
    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
