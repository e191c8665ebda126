package com.emite.setup.blueprint;

import java.util.List;
import java.util.stream.Collectors;

/** A blueprint that cannot be used; the message lists every problem with the JSON path of its field. */
public class BlueprintException extends RuntimeException {
    private final transient List<BlueprintProblem> problems;

    public BlueprintException(List<BlueprintProblem> problems) {
        super(problems.size() == 1 ? "The blueprint is not valid: " + problems.get(0)
                : "The blueprint is not valid (" + problems.size() + " problems):\n" + problems.stream()
                .map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<BlueprintProblem> problems() {
        return problems;
    }
}
