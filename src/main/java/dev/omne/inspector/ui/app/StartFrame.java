package dev.omne.inspector.ui.app;

import dev.omne.inspector.ui.theme.Theme;
import dev.omne.inspector.ui.theme.WindowThemes;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.util.List;

/**
 * What the window holds from the moment it is shown until the window itself is built: the theme's surface and one
 * line saying what is being opened. Made of shapes and text only, no controls: a control would load and parse the
 * platform's stylesheet first, and this frame must be on screen before any of that work starts.
 */
final class StartFrame {
    /** The stylesheet's {@code -omne-text} and {@code -omne-text-muted} of each theme. */
    private static final Color LIGHT_TEXT = Color.web("#1f2328");
    private static final Color LIGHT_MUTED = Color.web("#656d76");
    private static final Color DARK_TEXT = Color.web("#e6e9ee");
    private static final Color DARK_MUTED = Color.web("#a0a8b3");

    private StartFrame() {
    }

    /** The frame's content: the app's name and what it opens ({@link #opening}). */
    static Parent content(Theme theme, String opening) {
        boolean dark = theme == Theme.DARK;
        Text name = new Text(MainWindowViewModel.APP);
        name.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 20));
        name.setFill(dark ? DARK_TEXT : LIGHT_TEXT);
        Text what = new Text(opening);
        what.setFill(dark ? DARK_MUTED : LIGHT_MUTED);
        VBox box = new VBox(10, name, what);
        box.setAlignment(Pos.CENTER);
        box.setBackground(javafx.scene.layout.Background.fill(WindowThemes.fill(theme)));
        box.setId("start-frame");
        return box;
    }

    /** What a start with these arguments opens, in the words the status bar will use once the window is built. */
    static String opening(List<String> args) {
        List<String> folders = args.stream().filter(a -> !a.startsWith("--")).toList();
        if (!folders.isEmpty()) {
            return "Opening " + Path.of(folders.getFirst()) + "…";
        }
        Path here = Path.of("").toAbsolutePath();
        // One look at the disk, as InspectorApp#openFromArguments will decide: the working directory, else the demo.
        return java.nio.file.Files.isDirectory(here.resolve(dev.omne.inspector.core.volume.Volume.OMNE_DIR))
                ? "Opening " + here + "…" : "Preparing the demo volume…";
    }
}
