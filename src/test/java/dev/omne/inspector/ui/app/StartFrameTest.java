package dev.omne.inspector.ui.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StartFrameTest {
    @Test
    void theFirstFrameSaysWhatTheStartOpensInTheWordsTheWindowUsesForIt() {
        assertEquals("Opening " + Path.of("/srv/shop") + "…", StartFrame.opening(List.of("/srv/shop")));
        assertEquals("Opening " + Path.of("/srv/shop") + "…", StartFrame.opening(List.of("--verbose", "/srv/shop")));
        Path here = Path.of("").toAbsolutePath();
        // With no folder the window opens the working directory when it is a project, else the demo (VolumeOpener).
        String expected = Files.isDirectory(here.resolve(".omne")) ? "Opening " + here + "…" : "Preparing the demo volume…";
        assertEquals(expected, StartFrame.opening(List.of()));
    }
}
