package dev.omne.inspector.ui.testing;

import dev.omne.inspector.core.log.AppendOptions;
import dev.omne.inspector.ui.app.AppSettings;
import dev.omne.inspector.ui.app.InspectorApp;
import dev.omne.inspector.ui.app.MainWindowView;
import dev.omne.inspector.ui.app.MainWindowViewModel;
import dev.omne.inspector.ui.app.SettingsStore;
import dev.omne.inspector.ui.common.TextClipboard;
import dev.omne.inspector.ui.inject.EventAppender;
import dev.omne.inspector.ui.session.VolumeSession;
import javafx.application.Platform;
import javafx.scene.Scene;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.function.Consumer;

/**
 * The whole window as the FX tests build it, in one place: its ViewModel on the fixture's executor, following
 * volumes through real sessions, with settings in memory, the embedded demo, times in UTC; its View on the
 * fixture's stage; and its ViewModel shut down after the test, before the fixture closes the executor.
 * {@code TestWindow.on(fx).size(1200, 760).open()}; the setters say what a test does differently.
 */
public final class TestWindow {
    private final FxStage fx;
    private SettingsStore store = SettingsStore.inMemory();
    private TextClipboard clipboard = text -> { };
    private EventAppender appender = EventAppender.locked(AppendOptions.DEFAULT);
    private double width = 1200;
    private double height = 760;
    private Consumer<MainWindowViewModel> setUp = model -> { };
    private MainWindowViewModel model;
    private MainWindowView view;

    private TestWindow(FxStage fx) {
        this.fx = fx;
    }

    public static TestWindow on(FxStage fx) {
        return new TestWindow(fx);
    }

    /** Settings kept in {@code store} (to look at them, or to start from saved ones). */
    public TestWindow settings(SettingsStore store) {
        this.store = store;
        return this;
    }

    public TestWindow clipboard(TextClipboard clipboard) {
        this.clipboard = clipboard;
        return this;
    }

    /** Appends through {@code options} (a short lock budget, say). */
    public TestWindow appendOptions(AppendOptions options) {
        this.appender = EventAppender.locked(options);
        return this;
    }

    public TestWindow size(double width, double height) {
        this.width = width;
        this.height = height;
        return this;
    }

    /** More set-up on the FX thread once the ViewModel exists, before the window shows (listeners, timers). */
    public TestWindow setUp(Consumer<MainWindowViewModel> setUp) {
        this.setUp = setUp;
        return this;
    }

    /** Builds the window on the FX thread and shows it. */
    public TestWindow open() throws Exception {
        fx.start(stage -> {
            model = new MainWindowViewModel(fx.tasks(), VolumeSession.factory(Platform::runLater), new AppSettings(store),
                    clipboard, InspectorApp::startDemo, Clock.systemUTC(), ZoneOffset.UTC, appender);
            view = new MainWindowView(model, ZoneOffset.UTC);
            setUp.accept(model);
            stage.setScene(new Scene(view, width, height));
        });
        // The window's ViewModel stops following before the fixture closes its executor.
        fx.onClose(model::shutdown);
        return this;
    }

    public MainWindowViewModel model() {
        return model;
    }

    public MainWindowView view() {
        return view;
    }
}
