package dev.omne.inspector.core.os;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * What every direct call into the C library shares (FFM): linking a function by name, the {@code errno} a call
 * leaves, its text, file names as the JVM encodes them. Linking needs native access (the jar's manifest, the
 * launchers and the test runs grant it); without it {@link #link} throws {@link IllegalCallerException}.
 */
@SuppressWarnings("restricted") // calling libc is the point
public final class NativeCalls {
    /** Where a call linked with {@link #ERRNO_OPTION} leaves its errno. */
    public static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    /** The linker option that captures errno right after the call. */
    public static final Linker.Option ERRNO_OPTION = Linker.Option.captureCallState("errno");
    /** Java encodes file names with sun.jnu.encoding; the C calls get the same bytes. */
    public static final Charset PATH_CHARSET = pathCharset();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private NativeCalls() {
    }

    /** The C library's {@code name}, callable as {@code descriptor} says. */
    public static MethodHandle link(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        Linker linker = Linker.nativeLinker();
        MemorySegment symbol = linker.defaultLookup().find(name)
                .orElseThrow(() -> new IllegalStateException("libc has no " + name + "()"));
        return linker.downcallHandle(symbol, descriptor, options);
    }

    public static int errno(MemorySegment capture) {
        return (int) ERRNO.get(capture, 0L);
    }

    public static void setErrno(MemorySegment capture, int value) {
        ERRNO.set(capture, 0L, value);
    }

    /** The system's words for an errno, e.g. "No space left on device". */
    public static String strerror(int e) {
        try {
            MemorySegment text = (MemorySegment) Strerror.HANDLE.invokeExact(e);
            return text.equals(MemorySegment.NULL)
                    ? "error " + e
                    : text.reinterpret(4096).getString(0, StandardCharsets.UTF_8);
        } catch (Throwable t) {
            return "error " + e;
        }
    }

    /** What a failed {@code invokeExact} threw, as an unchecked exception to throw (an Error is thrown as it is). */
    public static RuntimeException unexpected(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }

    private static Charset pathCharset() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** Linked on first use. */
    private static final class Strerror {
        static final MethodHandle HANDLE = link("strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    }
}
