package dev.omne.inspector.core.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Reads a log's lines in pieces cut just after a newline, each piece on its own thread with its own
 * {@link LineSplitter} (and so its own judge); lines are numbered from 1 within each piece. The run index and
 * {@code check} both read files this way.
 */
public final class LogPieces {
    /** Bytes read at a time. */
    public static final int READ_CHUNK = 1 << 20;
    /** Below this a file is read on one thread: splitting would cost more than it saves. */
    public static final long PARALLEL_THRESHOLD = 8L << 20;

    /** Reads one piece: receives its lines, then says what it made of them. */
    public interface PieceReader<R> extends LineSplitter.Sink {
        /** The piece is read; {@code splitter} holds its line count, where it ended and any line it holds back. */
        R done(LineSplitter splitter);
    }

    private LogPieces() {
    }

    /** How many pieces a file of {@code length} bytes is worth: one per core when it is large. */
    public static int piecesFor(long length) {
        return length < PARALLEL_THRESHOLD ? 1 : Runtime.getRuntime().availableProcessors();
    }

    /**
     * Reads {@code [0, length)} of the file in up to {@code pieces} pieces, the first on the calling thread (so a pool
     * of one still gives two workers, and a busy pool cannot leave the caller idle), the others on {@code executor}.
     * With {@code finished} false, a last line without {@code \n} is held back in the last piece's splitter.
     *
     * @return what each piece's reader made of it, in file order
     */
    public static <R> List<R> read(FileChannel channel, long length, int pieces, ExecutorService executor,
                                   boolean finished, int keepBytes, IntFunction<PieceReader<R>> readers)
            throws IOException {
        List<Long> cuts = cuts(channel, length, Math.max(1, pieces));
        int count = cuts.size() - 1;
        List<Future<R>> futures = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            long from = cuts.get(i);
            long to = cuts.get(i + 1);
            boolean finish = i == count - 1 && finished;
            PieceReader<R> reader = readers.apply(i);
            futures.add(executor.submit(() -> readPiece(channel, from, to, finish, keepBytes, reader)));
        }
        List<R> done = new ArrayList<>(count);
        try {
            done.add(readPiece(channel, 0, cuts.get(1), count == 1 && finished, keepBytes, readers.apply(0)));
        } catch (IOException | RuntimeException e) {
            futures.forEach(f -> f.cancel(true));
            throw e;
        }
        for (Future<R> f : futures) {
            done.add(join(f));
        }
        return done;
    }

    /** Reads {@code [from, to)}, whose first byte starts a line, through a splitter of its own. */
    public static <R> R readPiece(FileChannel channel, long from, long to, boolean finish, int keepBytes,
                                  PieceReader<R> reader) throws IOException {
        LineSplitter splitter = new LineSplitter(from, 1, keepBytes);
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(READ_CHUNK, Math.max(1, to - from)));
        long position = from;
        while (position < to) {
            buffer.clear();
            buffer.limit((int) Math.min(buffer.capacity(), to - position));
            int n = channel.read(buffer, position);
            if (n <= 0) {
                break;
            }
            splitter.feed(buffer.array(), 0, n, reader);
            position += n;
        }
        if (finish) {
            splitter.finish(reader);
        }
        return reader.done(splitter);
    }

    /** Piece boundaries: {@code 0}, then offsets just after a {@code \n}, then the length. */
    private static List<Long> cuts(FileChannel channel, long length, int pieces) throws IOException {
        List<Long> cuts = new ArrayList<>();
        cuts.add(0L);
        ByteBuffer probe = ByteBuffer.allocate(64 * 1024);
        for (int i = 1; i < pieces; i++) {
            long at = Math.max(length * i / pieces, cuts.getLast());
            long cut = -1;
            while (cut < 0 && at < length) {
                probe.clear();
                int n = channel.read(probe, at);
                if (n <= 0) {
                    break;
                }
                int k = Bytes.indexOfNewline(probe.array(), 0, n);
                if (k >= 0) {
                    cut = at + k + 1;
                }
                at += n;
            }
            if (cut < 0 || cut >= length) {
                break;
            }
            if (cut > cuts.getLast()) {
                cuts.add(cut);
            }
        }
        cuts.add(length);
        return cuts;
    }

    private static <R> R join(Future<R> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("reading interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
