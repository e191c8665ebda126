package com.emite.setup.ui.form;

import com.emite.setup.common.Secret;

/**
 * A client secret an apply just got from Genesys Cloud (shown there only once; already saved in the vault).
 *
 * @param clientName e.g. emite_APIdata
 * @param clientId   the client's id
 * @param secret     the secret
 */
public record NewSecret(String clientName, String clientId, Secret secret) {
}
