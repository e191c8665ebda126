package com.emite.setup.ui.plan;

import com.emite.setup.provision.Choices;
import com.emite.setup.provision.Needs;
import com.emite.setup.ui.common.Words;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The admin's choices on the tabs (WFM, divisions, members and removals per group, left-out and picked permissions,
 * new secrets), whether they can be used ({@link #problemProperty()}), and the engine's {@link Choices} made of them.
 * Every change is reported to {@code onChange} (the plan on show then is out of date).
 */
final class PlanChoices {
    private final BooleanProperty withWfm = new SimpleBooleanProperty(this, "withWfm", false);
    private final BooleanProperty allDivisions = new SimpleBooleanProperty(this, "allDivisions", true);
    private final BooleanProperty resetUnknownSecrets = new SimpleBooleanProperty(this, "resetUnknownSecrets", false);
    private final ObservableList<DivisionChoice> divisions = FXCollections.observableArrayList();
    private final Map<String, ObservableList<String>> members = new LinkedHashMap<>();
    private final Map<String, ObservableList<String>> removals = new LinkedHashMap<>();
    private final ObservableSet<Integer> leftOutRows = FXCollections.observableSet();
    private final ObservableMap<Integer, String> permissionChoices = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "choicesProblem", "");
    private final Runnable onChange;

    PlanChoices(Needs needs, Runnable onChange) {
        this.onChange = onChange;
        for (Needs.GroupNeed g : needs.groups()) {
            ObservableList<String> p = FXCollections.observableArrayList();
            p.addListener((ListChangeListener<String>) c -> changed());
            members.put(g.name(), p);
            ObservableList<String> r = FXCollections.observableArrayList();
            r.addListener((ListChangeListener<String>) c -> changed());
            removals.put(g.name(), r);
        }
        withWfm.addListener((obs, old, now) -> changed());
        allDivisions.addListener((obs, old, now) -> changed());
        resetUnknownSecrets.addListener((obs, old, now) -> changed());
        leftOutRows.addListener((SetChangeListener<Integer>) c -> changed());
        permissionChoices.addListener((MapChangeListener<Integer, String>) c -> changed());
    }

    private void changed() {
        problem.set(validate());
        onChange.run();
    }

    /** Back to the defaults (a new connection). */
    void reset() {
        divisions.clear();
        allDivisions.set(true);
        withWfm.set(false);
        resetUnknownSecrets.set(false);
        members.values().forEach(List::clear);
        removals.values().forEach(List::clear);
        leftOutRows.clear();
        permissionChoices.clear();
    }

    private String validate() {
        if (!allDivisions.get() && divisions.stream().noneMatch(d -> d.chosenProperty().get())) {
            return Words.get("reason.tickDivision");
        }
        for (Map.Entry<String, ObservableList<String>> e : members.entrySet()) {
            for (String email : e.getValue()) {
                if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                    return Words.get("reason.notAnEmail", email, e.getKey());
                }
            }
        }
        return "";
    }

    /** The choices as the engine takes them. */
    Choices choices() {
        List<String> chosen = allDivisions.get() ? List.of()
                : divisions.stream().filter(d -> d.chosenProperty().get()).map(DivisionChoice::name).toList();
        return new Choices(withWfm.get(), chosen, nonEmpty(members), resetUnknownSecrets.get())
                .withLeftOut(Set.copyOf(leftOutRows))
                .withPermissionChoices(Map.copyOf(permissionChoices))
                .withGroupRemovals(nonEmpty(removals));
    }

    private static Map<String, List<String>> nonEmpty(Map<String, ObservableList<String>> byGroup) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        byGroup.forEach((group, list) -> {
            if (!list.isEmpty()) {
                out.put(group, List.copyOf(list));
            }
        });
        return out;
    }

    /** The org's divisions, as read by the first check (each one unticked). */
    void setDivisions(List<String> names) {
        divisions.clear();
        for (String n : names) {
            DivisionChoice d = new DivisionChoice(n);
            d.chosenProperty().addListener((obs, old, now) -> changed());
            divisions.add(d);
        }
    }

    BooleanProperty withWfm() {
        return withWfm;
    }

    BooleanProperty allDivisions() {
        return allDivisions;
    }

    BooleanProperty resetUnknownSecrets() {
        return resetUnknownSecrets;
    }

    ObservableList<DivisionChoice> divisions() {
        return divisions;
    }

    Map<String, ObservableList<String>> members() {
        return members;
    }

    Map<String, ObservableList<String>> removals() {
        return removals;
    }

    ObservableSet<Integer> leftOutRows() {
        return leftOutRows;
    }

    ObservableMap<Integer, String> permissionChoices() {
        return permissionChoices;
    }

    /** Why the choices cannot be used, or empty. */
    ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
