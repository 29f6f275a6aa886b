package dev.omne.inspector.ui.app;

import dev.omne.inspector.ui.export.ExportDialogViewModel;
import dev.omne.inspector.ui.inject.InjectDialogViewModel;
import dev.omne.inspector.ui.runs.RunItem;
import dev.omne.inspector.ui.detail.DetailViewModel;
import dev.omne.inspector.ui.events.EventTableViewModel;
import dev.omne.inspector.ui.filter.FilterBarViewModel;
import dev.omne.inspector.ui.history.HistoryViewModel;
import dev.omne.inspector.ui.runs.RunListViewModel;
import dev.omne.inspector.ui.timeline.TimelineViewModel;
import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.log.AppendOptions;
import dev.omne.inspector.core.volume.NotAVolumeException;
import dev.omne.inspector.ui.session.SingleFileVolume;
import dev.omne.inspector.core.volume.Volume;
import dev.omne.inspector.ui.common.Formats;
import dev.omne.inspector.ui.runs.RunStatus;
import dev.omne.inspector.ui.app.AppSettings;
import dev.omne.inspector.ui.inject.EventAppender;
import dev.omne.inspector.ui.common.LatestResult;
import dev.omne.inspector.ui.common.Messages;
import dev.omne.inspector.ui.session.RunChange;
import dev.omne.inspector.ui.session.SessionBatch;
import dev.omne.inspector.ui.theme.SystemColorScheme;
import dev.omne.inspector.ui.theme.Theme;
import dev.omne.inspector.ui.theme.ThemeSetting;
import dev.omne.inspector.ui.common.DocumentOpener;
import dev.omne.inspector.ui.common.TaskExecutor;
import dev.omne.inspector.ui.common.TextClipboard;
import dev.omne.inspector.ui.session.VolumeSession;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The window: which volume is open (or why none is), its session, recent folders, and the ViewModels of the
 * runs list, event table, detail pane and status bar, wired so that selecting a run shows its events and
 * selecting an event shows it in full.
 */
public final class MainWindowViewModel {
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

    private static final String APP = "omne inspector";

    /** The demo started and its volume opened, in the background. */
    private record OpenedDemo(Demo demo, Volume volume) {
    }

    private final TaskExecutor tasks;
    private final VolumeSession.Factory sessions;
    private final AppSettings settings;
    private final DemoLauncher demoLauncher;
    private final Clock clock;
    private final EventAppender appender;

    private final RunListViewModel runList;
    private final EventTableViewModel eventTable;
    private final FilterBarViewModel filterBar;
    private final DetailViewModel detail;
    private final StatusBarViewModel statusBar = new StatusBarViewModel();
    private final TimelineViewModel timeline;
    private final HistoryViewModel history;
    private final NodeJump nodeJump;

    private final ReadOnlyObjectWrapper<Volume> volume = new ReadOnlyObjectWrapper<>(this, "volume");
    private final ReadOnlyObjectWrapper<EmptyState> emptyState = new ReadOnlyObjectWrapper<>(this, "emptyState");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", APP);
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper(this, "opening");
    private final ReadOnlyBooleanWrapper demoOpen = new ReadOnlyBooleanWrapper(this, "demoOpen");
    private final ObservableList<String> recentFolders = FXCollections.observableArrayList();
    private final ObjectProperty<ThemeSetting> themeSetting = new SimpleObjectProperty<>(this, "themeSetting",
            ThemeSetting.SYSTEM);
    private final ReadOnlyObjectWrapper<Theme> effectiveTheme = new ReadOnlyObjectWrapper<>(this, "effectiveTheme",
            Theme.LIGHT);
    private ObservableValue<Theme> systemTheme = SystemColorScheme.fixed(Theme.LIGHT).preferredTheme();
    private final ChangeListener<Theme> systemThemeChanged = (obs, old, now) -> updateEffectiveTheme();
    private boolean saveThemeSetting = true;
    private final ReadOnlyStringWrapper injectRefusal = new ReadOnlyStringWrapper(this, "injectRefusal", NO_RUN_TO_INJECT);
    /** Whether the selected run can be written to: only the latest check counts. */
    private final LatestResult injectCheck;

