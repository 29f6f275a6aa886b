package dev.omne.inspector.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.omne.inspector.core.index.RunIndex;
import dev.omne.inspector.core.log.EventLog;
import dev.omne.inspector.core.log.EventReader;
import dev.omne.inspector.core.log.LineJudge;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering of design.md, kept by test: core knows nothing above it, only ui knows JavaFX, and the window's
 * features use each other only as {@link #FEATURES} says.
 */
class ArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.omne.inspector");
    }

    @Test
    void coreTailAndCliNeverTouchJavaFx() {
        noClasses().that().resideInAnyPackage("..inspector.core..", "..inspector.tail..", "..inspector.cli..",
                        "..inspector.generate..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.kordamp..")
                .check(classes);
    }

    @Test
    void coreDependsOnNothingAboveIt() {
        noClasses().that().resideInAPackage("..inspector.core..")
                .should().dependOnClassesThat().resideInAnyPackage("..inspector.tail..", "..inspector.cli..",
                        "..inspector.ui..", "..inspector.generate..")
                .check(classes);
    }

    @Test
    void theGeneratorKnowsOnlyTheCore() {
        noClasses().that().resideInAPackage("..inspector.generate..")
                .should().dependOnClassesThat().resideInAnyPackage("..inspector.tail..", "..inspector.cli..",
                        "..inspector.ui..")
                .check(classes);
    }

    @Test
    void tailAndCliDoNotKnowTheWindow() {
        noClasses().that().resideInAnyPackage("..inspector.tail..", "..inspector.cli..")
                .should().dependOnClassesThat().resideInAPackage("..inspector.ui..")
                .check(classes);
    }

    @Test
    void viewsNeverTouchFilesOrTheLogCoreDirectly() {
        DescribedPredicate<JavaClass> fileWork = JavaClass.Predicates.belongToAnyOf(Files.class, FileChannel.class,
                        FileInputStream.class, FileOutputStream.class, RandomAccessFile.class, EventReader.class,
                        EventLog.class, RunIndex.class, LineJudge.class)
                .or(JavaClass.Predicates.resideInAPackage("..inspector.tail.."));
        noClasses().that().resideInAPackage("..inspector.ui..").and().haveSimpleNameEndingWith("View")
                .should().dependOnClassesThat(fileWork)
                .because("views bind to ViewModels; file work happens in services on background threads")
                .check(classes);
    }

    @Test
    void viewModelsAndServicesDoNotKnowTheViews() {
        noClasses().that().resideInAPackage("..inspector.ui..").and().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("View")
                .check(classes);
        noClasses().that().resideInAPackage("..inspector.ui..").and(DescribedPredicate.not(VISUAL))
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .because("only the visual classes build the scene; ViewModels and the plain logic beside them"
                        + " are tested without a window")
                .check(classes);
    }

    /**
     * Which features of the window may use which: each feature package holds its Views, ViewModels and the plain
     * logic only it uses, and reaches another feature only where this table says so. {@code app} puts the
     * window together and may use them all; {@code common} is for all.
     */
    static final Map<String, Set<String>> FEATURES = Map.ofEntries(
            Map.entry("common", Set.of()),
            Map.entry("theme", Set.of("common")),
            Map.entry("session", Set.of("common")),
            Map.entry("runs", Set.of("common", "session")),
            Map.entry("filter", Set.of("common")),
            Map.entry("events", Set.of("common", "filter")),
            Map.entry("detail", Set.of("common")),
            Map.entry("timeline", Set.of("common", "runs")),
            Map.entry("inject", Set.of("common")),
            Map.entry("export", Set.of("common")),
            Map.entry("open", Set.of("common")),
            Map.entry("history", Set.of("common", "session", "runs")),
            Map.entry("demo", Set.of()),
            Map.entry("app", Set.of("common", "theme", "session", "runs", "filter", "events", "detail", "timeline",
                    "inject", "export", "open", "history", "demo")));

    @Test
    void featuresReachEachOtherOnlyThroughTheOnesNamed() {
        for (var feature : FEATURES.entrySet()) {
            String[] others = FEATURES.keySet().stream()
                    .filter(f -> !f.equals(feature.getKey()) && !feature.getValue().contains(f))
                    .map(f -> "dev.omne.inspector.ui." + f + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("dev.omne.inspector.ui." + feature.getKey() + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("ui." + feature.getKey() + " may use only " + feature.getValue())
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void everyPackageOfTheWindowIsANamedFeature() {
        Set<String> packages = new java.util.TreeSet<>();
        for (JavaClass c : classes) {
            String name = c.getPackageName();
            if (name.startsWith("dev.omne.inspector.ui.")) {
                packages.add(name.substring("dev.omne.inspector.ui.".length()).split("\\.")[0]);
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(FEATURES.keySet().containsAll(packages),
                "packages of ui that are not in FEATURES: " + packages.stream().filter(p -> !FEATURES.containsKey(p)).toList());
        org.junit.jupiter.api.Assertions.assertTrue(classes.stream().noneMatch(c -> c.getPackageName()
                .equals("dev.omne.inspector.ui")), "every class of the window belongs to a feature");
    }

    /** Classes that build or draw the scene: Views and their parts, and the window's own pieces. */
    static final DescribedPredicate<JavaClass> VISUAL = DescribedPredicate.describe("visual classes", c -> {
        String top = c.getName().substring(c.getPackageName().length() + 1).split("\\$")[0];
        return top.matches(".*(View|Cell|Cells|Painter|Gestures?|Header|Style|Pane|Controller)") || Set.of("InspectorApp", "StartFrame", "DialogStage", "WindowThemes", "WhileShowing", "Action", "AppIcon",
                "AppIcons", "Styles").contains(top);
    });

    @Test
    void noPackageCycles() {
        slices().matching("dev.omne.inspector.(*)..").should().beFreeOfCycles().check(classes);
        slices().matching("dev.omne.inspector.ui.(*)..").should().beFreeOfCycles().check(classes);
    }
}
