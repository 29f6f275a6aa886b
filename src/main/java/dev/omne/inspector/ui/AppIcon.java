package dev.omne.inspector.ui;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/** Every icon of the window, in one place. Icons are coloured by the stylesheet, never in code. */
enum AppIcon {
    OPEN(MaterialDesignF.FOLDER_OPEN_OUTLINE),
    RECENT(MaterialDesignH.HISTORY),
    DEMO(MaterialDesignP.PLAY_CIRCLE_OUTLINE),
    QUIT(MaterialDesignC.CLOSE),
    SEARCH(MaterialDesignM.MAGNIFY),
    RUNNING(MaterialDesignP.PROGRESS_CLOCK),
    COMPLETED(MaterialDesignC.CHECK_CIRCLE),
    FAILED(MaterialDesignC.CLOSE_CIRCLE),
    UNKNOWN(MaterialDesignH.HELP_CIRCLE_OUTLINE),
    MALFORMED(MaterialDesignA.ALERT_CIRCLE),
    WARNING(MaterialDesignA.ALERT_OUTLINE),
    COPY(MaterialDesignC.CONTENT_COPY),
    FOLLOWING(MaterialDesignA.ARROW_COLLAPSE_DOWN),
    PAUSED(MaterialDesignP.PAUSE_CIRCLE_OUTLINE),
    NEXT(MaterialDesignC.CHEVRON_DOWN),
    PREVIOUS(MaterialDesignC.CHEVRON_UP),
    GO_TO_LINE(MaterialDesignF.FORMAT_LIST_NUMBERED),
    TIME(MaterialDesignC.CLOCK_OUTLINE),
    NO_VOLUME(MaterialDesignF.FOLDER_SEARCH_OUTLINE),
    INDEXING(MaterialDesignT.TIMER_SAND),
    JSON(MaterialDesignC.CODE_JSON),
    LOG_GONE(MaterialDesignF.FILE_ALERT_OUTLINE),
    INJECT(MaterialDesignP.PLAYLIST_PLUS),
    LINKED(MaterialDesignL.LINK_VARIANT),
    NOTICE(MaterialDesignA.ALERT_OUTLINE),
    UNREADABLE(MaterialDesignF.FILE_CANCEL_OUTLINE),
    FILTER(MaterialDesignF.FILTER_OUTLINE),
    CLEAR(MaterialDesignC.CLOSE_CIRCLE_OUTLINE),
    THEME(MaterialDesignT.THEME_LIGHT_DARK),
    LIGHT_THEME(MaterialDesignW.WHITE_BALANCE_SUNNY),
    DARK_THEME(MaterialDesignW.WEATHER_NIGHT),
    ZOOM_IN(MaterialDesignM.MAGNIFY_PLUS_OUTLINE),
    ZOOM_OUT(MaterialDesignM.MAGNIFY_MINUS_OUTLINE),
    FIT(MaterialDesignA.ARROW_EXPAND_HORIZONTAL),
    TIMELINE(MaterialDesignC.CHART_GANTT);

    private final Ikon ikon;

    AppIcon(Ikon ikon) {
        this.ikon = ikon;
    }

    /** A new icon node (a node can have one parent, so each use makes its own). */
    FontIcon icon() {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().addAll(Styles.ICON, "icon-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        return icon;
    }

    Ikon ikon() {
        return ikon;
    }
}
