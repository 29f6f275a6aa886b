package dev.omne.inspector.ui.open;

import dev.omne.inspector.ui.common.SameThreadTaskExecutor;
import dev.omne.inspector.ui.testing.ManualTaskExecutor;
import dev.omne.inspector.ui.testing.TestLogs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** The Open Folder dialog's ViewModel on real folders: listing, marks, moving about, completion, what Open opens. */
class FolderPickerViewModelTest {
    static final String RUN_A = "feature-01kp0f9mwaex93qzkd21j9az2y";
    static final String RUN_B = "bugfix-01kp8a0nc0z1rnsax81s15v8xb";
    static final String S = File.separator;

    @TempDir
    Path dir;

    private Path home;
    private Path demo;
    private final List<Path> opened = new ArrayList<>();

    /**
     * {@code home/} holds {@code .hidden/}, {@code alpha/}, {@code alps/}, {@code demo/} (an omne project of two runs,
     * with a hidden folder among its runs), {@code plain/}, {@code Zeta/} and a file.
     */
    @BeforeEach
    void folders() throws Exception {
        home = dir.resolve("home");
        demo = home.resolve("demo");
        TestLogs.volume(demo, RUN_A, TestLogs.events(2));
        TestLogs.volume(demo, RUN_B, TestLogs.events(2));
        Files.createDirectories(demo.resolve(".omne/var/runs/.scratch"));
        Files.createDirectories(demo.resolve("src"));
        for (String name : List.of(".hidden", "alpha", "alps", "plain", "Zeta")) {
            Files.createDirectories(home.resolve(name));
        }
        Files.writeString(home.resolve("notes.txt"), "not a folder");
    }

    private FolderPickerViewModel picker(String... recent) {
        FolderPickerViewModel model = new FolderPickerViewModel(new SameThreadTaskExecutor(), home, List.of(recent),
                opened::add);
        model.start();
        return model;
    }

    private static List<String> names(FolderPickerViewModel model) {
        return model.shown().rows().stream().map(FolderRow::name).toList();
    }

