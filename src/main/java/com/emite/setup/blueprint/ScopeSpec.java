package com.emite.setup.blueprint;

/** An OAuth scope in the guide's words and the API's ({@code user:readonly} in the guide is {@code users:readonly}). */
public record ScopeSpec(String guide, String api) {
    public boolean guideDiffers() {
        return !guide.equals(api);
    }
}
