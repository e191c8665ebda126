package com.emite.setup.provision;

/**
 * One kind of write request an item needs, for the plan's "this is what apply will send" view.
 *
 * @param method HTTP method
 * @param path   the API path with placeholders, e.g. {@code /api/v2/groups/{groupId}/members}
 * @param count  how many such requests
 */
public record WriteCall(String method, String path, int count) {
    public WriteCall {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
    }

    public static WriteCall once(String method, String path) {
        return new WriteCall(method, path, 1);
    }

    @Override
    public String toString() {
        return method + " " + path + (count > 1 ? " ×" + count : "");
    }
}
