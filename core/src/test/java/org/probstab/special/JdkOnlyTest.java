package org.probstab.special;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The special functions sit at the bottom of core: they use the JDK and each other, nothing else. */
class JdkOnlyTest {

    @Test
    void specialDependsOnTheJdkOnly() {
        classes().that().resideInAPackage("org.probstab.special..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.probstab.special..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.probstab.special"));
    }
}
