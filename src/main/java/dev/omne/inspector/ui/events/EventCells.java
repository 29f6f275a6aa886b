package dev.omne.inspector.ui.events;

import dev.omne.inspector.core.event.EventTypes;
import dev.omne.inspector.ui.common.AppIcon;
import dev.omne.inspector.ui.common.Styles;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;

import java.util.function.IntFunction;

/**
 * The events table's columns, cells and rows. Items are row keys ({@link RowList}); every cell reads its text
 * from the ViewModel (the index columns through {@link RowCells}, summaries read in the background), so a cell
 * holds no state of its own beyond its controls, and resets all of it for an empty row.
 */
final class EventCells {
    private static final PseudoClass CHOSEN_NODE = PseudoClass.getPseudoClass("chosen-node");

    private final EventTableViewModel model;
    private final RowCells cells;

    EventCells(EventTableViewModel model) {
        this.model = model;
        this.cells = model.cells();
    }

    /** Puts the columns and the row factory into the table. */
    void install(TableView<Long> table) {
        table.getColumns().add(column("Line", 68, cells::lineText, null, "number-cell", "line-cell"));
        TableColumn<Long, Long> time = column("Time", TIME_WIDTH, cells::timeText, cells::timeTooltip, Styles.NUMBER_CELL);
        cells.relativeTimeProperty().addListener((obs, old, relative) -> {
            time.setText(relative ? "Since start" : "Time");
            table.refresh();
        });
        time.setText(cells.relativeTimeProperty().get() ? "Since start" : "Time");
        // A time since start grows past the column's usual width (+556:37:51.123 after days): the column widens.
        Runnable fitTime = () -> fitTime(time);
        cells.relativeTimeProperty().addListener((obs, old, relative) -> fitTime.run());
        model.snapshotProperty().addListener((obs, old, s) -> fitTime.run());
        table.getColumns().add(time);
        table.getColumns().add(column("Delta", 86, cells::deltaText, null, Styles.NUMBER_CELL));
        table.getColumns().add(typeColumn());
        table.getColumns().add(column("Node", 120, cells::nodeText, null));
        table.getColumns().add(column("Kind", 84, cells::kindText, null));
        table.getColumns().add(summaryColumn());
        for (TableColumn<Long, ?> c : table.getColumns()) {
            c.setSortable(false);
            c.setReorderable(false);
        }
        table.setRowFactory(t -> new EventRow());
        model.chosenNode().nodeProperty().addListener((obs, old, node) -> table.refresh());
    }

    private static final double TIME_WIDTH = 108;

    /** Widens the Time column to the longest time it shows (the last row's, since start), never narrows it below its usual width. */
    private void fitTime(TableColumn<Long, Long> time) {
        int last = model.rowCount() - 1;
        String widest = last < 0 ? "" : cells.timeText(last);
        javafx.scene.text.Text probe = new javafx.scene.text.Text(widest + "0");
        probe.setFont(javafx.scene.text.Font.font("DejaVu Sans Mono", 12));
        double needed = Math.max(TIME_WIDTH, Math.ceil(probe.getLayoutBounds().getWidth()) + 16);
        if (time.getMinWidth() != needed) {
            time.setMinWidth(needed);
            time.setPrefWidth(Math.max(time.getPrefWidth(), needed));
        }
    }

