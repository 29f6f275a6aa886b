package dev.omne.inspector.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The direct inotify service gives the JDK's events for real changes made on disk. */
class InotifyWatchServiceTest {
    private static final WatchEvent.Kind<?>[] ALL = {StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY};

    @TempDir
    Path dir;
    private InotifyWatchService service;

    @BeforeEach
    void open() {
        assumeTrue(InotifyWatchService.available(), "inotify is called directly on Linux (x86-64, aarch64, riscv64)");
        service = InotifyWatchService.openOrNull();
        assertNotNull(service);
    }

    @AfterEach
    void close() {
        if (service != null) {
            service.close();
        }
    }

    /** The events the next signalled key holds, as "KIND name" (waits up to 5 s for it). */
    private List<String> next(WatchKey expected) throws InterruptedException {
        WatchKey key = service.poll(5, TimeUnit.SECONDS);
        assertSame(expected, key, "the folder's key was signalled");
        List<String> said = new ArrayList<>();
        for (WatchEvent<?> e : key.pollEvents()) {
            said.add(e.kind().name() + " " + e.context());
        }
        key.reset();
        return said;
    }

    @Test
    void createWriteRenameAndDeleteAreTheJdksEvents() throws Exception {
        WatchKey key = service.register(dir, ALL);
        assertSame(key, service.register(dir, ALL), "a folder watched already keeps its key");
        assertEquals(dir, key.watchable());
        assertEquals(null, service.poll(), "nothing happened yet");

        Path log = Files.writeString(dir.resolve("events.jsonl"), "");
        assertEquals(List.of("ENTRY_CREATE events.jsonl"), next(key).subList(0, 1));
        Files.writeString(log, "{}\n", StandardOpenOption.APPEND);
        assertEquals(List.of("ENTRY_MODIFY events.jsonl"), next(key));
        Files.move(log, dir.resolve("old.jsonl"));
        assertEquals(List.of("ENTRY_DELETE events.jsonl", "ENTRY_CREATE old.jsonl"), next(key));
        Files.delete(dir.resolve("old.jsonl"));
        assertEquals(List.of("ENTRY_DELETE old.jsonl"), next(key));
    }

    @Test
    void repeatedWritesCollapseIntoOneCountedEvent() throws Exception {
        Path log = Files.writeString(dir.resolve("events.jsonl"), "");
        WatchKey key = service.register(dir, ALL);
        for (int i = 0; i < 5; i++) {
            Files.writeString(log, "{}\n", StandardOpenOption.APPEND);
        }
        WatchKey signalled = service.poll(5, TimeUnit.SECONDS);
        assertSame(key, signalled);
        List<WatchEvent<?>> events = signalled.pollEvents();
        assertEquals(1, events.size(), events.toString());
        assertTrue(events.getFirst().count() >= 1);
        assertTrue(signalled.reset());
    }

    @Test
    void aWatchedFolderThatIsDeletedMakesItsKeyInvalid() throws Exception {
        Path run = Files.createDirectory(dir.resolve("run"));
        WatchKey key = service.register(run, ALL);
        Files.delete(run);
        WatchKey signalled = service.poll(5, TimeUnit.SECONDS);
        assertSame(key, signalled);
        signalled.pollEvents();
        assertFalse(signalled.reset(), "the folder is gone: the key is no longer valid");
        assertFalse(key.isValid());
    }

    @Test
    void registeringWhatIsNoFolderSaysWhy() throws Exception {
        assertThrows(NoSuchFileException.class, () -> service.register(dir.resolve("missing"), ALL));
        Path file = Files.writeString(dir.resolve("file"), "");
        assertThrows(NotDirectoryException.class, () -> service.register(file, ALL));
    }

    @Test
    void closingWakesAWaitingTakeFromAnotherThread() throws Exception {
        service.register(dir, ALL);
        CompletableFuture<Throwable> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                service.take();
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        // The waiter is in take() or about to be: either way, close() must end it.
        service.close();
        assertTrue(waiting.get(10, TimeUnit.SECONDS) instanceof ClosedWatchServiceException);
        assertThrows(ClosedWatchServiceException.class, () -> service.poll());
    }
}
