package io.tandem.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The testkit serves every adapter's tests, so it imports none of them. */
class TestkitArchitectureTest {

  @Test
  void testkit_neverDependsOnAnAdapterOrTheServer() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.tandem.sip..", "io.tandem.graph..", "io.tandem.acs..", "io.tandem.server..")
        .because("adapters never import each other, not even through their shared test fixtures")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tandem.testkit"));
  }
}
