package io.tandem.graph;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The Extend adapter's boundaries from ARCHITECTURE.md. */
class GraphArchitectureTest {

  @Test
  void graph_dependsOnlyOnCoreIdentityJacksonAndTheJdk() {
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "io.tandem.graph..",
            "io.tandem.core..",
            "io.tandem.identity..",
            "java..",
            "javax.net..",
            "tools.jackson..",
            "org.jspecify..")
        .because("adapters never import each other, the emulator or the server")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tandem.graph"));
  }
}
