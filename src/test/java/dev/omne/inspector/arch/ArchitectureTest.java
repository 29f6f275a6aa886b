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

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The layering of design.md, kept by test: core knows nothing above it, and only ui knows JavaFX. */
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
                        "..inspector.bench..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.kordamp..")
                .check(classes);
    }

    @Test
    void coreDependsOnNothingAboveIt() {
        noClasses().that().resideInAPackage("..inspector.core..")
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
        noClasses().that().resideInAnyPackage("..inspector.ui.service..", "..inspector.ui.model..",
                        "..inspector.ui.demo..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.omne.inspector.(*)..").should().beFreeOfCycles().check(classes);
    }
}
