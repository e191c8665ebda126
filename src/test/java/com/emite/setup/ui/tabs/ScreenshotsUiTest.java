package com.emite.setup.ui.tabs;

import com.emite.setup.ui.UiTestSupport;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Screenshots of every tab at 1280×800 and 1024×700 after a real check and apply on the demo org, for docs/.
 * Run: {@code mvn -B -o test -Dtest=ScreenshotsUiTest -Demite.screenshots=docs}.
 */
@EnabledIfSystemProperty(named = "emite.screenshots", matches = ".+")
class ScreenshotsUiTest extends TabUiTestBase {
    @org.testfx.framework.junit5.Start
    void start(javafx.stage.Stage s) throws java.io.IOException {
        open(s);
    }

    @Test
    void everyTabAtTwoSizes(FxRobot robot) throws Exception {
        Path out = Path.of(System.getProperty("emite.screenshots"));
        Files.createDirectories(out);
        // TestFX shares one stage across test classes: the next class gets it back at the size it had.
        double width = stage.getWidth();
        double height = stage.getHeight();
        try {
            shootEveryTab(robot, out);
        } finally {
            robot.interact(() -> {
                stage.setWidth(width);
                stage.setHeight(height);
            });
        }
        org.junit.jupiter.api.Assertions.assertEquals(width, stage.getWidth(), 0.5, "the stage's width is back");
        org.junit.jupiter.api.Assertions.assertEquals(height, stage.getHeight(), 0.5, "the stage's height is back");
    }

    private void shootEveryTab(FxRobot robot, Path out) throws Exception {
        signedInAndChecked(robot);
        UiTestSupport.tab(robot, "groupsTab");
        robot.clickOn(UiTestSupport.inView(robot, "#pickerSearch-emite_Access")).write("admin");
        ListView<?> found = robot.lookup("#pickerResults-emite_Access").queryAs(ListView.class);
        UiTestSupport.waitUntil("users found", () -> !found.getItems().isEmpty());
        UiTestSupport.doubleClick(robot, UiTestSupport.inView(robot,
                robot.lookup("#pickerResults-emite_Access .list-cell").nth(0).queryAs(javafx.scene.Node.class)));
        robot.clickOn(UiTestSupport.inView(robot, "#pickerSearch-emite_DashboardViewer")).write("an");
        UiTestSupport.waitUntil("users found", () -> !robot.lookup("#pickerResults-emite_DashboardViewer")
                .queryAs(ListView.class).getItems().isEmpty());
        UiTestSupport.checkMyOrg(robot);
        UiTestSupport.tab(robot, "roleTab");
        shoot(robot, out, "", java.util.List.of(0, 1, 2, 3, 4, 5), new int[][]{{1280, 800}, {1024, 700}});
        UiTestSupport.pressApplyAndOpenVault(robot, true);
        UiTestSupport.confirmAndWait(robot);
        shoot(robot, out, "-after-apply", java.util.List.of(3, 5), new int[][]{{1280, 800}});
    }

    private void shoot(FxRobot robot, Path out, String when, java.util.List<Integer> which, int[][] sizes)
            throws Exception {
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        for (int[] size : sizes) {
            robot.interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            for (int i : which) {
                int index = i;
                // Through UiTestSupport.tab: it waits until the whole page is shown (a long page joins over pulses).
                UiTestSupport.tab(robot, tabs.getTabs().get(index).getId());
                // From the top of each page, as a person first sees it.
                robot.interact(() -> tabs.getTabs().get(index).getContent().lookupAll(".scroll-pane")
                        .stream().filter(n -> n instanceof javafx.scene.control.ScrollPane)
                        .forEach(n -> ((javafx.scene.control.ScrollPane) n).setVvalue(0)));
                WaitForAsyncUtils.waitForFxEvents();
                AtomicReference<WritableImage> image = new AtomicReference<>();
                robot.interact(() -> image.set(stage.getScene().snapshot(null)));
                String id = tabs.getTabs().get(i).getId().replace("Tab", "");
                write(image.get(), out.resolve("screenshot-" + id + when + "-" + size[0] + "x" + size[1]
                        + ".png"));
            }
        }
    }

    private static void write(WritableImage image, Path file) throws java.io.IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader r = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                b.setRGB(x, y, r.getArgb(x, y));
            }
        }
        ImageIO.write(b, "png", file.toFile());
    }
}
