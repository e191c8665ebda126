package com.emite.setup.ui.tabs;

import com.emite.setup.ui.AppliedOrg;
import com.emite.setup.ui.UiTestSupport;
import com.emite.setup.ui.common.Words;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The space kept above the client cards (OAuth clients tab) and above the form's client table (Review & apply) for
 * the clipboard countdown and a rotation's result: the cards never move when those appear or end, and the space
 * never reads as a blank band (seen under Xvfb at 1280×800: about 105 px blank on the tab, about 60 px in the form).
 */
class ClientNoticesUiTest extends TabUiTestBase {
    /** More blank than this between the heading and the cards reads as a gap (about two lines of text). */
    private static final double MOST_BLANK = 40;

    @org.testfx.framework.junit5.Start
    void start(javafx.stage.Stage s) throws java.io.IOException {
        open(s);
    }

    @Test
    void theBandAboveTheClientsSaysSomethingAndNothingMoves(FxRobot robot) {
        // TestFX shares one stage across test classes: the next class gets it back at the size it had.
        double width = stage.getWidth();
        double height = stage.getHeight();
        double x = stage.getX();
        double y = stage.getY();
        try {
            AppliedOrg.prepare(robot, window);
            size(robot, 1280, 800);
            // The form first: its line is idle only until the first copy anywhere (the clipboard is the window's).
            UiTestSupport.tab(robot, "reviewTab");
            UiTestSupport.waitUntil("the form's clients", () -> UiTestSupport.shown(robot, "#formClients"));
            Node table = robot.lookup("#formClients").query();
            Node formHeading = heading(robot, "#formView", Words.get("plan.step.5"));
            assertTrue(UiTestSupport.shown(robot, "#clipboardCountdownIdle"), "what Copy does, before a copy");
            noBlankBand(robot, formHeading, table, "the form's OAuth clients at 1280×800");

            UiTestSupport.tab(robot, "clientsTab");
            UiTestSupport.waitUntil("the cards have ids", () -> robot.lookup("#cardClientId-emite_APIdata")
                    .queryAs(TextField.class).getText().matches("[0-9a-f-]{36}"));
            Node heading = heading(robot, "#clientsView", Words.get("clients.cards"));
            Node cards = robot.lookup("#clientCards").query();
            assertFalse(UiTestSupport.shown(robot, "#cardClipboardCountdown"), "no countdown before a copy");
            assertTrue(UiTestSupport.shown(robot, "#cardClipboardCountdownIdle"), "what Copy does, before a copy");
            noBlankBand(robot, heading, cards, "OAuth clients tab at 1280×800");
            copyAndClearMoveNothing(robot, "#cardCopySecret-emite_APIdata", "#cardClipboardCountdown",
                    "#cardClearClipboardButton", cards);

            rotationMovesNothing(robot, cards);
            size(robot, 1024, 700);
            noBlankBand(robot, heading, cards, "OAuth clients tab at 1024×700");

            size(robot, 1280, 800);
            UiTestSupport.tab(robot, "reviewTab");
            noBlankBand(robot, formHeading, table, "the form's OAuth clients after a copy");
            copyAndClearMoveNothing(robot, "#copySecret-emite_APIdata", "#clipboardCountdown",
                    "#clearClipboardButton", table);
        } finally {
            robot.interact(() -> {
                stage.setWidth(width);
                stage.setHeight(height);
                stage.setX(x);
                stage.setY(y);
            });
        }
    }

    /** Copy starts the countdown, Clear ends it: {@code below} stays where it was through both. */
    private static void copyAndClearMoveNothing(FxRobot robot, String copy, String countdown, String clear,
                                                Node below) {
        Label count = robot.lookup(countdown).queryAs(Label.class);
        Node copyButton = UiTestSupport.inView(robot, copy);
        UiTestSupport.waitUntilLaidOutAndStill(below);
        Bounds before = inPage(robot, below);
        robot.clickOn(copyButton);
        UiTestSupport.waitUntil("the countdown", () -> count.getText().startsWith(
                Words.get("form.clipboardClears.prefix")));
        assertTrue(UiTestSupport.shown(count), "the countdown shows");
        assertFalse(UiTestSupport.shown(robot, countdown + "Idle"), "the countdown takes the idle words' place");
        UiTestSupport.waitUntilLaidOutAndStill(below);
        assertEquals(before, inPage(robot, below), "nothing moved when the countdown started");
        // The Clear button beside the count stays put as the seconds run down.
        Node clearButton = robot.lookup(clear).query();
        String first = count.getText();
        Bounds clearAt = inPage(robot, clearButton);
        UiTestSupport.waitUntil("the countdown ticks", () -> !count.getText().equals(first));
        UiTestSupport.waitUntilLaidOutAndStill(clearButton);
        assertEquals(clearAt, inPage(robot, clearButton), "Clear did not move when the count changed");

        robot.clickOn(UiTestSupport.inView(robot, clear));
        UiTestSupport.waitUntil("the clipboard is cleared", () -> count.getText().equals(
                Words.get("form.clipboardCleared")));
        UiTestSupport.waitUntilLaidOutAndStill(below);
        assertEquals(before, inPage(robot, below), "nothing moved when the countdown ended");
    }

