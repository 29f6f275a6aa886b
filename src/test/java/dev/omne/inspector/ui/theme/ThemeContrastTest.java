package dev.omne.inspector.ui.theme;

import dev.omne.inspector.ui.common.Styles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads app.css, resolves the colour variables of the light theme ({@code .root}) and the dark one
 * ({@code .theme-dark}) and checks the WCAG contrast of the pairs that carry text or state: 4.5 for text,
 * 3.0 for bold text on a selection, muted hints, punctuation and state icons.
 */
class ThemeContrastTest {
    private static final double TEXT = 4.5;
    private static final double LARGE = 3.0;

    record Pair(String foreground, String background, double minimum) {
    }

    private static final List<Pair> PAIRS = new ArrayList<>();

    private static void pairs(double minimum, String background, String... foregrounds) {
        for (String f : foregrounds) {
            PAIRS.add(new Pair(f, background, minimum));
        }
    }

    static {
        // Text and muted text on every surface (table rows alternate surface and surface-alt; headers are chrome).
        for (String bg : List.of("surface", "surface-alt", "chrome")) {
            pairs(TEXT, bg, "text", "text-muted");
        }
        // Selected rows keep their text colour; the tool button's selected state is the accent on selection.
        pairs(TEXT, "selection", "text", "accent");
        pairs(TEXT, "selection-focused", "text");
        pairs(LARGE, "selection-focused", "text-muted");
        // Event type tones (bold) on both row colours, and on a selected row.
        String[] tones = {"tone-run", "tone-node", "tone-gate", "tone-done", "tone-failed", "tone-other"};
        pairs(TEXT, "surface", tones);
        pairs(TEXT, "surface-alt", tones);
        pairs(LARGE, "selection-focused", tones);
        // Malformed rows and the detail's error message; the error column marker is surface on error.
        pairs(TEXT, "error-bg", "error");
        pairs(TEXT, "error-bg-selected", "error");
        pairs(TEXT, "chrome", "error");
        pairs(TEXT, "error", "surface");
        // Warnings: the badge, the warning message, the line number of a warning row, the paused follow state.
        pairs(TEXT, "warning-bg", "warning");
        pairs(TEXT, "surface", "warning");
        pairs(TEXT, "surface-alt", "warning");
        pairs(TEXT, "chrome", "warning");
        // JSON in the detail pane.
        pairs(TEXT, "surface", "json-key", "json-string", "json-number", "json-literal");
        pairs(LARGE, "surface", "json-punctuation");
        // The Open Folder dialog's notes on the folders that open a project.
        pairs(TEXT, "surface", "accent");
        // Tooltips; the follow chip is surface text on a text-coloured chip.
        pairs(TEXT, "tooltip", "tooltip-text");
        pairs(TEXT, "text", "surface");
        // History cells: a duration on its outcome's colour; a retried cell's corner in the failure's colour; the row of
        // the first divergence of two runs.
        pairs(TEXT, "cell-completed", "text");
        pairs(TEXT, "cell-retried", "text");
        pairs(TEXT, "cell-failed", "text");
        pairs(TEXT, "cell-running", "text");
        pairs(TEXT, "divergence", "text");
        pairs(LARGE, "cell-retried", "failed");
        // The comparison's bars on the divergence lane.
        pairs(LARGE, "divergence", "completed", "failed");
        // State icons (runs list, timeline bars) and the pending summary placeholder.
        for (String bg : List.of("surface", "surface-alt", "selection-focused")) {
            pairs(LARGE, bg, "running", "completed", "failed", "unknown", "accent");
        }
    }

    @Test
    void everyTextColourReadsOnItsBackgroundInBothThemes() throws IOException {
        String css = stylesheet();
        List<String> failures = new ArrayList<>();
        for (String theme : List.of("light", "dark")) {
            Map<String, String> colours = palette(css, theme);
            for (Pair p : PAIRS) {
                double ratio = contrast(colours.get(p.foreground()), colours.get(p.background()));
                if (ratio < p.minimum()) {
                    failures.add(String.format(Locale.ROOT, "%s: -omne-%s %s on -omne-%s %s is %.2f, needs %.1f", theme,
                            p.foreground(), colours.get(p.foreground()), p.background(), colours.get(p.background()),
                            ratio, p.minimum()));
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void theDarkThemeRedefinesEveryVariable() throws IOException {
        String css = stylesheet();
        Map<String, String> light = declarations(block(css, ".root"));
        Map<String, String> dark = declarations(block(css, ".theme-dark"));
        for (String name : light.keySet()) {
            if (name.startsWith("-omne-") || name.equals("-fx-base") || name.startsWith("-fx-selection")) {
                assertTrue(dark.containsKey(name), name + " is light-only");
            }
        }
        for (String timeline : List.of("completed", "failed", "running", "text", "text-muted", "border",
                "surface-alt", "accent", "selection")) {
            assertTrue(dark.containsKey("-omne-" + timeline), "-omne-" + timeline);
        }
    }

    @Test
    void theSceneFillsAreTheThemesSurfaces() throws IOException {
        String css = stylesheet();
        assertEquals(javafx.scene.paint.Color.web(palette(css, "light").get("surface")), WindowThemes.LIGHT_FILL);
        assertEquals(javafx.scene.paint.Color.web(palette(css, "dark").get("surface")), WindowThemes.DARK_FILL);
    }

    @Test
    void contrastIsComputedAsWcagDefinesIt() {
        assertEquals(21.0, contrast("#000000", "#ffffff"), 0.01);
        assertEquals(1.0, contrast("#777", "#777777"), 0.001);
        assertEquals(4.48, contrast("#777777", "#ffffff"), 0.01);
    }

    // Reading the stylesheet

    private static String stylesheet() throws IOException {
        try (InputStream in = ThemeContrastTest.class.getResourceAsStream(Styles.STYLESHEET)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", "");
        }
    }

    /** The body of the first rule whose selector is exactly {@code selector}. */
    private static String block(String css, String selector) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(selector) + "\\s*\\{([^}]*)}").matcher(css);
        assertTrue(m.find(), "no " + selector + " rule");
        return m.group(1);
    }

    private static Map<String, String> declarations(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String decl : body.split(";")) {
            int colon = decl.indexOf(':');
            if (colon > 0) {
                out.put(decl.substring(0, colon).trim(), decl.substring(colon + 1).trim());
            }
        }
        return out;
    }

    /** {@code -omne-x} (without the prefix) to a hex colour; the dark theme falls back to light for the rest. */
    static Map<String, String> palette(String css, String theme) {
        Map<String, String> vars = new LinkedHashMap<>(declarations(block(css, ".root")));
        if (theme.equals("dark")) {
            vars.putAll(declarations(block(css, ".theme-dark")));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : vars.keySet()) {
            if (name.startsWith("-omne-")) {
                out.put(name.substring("-omne-".length()), resolve(vars, name, 0));
            }
        }
        return out;
    }

    private static String resolve(Map<String, String> vars, String name, int depth) {
        String value = vars.get(name);
        assertTrue(value != null && depth < 10, "cannot resolve " + name);
        if (value.startsWith("-")) {
            return resolve(vars, value, depth + 1);
        }
        assertTrue(value.matches("#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}"), name + " is not an opaque hex colour: " + value);
        return value;
    }

    // WCAG 2 contrast

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        String h = hex.substring(1);
        if (h.length() == 3) {
            h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        }
        double r = channel(Integer.parseInt(h.substring(0, 2), 16));
        double g = channel(Integer.parseInt(h.substring(2, 4), 16));
        double b = channel(Integer.parseInt(h.substring(4, 6), 16));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
