package dev.omne.inspector.ui.filter;

import dev.omne.inspector.core.event.EventTypes;
import dev.omne.inspector.ui.common.Action;
import dev.omne.inspector.ui.common.AppIcon;
import dev.omne.inspector.ui.common.Styles;
import dev.omne.inspector.ui.common.Formats;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The filter field over the timeline and the table: the text, a "failures only" toggle, how many rows match,
 * and a row of type facets with their counts. Esc in the field clears the filter.
 */
public final class FilterBarView extends VBox {
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass FILTERED = PseudoClass.getPseudoClass("filtered");
    private static final PseudoClass BUSY = PseudoClass.getPseudoClass("busy");
    static final String PROMPT = "Filter: text, /regex/, type:node.failed, node:plan, kind:bash, is:failure, after:TIME";

    private static final double SUMMARY_WIDTH = 190;

    private final FilterBarViewModel model;
    private final TextField field = new TextField();
    private final HBox facetRow = new HBox();
    private final ScrollPane facetScroll = new ScrollPane();
    private Runnable onLeave = () -> { };

    public FilterBarView(FilterBarViewModel model) {
        this.model = model;
        getStyleClass().add("filter-bar");

        field.setId("filter-field");
        field.getStyleClass().add("filter-field");
        field.setPromptText(PROMPT);
        field.textProperty().bindBidirectional(model.textProperty());
        field.setTooltip(new Tooltip("""
                Words match anywhere in the line, ignoring case; "a phrase" stays whole; /regex/ is a regular expression.
                type:, node:, kind: match those fields (type:node.* for a prefix; the same key twice means either).
                is:failure (failed nodes and runs, malformed lines), is:error, is:warning.
                after:TIME before:TIME take RFC 3339 times (a range dragged on the timeline writes them).
                -term excludes. Ctrl+F comes here, Esc clears, Enter or Down goes to the table."""));
        HBox.setHgrow(field, Priority.ALWAYS);
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                if (field.getText() == null || field.getText().isEmpty()) {
                    onLeave.run();
                } else {
                    model.clear();
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.DOWN) {
                onLeave.run();
                e.consume();
            }
        });
        model.errorProperty().addListener((obs, old, error) -> field.pseudoClassStateChanged(ERROR, error != null));
        model.activeProperty().addListener((obs, old, on) -> field.pseudoClassStateChanged(FILTERED, on));

        Button clear = new Button(null, AppIcon.CLEAR.icon());
        clear.setId("filter-clear");
        clear.getStyleClass().add(Styles.TOOL_BUTTON);
        clear.setTooltip(new Tooltip(Action.CLEAR_FILTER.hint("Clear the filter")));
        clear.setFocusTraversable(false);
        clear.setOnAction(e -> model.clear());
        clear.visibleProperty().bind(model.textProperty().isNotEmpty());
        StackPane fieldBox = new StackPane(field, clear);
        StackPane.setAlignment(clear, Pos.CENTER_RIGHT);
        HBox.setHgrow(fieldBox, Priority.ALWAYS);

        ToggleButton failures = new ToggleButton("Failures only", AppIcon.FAILED.icon());
        failures.setId("toggle-failures-only");
        failures.getStyleClass().add(Styles.TOOL_BUTTON);
        failures.setFocusTraversable(false);
        failures.setTooltip(new Tooltip("Only failed nodes and runs, and malformed lines (is:failure)"));
        failures.setSelected(model.failuresOnlyProperty().get());
        model.failuresOnlyProperty().addListener((obs, old, on) -> failures.setSelected(on));
        failures.setOnAction(e -> {
            model.toggleFailuresOnly();
            failures.setSelected(model.failuresOnlyProperty().get());
        });

        Button clearRange = new Button("Time range", AppIcon.CLEAR.icon());
        clearRange.setId("filter-clear-range");
        clearRange.getStyleClass().addAll(Styles.TOOL_BUTTON, "range-chip");
        clearRange.setFocusTraversable(false);
        clearRange.setTooltip(new Tooltip("Remove the time range from the filter"));
        clearRange.setOnAction(e -> model.clearTimeRange());
        clearRange.visibleProperty().bind(model.timeRangeProperty());
        clearRange.managedProperty().bind(model.timeRangeProperty());

        Label summary = new Label();
        summary.setId("filter-summary");
        summary.getStyleClass().addAll(Styles.MUTED, "filter-summary");
        summary.textProperty().bind(model.summaryProperty());
        // Room for "1,000,000 of 1,000,000 rows" kept whether a filter is active or not: the field never
        // changes width as one starts and clears filters.
        summary.setMinWidth(SUMMARY_WIDTH);
        summary.setPrefWidth(SUMMARY_WIDTH);
        summary.setAlignment(Pos.CENTER_RIGHT);

        // While a long filter works, the summary says how far it got (a spinner would redraw every frame).
        summary.pseudoClassStateChanged(BUSY, model.busyProperty().get());
        model.busyProperty().addListener((obs, old, on) -> summary.pseudoClassStateChanged(BUSY, on));
        // Why the text is no filter shows on the line of the chips, over them, the whole width: neither the
        // field nor anything below moves or shrinks as one types.
        Label error = new Label();
        error.setId("filter-error");
        error.getStyleClass().add("filter-error");
        error.textProperty().bind(model.errorProperty());
        error.setMaxWidth(Double.MAX_VALUE);
        error.setMinWidth(0);
        Tooltip errorTip = new Tooltip();
        errorTip.textProperty().bind(model.errorProperty());
        errorTip.setWrapText(true);
        errorTip.setMaxWidth(520);
        error.setTooltip(errorTip);
        error.visibleProperty().bind(model.errorProperty().isNotNull());

        HBox line = new HBox(6, AppIcon.FILTER.icon(), fieldBox, clearRange, failures, summary);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("filter-line");

        facetRow.setId("facets");
        facetRow.getStyleClass().add("facet-row");
        facetRow.setAlignment(Pos.CENTER_LEFT);
        // One line of chips that never changes height (a scroll bar coming and going would move the table and
        // timeline below and redraw them): chips that do not fit scroll sideways with the wheel.
        facetScroll.setContent(facetRow);
        facetScroll.getStyleClass().add("facet-scroll");
        facetScroll.setFitToHeight(true);
        facetScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        facetScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        facetScroll.setPannable(true);
        facetScroll.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> {
            double width = facetRow.getWidth() - facetScroll.getViewportBounds().getWidth();
            if (width > 0) {
                double delta = e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY();
                facetScroll.setHvalue(Math.clamp(facetScroll.getHvalue() - delta / width, 0, 1));
                e.consume();
            }
        });
        facetScroll.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.facets())
                .and(model.errorProperty().isNull()));
        model.facets().addListener((ListChangeListener<FilterBarViewModel.Facet>) c -> rebuildFacets());
        rebuildFacets();

        StackPane facetLine = new StackPane(facetScroll, error);
        StackPane.setAlignment(error, Pos.CENTER_LEFT);
        getChildren().addAll(line, facetLine);
    }

    private void rebuildFacets() {
        // A chip with the keyboard focus (clicked, or reached with Tab) keeps it in its new chip: removed, it would
        // hand the focus to the scene's first control, the runs list's search field, which takes Esc for itself.
        Object focusedType = facetRow.getChildren().stream().filter(Node::isFocused).map(Node::getUserData)
                .findFirst().orElse(null);
        facetRow.getChildren().clear();
        Node refocus = focusedType == null ? null : field;
        for (FilterBarViewModel.Facet facet : model.facets()) {
            Node chip = chip(facet);
            facetRow.getChildren().add(chip);
            if (facet.type().equals(focusedType)) {
                refocus = chip;
            }
        }
        if (refocus != null) {
            refocus.requestFocus();
        }
    }

    private Node chip(FilterBarViewModel.Facet facet) {
        ToggleButton chip = new ToggleButton(facet.type() + "  " + (facet.counted() ? Formats.shortCount(facet.count()) : "…"));
        // Type names are data: an underscore in one is text, not a mnemonic.
        chip.setMnemonicParsing(false);
        chip.getStyleClass().add("facet-chip");
        chip.pseudoClassStateChanged(Styles.tone(EventTypes.tone(facet.type())), true);
        chip.setSelected(facet.chosen());
        // Tab from the field reaches the chips; Space toggles the focused one.
        chip.setFocusTraversable(true);
        chip.focusedProperty().addListener((obs, old, focused) -> {
            if (focused) {
                revealChip(chip);
            }
        });
        chip.setUserData(facet.type());
        chip.setTooltip(new Tooltip((facet.chosen() ? "Stop showing only " : "Show only ") + facet.type() + " ("
                + (facet.counted() ? Formats.count(facet.count()) + (facet.count() == 1 ? " row" : " rows")
                : "rows being counted") + " under the rest of the filter)"));
        chip.setOnAction(e -> model.toggleType(facet.type()));
        return chip;
    }

    /** Scrolls the chips so that a chip reached by the keyboard is in view. */
    private void revealChip(Node chip) {
        double width = facetRow.getWidth() - facetScroll.getViewportBounds().getWidth();
        if (width <= 0) {
            return;
        }
        double left = chip.getBoundsInParent().getMinX();
        double right = chip.getBoundsInParent().getMaxX();
        double shownFrom = facetScroll.getHvalue() * width;
        double viewport = facetScroll.getViewportBounds().getWidth();
        if (left < shownFrom) {
            facetScroll.setHvalue(left / width);
        } else if (right > shownFrom + viewport) {
            facetScroll.setHvalue(Math.min(1, (right - viewport) / width));
        }
    }

    TextField field() {
        return field;
    }

    /** What Enter, Down, or Esc in an empty field do: go back to the table. */
    public void setOnLeave(Runnable action) {
        onLeave = action;
    }

    /** Ctrl+F: to the field, its text selected for typing over. */
    public void focusField() {
        field.requestFocus();
        field.selectAll();
    }
}
