package com.emite.setup.ui.tabs;

import com.emite.setup.ui.UiTestSupport;
import com.emite.setup.ui.plan.Badge;
import javafx.scene.control.ListView;
import javafx.scene.layout.FlowPane;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Groups & users: the three groups' states, and picking a member by searching the org's users. The long-address
 * check shares the pick-and-remove walk (both start on a checked Groups tab).
 */
class GroupsTabUiTest extends TabUiTestBase {
    @org.testfx.framework.junit5.Start
    void start(javafx.stage.Stage s) throws java.io.IOException {
        open(s);
    }

    @Test
    void searchPickAndRemoveAMemberAndThePlanFollows(FxRobot robot) {
        signedInAndChecked(robot);
        UiTestSupport.tab(robot, "groupsTab");
        assertEquals(Badge.MISSING, UiTestSupport.planRows(robot).get("GROUP:emite_Access").badge());
        assertTrue(UiTestSupport.shown(robot, "#accessEmptyWarning"), "an empty emite_Access is flagged");
        // The demo's sign-in is an OAuth client: once checked, Add me says why it cannot work (AddMeUiTest: before).
        assertEquals(AddMeUiTest.WHY, UiTestSupport.text(robot, "#addMeButtonReason"));
        assertTrue(robot.lookup("#addMeButton").queryButton().isDisabled());
        // A search with many long addresses first (it shares this walk: both start on a checked Groups tab).
        longAddressesFitTheResultsWithoutASidewaysScroll(robot);

        UiTestSupport.retype(robot, "#pickerSearch-emite_Access", "admin");
        ListView<?> found = robot.lookup("#pickerResults-emite_Access").queryAs(ListView.class);
        UiTestSupport.waitUntil("the search answers", () -> found.getItems().size() == 1
                && found.getItems().get(0).toString().contains("admin"));
        assertTrue(found.getItems().get(0).toString().startsWith("Sandbox Admin <admin@"));
        UiTestSupport.doubleClick(robot, UiTestSupport.inView(robot,
                robot.lookup("#pickerResults-emite_Access .list-cell").nth(0).queryAs(javafx.scene.Node.class)));
        FlowPane chips = robot.lookup("#pickerChosen-emite_Access").queryAs(FlowPane.class);
        UiTestSupport.waitUntil("a chip", () -> !robot.lookup("#pickerChosen-emite_Access .chip").queryAll()
                .isEmpty());
        assertTrue(!UiTestSupport.shown(robot, "#accessEmptyWarning"));
        assertTrue(UiTestSupport.text(robot, "#planSummary").contains("Out of date"));

        UiTestSupport.checkMyOrg(robot);
        assertEquals(Badge.MISSING, UiTestSupport.planRows(robot).get("GROUP_MEMBERS:emite_Access").badge(),
                () -> UiTestSupport.planRows(robot).keySet().toString());
        UiTestSupport.tab(robot, "reviewTab");
        assertTrue(robot.lookup("#changesToMake").queryAs(ListView.class).getItems().stream()
                .anyMatch(l -> l.toString().contains("emite_Access") && l.toString().contains("member")),
                () -> "the plan adds the chosen member: " + robot.lookup("#changesToMake").queryAs(ListView.class)
                        .getItems());

        UiTestSupport.tab(robot, "groupsTab");
        robot.clickOn(UiTestSupport.inView(robot, robot.lookup("#pickerChosen-emite_Access .chip-remove")
                .queryButton()));
        UiTestSupport.waitUntil("no chip", () -> robot.lookup("#pickerChosen-emite_Access .chip").queryAll()
                .isEmpty());
        assertEquals(1, chips.getChildren().size(), "the 'nobody chosen' hint");
    }

    @Test
    void aMemberAddedByApplyIsListedAndCanBeTakenOut(FxRobot robot) {
        signedInAndChecked(robot);
        UiTestSupport.tab(robot, "groupsTab");
        UiTestSupport.type(robot, "#pickerSearch-emite_Access", "admin");
        ListView<?> found = robot.lookup("#pickerResults-emite_Access").queryAs(ListView.class);
        UiTestSupport.waitUntil("the search answers", () -> found.getItems().size() == 1);
        UiTestSupport.doubleClick(robot, UiTestSupport.inView(robot,
                robot.lookup("#pickerResults-emite_Access .list-cell").nth(0).queryAs(javafx.scene.Node.class)));
        UiTestSupport.waitUntil("a chip", () -> !robot.lookup("#pickerChosen-emite_Access .chip").queryAll()
                .isEmpty());
        // Applied with that choice as the Apply button would (the apply's own pages are not the subject here).
        com.emite.setup.ui.AppliedOrg.applyNow(robot, window);

        UiTestSupport.tab(robot, "groupsTab");
        UiTestSupport.waitUntil("the member is listed", () -> !robot.lookup("#pickerCurrent-emite_Access .chip-current")
                .queryAll().isEmpty());
        javafx.scene.control.ToggleButton takeOut = robot.lookup("#pickerCurrent-emite_Access .toggle-button")
                .queryAs(javafx.scene.control.ToggleButton.class);
        robot.clickOn(UiTestSupport.inView(robot, takeOut));
        UiTestSupport.waitUntil("marked to be taken out", () -> !robot.lookup("#pickerCurrent-emite_Access "
                + ".chip-removed").queryAll().isEmpty());
        UiTestSupport.checkMyOrg(robot);
        UiTestSupport.tab(robot, "reviewTab");
        assertTrue(robot.lookup("#changesToMake").queryAs(ListView.class).getItems().stream()
                .anyMatch(l -> l.toString().contains("emite_Access") && l.toString().toLowerCase().contains("remov")),
                () -> "the plan takes the member out: " + robot.lookup("#changesToMake").queryAs(ListView.class)
                        .getItems());
    }

    /** On the Groups tab, the search field empty; it leaves "ma" in it and its results shown. */
    private static void longAddressesFitTheResultsWithoutASidewaysScroll(FxRobot robot) {
        UiTestSupport.type(robot, "#pickerSearch-emite_Access", "ma");
        ListView<?> found = robot.lookup("#pickerResults-emite_Access").queryAs(ListView.class);
        UiTestSupport.waitUntil("the search answers", () -> found.getItems().size() > 3);
        UiTestSupport.waitUntil("filled cells", () -> robot.lookup("#pickerResults-emite_Access .list-cell")
                .queryAllAs(javafx.scene.control.ListCell.class).stream().anyMatch(c -> c.getText() != null));
        UiTestSupport.waitUntilLaidOutAndStill(found);
        boolean sideways = found.lookupAll(".scroll-bar").stream().anyMatch(n -> n instanceof javafx.scene.control
                .ScrollBar b && b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && b.isVisible());
        assertTrue(!sideways, "no sideways scroll bar under the results");
        javafx.scene.control.ListCell<?> first = robot.lookup("#pickerResults-emite_Access .list-cell")
                .queryAllAs(javafx.scene.control.ListCell.class).stream().filter(c -> c.getItem() != null)
                .findFirst().orElseThrow();
        assertTrue(first.getTooltip() != null && first.getTooltip().getText().contains("@"),
                "the whole address is one hover away");
    }
}
