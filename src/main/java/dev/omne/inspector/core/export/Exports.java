package dev.omne.inspector.core.export;

import dev.omne.inspector.core.filter.EventFilter;
import dev.omne.inspector.core.filter.RowFilter;
import dev.omne.inspector.core.index.IndexSnapshot;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/** Choosing rows and writing an export to a file: what the command line and the window share. */
public final class Exports {
    private Exports() {
    }

    /** The rows a filter expression selects, in file order (the window's filter field and {@code --filter}). */
    public static int[] select(IndexSnapshot snapshot, EventFilter filter, BooleanSupplier cancelled)
            throws IOException {
        return RowFilter.apply(snapshot, filter, cancelled);
    }

    /** Every row of the snapshot. */
    public static int[] allRows(IndexSnapshot snapshot) {
        int[] rows = new int[snapshot.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        return rows;
    }

    /**
     * Exports to {@code target} so that it is either the whole export or untouched: the bytes go to a new
     * file beside it, are forced to disk, then moved over {@code target} in one atomic step. On any failure
     * (or cancellation) the new file is removed and {@code target} is as it was. Refuses to write over the
     * log being exported. An existing {@code target}'s permissions are kept.
     */
    public static void toFile(Exporter exporter, IndexSnapshot snapshot, int[] rows, ExportOptions options,
                              Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            throw new IOException(target + ": is a folder");
        }
        if (Files.exists(absolute) && Files.exists(snapshot.file()) && Files.isSameFile(absolute, snapshot.file())) {
            throw new IOException(target + ": is the log being exported; choose another file");
        }
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new java.nio.file.NoSuchFileException(String.valueOf(dir));
        }
        Path temp = newTempFile(dir, absolute.getFileName().toString());
        boolean done = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                exporter.export(snapshot, rows, options, out);
                out.flush();
                channel.force(true);
            } catch (IOException e) {
                // The channel's own errors ("No space left on device") name no file: say which one.
                throw new IOException(target + ": cannot write the export (" + reason(e) + "); "
                        + (Files.exists(absolute) ? "the file is as it was" : "nothing was written"), e);
            }
            keepPermissions(absolute, temp);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static String reason(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** A new, empty, hidden file beside the target, created with the usual permissions (umask applies). */
    private static Path newTempFile(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                    + ".tmp");
            try {
                Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    private static void keepPermissions(Path target, Path temp) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
            if (view != null && Files.exists(target)) {
                Set<PosixFilePermission> permissions = view.readAttributes().permissions();
                Files.setPosixFilePermissions(temp, permissions);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // the export still lands, with the default permissions
        }
    }
}
