package dev.omne.inspector.core.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A write that fails halfway must leave the file exactly as it was, and the lock free. */
class FaultInjectionTest {
    private static final String BEFORE = "{\"type\":\"run.started\",\"id\":\"ev-0001\"}\n\n{\"type\":\"x\"}\n";
    private static final String LINE = "{\"type\":\"node.started\",\"id\":\"ev-0002\",\"ts\":\"2026-04-15T00:00:00Z\",\"run_id\":\"r\",\"node_id\":\"n1\",\"kind\":\"bash\",\"pad\":\"" + "y".repeat(300) + "\"}";
    private static final AppendOptions SHORT = new AppendOptions(Duration.ofMillis(300), Duration.ofMillis(10));

    @TempDir
    Path dir;

    /** The locker of this OS, and the FileChannel one (Windows' path) whose logic runs anywhere. */
    static Stream<Arguments> lockers() {
        return Stream.of(Arguments.of("this OS", FileLocker.forThisOs()),
                Arguments.of("FileChannel", new ChannelFileLocker()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lockers")
    void halfWrittenLineIsRemovedAndTheErrorPropagated(String name, FileLocker os) throws IOException {
        Path file = Files.writeString(dir.resolve("events.jsonl"), BEFORE);
        Recording locker = new Recording(os);
        IOException injected = new IOException("No space left on device (injected)");
        EventLog.RawWriter halfThenFail = (f, bytes, offset, length) -> {
            int written = f.write(bytes, offset, length / 2);
            assertEquals(length / 2, written);
            assertTrue(Files.size(file) > BEFORE.length(), "the half line really reached the file");
            throw injected;
        };

        IOException thrown = assertThrows(IOException.class,
                () -> EventLog.append(file, LINE, SHORT, locker, halfThenFail));

        assertSame(injected, thrown);
        assertArrayEquals(BEFORE.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
        assertEquals(1, locker.unlocks.get(), "lock released");
        assertEquals(1, locker.closes.get(), "file closed");
        EventLog.append(file, LINE, SHORT, os, EventLog.DIRECT);
        assertEquals(BEFORE + LINE + "\n", Files.readString(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lockers")
    void aRuntimeFailureMidWriteIsRolledBackToo(String name, FileLocker os) throws IOException {
        Path file = Files.writeString(dir.resolve("events.jsonl"), BEFORE);
        IllegalStateException injected = new IllegalStateException("injected");
        EventLog.RawWriter halfThenFail = (f, bytes, offset, length) -> {
            f.write(bytes, offset, length / 2);
            throw injected;
        };

        assertSame(injected, assertThrows(IllegalStateException.class,
                () -> EventLog.append(file, LINE, SHORT, os, halfThenFail)));
        assertEquals(BEFORE, Files.readString(file));
        EventLog.append(file, LINE, SHORT, os, EventLog.DIRECT);
        assertEquals(BEFORE + LINE + "\n", Files.readString(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lockers")
    void shortWritesAreContinuedUntilTheLineIsWhole(String name, FileLocker os) throws IOException {
        Path file = Files.writeString(dir.resolve("events.jsonl"), BEFORE);
        AtomicInteger calls = new AtomicInteger();
        EventLog.RawWriter tenBytesAtATime = (f, bytes, offset, length) -> {
            calls.incrementAndGet();
            return f.write(bytes, offset, Math.min(10, length));
        };

        EventLog.append(file, LINE, SHORT, os, tenBytesAtATime);

        assertEquals(BEFORE + LINE + "\n", Files.readString(file));
        assertEquals((LINE.length() + 1 + 9) / 10, calls.get());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lockers")
    void aWriteThatMakesNoProgressFailsInsteadOfSpinning(String name, FileLocker os) throws IOException {
        Path file = Files.writeString(dir.resolve("events.jsonl"), BEFORE);
        AtomicInteger calls = new AtomicInteger();
        EventLog.RawWriter stuck = (f, bytes, offset, length) ->
                calls.getAndIncrement() == 0 ? f.write(bytes, offset, 7) : 0;

        IOException e = assertThrows(IOException.class, () -> EventLog.append(file, LINE, SHORT, os, stuck));

        assertTrue(e.getMessage().contains("no progress"), e.getMessage());
        assertEquals(BEFORE, Files.readString(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lockers")
    void whenTheRollbackFailsTooTheMessageSaysTheLogMayBeTorn(String name, FileLocker os) throws IOException {
        Path file = Files.writeString(dir.resolve("events.jsonl"), BEFORE);
        FileLocker noTruncate = path -> new Delegating(os.open(path)) {
            @Override
            public void truncate(long length) throws IOException {
                throw new IOException("Input/output error (injected)");
            }
        };
        EventLog.RawWriter halfThenFail = (f, bytes, offset, length) -> {
            f.write(bytes, offset, length / 2);
            throw new IOException("No space left on device (injected)");
        };

        IOException e = assertThrows(IOException.class,
                () -> EventLog.append(file, LINE, SHORT, noTruncate, halfThenFail));

        assertTrue(e.getMessage().contains("No space left on device (injected)"), e.getMessage());
        assertTrue(e.getMessage().contains("torn line"), e.getMessage());
        EventLog.append(file, "{\"type\":\"after\"}", SHORT, os, EventLog.DIRECT); // lock was released
    }

    /** Counts releases so a test can see the lock was given back. */
    private static final class Recording implements FileLocker {
        final FileLocker os;
        final AtomicInteger unlocks = new AtomicInteger();
        final AtomicInteger closes = new AtomicInteger();

        Recording(FileLocker os) {
            this.os = os;
        }

        @Override
        public LockableFile open(Path file) throws IOException {
            return new Delegating(os.open(file)) {
                @Override
                public void unlock() throws IOException {
                    unlocks.incrementAndGet();
                    super.unlock();
                }

                @Override
                public void close() throws IOException {
                    closes.incrementAndGet();
                    super.close();
                }
            };
        }
    }

    private static class Delegating implements LockableFile {
        private final LockableFile inner;

        Delegating(LockableFile inner) {
            this.inner = inner;
        }

        @Override
        public boolean tryLock() throws IOException {
            return inner.tryLock();
        }

        @Override
        public long size() throws IOException {
            return inner.size();
        }

        @Override
        public int write(byte[] bytes, int offset, int length) throws IOException {
            return inner.write(bytes, offset, length);
        }

        @Override
        public void truncate(long length) throws IOException {
            inner.truncate(length);
        }

        @Override
        public void unlock() throws IOException {
            inner.unlock();
        }

        @Override
        public void close() throws IOException {
            inner.close();
        }
    }
}
