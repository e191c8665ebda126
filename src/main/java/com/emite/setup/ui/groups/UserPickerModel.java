package com.emite.setup.ui.groups;

import com.emite.setup.ui.common.Tasks;
import com.emite.setup.ui.common.Words;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * One group's user picker: what the admin typed, the users found (the newest search wins; an older answer that
 * arrives late is dropped), and the people chosen (their e-mail addresses, which the engine takes).
 */
public final class UserPickerModel {
    public static final int PAGE = 25;

    private final String group;
    private final ObservableList<String> chosen;
    private final Supplier<UserDirectory> directory;
    private final Executor executor;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<Person> current = FXCollections.observableArrayList();
    private ObservableList<String> removals = FXCollections.observableArrayList();
    private final ObservableList<Person> found = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private long generation;

    /**
     * @param chosen    the group's chosen e-mail addresses (the plan model's list: the picker edits it)
     * @param directory the org's users now (null while signed out)
     */
    public UserPickerModel(String group, ObservableList<String> chosen, Supplier<UserDirectory> directory,
                           Executor executor) {
        this.group = Objects.requireNonNull(group);
        this.chosen = Objects.requireNonNull(chosen);
        this.directory = Objects.requireNonNull(directory);
        this.executor = Objects.requireNonNull(executor);
    }

    /** Searches for what is typed now (the view calls it a moment after the last keystroke). */
    public void search() {
        String text = query.get() == null ? "" : query.get().trim();
        long mine = ++generation;
        UserDirectory dir = directory.get();
        if (text.length() < 2 || dir == null) {
            found.clear();
            searching.set(false);
            message.set(dir == null ? Words.get("picker.signInFirst") : "");
            return;
        }
        searching.set(true);
        message.set(Words.get("picker.searching"));
        Tasks.create(p -> dir.search(text, PAGE))
                .onSuccess(people -> {
                    if (mine != generation) {
                        return;
                    }
                    found.setAll(people);
                    message.set(people.isEmpty() ? Words.get("picker.none", text)
                            : people.size() == PAGE ? Words.get("picker.more", PAGE) : "");
                })
                .onProblem(p -> {
                    if (mine == generation) {
                        found.clear();
                        message.set(p.message());
                    }
                })
                .andFinally(() -> {
                    if (mine == generation) {
                        searching.set(false);
                    }
                })
                .runOn(executor);
    }

    public void choose(Person p) {
        if (p != null && p.email() != null && chosen.stream().noneMatch(e -> e.equalsIgnoreCase(p.email()))) {
            chosen.add(p.email());
        }
    }

    public void remove(String email) {
        chosen.remove(email);
    }

    /** The plan model's list of current members to take out (the picker edits it). */
    public void removals(ObservableList<String> list) {
        removals = Objects.requireNonNull(list);
    }

    public ObservableList<String> removals() {
        return removals;
    }

    /** The people in the group now (read after each check). */
    public ObservableList<Person> current() {
        return current;
    }

    /** Marks a current member to be taken out, or keeps them again. */
    public void toggleRemoval(Person p) {
        if (p.email() == null) {
            return;
        }
        if (!removals.remove(p.email())) {
            removals.add(p.email());
        }
    }

    /** Forgets the search (sign-out, another org). */
    public void clear() {
        generation++;
        current.clear();
        query.set("");
        found.clear();
        message.set("");
        searching.set(false);
    }

    public String group() {
        return group;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<Person> found() {
        return found;
    }

    public ObservableList<String> chosen() {
        return chosen;
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    List<Person> foundNow() {
        return List.copyOf(found);
    }
}
