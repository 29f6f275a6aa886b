package dev.omne.inspector.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PosixFileLockerTest {
    @TempDir
    Path dir;

    @Test
    void errnosThatMeanNoLocksOnThisFileSystem() {
        for (int e : new int[] {37, 95, 22}) {
            assertTrue(PosixFileLocker.Os.LINUX.lockUnsupported(e), "linux " + e);
        }
        for (int e : new int[] {77, 45, 102, 22}) {
            assertTrue(PosixFileLocker.Os.MACOS.lockUnsupported(e), "macos " + e);
        }
        assertFalse(PosixFileLocker.Os.LINUX.lockUnsupported(PosixFileLocker.Os.LINUX.ewouldblock));
        assertFalse(PosixFileLocker.Os.MACOS.lockUnsupported(PosixFileLocker.Os.MACOS.ewouldblock));
    }

    @Test
    void twoDescriptorsInOneProcessExcludeEachOther() throws IOException {
        assumeTrue(Procs.isLinux());
        Path file = dir.resolve("events.jsonl");
        FileLocker locker = new PosixFileLocker(PosixFileLocker.Os.LINUX);
        try (LockableFile first = locker.open(file); LockableFile second = locker.open(file)) {
            assertTrue(first.tryLock());
            assertFalse(second.tryLock(), "flock is per open file description");
            first.unlock();
            assertTrue(second.tryLock());
        }
    }

    @Test
    void opensAppendCreateAndReportsTheLength() throws IOException {
        assumeTrue(Procs.isLinux());
        Path file = dir.resolve("events.jsonl");
        try (LockableFile f = new PosixFileLocker(PosixFileLocker.Os.LINUX).open(file)) {
            assertEquals(0, f.size());
            byte[] a = "abc\n".getBytes();
            assertEquals(4, f.write(a, 0, 4));
            assertEquals(4, f.size());
        }
        Files.writeString(file, "0123456789");
        try (LockableFile f = new PosixFileLocker(PosixFileLocker.Os.LINUX).open(file)) {
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
        assumeTrue(Procs.isLinux());
        Path locked = Files.createDirectories(dir.resolve("ro"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        assumeTrue(!Files.isWritable(locked), "running as root: permissions are not enforced");
        Path file = locked.resolve("events.jsonl");
        IOException e = assertThrows(IOException.class,
                () -> new PosixFileLocker(PosixFileLocker.Os.LINUX).open(file));
        assertInstanceOf(AccessDeniedException.class, e);
        assertTrue(e.getMessage().contains("Permission denied"), e.getMessage());
    }

    @Test
    void aFolderIsNotAnEventsFile() throws IOException {
        assumeTrue(Procs.isLinux());
        Path folder = Files.createDirectories(dir.resolve("events.jsonl"));
        IOException e = assertThrows(IOException.class,
                () -> new PosixFileLocker(PosixFileLocker.Os.LINUX).open(folder));
        assertEquals(folder + ": cannot open for appending: Is a directory (errno 21)", e.getMessage());
    }
}
