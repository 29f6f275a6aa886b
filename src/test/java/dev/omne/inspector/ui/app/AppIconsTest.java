package dev.omne.inspector.ui.app;

import javafx.application.Platform;
import javafx.scene.image.Image;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class AppIconsTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void everySizeIsASquarePngOfThatSize() throws IOException {
        for (int size : AppIcons.SIZES) {
            try (InputStream in = AppIcons.class.getResourceAsStream(AppIcons.resource(size))) {
                assertNotNull(in, AppIcons.resource(size));
                DataInputStream data = new DataInputStream(in);
                byte[] signature = new byte[8];
                data.readFully(signature);
                assertArrayEquals(PNG_SIGNATURE, signature, AppIcons.resource(size));
                data.readInt(); // IHDR length
                assertEquals("IHDR", new String(data.readNBytes(4), StandardCharsets.US_ASCII));
                assertEquals(size, data.readInt(), "width of " + AppIcons.resource(size));
                assertEquals(size, data.readInt(), "height of " + AppIcons.resource(size));
            }
        }
    }

    @Test
    void allLoadsEverySizeAsAnImage() throws Exception {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyStarted) {
            // another test started the toolkit first
        }
        CompletableFuture<List<Image>> loaded = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                loaded.complete(AppIcons.all());
            } catch (RuntimeException e) {
                loaded.completeExceptionally(e);
            }
        });
        List<Image> images = loaded.get(30, TimeUnit.SECONDS);
        assertEquals(AppIcons.SIZES, images.stream().map(i -> (int) i.getWidth()).toList());
        assertEquals(AppIcons.SIZES, images.stream().map(i -> (int) i.getHeight()).toList());
        images.forEach(i -> assertFalse(i.isError(), String.valueOf(i.getException())));
    }

    @Test
    void theCanvasIconFontIsTheIconPacksFontNotTheDefault() throws Exception {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyStarted) {
            // another test started the toolkit first
        }
        CompletableFuture<javafx.scene.text.Font> made = new CompletableFuture<>();
        Platform.runLater(() -> made.complete(dev.omne.inspector.ui.common.AppIcon.font(13)));
        javafx.scene.text.Font font = made.get(30, TimeUnit.SECONDS);
        assertFalse(font.getFamily().equals(javafx.scene.text.Font.getDefault().getFamily()), font.getFamily());
        org.junit.jupiter.api.Assertions.assertTrue(font.getFamily().toLowerCase(java.util.Locale.ROOT).contains("material"),
                font.getFamily());
    }

    @Test
    void aNewIconNodeIsInTheIconFontBeforeAnyStylesheetIsApplied() throws Exception {
        // A list cell makes its icon while the list is laid out, after that pulse's CSS pass: until the next pass
        // the node draws with the font it was made with, so that must already be the icon font, not a box.
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyStarted) {
            // another test started the toolkit first
        }
        CompletableFuture<List<String>> made = new CompletableFuture<>();
        Platform.runLater(() -> made.complete(java.util.Arrays.stream(dev.omne.inspector.ui.common.AppIcon.values())
                .map(icon -> icon.name() + ": " + icon.icon().getFont().getFamily()).toList()));
        String family = dev.omne.inspector.ui.common.AppIcon.font(13).getFamily();
        List<String> families = made.get(30, TimeUnit.SECONDS);
        assertEquals(families.stream().map(f -> f.substring(0, f.indexOf(':')) + ": " + family).toList(), families);
    }

    @Test
    void everyIconsGlyphIsInTheIconFont() throws Exception {
        // An icon whose code point the font lacks draws as an empty box.
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (dev.omne.inspector.ui.common.AppIcon icon : dev.omne.inspector.ui.common.AppIcon.values()) {
            org.kordamp.ikonli.IkonHandler handler = org.kordamp.ikonli.IkonResolverProvider
                    .getInstance(org.kordamp.ikonli.javafx.JavaFXFontLoader.getInstance())
                    .resolve(icon.icon().getIconLiteral());
            try (InputStream in = handler.getFontResourceAsStream()) {
                java.awt.Font font = java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, in);
                if (!font.canDisplay(icon.glyph().codePointAt(0))) {
                    missing.add(icon.name());
                }
            }
        }
        assertEquals(List.of(), missing);
    }
}
