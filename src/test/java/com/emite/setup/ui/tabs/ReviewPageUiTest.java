package com.emite.setup.ui.tabs;

import com.emite.setup.ui.UiTestSupport;
import javafx.geometry.Bounds;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Review & apply page as a person moves around it: apply's question says in short what changes (it repeats no
 * line of the list of changes above it); Back and Apply move nothing under the mouse; "Open the Integration Details
 * Form" brings the form (further down the same page) into view with the keyboard on it; the mouse wheel over the list
 * of changes scrolls that list and nothing else.
 *
 * <p>Six of these checks share one walk (sign in, check, create the vault, apply): each starts where the one before
 * left the page. Four were tests of their own with their own windows before (sharing saved three windows, sign-ins,
 * checks and vaults and one apply: the class went from 35 s to 24 s at load 7-8, one JVM); the two about apply's
 * question in short and about Back and Apply again start where a person is after the first confirmation. The
 * other-run caution needs an org changed before the check, so it keeps its own window.
 */
class ReviewPageUiTest extends TabUiTestBase {
    @Start
    void start(Stage s) throws java.io.IOException {
        open(s);
    }

    @Test
    void applyFromThePageTopThenTheWheelALockWhileApplyAsksAndTheFormAfterTheApply(FxRobot robot) {
        signedInAndChecked(robot);
        noCautionWhenNothingUnknownWasMadeRecentlyAndTheQuestionIsInView(robot);
        theQuestionSaysInShortWhatChangesAndRepeatsNoLineOfTheList(robot);
        backAndApplyAgainMoveNothingUnderTheMouse(robot);
        theWheelOverTheListOfChangesScrollsTheListNotThePage(robot);
        theVaultLockingWhileApplyAsksGoesBackToApplyAndApplyOpensItAgain(robot);
        openTheFormBringsTheFormIntoViewAndFocusesIt(robot);
    }

