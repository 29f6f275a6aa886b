package dev.omne.inspector.ui.app;

import dev.omne.inspector.core.volume.Volume;
import dev.omne.inspector.ui.common.LatestResult;
import dev.omne.inspector.ui.common.TaskExecutor;
import dev.omne.inspector.ui.session.SessionBatch;
import dev.omne.inspector.ui.session.SingleFileVolume;
import dev.omne.inspector.ui.session.VolumeSession;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the window's volume, one at a time: finds the volume of what was opened (a project, its {@code .omne}
 * folder, a run folder, an events file, a loose {@code .jsonl}) or prepares the demo volume, in the background,
 * then starts the volume's session and hands its batches on. A newer open makes an older one stale: its result
 * is dropped, and a session or demo it still delivers is closed. The opener owns the session and the demo.
 * Used on the UI thread.
 */
public final class VolumeOpener {
    /** Opens the embedded demo volume; closing the result stops its driver and deletes the folder. */
    @FunctionalInterface
    public interface DemoLauncher {
        Demo start() throws IOException;
    }

    /** A running demo: its folder and the run that keeps growing. */
    public interface Demo extends AutoCloseable {
        Path root();

        @Override
        void close();
    }

    /** What the window does as a volume opens. */
    interface Window {
        /** An open began; {@code progress} says what it does. */
        void opening(String progress);

        /** The volume is open and its session starting: show it. */
        void opened(Volume volume, boolean demo);

        /** What was opened is no volume or cannot be read ({@code path} is null for the demo). */
        void failed(Path path, Throwable e);

        /** A batch of changes of the volume shown. */
        void batch(SessionBatch batch);

        /** The volume is shown but its session could not start. */
        void cannotFollow(Volume volume, Throwable e);
    }

    /** The demo started and its volume opened, in the background. */
    private record OpenedDemo(Demo demo, Volume volume) {
    }

    private final TaskExecutor tasks;
    private final VolumeSession.Factory sessions;
    private final DemoLauncher demoLauncher;
    private final Window window;
    /** Opening a folder or the demo: a newer open makes an older one stale. */
    private final LatestResult openWork;
    /** Starting the opened volume's session; a stale one is closed. */
    private final LatestResult starting;
    /** The volume whose session's batches are wanted (null while another is being opened). */
    private Volume following;
    private AutoCloseable session;
    private Demo demo;

    VolumeOpener(TaskExecutor tasks, VolumeSession.Factory sessions, DemoLauncher demoLauncher, Window window) {
        this.tasks = tasks;
        this.sessions = sessions;
        this.demoLauncher = demoLauncher;
        this.window = window;
        this.openWork = new LatestResult(tasks);
        this.starting = new LatestResult(tasks);
    }

    /** Opens a folder or events file (see {@link #resolve}). */
    void open(Path path) {
        stopFollowing();
        window.opening("Opening " + path + "…");
        openWork.submit(() -> resolve(path), resolved -> start(resolved, false), e -> {
            closeSession();
            closeDemo();
            window.failed(path, e);
        });
    }

    /** Opens {@code folder} when it holds {@code .omne}, else the demo volume (a start with no argument). */
    void openFolderOrDemo(Path folder) {
        tasks.submit(() -> Files.isDirectory(folder.resolve(Volume.OMNE_DIR)), isVolume -> {
            if (isVolume) {
                open(folder);
            } else {
                openDemo();
            }
        }, e -> openDemo());
    }

    /** Opens the embedded demo volume, whose live run grows by itself. */
    void openDemo() {
        stopFollowing();
        window.opening("Preparing the demo volume…");
        openWork.submit(() -> {
            Demo started = demoLauncher.start();
            try {
                return new OpenedDemo(started, Volume.open(started.root()));
            } catch (IOException | RuntimeException e) {
                started.close();
                throw e;
            }
        }, opened -> {
            start(opened.volume(), true);
            demo = opened.demo();
        }, e -> window.failed(null, e), stale -> stale.demo().close());
    }

    /**
     * The volume of a project folder, its {@code .omne} folder, a run folder or the folder of an events file; a
     * plain {@code .jsonl} file outside any volume is a volume of one run, read only.
     */
    private static Volume resolve(Path path) throws IOException {
        Path p = path.toAbsolutePath().normalize();
        if (SingleFileVolume.isLooseFile(p)) {
            return SingleFileVolume.create(p);
        }
        if (Files.isRegularFile(p) && p.getParent() != null) {
            p = p.getParent();
        }
        return Volume.open(p);
    }

    private void start(Volume opened, boolean isDemo) {
        closeSession();
        closeDemo();
        window.opened(opened, isDemo);
        following = opened;
        starting.submit(() -> sessions.start(opened, batch -> {
            if (following == opened) {
                window.batch(batch);
            }
        }), started -> session = started, e -> window.cannotFollow(opened, e), VolumeOpener::closeQuietly);
    }

    /** Stops following and closes the session and the demo (the window is closing). */
    void shutdown() {
        stopFollowing();
        closeSession();
        if (demo != null) {
            demo.close();
            demo = null;
        }
    }

    /** Another volume is being opened (or none): the one shown so far gets no more batches or sessions. */
    private void stopFollowing() {
        following = null;
        openWork.cancel();
        starting.cancel();
    }

    private void closeSession() {
        if (session != null) {
            closeQuietly(session);
            session = null;
        }
    }

    private void closeDemo() {
        if (demo != null) {
            Demo closing = demo;
            demo = null;
            // Stops the driver and deletes the temporary folder: file work, so not on the UI thread.
            tasks.submit(() -> {
                closing.close();
                return null;
            }, done -> { }, e -> { });
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing is best effort
        }
    }
}
