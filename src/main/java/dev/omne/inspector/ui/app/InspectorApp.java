package dev.omne.inspector.ui.app;

import dev.omne.inspector.ui.theme.WindowThemes;
import dev.omne.inspector.ui.demo.DemoDriver;
import dev.omne.inspector.ui.demo.DemoVolume;
import dev.omne.inspector.core.history.SummaryCache;
import dev.omne.inspector.core.index.IndexCache;
import dev.omne.inspector.ui.common.FxTaskExecutor;
import dev.omne.inspector.ui.common.TaskExecutor;
import dev.omne.inspector.ui.theme.SystemColorScheme;
import dev.omne.inspector.ui.theme.Theme;
import dev.omne.inspector.ui.theme.ThemeChoice;
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
        AppSettings settings = new AppSettings(SettingsStore.preferences(AppSettings.NODE));
        // The frame first, in the theme's colour, saying what it opens, with nothing in it that takes long: it goes
        // to the screen at once, while the rest is built.
        ThemeChoice firstTheme = new ThemeChoice(settings.themeSetting(), chosen -> { });
        firstTheme.useSystemColorScheme(SystemColorScheme.platform());
        ThemeSetting.parse(System.getProperty(THEME_PROPERTY)).ifPresent(firstTheme::showUnsaved);
        Theme theme = firstTheme.effectiveProperty().get();
        Scene scene = new Scene(StartFrame.content(theme, StartFrame.opening(getParameters().getRaw())), 1280, 800,
                WindowThemes.fill(theme));
        stage.setScene(scene);
        stage.getIcons().addAll(AppIcons.all());
        stage.titleProperty().unbind(); // a stage shown again (as the tests do) is still bound to the last window's
        stage.setTitle(MainWindowViewModel.APP);
        stage.setMinWidth(720);
        stage.setMinHeight(420);
        MainWindowView.restoreBounds(stage, settings);
        stage.show();
        // The view models are built on a background thread, so the UI thread is free meanwhile to map the window and
        // draw that frame; then the window itself replaces it, and opens what it was given.
        tasks.submit(() -> createModel(settings, tasks), built -> {
            model = built;
            model.useDocumentOpener(uri -> getHostServices().showDocument(uri.toString()));
            model.theme().useSystemColorScheme(SystemColorScheme.platform());
            // -Domne.theme=dark|light|system: that theme for this session, the saved choice left as it is.
            ThemeSetting.parse(System.getProperty(THEME_PROPERTY)).ifPresent(model.theme()::showUnsaved);
            view = new MainWindowView(model, ZoneId.systemDefault());
            scene.setRoot(view);
            stage.titleProperty().bind(model.titleProperty());
            stage.setOnCloseRequest(e -> {
                view.saveBounds(stage);
                view.saveLayout();
            });
            openFromArguments(model, getParameters().getRaw());
        }, failure -> scene.setRoot(StartFrame.content(theme,
                "The window could not start: " + dev.omne.inspector.core.Messages.describe(failure))));
    }

    @Override
    public void stop() {
        if (model != null) {
            model.shutdown();
        }
        tasks.close();
    }

    /** The window's ViewModel with the real services: background threads, the system clipboard, Preferences. */
    static MainWindowViewModel createModel(AppSettings settings, TaskExecutor tasks) {
        TextClipboard clipboard = text -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        };
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
