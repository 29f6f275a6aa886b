package dev.omne.inspector.ui.timeline;

import javafx.scene.image.Image;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * Small marks drawn as images rather than shapes: a canvas with thousands of diamonds costs the software renderer
 * a polygon each, while an image is copied. Made once per colour; anti-aliased by hand at their edges.
 */
final class DiamondPainter {
    /** A diamond {@code 2 * radius + 1} pixels across, centred. */
    static final int DIAMOND_RADIUS = 4;

    private Color diamondColour;
    private Image diamond;
    private Color failedColour;
    private Image failedDiamond;

    /** The diamond of an instant, in {@code paint} (a colour; anything else draws grey). */
    Image diamond(Paint paint, boolean failed) {
        Color c = paint instanceof Color color ? color : Color.GRAY;
        if (failed) {
            if (!c.equals(failedColour)) {
                failedColour = c;
                failedDiamond = diamond(c);
            }
            return failedDiamond;
        }
        if (!c.equals(diamondColour)) {
            diamondColour = c;
            diamond = diamond(c);
        }
        return diamond;
    }

    private static Image diamond(Color c) {
        int size = 2 * DIAMOND_RADIUS + 1;
        WritableImage image = new WritableImage(size, size);
        PixelWriter w = image.getPixelWriter();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double distance = Math.abs(x - DIAMOND_RADIUS) + Math.abs(y - DIAMOND_RADIUS) * 1.25;
                double alpha = Math.max(0, Math.min(1, DIAMOND_RADIUS + 0.5 - distance));
                w.setColor(x, y, Color.color(c.getRed(), c.getGreen(), c.getBlue(), c.getOpacity() * alpha));
            }
        }
        return image;
    }
}
