package dev.omne.inspector.tail;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.omne.inspector.core.os.NativeCalls;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.Watchable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link WatchService} on Linux's inotify, called directly (FFM): a folder is watched by one
 * {@code inotify_add_watch} on the caller's thread, where the JDK's own service makes each registration a round trip
 * to its background thread (seconds for the 20,000 run folders of a large volume), and the caller's
 * {@link #poll(long, TimeUnit)} waits in {@code poll(2)} itself, so there is no second thread at all.
 *
 * <p>The events are the JDK's: {@code ENTRY_CREATE} (created, or moved in), {@code ENTRY_DELETE} (deleted, or moved
 * out), {@code ENTRY_MODIFY} (written, or its attributes changed), {@code OVERFLOW} (the kernel's queue overflowed:
 * given to every key). A watched folder that is deleted, moved away or unmounted makes its key invalid (signalled,
 * {@link WatchKey#reset()} false). Registering a folder already watched returns its key.
 *
 * <p>One thread uses it (the volume watcher's); {@link #close()} may come from any thread and wakes a waiting poll.
 */
@SuppressWarnings("restricted") // calling libc is the point; the manifest and the launchers enable it
final class InotifyWatchService implements WatchService {
    private static final int IN_MODIFY = 0x2;
    private static final int IN_ATTRIB = 0x4;
    private static final int IN_MOVED_FROM = 0x40;
    private static final int IN_MOVED_TO = 0x80;
    private static final int IN_CREATE = 0x100;
    private static final int IN_DELETE = 0x200;
    private static final int IN_DELETE_SELF = 0x400;
    private static final int IN_MOVE_SELF = 0x800;
    private static final int IN_UNMOUNT = 0x2000;
    private static final int IN_Q_OVERFLOW = 0x4000;
    private static final int IN_IGNORED = 0x8000;
    private static final int IN_ONLYDIR = 0x01000000;
    /** O_NONBLOCK and O_CLOEXEC, the same on x86-64, aarch64 and riscv64 (the architectures this is used on). */
    private static final int NONBLOCK = 0x800;
    private static final int CLOEXEC = 0x80000;
    private static final int POLLIN = 0x1;
    private static final int EINTR = 4;
    private static final int EAGAIN = 11;
    private static final int ENOENT = 2;
    private static final int EACCES = 13;
    private static final int ENOTDIR = 20;
    private static final int ENOSPC = 28;
    /** Events a key holds before they collapse into one OVERFLOW, as the JDK's keys do. */
    private static final int MAX_EVENTS = 512;
    private static final int BUFFER = 64 * 1024;
    private static final Charset NAMES = NativeCalls.PATH_CHARSET;

    /** libc, linked once: absent (null) where this cannot run. */
    private static final Calls CALLS = Calls.link();

    private final int fd;
    private final int wakeFd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment capture;
    private final MemorySegment buffer;
    private final MemorySegment pollFds;
    private final Map<Integer, Key> keys = new HashMap<>();
    private final ArrayDeque<Key> signalled = new ArrayDeque<>();
    /** Held while a call is in the kernel, so that {@link #close()} never closes a descriptor in use. */
    private final ReentrantLock inUse = new ReentrantLock();
    private volatile boolean closed;

    private InotifyWatchService(int fd, int wakeFd) {
        this.fd = fd;
        this.wakeFd = wakeFd;
        this.capture = arena.allocate(Calls.CAPTURE);
        this.buffer = arena.allocate(BUFFER, 8);
        this.pollFds = arena.allocate(16, 8);
    }

    /** Whether this system has it: Linux on x86-64, aarch64 or riscv64, with native access granted. */
    static boolean available() {
        return CALLS != null;
    }

    /** A new service, or null where inotify cannot be used here (then the JDK's WatchService serves). */
    static InotifyWatchService openOrNull() {
        if (CALLS == null) {
            return null;
        }
        try (Arena call = Arena.ofConfined()) {
            MemorySegment capture = call.allocate(Calls.CAPTURE);
            int fd = CALLS.inotifyInit(capture, NONBLOCK | CLOEXEC);
            if (fd < 0) {
                return null; // out of inotify instances (fs.inotify.max_user_instances)
            }
            int wake = CALLS.eventfd(capture, 0, NONBLOCK | CLOEXEC);
            if (wake < 0) {
                CALLS.close(capture, fd);
                return null;
            }
            return new InotifyWatchService(fd, wake);
        }
    }

    /**
     * Watches {@code dir} for {@code kinds} ({@code ENTRY_CREATE}, {@code ENTRY_DELETE}, {@code ENTRY_MODIFY}); the
     * key of a folder already watched is returned again, watching the kinds given now.
     *
     * @throws NoSuchFileException   the folder does not exist
     * @throws NotDirectoryException it is not a folder
     * @throws IOException           no watches left ({@code fs.inotify.max_user_watches}) or another refusal
     */
    WatchKey register(Path dir, WatchEvent.Kind<?>... kinds) throws IOException {
        int mask = IN_ONLYDIR | IN_DELETE_SELF | IN_MOVE_SELF;
        for (WatchEvent.Kind<?> kind : kinds) {
            if (kind == StandardWatchEventKinds.ENTRY_CREATE) {
                mask |= IN_CREATE | IN_MOVED_TO;
            } else if (kind == StandardWatchEventKinds.ENTRY_DELETE) {
                mask |= IN_DELETE | IN_MOVED_FROM;
            } else if (kind == StandardWatchEventKinds.ENTRY_MODIFY) {
                mask |= IN_MODIFY | IN_ATTRIB;
            } else if (kind != StandardWatchEventKinds.OVERFLOW) {
                throw new UnsupportedOperationException("cannot watch for " + kind);
            }
        }
        enter();
        try (Arena call = Arena.ofConfined()) {
            MemorySegment path = call.allocateFrom(dir.toString(), NAMES);
            int wd = CALLS.inotifyAddWatch(capture, fd, path, mask);
            if (wd < 0) {
                int e = Calls.errno(capture);
                throw switch (e) {
                    case ENOENT -> new NoSuchFileException(dir.toString());
                    case ENOTDIR -> new NotDirectoryException(dir.toString());
                    case EACCES -> new AccessDeniedException(dir.toString());
                    case ENOSPC -> new IOException(dir + ": no inotify watches left (fs.inotify.max_user_watches)");
                    default -> new IOException(dir + ": inotify_add_watch failed: " + CALLS.describe(e));
                };
            }
            Key key = keys.get(wd);
            if (key == null || !key.valid) {
                key = new Key(dir, wd);
                keys.put(wd, key);
            }
            return key;
        } finally {
            inUse.unlock();
        }
    }

    @Override
    public WatchKey poll() {
        return poll(0);
    }

    @Override
    public WatchKey poll(long timeout, TimeUnit unit) throws InterruptedException {
        long millis = unit.toMillis(timeout);
        return poll((int) Math.max(0, Math.min(Integer.MAX_VALUE, millis == 0 && timeout > 0 ? 1 : millis)));
    }

    @Override
    public WatchKey take() throws InterruptedException {
        return poll(-1);
    }

    /** The next signalled key, reading the kernel's events first; waits up to {@code millis} (-1: for ever). */
    private WatchKey poll(int millis) {
        enter();
        try {
            read();
            if (signalled.isEmpty() && millis != 0) {
                pollFds.set(JAVA_INT, 0, fd);
                pollFds.set(JAVA_SHORT, 4, (short) POLLIN);
                pollFds.set(JAVA_SHORT, 6, (short) 0);
                pollFds.set(JAVA_INT, 8, wakeFd);
                pollFds.set(JAVA_SHORT, 12, (short) POLLIN);
                pollFds.set(JAVA_SHORT, 14, (short) 0);
                int n = CALLS.poll(capture, pollFds, 2, millis);
                if (n < 0 && Calls.errno(capture) != EINTR) {
                    throw new IllegalStateException("poll on inotify failed: " + CALLS.describe(Calls.errno(capture)));
                }
                if (closed) {
                    throw new ClosedWatchServiceException();
                }
                read();
            }
            return signalled.pollFirst();
        } finally {
            inUse.unlock();
        }
    }

    private void enter() {
        inUse.lock();
        if (closed) {
            inUse.unlock();
            throw new ClosedWatchServiceException();
        }
    }

    /** Reads every event the kernel holds (the descriptor does not block) and signals their keys. */
    private void read() {
        while (true) {
            long n = CALLS.read(capture, fd, buffer, BUFFER);
            if (n < 0) {
                int e = Calls.errno(capture);
                if (e == EINTR) {
                    continue;
                }
                if (e == EAGAIN) {
                    return;
                }
                throw new IllegalStateException("reading inotify events failed: " + CALLS.describe(e));
            }
            if (n == 0) {
                return;
            }
            long at = 0;
            while (at + 16 <= n) {
                int wd = buffer.get(JAVA_INT, at);
                int mask = buffer.get(JAVA_INT, at + 4);
                int length = buffer.get(JAVA_INT, at + 12);
                String name = length == 0 ? null : name(at + 16, length);
                at += 16 + length;
                event(wd, mask, name);
            }
        }
    }

    private String name(long from, int length) {
        int end = 0;
        while (end < length && buffer.get(JAVA_BYTE, from + end) != 0) {
            end++;
        }
        byte[] bytes = buffer.asSlice(from, end).toArray(JAVA_BYTE);
        return new String(bytes, NAMES);
    }

    private void event(int wd, int mask, String name) {
        if ((mask & IN_Q_OVERFLOW) != 0) {
            for (Key key : List.copyOf(keys.values())) {
                key.signal(StandardWatchEventKinds.OVERFLOW, null);
            }
            return;
        }
        Key key = keys.get(wd);
        if (key == null) {
            return;
        }
        if ((mask & (IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF | IN_UNMOUNT)) != 0) {
            // The folder is gone from where it was watched: the key goes invalid, and says so once signalled.
            if (key.valid) {
                key.valid = false;
                keys.remove(wd);
                if ((mask & IN_IGNORED) == 0) {
                    CALLS.inotifyRmWatch(capture, fd, wd);
                }
                key.signalOnly();
            }
            return;
        }
        Path context = name == null ? null : Path.of(name);
        if ((mask & (IN_CREATE | IN_MOVED_TO)) != 0) {
            key.signal(StandardWatchEventKinds.ENTRY_CREATE, context);
        }
        if ((mask & (IN_DELETE | IN_MOVED_FROM)) != 0) {
            key.signal(StandardWatchEventKinds.ENTRY_DELETE, context);
        }
        if ((mask & (IN_MODIFY | IN_ATTRIB)) != 0) {
            key.signal(StandardWatchEventKinds.ENTRY_MODIFY, context);
        }
    }

    /** Wakes a waiting poll, then closes the descriptors once no call is using them. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (Arena call = Arena.ofConfined()) {
            MemorySegment capture = call.allocate(Calls.CAPTURE);
            MemorySegment value = call.allocate(JAVA_LONG);
            value.set(JAVA_LONG, 0, 1L);
            CALLS.write(capture, wakeFd, value, 8);
        }
        inUse.lock();
        try {
            CALLS.close(capture, fd);
            CALLS.close(capture, wakeFd);
            keys.values().forEach(k -> k.valid = false);
            keys.clear();
            signalled.clear();
        } finally {
            inUse.unlock();
        }
        arena.close();
    }

    /** One watched folder. Used by the service's one thread, like the service. */
    private final class Key implements WatchKey {
        private final Path dir;
        private final int wd;
        private volatile boolean valid = true;
        private boolean queued;
        private List<WatchEvent<?>> events = new ArrayList<>(2);

        Key(Path dir, int wd) {
            this.dir = dir;
            this.wd = wd;
        }

        void signal(WatchEvent.Kind<?> kind, Path context) {
            if (!events.isEmpty()) {
                Event last = (Event) events.getLast();
                if (last.kind == kind && Objects.equals(last.context, context)) {
                    last.count++;
                    signalOnly();
                    return;
                }
                if (last.kind == StandardWatchEventKinds.OVERFLOW) {
                    last.count++;
                    return;
                }
            }
            if (events.size() >= MAX_EVENTS) {
                events = new ArrayList<>(2);
                events.add(new Event(StandardWatchEventKinds.OVERFLOW, null));
            } else {
                events.add(new Event(kind, context));
            }
            signalOnly();
        }

        void signalOnly() {
            if (!queued) {
                queued = true;
                signalled.addLast(this);
            }
        }

        @Override
        public boolean isValid() {
            return valid && !closed;
        }

        @Override
        public List<WatchEvent<?>> pollEvents() {
            List<WatchEvent<?>> taken = events;
            events = new ArrayList<>(2);
            return taken;
        }

        @Override
        public boolean reset() {
            if (!isValid()) {
                return false;
            }
            queued = false;
            if (!events.isEmpty()) {
                signalOnly();
            }
            return true;
        }

        @Override
        public void cancel() {
            if (!valid || closed) {
                valid = false;
                return;
            }
            valid = false;
            if (keys.remove(wd, this) && inUse.tryLock()) {
                try {
                    if (!closed) {
                        CALLS.inotifyRmWatch(capture, fd, wd);
                    }
                } finally {
                    inUse.unlock();
                }
            }
        }

        @Override
        public Watchable watchable() {
            return dir;
        }
    }

    private static final class Event implements WatchEvent<Path> {
        private final Kind<?> kind;
        private final Path context;
        private int count = 1;

        Event(Kind<?> kind, Path context) {
            this.kind = kind;
            this.context = context;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Kind<Path> kind() {
            return (Kind<Path>) kind;
        }

        @Override
        public int count() {
            return count;
        }

        @Override
        public Path context() {
            return context;
        }
    }

    /** The libc functions, linked once per JVM. */
    private static final class Calls {
        static final StructLayout CAPTURE = NativeCalls.CAPTURE;

        private final MethodHandle inotifyInit;
        private final MethodHandle inotifyAddWatch;
        private final MethodHandle inotifyRmWatch;
        private final MethodHandle eventfd;
        private final MethodHandle poll;
        private final MethodHandle read;
        private final MethodHandle write;
        private final MethodHandle close;

        private Calls() {
            Linker.Option errno = NativeCalls.ERRNO_OPTION;
            inotifyInit = link("inotify_init1", FunctionDescriptor.of(JAVA_INT, JAVA_INT), errno);
            inotifyAddWatch = link("inotify_add_watch", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT),
                    errno);
            inotifyRmWatch = link("inotify_rm_watch", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), errno);
            eventfd = link("eventfd", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), errno);
            poll = link("poll", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT), errno);
            read = link("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG), errno);
            write = link("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG), errno);
            close = link("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT), errno);
        }

        /** The calls, or null: not Linux on a known architecture, or native access not granted. */
        static Calls link() {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
            if (!os.contains("linux") || !List.of("amd64", "x86_64", "aarch64", "arm64", "riscv64").contains(arch)) {
                return null;
            }
            try {
                return new Calls();
            } catch (IllegalCallerException | IllegalStateException | UnsupportedOperationException e) {
                return null;
            }
        }

        private static MethodHandle link(String name, FunctionDescriptor descriptor, Linker.Option... options) {
            return NativeCalls.link(name, descriptor, options);
        }

        static int errno(MemorySegment capture) {
            return NativeCalls.errno(capture);
        }

        int inotifyInit(MemorySegment capture, int flags) {
            try {
                return (int) inotifyInit.invokeExact(capture, flags);
            } catch (Throwable t) {
                throw unexpected(t);
            }
        }

        int inotifyAddWatch(MemorySegment capture, int fd, MemorySegment path, int mask) {
            try {
                return (int) inotifyAddWatch.invokeExact(capture, fd, path, mask);
            } catch (Throwable t) {
                throw unexpected(t);
            }
        }

        int inotifyRmWatch(MemorySegment capture, int fd, int wd) {
            try {
                return (int) inotifyRmWatch.invokeExact(capture, fd, wd);
            } catch (Throwable t) {
                throw unexpected(t);
            }
        }

        int eventfd(MemorySegment capture, int initial, int flags) {
            try {
                return (int) eventfd.invokeExact(capture, initial, flags);
            } catch (Throwable t) {
                throw unexpected(t);
            }
        }

        int poll(MemorySegment capture, MemorySegment fds, long count, int millis) {
            try {
                return (int) poll.invokeExact(capture, fds, count, millis);
            } catch (Throwable t) {
                throw unexpected(t);
            }
        }

        long read(MemorySegment capture, int fd, MemorySegment into, long count) {
            try {
                return (long) read.invokeExact(capture, fd, into, count);
            } catch (Throwable t) {
                throw unexpected(t);
            }
        }

        long write(MemorySegment capture, int fd, MemorySegment from, long count) {
            try {
                return (long) write.invokeExact(capture, fd, from, count);
            } catch (Throwable t) {
                throw unexpected(t);
            }
        }

        int close(MemorySegment capture, int fd) {
            try {
                return (int) close.invokeExact(capture, fd);
            } catch (Throwable t) {
                throw unexpected(t);
            }
        }

        String describe(int errno) {
            return NativeCalls.strerror(errno) + " (errno " + errno + ")";
        }

        private static RuntimeException unexpected(Throwable t) {
            return NativeCalls.unexpected(t);
        }
    }
}
