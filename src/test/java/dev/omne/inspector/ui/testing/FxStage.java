package dev.omne.inspector.ui.testing;

import dev.omne.inspector.ui.common.FxTaskExecutor;
import dev.omne.inspector.ui.common.TaskExecutor;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The one fixture of the window tests, as a JUnit extension ({@code @RegisterExtension final FxStage fx = new
 * FxStage();}): TestFX's stage, shared by the test classes, showing the test's root at the root's own size; a
 * background executor that the fixture owns and closes; and after each test the test's clean-ups run on the FX
 * thread, every other window is closed and the robot lets go of keys and buttons. Test methods may take an
 * {@link FxRobot}.
 */
public final class FxStage implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private final int threads;
    private final FxRobot robot = new FxRobot();
    private final Deque<Runnable> cleanups = new ArrayDeque<>();
    private FxTaskExecutor tasks;
    private Stage stage;

    public FxStage() {
        this(2);
    }

    /** With {@code threads} background threads. */
    public FxStage(int threads) {
        this.threads = threads;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        tasks = new FxTaskExecutor(threads);
    }

    /** The background executor of this test (closed after it). */
    public TaskExecutor tasks() {
        return tasks;
    }

    public FxRobot robot() {
        return robot;
    }

    public Stage stage() {
        return stage;
    }

    /** Builds a root on the FX thread and shows it on the stage at {@code width} x {@code height}; returns it. */
    public <T extends Parent> T show(Supplier<T> root, double width, double height) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            T built = root.get();
            stage.setScene(new Scene(built, width, height));
            // The stage is shared by the test classes: take this scene's size, not the last one's.
            stage.sizeToScene();
            stage.show();
            return built;
        }).get(30, TimeUnit.SECONDS);
    }

    /**
     * Sets the stage up on the FX thread ({@code setUp} gives it a scene), then shows it at its scene's size: the
     * stage is shared by the test classes, so it takes this scene's size, not the last one's.
     */
    public void start(java.util.function.Consumer<Stage> setUp) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            setUp.accept(stage);
            stage.sizeToScene();
            stage.show();
        }).get(30, TimeUnit.SECONDS);
    }

    /** Something to undo after the test, on the FX thread (last added, first run). */
    public void onClose(Runnable cleanup) {
        cleanups.push(cleanup);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        List<Throwable> problems = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            while (!cleanups.isEmpty()) {
                try {
                    cleanups.pop().run();
                } catch (RuntimeException e) {
                    problems.add(e);
                }
            }
            for (Window w : new ArrayList<>(Window.getWindows())) {
                if (w != stage && w instanceof Stage other) {
                    other.close();
                }
            }
        }).get(10, TimeUnit.SECONDS);
        tasks.shutdown();
        robot.release(new KeyCode[0]);
        robot.release(new MouseButton[0]);
        if (!problems.isEmpty()) {
            AssertionError error = new AssertionError("cleaning up after the test failed");
            problems.forEach(error::addSuppressed);
            throw error;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == FxRobot.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return robot;
    }
}
