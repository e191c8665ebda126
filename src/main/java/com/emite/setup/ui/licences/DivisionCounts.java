package com.emite.setup.ui.licences;

import com.emite.setup.app.Connection;
import com.emite.setup.app.OrgDirectory;
import com.emite.setup.app.SetupService;
import com.emite.setup.ui.common.Tasks;
import com.emite.setup.ui.common.Words;
import com.emite.setup.ui.session.Session;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.concurrent.Executor;

/**
 * The Licences tab's totals: how many agents each division has and how many already hold their eMite role (one pass
 * over the org's active users, in a task), counted once per sign-in and again after a check or an apply.
 */
final class DivisionCounts {
    private final Session session;
    private final SetupService setup;
    private final Executor executor;
    private final ObservableList<OrgDirectory.DivisionAgents> counts = FXCollections.observableArrayList();
    private final StringProperty note = new SimpleStringProperty(this, "countsNote", "");
    private final BooleanProperty counting = new SimpleBooleanProperty(this, "counting");
    private Connection countedFor;

    DivisionCounts(Session session, SetupService setup, Executor executor) {
        this.session = session;
        this.setup = setup;
        this.executor = executor;
    }

    /** Nothing of one org stays when another is signed in to (or the admin signs out). */
    void clear() {
        counts.clear();
        countedFor = null;
        note.set("");
    }

    /** Counts unless this sign-in's counts are on show already ({@code again}: count anyway). */
    void count(boolean again) {
        Connection c = session.connection();
        if (c == null || counting.get() || (!again && countedFor == c)) {
            return;
        }
        counting.set(true);
        note.set(Words.get("upkeep.counting"));
        Tasks.create(p -> setup.directory(c).divisions())
                .onSuccess(list -> {
                    if (session.connection() == c) {
                        countedFor = c;
                        counts.setAll(list);
                        note.set("");
                    }
                })
                .onProblem(x -> note.set(Words.get("upkeep.countFailed", x.message())))
                .andFinally(() -> counting.set(false))
                .runOn(executor);
    }

    /** The counts are of an older plan: the next look at the tab counts again. */
    void stale() {
        countedFor = null;
    }

    ObservableList<OrgDirectory.DivisionAgents> counts() {
        return counts;
    }

    StringProperty noteProperty() {
        return note;
    }

    BooleanProperty countingProperty() {
        return counting;
    }

    /** The divisions' totals: agents, divisions, already licensed. */
    static int[] totals(List<OrgDirectory.DivisionAgents> list) {
        int agents = 0;
        int licensed = 0;
        for (OrgDirectory.DivisionAgents d : list) {
            agents += d.agents();
            licensed += d.licensed();
        }
        return new int[]{agents, list.size(), licensed};
    }
}
