package com.emite.setup.ui.plan;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The role's permission checklist: the guide's rows grouped by type (Analytics, Conversation, …, WFM), each with its
 * name, level, API string, whether the org offers it and whether the role has it. Rows the org offers are ticked:
 * the engine gives the role all of them, so the ticks cannot be changed here. Unconfirmed rows are flagged.
 */
public final class PermissionChecklistView extends TreeTableView<PermissionChecklistView.Entry> {
    /** A tree row: a type heading (row null) or a permission. */
    public record Entry(String type, int count, PermissionRow row) {
        public boolean isGroup() {
            return row == null;
        }
    }

    public PermissionChecklistView(ObservableList<PermissionRow> rows) {
        setId("permissionChecklist");
        setShowRoot(false);
        setRoot(new TreeItem<>(new Entry("", 0, null)));
        setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPrefHeight(430);
        getStyleClass().add("checklist");

        TreeTableColumn<Entry, Entry> tick = new TreeTableColumn<>("");
        tick.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        tick.setCellFactory(c -> new TickCell());
        tick.setMinWidth(36);
        tick.setMaxWidth(36);
        tick.setSortable(false);
        TreeTableColumn<Entry, String> name = text("Permission",
                e -> e.isGroup() ? e.type() + " (" + e.count() + ")" : e.row().name(), 240);
        getColumns().add(tick);
        getColumns().add(name);
        getColumns().add(text("Level", e -> e.isGroup() ? "" : e.row().level(), 60));
        getColumns().add(text("API name", e -> e.isGroup() ? "" : e.row().permission(), 270));
        getColumns().add(text("Offered", e -> e.isGroup() ? "" : e.row().offeredText(), 80));
        getColumns().add(text("Role has it", e -> e.isGroup() ? "" : e.row().roleText(), 105));
        getColumns().add(text("Note", e -> e.isGroup() ? "" : e.row().note(), 300));
        // The group arrows go with the names; the first column holds only the ticks.
        setTreeColumn(name);
        setRowFactory(t -> new TreeTableRow<>() {
            @Override
            protected void updateItem(Entry item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("checklist-group", "unconfirmed", "not-offered");
                if (!empty && item != null) {
                    if (item.isGroup()) {
                        getStyleClass().add("checklist-group");
                    } else if (!item.row().offered()) {
                        getStyleClass().add("not-offered");
                    } else if (item.row().unconfirmed()) {
                        getStyleClass().add("unconfirmed");
                    }
                }
            }
        });
        rows.addListener((ListChangeListener<PermissionRow>) c -> fill(rows));
        fill(rows);
    }

    private void fill(List<PermissionRow> rows) {
        Map<String, TreeItem<Entry>> groups = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        rows.forEach(r -> counts.merge(r.type(), 1, Integer::sum));
        for (PermissionRow r : rows) {
            TreeItem<Entry> g = groups.computeIfAbsent(r.type(), t -> {
                TreeItem<Entry> item = new TreeItem<>(new Entry(t, counts.get(t), null));
                item.setExpanded(true);
                return item;
            });
            g.getChildren().add(new TreeItem<>(new Entry(r.type(), 0, r)));
        }
        getRoot().getChildren().setAll(groups.values());
    }

    /** The permission rows shown (leaves), for tests and screen readers. */
    public List<PermissionRow> shownRows() {
        return getRoot().getChildren().stream().flatMap(g -> g.getChildren().stream())
                .map(i -> i.getValue().row()).toList();
    }

    private static TreeTableColumn<Entry, String> text(String title, Function<Entry, String> value, double width) {
        TreeTableColumn<Entry, String> col = new TreeTableColumn<>(title);
        col.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue().getValue())));
        col.setPrefWidth(width);
        col.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setWrapText(false);
                if (item != null && !item.isEmpty()) {
                    setTooltip(new javafx.scene.control.Tooltip(item));
                } else {
                    setTooltip(null);
                }
            }
        });
        return col;
    }

    /** A read-only tick: ticked when the role gets the permission. */
    private static final class TickCell extends TreeTableCell<Entry, Entry> {
        private final CheckBox box = new CheckBox();

        TickCell() {
            box.setDisable(true);
            box.getStyleClass().add("checklist-tick");
        }

        @Override
        protected void updateItem(Entry item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null || item.isGroup()) {
                setGraphic(null);
            } else {
                box.setSelected(item.row().included());
                setGraphic(box);
            }
        }
    }
}
