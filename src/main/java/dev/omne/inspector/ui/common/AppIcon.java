package dev.omne.inspector.ui.common;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/** Every icon of the window, in one place. Icons are coloured by the stylesheet, never in code. */
public enum AppIcon {
    OPEN(MaterialDesignF.FOLDER_OPEN_OUTLINE),
    FOLDER(MaterialDesignF.FOLDER_OUTLINE),
    DOT_FOLDER(MaterialDesignF.FOLDER_HIDDEN),
    PROJECT(MaterialDesignF.FOLDER_STAR_OUTLINE),
    OMNE_FOLDER(MaterialDesignF.FOLDER_COG_OUTLINE),
    RUN_FOLDER(MaterialDesignF.FOLDER_PLAY_OUTLINE),
    HOME(MaterialDesignH.HOME_OUTLINE),
    UP(MaterialDesignA.ARROW_UP),
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
    TIMELINE(MaterialDesignC.CHART_GANTT),
    GROUPING(MaterialDesignF.FORMAT_LIST_GROUP),
    RUN_VIEW(MaterialDesignF.FORMAT_LIST_BULLETED),
    HISTORY(MaterialDesignT.TABLE_CLOCK),
    STATISTICS(MaterialDesignC.CHART_BOX_OUTLINE),
    COMPARE(MaterialDesignC.COMPARE_HORIZONTAL),
    SWAP(MaterialDesignS.SWAP_HORIZONTAL),
    KIND_BASH(MaterialDesignC.CONSOLE),
    KIND_COMMAND(MaterialDesignC.CONSOLE_LINE),
    KIND_PROMPT(MaterialDesignR.ROBOT_OUTLINE),
    KIND_LOOP(MaterialDesignR.REPEAT),
    KIND_GATE(MaterialDesignS.SHIELD_CHECK_OUTLINE),
    KIND_OTHER(MaterialDesignC.CIRCLE_OUTLINE);

    /** The icon of a node kind (the timeline's lanes). */
    public static AppIcon ofKind(String kind) {
        return switch (kind == null ? "" : kind) {
            case "bash", "shell" -> KIND_BASH;
            case "command", "cmd" -> KIND_COMMAND;
            case "prompt", "agent" -> KIND_PROMPT;
            case "loop" -> KIND_LOOP;
            case "gate" -> KIND_GATE;
            default -> KIND_OTHER;
        };
    }

    /** The icon pack's font (loaded on first use), for drawing {@link #glyph()}s on a canvas. */
    public static javafx.scene.text.Font font(double size) {
        org.kordamp.ikonli.IkonHandler handler = org.kordamp.ikonli.IkonResolverProvider
                .getInstance(org.kordamp.ikonli.javafx.JavaFXFontLoader.getInstance())
                .resolve(KIND_OTHER.ikon.getDescription());
        String family = handler.getFontFamily();
        javafx.scene.text.Font font = javafx.scene.text.Font.font(family, size);
        if (!font.getFamily().equals(family)) {
            // The family is not registered yet (a canvas painted before any icon node was shown): asking for it by
            // name gives the default font, whose glyphs for these code points are empty boxes. Load it from the pack.
            try (java.io.InputStream in = handler.getFontResourceAsStream()) {
                javafx.scene.text.Font loaded = in == null ? null : javafx.scene.text.Font.loadFont(in, size);
                if (loaded != null) {
                    font = loaded;
                }
            } catch (java.io.IOException e) {
                // keep the default font: the marks beside the glyphs still say what they mean
            }
        }
        return font;
    }

    /** The icon's character in its font, for drawing on a canvas. */
    public String glyph() {
        return new String(Character.toChars(ikon.getCode()));
    }

    private final Ikon ikon;

    AppIcon(Ikon ikon) {
        this.ikon = ikon;
    }

    /** A new icon node (a node can have one parent, so each use makes its own). */
    public FontIcon icon() {
        FontIcon icon = new FontIcon(ikon);
        // Its font family comes from an inline style, so only a CSS pass sets it: a node made during layout (a list
        // cell's icon) would draw one frame in the default font, whose glyph for this code point is an empty box.
        icon.setFont(font(icon.getIconSize()));
        icon.getStyleClass().addAll(Styles.ICON, "icon-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        return icon;
    }

    Ikon ikon() {
        return ikon;
    }
}
