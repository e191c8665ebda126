package com.emite.setup.ui;

import com.emite.setup.app.Connection;
import com.emite.setup.app.SetupService;
import com.emite.setup.provision.Identity;
import com.emite.setup.provision.Needs;
import com.emite.setup.ui.common.Tasks;
import com.emite.setup.ui.common.Words;
import com.emite.setup.ui.groups.ApiUserDirectory;
import com.emite.setup.ui.groups.GroupsView;
import com.emite.setup.ui.groups.Person;
import com.emite.setup.ui.groups.UserPickerModel;
import com.emite.setup.ui.plan.PlanViewModel;
import com.emite.setup.ui.session.Session;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The Groups &amp; users tab's user pickers, one per group: searching the org's users, cleared when the org changes,
 * listing each group's current members after every plan, and "add me" (the signed-in admin proposed for emite_Access).
 */
final class GroupPickers {
    private final Map<String, UserPickerModel> pickers = new LinkedHashMap<>();
    /** Why "Add me" cannot be used (empty when it can): an OAuth client's sign-in has no person to add. */
    private final StringProperty addMeReason = new SimpleStringProperty("");
    private final Session session;
    private final PlanViewModel plan;
    private final Executor executor;

    GroupPickers(Session session, SetupService setup, PlanViewModel plan, Executor executor) {
        this.session = session;
        this.plan = plan;
        this.executor = executor;
        for (Needs.GroupNeed g : setup.needs().groups()) {
            pickers.put(g.name(), new UserPickerModel(g.name(), plan.members().get(g.name()), () -> {
                Connection c = session.connection();
                return c == null ? null : new ApiUserDirectory(setup.directory(c));
            }, executor));
        }
        pickers.forEach((group, m) -> m.removals(plan.removals().get(group)));
        session.connectionProperty().addListener((obs, old, c) -> {
            pickers.values().forEach(UserPickerModel::clear);
            addMeReason.set("");
        });
        // After each check: who is in each group now (the picker lists them, each can be taken out).
        plan.planProperty().addListener((obs, old, p) -> {
            if (p != null) {
                addMeReason.set(p.identity().kind() == Identity.Kind.USER ? "" : Words.get("groups.addMeClient"));
            }
            Connection c = session.connection();
            if (p != null && c != null) {
                listMembers(setup, c);
            }
        });
    }

    private void listMembers(SetupService setup, Connection c) {
        Tasks.create(task -> {
                    Map<String, List<Person>> now = new LinkedHashMap<>();
                    var dir = setup.directory(c);
                    for (String g : pickers.keySet()) {
                        now.put(g, dir.groupMembers(g).stream().map(x -> new Person(x.name(), x.email())).toList());
                    }
                    return now;
                })
                .onSuccess(now -> {
                    if (session.connection() == c) {
                        now.forEach((g, people) -> pickers.get(g).current().setAll(people));
                    }
                })
                .onProblem(x -> { }) // the list is a convenience; the plan itself says what is missing
                .runOn(executor);
    }

    ReadOnlyStringProperty addMeReason() {
        return addMeReason;
    }

    Map<String, UserPickerModel> byGroup() {
        return pickers;
    }

    /** Proposes the signed-in admin for emite_Access (found by the signed-in user's e-mail). */
    void addMe() {
        UserPickerModel access = pickers.get(GroupsView.ACCESS_GROUP);
        Connection c = session.connection();
        if (c == null) {
            return;
        }
        Tasks.create(p -> {
                    Identity me = c.api().identity();
                    if (me.kind() != Identity.Kind.USER) {
                        return null;
                    }
                    return c.client().getUser(me.id()).email();
                })
                .onSuccess(email -> {
                    if (email == null) {
                        // Said beside the button, not in the window's error panel: that opens above the tabs and
                        // would push the button out from under the mouse.
                        addMeReason.set(Words.get("groups.addMeClient"));
                    } else {
                        access.choose(new Person(null, email));
                    }
                })
                .onProblem(plan.problemProperty()::set)
                .runOn(executor);
    }
}
