package dev.omne.inspector.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.omne.inspector.testing.Tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Open flags per system and architecture, as the kernels' headers define them; any other pair is refused. */
class PosixPlatformTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            // os.name, os.arch, O_NOFOLLOW, O_DIRECTORY, O_CREAT, O_APPEND, ELOOP
            "Linux, amd64, 0x20000, 0x10000, 0x40, 0x400, 40",
            "Linux, aarch64, 0x8000, 0x4000, 0x40, 0x400, 40",
            "Linux, riscv64, 0x20000, 0x10000, 0x40, 0x400, 40",
            "Mac OS X, aarch64, 0x100, 0x100000, 0x200, 0x8, 62",
            "Mac OS X, x86_64, 0x100, 0x100000, 0x200, 0x8, 62"})
    void eachKnownPlatformHasItsOwnFlags(String os, String arch, String nofollow, String directory, String creat,
                                         String append, int eloop) throws IOException {
        PosixPlatform p = PosixPlatform.of(os, arch);
        assertEquals(Integer.decode(nofollow), p.nofollow());
        assertEquals(Integer.decode(directory), p.directory());
        assertEquals(Integer.decode(creat), p.creat());
        assertEquals(Integer.decode(append), p.append());
        assertEquals(eloop, p.errno().eloop());
        assertEquals(p.nofollow(), p.appendFlags() & p.nofollow(), "appends never follow a final link");
    }

    @Test
    void onArm64TheX86NoFollowBitWouldBeLargeFileAndIsNotUsed() throws IOException {
        PosixPlatform arm = PosixPlatform.of("Linux", "aarch64");
        assertEquals(0, arm.appendFlags() & 0x20000, "0x20000 is O_LARGEFILE on aarch64");
        assertNotEquals(PosixPlatform.of("Linux", "amd64").folderFlags(), arm.folderFlags());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"Linux, ppc64le", "Linux, s390x", "Linux, arm", "FreeBSD, amd64", "SunOS, sparcv9"})
    void anUnknownPlatformIsRefusedWithAClearError(String os, String arch) {
        IOException e = assertThrows(PosixPlatform.UnsupportedPlatformException.class, () -> PosixPlatform.of(os, arch));
        assertEquals("cannot append to event logs on " + os + " (" + arch + "): the open flags that keep writes"
                + " inside a run are known for Linux on x86-64, aarch64 and riscv64, macOS on arm64 and x86-64,"
                + " and Windows; nothing was written", e.getMessage());
    }

    @Test
    void aLockerForAnUnknownPlatformRefusesEveryAppend() throws IOException {
        FileLocker refusing = FileLocker.refusing("not here");
        Path file = dir.resolve("events.jsonl");
        IOException e = assertThrows(IOException.class,
                () -> EventLog.append(file, "{\"type\":\"a.b\"}", AppendOptions.DEFAULT, refusing, EventLog.DIRECT));
        assertEquals(file + ": not here", e.getMessage());
        assertTrue(Files.notExists(file), "nothing was created");
    }

    @Test
    void thisMachinesPlatformIsKnown() throws IOException {
        assumeTrue(Tools.isLinux(), "the suite's native tests run on Linux");
        assertTrue(PosixPlatform.current().linux());
    }
}
