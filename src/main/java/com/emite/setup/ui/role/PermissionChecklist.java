package com.emite.setup.ui.role;

import com.emite.setup.ui.common.Words;
import com.emite.setup.ui.plan.PermissionRow;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.scene.control.CheckBoxTreeItem;
import javafx.scene.control.TreeItem;
import javafx.scene.control.cell.CheckBoxTreeCell;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckTreeView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The role's permission checklist: the guide's rows grouped by type (Analytics, Conversation, …, WFM) as a
 * ControlsFX {@link CheckTreeView}. A ticked row goes into the role; unticking one puts its row number into
 * {@code leftOut} (the plan follows, and the Role tab says what eMite loses). A row the org does not offer cannot be
 * ticked.
 */
public final class PermissionChecklist extends CheckTreeView<PermissionChecklist.Entry> {
    /** A tree row: a type heading (row null) or a permission. */
    public record Entry(String type, int count, PermissionRow row) {
        public boolean isGroup() {
            return row == null;
        }
    }

    private final ObservableSet<Integer> leftOut;
    private boolean filling;

    public PermissionChecklist(ObservableList<PermissionRow> rows, ObservableSet<Integer> leftOut) {
        super(new CheckBoxTreeItem<>(new Entry("", 0, null)));
        this.leftOut = leftOut;
        setId("permissionChecklist");
        setShowRoot(false);
        getStyleClass().add("checklist");
        setCellFactory(v -> new CheckBoxTreeCell<>(item -> ((CheckBoxTreeItem<Entry>) item).selectedProperty(),
                new StringConverter<TreeItem<Entry>>() {
                    @Override
                    public String toString(TreeItem<Entry> item) {
                        return text(item.getValue());
                    }

                    @Override
                    public TreeItem<Entry> fromString(String s) {
                        return null;
                    }
                }) {
            @Override
            public void updateItem(Entry item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("checklist-group", "unconfirmed", "not-offered", "left-out");
                if (!empty && item != null) {
                    if (item.isGroup()) {
                        getStyleClass().add("checklist-group");
                    } else if (!item.row().offered()) {
                        getStyleClass().add("not-offered");
                    } else if (leftOut.contains(item.row().row())) {
                        getStyleClass().add("left-out");
                    } else if (item.row().unconfirmed()) {
                        getStyleClass().add("unconfirmed");
                    }
                    setAccessibleText(text(item));
                }
            }
        });
        rows.addListener((ListChangeListener<PermissionRow>) c -> fill(rows));
        leftOut.addListener((SetChangeListener<Integer>) c -> {
            if (!filling) {
                fill(rows);
            }
        });
        fill(rows);
    }

    static String text(Entry e) {
        if (e.isGroup()) {
            return Words.get("role.group", e.type(), e.count());
        }
        PermissionRow r = e.row();
        String state = !r.offered() ? Words.get("role.notOffered")
                : r.inRole() ? Words.get("role.inRole") : Words.get("role.willBeAdded");
        return Words.get("role.row", r.name(), r.level(), r.permission(), state)
                + (r.note().isEmpty() ? "" : " — " + r.note());
    }

    private void fill(List<PermissionRow> rows) {
        filling = true;
        try {
            Map<String, CheckBoxTreeItem<Entry>> groups = new LinkedHashMap<>();
            Map<String, Integer> counts = new LinkedHashMap<>();
            rows.forEach(r -> counts.merge(r.type(), 1, Integer::sum));
            for (PermissionRow r : rows) {
                CheckBoxTreeItem<Entry> g = groups.computeIfAbsent(r.type(), t -> {
                    CheckBoxTreeItem<Entry> item = new CheckBoxTreeItem<>(new Entry(t, counts.get(t), null));
                    item.setExpanded(true);
                    return item;
                });
                CheckBoxTreeItem<Entry> leaf = new CheckBoxTreeItem<>(new Entry(r.type(), 0, r));
                leaf.setSelected(r.offered() && !leftOut.contains(r.row()));
                leaf.selectedProperty().addListener((obs, was, now) -> ticked(leaf, r, now));
                g.getChildren().add(leaf);
            }
            // A heading's box shows its rows: ticked when all are, a dash when some are.
            for (CheckBoxTreeItem<Entry> g : groups.values()) {
                long ticked = g.getChildren().stream().filter(c -> ((CheckBoxTreeItem<Entry>) c).isSelected()).count();
                if (ticked == g.getChildren().size()) {
                    g.setSelected(true);
                } else {
                    g.setIndeterminate(ticked > 0);
                }
            }
            getRoot().getChildren().setAll(new ArrayList<>(groups.values()));
        } finally {
            filling = false;
        }
    }

    private void ticked(CheckBoxTreeItem<Entry> leaf, PermissionRow r, boolean now) {
        if (filling) {
            return;
        }
        if (!r.offered()) {
            if (now) {
                leaf.setSelected(false); // the org cannot grant what it does not offer
            }
            return;
        }
        filling = true;
        try {
            if (now) {
                leftOut.remove(r.row());
            } else {
                leftOut.add(r.row());
            }
        } finally {
            filling = false;
        }
    }

    /** The permission rows shown (leaves), for tests and screen readers. */
    public List<PermissionRow> shownRows() {
        return getRoot().getChildren().stream().flatMap(g -> g.getChildren().stream())
                .map(i -> i.getValue().row()).toList();
    }

    /** The rows ticked now. */
    public List<PermissionRow> tickedRows() {
        return getRoot().getChildren().stream().flatMap(g -> g.getChildren().stream())
                .filter(i -> ((CheckBoxTreeItem<Entry>) i).isSelected()).map(i -> i.getValue().row()).toList();
    }
}
