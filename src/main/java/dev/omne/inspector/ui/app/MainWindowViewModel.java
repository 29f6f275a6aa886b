package dev.omne.inspector.ui.app;

import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.ui.export.ExportDialogViewModel;
import dev.omne.inspector.ui.inject.InjectDialogViewModel;
import dev.omne.inspector.ui.open.FolderPickerViewModel;
import dev.omne.inspector.ui.runs.RunItem;
import dev.omne.inspector.ui.detail.DetailViewModel;
import dev.omne.inspector.ui.events.EventTableViewModel;
import dev.omne.inspector.ui.filter.FilterBarViewModel;
import dev.omne.inspector.ui.history.HistoryViewModel;
import dev.omne.inspector.ui.runs.RunListViewModel;
import dev.omne.inspector.ui.timeline.TimelineViewModel;
import dev.omne.inspector.core.log.AppendOptions;
import dev.omne.inspector.core.volume.NotAVolumeException;
import dev.omne.inspector.core.volume.Volume;
import dev.omne.inspector.ui.inject.EventAppender;
import dev.omne.inspector.core.Messages;
import dev.omne.inspector.ui.session.SessionBatch;
import dev.omne.inspector.ui.theme.ThemeChoice;
import dev.omne.inspector.ui.common.DocumentOpener;
import dev.omne.inspector.ui.common.TaskExecutor;
import dev.omne.inspector.ui.common.TextClipboard;
import dev.omne.inspector.ui.session.VolumeSession;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * The window: which volume is open (or why none is), its session, recent folders, and the ViewModels of the
 * runs list, event table, detail pane and status bar, wired so that selecting a run shows its events and
 * selecting an event shows it in full.
 */
public final class MainWindowViewModel {
    static final String APP = "omne inspector";

    private final TaskExecutor tasks;
    private final AppSettings settings;
    private final VolumeOpener opener;

    private final RunListViewModel runList;
    private final EventTableViewModel eventTable;
    private final FilterBarViewModel filterBar;
    private final DetailViewModel detail;
    private final StatusBarViewModel statusBar = new StatusBarViewModel();
    private final TimelineViewModel timeline;
    private final HistoryViewModel history;
    private final ShownRun shownRun;
    private final NodeJump nodeJump;

    private final ReadOnlyObjectWrapper<Volume> volume = new ReadOnlyObjectWrapper<>(this, "volume");
    private final ReadOnlyObjectWrapper<EmptyState> emptyState = new ReadOnlyObjectWrapper<>(this, "emptyState");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", APP);
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper(this, "opening");
    private final ReadOnlyBooleanWrapper demoOpen = new ReadOnlyBooleanWrapper(this, "demoOpen");
    private final RecentFolders recentFolders;
    private final ThemeChoice theme;
    private final RunDialogs dialogs;
    private final javafx.beans.property.BooleanProperty keepIndexes =
            new javafx.beans.property.SimpleBooleanProperty(this, "keepIndexes", true);

    private DocumentOpener documentOpener = uri -> {
        throw new UnsupportedOperationException("no desktop to open " + uri + " with");
    };

    private boolean listed;

    public MainWindowViewModel(TaskExecutor tasks, VolumeSession.Factory sessions, AppSettings settings,
                               TextClipboard clipboard, VolumeOpener.DemoLauncher demoLauncher, Clock clock, ZoneId zone) {
        this(tasks, sessions, settings, clipboard, demoLauncher, clock, zone, EventAppender.locked(AppendOptions.DEFAULT));
    }

