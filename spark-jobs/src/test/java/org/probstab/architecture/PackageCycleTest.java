package org.probstab.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The packages of core and spark-jobs together form a DAG (STYLE 16): core below spark and render, figures above
 * both, the command line on top. A cycle between any two packages fails the build, naming the classes that make it.
 */
class PackageCycleTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.probstab");

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.probstab.(**)").should().beFreeOfCycles().check(MAIN);
    }

    /** Render draws tables held in memory; only the table reader needs Spark. */
    @Test
    void renderHasNoSpark() {
        noClasses().that().resideInAPackage("org.probstab.render..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "org.apache.hadoop..",
                        "org.probstab.spark..", "org.probstab.figures..", "org.probstab.cli..", "scala..")
                .check(MAIN);
    }

    /** The deep-net cells are plain Java: Spark calls them, they do not call Spark. */
    @Test
    void netCellsHaveNoSpark() {
        noClasses().that().resideInAPackage("org.probstab.net..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "org.apache.hadoop..",
                        "org.probstab.spark..", "org.probstab.render..", "org.probstab.figures..",
                        "org.probstab.cli..", "scala..")
                .check(MAIN);
    }

    @Test
    void coreKnowsNothingOfTheEngines() {
        noClasses().that().resideInAnyPackage("org.probstab.config..", "org.probstab.random..",
                        "org.probstab.special..", "org.probstab.law..", "org.probstab.lyapunov..",
                        "org.probstab.stability..", "org.probstab.param..", "org.probstab.table..",
                        "org.probstab.estimator..", "org.probstab.model..", "org.probstab.boundary..",
                        "org.probstab.refine..", "org.probstab.sgd..", "org.probstab.sweep..")
                .should().dependOnClassesThat().resideInAnyPackage("org.probstab.spark..", "org.probstab.render..",
                        "org.probstab.cli..", "org.apache.spark.sql..", "org.apache.hadoop..")
                .check(MAIN);
    }
}
