package com.emite.setup.blueprint;

/**
 * A Genesys Cloud group eMite needs.
 *
 * @param name         exact group name, e.g. {@code emite_Access}
 * @param type         {@code official} or {@code social}
 * @param visibility   {@code public}, {@code owners} or {@code members}
 * @param rulesVisible the API's {@code rulesVisible} (required on create)
 * @param purpose      what membership means, in the guide's words
 */
public record GroupSpec(String name, String type, String visibility, boolean rulesVisible, String purpose) {
}
