package dev.omne.inspector.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
    void noPackageCycles() {
        slices().matching("dev.omne.inspector.(*)..").should().beFreeOfCycles().check(classes);
    }
}