    private TableColumn<Long, Long> column(String title, double width, IntFunction<String> text,
                                                 IntFunction<String> tooltip, String... styles) {
        TableColumn<Long, Long> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        // Numbers (line, time, delta) must never be clipped: they keep their width in a narrow window.
        boolean numbers = java.util.Arrays.asList(styles).contains(Styles.NUMBER_CELL) || title.equals("Line");
        column.setMinWidth(numbers ? width : width * 0.8);
        column.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyObjectWrapper<>(f.getValue()));
        column.setCellFactory(c -> new TextCell(text, tooltip, styles));
        return column;
    }

    private TableColumn<Long, Long> typeColumn() {
        TableColumn<Long, Long> column = new TableColumn<>("Type");
        column.setPrefWidth(140);
        column.setMinWidth(140);
        column.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyObjectWrapper<>(f.getValue()));
        column.setCellFactory(c -> new TypeCell());
        return column;
    }

    private TableColumn<Long, String> summaryColumn() {
        TableColumn<Long, String> column = new TableColumn<>("Summary");
        column.setPrefWidth(480);
        column.setMinWidth(160);
        column.setCellValueFactory(f -> summary(f.getValue()));
        column.setCellFactory(c -> new SummaryCell());
        return column;
    }

    private ObservableValue<String> summary(Long item) {
        return model.texts().summary(RowList.row(item));
    }

    /**
     * Gives a cell its tooltip only when the pointer first rests on it: a screenful of cells would otherwise
     * build dozens of tooltip popups that nobody looks at, on the UI thread, just as a run opens.
     */
    private static void tooltipOnHover(IndexedCell<?> cell, java.util.function.Supplier<String> text, double delayMillis) {
        cell.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
            String s = cell.isEmpty() ? null : text.get();
            if (s == null || s.isEmpty()) {
                cell.setTooltip(null);
                return;
            }
            Tooltip tip = cell.getTooltip();
            if (tip == null) {
                tip = new Tooltip();
                tip.setShowDelay(Duration.millis(delayMillis));
                tip.setWrapText(true);
                tip.setMaxWidth(640);
                cell.setTooltip(tip);
            }
            tip.setText(s);
        });
    }

    /** A cell whose text (and tooltip) come from the row number. */
    private static final class TextCell extends TableCell<Long, Long> {
        private final IntFunction<String> text;

        TextCell(IntFunction<String> text, IntFunction<String> tooltipText, String... styles) {
            this.text = text;
            getStyleClass().addAll(styles);
            if (tooltipText != null) {
                tooltipOnHover(this, () -> getItem() == null ? null : tooltipText.apply(RowList.row(getItem())), 400);
            }
        }

        @Override
        protected void updateItem(Long item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : text.apply(RowList.row(item)));
        }
    }

    /** The event type, coloured by what it means; a malformed line says so with an icon. */
    private final class TypeCell extends TableCell<Long, Long> {
        private Node malformedIcon;
        private PseudoClass tone;

        TypeCell() {
            getStyleClass().add(Styles.TYPE_CELL);
        }

        @Override
        protected void updateItem(Long item, boolean empty) {
            super.updateItem(item, empty);
            // Pseudo-classes, not style classes: switching them is cheap, as it must be while rows fly by.
            PseudoClass next = empty || item == null ? null : Styles.tone(cells.typeTone(RowList.row(item)));
            if (next != tone) {
                if (tone != null) {
                    pseudoClassStateChanged(tone, false);
                }
                if (next != null) {
                    pseudoClassStateChanged(next, true);
                }
                tone = next;
            }
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            int row = RowList.row(item);
            boolean malformed = cells.typeTone(row) == EventTypes.Tone.MALFORMED;
            setText(cells.typeText(row));
            if (malformed && malformedIcon == null) {
                malformedIcon = AppIcon.MALFORMED.icon();
            }
            setGraphic(malformed ? malformedIcon : null);
        }
    }

    /** The one-line summary, read from the file in the background: a placeholder until it arrives. */
    private final class SummaryCell extends TableCell<Long, String> {
        SummaryCell() {
            getStyleClass().add(Styles.SUMMARY_CELL);
            tooltipOnHover(this, () -> {
                String text = getItem();
                return text == null || text.length() < 60 || RowTextLoader.PLACEHOLDER.equals(text) ? null : text;
            }, 700);
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty ? null : text);
            pseudoClassStateChanged(Styles.PENDING, !empty && RowTextLoader.PLACEHOLDER.equals(text));
        }
    }

    /** A row: marked when its line is malformed, or is an event with a warning. */
    private final class EventRow extends TableRow<Long> {
        EventRow() {
            tooltipOnHover(this, () -> {
                Long item = getItem();
                int row = item == null ? -1 : RowList.row(item);
                return row >= 0 && cells.hasWarning(row) && !cells.isMalformed(row) ? "Warning: " + cells.warningText(row)
                        : null;
            }, 500);
        }

        @Override
        protected void updateItem(Long item, boolean empty) {
            super.updateItem(item, empty);
            int row = empty || item == null ? -1 : RowList.row(item);
            boolean malformed = row >= 0 && cells.isMalformed(row);
            boolean warned = row >= 0 && !malformed && cells.hasWarning(row);
            pseudoClassStateChanged(Styles.MALFORMED, malformed);
            pseudoClassStateChanged(Styles.WARNING, warned);
            pseudoClassStateChanged(CHOSEN_NODE, row >= 0 && model.chosenNode().isMarked(row));
        }
    }
}
