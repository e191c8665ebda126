package com.emite.setup.ui.tabs;

import com.emite.setup.ui.UiTestSupport;
import com.emite.setup.ui.groups.Person;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.util.Comparator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The picker's chosen chip for a person with a long e-mail address stays inside its group's card at 1280×800, at the
 * window's first size (1180×760) and at 1024×700 (seen under Xvfb: it ran about 13 px past the card's right edge), the
 * whole address one hover away, and nothing moves when the mouse rests on it.
 */
class PickerChipsUiTest extends TabUiTestBase {
    private static final String GROUP = "emite_Access";

    @org.testfx.framework.junit5.Start
    void start(javafx.stage.Stage s) throws java.io.IOException {
        open(s);
    }

    @Test
    void aLongAddressChipStaysInsideItsCardAtBothSizes(FxRobot robot) {
        // TestFX shares one stage across test classes: the next class gets it back at the size it had.
        double width = stage.getWidth();
        double height = stage.getHeight();
        try {
            signedInAndChecked(robot);
            UiTestSupport.tab(robot, "groupsTab");
            String email = chooseTheLongestAddress(robot);
            for (int[] size : new int[][]{{1280, 800}, {1180, 760}, {1024, 700}}) {
                robot.interact(() -> {
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                });
                chipFitsItsCard(robot, email, size[0] + "×" + size[1]);
            }
            nothingMovesUnderTheMouse(robot, email);
        } finally {
            robot.interact(() -> {
                stage.setWidth(width);
                stage.setHeight(height);
            });
        }
    }

    /** Picks, from a search that finds many, the person with the longest address (as Add does); returns it. */
    private static String chooseTheLongestAddress(FxRobot robot) {
        UiTestSupport.type(robot, "#pickerSearch-" + GROUP, "ma");
        @SuppressWarnings("unchecked")
        ListView<Person> found = robot.lookup("#pickerResults-" + GROUP).queryAs(ListView.class);
        UiTestSupport.waitUntil("the search answers", () -> found.getItems().size() > 3);
        Person longest = found.getItems().stream().max(Comparator.comparingInt(p -> p.email().length()))
                .orElseThrow();
        assertTrue(longest.email().length() >= 40, "a long address to place: " + longest.email());
        robot.interact(() -> found.getSelectionModel().select(longest));
        robot.clickOn(UiTestSupport.inView(robot, "#pickerAdd-" + GROUP));
        UiTestSupport.waitUntil("its chip", () -> removeButton(robot, longest.email()) != null);
        return longest.email();
    }

    private static void chipFitsItsCard(FxRobot robot, String email, String size) {
        Button remove = removeButton(robot, email);
        Node chip = remove.getParent();
        Region card = card(chip);
        UiTestSupport.waitUntilLaidOutAndStill(card);
        Bounds[] b = new Bounds[3];
        Insets[] pad = new Insets[1];
        robot.interact(() -> {
            b[0] = scene(chip);
            b[1] = scene(remove);
            b[2] = scene(card);
            pad[0] = card.getPadding();
        });
        double right = b[2].getMaxX() - pad[0].getRight();
        assertTrue(b[0].getMaxX() <= right + 0.5, size + ": the chip ends at " + b[0].getMaxX()
                + ", past its card's inner edge at " + right);
        assertTrue(b[1].getMaxX() <= right + 0.5, size + ": the chip's × ends at " + b[1].getMaxX()
                + ", past its card's inner edge at " + right);
        Label name = (Label) ((javafx.scene.Parent) chip).getChildrenUnmodifiable().get(0);
        assertEquals(email, name.getText(), "the label holds the whole address (read out by a screen reader)");
        assertTrue(name.getTooltip() != null && email.equals(name.getTooltip().getText()),
                "the whole address is one hover away");
    }

    /** The mouse resting on the chip shows the whole address and moves neither the chip nor its ×. */
    private static void nothingMovesUnderTheMouse(FxRobot robot, String email) {
        Button remove = removeButton(robot, email);
        Label name = (Label) remove.getParent().getChildrenUnmodifiable().get(0);
        robot.moveTo(UiTestSupport.inView(robot, name));
        Bounds[] before = new Bounds[2];
        robot.interact(() -> {
            before[0] = scene(name);
            before[1] = scene(remove);
        });
        UiTestSupport.waitUntil("the whole address shows on hover", () -> name.getTooltip().isShowing());
        Bounds[] after = new Bounds[2];
        robot.interact(() -> {
            after[0] = scene(name);
            after[1] = scene(remove);
        });
        assertEquals(before[0], after[0], "the address did not move under the mouse");
        assertEquals(before[1], after[1], "the × did not move under the mouse");
    }

    /** By id, compared as a string: an address's dots would read as style classes in a lookup's selector. */
    private static Button removeButton(FxRobot robot, String email) {
        String id = "pickerRemove-" + GROUP + "-" + email;
        return robot.lookup(".chip-remove").queryAllAs(Button.class).stream().filter(b -> id.equals(b.getId()))
                .findFirst().orElse(null);
    }

    private static Region card(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p.getStyleClass().contains("card")) {
                return (Region) p;
            }
        }
        throw new AssertionError("no card around " + n);
    }

    private static Bounds scene(Node n) {
        return n.localToScene(n.getBoundsInLocal());
    }
}
