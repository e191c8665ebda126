package com.emite.setup.blueprint;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules a blueprint's values must follow beyond their JSON shape: URL templates, allowed values, unique names,
 * row order, token lifetimes, which fields a grant type takes, sandbox options, group references. Each broken rule
 * adds a {@link BlueprintProblem} with the JSON path of the field.
 */
final class BlueprintChecks {
    private static final Pattern SCOPE = Pattern.compile("[a-z][a-z\\-]*(:[a-z]+)?");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Set<String> URL_PLACEHOLDERS =
            Set.of(Blueprint.EMITE_CODE_PLACEHOLDER, Blueprint.SHORT_NAME_PLACEHOLDER);
    private static final int MIN_TOKEN_SECONDS = 300;
    private static final int MAX_TOKEN_SECONDS = 172_800;

    private final List<BlueprintProblem> problems;

    BlueprintChecks(List<BlueprintProblem> problems) {
        this.problems = problems;
    }

    void urlTemplate(String path, String template) {
        if (template == null || template.isEmpty()) {
            return;
        }
        if (!template.startsWith("https://")) {
            problems.add(new BlueprintProblem(path, "must start with https://"));
        }
        Matcher m = PLACEHOLDER.matcher(template);
        Set<String> found = new HashSet<>();
        while (m.find()) {
            if (!URL_PLACEHOLDERS.contains(m.group())) {
                problems.add(new BlueprintProblem(path, "unknown placeholder " + m.group() + "; use "
                        + Blueprint.EMITE_CODE_PLACEHOLDER + " and " + Blueprint.SHORT_NAME_PLACEHOLDER));
            }
            found.add(m.group());
        }
        for (String needed : URL_PLACEHOLDERS) {
            if (!found.contains(needed)) {
                problems.add(new BlueprintProblem(path, "must contain " + needed));
            }
        }
    }

    void oneOf(JsonFields f, String field, String value, Set<String> allowed) {
        if (!value.isEmpty() && !allowed.contains(value)) {
            f.problem(field, "\"" + value + "\" is not one of " + allowed.stream().sorted().toList());
        }
    }

    /** No two values the same, ignoring case (Genesys Cloud matches names that way). */
    void unique(String path, List<String> values, String what) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            String key = values.get(i).toLowerCase(Locale.ROOT);
            if (key.isEmpty()) {
                continue;
            }
            Integer first = seen.putIfAbsent(key, i);
            if (first != null) {
                problems.add(new BlueprintProblem(path + "[" + i + "]", "duplicate " + what + " \"" + values.get(i)
                        + "\" (already at [" + first + "])"));
            }
        }
    }

    /** The permission rows are numbered 1, 2, 3… in order (the checklist shows them so). */
    void rowsNumbered(String path, List<PermissionSpec> permissions) {
        for (int i = 0; i < permissions.size(); i++) {
            if (permissions.get(i).row() != i + 1) {
                problems.add(new BlueprintProblem(path + "[" + i + "].row",
                        "rows must be numbered 1, 2, 3… in order: expected " + (i + 1) + ", found "
                                + permissions.get(i).row()));
            }
        }
    }

    void tokenSeconds(JsonFields c, int seconds) {
        if (seconds < MIN_TOKEN_SECONDS || seconds > MAX_TOKEN_SECONDS) {
            c.problem("accessTokenValiditySeconds", "must be between " + MIN_TOKEN_SECONDS + " and "
                    + MAX_TOKEN_SECONDS + " seconds, found " + seconds);
        }
    }

    /** Which fields an OAuth client of each grant type takes (a role, scopes, a redirect). */
    void grantShape(JsonFields c, GrantType type, String grantApi, boolean hasRoles, boolean hasScopes,
                    boolean hasRedirects) {
        switch (type) {
            case CLIENT_CREDENTIALS -> {
                if (!hasRoles) {
                    c.problem("roleDivisions", "missing: a CLIENT-CREDENTIALS client needs a role");
                }
                if (hasScopes) {
                    c.problem("scopes", "a CLIENT-CREDENTIALS client has no scopes (its role decides)");
                }
                if (hasRedirects) {
                    c.problem("redirectUriTemplates", "a CLIENT-CREDENTIALS client has no redirect");
                }
            }
            case CODE, TOKEN -> {
                if (!hasRedirects) {
                    c.problem("redirectUriTemplates", "missing: a " + grantApi + " client needs a redirect");
                }
                if (hasRoles) {
                    c.problem("roleDivisions", "only a CLIENT-CREDENTIALS client has roles");
                }
            }
            default -> c.problem("grantType.api", "eMite uses only CODE and CLIENT-CREDENTIALS clients");
        }
    }

    void scope(JsonFields s, String api) {
        if (!api.isEmpty() && !SCOPE.matcher(api).matches()) {
            s.problem("api", "\"" + api + "\" is not a scope name (for example users:readonly)");
        }
    }

    /** The client app's iframe sandbox options: known, comma-separated, unique, and the same as the guide's. */
    void sandboxOptions(JsonFields sandbox, String guide, String api) {
        if (api.isEmpty()) {
            return;
        }
        if (api.contains(" ")) {
            sandbox.problem("api", "must be comma-separated without spaces");
        }
        List<String> options = Arrays.asList(api.split(",", -1));
        for (String option : options) {
            if (!BlueprintLoader.SANDBOX_OPTIONS.contains(option.trim())) {
                sandbox.problem("api", "unknown sandbox option \"" + option.trim() + "\"; known: "
                        + BlueprintLoader.SANDBOX_OPTIONS.stream().sorted().toList());
            }
        }
        unique(sandbox.path("api"), options, "sandbox option");
        List<String> guideOptions = Arrays.stream(guide.split(",")).map(String::trim).toList();
        if (!guide.isEmpty() && !guideOptions.equals(options.stream().map(String::trim).toList())) {
            sandbox.problem("api", "must list the same options as \"guide\", in the same order");
        }
    }

    /** The client app's group filter names groups of this blueprint. */
    void groupFilter(String path, List<String> filter, Set<String> groupNames) {
        for (int i = 0; i < filter.size(); i++) {
            if (!groupNames.contains(filter.get(i))) {
                problems.add(new BlueprintProblem(path + "[" + i + "]", "no group named \""
                        + filter.get(i) + "\" in this blueprint's groups"));
            }
        }
    }
}