    /** After an apply that ended in "Done" (it starts and ends on the Review page). */
    private void openTheFormBringsTheFormIntoViewAndFocusesIt(FxRobot robot) {
        assertTrue(UiTestSupport.text(robot, "#applyHeadline").startsWith("Done"));
        ScrollPane page = robot.lookup("#reviewView").queryAs(ScrollPane.class);
        Node form = robot.lookup("#formView").query();
        robot.interact(() -> page.setVvalue(page.getVmin()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(viewportTop(page) + page.getViewportBounds().getHeight() < top(page, form),
                "the form starts below what the page shows at its top (else the test shows nothing)");

        robot.clickOn(UiTestSupport.inView(robot, "#openFormButton"));
        UiTestSupport.waitUntil("the form's top is in view", () -> {
            double top = top(page, form);
            // At the top of the view, or as near as the page goes (the form is the last thing on it).
            boolean atTop = top >= viewportTop(page) - 1 && top <= viewportTop(page) + 2;
            boolean asFarAsItGoes = page.getVvalue() == page.getVmax() && top >= viewportTop(page) - 1
                    && top < viewportTop(page) + page.getViewportBounds().getHeight();
            return atTop || asFarAsItGoes;
        });
        UiTestSupport.waitUntil("the keyboard is in the form", () -> {
            for (Node n = form.getScene().getFocusOwner(); n != null; n = n.getParent()) {
                if (n == form) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Pixels of one wheel notch on a desktop. */
    private static final int NOTCH = 40;

    /**
     * While the confirmation asks, over the list of every change (the question no longer repeats it, so this is the
     * list the admin reads each change in): it leaves it asking, the list scrolled, the page where it was.
     */
    private void theWheelOverTheListOfChangesScrollsTheListNotThePage(FxRobot robot) {
        assertTrue(UiTestSupport.shown(robot, "#confirmApplyButton"), "apply asks");
        ListView<?> list = robot.lookup("#changesToMake").queryAs(ListView.class);
        ScrollPane page = robot.lookup("#reviewView").queryAs(ScrollPane.class);
        UiTestSupport.inView(robot, list);
        UiTestSupport.waitUntilLaidOutAndStill(list);
        ScrollBar bar = listBar(list);
        assertTrue(bar != null && bar.isVisible() && bar.getMax() > bar.getMin(),
                "the list has more lines than it shows (else nothing can scroll)");
        double pageBefore = page.getVvalue();
        Bounds listBefore = list.localToScene(list.getBoundsInLocal());

        // One way past the list's end, then the other way past its start (which way is "down" differs by platform):
        // the list moves, the page under the mouse does not. Monocle turns a wheel amount into as many pixels, so
        // one event of 40 is one notch of a desktop wheel (TestFX's scroll(n) sends n events of one pixel each).
        robot.moveTo(list);
        double[] range = new double[1];
        robot.interact(() -> range[0] = listRangePixels(list));
        int notches = (int) Math.ceil(range[0] / NOTCH) + 2;
        java.util.List<Double> listAt = new java.util.ArrayList<>();
        for (VerticalDirection way : new VerticalDirection[]{VerticalDirection.UP, VerticalDirection.DOWN}) {
            for (int notch = 0; notch < notches; notch++) {
                robot.robotContext().getMouseRobot().scroll(way == VerticalDirection.UP ? -NOTCH : NOTCH);
            }
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> listAt.add(bar.getValue()));
            assertEquals(pageBefore, page.getVvalue(), 1e-9, "the page under the list did not move (" + way + ")");
            assertEquals(listBefore, list.localToScene(list.getBoundsInLocal()), "the list stayed under the mouse");
        }
        assertTrue(listAt.contains(bar.getMin()) && listAt.contains(bar.getMax()),
                "the wheel took the list to its end and back to its start: " + listAt);
    }

    /**
     * While the confirmation asks (it leaves it asking): the question says in short what changes, what reaches people
     * and where the secrets go, and repeats no line of the list of changes above it; the keyboard is not on the
     * confirm button.
     */
    private void theQuestionSaysInShortWhatChangesAndRepeatsNoLineOfTheList(FxRobot robot) {
        assertTrue(UiTestSupport.shown(robot, "#confirmApplyButton"), "apply asks");
        java.util.List<String> listed = robot.lookup("#changesToMake").queryAs(ListView.class).getItems().stream()
                .map(Object::toString).toList();
        assertEquals(17, listed.size(), "the demo org's first apply, listed on the page: " + listed);
        java.util.List<String> asked = shownWords(robot.lookup("#applyView").query());
        for (String line : listed) {
            assertTrue(asked.stream().noneMatch(w -> w.contains(line)), "the question repeats \"" + line + "\": "
                    + asked);
        }
        assertEquals("New in your org: 3 groups, 1 role, 3 OAuth clients, 1 client app, 4 licence roles.",
                UiTestSupport.text(robot, "#applySummaryChange0"));
        assertEquals("Access: 1 role given to an account, licences in 4 divisions.",
                UiTestSupport.text(robot, "#applySummaryChange1"));
        assertEquals("The OAuth client you signed in with, Sandbox Admin Client, gets the role eMite Data "
                + "Integration in all divisions.", UiTestSupport.text(robot, "#applySummaryPeople0"));
        assertEquals("41 agents in 4 divisions get an eMite licence role, so eMite counts them.",
                UiTestSupport.text(robot, "#applySummaryPeople1"));
        assertTrue(UiTestSupport.text(robot, "#applySummarySecrets").startsWith("3 new client secrets go only into "
                + "your vault, the file " + window.session().vault().file() + "."),
                UiTestSupport.text(robot, "#applySummarySecrets"));
        assertTrue(!UiTestSupport.shown(robot, "#applySummaryCannotUndoTitle"), "nothing final in a first apply");
        assertTrue(UiTestSupport.text(robot, "#applyExplanation").contains("Each change is in the list above"));
        Node focused = robot.lookup("#confirmApplyButton").query().getScene().getFocusOwner();
        assertTrue(focused != null && "backToPlanButton".equals(focused.getId()),
                "the keyboard waits on Back to the plan, not on the confirm button: " + focused);
    }

    /**
     * "Back to the plan" folds the question away and the Apply section stays where it is on the screen, the keyboard
     * on Apply; pressing Apply again (the vault is open: no vault window) asks again without moving the page, and the
     * confirm button does not come up under the mouse that pressed Apply. It leaves apply asking.
     */
    private void backAndApplyAgainMoveNothingUnderTheMouse(FxRobot robot) {
        assertTrue(UiTestSupport.shown(robot, "#confirmApplyButton"), "apply asks");
        Node section = robot.lookup("#applyView").query();
        Node list = robot.lookup("#changesToMake").query();
        // Pressed where the question put it, as a person would (the page is not scrolled to it first).
        Node back = robot.lookup("#backToPlanButton").query();
        UiTestSupport.waitUntilLaidOutAndStill(back);
        ScrollPane page = robot.lookup("#reviewView").queryAs(ScrollPane.class);
        assertTrue(top(page, back) >= viewportTop(page) && top(page, back) + back.getBoundsInLocal().getHeight()
                <= viewportTop(page) + page.getViewportBounds().getHeight(), "Back to the plan is in view");
        double sectionAt = sceneTop(robot, section);
        robot.clickOn(back);
        UiTestSupport.waitUntil("apply asks no more", () -> UiTestSupport.shown(robot, "#applyButton")
                && !UiTestSupport.shown(robot, "#confirmApplyButton"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(sectionAt, sceneTop(robot, section), 0.5, "the Apply section stayed where it was");
        Node apply = robot.lookup("#applyButton").query();
        assertEquals(apply, apply.getScene().getFocusOwner(), "the keyboard is back on Apply");

        // A notch further down, as someone reading on would: the question's top (the Apply section) stays in view.
        robot.interact(() -> {
            double extra = page.getContent().getLayoutBounds().getHeight() - page.getViewportBounds().getHeight();
            page.setVvalue(page.getVvalue() + NOTCH / extra * (page.getVmax() - page.getVmin()));
        });
        WaitForAsyncUtils.waitForFxEvents();
        sectionAt = sceneTop(robot, section);
        assertTrue(top(page, section) >= viewportTop(page), "the Apply section's top is in view");
        assertTrue(top(page, apply) >= viewportTop(page) && top(page, apply) + apply.getBoundsInLocal().getHeight()
                <= viewportTop(page) + page.getViewportBounds().getHeight(), "Apply is in view");
        double listAt = sceneTop(robot, list);
        javafx.geometry.Point2D mouse = center(robot, apply);
        robot.clickOn(apply);
        UiTestSupport.waitUntil("apply asks again", () -> UiTestSupport.shown(robot, "#confirmApplyButton"));
        Node confirm = robot.lookup("#confirmApplyButton").query();
        UiTestSupport.waitUntilLaidOutAndStill(confirm);
        assertEquals(sectionAt, sceneTop(robot, section), 0.5, "the page did not move: the question fits below");
        assertEquals(listAt, sceneTop(robot, list), 0.5, "the list of changes stayed where it was");
        javafx.geometry.Bounds[] confirmBounds = new javafx.geometry.Bounds[1];
        robot.interact(() -> confirmBounds[0] = confirm.localToScene(confirm.getBoundsInLocal()));
        assertTrue(!confirmBounds[0].contains(mouse), "the confirm button is not where Apply was pressed: "
                + confirmBounds[0] + " " + mouse);
        assertTrue(top(page, confirm) + confirm.getBoundsInLocal().getHeight()
                <= viewportTop(page) + page.getViewportBounds().getHeight(), "the confirm button is in view");
    }

    /** Every word shown inside {@code root}: labels, buttons, and the lines of lists. */
    private static java.util.List<String> shownWords(Node root) {
        java.util.List<String> words = new java.util.ArrayList<>();
        for (Node n : root.lookupAll("*")) {
            if (!UiTestSupport.shown(n)) {
                continue;
            }
            if (n instanceof javafx.scene.control.Labeled l && l.getText() != null) {
                words.add(l.getText());
            } else if (n instanceof ListView<?> v) {
                v.getItems().forEach(i -> words.add(String.valueOf(i)));
            }
        }
        return words;
    }

    private static double sceneTop(FxRobot robot, Node n) {
        double[] top = new double[1];
        robot.interact(() -> top[0] = n.localToScene(n.getBoundsInLocal()).getMinY());
        return top[0];
    }

    private static javafx.geometry.Point2D center(FxRobot robot, Node n) {
        javafx.geometry.Point2D[] c = new javafx.geometry.Point2D[1];
        robot.interact(() -> {
            Bounds b = n.localToScene(n.getBoundsInLocal());
            c[0] = new javafx.geometry.Point2D(b.getCenterX(), b.getCenterY());
        });
        return c[0];
    }

    @Test
    void applyAsksFirstWhenAnotherRunSeemsInProgress(FxRobot robot) {
        UiTestSupport.signInToSandbox(robot, window);
        // Someone else (another vault) made emite_Access a moment ago.
        com.emite.setup.sandbox.Sandbox sb = UiTestSupport.sandbox(window);
        com.emite.setup.genesys.GenesysClient other = com.emite.setup.genesys.GenesysClient.forSingleBase(sb.baseUrl());
        other.signInWithClientCredentials(sb.adminClientId(), sb.adminClientSecret());
        other.createGroup(new com.emite.setup.genesys.model.GroupCreate("emite_Access", "made by another run",
                "official", "public", false, java.util.List.of()));
        UiTestSupport.checkMyOrg(robot);
        UiTestSupport.pressApplyAndOpenVault(robot, true);

        assertTrue(UiTestSupport.shown(robot, "#otherRunCaution"), "the caution is on the confirmation");
        assertTrue(UiTestSupport.text(robot, "#otherRunTitle").startsWith("Another run seems to be in progress"));
        assertTrue(UiTestSupport.text(robot, "#otherRunWhatToDo").contains("wait until the other run has ended"));
        String details = UiTestSupport.text(robot, "#otherRunDetails");
        assertTrue(details.startsWith("Made or changed recently: group emite_Access (changed "), details);
        assertTrue(!details.contains("Wait until"), "the engine's advice is not repeated under the window's: " + details);
        ScrollPane page = robot.lookup("#reviewView").queryAs(ScrollPane.class);
        Node confirmNode = robot.lookup("#confirmApplyButton").query();
        UiTestSupport.waitUntil("the confirm button is in view with the caution", () -> {
            double top = top(page, confirmNode);
            return top >= viewportTop(page) && top + confirmNode.getBoundsInLocal().getHeight()
                    <= viewportTop(page) + page.getViewportBounds().getHeight();
        });
        javafx.scene.control.Button confirm = robot.lookup("#confirmApplyButton").queryButton();
        assertTrue(confirm.isDisabled(), "apply waits for an answer");
        UiTestSupport.waitUntil("the keyboard is on the tick", () -> confirm.getScene().getFocusOwner() != null
                && "otherRunSureCheck".equals(confirm.getScene().getFocusOwner().getId()));
        assertEquals("Tick the box above first, or go back and wait.",
                UiTestSupport.text(robot, "#confirmApplyButtonReason"));

        robot.clickOn(UiTestSupport.inView(robot, "#otherRunSureCheck"));
        UiTestSupport.waitUntil("apply can be confirmed", () -> !confirm.isDisabled());
        assertEquals("", UiTestSupport.text(robot, "#confirmApplyButtonReason"));
        UiTestSupport.confirmAndWait(robot);
        assertTrue(UiTestSupport.text(robot, "#applyHeadline").startsWith("Done"),
                () -> UiTestSupport.text(robot, "#applyHeadline"));
        assertEquals(1, sb.inspect().groupIdsNamed("emite_Access").size(), "the other run's group is used, not made twice");
    }

    /** Signed in and checked, the Review page never shown yet; it creates the vault and leaves apply asking. */
    private void noCautionWhenNothingUnknownWasMadeRecentlyAndTheQuestionIsInView(FxRobot robot) {
        // Apply pressed where a person first sees it, the page at its top (not scrolled to the button first).
        UiTestSupport.tab(robot, "reviewTab");
        ScrollPane page = robot.lookup("#reviewView").queryAs(ScrollPane.class);
        robot.interact(() -> page.setVvalue(page.getVmin()));
        Node apply = robot.lookup("#applyButton").query();
        UiTestSupport.waitUntilLaidOutAndStill(apply);
        assertTrue(top(page, apply) + apply.getBoundsInLocal().getHeight() < page.getViewportBounds().getHeight(),
                "Apply is in view at the page's top");
        robot.clickOn(apply);
        UiTestSupport.waitUntil("the vault window", () -> UiTestSupport.shown(robot, "#vaultSubmitButton"));
        UiTestSupport.type(robot, "#vaultPassword", UiTestSupport.PASSWORD);
        UiTestSupport.type(robot, "#vaultPasswordRepeat", UiTestSupport.PASSWORD);
        robot.clickOn("#vaultSubmitButton");
        UiTestSupport.waitUntil("apply asks", () -> UiTestSupport.shown(robot, "#confirmApplyButton"));
        assertTrue(!UiTestSupport.shown(robot, "#otherRunCaution")
                && !robot.lookup("#confirmApplyButton").queryButton().isDisabled(), "a plain confirmation");
        // The question is in view without scrolling: the confirm button lies inside what the page shows.
        Node confirm = robot.lookup("#confirmApplyButton").query();
        UiTestSupport.waitUntil("the confirmation is in view", () -> {
            double top = top(page, confirm);
            return top >= viewportTop(page) && top + confirm.getBoundsInLocal().getHeight()
                    <= viewportTop(page) + page.getViewportBounds().getHeight();
        });
    }

    /** While the confirmation asks with the vault open; it ends after the apply, in "Done". */
    private void theVaultLockingWhileApplyAsksGoesBackToApplyAndApplyOpensItAgain(FxRobot robot) {
        assertTrue(UiTestSupport.shown(robot, "#confirmApplyButton") && window.session().vault() != null);
        robot.clickOn("#lockVaultButton");
        UiTestSupport.waitUntil("apply asks no more", () -> !UiTestSupport.shown(robot, "#confirmApplyButton")
                && UiTestSupport.text(robot, "#applyHeadline").startsWith("The vault was locked while the question"));
        assertTrue(UiTestSupport.shown(robot, "#applyButton"));

        UiTestSupport.pressApplyAndOpenVault(robot, false);
        UiTestSupport.confirmAndWait(robot);
        assertTrue(UiTestSupport.text(robot, "#applyHeadline").startsWith("Done"),
                () -> UiTestSupport.text(robot, "#applyHeadline"));
    }

    private static ScrollBar listBar(ListView<?> list) {
        for (Node n : list.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar b && b.getOrientation() == javafx.geometry.Orientation.VERTICAL) {
                return b;
            }
        }
        return null;
    }

    /** At least how far the list's lines reach beyond what it shows, in pixels (every line as tall as the tallest). */
    private static double listRangePixels(ListView<?> list) {
        double line = list.lookupAll(".list-cell").stream().mapToDouble(n -> n.getLayoutBounds().getHeight()).max()
                .orElse(NOTCH);
        return Math.max(0, list.getItems().size() * line - list.getHeight());
    }

    private static double viewportTop(ScrollPane page) {
        double extra = page.getContent().getLayoutBounds().getHeight() - page.getViewportBounds().getHeight();
        return Math.max(0, extra) * (page.getVvalue() - page.getVmin()) / (page.getVmax() - page.getVmin());
    }

    private static double top(ScrollPane page, Node n) {
        return page.getContent().sceneToLocal(n.localToScene(n.getBoundsInLocal())).getMinY();
    }
}