    /** Rotating a secret (asked, then confirmed) shows the result above the cards; they stay where they were. */
    private static void rotationMovesNothing(FxRobot robot, Node cards) {
        assertTrue(UiTestSupport.shown(robot, "#rotationIdle"), "what Rotate does, before a rotation");
        // From the top of the page, as the tab opens: the button low in the window (when the cards were built
        // anew and the focus fell to a card further down, the page scrolled down under the mouse).
        ScrollPane page = robot.lookup("#clientsView").queryAs(ScrollPane.class);
        robot.interact(() -> page.setVvalue(0));
        Node rotate = robot.lookup("#cardRotate-emite_APIdata").query();
        UiTestSupport.waitUntilLaidOutAndStill(rotate);
        robot.interact(() -> assertTrue(page.localToScene(page.getLayoutBounds()).contains(
                rotate.localToScene(rotate.getLayoutBounds())), "Rotate is in the window without a scroll"));
        UiTestSupport.waitUntilLaidOutAndStill(cards);
        Map<String, Bounds> before = eachCard(robot, cards);
        robot.clickOn(rotate);
        UiTestSupport.waitUntil("the question", () -> UiTestSupport.shown(robot, "#rotateDialog"));
        robot.clickOn(robot.from(robot.lookup("#rotateDialog").queryAll()).lookup(".button")
                .match((javafx.scene.control.Button b) -> Words.get("rotate.confirm").equals(b.getText()))
                .queryButton());
        Label result = robot.lookup("#rotationNotice").queryAs(Label.class);
        UiTestSupport.waitUntil("the rotation's result", () -> result.getText().equals(
                Words.get("rotate.done", "emite_APIdata")));
        assertTrue(UiTestSupport.shown(result) && !UiTestSupport.shown(robot, "#rotationIdle"));
        UiTestSupport.waitUntilLaidOutAndStill(cards);
        // Each card that was there (the form a rotation hands over may add cards after them; they move nothing).
        Map<String, Bounds> after = eachCard(robot, cards);
        before.forEach((card, b) -> assertEquals(b, after.get(card), card + " did not move when the rotation's "
                + "result appeared"));
        assertEquals(0, page.getVvalue(), "the page did not scroll");
    }

    /**
     * No run taller than {@link #MOST_BLANK} without shown words between the bottom of {@code heading} and the top of
     * {@code below}: what the admin sees there is text, not a band of nothing.
     */
    private static void noBlankBand(FxRobot robot, Node heading, Node below, String where) {
        UiTestSupport.waitUntilLaidOutAndStill(below);
        double[] gap = {0, 0};
        robot.interact(() -> {
            double top = scene(heading).getMaxY();
            double bottom = scene(below).getMinY();
            List<Bounds> words = new ArrayList<>();
            collectWords(heading.getScene().getRoot(), words);
            words.removeIf(b -> b.getMaxY() <= top || b.getMinY() >= bottom);
            words.sort(Comparator.comparingDouble(Bounds::getMinY));
            double covered = top;
            for (Bounds b : words) {
                if (b.getMinY() - covered > gap[0]) {
                    gap[0] = b.getMinY() - covered;
                    gap[1] = covered;
                }
                covered = Math.max(covered, b.getMaxY());
            }
            if (bottom - covered > gap[0]) {
                gap[0] = bottom - covered;
                gap[1] = covered;
            }
        });
        assertTrue(gap[0] <= MOST_BLANK, where + ": " + gap[0] + " px without words from y=" + gap[1]);
    }

    /** The scene bounds of every shown label and button with words on it. */
    private static void collectWords(Node n, List<Bounds> into) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            into.add(scene(n));
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collectWords(c, into);
            }
        }
    }

    private static Node heading(FxRobot robot, String page, String text) {
        return robot.from(robot.lookup(page).queryAll()).lookup(".section-title")
                .match((Label l) -> text.equals(l.getText())).query();
    }

    private void size(FxRobot robot, double w, double h) {
        robot.interact(() -> {
            // At the headless screen's corner: a window reaching past its edge makes Monocle's painter overflow
            // (a BufferOverflowException printed on every frame).
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(w);
            stage.setHeight(h);
        });
    }

    /** Bounds in the scrolling page's content: where a node is on the page, whatever the page's scroll. */
    private static Bounds inPage(FxRobot robot, Node n) {
        Bounds[] b = new Bounds[1];
        robot.interact(() -> {
            Node p = n.getParent();
            while (!(p instanceof ScrollPane)) {
                p = p.getParent();
            }
            Node content = ((ScrollPane) p).getContent();
            // Layout bounds: where it is, not what it paints (a clicked button's focus ring paints past its edge).
            b[0] = content.sceneToLocal(n.localToScene(n.getLayoutBounds()));
        });
        return b[0];
    }

    /** Where each card is in the window (so a scroll of the page counts as a move), by its id. */
    private static Map<String, Bounds> eachCard(FxRobot robot, Node cards) {
        Map<String, Bounds> at = new LinkedHashMap<>();
        robot.interact(() -> {
            for (Node card : ((Parent) cards).getChildrenUnmodifiable()) {
                at.put(card.getId(), card.localToScene(card.getLayoutBounds()));
            }
        });
        assertTrue(at.size() >= 3, "the cards: " + at.keySet());
        return at;
    }

    private static Bounds scene(Node n) {
        return n.localToScene(n.getBoundsInLocal());
    }
}