    static final String NO_RUN_TO_INJECT = "Select a run to append an event to";

    private DocumentOpener documentOpener = uri -> {
        throw new UnsupportedOperationException("no desktop to open " + uri + " with");
    };

    private AutoCloseable session;
    private Demo demo;
    /** Opening a folder or the demo: a newer open makes an older one stale. */
    private final LatestResult openWork;
    /** Starting the opened volume's session; a stale one is closed. */
    private final LatestResult starting;
    /** The volume whose session's batches are wanted (null while another is being opened). */
    private Volume following;
    private boolean listed;
    /** The shown run was opened on a preview of its log. */
    private boolean openedWhileIndexing;
    private String focusRun;

    public MainWindowViewModel(TaskExecutor tasks, VolumeSession.Factory sessions, AppSettings settings,
                               TextClipboard clipboard, DemoLauncher demoLauncher, Clock clock, ZoneId zone) {
        this(tasks, sessions, settings, clipboard, demoLauncher, clock, zone, EventAppender.locked(AppendOptions.DEFAULT));
    }

    public MainWindowViewModel(TaskExecutor tasks, VolumeSession.Factory sessions, AppSettings settings,
                               TextClipboard clipboard, DemoLauncher demoLauncher, Clock clock, ZoneId zone,
                               EventAppender appender) {
        this.appender = appender;
        this.tasks = tasks;
        this.injectCheck = new LatestResult(tasks);
        this.openWork = new LatestResult(tasks);
        this.starting = new LatestResult(tasks);
        this.sessions = sessions;
        this.settings = settings;
        this.demoLauncher = demoLauncher;
        this.clock = clock;
        this.runList = new RunListViewModel(clock);
        this.eventTable = new EventTableViewModel(tasks, clipboard, statusBar::showMessage, zone);
        this.detail = new DetailViewModel(tasks, clipboard, statusBar::showMessage);
        this.filterBar = new FilterBarViewModel(tasks);
        filterBar.resultProperty().addListener((obs, old, result) -> eventTable.applyFilter(result));
        statusBar.connect(eventTable::diagnostics, eventTable::goToRow, eventTable::selectedRow);
        this.timeline = new TimelineViewModel(tasks, () -> micros(clock), zone);
        wireTimeline(zone);
        this.history = new HistoryViewModel(tasks, clock, zone, id -> {
            RunItem run = runList.find(id);
            return run == null ? null : run.status();
        });
        this.nodeJump = new NodeJump(eventTable, statusBar::showMessage);
        history.setNodeOpener(this::openRunAt);
        history.setMessages(statusBar::showMessage);
        recentFolders.setAll(settings.recentFolders());
        themeSetting.set(settings.themeSetting());
        themeSetting.addListener((obs, old, now) -> {
            if (now == null) {
                themeSetting.set(ThemeSetting.SYSTEM);
                return;
            }
            if (saveThemeSetting) {
                settings.setThemeSetting(now);
            }
            updateEffectiveTheme();
        });
        systemTheme.addListener(systemThemeChanged);
        updateEffectiveTheme();
        eventTable.relativeTimeProperty().set(settings.relativeTime());
        eventTable.relativeTimeProperty().addListener((obs, old, relative) -> settings.setRelativeTime(relative));

        runList.selectedProperty().addListener((obs, old, run) -> showRun(run));
        runList.selectedProperty().addListener((obs, old, run) -> checkInjectable());
        eventTable.selectedRowProperty().addListener((obs, old, row) ->
                detail.show(eventTable.snapshot(), row.intValue()));
        eventTable.followingProperty().addListener((obs, old, now) -> updateFollow());
        eventTable.unseenRowsProperty().addListener((obs, old, now) -> updateFollow());
        emptyState.set(EmptyState.nothingOpen());
    }

    // Properties

    public RunListViewModel runList() {
        return runList;
    }