    private static FolderRow row(FolderPickerViewModel model, String name) {
        return model.shown().rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void startsAtHomeListingEverySubfolderDotFoldersIncludedSortedAndMarksTheProject() {
        FolderPickerViewModel model = picker();
        assertEquals(home, model.shown().folder());
        assertEquals(home + S, model.pathTextProperty().get());
        assertEquals(List.of(".hidden", "alpha", "alps", "demo", "plain", "Zeta"), names(model));
        FolderMark project = model.shown().markOf(row(model, "demo"));
        assertEquals(FolderMark.Kind.PROJECT, project.kind());
        assertEquals("omne project · 2 runs", project.rowNote());
        assertEquals("", model.shown().markOf(row(model, "plain")).rowNote());
        assertEquals(FolderMark.Kind.NONE, model.shown().markProperty().get().kind());
        assertEquals("6 folders (1 omne project) · 1 file not listed", model.shown().summaryProperty().get());
        assertEquals("Open this folder", model.openTextProperty().get());
        assertEquals(List.of("Home"), model.places().stream().map(Place::name).toList());
    }

    @Test
    void startsInTheMostRecentFolderWithTheRecentFoldersAsPlaces() {
        FolderPickerViewModel model = picker(demo.toString(), home.resolve("plain").toString());
        assertEquals(demo, model.shown().folder());
        assertEquals(List.of("Home", "demo", "plain"), model.places().stream().map(Place::name).toList());
        assertEquals("~", model.places().get(1).where());
        assertTrue(model.isShown(model.places().get(1)));
        assertEquals(List.of(".omne", "src"), names(model));
        assertEquals("omne project demo · 2 runs", model.shown().markProperty().get().folderNote());
        assertEquals("omne folder of project demo", model.shown().markOf(row(model, ".omne")).rowNote());
        assertEquals("Open project demo", model.openTextProperty().get());
        model.go(model.places().getFirst());
        assertEquals(home, model.shown().folder());
    }

    @Test
    void descendsIntoDotFoldersAndRunsAndGoesUpWithTheFolderLeftChosen() {
        FolderPickerViewModel model = picker(demo.toString());
        model.descend(row(model, ".omne"));
        assertEquals(demo.resolve(".omne"), model.shown().folder());
        assertEquals(FolderMark.Kind.OMNE, model.shown().markProperty().get().kind());
        assertEquals("The .omne folder of project demo · 2 runs", model.shown().markProperty().get().folderNote());
        assertEquals("Open project demo", model.openTextProperty().get());
        model.descend(row(model, "var"));
        model.descend(row(model, "runs"));
        assertEquals(List.of(".scratch", RUN_B, RUN_A), names(model));
        assertEquals("run of project demo", model.shown().markOf(row(model, RUN_A)).rowNote());
        assertEquals("inside project demo", model.shown().markOf(row(model, ".scratch")).rowNote());
        model.descend(row(model, RUN_A));
        assertEquals(FolderMark.Kind.RUN, model.shown().markProperty().get().kind());
        assertTrue(model.shown().markProperty().get().folderNote().startsWith("Run " + RUN_A + " of project demo"));
        assertEquals(List.of(), names(model));
        assertEquals("No folders here", model.shown().placeholderProperty().get());
        assertEquals("0 folders · 1 file not listed", model.shown().summaryProperty().get());

        model.up();
        assertEquals(demo.resolve(".omne/var/runs"), model.shown().folder());
        assertEquals(RUN_A, model.selectedProperty().get().name());
        model.up();
        model.up();
        model.up();
        assertEquals(demo, model.shown().folder());
        assertEquals(".omne", model.selectedProperty().get().name());
    }

    @Test
    void openOpensTheRowChosenElseTheFolderShownAndCloses() {
        FolderPickerViewModel model = picker();
        model.selectedProperty().set(row(model, "demo"));
        assertEquals("Open project demo", model.openTextProperty().get());
        model.selectedProperty().set(row(model, "plain"));
        assertEquals("Open “plain”", model.openTextProperty().get());
        model.selectedProperty().set(null);
        assertEquals("Open this folder", model.openTextProperty().get());
        model.descend(row(model, "demo"));
        model.descend(row(model, ".omne"));
        model.open();
        assertEquals(List.of(demo.resolve(".omne")), opened);
        assertTrue(model.closedProperty().get());
    }

    @Test
    void enterGoesIntoTheFolderTypedAndOnTheFolderShownOpensIt() {
        FolderPickerViewModel model = picker();
        model.pathTextProperty().set("~/demo/.omne");
        assertEquals("Open “.omne”", model.openTextProperty().get());
        model.enter();
        assertEquals(demo.resolve(".omne"), model.shown().folder());
        assertEquals(demo.resolve(".omne") + S, model.pathTextProperty().get());
        model.pathTextProperty().set("var"); // relative to the folder shown
        model.enter();
        assertEquals(demo.resolve(".omne/var"), model.shown().folder());
        assertTrue(opened.isEmpty());
        model.enter();
        assertEquals(List.of(demo.resolve(".omne/var")), opened);
    }

    @Test
    void enterOnTheFolderShownDoesWhatOpenSays() {
        FolderPickerViewModel model = picker(demo.toString());
        model.up();
        assertEquals("demo", model.selectedProperty().get().name());
        assertEquals("Open project demo", model.openTextProperty().get());
        model.enter();
        assertEquals(List.of(demo), opened);
    }

    @Test
    void aTypedPathThatDoesNotExistSaysSoAndTheDialogStays() {
        FolderPickerViewModel model = picker();
        Path missing = home.resolve("nowhere");
        model.pathTextProperty().set(missing.toString());
        model.enter();
        assertEquals("There is no folder " + missing, model.messageProperty().get());
        assertTrue(model.problemProperty().get());
        assertEquals(home, model.shown().folder());
        model.open();
        assertEquals("There is no folder " + missing, model.messageProperty().get());
        assertFalse(model.closedProperty().get());
        assertTrue(opened.isEmpty());
        model.pathTextProperty().set(missing + "x");
        assertNull(model.messageProperty().get(), "typing clears the message");
    }

    @Test
    void aRecentFolderThatNoLongerExistsSaysSoAndShowsTheNearestFolderAboveIt() throws Exception {
        Path gone = home.resolve("plain/gone/project");
        FolderPickerViewModel model = picker(gone.toString());
        assertEquals(home.resolve("plain"), model.shown().folder());
        assertEquals(gone + " no longer exists; this is the nearest folder above it", model.messageProperty().get());
        assertTrue(model.problemProperty().get());
    }

    @Test
    void aRowRemovedMeanwhileSaysSoPlainly() throws Exception {
        FolderPickerViewModel model = picker();
        FolderRow plain = row(model, "plain");
        Files.delete(home.resolve("plain"));
        model.descend(plain);
        assertEquals(home.resolve("plain") + " no longer exists", model.messageProperty().get());
        assertEquals(home, model.shown().folder());
    }

    @Test
    void aFolderThatCannotBeReadSaysSo() throws Exception {
        Path locked = home.resolve("locked");
        Files.createDirectories(locked);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(locked), "permissions are not enforced for this user (root)");
            FolderPickerViewModel model = picker();
            model.descend(row(model, "locked"));
            assertEquals(locked, model.shown().folder());
            assertEquals("Cannot read " + locked + ": permission denied", model.messageProperty().get());
            assertEquals("This folder cannot be read: permission denied", model.shown().placeholderProperty().get());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void tabCompletesAFolderNameDotFoldersAndOtherFoldersToo() {
        FolderPickerViewModel model = picker();
        // A whole folder's name: the list goes into it.
        model.pathTextProperty().set(home + S + "de");
        assertTrue(model.complete());
        assertEquals(demo + S, model.pathTextProperty().get());
        assertEquals(demo, model.shown().folder());
        assertEquals(List.of(".omne", "src"), names(model));
        model.go(model.places().getFirst());
        model.pathTextProperty().set(home + S + "al");
        assertTrue(model.complete());
        assertEquals(home + S + "alp", model.pathTextProperty().get());
        assertEquals("2 folders start with “alp”: alpha, alps", model.messageProperty().get());
        assertFalse(model.problemProperty().get());
        assertEquals(home, model.shown().folder(), "no folder is whole yet");
        model.pathTextProperty().set(home + S + "ze");
        assertTrue(model.complete());
        assertEquals(home + S + "Zeta" + S, model.pathTextProperty().get(), "whatever the case when only that matches");
        // In a folder other than the one shown, with ~ for home.
        model.pathTextProperty().set("~/demo/.o");
        assertTrue(model.complete());
        assertEquals(demo.resolve(".omne"), model.shown().folder());
        assertEquals(demo.resolve(".omne") + S, model.pathTextProperty().get());
        assertEquals("Open project demo", model.openTextProperty().get());
        // A relative name is in the folder shown.
        model.go(model.places().getFirst());
        model.pathTextProperty().set("pl");
        assertTrue(model.complete());
        assertEquals(home.resolve("plain"), model.shown().folder());
        model.pathTextProperty().set(home + S + "q");
        assertTrue(model.complete());
        assertEquals("No folder there starts with “q”", model.messageProperty().get());
        // No name being typed: Tab moves on.
        model.pathTextProperty().set(home + S);
        assertFalse(model.complete());
        model.pathTextProperty().set("~");
        assertTrue(model.complete());
        assertEquals(home + S, model.pathTextProperty().get());
    }

    @Test
    void typingInTheListGoesOnInThePathFieldAndLeavesTheRowChosen() {
        FolderPickerViewModel model = picker();
        model.selectedProperty().set(row(model, "demo"));
        model.typeInList("p");
        assertEquals(home + S + "p", model.pathTextProperty().get());
        assertNull(model.selectedProperty().get());
        model.typeInList("~");
        assertEquals("~", model.pathTextProperty().get());
        // In the field, / and ~ typed after the folder shown start a new path; typed after an edit, they go on.
        model.selectedProperty().set(row(model, "alpha"));
        assertTrue(model.typeInField("/"));
        assertEquals("/", model.pathTextProperty().get());
        assertFalse(model.typeInField("~"));
        assertFalse(model.typeInField("x"));
        // Choosing a row puts back the folder shown.
        model.selectedProperty().set(row(model, "alpha"));
        assertEquals(home + S, model.pathTextProperty().get());
    }

    @Test
    void foldersAreReadInTheBackgroundAndOnlyTheLatestCounts() throws Exception {
        for (int i = 0; i < 1200; i++) {
            Files.createDirectory(home.resolve("plain").resolve(String.format("d%04d", i)));
        }
        ManualTaskExecutor tasks = new ManualTaskExecutor();
        FolderPickerViewModel model = new FolderPickerViewModel(tasks, home, List.of(demo.toString()), opened::add);
        model.start();
        assertTrue(model.shown().busyProperty().get());
        assertTrue(model.shown().rows().isEmpty(), "nothing is read on the calling thread");
        model.go(new Place("plain", "~", home.resolve("plain"), false));
        tasks.runAll();
        assertEquals(home.resolve("plain"), model.shown().folder(), "the older read is stale");
        assertEquals(1200, model.shown().rows().size());
        assertEquals("d0000", model.shown().rows().getFirst().name());
        assertEquals("1,200 folders", model.shown().summaryProperty().get());
        assertFalse(model.shown().busyProperty().get());
    }
}
