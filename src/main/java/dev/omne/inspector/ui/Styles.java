package dev.omne.inspector.ui;

import javafx.css.PseudoClass;

/** Style-class names used by the views and defined in {@code app.css}. */
final class Styles {
    static final String STYLESHEET = "/dev/omne/inspector/ui/app.css";

    static final String ICON = "app-icon";
    static final String MUTED = "muted";
    static final String MONO = "mono";
    static final String TITLE = "title";

    static final String RUN_LIST = "run-list";
    static final String RUN_CELL = "run-cell";
    static final String RUN_NAME = "run-name";
    static final String RUN_ID = "run-id";
    static final String RUN_META = "run-meta";
    static final String BADGE = "badge";
    static final String RUN_MARK = "run-mark";
    static final String SEARCH_BOX = "search-box";

    static final String EVENT_TABLE = "event-table";
    static final String SUMMARY_CELL = "summary-cell";
    static final String TYPE_CELL = "type-cell";
    static final String NUMBER_CELL = "number-cell";
    static final String PLACEHOLDER_TEXT = "placeholder-text";
    static final String FOLLOW_CHIP = "follow-chip";

    static final String DETAIL = "detail";
    static final String DETAIL_HEADER = "detail-header";
    static final String DETAIL_TEXT = "detail-text";
    static final String DETAIL_MESSAGE = "detail-message";
    static final String ERROR_MARK = "error-mark";

    static final String STATUS_BAR = "status-bar";
    static final String STATUS_ITEM = "status-item";
    static final String MALFORMED_BUTTON = "malformed-button";
    static final String DIAGNOSTICS_POPUP = "diagnostics-popup";

    static final String TIMELINE = "timeline";
    static final String TIMELINE_EMPTY = "timeline-empty";

    static final String EMPTY_STATE = "empty-state";
    static final String PANE_HEADER = "pane-header";
    static final String TOOL_BUTTON = "tool-button";

    static final PseudoClass MALFORMED = PseudoClass.getPseudoClass("malformed");
    static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    static final PseudoClass PAUSED = PseudoClass.getPseudoClass("paused");
    static final PseudoClass HAS_ERRORS = PseudoClass.getPseudoClass("has-errors");

    private Styles() {
    }

    /** {@code status-running}, ... */
    static String status(dev.omne.inspector.ui.model.RunStatus status) {
        return "status-" + status.name().toLowerCase(java.util.Locale.ROOT);
    }

    static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");
    private static final PseudoClass[] TONES = new PseudoClass[TypeTone.values().length];

    static {
        for (TypeTone t : TypeTone.values()) {
            TONES[t.ordinal()] = PseudoClass.getPseudoClass("tone-" + t.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** {@code :tone-node}, ... */
    static PseudoClass tone(TypeTone tone) {
        return TONES[tone.ordinal()];
    }

    /** {@code json-key}, ... */
    static String json(dev.omne.inspector.ui.model.JsonSpans.Kind kind) {
        return "json-" + kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