    public MainWindowViewModel(TaskExecutor tasks, VolumeSession.Factory sessions, AppSettings settings,
                               TextClipboard clipboard, VolumeOpener.DemoLauncher demoLauncher, Clock clock, ZoneId zone,
                               EventAppender appender) {
        this.tasks = tasks;
        this.settings = settings;
        this.opener = new VolumeOpener(tasks, sessions, demoLauncher, new VolumeOpener.Window() {
            @Override
            public void opening(String progress) {
                opening.set(true);
                statusBar.setProgress(progress, -1);
                if (volume.get() == null) {
                    emptyState.set(EmptyState.opening(progress));
                }
            }

            @Override
            public void opened(Volume volume, boolean demo) {
                show(volume, demo);
            }

            @Override
            public void failed(Path path, Throwable e) {
                cannotOpen(path, e);
            }

            @Override
            public void batch(SessionBatch batch) {
                apply(batch);
            }

            @Override
            public void cannotFollow(Volume volume, Throwable e) {
                opening.set(false);
                statusBar.clearProgress();
                statusBar.showMessage("Cannot follow " + volume.root() + ": " + Messages.describe(e));
            }
        });
        this.runList = new RunListViewModel(clock);
        this.eventTable = new EventTableViewModel(tasks, clipboard, statusBar::showMessage, zone);
        this.detail = new DetailViewModel(tasks, clipboard, statusBar::showMessage);
        this.filterBar = new FilterBarViewModel(tasks);
        filterBar.resultProperty().addListener((obs, old, result) -> eventTable.applyFilter(result));
        // A message about the rows of another filter ("Showing 10:02-10:04", "line 7 is hidden") is stale now.
        filterBar.textProperty().addListener((obs, old, text) -> statusBar.showMessage(""));
        statusBar.connect(eventTable.jumps()::diagnostics, eventTable.jumps()::goToRow, eventTable::selectedRow);
        this.timeline = new TimelineViewModel(tasks, () -> Timestamps.micros(clock.instant()), zone);
        this.shownRun = new ShownRun(runList, eventTable, filterBar, detail, statusBar, timeline, opening, zone);
        this.dialogs = new RunDialogs(tasks, appender, clock, volume::get, runList, eventTable, filterBar, statusBar,
                shownRun::updateCounts);
        this.recentFolders = new RecentFolders(settings);
        this.theme = new ThemeChoice(settings.themeSetting(), settings::setThemeSetting);
        this.history = new HistoryViewModel(tasks, clock, zone, id -> {
            RunItem run = runList.find(id);
            return run == null ? null : run.status();
        });
        this.nodeJump = new NodeJump(eventTable, statusBar::showMessage);
        history.setNodeOpener(this::openRunAt);
        history.setMessages(statusBar::showMessage);
        eventTable.cells().relativeTimeProperty().set(settings.relativeTime());
        eventTable.cells().relativeTimeProperty().addListener((obs, old, relative) -> settings.setRelativeTime(relative));
        keepIndexes.set(settings.keepIndexes());
        keepIndexes.addListener((obs, old, keep) -> settings.setKeepIndexes(keep));

        runList.selectedProperty().addListener((obs, old, run) -> shownRun.show(run));
        runList.selectedProperty().addListener((obs, old, run) -> checkInjectable());
        eventTable.selectedRowProperty().addListener((obs, old, row) ->
                detail.show(eventTable.snapshot(), row.intValue()));
        eventTable.followingProperty().addListener((obs, old, now) -> shownRun.updateFollow());
        eventTable.unseenRowsProperty().addListener((obs, old, now) -> shownRun.updateFollow());
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

    /** The theme chosen and the theme shown. */
    public ThemeChoice theme() {
        return theme;
    }

    /**
     * Whether run indexes are kept between starts (and reused when a log has not changed, or only grew); a change is
     * saved at once and applies from the next volume opened.
     */
    public javafx.beans.property.BooleanProperty keepIndexesProperty() {
        return keepIndexes;
    }

    /** Most recent first. */
    public ObservableList<String> recentFolders() {
        return recentFolders.list();
    }

    public AppSettings settings() {
        return settings;
    }

    /**
     * Why no event can be appended to the selected run now (no run, the folder missing, a link, read-only…), or
     * null when Inject may be used.
     */
    public ReadOnlyStringProperty injectRefusalProperty() {
        return dialogs.injectRefusalProperty();
    }

    // Commands

    /** Checks, in the background, whether the selected run can be written to. */
    public void checkInjectable() {
        dialogs.checkInjectable();
    }

    /** The Inject dialog for the selected run, or null when there is none. */
    public InjectDialogViewModel newInjectDialog() {
        return dialogs.newInjectDialog();
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
        eventTable.copies().openFolder(documentOpener);
    }

    /** The Export dialog for the shown run ({@code selected}: its selected rows), or null when no run is shown. */
    public ExportDialogViewModel newExportDialog(List<Integer> selected) {
        ExportDialogViewModel dialog = dialogs.newExportDialog(selected);
        return dialog == null ? null : dialog.remembering(new ExportMemory(settings));
    }

    /** The Open Folder dialog, in the most recent folder (else at home); what it opens, opens here. */
    public FolderPickerViewModel newFolderPicker() {
        return new FolderPickerViewModel(tasks, Path.of(System.getProperty("user.home")), recentFolders.list(), this::open);
    }

    /**
     * Opens a project folder, its {@code .omne} folder, a run folder, the folder of an events file, or a plain
     * {@code .jsonl} file outside any volume (shown as a volume of one run, read only).
     */
    public void open(Path path) {
        opener.open(path);
    }

    /** Opens {@code folder} when it holds {@code .omne}, else the demo volume (a start with no argument). */
    public void openFolderOrDemo(Path folder) {
        opener.openFolderOrDemo(folder);
    }

    /** Opens the embedded demo volume, whose live run grows by itself. */
    public void openDemo() {
        opener.openDemo();
    }

    /** A volume was opened: it replaces what was shown. */
    private void show(Volume opened, boolean isDemo) {
        runList.clear();
        eventTable.clear();
        detail.clear();
        listed = false;
        shownRun.focusOn(opened.focusRun().orElse(null));
        volume.set(opened);
        demoOpen.set(isDemo);
        emptyState.set(null);
        statusBar.setVolumePath(opened.root().toString());
        statusBar.setCounts(false, 0, 0, 0);
        statusBar.setProgress("Reading runs…", -1);
        title.set(opened.root().getFileName() + (isDemo ? " (demo)" : "") + " — " + APP);
        if (!isDemo) {
            recentFolders.remember(opened.root().toString());
        }
        history.open(opened);
    }

    /** {@code path} (null: the demo) could not be opened: the empty state says why. */
    private void cannotOpen(Path path, Throwable e) {
        opening.set(false);
        statusBar.clearProgress();
        history.close();
        if (path == null) {
            emptyState.set(EmptyState.cannotOpen(null, "The demo volume could not be prepared: " + Messages.describe(e)));
            return;
        }
        demoOpen.set(false);
        forgetVolume();
        if (e instanceof NotAVolumeException nv) {
            emptyState.set(EmptyState.noVolume(nv.path()));
            statusBar.showMessage("No .omne folder in " + nv.path());
        } else {
            emptyState.set(EmptyState.cannotOpen(path, Messages.describe(e)));
            statusBar.showMessage("Cannot open " + path + ": " + Messages.describe(e));
        }
        title.set(APP);
    }

    /** The volume shown so far is closed: nothing in the window may still describe it. */
    private void forgetVolume() {
        runList.clear();
        eventTable.clear();
        detail.clear();
        filterBar.show(null);
        volume.set(null);
        statusBar.setVolumePath("");
        statusBar.setCounts(false, 0, 0, 0);
        statusBar.setFollow(false, 0);
    }

    /** A batch of changes from the session, on the UI thread. */
    void apply(SessionBatch batch) {
        runList.apply(batch);
        history.apply(batch);
        shownRun.changed(batch);
        if (batch.listed() && !listed) {
            // Every run is known: show the one the folder was opened at, or the newest.
            listed = true;
            opening.set(false);
            if (runList.selected() == null && (shownRun.focus() == null || !runList.select(shownRun.focus()))) {
                runList.selectNewestIfNone();
            }
        }
        if (!batch.notices().isEmpty()) {
            statusBar.showMessage(batch.notices().getLast());
        }
        shownRun.updateCounts();
    }

    /** Time passed: run statuses and relative times. */
    public void tick() {
        runList.tick();
        history.tick();
    }

    public void clearRecentFolders() {
        recentFolders.clear();
    }

    /** Stops following and the demo, and writes the settings out. */
    public void shutdown() {
        opener.shutdown();
        history.close();
        settings.flush();
    }
}
