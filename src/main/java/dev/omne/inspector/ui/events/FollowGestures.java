package dev.omne.inspector.ui.events;

import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

import java.util.function.BooleanSupplier;

/**
 * Following the end of a growing run, as the user's gestures say: a gesture towards the top (wheel up, Page Up,
 * grabbing a scroll bar, ...) pauses at once; after any gesture, being at the end resumes. New rows themselves
 * never count as a gesture. End goes to the end and follows; Home goes to the run's first row.
 */
final class FollowGestures {
    private final EventTableViewModel model;
    private final BooleanSupplier atEnd;

    /** @param atEnd whether the view shows the run's last row in full */
    FollowGestures(EventTableViewModel model, TableView<Long> table, ScrollBar runBar, BooleanSupplier atEnd) {
        this.model = model;
        this.atEnd = atEnd;
        runBar.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> model.userScrolled(false));
        runBar.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> checkAtEndLater());
        wire(table);
    }

    private void wire(TableView<Long> table) {
        table.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() > 0) {
                model.userScrolled(false);
            }
            checkAtEndLater();
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            KeyCode code = e.getCode();
            if (code == KeyCode.END && !e.isShiftDown()) {
                e.consume();
                model.resumeFollowing();
                return;
            }
            if (code == KeyCode.HOME && !e.isShiftDown()) {
                // The run's first row, not the window's.
                e.consume();
                model.goToPosition(0);
                return;
            }
            if (code == KeyCode.UP || code == KeyCode.PAGE_UP || code == KeyCode.HOME || code == KeyCode.KP_UP) {
                model.userScrolled(false);
            }
            if (code == KeyCode.DOWN || code == KeyCode.PAGE_DOWN || code == KeyCode.KP_DOWN) {
                checkAtEndLater();
            }
        });
        table.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (isOnScrollBar(e.getPickResult().getIntersectedNode())) {
                model.userScrolled(false);
            }
        });
        table.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (isOnScrollBar(e.getPickResult().getIntersectedNode())) {
                checkAtEndLater();
            }
        });
    }

    private static boolean isOnScrollBar(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof ScrollBar bar) {
                return bar.getOrientation() == Orientation.VERTICAL;
            }
            if (n instanceof TableView) {
                return false;
            }
        }
        return false;
    }

    private void checkAtEndLater() {
        Platform.runLater(() -> {
            if (atEnd.getAsBoolean()) {
                model.userScrolled(true);
            }
        });
    }
}
