package org.probstab.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The packages of core form a DAG (STYLE 16): random streams and special functions at the bottom, the science in the
 * middle, sweeps on top. A cycle between any two packages fails the build, naming the classes that make it.
 */
class PackageCycleTest {

    static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.probstab");

    @Test
    void corePackagesHaveNoCycles() {
        slices().matching("org.probstab.(**)").should().beFreeOfCycles().check(CORE);
    }
}
