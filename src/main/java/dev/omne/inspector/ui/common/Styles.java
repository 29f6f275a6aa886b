package dev.omne.inspector.ui.common;

import dev.omne.inspector.core.event.EventTypes;
import javafx.css.PseudoClass;

/** Style-class names used by the views and defined in {@code app.css}. */
public final class Styles {
    public static final String STYLESHEET = "/dev/omne/inspector/ui/app.css";

    static final String ICON = "app-icon";
    public static final String MUTED = "muted";
    public static final String MONO = "mono";
    public static final String TITLE = "title";
    /** The top band of the app's own dialogs, and its heading. */
    public static final String DIALOG_TOP = "dialog-top";
    public static final String DIALOG_HEADING = "dialog-heading";

    public static final String RUN_LIST = "run-list";
    public static final String RUN_CELL = "run-cell";
    public static final String RUN_NAME = "run-name";
    public static final String RUN_ID = "run-id";
    public static final String RUN_META = "run-meta";
    public static final String BADGE = "badge";
    public static final String RUN_MARK = "run-mark";
    public static final String SEARCH_BOX = "search-box";

    public static final String EVENT_TABLE = "event-table";
    public static final String SUMMARY_CELL = "summary-cell";
    public static final String TYPE_CELL = "type-cell";
    public static final String NUMBER_CELL = "number-cell";
    public static final String PLACEHOLDER_TEXT = "placeholder-text";
    public static final String FOLLOW_CHIP = "follow-chip";

    public static final String DETAIL = "detail";
    static final String DETAIL_HEADER = "detail-header";
    public static final String DETAIL_TEXT = "detail-text";
    public static final String DETAIL_MESSAGE = "detail-message";
    public static final String ERROR_MARK = "error-mark";

    public static final String STATUS_BAR = "status-bar";
    public static final String STATUS_ITEM = "status-item";
    public static final String MALFORMED_BUTTON = "malformed-button";
    public static final String DIAGNOSTICS_POPUP = "diagnostics-popup";

    public static final String TIMELINE = "timeline";
    public static final String TIMELINE_EMPTY = "timeline-empty";

    public static final String EMPTY_STATE = "empty-state";
    public static final String PANE_HEADER = "pane-header";
    public static final String TOOL_BUTTON = "tool-button";

    public static final PseudoClass MALFORMED = PseudoClass.getPseudoClass("malformed");
    public static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    public static final PseudoClass PAUSED = PseudoClass.getPseudoClass("paused");
    public static final PseudoClass HAS_ERRORS = PseudoClass.getPseudoClass("has-errors");

    private Styles() {
    }


    public static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");
    private static final PseudoClass[] TONES = new PseudoClass[EventTypes.Tone.values().length];

    static {
        for (EventTypes.Tone t : EventTypes.Tone.values()) {
            TONES[t.ordinal()] = PseudoClass.getPseudoClass("tone-" + t.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** {@code :tone-node}, ... */
    public static PseudoClass tone(EventTypes.Tone tone) {
        return TONES[tone.ordinal()];
    }

}