    public FilterBarViewModel filterBar() {
        return filterBar;
    }

    public EventTableViewModel eventTable() {
        return eventTable;
    }

    public DetailViewModel detail() {
        return detail;
    }

    public StatusBarViewModel statusBar() {
        return statusBar;
    }

    /** The node timeline above the events. */
    public TimelineViewModel timeline() {
        return timeline;
    }

    /** The volume's history: its runs by node, node statistics, two runs compared. */
    public HistoryViewModel history() {
        return history;
    }

    public ReadOnlyObjectProperty<Volume> volumeProperty() {
        return volume.getReadOnlyProperty();
    }

    /** Non-null while no volume is shown: what to show instead. */
    public ReadOnlyObjectProperty<EmptyState> emptyStateProperty() {
        return emptyState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Whether a volume is being opened and has not delivered its runs yet. */
    public ReadOnlyBooleanProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty demoOpenProperty() {
        return demoOpen.getReadOnlyProperty();
    }

    /** The chosen theme (System, Light, Dark); a change is saved at once. */
    public ObjectProperty<ThemeSetting> themeSettingProperty() {
        return themeSetting;
    }

    /** The theme shown: the chosen one, or under {@link ThemeSetting#SYSTEM} the one the OS prefers now. */
    public ReadOnlyObjectProperty<Theme> effectiveThemeProperty() {
        return effectiveTheme.getReadOnlyProperty();
    }

    /** Most recent first. */
    public ObservableList<String> recentFolders() {
        return recentFolders;
    }

    public AppSettings settings() {
        return settings;
    }

    /**
     * Why no event can be appended to the selected run now (no run, the folder missing, a link, read-only…), or
     * null when Inject may be used.
     */
    public ReadOnlyStringProperty injectRefusalProperty() {
        return injectRefusal.getReadOnlyProperty();
    }

    // Commands

    /** Follows the operating system's light or dark preference (the window passes the platform's). */
    public void useSystemColorScheme(SystemColorScheme scheme) {
        systemTheme.removeListener(systemThemeChanged);
        systemTheme = scheme.preferredTheme();
        systemTheme.addListener(systemThemeChanged);
        updateEffectiveTheme();
    }

    public void setThemeSetting(ThemeSetting setting) {
        themeSetting.set(setting);
    }

    /** Ctrl+Shift+D: light if dark is shown, else dark, chosen explicitly (no longer following the OS). */
    public void toggleTheme() {
        themeSetting.set(ThemeSetting.of(effectiveTheme.get().opposite()));
    }

    /**
     * Shows {@code setting} for this session without saving it (e.g. {@code -Domne.theme=dark} for a screenshot);
     * a later choice in the window is saved as usual.
     */
    public void showThemeUnsaved(ThemeSetting setting) {
        saveThemeSetting = false;
        try {
            themeSetting.set(setting);
        } finally {
            saveThemeSetting = true;
        }
    }

    private void updateEffectiveTheme() {
        Theme system = systemTheme.getValue();
        effectiveTheme.set(themeSetting.get().resolve(system == null ? Theme.LIGHT : system));
    }

    /** Checks, in the background, whether the selected run can be written to. */
    public void checkInjectable() {
        RunItem run = runList.selected();
        Volume open = volume.get();
        if (run == null || open == null) {
            injectCheck.cancel();
            injectRefusal.set(NO_RUN_TO_INJECT);
            return;
        }
        String runId = run.runId();
        injectCheck.submit(() -> appender.whyNotWritable(open, runId),
                refusal -> injectRefusal.set(refusal.map(r -> "Cannot append to this run: " + r).orElse(null)),
                e -> injectRefusal.set("Cannot append to this run: " + Messages.describe(e)));
    }

    /**
     * The Inject dialog for the selected run, or null when there is none. Once an event is appended, its run is
     * shown and the event's row selected when live follow brings it.
     */
    public InjectDialogViewModel newInjectDialog() {
        RunItem selected = runList.selected();
        Volume open = volume.get();
        if (selected == null || open == null) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        for (RunItem run : runList.visibleRuns()) {
            ids.add(run.runId());
        }
        if (!ids.contains(selected.runId())) {
            ids.addFirst(selected.runId());
        }
        return new InjectDialogViewModel(tasks, appender, open, ids, selected.runId(), runId -> {
            RunItem run = runList.find(runId);
            return run == null ? null : run.snapshot();
        }, clock, this::injected);
    }

    /**
     * Shows a run in the single-run view at a line (its row selected and in view), the events of {@code nodeId}
     * marked; the run's rows may arrive later (a log still being indexed), and the jump waits for them.
     */
    public void openRunAt(String runId, String nodeId, long line) {
        history.shownProperty().set(false);
        if (!runList.select(runId)) {
            statusBar.showMessage("Run " + runId + " is no longer in the volume");
            return;
        }
        nodeJump.await(runId, nodeId, line);
    }

    /** Compares two runs in the history (and shows it). */
    public void compareRuns(String a, String b) {
        history.compare(a, b);
        history.shownProperty().set(true);
    }

    /** How folders are shown on this desktop (the window passes its HostServices). */
    public void useDocumentOpener(DocumentOpener opener) {
        this.documentOpener = opener;
    }

    /** "Open containing folder" for the shown run. */
    public void openContainingFolder() {
        eventTable.openContainingFolder(documentOpener);
    }

    /** The Export dialog for the shown run ({@code selected}: its selected rows), or null when no run is shown. */
    public ExportDialogViewModel newExportDialog(List<Integer> selected) {
        IndexSnapshot s = eventTable.snapshot();
        if (s == null) {
            statusBar.showMessage("Select a run to export");
            return null;
        }
        ExportDialogViewModel dialog = new ExportDialogViewModel(tasks, s, eventTable.runId(), selected,
                statusBar::showMessage, text -> {
                    if (text == null) {
                        updateCounts();
                    } else {
                        statusBar.setProgress(text, -1);
                    }
                });
        // Exporting what is shown: the window's filter starts as the export's (selected rows all match it).
        if (filterBar.isActive()) {
            dialog.filterTextProperty().set(filterBar.textProperty().get().strip());
        }
        return dialog;
    }

    private void injected(String runId, String line, int rowsBefore) {
        RunItem shown = runList.selected();
        if (shown == null || !shown.runId().equals(runId)) {
            runList.select(runId);
        }
        eventTable.selectWhenAppended(runId, line, rowsBefore);
        statusBar.showMessage("Appended a " + typeOf(line) + " event to " + runId);
    }

    private static String typeOf(String line) {
        int at = line.indexOf("\"type\":\"");
        if (at < 0) {
            return "new";
        }
        int from = at + 8;
        int end = line.indexOf('"', from);
        return end < 0 ? "new" : line.substring(from, end);
    }

    /**
     * Opens a project folder, its {@code .omne} folder, a run folder, the folder of an events file, or a plain
     * {@code .jsonl} file outside any volume (shown as a volume of one run, read only).
     */
    public void open(Path path) {
        stopFollowing();
        opening.set(true);
        statusBar.setProgress("Opening " + path + "…", -1);
        openWork.submit(() -> resolve(path), resolved -> startSession(resolved, false), e -> {
            closeSession();
            closeDemo();
            history.close();
            opening.set(false);
            statusBar.clearProgress();
            if (e instanceof NotAVolumeException nv) {
                emptyState.set(EmptyState.noVolume(nv.path()));
                statusBar.showMessage("No .omne folder in " + nv.path());
            } else {
                emptyState.set(EmptyState.cannotOpen(path, Messages.describe(e)));
                statusBar.showMessage("Cannot open " + path + ": " + Messages.describe(e));
            }
            title.set(APP);
        });
    }

    private static Volume resolve(Path path) throws IOException {
        Path p = path.toAbsolutePath().normalize();
        if (SingleFileVolume.isLooseFile(p)) {
            return SingleFileVolume.create(p); // a .jsonl outside any volume: one run, read only
        }
        if (Files.isRegularFile(p) && p.getParent() != null) {
            p = p.getParent();
        }
        return Volume.open(p);
    }

    /** Opens {@code folder} when it holds {@code .omne}, else the demo volume (a start with no argument). */
    public void openFolderOrDemo(Path folder) {
        tasks.submit(() -> Files.isDirectory(folder.resolve(Volume.OMNE_DIR)), isVolume -> {
            if (isVolume) {
                open(folder);
            } else {
                openDemo();
            }
        }, e -> openDemo());
    }

    /** Opens the embedded demo volume, whose live run grows by itself. */
    public void openDemo() {
        stopFollowing();
        opening.set(true);
        statusBar.setProgress("Preparing the demo volume…", -1);
        openWork.submit(() -> {
            Demo started = demoLauncher.start();
            try {
                return new OpenedDemo(started, Volume.open(started.root()));
            } catch (IOException | RuntimeException e) {
                started.close();
                throw e;
            }
        }, opened -> {
            startSession(opened.volume(), true);
            demo = opened.demo();
        }, e -> {
            opening.set(false);
            statusBar.clearProgress();
            emptyState.set(EmptyState.cannotOpen(null, "The demo volume could not be prepared: "
                    + Messages.describe(e)));
        }, stale -> stale.demo().close());
    }

    private void startSession(Volume opened, boolean isDemo) {
        closeSession();
        closeDemo();
        runList.clear();
        eventTable.clear();
        detail.clear();
        listed = false;
        focusRun = opened.focusRun().orElse(null);
        volume.set(opened);
        demoOpen.set(isDemo);
        emptyState.set(null);
        statusBar.setVolumePath(opened.root().toString());
        statusBar.setCounts(false, 0, 0, 0);
        statusBar.setProgress("Reading runs…", -1);
        title.set(opened.root().getFileName() + (isDemo ? " (demo)" : "") + " — " + APP);
        if (!isDemo) {
            remember(opened.root().toString());
        }
        following = opened;
        history.open(opened);
        starting.submit(() -> sessions.start(opened, batch -> {
            if (following == opened) {
                apply(batch);
            }
        }), started -> session = started, e -> {
            opening.set(false);
            statusBar.clearProgress();
            statusBar.showMessage("Cannot follow " + opened.root() + ": " + Messages.describe(e));
        }, MainWindowViewModel::closeQuietly);
    }

    /** A batch of changes from the session, on the UI thread. */
    void apply(SessionBatch batch) {
        runList.apply(batch);
        history.apply(batch);
        RunItem shown = runList.selected();
        if (shown != null) {
            for (RunChange change : batch.runs()) {
                if (change.runId().equals(shown.runId())) {
                    if (!shown.runId().equals(eventTable.runId())) {
                        showRun(shown);
                    } else if (eventTable.snapshot() == null && change.snapshot() != null) {
                        // The first rows of a run shown before its log was read: open it as a run is opened.
                        showRun(shown);
                    } else {
                        boolean wasIndexing = openedWhileIndexing;
                        eventTable.update(change.snapshot(), change.reset());
                        if (change.reset()) {
                            filterBar.show(change.snapshot());
                        } else {
                            filterBar.grow(change.snapshot());
                        }
                        if (wasIndexing && !change.indexing()) {
                            openedWhileIndexing = false;
                            // Opened on the start of its log; now the whole log says whether it is still being written.
                            if (shown.status() == RunStatus.RUNNING && eventTable.selectedRow() < 0) {
                                eventTable.followEnd();
                            }
                        }
                    }
                }
            }
        }
        if (batch.listed() && !listed) {
            // Every run is known: show the one the folder was opened at, or the newest.
            listed = true;
            opening.set(false);
            if (runList.selected() == null && (focusRun == null || !runList.select(focusRun))) {
                runList.selectNewestIfNone();
            }
        }
        if (!batch.notices().isEmpty()) {
            statusBar.showMessage(batch.notices().getLast());
        }
        updateCounts();
    }

    private void showRun(RunItem run) {
        if (run == null) {
            eventTable.clear();
            filterBar.show(null);
            detail.clear();
            updateCounts();
            return;
        }
        if (run.runId().equals(focusRun)) {
            focusRun = null;
        }
        detail.clear();
        openedWhileIndexing = run.indexing();
        eventTable.show(run.runId(), run.snapshot(), run.status() == RunStatus.RUNNING, filterBar.isActive());
        filterBar.show(run.snapshot());
        updateCounts();
    }

    private void updateCounts() {
        RunItem run = runList.selected();
        IndexSnapshot s = eventTable.snapshot();
        if (run == null || s == null) {
            statusBar.setCounts(run != null, 0, 0, 0);
        } else {
            statusBar.setCounts(true, s.eventCount(), s.errorCount(), s.warningCount());
        }
        if (opening.get()) {
            statusBar.setProgress("Reading runs…", -1);
        } else if (run != null && run.indexing()) {
            statusBar.setProgress("Indexing " + run.shortId() + (run.fileBytes() > 0
                    ? " (" + Formats.bytes(run.fileBytes()) + ")" : "") + "…", -1);
        } else {
            statusBar.clearProgress();
        }
        updateFollow();
    }

    private void updateFollow() {
        statusBar.setFollow(eventTable.isFollowing(), eventTable.unseenRowsProperty().get());
    }

    /**
     * The timeline shows what the filter leaves of the shown run (rebuilt in the background as either changes).
     * Choosing a node marks its events in the table and selects the one clicked; a range dragged on the axis
     * becomes the filter's time range.
     */
    private void wireTimeline(ZoneId zone) {
        filterBar.resultProperty().addListener((obs, old, r) -> {
            if (r == null) {
                timeline.clear();
            } else {
                timeline.rebuild(r.snapshot(), r.rows());
            }
        });
        timeline.setOnNodeChosen(node -> eventTable.chooseNode(node, timeline.chosenFromRow()));
        eventTable.selectedRowProperty().addListener((obs, old, row) -> {
            IndexSnapshot s = eventTable.snapshot();
            int r = row.intValue();
            timeline.markEvent(s == null || r < 0 || r >= s.size() ? Timestamps.NONE : s.tsMicros(r));
        });
        timeline.setOnRangeChosen((from, to) -> {
            filterBar.setTimeRange(from, to);
            statusBar.showMessage("Showing " + Formats.clock(from, zone) + " – " + Formats.clock(to, zone) + " ("
                    + Formats.duration((to - from) / 1000) + "); Esc clears the filter");
        });
    }

    private static long micros(Clock clock) {
        java.time.Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }

    /** Time passed: run statuses and relative times. */
    public void tick() {
        runList.tick();
        history.tick();
    }

    public void clearRecentFolders() {
        recentFolders.clear();
        settings.setRecentFolders(List.of());
    }

    private void remember(String folder) {
        List<String> list = new ArrayList<>(recentFolders);
        list.remove(folder);
        list.addFirst(folder);
        while (list.size() > AppSettings.MAX_RECENT) {
            list.removeLast();
        }
        recentFolders.setAll(list);
        settings.setRecentFolders(list);
    }

    // Window state kept between starts

    public Optional<AppSettings.Bounds> windowBounds() {
        return settings.bounds();
    }

    public void saveWindowBounds(AppSettings.Bounds bounds) {
        settings.setBounds(bounds);
    }

    public double[] splitPositions(String name, double... fallback) {
        return settings.splits(name, fallback);
    }

    public void saveSplitPositions(String name, double... positions) {
        settings.setSplits(name, positions);
    }

    /** Stops following and the demo, and writes the settings out. */
    public void shutdown() {
        stopFollowing();
        closeSession();
        history.close();
        if (demo != null) {
            demo.close();
            demo = null;
        }
        settings.flush();
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
        demoOpen.set(false);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing is best effort
        }
    }
}
