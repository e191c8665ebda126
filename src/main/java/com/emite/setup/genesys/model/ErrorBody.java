package com.emite.setup.genesys.model;

import java.util.List;
import java.util.Map;

/** The error body of every {@code /api/v2} error (reference §3.4). */
public record ErrorBody(String message, String code, Integer status, String entityId, String entityName,
                        String messageWithParams, Map<String, String> messageParams, String contextId,
                        List<Detail> details, List<ErrorBody> errors, Limit limit) {
    public record Detail(String errorCode, String fieldName, String entityId, String entityName) {
    }

    public record Limit(String key, String namespace, Long value) {
    }
}
