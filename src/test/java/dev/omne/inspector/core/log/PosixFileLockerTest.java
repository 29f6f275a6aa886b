package dev.omne.inspector.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.omne.inspector.testing.Tools;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PosixFileLockerTest {
    @TempDir
    Path dir;

    @Test
    void errnosThatMeanNoLocksOnThisFileSystem() throws IOException {
        PosixPlatform linux = PosixPlatform.of("Linux", "amd64");
        PosixPlatform macos = PosixPlatform.of("Mac OS X", "aarch64");
        for (int e : new int[] {37, 95, 22}) {
            assertTrue(linux.lockUnsupported(e), "linux " + e);
        }
        for (int e : new int[] {77, 45, 102, 22}) {
            assertTrue(macos.lockUnsupported(e), "macos " + e);
        }
        assertFalse(linux.lockUnsupported(linux.errno().ewouldblock()));
        assertFalse(macos.lockUnsupported(macos.errno().ewouldblock()));
    }

    /** The locker of this machine's own platform (the tests that use it run on Linux only). */
    static PosixFileLocker linux() throws IOException {
        return new PosixFileLocker(PosixPlatform.current());
    }

    @Test
    void twoDescriptorsInOneProcessExcludeEachOther() throws IOException {
        assumeTrue(Tools.isLinux());
        Path file = dir.resolve("events.jsonl");
        FileLocker locker = linux();
        try (LockableFile first = locker.open(file); LockableFile second = locker.open(file)) {
            assertTrue(first.tryLock());
            assertFalse(second.tryLock(), "flock is per open file description");
            first.unlock();
            assertTrue(second.tryLock());
        }
    }

    @Test
    void opensAppendCreateAndReportsTheLength() throws IOException {
        assumeTrue(Tools.isLinux());
        Path file = dir.resolve("events.jsonl");
        try (LockableFile f = linux().open(file)) {
            assertEquals(0, f.size());
            byte[] a = "abc\n".getBytes();
            assertEquals(4, f.write(a, 0, 4));
            assertEquals(4, f.size());
        }
        Files.writeString(file, "0123456789");
        try (LockableFile f = linux().open(file)) {
            assertEquals(10, f.size());
            f.write("xy".getBytes(), 0, 2);
            f.truncate(10);
        }
        assertEquals("0123456789", Files.readString(file));
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        assertTrue(PosixFilePermissions.fromString("rw-r--r--").containsAll(perms)
                && perms.contains(PosixFilePermission.OWNER_WRITE), "created 0644 less the umask: " + perms);
    }

    @Test
    void permissionDeniedIsAClearAccessDeniedException() throws IOException {
        assumeTrue(Tools.isLinux());
        Path locked = Files.createDirectories(dir.resolve("ro"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        assumeTrue(!Files.isWritable(locked), "running as root: permissions are not enforced");
        Path file = locked.resolve("events.jsonl");
        IOException e = assertThrows(IOException.class,
                () -> linux().open(file));
        assertInstanceOf(AccessDeniedException.class, e);
        assertTrue(e.getMessage().contains("Permission denied"), e.getMessage());
    }

    /**
     * The last line of defence if a FIFO is swapped in after the volume's checks: opening a FIFO for writing would
     * wait for a reader forever, and with a reader the line would vanish into it. Both are refused at once.
     */
    @Test
    void aFifoIsRefusedAtOnceWithOrWithoutAReader() throws Exception {
        assumeTrue(Tools.isLinux() && Tools.works("mkfifo", "--version"), "needs mkfifo");
        Path fifo = dir.resolve("events.jsonl");
        assertEquals(0, Procs.run(dir.resolve("logs"), "mkfifo", Duration.ofSeconds(10),
                List.of("mkfifo", fifo.toString())));
        IOException noReader = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(IOException.class, () -> EventLog.append(fifo, "{\"type\":\"a.b\"}")));
        assertEquals(fifo + ": is not a regular file (a FIFO, socket or device); events are only appended to"
                + " regular files; nothing was written", noReader.getMessage());
        // Read and write ends open here (Linux opens a FIFO O_RDWR without waiting): now there is a reader.
        try (FileChannel both = FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            IOException withReader = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> assertThrows(IOException.class, () -> EventLog.append(fifo, "{\"type\":\"a.b\"}")));
            assertTrue(withReader.getMessage().contains("is not a regular file"), withReader.getMessage());
            // Nothing went into the pipe: the first bytes out are the marker written after the refusal.
            both.write(ByteBuffer.wrap("marker\n".getBytes(StandardCharsets.UTF_8)));
            ByteBuffer read = ByteBuffer.allocate(7);
            while (read.hasRemaining() && both.read(read) > 0) {
                // fill
            }
            assertEquals("marker\n", new String(read.array(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aFolderIsNotAnEventsFile() throws IOException {
        assumeTrue(Tools.isLinux());
        Path folder = Files.createDirectories(dir.resolve("events.jsonl"));
        IOException e = assertThrows(IOException.class,
                () -> linux().open(folder));
        assertEquals(folder + ": cannot open for appending: Is a directory (errno 21)", e.getMessage());
    }
}
