package com.emite.setup.ui;

import com.emite.setup.provision.Plan;
import com.emite.setup.ui.common.Words;
import com.emite.setup.ui.plan.PlanViewModel;
import com.emite.setup.ui.startup.StagedPage;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The window's tabs, each with a badge counting its part of the plan, and whose content is in the scene only while
 * it is the selected tab.
 * <p>Why (issue #10, the FX thread stalling; #13, the first window): JavaFX styles, skins and lays out every tab's
 * content, the hidden ones too, in the pulse after it changes. When the first plan arrived, the five hidden tabs' new
 * rows, cards and the 41-row checklist were all styled in one pulse (~230-290 ms of FX-thread work). So a tab's
 * content is built when the tab is first selected, and taken out of the scene when another tab is selected: the view
 * models keep it up to date meanwhile (cheap property changes), and selecting the tab again styles and lays out that
 * one tab only. A person sees nothing of this: only the selected tab is ever visible.
 * <p>The first showing of a long page (Review &amp; apply, Licences: 500 nodes and more) would still style and skin it
 * all in one pulse, so its parts join the page over a few pulses, top first ({@link StagedPage}).
 */
final class MainTabs {
    private final TabPane pane = new TabPane();
    private final PlanViewModel plan;

    MainTabs(PlanViewModel plan) {
        this.plan = plan;
        pane.setId("mainTabs");
        pane.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    }

    /**
     * Adds a tab whose content {@code build} makes when the tab is first selected (at once for the first tab).
     *
     * @param steps the plan's steps whose changes the tab's badge counts
     */
    void add(String words, String id, int[] steps, Supplier<Node> build) {
        Tab t = new Tab();
        // The badge: how many of the plan's changes belong to this tab.
        t.textProperty().bind(Bindings.createStringBinding(() -> {
            Plan p = plan.planProperty().get();
            long n = p == null ? 0 : p.toApply().stream()
                    .filter(i -> Arrays.stream(steps).anyMatch(st -> st == i.step())).count();
            return n == 0 ? Words.get(words) : Words.get(words) + " (" + n + ")";
        }, plan.planProperty()));
        t.setId(id);
        t.setClosable(false);
        Node[] built = {null};
        t.selectedProperty().addListener((obs, was, selected) -> {
            if (selected) {
                if (built[0] == null) {
                    built[0] = build.get();
                }
                // Not yet styled (no skin: it has not been through a pulse in the scene): its parts come over a few
                // pulses. The first window shows its first tab whole.
                if (showing() && built[0] instanceof Control c && c.getSkin() == null
                        && StagedPage.complete(built[0])) {
                    StagedPage.stage(built[0]);
                }
                t.setContent(built[0]);
            } else {
                t.setContent(null);
            }
        });
        pane.getTabs().add(t);
        if (t.isSelected() && t.getContent() == null) {
            built[0] = build.get();
            t.setContent(built[0]);
        }
    }

    /** True unless the tab's content is still adding its parts ({@link StagedPage}). */
    static boolean complete(Node content) {
        return StagedPage.complete(content);
    }

    private boolean showing() {
        return pane.getScene() != null && pane.getScene().getWindow() != null
                && pane.getScene().getWindow().isShowing();
    }

    void select(String tabId) {
        tab(tabId).ifPresent(t -> pane.getSelectionModel().select(t));
    }

    Optional<Tab> tab(String tabId) {
        return pane.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst();
    }

    TabPane pane() {
        return pane;
    }
}
