package dev.omne.inspector.ui.app;

import dev.omne.inspector.ui.theme.WindowThemes;
import dev.omne.inspector.ui.demo.DemoDriver;
import dev.omne.inspector.ui.demo.DemoVolume;
import dev.omne.inspector.core.history.SummaryCache;
import dev.omne.inspector.core.index.IndexCache;
import dev.omne.inspector.ui.common.FxTaskExecutor;
import dev.omne.inspector.ui.common.TaskExecutor;
import dev.omne.inspector.ui.theme.SystemColorScheme;
import dev.omne.inspector.ui.theme.ThemeSetting;
import dev.omne.inspector.ui.common.TextClipboard;
import dev.omne.inspector.ui.session.VolumeSession;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * The window. With a folder argument it opens that folder; with none it opens the working directory when
 * that holds {@code .omne}, and otherwise the embedded demo volume.
 */
public final class InspectorApp extends Application {
    /** How often the demo's live run gets a new event. */
    static final Duration DEMO_INTERVAL = Duration.ofMillis(500);
    /** A system property naming the theme of this session: {@code dark}, {@code light} or {@code system}. */
    static final String THEME_PROPERTY = "omne.theme";

    /** The window's background threads: the application owns them and closes them when it stops. */
    private final FxTaskExecutor tasks = new FxTaskExecutor(3);
    private MainWindowViewModel model;
    private MainWindowView view;

    public static void launchWindow(String[] args) {
        Application.launch(InspectorApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        model = createModel(AppSettings.NODE, tasks);
        model.useDocumentOpener(uri -> getHostServices().showDocument(uri.toString()));
        model.theme().useSystemColorScheme(SystemColorScheme.platform());
        // -Domne.theme=dark|light|system: that theme for this session, the saved choice left as it is.
        ThemeSetting.parse(System.getProperty(THEME_PROPERTY)).ifPresent(model.theme()::showUnsaved);
        // The frame first, in the theme's colour, with nothing in it that takes long to lay out: it is drawn at
        // once (a first frame holding the whole window would be black until that was styled and laid out).
        Scene scene = new Scene(new javafx.scene.layout.Region(), 1280, 800,
                WindowThemes.fill(model.theme().effectiveProperty().get()));
        stage.setScene(scene);
        stage.getIcons().addAll(AppIcons.all());
        stage.titleProperty().bind(model.titleProperty());
        stage.setMinWidth(720);
        stage.setMinHeight(420);
        MainWindowView.restoreBounds(stage, model.settings());
        stage.show();
        // Then, once that frame has gone to the screen, the window itself and what it opens.
        Runnable[] fill = new Runnable[1];
        fill[0] = () -> {
            scene.removePostLayoutPulseListener(fill[0]);
            Platform.runLater(() -> {
                view = new MainWindowView(model, ZoneId.systemDefault());
                scene.setRoot(view);
                stage.setOnCloseRequest(e -> {
                    view.saveBounds(stage);
                    view.saveLayout();
                });
                openFromArguments(model, getParameters().getRaw());
            });
        };
        scene.addPostLayoutPulseListener(fill[0]);
        Platform.requestNextPulse();
    }

    @Override
    public void stop() {
        if (model != null) {
            model.shutdown();
        }
        tasks.close();
    }

    /** The window's ViewModel with the real services: background threads, the system clipboard, Preferences. */
    static MainWindowViewModel createModel(String preferencesNode, TaskExecutor tasks) {
        TextClipboard clipboard = text -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        };
        AppSettings settings = new AppSettings(SettingsStore.preferences(preferencesNode));
        IndexCache cache = IndexCache.standard();
        // The setting is read as each volume opens: turning it off takes effect from the next volume on.
        MainWindowViewModel model = new MainWindowViewModel(tasks, VolumeSession.factory(Platform::runLater,
                () -> settings.keepIndexes() ? cache : IndexCache.OFF), settings, clipboard, InspectorApp::startDemo,
                Clock.systemUTC(), ZoneId.systemDefault());
        // The history's runs the session has not indexed yet: from their summaries kept at an earlier start.
        SummaryCache summaries = SummaryCache.standard();
        model.history().useStoredSummaries(volume -> settings.keepIndexes() ? summaries.source() : log -> null);
        return model;
    }

    /** Opens the folder given, the working directory when it is a volume, or the demo. */
    static void openFromArguments(MainWindowViewModel model, List<String> args) {
        List<String> folders = args.stream().filter(a -> !a.startsWith("--")).toList();
        if (!folders.isEmpty()) {
            model.open(Path.of(folders.getFirst()));
            return;
        }
        model.openFolderOrDemo(Path.of("").toAbsolutePath());
    }

    /** Copies the demo volume to a temporary folder and starts appending to its live run. */
    public static VolumeOpener.Demo startDemo() throws java.io.IOException {
        DemoVolume volume = DemoVolume.create();
        DemoDriver driver = DemoDriver.start(volume.liveLog(), volume.liveRun(), DEMO_INTERVAL);
        // Also clean up when the process is ended without closing the window.
        Thread cleanup = new Thread(() -> {
            driver.close();
            volume.close();
        }, "omne-demo-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        return new VolumeOpener.Demo() {
            @Override
            public Path root() {
                return volume.root();
            }

            @Override
            public void close() {
                driver.close();
                volume.close();
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanup);
                } catch (IllegalStateException e) {
                    // already shutting down: the hook does the same
                }
            }
        };
    }
}
