package dev.omne.inspector.core;

import dev.omne.inspector.core.volume.NotAVolumeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MessagesTest {
    @TempDir
    Path dir;

    @Test
    void theWindowSaysWhatWentWrongFirstAndTheCommandLineTheFile() {
        Path missing = dir.resolve("missing");
        IOException e = assertThrows(IOException.class, () -> Files.readAllBytes(missing));
        assertEquals("no such file or folder: " + missing, Messages.describe(e));
        assertEquals(missing + ": no such file or folder", Messages.describeFileFirst(e));
        assertEquals("no such file or folder", Messages.reason(e));
    }

    @Test
    void anyOtherSystemReasonComesWithItsFile() {
        FileSystemException e = new FileSystemException("/a/b", null, "Too many levels of symbolic links");
        assertEquals("Too many levels of symbolic links: /a/b", Messages.describe(e));
        assertEquals("/a/b: Too many levels of symbolic links", Messages.describeFileFirst(e));
        assertEquals("Too many levels of symbolic links", Messages.reason(e));
    }

    @Test
    void ourOwnExceptionsNameTheirFileAndNamelessOnesReadAsWords() {
        NotAVolumeException notAVolume = new NotAVolumeException(dir);
        assertEquals(notAVolume.getMessage(), Messages.describe(notAVolume));
        assertEquals(notAVolume.getMessage(), Messages.describeFileFirst(notAVolume));
        assertEquals("null pointer exception", Messages.describe(new NullPointerException()));
        assertEquals("illegal state exception", Messages.describeFileFirst(new IllegalStateException(" ")));
    }
}
