package dev.omne.inspector.ui.app;

import javafx.scene.image.Image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The app icon at the sizes a window manager picks from (title bar, task switcher, dock).
 * The PNGs are rendered from {@code icons/omne-inspector.svg} by {@code icons/generate.sh}.
 */
public final class AppIcons {
    /** Pixel sizes shipped as resources, smallest first. */
    public static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256);

    private AppIcons() {
    }

    /** Resource path of the icon of {@code size} pixels. */
    public static String resource(int size) {
        return "/dev/omne/inspector/icons/omne-inspector-" + size + ".png";
    }

    /** Every size, for {@code stage.getIcons().addAll(AppIcons.all())}. Needs the JavaFX toolkit. */
    public static List<Image> all() {
        List<Image> images = new ArrayList<>(SIZES.size());
        for (int size : SIZES) {
            try (InputStream in = AppIcons.class.getResourceAsStream(resource(size))) {
                if (in == null) {
                    throw new IllegalStateException("missing icon resource " + resource(size));
                }
                images.add(new Image(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(images);
    }
}
