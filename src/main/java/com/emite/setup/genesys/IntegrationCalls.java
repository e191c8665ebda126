package com.emite.setup.genesys;

import com.emite.setup.genesys.model.CreateIntegrationRequest;
import com.emite.setup.genesys.model.Integration;
import com.emite.setup.genesys.model.IntegrationConfiguration;
import com.emite.setup.genesys.model.IntegrationType;
import com.emite.setup.genesys.model.IntendedState;

import java.util.stream.Stream;

/** Integrations (§11): types, instances, their state and their configuration. */
final class IntegrationCalls {
    private final ApiRequests r;

    IntegrationCalls(ApiRequests r) {
        this.r = r;
    }

    /** {@code GET /api/v2/integrations/types/{typeId}}, e.g. {@code embedded-client-app}. 1 call. */
    IntegrationType getIntegrationType(String typeId) {
        return r.get(r.api("integrations", "types", typeId), IntegrationType.class,
                "read the integration type " + typeId);
    }

    /** {@code GET /api/v2/integrations}, all pages, lazily. */
    Stream<Integration> listIntegrations() {
        return r.pages(() -> r.api("integrations"), Integration.class, "list integrations");
    }

    /**
     * {@code POST /api/v2/integrations} with {@code {name, integrationType:{id}}}. New instances start
     * {@link ApiContract#NEW_INTEGRATION_STATE}. 1 call.
     *
     * @throws OutcomeUnknownException when it may have been created: look in {@link #listIntegrations} first
     */
    Integration createIntegration(String name, String typeId) {
        return r.write("POST", r.api("integrations"), CreateIntegrationRequest.of(name, typeId),
                Transport.Repeat.CREATE, Integration.class, "create the integration '" + name + "'");
    }

    /** {@code PATCH /api/v2/integrations/{id}} with {@code {"intendedState":…}} (ENABLED, DISABLED, …). 1 call. */
    Integration setIntegrationState(String integrationId, String intendedState) {
        return r.write("PATCH", r.api("integrations", integrationId), new IntendedState(intendedState),
                Transport.Repeat.SAFE, Integration.class,
                "set the integration " + integrationId + " to " + intendedState);
    }

    /** {@code GET /api/v2/integrations/{id}/config/current}. 1 call. */
    IntegrationConfiguration getIntegrationConfig(String integrationId) {
        return r.get(r.api("integrations", integrationId, "config", "current"), IntegrationConfiguration.class,
                "read the configuration of the integration " + integrationId);
    }

    /**
     * {@code PUT /api/v2/integrations/{id}/config/current}; {@code config.version} must be the current one. All
     * required fields are filled in ({@code {}}/{@code ""}). 1 call. @throws ConflictException on a stale version
     */
    IntegrationConfiguration putIntegrationConfig(String integrationId, IntegrationConfiguration config) {
        return r.write("PUT", r.api("integrations", integrationId, "config", "current"), config.forPut(),
                Transport.Repeat.SAFE, IntegrationConfiguration.class,
                "save the configuration of the integration " + integrationId);
    }

    /** {@code DELETE /api/v2/integrations/{id}}. 1 call. */
    void deleteIntegration(String integrationId) {
        r.write("DELETE", r.api("integrations", integrationId), null, Transport.Repeat.SAFE, null,
                "delete the integration " + integrationId);
    }
}
